"""The log page finds a citizen by name or CPR number through the by-name list's own search, which lives
in people, above accounts: people registers its finder here at start-up, so accounts imports nothing above
it (the same inversion as figures.registry and steering.municipal_plan). The finder logs what it shows:
the search with its terms (a CPR number masked) and a read of each citizen it names.

No finder registered (a project without people): the log is searched by citizen id only."""

from dataclasses import dataclass
from datetime import date
from typing import Protocol


@dataclass(frozen=True)
class Citizen:
    id: int
    name: str
    birth_date: date | None = None


class Finder(Protocol):
    def search(self, actor, *, query: str, purpose: str) -> list[Citizen]: ...

    def get(self, actor, *, person_id: int, purpose: str, log: bool = True) -> Citizen | None: ...


_finders: list[Finder] = []


def register(finder: Finder) -> None:
    """Registering the same finder again changes nothing."""
    if finder not in _finders:
        _finders.append(finder)


def search(actor, *, query: str, purpose: str) -> list[Citizen]:
    """The citizens of the actor's municipality the query finds (name, birth date or CPR number)."""
    return _finders[0].search(actor, query=query, purpose=purpose) if _finders else []


def get(actor, *, person_id: int, purpose: str, log: bool = True) -> Citizen | None:
    """The citizen with this id in the actor's municipality, or None (deleted, or another municipality's).
    ``log=False`` only where the caller logs the use itself (an export of the citizen's report)."""
    return _finders[0].get(actor, person_id=person_id, purpose=purpose, log=log) if _finders else None
