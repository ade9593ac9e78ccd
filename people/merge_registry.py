"""What each table does when two records of one citizen are merged (people/merge.py). No Django import.

The merge moves every row that points at the duplicate record to the record that stays, found through
the models' foreign keys to people.Person, so a new app's table moves without any code here. A plain
move would break some tables' rules (one open entry per person, version numbers per person, dated
periods that follow each other): their app registers a rule for the table in its ``AppConfig.ready``
(people cannot import the apps above it). A rule looks at both records' rows and answers with a
``Resolution``: refuse the merge with a Danish message saying what to resolve first, leave some of the
duplicate's rows with it, or change fields of rows before the move (recorded, so undo restores them).

Without a rule the merge still refuses a move that would break a unique constraint that names the
person column (people.merge checks every such constraint), and a one-to-one table keeps the surviving
record's row and leaves the duplicate's with it. A table whose rows are a record of what happened to the
record as such (the merges themselves) is registered with ``keep=True`` and never moves.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Resolution:
    """A rule's answer for one table.

    refuse: a Danish message (the merge is refused; the leader resolves it first);
    stay: ids of the duplicate's rows that stay with the duplicate record;
    changes: (row id, {field: new value}) applied in this order before the rows move, to rows of either
        record; undo restores them in the reverse order after moving the rows back;
    notes: Danish sentences for the preview, saying what the rule does.
    """

    refuse: str | None = None
    stay: frozenset[int] = frozenset()
    changes: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# rule(survivor_rows, duplicate_rows, *, today) -> Resolution; the rows are querysets of the table
# filtered on the relation to each record (the caller holds both records locked).
Rule = Callable[..., Resolution]


@dataclass(frozen=True)
class TableRule:
    title: Any = None  # the kind's name in the preview (plural, lazy translation); else verbose_name_plural
    rule: Rule | None = None
    keep: bool = False
    order: int = 100  # preview order


_TABLES: dict[tuple[str, str], TableRule] = {}


def register(
    model: str, *, field: str = "person", title=None, rule: Rule | None = None, keep=False, order=100
) -> None:
    """Register how the table ``model`` ("app_label.ModelName") is merged on its relation ``field``."""
    _TABLES[(model.lower(), field)] = TableRule(title=title, rule=rule, keep=keep, order=order)


def table_rule(model: str, field: str) -> TableRule:
    return _TABLES.get((model.lower(), field), TableRule())
