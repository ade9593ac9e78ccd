"""Properties of the global proposal (allocation/matching.py) on varied citizens and homes. Affordability
of every proposed pair and the two paths' agreement are in test_housing_benefit.py; here: the optimal
assignment is optimal (against brute force), never worse than one home at a time, and consistent."""

from itertools import permutations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from allocation import matching
from allocation.conf import matching_params

FAST = settings(max_examples=80, deadline=None, database=None)
PARAMS = matching_params()
AREAS = ["Nord", "Syd", "Centrum"]

candidates_st = st.builds(
    matching.Candidate,
    person_id=st.just(0),
    can_pay=st.integers(2_000, 7_000),
    homeless_days=st.integers(0, 2_000),
    monthly_income=st.one_of(st.none(), st.integers(5_000, 25_000)),
    areas=st.lists(st.sampled_from(AREAS), max_size=2, unique=True).map(tuple),
    min_rooms=st.one_of(st.none(), st.integers(1, 3)),
    sharing=st.sampled_from([matching.SHARING_ALONE, matching.SHARING_SHARED, matching.SHARING_EITHER]),
    wants_ordinary_building=st.booleans(),
    has_pet=st.booleans(),
    needs_accessible=st.booleans(),
    urgency=st.sampled_from(["normal", "high", "acute"]),
)
homes_st = st.builds(
    matching.Home,
    vacancy_id=st.just(0),
    rent=st.integers(2_000, 7_000),
    utilities=st.integers(0, 1_000),
    rooms=st.integers(1, 4),
    area=st.sampled_from(AREAS + [""]),
    shared=st.booleans(),
    ordinary_building=st.booleans(),
    pets_allowed=st.booleans(),
    accessible=st.booleans(),
    size_m2=st.one_of(st.none(), st.integers(20, 120)),
)


def numbered(cands, homes):
    cands = [matching.Candidate(**{**c.__dict__, "person_id": i + 1}) for i, c in enumerate(cands)]
    homes = [matching.Home(**{**h.__dict__, "vacancy_id": j + 1}) for j, h in enumerate(homes)]
    return cands, homes


def brute_force_best(scores):
    """The highest total over every way to give each home to at most one citizen (small cases only)."""
    n, m = scores.shape
    rows = list(range(n)) + [None] * m  # None: the home stays empty
    best = 0.0
    for chosen in permutations(rows, m):
        best = max(best, sum(scores[i, j] for j, i in enumerate(chosen) if i is not None))
    return best


@FAST
@given(st.lists(candidates_st, min_size=1, max_size=4), st.lists(homes_st, min_size=1, max_size=4))
def test_the_optimal_assignment_has_the_highest_total_and_beats_one_home_at_a_time(cands, homes):
    cands, homes = numbered(cands, homes)
    scores = matching.score_matrix(cands, homes, PARAMS)
    optimal = matching.optimal_assignment(cands, homes, PARAMS, scores)
    one_at_a_time = matching.greedy_assignment(cands, homes, PARAMS, scores)
    assert np.isclose(optimal.total_score, brute_force_best(scores))
    assert optimal.total_score >= one_at_a_time.total_score - 1e-9


@FAST
@given(st.lists(candidates_st, min_size=1, max_size=8), st.lists(homes_st, min_size=1, max_size=8))
def test_an_assignment_is_its_pairs_each_affordable_and_each_used_once(cands, homes):
    cands, homes = numbered(cands, homes)
    scores = matching.score_matrix(cands, homes, PARAMS)
    row = {c.person_id: i for i, c in enumerate(cands)}
    col = {h.vacancy_id: j for j, h in enumerate(homes)}
    for assign in (matching.optimal_assignment, matching.greedy_assignment):
        result = assign(cands, homes, PARAMS, scores)
        people = [p for p, _ in result.pairs]
        vacancies = [v for _, v in result.pairs]
        assert len(set(people)) == len(people) == result.matched == len(set(vacancies))
        assert np.isclose(result.total_score, sum(scores[row[p], col[v]] for p, v in result.pairs))
        for p, v in result.pairs:
            assert scores[row[p], col[v]] > 0
            assert matching.evaluate(cands[row[p]], homes[col[v]], PARAMS).feasible


@FAST
@given(st.lists(candidates_st, min_size=1, max_size=5), st.lists(homes_st, min_size=1, max_size=5), homes_st)
def test_one_more_home_never_lowers_the_optimal_total(cands, homes, extra):
    cands, homes = numbered(cands, homes)
    more = numbered([], homes + [extra])[1]
    before = matching.optimal_assignment(cands, homes, PARAMS).total_score
    assert matching.optimal_assignment(cands, more, PARAMS).total_score >= before - 1e-9


@FAST
@given(st.lists(candidates_st, min_size=1, max_size=8), homes_st)
def test_the_ranking_for_a_home_is_the_affordable_citizens_best_first(cands, home):
    cands, (home,) = numbered(cands, [home])
    ranked = matching.rank(cands, home, PARAMS)
    feasible = [c.person_id for c in cands if matching.evaluate(c, home, PARAMS).feasible]
    assert sorted(f.person_id for f in ranked) == sorted(feasible)
    assert [f.score for f in ranked] == sorted((f.score for f in ranked), reverse=True)
