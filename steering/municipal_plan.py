"""The municipality's own plan against homelessness (its focus areas or development goals, and the initiatives
under them) is kept by an app above steering (implementation). Steering's pages link to the plan and name its
focus areas through the one reader that app registers here at start-up, so steering imports nothing above it
(the same inversion as figures.registry). No reader registered: the pages show no link."""

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PlanSummary:
    url: str
    focus_areas: list[str] = field(default_factory=list)


_readers: list[Callable] = []


def register(reader: Callable) -> None:
    """``reader(actor) -> PlanSummary | None``; registering the same reader again changes nothing."""
    if reader not in _readers:
        _readers.append(reader)


def summary(actor) -> PlanSummary | None:
    """The plan's link and focus areas for the actor's municipality, from the registered reader."""
    for reader in _readers:
        found = reader(actor)
        if found is not None:
            return found
    return None
