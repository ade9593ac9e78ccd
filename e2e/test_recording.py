"""Fast recording (issue 14 items 4 and 8): a contact from the by-name list on a phone in the street, the
contact dialog with the keyboard only, the person page's tabs by keyboard and by address, and the plan
printed for the citizen. axe-core on each."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.support import check_a11y, tab_to

pytestmark = pytest.mark.e2e

TODAY = timezone.localdate()


def test_a_contact_from_the_by_name_list_on_a_phone(browser, live_server, login_as, e2e_users, some_people):
    phone = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        locale="da-DK",
        timezone_id="Europe/Copenhagen",
    )
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(e2e_users["outreach"])
    phone.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = phone.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if "Content Security Policy" in m.text else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        person = some_people["Karen Sørensen"]
        page.goto("/borgere/")
        row = page.locator("tr", has_text="Karen Sørensen")
        button = row.get_by_role("link", name="Registrér kontakt med Karen Sørensen")
        button.tap()  # click 1
        dialog = page.get_by_role("dialog", name="Kontakt med Karen Sørensen")
        expect(dialog).to_be_visible()
        box = dialog.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390  # the whole dialog on the phone's screen
        expect(dialog.get_by_label("Dato")).to_have_value(f"{TODAY:%Y-%m-%d}")
        expect(dialog.get_by_label("Kontaktform")).to_have_value("outreach")
        check_a11y(page, "contact dialog on a phone")
        dialog.get_by_role("button", name="Gem kontakt").tap()  # click 2: today, on the street, reached
        expect(dialog).to_be_hidden()
        expect(
            page.get_by_role("status").filter(has_text="Kontakten med Karen Sørensen er registreret.")
        ).to_be_attached()
        expect(row.locator(f'[data-contact-activity="{person.pk}"]')).to_have_text(f"{TODAY:%d.%m.%Y}")
        check_a11y(page, "by-name list after recording on a phone")
        from people.models import Contact

        contact = Contact.objects.get(person=person)
        assert contact.kind == "outreach" and contact.reached and contact.contacted_on == TODAY
        assert not errors, errors
    finally:
        phone.close()


def test_the_contact_dialog_with_the_keyboard_only(page, login_as, e2e_users, some_people):
    login_as(e2e_users["outreach"])
    person = some_people["Jens Hansen"]
    page.goto(f"/borgere/{person.pk}/")
    button = page.get_by_role("link", name="Registrér kontakt med Jens Hansen")
    tab_to(page, button)
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog", name="Kontakt med Jens Hansen")
    expect(dialog).to_be_visible()
    date = dialog.get_by_label("Dato")
    expect(date).to_be_focused()  # focus moved into the dialog
    check_a11y(page, "contact dialog")

    # Escape closes it and gives focus back to the button.
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(button).to_be_focused()

    # Open again; a date in the future is refused inside the dialog, announced, at the field.
    page.keyboard.press("Enter")
    expect(dialog).to_be_visible()
    expect(date).to_be_focused()
    date.fill(
        f"{TODAY + timedelta(days=2):%Y-%m-%d}"
    )  # a date field's segments are typed differently per locale
    tab_to(page, dialog.get_by_role("button", name="Gem kontakt"))
    page.keyboard.press("Enter")
    alert = dialog.get_by_role("alert")
    expect(alert).to_contain_text("Dato: Datoen ligger i fremtiden.")
    expect(dialog.get_by_label("Dato")).to_be_focused()
    expect(dialog.get_by_label("Dato")).to_have_attribute("aria-describedby", re.compile("error"))
    check_a11y(page, "contact dialog with an error")

    # An attempt: not reached, a note at the door, today.
    dialog.get_by_label("Dato").fill(f"{TODAY:%Y-%m-%d}")
    tab_to(page, dialog.get_by_label("Kontaktform"))
    dialog.get_by_label("Kontaktform").select_option("note_at_door")
    tab_to(page, dialog.get_by_label("Ja"))  # a radio group is one tab stop; an arrow picks the other
    page.keyboard.press("ArrowDown")
    expect(dialog.get_by_label("Nej")).to_be_checked()
    tab_to(page, dialog.get_by_label("Kort note"))
    page.keyboard.type("Seddel om mødet torsdag")
    page.keyboard.press("Enter")
    expect(dialog).to_be_hidden()
    expect(button).to_be_focused()
    expect(
        page.get_by_role("status").filter(has_text="Kontaktforsøget hos Jens Hansen er registreret.")
    ).to_be_attached()
    # The history tab's timeline is brought up to date in the page.
    page.get_by_role("link", name="Situation og historik").click()
    expect(page.locator("#person-timeline")).to_contain_text(
        "Kontakt: Seddel ved døren, ikke truffet. Seddel om mødet torsdag"
    )
    check_a11y(page, "person page after an attempt")


def test_the_person_page_tabs_by_keyboard_and_by_address(page, login_as, e2e_users, some_people):
    login_as(e2e_users["leader"])
    person = some_people["Mette Nielsen"]
    page.goto(f"/borgere/{person.pk}/")
    overview = page.locator("#fane-overblik")
    expect(overview).to_be_visible()
    expect(page.locator("#fane-bolig")).to_be_hidden()
    check_a11y(page, "person page, Overblik")
    tabs = [("Situation og historik", "historik"), ("Støtte og planer", "stoette"), ("Bolig", "bolig")]
    for i, (name, key) in enumerate(tabs):
        tab = page.locator(f"a[data-tab='{key}']")
        # The first from the top of the page; the next ones back from the shown panel, as a user would.
        tab_to(page, tab, key="Tab" if i == 0 else "Shift+Tab")
        page.keyboard.press("Enter")
        panel = page.locator(f"#fane-{key}")
        expect(panel).to_be_visible()
        expect(panel).to_be_focused()
        expect(tab).to_have_attribute("aria-current", "page")
        expect(overview).to_be_hidden()
        expect(page).to_have_url(re.compile(rf"\?fane={key}$"))
        check_a11y(page, f"person page, {name}")
    # An address lands on its tab, with ?fane= and with #fane-.
    page.goto(f"/borgere/{person.pk}/?fane=stoette")
    expect(page.locator("#fane-stoette")).to_be_visible()
    expect(page.get_by_role("link", name="Handleplan", exact=True)).to_be_visible()
    page.goto(f"/borgere/{person.pk}/#fane-historik")
    expect(page.locator("#fane-historik")).to_be_visible()
    expect(page.locator("#fane-stoette")).to_be_hidden()


def test_the_plan_printed_for_the_citizen(
    page, login_as, e2e_users, some_people, municipality_a, actor_factory
):
    from accounts.roles import Role
    from plans import services

    leader = actor_factory(e2e_users["leader"], municipality_a, Role.LEADER)
    person = some_people["Ahmed Larsen"]
    services.plan_save(
        actor=leader,
        person=person,
        wishes="At få mit eget hjem med en altan",
        goals={"housing": {"goal": "Egen lejlighed", "goal_type": "develop", "who_does_what": "Vi søger"}},
    )
    login_as(e2e_users["leader"])
    page.goto(f"/borgere/{person.pk}/?fane=stoette")
    page.get_by_role("link", name="Handleplan", exact=True).click()
    expect(page.get_by_role("cell", name=re.compile("I gang"))).to_be_visible()
    check_a11y(page, "plan page with goal status")
    with page.expect_download() as info:
        page.get_by_role("link", name="Udskriv til borgeren").click()
    download = info.value
    assert download.suggested_filename == f"handleplan-{TODAY:%Y-%m-%d}.pdf"
    with open(download.path(), "rb") as f:
        assert f.read(4) == b"%PDF"
