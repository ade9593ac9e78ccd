"""Allocation in the browser: a vacancy from arrival to move-in (proposal, offer, decline, re-offer,
accept, lease, move-in) and the committee's agenda with a decision and its PDF; axe-core on every page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.support import check_a11y, confirm, open_menu_link

pytestmark = pytest.mark.e2e


@pytest.fixture
def homes(e2e_users, municipality_a, outreach_actor, some_people):
    from housing.tests.factories import make_stock
    from people import services

    today = timezone.localdate()
    services.needs_list_register(
        actor=outreach_actor,
        person=some_people["Jens Hansen"],
        registered_on=today,
        max_rent=3500,
        areas="Slangerup",
    )
    services.needs_list_register(
        actor=outreach_actor, person=some_people["Mette Nielsen"], registered_on=today, max_rent=3500
    )
    _, unit = make_stock(municipality_a, address="Fjordvej 7", rent=3300)
    unit.area = "Slangerup"
    unit.save()
    _, other = make_stock(municipality_a, address="Skovvej 2", rent=3100)
    from accounts.access import Actor
    from accounts.roles import Role
    from allocation import services as allocation_services

    leader = Actor(user=e2e_users["leader"], municipality=municipality_a, role=Role.LEADER, path="/e2e/")
    allocation_services.vacancy_create(
        actor=leader, unit=other, reported_on=today, nominate_by=today + timedelta(days=10)
    )
    return unit


def step(page, button):
    page.get_by_role("button", name=button, exact=True).click()


def test_vacancy_to_move_in_with_a_decline_and_a_re_offer(page, login_as, e2e_users, homes):
    login_as(e2e_users["leader"])
    page.goto("/")
    open_menu_link(page, "Boliger", "Ledige boliger")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ledige boliger")
    check_a11y(page, "vacancy list")

    page.get_by_role("link", name="Ny ledig bolig").click()
    check_a11y(page, "new vacancy form")
    page.get_by_role("button", name="Opret").click()  # nothing chosen: the error summary
    expect(page.get_by_role("alert").filter(has_text="Der er fejl i formularen")).to_be_visible()
    check_a11y(page, "new vacancy form with errors")
    value = page.locator("#id_unit option", has_text="Fjordvej 7").get_attribute("value")
    page.locator("#id_unit").select_option(value)
    page.locator("#id_nominate_by").fill((timezone.localdate() + timedelta(days=7)).isoformat())
    page.get_by_role("button", name="Opret").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ledig bolig: Fjordvej 7")
    expect(page.locator(".hf-proposals")).to_contain_text("Kan betales")
    expect(page.locator(".hf-proposals > li").first).to_contain_text("Jens Hansen")  # wished area first
    check_a11y(page, "vacancy with proposals")

    # Proposal -> offer -> decline
    page.get_by_role("button", name="Foreslå Jens Hansen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tilbud til Jens Hansen")
    check_a11y(page, "proposed offer")
    step(page, "Tilbyd boligen")
    expect(page.get_by_text("Status: Tilbudt")).to_be_visible()
    page.get_by_role("button", name="Registrér afslag").click()  # no reason: Danish error
    confirm(page, "Afslaget registreres, og tilbuddet lukkes.")
    expect(page.get_by_role("alert").filter(has_text="Afslagsgrund")).to_be_visible()
    check_a11y(page, "decline with errors")
    page.locator("#id_decline-reason").select_option(
        label="Boligen ligger for langt fra netværk eller tilbud"
    )
    page.get_by_role("button", name="Registrér afslag").click()
    confirm(page)
    expect(page.get_by_text("Status: Afslået")).to_be_visible()
    check_a11y(page, "declined offer")

    # Re-offer to the next candidate, who says yes and moves in
    page.get_by_role("link", name="Tilbyd boligen til en anden borger").click()
    page.get_by_role("button", name="Foreslå Mette Nielsen").click()
    step(page, "Tilbyd boligen")
    step(page, "Borgeren siger ja")
    expect(page.get_by_text("Status: Accepteret")).to_be_visible()
    page.locator("#id_checklist-deposit_loan").select_option(label="Bevilget")
    page.get_by_role("button", name="Gem tjekliste").click()
    expect(page.get_by_role("status")).to_contain_text("Tjeklisten er gemt")
    step(page, "Lejekontrakt underskrevet")
    step(page, "Registrér indflytning")
    confirm(page, "Indflytningen registreres")
    expect(page.get_by_text("Status: Flyttet ind")).to_be_visible()
    expect(page.locator("table").last).to_contain_text("Borgeren er flyttet ind")
    check_a11y(page, "moved in")
    page.get_by_role("link", name="Fjordvej 7").first.click()
    expect(page.locator("dl")).to_contain_text("Udlejet")

    for url, label in [
        ("/ledige-boliger/samlet-forslag/", "global proposal"),
        ("/ledige-boliger/tal/", "step figures"),
        ("/ledige-boliger/afslagsgrunde/", "decline reasons"),
    ]:
        page.goto(url)
        check_a11y(page, label)
    page.goto("/ledige-boliger/")
    page.get_by_role("link", name="Skovvej 2").click()
    page.get_by_role("link", name=re.compile("Oplysninger og parkering")).first.click()
    check_a11y(page, "candidate page")


def test_committee_agenda_decision_and_pdf(page, login_as, e2e_users, homes):
    login_as(e2e_users["leader"])
    page.goto("/ledige-boliger/boligudvalg/")
    check_a11y(page, "committee meetings")
    page.get_by_role("button", name="Opret møde med dagsorden").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Boligudvalgets møde")
    expect(page.get_by_role("heading", level=3).first).to_contain_text("Skovvej 2")
    check_a11y(page, "committee agenda")
    page.get_by_label("Begrundelse").first.fill("Borgeren ønsker boligen og kan betale den.")
    page.get_by_role("button", name=re.compile("Gem beslutning")).first.click()
    expect(page.get_by_role("status")).to_contain_text("Beslutningen er gemt")
    expect(page.locator("section").first).to_contain_text("Indstilling godkendt")
    check_a11y(page, "committee agenda with decision")
    with page.expect_download() as info:
        page.get_by_role("link", name=re.compile("PDF")).click()
    assert info.value.suggested_filename.endswith(".pdf")
    with open(info.value.path(), "rb") as f:
        assert f.read(4) == b"%PDF"
