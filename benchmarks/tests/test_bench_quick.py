"""``./run bench --quick`` end to end against this test's PostgreSQL database (throwaway): national data
generated small, gunicorn with the production settings, every page of every role over HTTP, throughput,
the load test, export memory, the report. Asserts that the report is complete and nothing failed, never
a time (the figures of a quick run mean nothing).

Runs in the PostgreSQL pass (skipped on SQLite; REQUIRE_POSTGRES=1 makes that an error)."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from benchmarks import run as bench

pytestmark = [
    pytest.mark.postgres,
    # Committed data: the benchmark's processes and gunicorn read it over their own connections.
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the benchmark runs on PostgreSQL"),
]

ROOT = Path(__file__).resolve().parents[2]
ROW = re.compile(
    r"^\| (.+?) \(`([^`]*)`\) \| (\w+) \| ([\d.]+) \| ([\d.]+)(?: \(n=\d+\))? \| (\d+) / (\d+)", re.M
)


def test_quick_bench_reports_every_page_of_every_role_and_no_errors(tmp_path):
    db = settings.DATABASES["default"]
    out = tmp_path / "BENCHMARKS.md"
    kept = f"{bench.MARK_START}\n## Allocation (kept)\n{bench.MARK_END}"
    out.write_text(f"# Old report\n\n{kept}\n", encoding="utf-8")
    env = {
        **os.environ,
        "PG_HOST": db["HOST"] or "127.0.0.1",
        "PG_PORT": str(db["PORT"] or 5432),
        "PG_OWNER_ROLE": db["USER"],
    }
    done = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--quick", "--db", db["NAME"], "--out", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    text = out.read_text(encoding="utf-8")

    rows = {(label, role): url for label, url, role, *_ in ROW.findall(text)}
    expected = {(label, role) for role in bench.ROLES for _key, label, _name in bench.pages_for(role)}
    assert set(rows) == expected
    assert len(expected) > 60  # six roles, each with its pages
    assert rows[("by-name list", "leader")] == "/borgere/"
    # Every page answered as expected (200, the start page 302) on every request.
    assert "unexpected responses" not in text
    # The load test ran without an error, and the other sections are there.
    assert re.search(r"Total: \*\*[\d,]+ requests, 0 errors\*\*", text)
    assert "## (c) Throughput" in text
    assert re.search(r"\| writer, csv \| 500 \|", text)
    assert re.search(r"\| task, xlsx, 1x data \| [\d,]+ \|", text)
    assert "rollup **equal**, raw **equal**" in text
    # The allocation section another benchmark maintains is kept.
    assert text.rstrip().endswith(kept)
