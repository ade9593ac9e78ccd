from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from allocation.models import Vacancy
from housing import selectors, services
from housing.errors import HousingDataError
from housing.models import Agreement, Landlord, LandlordKind, Tenancy, Unit, UnitType, WaitingPlan
from housing.tests.factories import make_stock
from people.statuses import Status
from plans.models import MethodDecision
from support.models import SupportEpisode

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def broker_a(users_a, municipality_a, actor_factory):
    return actor_factory(users_a[Role.HOUSING_BROKER], municipality_a, Role.HOUSING_BROKER)


# --- agreements and units: the rules ------------------------------------------------------------------


def test_share_above_the_legal_25_percent_at_a_housing_organisation_needs_the_agreement_basis(broker_a):
    landlord = services.landlord_create(
        actor=broker_a, name="Fjordbo", kind=LandlordKind.HOUSING_ORGANISATION
    )
    with pytest.raises(HousingDataError) as exc:
        services.agreement_create(
            actor=broker_a, landlord=landlord, title="Aftale", share_percent=40, starts_on=TODAY
        )
    assert exc.value.field == "note" and "almenboligloven § 59" in exc.value.message
    agreement = services.agreement_create(
        actor=broker_a,
        landlord=landlord,
        title="Aftale",
        share_percent=40,
        starts_on=TODAY,
        note="Samarbejdsaftale 2026: 40 % af ledige familieboliger",
    )
    assert agreement.share_percent == 40


def test_a_private_landlords_share_is_by_agreement_only_with_no_legal_cap(broker_a):
    landlord = services.landlord_create(actor=broker_a, name="Privat ApS", kind=LandlordKind.PRIVATE)
    assert services.agreement_create(
        actor=broker_a, landlord=landlord, title="Aftale", share_percent=50, starts_on=TODAY
    )


def test_an_agreement_needs_a_share_or_a_number_and_cannot_end_before_it_starts(broker_a):
    landlord = services.landlord_create(
        actor=broker_a, name="Fjordbo", kind=LandlordKind.HOUSING_ORGANISATION
    )
    with pytest.raises(HousingDataError, match="enten andelen"):
        services.agreement_create(actor=broker_a, landlord=landlord, title="Aftale", starts_on=TODAY)
    with pytest.raises(HousingDataError, match="slutte før"):
        services.agreement_create(
            actor=broker_a,
            landlord=landlord,
            title="Aftale",
            homes_per_year=5,
            starts_on=TODAY,
            ends_on=TODAY - timedelta(days=1),
        )


def test_a_social_family_home_must_be_let_by_a_housing_organisation(broker_a, municipality_a):
    services.unit_types_ensure_defaults(municipality_a)
    private = services.landlord_create(actor=broker_a, name="Privat ApS", kind=LandlordKind.PRIVATE)
    social = UnitType.objects.get(municipality=municipality_a, code="social_family")
    with pytest.raises(HousingDataError) as exc:
        services.unit_create(
            actor=broker_a, landlord=private, unit_type=social, address="Vej 1", rooms=2, rent=3000
        )
    assert exc.value.field == "unit_type"


def test_unit_type_codes_are_unique_per_municipality(broker_a, worker_b):
    services.unit_type_create(actor=broker_a, code="vaerelse", name="Værelse")
    services.unit_type_create(
        actor=worker_b, code="vaerelse", name="Værelse"
    )  # another municipality: allowed
    with pytest.raises(HousingDataError, match="kode"):
        services.unit_type_create(actor=broker_a, code="vaerelse", name="Andet")


def test_a_unit_cannot_use_another_municipalitys_landlord(broker_a, municipality_b):
    landlord_b, unit_b = make_stock(municipality_b)
    with pytest.raises(HousingDataError):
        services.unit_create(
            actor=broker_a,
            landlord=landlord_b,
            unit_type=unit_b.unit_type,
            address="Vej 1",
            rooms=1,
            rent=3000,
        )


# --- pages --------------------------------------------------------------------------------------------


def test_broker_registers_landlord_agreement_and_unit_through_the_pages(login, users_a, municipality_a):
    client = login(users_a[Role.HOUSING_BROKER])
    r = client.post(reverse("housing:landlord_create"), {"name": "Fjordbo", "kind": "housing_organisation"})
    landlord = Landlord.objects.get(municipality=municipality_a)
    assert r.status_code == 302
    r = client.post(
        reverse("housing:agreement_create", args=[landlord.pk]),
        {"title": "Anvisningsaftale", "share_percent": "30", "starts_on": "2026-01-01"},
    )
    assert (
        r.status_code == 200 and "aftalegrundlaget" in r.content.decode()
    )  # the Danish message, on the field
    assert not Agreement.objects.exists()
    client.get(reverse("housing:unit_create"))
    r = client.post(
        reverse("housing:unit_create"),
        {
            "landlord": landlord.pk,
            "unit_type": UnitType.objects.get(municipality=municipality_a, code="social_family").pk,
            "address": "Havnevej 1",
            "postcode": "3600",
            "rooms": "2",
            "rent": "3400",
            "utilities": "400",
            "active": "on",
        },
    )
    assert r.status_code == 302
    assert Unit.objects.get(municipality=municipality_a).rent == 3400


def test_bad_unit_input_names_the_field_in_danish(login, users_a, municipality_a):
    client = login(users_a[Role.HOUSING_BROKER])
    landlord = Landlord.objects.create(municipality=municipality_a, name="Fjordbo")
    services.unit_types_ensure_defaults(municipality_a)
    r = client.post(
        reverse("housing:unit_create"),
        {
            "landlord": landlord.pk,
            "unit_type": UnitType.objects.filter(municipality=municipality_a).first().pk,
            "address": "Vej 2",
            "postcode": "36",
            "rooms": "1",
            "rent": "3000",
            "utilities": "0",
        },
    )
    assert "Postnummeret skal være fire cifre" in r.content.decode()


@pytest.mark.parametrize("role", [Role.SUPPORT_WORKER, Role.OUTREACH_WORKER, Role.ANALYST])
def test_only_brokers_and_leaders_write_on_the_stock(role, login, users_a):
    r = login(users_a[role]).post(reverse("housing:landlord_create"), {"name": "X", "kind": "private"})
    assert r.status_code == 403 and not Landlord.objects.exists()


def test_analyst_sees_the_aggregate_pages_but_not_the_stock_or_names(
    login, users_a, worker_a, person_factory, municipality_a
):
    person = person_factory(
        worker_a, first_name="Synlig", last_name="Navnesen", start=TODAY - timedelta(days=400)
    )
    _, unit = make_stock(municipality_a)
    services.tenancy_start(actor=worker_a, person=person, unit=unit, starts_on=TODAY - timedelta(days=300))
    client = login(users_a[Role.ANALYST])
    for name in ("housing:stock_analysis", "housing:retention"):
        r = client.get(reverse(name))
        assert r.status_code == 200 and "Navnesen" not in r.content.decode()
    assert client.get(reverse("housing:units")).status_code == 403
    assert client.get(reverse("housing:waiting_list")).status_code == 403


def test_stock_analysis_counts_only_the_actors_municipality(
    worker_a, municipality_a, municipality_b, actor_factory, users_a
):
    make_stock(municipality_a, rent=3000)
    make_stock(municipality_b, rent=3000)
    make_stock(municipality_b, name="Andet", rent=3100, address="Vej 2")
    analyst = actor_factory(users_a[Role.ANALYST], municipality_a, Role.ANALYST)
    data = selectors.stock_analysis(analyst, today=TODAY)
    assert data["units_total"] == 1 and data["units_at_threshold"] == 1


def test_landlord_list_shows_no_other_municipalitys_landlords(broker_a, municipality_b):
    make_stock(municipality_b, name="Odense Bolig")
    assert list(selectors.landlord_list(broker_a)) == []


# --- tenancies ----------------------------------------------------------------------------------------


def test_move_in_through_the_page_records_housed_and_shows_on_the_person_page(
    login, users_a, worker_a, person_factory, municipality_a
):
    person = person_factory(worker_a, start=TODAY - timedelta(days=60))
    _, unit = make_stock(municipality_a)
    client = login(users_a[Role.HOUSING_BROKER])
    r = client.post(
        reverse("housing:tenancy_start", args=[person.pk]), {"unit": unit.pk, "starts_on": TODAY.isoformat()}
    )
    assert r.status_code == 302
    person.refresh_from_db()
    assert person.current_status == Status.HOUSED
    assert "Havnevej 1" in client.get(reverse("people:detail", args=[person.pk])).content.decode()


def test_move_in_outside_the_stock_needs_an_address(login, users_a, worker_a, person_factory):
    person = person_factory(worker_a, start=TODAY - timedelta(days=60))
    client = login(users_a[Role.HOUSING_BROKER])
    r = client.post(reverse("housing:tenancy_start", args=[person.pk]), {"starts_on": TODAY.isoformat()})
    assert "Vælg en bolig fra oversigten eller skriv adressen" in r.content.decode()
    r = client.post(
        reverse("housing:tenancy_start", args=[person.pk]),
        {"address": "Privatvej 3", "starts_on": TODAY.isoformat()},
    )
    assert r.status_code == 302 and Tenancy.objects.get(person=person).address == "Privatvej 3"


def test_ending_a_tenancy_returns_the_person_to_the_list(
    login, users_a, worker_a, person_factory, municipality_a
):
    person = person_factory(worker_a, start=TODAY - timedelta(days=100))
    _, unit = make_stock(municipality_a)
    tenancy = services.tenancy_start(
        actor=worker_a, person=person, unit=unit, starts_on=TODAY - timedelta(days=50)
    )
    r = login(users_a[Role.HOUSING_BROKER]).post(
        reverse("housing:tenancy_end", args=[tenancy.pk]),
        {"ends_on": TODAY.isoformat(), "reason": "evicted", "next_situation": "sofa_surfer"},
    )
    assert r.status_code == 302
    person.refresh_from_db()
    assert person.current_status == Status.RETURNED_FROM_HOUSING


def test_an_eviction_case_keeps_the_person_housed_and_reaches_their_worker(
    login, users_a, worker_a, person_factory, municipality_a, actor_factory
):
    person = person_factory(
        worker_a, start=TODAY - timedelta(days=100)
    )  # worker_a is the person's own worker
    _, unit = make_stock(municipality_a)
    tenancy = services.tenancy_start(
        actor=worker_a, person=person, unit=unit, starts_on=TODAY - timedelta(days=50)
    )
    r = login(users_a[Role.HOUSING_BROKER]).post(
        reverse("housing:tenancy_eviction", args=[tenancy.pk]),
        {"flagged_on": TODAY.isoformat(), "note": "Restance 3 mdr."},
    )
    assert r.status_code == 302
    person.refresh_from_db()
    assert person.current_situation == "own_home" and person.current_status == Status.HOUSED
    assert [t.pk for t in selectors.eviction_cases(worker_a)] == [tenancy.pk]
    other = actor_factory(users_a[Role.SUPPORT_WORKER], municipality_a, Role.SUPPORT_WORKER)
    assert selectors.eviction_cases(other) == []  # not their citizen
    page = (
        login(users_a[Role.OUTREACH_WORKER]).get(reverse("people:detail", args=[person.pk])).content.decode()
    )
    assert "Fogedsag registreret" in page and "Restance 3 mdr." in page


def test_an_eviction_cannot_be_flagged_on_an_ended_tenancy(worker_a, person_factory, municipality_a):
    person = person_factory(worker_a, start=TODAY - timedelta(days=100))
    _, unit = make_stock(municipality_a)
    tenancy = services.tenancy_start(
        actor=worker_a, person=person, unit=unit, starts_on=TODAY - timedelta(days=50)
    )
    services.tenancy_end(
        actor=worker_a, tenancy=tenancy, ends_on=TODAY, reason="moved", next_situation="own_home"
    )
    with pytest.raises(HousingDataError, match="aktivt lejemål"):
        services.tenancy_flag_eviction(actor=worker_a, tenancy=tenancy, flagged_on=TODAY)


# --- while waiting ------------------------------------------------------------------------------------


def decide_support(person, actor, method="cti", start=None):
    """A support decision as the waiting list reads it: an open support episode (selectors._decided_without_home)."""
    start = start or TODAY - timedelta(days=20)
    return SupportEpisode.objects.create(
        municipality=person.municipality,
        person=person,
        method=method,
        start_date=start,
        status_since=start,
    )


def test_waiting_list_shows_who_lacks_a_plan_until_one_is_recorded(login, users_a, worker_a, person_factory):
    person = person_factory(
        worker_a, first_name="Venter", last_name="Planløs", start=TODAY - timedelta(days=30)
    )
    decide_support(person, worker_a)
    housed = person_factory(worker_a, first_name="Har", last_name="Bolig", start=TODAY - timedelta(days=30))
    decide_support(housed, worker_a)
    undecided = person_factory(
        worker_a, first_name="Uden", last_name="Afgørelse", start=TODAY - timedelta(days=30)
    )
    services.tenancy_start(
        actor=worker_a, person=housed, address="Privatvej 1", starts_on=TODAY - timedelta(days=5)
    )
    client = login(users_a[Role.HOUSING_BROKER])
    page = client.get(reverse("housing:waiting_list") + "?mangler=1").content.decode()
    assert (
        "Planløs" in page
        and "Mangler plan" in page
        and "Bolig</a>" not in page
        and undecided.last_name not in page
    )
    r = client.post(
        reverse("housing:waiting_plan_edit", args=[person.pk]),
        {
            "stays_at": "Herberget Vejen",
            "supported_by": "Sanne (CTI)",
            "housing_plan": "Fjordbo-bolig via anvisning, forventet marts",
            "recorded_on": TODAY.isoformat(),
        },
    )
    assert r.status_code == 302 and WaitingPlan.objects.filter(person=person).count() == 1
    assert "Planløs" not in client.get(reverse("housing:waiting_list") + "?mangler=1").content.decode()


def test_a_waiting_plan_needs_all_three_parts(worker_a, person_factory):
    person = person_factory(worker_a, start=TODAY - timedelta(days=30))
    with pytest.raises(HousingDataError, match="støtter"):
        services.waiting_plan_record(
            actor=worker_a,
            person=person,
            stays_at="Herberg",
            supported_by=" ",
            housing_plan="x",
            recorded_on=TODAY,
        )


# --- retention through the database -------------------------------------------------------------------


def test_retention_figures_follow_tenancies_and_situations(
    worker_a, person_factory, municipality_a, actor_factory, users_a
):
    _, unit = make_stock(municipality_a)
    kept = person_factory(worker_a, first_name="A", start=TODAY - timedelta(days=900))
    services.tenancy_start(actor=worker_a, person=kept, unit=unit, starts_on=TODAY - timedelta(days=800))
    lost = person_factory(worker_a, first_name="B", start=TODAY - timedelta(days=900))
    t = services.tenancy_start(
        actor=worker_a, person=lost, address="Privatvej 2", starts_on=TODAY - timedelta(days=800)
    )
    services.tenancy_end(
        actor=worker_a,
        tenancy=t,
        ends_on=TODAY - timedelta(days=700),
        reason="evicted",
        next_situation="street",
    )
    decide_support(kept, worker_a, method="act", start=TODAY - timedelta(days=810))
    data = selectors.retention_figures(
        actor_factory(users_a[Role.ANALYST], municipality_a, Role.ANALYST), today=TODAY
    )
    assert [c["share"] for c in data["total"][0]["cells"]] == [50.0, 50.0, 50.0]
    if data["by_method"] is not None:  # by support method once the support app has episodes
        shares = {r["label"]: r["cells"][0]["share"] for r in data["by_method"]}
        assert shares == {"ACT (Assertive Community Treatment)": 100.0, "Ingen støtteforløb registreret": 0.0}
    assert data["returns"][0]["returned"] == 1
    assert {r["label"] for r in data["by_type"]} == {"Almen familiebolig", "Bolig uden for oversigten"}


def test_vacancies_reported_to_the_municipality_count_once_per_unit_and_year(
    municipality_a, actor_factory, users_a, worker_a, person_factory
):
    _, unit = make_stock(municipality_a)
    last_year = date(TODAY.year - 1, 3, 1)
    Vacancy.objects.create(
        municipality=municipality_a, unit=unit, reported_on=last_year, nominate_by=last_year
    )
    person = person_factory(worker_a, start=last_year - timedelta(days=30))
    services.tenancy_start(actor=worker_a, person=person, unit=unit, starts_on=last_year + timedelta(days=20))
    data = selectors.stock_analysis(
        actor_factory(users_a[Role.ANALYST], municipality_a, Role.ANALYST), today=TODAY
    )
    assert dict(data["per_year"])[TODAY.year - 1] == 1


def test_the_waiting_plan_shows_on_the_person_page(login, users_a, worker_a, person_factory):
    person = person_factory(worker_a, start=TODAY - timedelta(days=30))
    services.waiting_plan_record(
        actor=worker_a,
        person=person,
        stays_at="Herberget Vejen",
        supported_by="CTI-medarbejder",
        housing_plan="Almen bolig via boligudvalget",
        recorded_on=TODAY,
    )
    page = (
        login(users_a[Role.OUTREACH_WORKER]).get(reverse("people:detail", args=[person.pk])).content.decode()
    )
    assert "Herberget Vejen" in page and "Almen bolig via boligudvalget" in page


def test_the_waiting_list_is_everyone_decided_and_without_a_home_once_without_a_plan_first(
    broker_a, worker_a, person_factory
):
    """Who is on it (selectors._decided_without_home): an active or paused episode or a method decision;
    not an ended episode, an open tenancy or their own home. Each once, those without a plan first."""
    start = TODAY - timedelta(days=40)
    m = worker_a.municipality

    def person(last_name, days):
        return person_factory(
            worker_a, first_name="Test", last_name=last_name, start=TODAY - timedelta(days=days)
        )

    def decision(p):
        MethodDecision.objects.create(
            municipality=m,
            person=p,
            recommended_method="icm",
            recommendation_reason="r",
            decided_method="icm",
        )

    active, paused, decided, both, planned = (
        person(n, d)
        for n, d in [("Aktiv", 90), ("Pause", 80), ("Afgjort", 70), ("Begge", 60), ("Planlagt", 200)]
    )
    decide_support(active, worker_a)
    SupportEpisode.objects.create(
        municipality=m, person=paused, method="cti", start_date=start, status_since=start, status="paused"
    )
    decision(decided)
    decide_support(both, worker_a)
    decision(both)
    decide_support(planned, worker_a)
    WaitingPlan.objects.create(
        municipality=m,
        person=planned,
        stays_at="Herberg",
        supported_by="CTI",
        housing_plan="Plan",
        recorded_on=TODAY,
    )
    ended, housed = person("Afsluttet", 50), person("Lejer", 50)
    SupportEpisode.objects.create(
        municipality=m, person=ended, method="cti", start_date=start, status_since=start, status="ended"
    )
    decide_support(housed, worker_a)
    decision(housed)
    services.tenancy_start(actor=worker_a, person=housed, address="Privatvej 1", starts_on=TODAY)
    own_home = person_factory(
        worker_a, first_name="Test", last_name="Eget", situation="own_home", start=start
    )
    decide_support(own_home, worker_a)

    page, _basis, missing = selectors.waiting_list(broker_a)
    assert [p.last_name for p in page.object_list] == ["Aktiv", "Pause", "Afgjort", "Begge", "Planlagt"]
    assert missing == 4 and page.paginator.count == 5
    page, _basis, missing = selectors.waiting_list(broker_a, missing_only=True)
    assert [p.last_name for p in page.object_list] == ["Aktiv", "Pause", "Afgjort", "Begge"]
    assert missing == 4 and page.paginator.count == 4
