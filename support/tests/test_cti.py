"""CTI's 9 months: contact period inside them, then 3 equal phases (seed 004, ch. 4)."""

from datetime import date, timedelta

import pytest

from support import cti

FRAME = {"total_months": 9, "contact_months": 1}


def test_add_months_clamps_to_the_last_day_of_a_shorter_month():
    assert cti.add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert cti.add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)  # leap year
    assert cti.add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    assert cti.add_months(date(2024, 11, 30), 3) == date(2025, 2, 28)
    assert cti.add_months(date(2025, 12, 15), 1) == date(2026, 1, 15)


@pytest.mark.parametrize(
    "start", [date(2025, 1, 31), date(2024, 2, 29), date(2024, 11, 30), date(2025, 3, 1)]
)
def test_periods_cover_exactly_nine_months_without_gaps(start):
    ps = cti.periods(start, **FRAME)
    assert [p.key for p in ps] == ["contact", "phase_1", "phase_2", "phase_3"]
    assert ps[0].start == start
    assert ps[-1].end == cti.add_months(start, 9)
    for a, b in zip(ps, ps[1:]):
        assert a.end == b.start


@pytest.mark.parametrize("start", [date(2025, 1, 31), date(2024, 2, 29), date(2024, 11, 30)])
def test_the_three_phases_are_equally_long_to_the_day(start):
    lengths = [p.days for p in cti.periods(start, **FRAME)[1:]]
    assert max(lengths) - min(lengths) <= 1


def test_start_31_january_gives_contact_period_to_28_february():
    ps = cti.periods(date(2025, 1, 31), **FRAME)
    assert ps[0].last_day == date(2025, 2, 27)
    assert ps[1].start == date(2025, 2, 28)
    assert ps[-1].last_day == date(2025, 10, 30)  # the course ends the day before 31 Oct
    # 28 Feb -> 31 Oct is 245 days: 82 + 82 + 81
    assert [p.days for p in ps[1:]] == [82, 82, 81]


def test_start_29_february_in_a_leap_year():
    ps = cti.periods(date(2024, 2, 29), **FRAME)
    assert ps[0].end == date(2024, 3, 29)
    assert ps[-1].end == date(2024, 11, 29)
    assert [p.days for p in ps[1:]] == [82, 82, 81]  # 29 Mar -> 29 Nov is 245 days


def test_start_30_november_crosses_a_new_year_and_february():
    ps = cti.periods(date(2024, 11, 30), **FRAME)
    assert ps[0].end == date(2024, 12, 30)
    assert ps[-1].end == date(2025, 8, 30)
    assert sum(p.days for p in ps[1:]) == (date(2025, 8, 30) - date(2024, 12, 30)).days


def test_current_phase_on_boundaries():
    start = date(2025, 1, 31)
    ps = cti.periods(start, **FRAME)
    assert cti.current(start, start - timedelta(days=1), **FRAME) == "before"
    assert cti.current(start, start, **FRAME) == "contact"
    assert cti.current(start, ps[1].start, **FRAME) == "phase_1"
    assert cti.current(start, ps[2].start - timedelta(days=1), **FRAME) == "phase_1"
    assert cti.current(start, ps[3].start, **FRAME) == "phase_3"
    assert cti.current(start, ps[3].end, **FRAME) == "after"


def test_without_contact_period_nine_months_split_in_three():
    ps = cti.periods(date(2025, 1, 1), total_months=9, contact_months=0)
    assert [p.key for p in ps] == ["phase_1", "phase_2", "phase_3"]
    assert ps[-1].end == date(2025, 10, 1)


def test_contact_period_as_long_as_the_course_is_refused():
    with pytest.raises(ValueError):
        cti.periods(date(2025, 1, 1), total_months=9, contact_months=9)
