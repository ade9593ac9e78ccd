"""The access log's rows are cheap to write (a list page writes one per person shown) and keep their meaning:
no foreign-key check in the database, an index led by the municipality for every read, and Django's PROTECT
still keeps a user with log rows from being deleted."""

import pytest
from django.db import connection
from django.db.models import ProtectedError

from accounts.roles import Role
from audit.models import AccessLogEntry
from audit.services import log_many_reads


@pytest.mark.django_db
def test_a_user_with_log_rows_cannot_be_deleted(users_a, municipality_a):
    user = users_a[Role.OUTREACH_WORKER]
    log_many_reads(actor=user, municipality=municipality_a, person_ids=[1, 2], purpose="Opslag")
    with pytest.raises(ProtectedError):
        user.delete()
    assert AccessLogEntry.objects.filter(user=user).count() == 2


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's catalog")
def test_the_log_table_checks_no_foreign_key_and_reads_by_municipality_first():
    table = AccessLogEntry._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'f'", [table]
        )
        assert cursor.fetchone()[0] == 0
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = %s", [table])
        indexes = [row[0] for row in cursor.fetchall()]
    # The log page (newest first) and a person's log both begin with the municipality, which row-level
    # security adds to every query; the retention purge reads by time; the log page may filter by user.
    assert any("(municipality_id, at DESC, id DESC)" in d for d in indexes)
    assert any("(municipality_id, person_id)" in d for d in indexes)
    assert any("(at)" in d for d in indexes) and any("(user_id)" in d for d in indexes)
    assert not any(d.endswith(("(municipality_id)", "(person_id)")) for d in indexes)
