"""Times the simulation model (issue 13's target: 1,000 runs x 60 months x 1,000 people in <= 2 s on this
2-core machine). A plain script, no Django: ``.venv/bin/python simulation/bench.py``. Never a timed test."""

import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from simulation.model import N_HOUSING, N_SUPPORT, Parameters, simulate, summarise  # noqa: E402


def thousand_people() -> tuple:
    """1,000 people at the start: 400 homeless (identified and ready, in the four situations), 600 in
    their own home, spread over the support states."""
    initial = [[0] * N_SUPPORT for _ in range(N_HOUSING)]
    for row in range(8):  # homeless rows
        for col, n in enumerate((15, 10, 10, 5, 5, 5, 0)):
            initial[row][col] = n
    for col, n in enumerate((300, 20, 20, 10, 100, 100, 50)):
        initial[8][col] = n
    assert sum(map(sum, initial)) == 1000
    return tuple(tuple(r) for r in initial)


def main(runs: int = 1000, months: int = 60, repeat: int = 5) -> None:
    params = Parameters(
        initial=thousand_people(),
        inflow_mean=30,
        homes_per_month=20,
        capacity={"cti": 120, "icm": 120, "act": 60},
    )
    simulate(params, runs=10, months=months, seed=0)  # warm-up
    times, cpu = [], []
    for i in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = simulate(params, runs=runs, months=months, seed=i)
        summarise(result)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    load = os.getloadavg()[0]
    # Wall time is inflated when other work shares the two cores (load above 2); the process's own CPU
    # time is what the model costs.
    print(
        f"{runs} runs x {months} months x 1,000 people: wall best {min(times):.2f} s, "
        f"median {sorted(times)[len(times) // 2]:.2f} s; CPU best {min(cpu):.2f} s, "
        f"over {repeat} repeats (load {load:.1f} on {os.cpu_count()} cores)"
    )


if __name__ == "__main__":
    main()
