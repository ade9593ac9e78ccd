from django import template

from accounts.roles import Capability, has_capability

register = template.Library()


@register.simple_tag(takes_context=True)
def person_support(context, person):
    """The person's episodes and waits for the person page; only for roles that work with support.
    The person page's own read is already logged by people.selectors.person_get."""
    request = context.get("request")
    membership = getattr(request, "membership", None)
    role = membership.role if membership else None
    if not has_capability(role, Capability.WORK_SUPPORT):
        return {"may_work": False}
    from support.models import SupportEpisode, WaitingListEntry

    return {
        "may_work": True,
        "episodes": list(SupportEpisode.objects.filter(municipality=request.municipality, person=person)),
        "waiting": list(WaitingListEntry.objects.filter(municipality=request.municipality, person=person, closed_on__isnull=True)),
    }
