"""Affordability is enforced by the services on every path that puts a citizen into a home (issue 9):
proposing, offering, accepting, signing, moving in (with or without an offer) and the committee's choice.
The estimate is the one in matching.py; the refusal says, in Danish, that it is an estimate."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from allocation import services
from allocation.models import AgendaItem, CandidateProfile, Offer, OfferStatus
from audit.models import AccessLogEntry
from housing import services as housing_services
from housing.errors import HousingDataError
from housing.models import Tenancy
from people.models import NeedsListEntry

from .factories import make_vacancy, needy

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()

# The default home: rent 3,400 + utilities 400 = 3,800 kr. a month. One adult without children, income not
# recorded (cash benefit assumed, below the threshold): boligsikring is at most 15 % of 40,800 = 6,120 a
# year = 510 kr. a month, so the citizen pays 3,290. (The old estimate ignored the cap: 950 kr., 2,850.)
POOR = 3000


@pytest.fixture
def broker(users_a, municipality_a, actor_factory):
    return actor_factory(users_a[Role.HOUSING_BROKER], municipality_a, Role.HOUSING_BROKER)


def can_now_pay(person, amount):
    NeedsListEntry.objects.filter(person=person, removed_on__isnull=True).update(max_rent=amount)


def test_proposing_a_citizen_who_cannot_pay_is_refused_in_danish(broker, worker_a, person_factory):
    person = needy(worker_a, person_factory, max_rent=POOR)
    vacancy = make_vacancy(broker)
    with pytest.raises(HousingDataError) as caught:
        services.offer_propose(actor=broker, vacancy=vacancy, person=person, on=TODAY)
    message = caught.value.message
    assert (
        "kan ikke betale boligen" in message and "3.800 kr." in message and "boligsikring 510 kr." in message
    )
    assert "3.290 kr." in message and "anslået" in message and "ikke Udbetaling Danmarks afgørelse" in message
    assert not Offer.objects.filter(person=person).exists()


STEPS_BEFORE = {
    "offer": [],
    "accept": ["offer"],
    "sign": ["offer", "accept"],
    "move_in": ["offer", "accept", "sign"],
}
CALLS = {
    "offer": services.offer_make,
    "accept": services.offer_accept,
    "sign": services.offer_sign_lease,
    "move_in": services.offer_move_in,
}


@pytest.mark.parametrize("step", list(STEPS_BEFORE))
def test_every_later_step_into_the_home_is_refused_when_the_citizen_cannot_pay(
    step, broker, worker_a, person_factory
):
    person = needy(worker_a, person_factory, max_rent=4000)
    offer = services.offer_propose(actor=broker, vacancy=make_vacancy(broker), person=person, on=TODAY)
    for before in STEPS_BEFORE[step]:
        CALLS[before](actor=broker, offer=offer, on=TODAY)
    status = Offer.objects.get(pk=offer.pk).status
    can_now_pay(person, POOR)  # e.g. the income fell: the needs list says 3,000 kr. now
    with pytest.raises(HousingDataError, match="kan ikke betale boligen"):
        CALLS[step](actor=broker, offer=offer, on=TODAY)
    assert Offer.objects.get(pk=offer.pk).status == status
    assert not Tenancy.objects.filter(person=person).exists()


def test_moving_in_without_an_offer_is_refused_when_the_citizen_cannot_pay(broker, worker_a, person_factory):
    person = needy(worker_a, person_factory, max_rent=POOR)
    unit = make_vacancy(broker).unit
    with pytest.raises(HousingDataError, match="kan ikke betale boligen") as caught:
        housing_services.tenancy_start(actor=broker, person=person, unit=unit, starts_on=TODAY)
    assert caught.value.field == "unit"
    assert not Tenancy.objects.filter(person=person).exists()
    person.refresh_from_db()
    assert person.current_situation != "own_home"


def test_moving_in_through_the_housing_page_shows_the_refusal_on_the_form(
    broker, users_a, worker_a, person_factory, login
):
    person = needy(worker_a, person_factory, max_rent=POOR)
    unit = make_vacancy(broker).unit
    client = login(users_a[Role.HOUSING_BROKER])
    response = client.post(
        reverse("housing:tenancy_start", args=[person.pk]), {"unit": unit.pk, "starts_on": TODAY.isoformat()}
    )
    assert response.status_code == 200 and "kan ikke betale boligen" in response.content.decode()
    assert not Tenancy.objects.filter(person=person).exists()


def test_a_citizen_with_no_recorded_can_pay_amount_is_not_refused_but_flagged(
    broker, worker_a, person_factory
):
    # Not on the housing needs list: nothing says what the citizen can pay, so the platform cannot refuse;
    # the log row of the move-in says that affordability was not checked.
    person = person_factory(worker_a, start=TODAY.replace(day=1))
    unit = make_vacancy(broker).unit
    housing_services.tenancy_start(actor=broker, person=person, unit=unit, starts_on=TODAY)
    entry = AccessLogEntry.objects.filter(person_id=person.pk, purpose="Indflytning i bolig").get()
    assert "ikke kontrolleret" in str(entry.changes)


def test_a_household_with_children_can_pay_what_a_single_adult_cannot(broker, worker_a, person_factory):
    # With a child the 15 % cap goes: 40,800 - 28,900 = 11,900 a year, 991 kr. a month; pays 2,809.
    person = needy(worker_a, person_factory, max_rent=POOR)
    services.candidate_profile_update(actor=broker, person=person, children=1)
    offer = services.offer_propose(actor=broker, vacancy=make_vacancy(broker), person=person, on=TODAY)
    assert offer.status == OfferStatus.PROPOSED


def test_the_committee_cannot_choose_a_citizen_who_cannot_pay(broker, worker_a, person_factory):
    proposed = needy(worker_a, person_factory, "Anna", max_rent=4000)
    poor = needy(worker_a, person_factory, "Bent", max_rent=POOR)
    vacancy = make_vacancy(broker)
    meeting = services.meeting_create(
        actor=broker, held_on=TODAY, title="Boligudvalgets møde", agenda=[(vacancy, proposed, "Kan betale")]
    )
    item = AgendaItem.objects.get(meeting=meeting)
    with pytest.raises(HousingDataError, match="kan ikke betale boligen") as caught:
        services.agenda_decide(
            actor=broker, item=item, decision="other", reason="Udvalget vælger Bent", chosen_person=poor
        )
    assert caught.value.field == "chosen_person"
    assert AgendaItem.objects.get(pk=item.pk).chosen_person_id is None
    # and approving the proposal is checked too, when the proposed citizen can no longer pay
    can_now_pay(proposed, POOR)
    with pytest.raises(HousingDataError, match="kan ikke betale boligen"):
        services.agenda_decide(actor=broker, item=item, decision="approved", reason="Godkendt")


def test_the_household_is_recorded_on_the_candidate_page(broker, users_a, worker_a, person_factory, login):
    person = needy(worker_a, person_factory)
    client = login(users_a[Role.HOUSING_BROKER])
    page = client.get(reverse("allocation:candidate", args=[person.pk])).content.decode()
    assert "børn under 18 i husstanden" in page.lower() and "Folkepension" in page
    client.post(
        reverse("allocation:candidate", args=[person.pk]),
        {
            "form": "profile",
            "profile-monthly_income": "",
            "profile-adults": "1",
            "profile-children": "2",
            "profile-pension": "early_from_2003",
            "profile-urgency": "normal",
        },
    )
    profile = CandidateProfile.objects.get(person=person)
    assert (profile.adults, profile.children, profile.pension) == (1, 2, "early_from_2003")


def test_the_household_must_make_sense(broker, worker_a, person_factory):
    person = needy(worker_a, person_factory)
    with pytest.raises(services.AllocationError, match="voksne"):
        services.candidate_profile_update(actor=broker, person=person, adults=0)
    with pytest.raises(services.AllocationError, match="pension"):
        services.candidate_profile_update(actor=broker, person=person, pension="rentier")


def test_the_vacancy_page_shows_the_estimate_broken_down_as_an_estimate(
    broker, users_a, worker_a, person_factory, login
):
    needy(worker_a, person_factory, "Anna", max_rent=4000)
    vacancy = make_vacancy(broker)
    page = (
        login(users_a[Role.HOUSING_BROKER])
        .get(reverse("allocation:vacancy_detail", args=[vacancy.pk]))
        .content.decode()
    )
    for text in (
        "Husleje og forbrug",
        "3800 kr./md.",
        "Anslået boligsikring",
        "− 510 kr./md.",
        "Borgeren betaler (anslået)",
        "3290 kr./md.",
        "ikke Udbetaling Danmarks afgørelse",
        "Højst 15 % af boligudgiften",
    ):
        assert text in page, text


def test_the_offer_page_shows_the_estimate_or_says_that_nothing_was_checked(
    broker, users_a, worker_a, person_factory, login
):
    person = needy(worker_a, person_factory, max_rent=4000)
    offer = services.offer_propose(actor=broker, vacancy=make_vacancy(broker), person=person, on=TODAY)
    client = login(users_a[Role.HOUSING_BROKER])
    page = client.get(reverse("allocation:offer_detail", args=[offer.pk])).content.decode()
    assert "Borgeren betaler (anslået)" in page and "3290 kr./md." in page
    NeedsListEntry.objects.filter(person=person).update(removed_on=TODAY)  # nothing records what they can pay
    page = client.get(reverse("allocation:offer_detail", args=[offer.pk])).content.decode()
    assert "betalingen er ikke kontrolleret" in page
