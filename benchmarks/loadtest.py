"""Concurrent users over real HTTP (``benchmarks/run.py``): each simulated user is a thread with its own
connection and session, logged in as a real user, doing a mix of page reads and writes with a think time
between them, for a fixed time. Standard library only.

A write is what a worker does on a person page: open it, then register a contact (POST, CSRF token from
the page's form); success is the redirect back to the page."""

import random
import threading
import time
from dataclasses import dataclass, field

from .httpclient import Browser, percentile


@dataclass
class VirtualUser:
    username: str
    password: str
    reads: list[tuple[str, str]]  # (kind, path)
    people: list[int] = field(default_factory=list)  # person pages to open and write a contact on
    may_write: bool = False


@dataclass
class Tally:
    times: dict = field(default_factory=dict)  # kind -> [ms]
    errors: dict = field(default_factory=dict)  # kind -> count
    samples: list = field(default_factory=list)  # the first few error descriptions
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, kind: str, ms: float, ok: bool, what: str = "") -> None:
        with self.lock:
            self.times.setdefault(kind, []).append(ms)
            if not ok:
                self.errors[kind] = self.errors.get(kind, 0) + 1
                if len(self.samples) < 10:
                    self.samples.append(f"{kind}: {what}")


def run(
    port: int,
    users: list[VirtualUser],
    *,
    seconds: float,
    write_share: float = 0.2,
    think: float = 1.0,
    today: str,
    seed: int = 1,
) -> dict:
    """Run every user at once for ``seconds`` (after all have logged in); returns per kind the number of
    requests, errors, p50 and p95 (ms), and the totals."""
    tally = Tally()
    stop_at = [0.0]

    def start_clock():
        # Run by the barrier before it releases anyone: no user can read the end time before it is set
        # (a user that did found the loop already over and left, and its requests were never made).
        stop_at[0] = time.monotonic() + seconds

    ready = threading.Barrier(len(users) + 1, action=start_clock)
    login_errors = []

    def one(index: int, user: VirtualUser) -> None:
        rng = random.Random(seed * 1000 + index)
        browser = Browser(port)
        try:
            browser.login(user.username, user.password)
        except Exception as exc:  # noqa: BLE001 - reported, never hidden
            login_errors.append(f"{user.username}: {exc}")
        ready.wait()
        try:
            while time.monotonic() < stop_at[0]:
                # Think time: uniform around the mean, so users do not march in step.
                time.sleep(rng.uniform(0.5 * think, 1.5 * think))
                if time.monotonic() >= stop_at[0]:
                    break
                if user.may_write and user.people and rng.random() < write_share:
                    pid = rng.choice(user.people)
                    page = _do(tally, browser, "read: person page, then a write", f"/borgere/{pid}/", 200)
                    if page is None or page.status != 200:
                        continue
                    try:
                        r = browser.post_form(
                            f"/borgere/{pid}/kontakt/",
                            page,
                            {
                                # The contact form's fields (people.views.contact_add, prefix "contact").
                                "contact-contacted_on": today,
                                "contact-kind": "meeting",
                                "contact-reached": "1",
                                "contact-note": "",
                            },
                        )
                        tally.add(
                            "write: contact on a person", r.ms, r.status in (302, 303), f"HTTP {r.status}"
                        )
                    except Exception as exc:  # noqa: BLE001
                        tally.add("write: contact on a person", 0.0, False, repr(exc))
                else:
                    kind, path = rng.choice(user.reads)
                    _do(tally, browser, kind, path, 200)
        finally:
            browser.close()

    threads = [threading.Thread(target=one, args=(i, u), daemon=True) for i, u in enumerate(users)]
    for t in threads:
        t.start()
    ready.wait()
    started = stop_at[0] - seconds
    for t in threads:
        t.join(seconds + 120)
    elapsed = time.monotonic() - started
    kinds = {}
    for kind, times in sorted(tally.times.items()):
        kinds[kind] = {
            "requests": len(times),
            "errors": tally.errors.get(kind, 0),
            "p50": percentile(times, 0.5),
            "p95": percentile(times, 0.95),
        }
    every = [t for times in tally.times.values() for t in times]
    return {
        "users": len(users),
        "seconds": elapsed,
        "think": think,
        "write_share": write_share,
        "kinds": kinds,
        "requests": len(every),
        "errors": sum(tally.errors.values()) + len(login_errors),
        "login_errors": login_errors,
        "error_samples": tally.samples,
        "p50": percentile(every, 0.5),
        "p95": percentile(every, 0.95),
        "rps": len(every) / elapsed if elapsed else 0.0,
    }


def _do(tally: Tally, browser: Browser, kind: str, path: str, expect: int):
    try:
        r = browser.get(path)
    except Exception as exc:  # noqa: BLE001
        tally.add(kind, 0.0, False, f"{path} {exc!r}")
        return None
    tally.add(kind, r.ms, r.status == expect, f"{path} HTTP {r.status}")
    return r
