"""National-scale benchmark on PostgreSQL (``./run bench``); writes BENCHMARKS.md.

  .venv/bin/python benchmarks/run.py [--regenerate] [--scales 1,3] [--requests 100] [--load-seconds 180]
  .venv/bin/python benchmarks/run.py --quick --db hf_bench_quick   # small data, few requests (the test)

For each data scale (1x = 100,000 people in its own database, 3x = 300,000 in another; each generated
by ``generate_national`` only when missing or with --regenerate):
(a) every main page of every role, over real HTTP under the shipped server: gunicorn with
    gunicorn.conf.py and the production settings, as ``./run serve`` starts it, against the benchmark
    database as the application role. Each role's user in Copenhagen (the largest municipality) logs in
    with a password; each page gets warm-up requests, then N sequential timed requests (p50, p95, bytes).
    Queries per request are counted in this process (Django's test client, CaptureQueriesContext) for
    Copenhagen and for a small municipality: the count must not grow with the data;
(c) throughput of the by-name list against a bare JSON view through the same middleware (logged in and
    anonymous), several clients at once;
(d) a load test: concurrent users (default 50, 3 minutes) reading pages and registering contacts;
(e) export memory: peak RSS of a fresh process making the by-name list export (CSV, xlsx);
(b) at the first scale, monthly inflow/outflow on PostgreSQL against DuckDB (the same figures).
Timings are printed and written to BENCHMARKS.md; nothing here is a test assertion.

The work per scale runs in a child process of this script (``--phase scale``): Django is set up once per
process, for one database.
"""

import argparse
import datetime
import json
import os
import platform
import resource
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import loadtest  # noqa: E402
from benchmarks.httpclient import Browser, percentile  # noqa: E402

PG = (
    os.environ.get("PG_HOST", "127.0.0.1"),
    os.environ.get("PG_PORT", "5432"),
    os.environ.get("PG_OWNER_ROLE", "hf_owner"),  # creates, loads and migrates: the owner's work
)
# The role gunicorn connects as, as in ./run serve: the application role, which owns nothing and has only
# its grants (made by the owner's migrate, tenants/roles.py).
WEB_ROLE = os.environ.get("PG_APP_ROLE", "hf")
BENCH_DATA = ROOT / "bench-data"  # git-ignored: load times, logs, static files, the Parquet copy
ACTIVE = ("newly_identified", "returned_from_housing", "returned_from_inactive")
PASSWORD = "bench-password-" + "7" * 8
# Targets from issue 11 item 8 (ms, p95, over HTTP).
PAGE_TARGET_MS = 150
LIST_TARGET_MS = 25
THROUGHPUT_TARGET = 0.5
MARK_START, MARK_END = "<!-- allocation-bench:start -->", "<!-- allocation-bench:end -->"

# The main pages: (key, label, URL name, capability needed). A role gets every page its capabilities
# allow; the navigation (home/context_processors.py) is checked against this list at run time and any
# page it names that is missing here is measured too. "person" takes the chosen person's id.
PAGES = [
    ("start", "start page (redirects to the role's front page)", "home:start", None),
    ("list", "by-name list", "people:list", "view_people"),
    ("person", "person page", "people:detail", "view_people"),
    ("needs", "housing needs list", "people:needs_list", "view_people"),
    ("evictions", "eviction cases", "housing:evictions", "view_people"),
    ("figures", "figures page", "people:figures", "view_figures"),
    ("worker", "support worker front page", "home:worker", "work_support"),
    ("episodes", "support episodes", "support:episodes", "work_support"),
    ("waiting", "support waiting list", "support:waiting", "work_support"),
    ("leader", "support leader front page", "home:leader", "manage_support"),
    ("workers", "support workers", "support:workers", "manage_support"),
    ("teams", "teams", "support:teams", "manage_support"),
    ("units", "units", "housing:units", "view_housing"),
    ("landlords", "landlords", "housing:landlords", "view_housing"),
    ("while_waiting", "while the citizen waits", "housing:waiting_list", "view_housing"),
    ("vacancies", "vacancies", "allocation:vacancies", "view_housing"),
    ("committee", "housing committee meetings", "allocation:meetings", "view_housing"),
    ("allocation_figures", "allocation figures", "allocation:figures", "view_housing"),
    ("allocation", "allocation: global proposal", "allocation:global_proposal", "manage_housing"),
    ("retention", "retention", "housing:retention", "view_figures"),
    ("stock", "stock analysis", "housing:stock_analysis", "view_figures"),
    ("fidelity", "fidelity overview", "fidelity:overview", "view_fidelity"),
    ("fidelity_results", "fidelity results", "fidelity:results", "view_fidelity"),
    ("log", "log page", "audit:log", "read_logs"),
    ("imports", "imports list", "imports:upload", "import_people"),
    ("users", "users", "accounts:users", "manage_users"),
    # Leaders steer (issue 12): the front page, goals, the rent-subsidy figures, the national count.
    ("steering", "leaders' overview", "steering:front", "view_figures"),
    ("goals", "goals and progress", "steering:goals", "view_figures"),
    ("rent_subsidy", "rent-subsidy figures", "steering:rent_subsidy", "view_figures"),
    ("count", "national count weeks", "count:weeks", "view_figures"),
    # The capacity and cost simulation (issue 13 item 3).
    ("scenarios", "simulation scenarios", "simulation:list", "view_figures"),
    ("compare", "scenario comparison", "simulation:compare", "view_figures"),
    # Economy and the implementation plan (issue 13).
    ("economy", "economy page", "economy:page", "view_figures"),
    ("plan", "implementation plan", "implementation:plan", "view_figures"),
    ("landkort", "Housing First Landkort", "implementation:landkort", "view_figures"),
]
ROLES = ["leader", "support_worker", "outreach_worker", "housing_broker", "analyst", "administrator"]


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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


# ---------------------------------------------------------------------------------------------------
# Parent: one child per scale, the export memory children, the report.


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--db", default="hf_bench", help="Database of the 1x data; other scales add their factor."
    )
    parser.add_argument("--regenerate", action="store_true", help="Drop and reload the benchmark databases.")
    parser.add_argument("--people", type=int, default=100_000, help="People at 1x.")
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--scales", default="1,3", help="Data scales to measure, e.g. 1 or 1,3.")
    parser.add_argument("--requests", type=int, default=100, help="Timed requests per page and role.")
    parser.add_argument("--warmup", type=int, default=5, help="Untimed requests per page and role first.")
    parser.add_argument(
        "--page-seconds",
        type=float,
        default=30.0,
        help="Time budget per page and role: a slower page stops after 5 timed requests once it is spent.",
    )
    parser.add_argument("--throughput-seconds", type=float, default=10.0)
    parser.add_argument("--throughput-clients", type=int, default=4)
    parser.add_argument(
        "--throughput-rounds", type=int, default=3, help="Rounds of the three; medians reported."
    )
    parser.add_argument("--load-users", type=int, default=50)
    parser.add_argument("--load-seconds", type=float, default=180.0, help="0 leaves the load test out.")
    parser.add_argument(
        "--load-think", type=float, default=1.0, help="Mean seconds between a user's requests."
    )
    parser.add_argument("--export-rows", default="10000,100000", help="Rows of the export memory runs.")
    parser.add_argument("--repeat", type=int, default=7, help="Timed runs of each figures query.")
    parser.add_argument("--quick", action="store_true", help="Small data and few requests (the test).")
    parser.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"))
    # Internal: a child process for one scale, or one export memory measurement.
    parser.add_argument("--phase", choices=["scale", "export-mem"], help=argparse.SUPPRESS)
    parser.add_argument("--scale", type=float, default=1.0, help=argparse.SUPPRESS)
    parser.add_argument("--json", help=argparse.SUPPRESS)
    parser.add_argument("--flows", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--load", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--rows", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--fmt", help=argparse.SUPPRESS)
    parser.add_argument("--mode", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.quick:
        # Small enough for a test (about a minute); the figures mean nothing.
        args.people, args.years, args.scales = 2000, 2, "1"
        args.requests, args.warmup, args.throughput_seconds, args.throughput_rounds = 2, 0, 1.0, 1
        args.load_users, args.load_seconds, args.load_think = 4, 3.0, 0.1
        args.export_rows, args.repeat = "500", 1
    if args.phase == "scale":
        return phase_scale(args)
    if args.phase == "export-mem":
        return phase_export_memory(args)

    load_before = os.getloadavg()
    scales = [float(s) for s in args.scales.split(",") if s.strip()]
    results = []
    for i, scale in enumerate(scales):
        db = database_for(args.db, scale)
        out = Path(tempfile.mkstemp(prefix="bench-", suffix=".json")[1])
        command = [
            sys.executable,
            __file__,
            "--phase",
            "scale",
            "--db",
            db,
            "--scale",
            f"{scale:g}",
            "--json",
            str(out),
            *passthrough(args),
        ]
        if i == 0:
            command += ["--flows", "--load"] if args.load_seconds > 0 else ["--flows"]
        print(f"== Scale {scale:g}x ({db})", flush=True)
        subprocess.run(command, check=True)
        results.append(json.loads(out.read_text()))
        out.unlink()
    # Export memory, in fresh processes on the first scale's data.
    memory = []
    first_db = database_for(args.db, scales[0])
    for rows in [int(r) for r in args.export_rows.split(",") if r.strip()]:
        for fmt in ("csv", "xlsx"):
            memory.append(export_memory(args, first_db, "writer", rows, fmt))
    for scale in scales:
        for fmt in ("csv", "xlsx"):
            memory.append(
                export_memory(args, database_for(args.db, scale), "task", 0, fmt) | {"scale": scale}
            )
    for m in memory:
        print(
            f"(e) export {m['mode']} {m['fmt']} {m['rows']:,} rows: peak RSS {m['peak_mb']:.0f} MB "
            f"(+{m['growth_mb']:.0f} MB over {m['base_mb']:.0f} MB), {m['seconds']:.1f} s",
            flush=True,
        )
    load_after = os.getloadavg()
    write_report(args, results, memory, load_before, load_after)
    return 0


def load_note(db: str) -> Path:
    """The last timed load of a database, kept between runs."""
    return BENCH_DATA / f"load-time-{db}.txt"


def database_for(base: str, scale: float) -> str:
    return base if scale == 1 else f"{base}{scale:g}".replace(".", "_")


def passthrough(args) -> list[str]:
    flags = [
        f"--people={args.people}",
        f"--years={args.years}",
        f"--requests={args.requests}",
        f"--warmup={args.warmup}",
        f"--page-seconds={args.page_seconds}",
        f"--throughput-seconds={args.throughput_seconds}",
        f"--throughput-clients={args.throughput_clients}",
        f"--throughput-rounds={args.throughput_rounds}",
        f"--load-users={args.load_users}",
        f"--load-seconds={args.load_seconds}",
        f"--load-think={args.load_think}",
        f"--repeat={args.repeat}",
    ]
    return flags + (["--regenerate"] if args.regenerate else []) + (["--quick"] if args.quick else [])


def export_memory(args, db: str, mode: str, rows: int, fmt: str) -> dict:
    out = subprocess.run(
        [
            sys.executable,
            __file__,
            "--phase",
            "export-mem",
            "--db",
            db,
            "--mode",
            mode,
            "--rows",
            str(rows),
            "--fmt",
            fmt,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def setup_django(db: str, settings: str = "benchmarks.settings") -> None:
    host, port, role = PG
    os.environ["DATABASE_URL"] = f"postgres://{role}@{host}:{port}/{db}"
    os.environ["DJANGO_SETTINGS_MODULE"] = settings
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    import django

    django.setup()


# ---------------------------------------------------------------------------------------------------
# (e) Export memory: one measurement per fresh process.


def phase_export_memory(args) -> int:
    """Peak RSS of making the by-name list export. ``writer``: the first ``rows`` people of the whole
    database (system access) through people.exports.rows and the CSV/xlsx writer into a temporary file,
    as the request and the task both make it. ``task``: what the export task does for Copenhagen's
    leader with every status (people.exports.export_run: the selector, the access log of every row, the
    file, sealed block by block into the export's parts); the export is deleted afterwards."""
    setup_django(args.db)
    from django.db.models import Sum
    from django.db.models.functions import Length
    from django.utils import timezone
    from django_scopes import scope

    from accounts.models import User
    from people import exports
    from people.models import ListExport, Person
    from tenants import rls
    from tenants.models import Municipality
    from tenants.rls import system_access

    today = timezone.localdate()

    def writer(n):
        with system_access():
            qs = Person.objects.order_by("id")[:n]
            file = (
                exports.to_csv(exports.rows(qs, today=today))
                if args.fmt == "csv"
                else exports.to_xlsx(exports.rows(qs, today=today))
            )
            size = file.seek(0, 2)
            file.close()
        return n, size

    def task():
        cph = Municipality.objects.get(code="0101")
        leader = User.objects.get(username="bench-leader-0101")
        rls.set_tenant(str(cph.pk), local=False)
        with scope(municipality=cph):
            export = ListExport.objects.create(
                municipality=cph,
                requested_by=leader,
                role="leader",
                path="/borgere/udtraek",
                fmt=args.fmt,
                query="status=all",
            )
        exports.export_run(export.pk, cph.pk)
        with scope(municipality=cph):
            export.refresh_from_db()
            # Summed and deleted in the database: reading the parts back here would be this check's own
            # memory, not the task's.
            size = export.parts.aggregate(n=Sum(Length("data")))["n"] or 0
            total = export.total_rows
            export.parts.all().delete()
            export.delete()
        return total, size

    # Warm up (imports, connection, templates of the writer) with a small run, then measure.
    writer(100)
    base = rss_mb()
    t = time.perf_counter()
    rows, size = writer(args.rows) if args.mode == "writer" else task()
    seconds = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "mode": args.mode,
                "fmt": args.fmt,
                "rows": rows,
                "bytes": size,
                "base_mb": base,
                "peak_mb": peak,
                "growth_mb": max(0.0, peak - base),
                "seconds": seconds,
            }
        )
    )
    return 0


# ---------------------------------------------------------------------------------------------------
# One scale: data, users, gunicorn, pages, throughput, load test, flows.


def phase_scale(args) -> int:
    new = ensure_database(args.db, args.regenerate)
    setup_django(args.db)
    from django.core.management import call_command

    from people.models import Person
    from tenants.rls import system_access

    call_command("migrate", verbosity=0)
    load_seconds = None
    with system_access():
        has_data = Person.objects.exists()
    if new or not has_data:
        print(
            f"Loading national data ({args.people * args.scale:,.0f} people) into {args.db} ...", flush=True
        )
        t = time.monotonic()
        call_command("generate_national", people=args.people, years=args.years, scale=args.scale, reset=True)
        load_seconds = time.monotonic() - t
        if not args.quick:
            BENCH_DATA.mkdir(exist_ok=True)
            load_note(args.db).write_text(f"{load_seconds:.0f} s on {datetime.date.today():%Y-%m-%d}")
    # After loading, and before every run, what autovacuum keeps in production:
    # - fresh planner statistics: the access log grows by the bench's own reads between runs, and with an
    #   estimate of a few rows per municipality PostgreSQL sorted all of Copenhagen's log for the log page
    #   (135 ms) instead of reading its index (0.1 ms);
    # - the visibility map: on freshly loaded tables every index-only scan also reads each row's page (the
    #   by-name list's count: 3.6 ms for Copenhagen at 3x, 0.6 ms after VACUUM).
    from django.db import connection

    tables = ", ".join(connection.ops.quote_name(t) for t in connection.introspection.table_names())
    with connection.cursor() as cursor:
        cursor.execute(
            f"VACUUM (ANALYZE) {tables}"
        )  # the platform's tables: the catalogs are not the owner's
    data = prepare(args)
    result = {"scale": args.scale, "db": args.db, "load_seconds": load_seconds, **data["facts"]}
    result["load_before"] = os.getloadavg()
    data["queries"] = result["queries"] = count_all_queries(data, warm=not args.quick)
    static_root = BENCH_DATA / ("static-quick" if args.quick else "static")
    with gunicorn(args.db, static_root) as port:
        result["pages"] = time_all_pages(args, data, port)
        result["throughput"] = throughput(args, data, port)
        if args.load and args.load_seconds > 0:
            print(f"(d) load test: {args.load_users} users for {args.load_seconds:.0f} s ...", flush=True)
            result["load"] = loadtest.run(
                port,
                load_users(args, data),
                seconds=args.load_seconds,
                think=args.load_think,
                today=datetime.date.today().isoformat(),
            )
            ld = result["load"]
            print(
                f"(d) {ld['requests']:,} requests, {ld['errors']} errors, p50 {ld['p50']:.0f} ms, "
                f"p95 {ld['p95']:.0f} ms, {ld['rps']:.1f} req/s",
                flush=True,
            )
    if args.flows:
        result["flows"] = measure_flows(args)
    result["load_after"] = os.getloadavg()
    Path(args.json).write_text(json.dumps(result, default=str))
    return 0


def prepare(args) -> dict:
    """The users (one per role in Copenhagen and in a small municipality, plus the load test's), open
    vacancies when there are none (the allocation pages need some), the person whose page is measured."""
    from django.contrib.auth.hashers import PBKDF2PasswordHasher
    from django.db.models import Count, Q

    from accounts.models import Membership, User
    from accounts.roles import Role
    from allocation.models import Vacancy
    from housing.models import Unit
    from people.models import Contact, NeedsListEntry, Person, SituationPeriod, StatusChange
    from support.models import SupportEpisode
    from tenants.models import Municipality
    from tenants.rls import system_access

    # Production knows only the real hashers (the bench settings hash with MD5): one hash, a fixed salt,
    # for every bench user, made once. The salt has Django's full entropy (128 bits), or each login would
    # hash the password again with a new salt and save it.
    hasher = PBKDF2PasswordHasher()
    password_hash = hasher.encode(PASSWORD, "benchsaltbenchsalt0123456789")
    with system_access():
        counts = {
            m.__name__: m.objects.count()
            for m in (Person, SituationPeriod, StatusChange, Contact, NeedsListEntry)
        }
        cph = Municipality.objects.get(code="0101")
        by_size = (
            Person.objects.values("municipality_id")
            .annotate(n=Count("id"), a=Count("id", filter=Q(current_status__in=ACTIVE)))
            .exclude(municipality_id=cph.pk)
        )
        # The smallest municipality that still fills a list page (50 on the active list).
        row = by_size.filter(a__gte=50).order_by("n").first() or by_size.order_by("-n").first()
        small = Municipality.objects.get(pk=row["municipality_id"])
        sizes = {}
        for m in (cph, small):
            sizes[m.code] = {
                "people": Person.objects.filter(municipality=m).count(),
                "active": Person.objects.filter(municipality=m, current_status__in=ACTIVE).count(),
                "episodes": SupportEpisode.objects.filter(municipality=m).count(),
            }
        users, people = {}, {}
        for m in (cph, small):
            # The support worker: the generated worker with the most episodes, so the page has content.
            top = (
                SupportEpisode.objects.filter(municipality=m, status="active")
                .values("worker")
                .annotate(n=Count("id"))
                .order_by("-n", "worker")
                .first()
            )
            for role in ROLES:
                if role == Role.SUPPORT_WORKER and top:
                    user = User.objects.get(pk=top["worker"])
                else:
                    user, _ = User.objects.get_or_create(
                        username=f"bench-{role.replace('_', '-')}-{m.code}", defaults={"first_name": "Bench"}
                    )
                    Membership.objects.update_or_create(user=user, municipality=m, defaults={"role": role})
                users[(m.code, role)] = user
            # The person page: one of that worker's citizens with an active episode (the richest page).
            episode = (
                SupportEpisode.objects.filter(
                    municipality=m,
                    status="active",
                    worker=users[(m.code, "support_worker")],
                    person__protected=False,
                )
                .order_by("person_id")
                .first()
            )
            people[m.code] = (
                episode.person_id
                if episode
                else Person.objects.filter(municipality=m, protected=False).order_by("id").first().pk
            )
            # Open vacancies for the allocation pages: up to 20 active units without one.
            if not Vacancy.objects.filter(municipality=m, status="open").exists():
                today = datetime.date.today()
                for unit in Unit.objects.filter(municipality=m, active=True).order_by("id")[:20]:
                    Vacancy.objects.create(
                        municipality=m,
                        unit=unit,
                        reported_on=today,
                        nominate_by=today + datetime.timedelta(days=14),
                    )
        # The load test's users in Copenhagen: generated support workers with citizens, and bench users in
        # the other case-working roles.
        load = []
        workers = list(
            SupportEpisode.objects.filter(municipality=cph, status="active")
            .values("worker")
            .annotate(n=Count("id"))
            .order_by("-n", "worker")
            .values_list("worker", flat=True)[: max(1, args.load_users * 2 // 5)]
        )
        others = ["outreach_worker", "leader", "housing_broker"]
        for i in range(args.load_users):
            if i % 5 < 2 and workers:
                user = User.objects.get(pk=workers[(i // 5 * 2 + i % 5) % len(workers)])
                role = "support_worker"
            else:
                role = others[i % len(others)]
                user, _ = User.objects.get_or_create(
                    username=f"bench-load-{i:02d}", defaults={"first_name": "Belastning"}
                )
                Membership.objects.update_or_create(user=user, municipality=cph, defaults={"role": role})
            load.append((user.username, role, user.pk))
        every = {u.pk for u in users.values()} | {pk for _, _, pk in load}
        User.objects.filter(pk__in=every).update(password=password_hash, is_active=True)
        # The objects in hand too: force_login signs the session with the password it sees.
        for user in users.values():
            user.password = password_hash
        # People the load test's users open and write a contact on: unprotected people on the active list.
        load_people = list(
            Person.objects.filter(municipality=cph, current_status__in=ACTIVE, protected=False)
            .order_by("id")
            .values_list("id", flat=True)[:300]
        )
        own = {}
        for worker_id, person_id in SupportEpisode.objects.filter(
            municipality=cph, status="active", worker_id__in=workers
        ).values_list("worker_id", "person_id"):
            own.setdefault(worker_id, []).append(person_id)
        vacancies = Vacancy.objects.filter(municipality=cph, status="open").count()
    events = sum(v for k, v in counts.items() if k != "Person")
    print(
        f"Data: {counts['Person']:,} people, {events:,} events; Copenhagen {sizes[cph.code]['people']:,} people, "
        f"{sizes[cph.code]['active']:,} on the active list; small: {small.name} {sizes[small.code]['people']:,}",
        flush=True,
    )
    return {
        "cph": cph,
        "small": small,
        "users": users,
        "people": people,
        "load": load,
        "load_people": load_people,
        "own": own,
        "facts": {
            "counts": counts,
            "events": events,
            "cph_name": cph.name,
            "small_name": small.name,
            "sizes": sizes,
            "vacancies": vacancies,
        },
    }


def pages_for(role: str) -> list[tuple[str, str, str]]:
    """(key, label, URL name) of every page the role may open, the navigation's pages included."""
    from django.urls import resolve, reverse

    from accounts.roles import Capability, has_capability
    from home.navigation import entries_for

    pages = [
        (key, label, name)
        for key, label, name, capability in PAGES
        if capability is None or has_capability(role, Capability(capability))
    ]
    known = {name for _, _, name in pages}
    for entry in entries_for(role):
        match = resolve(reverse(entry.url_name))
        if match.view_name not in known:
            pages.append((match.view_name, f"{entry.label} (navigation)", match.view_name))
    return pages


def page_url(name: str, person_id: int) -> str:
    from django.urls import reverse

    return reverse(name, args=[person_id]) if name == "people:detail" else reverse(name)


def count_all_queries(data, *, warm: bool = True) -> dict:
    """Queries of one request per page and role, after a warm-up request, in Copenhagen and the small
    municipality (Django's test client in this process, the same database)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for role in ROLES:
        for key, _label, name in pages_for(role):
            row = {}
            for where in ("cph", "small"):
                code = data[where].code
                client = Client()
                client.force_login(data["users"][(code, role)])
                url = page_url(name, data["people"][code])
                if warm:
                    client.get(url)
                with CaptureQueriesContext(connection) as captured:
                    response = client.get(url)
                row[where] = len(captured)
                expect = 302 if key == "start" else 200
                if response.status_code != expect or (expect == 302 and "/accounts/" in response["Location"]):
                    raise RuntimeError(
                        f"{role} {url} in {code}: HTTP {response.status_code}, not a page to count"
                    )
            counts[f"{role}:{key}"] = row
    return counts


class gunicorn:  # noqa: N801 - used as a context manager, like open()
    """gunicorn with gunicorn.conf.py and the production settings (plus the bare view's URL), as
    ./run serve starts it, against the benchmark database as the application role, on a free port.
    BEHIND_TLS_PROXY=1 as in production: the client sends X-Forwarded-Proto as the proxy does."""

    def __init__(self, db: str, static_root: Path):
        from django.conf import settings

        host, port, _role = PG
        self.port = free_port()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "benchmarks.production_settings",
            "DATABASE_URL": f"postgres://{WEB_ROLE}@{host}:{port}/{db}",
            "SECRET_KEY": secrets.token_urlsafe(50),
            # The keys the data was written with (the bench settings' own).
            "CPR_ENCRYPTION_KEY": settings.CPR_ENCRYPTION_KEY,
            "CPR_HASH_KEY": settings.CPR_HASH_KEY,
            "BEHIND_TLS_PROXY": "1",
            "STATIC_ROOT": str(static_root),
            "STATIC_COMPRESS": "0",  # WhiteNoise's compressed copies take minutes to make; not measured
            "WEB_BIND": f"127.0.0.1:{self.port}",
            "LOG_LEVEL": "WARNING",
        }
        self.env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        self.log_path = BENCH_DATA / f"gunicorn-{db}.log"

    def __enter__(self) -> int:
        self.log_path.parent.mkdir(exist_ok=True)
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=ROOT,
            env=self.env,
            check=True,
        )
        self.log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [str(Path(sys.executable).with_name("gunicorn")), "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                break
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"gunicorn did not start; see {self.log_path}") from None
                time.sleep(0.2)
        print(f"gunicorn (production settings) on 127.0.0.1:{self.port}, log {self.log_path}", flush=True)
        return self.port

    def __exit__(self, *exc) -> None:
        self.process.terminate()
        self.process.wait(timeout=60)
        self.log.close()


def time_all_pages(args, data, port) -> list[dict]:
    """Each role's Copenhagen user logs in over HTTP; each page: warm-up, then N sequential requests."""
    code = data["cph"].code
    rows = []
    for role in ROLES:
        user = data["users"][(code, role)]
        browser = Browser(port)
        browser.login(user.username, PASSWORD)
        for key, label, name in pages_for(role):
            url = page_url(name, data["people"][code])
            expect = 302 if key == "start" else 200
            for _ in range(args.warmup):
                browser.get(url)
            times, sizes, bad = [], [], 0
            budget_ends = time.monotonic() + args.page_seconds
            for i in range(args.requests):
                if i >= 5 and time.monotonic() > budget_ends:
                    break
                r = browser.get(url)
                times.append(r.ms)
                sizes.append(len(r.body))
                bad += r.status != expect
            q = data["queries"].get(f"{role}:{key}", {})
            row = {
                "role": role,
                "key": key,
                "label": label,
                "url": url,
                "p50": statistics.median(times),
                "p95": percentile(times, 0.95),
                "bytes": int(statistics.median(sizes)),
                "errors": bad,
                "status": r.status,
                "n": len(times),
                **q,
            }
            rows.append(row)
            print(
                f"(a) {role:16} {key:20} p50 {row['p50']:6.1f} ms  p95 {row['p95']:6.1f} ms  "
                f"{row['bytes']:>7,} B  HTTP {r.status}" + (f"  {bad} unexpected" if bad else ""),
                flush=True,
            )
        browser.close()
    return rows


def throughput(args, data, port) -> dict:
    """Requests per second with several clients at once (closed loop, no think time) for the by-name list
    (logged-in leader), the bare JSON view with the same session, and the bare view anonymously."""
    import threading

    leader = Browser(port)
    leader.login(data["users"][(data["cph"].code, "leader")].username, PASSWORD)

    def measure(path: str, cookies: dict | None) -> dict:
        counts, times, errors = [0] * args.throughput_clients, [], [0]
        lock = threading.Lock()
        stop_at = time.monotonic() + args.throughput_seconds

        def client(i):
            b = Browser(port)
            if cookies:
                b.cookies = dict(cookies)
            b.get(path)  # warm the connection
            mine = []
            while time.monotonic() < stop_at:
                r = b.get(path)
                mine.append(r.ms)
                if r.status != 200:
                    errors[0] += 1
            counts[i] = len(mine)
            with lock:
                times.extend(mine)
            b.close()

        threads = [threading.Thread(target=client, args=(i,)) for i in range(args.throughput_clients)]
        t = time.monotonic()
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        elapsed = time.monotonic() - t
        return {
            "rps": sum(counts) / elapsed,
            "p50": percentile(times, 0.5),
            "p95": percentile(times, 0.95),
            "errors": errors[0],
        }

    # Rounds of the three in turn, the median of each: on a shared machine one window of a few seconds
    # moved by a third from run to run, and taking them in turn spreads any slow spell over all three.
    kinds = {
        "list": ("/borgere/", leader.cookies),
        "bare_logged_in": ("/bench/json/", leader.cookies),
        "bare_anonymous": ("/bench/json/", None),
    }
    rounds = [{k: measure(*where) for k, where in kinds.items()} for _ in range(args.throughput_rounds)]
    leader.close()
    result = {"clients": args.throughput_clients, "seconds": args.throughput_seconds, "rounds": len(rounds)}
    for k in kinds:
        result[k] = sorted((r[k] for r in rounds), key=lambda m: m["rps"])[len(rounds) // 2]
        result[k]["all_rps"] = [round(r[k]["rps"], 1) for r in rounds]
        print(
            f"(c) {k:15} {result[k]['rps']:7.1f} req/s  p95 {result[k]['p95']:.1f} ms  (rounds: "
            + ", ".join(f"{v:.0f}" for v in result[k]["all_rps"])
            + ")",
            flush=True,
        )
    return result


def load_users(args, data) -> list:
    """The load test's users: reads their role uses day to day, and contacts registered on people."""
    from django.urls import reverse

    reads = {
        "support_worker": ["home:worker", "people:list", "support:episodes", "people:needs_list"],
        "outreach_worker": ["people:list", "home:worker", "people:needs_list", "support:waiting"],
        "leader": [
            "people:list",
            "home:leader",
            "support:episodes",
            "support:waiting",
            "allocation:vacancies",
        ],
        "housing_broker": ["people:list", "people:needs_list", "housing:units", "allocation:vacancies"],
    }
    users = []
    for username, role, pk in data["load"]:
        people = data["own"].get(pk) or data["load_people"]
        paths = [(f"read: {name}", reverse(name)) for name in reads[role]]
        paths += [("read: person page", f"/borgere/{p}/") for p in people[:3]]
        paths += [("read: by-name list, page 2", "/borgere/?side=2")]
        users.append(
            loadtest.VirtualUser(
                username=username, password=PASSWORD, reads=paths, people=people[:50], may_write=True
            )
        )
    return users


# ---------------------------------------------------------------------------------------------------
# (b) Monthly inflow/outflow: PostgreSQL against DuckDB.

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


def measure_flows(args) -> dict:
    import duckdb
    from django.db import connection

    from people.statuses import ACTIVE as ACTIVE_STATUSES
    from tenants.rls import system_access

    assert set(ACTIVE) == {s.value for s in ACTIVE_STATUSES}
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
            pg_rows = cursor.fetchall()
            pg_times.append((time.perf_counter() - t) * 1000)
        cursor.execute("EXPLAIN " + pg_sql)
        pg_plan = "\n".join(r[0] for r in cursor.fetchall())
        rollup_sql = ROLLUP_SQL.format(first=first, today=today)
        rollup_times, rollup_rows = [], None
        for _ in range(args.repeat):
            t = time.perf_counter()
            cursor.execute(rollup_sql)
            rollup_rows = cursor.fetchall()
            rollup_times.append((time.perf_counter() - t) * 1000)
        export_dir = BENCH_DATA
        export_dir.mkdir(exist_ok=True)
        csv_path = export_dir / f"statuschange-{args.db}.csv"
        parquet_path = export_dir / f"statuschange-{args.db}.parquet"
        with (
            csv_path.open("wb") as f,
            cursor.copy(
                "COPY (SELECT municipality_id, changed_on, status, previous_status FROM people_statuschange) "
                "TO STDOUT WITH (FORMAT csv, HEADER true)"
            ) as copy,
        ):
            for block in copy:
                f.write(block)
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

    def norm(rows):
        return [(int(a), str(b), int(c), int(d), int(e)) for a, b, c, d, e in rows]

    result = {
        "equal_raw": norm(pg_rows) == norm(duck_rows),
        "equal_rollup": norm(rollup_rows) == norm(duck_rows),
        "rows": len(pg_rows),
        "pg_times": pg_times,
        "rollup_times": rollup_times,
        "duck_times": duck_times,
        "pg_plan": pg_plan,
        "duckdb": duckdb.__version__,
    }
    print(
        f"(b) rollup {statistics.median(rollup_times):.1f} ms, raw {statistics.median(pg_times):.0f} ms, "
        f"DuckDB {statistics.median(duck_times):.0f} ms; equal: rollup {result['equal_rollup']}, "
        f"raw {result['equal_raw']}",
        flush=True,
    )
    return result


# ---------------------------------------------------------------------------------------------------
# The report.


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
    import gunicorn as gunicorn_package

    return (
        f"{os.cpu_count()} CPU cores ({cpu}){mem}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, gunicorn {gunicorn_package.__version__}, {pg} (client)"
    )


def _load(values) -> str:
    return ", ".join(f"{x:.1f}" for x in values)


def _ms(x) -> str:
    return f"{x:.1f}" if x == x else "-"


def write_report(args, results: list[dict], memory: list[dict], load_before, load_after) -> None:
    first = results[0]
    lines = [
        "# Benchmarks",
        "",
        "National-scale data on PostgreSQL, measured by `./run bench` (`.venv/bin/python benchmarks/run.py`;",
        "`--help` lists the options). Reproduce from scratch: `./run bench --regenerate`.",
        "",
        f"- Date: {datetime.date.today():%Y-%m-%d}"
        + (" (**quick mode: tiny data, figures meaningless**)" if args.quick else ""),
        f"- Machine: {machine()}",
        f"- Load average (1, 5, 15 min) before the run {_load(load_before)}, after it {_load(load_after)}. Above 2",
        "  on this 2-core machine means other work shared the cores, and every time below is inflated",
        "  accordingly. One run, not an average of runs.",
    ]
    for r in results:
        c, cph, small = r["counts"], r["sizes"][next(iter(r["sizes"]))], r["sizes"][list(r["sizes"])[1]]
        load = (
            f"loaded in {r['load_seconds']:.0f} s this run"
            if r["load_seconds"]
            else f"not reloaded this run (last timed load: {load_note(r['db']).read_text().strip() if load_note(r['db']).exists() else 'unknown'})"
        )
        lines.append(
            f"- Data {r['scale']:g}x (database `{r['db']}`, {load}): {c['Person']:,} people in 98 municipalities over "
            f"{args.years} years, {r['events']:,} events ({c['SituationPeriod']:,} situation periods, "
            f"{c['StatusChange']:,} status changes, {c['Contact']:,} contacts, {c['NeedsListEntry']:,} needs-list "
            f"entries). {r['cph_name']}: {cph['people']:,} people, {cph['active']:,} on the active list, "
            f"{cph['episodes']:,} support episodes; {r['small_name']} (the small municipality of the query "
            f"counts): {small['people']:,} people, {small['active']:,} active."
        )
    lines += [
        "",
        "## (a) Every main page of every role, over HTTP",
        "",
        "gunicorn with `gunicorn.conf.py` (gthread, a process per core, 4 threads each) and the production",
        "settings (`config/settings/production.py`; `benchmarks/production_settings.py` adds only the bare view's",
        "URL), started as `./run serve` starts it, against the benchmark database as the application role; DEBUG",
        "off, static files by WhiteNoise after collectstatic, `BEHIND_TLS_PROXY=1` with the client sending",
        "`X-Forwarded-Proto: https` as the proxy does. Each role's user in Copenhagen logs in with a password,",
        f"then each page gets {args.warmup} warm-up requests and {args.requests} timed sequential requests on one",
        "keep-alive connection (time to the last byte of the body; client on the same machine); a page that",
        f"spends its {args.page_seconds:g} s budget (`--page-seconds`) stops after 5 and shows how many (n). Queries per",
        "request: one request through Django's test client in the benchmark's process against the same database,",
        "for Copenhagen and for the small municipality (same role, same page): equal counts show the page does",
        "not grow with the municipality. The person page is one of the Copenhagen support worker's citizens",
        "with an active episode; the start page is a redirect to the role's front page (302).",
        f"Targets: p95 <= {PAGE_TARGET_MS} ms for every page, <= {LIST_TARGET_MS} ms for the by-name list.",
    ]
    for r in results:
        lines += [
            "",
            f"### {r['scale']:g}x data ({r['counts']['Person']:,} people; {r['cph_name']} {r['sizes'][next(iter(r['sizes']))]['people']:,})",
            "",
            f"Load average during this scale's pass: {_load(r['load_before'])} at its start, "
            f"{_load(r['load_after'])} at its end.",
            "",
            f"| page | role | p50 ms | p95 ms | queries {r['cph_name']} / {r['small_name']} | bytes | target p95 | within |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
        for p in r["pages"]:
            target = LIST_TARGET_MS if p["key"] == "list" else PAGE_TARGET_MS
            ok = p["p95"] <= target and not p["errors"]
            q = f"{p.get('cph', '-')} / {p.get('small', '-')}"
            if p.get("cph") != p.get("small"):
                q += " (differs)"
            lines.append(
                f"| {p['label']} (`{p['url']}`) | {p['role']} | {_ms(p['p50'])} | {_ms(p['p95'])}"
                + (f" (n={p['n']})" if p.get("n", args.requests) < args.requests else "")
                + f" | {q} | "
                f"{p['bytes']:,} | <= {target} ms | {'yes' if ok else '**no**'}"
                + (f" ({p['errors']} unexpected responses)" if p["errors"] else "")
                + " |"
            )
        slow = [
            p for p in r["pages"] if p["p95"] > (LIST_TARGET_MS if p["key"] == "list" else PAGE_TARGET_MS)
        ]
        lines += ["", f"{len(r['pages']) - len(slow)} of {len(r['pages'])} page rows within target."]
    if len(results) > 1:
        lines += [
            "",
            "### Growth from 1x to the largest scale (p95)",
            "",
            "| page | role | " + " | ".join(f"{r['scale']:g}x" for r in results) + " | ratio |",
            "| --- | --- | " + " | ".join("---" for _ in results) + " | --- |",
        ]
        by = [{(p["role"], p["key"]): p for p in r["pages"]} for r in results]
        for key, p in by[0].items():
            vals = [b.get(key, {}).get("p95", float("nan")) for b in by]
            lines.append(
                f"| {p['label']} | {p['role']} | "
                + " | ".join(_ms(v) for v in vals)
                + f" | {vals[-1] / vals[0]:.1f}x |"
            )
    lines += [
        "",
        "## (c) Throughput: by-name list against a bare view through the same middleware",
        "",
        "Several clients at once, each on its own keep-alive connection, as fast as the server answers (closed",
        "loop), against the same gunicorn, in rounds of the three in turn; each figure is the median round. The bare view (`benchmarks/urls.py`) returns a small JSON document",
        "through every middleware; logged in it is asked with the leader's session (session, user, membership,",
        f"row-level security setting), anonymous without. Target: the list at >= {THROUGHPUT_TARGET}x the logged-in bare view.",
        "",
        "| scale | clients x seconds x rounds | by-name list req/s (p95) | bare, logged in req/s (p95) | bare, anonymous req/s (p95) | list / bare logged in | list / bare anonymous | within |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        t = r["throughput"]
        ratio, ratio_anon = (
            t["list"]["rps"] / t["bare_logged_in"]["rps"],
            t["list"]["rps"] / t["bare_anonymous"]["rps"],
        )
        lines.append(
            f"| {r['scale']:g}x | {t['clients']} x {t['seconds']:g} x {t.get('rounds', 1)} | {t['list']['rps']:.0f} ({_ms(t['list']['p95'])} ms) | "
            f"{t['bare_logged_in']['rps']:.0f} ({_ms(t['bare_logged_in']['p95'])} ms) | {t['bare_anonymous']['rps']:.0f} "
            f"({_ms(t['bare_anonymous']['p95'])} ms) | {ratio:.2f}x | {ratio_anon:.2f}x | {'yes' if ratio >= THROUGHPUT_TARGET else '**no**'} |"
        )
    loaded = [r for r in results if "load" in r]
    if loaded:
        r = loaded[0]
        ld = r["load"]
        lines += [
            "",
            f"## (d) Load test: {ld['users']} concurrent users, {r['scale']:g}x data",
            "",
            f"{ld['users']} users at once for {ld['seconds']:.0f} s (`--load-users`, `--load-seconds`), each a thread with its own",
            "connection and session, logged in with a password as a real Copenhagen user: generated support workers",
            "with their own citizens, and outreach workers, leaders and housing brokers. Each waits a think time",
            f"(uniform around {ld['think']:g} s, `--load-think`), then reads a page of its role (front pages, lists, page 2",
            f"of the list, person pages), or with probability {ld['write_share']:.0%} opens a person page and registers a",
            "contact there (a POST with the page's CSRF token; success is the redirect back). Target: 0 errors.",
            "",
            f"Total: **{ld['requests']:,} requests, {ld['errors']} errors**, {ld['rps']:.1f} requests/s, p50 {_ms(ld['p50'])} ms, p95 {_ms(ld['p95'])} ms.",
            "",
            "| kind | requests | errors | p50 ms | p95 ms |",
            "| --- | --- | --- | --- | --- |",
        ]
        for kind, k in ld["kinds"].items():
            lines.append(
                f"| {kind} | {k['requests']:,} | {k['errors']} | {_ms(k['p50'])} | {_ms(k['p95'])} |"
            )
        if ld["error_samples"] or ld["login_errors"]:
            lines += ["", "Errors (first ones): " + "; ".join(ld["login_errors"] + ld["error_samples"])]
    lines += [
        "",
        "## (e) Export memory",
        "",
        "Peak resident memory (`getrusage` max RSS) of a fresh process that sets Django up, makes a 100-row",
        "export to warm up, then makes the measured one; growth is the peak minus the memory before it.",
        "Writer: the first N people of the whole database (system access) through `people.exports.rows` and",
        "the CSV or xlsx writer (`core/exports.py`) into a temporary file, as every export is made. Task: what",
        "the export task does for a list above the synchronous limit, for Copenhagen's leader with every status",
        "(`people.exports.export_run`: the selector, an access-log entry per row, the file, sealed block by",
        "block into the export's parts; the file column is the sealed size).",
        "Target: constant in the number of rows.",
        "",
        "| export | rows | file | peak RSS | growth | time |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for m in memory:
        what = f"writer, {m['fmt']}" if m["mode"] == "writer" else f"task, {m['fmt']}, {m['scale']:g}x data"
        lines.append(
            f"| {what} | {m['rows']:,} | {m['bytes'] / 1e6:.1f} MB | {m['peak_mb']:.0f} MB | "
            f"+{m['growth_mb']:.0f} MB | {m['seconds']:.1f} s |"
        )
    if "flows" in first:
        f = first["flows"]
        rollup, raw, duck = (statistics.median(f[k]) for k in ("rollup_times", "pg_times", "duck_times"))
        lines += [
            "",
            f"## (b) Monthly inflow/outflow, all municipalities, {args.years} years ({first['scale']:g}x data)",
            "",
            f"Per municipality and month: inflow, outflow and the running active count, run {args.repeat} times on",
            "each; median shown. DuckDB computes them from the raw status history exported once from PostgreSQL to",
            "Parquet (the export is not timed). PostgreSQL is measured two ways: reading the monthly rollup that",
            "database triggers keep on every write of the history (`people/flows.py`; this is what the platform",
            "reads), and aggregating the raw history in one statement. Result rows compared one by one with",
            f"DuckDB's: rollup **{'equal' if f['equal_rollup'] else 'NOT EQUAL'}**, raw **{'equal' if f['equal_raw'] else 'NOT EQUAL'}**",
            f"({f['rows']:,} municipality-months). DuckDB {f['duckdb']}.",
            "",
            "| engine | median | runs (ms) | ratio to DuckDB (target <= 3x) |",
            "| --- | --- | --- | --- |",
            f"| PostgreSQL, monthly rollup | {rollup:.1f} ms | {', '.join(f'{t:.1f}' for t in f['rollup_times'])} | {rollup / duck:.2f}x |",
            f"| PostgreSQL, raw history | {raw:.0f} ms | {', '.join(f'{t:.0f}' for t in f['pg_times'])} | {raw / duck:.1f}x |",
            f"| DuckDB (Parquet, raw history) | {duck:.0f} ms | {', '.join(f'{t:.0f}' for t in f['duck_times'])} | 1x |",
            "",
            "The rollup costs one upsert per status change written (a trigger); it is rebuilt from the history",
            "after a bulk load that bypasses triggers (`monthly_flow_rebuild`).",
            "",
            "PostgreSQL plan of the raw aggregation:",
            "",
            "```",
            f["pg_plan"],
            "```",
        ]
    text = "\n".join(lines) + "\n"
    # Keep sections other benchmarks maintain between their own markers (allocation_bench.py).
    out = Path(args.out)
    if out.exists():
        old = out.read_text(encoding="utf-8")
        start, end = old.find(MARK_START), old.find(MARK_END)
        if start != -1 and end != -1:
            text = text.rstrip("\n") + "\n\n" + old[start : end + len(MARK_END)] + "\n"
    out.write_text(text, encoding="utf-8")
    print(f"Wrote {args.out}")


if __name__ == "__main__":
    sys.exit(main())
