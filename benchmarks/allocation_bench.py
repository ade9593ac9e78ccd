"""Benchmark of the global allocation proposal (issue 4 item 10): 2,000 candidates x 500 vacancies.

  .venv/bin/python benchmarks/allocation_bench.py [--candidates 2000] [--vacancies 500] [--runs 5] [--no-write]

Times, on the pure module allocation/matching.py (no database: the page's own reads are pinned by query
counts elsewhere): building the score matrix with the hard affordability rule, the optimal assignment
(scipy's linear_sum_assignment) and the by-hand greedy baseline (homes one by one by deadline, each to
the best remaining candidate); and both assignments' total score and number of homes matched.
Writes (or replaces) the "Allocation" section of BENCHMARKS.md between its markers, leaving the rest.
Target: the optimal proposal, matrix included, in <= 1 s on this machine.
"""

import argparse
import datetime
import os
import platform
import statistics
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from allocation import matching  # noqa: E402  (pure module: no Django setup needed)
from allocation.conf import DEFAULTS  # noqa: E402
from housing.benefit import DEFAULTS as BENEFIT_DEFAULTS  # noqa: E402

START, END = "<!-- allocation-bench:start -->", "<!-- allocation-bench:end -->"
AREAS = ["Frederikssund", "Jægerspris", "Slangerup", "Skibby", "Ølstykke", "Stenløse", "Hillerød", "Roskilde"]


def params() -> dict:
    # The DEFAULTS are read directly so the benchmark runs without Django settings.
    return {k: v for k, v in DEFAULTS.items() if k.startswith("SCORE_")} | BENEFIT_DEFAULTS


def synthetic(n_candidates: int, n_vacancies: int, seed: int = 2024):
    """Candidates and homes shaped like seed 001's list: what people can pay mostly 2,500-4,500 kr.,
    rents around the 3,500 kr. threshold and above; a third with area wishes; few skæve boliger."""
    rng = np.random.default_rng(seed)
    candidates = []
    for i in range(n_candidates):
        wished = (
            tuple(rng.choice(AREAS, size=int(rng.integers(0, 3)), replace=False))
            if rng.random() < 0.6
            else ()
        )
        candidates.append(
            matching.Candidate(
                person_id=i,
                can_pay=int(rng.normal(3300, 700)),
                homeless_days=int(rng.exponential(300)),
                monthly_income=None if rng.random() < 0.3 else int(rng.normal(13000, 3000)),
                areas=wished,
                min_rooms=int(rng.integers(1, 3)) if rng.random() < 0.5 else None,
                sharing=str(rng.choice(["alone", "shared", "either"], p=[0.5, 0.1, 0.4])),
                wants_ordinary_building=bool(rng.random() < 0.9),
                has_pet=bool(rng.random() < 0.15),
                needs_accessible=bool(rng.random() < 0.1),
                urgency=str(rng.choice(["normal", "high", "acute"], p=[0.8, 0.15, 0.05])),
            )
        )
    homes = [
        matching.Home(
            vacancy_id=j,
            rent=int(rng.normal(4200, 900)),
            utilities=int(rng.integers(300, 900)),
            rooms=int(rng.integers(1, 4)),
            area=str(rng.choice(AREAS)),
            shared=bool(rng.random() < 0.1),
            ordinary_building=bool(rng.random() < 0.9),
            pets_allowed=bool(rng.random() < 0.4),
            accessible=bool(rng.random() < 0.25),
        )
        for j in range(n_vacancies)
    ]
    return candidates, homes


def timed(fn, runs):
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), max(times), result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--candidates", type=int, default=2000)
    parser.add_argument("--vacancies", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    p = params()
    cands, homes = synthetic(args.candidates, args.vacancies)

    matrix_t, matrix_max, scores = timed(lambda: matching.score_matrix(cands, homes, p), args.runs)
    lsa_t, lsa_max, optimal = timed(lambda: matching.optimal_assignment(cands, homes, p, scores), args.runs)
    greedy_t, greedy_max, greedy = timed(
        lambda: matching.greedy_assignment(cands, homes, p, scores), args.runs
    )
    full_t, full_max, _ = timed(lambda: matching.optimal_assignment(cands, homes, p), args.runs)
    feasible = float((scores > 0).mean())
    # Where candidates are as few as homes, greedy's early choices cost more: the same homes, a quarter of the people.
    few = cands[: args.vacancies]
    few_scores = matching.score_matrix(few, homes, p)
    few_opt = matching.optimal_assignment(few, homes, p, few_scores)
    few_greedy = matching.greedy_assignment(few, homes, p, few_scores)
    gain = optimal.total_score - greedy.total_score

    rows = [
        ("score matrix (affordability + fit), vectorised", matrix_t, matrix_max),
        ("optimal assignment (linear_sum_assignment) on the matrix", lsa_t, lsa_max),
        ("**optimal proposal, matrix included**", full_t, full_max),
        ("greedy baseline on the same matrix", greedy_t, greedy_max),
    ]
    text = "\n".join(
        [
            START,
            "## Allocation: global proposal for all open vacancies (issue 4 item 10)",
            "",
            f"`benchmarks/allocation_bench.py`, {datetime.date.today():%Y-%m-%d}, {platform.processor() or platform.machine()}, "
            f"{os.cpu_count()} cores shared with other work, Python {platform.python_version()}, NumPy {np.__version__}. "
            f"{args.candidates:,} candidates x {args.vacancies:,} vacancies (synthetic, seeded, shaped like seed 001's needs "
            f"list); {feasible:.0%} of the pairs are affordable. Median of {args.runs} runs. Target: optimal proposal <= 1 s.",
            "",
            "| step | median | slowest run |",
            "| --- | --- | --- |",
            *[f"| {label} | {m * 1000:.0f} ms | {mx * 1000:.0f} ms |" for label, m, mx in rows],
            "",
            "| assignment | total score | homes matched |",
            "| --- | --- | --- |",
            f"| optimal | {optimal.total_score:,.0f} | {optimal.matched} of {args.vacancies} |",
            f"| greedy (homes by deadline, best remaining candidate) | {greedy.total_score:,.0f} | {greedy.matched} of {args.vacancies} |",
            f"| difference | {gain:+,.0f} ({gain / greedy.total_score:+.1%}) | {optimal.matched - greedy.matched:+d} |",
            "",
            f"With as many candidates as homes ({args.vacancies} x {args.vacancies}, the first {args.vacancies} candidates), "
            f"the optimal assignment scores {few_opt.total_score:,.0f} and matches {few_opt.matched} homes; greedy "
            f"{few_greedy.total_score:,.0f} and {few_greedy.matched} "
            f"({few_opt.total_score - few_greedy.total_score:+,.0f} points, {few_opt.matched - few_greedy.matched:+d} homes).",
            "",
            "Unaffordable pairs score 0 and are dropped from both assignments, so neither ever proposes a home the "
            "person cannot pay. The optimal proposal is "
            f"{'within' if full_t <= 1 else 'OVER'} the 1 s target.",
            END,
        ]
    )
    print(text)
    if not args.no_write:
        out = ROOT / "BENCHMARKS.md"
        current = out.read_text(encoding="utf-8") if out.exists() else ""
        if START in current and END in current:
            current = current[: current.index(START)] + text + current[current.index(END) + len(END) :]
        else:
            current = current.rstrip("\n") + "\n\n" + text + "\n"
        out.write_text(current, encoding="utf-8")
        print(f"Wrote {out}")


if __name__ == "__main__":
    main()
