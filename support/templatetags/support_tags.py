from django import template

from accounts.access import Actor
from accounts.roles import Capability, has_capability
from support.models import SupportEpisode, WaitingListEntry
from support.visitation import QUERY_PARAM, visitation_context

register = template.Library()


@register.simple_tag(takes_context=True)
def person_support(context, person):
    """The person's episodes and waits for the person page; only for roles that work with support.
    The person page's own read is already logged by people.selectors.person_get.

    Also the visitation (support/visitation.py): the citizen's support workers, and the search for one to
    assign, its words in ``?medarbejder=`` when the page is asked without JavaScript."""
    request = context.get("request")
    membership = getattr(request, "membership", None)
    role = membership.role if membership else None
    if not has_capability(role, Capability.WORK_SUPPORT):
        return {"may_work": False}
    actor = Actor(user=request.user, municipality=request.municipality, role=role, path=request.path)
    return {
        "may_work": True,
        "episodes": list(SupportEpisode.objects.filter(municipality=request.municipality, person=person)),
        "waiting": list(
            WaitingListEntry.objects.filter(
                municipality=request.municipality, person=person, closed_on__isnull=True
            )
        ),
        **visitation_context(actor, person, query=request.GET.get(QUERY_PARAM, "")),
    }
