from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from people.models import Person, StatusChange
from people.statuses import Status

pytestmark = pytest.mark.django_db


def test_person_create_puts_person_on_list_as_newly_identified(worker_a, person_factory):
    person = person_factory(worker_a, start=date(2025, 3, 1))
    person.refresh_from_db()
    assert person.current_status == Status.NEWLY_IDENTIFIED
    assert person.homeless_since == date(2025, 3, 1)
    assert list(StatusChange.objects.filter(person=person).values_list("status", flat=True)) == [
        "newly_identified"
    ]


def test_by_name_list_page_shows_own_people_only(login, users_a, worker_a, worker_b, person_factory):
    recent = timezone.localdate() - timedelta(days=10)
    person_factory(worker_a, first_name="Anna", last_name="Aalborg", start=recent)
    person_factory(worker_b, first_name="Bent", last_name="Bornholm", start=recent)
    client = login(users_a["outreach_worker"])
    response = client.get(reverse("people:list"))
    assert response.status_code == 200
    assert "Anna Aalborg" in response.content.decode()
    assert "Bent Bornholm" not in response.content.decode()
    assert Person.objects.count() == 2
