"""The matching rules (issue 4 item 3), without Django."""

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from allocation import matching
from allocation.conf import DEFAULTS
from housing import benefit
from housing.benefit import DEFAULTS as BENEFIT_DEFAULTS

PARAMS = {k: v for k, v in DEFAULTS.items() if k.startswith("SCORE_")} | BENEFIT_DEFAULTS


def cand(pid=1, can_pay=4000, days=100, **kw):
    return matching.Candidate(person_id=pid, can_pay=can_pay, homeless_days=days, **kw)


def home(vid=1, rent=4000, utilities=500, rooms=1, **kw):
    return matching.Home(vacancy_id=vid, rent=rent, utilities=utilities, rooms=rooms, **kw)


def test_candidate_has_no_readiness_sobriety_treatment_or_tenancy_history_field():
    names = " ".join(f.name.lower() for f in dataclasses.fields(matching.Candidate))
    for forbidden in (
        "ready",
        "readiness",
        "parat",
        "sober",
        "sobriety",
        "substance",
        "treatment",
        "behandling",
        "previous",
        "earlier",
        "failed",
        "eviction",
        "history",
        "tenancy",
    ):
        assert forbidden not in names


def test_housing_benefit_follows_the_formula_and_is_zero_above_the_income_limit():
    # A household with a child (no 15 % cap): 60 % of 48,000 = 28,800 a year; income 12,000 a month =
    # 144,000 is under the threshold; rent minus own payment = 48,000 - 28,900 = 19,100 caps it: 1,591 a month.
    assert benefit.housing_benefit(rent=4000, monthly_income=12000, children=1, params=PARAMS) == 1591
    assert benefit.housing_benefit(rent=4000, monthly_income=60000, children=1, params=PARAMS) == 0


def test_unknown_income_uses_the_assumed_cash_benefit_level():
    assumed = benefit.housing_benefit(
        rent=5000, monthly_income=PARAMS["ASSUMED_MONTHLY_INCOME"], params=PARAMS
    )
    assert benefit.housing_benefit(rent=5000, monthly_income=None, params=PARAMS) == assumed


def test_affordability_is_hard_and_counts_housing_benefit():
    h = home(rent=4000, utilities=500)  # net 4,500 - 1,591 = 2,909 (a household with a child, as above)
    assert matching.evaluate(cand(can_pay=2909, monthly_income=12000, children=1), h, PARAMS).feasible
    fit = matching.evaluate(cand(can_pay=2908, monthly_income=12000, children=1), h, PARAMS)
    assert not fit.feasible and fit.score == 0
    assert "Kan ikke betales" in fit.reasons[0] and "2.909 kr." in fit.reasons[0]


def test_unaffordable_people_are_never_ranked_however_long_they_waited():
    h = home(rent=6000)
    ranked = matching.rank(
        [cand(1, can_pay=1000, days=3000, urgency="acute"), cand(2, can_pay=9000, days=1)], h, PARAMS
    )
    assert [f.person_id for f in ranked] == [2]


def test_wishes_are_soft_they_lower_the_score_but_never_exclude():
    h = home(
        area="Slangerup", shared=True, ordinary_building=False, pets_allowed=False, accessible=False, rooms=1
    )
    picky = cand(
        can_pay=9000,
        areas=("Jægerspris",),
        min_rooms=2,
        sharing="alone",
        wants_ordinary_building=True,
        has_pet=True,
        needs_accessible=True,
    )
    fit = matching.evaluate(picky, h, PARAMS)
    assert fit.feasible and fit.score >= 1
    text = " ".join(fit.reasons)
    for phrase in (
        "ikke i de ønskede områder",
        "ønsker mindst 2",
        "ønsker at bo alene",
        "princip 4",
        "Husdyr er ikke tilladt",
        "ikke tilgængelig",
    ):
        assert phrase in text


def test_a_wished_area_scores_higher_than_another():
    h = home(area="Slangerup")
    assert (
        matching.evaluate(cand(areas=("slangerup",), can_pay=9000), h, PARAMS).score
        > matching.evaluate(cand(areas=("Jægerspris",), can_pay=9000), h, PARAMS).score
    )


def test_a_skaev_bolig_counts_for_those_who_want_it_and_against_those_who_do_not():
    h = home(ordinary_building=False)
    wants = matching.evaluate(cand(can_pay=9000, wants_ordinary_building=False), h, PARAMS).score
    does_not = matching.evaluate(cand(can_pay=9000), h, PARAMS).score
    assert wants > does_not


def test_time_homeless_and_urgency_order_the_rest():
    h = home()
    ranked = matching.rank(
        [
            cand(1, can_pay=9000, days=30),
            cand(2, can_pay=9000, days=400),
            cand(3, can_pay=9000, days=30, urgency="acute"),
        ],
        h,
        PARAMS,
    )
    assert [f.person_id for f in ranked] == [3, 2, 1]


def test_the_matrix_gives_the_same_scores_as_the_explained_evaluation():
    rng = np.random.default_rng(4)
    areas = ["A", "B", "C", ""]
    cands = [
        cand(
            i,
            can_pay=int(rng.integers(2000, 6000)),
            days=int(rng.integers(0, 900)),
            monthly_income=None if i % 5 == 0 else int(rng.integers(8000, 25000)),
            areas=tuple(rng.choice(areas[:3], size=int(rng.integers(0, 3)), replace=False)),
            min_rooms=int(rng.integers(1, 4)),
            sharing=["alone", "shared", "either"][i % 3],
            wants_ordinary_building=bool(i % 4),
            has_pet=bool(i % 7 == 0),
            needs_accessible=bool(i % 9 == 0),
            urgency=["normal", "high", "acute"][i % 3],
            adults=1 + i % 2,
            children=i % 4,
            pension=["none", "folkepension", "early_before_2003", "early_from_2003"][i % 4 if i % 3 else 0],
        )
        for i in range(40)
    ]
    homes = [
        home(
            j,
            rent=int(rng.integers(2500, 7000)),
            utilities=int(rng.integers(0, 900)),
            rooms=int(rng.integers(1, 4)),
            area=areas[j % 4],
            shared=bool(j % 5 == 0),
            ordinary_building=bool(j % 6),
            pets_allowed=bool(j % 2),
            accessible=bool(j % 3 == 0),
            size_m2=None if j % 4 == 0 else int(rng.integers(30, 120)),
        )
        for j in range(15)
    ]
    matrix = matching.score_matrix(cands, homes, PARAMS)
    for i, c in enumerate(cands):
        for j, h in enumerate(homes):
            fit = matching.evaluate(c, h, PARAMS)
            assert matrix[i, j] == pytest.approx(fit.score if fit.feasible else 0.0)


def test_optimal_assignment_beats_greedy_and_never_uses_an_unaffordable_pair():
    # Home 1 (first by deadline) suits both; home 2 only person 1 can afford. Greedy gives home 1 to person 1
    # and leaves home 2 empty; the optimal assignment houses both.
    # Income not recorded, no children: the benefit is 15 % of the housing cost (375 and 825 kr. a month).
    cands = [cand(1, can_pay=6000, days=300), cand(2, can_pay=2500, days=10)]
    homes = [home(1, rent=2500, utilities=0), home(2, rent=5500, utilities=1000)]  # net 2,125 and 5,675
    optimal = matching.optimal_assignment(cands, homes, PARAMS)
    greedy = matching.greedy_assignment(cands, homes, PARAMS)
    assert sorted(optimal.pairs) == [(1, 2), (2, 1)] and optimal.matched == 2
    assert greedy.matched == 1 and optimal.total_score > greedy.total_score


def test_assignment_with_no_candidates_or_homes_is_empty():
    assert matching.optimal_assignment([], [home()], PARAMS).matched == 0
    assert matching.greedy_assignment([cand()], [], PARAMS).matched == 0


def test_a_declined_pair_scores_zero_and_is_never_in_the_optimal_or_greedy_assignment():
    # Anna fits home 1 best, but she has declined it: the assignment gives it to Bent, and Anna home 2.
    people = [cand(1, days=900), cand(2, days=100)]
    homes = [home(1), home(2)]
    scores = matching.without_pairs(matching.score_matrix(people, homes, PARAMS), people, homes, {(1, 1)})
    assert scores[0, 0] == 0 and scores[0, 1] > 0 and scores[1, 0] > 0
    for assign in (matching.optimal_assignment, matching.greedy_assignment):
        pairs = assign(people, homes, PARAMS, scores).pairs
        assert (1, 1) not in pairs and sorted(pairs) == [(1, 2), (2, 1)]


def test_excluding_pairs_leaves_the_original_matrix_and_ignores_unknown_ids():
    people, homes = [cand(1)], [home(1)]
    scores = matching.score_matrix(people, homes, PARAMS)
    assert matching.without_pairs(scores, people, homes, {(9, 9)})[0, 0] == scores[0, 0] > 0
    matching.without_pairs(scores, people, homes, {(1, 1)})
    assert scores[0, 0] > 0


@settings(max_examples=60, deadline=None, database=None)
@given(
    pays=st.lists(st.integers(2000, 6000), min_size=1, max_size=6),
    rents=st.lists(st.integers(1500, 5500), min_size=1, max_size=6),
    declined=st.sets(st.tuples(st.integers(1, 6), st.integers(1, 6)), max_size=8),
)
def test_property_the_assignment_is_distinct_and_never_uses_a_declined_pair(pays, rents, declined):
    people = [cand(i + 1, can_pay=p, days=30 * i) for i, p in enumerate(pays)]
    homes = [home(j + 1, rent=r, utilities=300) for j, r in enumerate(rents)]
    scores = matching.without_pairs(matching.score_matrix(people, homes, PARAMS), people, homes, declined)
    for assign in (matching.optimal_assignment, matching.greedy_assignment):
        pairs = assign(people, homes, PARAMS, scores).pairs
        assert not set(pairs) & declined
        assert len({p for p, _ in pairs}) == len(pairs) == len({v for _, v in pairs})


def test_the_payment_reason_ends_with_one_full_stop_after_the_amount():
    from allocation.conf import matching_params

    params = matching_params()
    home = matching.Home(vacancy_id=1, rent=5000, utilities=500, rooms=1)
    for can_pay in (2000, 9000):
        fit = matching.evaluate(
            matching.Candidate(person_id=1, can_pay=can_pay, homeless_days=10), home, params
        )
        assert fit.reasons[0].endswith(" kr.") and "kr.." not in fit.reasons[0]
