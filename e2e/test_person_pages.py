"""Task 2 and the person pages: create with the duplicate warning, the error summary, edit, the needs list."""

import re

import pytest
from playwright.sync_api import expect

from e2e.support import assert_all_tab_reachable, check_a11y, open_menu_link

pytestmark = pytest.mark.e2e


def test_create_person_shows_errors_then_duplicate_warning_then_creates(
    page, login_as, e2e_users, some_people
):
    login_as(e2e_users["outreach"])
    page.goto("/borgere/")
    page.get_by_role("link", name="Opret borger").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Opret borger på hjemløselisten")
    check_a11y(page, "create person")
    assert_all_tab_reachable(
        page,
        [
            "#id_first_name",
            "#id_last_name",
            "#id_cpr",
            "#id_birth_date",
            "#id_gender",
            "#id_protected",
            "#id_situation",
            "#id_situation_start",
            "form button[type=submit]:not(.mobile-drawer button)",
        ],
    )

    # Nothing filled in: the error summary links to the field.
    page.get_by_role("button", name="Opret borger").click()
    summary = page.get_by_role("alert").filter(has_text="Der er fejl i formularen")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link", name="Fornavn: Angiv navn eller initialer.")).to_be_visible()
    expect(page.locator("#id_first_name")).to_have_attribute(
        "aria-describedby", re.compile("id_first_name-error")
    )
    check_a11y(page, "create person with the error summary")
    summary.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile("#id_first_name$"))

    # A person like an existing one: warning with a link to them; nothing created yet.
    page.get_by_label("Fornavn").fill("Jens")
    page.get_by_label("Efternavn").fill("Hansen")
    page.get_by_label("Nuværende situation").select_option("night_shelter")
    page.get_by_role("button", name="Opret borger").click()
    warning = page.get_by_role("alert").filter(has_text="Findes borgeren allerede?")
    expect(warning).to_be_visible()
    expect(warning.get_by_role("link", name="Jens Hansen")).to_have_attribute(
        "href", f"/borgere/{some_people['Jens Hansen'].pk}/"
    )
    expect(page.get_by_label("Fornavn")).to_have_value("Jens")
    check_a11y(page, "create person with the duplicate warning")

    # "Opret alligevel" creates them.
    page.get_by_role("button", name="Opret alligevel").click()
    expect(page.get_by_role("status")).to_have_text("Jens Hansen er oprettet på hjemløselisten.")
    expect(page).to_have_url(re.compile(r"/borgere/\d+/(#.*)?$"))
    assert f"/borgere/{some_people['Jens Hansen'].pk}/" not in page.url
    expect(page.locator("ol.hf-timeline")).to_contain_text("Situation: Natvarmestue")

    page.goto("/borgere/?q=Jens+Hansen")
    expect(page.locator("#list-results tbody tr")).to_have_count(2)


def test_edit_person_and_needs_list(page, login_as, e2e_users, some_people):
    person = some_people["Ahmed Larsen"]
    login_as(e2e_users["outreach"])
    page.goto(f"/borgere/{person.pk}/")

    page.get_by_role("link", name="Ret oplysninger").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ret oplysninger om Ahmed Larsen")
    check_a11y(page, "edit person")
    page.get_by_label("Telefon").fill("12345678")
    page.get_by_label("E-mail").fill("ikke-en-mail")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("alert").filter(has_text="Der er fejl i formularen")).to_be_visible()
    check_a11y(page, "edit person with errors")
    page.get_by_label("E-mail").fill("")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("status")).to_have_text("Oplysningerne er gemt.")
    expect(page.locator("dl").first).to_contain_text("12345678")

    page.locator("a[data-tab='bolig']").click()  # the person page's tab "Bolig"
    page.get_by_role("link", name="Sæt på boligbehovslisten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Boligbehov for Ahmed Larsen")
    check_a11y(page, "needs list edit")
    assert_all_tab_reachable(
        page,
        [
            "#id_registered_on",
            "#id_max_rent",
            "#id_areas",
            "#id_sharing",
            "#id_ordinary_building",
            "#id_special_needs",
            "form button[type=submit]:not(.mobile-drawer button)",
        ],
    )
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("link", name=re.compile("Husleje borgeren kan betale"))).to_be_visible()
    check_a11y(page, "needs list edit with errors")
    page.get_by_label("Husleje borgeren kan betale (kr. pr. måned)").fill("3500")
    page.get_by_label("Ønskede områder").fill("Frederikssund by")
    page.get_by_label("Særlige sociale behov").fill("Har hund")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("status")).to_have_text("Boligbehovet er gemt.")
    expect(page.get_by_text("3500 kr. pr. måned")).to_be_visible()

    open_menu_link(page, "Borgere", "Boligbehovslisten")
    expect(page.get_by_role("heading", level=1)).to_have_text("Boligbehovslisten")
    row = page.locator("tbody tr", has_text="Ahmed Larsen")
    expect(row).to_contain_text("3500")
    expect(row).to_contain_text("Frederikssund by")
    check_a11y(page, "needs list")
    assert_all_tab_reachable(page, ["tbody a"])
