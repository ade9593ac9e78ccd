"""The load test's users all run for the whole time (benchmarks/loadtest.py): a user that read the end
time before it was set used to leave at once, so a run measured a varying fraction of its users."""

import time
from types import SimpleNamespace

from benchmarks import loadtest


class FakeBrowser:
    """Answers every request at once; records who asked."""

    calls: list = []

    def __init__(self, port):
        self.user = None

    def login(self, username, password):
        self.user = username
        time.sleep(0.01)  # logins finish at different moments, as real ones do

    def get(self, path):
        FakeBrowser.calls.append(self.user)
        return SimpleNamespace(status=200, ms=1.0, body=b"")

    def close(self):
        pass


def test_every_user_makes_requests_for_the_whole_run(monkeypatch):
    monkeypatch.setattr(loadtest, "Browser", FakeBrowser)
    FakeBrowser.calls = []
    users = [loadtest.VirtualUser(f"u{i}", "pw", reads=[("read: list", "/borgere/")]) for i in range(40)]
    result = loadtest.run(0, users, seconds=0.6, think=0.05, today="2026-11-30")
    assert result["errors"] == 0
    assert {u.username for u in users} == set(FakeBrowser.calls)
    # About 0.6 / 0.05 requests each; every user far more than one.
    assert min(FakeBrowser.calls.count(u.username) for u in users) >= 5
    assert 0.55 <= result["seconds"] <= 1.5
