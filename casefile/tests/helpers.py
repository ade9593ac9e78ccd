"""Case-file rows made directly in the tables (no service, so no access-log row), for the tests and the
sweeps' FILLERS (tenants/tests/test_tenancy_sweep.py)."""

import hashlib
import uuid
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone

from casefile.crypto import seal
from casefile.models import Document, Note, NoteVersion
from casefile.samples import pdf_bytes


def make_document(
    person, *, user=None, kind="consent", title="Samtykkeerklæring", expires_on=None, data=None
):
    data = data if data is not None else pdf_bytes(title, ["Underskrevet af borgeren."])
    name = storages["documents"].save(f"{person.municipality_id}/{uuid.uuid4().hex}", ContentFile(seal(data)))
    return Document.objects.create(
        municipality=person.municipality,
        person=person,
        kind=kind,
        title=title,
        expires_on=expires_on,
        file_name="samtykke.pdf",
        file_type="pdf",
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        storage_name=name,
        uploaded_by=user,
    )


def make_note(
    person, *, user, kind="home_visit", text="Besøg i boligen. Alt vel.", health=False, episode=None
):
    note = Note.objects.create(
        municipality=person.municipality,
        person=person,
        episode=episode,
        kind=kind,
        written_on=timezone.localdate() - timedelta(days=1),
        health=health,
        text=text,
        created_by=user,
    )
    NoteVersion.objects.create(
        municipality=person.municipality,
        note=note,
        version=1,
        written_on=note.written_on,
        health=health,
        text=text,
        created_by=user,
    )
    return note


# For tenants/tests/test_tenancy_sweep.py FILLERS (also the logging and malformed-input sweeps).
def sweep_document(world):
    existing = Document.objects.filter(person=world.person_b).first()
    return (existing or make_document(world.person_b, user=world.user_b)).pk


def sweep_note(world):
    existing = Note.objects.filter(person=world.person_b).first()
    return (existing or make_note(world.person_b, user=world.user_b)).pk
