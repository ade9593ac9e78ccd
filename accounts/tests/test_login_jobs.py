"""Logging in does no daily work: inactivity and log retention run as scheduled commands (README)."""

from datetime import date, timedelta

import pgtrigger
import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from audit.models import AccessLogEntry, Action
from audit.services import log_access
from conftest import PASSWORD
from people.models import Person
from people.statuses import ACTIVE

pytestmark = pytest.mark.django_db


def test_logging_in_does_not_mark_anyone_inactive(client, users_a, worker_a, person_factory):
    person = person_factory(worker_a, start=date(2020, 1, 1))  # years without a contact or update
    client.post(reverse("account_login"), {"login": users_a[Role.LEADER].username, "password": PASSWORD})
    assert "_auth_user_id" in client.session
    assert Person.objects.get(pk=person.pk).current_status in {s.value for s in ACTIVE}


def test_logging_in_does_not_purge_the_log(client, users_a, municipality_a, settings):
    settings.HF = {**settings.HF, "AUDIT": {"LOG_RETENTION_DAYS": 10}}
    old = log_access(actor=None, municipality=municipality_a, action=Action.READ, purpose="gammel")
    with pgtrigger.ignore("audit.AccessLogEntry:append_only"):  # the log is append-only on PostgreSQL
        AccessLogEntry.objects.filter(pk=old.pk).update(at=timezone.now() - timedelta(days=100))
    client.post(reverse("account_login"), {"login": users_a[Role.LEADER].username, "password": PASSWORD})
    assert "_auth_user_id" in client.session
    assert AccessLogEntry.objects.filter(pk=old.pk).exists()
