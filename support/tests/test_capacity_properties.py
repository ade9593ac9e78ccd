"""Properties of the caseload arithmetic (support/capacity.py): limits are never exceeded, never raised."""

from hypothesis import given, settings
from hypothesis import strategies as st

from plans.methods import Method
from support import capacity

FAST = settings(max_examples=200, deadline=None, database=None)
counts = st.integers(0, 200)
limits = st.integers(1, 50)
own = st.one_of(st.none(), st.integers(0, 60))


@FAST
@given(limits, own)
def test_a_workers_own_limit_can_lower_the_methods_never_raise_it(method_limit, own_limit):
    limit = capacity.worker_limit(method_limit=method_limit, own_limit=own_limit)
    assert limit <= method_limit
    assert limit == (method_limit if own_limit is None else min(own_limit, method_limit))


@FAST
@given(st.one_of(st.none(), st.integers(-5, 200)), st.integers(1, 120))
def test_an_act_teams_maximum_stays_between_one_and_the_ceiling(own_max, ceiling):
    assert 1 <= capacity.act_team_max(own_max=own_max, ceiling=ceiling) <= ceiling


@FAST
@given(st.integers(1, 120), st.integers(0, 20), st.integers(1, 12))
def test_an_act_teams_limit_respects_both_its_maximum_and_the_average_per_member(team_max, members, per):
    limit = capacity.act_team_limit(team_max=team_max, members=members, per_member=per)
    assert limit <= team_max and limit <= members * per
    assert limit in (team_max, members * per)


@FAST
@given(st.sampled_from(list(Method)), counts, limits, own)
def test_a_worker_is_refused_exactly_when_the_next_citizen_would_exceed_the_limit(
    method, active, method_limit, own_limit
):
    refusal = capacity.check_worker(
        method=method, worker_name="Mette", active=active, method_limit=method_limit, own_limit=own_limit
    )
    limit = capacity.worker_limit(method_limit=method_limit, own_limit=own_limit)
    assert (refusal is not None) == (active >= limit)
    if refusal:
        assert str(limit) in refusal.why and refusal.message.startswith(refusal.why)


@FAST
@given(st.integers(1, 120), st.integers(0, 20), st.integers(1, 12))
def test_filling_an_act_team_one_by_one_stops_at_its_limit(team_max, members, per):
    limit = capacity.act_team_limit(team_max=team_max, members=members, per_member=per)
    active = 0
    while not capacity.check_act_team(
        team_name="Nord", active=active, team_max=team_max, members=members, per_member=per
    ):
        active += 1
        assert active <= limit
    assert active == limit


@FAST
@given(counts, counts, counts)
def test_use_share_is_whole_percent_and_grows_with_the_caseload(a, b, limit):
    low, high = sorted((a, b))
    if limit == 0:
        assert capacity.use_share(low, limit) is None
        return
    assert capacity.use_share(low, limit) <= capacity.use_share(high, limit)
    assert capacity.use_share(limit, limit) == 100 and capacity.use_share(0, limit) == 0
