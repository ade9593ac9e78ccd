"""The support and plans pages are English when the user
chooses English with the language switch in the footer (and stay Danish by default)."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from core.tests.test_english import english
from plans import services as plans_services
from plans.tests.helpers import make_consent
from support import services

from .helpers import icm_setup, recent


@pytest.fixture
def episode(users_a, municipality_a, worker_a, person_factory):
    _, worker, _ = icm_setup(users_a, municipality_a, limit=8)
    person = person_factory(worker_a, first_name="Karin", last_name="Kofoed", start=recent(30))
    e = services.episode_start(
        actor=worker, person=person, method="icm", start_date=recent(20), worker=worker.user
    ).episode
    services.episode_contact_record(
        actor=worker, episode=e, contacted_on=recent(3), kind="phone", reached=True
    )
    return e


@pytest.mark.django_db
def test_support_episode_and_workers_pages_are_english_when_english_is_chosen(login, users_a, episode):
    client = english(login(users_a[Role.LEADER]))
    html = client.get(reverse("support:episode", args=[episode.pk])).content.decode()
    assert 'lang="en"' in html
    assert "<h2>Timeline</h2>" in html
    assert "<h2>Record</h2>" in html and "Contact or attempted contact" in html
    assert "<dt>Worker</dt>" in html and "Support follows the citizen, not the home" in html
    assert "Støtten følger borgeren" not in html and "Kontakt eller kontaktforsøg" not in html
    html = client.get(reverse("support:workers")).content.decode()
    assert "<h1>Support workers</h1>" in html and "<caption>Workers who can provide support</caption>" in html
    assert "Støttemedarbejdere" not in html


@pytest.mark.django_db
def test_support_episode_page_stays_danish_by_default(login, users_a, episode):
    html = login(users_a[Role.LEADER]).get(reverse("support:episode", args=[episode.pk])).content.decode()
    assert "<h2>Tidslinje</h2>" in html and "<dt>Medarbejder</dt>" in html


@pytest.mark.django_db
def test_assessment_and_consent_pages_are_english_when_english_is_chosen(
    login, users_a, worker_a, person_factory
):
    person = person_factory(worker_a, first_name="Ole", last_name="Olsen", start=recent(30))
    person.workers.add(users_a[Role.SUPPORT_WORKER])
    plans_services.assessment_save(
        actor=worker_a,
        person=person,
        services_use="some",
        dimensions={"housing": {"own_words": "Eget sted", "professional_view": "", "level": 2}},
    )
    make_consent(person)
    client = english(login(users_a[Role.LEADER]))
    html = client.get(reverse("plans:assessment", args=[person.pk])).content.decode()
    assert "<h1>Assessment of Ole Olsen</h1>" in html and "<caption>The eight dimensions</caption>" in html
    assert "Udredning af" not in html and "De otte dimensioner" not in html
    html = client.get(reverse("plans:consents", args=[person.pk])).content.decode()
    assert "<h1>Consents from Ole Olsen</h1>" in html and "<h2>All consents</h2>" in html
    assert "Samtykker fra" not in html


@pytest.mark.django_db
def test_an_episode_without_a_worker_shows_a_dash(login, users_a, municipality_a, worker_a, person_factory):
    """An ACT episode belongs to the team, not a worker: the page used to fail (500) on the worker's name."""
    from .helpers import leader, support_worker

    boss = leader(users_a, municipality_a)
    team = services.team_save(actor=boss, name="ACT-teamet", method="act", max_citizens=80)
    services.worker_save(actor=boss, user=users_a[Role.SUPPORT_WORKER], method="act", team=team)
    person = person_factory(worker_a, start=recent(30))
    e = services.episode_start(
        actor=support_worker(users_a, municipality_a),
        person=person,
        method="act",
        start_date=recent(5),
        team=team,
    ).episode
    assert e.worker is None
    response = login(users_a[Role.LEADER]).get(reverse("support:episode", args=[e.pk]))
    assert response.status_code == 200 and "<dt>Medarbejder</dt><dd>–</dd>" in response.content.decode()


def test_the_translatable_labels_are_the_pure_modules_danish_labels():
    """support/labels.py and plans/labels.py repeat the Danish labels of the pure modules (no Django import)
    for translation: in Danish they must be the very same texts."""
    from django.utils import translation

    from plans import dimensions, methods
    from plans import labels as plans_labels
    from support import cti
    from support import labels as support_labels

    with translation.override("da"):
        pairs = [
            (plans_labels.METHOD, methods.LABELS),
            (support_labels.CTI_PHASE, cti.LABELS),
            (plans_labels.DIMENSION, dimensions.DIMENSION_LABELS),
            (plans_labels.LEVEL, dimensions.LEVEL_LABELS),
            (plans_labels.SERVICES_USE, dimensions.SERVICES_USE_LABELS),
            (plans_labels.GOAL_TYPE, dimensions.GOAL_TYPE_LABELS),
        ]
        for translatable, pure in pairs:
            assert {k: str(v) for k, v in translatable.items()} == pure
        assert str(plans_labels.NOT_ASSESSED) == dimensions.NOT_ASSESSED_LABEL


@pytest.mark.django_db
def test_support_forms_and_messages_are_english_when_english_is_chosen(
    login, users_a, municipality_a, worker_a, person_factory
):
    icm_setup(users_a, municipality_a)
    person = person_factory(worker_a, first_name="Karin", last_name="Kofoed", start=recent(30))
    client = english(login(users_a[Role.LEADER]))
    html = client.get(reverse("support:episode_start", args=[person.pk])).content.decode()
    assert "Support method" in html and "ICM (Intensive Case Management)" in html
    assert (
        "§ 85 support in own home" in html and "Required for ACT; otherwise the worker&#x27;s team." in html
    )
    assert "Støttemetode" not in html and "Skal vælges for ACT" not in html and "Ingen valgt" not in html
    html = client.get(reverse("support:teams")).content.decode()
    assert "Maximum number of citizens (ACT only)" in html and "Højst antal borgere" not in html
    response = client.post(reverse("support:teams"), {"name": "ICM-teamet", "method": "icm"})
    html = response.content.decode()
    assert response.status_code == 400 and "A team named ICM-teamet already exists." in html
    response = client.post(reverse("support:teams"), {"name": "CTI-teamet", "method": "cti"}, follow=True)
    assert "The team has been saved." in response.content.decode()


@pytest.mark.django_db
def test_support_forms_stay_danish_by_default(login, users_a, municipality_a, worker_a, person_factory):
    icm_setup(users_a, municipality_a)
    person = person_factory(worker_a, start=recent(30))
    html = (
        login(users_a[Role.LEADER]).get(reverse("support:episode_start", args=[person.pk])).content.decode()
    )
    assert "Støttemetode" in html and "§ 85-støtte i eget hjem" in html and "Ingen valgt" in html


@pytest.mark.django_db
def test_plans_forms_and_labels_are_english_when_english_is_chosen(login, users_a, worker_a, person_factory):
    person = person_factory(worker_a, first_name="Ole", last_name="Olsen", start=recent(30))
    person.workers.add(users_a[Role.SUPPORT_WORKER])
    client = english(login(users_a[Role.LEADER]))
    html = client.get(reverse("plans:assessment_edit", args=[person.pk])).content.decode()
    assert "To what extent can the citizen use existing services?" in html
    assert "Housing: the citizen&#x27;s own words" in html and "Housing: VUM level" in html
    assert "2 – Moderately reduced functioning" in html and "Not assessed" in html
    assert "Bolig: borgerens egne ord" not in html and "Ikke vurderet" not in html
    response = client.post(
        reverse("plans:consents", args=[person.pk]),
        {"recipient": "landlord", "scope": "", "given_on": recent(1).isoformat()},
    )
    assert "Which information may be shared" in response.content.decode()
    response = client.post(
        reverse("plans:consents", args=[person.pk]),
        {"recipient": "landlord", "scope": "Adresse", "given_on": recent(1).isoformat()},
        follow=True,
    )
    assert "The consent has been recorded." in response.content.decode()


@pytest.mark.django_db
def test_the_access_log_stays_danish_when_english_is_chosen(login, users_a, worker_a, person_factory):
    from audit.models import AccessLogEntry

    person = person_factory(worker_a, start=recent(30))
    client = english(login(users_a[Role.LEADER]))
    client.post(
        reverse("plans:consents", args=[person.pk]),
        {"recipient": "landlord", "scope": "Adresse", "given_on": recent(1).isoformat()},
    )
    assert AccessLogEntry.objects.filter(detail="Samtykke til Udlejer eller boligorganisation").exists()
