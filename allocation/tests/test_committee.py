"""The committee's agenda comes from one distinct assignment (issue 9 items 3, 4 and 15): never one citizen
for two homes, a vacancy with a live proposal or offer shown with it and not recommended again, a home a
citizen declined not recommended to them again, approving creates the proposal, planned meeting dates,
and a malformed item id is a 404."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from allocation import selectors, services
from allocation.models import (
    AgendaItem,
    CommitteeMeeting,
    DeclineReason,
    Offer,
    OfferStatus,
    VacancyStatus,
    vacancy_status_label,
)
from allocation.services import AllocationError

from .factories import make_vacancy, needy

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def broker(users_a, municipality_a, actor_factory):
    return actor_factory(users_a[Role.HOUSING_BROKER], municipality_a, Role.HOUSING_BROKER)


def meeting(client):
    client.post(
        reverse("allocation:meetings"),
        {"held_on": (TODAY + timedelta(days=7)).isoformat(), "title": "Boligudvalgets møde"},
    )
    return CommitteeMeeting.objects.get()


def declined(broker, vacancy, person):
    services.decline_reasons_ensure_defaults(broker.municipality)
    offer = services.offer_propose(actor=broker, vacancy=vacancy, person=person, on=TODAY)
    services.offer_make(actor=broker, offer=offer, on=TODAY)
    return services.offer_decline(
        actor=broker,
        offer=offer,
        on=TODAY,
        reason=DeclineReason.objects.filter(municipality=broker.municipality).first(),
    )


def test_the_agenda_never_recommends_one_citizen_for_two_homes(
    broker, users_a, worker_a, person_factory, login
):
    # Anna has waited longest and is everyone's best fit; the old agenda recommended her for every home.
    anna = needy(worker_a, person_factory, "Anna", start=TODAY - timedelta(days=900))
    bent = needy(worker_a, person_factory, "Bent")
    make_vacancy(broker, address="Et 1")
    make_vacancy(broker, address="To 2")
    items = AgendaItem.objects.filter(meeting=meeting(login(users_a[Role.HOUSING_BROKER])))
    assert sorted(i.proposed_person_id for i in items) == sorted([anna.pk, bent.pk])


def test_a_vacancy_with_a_live_proposal_is_shown_with_it_and_its_citizen_not_recommended_elsewhere(
    broker, users_a, worker_a, person_factory, login
):
    anna = needy(worker_a, person_factory, "Anna", start=TODAY - timedelta(days=900))
    bent = needy(worker_a, person_factory, "Bent")
    proposed = make_vacancy(broker, address="Et 1")
    other = make_vacancy(broker, address="To 2")
    services.offer_propose(actor=broker, vacancy=proposed, person=anna, on=TODAY)
    client = login(users_a[Role.HOUSING_BROKER])
    m = meeting(client)
    items = {i.vacancy_id: i for i in AgendaItem.objects.filter(meeting=m)}
    assert (
        items[proposed.pk].proposed_person_id is None
        and "Anna Hansen (foreslået" in items[proposed.pk].proposal_text
    )
    assert items[other.pk].proposed_person_id == bent.pk
    page = client.get(reverse("allocation:meeting_detail", args=[m.pk])).content.decode()
    assert "Forslag og tilbud på boligen nu:" in page and "Anna Hansen</a> (foreslået" in page


def test_approving_a_recommendation_creates_the_proposal(broker, users_a, worker_a, person_factory, login):
    anna = needy(worker_a, person_factory, "Anna")
    vacancy = make_vacancy(broker, address="Fjordvej 7")
    client = login(users_a[Role.HOUSING_BROKER])
    item = AgendaItem.objects.get(meeting=meeting(client))
    client.post(
        reverse("allocation:meeting_detail", args=[item.meeting_id]),
        {"item": item.pk, f"item{item.pk}-decision": "approved", f"item{item.pk}-reason": "Ønsker området"},
    )
    offer = Offer.objects.get(vacancy=vacancy, person=anna)
    assert offer.status == OfferStatus.PROPOSED and "Ønsker området" in offer.explanation
    # saving the decision again does not propose her twice
    client.post(
        reverse("allocation:meeting_detail", args=[item.meeting_id]),
        {"item": item.pk, f"item{item.pk}-decision": "approved", f"item{item.pk}-reason": "Ønsker området."},
    )
    assert Offer.objects.filter(vacancy=vacancy, person=anna).count() == 1


def test_approving_for_a_home_no_longer_open_saves_nothing_and_says_why(broker, worker_a, person_factory):
    needy(worker_a, person_factory, "Anna")
    vacancy = make_vacancy(broker)
    m = services.meeting_create(
        actor=broker, held_on=TODAY, title="Møde", agenda=selectors.committee_agenda(broker, today=TODAY)
    )
    services.vacancy_withdraw(actor=broker, vacancy=vacancy, on=TODAY)
    item = AgendaItem.objects.get(meeting=m)
    with pytest.raises(AllocationError, match="ikke længere åben"):
        services.agenda_decide(actor=broker, item=item, decision="approved", reason="Kan betale")
    item.refresh_from_db()
    assert item.decision == "" and not Offer.objects.filter(vacancy=vacancy).exists()


def test_a_citizen_who_declined_a_home_is_not_recommended_for_it_again(broker, worker_a, person_factory):
    anna = needy(worker_a, person_factory, "Anna")
    vacancy = make_vacancy(broker)
    declined(broker, vacancy, anna)
    result = selectors.global_proposal(broker, today=TODAY)
    assert result["rows"] == [] and [v.pk for v in result["unmatched"]] == [vacancy.pk]
    assert selectors.committee_agenda(broker, today=TODAY)[0][1] is None


def test_the_candidate_list_shows_who_declined_this_home_and_who_has_an_open_offer_elsewhere(
    broker, users_a, worker_a, person_factory, login
):
    anna, bent = needy(worker_a, person_factory, "Anna"), needy(worker_a, person_factory, "Bent")
    vacancy = make_vacancy(broker, address="Et 1")
    declined(broker, vacancy, anna)
    services.offer_propose(actor=broker, vacancy=make_vacancy(broker, address="To 2"), person=bent, on=TODAY)
    page = (
        login(users_a[Role.HOUSING_BROKER])
        .get(reverse("allocation:vacancy_detail", args=[vacancy.pk]))
        .content.decode()
    )
    assert f"Har afslået denne bolig den {TODAY:%d.%m.%Y}" in page
    assert "Har et åbent tilbud på To 2 (foreslået)" in page
    # the broker may still choose her by hand: the manual path shows the mark and allows it
    assert (
        services.offer_propose(actor=broker, vacancy=vacancy, person=anna, on=TODAY).status
        == OfferStatus.PROPOSED
    )


def test_a_meeting_date_more_than_five_years_ahead_is_a_form_error(broker, users_a, login):
    response = login(users_a[Role.HOUSING_BROKER]).post(
        reverse("allocation:meetings"),
        {"held_on": (TODAY + timedelta(days=6 * 366)).isoformat(), "title": "Boligudvalgets møde"},
    )
    assert response.status_code == 200 and "mere end 5 år ude i fremtiden" in response.content.decode()
    assert not CommitteeMeeting.objects.exists()


@pytest.mark.parametrize("item", ["abc", "", "1.5", "99999999999999999999"])
def test_a_malformed_agenda_item_id_is_a_404(item, broker, users_a, worker_a, person_factory, login):
    needy(worker_a, person_factory, "Anna")
    make_vacancy(broker)
    client = login(users_a[Role.HOUSING_BROKER])
    m = meeting(client)
    response = client.post(reverse("allocation:meeting_detail", args=[m.pk]), {"item": item})
    assert response.status_code == 404


def test_the_vacancy_status_says_ledig_foreslaaet_tilbudt_and_udlejet():
    assert vacancy_status_label(VacancyStatus.OPEN, []) == "Ledig"
    assert vacancy_status_label(VacancyStatus.OPEN, ["declined", "proposed"]) == "Foreslået"
    assert vacancy_status_label(VacancyStatus.OPEN, ["proposed", "offered"]) == "Tilbudt"
    assert vacancy_status_label(VacancyStatus.NOMINATED, ["accepted"]) == "Accepteret"
    assert vacancy_status_label(VacancyStatus.LET, ["moved_in"]) == "Udlejet"
    assert vacancy_status_label(VacancyStatus.WITHDRAWN, []) == "Trukket tilbage"


def test_the_vacancy_pages_show_the_offer_status_and_the_stock_tells_vacant_from_without_tenant(
    broker, users_a, worker_a, person_factory, login
):
    anna = needy(worker_a, person_factory, "Anna")
    vacancy = make_vacancy(broker, address="Fjordvej 7")
    client = login(users_a[Role.HOUSING_BROKER])
    assert "<td>Ledig</td>" in client.get(reverse("allocation:vacancies")).content.decode()
    offer = services.offer_propose(actor=broker, vacancy=vacancy, person=anna, on=TODAY)
    assert "<td>Foreslået</td>" in client.get(reverse("allocation:vacancies")).content.decode()
    services.offer_make(actor=broker, offer=offer, on=TODAY)
    assert "<td>Tilbudt</td>" in client.get(reverse("allocation:vacancies")).content.decode()
    assert (
        "<dd>Tilbudt</dd>"
        in client.get(reverse("allocation:vacancy_detail", args=[vacancy.pk])).content.decode()
    )
    services.vacancy_withdraw(actor=broker, vacancy=vacancy, on=TODAY)  # no longer reported vacant
    units = client.get(reverse("housing:units")).content.decode()
    assert "<td>Uden lejer</td>" in units and "<td>Ledig</td>" not in units
    make_vacancy(broker, address="Havnevej 2")
    assert "<td>Ledig</td>" in client.get(reverse("housing:units")).content.decode()
