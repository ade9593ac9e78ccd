"""An export of many people writes its read rows in statements of LOG_BATCH rows, never one huge list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.roles import Role
from audit import services
from audit.models import AccessLogEntry, Action


@pytest.mark.django_db
def test_many_reads_are_written_in_batches_with_the_search_first(users_a, municipality_a, monkeypatch):
    monkeypatch.setattr(services, "LOG_BATCH", 3)
    with CaptureQueriesContext(connection) as queries:
        services.log_many_reads(
            actor=users_a[Role.LEADER],
            municipality=municipality_a,
            person_ids=range(1, 8),
            purpose="Udtræk",
            search_detail="navn: jens",
        )
    inserts = [q for q in queries.captured_queries if q["sql"].startswith("INSERT")]
    assert len(inserts) == 3  # 8 rows: 3 + 3 + 2
    rows = list(AccessLogEntry.objects.order_by("id").values_list("action", "person_id"))
    assert rows[0] == (Action.SEARCH, None)
    assert [p for _, p in rows[1:]] == list(range(1, 8))
