"""The maintained figures by key: how each is computed and which tables it depends on.

Domain apps register theirs in their AppConfig.ready (``<app>/aggregates.py``)::

    register("housing.retention", compute_retention,
             depends_on=["housing.Tenancy", ("people.Person", {"current_status", "status_since"})],
             settings=["HOUSING"])

``compute(municipality, today)`` returns plain JSON data (numbers, strings, lists, dicts: no model
instances, dates as ISO strings, codes instead of translated labels) computed from the raw rows; the
page translates labels when it renders. A dependency is a model label, or a label with the fields
that matter: a save that names only other fields (``save(update_fields=...)``) leaves the figure alone.
``settings``: the sections of settings.HF the computation reads; a snapshot computed under other values
of them is recomputed (figures/services.py fingerprint).
Registering connects post_save/post_delete of each dependency (figures/signals.py), for those models
only: a receiver for every model would turn every bulk delete into row-by-row deletes.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

_figures: dict[str, "Figure"] = {}


@dataclass(frozen=True)
class Figure:
    key: str
    compute: Callable
    depends_on: dict  # model label -> frozenset of fields, or None for any change
    settings: tuple = ()


def register(key: str, compute: Callable, *, depends_on: Iterable, settings: Iterable = ()) -> Figure:
    from . import signals

    deps = {}
    for dep in depends_on:
        label, fields = (dep, None) if isinstance(dep, str) else (dep[0], frozenset(dep[1]))
        deps[label] = fields
    figure = Figure(key=key, compute=compute, depends_on=deps, settings=tuple(settings))
    _figures[key] = figure
    for label in deps:
        signals.watch(label)
    return figure


def get(key: str) -> Figure:
    return _figures[key]


def keys() -> list[str]:
    return sorted(_figures)


def keys_for(label: str, update_fields=None) -> list[str]:
    """The figures a change of a ``label`` row may change; ``update_fields``: the fields a save named."""
    out = []
    for figure in _figures.values():
        if label not in figure.depends_on:
            continue
        fields = figure.depends_on[label]
        if update_fields is None or fields is None or fields & set(update_fields):
            out.append(figure.key)
    return sorted(out)
