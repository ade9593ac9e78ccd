"""Support in the browser (issue 3): a leader finds a bottleneck (a full ICM caseload and a waiting list,
the figures linked to the people behind them), a support worker's day (front page after login, starting a
CTI episode against the assessment's recommendation with a written reason, a contact attempt, pause and
resume, the CTI phase timeline), and an assignment beyond the limit refused onto the waiting list.
axe-core with zero violations on every support page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from conftest import PASSWORD
from e2e.support import check_a11y, open_menu_link, restart_tab_order, tab_to

pytestmark = pytest.mark.e2e

ICM_LIMIT = 8  # support/conf.py: CASELOAD_PER_WORKER for ICM


@pytest.fixture
def support_users(e2e_users, municipality_a):
    """The support worker Sara Støtte (password: conftest.PASSWORD) next to the e2e leader."""
    from accounts.roles import Role
    from conftest import make_user

    user = make_user(municipality_a, Role.SUPPORT_WORKER, "stoette")
    user.first_name, user.last_name = "Sara", "Støtte"
    user.save(update_fields=["first_name", "last_name"])
    return {**e2e_users, "support": user}


@pytest.fixture
def leader_actor(support_users, municipality_a, actor_factory):
    from accounts.roles import Role

    return actor_factory(support_users["leader"], municipality_a, Role.LEADER)


@pytest.fixture
def support_actor(support_users, municipality_a, actor_factory):
    from accounts.roles import Role

    return actor_factory(support_users["support"], municipality_a, Role.SUPPORT_WORKER)


@pytest.fixture
def full_icm(support_users, leader_actor, support_actor, outreach_actor, person_factory):
    """Sara works with ICM and has a full caseload (8 active); Vera Venter waits for ICM since 12 days ago;
    Nanna Nyborg has no support yet."""
    from support import services

    today = timezone.localdate()
    team = services.team_save(actor=leader_actor, name="ICM-teamet", method="icm")
    services.worker_save(actor=leader_actor, user=support_users["support"], method="icm", team=team)
    people = []
    for i in range(ICM_LIMIT):
        person = person_factory(
            outreach_actor, first_name=f"Borger{i}", last_name=f"Icm{i}", start=today - timedelta(days=90)
        )
        result = services.episode_start(
            actor=support_actor,
            person=person,
            method="icm",
            start_date=today - timedelta(days=60 - i),
            worker=support_users["support"],
        )
        assert result.episode is not None
        services.episode_contact_record(
            actor=support_actor,
            episode=result.episode,
            contacted_on=today - timedelta(days=2),
            kind="home_visit",
            reached=True,
        )
        people.append(person)
    waiting = person_factory(
        outreach_actor, first_name="Vera", last_name="Venter", start=today - timedelta(days=90)
    )
    refused = services.episode_start(
        actor=support_actor,
        person=waiting,
        method="icm",
        start_date=today - timedelta(days=12),
        worker=support_users["support"],
    )
    assert refused.episode is None and refused.waiting is not None
    new = person_factory(
        outreach_actor, first_name="Nanna", last_name="Nyborg", start=today - timedelta(days=30)
    )
    return {"team": team, "people": people, "waiting": waiting, "new": new}


def test_a_leader_finds_a_bottleneck(page, login_as, support_users, full_icm):
    login_as(support_users["leader"])
    page.goto("/stoette/leder/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Støtte: kapacitet og ventelister")
    check_a11y(page, "leader front page with a full ICM caseload")

    # Capacity per method: ICM has 8 places, all in use, one waiting for 12 days.
    icm = page.locator("#method-capacity").get_by_role("row", name=re.compile(r"^ICM"))
    expect(icm.locator("td")).to_have_text(
        [
            "8",
            "8 aktive i ICM (Intensive Case Management)",
            "0",
            "100 %",
            "1 på venteliste til ICM (Intensive Case Management)",
            "12",
            "12",
        ]
    )
    # Capacity per team: the ICM team is full, with one full worker.
    team = page.locator("#capacity").get_by_role("row", name=re.compile("^ICM-teamet"))
    expect(team).to_have_class(re.compile("hf-full"))
    expect(team.locator("td").nth(5)).to_have_text("1")
    # The workers at their limit: Sara is full.
    sara = page.locator("#full-workers").get_by_role("row", name=re.compile("Sara Støtte"))
    expect(sara).to_have_class(re.compile("hf-full"))
    expect(sara.locator("td")).to_have_text(
        ["ICM (Intensive Case Management)", "ICM-teamet", "8 aktive hos Sara Støtte", "8", "100 % fuld"]
    )
    # The waiting list with the waiting time.
    vera = page.locator("#waiting").get_by_role("row", name=re.compile("Vera Venter"))
    since = (timezone.localdate() - timedelta(days=12)).strftime("%d.%m.%Y")
    expect(vera.locator("td")).to_have_text(["ICM (Intensive Case Management)", "ICM-teamet", since, "12"])

    # The full caseload's figure leads, with the keyboard, to the 8 people behind it.
    restart_tab_order(page)
    figure = sara.get_by_role("link", name="8 aktive hos Sara Støtte")
    tab_to(page, figure)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/stoette/forloeb/\?"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Støtteforløb: aktiv, ICM (Intensive Case Management)"
    )
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(ICM_LIMIT)
    for person in full_icm["people"]:
        expect(page.get_by_role("row", name=re.compile(person.display_name))).to_have_count(1)
    check_a11y(page, "the episodes behind the full caseload")

    # The waiting figure leads to the waiting list of ICM.
    page.go_back()
    page.locator("#method-capacity").get_by_role(
        "link", name="1 på venteliste til ICM (Intensive Case Management)"
    ).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Venteliste til støtte: ICM (Intensive Case Management)"
    )
    row = page.get_by_role("row", name=re.compile("Vera Venter"))
    expect(row).to_contain_text("Sara Støtte har allerede 8 borgere i ICM og må højst have 8.")
    expect(row.locator("td").nth(2)).to_have_text("12")
    check_a11y(page, "waiting list for ICM")


@pytest.fixture
def cti_worker(support_users, leader_actor, support_actor, outreach_actor, person_factory):
    """Sara works with CTI; Mette Nielsen has an assessment recommending ICM."""
    from plans import services as plans_services
    from support import services

    team = services.team_save(actor=leader_actor, name="CTI-teamet", method="cti")
    services.worker_save(actor=leader_actor, user=support_users["support"], method="cti", team=team)
    person = person_factory(
        outreach_actor,
        first_name="Mette",
        last_name="Nielsen",
        situation="shelter",
        start=timezone.localdate() - timedelta(days=60),
    )
    plans_services.assessment_save(
        actor=support_actor,
        person=person,
        services_use="some",
        dimensions={"housing": {"own_words": "Jeg vil have mit eget sted.", "level": 3}},
    )
    from plans.models import Assessment
    from plans.selectors import recommendation_for

    assert (
        recommendation_for(
            Assessment.objects.get(person=person, is_current=True), show_health=True
        ).method.value
        == "icm"
    )
    return {"team": team, "person": person}


def test_a_support_workers_day(page, login_as, support_users, cti_worker):
    person = cti_worker["person"]
    today = timezone.localdate()

    # Opening the site and logging in with the keyboard, a support worker lands on "I dag" (issue 14) and
    # finds "Mine borgere" in the menu. (The login page opened directly goes to LOGIN_REDIRECT_URL instead.)
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/\?next=/$"))
    tab_to(page, page.locator("#id_login"))
    page.keyboard.type("stoette")
    tab_to(page, page.locator("#id_password"), max_presses=1)
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/i-dag/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("I dag")
    open_menu_link(page, "Støtte", "Mine borgere")
    expect(page).to_have_url(re.compile(r"/stoette/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Mine borgere")
    expect(
        page.get_by_text(
            "Du arbejder med CTI (Critical Time Intervention) i teamet CTI-teamet: 0 af højst 10 borgere."
        )
    ).to_be_visible()
    check_a11y(page, "worker front page, no citizens yet")

    # From the person page: start an episode.
    page.goto(f"/borgere/{person.pk}/?fane=stoette")
    page.get_by_role("link", name="Start et støtteforløb").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Start støtteforløb for Mette Nielsen")
    expect(
        page.get_by_text("Udredningen (version 1) anbefaler ICM (Intensive Case Management)")
    ).to_be_visible()
    expect(page.get_by_label("Støttemetode")).to_have_value("icm")  # the recommendation is the default
    check_a11y(page, "start form")
    page.get_by_label("Støttemetode").select_option("cti")
    page.get_by_label("Medarbejder").select_option(str(support_users["support"].pk))
    page.get_by_label("Startdato").fill((today - timedelta(days=45)).isoformat())
    page.get_by_role("button", name="Start forløbet").click()

    # Another method than the recommended one needs a written reason.
    summary = page.get_by_role("alert").filter(has_text="Der er fejl i formularen")
    expect(summary).to_contain_text(
        "Begrundelse for metoden: Skriv en begrundelse: udredningen anbefaler "
        "ICM (Intensive Case Management), men CTI (Critical Time Intervention) er valgt."
    )
    reason = page.get_by_label("Begrundelse for metoden")
    expect(reason).to_have_attribute("aria-describedby", re.compile("id_method_reason-error"))
    expect(page.get_by_label("Støttemetode")).to_have_value("cti")
    check_a11y(page, "start form with the error summary")
    summary.get_by_role("link").click()
    expect(reason).to_be_focused()
    reason.fill("Hun flytter fra forsorgshjemmet nu; overgangen er det vigtigste.")
    page.get_by_role("button", name="Start forløbet").click()

    # The episode page: CTI's phases with the current one marked.
    expect(page.get_by_role("status")).to_have_text("Støtteforløbet er startet.")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "CTI (Critical Time Intervention): Mette Nielsen"
    )
    expect(page.locator(".hf-facts")).to_contain_text("Hun flytter fra forsorgshjemmet nu")
    phases = page.get_by_role("list", name="CTI-faser")
    expect(phases.locator("li")).to_have_count(4)
    expect(phases.locator("li[aria-current=step]")).to_contain_text("1. fase: Overgang til egen bolig")
    check_a11y(page, "CTI episode page")

    # A contact attempt: a note at the door, not reached.
    contact = page.locator("form[action$='/kontakt/']")
    contact.get_by_label("Dato").fill((today - timedelta(days=1)).isoformat())
    contact.get_by_label("Kontaktform").select_option("note_at_door")
    contact.get_by_label("Nej, ikke truffet").check()
    contact.get_by_label("Kort note").fill("Ikke hjemme, seddel lagt")
    contact.get_by_role("button", name="Gem kontakt").click()
    expect(page.get_by_role("status")).to_have_text("Kontakten er gemt.")
    timeline = page.locator("ol.hf-timeline")
    expect(timeline).to_contain_text("Kontakt: Seddel ved døren, ikke truffet: Ikke hjemme, seddel lagt")
    check_a11y(page, "episode page after a contact attempt")

    # Pause: a hospital stay is no reason to pause (principle 5), and the form says why; a long prison stay is.
    page.locator("summary", has_text="Sæt på pause").click()
    pause = page.locator("form[action$='/pause/']")
    pause.get_by_label("Årsag").select_option(label="Hospitalsophold")
    pause.get_by_role("button", name="Sæt på pause").click()
    expect(page.get_by_role("alert").filter(has_text="Der er fejl i formularen")).to_contain_text(
        "støtten fortsætter under indlæggelsen"
    )
    check_a11y(page, "episode page, pause form with an error")
    pause.get_by_label("Årsag").select_option(label="Længere fængselsophold")
    pause.get_by_role("button", name="Sæt på pause").click()
    expect(page.get_by_role("status")).to_have_text("Forløbet er sat på pause.")
    expect(page.locator(".hf-facts")).to_contain_text(f"På pause siden {today:%d.%m.%Y}")
    check_a11y(page, "paused episode")

    # Resume.
    page.locator("summary", has_text="Genoptag").click()
    resume = page.locator("form[action$='/genoptag/']")
    resume.get_by_label("Note").fill("Løsladt")
    resume.get_by_role("button", name="Genoptag forløbet").click()
    expect(page.get_by_role("status")).to_have_text("Forløbet er genoptaget.")
    expect(page.locator(".hf-facts")).to_contain_text(f"Aktiv siden {today:%d.%m.%Y}")
    expect(timeline).to_contain_text("Længere fængselsophold")
    check_a11y(page, "resumed episode")

    # Back on the front page: Mette is one of Sara's citizens.
    page.goto("/stoette/")
    expect(page.get_by_text("0 af højst 10 borgere")).to_have_count(0)
    expect(page.get_by_text("1 af højst 10 borgere", exact=False)).to_be_visible()
    row = page.get_by_role("row", name=re.compile("Mette Nielsen"))
    expect(row).to_contain_text("1. fase: Overgang til egen bolig")
    check_a11y(page, "worker front page with a citizen")

    # The leader's pages for teams and workers.
    login_as(support_users["leader"])
    page.goto("/stoette/leder/")
    check_a11y(page, "leader front page")
    page.get_by_role("link", name="Teams", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Støtteteams")
    expect(page.get_by_role("row", name=re.compile("CTI-teamet"))).to_contain_text(
        "CTI (Critical Time Intervention)"
    )
    check_a11y(page, "teams")
    page.get_by_label("Navn").fill("ICM-teamet")
    page.get_by_label("Metode").select_option("icm")
    page.get_by_label("Højst antal borgere (kun ACT)").fill("40")
    page.get_by_role("button", name="Gem teamet").click()
    expect(page.get_by_role("alert").filter(has_text="Der er fejl i formularen")).to_contain_text(
        "gælder kun ACT-teams"
    )
    check_a11y(page, "teams form with an error")
    page.get_by_label("Højst antal borgere (kun ACT)").fill("")
    page.get_by_role("button", name="Gem teamet").click()
    expect(page.get_by_role("status")).to_have_text("Teamet er gemt.")
    page.get_by_role("link", name="Ret CTI-teamet").click()
    expect(page.get_by_role("heading", level=2, name="Ret teamet CTI-teamet")).to_be_visible()
    check_a11y(page, "team edit")

    page.goto("/stoette/medarbejdere/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Støttemedarbejdere")
    check_a11y(page, "workers")
    page.get_by_role("link", name="Ret Sara Støtte").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sara Støtte")
    check_a11y(page, "worker edit")
    page.get_by_label("Eget loft", exact=False).fill("11")
    page.get_by_role("button", name="Gem", exact=True).click()
    expect(page.get_by_role("alert").filter(has_text="Der er fejl i formularen")).to_contain_text(
        "højst være 10"
    )
    check_a11y(page, "worker edit with an error")


def test_assigning_beyond_the_limit_is_refused_onto_the_waiting_list(page, login_as, support_users, full_icm):
    from support.models import SupportEpisode, WaitingListEntry

    person = full_icm["new"]
    login_as(support_users["support"])
    page.goto(f"/borgere/{person.pk}/?fane=stoette")
    page.get_by_role("link", name="Start et støtteforløb").click()
    check_a11y(page, "start form, no assessment")
    page.get_by_label("Støttemetode").select_option("icm")
    page.get_by_label("Medarbejder").select_option(str(support_users["support"].pk))
    page.get_by_role("button", name="Start forløbet").click()

    refusal = page.get_by_role("alert").filter(has_text="Forløbet er ikke startet: der er ikke plads")
    expect(refusal).to_contain_text(
        "Sara Støtte har allerede 8 borgere i ICM og må højst have 8. "
        "Borgeren er sat på ventelisten til metoden."
    )
    expect(refusal).to_contain_text(f"På ventelisten siden {timezone.localdate():%d.%m.%Y}.")
    check_a11y(page, "start form refused for capacity")
    assert not SupportEpisode.objects.filter(person=person).exists()
    assert WaitingListEntry.objects.filter(person=person, method="icm", closed_on__isnull=True).count() == 1

    refusal.get_by_role("link", name="Se ventelisten").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Venteliste til støtte: ICM (Intensive Case Management)"
    )
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(2)  # Vera (12 days) first, then Nanna (today)
    expect(rows.nth(0).locator("th")).to_have_text("Vera Venter")
    expect(rows.nth(1).locator("th")).to_have_text("Nanna Nyborg")
    expect(rows.nth(1).locator("td").nth(2)).to_have_text("0")
    check_a11y(page, "waiting list after the refusal")

    page.get_by_role("link", name="Nanna Nyborg", exact=True).click()
    expect(page.get_by_text("På venteliste til ICM (Intensive Case Management).")).to_be_visible()

    # Trying again does not put her on the list twice.
    page.get_by_role("link", name="Start et støtteforløb").click()
    page.get_by_label("Støttemetode").select_option("icm")
    page.get_by_label("Medarbejder").select_option(str(support_users["support"].pk))
    page.get_by_role("button", name="Start forløbet").click()
    expect(page.get_by_role("alert")).to_contain_text("må højst have 8")
    assert WaitingListEntry.objects.filter(person=person, method="icm", closed_on__isnull=True).count() == 1


def test_a_leader_finds_a_support_worker_by_name_and_makes_them_the_citizens_worker(
    page, login_as, support_users, leader_actor, some_people, municipality_a
):
    """Visitation in a municipality with more support workers than the page lists: the leader types part
    of a name, the matching workers appear as they type (htmx), one is chosen with the keyboard."""
    from conftest import make_user
    from support import selectors, services

    team = services.team_save(actor=leader_actor, name="CTI-teamet", method="cti")
    services.worker_save(actor=leader_actor, user=support_users["support"], method="cti", team=team)
    for i in range(selectors.ASSIGN_CHOICES):
        user = make_user(municipality_a, "support_worker", f"kollega-{i:02d}")
        user.first_name, user.last_name = "Kollega", f"Nummer{i:02d}"
        user.save(update_fields=["first_name", "last_name"])
        services.worker_save(actor=leader_actor, user=user, method="cti", team=team)
    person = some_people["Jens Hansen"]
    login_as(support_users["leader"])
    page.goto(f"/borgere/{person.pk}/?fane=stoette")
    expect(page.get_by_text("Søg efter medarbejderens navn")).to_be_visible()
    page.get_by_role("searchbox", name="Søg støttemedarbejder").fill("sara")
    choice = page.get_by_role("radio", name=re.compile("Sara Støtte"))
    expect(choice).to_be_visible()
    expect(page.get_by_role("radio")).to_have_count(1)
    check_a11y(page, "visitation search with one match")
    choice.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Tilknyt medarbejderen").click()
    expect(page.get_by_text("Sara Støtte er nu borgerens medarbejder")).to_be_visible()
    assert person.workers.filter(pk=support_users["support"].pk).exists()
