"""Monthly figures (people/figures.py) and the figures selector on known data."""

from datetime import date

import pytest

from people import selectors, services
from people.figures import (
    add_months,
    birth_date_range,
    month_end,
    monthly_series,
    months_between,
    shelter_counts,
)


def test_month_end_handles_february_in_a_leap_year():
    assert month_end(date(2024, 2, 10)) == date(2024, 2, 29)
    assert month_end(date(2025, 2, 10)) == date(2025, 2, 28)


def test_add_months_crosses_the_year():
    assert add_months(date(2024, 11, 1), 3) == date(2025, 2, 1)
    assert add_months(date(2025, 1, 1), -1) == date(2024, 12, 1)


def test_months_between_includes_both_ends():
    assert months_between(date(2024, 11, 30), date(2025, 1, 1)) == [
        date(2024, 11, 1),
        date(2024, 12, 1),
        date(2025, 1, 1),
    ]


def test_shelter_count_is_taken_on_the_last_day_of_the_month():
    months = [date(2025, 1, 1), date(2025, 2, 1)]
    spans = [
        (date(2025, 1, 31), None),  # arrives on the last day: counted in January
        (date(2025, 1, 5), date(2025, 1, 31)),  # leaves on the last day: not there at month end
        (date(2025, 2, 1), date(2025, 2, 27)),  # a stay inside February: not there at its end
    ]
    assert shelter_counts(spans, months, today=date(2025, 6, 1)) == {date(2025, 1, 1): 1, date(2025, 2, 1): 1}


def test_shelter_count_for_the_current_month_is_taken_today():
    spans = [(date(2025, 3, 1), date(2025, 3, 20))]
    assert shelter_counts(spans, [date(2025, 3, 1)], today=date(2025, 3, 10)) == {date(2025, 3, 1): 1}


def test_monthly_series_keeps_a_running_number_active():
    months = [date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)]
    rows = monthly_series(
        months=months,
        inflow={date(2025, 1, 1): 3, date(2025, 3, 1): 1},
        outflow={date(2025, 2, 1): 2},
        active_before=5,
        shelter={},
    )
    assert [(r.inflow, r.outflow, r.active_end) for r in rows] == [(3, 0, 8), (0, 2, 6), (1, 0, 7)]


def test_birth_date_range_for_an_age_group_is_inclusive():
    earliest, latest = birth_date_range(date(2025, 6, 1), 18, 24)
    assert latest == date(2007, 6, 1)  # 18 today
    assert earliest == date(2000, 6, 2)  # 24 until tomorrow


# --- list_figures on known data, with a second municipality that must not count ---

TODAY = date(2025, 3, 15)


@pytest.fixture
def known_data(worker_a, worker_b, person_factory):
    # Before the window (December): one person entering the list, still active.
    person_factory(worker_a, first_name="Før", last_name="Vinduet", start=date(2024, 12, 31))
    # Enters on the last day of January, housed on the first of February after 1 day.
    p = person_factory(worker_a, first_name="Ja", last_name="Nuar", start=date(2025, 1, 31))
    services.situation_record(actor=worker_a, person=p, situation="own_home", start_date=date(2025, 2, 1))
    # Enters on 1 January, housed after 21 days.
    q = person_factory(worker_a, first_name="Fe", last_name="Bruar", start=date(2025, 1, 1))
    services.situation_record(actor=worker_a, person=q, situation="own_home", start_date=date(2025, 1, 22))
    # At a shelter from the last day of February; at a shelter only during January.
    person_factory(worker_a, first_name="Bo", last_name="Form", situation="shelter", start=date(2025, 2, 28))
    r = person_factory(
        worker_a, first_name="Kort", last_name="Ophold", situation="shelter", start=date(2025, 1, 2)
    )
    services.situation_record(actor=worker_a, person=r, situation="street", start_date=date(2025, 1, 31))
    # Municipality B: inflow, outflow and a shelter stay that must not appear in A's figures.
    for i in range(3):
        b = person_factory(
            worker_b, first_name=f"B{i}", last_name="Odense", situation="shelter", start=date(2025, 1, 10)
        )
        services.situation_record(
            actor=worker_b, person=b, situation="own_home", start_date=date(2025, 2, 10)
        )


def test_figures_count_inflow_in_the_month_of_entry_including_month_ends(known_data, worker_a):
    rows = selectors.list_figures(worker_a, today=TODAY, months=3)["rows"]
    assert [r.month for r in rows] == [date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)]
    assert [r.inflow for r in rows] == [3, 1, 0]


def test_figures_count_outflow_in_the_month_of_housing(known_data, worker_a):
    rows = selectors.list_figures(worker_a, today=TODAY, months=3)["rows"]
    assert [r.outflow for r in rows] == [1, 1, 0]


def test_figures_carry_people_active_before_the_window(known_data, worker_a):
    rows = selectors.list_figures(worker_a, today=TODAY, months=3)["rows"]
    assert [r.active_end for r in rows] == [1 + 3 - 1, 3 + 1 - 1, 3]


def test_figures_count_people_at_a_shelter_at_month_end(known_data, worker_a):
    rows = selectors.list_figures(worker_a, today=TODAY, months=3)["rows"]
    assert [r.at_shelter_end for r in rows] == [0, 1, 1]


def test_figures_average_days_to_housing(known_data, worker_a):
    data = selectors.list_figures(worker_a, today=TODAY, months=3)
    assert data["housed_count"] == 2
    assert data["avg_days_to_housing"] == 11  # (1 + 21) / 2


def test_figures_current_counts(known_data, worker_a):
    current = selectors.list_figures(worker_a, today=TODAY, months=3)["current"]
    assert current == {"active": 3, "homeless": 3, "at_risk": 0, "shelter": 1, "needs_list": 0}


def test_figures_of_the_other_municipality_are_their_own(known_data, worker_b):
    data = selectors.list_figures(worker_b, today=TODAY, months=3)
    assert [(r.inflow, r.outflow, r.at_shelter_end) for r in data["rows"]] == [
        (3, 0, 3),
        (0, 3, 0),
        (0, 0, 0),
    ]
    assert data["avg_days_to_housing"] == 31
