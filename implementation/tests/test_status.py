from datetime import date

from implementation import principles
from implementation import status as rules


def test_an_open_initiative_past_its_deadline_is_overdue():
    assert rules.is_overdue(status=rules.IN_PROGRESS, deadline=date(2026, 3, 1), today=date(2026, 3, 2))


def test_an_initiative_due_today_is_not_overdue():
    assert not rules.is_overdue(status=rules.DELAYED, deadline=date(2026, 3, 2), today=date(2026, 3, 2))


def test_done_or_dropped_initiatives_are_never_overdue():
    for s in (rules.DONE, rules.DROPPED):
        assert not rules.is_overdue(status=s, deadline=date(2020, 1, 1), today=date(2026, 3, 2))


def test_an_initiative_without_a_deadline_is_never_overdue():
    assert not rules.is_overdue(status=rules.NOT_STARTED, deadline=None, today=date(2026, 3, 2))


def test_counts_give_every_status_in_the_plans_order():
    got = rules.counts(["done", "in_progress", "done", "unknown"])
    assert list(got) == list(rules.ORDER)
    assert got == {"not_started": 0, "in_progress": 1, "delayed": 0, "done": 2, "dropped": 0}


def test_the_eight_principles_come_from_the_fidelity_form_in_number_order():
    got = principles.principles()
    assert [n for n, _ in got] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert got[0][1] == "Boligen som en basal menneskeret"
    assert got[7][1] == "Skadesreduktion"
