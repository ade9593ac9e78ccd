"""Cells for every spreadsheet the platform writes (xlsx and CSV): text that a spreadsheet would read as a
formula is written as text (OWASP, "CSV Injection"). A citizen named "=HYPERLINK(...)" or an action
"+45 1234" must never run in the leader's Excel.

- CSV: a text cell that starts with = + - @, a tab or a carriage return gets a leading apostrophe, which
  Excel and LibreOffice show as text and never evaluate (``safe_cell``/``safe_row``).
- xlsx (XlsxWriter): every text cell is written with ``write_string``, an explicit text cell, so no
  apostrophe is needed and the text reads exactly as typed (``write_row``); XlsxWriter's own ``write``
  would turn a string starting with "=" into a formula.

Numbers, dates and empty cells are left untouched. Every xlsx and CSV writer goes through this module
(``core/tests/test_exports.py`` checks that). Pure: no Django import.

Files are written to a temporary file, never built in memory (``csv_file``, ``xlsx_workbook``): the rows are
read from the database in the request's transaction (row-level security's tenant is set only there) and
written out as they come, and the response streams the file from disk (``core.downloads``). The file has no
name on disk and is gone when the response closes it.
"""

import csv
import io
import tempfile
from collections.abc import Iterable

import xlsxwriter

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def is_formula_like(value) -> bool:
    """Text a spreadsheet might read as a formula (or as the start of one)."""
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def safe_cell(value):
    """A CSV cell: formula-like text with a leading apostrophe; anything else as it is."""
    return "'" + value if is_formula_like(value) else value


def safe_row(values: Iterable) -> list:
    """A CSV row through ``safe_cell``."""
    return [safe_cell(v) for v in values]


def write_row(sheet, row: int, col: int, values: Iterable, cell_format=None) -> None:
    """An xlsx row (XlsxWriter worksheet): text as explicit text cells, never as formulas or links;
    numbers, dates, booleans and empty cells through XlsxWriter's own type handling."""
    for offset, value in enumerate(values):
        if value is None or value == "":
            sheet.write_blank(row, col + offset, None, cell_format)
        elif isinstance(value, str):
            sheet.write_string(row, col + offset, value, cell_format)
        else:
            sheet.write(row, col + offset, value, cell_format)


def export_file():
    """A temporary file for one export, deleted when closed (it has no name on disk)."""
    return tempfile.TemporaryFile()


def csv_file(headers: Iterable, rows: Iterable[Iterable]):
    """CSV for Danish Excel (semicolon, UTF-8 with BOM) in a temporary file, rewound: every row through
    ``safe_row``. The rows are written as they come (an iterator keeps the memory constant)."""
    file = export_file()
    text = io.TextIOWrapper(file, encoding="utf-8", newline="")
    text.write("\ufeff")  # BOM: Danish Excel then reads UTF-8 (æøå) correctly
    writer = csv.writer(text, delimiter=";", lineterminator="\r\n")
    writer.writerow(safe_row(headers))
    writer.writerows(safe_row(row) for row in rows)
    text.flush()
    text.detach()
    file.seek(0)
    return file


def xlsx_workbook(file):
    """An XlsxWriter workbook writing into ``file`` in constant memory: each row goes to disk when the next
    begins (rows in order, through ``write_row``), never the whole sheet in memory (XlsxWriter's in-memory
    option would turn that off)."""
    return xlsxwriter.Workbook(file, {"constant_memory": True})
