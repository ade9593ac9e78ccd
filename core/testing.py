"""Test helpers shared by the apps: concurrency proofs (PostgreSQL, many real requests at one instant)
and the task worker run in the test (run_tasks)."""

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


def run_tasks(*, max_tasks: int | None = None) -> None:
    """Run the queued tasks in this process as ``manage.py db_worker --batch`` does, then return: the
    worker's own loop (claim, run, record the result) on this thread's connection. Inside a test's
    transaction the worker's connection recycling (close_old_connections) is skipped: it would close
    the connection that holds the test's data."""
    from unittest import mock

    from django.db import connection
    from django_tasks_db.management.commands import db_worker

    worker = db_worker.Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=max_tasks,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    if connection.in_atomic_block:
        with mock.patch.object(db_worker, "close_old_connections", lambda: None):
            worker.run()
    else:
        worker.run()
