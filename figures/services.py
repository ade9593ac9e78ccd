"""Maintained figures: read a fresh snapshot, or compute it now; mark snapshots stale on writes.

Why the figures are always exact (equal to a recomputation from the raw rows):
- a write marks the snapshots that depend on it stale *in its own transaction* (not after commit), so
  the data and the mark commit together; it also draws a new ``generation``;
- a read uses a snapshot only when it is not stale, was computed for today and with today's settings
  (in production a stale one computed within SERVE_STALE_SECONDS is shown while its refresh is queued:
  figures/conf.py; the tests run with 0);
  otherwise it computes and stores the result as fresh only where the generation is still the one it
  read first (``UPDATE ... WHERE generation = g``). A write that commits while the computation runs
  changed the generation (or holds the row until it commits, and PostgreSQL re-checks the condition
  then), so the older result is returned to its reader but never stored as fresh;
- the mark is an upsert: a writer that meets a row another transaction is just creating waits for it
  on the unique key and then marks it, so even the first snapshot of a figure cannot miss a write.

After commit the write queues a refresh (figures/tasks.py) when it turned a fresh snapshot stale, so
the next page usually finds the figure computed; the daily job computes every figure for the new day.
"""

import hashlib
import json
import secrets
from collections.abc import Iterable
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone

from core.conf import overrides
from tenants.models import Municipality

from . import registry
from .conf import figures_setting
from .models import FigureSnapshot

# Inside ``collected()``: the municipality ids whose figures the block changed, marked once at its end.
_collecting: ContextVar[set | None] = ContextVar("figures_collecting", default=None)


@dataclass(frozen=True)
class Figures:
    data: dict
    computed_at: datetime


def _id(municipality) -> int:
    return municipality if isinstance(municipality, int) else municipality.pk


def _token() -> int:
    return secrets.randbits(62)


def fingerprint(figure: registry.Figure) -> str:
    """The settings the figure is computed with (the sections of settings.HF it reads)."""
    used = {name: overrides(name) for name in figure.settings}
    raw = json.dumps([figure.key, used], sort_keys=True, default=str)
    return hashlib.sha256(raw.encode()).hexdigest()


def plain(data: dict) -> dict:
    """The data as it is stored (JSON): a lazy text, date or model instance fails here, in the test of
    the figure, instead of turning into something else in the database."""
    return json.loads(json.dumps(data))


def read(municipality: Municipality, key: str, today: date) -> Figures:
    """The figure ``key`` of the municipality for ``today``: the snapshot when it is fresh, else
    computed now (and stored for the next reader). One query when fresh."""
    figure = registry.get(key)
    fp = fingerprint(figure)
    snap = FigureSnapshot.objects.filter(municipality_id=municipality.pk, key=key).first()
    if snap is not None and snap.computed_for == today and snap.fingerprint == fp:
        if not snap.stale or _recent(snap.computed_at):
            return Figures(data=snap.data, computed_at=snap.computed_at)
    return _compute(municipality, figure, today, fp, snap)


def _recent(computed_at) -> bool:
    """A stale snapshot computed within SERVE_STALE_SECONDS may be shown while its refresh is queued."""
    seconds = figures_setting("SERVE_STALE_SECONDS")
    return (
        bool(seconds)
        and computed_at is not None
        and timezone.now() - computed_at <= timedelta(seconds=seconds)
    )


def _compute(municipality, figure, today, fp, snap) -> Figures:
    if snap is None:
        FigureSnapshot.objects.bulk_create(
            [FigureSnapshot(municipality_id=municipality.pk, key=figure.key, generation=_token())],
            ignore_conflicts=True,
        )
        snap = FigureSnapshot.objects.get(municipality_id=municipality.pk, key=figure.key)
    data = plain(figure.compute(municipality, today))
    now = timezone.now()
    FigureSnapshot.objects.filter(pk=snap.pk, generation=snap.generation).update(
        data=data, stale=False, computed_for=today, computed_at=now, fingerprint=fp
    )
    return Figures(data=data, computed_at=now)


def refresh(
    municipality: Municipality, *, today: date, keys: Iterable[str] | None = None, force=False
) -> int:
    """Compute the municipality's figures that are not fresh for ``today`` (all of them with
    ``force``); the number computed. For the tasks (system access)."""
    done = 0
    for key in keys if keys is not None else registry.keys():
        figure = registry.get(key)
        fp = fingerprint(figure)
        snap = FigureSnapshot.objects.filter(municipality_id=municipality.pk, key=key).first()
        fresh = snap is not None and not snap.stale and snap.computed_for == today and snap.fingerprint == fp
        if force or not fresh:
            with transaction.atomic():
                _compute(municipality, figure, today, fp, snap)
            done += 1
    return done


def mark_stale(*municipalities, keys: Iterable[str] | None = None) -> None:
    """Mark the municipalities' figures (``keys``, else every figure) stale, in the caller's
    transaction. Writes that bypass the model signals (``queryset.update``, ``bulk_create``, COPY, raw
    SQL) must call this for every municipality they touched."""
    ids = sorted({_id(m) for m in municipalities})
    keys = sorted(keys) if keys is not None else registry.keys()
    if not ids or not keys:
        return
    pending = _collecting.get()
    if pending is not None:
        pending.update(ids)
        return
    # Only a snapshot that was fresh needs a refresh queued; a stale one already has one (or a reader
    # computes it).
    was_fresh = set(
        FigureSnapshot.objects.filter(municipality_id__in=ids, key__in=keys, stale=False).values_list(
            "municipality_id", flat=True
        )
    )
    FigureSnapshot.objects.bulk_create(
        [
            FigureSnapshot(municipality_id=m, key=k, stale=True, generation=_token())
            for m in ids
            for k in keys
        ],
        update_conflicts=True,
        unique_fields=["municipality", "key"],
        update_fields=["stale", "generation"],
    )
    if was_fresh:
        transaction.on_commit(lambda: _enqueue(sorted(was_fresh)))


def _enqueue(municipality_ids: list[int]) -> None:
    from .tasks import refresh_figures

    run_after = timezone.now() + timedelta(seconds=figures_setting("REFRESH_DELAY_SECONDS"))
    for municipality_id in municipality_ids:
        refresh_figures.using(run_after=run_after).enqueue(municipality_id)


@contextmanager
def collected():
    """For bulk work through the models (the demo's reset and load): the signals only note which
    municipalities changed, and their figures are marked stale once when the block ends (inside the
    caller's transaction), instead of two queries per row."""
    if _collecting.get() is not None:  # nested: the outer block marks
        yield
        return
    seen: set = set()
    token = _collecting.set(seen)
    try:
        yield
    finally:
        _collecting.reset(token)
    if seen:
        mark_stale(*seen)
