"""Properties of time homeless and at a shelter (people/durations.py), against a day-by-day count."""

import random
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from people.durations import Period, current_spell_start, days_at_shelter, days_homeless
from people.situations import HOMELESS, SHELTER, Situation

FAST = settings(max_examples=100, deadline=None, database=None)
FIRST = date(2024, 1, 1)

days_st = st.integers(0, 400).map(lambda n: FIRST + timedelta(days=n))


@st.composite
def period_st(draw, shortest=0):
    start = draw(days_st)
    length = draw(st.one_of(st.none(), st.integers(shortest, 120)))
    end = None if length is None else start + timedelta(days=length)
    return Period(draw(st.sampled_from(list(Situation))), start, end)


periods_st = st.lists(period_st(), max_size=8)


def covered_days(periods, kinds, today):
    """The oracle: every day a period of these kinds covers, up to (not including) its end or today."""
    days = set()
    for p in periods:
        if p.situation in kinds:
            end = min(p.end or today, today)
            days.update(p.start + timedelta(days=i) for i in range((end - p.start).days))
    return days


@FAST
@given(periods_st, days_st)
def test_days_are_the_days_covered_each_counted_once(periods, today):
    assert days_homeless(periods, today) == len(covered_days(periods, HOMELESS, today))
    assert days_at_shelter(periods, today) == len(covered_days(periods, SHELTER, today))


@FAST
@given(periods_st, days_st, st.randoms(use_true_random=False))
def test_order_duplicates_and_other_situations_do_not_change_the_count(periods, today, rnd: random.Random):
    base = days_homeless(periods, today)
    shuffled = periods + periods
    rnd.shuffle(shuffled)
    assert days_homeless(shuffled, today) == base
    housed = [Period(Situation.OWN_HOME, FIRST, None), Period(Situation.EVICTION_CASE, FIRST, None)]
    assert days_homeless(periods + housed, today) == base


@FAST
@given(periods_st, days_st, st.integers(0, 100))
def test_time_never_runs_backwards_and_a_shelter_day_is_a_homeless_day(periods, today, later):
    assert days_homeless(periods, today + timedelta(days=later)) >= days_homeless(periods, today)
    assert 0 <= days_at_shelter(periods, today) <= days_homeless(periods, today)
    assert days_homeless(periods, today) <= max((today - FIRST).days, 0)


# A period that ends the day it starts covers no day; where such a period would sit in a spell is not
# defined, so the spell property draws periods of at least one day.
@FAST
@given(st.lists(period_st(shortest=1), max_size=8), days_st)
def test_the_current_spell_starts_where_the_homeless_days_up_to_today_begin(periods, today):
    start = current_spell_start(periods, today)
    homeless_today = any(
        p.situation in HOMELESS and p.start <= today and (p.end is None or p.end > today) for p in periods
    )
    if not homeless_today:
        assert start is None
        return
    covered = covered_days(periods, HOMELESS, today) | {today}
    # Walk back from today: a gap of one day does not break the spell, two days do.
    day = today
    while day - timedelta(days=1) in covered or day - timedelta(days=2) in covered:
        day -= timedelta(days=1) if day - timedelta(days=1) in covered else timedelta(days=2)
    assert start == day
