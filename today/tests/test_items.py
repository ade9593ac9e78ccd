"""The pure rules of I dag (today/items.py): timing, priority, order, bounds, what is new; no database."""

from datetime import date, timedelta

from today.items import (
    Item,
    Kind,
    Priority,
    Section,
    Timing,
    arrange,
    bounded,
    days_late,
    initials_of,
    new_keys,
    ordered,
    priority_of,
    shown_keys,
    timing,
    total_count,
)

TODAY = date(2026, 3, 10)


def item(key, *, kind=Kind.PLAN_REVIEW, due=None, title="A", priority=None):
    return Item(kind=kind, key=key, title=title, reason="", url="/", due=due, priority=priority)


def test_timing_is_overdue_today_soon_or_undated():
    assert timing(TODAY - timedelta(days=1), TODAY) == Timing.OVERDUE
    assert timing(TODAY, TODAY) == Timing.TODAY
    assert timing(TODAY + timedelta(days=1), TODAY) == Timing.SOON
    assert timing(None, TODAY) == Timing.UNDATED


def test_days_late_counts_only_past_dates():
    assert days_late(TODAY - timedelta(days=4), TODAY) == 4
    assert days_late(TODAY + timedelta(days=4), TODAY) == 0
    assert days_late(None, TODAY) == 0


def test_a_home_at_risk_outranks_paperwork_and_unknown_kinds_are_normal():
    assert priority_of(Kind.HOME_AT_RISK) < priority_of(Kind.PLAN_REVIEW) < priority_of(Kind.NO_WORKER)
    assert priority_of("documents_expiring") == Priority.NORMAL


def test_order_is_longest_overdue_first_then_today_then_soonest_then_undated():
    items = [
        item("soon", due=TODAY + timedelta(days=2)),
        item("undated"),
        item("today", due=TODAY),
        item("late1", due=TODAY - timedelta(days=1)),
        item("late5", due=TODAY - timedelta(days=5)),
    ]
    assert [i.key for i in ordered(items, TODAY)] == ["late5", "late1", "today", "soon", "undated"]


def test_on_the_same_date_the_higher_priority_comes_first_then_the_title():
    items = [
        item("b", due=TODAY, title="B", kind=Kind.PLAN_REVIEW),
        item("a", due=TODAY, title="A", kind=Kind.PLAN_REVIEW),
        item("x", due=TODAY, title="Z", kind=Kind.HOME_AT_RISK),
    ]
    assert [i.key for i in ordered(items, TODAY)] == ["x", "a", "b"]


def test_bounded_shows_the_first_and_keeps_the_total():
    items = [item(f"k{i}", due=TODAY + timedelta(days=i)) for i in range(15)]
    shown, total = bounded(items, 10, TODAY)
    assert [i.key for i in shown] == [f"k{i}" for i in range(10)] and total == 15
    assert bounded(items, 10, TODAY, total=99)[1] == 99


def test_sections_with_urgent_items_come_first_and_empty_ones_last():
    empty = Section(kind="e", label="E", why="")
    paper = Section(kind="p", label="P", why="", items=[item("p")], total=1)
    urgent = Section(kind="u", label="U", why="", items=[item("u", kind=Kind.HOME_AT_RISK)], total=1)
    assert [s.kind for s in arrange([empty, paper, urgent])] == ["u", "p", "e"]


def test_more_and_total_count():
    s = Section(kind="p", label="P", why="", items=[item("a"), item("b")], total=12)
    assert s.more == 10
    assert total_count([s, Section(kind="q", label="Q", why="", total=3)]) == 15


def test_new_keys_are_those_shown_and_not_seen_before():
    s = Section(kind="p", label="P", why="", items=[item("a"), item("b")], total=2)
    assert new_keys([s], ["a", "gone"]) == {"b"}
    assert shown_keys([s]) == ["a", "b"]


def test_initials_never_carry_more_than_initials():
    assert initials_of("Jens Peter", "Hansen") == "JPH"
    assert initials_of("", "", "kb") == "KB"
    assert initials_of("", "") == "?"
