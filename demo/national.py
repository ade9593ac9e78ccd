"""National-scale data for load tests and benchmarks: 98 municipalities, about 100,000 people over
10 years, about 5 million history rows. PostgreSQL only: rows stream through psycopg COPY.

Speed comes from three things, all inside one transaction so a failure leaves the database as it was:
- COPY in chunks of people (bounded memory), never model instances;
- the history triggers (pghistory) are disabled for the load: generated rows have no acting user or
  request to record, and a copy of every row would double the load;
- row-level security is not forced on the owner during the load (COPY FROM refuses it otherwise);
- foreign keys and secondary indexes are dropped before the load and rebuilt after it (one sorted
  index build and one anti-join per key are far cheaper than five million row-by-row checks).
"""

import csv
import random
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from django.db import connection, models, transaction
from django.utils import timezone

import figures
from people.flows import monthly_flow_rebuild
from people.models import Contact, NeedsListEntry, Person, SituationPeriod, StatusChange
from people.quality import name_key
from tenants.models import Municipality
from tenants.rls import system_access

from . import national_support
from .generator import Params, PersonData, generate_people

DATA = Path(__file__).parent / "data" / "municipalities.csv"
MODELS = [Person, SituationPeriod, StatusChange, Contact, NeedsListEntry]
# Mean days between contacts at national scale: gives about 50 rows per person over 10 years.
NATIONAL_PARAMS = Params(contact_interval_days=7.5, details=False)
# Homelessness concentrates in the big cities (VIVE's counts: Copenhagen alone has about a quarter),
# so people are shared out by population to this power rather than linearly.
CITY_WEIGHT = 1.25


@dataclass(frozen=True)
class MunicipalityRow:
    code: str
    name: str
    population: int  # rounded, about 2024; only used to size generated data


def municipalities() -> list[MunicipalityRow]:
    with DATA.open(encoding="utf-8") as f:
        return [MunicipalityRow(r["code"], r["name"], int(r["population"])) for r in csv.DictReader(f)]


def shares(rows: list[MunicipalityRow], total: int) -> dict[str, int]:
    """People per municipality, by population (weighted towards cities), at least 3 each."""
    weights = {r.code: r.population**CITY_WEIGHT for r in rows}
    whole = sum(weights.values())
    return {code: max(3, round(total * w / whole)) for code, w in weights.items()}


class _Table:
    """COPY columns of one model: the given fields first, then every other column at its default."""

    def __init__(self, model, given: list[str], now):
        fields = list(model._meta.concrete_fields)
        by_name = {f.attname: f for f in fields}
        self.table = model._meta.db_table
        self.given = given
        rest = [
            f
            for f in fields
            if f.attname not in given and not (f.primary_key and isinstance(f, models.AutoField))
        ]
        self.columns = given + [f.column for f in rest]
        self.constants = tuple(
            now
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
            else (None if f.null else f.get_default())
            for f in rest
        )
        assert all(name in by_name for name in given), given
        self.rows: list[tuple] = []

    def add(self, *values) -> None:
        self.rows.append(values + self.constants)

    def flush(self, cursor) -> int:
        if not self.rows:
            return 0
        cols = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        with cursor.copy(f"COPY {connection.ops.quote_name(self.table)} ({cols}) FROM STDIN") as copy:
            for row in self.rows:
                copy.write_row(row)
        n, self.rows = len(self.rows), []
        return n


def load_national(
    *,
    people: int = 100_000,
    years: int = 10,
    seed: int = 1,
    scale: float = 1.0,
    reset: bool = False,
    today: date | None = None,
    chunk_people: int = 2000,
    out: Callable[[str], None] = print,
) -> dict:
    """Generate and COPY the national data set. Returns counts and timings."""
    if connection.vendor != "postgresql":
        raise RuntimeError(
            f"generate_national virker kun på PostgreSQL (COPY); DATABASE_URL peger på {connection.vendor}."
        )
    today = today or timezone.localdate()
    start = today - timedelta(days=round(365.25 * years))
    rows = municipalities()
    per_municipality = shares(rows, max(1, round(people * scale)))
    total_people = sum(per_municipality.values())
    began = time.monotonic()
    counts = {m.__name__: 0 for m in MODELS}
    with system_access(), transaction.atomic(), figures.collected(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
        ids = {}
        for r in rows:
            m, _ = Municipality.objects.update_or_create(code=r.code, defaults={"name": r.name})
            ids[r.code] = m.pk
        if Person.objects.filter(municipality_id__in=ids.values()).exists():
            if not reset:
                raise RuntimeError(
                    "Der findes allerede borgere i kommunerne; brug --reset (tømmer sagstabellerne "
                    "i hele databasen) i en database kun til skaleringsdata."
                )
            tables = [m._meta.db_table for m in MODELS] + [Person.workers.through._meta.db_table]
            # CASCADE: other apps' tables (support, homes, plans) refer to people.
            cursor.execute("TRUNCATE " + ", ".join(tables) + " CASCADE")
            national_support.reset(cursor)
            out("Tømte sagstabellerne.")
        saved = _drop_keys_and_indexes(cursor)
        for model in MODELS:
            cursor.execute(f"ALTER TABLE {model._meta.db_table} DISABLE TRIGGER USER")
            # PostgreSQL refuses COPY FROM where row-level security applies; the owner is exempt
            # while FORCE is off. Put back below, in the same transaction (a failure restores it too).
            cursor.execute(f"ALTER TABLE {model._meta.db_table} NO FORCE ROW LEVEL SECURITY")
        # Reserve a block of person ids so history rows can name their person without a round trip.
        cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [Person._meta.db_table])
        sequence = cursor.fetchone()[0]
        cursor.execute("SELECT nextval(%s)", [sequence])
        next_id = cursor.fetchone()[0]
        cursor.execute("SELECT setval(%s, %s)", [sequence, next_id + total_people])
        now = timezone.now()
        t_person = _Table(
            Person,
            [
                "id",
                "municipality_id",
                "first_name",
                "last_name",
                "initials",
                "name_key",
                "birth_date",
                "birth_year",
                "gender",
                "protected",
                "identified_on",
                "current_status",
                "status_since",
                "current_situation",
                "situation_since",
                "homeless_since",
                "last_activity_on",
                "on_needs_list",
                "last_contact_on",
                "last_reached_on",
            ],
            now,
        )
        t_sit = _Table(
            SituationPeriod, ["municipality_id", "person_id", "situation", "start_date", "end_date"], now
        )
        t_stat = _Table(
            StatusChange,
            [
                "municipality_id",
                "person_id",
                "status",
                "changed_on",
                "previous_status",
                "days_on_list",
                "reason",
            ],
            now,
        )
        t_con = _Table(Contact, ["municipality_id", "person_id", "contacted_on", "kind", "reached"], now)
        t_need = _Table(
            NeedsListEntry,
            [
                "municipality_id",
                "person_id",
                "registered_on",
                "removed_on",
                "max_rent",
                "min_rooms",
                "sharing",
                "ordinary_building",
            ],
            now,
        )
        tables = [
            (Person, t_person),
            (SituationPeriod, t_sit),
            (StatusChange, t_stat),
            (Contact, t_con),
            (NeedsListEntry, t_need),
        ]
        done = pending = 0

        def flush():
            for model, table in tables:
                counts[model.__name__] += table.flush(cursor)

        for r in rows:
            mid = ids[r.code]
            rng = random.Random(zlib.crc32(f"{seed}:{r.code}".encode()))
            for p in generate_people(
                rng, count=per_municipality[r.code], start=start, end=today, params=NATIONAL_PARAMS
            ):
                pid = next_id
                next_id += 1
                _add(p, pid, mid, t_person, t_sit, t_stat, t_con, t_need)
                pending += 1
                if pending >= chunk_people:
                    flush()
                    done += pending
                    pending = 0
                    _progress(out, done, total_people, counts, began)
        flush()
        done += pending
        _progress(out, done, total_people, counts, began)
        for model in MODELS:
            cursor.execute(f"ALTER TABLE {model._meta.db_table} ENABLE TRIGGER USER")
            cursor.execute(f"ALTER TABLE {model._meta.db_table} FORCE ROW LEVEL SECURITY")
        out("Genopbygger indekser og fremmednøgler ...")
        t_idx = time.monotonic()
        _restore_keys_and_indexes(cursor, saved)
        # The rollup's trigger was off with the other user triggers during COPY: rebuild it once.
        monthly_flow_rebuild()
        for model in MODELS:
            cursor.execute(f"ANALYZE {model._meta.db_table}")
        cursor.execute("ANALYZE people_monthlyflow")
        index_seconds = time.monotonic() - t_idx
        # Homes and support (issues 3 and 4), in the same transaction: every page has data.
        t_sup = time.monotonic()
        support_counts = national_support.load_support(
            municipalities=ids, names={r.code: r.name for r in rows}, today=today, seed=seed, out=out
        )
        support_seconds = time.monotonic() - t_sup
        # COPY, TRUNCATE and bulk_create bypass the model signals: every figure (the figures app) of every
        # municipality loaded is stale, marked in the same transaction.
        figures.mark_stale(*ids.values())
    events = sum(v for k, v in counts.items() if k != "Person")
    seconds = time.monotonic() - began
    out(
        f"Færdig: {counts['Person']:,} borgere, {events:,} hændelser i {len(rows)} kommuner på {seconds:.0f} s "
        f"(heraf indekser og nøgler {index_seconds:.0f} s, boliger og støtte {support_seconds:.0f} s)."
    )
    return {
        "people": counts["Person"],
        "events": events,
        "counts": counts,
        "seconds": seconds,
        "municipalities": len(rows),
        "support": support_counts,
        "support_seconds": support_seconds,
    }


def _add(p: PersonData, pid: int, mid: int, t_person, t_sit, t_stat, t_con, t_need) -> None:
    t_person.add(
        pid,
        mid,
        p.first_name,
        p.last_name,
        p.initials,
        name_key(p.first_name, p.last_name),  # possible duplicates on the figures page (people/quality.py)
        p.birth_date,
        p.birth_date.year,
        p.gender,
        p.protected,
        p.identified_on,
        p.current_status,
        p.status_since,
        p.current_situation,
        p.situation_since,
        p.homeless_since,
        p.last_activity_on,
        p.on_needs_list,
        p.last_contact_on,
        p.last_reached_on,
    )
    for s in p.situations:
        t_sit.add(mid, pid, s.situation, s.start, s.end)
    for c in p.status_changes:
        t_stat.add(mid, pid, c.status, c.changed_on, c.previous_status, c.days_on_list, c.reason)
    for c in p.contacts:
        t_con.add(mid, pid, c.contacted_on, c.kind, c.reached)
    for n in p.needs:
        t_need.add(
            mid, pid, n.registered_on, n.removed_on, n.max_rent, n.min_rooms, n.sharing, n.ordinary_building
        )


def _progress(out, done: int, total: int, counts: dict, began: float) -> None:
    events = sum(v for k, v in counts.items() if k != "Person")
    elapsed = time.monotonic() - began
    out(
        f"  {done:>8,} / {total:,} borgere, {events:>10,} hændelser, {elapsed:6.1f} s "
        f"({events / elapsed if elapsed else 0:,.0f} hændelser/s)"
    )


def _drop_keys_and_indexes(cursor) -> list[tuple[str, str]]:
    """Drop foreign keys and non-unique indexes of the case tables; return the SQL to restore them."""
    tables = [m._meta.db_table for m in MODELS]
    cursor.execute(
        """SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint
           WHERE contype = 'f' AND conrelid = ANY(%s::regclass[])""",
        [tables],
    )
    keys = cursor.fetchall()
    cursor.execute(
        """SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i
           WHERE i.indrelid = ANY(%s::regclass[]) AND NOT i.indisunique AND NOT i.indisprimary""",
        [tables],
    )
    indexes = cursor.fetchall()
    restore = []
    for table, name, definition in keys:
        cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        restore.append(("key", f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}'))
    for name, definition in indexes:
        cursor.execute(f"DROP INDEX {name}")
        restore.append(("index", definition))
    return restore


def _restore_keys_and_indexes(cursor, saved: list[tuple[str, str]]) -> None:
    for _kind, sql in sorted(saved, key=lambda s: s[0] != "index"):  # indexes first: key checks use them
        cursor.execute(sql)
