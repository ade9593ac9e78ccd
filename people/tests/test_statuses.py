"""By-name list statuses (people/statuses.py): transitions, re-entry and the inactivity rule."""

from datetime import date, timedelta

import pytest

from people.statuses import Status, StatusError, becomes_inactive, check_transition, reentry_status


@pytest.mark.parametrize(
    "current, new",
    [
        (None, Status.NEWLY_IDENTIFIED),
        (Status.NEWLY_IDENTIFIED, Status.HOUSED),
        (Status.NEWLY_IDENTIFIED, Status.INACTIVE),
        (Status.NEWLY_IDENTIFIED, Status.MOVED_AWAY),
        (Status.NEWLY_IDENTIFIED, Status.DIED),
        (Status.NEWLY_IDENTIFIED, Status.NO_LONGER_HOMELESS),
        (Status.HOUSED, Status.RETURNED_FROM_HOUSING),
        (Status.INACTIVE, Status.RETURNED_FROM_INACTIVE),
        (Status.RETURNED_FROM_HOUSING, Status.HOUSED),
        (Status.RETURNED_FROM_INACTIVE, Status.INACTIVE),
        (Status.HOUSED, Status.DIED),
    ],
)
def test_transition_is_allowed(current, new):
    check_transition(current, new)  # no exception


@pytest.mark.parametrize(
    "current, new, message",
    [
        (None, Status.HOUSED, "Nyidentificeret"),
        (Status.DIED, Status.RETURNED_FROM_HOUSING, "død"),
        (Status.HOUSED, Status.NEWLY_IDENTIFIED, "første gang"),
        (Status.NEWLY_IDENTIFIED, Status.RETURNED_FROM_HOUSING, "allerede aktiv"),
        (Status.HOUSED, Status.RETURNED_FROM_INACTIVE, "kræver, at personen er inaktiv"),
        (Status.INACTIVE, Status.RETURNED_FROM_HOUSING, "kræver, at personen er boligplaceret"),
        (Status.HOUSED, Status.HOUSED, "allerede denne status"),
    ],
)
def test_transition_is_refused_with_a_danish_reason(current, new, message):
    with pytest.raises(StatusError, match=message):
        check_transition(current, new)


@pytest.mark.parametrize(
    "current, expected",
    [
        (None, Status.NEWLY_IDENTIFIED),
        (Status.HOUSED, Status.RETURNED_FROM_HOUSING),
        (Status.INACTIVE, Status.RETURNED_FROM_INACTIVE),
        (Status.MOVED_AWAY, Status.RETURNED_FROM_HOUSING),
        (Status.NO_LONGER_HOMELESS, Status.RETURNED_FROM_HOUSING),
    ],
)
def test_reentry_status_matches_where_the_person_came_from(current, expected):
    assert reentry_status(current) == expected


TODAY = date(2025, 6, 1)


def test_active_person_becomes_inactive_after_exactly_n_days_without_activity():
    assert becomes_inactive(
        status=Status.NEWLY_IDENTIFIED, last_activity=TODAY - timedelta(days=90), today=TODAY, after_days=90
    )


def test_active_person_stays_active_one_day_before_the_limit():
    assert not becomes_inactive(
        status=Status.NEWLY_IDENTIFIED, last_activity=TODAY - timedelta(days=89), today=TODAY, after_days=90
    )


def test_a_person_off_the_list_never_becomes_inactive():
    assert not becomes_inactive(
        status=Status.HOUSED, last_activity=TODAY - timedelta(days=400), today=TODAY, after_days=90
    )


def test_an_open_case_without_recorded_activity_is_not_activity():
    # The rule looks only at the recorded activity date: an open case or needs-list entry does not
    # keep a person active (issue 2).
    assert becomes_inactive(
        status=Status.RETURNED_FROM_HOUSING,
        last_activity=TODAY - timedelta(days=120),
        today=TODAY,
        after_days=90,
    )


def test_no_recorded_activity_date_does_not_make_a_person_inactive():
    assert not becomes_inactive(
        status=Status.NEWLY_IDENTIFIED, last_activity=None, today=TODAY, after_days=90
    )
