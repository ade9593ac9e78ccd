"""Fidelity in the browser: a leader runs a full quarterly assessment with the keyboard only (draft,
then completed, with an agreed action), sees results and exports; a citizen answers Brief INSPIRE, and
another WHO-5, on a phone-sized screen without login. axe-core with zero violations on every fidelity
page."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.support import check_a11y, confirm, restart_tab_order, tab_to

pytestmark = pytest.mark.e2e


@pytest.fixture
def fidelity_unit(e2e_users, municipality_a):
    from accounts.access import Actor
    from accounts.roles import Role
    from fidelity import services

    actor = Actor(user=e2e_users["leader"], municipality=municipality_a, role=Role.LEADER)
    unit = services.unit_create(
        actor=actor,
        name="Housing First-teamet",
        kind="team",
        leader=e2e_users["leader"],
        members=[e2e_users["outreach"]],
    )
    return actor, unit


def test_a_full_quarterly_assessment_with_the_keyboard_only(page, login_as, e2e_users, fidelity_unit):
    from fidelity.models import FidelityAssessment, Statement

    login_as(e2e_users["leader"])
    page.goto("/efterlevelse/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Efterlevelse af Housing First")
    expect(page.locator("#missing-assessments")).to_contain_text("Housing First-teamet")
    check_a11y(page, "fidelity overview")

    # Start this quarter's form: the unit and the current quarter are preselected; Tab to the button, Enter.
    restart_tab_order(page)
    tab_to(page, page.get_by_role("button", name="Start eller fortsæt vurderingen"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text("Efterlevelsesskema: Housing First-teamet")
    check_a11y(page, "the fidelity form")

    # The meeting.
    restart_tab_order(page)
    tab_to(page, page.get_by_label("Deltagere"))
    page.keyboard.type("Leder, koordinator og tre medarbejdere")
    tab_to(page, page.get_by_label("Borgernes perspektiver er indhentet før mødet"), max_presses=3)
    page.keyboard.press("Space")

    # Answer the first 8 statements with the keyboard (arrow keys in each radio group), then save a draft.
    statements = list(Statement.objects.filter(theme__form_version__current=True).order_by("number"))
    for s in statements[:8]:
        # Tab lands on the group's checked radio, "Ikke besvaret" (the last); arrows wrap to "Helt enig", "Enig".
        tab_to(page, page.locator(f"#id_s{s.id}-value_5"))
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowDown")
    tab_to(page, page.get_by_role("button", name="Gem som kladde"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("status")).to_have_text("Kladden er gemt. I kan fortsætte senere.")
    assessment = FidelityAssessment.objects.get()
    assert assessment.status == "draft" and assessment.answers.filter(value=4).count() == 8

    # Later: the rest, one weak answer with an agreed action, then complete.
    restart_tab_order(page)
    for s in statements[8:]:
        tab_to(page, page.locator(f"#id_s{s.id}-value_5"), max_presses=400)
        page.keyboard.press("ArrowDown")
        page.keyboard.press("ArrowDown")
        if s.number == 12:
            for _ in range(2):  # -> "Uenig"
                page.keyboard.press("ArrowDown")
            summary = page.get_by_text(f"Aftal en handling til udsagn {s.number}")
            tab_to(page, summary)
            page.keyboard.press("Enter")
            tab_to(page, page.get_by_label(f"Aftalt handling ved udsagn {s.number}: hvad"))
            page.keyboard.type("Fast procedure for opsøgende kontakt")
            page.keyboard.press("Tab")
            page.keyboard.type("Koordinator")
            page.keyboard.press("Tab")
            # day == month: the same keystrokes whether the browser's date field is day- or month-first
            page.keyboard.type(f"1212{timezone.localdate().year + 1}")
    tab_to(page, page.get_by_role("button", name="Afslut vurderingen"))
    page.keyboard.press("Enter")
    # Completing asks first; the answer by keyboard too.
    confirm(page, "Vurderingen afsluttes og tælles med i resultaterne.", keyboard=True)
    # No meeting date yet: the error summary says what and links to the field.
    summary = page.get_by_role("alert").filter(has_text="Der er fejl i formularen")
    expect(summary).to_contain_text("Før vurderingen kan afsluttes: udfyld mødedato")
    check_a11y(page, "the fidelity form with an error summary")
    restart_tab_order(page)
    tab_to(page, page.get_by_label("Mødedato"))
    month = timezone.localdate().month
    page.keyboard.type(f"{month:02d}{month:02d}{timezone.localdate().year}")
    tab_to(page, page.get_by_role("button", name="Afslut vurderingen"), max_presses=400)
    page.keyboard.press("Enter")
    confirm(page, keyboard=True)

    expect(page.get_by_role("status")).to_contain_text("er afsluttet")
    expect(page.locator("#weakest")).to_contain_text("Vi tager initiativ og fastholder kontakt")
    expect(page.locator("#practice-table")).to_contain_text("Data findes ikke endnu")
    expect(page.locator("#trend-table")).to_be_visible()
    check_a11y(page, "fidelity results")
    assessment.refresh_from_db()
    assert assessment.is_completed and assessment.actions.get().who == "Koordinator"
    assert assessment.answers.filter(value__isnull=True).count() == 0

    # The exports, reached with the keyboard.
    restart_tab_order(page)
    tab_to(page, page.get_by_role("link", name="Hent som PDF til ledernetværket"))
    with page.expect_download() as pdf:
        page.keyboard.press("Enter")
    assert pdf.value.suggested_filename.endswith(".pdf")
    tab_to(page, page.get_by_role("link", name="Hent som regneark (xlsx)"), max_presses=3)
    with page.expect_download() as xlsx:
        page.keyboard.press("Enter")
    assert xlsx.value.suggested_filename.endswith(".xlsx")


def test_unit_and_invitation_pages_are_accessible(page, login_as, e2e_users, fidelity_unit):
    login_as(e2e_users["leader"])
    page.goto("/efterlevelse/enheder/ny/")
    check_a11y(page, "new unit")
    page.get_by_label("Navn").fill("Herberget Fjordhus")
    page.get_by_label("Type").select_option("shelter")
    page.get_by_role("button", name="Opret enhed").click()
    expect(
        page.get_by_role("status").filter(has_text="Enheden Herberget Fjordhus er oprettet.")
    ).to_be_visible()
    check_a11y(page, "overview after a new unit")
    page.goto("/efterlevelse/spoergeskema/ny/")
    check_a11y(page, "invitation form")
    page.get_by_role("button", name="Lav link").click()
    expect(page.locator("#invitation-link")).to_contain_text("/efterlevelse/svar/0250/")
    check_a11y(page, "invitation link shown")
    page.get_by_label("WHO-5 Trivselsindeks").check()
    page.get_by_role("button", name="Lav link").click()
    expect(page.get_by_role("status").filter(has_text="Engangslink til WHO-5 Trivselsindeks")).to_be_visible()
    page.goto(page.locator("#invitation-link").inner_text())
    expect(page.get_by_role("heading", level=1)).to_have_text("Hvordan har du haft det?")


def test_a_citizen_answers_brief_inspire_on_a_phone(browser, live_server, fidelity_unit):
    from fidelity import services
    from fidelity.models import SurveyResponse

    actor, unit = fidelity_unit
    _, token = services.invitation_create(actor=actor, unit=unit, mode="link", now=timezone.now())
    phone = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=3,
        locale="da-DK",
    )
    page = phone.new_page()
    try:
        page.goto(f"/efterlevelse/svar/0250/{token}/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Hvordan støtter din medarbejder dig?")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
        check_a11y(page, "Brief INSPIRE on a phone")
        # Large text: the questions are at least 20 px.
        size = page.locator("legend").first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
        assert size >= 20
        groups = page.get_by_role("group")
        expect(groups).to_have_count(5)
        # A forgotten answer is named, and the citizen is taken to it.
        page.get_by_role("group", name=re.compile("^1\\.")).get_by_label("Enig", exact=True).tap()
        page.get_by_role("button", name="Send mine svar").tap()
        expect(page.get_by_role("alert")).to_contain_text("Vælg et svar til udsagn 2")
        check_a11y(page, "Brief INSPIRE with a missing answer")
        for n, label in [
            (2, "Meget enig"),
            (3, "Hverken enig eller uenig"),
            (4, "Ikke relevant for mig"),
            (5, "Enig"),
        ]:
            page.get_by_role("group", name=re.compile(f"^{n}\\.")).get_by_label(label, exact=True).tap()
        page.get_by_role("button", name="Send mine svar").tap()
        expect(page.get_by_role("heading", level=1)).to_have_text("Tak for dine svar")
        check_a11y(page, "Brief INSPIRE thanks")
        response = SurveyResponse.objects.get()
        assert response.score == 75.0  # (3 + 4 + 2 + 3) / 4 x 25; "not relevant" left out
        # The link is used up.
        page.goto(f"/efterlevelse/svar/0250/{token}/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Linket kan ikke bruges")
        check_a11y(page, "used link")
    finally:
        phone.close()


def test_a_citizen_answers_who5_on_a_phone(browser, live_server, fidelity_unit):
    from fidelity import services
    from fidelity.models import SurveyResponse

    actor, unit = fidelity_unit
    _, token = services.invitation_create(
        actor=actor, unit=unit, mode="link", instrument="who5", now=timezone.now()
    )
    phone = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=3,
        locale="da-DK",
    )
    page = phone.new_page()
    try:
        page.goto(f"/efterlevelse/svar/0250/{token}/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Hvordan har du haft det?")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scrolling
        check_a11y(page, "WHO-5 on a phone")
        size = page.locator("legend").first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
        assert size >= 20  # large text
        # Each question has six answers and, for a screen reader, a name that is a whole sentence.
        groups = page.get_by_role("group")
        expect(groups).to_have_count(5)
        first = page.get_by_role("group", name="1. I de sidste 2 uger har jeg været glad og i godt humør")
        expect(first.get_by_role("radio")).to_have_count(6)
        # The answer options are large enough to tap (44 px high, WCAG 2.5.5).
        box = first.locator(".form-group-radio").first.bounding_box()
        assert box["height"] >= 44
        first.get_by_label("Det meste af tiden", exact=True).tap()
        page.get_by_role("button", name="Send mine svar").tap()
        expect(page.get_by_role("alert")).to_contain_text("Vælg et svar til udsagn 2")
        check_a11y(page, "WHO-5 with a missing answer")
        # The error links to the question it names.
        page.get_by_role("alert").get_by_role("link").tap()
        expect(page.locator("#q-calm-legend")).to_be_focused()
        for n, label in [
            (2, "Lidt mere end halvdelen af tiden"),
            (3, "Hele tiden"),
            (4, "På intet tidspunkt"),
            (5, "Lidt af tiden"),
        ]:
            question = page.get_by_role("group", name=re.compile(f"^{n}\\. I de sidste 2 uger"))
            question.get_by_label(label, exact=True).tap()
        page.get_by_role("button", name="Send mine svar").tap()
        expect(page.get_by_role("heading", level=1)).to_have_text("Tak for dine svar")
        check_a11y(page, "WHO-5 thanks")
        response = SurveyResponse.objects.get()
        assert (response.instrument, response.score) == ("who5", 52.0)  # (4 + 3 + 5 + 0 + 1) x 4
        page.goto(f"/efterlevelse/svar/0250/{token}/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Linket kan ikke bruges")
    finally:
        phone.close()
