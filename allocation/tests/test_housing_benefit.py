"""The housing-benefit estimate against worked examples computed by hand (boligstøtteloven, 2026 rates
in housing/benefit.py BENEFIT_RULES), and properties that must hold for every household and home. No Django."""

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from allocation import matching
from allocation.conf import DEFAULTS
from housing import benefit
from housing.benefit import DEFAULTS as BENEFIT_DEFAULTS

PARAMS = {k: v for k, v in DEFAULTS.items() if k.startswith("SCORE_")} | BENEFIT_DEFAULTS


def cand(can_pay=3000, **kw):
    return matching.Candidate(person_id=1, can_pay=can_pay, homeless_days=100, **kw)


def home(rent, utilities=0, **kw):
    return matching.Home(vacancy_id=1, rent=rent, utilities=utilities, rooms=1, **kw)


def test_the_rates_are_dated_and_name_their_source():
    rules = PARAMS["BENEFIT_RULES"]
    assert (
        rules["year"] == 2026
        and "boligstøtteloven" in rules["source"]
        and "Udbetaling Danmark" in rules["source"]
    )


def test_one_adult_without_children_gets_at_most_15_percent_of_the_housing_cost():
    # Income 12,550 kr./md. = 150,600 a year: below the threshold 171,500, so no income deduction.
    # Rent 5,000 kr./md. = 60,000 a year. 60 % = 36,000; rent minus own payment 60,000 - 28,900 = 31,100;
    # maximum 50,760; no children: at most 15 % of 60,000 = 9,000 a year = 750 kr. a month.
    pay = matching.payment(cand(can_pay=3000, monthly_income=12_550), home(5000, utilities=500), PARAMS)
    assert pay.benefit == 750 and pay.capped_15 and pay.scheme == benefit.BOLIGSIKRING
    # 5,000 + 500 - 750 = 4,750 a month, more than the 3,000 the citizen can pay: not payable.
    assert pay.net == 4750 and not pay.feasible and pay.shortfall == 1750


def test_a_household_with_children_has_no_15_percent_cap_and_a_raised_income_threshold():
    # One adult, two children; income 20,000 kr./md. = 240,000 a year. Threshold 171,500 + 45,200 (one
    # child beyond the first) = 216,700; 18 % of (240,000 - 216,700 = 23,300) = 4,194.
    # Rent 6,000 kr./md. = 72,000 a year: 60 % = 43,200; 43,200 - 4,194 = 39,006. Own payment limit
    # 72,000 - 28,900 = 43,100 and maximum 50,760 do not bite: 39,006 / 12 = 3,250.5 -> 3,250 kr. a month.
    pay = matching.payment(cand(monthly_income=20_000, children=2), home(6000), PARAMS)
    assert pay.benefit == 3250 and not pay.capped_15


def test_an_income_above_the_threshold_lowers_the_benefit():
    # One adult, no children; income 25,000 kr./md. = 300,000 a year; 18 % of (300,000 - 171,500 = 128,500)
    # = 23,130. Rent 4,000 kr./md. = 48,000 a year: 60 % = 28,800; 28,800 - 23,130 = 5,670, below the
    # 15 % cap (7,200) and the own-payment limit (19,100): 5,670 / 12 = 472.5 -> 472 kr. a month.
    pay = matching.payment(cand(monthly_income=25_000), home(4000), PARAMS)
    assert pay.benefit == 472 and not pay.capped_15
    # Far above the threshold the benefit is 0, never negative.
    assert benefit.housing_benefit(rent=4000, monthly_income=60_000, params=PARAMS) == 0


def test_the_rent_counts_only_for_the_area_allowed():
    # One person, 80 m²: the rent counts for 65 of the 80 m². Rent 5,000 kr./md. = 60,000 a year, counted
    # 60,000 * 65 / 80 = 48,750. Income 12,550 kr./md. is below the threshold. 60 % = 29,250; own payment
    # limit 48,750 - 28,900 = 19,850; 15 % cap 7,312.5: 7,312.5 / 12 = 609.4 -> 609 kr. a month.
    pay = matching.payment(cand(monthly_income=12_550), home(5000, size_m2=80), PARAMS)
    assert pay.benefit == 609 and pay.counted_m2 == 65 and pay.size_m2 == 80
    # One adult and one child may have 65 + 20 = 85 m²; a 100 m² home counts 85 %: 51,000 a year.
    # 60 % = 30,600; own payment limit 51,000 - 28,900 = 22,100 bites: 22,100 / 12 = 1,841.7 -> 1,841.
    pay = matching.payment(cand(monthly_income=12_550, children=1), home(5000, size_m2=100), PARAMS)
    assert pay.benefit == 1841 and pay.counted_m2 == 85
    # A home within the limit counts in full.
    assert (
        matching.payment(cand(monthly_income=12_550, children=1), home(5000, size_m2=60), PARAMS).counted_m2
        is None
    )


def test_pensioners_get_boligydelse_without_the_15_percent_cap():
    # Folkepension, one adult, no children; income 15,000 kr./md. = 180,000 a year, below 201,400.
    # Rent 5,000 kr./md. = 60,000 a year: 75 % of (60,000 + 8,500) = 51,375. Own payment at least
    # max(11 % of 180,000 = 19,800; 21,300) = 21,300: 60,000 - 21,300 = 38,700. Maximum 59,628 does not
    # bite; no 15 % cap for boligydelse: 38,700 / 12 = 3,225 kr. a month.
    pay = matching.payment(cand(monthly_income=15_000, pension=benefit.PENSION_OLD_AGE), home(5000), PARAMS)
    assert pay.benefit == 3225 and pay.scheme == benefit.BOLIGYDELSE and not pay.capped_15


def test_early_retirement_from_2003_gets_boligsikring_without_the_15_percent_cap():
    # Førtidspension from 2003: boligsikring's formula, but the 15 % cap does not apply. Income 12,550
    # kr./md. (below the threshold), rent 5,000 kr./md.: 60 % = 36,000; own payment limit 31,100 bites:
    # 31,100 / 12 = 2,591.7 -> 2,591 kr. a month (not 750 as for the household in the first example).
    pay = matching.payment(
        cand(monthly_income=12_550, pension=benefit.PENSION_EARLY_FROM_2003), home(5000), PARAMS
    )
    assert pay.benefit == 2591 and pay.scheme == benefit.BOLIGSIKRING and not pay.capped_15


def test_the_explanation_says_estimate_and_names_the_cap():
    fit = matching.evaluate(cand(can_pay=3000, monthly_income=12_550), home(5000, utilities=500), PARAMS)
    assert not fit.feasible and fit.payment.benefit == 750
    assert "anslået boligsikring 750 kr." in fit.reasons[0] and "15 %" in fit.reasons[0]


# --- properties -------------------------------------------------------------------------------------------

households = st.builds(
    lambda can_pay, income, adults, children, pension: cand(
        can_pay=can_pay, monthly_income=income, adults=adults, children=children, pension=pension
    ),
    st.integers(0, 15_000),
    st.one_of(st.none(), st.integers(0, 80_000)),
    st.integers(1, 3),
    st.integers(0, 6),
    st.sampled_from(
        [
            benefit.PENSION_NONE,
            benefit.PENSION_OLD_AGE,
            benefit.PENSION_EARLY_BEFORE_2003,
            benefit.PENSION_EARLY_FROM_2003,
        ]
    ),
)
homes_st = st.builds(
    lambda rent, utilities, size: home(rent, utilities=utilities, size_m2=size),
    st.integers(1, 20_000),
    st.integers(0, 3_000),
    st.one_of(st.none(), st.integers(10, 200)),
)


@settings(max_examples=300, deadline=None, database=None)
@given(households, homes_st)
def test_benefit_is_never_negative_nor_above_the_rent(c, h):
    pay = matching.payment(c, h, PARAMS)
    assert 0 <= pay.benefit <= h.rent


@settings(max_examples=300, deadline=None, database=None)
@given(households, homes_st)
def test_benefit_never_exceeds_15_percent_of_the_housing_cost_without_children(c, h):
    if c.children == 0 and c.pension == benefit.PENSION_NONE:
        assert matching.payment(c, h, PARAMS).benefit * 12 <= 0.15 * h.rent * 12 + 1e-6


@settings(max_examples=100, deadline=None, database=None)
@given(st.lists(households, min_size=1, max_size=6), st.lists(homes_st, min_size=1, max_size=5))
def test_no_unaffordable_pair_is_ever_proposed_and_both_paths_agree(cands, hs):
    cands = [matching.Candidate(**{**c.__dict__, "person_id": i}) for i, c in enumerate(cands)]
    hs = [matching.Home(**{**h.__dict__, "vacancy_id": j}) for j, h in enumerate(hs)]
    scores = matching.score_matrix(cands, hs, PARAMS)
    for i, c in enumerate(cands):
        for j, h in enumerate(hs):
            fit = matching.evaluate(c, h, PARAMS)
            assert scores[i, j] == (fit.score if fit.feasible else 0.0)
    by_person, by_home = {c.person_id: c for c in cands}, {h.vacancy_id: h for h in hs}
    for assignment in (
        matching.optimal_assignment(cands, hs, PARAMS, scores),
        matching.greedy_assignment(cands, hs, PARAMS, scores),
    ):
        for pid, vid in assignment.pairs:
            assert matching.payment(by_person[pid], by_home[vid], PARAMS).feasible
    assert np.all(scores >= 0)
