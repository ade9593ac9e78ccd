"""Pure modules: quarters, scoring of the form, Brief INSPIRE scoring and the anonymity threshold."""

from datetime import date

import pytest

from fidelity import anonymity, inspire
from fidelity.quarters import Quarter, last_n
from fidelity.scoring import StatementRef, disagrees, score, weakest

# --- quarters --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "day, expected",
    [
        (date(2026, 1, 1), Quarter(2026, 1)),
        (date(2026, 3, 31), Quarter(2026, 1)),
        (date(2026, 4, 1), Quarter(2026, 2)),
        (date(2026, 6, 30), Quarter(2026, 2)),
        (date(2026, 7, 1), Quarter(2026, 3)),
        (date(2026, 9, 30), Quarter(2026, 3)),
        (date(2026, 10, 1), Quarter(2026, 4)),
        (date(2026, 12, 31), Quarter(2026, 4)),
    ],
)
def test_a_day_belongs_to_its_quarter_at_both_boundaries(day, expected):
    assert Quarter.of(day) == expected
    assert expected.contains(day)


def test_quarter_start_end_and_leap_day():
    assert (Quarter(2024, 1).start, Quarter(2024, 1).end) == (date(2024, 1, 1), date(2024, 3, 31))
    assert Quarter(2024, 4).end == date(2024, 12, 31)
    assert Quarter.of(date(2024, 2, 29)) == Quarter(2024, 1)


def test_previous_and_next_cross_the_year():
    assert Quarter(2026, 1).previous() == Quarter(2025, 4)
    assert Quarter(2025, 4).next() == Quarter(2026, 1)
    assert last_n(Quarter(2026, 2), 4) == [
        Quarter(2025, 3),
        Quarter(2025, 4),
        Quarter(2026, 1),
        Quarter(2026, 2),
    ]


def test_parse_and_bad_quarters_say_what_is_wrong():
    assert Quarter.parse("2026-k3") == Quarter(2026, 3)
    assert str(Quarter(2026, 3)) == "2026-K3"
    with pytest.raises(ValueError, match="2026-K3"):
        Quarter.parse("2026/3")
    with pytest.raises(ValueError, match="1-4"):
        Quarter(2026, 5)


# --- scoring ---------------------------------------------------------------------------------------------

STATEMENTS = [
    StatementRef(i, i, f"udsagn {i}", principle=7 if i != 2 else 8, theme=1) for i in range(1, 5)
] + [StatementRef(i, i, f"udsagn {i}", principle=1 if i < 7 else 4, theme=2) for i in range(5, 9)]


def test_full_answers_give_means_per_statement_principle_and_theme():
    answers = {1: 5, 2: 4, 3: 3, 4: 4, 5: 2, 6: 2, 7: 1, 8: 3}
    r = score(STATEMENTS, answers)
    assert r.statements[3].value == 3
    assert r.principles[7].value == 4.0 and r.principles[8].value == 4.0
    assert r.themes[1].value == 4.0 and r.themes[2].value == 2.0
    assert r.overall.value == 3.0 and r.overall.missing == 0


def test_missing_answers_are_missing_never_zero():
    r = score(STATEMENTS, {1: 5, 2: None, 3: 3})  # 4..8 absent
    assert r.statements[2].is_missing and r.statements[2].value is None
    assert r.themes[1].value == 4.0  # mean of 5 and 3, not (5+0+3+0)/4
    assert (r.themes[1].answered, r.themes[1].missing) == (2, 2)
    assert r.principles[8].value is None  # its only statement is unanswered
    assert r.themes[2].is_missing and r.themes[2].answered == 0


def test_no_answers_at_all_give_no_score():
    r = score(STATEMENTS, {})
    assert r.overall.value is None and r.overall.missing == 8


def test_an_answer_outside_the_scale_is_refused_with_the_statement():
    with pytest.raises(ValueError, match="udsagn 3"):
        score(STATEMENTS, {3: 0})


def test_weakest_statements_skip_missing_and_top_answers():
    answers = {1: 5, 2: None, 3: 2, 4: 4, 5: 2, 6: 5}
    assert [s.number for s in weakest(STATEMENTS, answers, limit=3)] == [3, 5, 4]
    assert weakest(STATEMENTS, {1: 5, 2: 5}, limit=3) == []


def test_disagreement_is_agreeing_while_practice_falls_short_and_needs_both_sides():
    assert disagrees(4.5, False, agree_from=4)
    assert not disagrees(3.0, False, agree_from=4)
    assert not disagrees(4.5, True, agree_from=4)
    assert not disagrees(4.5, None, agree_from=4)
    assert not disagrees(None, False, agree_from=4)


# --- Brief INSPIRE ---------------------------------------------------------------------------------------


def test_brief_inspire_has_one_item_per_chime_process():
    assert [i.key for i in inspire.ITEMS] == ["connectedness", "hope", "identity", "meaning", "empowerment"]
    assert [v for v, _ in inspire.OPTIONS] == ["4", "3", "2", "1", "0", "na"]


def test_brief_inspire_score_is_mean_times_25_without_not_applicable():
    all_agree = {i.key: 4 for i in inspire.ITEMS}
    assert inspire.score(all_agree) == 100
    assert inspire.score({i.key: 0 for i in inspire.ITEMS}) == 0
    mixed = inspire.parse(
        {"connectedness": "3", "hope": "na", "identity": "2", "meaning": "1", "empowerment": "na"}
    )
    assert mixed["hope"] is None
    assert inspire.score(mixed) == 50.0  # mean(3, 2, 1) = 2 -> 50
    assert inspire.score({i.key: None for i in inspire.ITEMS}) is None


def test_brief_inspire_unanswered_item_names_the_item():
    with pytest.raises(ValueError, match="udsagn 2"):
        inspire.parse({"connectedness": "3"})


def test_anonymity_threshold_hides_groups_below_the_minimum():
    assert anonymity.group_summary([50, 75, 100, 25], min_group=5) == {"n": 4, "shown": False, "mean": None}
    shown = anonymity.group_summary([50, 75, 100, 25, 60], min_group=5)
    assert shown == {"n": 5, "shown": True, "mean": 62.0}


def test_answers_without_a_score_do_not_count_towards_the_anonymity_threshold():
    # four citizens answered "Ikke relevant for mig" to everything, one answered: that one's own score
    # must not be shown as the group's
    assert anonymity.group_summary([None, None, None, None, 80.0], min_group=5) == {
        "n": 1,
        "shown": False,
        "mean": None,
    }
    assert anonymity.group_summary([50, 75, 100, 25, None], min_group=5) == {
        "n": 4,
        "shown": False,
        "mean": None,
    }
    assert anonymity.group_summary([None] * 5, min_group=5) == {"n": 0, "shown": False, "mean": None}
