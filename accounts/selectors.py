from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext

from audit.models import AccessLogEntry, Action
from audit.services import log_access

from .roles import Capability, has_capability

# The records merged into a citizen's record (people.merge.merged_ids), registered by people (above
# accounts) in its AppConfig.ready: a citizen's log and access report include the rows about them, and
# every row keeps the id it was written with.
_merged_ids = []


def register_merged_ids(fn) -> None:
    """fn(municipality, person_id) -> the ids of the records merged into that record."""
    if fn not in _merged_ids:
        _merged_ids.append(fn)


def person_ids(municipality, person_id: int) -> list[int]:
    """A citizen's id and the ids of the records merged into theirs."""
    ids = [person_id]
    for fn in _merged_ids:
        ids += [i for i in fn(municipality, person_id) if i not in ids]
    return ids


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
        ids = person_ids(actor.municipality, person_id)
        qs = qs.filter(person_id=person_id) if len(ids) == 1 else qs.filter(person_id__in=ids)
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


def person_access_report_export(actor, person_id: int):
    """The access report as exported to the citizen; the export is logged on them. Another
    municipality's citizen (or an unknown id) is not found: never an empty report that writes a log row
    about them into this municipality's log. The log outlives a deleted person."""
    rows = person_access_report(actor, person_id)
    if not rows.exists():
        raise Http404("Borgeren findes ikke i loggen.")
    log_access(
        actor=actor.user,
        municipality=actor.municipality,
        action=Action.EXPORT,
        purpose="Indsigtsanmodning: borgerens opslag",
        person_id=person_id,
        role=actor.role,
        path=actor.path,
    )
    return rows
