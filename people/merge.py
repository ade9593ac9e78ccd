"""Merging two records of one citizen, and undoing it (issue 14 item 5).

A leader merges a duplicate record into the record that stays (the survivor). Every row of every table
that points at the duplicate moves to the survivor: the tables are found through the models' foreign
keys to people.Person (``related_tables``), so a table added later moves without a change here. Where a
plain move would break a table's rule, the table's own app registers a rule (people/merge_registry.py,
in its AppConfig.ready); without one, a move that would break a unique constraint naming the person is
refused, and a one-to-one row of the duplicate stays with it when the survivor has one.

- The history tables (django-pghistory events) are a record of what was: never rewritten. Their
  triggers record each moved row's move as a new event, and undo's move back as another.
- The access log is never rewritten: it keeps both ids, and the survivor's log page and access report
  include the rows about the records merged into it (accounts.selectors, filled in people.apps).
- The duplicate record is kept, marked merged into the survivor, and out of every list through the one
  default manager (people.models.CurrentPeopleManager); a request for its page goes to the survivor.
- The survivor's values win; its empty fields are filled from the duplicate's (people/merging.py).
- Undo moves back exactly the rows that moved and restores the changed fields and the survivor's values,
  within MERGE_UNDO_DAYS (people/conf.py), and only while every row the merge moved or changed is as the
  merge left it (a fingerprint of each row is kept): a row changed since could leave either record in a
  state no service would make (two open periods, a step of an offer on the wrong citizen), so the leader
  is told which kind of row changed instead.
- Both records are locked in the order of their ids in one transaction, so two merges of the same pair
  (A into B and B into A) run one after the other and the second is refused.
"""

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime

import pghistory.models
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.core.paginator import Paginator
from django.db import models, transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

import figures
from accounts.access import Actor, actor_log, require
from accounts.roles import Capability, may_see_protected
from audit.models import Action
from core.errors import DomainError

from . import conf, merging, rules
from . import cpr as cpr_rules
from .merge_registry import Resolution, table_rule
from .models import Person, PersonMerge
from .selectors import by_name_list, log_list_shown
from .services import PERSON_FIELDS, _refresh_summary

PURPOSE = "Sammenlægning af registreringer"
UNDO_PURPOSE = "Fortrydelse af sammenlægning"

# The record's own values (the survivor's win, empty ones filled) and its CPR: the fields a person is
# created and edited with (people.services), one list.
OWN_FIELDS = PERSON_FIELDS
CPR_FIELDS = ["cpr_encrypted", "cpr_hash"]
# The list summary kept from the histories (people.services): recomputed after the rows move.
SUMMARY_FIELDS = [
    "identified_on",
    "current_situation",
    "situation_since",
    "homeless_since",
    "last_activity_on",
    "last_contact_on",
    "last_reached_on",
    "on_needs_list",
]
STORED_FIELDS = OWN_FIELDS + CPR_FIELDS + SUMMARY_FIELDS


class MergeError(DomainError):
    """A merge or undo refused, with a Danish message saying what to resolve first."""

    def __init__(self, message: str):
        super().__init__(None, message)


# --- the tables ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Table:
    model: type
    field: models.Field
    title: str
    rule: object
    order: int

    @property
    def key(self) -> str:
        return f"{self.model._meta.label}.{self.field.name}"

    @property
    def rows(self):
        # The base manager: every row, whatever a table's default manager leaves out (the caller has
        # both records locked and scopes by the relation to them).
        return self.model._base_manager


def _title(model, fld, registered) -> str:
    if registered:
        return str(registered)
    if model._meta.auto_created:  # a many-to-many field's table: named by the field
        for m2m in Person._meta.many_to_many:
            if m2m.remote_field.through is model:
                return str(m2m.verbose_name)
    if fld.name != "person":
        return f"{model._meta.verbose_name_plural} ({fld.verbose_name})"
    return str(model._meta.verbose_name_plural)


def related_tables() -> list[Table]:
    """Every table with a foreign key (or one-to-one) to people.Person, except history events and the
    tables registered as kept (the merges themselves, a record's link to the record it merged into)."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        if issubclass(model, pghistory.models.Event):
            continue
        for fld in model._meta.concrete_fields:
            if not (fld.is_relation and fld.related_model is Person):
                continue
            registered = table_rule(model._meta.label, fld.name)
            if registered.keep:
                continue
            found.append(
                Table(model, fld, _title(model, fld, registered.title), registered.rule, registered.order)
            )
    return sorted(found, key=lambda t: (t.order, t.title))


def _table_by_key(key: str) -> Table | None:
    return next((t for t in related_tables() if t.key == key), None)


# --- the plan (the preview and the merge use the same) ---------------------------------------------------


@dataclass
class TablePlan:
    table: Table
    move: list[int]
    stay: list[int]
    changes: list[tuple[int, dict]]
    notes: list[str]
    refuse: str | None

    @property
    def title(self) -> str:
        return self.table.title


@dataclass
class MergePlan:
    survivor: Person
    duplicate: Person
    tables: list[TablePlan]
    values: dict
    differences: list[merging.FieldChoice]
    refusals: list[str] = field(default_factory=list)

    @property
    def allowed(self) -> bool:
        return not self.refusals

    @property
    def shown_tables(self) -> list[TablePlan]:
        return [t for t in self.tables if t.move or t.stay or t.notes or t.refuse]


def _unique_sets(model, fld) -> list[tuple[list[str], object]]:
    """The unique rules of a table that name the person column: (the other columns, condition)."""
    sets = []
    for c in model._meta.constraints:
        if isinstance(c, models.UniqueConstraint) and c.fields and fld.name in c.fields:
            sets.append(([f for f in c.fields if f != fld.name], c.condition))
    for together in model._meta.unique_together:
        if fld.name in together:
            sets.append(([f for f in together if f != fld.name], None))
    return sets


def _clashes(table: Table, survivor_rows, duplicate_rows) -> list[int]:
    """The duplicate's rows that a move would put beside a survivor's row a unique rule allows once."""
    clashing: set[int] = set()
    for others, condition in _unique_sets(table.model, table.field):
        s = survivor_rows.filter(condition) if condition is not None else survivor_rows
        d = duplicate_rows.filter(condition) if condition is not None else duplicate_rows
        if others:
            keys = set(s.values_list(*others))
            clashing |= {pk for pk, *rest in d.values_list("pk", *others) if tuple(rest) in keys}
        elif s.exists():
            clashing |= set(d.values_list("pk", flat=True))
    return sorted(clashing)


def _plan_table(table: Table, survivor: Person, duplicate: Person, today: date) -> TablePlan:
    survivor_rows = table.rows.filter(**{table.field.name: survivor})
    duplicate_rows = table.rows.filter(**{table.field.name: duplicate})
    ids = list(duplicate_rows.order_by("pk").values_list("pk", flat=True))
    if table.rule is not None:
        res = table.rule(survivor_rows, duplicate_rows, today=today) if ids else Resolution()
    elif table.field.one_to_one:
        keep_own = ids and survivor_rows.exists()
        res = Resolution(
            stay=frozenset(ids) if keep_own else frozenset(),
            notes=[_("Den tilbageværende registrerings oplysninger gælder; dublettens bliver hos den.")]
            if keep_own
            else [],
        )
    else:
        clashing = _clashes(table, survivor_rows, duplicate_rows) if ids else []
        if clashing and table.model._meta.auto_created:
            # The same worker on both records: the survivor has them already.
            res = Resolution(stay=frozenset(clashing))
        elif clashing:
            res = Resolution(
                refuse=_(
                    "Begge registreringer har %(kind)s, som kun må findes én gang pr. borger. Ret det på den "
                    "ene registrering, før de lægges sammen."
                )
                % {"kind": table.title}
            )
        else:
            res = Resolution()
    return TablePlan(
        table=table,
        move=[pk for pk in ids if pk not in res.stay],
        stay=[pk for pk in ids if pk in res.stay],
        changes=list(res.changes),
        notes=list(res.notes),
        refuse=res.refuse,
    )


def _own_values(person: Person) -> dict:
    return {f: getattr(person, f) for f in OWN_FIELDS}


def merge_plan(survivor: Person, duplicate: Person, *, today: date) -> MergePlan:
    """What a merge of ``duplicate`` into ``survivor`` would do, and whatever refuses it."""
    values, differences = merging.resolve_fields(_own_values(survivor), _own_values(duplicate))
    refusals = []
    if survivor.pk == duplicate.pk:
        refusals.append(_("Vælg to forskellige registreringer."))
    if survivor.municipality_id != duplicate.municipality_id:
        refusals.append(_("Registreringerne hører til hver sin kommune og kan ikke lægges sammen."))
    for person in (survivor, duplicate):
        if person.merged_into_id:
            refusals.append(
                _("%(name)s (nr. %(id)s) er allerede lagt sammen med en anden registrering.")
                % {"name": person.display_name, "id": person.pk}
            )
    if survivor.cpr_hash and duplicate.cpr_hash and survivor.cpr_hash != duplicate.cpr_hash:
        refusals.append(_("Registreringerne har hver sit CPR-nummer og er derfor to forskellige borgere."))
    cpr = survivor.cpr or duplicate.cpr
    cpr_birth = cpr_rules.birth_date(cpr.replace("-", "")) if cpr else None
    problems = rules.birth_problems(
        birth_date=values["birth_date"],
        birth_year=values["birth_year"],
        cpr_birth_date=cpr_birth,
        today=today,
    )
    if problems:
        refusals.append(
            _("Fødselsdatoerne passer ikke sammen: %(problem)s Ret den ene registrering først.")
            % {"problem": problems[0][1]}
        )
    tables = [] if refusals else [_plan_table(t, survivor, duplicate, today) for t in related_tables()]
    refusals += [t.refuse for t in tables if t.refuse]
    return MergePlan(survivor, duplicate, tables, values, differences, refusals)


# --- stored values ---------------------------------------------------------------------------------------


def _dump(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _load(model, name: str, value):
    return model._meta.get_field(name).to_python(value) if value is not None else None


def _stored(person: Person) -> dict:
    return {f: _dump(getattr(person, f)) for f in STORED_FIELDS}


def _fingerprints(model, ids) -> dict[str, str]:
    """A short hash of each row's columns: undo goes ahead only while a row is as the merge left it."""
    out = {}
    for row in model._base_manager.filter(pk__in=ids).values():
        text = json.dumps(row, sort_keys=True, default=str)
        out[str(row["id"] if "id" in row else row[model._meta.pk.attname])] = hashlib.sha256(
            text.encode()
        ).hexdigest()[:20]
    return out


# --- locking and access ----------------------------------------------------------------------------------


def _lock(actor: Actor, *ids: int) -> dict[int, Person]:
    """The records of the actor's municipality, locked one at a time in the order of their ids (every
    merge and undo takes them in that order, so two of them never wait on each other)."""
    locked = {}
    for pk in sorted(set(ids)):
        person = Person.all_objects.select_for_update().filter(pk=pk, municipality=actor.municipality).first()
        if person is None:
            raise Http404(_("Borgeren findes ikke."))
        locked[pk] = person
    return locked


def _check_may_see(actor: Actor, person: Person) -> None:
    if person.protected:
        own = person.workers.filter(pk=actor.user.pk).exists()
        if not may_see_protected(role=actor.role, is_own_worker=own, in_list=False):
            raise Http404(_("Borgeren findes ikke."))


def _log(actor: Actor, purpose: str, person_id: int, detail: str, changes=None) -> None:
    actor_log(actor, Action.UPDATE, purpose, person_id, detail=detail, changes=changes or {})


# --- the preview, the merge and its undo -----------------------------------------------------------------


def merge_preview(actor: Actor, *, survivor_id: int, duplicate_id: int, today: date) -> MergePlan:
    """What will move and which values win, before the leader confirms. Both records are read (logged)."""
    require(actor, Capability.MERGE_PEOPLE)
    people = {
        p.pk: p
        for p in Person.all_objects.filter(
            municipality=actor.municipality, pk__in=[survivor_id, duplicate_id]
        )
    }
    if survivor_id not in people or duplicate_id not in people:
        raise Http404(_("Borgeren findes ikke."))
    for person in people.values():
        _check_may_see(actor, person)
        actor_log(actor, Action.READ, PURPOSE, person.pk)
    return merge_plan(people[survivor_id], people[duplicate_id], today=today)


@transaction.atomic
def person_merge(*, actor: Actor, survivor_id: int, duplicate_id: int) -> PersonMerge:
    """Merge the duplicate record into the survivor (see the module's docstring)."""
    require(actor, Capability.MERGE_PEOPLE)
    today, now = timezone.localdate(), timezone.now()
    locked = _lock(actor, survivor_id, duplicate_id)
    survivor, duplicate = locked[survivor_id], locked[duplicate_id]
    for person in locked.values():
        _check_may_see(actor, person)
    plan = merge_plan(survivor, duplicate, today=today)
    if plan.refusals:
        raise MergeError(plan.refusals[0])
    survivor_before, duplicate_before = _stored(survivor), {f: getattr(duplicate, f) for f in CPR_FIELDS}
    # The CPR number leaves the duplicate before the survivor takes it: one record per number.
    if duplicate.cpr_hash:
        Person.all_objects.filter(pk=duplicate.pk).update(cpr_encrypted="", cpr_hash="")
    changed, moved, stayed, fingerprints = [], {}, {}, {}
    for tp in plan.tables:
        model = tp.table.model
        for pk, values in tp.changes:
            row = model._base_manager.filter(pk=pk).values(*values).get()
            changed.append(
                {
                    "table": model._meta.label,
                    "pk": pk,
                    "before": {k: _dump(v) for k, v in row.items()},
                    "after": {k: _dump(v) for k, v in values.items()},
                }
            )
            model._base_manager.filter(pk=pk).update(**values)
    for tp in plan.tables:
        if tp.move:
            tp.table.rows.filter(pk__in=tp.move).update(**{tp.table.field.attname: survivor.pk})
            moved[tp.table.key] = tp.move
        if tp.stay:
            stayed[tp.table.key] = len(tp.stay)
    for tp in plan.tables:
        ids = set(tp.move) | {c["pk"] for c in changed if c["table"] == tp.table.model._meta.label}
        if ids:
            fingerprints.setdefault(tp.table.model._meta.label, {}).update(_fingerprints(tp.table.model, ids))
    for key, value in plan.values.items():
        setattr(survivor, key, value)
    if duplicate_before["cpr_hash"] and not survivor.cpr_hash:
        survivor.cpr_encrypted, survivor.cpr_hash = (
            duplicate_before["cpr_encrypted"],
            duplicate_before["cpr_hash"],
        )
    _merge_summary(survivor, duplicate, today)
    survivor.save()
    Person.all_objects.filter(pk=duplicate.pk).update(
        merged_into=survivor, merged_at=now, on_needs_list=False
    )
    merge = PersonMerge.objects.create(
        municipality=actor.municipality,
        survivor=survivor,
        duplicate=duplicate,
        merged_by=actor.user,
        moved=moved,
        changed=changed,
        stayed=stayed,
        survivor_before=survivor_before,
        survivor_after=_stored(survivor),
        duplicate_before=duplicate_before,
        fingerprints=fingerprints,
    )
    detail = _("Registrering nr. %(dup)s er lagt sammen med nr. %(surv)s; %(rows)s rækker flyttet.") % {
        "dup": duplicate.pk,
        "surv": survivor.pk,
        "rows": sum(len(v) for v in moved.values()),
    }
    changes = {c.field: [str(c.survivor), str(c.result)] for c in plan.differences if c.from_duplicate}
    _log(actor, PURPOSE, survivor.pk, detail, changes)
    _log(actor, PURPOSE, duplicate.pk, detail, {"merged_into": ["", str(survivor.pk)]})
    figures.mark_stale(actor.municipality)  # the rows moved by queryset updates: no signals
    return merge


def _merge_summary(survivor: Person, duplicate: Person, today: date) -> None:
    """The survivor's list summary over both histories: its status stays (the survivor's values win)."""
    _refresh_summary(survivor, today)
    for name in ("last_activity_on", "last_contact_on", "last_reached_on"):
        setattr(
            survivor,
            name,
            max(filter(None, [getattr(survivor, name), getattr(duplicate, name)]), default=None),
        )
    survivor.identified_on = min(
        filter(None, [survivor.identified_on, duplicate.identified_on]), default=None
    )
    survivor.on_needs_list = survivor.needs_entries.filter(removed_on__isnull=True).exists()


def undo_problems(merge: PersonMerge, *, now: datetime | None = None) -> list[str]:
    """Why this merge can no longer be undone (empty: it can)."""
    now = now or timezone.now()
    if merge.undone_at:
        return [_("Sammenlægningen er allerede fortrudt.")]
    days = conf.value("MERGE_UNDO_DAYS")
    if not merging.may_undo(merge.merged_at, now, days):
        return [
            _(
                "En sammenlægning kan kun fortrydes i %(days)s dage; denne blev foretaget %(date)s. Ret "
                "registreringen i hånden i stedet."
            )
            % {"days": days, "date": timezone.localtime(merge.merged_at).strftime("%d.%m.%Y")}
        ]
    survivor = Person.all_objects.get(pk=merge.survivor_id)
    if survivor.merged_into_id:
        return [
            _(
                "%(name)s er siden lagt sammen med en anden registrering (nr. %(id)s). Fortryd den "
                "sammenlægning først."
            )
            % {"name": survivor.display_name, "id": survivor.merged_into_id}
        ]
    problems = []
    fingerprints = merge.fingerprints
    for key, ids in merge.moved.items():
        table = _table_by_key(key)
        if table is None:
            problems.append(_("En tabel, som rækker blev flyttet i, findes ikke længere."))
            continue
        still = table.rows.filter(pk__in=ids, **{table.field.attname: merge.survivor_id}).count()
        if still != len(ids):
            problems.append(
                _("%(n)s af de flyttede rækker (%(kind)s) er slettet eller flyttet siden sammenlægningen.")
                % {"n": len(ids) - still, "kind": table.title}
            )
    for label, prints in fingerprints.items():
        model = apps.get_model(label)
        now_prints = _fingerprints(model, [int(pk) for pk in prints])
        if any(now_prints.get(pk) != fp for pk, fp in prints.items()):
            title = next((t.title for t in related_tables() if t.model is model), label)
            problems.append(
                _("%(kind)s, der blev flyttet eller rettet ved sammenlægningen, er ændret siden.")
                % {"kind": title}
            )
    own_after = {k: merge.survivor_after.get(k) for k in OWN_FIELDS + CPR_FIELDS}
    changed = merging.changed_since(own_after, _stored(survivor))
    if changed:
        labels = []
        for name in changed:
            try:
                labels.append(str(Person._meta.get_field(name).verbose_name))
            except FieldDoesNotExist:  # pragma: no cover
                labels.append(name)
        if any(n in CPR_FIELDS for n in changed):
            labels = [lbl for lbl in labels if lbl not in ("cpr encrypted", "cpr hash")] + [_("CPR-nummer")]
        problems.append(
            _("Borgerens oplysninger er ændret efter sammenlægningen (%(fields)s).")
            % {"fields": ", ".join(dict.fromkeys(labels))}
        )
    return problems


@transaction.atomic
def person_merge_undo(*, actor: Actor, merge_id: int) -> PersonMerge:
    """Move back exactly the rows the merge moved, restore what it changed, and the duplicate record."""
    require(actor, Capability.MERGE_PEOPLE)
    merge = (
        PersonMerge.objects.select_for_update().filter(pk=merge_id, municipality=actor.municipality).first()
    )
    if merge is None:
        raise Http404(_("Sammenlægningen findes ikke."))
    locked = _lock(actor, merge.survivor_id, merge.duplicate_id)
    survivor, duplicate = locked[merge.survivor_id], locked[merge.duplicate_id]
    for person in locked.values():
        _check_may_see(actor, person)
    problems = undo_problems(merge)
    if problems:
        raise MergeError(" ".join(problems))
    today = timezone.localdate()
    for key, ids in merge.moved.items():
        table = _table_by_key(key)
        table.rows.filter(pk__in=ids).update(**{table.field.attname: duplicate.pk})
    for change in reversed(merge.changed):
        model = apps.get_model(change["table"])
        values = {k: _load(model, k, v) for k, v in change["before"].items()}
        model._base_manager.filter(pk=change["pk"]).update(**values)
    before, after = merge.survivor_before, merge.survivor_after
    for name in OWN_FIELDS + CPR_FIELDS:
        setattr(survivor, name, _load(Person, name, before[name]) if name not in CPR_FIELDS else before[name])
    for name in ("last_activity_on", "last_contact_on", "last_reached_on", "identified_on"):
        if _dump(getattr(survivor, name)) == after[name]:  # nothing newer since the merge
            setattr(survivor, name, _load(Person, name, before[name]))
    _refresh_summary(survivor, today)
    survivor.on_needs_list = survivor.needs_entries.filter(removed_on__isnull=True).exists()
    survivor.save()  # the survivor gives back a CPR it took before the duplicate has it again
    duplicate.merged_into, duplicate.merged_at = None, None
    duplicate.cpr_encrypted = merge.duplicate_before.get("cpr_encrypted", "")
    duplicate.cpr_hash = merge.duplicate_before.get("cpr_hash", "")
    duplicate.on_needs_list = duplicate.needs_entries.filter(removed_on__isnull=True).exists()
    _refresh_summary(duplicate, today)
    duplicate.save()
    merge.undone_at, merge.undone_by = timezone.now(), actor.user
    merge.save(update_fields=["undone_at", "undone_by"])
    detail = _("Sammenlægningen af nr. %(dup)s med nr. %(surv)s er fortrudt.") % {
        "dup": duplicate.pk,
        "surv": survivor.pk,
    }
    _log(actor, UNDO_PURPOSE, survivor.pk, detail)
    _log(actor, UNDO_PURPOSE, duplicate.pk, detail, {"merged_into": [str(survivor.pk), ""]})
    figures.mark_stale(actor.municipality)
    return merge


# --- reads -----------------------------------------------------------------------------------------------


def merged_into(actor: Actor, pk: int) -> Person | None:
    """The record a merged record now lives in (following later merges), if the actor's municipality
    has it; None for a record that is not merged."""
    person = Person.all_objects.filter(pk=pk, municipality=actor.municipality).first()
    seen = set()
    while person is not None and person.merged_into_id and person.pk not in seen:
        seen.add(person.pk)
        person = Person.all_objects.filter(pk=person.merged_into_id).first()
    return person if seen else None


def merged_ids(municipality, person_id: int) -> list[int]:
    """The ids of the records merged into this one, at any depth (and not undone)."""
    found, frontier = [], [person_id]
    while frontier:
        ids = list(
            Person.all_objects.filter(municipality=municipality, merged_into_id__in=frontier).values_list(
                "pk", flat=True
            )
        )
        frontier = [i for i in ids if i not in found]
        found += frontier
    return found


def recent_merges(actor: Actor):
    """The municipality's merges, newest first (a leader's list; names come from the records)."""
    require(actor, Capability.MERGE_PEOPLE)
    return (
        PersonMerge.objects.filter(municipality=actor.municipality)
        .select_related("survivor", "duplicate", "merged_by", "undone_by")
        .order_by("-merged_at", "-id")
    )


def merges_page(actor: Actor, *, page):
    """One page of the municipality's merges; the two records named on each row are logged."""
    shown = Paginator(recent_merges(actor), conf.value("LIST_PAGE_SIZE")).get_page(page)
    people = [p for m in shown.object_list for p in (m.survivor, m.duplicate)]
    log_list_shown(actor, people=people, filters={}, purpose=PURPOSE)
    return shown


def merge_get(actor: Actor, pk: int) -> PersonMerge:
    """One merge with its two records (both logged as read)."""
    require(actor, Capability.MERGE_PEOPLE)
    merge = recent_merges(actor).filter(pk=pk).first()
    if merge is None:
        raise Http404(_("Sammenlægningen findes ikke."))
    for person_id in (merge.survivor_id, merge.duplicate_id):
        actor_log(actor, Action.READ, PURPOSE, person_id)
    return merge


PICK_PURPOSE = "Sammenlægning: søgning efter den anden registrering"


def merge_candidates(actor: Actor, *, person: Person, q: str, today: date, limit: int) -> list[Person]:
    """The other records a leader may merge with this one, found by name, initials, birth date or CPR
    number (the by-name list's search, every status) in the municipality; the search and each record
    shown are logged."""
    require(actor, Capability.MERGE_PEOPLE)
    filters = {"q": q, "status": "all"}
    found = list(by_name_list(actor, filters=filters, today=today).exclude(pk=person.pk)[:limit])
    log_list_shown(actor, people=found, filters=filters, purpose=PICK_PURPOSE)
    return found
