"""The demo's counts: earlier weeks closed and complete, the latest (2026) open with forms partly filled."""

import random
from datetime import date

import pytest

from accounts.roles import Role
from count import demo_seed
from count import questionnaire as q
from count.models import CountForm, CountWeek

pytestmark = pytest.mark.django_db
TODAY = date(2026, 11, 30)


def test_demo_has_closed_earlier_counts_and_an_open_2026_week_partly_filled(
    users_a, municipality_a, worker_a, person_factory
):
    for i in range(24):
        person_factory(
            worker_a, first_name=f"Demo{i}", last_name="Borger", situation="street", start=date(2022, 12, 1)
        )
    staff = {role: users_a[role] for role in Role}
    demo_seed.seed(municipality=municipality_a, staff=staff, rng=random.Random(3), today=TODAY, areas=("By",))
    weeks = {w.year: w for w in CountWeek.objects.filter(municipality=municipality_a)}
    assert sorted(weeks) == [2024, 2026]  # 2022 is before the demo list has filled up
    assert [weeks[y].status for y in (2024, 2026)] == ["closed", "open"]
    for year in (2024,):
        forms = CountForm.objects.filter(count_week=weeks[year])
        assert forms.count() == 24 and all(f.complete for f in forms)
    latest = list(CountForm.objects.filter(count_week=weeks[2026]))
    assert len(latest) == 24
    complete = [f for f in latest if f.complete]
    assert 0 < len(complete) < 24
    assert any(not f.complete and f.answers != f.prefilled for f in latest)  # half-way
    assert any(f.answers == f.prefilled for f in latest)  # only the platform's values
    questions = q.questionnaire()
    for f in latest:
        assert q.clean(questions, f.answers) == (f.answers, [])
        assert f.complete == (not q.missing(questions, f.answers))


def test_demo_reset_removes_the_weeks(users_a, municipality_a):
    CountWeek.objects.create(
        municipality=municipality_a, year=2026, week_start=q.week_start(2026), form_version="2024"
    )
    demo_seed.reset([municipality_a])
    assert not CountWeek.objects.exists()
