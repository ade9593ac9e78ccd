"""One definition of "on the housing needs list" (issue 9 item 5): the needs list page, the figures page,
the stock analysis and allocation's candidates count the same people; moving in takes the citizen off
all of them; inactivity does not (item 6)."""

from datetime import timedelta
from importlib import import_module

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from allocation import selectors, services
from people import services as people_services
from people.models import NeedsListEntry, Person

from .factories import make_vacancy, needy

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def broker(users_a, municipality_a, actor_factory):
    return actor_factory(users_a[Role.HOUSING_BROKER], municipality_a, Role.HOUSING_BROKER)


def counts(client, broker):
    """The count each page shows, read from what the page rendered, and the candidates for allocation."""
    return {
        "needs list page": client.get(reverse("people:needs_list")).context["page"].paginator.count,
        "figures page": client.get(reverse("people:figures")).context["data"]["current"]["needs_list"],
        "stock analysis": client.get(reverse("housing:stock_analysis")).context["data"]["applicants_total"],
        "allocation candidates": len(selectors.candidates(broker, today=TODAY)),
    }


def inactive(worker, person, *, last_contact_days=100):
    people_services.contact_record(
        actor=worker,
        person=person,
        contacted_on=TODAY - timedelta(days=last_contact_days),
        kind="phone",
        reached=True,
    )
    people_services.status_change(
        actor=worker,
        person=person,
        status="inactive",
        on=TODAY,
        reason="Ingen kontakt eller opdatering i 90 dage",
    )
    person.refresh_from_db()
    return person


def test_the_needs_list_page_figures_stock_analysis_and_candidates_count_the_same_people(
    broker, users_a, worker_a, person_factory, login
):
    needy(worker_a, person_factory, "Anna")
    inactive(worker_a, needy(worker_a, person_factory, "Bent"))
    needy(worker_a, person_factory, "Carl")
    person_factory(worker_a, first_name="Dora")  # on the by-name list, not on the needs list
    client = login(users_a[Role.HOUSING_BROKER])
    assert set(counts(client, broker).values()) == {3}


def test_moving_in_takes_the_citizen_off_the_list_page_figures_stock_analysis_and_candidates(
    broker, users_a, worker_a, person_factory, login
):
    anna = needy(worker_a, person_factory, "Anna")
    needy(worker_a, person_factory, "Bent")
    offer = services.offer_propose(actor=broker, vacancy=make_vacancy(broker), person=anna, on=TODAY)
    for step in (
        services.offer_make,
        services.offer_accept,
        services.offer_sign_lease,
        services.offer_move_in,
    ):
        step(actor=broker, offer=offer, on=TODAY)
    anna.refresh_from_db()
    assert not anna.on_needs_list
    assert NeedsListEntry.objects.get(person=anna).removed_on == TODAY
    assert set(counts(login(users_a[Role.HOUSING_BROKER]), broker).values()) == {1}


def test_an_own_home_recorded_by_hand_or_death_ends_the_entry_but_inactivity_does_not(
    worker_a, person_factory
):
    housed, died, away = (needy(worker_a, person_factory, n) for n in ("Anna", "Bent", "Carl"))
    people_services.situation_record(actor=worker_a, person=housed, situation="own_home", start_date=TODAY)
    people_services.status_change(
        actor=worker_a, person=died, status="died", on=TODAY, reason="Oplyst af familien"
    )
    still = inactive(worker_a, away)
    on_list = set(Person.objects.filter(on_needs_list=True).values_list("pk", flat=True))
    open_entries = set(
        NeedsListEntry.objects.filter(removed_on__isnull=True).values_list("person_id", flat=True)
    )
    assert on_list == open_entries == {still.pk}


def test_the_migration_takes_housed_people_off_the_list_and_aligns_the_flag_with_the_open_entry(
    worker_a, person_factory
):
    housed, flag_only, kept = (needy(worker_a, person_factory, n) for n in ("Anna", "Bent", "Carl"))
    # Rows as the old code left them: housed with the entry open; a flag without an open entry.
    Person.objects.filter(pk=housed.pk).update(
        current_status="housed", current_situation="own_home", situation_since=TODAY - timedelta(days=3)
    )
    NeedsListEntry.objects.filter(person=flag_only).update(removed_on=TODAY)

    class Editor:
        connection = connection

        def execute(self, sql):
            with connection.cursor() as cursor:
                cursor.execute(sql)

    import_module("people.migrations.0005_needs_list_one_definition").align_needs_list(None, Editor())
    assert set(Person.objects.filter(on_needs_list=True).values_list("pk", flat=True)) == {kept.pk}
    assert NeedsListEntry.objects.get(person=housed).removed_on == TODAY - timedelta(days=3)


def test_a_citizen_marked_inactive_stays_a_candidate_shown_with_the_days_since_contact(
    broker, worker_a, person_factory
):
    bent = inactive(worker_a, needy(worker_a, person_factory, "Bent"), last_contact_days=100)
    rows = selectors.proposals_for(broker, make_vacancy(broker), today=TODAY)
    assert [r["person"].pk for r in rows] == [bent.pk]
    assert "Ingen kontakt i 100 dage" in rows[0]["marks"]


def test_the_worker_gets_a_task_for_their_inactive_citizen_on_the_needs_list(
    users_a, municipality_a, worker_a, person_factory, login, actor_factory
):
    bent = inactive(worker_a, needy(worker_a, person_factory, "Bent"), last_contact_days=100)
    # The worker's day (I dag) has the task, with the citizen and how long since the last contact.
    page = login(users_a[Role.OUTREACH_WORKER]).get(reverse("today:page")).content.decode()
    assert "Boligbehovslisten: kontakt forfalden" in page
    assert f'href="{reverse("people:detail", args=[bent.pk])}"' in page and "Bent Hansen" in page
    last = (timezone.localdate() - timedelta(days=100)).strftime("%d.%m.%Y")
    assert f"På boligbehovslisten og inaktiv, senest kontakt {last}: en bolig kan vente." in page
    # another worker, not one of Bent's own, gets no task for him
    other = login(users_a[Role.SUPPORT_WORKER]).get(reverse("today:page")).content.decode()
    assert "Bent Hansen" not in other


def test_the_needs_list_selectors_never_cross_municipalities(broker, worker_a, worker_b, person_factory):
    from people import selectors as people_selectors

    needy(worker_a, person_factory, "Anna")
    inactive(worker_b, needy(worker_b, person_factory, "Bodil"))
    assert [p.first_name for p in people_selectors.needs_list_people(broker, visible_only=False)] == ["Anna"]
    assert people_selectors.needs_list_entries(broker).count() == 1
    assert people_selectors.needs_list_contact_due(worker_a, today=TODAY) == []
    assert [
        r["person"].first_name for r in people_selectors.needs_list_contact_due(worker_b, today=TODAY)
    ] == ["Bodil"]
    assert [c.person_id for c in selectors.candidates(broker, today=TODAY)] == [
        p.pk for p in people_selectors.needs_list_people(broker)
    ]
