"""The plans pages: who may see what, health details per role, every read logged, forms in Danish."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from audit.models import AccessLogEntry, Action
from plans import services
from plans.models import Assessment, Consent, MethodDecision

pytestmark = pytest.mark.django_db
RECENT = timezone.localdate() - timedelta(days=20)
SECRET = "Hører stemmer om natten"


@pytest.fixture
def person(worker_a, person_factory, users_a):
    """Own workers: the outreach worker who created them and the support worker of A."""
    p = person_factory(worker_a, start=RECENT)
    p.workers.add(users_a[Role.SUPPORT_WORKER])
    services.assessment_save(
        actor=worker_a,
        person=p,
        services_use="some",
        dimensions={
            "mental_health": {"own_words": SECRET, "professional_view": "", "level": 3},
            "housing": {"own_words": "Vil bo i Jægerspris", "professional_view": "", "level": 2},
        },
    )
    services.plan_save(
        actor=worker_a,
        person=p,
        wishes="Have min datter på besøg",
        coordinates_treatment="Psykiatrisk plan",
        goals={"mental_health": {"goal": "Sove igennem", "goal_type": "develop"}},
    )
    return p


@pytest.fixture
def other_worker(municipality_a):
    from conftest import make_user

    return make_user(municipality_a, Role.SUPPORT_WORKER, "anden-stoette")


PAGES = ["plans:assessment", "plans:assessment_edit", "plans:method", "plans:plan", "plans:plan_edit"]


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize(
    "who, sees_health", [(Role.SUPPORT_WORKER, True), (Role.LEADER, True), ("other", False)]
)
def test_health_details_only_for_own_workers_and_their_leader(
    name, who, sees_health, person, users_a, other_worker, login
):
    user = other_worker if who == "other" else users_a[who]
    response = login(user).get(reverse(name, args=[person.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    shown_here = {
        "plans:assessment": [SECRET],
        "plans:assessment_edit": [SECRET],
        "plans:method": [],
        "plans:plan": ["Psykiatrisk plan", "Sove igennem"],
        "plans:plan_edit": ["Psykiatrisk plan", "Sove igennem"],
    }
    if sees_health:
        assert all(s in text for s in shown_here[name])
    else:
        assert not [s for s in (SECRET, "Psykiatrisk plan", "Sove igennem") if s in text]
    if not sees_health:
        assert "mental_health" not in text and "Psykisk helbred: borgerens egne ord" not in text


@pytest.mark.parametrize("name", PAGES + ["plans:consents"])
def test_analysts_see_nothing_of_a_person(name, person, users_a, login):
    response = login(users_a[Role.ANALYST]).get(reverse(name, args=[person.pk]))
    assert response.status_code == 403
    assert SECRET not in response.content.decode() and person.last_name not in response.content.decode()


@pytest.mark.parametrize("name", PAGES)
def test_a_housing_broker_sees_consents_but_not_assessment_or_plan(name, person, users_a, login):
    client = login(users_a[Role.HOUSING_BROKER])
    assert client.get(reverse(name, args=[person.pk])).status_code == 403
    assert client.get(reverse("plans:consents", args=[person.pk])).status_code == 200


def test_every_read_is_logged_with_its_purpose_and_whether_health_showed(
    person, users_a, other_worker, login
):
    login(users_a[Role.LEADER]).get(reverse("plans:assessment", args=[person.pk]))
    entry = AccessLogEntry.objects.filter(person_id=person.pk, action=Action.READ).first()
    assert entry.purpose == "Udredning" and "helbred og rusmidler vist" in entry.detail
    login(other_worker).get(reverse("plans:plan", args=[person.pk]))
    entry = AccessLogEntry.objects.filter(person_id=person.pk, action=Action.READ).first()
    assert entry.purpose == "Handleplan" and "skjult" in entry.detail and entry.user == other_worker


def test_saving_the_assessment_form_makes_a_new_version(person, users_a, login):
    client = login(users_a[Role.SUPPORT_WORKER])
    response = client.post(
        reverse("plans:assessment_edit", args=[person.pk]),
        {
            "services_use": "little",
            "housing_level": "4",
            "housing_own_words": "Ingen steder",
            "mental_health_level": "3",
        },
    )
    assert response.status_code == 302
    current = Assessment.objects.get(person=person, is_current=True)
    assert current.version == 2 and current.services_use == "little"
    page = client.get(reverse("plans:assessment", args=[person.pk])).content.decode()
    assert "ACT (Assertive Community Treatment)" in page and "Version 1" in page
    compare = client.get(reverse("plans:assessment_compare", args=[person.pk]) + "?a=1&b=2").content.decode()
    assert "Version 1 og version 2 side om side" in compare and "Ingen steder" in compare


def test_deciding_against_the_recommendation_without_reason_shows_the_error(person, users_a, login):
    client = login(users_a[Role.SUPPORT_WORKER])
    url = reverse("plans:method", args=[person.pk])
    page = client.get(url).content.decode()
    assert "Anbefalet: ICM (Intensive Case Management)" in page
    response = client.post(url, {"decided_method": "cti", "reason": "", "citizen_willing": "on"})
    assert response.status_code == 200
    text = response.content.decode()
    assert (
        "Der er fejl i formularen" in text and "Skriv en begrundelse" in text and 'href="#id_reason"' in text
    )
    assert not MethodDecision.objects.exists()
    response = client.post(
        url, {"decided_method": "cti", "reason": "Kort overgang fra fængsel", "citizen_willing": "on"}
    )
    assert response.status_code == 302
    assert MethodDecision.objects.get().reason == "Kort overgang fra fængsel"


def test_plan_form_and_comparison(person, users_a, login):
    client = login(users_a[Role.LEADER])
    response = client.post(
        reverse("plans:plan_edit", args=[person.pk]),
        {
            "wishes": "Have min datter på besøg hver uge",
            "next_review_on": "2030-01-01",
            "economy_goal": "Betale husleje til tiden",
            "economy_goal_type": "maintain",
            "economy_who_does_what": "Borgeren",
        },
    )
    assert response.status_code == 302
    compare = client.get(reverse("plans:plan_compare", args=[person.pk])).content.decode()
    assert "Betale husleje til tiden (Fastholde)" in compare and "01.01.2030" in compare
    bad = client.post(
        reverse("plans:plan_edit", args=[person.pk]), {"economy_goal": "Budget", "economy_goal_type": ""}
    )
    assert bad.status_code == 200 and "Vælg måltype" in bad.content.decode()


def test_consent_add_and_revoke_through_the_pages(person, users_a, login):
    client = login(users_a[Role.HOUSING_BROKER])
    url = reverse("plans:consents", args=[person.pk])
    assert (
        client.post(
            url, {"recipient": "landlord", "scope": "Navn og telefon", "given_on": RECENT.isoformat()}
        ).status_code
        == 302
    )
    consent = Consent.objects.get()
    assert "Gælder" in client.get(url).content.decode()
    revoke = reverse("plans:consent_revoke", args=[person.pk, consent.pk])
    client.post(revoke, {"revoked_on": timezone.localdate().isoformat()})
    consent.refresh_from_db()
    assert consent.revoked_on == timezone.localdate()
    missing = client.post(url, {"recipient": "hospital", "scope": "", "given_on": ""})
    assert "Der er fejl i formularen" in missing.content.decode()


def test_the_person_page_links_to_the_plans_pages(person, users_a, login):
    text = (
        login(users_a[Role.SUPPORT_WORKER]).get(reverse("people:detail", args=[person.pk])).content.decode()
    )
    for name in ("assessment", "method", "plan", "consents"):
        assert reverse(f"plans:{name}", args=[person.pk]) in text
    broker = (
        login(users_a[Role.HOUSING_BROKER]).get(reverse("people:detail", args=[person.pk])).content.decode()
    )
    assert (
        reverse("plans:consents", args=[person.pk]) in broker
        and reverse("plans:assessment", args=[person.pk]) not in broker
    )


def test_the_recommendation_reason_hides_health_from_other_workers(person, users_a, other_worker, login):
    url = reverse("plans:method", args=[person.pk])
    own = login(users_a[Role.SUPPORT_WORKER]).get(url).content.decode()
    other = login(other_worker).get(url).content.decode()
    assert "ICM" in own and "ICM" in other  # services use "some": the method itself names no dimension
    services.assessment_save(
        actor=services.Actor(user=users_a[Role.LEADER], municipality=person.municipality, role=Role.LEADER),
        person=person,
        services_use="",
        dimensions={"mental_health": {"level": 3}, "substance_use": {"level": 4}, "housing": {"level": 3}},
    )
    own = login(users_a[Role.SUPPORT_WORKER]).get(url).content.decode()
    other = login(other_worker).get(url).content.decode()
    assert "psykisk helbred" in own and "psykisk helbred" not in other and "rusmidler" not in other


def test_hospital_and_treatment_consents_only_for_own_workers_and_their_leader(
    person, users_a, worker_a, login
):
    from datetime import date

    services.consent_give(
        actor=worker_a, person=person, recipient="treatment", scope="Alkoholbehandling", given_on=RECENT
    )
    services.consent_give(
        actor=worker_a, person=person, recipient="landlord", scope="Telefonnummer", given_on=RECENT
    )
    url = reverse("plans:consents", args=[person.pk])
    own = login(users_a[Role.SUPPORT_WORKER]).get(url).content.decode()
    assert "Alkoholbehandling" in own and "Telefonnummer" in own
    broker = login(users_a[Role.HOUSING_BROKER]).get(url).content.decode()
    assert "Alkoholbehandling" not in broker and "Behandlingssted" not in broker and "Telefonnummer" in broker
    hidden = Consent.objects.get(recipient="treatment")
    response = login(users_a[Role.HOUSING_BROKER]).post(
        reverse("plans:consent_revoke", args=[person.pk, hidden.pk]), {"revoked_on": date.today().isoformat()}
    )
    assert response.status_code == 404
    hidden.refresh_from_db()
    assert hidden.revoked_on is None
