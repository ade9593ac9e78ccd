"""Task 1 and 7: an outreach worker's day on the by-name list, with the keyboard where it matters."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import PASSWORD
from e2e.support import assert_all_tab_reachable, check_a11y, focused_is, tab_to

pytestmark = pytest.mark.e2e


@pytest.fixture
def many_people(some_people, outreach_actor, person_factory):
    """55 more people on the street (recent activity), so the list has two pages of 50."""
    today = timezone.localdate()
    for i in range(55):
        person_factory(
            outreach_actor,
            first_name=f"Person{i:02d}",
            last_name=f"Efternavn{i:02d}",
            situation="street",
            start=today - timedelta(days=5 + i),
        )
    return some_people


def summary_line(page):
    return page.locator("#list-results > p").first


def rows(page):
    return page.locator("#list-results tbody tr")


def test_skip_link_is_first_focusable_and_moves_focus_to_main(page, login_as, e2e_users, some_people):
    page.goto("/accounts/login/")
    page.keyboard.press("Tab")
    skip = page.locator("a.skipnav")
    assert focused_is(page, skip), "The skip link must be the first element Tab reaches (login page)"
    expect(skip).to_be_visible()  # DKFDS shows it when focused
    page.keyboard.press("Enter")
    expect(page.locator("main#main-content")).to_be_focused()
    # The next Tab continues inside main: the first field of the login form.
    tab_to(page, page.locator("#id_login"), max_presses=3)

    login_as(e2e_users["outreach"])
    person = some_people["Jens Hansen"]
    for url in ("/borgere/", f"/borgere/{person.pk}/", "/borgere/ny/"):
        page.goto(url)
        page.keyboard.press("Tab")
        assert focused_is(page, skip), f"The skip link must be the first element Tab reaches on {url}"
        page.keyboard.press("Enter")
        expect(page.locator("main#main-content")).to_be_focused()


def test_outreach_worker_day_on_the_by_name_list(page, e2e_users, many_people):
    today = timezone.localdate()

    # Log in with the keyboard only: Tab to the fields, type, Enter.
    page.goto("/borgere/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Log ind")
    check_a11y(page, "login")
    tab_to(page, page.locator("#id_login"))
    page.keyboard.type("gadeplan")
    tab_to(page, page.locator("#id_password"), max_presses=1)
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")

    # Lands on the by-name list.
    expect(page).to_have_url(re.compile(r"/borgere/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Hjemløselisten")
    expect(summary_line(page)).to_have_text("60 borgere, side 1 af 2.")
    expect(rows(page)).to_have_count(50)
    # Sorted by longest time homeless by default (people at risk have no "homeless since"; where they go
    # differs between the engines' NULL ordering, so look at the first row with a date).
    homeless_rows = rows(page).filter(has_not=page.locator("td:nth-child(4)", has_text="–"))
    expect(homeless_rows.first.locator("td").first).to_have_text("Jens Hansen")
    check_a11y(page, "by-name list")
    assert_all_tab_reachable(
        page,
        [
            "a.skipnav",
            ".navigation-menu .mainmenu > li:not(.more-option) .button-overflow-menu",
            "#global-search",
            "#id_q",
            "#id_situation",
            "#id_sort",
            "form[role=search] button[type=submit]",
            "a[href^='/borgere/ny/']",
            "a[href^='/borgere/udtraek.csv']",
            "a[href^='/borgere/udtraek.xlsx']",
            "#list-results tbody a",
            ".pagination a",
            "footer a",
            "#language-select",
        ],
    )

    # HTMX: filtering replaces the table, not the page.
    page.evaluate("window.__e2eSamePage = true")
    page.locator("#id_situation").select_option("shelter")
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        page.get_by_role("button", name="Vis").click()
    expect(summary_line(page)).to_have_text("1 borgere.")
    expect(rows(page)).to_have_count(1)
    expect(rows(page).first).to_contain_text("Mette Nielsen")
    assert page.evaluate("window.__e2eSamePage === true"), "The filter must update the table in place (HTMX)"
    expect(page).to_have_url(re.compile(r"situation=shelter"))

    # Search by name, all situations, with the keyboard: type and press Enter in the search field.
    page.locator("#id_situation").select_option("")
    page.locator("#id_q").fill("")
    page.locator("#id_q").focus()
    page.keyboard.type("karen")
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        page.keyboard.press("Enter")
    expect(rows(page)).to_have_count(1)
    expect(rows(page).first).to_contain_text("Karen Sørensen")
    assert page.evaluate("window.__e2eSamePage === true")

    # Sort by name (no search): Efternavn00 ... first, then Hansen, Larsen ...
    page.locator("#id_q").fill("")
    page.locator("#id_sort").select_option("name")
    with page.expect_response(lambda r: r.request.headers.get("hx-request") == "true"):
        page.get_by_role("button", name="Vis").click()
    expect(rows(page).first.locator("td").first).to_have_text("Person00 Efternavn00")
    expect(summary_line(page)).to_have_text("60 borgere, side 1 af 2.")

    # Page 2 keeps the sort: the remaining 10 by last name, ending with Sørensen.
    next_link = page.get_by_role("link", name="Næste side")
    next_link.click()
    expect(page).to_have_url(re.compile(r"sort=name.*side=2|side=2.*sort=name"))
    expect(summary_line(page)).to_have_text("60 borgere, side 2 af 2.")
    expect(rows(page)).to_have_count(10)
    expect(rows(page).last.locator("td").first).to_have_text("Karen Sørensen")
    expect(page.locator("#id_sort")).to_have_value("name")

    # Open a person with the keyboard.
    link = page.get_by_role("link", name="Jens Hansen", exact=True)
    link.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Jens Hansen")
    kpis = page.get_by_role("list", name="Nøgletal")
    expect(kpis.locator("li", has_text="Dage som hjemløs i alt").locator(".hf-kpi-value")).to_have_text("400")
    expect(kpis.locator("li", has_text="Hjemløs siden")).to_contain_text(
        f"{today - timedelta(days=400):%d.%m.%Y}"
    )
    timeline = page.locator("ol.hf-timeline")
    check_a11y(page, "person page")
    assert_all_tab_reachable(
        page,
        [
            "a[href$='/ret/']",
            "a[data-contact-dialog]",
            "a[data-tab='historik']",
            "a[data-tab='bolig']",
        ],
    )

    # Record a contact: the dialog from the person page, with the keyboard (e2e/test_recording.py has more).
    button = page.get_by_role("link", name="Registrér kontakt med Jens Hansen")
    button.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Kontakt med Jens Hansen")
    expect(dialog).to_be_visible()
    check_a11y(page, "person page with the contact dialog open")
    expect(dialog.get_by_label("Dato")).to_be_focused()
    for field in ["#id_contact-kind", "#id_contact-reached_0", "#id_contact-note"]:
        tab_to(page, page.locator(field))  # in order from the date (a date field has a stop per part)
    tab_to(page, dialog.get_by_role("button", name="Gem kontakt"))
    dialog.get_by_label("Kontaktform").select_option(label="Opsøgende kontakt på gaden")
    dialog.get_by_label("Ja").check()
    note = dialog.get_by_label("Kort note", exact=True)
    expect(note).to_have_attribute("name", "contact-note")
    tab_to(page, note, key="Shift+Tab")
    page.keyboard.type("Talt om bolig ved stationen")
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    expect(button).to_be_focused()

    # The history tab: the contact is in the timeline; record a new situation there.
    page.locator("a[data-tab='historik']").click()
    expect(timeline).to_contain_text(
        "Kontakt: Opsøgende kontakt på gaden, truffet. Talt om bolig ved stationen"
    )
    expect(timeline.locator("li")).to_have_count(4)  # first situation, "newly identified", two meetings
    expect(timeline).to_contain_text("Situation: Gaden")
    assert_all_tab_reachable(page, ["summary.details-summary"])

    # Record a new situation: now at a § 110 shelter since yesterday.
    page.locator("summary", has_text="Ny situation").click()
    form = page.locator("form[action$='/situation/']")
    form.get_by_label("Situation").select_option("shelter")
    form.get_by_label("Fra dato").fill(f"{today - timedelta(days=1):%Y-%m-%d}")
    form.get_by_label("Sted").fill("Herberget Skovly")
    form.get_by_role("button", name="Gem situation").click()
    expect(page.get_by_role("status")).to_have_text("Situationen er registreret.")
    expect(page).to_have_url(re.compile(r"\?fane=historik$"))
    shelter_item = timeline.locator("li", has_text="Situation: Boform (§ 110) (Herberget Skovly)")
    expect(shelter_item).to_have_count(1)
    expect(shelter_item).to_contain_text(f"{today - timedelta(days=1):%d.%m.%Y}")
    expect(timeline.locator("li")).to_have_count(5)
    expect(timeline).to_contain_text(f"til {today - timedelta(days=1):%d.%m.%Y}")  # the street period ended
    page.locator("a[data-tab='overblik']").click()
    expect(kpis.locator("li", has_text="Dage på boform").locator(".hf-kpi-value")).to_have_text("1")
    expect(kpis.locator("li", has_text="Dage som hjemløs i alt").locator(".hf-kpi-value")).to_have_text("400")
    check_a11y(page, "person page after recording")
