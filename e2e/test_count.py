"""The national count in the browser: a leader opens the count week, sees its completeness, fills in a
citizen's person form and sees the result; an analyst sees the same week without names. axe-core with
zero violations on every count page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from e2e.support import check_a11y

pytestmark = pytest.mark.e2e


@pytest.fixture
def counted(outreach_actor, person_factory):
    """A citizen on the street since a month before the latest count week that has begun."""
    from count import questionnaire as q

    today = timezone.localdate()
    year = today.year if q.week_start(today.year) <= today else today.year - 1
    person = person_factory(
        outreach_actor,
        first_name="Jens",
        last_name="Gadegaard",
        situation="street",
        start=q.week_start(year) - timedelta(days=30),
    )
    return year, person


def test_a_leader_opens_the_count_week_and_fills_a_form(page, login_as, e2e_users, counted):
    from count.models import CountForm

    year, person = counted
    login_as(e2e_users["leader"])
    page.goto("/optaelling/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hjemløsetællingen")
    check_a11y(page, "count weeks")
    page.get_by_role("button", name="Åbn tælleugen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Hjemløsetællingen {year}")
    expect(page.locator(".hf-kpis")).to_contain_text("0 / 1")
    check_a11y(page, "the count week")

    page.get_by_role("link", name="Jens Gadegaard").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Personskema for Jens Gadegaard")
    check_a11y(page, "the person form")
    page.get_by_label("Førtidspension").check()
    page.get_by_label("Udsættelse af lejebolig").check()
    page.get_by_role("button", name="Gem", exact=True).click()
    form = CountForm.objects.get(person=person)
    assert form.answers["income"] == "disability_pension" and form.answers["causes"] == ["eviction"]
    assert form.answers["situation"] == "1" and not form.complete

    page.goto(f"/optaelling/{form.count_week_id}/resultat/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("resultat")
    check_a11y(page, "the count's result")


def test_an_analyst_sees_the_week_without_names(page, login_as, e2e_users, counted, municipality_a):
    from accounts.access import Actor
    from accounts.roles import Role
    from count import services

    year, _person = counted
    leader = Actor(user=e2e_users["leader"], municipality=municipality_a, role=Role.LEADER)
    week = services.week_open(actor=leader, year=year)
    login_as(e2e_users["analyst"])
    page.goto(f"/optaelling/{week.pk}/")
    expect(page.locator(".hf-kpis")).to_contain_text("0 / 1")
    expect(page.get_by_text("Gadegaard")).to_have_count(0)
    check_a11y(page, "the count week for an analyst")
