"""Tasks 3 and 4: a leader's figures, the access log with the per-citizen export, and list exports."""

import csv
import io
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from e2e.support import assert_all_tab_reachable, check_a11y, open_menu_link, wait_for_charts

pytestmark = pytest.mark.e2e


def test_leader_figures_log_and_citizen_export(page, login_as, e2e_users, some_people):
    person = some_people["Mette Nielsen"]
    login_as(e2e_users["leader"])

    # A read of one person, to be found in the log afterwards.
    page.goto(f"/borgere/{person.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mette Nielsen")

    open_menu_link(page, "Borgere", "Tal og udvikling")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tal og udvikling")
    # The menu marks the page (inside its group's closed dropdown) and its group.
    expect(page.locator('.navigation-menu a[aria-current="page"]')).to_have_attribute("href", "/borgere/tal/")
    expect(page.locator(".navigation-menu .mainmenu > li.active")).to_contain_text("Borgere")
    # Chart.js is served from node_modules through the static files and draws both canvases.
    wait_for_charts(page)  # the script follows the heading: wait, do not race it
    for canvas_id in ("chart-flow", "chart-shelter"):
        canvas = page.locator(f"#{canvas_id}")
        expect(canvas).to_be_visible()
        drawn = page.evaluate(
            """(id) => { const c = document.getElementById(id); const chart = Chart.getChart(c);
                if (!chart || c.width === 0 || c.height === 0) return false;
                const px = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                for (let i = 3; i < px.length; i += 4) if (px[i] !== 0) return true;
                return false; }""",
            canvas_id,
        )
        assert drawn, f"#{canvas_id} has no chart drawn on it"
    table = page.locator("#figures-table")
    expect(table.locator("caption")).to_contain_text("Aktive ved månedens udgang")
    expect(table.locator("tbody tr")).to_have_count(24)
    # 5 people entered the list in the last months: the inflow column sums to 5.
    inflow = [int(t) for t in table.locator("tbody tr td:nth-child(3)").all_inner_texts()]
    assert sum(inflow) == 5
    expect(
        page.get_by_role("list", name="Nøgletal i dag")
        .locator("li", has_text="Aktive på listen")
        .locator(".hf-kpi-value")
    ).to_have_text("5")
    check_a11y(page, "figures")

    # The log lists the reads just made, newest first.
    open_menu_link(page, "Administration", "Log")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log over brug af personoplysninger")
    read_row = (
        page.locator("tbody tr", has_text="Sagsbehandling: borgerens side").filter(has_text="Opslag").first
    )
    expect(read_row).to_contain_text(str(person.pk))
    expect(read_row).to_contain_text("Leder")  # the role by its label, not its code
    check_a11y(page, "log")
    assert_all_tab_reachable(
        page,
        [
            "#id_action",
            "#id_person_id",
            "#id_user_query",
            "#id_date_from",
            "#id_date_to",
            "form[role=search] button",
            "tbody a",
        ],
    )

    # Filter on the citizen and download their access report (for a citizen's request for access).
    page.get_by_label("Borger-id").fill(str(person.pk))
    page.get_by_role("button", name="Vis").click()
    expect(page).to_have_url(re.compile(rf"person_id={person.pk}"))
    check_a11y(page, "log filtered on one citizen")
    with page.expect_download() as info:
        page.get_by_role("link", name="Hent borgerens opslag til indsigtsanmodning (CSV)").click()
    download = info.value
    assert download.suggested_filename == f"opslag-borger-{person.pk}.csv"
    raw = open(download.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert lines[0] == ["Tidspunkt", "Handling", "Formål", "Medarbejderens rolle"]
    assert ["Opslag", "Sagsbehandling: borgerens side", "Leder"] in [row[1:] for row in lines[1:]]


def test_list_exports_csv_and_xlsx(page, login_as, e2e_users, some_people):
    login_as(e2e_users["outreach"])
    page.goto("/borgere/?situation=street")
    expect(page.locator("#list-results tbody tr")).to_have_count(2)

    with page.expect_download() as info:
        page.get_by_role("link", name="Hent som CSV").click()
    download = info.value
    assert re.fullmatch(r"hjemloeselisten-\d{4}-\d{2}-\d{2}\.csv", download.suggested_filename)
    raw = open(download.path(), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf"), "The CSV must start with the UTF-8 BOM (Danish Excel)"
    text = raw.decode("utf-8")[1:]
    header, *lines = text.splitlines()
    assert ";" in header and "," not in header
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 3  # header + the two people on the street (the filter is kept)
    assert {"Jens", "Karen"} <= {cell for row in rows[1:] for cell in row}
    assert "Sørensen" in text  # æøå survive

    with page.expect_download() as info:
        page.get_by_role("link", name="Hent som Excel (xlsx)").click()
    download = info.value
    assert download.suggested_filename.endswith(".xlsx")
    raw = open(download.path(), "rb").read()
    assert raw.startswith(b"PK"), "xlsx is a zip file"
    sheet = load_workbook(io.BytesIO(raw), read_only=True).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert len(values) == 3
    assert any("Sørensen" in str(c) for row in values for c in row)


def test_analyst_sees_no_names_and_the_accessibility_statement(page, login_as, e2e_users, some_people):
    page.goto("/tilgaengelighed/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tilgængelighedserklæring")
    check_a11y(page, "accessibility statement (anonymous)")

    login_as(e2e_users["analyst"])
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/ledelse/$"))  # the leaders' overview, without names
    check_a11y(page, "leaders' overview (analyst)")
    page.goto("/borgere/tal/")
    check_a11y(page, "figures (analyst)")
    response = page.goto("/borgere/")
    assert response.status == 403
    expect(page.get_by_role("heading", level=1)).to_have_text("Ingen adgang")
    expect(page.locator("body")).not_to_contain_text("Jens Hansen")
    check_a11y(page, "no access (analyst)")
    page.get_by_role("link", name="Tilgængelighedserklæring").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tilgængelighedserklæring")
    check_a11y(page, "accessibility statement (analyst)")
