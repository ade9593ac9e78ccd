from django import template

from accounts.roles import Capability, has_capability

from .. import selectors

register = template.Library()


@register.inclusion_tag("housing/_person_tenancies.html", takes_context=True)
def person_tenancies(context, person):
    """The person's tenancies on their page; the person view has already checked and logged the read."""
    membership = getattr(context.get("request"), "membership", None)
    role = membership.role if membership else None
    tenancies = selectors.person_tenancies(person)
    has_current = any(t.ends_on is None for t in tenancies)
    return {
        "waiting_plan": None if has_current else selectors.latest_waiting_plan(person),
        "person": person,
        "tenancies": tenancies,
        "has_current": has_current,
        "may_manage": has_capability(role, Capability.MANAGE_HOUSING),
        "may_edit": has_capability(role, Capability.EDIT_PEOPLE),
    }
