"""Exports of the by-name list: CSV for Danish Excel (semicolon, UTF-8 with BOM) and xlsx.

Rows come from ``values_list`` in one query (never model instances: LIBRARIES.md), masked CPR only.
A list of up to EXPORT_SYNC_MAX_ROWS (people/conf.py) people is made in the request; a larger one by a task
(people.tasks.build_list_export) into a ListExport, sealed like an import's upload, fetched once by
its requester from a page that follows its progress. Either way ``build`` logs it the same way.
"""

from datetime import date, timedelta

from django.http import QueryDict
from django.utils import timezone
from django_scopes import scope

from accounts.access import Actor
from core.crypto import decrypt, open_blocks, seal_blocks
from core.downloads import CSV, XLSX
from core.exports import csv_file, export_file, write_row, xlsx_workbook
from tenants import rls
from tenants.models import Municipality

from . import conf, selectors
from . import cpr as cpr_rules
from .forms import ListFilterForm
from .models import SITUATION_CHOICES, STATUS_CHOICES, ExportStatus, ListExport, ListExportPart

PURPOSE = "Udtræk af hjemløselisten"
CONTENT_TYPES = {"csv": CSV, "xlsx": XLSX}

HEADERS = [
    "Borger-id",
    "Fornavn",
    "Efternavn",
    "Initialer",
    "CPR (maskeret)",
    "Fødselsår",
    "Situation",
    "Hjemløs siden",
    "Dage som hjemløs",
    "Status",
    "Status siden",
    "På boligbehovslisten",
    "Seneste aktivitet",
]
FIELDS = [
    "id",
    "first_name",
    "last_name",
    "initials",
    "birth_date",
    "birth_year",
    "current_situation",
    "homeless_since",
    "current_status",
    "status_since",
    "on_needs_list",
    "last_activity_on",
    "cpr_encrypted",
]

_SITUATIONS = dict(SITUATION_CHOICES)
_STATUSES = dict(STATUS_CHOICES)


def rows(queryset, *, today: date):
    """Plain rows for the export; the CPR is decrypted only to be masked (birth date part)."""

    for (
        pid,
        first,
        last,
        initials,
        birth_date,
        birth_year,
        situation,
        since,
        status,
        status_since,
        needs,
        activity,
        cpr_enc,
    ) in queryset.values_list(*FIELDS).iterator(chunk_size=2000):
        yield [
            pid,
            first,
            last,
            initials,
            cpr_rules.mask(decrypt(cpr_enc)) if cpr_enc else "",
            birth_year or (birth_date.year if birth_date else ""),
            str(_SITUATIONS.get(situation, situation)),
            since.strftime("%d.%m.%Y") if since else "",
            (today - since).days if since else "",
            str(_STATUSES.get(status, status)),
            status_since.strftime("%d.%m.%Y") if status_since else "",
            "Ja" if needs else "Nej",
            activity.strftime("%d.%m.%Y") if activity else "",
        ]


def to_csv(data):
    """The rows as CSV in a temporary file (core.exports.csv_file), rewound."""
    return csv_file(HEADERS, data)


def to_xlsx(data):
    """The rows as xlsx in a temporary file, written in constant memory, rewound."""
    file = export_file()
    book = xlsx_workbook(file)
    sheet = book.add_worksheet("Hjemløselisten")
    bold = book.add_format({"bold": True})
    write_row(sheet, 0, 0, HEADERS, bold)
    for i, row in enumerate(data, start=1):
        write_row(sheet, i, 0, row)
    sheet.freeze_panes(1, 0)
    book.close()
    file.seek(0)
    return file


def _queryset(actor: Actor, query: str, today: date):
    form = ListFilterForm(QueryDict(query) or None)
    filters = form.cleaned_data if form.is_valid() else {}
    return selectors.by_name_list(actor, filters=filters, today=today), filters


def person_ids(actor: Actor, *, query: str, today: date) -> list[int]:
    """Who the filtered list holds: the request decides from their number how to make the file."""
    return list(_queryset(actor, query, today)[0].values_list("id", flat=True))


def build_file(actor: Actor, *, query: str, fmt: str, today: date, ids: list[int] | None = None):
    """The filtered list as a temporary file (read from the database as it is written, in the caller's
    transaction); the selector logs every person in it as shown and the export."""
    form = ListFilterForm(QueryDict(query) or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs, count = selectors.by_name_export(actor, filters=filters, fmt=fmt, today=today, ids=ids)
    data = rows(qs, today=today)
    return (to_csv(data) if fmt == "csv" else to_xlsx(data)), count


def is_large(n: int) -> bool:
    return n > conf.value("EXPORT_SYNC_MAX_ROWS")


def export_create(actor: Actor, *, query: str, fmt: str, total: int) -> ListExport:
    """Queue a large export; its task is committed with the request that asked for it."""
    from .tasks import build_list_export

    export = ListExport.objects.create(
        municipality=actor.municipality,
        requested_by=actor.user,
        role=actor.role,
        path=actor.path[:300],
        fmt=fmt,
        query=query,
        total_rows=total,
    )
    export.task_id = str(build_list_export.enqueue(export.pk, actor.municipality.pk).id)
    export.save(update_fields=["task_id"])
    return export


def export_run(export_id: int, municipality_id: int) -> str:
    """The task's body in the worker: build the file as its requester, sealed until it is fetched."""
    previous = rls.current_tenant_setting()
    rls.set_tenant(str(municipality_id), local=False)
    try:
        municipality = Municipality.objects.get(pk=municipality_id)
        with scope(municipality=municipality):
            export = ListExport.objects.select_related("requested_by").get(pk=export_id)
            actor = Actor(
                user=export.requested_by, municipality=municipality, role=export.role, path=export.path
            )
            try:
                file, total = build_file(
                    actor, query=export.query, fmt=export.fmt, today=timezone.localdate()
                )
                with file:
                    file.seek(0)
                    seal(export, file)
            except Exception:
                export.status, export.finished_at = ExportStatus.FAILED, timezone.now()
                export.save(update_fields=["status", "finished_at"])
                raise
            export.total_rows = total
            export.status, export.finished_at = ExportStatus.DONE, timezone.now()
            export.save(update_fields=["total_rows", "status", "finished_at"])
            return export.status
    finally:
        rls.set_tenant(previous, local=False)


def seal(export: ListExport, file) -> None:
    """The file sealed block by block into the export's parts: one block in memory at a time."""
    ListExportPart.objects.filter(export=export).delete()
    for seq, token in enumerate(seal_blocks(file)):
        ListExportPart.objects.create(
            municipality_id=export.municipality_id, export=export, seq=seq, data=token
        )


def has_file(export: ListExport) -> bool:
    return export.status == ExportStatus.DONE and export.parts.exists()


def export_fetch(export: ListExport):
    """The file, once, opened into a temporary file (streamed from disk by the response): the sealed parts
    are read one at a time and wiped as it is handed out."""
    out = export_file()
    part_ids = list(export.parts.order_by("seq").values_list("id", flat=True))
    open_blocks((ListExportPart.objects.values_list("data", flat=True).get(pk=pk) for pk in part_ids), out)
    export.parts.all().delete()
    export.downloaded_at = timezone.now()
    export.save(update_fields=["downloaded_at"])
    out.seek(0)
    return out


def purge_exports(*, now=None) -> int:
    """Delete exports older than EXPORT_KEEP_HOURS (people/conf.py), fetched or not; the caller gives system access."""
    now = now or timezone.now()
    cutoff = now - timedelta(hours=conf.value("EXPORT_KEEP_HOURS"))
    # The number of exports (their sealed parts go with them).
    return ListExport.objects.filter(created_at__lt=cutoff).delete()[1].get(ListExport._meta.label, 0)
