"""Test helpers shared by the apps' concurrency proofs (PostgreSQL): many real requests at one instant."""

import threading
from collections.abc import Callable


def at_once(calls: list[Callable[[], object]]) -> list[object]:
    """Run every call in its own thread, released together by a barrier, each with its own database
    connection; returns each call's result, or the exception it raised (a crash is a finding)."""
    from django.db import connections

    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(i: int) -> None:
        try:
            barrier.wait()
            results[i] = calls[i]()
        except Exception as exc:  # noqa: BLE001 - reported by the test
            results[i] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results
