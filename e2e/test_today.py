"""I dag in Chromium (issue 14 items 1-2): a support worker, an outreach worker and a broker each land on
their I dag, follow an item to where it is done, do it and see it leave the list; the bell counts what
waits; every page is axe-core clean."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.roles import Role
from people.models import Person
from support import services as support_services
from support.tests.helpers import icm_setup
from today.tests.helpers import broker_world

from .support import check_a11y, open_menu_link

pytestmark = pytest.mark.e2e


def ago(days):
    return timezone.localdate() - timedelta(days=days)


def section(page, label):
    return page.locator("section.hf-today-section", has=page.get_by_role("heading", name=re.compile(label)))


def bell_count(page):
    return page.locator("#hf-bell .hf-bell-count")


def land_on_i_dag(page, login_as, user):
    login_as(user)
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/i-dag/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("I dag")


def test_a_support_worker_reaches_a_citizen_and_the_task_leaves_i_dag(
    page, login_as, users_a, municipality_a, worker_a, person_factory
):
    _, worker, _ = icm_setup(users_a, municipality_a)
    pia = person_factory(worker_a, first_name="Pia", last_name="Holm", start=ago(60))
    support_services.episode_start(
        actor=worker, person=pia, method="icm", start_date=ago(30), worker=worker.user
    )

    land_on_i_dag(page, login_as, users_a[Role.SUPPORT_WORKER])
    expect(bell_count(page)).to_have_text("1")
    not_reached = section(page, "Borgere du ikke har truffet")
    expect(not_reached).to_contain_text("Ikke truffet i 30 dage")
    check_a11y(page, "support worker's I dag")

    not_reached.get_by_role("link", name="Pia Holm", exact=True).click()
    contact = page.locator("form[action$='/kontakt/']")
    contact.get_by_label("Kontaktform").select_option("meeting")
    contact.get_by_label("Ja, truffet").check()
    contact.get_by_role("button", name="Gem kontakt").click()
    expect(page.get_by_role("status")).to_have_text("Kontakten er gemt.")

    page.locator("#hf-bell").click()  # the bell in the header leads back to I dag
    expect(page).to_have_url(re.compile(r"/i-dag/$"))
    expect(section(page, "Borgere du ikke har truffet")).to_contain_text("Intet her i dag.")
    expect(bell_count(page)).to_have_text("0")
    check_a11y(page, "support worker's I dag, done")


def test_an_outreach_worker_keeps_a_citizen_from_becoming_inactive(
    page, login_as, users_a, municipality_a, worker_a, person_factory
):
    ole = person_factory(worker_a, first_name="Ole", last_name="Bak", start=ago(120), birth_year=1970)
    Person.objects.filter(pk=ole.pk).update(last_activity_on=ago(85))

    land_on_i_dag(page, login_as, users_a[Role.OUTREACH_WORKER])
    soon = section(page, "Snart inaktive")
    expect(soon).to_contain_text("Ikke set i 85 dage")
    expect(bell_count(page)).to_have_text("1")
    check_a11y(page, "outreach worker's I dag")

    soon.get_by_role("link", name="Ole Bak", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ole Bak")
    page.wait_for_load_state()  # htmx wired the button (clicked before, it is the form's own page)
    # The contact dialog by the name on the person page (the one way to record a contact).
    page.get_by_role("link", name="Registrér kontakt med Ole Bak").click()
    contact = page.get_by_role("dialog", name="Kontakt med Ole Bak")
    contact.get_by_label("Kontaktform").select_option(label="Opsøgende kontakt på gaden")
    contact.get_by_label("Ja").check()
    contact.get_by_role("button", name="Gem kontakt").click()
    expect(contact).to_be_hidden()
    expect(
        page.get_by_role("status").filter(has_text="Kontakten med Ole Bak er registreret.")
    ).to_be_visible()

    page.goto("/i-dag/")
    expect(section(page, "Snart inaktive")).to_contain_text("Intet her i dag.")
    # His own citizens under "Mine borgere", with no word about being a support worker.
    open_menu_link(page, "Støtte", "Mine borgere")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mine borgere")
    expect(page.get_by_role("link", name="Ole Bak", exact=True)).to_be_visible()
    expect(page.get_by_text("støttemedarbejder med en metode")).to_have_count(0)
    check_a11y(page, "outreach worker's Mine borgere")


def test_a_broker_moves_a_stalled_offer_on(page, login_as, users_a, municipality_a, worker_a, person_factory):
    broker_world(users_a, municipality_a, worker_a, person_factory, n=1, prefix="E")

    land_on_i_dag(page, login_as, users_a[Role.HOUSING_BROKER])
    expect(bell_count(page)).to_have_text("3")
    stalled = section(page, "Tilbud der står stille")
    expect(stalled).to_contain_text("foreslået i 12 dage")
    expect(section(page, "Ledige boliger tæt på fristen")).to_contain_text("Fristvej E0")
    check_a11y(page, "broker's I dag")

    stalled.get_by_role("link", name="E00 Venter").click()
    page.get_by_role("button", name="Tilbyd boligen").click()
    expect(page.get_by_role("status")).to_be_visible()

    page.goto("/i-dag/")
    expect(section(page, "Tilbud der står stille")).to_contain_text("Intet her i dag.")
    expect(bell_count(page)).to_have_text("2")


def test_a_leader_lands_on_the_steering_page_with_a_link_to_i_dag(
    page, login_as, users_a, municipality_a, worker_a, person_factory
):
    broker_world(users_a, municipality_a, worker_a, person_factory, n=1, prefix="L")
    login_as(users_a[Role.LEADER])
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/ledelse/$"))
    link = page.locator("#hf-today-link")
    expect(link).to_have_text("I dag (1)")  # the committee item
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("I dag")
    check_a11y(page, "leader's I dag")
