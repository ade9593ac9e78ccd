"""National-scale benchmark on PostgreSQL (``./run bench``); writes BENCHMARKS.md.

  .venv/bin/python benchmarks/run.py [--regenerate] [--requests 300] [--db hf_bench] [--scale 1.0]

(a) by-name list for Copenhagen, the largest municipality: server time p50/p95 through Django's test
    client with a logged-in leader, and queries per request (must not grow with the data);
(b) monthly inflow/outflow for all 98 municipalities over 10 years: PostgreSQL against DuckDB over
    the same rows exported once to Parquet (export not timed); the figures must be equal;
(c) list page requests per second against a bare Django JSON view, in the same run.
Timings are printed and written to BENCHMARKS.md; nothing here is a test assertion.
"""

import argparse
import datetime
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PG = (
    os.environ.get("PG_HOST", "127.0.0.1"),
    os.environ.get("PG_PORT", "5432"),
    os.environ.get("PG_APP_ROLE", "hf"),
)
LOAD_NOTE = ROOT / "bench-data" / "load-time.txt"  # the last timed load, kept between runs
ACTIVE = ("newly_identified", "returned_from_housing", "returned_from_inactive")


def ensure_database(name: str, regenerate: bool) -> bool:
    """Create the benchmark database if missing (or afresh); True when it is new."""
    import psycopg

    host, port, role = PG
    with psycopg.connect(host=host, port=port, user=role, dbname="postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and regenerate:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
            exists = None
        if not exists:
            conn.execute(f'CREATE DATABASE "{name}"')
            return True
    return False


def time_page(user, url: str, requests: int) -> tuple[list[float], int]:
    """Server times (ms) of `requests` GETs by a logged-in user after 20 warm-up requests, and the
    queries of one more request (counted straight away: the next request resets Django's query log)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    for _ in range(20):
        assert client.get(url).status_code == 200
    times = []
    for _ in range(requests):
        t = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - t) * 1000)
        assert response.status_code == 200
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return times, len(captured)


def count_queries(user, url: str) -> int:
    """Queries of one request by a logged-in user, after one warm-up request."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.force_login(user)
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        client.get(url)
    return len(captured)


def percentile(values, p):
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


FIGURES_SQL = """
WITH monthly AS (
  SELECT municipality_id, {month} AS month,
         count(*) FILTER (WHERE status IN {active}) AS inflow,
         count(*) FILTER (WHERE previous_status IN {active} AND status NOT IN {active}) AS outflow
  FROM {table}
  WHERE changed_on >= DATE '{first}' AND changed_on <= DATE '{today}'
  GROUP BY 1, 2
)
SELECT municipality_id, month, inflow, outflow,
       CAST(sum(inflow - outflow) OVER (PARTITION BY municipality_id ORDER BY month) AS bigint) AS active_end
FROM monthly ORDER BY 1, 2
"""
# The same figures from the monthly rollup that triggers keep (people/flows.py): what the platform
# reads. Months with history only (changes > 0), as the raw query has a row only for such months.
ROLLUP_SQL = """
SELECT municipality_id, month, inflow, outflow,
       CAST(sum(inflow - outflow) OVER (PARTITION BY municipality_id ORDER BY month) AS bigint) AS active_end
FROM people_monthlyflow
WHERE month >= DATE '{first}' AND month <= DATE '{today}' AND changes > 0
ORDER BY 1, 2
"""
# The first day of the month. On PostgreSQL date_trunc() goes through timestamptz and a time zone per
# row; plain date arithmetic gives the same date at about two thirds of the cost (measured here).
PG_MONTH = "changed_on - (CAST(EXTRACT(day FROM changed_on) AS integer) - 1)"
DUCK_MONTH = "CAST(date_trunc('month', changed_on) AS date)"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--db", default="hf_bench")
    parser.add_argument("--regenerate", action="store_true", help="Drop and reload the benchmark database.")
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--requests", type=int, default=300, help="Timed requests per page.")
    parser.add_argument("--repeat", type=int, default=7, help="Timed runs of each figures query.")
    parser.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"))
    args = parser.parse_args()

    host, port, role = PG
    load_before = os.getloadavg()
    new = ensure_database(args.db, args.regenerate)
    os.environ["DATABASE_URL"] = f"postgres://{role}@{host}:{port}/{args.db}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "benchmarks.settings"
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from accounts.models import Membership, User
    from accounts.roles import Role
    from people.models import Contact, NeedsListEntry, Person, SituationPeriod, StatusChange
    from people.statuses import ACTIVE as ACTIVE_STATUSES
    from tenants.models import Municipality
    from tenants.rls import system_access

    assert set(ACTIVE) == {s.value for s in ACTIVE_STATUSES}
    call_command("migrate", verbosity=0)
    load_seconds = None
    with system_access():
        has_data = Person.objects.exists()
    if new or not has_data:
        print(f"Loading national data into {args.db} ...", flush=True)
        t = time.monotonic()
        call_command("generate_national", people=args.people, years=args.years, scale=args.scale, reset=True)
        load_seconds = time.monotonic() - t
        (ROOT / "bench-data").mkdir(exist_ok=True)
        LOAD_NOTE.write_text(f"{load_seconds:.0f} s on {datetime.date.today():%Y-%m-%d}")
    with system_access():
        counts = {
            m.__name__: m.objects.count()
            for m in (Person, SituationPeriod, StatusChange, Contact, NeedsListEntry)
        }
        cph = Municipality.objects.get(code="0101")
        # For the query-count comparison: the smallest municipality that still fills a list page (50).
        from django.db.models import Count, Q

        row = (
            Person.objects.values("municipality_id")
            .annotate(n=Count("id"), a=Count("id", filter=Q(current_status__in=ACTIVE)))
            .filter(a__gte=50)
            .order_by("n")
            .first()
        )
        small, small_people = Municipality.objects.get(pk=row["municipality_id"]), row["n"]
        cph_people = Person.objects.filter(municipality=cph).count()
        cph_active = Person.objects.filter(municipality=cph, current_status__in=ACTIVE).count()
        leaders = {}
        for m in (cph, small):
            user, _ = User.objects.get_or_create(
                username=f"bench-leder-{m.code}", defaults={"first_name": "Bench"}
            )
            Membership.objects.update_or_create(user=user, municipality=m, defaults={"role": Role.LEADER})
            leaders[m.code] = user
    events = sum(v for k, v in counts.items() if k != "Person")
    print(
        f"Data: {counts['Person']:,} people, {events:,} events; Copenhagen {cph_people:,} people, "
        f"{cph_active:,} on the active list.",
        flush=True,
    )

    # (a) by-name list for Copenhagen ---------------------------------------------------------
    url = "/borgere/"
    times, q_big = time_page(leaders["0101"], url, args.requests)
    list_total = sum(times) / 1000
    q_small = count_queries(leaders[small.code], url)
    p50, p95 = statistics.median(times), percentile(times, 0.95)
    print(
        f"(a) list p50 {p50:.1f} ms, p95 {p95:.1f} ms; queries {q_big} (Copenhagen) vs "
        f"{q_small} ({small.name}, {small_people:,} people)",
        flush=True,
    )

    # (a2) support front pages, Copenhagen: the worker with the most episodes, and the leader -------
    from django.db.models import Count as _Count
    from django.urls import reverse

    from support.models import SupportEpisode

    with system_access():
        top = (
            SupportEpisode.objects.filter(municipality=cph)
            .values("worker")
            .annotate(n=_Count("id"))
            .order_by("-n", "worker")
            .first()
        )
        worker_user = User.objects.get(pk=top["worker"])
        worker_episodes = top["n"]
        worker_active = SupportEpisode.objects.filter(worker=worker_user, status="active").count()
        cph_episodes = SupportEpisode.objects.filter(municipality=cph).count()
        cph_open = SupportEpisode.objects.filter(municipality=cph, status__in=["active", "paused"]).count()
        from support.models import Team, WaitingListEntry

        support_counts = {
            "episodes": SupportEpisode.objects.count(),
            "workers": Membership.objects.filter(role=Role.SUPPORT_WORKER).count(),
        }
        cph_teams = Team.objects.filter(municipality=cph).count()
        cph_waiting = WaitingListEntry.objects.filter(municipality=cph, closed_on__isnull=True).count()
        cph_workers = Membership.objects.filter(municipality=cph, role=Role.SUPPORT_WORKER).count()

    def timed_page(user, page_url):
        ts, queries = time_page(user, page_url, args.requests)
        return statistics.median(ts), percentile(ts, 0.95), queries

    fronts = {
        "worker": (
            f"support worker front page (`{reverse('home:worker')}`), Copenhagen worker with the most episodes "
            f"({worker_episodes}, {worker_active} active)",
            *timed_page(worker_user, reverse("home:worker")),
        ),
        "leader": (
            f"support leader front page (`{reverse('home:leader')}`), Copenhagen leader "
            f"({cph_open:,} open episodes)",
            *timed_page(leaders["0101"], reverse("home:leader")),
        ),
    }
    for key, (_label, f50, f95, fq) in fronts.items():
        print(f"(a) {key} front page p50 {f50:.1f} ms, p95 {f95:.1f} ms, {fq} queries", flush=True)
    # The leader's page of the smallest municipality with a full list page: the same number of queries.
    q_leader_small = count_queries(leaders[small.code], reverse("home:leader"))
    print(
        f"(a) leader front page queries: {fronts['leader'][3]} (Copenhagen) vs {q_leader_small} ({small.name})",
        flush=True,
    )

    # (c) requests per second: list page vs bare JSON view, same process, same middleware ---------
    bare = Client()
    for _ in range(20):
        bare.get("/bench/json/")
    t = time.perf_counter()
    for _ in range(args.requests):
        assert bare.get("/bench/json/").status_code == 200
    bare_total = time.perf_counter() - t
    list_rps, bare_rps = args.requests / list_total, args.requests / bare_total
    print(
        f"(c) list {list_rps:.0f} req/s, bare JSON {bare_rps:.0f} req/s (one process, sequential)", flush=True
    )

    # (b) monthly inflow/outflow: PostgreSQL vs DuckDB ----------------------------------------
    today = datetime.date.today()
    first = today.replace(day=1, year=today.year - args.years)
    pg_sql = FIGURES_SQL.format(
        active=str(ACTIVE), month=PG_MONTH, table="people_statuschange", first=first, today=today
    )
    pg_times, pg_rows = [], None
    with system_access(), connection.cursor() as cursor:
        cursor.execute("SET max_parallel_workers_per_gather = 2")
        for _ in range(args.repeat):
            t = time.perf_counter()
            cursor.execute(pg_sql)
            rows = cursor.fetchall()
            pg_times.append((time.perf_counter() - t) * 1000)
            pg_rows = rows
        cursor.execute("EXPLAIN " + pg_sql)
        pg_plan = "\n".join(r[0] for r in cursor.fetchall())
        rollup_sql = ROLLUP_SQL.format(first=first, today=today)
        rollup_times, rollup_rows = [], None
        for _ in range(args.repeat):
            t = time.perf_counter()
            cursor.execute(rollup_sql)
            rollup_rows = cursor.fetchall()
            rollup_times.append((time.perf_counter() - t) * 1000)
        export_dir = ROOT / "bench-data"
        export_dir.mkdir(exist_ok=True)
        csv_path, parquet_path = export_dir / "statuschange.csv", export_dir / "statuschange.parquet"
        with (
            csv_path.open("wb") as f,
            cursor.copy(
                "COPY (SELECT municipality_id, changed_on, status, previous_status FROM people_statuschange) "
                "TO STDOUT WITH (FORMAT csv, HEADER true)"
            ) as copy,
        ):
            for block in copy:
                f.write(block)
    import duckdb

    duck = duckdb.connect()
    duck.execute(
        f"COPY (SELECT * FROM read_csv_auto('{csv_path}', types={{'previous_status': 'VARCHAR'}})) "
        f"TO '{parquet_path}' (FORMAT parquet)"
    )
    duck_sql = FIGURES_SQL.format(
        active=str(ACTIVE),
        month=DUCK_MONTH,
        table=f"read_parquet('{parquet_path}')",
        first=first,
        today=today,
    )
    duck_times, duck_rows = [], None
    duck.execute(duck_sql).fetchall()  # warm the file cache as PostgreSQL's buffers are warm
    for _ in range(args.repeat):
        t = time.perf_counter()
        duck_rows = duck.execute(duck_sql).fetchall()
        duck_times.append((time.perf_counter() - t) * 1000)
    norm = lambda rows: [(int(a), b, int(c), int(d), int(e)) for a, b, c, d, e in rows]  # noqa: E731
    equal_raw = norm(pg_rows) == norm(duck_rows)
    equal_rollup = norm(rollup_rows) == norm(duck_rows)
    equal = equal_raw and equal_rollup
    pg_ms, duck_ms = statistics.median(pg_times), statistics.median(duck_times)
    rollup_ms = statistics.median(rollup_times)
    print(
        f"(b) figures from the rollup on PostgreSQL {rollup_ms:.1f} ms, ratio {rollup_ms / duck_ms:.2f}x DuckDB; "
        f"equal: {equal_rollup}",
        flush=True,
    )
    print(
        f"(b) figures PostgreSQL {pg_ms:.0f} ms, DuckDB {duck_ms:.0f} ms, ratio {pg_ms / duck_ms:.1f}x; "
        f"{len(pg_rows):,} municipality-months; equal: {equal}",
        flush=True,
    )
    if not equal:
        a, b = set(norm(rollup_rows if equal_raw else pg_rows)), set(norm(duck_rows))
        print("MISMATCH: only in PostgreSQL:", sorted(a - b)[:10], "only in DuckDB:", sorted(b - a)[:10])

    load_after = os.getloadavg()
    write_report(args, locals())
    return 0 if equal else 1


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(
            next(
                line for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal")
            ).split()[1]
        )
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration):
        pass
    pg = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip() or "PostgreSQL"
    import django
    import duckdb

    return (
        f"{os.cpu_count()} CPU cores ({cpu}){mem}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, Django {django.get_version()}, {pg} (server), DuckDB {duckdb.__version__}"
    )


def write_report(args, v) -> None:
    load = (
        f"{v['load_seconds']:.0f} s (generate_national, this run)"
        if v["load_seconds"] is not None
        else f"not reloaded in this run; last timed load: "
        f"{LOAD_NOTE.read_text().strip() if LOAD_NOTE.exists() else 'unknown'} (`--regenerate` times it again)"
    )
    text = f"""# Benchmarks

National-scale data on PostgreSQL, measured by `./run bench` (`.venv/bin/python benchmarks/run.py`).
Reproduce: `./run bench --regenerate` (drops and reloads the `{args.db}` database, then measures).

- Date: {datetime.date.today():%Y-%m-%d}
- Machine: {machine()}
- Data: {v["counts"]["Person"]:,} people in 98 municipalities over {args.years} years, {v["events"]:,} events
  ({v["counts"]["SituationPeriod"]:,} situation periods, {v["counts"]["StatusChange"]:,} status changes,
  {v["counts"]["Contact"]:,} contacts, {v["counts"]["NeedsListEntry"]:,} needs-list entries); Copenhagen
  {v["cph_people"]:,} people, {v["cph_active"]:,} on the active list.
- Load time: {load}.

Load average (1, 5, 15 min) before the run {", ".join(f"{x:.1f}" for x in v["load_before"])}, after it
{", ".join(f"{x:.1f}" for x in v["load_after"])}: above 2 on this 2-core machine means other work (other test
suites) shared the cores, and every time below is inflated accordingly. Figures are one run, not an
average of runs.

## (a) By-name list, Copenhagen (largest municipality)

Django test client in one process, a logged-in leader, `GET /borgere/` (first page, 50 rows, default
sort by time homeless), {args.requests} timed requests after 20 warm-up requests. Server time includes
the middleware (session, tenant, row-level security setting), the query, the template and the access
log writes (one search entry plus one read entry per person shown).

| measure | value | target |
| --- | --- | --- |
| p50 | {v["p50"]:.1f} ms | |
| p95 | {v["p95"]:.1f} ms | <= 100 ms |
| queries per request, Copenhagen ({v["cph_people"]:,} people) | {v["q_big"]} | constant |
| queries per request, {v["small"].name} ({v["small_people"]:,} people; smallest with a full page) | {v["q_small"]} | same as Copenhagen |

### Support front pages, Copenhagen

The same method for the support worker's and the leader's front pages (issues 3 and 4), with the homes
and support data `generate_national` loads: {v["support_counts"]["episodes"]:,} support episodes and
{v["support_counts"]["workers"]:,} support workers nationally; in Copenhagen {v["cph_episodes"]:,} episodes,
{v["cph_workers"]:,} support workers in {v["cph_teams"]} teams and {v["cph_waiting"]} people on the waiting list.

| page | p50 | p95 (target <= 100 ms) | queries per request |
| --- | --- | --- | --- |
{{fronts_rows}}

The leader's page makes {v["fronts"]["leader"][3]} queries for Copenhagen and {v["q_leader_small"]} for {v["small"].name}
(one less where a list is empty, e.g. no move-ins to name): the count does not grow with the data. Figures are aggregates; persistence tasks are filtered and ordered in SQL
on the clock read from each person's contact summary (`people.Person.last_contact_on`/`last_reached_on`,
kept by the contact service), with attempts counted only for the 50 rows shown; the waiting list and the
workers at their limit show the 50 most urgent rows with the total and a link to the rest.

## (b) Monthly inflow/outflow, all municipalities, {args.years} years

Per municipality and month: inflow, outflow and the running active count, run {args.repeat} times on
each; median shown. DuckDB computes them from the raw status history exported once from PostgreSQL to
Parquet (the export is not timed). PostgreSQL is measured two ways: reading the monthly rollup that
database triggers keep on every write of the history (`people/flows.py`; this is what the platform
reads), and aggregating the raw history in one statement. Result rows compared one by one with
DuckDB's: rollup **{"equal" if v["equal_rollup"] else "NOT EQUAL"}**, raw **{"equal" if v["equal_raw"] else "NOT EQUAL"}**
({len(v["pg_rows"]):,} municipality-months).

| engine | median | runs (ms) | ratio to DuckDB (target <= 3x) |
| --- | --- | --- | --- |
| PostgreSQL, monthly rollup | {v["rollup_ms"]:.1f} ms | {", ".join(f"{t:.1f}" for t in v["rollup_times"])} | {v["rollup_ms"] / v["duck_ms"]:.2f}x |
| PostgreSQL, raw history | {v["pg_ms"]:.0f} ms | {", ".join(f"{t:.0f}" for t in v["pg_times"])} | {v["pg_ms"] / v["duck_ms"]:.1f}x |
| DuckDB (Parquet, raw history) | {v["duck_ms"]:.0f} ms | {", ".join(f"{t:.0f}" for t in v["duck_times"])} | 1x |

The rollup costs one upsert per status change written (a trigger); it is rebuilt from the history
after a bulk load that bypasses triggers (`monthly_flow_rebuild`).

PostgreSQL plan of the raw aggregation:

```
{v["pg_plan"]}
```

## (c) Requests per second, same run

Sequential requests in one process through the full middleware stack (no HTTP server: this is the
Django cost alone, not a load test).

| page | requests/s |
| --- | --- |
| by-name list, Copenhagen (logged-in leader) | {v["list_rps"]:.0f} |
| bare Django JSON view (benchmarks/urls.py only) | {v["bare_rps"]:.0f} |
"""
    text = text.replace(
        "{fronts_rows}",
        "\n".join(
            f"| {label} | {f50:.1f} ms | {f95:.1f} ms | {fq} |"
            for label, f50, f95, fq in v["fronts"].values()
        ),
    )
    # Keep sections other benchmarks maintain between their own markers (e.g. allocation_bench.py).
    out = Path(args.out)
    if out.exists():
        old = out.read_text(encoding="utf-8")
        start, end = old.find("<!-- allocation-bench:start -->"), old.find("<!-- allocation-bench:end -->")
        if start != -1 and end != -1:
            text = text.rstrip("\n") + "\n\n" + old[start : end + len("<!-- allocation-bench:end -->")] + "\n"
    out.write_text(text, encoding="utf-8")
    print(f"Wrote {args.out}")


if __name__ == "__main__":
    sys.exit(main())
