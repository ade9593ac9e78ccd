"""The pure cost rules (economy/costs.py): day counting by month, the § 110 refund cap over a running year,
the § 176 a two-year window, pauses, cohorts and the payback month."""

from datetime import date

import pytest

from economy import costs
from economy.conf import DEFAULTS

REFORM = date(2023, 10, 1)


def book(own=None) -> costs.PriceBook:
    """The default prices, with (kind, year) -> (amount, unit) of the municipality's own."""
    return costs.PriceBook(
        own={k: costs.Entry(a, u, True) for k, (a, u) in (own or {}).items()},
        defaults=DEFAULTS["PRICES"],
        caseloads={"cti": 10, "icm": 8, "act": 8},
    )


def test_month_pieces_split_a_stay_at_each_month_start():
    assert costs.month_pieces(date(2024, 1, 30), date(2024, 3, 2)) == [
        (date(2024, 1, 30), date(2024, 2, 1)),
        (date(2024, 2, 1), date(2024, 3, 1)),
        (date(2024, 3, 1), date(2024, 3, 2)),
    ]


def test_shelter_days_by_month_count_nights_and_overlaps_once():
    segs = costs.shelter_segments(
        [(date(2024, 1, 30), date(2024, 2, 3)), (date(2024, 2, 1), date(2024, 2, 5))], book(), reform=REFORM
    )
    months = costs.by_month(segs)
    assert months[date(2024, 1, 1)]["shelter_days"] == 2  # the nights of 30 and 31 January
    assert months[date(2024, 2, 1)]["shelter_days"] == 4  # 1-4 February, counted once
    assert months[date(2024, 2, 1)]["shelter_gross"] == pytest.approx(4 * 1507)


def test_the_default_prices_and_their_steps_by_year():
    b = book()
    assert b.daily("shelter", 2025) == 1507
    assert b.cap(2022) is None and b.cap(2023) == 120 and b.cap(2025) == 120 and b.cap(2026) == 90
    assert b.share("refund_176a_share", 2022) == 0 and b.share("refund_176a_share", 2024) == 0.5
    assert b.per_citizen_year("icm", 2025) == 80000


def test_an_own_price_counts_for_its_year_only_and_a_worker_year_is_divided_by_the_caseload():
    b = book({("icm", 2025): (640000, costs.PER_WORKER_YEAR), ("s110_day", 2024): (2000, costs.PER_DAY)})
    assert b.per_citizen_year("icm", 2025) == 80000  # 640,000 / 8 citizens per worker
    assert b.per_citizen_year("icm", 2024) == 80000  # the default
    assert b.daily("shelter", 2024) == 2000 and b.daily("shelter", 2025) == 1507
    assert b.entry("s110_day", 2024).own and not b.entry("s110_day", 2025).own


def _refunded_days(segs):
    return sum(g.days for g in segs if g.refund > 0)


def test_the_110_refund_stops_at_the_cap_and_continues_across_new_year_until_a_year_after_admission():
    # Admitted 1 November 2024 and staying 200 nights: 120 refunded days from 1 November, the new year
    # does not reset them (the running year starts at the admission).
    segs = costs.shelter_segments([(date(2024, 11, 1), date(2025, 5, 20))], book(), reform=REFORM)
    assert sum(g.days for g in segs) == 200
    assert _refunded_days(segs) == 120
    last_refunded = max(g.end for g in segs if g.refund > 0)
    assert last_refunded == date(2025, 3, 1)  # 1 Nov + 120 days
    assert all(g.refund == pytest.approx(1507 * 0.5) for g in segs if g.refund > 0)


def test_the_110_cap_resets_one_year_after_the_first_admission():
    # 150 nights from 1 January 2024, then back on 1 January 2025: a new running year, 120 days again.
    segs = costs.shelter_segments(
        [(date(2024, 1, 1), date(2024, 5, 30)), (date(2025, 1, 1), date(2025, 2, 1))], book(), reform=REFORM
    )
    by_year = {y: sum(g.days for g in segs if g.refund > 0 and g.start.year == y) for y in (2024, 2025)}
    assert by_year == {2024: 120, 2025: 31}


def test_a_stay_within_the_running_year_shares_its_cap():
    # Two stays of 100 nights in one running year: 120 refunded days in all.
    segs = costs.shelter_segments(
        [(date(2024, 2, 1), date(2024, 5, 11)), (date(2024, 8, 1), date(2024, 11, 9))], book(), reform=REFORM
    )
    assert sum(g.days for g in segs) == 200
    assert _refunded_days(segs) == 120


def test_the_cap_is_the_days_years_value_90_from_2026():
    segs = costs.shelter_segments([(date(2026, 1, 1), date(2026, 7, 1))], book(), reform=REFORM)
    assert _refunded_days(segs) == 90


def test_before_the_reform_every_shelter_day_is_refunded():
    segs = costs.shelter_segments([(date(2023, 1, 1), date(2023, 12, 31))], book(), reform=REFORM)
    # 273 days before 1 October, every one refunded; from 1 October a new running year, 91 days < 120.
    assert sum(g.days for g in segs) == 364
    assert _refunded_days(segs) == 364


def test_a_municipalitys_own_cap_for_a_year():
    segs = costs.shelter_segments(
        [(date(2025, 1, 1), date(2025, 7, 1))],
        book({("refund_110_cap_days", 2025): (60, "days")}),
        reform=REFORM,
    )
    assert _refunded_days(segs) == 60


def test_discharges_are_the_ends_of_stays_that_have_ended():
    today = date(2025, 6, 1)
    periods = [
        (date(2024, 1, 1), date(2024, 3, 1)),
        (date(2024, 3, 1), date(2024, 4, 1)),  # continues the first: one stay
        (date(2024, 9, 1), date(2024, 10, 1)),
        (date(2025, 5, 1), None),  # still there
    ]
    assert costs.discharges(periods, today) == [date(2024, 4, 1), date(2024, 10, 1)]


def test_the_176a_window_runs_two_years_from_the_first_discharge_and_is_not_restarted_within_them():
    windows = costs.refund_windows(
        [date(2023, 6, 1), date(2024, 1, 10), date(2025, 3, 1), date(2026, 2, 1)], reform=REFORM, years=2
    )
    # Before the reform nothing; 10.01.2024 opens two years; 2025 lies inside them; 2026 opens new ones.
    assert windows == [(date(2024, 1, 10), date(2026, 1, 10)), (date(2026, 2, 1), date(2028, 2, 1))]


def test_176a_refunds_half_of_85a_support_inside_the_window_only():
    windows = [(date(2024, 1, 10), date(2026, 1, 10))]
    b = book()
    icm = costs.support_segments("icm", [(date(2024, 1, 1), date(2026, 2, 1))], b, windows=windows)
    refunded = sum(g.days for g in icm if g.refund > 0)
    assert refunded == (date(2026, 1, 10) - date(2024, 1, 10)).days
    assert sum(g.days for g in icm) == (date(2026, 2, 1) - date(2024, 1, 1)).days
    inside = next(g for g in icm if g.refund > 0)
    assert inside.gross == pytest.approx(80000 / 365)
    assert inside.refund == pytest.approx(80000 / 365 * 0.5)
    s85 = costs.support_segments("s85", [(date(2024, 2, 1), date(2024, 3, 1))], b, windows=windows)
    assert all(g.refund == 0 for g in s85)  # ordinary § 85 support has no § 176 a refund
    assert costs.support_segments("other", [(date(2024, 2, 1), date(2024, 3, 1))], b, windows=windows) == []


def test_a_pause_frees_its_days_and_an_open_episode_runs_to_today():
    today = date(2024, 12, 1)
    got = costs.active_intervals(
        date(2024, 1, 1), None, [(date(2024, 3, 1), date(2024, 4, 1)), (date(2024, 11, 1), None)], today
    )
    assert got == [(date(2024, 1, 1), date(2024, 3, 1)), (date(2024, 4, 1), date(2024, 11, 1))]


def _citizen(housed_on, shelter, episodes=()):
    return costs.Citizen(shelter=shelter, episodes=list(episodes), housed_on=housed_on)


def test_cohorts_follow_only_whole_years_that_have_ended():
    today = date(2025, 7, 1)
    c = _citizen(
        date(2023, 7, 1),
        [(date(2022, 7, 1), date(2023, 7, 1))],  # the whole year before at a shelter
        [costs.Episode("icm", date(2023, 7, 1), None)],
    )
    out = costs.compute([c], book(), today=today, reform=REFORM)
    cohort = out["cohorts"][0]
    assert cohort["year"] == 2023 and cohort["people"] == 1
    before, y1, y2, y3 = (cohort["offsets"][k] for k in ("-1", "1", "2", "3"))
    assert before["people"] == 1 and before["shelter_days"] == 365
    assert y1["people"] == 1 and y2["people"] == 1 and y3["people"] == 0  # year 3 has not ended
    assert y1["shelter_days"] == 0 and y1["support_gross"] == pytest.approx(366 * 80000 / 365)
    # 273 days before the reform refunded in full, then 92 days of a new running year (< 120).
    assert before["shelter_refund"] == pytest.approx(365 * 1507 * 0.5)
    # Discharged 1.7.2023, before the reform: no § 176 a window.
    assert y1["support_refund"] == 0


def test_payback_is_the_first_month_the_cumulative_saving_reaches_the_support_cost():
    today = date(2026, 1, 1)
    # A year at a shelter before (1507 a day), then ICM at 80,000 a year: the saving of about 45,800 kr. a
    # month exceeds the support of about 6,600 kr. in the first month.
    c = _citizen(
        date(2024, 7, 1),
        [(date(2023, 7, 1), date(2024, 7, 1))],
        [costs.Episode("icm", date(2024, 7, 1), None)],
    )
    p = costs.payback(
        [(c.housed_on, costs.segments(c, book(), today=today, reform=REFORM, refund_years=2))], today=today
    )
    assert p["month_gross"] == 1
    assert p["rows"][0]["saving_gross"] == pytest.approx(366 * 1507 / 12)
    assert len(p["rows"]) == 18  # July 2024 to December 2025


def test_payback_from_sums_waits_until_the_cumulative_saving_catches_up():
    rows = [
        {
            "month": m,
            "people": 2,
            "saving_gross": 2 * s,
            "saving_net": 2 * s,
            "support_gross": 2000,
            "support_net": 200,
        }
        for m, s in [(1, 0), (2, 500), (3, 2500), (4, 2000)]
    ]
    p = costs.payback_from_sums(rows)
    # Cumulative saving 0, 500, 3000, 5000 against support 1000, 2000, 3000, 4000 (gross); net 100 a month.
    assert p["month_gross"] == 3
    assert p["month_net"] == 2
    assert p["rows"][2]["cum_saving_gross"] == 3000


def test_no_payback_when_the_saving_never_catches_up():
    rows = [
        {"month": 1, "people": 1, "saving_gross": 0, "saving_net": 0, "support_gross": 10, "support_net": 5}
    ]
    assert costs.payback_from_sums(rows)["month_gross"] is None


def test_compute_adds_up_months_and_years_gross_refunds_and_net():
    today = date(2025, 1, 1)
    c = _citizen(
        None, [(date(2024, 12, 1), date(2024, 12, 11))], [costs.Episode("cti", date(2024, 12, 11), None)]
    )
    out = costs.compute([c], book(), today=today, reform=REFORM)
    (month,) = out["months"]
    assert month["month"] == "2024-12-01" and month["shelter_days"] == 10
    assert month["support"]["cti"]["days"] == 21
    t = costs.totals(month)
    assert t["gross"] == pytest.approx(10 * 1507 + 21 * 55000 / 365)
    assert t["refund"] == pytest.approx(10 * 1507 / 2 + 21 * 55000 / 365 / 2)
    assert out["years"][0]["year"] == 2024 and out["years"][0]["shelter_days"] == 10
