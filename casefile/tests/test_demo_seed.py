"""The demo has documents and journal notes, and an expiring consent and an expired ID for the demo support
worker's front page."""

import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from accounts.access import Actor
from accounts.models import User
from accounts.roles import Role
from casefile import selectors
from casefile.models import Document, Note
from tenants.models import Municipality

pytestmark = pytest.mark.django_db


def test_demo_documents_notes_and_expiring_documents(client, documents_in_tmp):
    call_command("seed_demo", stdout=io.StringIO())
    frederikssund = Municipality.objects.get(code="0250")
    assert Document.objects.filter(municipality=frederikssund).count() >= 12
    assert Note.objects.filter(municipality=frederikssund, health=True).exists()
    assert Note.objects.filter(municipality=frederikssund, kind="network_meeting").exists()
    worker = User.objects.get(username="stoettemedarbejder")
    actor = Actor(user=worker, municipality=frederikssund, role=Role.SUPPORT_WORKER)
    items = selectors.expiring_documents(actor, today=timezone.localdate())
    assert {(i.kind, i.expired) for i in items} >= {("consent", False), ("id", True)}
    client.force_login(worker)
    page = client.get(items[0].url)
    assert page.status_code == 200
    download = client.get(items[0].url + "hent/")
    assert b"".join(download.streaming_content)[:5] in (b"%PDF-", b"\x89PNG\r")
    call_command("seed_demo", stdout=io.StringIO())  # a rerun resets cleanly, files included
    assert len([p for p in documents_in_tmp.rglob("*") if p.is_file()]) == Document.objects.count()
