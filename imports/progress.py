"""Live progress of a running import, kept in the cache rather than in the job row.

Why the cache: the import is one database transaction (all or nothing), and the status page must
see the counter move while that transaction is still open. A row update on the same connection is
invisible until commit. A second connection does work on PostgreSQL, but not on SQLite, which
allows one writer per database file: the progress write would wait for the very transaction it
reports on. The cache has no transactions and is the same on both databases. The job row itself
is updated in small committed steps before and after the import transaction (status, totals,
the final count), so a poll that cannot see this cache still shows where the job stands.

A deployment with several processes needs a shared cache (Redis, Memcached or the file-based
cache) as ``IMPORTS_PROGRESS_CACHE``; the default local-memory cache serves one process. The same
cache carries the worker's heartbeat: a job nobody has heard from for ``models.HEARTBEAT_TIMEOUT``
is taken for dead (services.job_fail_if_stale), so with several processes and no shared cache a
poll in another process would only see the job's committed phase changes.
"""

import time

from django.conf import settings
from django.core.cache import caches

TIMEOUT = 6 * 3600


def _cache():
    return caches[getattr(settings, "IMPORTS_PROGRESS_CACHE", "default")]


def _key(job_id: int) -> str:
    return f"imports:progress:{job_id}"


def _beat_key(job_id: int) -> str:
    return f"imports:heartbeat:{job_id}"


def record(job_id: int, processed: int) -> None:
    _cache().set_many({_key(job_id): processed, _beat_key(job_id): time.time()}, timeout=TIMEOUT)


def beat(job_id: int) -> None:
    """The worker is alive: written at each phase and with every progress step."""
    _cache().set(_beat_key(job_id), time.time(), timeout=TIMEOUT)


def last_beat(job_id: int) -> float | None:
    """When the worker last said it was alive (a Unix time), if this cache has heard from it."""
    return _cache().get(_beat_key(job_id))


def read(job_id: int) -> int | None:
    return _cache().get(_key(job_id))


def clear(job_id: int) -> None:
    _cache().delete_many([_key(job_id), _beat_key(job_id)])
