"""The moving-in warning (seed 004, 4.1: a worker with several citizens moving into a home at the same
time may need fewer citizens for a period). No Django import.

Given move-in dates per worker, a warning names each worker with at least ``count`` move-ins inside any
window of ``days`` days that touches the period looked at.
"""

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Cluster:
    worker_id: int
    first: date
    last: date
    person_ids: tuple


def clusters(move_ins: list[tuple[int, date, int]], *, count: int, days: int) -> list[Cluster]:
    """move_ins: (worker_id, moving-in date, person_id). One cluster per worker: the largest group of
    move-ins within ``days`` days (first to last), if it has at least ``count``."""
    by_worker: dict[int, list[tuple[date, int]]] = {}
    for worker_id, on, person_id in move_ins:
        by_worker.setdefault(worker_id, []).append((on, person_id))
    out = []
    window = timedelta(days=days - 1)
    for worker_id, items in sorted(by_worker.items()):
        items.sort()
        best: list = []
        lo = 0
        for hi in range(len(items)):
            while items[hi][0] - items[lo][0] > window:
                lo += 1
            if hi - lo + 1 > len(best):
                best = items[lo : hi + 1]
        if len(best) >= count:
            out.append(Cluster(worker_id, best[0][0], best[-1][0], tuple(sorted({p for _, p in best}))))
    return out
