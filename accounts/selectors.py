from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext, gettext_noop

from audit import labels
from audit.models import AccessLogEntry, Action
from audit.services import log_access

from . import log_citizens
from .roles import ROLE_LABELS, Capability, Role, has_capability

# Purposes as logged (Danish, as every purpose in the log); gettext_noop so the page shows them translated.
SEARCH_PURPOSE = gettext_noop("Kontrol af loggen: søgning efter borgeren")
SHOWN_PURPOSE = gettext_noop("Kontrol af loggen: borgerens opslag")
REPORT_PURPOSE = gettext_noop("Indsigtsanmodning: borgerens opslag")

# The records merged into a citizen's record (people.merge.merged_ids), registered by people (above
# accounts) in its AppConfig.ready: a citizen's log and access report include the rows about them, and
# every row keeps the id it was written with.
_merged_ids = []


def register_merged_ids(fn) -> None:
    """fn(municipality, person_id) -> the ids of the records merged into that record."""
    if fn not in _merged_ids:
        _merged_ids.append(fn)


def citizen_ids(municipality, person_id: int) -> list[int]:
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
    person_ids: list[int] | None = None,
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
        ids = citizen_ids(actor.municipality, person_id)
        qs = qs.filter(person_id=person_id) if len(ids) == 1 else qs.filter(person_id__in=ids)
    if person_ids is not None:
        qs = qs.filter(person_id__in=person_ids)
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
        purpose=REPORT_PURPOSE,
        person_id=person_id,
        role=actor.role,
        path=actor.path,
    )
    return rows


def role_label(code: str) -> str:
    """A role in the user's language ("Leder"); a row written by the system has none."""
    try:
        return gettext(ROLE_LABELS[Role(code)])
    except ValueError:
        return code or "–"


def action_label(code: str) -> str:
    try:
        return str(Action(code).label)
    except ValueError:
        return code


def readable(entries, municipality) -> list[dict]:
    """Log rows in words (role, action, purpose, changed fields and their values with foreign keys by
    name): the foreign keys of all rows are resolved together, a query per kind of object, not per row."""
    changes = labels.changes_in_words(entries, municipality)
    return [
        {
            "entry": e,
            "at": e.at,
            "user": e.user_label,
            "role": role_label(e.role),
            "action": action_label(e.action),
            "purpose": gettext(e.purpose) if e.purpose else "",
            "detail": e.detail,
            "person_id": e.person_id,
            "changes": changes[e.pk],
        }
        for e in entries
    ]


def find_citizens(actor, query: str) -> list[log_citizens.Citizen]:
    """Citizens found by name, birth date or CPR for the log page (the search and the finds are logged
    by the finder)."""
    if not has_capability(actor.role, Capability.READ_LOGS):
        raise PermissionDenied(gettext("Kun ledere kan læse loggen."))
    return log_citizens.search(actor, query=query, purpose=SEARCH_PURPOSE)


def citizen_named(actor, person_id: int, *, purpose: str = SHOWN_PURPOSE) -> log_citizens.Citizen | None:
    """The citizen the log is filtered on, by name (a logged read), or None when not in the municipality."""
    if not has_capability(actor.role, Capability.READ_LOGS):
        raise PermissionDenied(gettext("Kun ledere kan læse loggen."))
    return log_citizens.get(actor, person_id=person_id, purpose=purpose)


def person_access_report_pdf(actor, person_id: int, *, date_from=None, date_to=None) -> dict:
    """The citizen's access report for an access request (GDPR art. 15; CJEU C-579/21): every lookup
    and change on them in the period, with the date, who (name and role), what was done and the purpose.
    Another municipality's citizen, or an id with neither a person nor a log row here, is not found. The
    report itself is logged as an export on the citizen (the one row for the name it shows), before the
    rows are read, so it is part of its own period."""
    citizen = log_citizens.get(actor, person_id=person_id, purpose=REPORT_PURPOSE, log=False)
    qs = log_entries(actor, person_id=person_id, date_from=date_from, date_to=date_to)
    if citizen is None and not log_entries(actor, person_id=person_id).exists():
        raise Http404(gettext("Borgeren findes ikke i loggen."))
    log_access(
        actor=actor.user,
        municipality=actor.municipality,
        action=Action.EXPORT,
        purpose=REPORT_PURPOSE,
        person_id=person_id,
        detail=f"PDF {date_from or ''}–{date_to or ''}",
        role=actor.role,
        path=actor.path,
    )
    rows = []
    batch = []

    def flush():
        rows.extend(readable(batch, actor.municipality))
        batch.clear()

    # In blocks, so a long history resolves its names a block at a time and memory stays bounded.
    for entry in qs.order_by("at", "id").iterator(chunk_size=500):
        batch.append(entry)
        if len(batch) == 500:
            flush()
    flush()
    return {
        "citizen": citizen,
        "person_id": person_id,
        "rows": rows,
        "date_from": date_from,
        "date_to": date_to,
    }
