from datetime import date

from core import dates

TODAY = date(2026, 11, 30)


def test_a_date_that_happened_may_be_today_but_not_tomorrow():
    assert dates.happened_problem(TODAY, today=TODAY) is None
    assert dates.happened_problem(date(2026, 12, 1), today=TODAY) == "Datoen ligger i fremtiden."


def test_a_date_before_1900_is_refused_whatever_its_kind():
    assert "1900" in dates.happened_problem(date(1899, 12, 31), today=TODAY)
    assert "1900" in dates.planned_problem(date(1899, 12, 31), today=TODAY)


def test_a_planned_date_may_lie_ahead_within_the_horizon_but_never_in_year_9999():
    assert dates.planned_problem(date(2031, 11, 30), today=TODAY) is None
    assert "5 år" in dates.planned_problem(date(2031, 12, 1), today=TODAY)
    assert dates.planned_problem(date(9999, 12, 31), today=TODAY) is not None


def test_no_date_is_no_problem():
    assert dates.happened_problem(None, today=TODAY) is None
    assert dates.planned_problem(None, today=TODAY) is None


def test_the_horizon_from_29_february_is_28_february():
    assert dates.latest_planned(date(2028, 2, 29)) == date(2033, 2, 28)
