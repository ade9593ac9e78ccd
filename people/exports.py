"""Exports of the by-name list: CSV for Danish Excel (semicolon, UTF-8 with BOM) and xlsx.

Rows come from ``values_list`` in one query (never model instances: LIBRARIES.md), masked CPR only.
"""

import csv
import io
from datetime import date

import xlsxwriter

from core.crypto import decrypt
from core.exports import safe_row, write_row

from . import cpr as cpr_rules
from .models import SITUATION_CHOICES, STATUS_CHOICES

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


def to_csv(data) -> bytes:
    buffer = io.StringIO()
    buffer.write("\ufeff")  # BOM: Danish Excel then reads UTF-8 (æøå) correctly
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows(safe_row(row) for row in data)
    return buffer.getvalue().encode("utf-8")


def to_xlsx(data) -> bytes:
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "constant_memory": True})
    sheet = book.add_worksheet("Hjemløselisten")
    bold = book.add_format({"bold": True})
    sheet.write_row(0, 0, HEADERS, bold)
    for i, row in enumerate(data, start=1):
        write_row(sheet, i, 0, row)
    sheet.freeze_panes(1, 0)
    book.close()
    return buffer.getvalue()
