"""The header's search (issue 14, item 3): citizens by name, initials and CPR, homes by address, landlords."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from audit.models import AccessLogEntry, Action
from home import search
from housing.tests.factories import make_stock

pytestmark = pytest.mark.django_db

CPR = "121285-4321"


@pytest.fixture
def worker(users_a, municipality_a, actor_factory):
    return actor_factory(users_a[Role.OUTREACH_WORKER], municipality_a, Role.OUTREACH_WORKER)


def results(client, q):
    response = client.post(reverse("home:search"), {"q": q}, follow=True)
    assert response.status_code == 200
    return response


def test_finds_a_citizen_by_name_initials_and_cpr(worker, person_factory, login, users_a):
    person = person_factory(worker, first_name="Søren", last_name="Kierkegaard", cpr=CPR, initials="SK")
    client = login(users_a[Role.OUTREACH_WORKER])
    for q in ("Soren", "kierke", "SK", CPR, CPR.replace("-", "")):
        people = results(client, q).context["kinds"]["people"]
        assert [row["url"] for row in people.rows] == [reverse("people:detail", args=[person.pk])], q


def test_a_cpr_number_is_in_no_address(worker, person_factory, login, users_a):
    person_factory(worker, cpr=CPR)
    client = login(users_a[Role.OUTREACH_WORKER])
    response = client.post(reverse("home:search"), {"q": CPR})
    assert (
        response.status_code == 302 and CPR not in response["Location"] and "4321" not in response["Location"]
    )
    page = client.get(response["Location"]).content.decode()
    assert "121285-XXXX" in page and "4321" not in page
    # An address typed with the number in it is sent on with the number as a token.
    typed = client.get(reverse("home:search"), {"q": CPR})
    assert typed.status_code == 302 and "4321" not in typed["Location"]


def test_the_search_and_each_citizen_shown_are_logged(worker, person_factory, login, users_a):
    a = person_factory(worker, first_name="Anna", last_name="Jensen", cpr=CPR)
    b = person_factory(worker, first_name="Anders", last_name="Jensen")
    client = login(users_a[Role.LEADER])
    # The log is append-only (a trigger on PostgreSQL): each step reads the rows written after the last.
    mark = AccessLogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
    results(client, "Jensen")
    entries = AccessLogEntry.objects.filter(user=users_a[Role.LEADER], id__gt=mark)
    assert entries.filter(action=Action.SEARCH, detail="q=Jensen", purpose=search.PURPOSE).count() == 1
    assert set(entries.filter(action=Action.READ).values_list("person_id", flat=True)) == {a.pk, b.pk}
    mark = AccessLogEntry.objects.order_by("-id").values_list("id", flat=True).first()
    results(client, CPR)
    after = AccessLogEntry.objects.filter(id__gt=mark)
    searched = after.get(action=Action.SEARCH)
    assert searched.detail == "q=121285-XXXX"
    assert list(after.filter(action=Action.READ).values_list("person_id", flat=True)) == [a.pk]


def test_another_municipality_is_never_found(
    worker, worker_b, person_factory, login, users_a, municipality_b
):
    person_factory(worker_b, first_name="Bodil", last_name="Bornholmsen", cpr=CPR)
    make_stock(municipality_b, name="Odense Bolig", address="Vestergade 9")
    client = login(users_a[Role.LEADER])
    for q in ("Bornholmsen", CPR, "Vestergade", "Odense"):
        kinds = results(client, q).context["kinds"]
        assert all(not kind.rows for kind in kinds.values()), q


def test_protected_people_are_found_only_by_their_own_workers(worker, person_factory, login, users_a):
    person_factory(worker, first_name="Hemmelig", last_name="Person", protected=True)
    assert not results(login(users_a[Role.LEADER]), "Hemmelig").context["kinds"]["people"].rows


def test_analysts_and_administrators_cannot_search(worker, person_factory, login, users_a):
    person_factory(worker, first_name="Anna", last_name="Jensen")
    for role in (Role.ANALYST, Role.ADMINISTRATOR):
        client = login(users_a[role])
        response = client.get(reverse("home:search"), {"q": "Jensen"})
        assert response.status_code == 403
        assert "Anna" not in response.content.decode()
    assert not AccessLogEntry.objects.filter(action=Action.SEARCH).exists()


def test_homes_by_address_and_landlords_by_name(municipality_a, login, users_a):
    make_stock(municipality_a, name="Fjordbo", address="Havnevej 1")
    make_stock(municipality_a, name="Byens Boliger", address="Torvet 3")
    client = login(users_a[Role.SUPPORT_WORKER])
    kinds = results(client, "havnevej").context["kinds"]
    assert [u["address"] for u in kinds["units"].rows] == ["Havnevej 1"]
    assert kinds["units"].rows[0]["url"] == ""  # a support worker may not edit homes: no link to refuse them
    assert kinds["units"].full_list == reverse("housing:units") + "?address=havnevej"
    assert client.get(kinds["units"].full_list).context["units"][0].address == "Havnevej 1"
    kinds = results(login(users_a[Role.HOUSING_BROKER]), "fjordbo").context["kinds"]
    assert [row["name"] for row in kinds["landlords"].rows] == ["Fjordbo"]
    assert kinds["units"].rows == []


def test_at_most_ten_per_kind_with_a_link_to_the_full_list(worker, person_factory, login, users_a):
    for i in range(12):
        person_factory(worker, first_name=f"Nr{i}", last_name="Hansen")
    response = results(login(users_a[Role.LEADER]), "Hansen")
    people = response.context["kinds"]["people"]
    assert len(people.rows) == search.LIMIT and people.more
    assert people.full_list == reverse("people:list") + "?q=Hansen"
    assert "mere end 10" in response.content.decode()
    assert (
        AccessLogEntry.objects.filter(action=Action.READ, user=users_a[Role.LEADER]).count() == search.LIMIT
    )


def test_the_query_count_does_not_grow_with_the_hits(
    worker, person_factory, municipality_a, login, users_a, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(users_a[Role.LEADER])
    url = reverse("home:search") + "?q=Hansen"

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    for i in range(3):
        person_factory(worker, first_name=f"Nr{i}", last_name="Hansen")
        make_stock(municipality_a, name=f"Hansen {i}", address=f"Hansensvej {i}")
    queries()  # the first request saves the session (at most once a minute)
    few = queries()
    for i in range(3, 20):
        person_factory(worker, first_name=f"Nr{i}", last_name="Hansen")
        make_stock(municipality_a, name=f"Hansen {i}", address=f"Hansensvej {i}")
    assert queries() == few
    with django_assert_max_num_queries(25):
        client.get(url)


def test_the_search_box_in_the_header(login, users_a):
    html = login(users_a[Role.SUPPORT_WORKER]).get(reverse("people:list")).content.decode()
    header = html.split("</header>")[0]
    assert 'role="search"' in header and f'action="{reverse("home:search")}"' in header
    assert 'method="post"' in header.split('role="search"')[0].rsplit("<form", 1)[1]
