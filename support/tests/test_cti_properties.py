"""Properties of CTI's time frame (support/cti.py) for any start date and frame length."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from support import cti

FAST = settings(max_examples=150, deadline=None, database=None)
ORDER = ["before", "contact", "phase_1", "phase_2", "phase_3", "after"]

starts = st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31))


@st.composite
def frames(draw):
    total = draw(st.integers(2, 24))
    return {"total_months": total, "contact_months": draw(st.integers(0, total - 1))}


@FAST
@given(starts, frames())
def test_the_periods_partition_the_course_without_gaps(start, frame):
    ps = cti.periods(start, **frame)
    assert ps[0].start == start
    assert ps[-1].end == cti.planned_end(start, total_months=frame["total_months"])
    for a, b in zip(ps, ps[1:]):
        assert a.end == b.start
    assert sum(p.days for p in ps) == (ps[-1].end - start).days
    assert all(p.days > 0 for p in ps)


@FAST
@given(starts, frames())
def test_the_contact_period_comes_first_and_the_phases_are_equal_to_a_day(start, frame):
    ps = cti.periods(start, **frame)
    keys = [p.key for p in ps]
    if frame["contact_months"]:
        assert keys == ["contact", "phase_1", "phase_2", "phase_3"]
        assert ps[0].end == cti.add_months(start, frame["contact_months"])
    else:
        assert keys == ["phase_1", "phase_2", "phase_3"]
    phases = [p.days for p in ps if p.key != "contact"]
    # Left-over days go to the earliest phases: longest first, at most one day apart.
    assert phases == sorted(phases, reverse=True) and phases[0] - phases[-1] <= 1


@FAST
@given(starts, frames(), st.integers(-40, 800), st.integers(0, 400))
def test_the_current_period_only_moves_forward(start, frame, offset, step):
    on = start + timedelta(days=offset)
    now = cti.current(start, on, **frame)
    later = cti.current(start, on + timedelta(days=step), **frame)
    assert ORDER.index(now) <= ORDER.index(later)
    period = next((p for p in cti.periods(start, **frame) if p.start <= on < p.end), None)
    expected = period.key if period else ("before" if on < start else "after")
    assert now == expected


@FAST
@given(starts, st.integers(0, 60), st.integers(0, 60))
def test_add_months_lands_in_the_right_month_and_never_goes_back(day, months, more):
    later = cti.add_months(day, months)
    assert (later.year - day.year) * 12 + later.month - day.month == months
    assert later.day <= day.day
    assert cti.add_months(day, months + more) >= later
