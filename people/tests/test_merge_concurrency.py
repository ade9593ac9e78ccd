"""Two leaders merge the same pair at the same instant, in opposite directions (A into B and B into A),
on PostgreSQL with a connection each: the records are locked in the order of their ids, so one merge
wins, the other is refused with a message, and no row is lost or duplicated."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from conftest import make_user
from core.testing import at_once
from people import merge, services
from people.models import Person, PersonMerge

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="row locks and concurrent connections need PostgreSQL"
    ),
]

DAY = timezone.localdate() - timedelta(days=30)


def _all_rows(*people) -> dict[str, set[int]]:
    out = {}
    for table in merge.related_tables():
        out[table.key] = set(
            table.rows.filter(**{f"{table.field.name}__in": people}).values_list("pk", flat=True)
        )
    return out


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("round_", range(3))
def test_opposite_merges_at_once_lose_and_duplicate_nothing(
    round_, municipality_a, users_a, worker_a, person_factory
):
    a = person_factory(worker_a, first_name="Jens", last_name="Hansen", start=DAY)
    b = person_factory(worker_a, first_name="Jens", last_name="Hansen", start=DAY + timedelta(days=3))
    for person in (a, b):
        services.contact_record(actor=worker_a, person=person, contacted_on=DAY, kind="phone", reached=True)
    services.needs_list_register(actor=worker_a, person=b, registered_on=DAY, max_rent=3000)
    before = _all_rows(a, b)
    clients = []
    for i in range(2):
        client = Client(raise_request_exception=False)
        client.force_login(make_user(municipality_a, Role.LEADER, f"leder-{round_}-{i}"))
        clients.append(client)
    results = at_once(
        [
            lambda: clients[0].post(reverse("people:merge_preview", args=[a.pk, b.pk])),
            lambda: clients[1].post(reverse("people:merge_preview", args=[b.pk, a.pk])),
        ]
    )
    crashes = [r for r in results if isinstance(r, Exception) or r.status_code >= 500]
    assert not crashes, crashes
    assert sorted(r.status_code for r in results) == [200, 302]
    refused = next(r for r in results if r.status_code == 200).content.decode()
    assert "allerede lagt sammen" in refused
    done = PersonMerge.objects.get()
    survivor = Person.objects.get()
    assert survivor.pk == done.survivor_id
    assert Person.all_objects.get(pk=done.duplicate_id).merged_into_id == survivor.pk
    after = _all_rows(a, b)
    assert after == before  # nothing lost, nothing created
    for key, ids in after.items():
        table = next(t for t in merge.related_tables() if t.key == key)
        owners = set(table.rows.filter(pk__in=ids).values_list(table.field.attname, flat=True))
        if key != "people.Person_workers.person":  # a worker on both records stays on the duplicate
            assert owners <= {survivor.pk}, key
