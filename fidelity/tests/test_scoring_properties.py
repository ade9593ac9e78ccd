"""Properties of the fidelity form's scoring (fidelity/scoring.py): a missing answer is missing, never 0."""

from statistics import mean

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fidelity.scoring import StatementRef, disagrees, score, weakest

FAST = settings(max_examples=60, deadline=None, database=None)
answer = st.one_of(st.none(), st.integers(1, 5))


@st.composite
def forms(draw):
    """Statements (principle 1-8, theme 1-4, in form order) and answers, some missing or absent."""
    n = draw(st.integers(1, 20))
    statements = [
        StatementRef(
            id=100 + i,
            number=i + 1,
            text=f"Udsagn {i + 1}",
            principle=draw(st.integers(1, 8)),
            theme=draw(st.integers(1, 4)),
        )
        for i in range(n)
    ]
    answers = {s.id: v for s in statements if (v := draw(st.one_of(answer, st.just("absent")))) != "absent"}
    return statements, answers


@FAST
@given(forms())
def test_every_score_is_the_mean_of_its_answers_and_counts_them(form):
    statements, answers = form
    result = score(statements, answers)
    groups = [("principle", result.principles), ("theme", result.themes)]
    for attr, scores in groups:
        assert sum(s.total for s in scores.values()) == len(statements)
        for key, s in scores.items():
            given_ = [answers.get(st_.id) for st_ in statements if getattr(st_, attr) == key]
            given_ = [v for v in given_ if v is not None]
            assert s.answered == len(given_) and s.answered + s.missing == s.total
            assert s.is_missing == (not given_)
            if given_:
                assert s.value == round(mean(given_), 2) and 1 <= s.value <= 5
    answered = [v for v in answers.values() if v is not None]
    assert result.overall.answered == len(answered) and result.overall.total == len(statements)


@FAST
@given(forms())
def test_a_missing_answer_never_moves_a_mean(form):
    statements, answers = form
    blanked = {**answers, **{s.id: None for s in statements if s.id not in answers}}
    before, after = score(statements, answers), score(statements, blanked)
    assert before.overall.value == after.overall.value
    assert {k: v.value for k, v in before.principles.items()} == {
        k: v.value for k, v in after.principles.items()
    }


@FAST
@given(forms(), st.integers(0, 6))
def test_the_weakest_are_answered_below_the_top_and_lowest_first(form, limit):
    statements, answers = form
    shown = weakest(statements, answers, limit=limit)
    below_top = [s for s in statements if answers.get(s.id) is not None and answers[s.id] < 5]
    assert len(shown) == min(limit, len(below_top))
    assert all(s in below_top for s in shown)
    keys = [(answers[s.id], s.number) for s in shown]
    assert keys == sorted(keys)
    if shown:
        assert answers[shown[0].id] == min(answers[s.id] for s in below_top)


@FAST
@given(forms(), st.sampled_from([0, 6, 7, -1]))
def test_an_answer_off_the_scale_is_refused(form, off):
    statements, answers = form
    with pytest.raises(ValueError):
        score(statements, {**answers, statements[0].id: off})


@FAST
@given(st.one_of(st.none(), st.floats(1, 5)), st.one_of(st.none(), st.booleans()), st.floats(1, 5))
def test_a_disagreement_needs_both_sides_known_and_agreement_with_practice_short(
    self_score, meets, agree_from
):
    found = disagrees(self_score, meets, agree_from=agree_from)
    assert found == (self_score is not None and meets is False and self_score >= agree_from)
