"""Every list page shows one page (issue 11 item 5): with more rows than a page it shows a page and a link
to the next, its query count does not grow with the rows, and only the people on the page are logged.
The access log page goes by keyset (older/newer by time and id) and never counts its rows."""

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts import log_views
from accounts import views as account_views
from accounts.roles import Role
from allocation.models import CommitteeMeeting
from allocation.tests.factories import make_vacancy
from audit.models import AccessLogEntry, Action
from audit.services import log_access
from conftest import make_user
from core.pagination import cursor_of, keyset_page, page_of, page_of_ids, parse_cursor
from housing.models import Landlord, Tenancy
from housing.tests.factories import make_stock
from support.models import SupportEpisode, WaitingListEntry, WorkerProfile
from support.tests.helpers import icm_setup, recent

pytestmark = pytest.mark.django_db

PAGE = 2  # rows a page in these tests
N = 3  # more than a page; the query count is compared at N and 3N rows


@pytest.fixture
def small_pages(settings, monkeypatch):
    hf = dict(settings.HF)
    for app in ("SUPPORT", "HOUSING", "ALLOCATION"):
        hf[app] = {**hf.get(app, {}), "LIST_PAGE_SIZE": PAGE}
    settings.HF = hf
    monkeypatch.setattr(account_views, "USERS_PAGE_SIZE", PAGE)
    monkeypatch.setattr(log_views, "LOG_PAGE_SIZE", PAGE)


class World:
    def __init__(self, users, municipality, worker, person_factory):
        self.users, self.municipality, self.worker, self.person_factory = (
            users,
            municipality,
            worker,
            person_factory,
        )
        self.boss, self.support, self.team = icm_setup(users, municipality)
        self.made = 0

    def person(self):
        self.made += 1
        return self.person_factory(
            self.worker,
            first_name=f"Person{self.made:03d}",
            cpr=f"0101{self.made % 100:02d}-{2000 + self.made}",
        )


def add_episodes(w, n):
    for _ in range(n):
        SupportEpisode.objects.create(
            municipality=w.municipality,
            person=w.person(),
            method="icm",
            worker=w.users[Role.SUPPORT_WORKER],
            team=w.team,
            start_date=recent(10),
            status_since=recent(10),
        )


def add_waits(w, n):
    for _ in range(n):
        WaitingListEntry.objects.create(
            municipality=w.municipality, person=w.person(), method="cti", since=recent(5), refusal="Fuld"
        )


def add_workers(w, n):
    for _ in range(n):
        w.made += 1
        user = make_user(w.municipality, Role.SUPPORT_WORKER, username=f"stoette-{w.made}")
        WorkerProfile.objects.create(municipality=w.municipality, user=user, method="icm", team=w.team)


def add_units(w, n):
    for _ in range(n):
        w.made += 1
        make_stock(w.municipality, name=f"Udlejer {w.made % 2}", address=f"Testvej {w.made}")


def add_landlords(w, n):
    for _ in range(n):
        w.made += 1
        Landlord.objects.create(municipality=w.municipality, name=f"Udlejer {w.made:03d}")


def add_vacancies(w, n):
    for _ in range(n):
        w.made += 1
        make_vacancy(w.boss, address=f"Ledigvej {w.made}")


def add_meetings(w, n):
    for _ in range(n):
        w.made += 1
        CommitteeMeeting.objects.create(
            municipality=w.municipality, held_on=timezone.localdate() - timedelta(days=w.made)
        )


def add_evictions(w, n):
    for _ in range(n):
        person = w.person()
        _, unit = make_stock(w.municipality, address=f"Fogedvej {w.made}")
        Tenancy.objects.create(
            municipality=w.municipality,
            person=person,
            unit=unit,
            address=unit.address,
            starts_on=recent(100),
            eviction_case_on=recent(3),
        )


def add_users(w, n):
    for _ in range(n):
        w.made += 1
        make_user(w.municipality, Role.OUTREACH_WORKER, username=f"bruger-{w.made}")


# page -> (role that opens it, builder, whether it lists citizens)
PAGES = {
    "support:episodes": (Role.LEADER, add_episodes, True),
    "support:waiting": (Role.LEADER, add_waits, True),
    "support:workers": (Role.LEADER, add_workers, False),
    "housing:units": (Role.LEADER, add_units, False),
    "housing:landlords": (Role.LEADER, add_landlords, False),
    "housing:waiting_list": (Role.LEADER, add_episodes, True),
    "housing:evictions": (Role.LEADER, add_evictions, True),
    "allocation:vacancies": (Role.LEADER, add_vacancies, False),
    "allocation:meetings": (Role.LEADER, add_meetings, False),
    "accounts:users": (Role.ADMINISTRATOR, add_users, False),
}


@pytest.fixture
def world(users_a, municipality_a, worker_a, person_factory, small_pages):
    return World(users_a, municipality_a, worker_a, person_factory)


def people_logged_by(request_path, before_id):
    return set(
        AccessLogEntry.objects.filter(id__gt=before_id, action=Action.READ, path__startswith=request_path)
        .exclude(person_id=None)
        .values_list("person_id", flat=True)
    )


def last_log_id():
    return AccessLogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0


@pytest.mark.parametrize("name", PAGES)
def test_a_list_shows_one_page_and_a_link_to_the_next(name, world, login):
    role, build, citizens = PAGES[name]
    build(world, N)
    client = login(world.users[role])
    url = reverse(name)
    before = last_log_id()
    response = client.get(url)
    assert response.status_code == 200
    page = response.context["page"]
    assert len(page.object_list) == PAGE
    assert page.paginator.count >= N
    html = response.content.decode()
    assert 'class="pagination"' in html and "side=2" in html
    if citizens:
        assert len(people_logged_by(url, before)) == PAGE
    second = client.get(url + "?side=2")
    assert second.status_code == 200 and second.context["page"].number == 2


@pytest.mark.parametrize("name", PAGES)
def test_a_lists_query_count_does_not_grow_with_its_rows(name, world, login):
    role, build, _citizens = PAGES[name]
    client = login(world.users[role])
    url = reverse(name)
    counts = []
    for n in (N, 2 * N):  # N, then 3N in all
        build(world, n)
        client.get(url)  # warm: sessions, caches
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.parametrize("odd", ["abc", "0", "-1", "99999", "1e5", "2" * 30])
def test_an_odd_page_number_shows_a_page(odd, world, login):
    add_landlords(world, N)
    response = login(world.users[Role.LEADER]).get(reverse("housing:landlords"), {"side": odd})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) >= 1


def test_the_filters_are_kept_in_the_page_links(world, login):
    add_landlords(world, N)
    response = login(world.users[Role.LEADER]).get(reverse("housing:landlords"), {"navn": "Udlejer"})
    assert "navn=Udlejer&amp;side=2" in response.content.decode()


def test_the_landlord_filter_narrows_by_name(world, login):
    add_landlords(world, N)
    Landlord.objects.create(municipality=world.municipality, name="Fjordbo")
    response = login(world.users[Role.LEADER]).get(reverse("housing:landlords"), {"navn": "fjord"})
    assert [landlord.name for landlord in response.context["page"].object_list] == ["Fjordbo"]


def test_the_episode_list_filters_by_worker_and_keeps_the_filter(world, login):
    add_episodes(world, N + 1)
    other = make_user(world.municipality, Role.SUPPORT_WORKER, username="anden")
    SupportEpisode.objects.filter(pk=SupportEpisode.objects.order_by("id").first().pk).update(worker=other)
    client = login(world.users[Role.LEADER])
    response = client.get(reverse("support:episodes"), {"worker": other.pk})
    assert [r["episode"].worker_id for r in response.context["rows"]] == [other.pk]
    response = client.get(reverse("support:episodes"), {"worker": world.users[Role.SUPPORT_WORKER].pk})
    assert f"worker={world.users[Role.SUPPORT_WORKER].pk}&amp;side=2" in response.content.decode()


def test_the_unit_list_filters_by_landlord(world, login):
    add_units(world, N)
    landlord = Landlord.objects.get(municipality=world.municipality, name="Udlejer 0")
    response = login(world.users[Role.LEADER]).get(reverse("housing:units"), {"landlord": landlord.pk})
    assert {u.landlord_id for u in response.context["page"].object_list} == {landlord.pk}


# --- the access log page: keyset ------------------------------------------------------------------------


def write_log(municipality, n, purpose="Test"):
    for i in range(n):
        log_access(actor=None, municipality=municipality, action=Action.READ, purpose=f"{purpose} {i}")


def log_ids_shown(response):
    return [e.pk for e in response.context["page"].object_list]


def test_the_log_page_goes_older_and_newer_by_keyset_without_counting(world, login, municipality_a):
    write_log(municipality_a, 5)
    client = login(world.users[Role.LEADER])
    url = reverse("audit:log")
    everything = list(
        AccessLogEntry.objects.filter(municipality=municipality_a)
        .order_by("-at", "-id")
        .values_list("id", flat=True)
    )
    with CaptureQueriesContext(connection) as queries:
        first = client.get(url)
    assert not any("COUNT(" in q["sql"].upper() for q in queries.captured_queries)
    assert log_ids_shown(first) == everything[:PAGE]
    older = re.search(r'aeldre=([0-9-]+)"', first.content.decode()).group(1)
    assert "nyere=" not in first.content.decode()

    with CaptureQueriesContext(connection) as queries:
        second = client.get(url, {"aeldre": older})
    assert not any("COUNT(" in q["sql"].upper() for q in queries.captured_queries)
    assert log_ids_shown(second) == everything[PAGE : 2 * PAGE]
    newer = re.search(r'nyere=([0-9-]+)"', second.content.decode()).group(1)
    back = client.get(url, {"nyere": newer})
    assert log_ids_shown(back) == everything[:PAGE]


def test_the_log_page_keeps_its_filters_in_the_links(world, login, municipality_a):
    write_log(municipality_a, 5)
    response = login(world.users[Role.LEADER]).get(reverse("audit:log"), {"action": Action.READ})
    assert re.search(r"action=read&amp;aeldre=[0-9-]+", response.content.decode())


def test_the_log_pages_query_count_does_not_grow_with_the_log(world, login, municipality_a):
    client = login(world.users[Role.LEADER])
    counts = []
    for n in (N, 2 * N):
        write_log(municipality_a, n)
        client.get(reverse("audit:log"))
        with CaptureQueriesContext(connection) as queries:
            client.get(reverse("audit:log"))
        counts.append(len(queries))
    assert counts[0] == counts[1]


@pytest.mark.parametrize("odd", ["abc", "1-", "-1", "12-abc", "9" * 40 + "-1", "1-" + "9" * 40, ""])
def test_an_odd_log_cursor_shows_the_newest_page(odd, world, login, municipality_a):
    write_log(municipality_a, 3)
    client = login(world.users[Role.LEADER])
    for param in ("aeldre", "nyere"):
        assert client.get(reverse("audit:log"), {param: odd}).status_code == 200


def test_cursors_round_trip_to_the_microsecond():
    at = timezone.now().replace(microsecond=123456)
    assert parse_cursor(cursor_of(at, 42)) == (at, 42)
    assert parse_cursor("abc") is None and parse_cursor(None) is None


def test_keyset_walks_the_whole_log_once(municipality_a):
    write_log(municipality_a, 7)
    qs = AccessLogEntry.objects.filter(municipality=municipality_a)
    seen, page = [], keyset_page(qs, size=3)
    while True:
        seen += [e.pk for e in page.object_list]
        if not page.older:
            break
        page = keyset_page(qs, size=3, older_than=parse_cursor(page.older))
    assert seen == list(qs.order_by("-at", "-id").values_list("id", flat=True))


def test_page_of_gives_the_first_or_last_page_for_anything_else():
    assert page_of(list(range(5)), "abc", size=2).number == 1
    assert page_of(list(range(5)), "99", size=2).number == 3


def test_a_page_of_ids_loads_only_its_rows_in_the_pages_order(municipality_a):
    """page_of_ids chooses the page by ids (filters and order), then reads only those rows; a row gone
    between the two reads is left out rather than failing the page."""
    for name in ["Cecilie", "Anna", "Bo", "Dorte", "Erik"]:
        Landlord.objects.create(municipality=municipality_a, name=name)
    ordered = Landlord.objects.filter(municipality=municipality_a).order_by("name", "id")
    loaded = []

    def load(ids):
        loaded.append(list(ids))
        return Landlord.objects.filter(pk__in=ids).order_by("-name")  # any order: the page's order wins

    page = page_of_ids(ordered, "2", size=2, load=load)
    assert [landlord.name for landlord in page.object_list] == ["Cecilie", "Dorte"]
    assert len(loaded) == 1 and len(loaded[0]) == 2
    assert page.paginator.count == 5 and page.number == 2

    def load_one_gone(ids):
        return Landlord.objects.filter(pk__in=ids).exclude(name="Cecilie")

    page = page_of_ids(ordered, "2", size=2, load=load_one_gone)
    assert [landlord.name for landlord in page.object_list] == ["Dorte"]
