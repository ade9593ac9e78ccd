from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext

from audit.models import AccessLogEntry

from .roles import Capability, has_capability


def log_entries(
    actor,
    *,
    action: str = "",
    person_id: int | None = None,
    user_query: str = "",
    date_from=None,
    date_to=None,
):
    """The municipality's log, for leaders only; reading the log is itself not a person read."""
    if not has_capability(actor.role, Capability.READ_LOGS):
        raise PermissionDenied(gettext("Kun ledere kan læse loggen."))
    qs = AccessLogEntry.objects.filter(municipality=actor.municipality)
    if action:
        qs = qs.filter(action=action)
    if person_id:
        qs = qs.filter(person_id=person_id)
    if user_query:
        qs = qs.filter(user_label__icontains=user_query)
    if date_from:
        qs = qs.filter(at__date__gte=date_from)
    if date_to:
        qs = qs.filter(at__date__lte=date_to)
    return qs.order_by("-at", "-id")


def person_access_report(actor, person_id: int):
    """For a citizen's access request (CJEU C-579/21): dates, kinds of use and purposes of every
    lookup and change on them."""
    return (
        log_entries(actor, person_id=person_id)
        .order_by("at", "id")
        .values_list("at", "action", "purpose", "role")
    )
