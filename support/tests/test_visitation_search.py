"""The visitation's choice of support worker is a search (support/visitation.py): a large municipality has
hundreds of support workers, so the person page offers at most ASSIGN_CHOICES of them, those matching the
name typed, never the citizen's own or an inactive one; a small municipality sees all of them at once."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from conftest import make_user
from support import selectors
from support.models import WorkerProfile

from .helpers import icm_setup, recent

pytestmark = pytest.mark.django_db


def workers(municipality, n, *, prefix="Medarbejder", active=True):
    made = []
    for i in range(n):
        user = make_user(municipality, Role.SUPPORT_WORKER, username=f"{prefix.lower()}-{i:02d}")
        user.first_name, user.last_name = prefix, f"Nummer{i:02d}"
        user.save()
        made.append(
            WorkerProfile.objects.create(municipality=municipality, user=user, method="cti", active=active)
        )
    return made


def names(found):
    return [p.user.last_name for p in found]


def test_a_small_municipality_sees_every_worker_but_the_citizens_own(
    users_a, municipality_a, worker_a, person_factory
):
    boss, worker, _ = icm_setup(users_a, municipality_a)
    workers(municipality_a, 3)
    workers(municipality_a, 1, prefix="Stoppet", active=False)
    person = person_factory(worker_a, start=recent(30))
    person.workers.add(worker.user)
    found, more = selectors.workers_to_assign(boss, person=person)
    assert names(found) == ["Nummer00", "Nummer01", "Nummer02"] and not more


def test_a_large_municipality_is_searched_by_name_and_shows_at_most_a_page(
    users_a, municipality_a, worker_a, person_factory
):
    boss, _, _ = icm_setup(users_a, municipality_a)
    workers(municipality_a, selectors.ASSIGN_CHOICES + 5)
    workers(municipality_a, 2, prefix="Sanne")
    person = person_factory(worker_a, start=recent(30))
    assert selectors.workers_to_assign(boss, person=person) == ([], True)  # asks for a name
    found, more = selectors.workers_to_assign(boss, person=person, query="sanne")
    assert names(found) == ["Nummer00", "Nummer01"] and not more
    found, more = selectors.workers_to_assign(boss, person=person, query="Sanne nummer01")
    assert names(found) == ["Nummer01"]
    found, more = selectors.workers_to_assign(boss, person=person, query="medarbejder")
    assert len(found) == selectors.ASSIGN_CHOICES and more
    assert selectors.workers_to_assign(boss, person=person, query="ingen-findes") == ([], False)


def test_the_page_searches_without_javascript_and_the_search_answers_as_the_user_types(
    login, users_a, municipality_a, worker_a, person_factory
):
    icm_setup(users_a, municipality_a)
    workers(municipality_a, selectors.ASSIGN_CHOICES + 1)
    (sanne,) = workers(municipality_a, 1, prefix="Sanne")
    person = person_factory(worker_a, start=recent(30))
    client = login(users_a[Role.LEADER])
    page = reverse("people:detail", args=[person.pk])
    html = client.get(page + "?fane=stoette").content.decode()
    assert "Søg efter medarbejderens navn" in html and 'type="radio"' not in html
    html = client.get(page + "?fane=stoette&medarbejder=sanne").content.decode()
    assert f'value="{sanne.user_id}"' in html and html.count('type="radio"') == 1
    answer = client.get(
        reverse("support:person_worker_choices", args=[person.pk]) + "?medarbejder=Sanne",
        HTTP_HX_REQUEST="true",
    )
    assert answer.status_code == 200 and answer.content.decode().count('type="radio"') == 1
    assert "<html" not in answer.content.decode()
    nobody = client.get(reverse("support:person_worker_choices", args=[person.pk]) + "?medarbejder=Zoltan")
    assert "Ingen aktive støttemedarbejdere passer på „Zoltan“" in nobody.content.decode()
    response = client.post(
        reverse("support:person_worker_assign", args=[person.pk]), {"worker": str(sanne.user_id)}
    )
    assert response.status_code == 302 and person.workers.filter(pk=sanne.user_id).exists()


def test_the_search_is_the_municipalitys_own(
    login, users_a, users_b, municipality_a, municipality_b, worker_a, person_factory
):
    icm_setup(users_a, municipality_a)
    (other,) = workers(municipality_b, 1, prefix="Fremmed")
    person = person_factory(worker_a, start=recent(30))
    client = login(users_a[Role.LEADER])
    html = client.get(reverse("support:person_worker_choices", args=[person.pk]) + "?medarbejder=fremmed")
    assert "Fremmed" not in html.content.decode()
    client.post(reverse("support:person_worker_assign", args=[person.pk]), {"worker": str(other.user_id)})
    assert not person.workers.filter(pk=other.user_id).exists()
    # A person of another municipality is not found at all.
    b_client = login(users_b[Role.LEADER])
    assert b_client.get(reverse("support:person_worker_choices", args=[person.pk])).status_code == 404


def test_the_episode_lists_worker_filter_offers_a_team_at_a_time_in_a_large_municipality(
    login, users_a, municipality_a
):
    boss, _, team = icm_setup(users_a, municipality_a)
    extra = workers(municipality_a, selectors.FILTER_WORKERS + 1)
    found, complete = selectors.episode_filter_workers(boss)
    assert found == [] and not complete
    found, complete = selectors.episode_filter_workers(boss, worker_id=extra[3].user_id)
    assert [u.pk for u in found] == [extra[3].user_id] and not complete
    found, complete = selectors.episode_filter_workers(boss, team_id=team.pk)
    assert [u.pk for u in found] == [users_a[Role.SUPPORT_WORKER].pk] and complete
    client = login(users_a[Role.LEADER])
    html = client.get(reverse("support:episodes") + f"?worker={extra[3].user_id}").content.decode()
    assert "Vælg et team og tryk Vis forløb" in html and html.count("Medarbejder Nummer") == 1
    html = client.get(reverse("support:episodes") + f"?team={team.pk}").content.decode()
    assert "Vælg et team og tryk Vis forløb" not in html and "Medarbejder Nummer" not in html


def test_a_small_municipality_filters_by_any_of_its_workers(users_a, municipality_a):
    boss, _, _ = icm_setup(users_a, municipality_a)
    workers(municipality_a, 3)
    found, complete = selectors.episode_filter_workers(boss)
    assert len(found) == 4 and complete
