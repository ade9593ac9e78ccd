"""The citizens' questionnaires by key: each key of models.Instrument names the pure module that holds its
items, options, parse and score (Brief INSPIRE, WHO-5); whether a group's result may be shown is
anonymity.py's one rule for every questionnaire. Services, the answer page and the
results ask this registry instead of importing one questionnaire. Pure: no Django import."""

from types import ModuleType

from . import inspire, who5

MODULES: dict[str, ModuleType] = {m.INSTRUMENT: m for m in (inspire, who5)}


def module(instrument: str) -> ModuleType:
    """The questionnaire module for an instrument key; KeyError for an unknown key (a programming error:
    the key comes from a model field with these choices)."""
    return MODULES[instrument]
