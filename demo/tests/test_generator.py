"""The generator's histories follow the list rules and its summaries match the history."""

import random
from datetime import date, timedelta

import pytest

from demo.generator import Params, generate_people
from people.durations import Period, current_spell_start
from people.situations import HOMELESS, category
from people.statuses import ACTIVE, Status, check_transition, is_active

TODAY = date(2026, 3, 1)
START = TODAY - timedelta(days=5 * 365)


@pytest.fixture(scope="module")
def people():
    return list(generate_people(random.Random(7), count=400, start=START, end=TODAY))


def test_every_status_sequence_passes_check_transition(people):
    for p in people:
        current = None
        for change in p.status_changes:
            check_transition(current, change.status)
            assert change.previous_status == (current or "")
            current = change.status


def test_status_changes_and_situations_are_in_date_order_and_not_after_today(people):
    for p in people:
        assert [c.changed_on for c in p.status_changes] == sorted(c.changed_on for c in p.status_changes)
        starts = [s.start for s in p.situations]
        assert starts == sorted(starts) and len(set(starts)) == len(starts)
        assert all(
            d <= TODAY
            for d in starts + [c.changed_on for c in p.status_changes] + [c.contacted_on for c in p.contacts]
        )
        # Only the last situation may be open, and each closed one ends where the next begins.
        for a, b in zip(p.situations, p.situations[1:]):
            assert a.end == b.start


def test_days_on_list_counts_from_entering_the_active_list(people):
    for p in people:
        entered = None
        for change in p.status_changes:
            if is_active(change.status):
                entered = change.changed_on
                assert change.days_on_list is None
            elif is_active(change.previous_status):
                assert change.days_on_list == (change.changed_on - entered).days


def test_summary_matches_history(people):
    for p in people:
        last = p.status_changes[-1]
        assert (p.current_status, p.status_since) == (last.status, last.changed_on)
        open_periods = [s for s in p.situations if s.end is None]
        assert len(open_periods) <= 1
        assert p.current_situation == (open_periods[0].situation if open_periods else "")
        assert p.situation_since == (open_periods[0].start if open_periods else None)
        periods = [Period(s.situation, s.start, s.end) for s in p.situations]
        assert p.homeless_since == current_spell_start(periods, TODAY)
        assert p.identified_on == p.situations[0].start
        activity = (
            [s.start for s in p.situations]
            + [c.contacted_on for c in p.contacts]
            + [c.changed_on for c in p.status_changes if c.status == Status.RETURNED_FROM_INACTIVE]
        )
        assert p.last_activity_on == max(activity)
        assert p.on_needs_list == any(n.removed_on is None for n in p.needs)


def test_nobody_stays_active_after_90_days_without_activity(people):
    for p in people:
        if p.current_status in ACTIVE:
            assert (TODAY - p.last_activity_on).days < 90


def test_housed_follows_a_move_into_own_home(people):
    for p in people:
        for change in p.status_changes:
            if change.status == Status.HOUSED:
                moved = [s for s in p.situations if s.start == change.changed_on]
                assert moved and category(moved[0].situation) == "housed"


def test_needs_list_has_at_most_one_open_entry_and_realistic_rents(people):
    for p in people:
        assert sum(n.removed_on is None for n in p.needs) <= 1
        for n in p.needs:
            assert 2800 <= n.max_rent <= 6500
            assert n.removed_on is None or n.removed_on >= n.registered_on


def test_mix_has_sofa_surfers_shelters_returns_and_all_exits(people):
    situations = [s.situation for p in people for s in p.situations]
    statuses = {c.status for p in people for c in p.status_changes}
    assert situations.count("sofa_surfer") > situations.count("street")
    assert situations.count("shelter") > situations.count("street")
    assert set(Status) <= statuses
    housed = [p for p in people if any(c.status == Status.HOUSED for c in p.status_changes)]
    returned = [p for p in housed if any(c.status == Status.RETURNED_FROM_HOUSING for c in p.status_changes)]
    assert 0.05 <= len(returned) / len(housed) <= 0.25
    active = [p for p in people if p.current_status in ACTIVE]
    assert sum(p.current_situation in HOMELESS for p in active) > len(active) / 2


def test_same_seed_gives_the_same_people():
    def run(seed):
        return [
            (p.first_name, p.last_name, p.cpr, p.status_changes, p.contacts)
            for p in generate_people(random.Random(seed), count=30, start=START, end=TODAY)
        ]

    assert run(3) == run(3)
    assert run(3) != run(4)


def test_national_knobs_give_about_fifty_events_per_person_over_ten_years():
    params = Params(contact_interval_days=8, details=False)
    people = list(
        generate_people(
            random.Random(1), count=300, start=TODAY - timedelta(days=3650), end=TODAY, params=params
        )
    )
    assert 30 <= sum(p.event_count for p in people) / len(people) <= 70
