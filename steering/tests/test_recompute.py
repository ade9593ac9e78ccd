"""The front page's measures equal an independent recomputation in plain SQL from the raw rows, on
generated histories written through the services (SQLite and PostgreSQL)."""

import random
from datetime import date, timedelta

import pytest
from django.db import connection

from accounts.roles import Role
from people import selectors as people_selectors
from people import services
from people.situations import HOMELESS
from people.statuses import ACTIVE
from steering import selectors

TODAY = date.today()
HOMELESS_SQL = ", ".join(f"'{s.value}'" for s in HOMELESS)
ACTIVE_SQL = ", ".join(f"'{s.value}'" for s in ACTIVE)


def _generate(actor, n=30, seed=7):
    rng = random.Random(seed)
    for i in range(n):
        start = TODAY - timedelta(days=rng.randint(30, 900))
        person = services.person_create(
            actor=actor,
            first_name=f"Borger{i}",
            last_name="Test",
            situation=rng.choice(["street", "shelter", "sofa_surfer", "eviction_case"]),
            situation_start=start,
            birth_year=TODAY.year - rng.randint(18, 60),
        )
        day = start
        for _ in range(rng.randint(0, 4)):
            day = day + timedelta(days=rng.randint(10, 200))
            if day >= TODAY:
                break
            services.situation_record(
                actor=actor,
                person=person,
                situation=rng.choice(["street", "shelter", "shelter", "own_home", "hotel"]),
                start_date=day,
            )


def _one(sql, params):
    with connection.cursor() as c:
        c.execute(sql, params)
        return c.fetchall()


def _homeless_on(m, day, extra=""):
    """Active on the list that day (the last status change on or before it) and in one of the count's
    situations by the period covering the day."""
    return _one(
        f"""
        SELECT sp.situation, COUNT(*) FROM people_person p
        JOIN people_situationperiod sp ON sp.person_id = p.id
        WHERE p.municipality_id = %s AND sp.start_date <= %s AND (sp.end_date IS NULL OR sp.end_date > %s)
          AND sp.situation IN ({HOMELESS_SQL})
          AND (SELECT sc.status FROM people_statuschange sc WHERE sc.person_id = p.id AND sc.changed_on <= %s
               ORDER BY sc.changed_on DESC, sc.id DESC LIMIT 1) IN ({ACTIVE_SQL})
          {extra}
        GROUP BY sp.situation
        """,
        [m.pk, day, day, day],
    )


@pytest.fixture
def data(municipality_a, users_a, actor_factory):
    actor = actor_factory(users_a[Role.LEADER], municipality_a, Role.LEADER)
    _generate(actor)
    return actor


@pytest.mark.django_db
def test_homeless_by_situation_now_and_a_year_ago_equal_sql(data):
    m = data.municipality
    out = selectors.homelessness(data, today=TODAY)
    for side, day in (("now", TODAY), ("then", date.fromisoformat(out["a_year_ago"]))):
        expected = dict(_homeless_on(m, day))
        assert out[side]["by_situation"] == expected, side
        assert out[side]["homeless"] == sum(expected.values())
        assert out[side]["shelter"] == expected.get("shelter", 0)
    assert out["now"]["homeless"] > 0 and out["then"]["homeless"] > 0  # the data means something


@pytest.mark.django_db
def test_now_equals_the_by_name_lists_own_current_count(data):
    out = selectors.homelessness(data, today=TODAY)
    current = people_selectors.list_figures(data, today=TODAY)["current"]
    assert out["now"]["homeless"] == current["homeless"]
    assert out["now"]["shelter"] == current["shelter"]


@pytest.mark.django_db
def test_young_hit_and_days_to_housing_equal_sql(data):
    m = data.municipality
    out = selectors.homelessness(data, today=TODAY)
    young = _homeless_on(m, TODAY, extra=f"AND {TODAY.year} - p.birth_year BETWEEN 18 AND 24")
    assert out["now"]["young"] == sum(n for _, n in young)
    start = (
        TODAY.replace(year=TODAY.year - 1) + timedelta(days=1)
        if not (TODAY.month == 2 and TODAY.day == 29)
        else TODAY
    )
    [(hit,)] = _one(
        f"""SELECT COUNT(DISTINCT person_id) FROM people_situationperiod WHERE municipality_id = %s
            AND situation IN ({HOMELESS_SQL}) AND start_date <= %s AND (end_date IS NULL OR end_date > %s)""",
        [m.pk, TODAY, start],
    )
    assert out["now"]["window"]["hit"] == hit > 0
    [(n, avg)] = _one(
        f"""SELECT COUNT(*), AVG(days_on_list) FROM people_statuschange WHERE municipality_id = %s
            AND status = 'housed' AND previous_status IN ({ACTIVE_SQL}) AND changed_on BETWEEN %s AND %s""",
        [m.pk, start, TODAY],
    )
    assert out["now"]["window"]["to_housing"]["count"] == n
    assert out["now"]["window"]["to_housing"]["mean"] == (round(float(avg)) if n else None)


@pytest.mark.django_db
def test_long_term_equals_the_by_name_lists_filter(data, client, users_a):
    """The figure and the list its link opens show the same people."""
    out = selectors.homelessness(data, today=TODAY)
    for code, key in (("gt6m", "long_term_6"), ("gt12m", "long_term_12")):
        listed = people_selectors.by_name_list(
            data, filters={"status": "active", "situation": "homeless", "duration": code}, today=TODAY
        ).count()
        assert out["now"][key] == listed, code


@pytest.mark.django_db
def test_another_municipality_is_never_counted(data, municipality_b, users_b, actor_factory):
    actor_b = actor_factory(users_b[Role.LEADER], municipality_b, Role.LEADER)
    assert selectors.homelessness(actor_b, today=TODAY)["now"]["homeless"] == 0
