"""A support task in the browser: assess -> recommend -> decide -> plan (with a revision compared) ->
consent given and revoked; axe-core with zero violations on every plans page."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.support import check_a11y, confirm

pytestmark = pytest.mark.e2e


def test_assess_recommend_decide_plan_and_consent(page, login_as, e2e_users, some_people):
    person = some_people["Mette Nielsen"]
    login_as(e2e_users["outreach"])  # who registered her: one of her own workers, so health shows
    page.goto(f"/borgere/{person.pk}/?fane=stoette")
    check_a11y(page, "person page with the plans links")

    # Assessment: partial is fine.
    page.get_by_role("link", name="Udredning", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Udredning af Mette Nielsen")
    expect(page.get_by_text("Der er ingen udredning endnu")).to_be_visible()
    check_a11y(page, "assessment, none yet")
    page.get_by_role("link", name="Begynd udredningen").click()
    check_a11y(page, "assessment form")
    page.get_by_label("I hvilken grad kan borgeren benytte eksisterende tilbud?").select_option("some")
    page.get_by_label("Bolig: borgerens egne ord").fill("Jeg vil have mit eget sted.")
    page.get_by_label("Bolig: VUM-niveau").select_option("3")
    page.get_by_label("Psykisk helbred: borgerens egne ord").fill("Jeg sover dårligt.")
    page.get_by_role("button", name="Gem udredningen").click()
    expect(page.get_by_role("status")).to_have_text("Udredningen er gemt som version 1.")
    expect(page.locator("table").first).to_contain_text("3 – Svært nedsat funktionsevne")
    expect(page.locator("table").first).to_contain_text("Jeg sover dårligt.")
    check_a11y(page, "assessment version 1")

    # A revision: the two versions side by side.
    page.get_by_role("link", name="Ret udredningen").click()
    page.get_by_label("Økonomi: VUM-niveau").select_option("2")
    page.get_by_role("button", name="Gem udredningen").click()
    expect(page.get_by_role("status")).to_have_text("Udredningen er gemt som version 2.")
    page.get_by_role("link", name="Sammenlign to versioner").click()
    expect(page.locator("table caption")).to_have_text("Version 1 og version 2 side om side")
    expect(page.get_by_role("row", name=re.compile("Økonomi: VUM-niveau"))).to_contain_text("Ændret")
    check_a11y(page, "assessment comparison")
    page.get_by_role("link", name="Tilbage til udredningen").click()
    page.get_by_role("link", name="Version 1", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Udredning af Mette Nielsen, version 1")
    check_a11y(page, "assessment version page")

    # Recommendation and decision: against the recommendation needs a reason.
    page.goto(f"/borgere/{person.pk}/udredning/")
    page.get_by_role("link", name="Anbefaling og valg af metode").click()
    expect(page.get_by_text("Anbefalet: ICM (Intensive Case Management)")).to_be_visible()
    check_a11y(page, "recommendation")
    page.get_by_label("Valgt metode").select_option("cti")
    page.get_by_label("Borgeren ønsker at modtage støtten").check()
    page.get_by_role("button", name="Registrér valget").click()
    summary = page.get_by_role("alert").filter(has_text="Der er fejl i formularen")
    expect(summary).to_contain_text("Skriv en begrundelse")
    check_a11y(page, "decision with the error summary")
    page.get_by_label("Begrundelse", exact=False).first.fill(
        "Hun flytter fra forsorgshjemmet og bruger selv lægen."
    )
    page.get_by_label("Borgeren ønsker at modtage støtten").check()
    page.get_by_role("button", name="Registrér valget").click()
    expect(page.get_by_role("status")).to_have_text(
        "Valget af CTI (Critical Time Intervention) er registreret."
    )
    expect(page.locator("table")).to_contain_text("Hun flytter fra forsorgshjemmet")
    check_a11y(page, "decision recorded")

    # Action plan with the citizen's own words, a goal, a review date; then a revision compared.
    page.goto(f"/borgere/{person.pk}/?fane=stoette")
    page.get_by_role("link", name="Handleplan", exact=True).click()
    page.get_by_role("link", name="Lav en handleplan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Handleplan for")
    check_a11y(page, "plan form")
    page.get_by_label("Borgerens ønsker, drømme og håb").fill("En lille lejlighed tæt på vandet.")
    page.get_by_label("Bolig: mål", exact=True).fill("Flytte ind og blive boende")
    page.get_by_label("Bolig: måltype").select_option("develop")
    page.get_by_label("Bolig: hvem gør hvad").fill("Mette og Gustav ser boliger sammen.")
    review = timezone.localdate() + timedelta(days=30)
    page.get_by_label("Næste opfølgning").fill(review.isoformat())
    page.get_by_role("button", name="Gem handleplanen").click()
    expect(page.get_by_role("status")).to_have_text("Handleplanen er gemt som version 1.")
    expect(page.get_by_text("En lille lejlighed tæt på vandet.")).to_be_visible()
    check_a11y(page, "plan version 1")
    page.get_by_role("link", name="Ret handleplanen").click()
    page.get_by_label("Borgerens ønsker, drømme og håb").fill("En lille lejlighed tæt på vandet og en hund.")
    page.get_by_role("button", name="Gem handleplanen").click()
    page.get_by_role("link", name="Sammenlign to versioner").click()
    expect(page.get_by_role("row", name=re.compile("ønsker, drømme og håb"))).to_contain_text("og en hund")
    check_a11y(page, "plan comparison")
    page.get_by_role("link", name="Tilbage til handleplanen").click()
    page.get_by_role("link", name="Version 1", exact=True).click()
    check_a11y(page, "plan version page")

    # Consent to share with a landlord, then revoked.
    page.goto(f"/borgere/{person.pk}/?fane=stoette")
    page.get_by_role("link", name="Samtykker").click()
    check_a11y(page, "consents, none yet")
    page.locator("#id_recipient").select_option("landlord")
    page.get_by_label("Hvilke oplysninger må deles").fill("Navn og telefonnummer")
    page.get_by_role("button", name="Registrér samtykket").click()
    expect(page.get_by_role("status")).to_have_text("Samtykket er registreret.")
    in_force = page.locator("table").first
    expect(in_force.get_by_role("row", name=re.compile("Udlejer eller boligorganisation"))).to_contain_text(
        "Ja"
    )
    check_a11y(page, "consent given")
    page.get_by_role("button", name=re.compile("Tilbagekald")).click()
    confirm(page, "Samtykket til Udlejer eller boligorganisation tilbagekaldes fra den valgte dato.")
    expect(page.get_by_role("status")).to_have_text("Samtykket er tilbagekaldt.")
    expect(in_force.get_by_role("row", name=re.compile("Udlejer eller boligorganisation"))).to_contain_text(
        "Nej"
    )
    expect(page.locator("table").nth(1)).to_contain_text("Tilbagekaldt")
    check_a11y(page, "consent revoked")


def test_a_leader_sees_health_and_an_analyst_sees_nothing(
    page, login_as, e2e_users, some_people, outreach_actor
):
    from plans import services

    person = some_people["Karen Sørensen"]
    services.assessment_save(
        actor=outreach_actor,
        person=person,
        services_use="little",
        dimensions={"substance_use": {"own_words": "Jeg drikker for meget om aftenen.", "level": 3}},
    )
    login_as(e2e_users["leader"])
    page.goto(f"/borgere/{person.pk}/udredning/")
    expect(page.locator("table").first).to_contain_text("Jeg drikker for meget om aftenen.")
    check_a11y(page, "assessment as leader")
    login_as(e2e_users["analyst"])
    response = page.goto(f"/borgere/{person.pk}/udredning/")
    assert response.status == 403
    expect(page.get_by_text("Jeg drikker for meget")).to_have_count(0)
