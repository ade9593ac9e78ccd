"""The log in words: what a log row's changes mean, for the log page and the citizen's access report.

A row stores its changes as ``{field: [before, after]}`` with the field's name and stored values
("worker": ["", "8"], "status": ["active", "inactive"]). This module names them the way the forms do:
the field by its verbose name, a choice by its label, yes/no for a flag, and a foreign key by the
object's name ("Mette Madsen" instead of "8").

The names come from the models themselves, found through Django's app registry (no import of the apps
above audit): every municipality model's fields, their choices and their foreign keys. A field name used
by several models takes the first model's name and the union of their choices. Keys that are not a
model field (a summary such as "contact" or "offer") are named in EXTRA_FIELDS.

Foreign keys are resolved for a whole page at once, one query per kind of object on the page (users,
teams, homes ...), never a query per row. A foreign key to a citizen is not resolved: a citizen's name
on the log page would itself be a read of the citizen; the row's citizen is shown by id.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from django.apps import apps
from django.conf import settings
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tenants.models import TenantModel

# The citizen model, named by its label so audit imports nothing above it.
PERSON_MODEL = "people.Person"

# Keys the services log that are not a model field of their own.
EXTRA_FIELDS = {
    "contact": _("Kontakt"),
    "offer": _("Tilbud om bolig"),
    "offer_status": _("Tilbuddets status"),
    "checklist": _("Tjekliste før indflytning"),
    "decision": _("Udvalgets beslutning"),
    "waiting_list": _("Venteliste til støtte"),
    "tenancy": _("Lejemål"),
    "waiting_plan": _("Plan for ventetiden"),
    "workers": _("Medarbejdere"),
    "worker": _("Medarbejder"),
    "team": _("Team"),
    "situation": _("Situation"),
    "status": _("Status"),
}

YES_NO = {"True": _("Ja"), "False": _("Nej")}


@dataclass
class FieldInfo:
    label: object
    values: dict = field(default_factory=dict)  # stored value -> label
    related: str = ""  # the model label ("support.Team") a foreign key points at


@cache
def _fields() -> dict[str, FieldInfo]:
    """Every municipality model's fields by name (and by attname, "team_id"), built once."""
    found: dict[str, FieldInfo] = {}
    user_model = settings.AUTH_USER_MODEL
    for model in apps.get_models():
        if not issubclass(model, TenantModel) or model._meta.app_label == "audit":
            continue
        for f in [*model._meta.concrete_fields, *model._meta.many_to_many]:
            if f.name in ("id", "municipality"):
                continue
            info = found.setdefault(f.name, FieldInfo(label=f.verbose_name))
            if f.choices:
                for value, label in f.flatchoices:
                    info.values.setdefault(str(value), label)
            elif f.get_internal_type() == "BooleanField":
                info.values.update(YES_NO)
            related = f.related_model
            if related is not None and not info.related:
                info.related = user_model if related is apps.get_model(user_model) else related._meta.label
            if getattr(f, "attname", f.name) != f.name:
                found.setdefault(f.attname, info)
    for name, label in EXTRA_FIELDS.items():
        info = found.setdefault(name, FieldInfo(label=label))
        info.label = label
    # A person's "status" and "situation" are stored as current_status and current_situation.
    for name in ("status", "situation"):
        current = found.get(f"current_{name}")
        if current is not None:
            for value, label in current.values.items():
                found[name].values.setdefault(value, label)
    return found


def field_label(key: str) -> str:
    """A change's field in words; a dotted key ("housing.level") names both parts."""
    fields = _fields()
    if key in fields:
        return str(fields[key].label).capitalize()
    if "." in key:
        return ": ".join(field_label(part) for part in key.split("."))
    return key.replace("_", " ").capitalize()


@dataclass(frozen=True)
class Change:
    field: str
    before: str
    after: str


def _resolve(entries, municipality) -> dict[str, dict[str, str]]:
    """The names of the objects the entries' foreign keys point at: one query per kind of object."""
    fields = _fields()
    wanted: dict[str, set[int]] = defaultdict(set)
    for entry in entries:
        for key, values in (entry.changes or {}).items():
            info = fields.get(key)
            if info is None or not info.related or info.related == PERSON_MODEL:
                continue
            for value in values or ():
                if str(value).isdigit():
                    wanted[info.related].add(int(value))
    names: dict[str, dict[str, str]] = {}
    for label, ids in wanted.items():
        model = apps.get_model(label)
        qs = model._default_manager.filter(pk__in=ids)
        if any(f.name == "municipality" for f in model._meta.concrete_fields):
            qs = qs.filter(municipality=municipality)
        names[label] = {str(obj.pk): str(obj) for obj in qs}
    return names


def _value(info: FieldInfo | None, value, names: dict) -> str:
    text = "" if value is None or value == "None" else str(value)
    if not text:
        return "–"
    if info is None:
        return text
    if info.related:
        if info.related == PERSON_MODEL:
            return gettext("borger %(id)s") % {"id": text}
        return names.get(info.related, {}).get(text, text)
    label = info.values.get(text)
    return str(label) if label is not None else text


def changes_in_words(entries, municipality) -> dict[int, list[Change]]:
    """Each entry's changes in words, by entry id; the foreign keys of all entries resolved together."""
    fields = _fields()
    names = _resolve(entries, municipality)
    out = {}
    for entry in entries:
        rows = []
        for key, values in (entry.changes or {}).items():
            before, after = (
                (list(values) + ["", ""])[:2] if isinstance(values, list | tuple) else ("", values)
            )
            info = fields.get(key)
            if info is None and "." in key:
                info = fields.get(key.rsplit(".", 1)[-1])
            rows.append(Change(field_label(key), _value(info, before, names), _value(info, after, names)))
        out[entry.pk] = rows
    return out
