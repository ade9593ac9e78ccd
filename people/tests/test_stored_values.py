"""No stored value can crash a page (issue 9 item 15): values that the forms refuse today may still be
in the database (older versions, imports, direct fixes). The people pages, figures and exports render
them, never a 500."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from people.models import Contact, NeedsListEntry, Person, SituationPeriod, StatusChange

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
FIRST, LAST = date(1, 1, 1), date(9999, 12, 31)


@pytest.fixture
def odd_people(municipality_a, worker_a, person_factory):
    """People with the oddest values the columns allow, written straight to the tables."""
    m = municipality_a
    long_name = "Å" * 100
    people = [
        Person.objects.create(
            municipality=m,
            first_name="Gammel",
            birth_date=FIRST,
            birth_year=1,
            current_status="newly_identified",
            current_situation="street",
            situation_since=FIRST,
            homeless_since=FIRST,
            identified_on=FIRST,
            status_since=FIRST,
            last_activity_on=FIRST,
            on_needs_list=True,
        ),
        Person.objects.create(
            municipality=m,
            first_name="Fremtid",
            current_status="newly_identified",
            current_situation="shelter",
            situation_since=LAST,
            homeless_since=LAST,
            identified_on=LAST,
            status_since=LAST,
            last_activity_on=LAST,
            last_contact_on=LAST,
            on_needs_list=True,
        ),
        Person.objects.create(
            municipality=m,
            first_name=long_name,
            last_name=long_name,
            initials="X" * 10,
            birth_year=1800,
            current_status="newly_identified",
            current_situation="hotel",
            homeless_since=TODAY,
        ),
        Person.objects.create(
            municipality=m,
            initials="Q",
            current_status="returned_from_inactive",
            current_situation="",
            birth_year=9999,
        ),
    ]
    old, future, long_one, initials_only = people
    SituationPeriod.objects.create(municipality=m, person=old, situation="street", start_date=FIRST)
    SituationPeriod.objects.create(municipality=m, person=future, situation="shelter", start_date=LAST)
    SituationPeriod.objects.create(
        municipality=m, person=long_one, situation="shelter", start_date=FIRST, end_date=LAST
    )
    StatusChange.objects.create(
        municipality=m, person=old, status="newly_identified", changed_on=FIRST, reason="x"
    )
    StatusChange.objects.create(
        municipality=m, person=future, status="newly_identified", changed_on=LAST, reason="x"
    )
    StatusChange.objects.create(
        municipality=m,
        person=long_one,
        status="housed",
        previous_status="newly_identified",
        changed_on=LAST,
        days_on_list=3_000_000,
        reason="x",
    )
    Contact.objects.create(municipality=m, person=future, contacted_on=LAST, kind="phone")
    Contact.objects.create(municipality=m, person=old, contacted_on=FIRST, kind="phone")
    NeedsListEntry.objects.create(municipality=m, person=old, registered_on=FIRST, max_rent=1)
    NeedsListEntry.objects.create(municipality=m, person=future, registered_on=LAST, max_rent=2_000_000_000)
    return people


def test_the_people_pages_render_the_oddest_stored_values(odd_people, login, users_a):
    client = login(users_a[Role.LEADER])
    urls = [
        reverse("people:list"),
        reverse("people:needs_list"),
        reverse("people:figures"),
        reverse("people:export", args=["csv"]),
        reverse("people:export", args=["xlsx"]),
    ]
    urls += [reverse("people:list") + f"?sort={s}" for s in ("time", "name", "identified", "activity")]
    urls += [reverse("people:list") + "?q=" + q for q in ("Gammel", "01.01.0001", "31.12.9999", "åååå")]
    for p in odd_people:
        urls += [
            reverse("people:detail", args=[p.pk]),
            reverse("people:edit", args=[p.pk]),
            reverse("people:needs_edit", args=[p.pk]),
        ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
