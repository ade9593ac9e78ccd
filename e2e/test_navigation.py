"""Issue 14, item 3: the grouped menu by keyboard and on a phone, the header's search, a confirmation dialog."""

import re

import pytest
from playwright.sync_api import expect

from e2e.support import check_a11y, tab_to

pytestmark = pytest.mark.e2e

CPR = "121285-4321"


@pytest.fixture
def citizen(outreach_actor, person_factory):
    return person_factory(outreach_actor, first_name="Søren", last_name="Kierkegaard", cpr=CPR)


def test_the_grouped_menu_opens_by_keyboard(page, login_as, e2e_users, citizen):
    login_as(e2e_users["leader"])
    page.goto("/borgere/")
    menu = page.get_by_role("navigation", name="Hovedmenu").first
    housing = menu.get_by_role("button", name="Boliger")
    expect(housing).to_have_attribute("aria-expanded", "false")
    page.locator("a.skipnav").focus()
    tab_to(page, housing)
    page.keyboard.press("Enter")
    expect(housing).to_have_attribute("aria-expanded", "true")
    units = menu.get_by_role("link", name="Boligoversigt")
    expect(units).to_be_visible()
    check_a11y(page, "hovedmenu åben")
    page.keyboard.press("Escape")
    expect(housing).to_have_attribute("aria-expanded", "false")
    page.keyboard.press("Enter")
    tab_to(page, units)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/boliger/$"))
    # The page's group is marked in the menu, and the menu fits one row of a laptop screen.
    expect(menu.locator(".mainmenu > li.active")).to_contain_text("Boliger")
    tops = {round(b["y"]) for b in (el.bounding_box() for el in menu.locator(".mainmenu > li:visible").all())}
    assert len(tops) == 1
    expect(page.locator("li.more-option")).to_be_hidden()
    check_a11y(page, "boligoversigt")


def test_the_menu_on_a_phone(browser, live_server, e2e_users, citizen):
    from django.conf import settings
    from django.test import Client

    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=live_server.url)
    client = Client()
    client.force_login(e2e_users["outreach"])
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    page = context.new_page()
    try:
        page.goto("/borgere/")
        expect(page.locator(".navigation-menu .nav")).to_be_hidden()
        opener = page.get_by_role("button", name="Menu")
        opener.click()
        drawer = page.locator(".mobile-drawer")
        expect(drawer).to_be_visible()
        expect(page.get_by_role("button", name="Luk menu")).to_be_focused()
        group = drawer.get_by_role("button", name="Støtte")
        group.click()
        expect(group).to_have_attribute("aria-expanded", "true")
        expect(drawer.get_by_role("link", name="Mine borgere")).to_be_visible()
        check_a11y(page, "mobilmenu")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        page.keyboard.press("Escape")
        expect(drawer).to_be_hidden()
        # The search stays in the header on a phone.
        expect(page.locator("#global-search")).to_be_visible()
    finally:
        context.close()


def test_the_search_finds_a_citizen_by_name_and_by_cpr(page, login_as, e2e_users, citizen):
    login_as(e2e_users["outreach"])
    page.goto("/borgere/")
    box = page.get_by_role("searchbox", name="Søg efter borger, bolig eller udlejer").first
    box.fill("kierkegaard")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"/soeg/\?q=kierkegaard$"))
    result = page.get_by_role("link", name="Søren Kierkegaard")
    expect(result).to_be_visible()
    check_a11y(page, "søgeresultat")
    page.locator("#global-search").fill(CPR)
    page.locator("#global-search").press("Enter")
    expect(page.get_by_role("link", name="Søren Kierkegaard")).to_be_visible()
    assert "4321" not in page.url
    expect(page.get_by_role("heading", level=1)).to_have_text("Søgning: 121285-XXXX")
    page.get_by_role("link", name="Søren Kierkegaard").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Søren Kierkegaard")
    expect(page.get_by_role("navigation", name="Brødkrumme")).to_contain_text("Hjemløselisten")


def test_a_removal_asks_first_and_can_be_cancelled(page, login_as, e2e_users, citizen, outreach_actor):
    from django.utils import timezone

    from people import services

    services.needs_list_register(
        actor=outreach_actor, person=citizen, registered_on=timezone.localdate(), max_rent=3500
    )
    login_as(e2e_users["outreach"])
    page.goto(f"/borgere/{citizen.pk}/")
    page.get_by_role("link", name="Bolig", exact=True).click()  # the person page's tab with the needs list
    remove = page.get_by_role("button", name="Fjern fra boligbehovslisten")
    remove.click()
    dialog = page.get_by_role("dialog", name="Er du sikker?")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("Søren Kierkegaard fjernes fra boligbehovslisten.")
    expect(dialog.get_by_role("button", name="Fortryd")).to_be_focused()
    check_a11y(page, "bekræftelse")
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(remove).to_be_focused()
    expect(page).to_have_url(re.compile(rf"/borgere/{citizen.pk}/\?fane=bolig$"))  # not sent
    remove.click()
    dialog.get_by_role("button", name="Ja, fortsæt").click()
    expect(page.get_by_role("button", name="Fjern fra boligbehovslisten")).to_have_count(0)
