"""Who may see what (accounts/roles.py through the views): analysts see figures only, protected
people are hidden from lists, full CPR only for capable roles and logged."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from audit.models import AccessLogEntry, Action

pytestmark = pytest.mark.django_db

RECENT = timezone.localdate() - timedelta(days=10)


@pytest.fixture
def anna(worker_a, person_factory):
    return person_factory(worker_a, first_name="Anna", last_name="Aalborg", cpr="010190-1234", start=RECENT)


@pytest.fixture
def hidden(worker_a, person_factory):
    """Protected, with the outreach worker of A as their own worker (the creator)."""
    return person_factory(
        worker_a, first_name="Hemmelig", last_name="Beskyttet", protected=True, start=RECENT
    )


def name_pages(pk):
    return [
        ("get", reverse("people:list")),
        ("get", reverse("people:needs_list")),
        ("get", reverse("people:create")),
        ("get", reverse("people:detail", args=[pk])),
        ("get", reverse("people:edit", args=[pk])),
        ("get", reverse("people:needs_edit", args=[pk])),
        ("get", reverse("people:export", args=["csv"])),
        ("get", reverse("people:export", args=["xlsx"])),
        ("post", reverse("people:reveal_cpr", args=[pk])),
        ("get", reverse("audit:log")),
        ("get", reverse("audit:person_export", args=[pk])),
    ]


def test_analyst_gets_no_access_on_every_page_with_names(login, users_a, anna):
    client = login(users_a[Role.ANALYST])
    for method, url in name_pages(anna.pk):
        response = getattr(client, method)(url)
        assert response.status_code == 403, url
        assert "Aalborg" not in response.content.decode(), url


def test_analyst_sees_the_figures_page(login, users_a, anna):
    response = login(users_a[Role.ANALYST]).get(reverse("people:figures"))
    assert response.status_code == 200
    assert "Aalborg" not in response.content.decode()


def test_analyst_is_sent_from_home_to_the_leaders_overview(login, users_a):
    # The same figures a leader steers by, without names (issue 12).
    assert login(users_a[Role.ANALYST]).get("/").url == reverse("steering:front")


def test_analyst_reads_are_not_logged_as_person_reads(login, users_a, anna):
    login(users_a[Role.ANALYST]).get(reverse("people:detail", args=[anna.pk]))
    assert not AccessLogEntry.objects.filter(action=Action.READ, person_id=anna.pk).exists()


@pytest.mark.parametrize("role", [Role.LEADER, Role.HOUSING_BROKER, Role.SUPPORT_WORKER])
def test_protected_person_is_hidden_from_the_list_for_other_than_own_workers(
    role, login, users_a, anna, hidden
):
    client = login(users_a[role])
    listing = client.get(reverse("people:list")).content.decode()
    search = client.get(reverse("people:list"), {"q": "Hemmelig"}).content.decode()
    assert "Aalborg" in listing
    assert "Beskyttet" not in listing and "Beskyttet" not in search


@pytest.mark.parametrize("role", [Role.LEADER, Role.SUPPORT_WORKER])
def test_protected_person_is_hidden_from_the_needs_list_for_other_than_own_workers(
    role, login, users_a, worker_a, hidden
):
    from people import services

    services.needs_list_register(actor=worker_a, person=hidden, registered_on=RECENT, max_rent=3000)
    assert "Beskyttet" not in login(users_a[role]).get(reverse("people:needs_list")).content.decode()


def test_protected_person_is_in_the_list_and_search_for_their_own_worker(login, users_a, hidden):
    client = login(users_a[Role.OUTREACH_WORKER])
    assert "Beskyttet" in client.get(reverse("people:list")).content.decode()
    assert "Beskyttet" in client.get(reverse("people:list"), {"q": "Hemmelig"}).content.decode()


def test_protected_person_is_not_in_a_non_own_workers_export(login, users_a, hidden):
    body = (
        login(users_a[Role.LEADER]).get(reverse("people:export", args=["csv"])).getvalue().decode("utf-8-sig")
    )
    assert "Beskyttet" not in body


def test_leader_may_open_a_protected_persons_page(login, users_a, hidden):
    response = login(users_a[Role.LEADER]).get(reverse("people:detail", args=[hidden.pk]))
    assert response.status_code == 200
    assert "Beskyttet" in response.content.decode()


def test_non_own_support_worker_gets_404_on_a_protected_persons_page(login, users_a, hidden):
    response = login(users_a[Role.SUPPORT_WORKER]).get(reverse("people:detail", args=[hidden.pk]))
    assert response.status_code == 404
    assert "Beskyttet" not in response.content.decode()


def test_support_worker_who_is_an_own_worker_opens_the_protected_page(login, users_a, hidden):
    hidden.workers.add(users_a[Role.SUPPORT_WORKER])
    assert (
        login(users_a[Role.SUPPORT_WORKER]).get(reverse("people:detail", args=[hidden.pk])).status_code == 200
    )


def test_person_page_shows_the_cpr_masked(login, users_a, anna):
    body = login(users_a[Role.SUPPORT_WORKER]).get(reverse("people:detail", args=[anna.pk])).content.decode()
    assert "010190-XXXX" in body
    assert "0101901234" not in body and "010190-1234" not in body


@pytest.mark.parametrize("role", [Role.HOUSING_BROKER, Role.SUPPORT_WORKER, Role.OUTREACH_WORKER])
def test_full_cpr_is_revealed_to_capable_roles_and_logged(role, login, users_a, anna):
    response = login(users_a[role]).post(reverse("people:reveal_cpr", args=[anna.pk]))
    assert response.status_code == 200
    assert "010190-1234" in response.content.decode()
    entry = AccessLogEntry.objects.get(action=Action.REVEAL_CPR, person_id=anna.pk)
    assert (entry.user, entry.role) == (users_a[role], role)


@pytest.mark.parametrize("role", [Role.LEADER, Role.ADMINISTRATOR, Role.ANALYST])
def test_full_cpr_is_refused_to_other_roles(role, login, users_a, anna):
    response = login(users_a[role]).post(reverse("people:reveal_cpr", args=[anna.pk]))
    assert response.status_code == 403
    assert "1234" not in response.content.decode()
    assert not AccessLogEntry.objects.filter(action=Action.REVEAL_CPR).exists()


def test_full_cpr_reveal_needs_a_post(login, users_a, anna):
    assert (
        login(users_a[Role.SUPPORT_WORKER]).get(reverse("people:reveal_cpr", args=[anna.pk])).status_code
        == 405
    )


def test_reveal_button_is_shown_only_to_capable_roles(login, users_a, anna):
    url = reverse("people:detail", args=[anna.pk])
    assert "Vis fuldt CPR-nummer" in login(users_a[Role.SUPPORT_WORKER]).get(url).content.decode()
    assert "Vis fuldt CPR-nummer" not in login(users_a[Role.LEADER]).get(url).content.decode()


def test_full_cpr_of_a_protected_person_is_refused_to_a_non_own_worker(login, users_a, worker_a, hidden):
    from people import services

    services.person_update(actor=worker_a, person=hidden, cpr="020290-1234")
    response = login(users_a[Role.SUPPORT_WORKER]).post(reverse("people:reveal_cpr", args=[hidden.pk]))
    assert response.status_code == 404


def test_hidden_in_lists_is_exactly_who_visible_in_lists_leaves_out(users_a, worker_a, person_factory):
    """The protected-people rule in its two forms (people.selectors): the lists of people use one, the
    lists of other rows (support) the other; they must hide the same people."""
    from people.models import Person
    from people.selectors import hidden_in_lists, visible_in_lists

    shown, own, other = (person_factory(worker_a, last_name=n) for n in ("Aaben", "Egen", "Fremmed"))
    for p in (own, other):
        p.protected = True
        p.save(update_fields=["protected"])
    other.workers.remove(worker_a.user)  # the worker who registers a citizen becomes their worker
    everyone = set(Person.objects.filter(municipality=worker_a.municipality).values_list("pk", flat=True))
    visible = set(visible_in_lists(worker_a).values_list("pk", flat=True))
    hidden = {row["pk"] for row in hidden_in_lists(worker_a)}
    assert hidden == {other.pk} == everyone - visible
    assert shown.pk in visible and own.pk in visible
