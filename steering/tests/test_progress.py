"""Whether a goal is on track (steering/progress.py)."""

from datetime import date

from steering.progress import AT_LEAST, AT_MOST, State, assess, slope_per_30_days

D = date


JULY = date(2026, 7, 1)


def run(current, today=JULY, direction=AT_MOST, series=()):
    # From 30 on 1 January 2026 to at most 15 by 1 January 2027: the path is at about 22.6 on 1 July.
    return assess(
        direction=direction,
        target=15,
        deadline=D(2027, 1, 1),
        baseline=30,
        baseline_on=D(2026, 1, 1),
        current=current,
        today=today,
        series=series,
    )


def test_on_the_path_or_better_is_on_track_and_worse_is_off_track():
    assert run(22).state == State.ON_TRACK
    assert run(22).expected == 22.6
    assert run(25).state == State.OFF_TRACK


def test_reaching_the_target_is_reached_and_after_the_deadline_missed():
    assert run(15).state == State.REACHED
    assert run(20, today=D(2027, 1, 2)).state == State.MISSED


def test_at_least_goals_run_the_other_way():
    p = assess(
        direction=AT_LEAST,
        target=90,
        deadline=D(2027, 1, 1),
        baseline=70,
        baseline_on=D(2026, 1, 1),
        current=75,
        today=D(2026, 7, 1),
    )
    assert p.state == State.OFF_TRACK and p.expected == 79.9


def test_the_trend_carried_to_the_deadline():
    series = [(D(2026, m, 1), 30 - 2 * (m - 1)) for m in range(1, 7)]  # falls about 2 a month
    p = run(20, series=series)
    assert 7 <= p.projected <= 9 and p.projection_reaches is True
    assert slope_per_30_days(series[:2]) is None  # too few points for a trend


def test_no_value_is_no_data_never_a_crash():
    assert run(None).state == State.NO_DATA
