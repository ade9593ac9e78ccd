"""Homes in the browser: the broker registers a landlord, an agreement and a unit and opens the stock
analysis; the leader sees retention; axe-core on every new page."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from e2e.support import check_a11y, open_menu_link, switch_user, wait_for_charts


def test_broker_registers_stock_and_leader_sees_retention(
    page, login_as, e2e_users, municipality_a, person_factory, actor_factory
):
    from accounts.roles import Role
    from conftest import make_user
    from housing import services
    from housing.tests.factories import make_stock

    broker = make_user(municipality_a, Role.HOUSING_BROKER, "boligformidler")
    # One person housed 300 days ago, so retention has a figure at 6 months.
    worker = actor_factory(e2e_users["outreach"], municipality_a, Role.OUTREACH_WORKER)
    today = timezone.localdate()
    person = person_factory(worker, first_name="Hanne", last_name="Hus", start=today - timedelta(days=320))
    _, unit = make_stock(municipality_a, name="Eksisterende Bolig", address="Gammelvej 1")
    services.tenancy_start(actor=worker, person=person, unit=unit, starts_on=today - timedelta(days=300))

    login_as(broker)
    page.goto("/boliger/udlejere/")
    check_a11y(page, "udlejere")
    page.get_by_role("link", name="Ny udlejer").click()
    page.get_by_label("Navn").fill("Fjordbo")
    page.get_by_label("Kontaktperson").fill("Karen Fjord")
    check_a11y(page, "ny udlejer")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fjordbo")
    check_a11y(page, "udlejer")

    page.get_by_role("link", name="Ny aftale").click()
    page.get_by_label("Titel").fill("Anvisningsaftale 2026")
    page.get_by_label("Andel af ledige boliger (%)").fill("30")
    page.get_by_label("Gælder fra").fill(today.isoformat())
    page.get_by_role("button", name="Gem").click()
    # Above § 59's 25 % without the agreement basis: a Danish message in the error summary.
    expect(page.locator(".alert-error")).to_contain_text("almenboligloven § 59")
    check_a11y(page, "aftale med fejl")
    page.get_by_label("Note").fill("Samarbejdsaftale med Fjordbo om 30 %")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("table", name="Anvisningsaftaler med Fjordbo")).to_contain_text("30 %")

    page.get_by_role("link", name="Ny bolig").click()
    page.get_by_label("Boligtype").select_option(label="Almen familiebolig")
    page.get_by_label("Adresse").fill("Havnevej 12, 1. th.")
    page.get_by_label("Postnummer").fill("3600")
    page.get_by_label("Værelser").fill("2")
    page.get_by_label("Husleje (kr./md.)").fill("3400")
    check_a11y(page, "ny bolig")
    page.get_by_role("button", name="Gem").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Boligoversigt")
    expect(page.locator("table")).to_contain_text("Havnevej 12, 1. th.")
    check_a11y(page, "boligoversigt")

    for path, label in (
        ("/boliger/boligtyper/", "boligtyper"),
        ("/boliger/mens-borgeren-venter/", "mens borgeren venter"),
        ("/boliger/fogedsager/", "fogedsager"),
        (f"/boliger/borger/{person.pk}/indflytning/", "indflytning"),
        (f"/boliger/lejemaal/{person.tenancies.get().pk}/fraflytning/", "fraflytning"),
        (f"/boliger/lejemaal/{person.tenancies.get().pk}/fogedsag/", "fogedsag"),
        (f"/boliger/mens-borgeren-venter/{person.pk}/", "plan"),
        (f"/borgere/{person.pk}/", "borgerside"),
    ):
        page.goto(path)
        check_a11y(page, label)

    open_menu_link(page, "Boliger", "Boliganalyse")
    expect(page.get_by_role("heading", level=1)).to_have_text("Boliganalyse")
    wait_for_charts(page)  # the script follows the heading: wait, do not race it
    expect(page.get_by_role("list", name="Nøgletal")).to_contain_text("Boliger til højst 3500 kr.")
    check_a11y(page, "boliganalyse")

    switch_user(page, login_as, e2e_users["leader"])
    page.goto("/boliger/fastholdelse/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Fastholdelse i bolig")
    expect(page.get_by_role("table", name="Stadig i egen bolig, alle borgere")).to_contain_text(
        "100,0 % (1 af 1)"
    )
    check_a11y(page, "fastholdelse")
