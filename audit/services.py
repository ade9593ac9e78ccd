"""Writing and pruning the access log. Selectors and services call ``log_access``; nothing else
writes the log."""

from datetime import timedelta
from itertools import chain, islice

import pgtrigger
from django.db import transaction
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


@transaction.atomic
def purge_expired_logs(*, now=None, retention_days: int | None = None) -> int:
    """Delete log entries older than the retention period, across all municipalities."""
    now = now or timezone.now()
    days = retention_days if retention_days is not None else conf.value("LOG_RETENTION_DAYS")
    cutoff = now - timedelta(days=days)
    with system_access(), pgtrigger.ignore("audit.AccessLogEntry:append_only"):
        deleted, _ = AccessLogEntry.objects.filter(at__lt=cutoff).delete()
    return deleted
