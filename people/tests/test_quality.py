"""The by-name list's quality (people.selectors.list_quality) on known data: real counts per check, the
other municipality never counted, analysts see counts without links, and each link's filtered list
holds exactly the people counted."""

import random
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from core.tests.test_english import english
from people import quality, selectors, services
from people.models import Person
from people.quality import Check

TODAY = timezone.localdate()


def ago(days):
    return TODAY - timedelta(days=days)


@pytest.fixture
def leader_a(users_a, municipality_a, actor_factory):
    return actor_factory(users_a[Role.LEADER], municipality_a, Role.LEADER)


@pytest.fixture
def analyst_a(users_a, municipality_a, actor_factory):
    return actor_factory(users_a[Role.ANALYST], municipality_a, Role.ANALYST)


def _defects(actor, person_factory, prefix=""):
    """People on the active list, each named after what is wrong (created by the actor, who becomes
    their own worker unless cleared)."""
    made = {}

    def make(key, first, last, **kw):
        kw.setdefault("birth_year", 1980)
        kw.setdefault("start", ago(10))
        made[key] = person_factory(actor, first_name=first, last_name=f"{last} {prefix}".strip(), **kw)
        return made[key]

    make("ok", "Helle", "Nielsen")
    make("dup1", "Jens", "Hansen")
    make("dup2", "Hansen", "Jens")  # the same name the other way round, same birth year
    make("other_year", "Jens", "Hansen", birth_year=1981)  # not a duplicate: another birth year
    make("stale", "Mette", "Olsen", start=ago(120), birth_year=None)  # no update and no birth year
    make("no_worker", "Kurt", "Berg").workers.clear()
    make("silent", "Bo", "Form", situation="shelter", start=ago(60), place="Forsorgshjemmet")
    make("reporting", "Hanne", "Herberg", situation="shelter", start=ago(5), place="Herberget")
    no_situation = make("no_situation", "Sif", "Uden")
    Person.objects.filter(pk=no_situation.pk).update(current_situation="")  # e.g. an older import
    protected = make("protected", "Skjult", "Person", protected=True)
    protected.workers.clear()  # no worker: counted, but no reader sees them in a list
    # Housed: off the active list, so never counted, although the name and birth year match.
    housed = make("housed", "Jens", "Hansen")
    services.situation_record(actor=actor, person=housed, situation="own_home", start_date=ago(2))
    return made


@pytest.fixture
def known(worker_a, worker_b, person_factory):
    people = _defects(worker_a, person_factory)
    _defects(worker_b, person_factory, prefix="B")  # the same defects in Odense: never in A's counts
    return people


EXPECTED = {
    Check.DUPLICATES: {"dup1", "dup2"},
    Check.NO_UPDATE: {"stale"},
    Check.NO_BIRTH_YEAR: {"stale"},
    Check.NO_SITUATION: {"no_situation"},
    Check.NO_WORKER: {"no_worker", "protected"},
    Check.SILENT_SHELTER: {"silent"},
}


def _rows(data):
    return {r["code"]: r for r in data["rows"]}


def test_each_check_counts_the_people_it_describes(known, leader_a):
    data = selectors.list_quality(leader_a, today=TODAY)
    assert data["active"] == 10  # eleven made, one housed
    assert {code: r["count"] for code, r in _rows(data).items()} == {
        "duplicates": 2,
        "no_update": 1,
        "no_birth_year": 1,
        "no_situation": 1,
        "no_worker": 2,
        "silent_shelter": 1,
    }


def test_shares_are_of_the_active_list(known, leader_a):
    rows = _rows(selectors.list_quality(leader_a, today=TODAY))
    assert rows["duplicates"]["share"] == 20.0
    assert rows["no_update"]["share"] == 10.0


def test_the_silent_shelter_is_named_with_its_last_report(known, leader_a):
    shelters = selectors.list_quality(leader_a, today=TODAY)["shelters"]
    assert [(s.name, s.last_report, s.days_silent) for s in shelters] == [("Forsorgshjemmet", ago(60), 60)]


def test_a_shelter_reporting_a_new_stay_is_no_longer_silent(known, worker_a, leader_a, person_factory):
    person_factory(
        worker_a,
        first_name="Ny",
        last_name="Beboer",
        situation="shelter",
        start=ago(1),
        place="forsorgshjemmet",
        birth_year=1990,
    )
    data = selectors.list_quality(leader_a, today=TODAY)
    assert data["shelters"] == []
    assert _rows(data)["silent_shelter"]["count"] == 0


def test_the_inactivity_window_is_the_municipalitys_own(known, leader_a, municipality_a):
    municipality_a.inactive_after_days = 5
    municipality_a.save()
    rows = _rows(selectors.list_quality(leader_a, today=TODAY))
    # Everyone on the list has been without an update for 5 days or more (the newest, at the shelter
    # that still reports, exactly 5): all ten are due.
    assert rows["no_update"]["count"] == 10
    assert "5 dage" in rows["no_update"]["label"]


def test_another_municipality_counts_only_its_own(known, worker_b):
    data = selectors.list_quality(worker_b, today=TODAY)
    assert data["active"] == 10
    assert _rows(data)["duplicates"]["count"] == 2
    assert [s.name for s in data["shelters"]] == ["Forsorgshjemmet"]


def test_an_empty_list_has_no_share(db, leader_a):
    data = selectors.list_quality(leader_a, today=TODAY)
    assert data["active"] == 0
    assert all(r["count"] == 0 and r["share"] is None and r["url"] is None for r in data["rows"])


def test_people_hidden_from_the_reader_are_counted_and_said_so(known, leader_a):
    rows = _rows(selectors.list_quality(leader_a, today=TODAY))
    assert rows["no_worker"]["hidden"] == 1  # the protected person: no one is their worker
    assert rows["duplicates"]["hidden"] == 0


@pytest.mark.parametrize("check", list(Check))
def test_the_filtered_by_name_list_shows_exactly_the_people_counted(known, leader_a, check):
    row = _rows(selectors.list_quality(leader_a, today=TODAY))[check.value]
    shown = selectors.by_name_list(leader_a, filters={"kvalitet": check.value}, today=TODAY)
    expected = {known[k].pk for k in EXPECTED[check]}
    visible = {pk for pk in expected if not Person.objects.get(pk=pk).protected}
    assert {p.pk for p in shown} == visible
    assert row["count"] == len(expected)
    assert len(shown) == row["count"] - row["hidden"]


@pytest.mark.parametrize("check", list(Check))
def test_the_link_on_the_figures_page_lands_on_those_people(known, login, users_a, check):
    client = login(users_a[Role.LEADER])
    figures = client.get(reverse("people:figures")).content.decode()
    url = f"{reverse('people:list')}?kvalitet={check.value}"
    assert f'href="{url}"' in figures
    page = client.get(url).content.decode()
    linked = {int(pk) for pk in re.findall(r'href="/borgere/(\d+)/"', page)}
    assert linked == {known[k].pk for k in EXPECTED[check] if not known[k].protected}


def test_analysts_see_counts_but_no_links(known, analyst_a):
    data = selectors.list_quality(analyst_a, today=TODAY)
    assert _rows(data)["duplicates"]["count"] == 2
    assert all(r["url"] is None and r["hidden"] == 0 for r in data["rows"])


def test_the_figures_page_shows_an_analyst_the_quality_without_names_or_links(known, login, users_a):
    page = login(users_a[Role.ANALYST]).get(reverse("people:figures")).content.decode()
    assert "Listens kvalitet" in page
    assert "kvalitet=" not in page
    assert "Jens" not in page and "Forsorgshjemmet" in page  # a shelter's name is no personal data


def test_the_quality_section_is_in_english_for_an_english_reader(known, login, users_a):
    page = english(login(users_a[Role.LEADER])).get(reverse("people:figures")).content.decode()
    assert "Quality of the list" in page
    assert "Possible duplicates" in page


def test_counts_equal_a_recomputation_from_the_rows(worker_a, leader_a, person_factory):
    """Generated people with random names, birth years, CPR numbers and activity: the SQL counts equal
    the plain rules of people/quality.py applied to the rows."""
    rng = random.Random(12)
    for i in range(40):
        first, last = rng.choice([("Jens", "Hansen"), ("Søren", "Ærø"), ("Soeren", "Aeroe"), ("Ib", "Lund")])
        year = rng.choice([None, 1970, 1971])
        cpr = f"0101{str(year)[2:]}-{1000 + i:04d}" if year and rng.random() < 0.4 else ""
        person_factory(
            worker_a,
            first_name=first,
            last_name=last,
            birth_year=year,
            cpr=cpr,
            start=ago(rng.randrange(0, 200)),
        )
    rows = list(
        Person.objects.filter(municipality=leader_a.municipality).values(
            "id", "name_key", "birth_year", "cpr_hash", "last_activity_on"
        )
    )
    people = [quality.ListPerson(r["id"], r["name_key"], r["birth_year"], bool(r["cpr_hash"])) for r in rows]
    counted = _rows(selectors.list_quality(leader_a, today=TODAY))
    assert counted["duplicates"]["count"] == len(quality.possible_duplicates(people)) > 0
    stale = [r for r in rows if quality.is_without_update(r["last_activity_on"], today=TODAY, after_days=90)]
    assert counted["no_update"]["count"] == len(stale) > 0


def test_the_name_key_is_kept_when_a_name_changes(worker_a, person_factory):
    person = person_factory(worker_a, first_name="Per", last_name="Hansen", start=ago(3))
    services.person_update(actor=worker_a, person=person, last_name="Sørensen")
    assert Person.objects.get(pk=person.pk).name_key == "per sorensen"


def test_the_migration_fills_the_name_key_of_existing_people(worker_a, person_factory):
    from importlib import import_module
    from types import SimpleNamespace

    from django.apps import apps
    from django.db import connection

    person = person_factory(worker_a, first_name="Øster", last_name="Ærlig", start=ago(3))
    Person.objects.filter(pk=person.pk).update(name_key="")
    migration = import_module("people.migrations.0008_person_name_key")
    editor = SimpleNamespace(connection=connection, execute=lambda sql: connection.cursor().execute(sql))
    migration.fill_name_key(apps, editor)
    assert Person.objects.get(pk=person.pk).name_key == quality.name_key("Øster", "Ærlig") == "aerlig oster"
