"""Pages of allocation: who may use them, the forms' Danish messages, the committee PDF and pinned
query counts on the vacancy page."""

import shutil
import subprocess
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from allocation import services
from allocation.models import AgendaItem, CommitteeMeeting, Offer, OfferStatus, Vacancy
from audit.models import AccessLogEntry, Action
from housing.tests.factories import make_stock

from .factories import make_vacancy, needy

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def broker(users_a, municipality_a, actor_factory):
    return actor_factory(users_a[Role.HOUSING_BROKER], municipality_a, Role.HOUSING_BROKER)


def test_vacancy_pages_by_role(broker, users_a, worker_a, person_factory, login):
    needy(worker_a, person_factory, "Anna")
    vacancy = make_vacancy(broker)
    url = reverse("allocation:vacancy_detail", args=[vacancy.pk])
    client = login(users_a[Role.HOUSING_BROKER])
    page = client.get(url).content.decode()
    assert "Anna Hansen" in page and "Kan betales" in page
    support = login(users_a[Role.SUPPORT_WORKER]).get(url)  # may see the home, not the proposals
    assert support.status_code == 200 and "Forslag fra boligbehovslisten" not in support.content.decode()
    assert login(users_a[Role.ANALYST]).get(url).status_code == 403
    assert login(users_a[Role.SUPPORT_WORKER]).get(reverse("allocation:vacancy_create")).status_code == 403


def test_create_vacancy_with_a_deadline_before_the_report_shows_a_danish_error(broker, users_a, login):
    _, unit = make_stock(broker.municipality)
    response = login(users_a[Role.HOUSING_BROKER]).post(
        reverse("allocation:vacancy_create"),
        {
            "unit": unit.pk,
            "reported_on": TODAY.isoformat(),
            "nominate_by": (TODAY - timedelta(days=2)).isoformat(),
        },
    )
    assert response.status_code == 200
    assert "Fristen for anvisning kan ikke ligge før" in response.content.decode()
    assert not Vacancy.objects.exists()


def test_propose_offer_decline_and_re_offer_through_the_pages(
    broker, users_a, worker_a, person_factory, login
):
    anna, bent = needy(worker_a, person_factory, "Anna"), needy(worker_a, person_factory, "Bent")
    vacancy = make_vacancy(broker)
    client = login(users_a[Role.HOUSING_BROKER])
    client.post(reverse("allocation:vacancy_propose", args=[vacancy.pk]), {"person": anna.pk})
    offer = Offer.objects.get(person=anna)
    action = reverse("allocation:offer_action", args=[offer.pk])
    client.post(action, {"action": "offer", "offer-on": TODAY.isoformat()})
    services.decline_reasons_ensure_defaults(broker.municipality)
    response = client.post(
        action, {"action": "decline", "decline-on": TODAY.isoformat(), "decline-reason": ""}
    )
    assert "Der er fejl i formularen" in response.content.decode()
    reason = (
        broker.municipality
        and __import__("allocation.models", fromlist=["DeclineReason"]).DeclineReason.objects.first()
    )
    client.post(action, {"action": "decline", "decline-on": TODAY.isoformat(), "decline-reason": reason.pk})
    assert Offer.objects.get(pk=offer.pk).status == OfferStatus.DECLINED
    client.post(reverse("allocation:vacancy_propose", args=[vacancy.pk]), {"person": bent.pk})
    assert Offer.objects.get(person=bent).status == OfferStatus.PROPOSED


def test_proposing_someone_who_cannot_afford_the_home_is_refused(
    broker, users_a, worker_a, person_factory, login
):
    poor = needy(worker_a, person_factory, "Anna", max_rent=100)
    vacancy = make_vacancy(broker, rent=7000)
    response = login(users_a[Role.HOUSING_BROKER]).post(
        reverse("allocation:vacancy_propose", args=[vacancy.pk]), {"person": poor.pk}, follow=True
    )
    assert "kan ikke foreslås" in response.content.decode()
    assert not Offer.objects.exists()


def test_global_proposal_shows_optimal_and_greedy_side_by_side(
    broker, users_a, worker_a, person_factory, login
):
    # Without children the estimated benefit is 15 % of the rent: net 2,125 and 5,675 kr. a month.
    needy(worker_a, person_factory, "Anna", max_rent=6000)
    needy(worker_a, person_factory, "Bent", max_rent=2500)
    make_vacancy(broker, address="Et 1", rent=2500, utilities=0)
    make_vacancy(broker, address="To 2", rent=5500, utilities=1000)
    page = login(users_a[Role.HOUSING_BROKER]).get(reverse("allocation:global_proposal")).content.decode()
    assert "Optimal" in page and "Én bolig ad gangen" in page and "2 mod 1" in page


def test_committee_meeting_agenda_decision_and_pdf(broker, users_a, worker_a, person_factory, login):
    anna = needy(worker_a, person_factory, "Anna")
    make_vacancy(broker, address="Fjordvej 7")
    client = login(users_a[Role.HOUSING_BROKER])
    client.post(
        reverse("allocation:meetings"), {"held_on": TODAY.isoformat(), "title": "Boligudvalgets møde"}
    )
    meeting = CommitteeMeeting.objects.get()
    item = AgendaItem.objects.get(meeting=meeting)
    assert item.proposed_person_id == anna.pk
    response = client.post(
        reverse("allocation:meeting_detail", args=[meeting.pk]),
        {"item": item.pk, f"item{item.pk}-decision": "approved", f"item{item.pk}-reason": ""},
    )
    assert "Skriv begrundelsen" in response.content.decode() or "Dette felt" in response.content.decode()
    client.post(
        reverse("allocation:meeting_detail", args=[meeting.pk]),
        {
            "item": item.pk,
            f"item{item.pk}-decision": "approved",
            f"item{item.pk}-reason": "Ønsker området; kan betale",
        },
    )
    item.refresh_from_db()
    assert item.chosen_person_id == anna.pk
    pdf = client.get(reverse("allocation:meeting_pdf", args=[meeting.pk]))
    body = pdf.content
    assert pdf["Content-Type"] == "application/pdf" and body.startswith(b"%PDF")
    assert AccessLogEntry.objects.filter(person_id=anna.pk, action=Action.EXPORT).exists()
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-", "-"], input=body, capture_output=True, check=True
        ).stdout.decode()
        assert "Boligudvalgets møde" in text and "Fjordvej 7" in text and "Anna Hansen" in text
        assert "Ønsker området; kan betale" in text and "Side 1 af" in text


def test_decline_reasons_are_the_municipalitys_own_list(broker, users_a, login):
    client = login(users_a[Role.HOUSING_BROKER])
    client.post(
        reverse("allocation:decline_reasons"),
        {"form": "add", "label": "Borgeren er flyttet til anden kommune"},
    )
    page = client.get(reverse("allocation:decline_reasons")).content.decode()
    assert "Borgeren er flyttet til anden kommune" in page and "Huslejen er for høj" in page
    response = client.post(reverse("allocation:decline_reasons"), {"form": "add", "label": "Andet"})
    assert "findes allerede" in response.content.decode()


def test_figures_show_the_days_between_steps_in_a_table(broker, users_a, worker_a, person_factory, login):
    offer = services.offer_propose(
        actor=broker,
        vacancy=make_vacancy(broker),
        person=needy(worker_a, person_factory),
        on=TODAY - timedelta(days=6),
    )
    services.offer_make(actor=broker, offer=offer, on=TODAY - timedelta(days=2))
    page = login(users_a[Role.SUPPORT_WORKER]).get(reverse("allocation:figures")).content.decode()
    assert '<th scope="row">Foreslået til tilbudt</th><td>4</td>' in page


def populate(worker, person_factory, n):
    for i in range(n):
        needy(
            worker,
            person_factory,
            f"Person{i:03d}",
            max_rent=3300 + 20 * i,
            areas="Slangerup" if i % 2 else "",
        )


PINNED = {"sqlite": 13, "postgresql": 16}


@pytest.mark.parametrize("n", [3, 30])
def test_vacancy_page_query_count_is_pinned_and_independent_of_the_number_of_candidates(
    n, broker, users_a, worker_a, person_factory, login, django_assert_num_queries
):
    populate(worker_a, person_factory, n)
    vacancy = make_vacancy(broker, area="Slangerup")
    offer = services.offer_propose(
        actor=broker, vacancy=vacancy, person=needy(worker_a, person_factory, "Zara"), on=TODAY
    )
    services.offer_make(actor=broker, offer=offer, on=TODAY)
    client = login(users_a[Role.HOUSING_BROKER])
    url = reverse("allocation:vacancy_detail", args=[vacancy.pk])
    client.get(url)  # warm-up: the daily jobs at login run once
    with django_assert_num_queries(PINNED[connection.vendor]):
        assert client.get(url).status_code == 200
