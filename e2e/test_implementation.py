"""The implementation plan and the Housing First Landkort in the browser: a leader adds a focus area and an
initiative, changes its status and sees the history; the Landkort reads around the citizen, every link on it is
reachable with the keyboard, and axe-core finds nothing on each page."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from e2e.support import assert_all_tab_reachable, check_a11y, open_menu_link


def test_leader_adds_an_initiative_changes_its_status_and_sees_the_history(page, login_as, e2e_users):
    today = timezone.localdate()
    login_as(e2e_users["leader"])
    page.goto("/")
    open_menu_link(page, "Ledelse", "Implementeringsplan")
    expect(page.get_by_role("heading", level=1)).to_have_text("Implementeringsplan")
    check_a11y(page, "tom implementeringsplan")

    page.get_by_role("link", name="Nyt fokusområde").click()
    page.locator("#id_number").fill("3")
    page.locator("#id_title").fill("Flere billige boliger")
    page.locator("#id_source").fill("Indsats 3")
    check_a11y(page, "nyt fokusområde")
    page.get_by_role("button", name="Gem fokusområdet").click()
    expect(page.get_by_text("Fokusområdet er gemt.")).to_be_visible()

    page.get_by_role("link", name="Nyt initiativ", exact=True).click()
    page.locator("#id_focus_area").select_option(label="3. Flere billige boliger")
    page.locator("#id_title").fill("Samarbejdsaftale om anvisningsret")
    page.locator("#id_owner").fill("Socialchefen")
    page.locator("#id_start").fill((today - timedelta(days=30)).isoformat())
    page.locator("#id_deadline").fill((today - timedelta(days=1)).isoformat())
    page.get_by_label("1. Boligen som en basal menneskeret").check()
    check_a11y(page, "nyt initiativ")
    page.get_by_role("button", name="Gem initiativet").click()
    expect(page.get_by_text("Initiativet er gemt.")).to_be_visible()
    expect(page.locator("#initiative-status")).to_have_text("Ikke startet")
    expect(page.get_by_text("Fristen er overskredet")).to_be_visible()

    # A delay needs a note: refused first, then saved with one.
    page.get_by_label("Ny status").select_option("delayed")
    page.get_by_role("button", name="Gem status").click()
    expect(page.get_by_role("alert")).to_contain_text("Skriv i noten hvorfor initiativet er »Forsinket«")
    check_a11y(page, "status afvist")
    page.get_by_label("Ny status").select_option("delayed")
    page.locator("#id_note").fill("Boligorganisationen har bedt om et nyt møde")
    page.get_by_role("button", name="Gem status").click()
    expect(page.get_by_text("Status er ændret.")).to_be_visible()
    history = page.get_by_role("table", name="Hver status initiativet har fået, nyeste først")
    expect(history.get_by_role("row")).to_have_count(3)  # header, the change, the creation
    expect(history.get_by_role("row").nth(1)).to_contain_text("Ikke startet")
    expect(history.get_by_role("row").nth(1)).to_contain_text("Forsinket")
    expect(history.get_by_role("row").nth(1)).to_contain_text("Boligorganisationen har bedt om et nyt møde")
    expect(history.get_by_role("row").nth(2)).to_contain_text("Oprettet")
    check_a11y(page, "initiativ med historik")

    page.get_by_role("navigation", name="Brødkrumme").get_by_role("link", name="Implementeringsplan").click()
    row = page.get_by_role("row", name="Samarbejdsaftale om anvisningsret")
    expect(row).to_contain_text("Forsinket")
    expect(row).to_contain_text("Fristen er overskredet")
    expect(page.get_by_role("table", name="Planens 1 initiativ efter status")).to_contain_text("1")
    check_a11y(page, "implementeringsplan")


def test_the_landkort_reads_around_the_citizen_and_is_keyboard_reachable(
    page, login_as, e2e_users, municipality_a
):
    from accounts.access import Actor
    from accounts.roles import Role
    from implementation import services

    leader = Actor(user=e2e_users["leader"], municipality=municipality_a, role=Role.LEADER, path="/e2e/")
    services.map_actor_save(
        actor=leader,
        kind="shelter",
        name="Herberget",
        phone="47 00 10 10",
        when="Akut behov for en seng i nat",
    )
    services.map_actor_save(
        actor=leader,
        kind="addiction",
        name="Rusmiddelcentret",
        email="rus@demo-kommune.dk",
        hours="Hverdage 8-15",
    )
    services.map_actor_save(actor=leader, kind="police", name="Lokalpolitiet", phone="114")

    login_as(e2e_users["leader"])
    page.goto("/implementering/landkort/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Housing First Landkort")
    expect(page.get_by_role("heading", level=2)).to_have_text(
        ["Borgeren", "Forsorgshjem og herberg", "Misbrugsbehandling", "Politi"]
    )
    shelter = page.get_by_role("region", name="Forsorgshjem og herberg")
    expect(shelter).to_contain_text("Akut behov for en seng i nat")
    expect(shelter.get_by_role("link", name="47 00 10 10")).to_have_attribute("href", "tel:47001010")
    check_a11y(page, "landkort")
    assert_all_tab_reachable(page, [".hf-landkort a", ".hf-subnav a"])

    page.get_by_role("link", name="Ret Herberget").click()
    check_a11y(page, "ret aktør")

    # Narrow screens get the same DOM as a single column: still axe clean.
    page.set_viewport_size({"width": 400, "height": 900})
    page.goto("/implementering/landkort/")
    check_a11y(page, "landkort, smal skærm")
