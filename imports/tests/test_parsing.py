"""The pure reading and checking of import files: no database, no Django."""

import io
from datetime import date, datetime

import pytest
from openpyxl import Workbook

from imports import parsing

from .conftest import HEADER, csv_bytes

TODAY = date(2025, 6, 1)


def parse(data: bytes, name="liste.csv", **kw):
    return parsing.parse(data, name, today=TODAY, **kw)


def messages(result) -> list[str]:
    return [str(e) for e in result.errors]


def test_utf8_with_bom_and_semicolons_is_read():
    data = csv_bytes([HEADER, ["Søren", "Ærø", "", "Gaden", "10.01.2025", "", "", ""]])
    result = parse(data)
    assert result.ok, messages(result)
    assert result.rows[0].person["first_name"] == "Søren"
    assert result.rows[0].person["last_name"] == "Ærø"
    assert result.rows[0].situation == "street"
    assert result.rows[0].situation_start == date(2025, 1, 10)


def test_comma_separated_utf8_without_bom_is_read():
    data = csv_bytes(
        [HEADER, ["Åse", "Holm", "", "street", "2025-01-10", "", "", ""]], delimiter=",", encoding="utf-8"
    )
    result = parse(data)
    assert result.ok, messages(result)
    assert result.rows[0].person["first_name"] == "Åse"


def test_cp1252_as_danish_excel_saves_it_is_read():
    data = csv_bytes(
        [HEADER, ["Bjørn", "Æbelø", "", "Sofasurfer", "01.02.2025", "Hos søster", "", ""]], encoding="cp1252"
    )
    result = parse(data)
    assert result.ok, messages(result)
    assert result.rows[0].person["first_name"] == "Bjørn"
    assert result.rows[0].place == "Hos søster"


def test_bytes_undefined_in_cp1252_fall_back_to_latin1():
    data = csv_bytes([HEADER, ["Jens", "Hansen", "", "Gaden", "01.02.2025", "", "", ""]], encoding="latin-1")
    data = data.replace(b"Jens", b"J\x81ns")  # 0x81 is undefined in cp1252
    result = parse(data)
    assert result.ok, messages(result)
    assert result.rows[0].person["first_name"] == "J\x81ns"


def test_headers_are_case_insensitive_and_accept_documented_variants():
    data = csv_bytes(
        [
            ["FORNAVN", "cpr-nummer", "situation", "Hjemløs siden", "husleje"],
            ["Jens", "010185-1230", "Natvarmestue", "10.01.2025", "3.500"],
        ]
    )
    result = parse(data)
    assert result.ok, messages(result)
    row = result.rows[0]
    assert (row.cpr, row.situation, row.needs["max_rent"]) == ("0101851230", "night_shelter", 3500)
    assert row.person["birth_date"] == date(1985, 1, 1)


def test_xlsx_is_read_with_dates_and_a_cpr_that_lost_its_leading_zero():
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    sheet.append(
        [
            "Jens",
            "Hansen",
            101851230,
            "Boform (§ 110)",
            datetime(2025, 1, 10),
            "Forsorgshjemmet",
            3200,
            "Nord",
        ]
    )
    sheet.append([])  # an empty row is skipped but still counts in Excel's numbering
    sheet.append(["Mette", "Nielsen", "", "Gaden", "31.02.2025", "", "", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    result = parse(buffer.getvalue(), "liste.xlsx")
    assert messages(result) == ["Række 4, kolonne Situation fra: »31.02.2025« er ikke en rigtig dato."]
    assert result.total_rows == 2


def test_xlsx_rows_become_people():
    book = Workbook()
    book.active.append(HEADER)
    book.active.append(
        ["Jens", "Hansen", 101851230, "Boform (§ 110)", datetime(2025, 1, 10), "", 3200.0, "Nord"]
    )
    buffer = io.BytesIO()
    book.save(buffer)
    result = parse(buffer.getvalue(), "liste.xlsx")
    assert result.ok, messages(result)
    row = result.rows[0]
    assert (row.cpr, row.situation, row.situation_start, row.needs["max_rent"]) == (
        "0101851230",
        "shelter",
        date(2025, 1, 10),
        3200,
    )


def test_bad_date_names_row_column_and_format():
    data = csv_bytes([HEADER, ["Jens", "Hansen", "", "Gaden", "10/01/2025", "", "", ""]])
    assert messages(parse(data)) == [
        "Række 2, kolonne Situation fra: »10/01/2025« er ikke en dato. Skriv datoen som dd.mm.åååå eller åååå-mm-dd."
    ]


def test_cpr_with_impossible_date_is_an_error():
    data = csv_bytes(
        [
            HEADER,
            ["Jens", "Hansen", "", "Gaden", "10.01.2025", "", "", ""],
            ["Anna", "Berg", "310285-1234", "Gaden", "10.01.2025", "", "", ""],
        ]
    )
    [message] = messages(parse(data))
    assert message.startswith("Række 3, kolonne CPR: CPR-nummeret indeholder ikke en rigtig dato")


def test_cpr_in_wrong_format_is_an_error():
    data = csv_bytes([HEADER, ["Jens", "Hansen", "12345", "Gaden", "10.01.2025", "", "", ""]])
    assert messages(parse(data)) == [
        "Række 2, kolonne CPR: CPR-nummeret skal have formen DDMMÅÅ-XXXX (10 cifre)."
    ]


def test_cpr_failing_modulus_11_is_accepted():
    data = csv_bytes([HEADER, ["Jens", "Hansen", "010185-1234", "Gaden", "10.01.2025", "", "", ""]])
    result = parse(data)
    assert result.ok, messages(result)
    assert result.rows[0].cpr == "0101851234"


def test_missing_required_columns_are_named_in_one_file_error():
    data = csv_bytes([["Fornavn", "Efternavn"], ["Jens", "Hansen"]])
    result = parse(data)
    assert messages(result) == ["Filen: Filen mangler kolonnerne: Situation, Situation fra."]
    assert result.rows == []


def test_a_file_without_name_columns_is_refused():
    data = csv_bytes([["CPR", "Situation", "Situation fra"], ["010185-1230", "Gaden", "10.01.2025"]])
    assert messages(parse(data)) == [
        "Filen: Filen mangler en kolonne med navn eller initialer (Fornavn, Efternavn eller Initialer)."
    ]


def test_duplicate_cpr_within_the_file_names_the_first_row():
    data = csv_bytes(
        [
            HEADER,
            ["Jens", "Hansen", "010185-1230", "Gaden", "10.01.2025", "", "", ""],
            ["Jens", "Hansen", "0101851230", "Gaden", "10.01.2025", "", "", ""],
        ]
    )
    assert messages(parse(data)) == ["Række 3, kolonne CPR: CPR-nummeret står også i række 2."]


def test_cpr_of_an_existing_person_is_an_error():
    data = csv_bytes(
        [
            HEADER,
            ["Jens", "Hansen", "010185-1230", "Gaden", "10.01.2025", "", "", ""],
            ["Anna", "Berg", "020285-1230", "Gaden", "10.01.2025", "", "", ""],
        ]
    )
    asked = []

    def existing(digits):
        asked.append(sorted(digits))
        return {"0202851230"}

    result = parse(data, existing_cprs=existing)
    assert messages(result) == ["Række 3, kolonne CPR: Der findes allerede en borger med dette CPR-nummer."]
    assert asked == [["0101851230", "0202851230"]]  # one lookup for the whole file


def test_every_error_of_every_row_is_reported_in_row_order():
    data = csv_bytes(
        [
            HEADER,
            ["", "", "", "Gaden", "10.01.2025", "", "", ""],
            ["Jens", "Hansen", "", "Månen", "", "", "tre tusind", ""],
            ["Anna", "Berg", "", "Gaden", "10.01.2025", "", "", "Syd"],
        ]
    )
    result = parse(data)
    assert messages(result) == [
        "Række 2, kolonne Fornavn: Angiv navn eller initialer.",
        "Række 3, kolonne Situation: Ukendt situation »Månen«. Brug en af: "
        + ", ".join(parsing.SHORT_LABELS.values())
        + ".",
        "Række 3, kolonne Situation fra: Angiv datoen situationen begyndte.",
        "Række 3, kolonne Husleje (kr./md.): »tre tusind« er ikke et helt tal.",
        "Række 4, kolonne Husleje (kr./md.): Angiv den husleje borgeren kan betale, når der er oplysninger til "
        "boligbehovslisten.",
    ]
    assert result.rows == []


def test_future_situation_date_and_birth_date_mismatch_are_errors():
    data = csv_bytes(
        [
            ["Initialer", "CPR", "Fødselsdato", "Situation", "Situation fra"],
            ["JH", "010185-1230", "02.01.1985", "Gaden", "01.07.2025"],
        ]
    )
    assert messages(parse(data)) == [
        "Række 2, kolonne Fødselsdato: Fødselsdatoen passer ikke med CPR-nummeret (01.01.1985).",
        "Række 2, kolonne Situation fra: Datoen ligger i fremtiden.",
    ]


def test_empty_rows_are_skipped_and_row_numbers_stay_as_in_excel():
    data = csv_bytes(
        [
            HEADER,
            ["Jens", "Hansen", "", "Gaden", "10.01.2025", "", "", ""],
            [";;"],
            ["Anna", "", "", "Gaden", "x", "", "", ""],
        ]
    )
    result = parse(data)
    assert result.total_rows == 2
    assert [e.row for e in result.errors] == [4]


def test_unknown_columns_are_ignored_and_reported():
    data = csv_bytes(
        [["Borger-id", "Fornavn", "Situation", "Situation fra"], ["17", "Jens", "Gaden", "10.01.2025"]]
    )
    result = parse(data)
    assert result.ok
    assert result.ignored_columns == ["Borger-id"]


def test_old_excel_and_empty_files_are_refused_with_a_reason():
    assert messages(parse(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "liste.xls")) == [
        "Filen: Gamle Excel-filer (.xls) kan ikke læses. Gem filen som .xlsx eller CSV."
    ]
    assert messages(parse(b"", "liste.csv")) == ["Filen: Filen er tom."]
    assert messages(parse(csv_bytes([HEADER]))) == [
        "Filen: Filen indeholder ingen rækker med borgere under overskrifterne."
    ]
    assert messages(parse(b"PK\x03\x04broken", "liste.xlsx")) == [
        "Filen: Filen kunne ikke læses som en Excel-fil (.xlsx)."
    ]


@pytest.mark.parametrize(
    "text,expected", [("3500", 3500), ("3.500", 3500), ("3500 kr.", 3500), ("3500,00", 3500)]
)
def test_rent_accepts_danish_number_formats(text, expected):
    data = csv_bytes([HEADER, ["Jens", "Hansen", "", "Gaden", "10.01.2025", "", text, ""]])
    result = parse(data)
    assert result.ok, messages(result)
    assert result.rows[0].needs["max_rent"] == expected
    assert result.rows[0].needs["registered_on"] == TODAY


def test_parsing_imports_no_django():
    import ast
    import pathlib

    tree = ast.parse(pathlib.Path(parsing.__file__).read_text())
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not [n for n in names if n.startswith("django")]


ROW = ["Søren", "Ærø", "", "Gaden", "10.01.2025", "", "", ""]


def utf16(rows, encoding, delimiter=";") -> bytes:
    return "".join(delimiter.join(r) + "\r\n" for r in rows).encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_utf16_with_a_byte_order_mark_is_read(encoding, delimiter):
    # Excel's "Unicode-tekst" is UTF-16 with a BOM and tabs.
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    result = parse(bom + utf16([HEADER, ROW], encoding, delimiter))
    assert result.ok, messages(result)
    assert result.rows[0].person["first_name"] == "Søren"


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_byte_order_mark_is_refused_with_what_to_do(encoding):
    result = parse(utf16([HEADER, ROW], encoding))
    assert messages(result) == [
        "Filen: Filen er ikke i et format, der kan læses: gem den som UTF-8 CSV eller xlsx."
    ]
    assert not result.rows


def test_a_nul_character_in_a_cell_is_an_error_naming_row_and_column():
    result = parse(csv_bytes([HEADER, ROW, ["Je\x00ns", "Hansen", "", "Gaden", "10.01.2025", "", "", ""]]))
    assert messages(result) == [
        "Række 3, kolonne Fornavn: Cellen indeholder et tegn, der ikke kan læses (NUL). "
        "Gem filen som UTF-8 CSV eller xlsx."
    ]
    assert not result.rows


def test_a_nul_character_in_the_header_refuses_the_file():
    result = parse(csv_bytes([["Forn\x00avn", *HEADER[1:]], ROW]))
    assert messages(result) == [
        "Filen: Filen er ikke i et format, der kan læses: gem den som UTF-8 CSV eller xlsx."
    ]
