"""The measures on known histories (people/measures.py): one rule for now and a year ago."""

from datetime import date

from people import measures
from people.durations import Period
from people.measures import History

D = date


def person(statuses, periods, **kw):
    return History(statuses=statuses, periods=[Period(*p) for p in periods], **kw)


def test_homeless_on_a_day_needs_an_active_status_and_one_of_the_counts_situations():
    h = person(
        [(D(2025, 1, 1), "newly_identified"), (D(2025, 6, 1), "housed")],
        [("street", D(2025, 1, 1), D(2025, 6, 1)), ("own_home", D(2025, 6, 1), None)],
    )
    assert h.homeless_situation_on(D(2024, 12, 31)) is None  # not yet on the list
    assert h.homeless_situation_on(D(2025, 3, 1)) == "street"
    assert h.homeless_situation_on(D(2025, 6, 1)) is None  # the move day counts as housed


def test_at_risk_is_not_homeless_and_inactive_is_not_counted():
    risk = person([(D(2025, 1, 1), "newly_identified")], [("eviction_case", D(2025, 1, 1), None)])
    gone = person(
        [(D(2025, 1, 1), "newly_identified"), (D(2025, 2, 1), "inactive")], [("street", D(2025, 1, 1), None)]
    )
    assert measures.on_day([risk, gone], D(2025, 3, 1))["homeless"] == 0


def test_counts_on_a_day_by_situation_shelter_days_long_term_and_young():
    day = D(2026, 1, 31)
    young = person(
        [(D(2025, 12, 1), "newly_identified")], [("shelter", D(2026, 1, 1), None)], birth_date=D(2005, 2, 1)
    )
    old = person(
        [(D(2024, 1, 1), "newly_identified")],
        [("street", D(2024, 1, 1), D(2025, 10, 1)), ("shelter", D(2025, 10, 1), None)],
        birth_year=1970,
    )
    sofa = person(
        [(D(2025, 7, 1), "newly_identified")], [("sofa_surfer", D(2025, 7, 1), None)], birth_year=2002
    )
    out = measures.on_day([young, old, sofa], day)
    assert out["homeless"] == 3
    assert out["by_situation"] == {"shelter": 2, "sofa_surfer": 1}
    assert out["shelter"] == 2
    assert out["shelter_days_mean"] == round((30 + 122) / 2)  # 30 and 122 days at the shelter
    assert out["long_term_6"] == 2  # old (since 2024) and sofa (since 1 July: 214 days)
    assert out["long_term_12"] == 1
    # 20 years old (birth date, before the birthday) and 24 (birth year only: the age reached this year)
    assert out["young"] == 2


def test_hit_in_a_window_counts_distinct_people_also_those_housed_since():
    a = person([], [("street", D(2025, 1, 1), D(2025, 3, 1)), ("shelter", D(2025, 3, 1), D(2025, 4, 1))])
    b = person([], [("street", D(2023, 1, 1), D(2025, 1, 1))])  # ends the day the window starts: not in it
    c = person([], [("eviction_case", D(2025, 5, 1), None)])  # at risk: not hit by homelessness
    assert measures.hit_between([a, b, c], D(2025, 1, 1), D(2025, 12, 31)) == 1


def test_shelter_days_in_a_window_count_each_day_once_per_person():
    a = person([], [("shelter", D(2025, 12, 20), D(2026, 1, 10)), ("shelter", D(2026, 1, 5), D(2026, 1, 15))])
    assert measures.shelter_days_between([a], D(2026, 1, 1), D(2026, 2, 1)) == 14


def test_days_to_housing_mean_and_median_within_the_window():
    housed = [
        (D(2025, 1, 10), 10),
        (D(2025, 6, 1), 40),
        (D(2025, 7, 1), 100),
        (D(2024, 1, 1), 999),
        (D(2025, 8, 1), None),
    ]
    out = measures.days_to_housing(housed, D(2025, 1, 1), D(2025, 12, 31))
    assert out == {"count": 3, "mean": 50, "median": 40}
    assert measures.days_to_housing([], D(2025, 1, 1), D(2025, 12, 31)) == {
        "count": 0,
        "mean": None,
        "median": None,
    }


def test_month_ends_end_with_today_and_handle_february():
    assert measures.month_ends(D(2024, 3, 15), 3) == [D(2024, 1, 31), D(2024, 2, 29), D(2024, 3, 15)]
    assert measures.year_before(D(2024, 2, 29)) == D(2023, 2, 28)


def test_compute_has_now_then_and_a_series_of_the_requested_length():
    h = person([(D(2025, 1, 1), "newly_identified")], [("street", D(2025, 1, 1), None)])
    out = measures.compute([h], [], today=D(2026, 1, 15), months=24)
    assert out["now"]["homeless"] == 1 and out["then"]["homeless"] == 1
    assert out["now"]["window"]["hit"] == 1
    assert len(out["series"]) == 24 and out["series"][-1]["month"] == "2026-01-15"
    assert out["series"][0]["homeless"] == 0  # February 2024: before the person was identified
