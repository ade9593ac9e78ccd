from datetime import timedelta

from django import template

from accounts.roles import Capability, has_capability
from casefile import conf

register = template.Library()


@register.simple_tag(takes_context=True)
def casefile_links(context, person):
    """Which case-file links the person page shows for the current role."""
    membership = getattr(context.get("request"), "membership", None)
    role = membership.role if membership else None
    return {
        "documents": has_capability(role, Capability.CASE_DOCUMENTS),
        "journal": has_capability(role, Capability.JOURNAL),
    }


@register.simple_tag
def expiry_state(expires_on, today):
    """ "expired", "soon" (within EXPIRY_WARNING_DAYS) or "" for a document's expiry date."""
    if not expires_on or not today:
        return ""
    if expires_on < today:
        return "expired"
    if expires_on <= today + timedelta(days=conf.value("EXPIRY_WARNING_DAYS")):
        return "soon"
    return ""
