from django import template

from accounts.roles import Capability, has_capability

register = template.Library()


@register.simple_tag(takes_context=True)
def plans_links(context, person):
    """Which plans links the person page shows for the current role."""
    membership = getattr(context.get("request"), "membership", None)
    role = membership.role if membership else None
    return {"work_support": has_capability(role, Capability.WORK_SUPPORT)}
