from django import template

from accounts.access import Actor
from accounts.roles import Capability, has_capability
from support import selectors, services
from support.forms import AssignWorkerForm
from support.models import SupportEpisode, WaitingListEntry

register = template.Library()


@register.simple_tag(takes_context=True)
def person_support(context, person):
    """The person's episodes and waits for the person page; only for roles that work with support.
    The person page's own read is already logged by people.selectors.person_get.

    Also the visitation form: who may make a support worker the citizen's worker before support
    starts (support.services.may_assign_worker), and which of the citizen's workers already are."""
    request = context.get("request")
    membership = getattr(request, "membership", None)
    role = membership.role if membership else None
    if not has_capability(role, Capability.WORK_SUPPORT):
        return {"may_work": False}
    actor = Actor(user=request.user, municipality=request.municipality, role=role, path=request.path)
    profiles = list(selectors.workers_for_assignment(actor))
    own = set(person.workers.values_list("pk", flat=True))
    may_assign = services.may_assign_worker(actor, person)
    return {
        "may_work": True,
        "episodes": list(SupportEpisode.objects.filter(municipality=request.municipality, person=person)),
        "waiting": list(
            WaitingListEntry.objects.filter(
                municipality=request.municipality, person=person, closed_on__isnull=True
            )
        ),
        "support_workers": [p for p in profiles if p.user_id in own],
        "may_assign": may_assign,
        "assign_form": AssignWorkerForm(
            workers=[p for p in profiles if p.user_id not in own], auto_id="assign-%s"
        )
        if may_assign
        else None,
    }
