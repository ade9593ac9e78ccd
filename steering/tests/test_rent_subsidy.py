"""The figures for an application to the rent-subsidy pool: each equals a count of the raw rows."""

from datetime import date, timedelta

import pytest
from django.urls import reverse

from accounts.roles import Role
from count.models import CountWeek, WeekStatus
from housing.models import Agreement, Unit
from housing.tests.factories import make_stock
from steering import selectors, subsidy

TODAY = date.today()


def test_the_subsidy_reaches_rents_up_to_the_limit_plus_a_month_of_it():
    r = subsidy.reach(limit=3500, per_home_year=16965)
    assert (r.subsidy_month, r.reach_rent) == (1413, 4913)
    assert subsidy.yearly_cost(3, per_home_year=16965) == 50895


@pytest.fixture
def stock(municipality_a, municipality_b):
    for i, rent in enumerate([3000, 3500, 3501, 4913, 4914, 6000]):
        make_stock(municipality_a, rent=rent, address=f"Havnevej {i}")
    _, old = make_stock(municipality_a, rent=2000, address="Gammelvej 1")
    Unit.objects.filter(pk=old.pk).update(active=False)
    make_stock(municipality_b, rent=3000, address="Vestergade 1")  # another municipality
    landlord = Unit.objects.filter(municipality=municipality_a).first().landlord
    Agreement.objects.create(
        municipality=municipality_a,
        landlord=landlord,
        title="Aftale 2026",
        share_percent=40,
        starts_on=TODAY - timedelta(days=30),
    )
    Agreement.objects.create(
        municipality=municipality_a,
        landlord=landlord,
        title="Udløbet",
        starts_on=TODAY - timedelta(days=900),
        ends_on=TODAY - timedelta(days=1),
    )


@pytest.mark.django_db
def test_homes_agreements_and_counts_for_the_application(stock, municipality_a, users_a, actor_factory):
    CountWeek.objects.create(
        municipality=municipality_a,
        year=2024,
        week_start=date(2024, 2, 5),
        status=WeekStatus.CLOSED,
        form_version="2024",
    )
    analyst = actor_factory(users_a[Role.ANALYST], municipality_a, Role.ANALYST)
    data = selectors.rent_subsidy(analyst, today=TODAY)
    assert data["homes"] == {"at_limit": 2, "within_reach": 2, "total": 6}
    assert data["reach_cost"] == 2 * 16965
    assert [a.title for a in data["agreements"]] == ["Aftale 2026"]
    assert data["latest_count"]["year"] == 2024 and data["latest_count"]["total"] == 0
    assert {c["year"]: c["national"] for c in data["counts"]} == {2024: 5989}


@pytest.mark.django_db
def test_the_page_and_the_pdf(stock, login, users_a):
    client = login(users_a[Role.LEADER])
    page = client.get(reverse("steering:rent_subsidy")).content.decode()
    assert "Tal til ansøgning om huslejetilskud" in page and "Aftale 2026" in page and "Udløbet" not in page
    assert "Kommunen har ingen afsluttet hjemløsetælling registreret i platformen." in page
    pdf = client.get(reverse("steering:rent_subsidy_pdf"))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
