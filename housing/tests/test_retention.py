from datetime import date

from housing.retention import Placement, add_months, retention, retention_table, returns

TODAY = date(2026, 1, 1)


def placed(moved_in, out=None, homeless=None, died=None, **groups):
    return Placement(
        moved_in=moved_in,
        housed=[(moved_in, out)],
        first_homeless_after=homeless,
        died_on=died,
        groups=groups,
    )


def test_add_months_keeps_the_day_or_the_month_end():
    assert add_months(date(2025, 1, 31), 1) == date(2025, 2, 28)
    assert add_months(date(2024, 8, 15), 6) == date(2025, 2, 15)


def test_people_who_moved_in_less_than_six_months_ago_are_not_in_the_six_month_denominator():
    ps = [placed(date(2025, 1, 1)), placed(date(2025, 12, 1))]
    assert retention(ps, months=6, today=TODAY) == (1, 1)


def test_a_lost_home_before_the_horizon_counts_as_not_housed():
    ps = [placed(date(2024, 1, 1), out=date(2024, 5, 1)), placed(date(2024, 1, 1))]
    assert retention(ps, months=6, today=TODAY) == (1, 2)
    assert retention(ps, months=24, today=TODAY) == (1, 2)


def test_moving_to_another_home_is_still_housed():
    p = Placement(
        moved_in=date(2024, 1, 1), housed=[(date(2024, 1, 1), date(2024, 3, 1)), (date(2024, 3, 1), None)]
    )
    assert retention([p], months=12, today=TODAY) == (1, 1)


def test_a_person_who_died_before_the_horizon_is_left_out():
    assert retention(
        [placed(date(2024, 1, 1), out=date(2024, 4, 1), died=date(2024, 4, 1))], months=6, today=TODAY
    ) == (0, 0)


def test_table_groups_by_dimension_with_a_cell_per_horizon():
    ps = [
        placed(date(2023, 1, 1), type="Almen"),
        placed(date(2023, 1, 1), out=date(2023, 3, 1), type="Privat"),
    ]
    rows = retention_table(ps, months_list=[6, 12], today=TODAY, dimension="type")
    assert [(r["label"], [c["share"] for c in r["cells"]]) for r in rows] == [
        ("Almen", [100.0, 100.0]),
        ("Privat", [0.0, 0.0]),
    ]


def test_returns_are_counted_in_day_windows_among_people_followed_to_the_window_end():
    ps = [
        placed(date(2023, 1, 1), homeless=date(2023, 3, 1)),  # day 59
        placed(date(2023, 1, 1), homeless=date(2023, 10, 1)),  # day 273
        placed(date(2023, 1, 1)),
        placed(date(2025, 11, 1), homeless=date(2025, 12, 1)),
    ]  # not followed 180 days yet
    out = returns(ps, windows=[(0, 180), (181, 365), (366, 730)], today=TODAY)
    assert [(r["returned"], r["followed"]) for r in out] == [(1, 3), (1, 3), (0, 3)]
