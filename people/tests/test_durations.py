"""Time homeless and at a shelter (people/durations.py), computed from dated periods."""

from datetime import date

from people.durations import Period, current_spell_start, days_at_shelter, days_homeless

TODAY = date(2025, 6, 1)


def test_overlapping_homeless_periods_count_each_day_once():
    periods = [
        Period("street", date(2025, 1, 1), date(2025, 1, 11)),
        Period("sofa_surfer", date(2025, 1, 6), date(2025, 1, 16)),
    ]
    assert days_homeless(periods, TODAY) == 15  # 1-15 January, not 10 + 10


def test_separate_homeless_periods_add_up():
    periods = [
        Period("street", date(2025, 1, 1), date(2025, 1, 11)),
        Period("own_home", date(2025, 1, 11), date(2025, 2, 1)),
        Period("shelter", date(2025, 2, 1), date(2025, 2, 6)),
    ]
    assert days_homeless(periods, TODAY) == 15


def test_an_open_period_runs_to_today():
    assert days_homeless([Period("street", date(2025, 5, 2), None)], TODAY) == 30


def test_a_period_starting_after_today_is_not_counted():
    assert days_homeless([Period("street", date(2025, 7, 1), None)], TODAY) == 0


def test_own_home_and_at_risk_periods_are_not_homeless_days():
    periods = [
        Period("own_home", date(2025, 1, 1), date(2025, 3, 1)),
        Period("eviction_case", date(2025, 3, 1), None),
    ]
    assert days_homeless(periods, TODAY) == 0


def test_shelter_days_count_only_the_shelter_periods():
    periods = [
        Period("street", date(2025, 1, 1), date(2025, 1, 11)),
        Period("shelter", date(2025, 1, 11), date(2025, 1, 21)),
        Period("hotel", date(2025, 1, 21), date(2025, 2, 1)),
        Period("shelter", date(2025, 5, 22), None),
    ]
    assert days_at_shelter(periods, TODAY) == 10 + 10
    assert days_homeless(periods, TODAY) == 31 + 10


def test_current_spell_joins_consecutive_homeless_periods():
    periods = [
        Period("street", date(2025, 1, 1), date(2025, 2, 1)),
        Period("shelter", date(2025, 2, 1), date(2025, 3, 1)),
        Period("sofa_surfer", date(2025, 3, 1), None),
    ]
    assert current_spell_start(periods, TODAY) == date(2025, 1, 1)


def test_current_spell_bridges_a_gap_of_one_day():
    periods = [
        Period("street", date(2025, 1, 1), date(2025, 1, 10)),
        Period("shelter", date(2025, 1, 11), None),
    ]
    assert current_spell_start(periods, TODAY) == date(2025, 1, 1)


def test_a_longer_gap_breaks_the_current_spell():
    periods = [
        Period("street", date(2025, 1, 1), date(2025, 1, 10)),
        Period("shelter", date(2025, 1, 20), None),
    ]
    assert current_spell_start(periods, TODAY) == date(2025, 1, 20)


def test_a_stay_in_own_home_breaks_the_current_spell():
    periods = [
        Period("street", date(2025, 1, 1), date(2025, 2, 1)),
        Period("own_home", date(2025, 2, 1), date(2025, 4, 1)),
        Period("street", date(2025, 4, 1), None),
    ]
    assert current_spell_start(periods, TODAY) == date(2025, 4, 1)


def test_own_home_ends_the_spell():
    periods = [
        Period("street", date(2025, 1, 1), date(2025, 2, 1)),
        Period("own_home", date(2025, 2, 1), None),
    ]
    assert current_spell_start(periods, TODAY) is None


def test_no_periods_means_no_spell():
    assert current_spell_start([], TODAY) is None


def test_a_short_period_inside_a_longer_one_does_not_cut_the_spell():
    # Found by the property test: an open period from 1 January with a short one inside it and a later
    # one from 4 January is one spell from 1 January, not from 4 January.
    periods = [
        Period("street", date(2024, 1, 1), None),
        Period("street", date(2024, 1, 2), date(2024, 1, 3)),
        Period("sofa_surfer", date(2024, 1, 4), None),
    ]
    assert current_spell_start(periods, date(2024, 1, 10)) == date(2024, 1, 1)
