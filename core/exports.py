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
"""

from collections.abc import Iterable

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
