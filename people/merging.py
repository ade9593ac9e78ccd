"""The pure rules of merging two records of one citizen (people/merge.py). No Django import.

- Which values the record that stays keeps: its own. A field it lacks (empty, "unknown", no protection)
  is filled from the duplicate, so nothing known is lost; name and address protection is never lost.
- Dated periods (where the citizen stays) of both records form one history: sorted by start, each period
  ends where the next begins, so there is one open period and no overlap.
- Numbered versions (assessments, action plans) of the duplicate follow the surviving record's.
- Undo is possible within a window of days (people/conf.py MERGE_UNDO_DAYS).
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

# Values that mean "not known" for a field of the record (the model's defaults).
EMPTY_VALUES: dict[str, tuple] = {"gender": ("", None, "unknown"), "protected": (False, None)}


def is_empty(field: str, value: Any) -> bool:
    return value in EMPTY_VALUES.get(field, ("", None))


@dataclass(frozen=True)
class FieldChoice:
    field: str
    survivor: Any
    duplicate: Any
    result: Any

    @property
    def from_duplicate(self) -> bool:
        return self.result == self.duplicate and self.result != self.survivor


def resolve_fields(survivor: dict, duplicate: dict) -> tuple[dict, list[FieldChoice]]:
    """The values after the merge (the survivor's, its empty fields filled from the duplicate's) and
    the fields where the two records differ, with the value that wins.

    A birth date is taken from the duplicate only when it agrees with the survivor's birth year (or the
    survivor has none); the birth year then follows the date."""
    result = dict(survivor)
    for key, value in duplicate.items():
        if key not in survivor or not is_empty(key, survivor[key]) or is_empty(key, value):
            continue
        if key == "birth_date" and survivor.get("birth_year") not in (None, value.year):
            continue
        result[key] = value
    if result.get("birth_date") and result["birth_date"] != survivor.get("birth_date"):
        result["birth_year"] = result["birth_date"].year
    differences = [
        FieldChoice(key, survivor[key], duplicate.get(key), result[key])
        for key in survivor
        if key in duplicate and survivor[key] != duplicate[key]
    ]
    return result, differences


def chain_periods(periods: list[tuple[int, date, date | None]]) -> dict[int, date]:
    """New end dates for periods (id, start, end) of two records put together: sorted by start (then
    id), a period that is open or runs past the next one's start ends on that start. The last one keeps
    its end (open or not). Returns only the ids whose end changes."""
    ordered = sorted(periods, key=lambda p: (p[1], p[0]))
    changes = {}
    for (pid, _start, end), (_nid, next_start, _nend) in zip(ordered, ordered[1:], strict=False):
        if end is None or end > next_start:
            changes[pid] = next_start
    return changes


def shifted_versions(survivor_versions: list[int], duplicate: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(row id, new version) for the duplicate's versions, numbered after the survivor's highest,
    highest first so no two rows of the duplicate ever hold one number while they are renumbered."""
    offset = max(survivor_versions, default=0)
    if not offset:
        return []
    return [(pk, version + offset) for pk, version in sorted(duplicate, key=lambda r: -r[1])]


def undo_deadline(merged_at: datetime, days: int) -> datetime:
    return merged_at + timedelta(days=days)


def may_undo(merged_at: datetime, now: datetime, days: int) -> bool:
    return now <= undo_deadline(merged_at, days)


def changed_since(expected: dict, current: dict) -> list[str]:
    """The keys whose current value is no longer the one the merge left."""
    return [k for k, v in expected.items() if current.get(k) != v]
