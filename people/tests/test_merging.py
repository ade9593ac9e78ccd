"""The pure rules of a merge (people/merging.py)."""

from datetime import UTC, date, datetime, timedelta

from people import merging


def test_the_survivors_values_win_and_its_empty_fields_are_filled():
    survivor = {"first_name": "Jens", "phone": "", "gender": "unknown", "protected": False, "email": "a@b.dk"}
    duplicate = {"first_name": "Jes", "phone": "1234", "gender": "male", "protected": True, "email": ""}
    values, differences = merging.resolve_fields(survivor, duplicate)
    assert values == {
        "first_name": "Jens",
        "phone": "1234",
        "gender": "male",
        "protected": True,
        "email": "a@b.dk",
    }
    assert {d.field for d in differences} == {"first_name", "phone", "gender", "protected", "email"}
    assert {d.field for d in differences if d.from_duplicate} == {"phone", "gender", "protected"}


def test_a_birth_date_is_taken_only_when_it_agrees_with_the_birth_year():
    survivor = {"birth_date": None, "birth_year": 1980}
    values, _ = merging.resolve_fields(survivor, {"birth_date": date(1981, 5, 1), "birth_year": 1981})
    assert values == survivor
    values, _ = merging.resolve_fields(survivor, {"birth_date": date(1980, 5, 1), "birth_year": 1980})
    assert values == {"birth_date": date(1980, 5, 1), "birth_year": 1980}
    values, _ = merging.resolve_fields(
        {"birth_date": None, "birth_year": None}, {"birth_date": date(1979, 1, 2), "birth_year": 1979}
    )
    assert values["birth_year"] == 1979


def test_periods_of_two_records_become_one_chain():
    d = date(2025, 1, 1)
    periods = [
        (1, d, None),  # survivor's open period
        (2, d + timedelta(days=10), None),  # the duplicate's later open period
        (3, d - timedelta(days=5), d + timedelta(days=20)),  # runs past the next start
    ]
    assert merging.chain_periods(periods) == {3: d, 1: d + timedelta(days=10)}


def test_chained_periods_leave_one_open():
    d = date(2025, 1, 1)
    periods = [(1, d, None), (2, d, None), (3, d + timedelta(days=1), d + timedelta(days=2))]
    ends = merging.chain_periods(periods)
    final = {pid: ends.get(pid, end) for pid, _s, end in periods}
    assert list(final.values()).count(None) == 0 or list(final.values()).count(None) == 1
    assert final[1] == d and final[2] == d + timedelta(days=1)


def test_versions_follow_the_survivors_highest_highest_first():
    assert merging.shifted_versions([1, 2], [(10, 1), (11, 2)]) == [(11, 4), (10, 3)]
    assert merging.shifted_versions([], [(10, 1)]) == []


def test_undo_window():
    at = datetime(2025, 1, 1, tzinfo=UTC)
    assert merging.may_undo(at, at + timedelta(days=30), 30)
    assert not merging.may_undo(at, at + timedelta(days=30, seconds=1), 30)


def test_changed_since():
    assert merging.changed_since({"a": 1, "b": 2}, {"a": 1, "b": 3}) == ["b"]
