"""Issue 14, items 9 and 10 in the browser: a checkbox's hint and error reach a screen reader, the language
switch names the languages in their own language and English mode shows the recommendation in English,
and a leader finds a citizen in the access log by CPR number and gets the access report. axe-core on
every page."""

import re

import pytest
from playwright.sync_api import expect

from e2e.support import check_a11y

pytestmark = pytest.mark.e2e


def described_by(locator) -> list[str]:
    return (locator.get_attribute("aria-describedby") or "").split()


def test_checkbox_error_and_hint_and_english_mode(page, login_as, e2e_users, some_people):
    person = some_people["Mette Nielsen"]
    login_as(e2e_users["leader"])
    page.goto(f"/borgere/{person.pk}/metode/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Anbefaling og valg af støttemetode")

    # Sent without the one condition ticked: the checkbox shows its error and keeps its hint.
    page.get_by_role("button", name="Registrér valget").click()
    box = page.get_by_role("checkbox", name="Borgeren ønsker at modtage støtten")
    expect(box).to_have_attribute("aria-invalid", "true")
    ids = described_by(box)
    assert len(ids) == 2, ids
    hint, error = (page.locator(f"#{i}") for i in ids)
    expect(hint).to_be_visible()
    expect(hint).to_contain_text("Det er den eneste betingelse.")
    expect(error).to_be_visible()
    expect(error).to_contain_text("Bekræft, at borgeren ønsker at modtage støtten.")
    check_a11y(page, "method decision with a checkbox error")

    # The footer's language switch names each language in its own language.
    switch = page.get_by_label("Sprog")
    expect(switch.locator("option")).to_have_text(["Dansk", "English"])
    switch.select_option(label="English")
    page.get_by_role("button", name="Skift sprog").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Recommendation and choice of support method")
    expect(page.locator(".alert-text")).to_contain_text("Provisional recommendation")
    expect(page.locator(".alert-text")).not_to_contain_text("borgeren")
    expect(page.get_by_label("Language")).to_be_visible()
    check_a11y(page, "method page in English")

    # The situation shown on the by-name list is English too.
    page.goto("/borgere/?situation=shelter")
    expect(page.locator("#list-results tbody tr")).to_have_count(1)
    expect(page.locator("#list-results tbody")).not_to_contain_text("Boform (§ 110)")
    check_a11y(page, "by-name list in English")


def test_leader_finds_a_citizen_in_the_log_by_cpr_and_gets_the_access_report(
    page, login_as, e2e_users, outreach_actor, person_factory
):
    from datetime import timedelta

    from django.utils import timezone

    person = person_factory(
        outreach_actor,
        first_name="Magnus",
        last_name="Kvistgaard",
        cpr="030377-1113",
        start=timezone.localdate() - timedelta(days=10),
    )
    login_as(e2e_users["leader"])
    page.goto("/log/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Log over brug af personoplysninger")
    check_a11y(page, "log")

    page.get_by_label("Find borger").fill("030377-1113")
    page.get_by_role("button", name="Find borger").click()
    expect(page).to_have_url(re.compile(rf"/log/\?person_id={person.pk}$"))  # no CPR number in the address
    expect(page.get_by_role("heading", level=2, name=re.compile("Magnus Kvistgaard"))).to_be_visible()
    rows = page.locator("tbody tr")
    expect(rows.filter(has_text="Oprettelse").first).to_contain_text("Gadeplansmedarbejder")
    expect(rows.filter(has_text="Søgning").first).to_contain_text("Kontrol af loggen")
    check_a11y(page, "log filtered on one citizen")

    with page.expect_download() as info:
        page.get_by_role("link", name="Hent borgerens indsigtsrapport (PDF)").click()
    download = info.value
    assert download.suggested_filename == f"indsigt-borger-{person.pk}.pdf"
    assert open(download.path(), "rb").read().startswith(b"%PDF")

    # A search that finds nobody says so on the field, for a screen reader too.
    page.get_by_label("Find borger").fill("Zebulon")
    page.get_by_role("button", name="Find borger").click()
    field = page.get_by_label("Find borger")
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(page.locator(f"#{described_by(field)[-1]}")).to_contain_text("Ingen borgere fundet")
    check_a11y(page, "log search without results")
