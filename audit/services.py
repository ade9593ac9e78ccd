"""Writing and pruning the access log. Selectors and services call ``log_access``; nothing else
writes the log."""

from datetime import timedelta
from itertools import chain, islice

import pgtrigger
from django.db import connection, transaction
from django.utils import timezone

from tenants.rls import system_access

from . import conf
from .models import AccessLogEntry, Action

# Fields whose values are never written to the log in clear (CPR is masked before it gets here).
SENSITIVE_FIELDS = {"cpr", "cpr_encrypted", "cpr_hash"}


def log_access(
    *,
    actor,
    municipality,
    action: str,
    purpose: str,
    person_id: int | None = None,
    detail: str = "",
    changes: dict | None = None,
    role: str = "",
    path: str = "",
) -> AccessLogEntry:
    safe_changes = {
        field: ("***", "***") if field in SENSITIVE_FIELDS else values
        for field, values in (changes or {}).items()
    }
    return AccessLogEntry.objects.create(
        municipality=municipality,
        user=actor if getattr(actor, "pk", None) else None,
        user_label=str(actor) if actor else "system",
        role=role,
        action=action,
        person_id=person_id,
        purpose=purpose,
        detail=detail[:2000],
        changes=safe_changes,
        path=path[:300],
    )


LOG_BATCH = 2000  # rows per statement when an export logs many people


def log_many_reads(
    *,
    actor,
    municipality,
    person_ids,
    purpose: str,
    role: str = "",
    path: str = "",
    action=Action.READ,
    search_detail: str | None = None,
):
    """One row per person shown, written in one statement for a page (a list page) and in statements of
    LOG_BATCH rows for an export, so memory stays flat however many people it holds; with
    ``search_detail``, the list's search (its terms) is the first row of the first statement."""
    if connection.vendor == "postgresql":
        _insert_reads_pg(
            actor=actor,
            municipality=municipality,
            person_ids=person_ids,
            purpose=purpose,
            role=role,
            path=path,
            action=action,
            search_detail=search_detail,
        )
        return
    common = {
        "municipality": municipality,
        "user": actor,
        "user_label": str(actor),
        "role": role,
        "purpose": purpose,
        "path": path[:300],
    }
    entries = (AccessLogEntry(action=action, person_id=pid, **common) for pid in person_ids)
    if search_detail is not None:
        entries = chain(
            [AccessLogEntry(action=Action.SEARCH, detail=search_detail[:2000], **common)], entries
        )
    while batch := list(islice(entries, LOG_BATCH)):
        AccessLogEntry.objects.bulk_create(batch)


def _insert_reads_pg(*, actor, municipality, person_ids, purpose, role, path, action, search_detail):
    """The same rows as the ORM's bulk_create, as one INSERT ... SELECT over arrays per batch: building
    fifty model objects and their SQL cost a list page more than the insert itself (BENCHMARKS.md)."""
    meta = AccessLogEntry._meta
    columns = ", ".join(
        meta.get_field(f).column
        for f in (
            "municipality",
            "at",
            "user",
            "user_label",
            "role",
            "purpose",
            "path",
            "changes",
            "action",
            "person_id",
            "detail",
        )
    )
    sql = (
        f"INSERT INTO {connection.ops.quote_name(meta.db_table)} ({columns}) "
        "SELECT %s, %s, %s, %s, %s, %s, %s, '{}'::jsonb, a, p, d "
        "FROM unnest(%s::varchar[], %s::bigint[], %s::text[]) AS rows(a, p, d)"
    )
    common = [
        municipality.pk,
        timezone.now(),
        getattr(actor, "pk", None),
        str(actor),
        role,
        purpose,
        path[:300],
    ]
    rows = ((str(action), pid, "") for pid in person_ids)
    if search_detail is not None:
        rows = chain([(str(Action.SEARCH), None, search_detail[:2000])], rows)
    with connection.cursor() as cursor:
        while batch := list(islice(rows, LOG_BATCH)):
            actions, pids, details = zip(*batch, strict=True)
            cursor.execute(sql, [*common, list(actions), list(pids), list(details)])


@transaction.atomic
def purge_expired_logs(*, now=None, retention_days: int | None = None) -> int:
    """Delete log entries older than the retention period, across all municipalities."""
    now = now or timezone.now()
    days = retention_days if retention_days is not None else conf.value("LOG_RETENTION_DAYS")
    cutoff = now - timedelta(days=days)
    with system_access(), pgtrigger.ignore("audit.AccessLogEntry:append_only"):
        deleted, _ = AccessLogEntry.objects.filter(at__lt=cutoff).delete()
    return deleted
