"""seed_demo loads a Frederikssund-sized demo (seed 001), resets cleanly and serves the list page."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import F
from django.urls import reverse

from accounts.models import Membership, User
from demo.loader import DEMO_PASSWORD, DEMO_USERS
from people.models import Person, StatusChange
from people.situations import HOMELESS
from people.statuses import ACTIVE
from tenants.models import Municipality

pytestmark = pytest.mark.django_db

ACTIVE_VALUES = [s.value for s in ACTIVE]


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.fixture
def seeded():
    return seed()


def test_seed_demo_matches_seed_001_ranges(seeded):
    frederikssund = Municipality.objects.get(code="0250")
    people = Person.objects.filter(municipality=frederikssund)
    active = people.filter(current_status__in=ACTIVE_VALUES)
    # Seed 001: 28 counted homeless plus about 30 young people in the dark number; 70-150 on the
    # housing needs list at any time; several hundred people with history for the monthly figures.
    assert 300 <= people.count() <= 1000
    assert 40 <= active.count() <= 100
    assert 35 <= active.filter(current_situation__in=[s.value for s in HOMELESS]).count() <= 90
    assert 70 <= people.filter(on_needs_list=True).count() <= 150
    assert (
        people.filter(protected=True, workers__isnull=False).distinct().count()
        == people.filter(protected=True).count()
        > 0
    )
    assert (
        StatusChange.objects.filter(municipality=frederikssund).values("changed_on__year").distinct().count()
        >= 5
    )
    assert Person.objects.filter(municipality__code="0607").exists()


def test_seed_demo_creates_one_user_per_role_with_the_demo_password(seeded):
    for spec in DEMO_USERS:
        user = User.objects.get(username=spec.username)
        assert user.check_password(DEMO_PASSWORD)
        assert Membership.objects.get(user=user).role == spec.role
        assert Membership.objects.get(user=user).municipality.code == spec.code
    assert Municipality.objects.get(code="0250").mfa_required_roles == []
    assert "demo-hf-2026" in seeded and "leder-fredericia" in seeded and "http://" in seeded


def test_seed_demo_rerun_resets_instead_of_adding(seeded):
    counts = (Person.objects.count(), StatusChange.objects.count(), User.objects.count())
    seed()
    assert (Person.objects.count(), StatusChange.objects.count(), User.objects.count()) == counts
    assert Municipality.objects.filter(code__in=["0250", "0607"]).count() == 2


def test_by_name_list_for_leder_shows_people(seeded, client):
    client.force_login(User.objects.get(username="leder"))
    response = client.get(reverse("people:list"))
    assert response.status_code == 200
    shown = Person.objects.filter(
        municipality__code="0250", current_status__in=ACTIVE_VALUES, protected=False
    )
    # The list shows the longest time homeless first; people at risk (no spell) come after them.
    first = shown.order_by(F("homeless_since").asc(nulls_last=True), "last_name", "id").first()
    assert f"{first.first_name} {first.last_name}" in response.content.decode()


def test_leder_in_fredericia_sees_none_of_frederikssund(seeded, client):
    client.force_login(User.objects.get(username="leder-fredericia"))
    html = client.get(reverse("people:list")).content.decode()
    for p in Person.objects.filter(municipality__code="0250", current_status__in=ACTIVE_VALUES)[:20]:
        assert (
            f"{p.first_name} {p.last_name}" not in html
            or Person.objects.filter(
                municipality__code="0607", first_name=p.first_name, last_name=p.last_name
            ).exists()
        )
