"""The method recommendation: pure rules, no database (plans/recommendation.py)."""

import itertools

import pytest

from plans.dimensions import Dimension, Level, ServicesUse
from plans.methods import Method
from plans.recommendation import AssessmentInput, Thresholds, recommend

T = Thresholds(severe_level=3, act_severe_dimensions=3, s85_max_level=1, s85_min_assessed=4)


def rec(**kw):
    return recommend(AssessmentInput(**kw), thresholds=T)


def test_little_use_of_services_recommends_act():
    r = rec(services_use=ServicesUse.LITTLE, levels={Dimension.MENTAL_HEALTH: Level.SEVERE})
    assert r.method is Method.ACT and not r.provisional
    assert "meget lav grad" in r.reason and "psykisk helbred" in r.reason


def test_some_use_of_services_recommends_icm():
    r = rec(services_use=ServicesUse.SOME)
    assert r.method is Method.ICM and "i nogen grad" in r.reason


def test_large_use_of_services_recommends_cti_for_the_transition():
    r = rec(
        services_use=ServicesUse.LARGE,
        levels={Dimension.HOUSING: Level.SEVERE, Dimension.ECONOMY: Level.MODERATE},
    )
    assert r.method is Method.CTI and "kritisk overgang" in r.reason


def test_large_use_and_only_mild_levels_in_enough_dimensions_recommends_section_85():
    levels = {Dimension.HOUSING: 1, Dimension.ECONOMY: 0, Dimension.NETWORK: 1, Dimension.DAILY_ACTIVITIES: 1}
    r = rec(services_use=ServicesUse.LARGE, levels=levels)
    assert r.method is Method.SECTION_85 and "4 vurderede" in r.reason


def test_mild_levels_in_too_few_dimensions_stay_cti():
    r = rec(services_use=ServicesUse.LARGE, levels={Dimension.HOUSING: 1, Dimension.ECONOMY: 0})
    assert r.method is Method.CTI


def test_the_citizens_own_wish_for_residential_care_recommends_another_offer():
    r = rec(services_use=ServicesUse.LITTLE, wants_residential_care=True)
    assert r.method is Method.OTHER and "§ 107/108" in r.reason


def test_severe_levels_alone_never_recommend_residential_care():
    """Who needs § 107/108 cannot be predicted in advance (seed 002): levels never exclude an own home."""
    levels = dict.fromkeys(Dimension, Level.COMPLETE)
    for use in [None, *ServicesUse]:
        assert rec(services_use=use, levels=levels).method is not Method.OTHER


def test_nothing_assessed_gives_a_provisional_icm_so_support_can_start():
    r = rec()
    assert r.method is Method.ICM and r.provisional and "må ikke forsinke" in r.reason


def test_partial_assessment_without_services_use_is_provisional_from_the_levels():
    many = {Dimension.MENTAL_HEALTH: 3, Dimension.SUBSTANCE_USE: 4, Dimension.DAILY_ACTIVITIES: 3}
    assert rec(levels=many).method is Method.ACT
    one = {Dimension.MENTAL_HEALTH: 3, Dimension.HOUSING: None}
    assert rec(levels=one).method is Method.ICM
    mild = {Dimension.HOUSING: 2, Dimension.ECONOMY: None}
    r = rec(levels=mild)
    assert r.method is Method.CTI and r.provisional and "bolig" in r.reason


def test_thresholds_come_from_configuration():
    strict = Thresholds(severe_level=2, act_severe_dimensions=1, s85_max_level=0, s85_min_assessed=8)
    assert recommend(AssessmentInput(levels={Dimension.HOUSING: 2}), thresholds=strict).method is Method.ACT
    assert recommend(AssessmentInput(levels={Dimension.HOUSING: 2}), thresholds=T).method is Method.CTI


def test_the_inputs_hold_no_condition_on_the_citizen():
    """Housing readiness, sobriety or treatment are never conditions (seed 004, ch. 2 and 4.1)."""
    fields = set(AssessmentInput.__dataclass_fields__)
    assert fields == {"services_use", "levels", "wants_residential_care"}
    for word in ("ready", "readiness", "sober", "treatment", "parat", "stoffri"):
        assert not any(word in f for f in fields)


@pytest.mark.parametrize("use", [None, *ServicesUse])
def test_every_combination_gives_a_recommendation_with_a_reason_never_a_refusal(use):
    values = [None, *Level]
    dims = [Dimension.MENTAL_HEALTH, Dimension.SUBSTANCE_USE, Dimension.HOUSING, Dimension.DAILY_ACTIVITIES]
    for combo in itertools.product(values, repeat=len(dims)):
        for wish in (False, True):
            r = rec(services_use=use, levels=dict(zip(dims, combo, strict=True)), wants_residential_care=wish)
            assert r.method in set(Method)
            assert len(r.reason) > 40


def test_the_reason_does_not_name_dimensions_the_reader_may_not_see():
    from plans.dimensions import HEALTH_DIMENSIONS

    data = AssessmentInput(
        levels={Dimension.MENTAL_HEALTH: 3, Dimension.SUBSTANCE_USE: 4, Dimension.HOUSING: 3}
    )
    shown = recommend(data, thresholds=T)
    hidden = recommend(data, thresholds=T, hidden=HEALTH_DIMENSIONS)
    assert shown.method is hidden.method is Method.ACT
    assert "psykisk helbred" in shown.reason and "rusmidler" in shown.reason
    assert "psykisk helbred" not in hidden.reason and "rusmidler" not in hidden.reason
    assert "bolig" in hidden.reason and "kun borgerens egne medarbejdere" in hidden.reason
