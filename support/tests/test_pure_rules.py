"""Caseload limits, persistence timing and the moving-in warning as plain functions."""

from datetime import date

from support import capacity, moving_in, persistence


def test_worker_limit_may_be_lowered_never_raised():
    assert capacity.worker_limit(method_limit=8, own_limit=None) == 8
    assert capacity.worker_limit(method_limit=8, own_limit=5) == 5
    assert capacity.worker_limit(method_limit=8, own_limit=12) == 8


def test_icm_ninth_citizen_is_refused_with_a_danish_message():
    assert (
        capacity.check_worker(method="icm", worker_name="Sanne", active=7, method_limit=8, own_limit=None)
        is None
    )
    refusal = capacity.check_worker(
        method="icm", worker_name="Sanne", active=8, method_limit=8, own_limit=None
    )
    assert "Sanne har allerede 8 borgere i ICM" in refusal.message and "højst have 8" in refusal.message
    assert "ventelisten" in refusal.message


def test_cti_eleventh_citizen_is_refused():
    assert (
        capacity.check_worker(method="cti", worker_name="A", active=9, method_limit=10, own_limit=None)
        is None
    )
    assert capacity.check_worker(method="cti", worker_name="A", active=10, method_limit=10, own_limit=None)


def test_act_team_limit_is_the_smaller_of_max_and_average():
    assert capacity.act_team_limit(team_max=80, members=10, per_member=8) == 80
    assert capacity.act_team_limit(team_max=80, members=6, per_member=8) == 48
    assert capacity.act_team_limit(team_max=70, members=12, per_member=8) == 70
    refusal = capacity.check_act_team(team_name="ACT Nord", active=48, team_max=80, members=6, per_member=8)
    assert "højst 8 pr. medarbejder" in refusal.message
    assert (
        capacity.check_act_team(team_name="ACT Nord", active=47, team_max=80, members=6, per_member=8) is None
    )


def test_persistence_is_due_after_n_days_without_reaching():
    start = date(2025, 3, 1)
    p = persistence.persistence(
        start=start, last_reached=None, attempts_after_reached=3, today=date(2025, 3, 14), limit_days=14
    )
    assert p.days == 13 and not p.due
    p = persistence.persistence(
        start=start, last_reached=None, attempts_after_reached=3, today=date(2025, 3, 15), limit_days=14
    )
    assert p.due and p.attempts_since == 3


def test_persistence_clock_restarts_when_reached():
    p = persistence.persistence(
        start=date(2025, 1, 1),
        last_reached=date(2025, 3, 10),
        attempts_after_reached=0,
        today=date(2025, 3, 20),
        limit_days=14,
    )
    assert p.since == date(2025, 3, 10) and p.days == 10 and not p.due


def test_moving_in_cluster_needs_count_within_window():
    d = date(2025, 5, 1)
    items = [
        (1, d, 10),
        (1, date(2025, 5, 20), 11),
        (1, date(2025, 5, 28), 12),
        (2, d, 20),
        (2, date(2025, 5, 2), 21),
    ]
    found = moving_in.clusters(items, count=3, days=28)
    assert [c.worker_id for c in found] == [1]
    assert found[0].person_ids == (10, 11, 12)
    assert moving_in.clusters(items, count=3, days=27) == []
