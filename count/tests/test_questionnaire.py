"""The count's form as data and its pure rules (count/questionnaire.py): no database."""

from datetime import date, timedelta

import pytest

from count import forms_2024
from count import questionnaire as q
from people.durations import Period
from people.situations import LABELS, Situation

Q = q.questionnaire("2024")
START = q.week_start(2026)  # Monday 2 February 2026
END = q.week_end(START)


def test_week_six_of_2026_is_2_to_8_february():
    assert (START, END) == (date(2026, 2, 2), date(2026, 2, 8))


def test_the_2024_form_has_the_fields_domain_md_lists_in_a_fixed_order_with_its_source():
    assert [f.code for f in Q.fields] == [
        "identification",
        "municipality",
        "gender",
        "age",
        "nationality",
        "situation",
        "duration",
        "income",
        "children",
        "physical_illness",
        "mental_illness",
        "alcohol",
        "hash",
        "other_drugs",
        "medicine",
        "action_plan",
        "waiting_list",
        "causes",
    ]
    assert Q.version == "2024" and "VIVE" in Q.source and "Hjemløshed i Danmark 2024" in Q.source
    assert {f.code for f in Q.fields if f.sensitive} == {
        "physical_illness",
        "mental_illness",
        "alcohol",
        "hash",
        "other_drugs",
        "medicine",
    }


def test_the_nine_situations_are_the_counts_words_verbatim():
    labels = dict(Q["situation"].options)
    assert len(labels) == 9
    for situation, code in q.SITUATION_CATEGORY.items():
        assert labels[code] == LABELS[situation]
    assert (
        labels["5"] == 'Bor midlertidigt og uden kontrakt hos familie, venner eller bekendte ("sofasurfer")'
    )


@pytest.mark.parametrize(
    ("situation", "category"),
    [
        ("street", "1"),
        ("night_shelter", "2"),
        ("shelter", "3"),
        ("hotel", "4"),
        ("sofa_surfer", "5"),
        ("transitional", "6"),
        ("prison_release", "7"),
        ("hospital_discharge", "8"),
        ("other_emergency", "9"),
        ("eviction_case", None),
        ("leaving_care", None),
        ("other_risk", None),
        ("own_home", None),
        ("", None),
        ("nonsense", None),
    ],
)
def test_platform_situations_map_to_the_counts_nine_and_the_rest_is_not_counted(situation, category):
    assert q.category_of(situation) == category


def test_every_platform_situation_is_either_counted_or_not_homeless():
    assert set(q.SITUATION_CATEGORY) | {
        Situation.EVICTION_CASE,
        Situation.LEAVING_CARE,
        Situation.OTHER_RISK,
        Situation.OWN_HOME,
    } == set(Situation)
    assert sorted(q.SITUATION_CATEGORY.values()) == [str(i) for i in range(1, 10)]


def test_the_period_in_the_week_is_the_homeless_one_begun_last():
    periods = [
        Period("street", date(2025, 1, 1), date(2026, 2, 4)),
        Period("shelter", date(2026, 2, 4), date(2026, 2, 6)),
        Period("own_home", date(2026, 2, 6), None),
    ]
    assert q.period_in_week(periods, START, END).situation == "shelter"


def test_a_period_ending_on_the_weeks_first_day_is_not_in_the_week():
    assert q.period_in_week([Period("street", date(2025, 1, 1), START)], START, END) is None
    assert q.period_in_week([Period("street", END, None)], START, END).situation == "street"
    assert q.period_in_week([Period("street", END + timedelta(days=1), None)], START, END) is None


def test_at_risk_and_own_home_in_the_week_are_not_counted():
    periods = [
        Period("eviction_case", date(2025, 1, 1), date(2026, 1, 1)),
        Period("own_home", date(2026, 1, 1), None),
    ]
    assert q.period_in_week(periods, START, END) is None


def test_active_in_week_when_active_at_start_or_becoming_active_in_it():
    assert q.active_in_week([(date(2025, 1, 1), "newly_identified")], START, END)
    assert q.active_in_week(
        [(date(2025, 1, 1), "newly_identified"), (date(2026, 2, 4), "housed")], START, END
    )
    assert q.active_in_week(
        [(date(2025, 1, 1), "inactive"), (date(2026, 2, 5), "returned_from_inactive")], START, END
    )
    assert not q.active_in_week(
        [(date(2025, 1, 1), "newly_identified"), (date(2026, 1, 5), "moved_away")], START, END
    )
    assert not q.active_in_week([(date(2026, 2, 9), "newly_identified")], START, END)
    assert not q.active_in_week([], START, END)


@pytest.mark.parametrize(
    ("start", "code"),
    [
        (date(2026, 2, 1), "lt3m"),
        (date(2025, 11, 9), "lt3m"),  # 2 months and 30 days
        (date(2025, 11, 8), "3-6m"),
        (date(2025, 8, 8), "6-12m"),
        (date(2025, 2, 8), "1-2y"),
        (date(2024, 2, 9), "1-2y"),
        (date(2024, 2, 8), "gt2y"),
        (None, None),
        (date(2026, 3, 1), None),
    ],
)
def test_duration_buckets_at_the_weeks_end(start, code):
    assert q.duration_code(start, END) == code


FACTS = q.PersonFacts(
    gender="female",
    age=45,
    initials="KH",
    municipality="Frederikssund",
    on_waiting_list=True,
    has_action_plan=False,
)


def test_prefill_fills_what_the_platform_knows():
    periods = [
        Period("sofa_surfer", date(2025, 6, 1), date(2025, 12, 1)),
        Period("shelter", date(2025, 12, 1), None),
    ]
    assert q.prefill(FACTS, periods, START, END) == {
        "identification": "KH",
        "municipality": "Frederikssund",
        "situation": "3",
        "action_plan": "no",
        "waiting_list": "yes",
        "gender": "female",
        "age": 45,
        "duration": "6-12m",  # the spell began 1 June 2025: sofa surfing, then the shelter
    }


def test_prefill_leaves_unknown_gender_age_and_is_none_for_someone_not_counted():
    facts = q.PersonFacts("unknown", None, "AB", "Odense", False, True)
    answers = q.prefill(facts, [Period("street", date(2026, 2, 3), None)], START, END)
    assert "gender" not in answers and "age" not in answers
    assert answers["duration"] == "lt3m" and answers["action_plan"] == "yes"
    assert q.prefill(facts, [Period("own_home", date(2020, 1, 1), None)], START, END) is None


def test_initials_from_names_when_none_are_recorded():
    assert q.initials_of("Karen", "Holm Hansen", "") == "KHH"
    assert q.initials_of("Karen", "Holm", "kh") == "kh"


def test_clean_keeps_valid_answers_in_form_order_and_drops_empty_ones():
    cleaned, problems = q.clean(
        Q, {"causes": ["economy", "eviction", "economy"], "age": " 52 ", "income": "", "gender": "male"}
    )
    assert problems == []
    assert cleaned == {"gender": "male", "age": 52, "causes": ["eviction", "economy"]}
    assert list(cleaned) == ["gender", "age", "causes"]


@pytest.mark.parametrize(
    ("answers", "kind"),
    [
        ({"gender": "dog"}, "not_an_option"),
        ({"causes": ["economy", "aliens"]}, "not_an_option"),
        ({"age": "fyrre"}, "not_a_number"),
        ({"age": "121"}, "out_of_range"),
        ({"age": "-1"}, "out_of_range"),
        ({"identification": "x" * 21}, "too_long"),
        ({"shoe_size": "44"}, "unknown_field"),
    ],
)
def test_clean_reports_each_wrong_answer(answers, kind):
    cleaned, problems = q.clean(Q, answers)
    assert [(p.field, p.kind) for p in problems] == [(next(iter(answers)), kind)]
    assert cleaned == {}


def test_missing_counts_ved_ikke_as_an_answer():
    answers = {f.code: (f.options[-1][0] if f.options else "x") for f in Q.fields}
    answers["age"] = 30
    answers["causes"] = ["unknown"]
    assert q.missing(Q, answers) == []
    del answers["income"]
    answers["children"] = ""
    assert q.missing(Q, answers) == ["income", "children"]


def test_completeness_counts_complete_forms_and_gaps_per_question():
    full = {
        f.code: (
            ["unknown"]
            if f.kind == "multi"
            else 1
            if f.kind == "integer"
            else f.options[0][0]
            if f.options
            else "x"
        )
        for f in Q.fields
    }
    forms = [full, {k: v for k, v in full.items() if k != "income"}, {"situation": "1"}]
    c = q.completeness(Q, forms)
    assert (c.total, c.complete, c.share) == (3, 1, 33)
    assert c.missing_by_field["income"] == 2
    assert c.missing_by_field["situation"] == 0
    assert c.missing_by_field["gender"] == 1
    assert list(c.missing_by_field) == [f.code for f in Q.fields]
    assert q.completeness(Q, []).share is None


def test_tally_by_situation_gender_and_age_group():
    forms = [
        {"situation": "1", "gender": "male", "age": 19},
        {"situation": "1", "gender": "female", "age": 45},
        {"situation": "3", "gender": "male", "age": 60},
        {"situation": "5"},
    ]
    t = q.tally(Q, forms)
    assert t.total == 4
    assert t.situation == {
        "1": 2,
        "2": 0,
        "3": 1,
        "4": 0,
        "5": 1,
        "6": 0,
        "7": 0,
        "8": 0,
        "9": 0,
        "unknown": 0,
    }
    assert t.gender == {"male": 2, "female": 1, "other": 0, "unknown": 1}
    assert t.age["18-24"] == 1 and t.age["40-49"] == 1 and t.age["60+"] == 1 and t.age["unknown"] == 1
    assert sum(t.age.values()) == 4


def test_labels_as_the_count_writes_them():
    assert (
        Q["causes"].label(["eviction", "breakup"]) == "Udsættelse af lejebolig; Samlivsophør eller skilsmisse"
    )
    assert Q["gender"].label("female") == "Kvinde"
    assert Q["age"].label(40) == "40"
    assert Q["income"].label(None) == ""


def test_every_field_in_the_data_file_loads():
    assert len(Q.fields) == len(forms_2024.FIELDS)
    assert all(f.options for f in Q.fields if f.kind in ("choice", "multi"))
