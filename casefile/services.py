"""Writes to the case file: upload and delete documents, write and correct journal notes. Keyword-only, one
transaction, the actor's capability checked here as in the view, and every change in the access log."""

import hashlib
import uuid
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.access import Actor, actor_log, require
from accounts.roles import Capability, may_correct_note, may_delete_document
from audit.models import Action
from core import dates
from core.errors import DomainError
from people.models import Person
from plans.selectors import health_visible
from support.models import SupportEpisode

from . import conf, filetypes, scanning
from .crypto import seal
from .models import Document, DocumentKind, Note, NoteKind, NoteVersion
from .selectors import DOCUMENTS_PURPOSE, JOURNAL_PURPOSE

STORAGE = "documents"
TITLE_MAX = 200


class CasefileError(DomainError):
    """Bad input for a document or a journal note."""


def storage():
    return storages[STORAGE]


def _own(actor: Actor, person: Person) -> None:
    if person.municipality_id != getattr(actor.municipality, "pk", None):
        raise PermissionDenied(_("Borgeren hører ikke til din kommune."))


def _user(actor: Actor):
    return actor.user if getattr(actor.user, "pk", None) else None


def _danish(label) -> str:
    with translation.override(settings.LANGUAGE_CODE):  # the access log stays Danish
        return str(label)


# --- documents -----------------------------------------------------------------------------------


def file_problem_message(problem: filetypes.Problem, *, name: str, found) -> str:
    """What the user is told about a refused file (the pure check's finding)."""
    max_mb = conf.value("MAX_UPLOAD_BYTES") // (1024 * 1024)
    allowed = ", ".join(t.upper().replace("JPEG", "JPG") for t in conf.value("ALLOWED_TYPES"))
    if problem == filetypes.Problem.EMPTY:
        return _("Filen er tom. Vælg filen igen.")
    if problem == filetypes.Problem.TOO_LARGE:
        return _("Filen fylder mere end %(max)s MB. Gem den med lavere opløsning, eller del den op.") % {
            "max": max_mb
        }
    if problem == filetypes.Problem.NAME_MISMATCH:
        return _(
            "Filen hedder %(name)s, men indholdet er en %(found)s-fil. Gem den med det rigtige filnavn, og prøv igen."
        ) % {"name": name, "found": str(found).upper()}
    return _(
        "Filen er ikke en af de tilladte typer (%(allowed)s). Indholdet er kontrolleret, ikke kun navnet."
    ) % {"allowed": allowed}


def _document_fields(*, kind: str, title: str, expires_on: date | None) -> str:
    if kind not in DocumentKind.values:
        raise CasefileError("kind", _("Vælg, hvilken type dokument det er."))
    title = (title or "").strip()
    if not title:
        raise CasefileError("title", _("Skriv en titel, så dokumentet kan findes igen."))
    if len(title) > TITLE_MAX:
        raise CasefileError("title", _("Titlen må højst være %(n)s tegn.") % {"n": TITLE_MAX})
    problem = dates.planned_problem(
        expires_on, today=timezone.localdate(), years_ahead=conf.value("EXPIRY_YEARS_AHEAD")
    )
    if problem:
        raise CasefileError("expires_on", problem)
    return title


@transaction.atomic
def document_upload(
    *,
    actor: Actor,
    person: Person,
    kind: str,
    title: str,
    file_name: str,
    data: bytes,
    expires_on: date | None = None,
) -> Document:
    """Check the file (size, type by content, the virus-scanning hook), seal it and store it; the row and
    the log entry in one transaction (the sealed bytes are removed again if the row cannot be saved)."""
    require(actor, Capability.CASE_DOCUMENTS)
    _own(actor, person)
    title = _document_fields(kind=kind, title=title, expires_on=expires_on)
    file_name = (file_name or "").strip()[:255] or "dokument"
    checked = filetypes.check(
        name=file_name,
        size=len(data),
        head=data[: filetypes.HEAD_BYTES],
        max_bytes=conf.value("MAX_UPLOAD_BYTES"),
        allowed=conf.value("ALLOWED_TYPES"),
    )
    if checked.problem is not None:
        raise CasefileError(
            "file", file_problem_message(checked.problem, name=file_name, found=checked.file_type)
        )
    content_type = filetypes.CONTENT_TYPES[checked.file_type]
    refused = scanning.scan(data, filename=file_name, content_type=content_type)
    if refused == scanning.NOT_SCANNED:
        raise CasefileError(
            "file", _("Filen kunne ikke virusscannes lige nu og er ikke gemt. Prøv igen om lidt.")
        )
    if refused:
        raise CasefileError(
            "file", _("Virusscanningen afviste filen (%(reason)s). Den er ikke gemt.") % {"reason": refused}
        )
    stored = storage().save(f"{actor.municipality.pk}/{uuid.uuid4().hex}", ContentFile(seal(data)))
    try:
        document = Document.objects.create(
            municipality=actor.municipality,
            person=person,
            kind=kind,
            title=title,
            expires_on=expires_on,
            file_name=filetypes.download_name(file_name, checked.file_type),
            file_type=checked.file_type,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            storage_name=stored,
            uploaded_by=_user(actor),
        )
        actor_log(
            actor,
            Action.CREATE,
            DOCUMENTS_PURPOSE,
            person.pk,
            detail=f"Dokument uploadet: {_danish(DocumentKind(kind).label)}, {title}",
            changes={
                "document": ["", document.pk],
                "kind": ["", kind],
                "title": ["", title],
                "expires_on": ["", expires_on.isoformat() if expires_on else ""],
            },
        )
    except Exception:
        storage().delete(stored)
        raise
    return document


@transaction.atomic
def document_delete(*, actor: Actor, document: Document, reason: str) -> Document:
    """Delete a document's bytes for good, with a reason; the row stays (who, when, why) in the case file."""
    require(actor, Capability.CASE_DOCUMENTS)
    _own(actor, document.person)
    if not may_delete_document(role=actor.role, is_uploader=document.uploaded_by_id == actor.user.pk):
        raise PermissionDenied(_("Kun den, der uploadede dokumentet, eller en leder kan slette det."))
    reason = (reason or "").strip()
    if not reason:
        raise CasefileError("reason", _("Skriv, hvorfor dokumentet slettes."))
    document = Document.objects.select_for_update().get(pk=document.pk, municipality=actor.municipality)
    if document.is_deleted:
        raise CasefileError(None, _("Dokumentet er allerede slettet."))
    name = document.storage_name
    document.deleted_at = timezone.now()
    document.deleted_by = _user(actor)
    document.delete_reason = reason
    document.save(update_fields=["deleted_at", "deleted_by", "delete_reason"])
    actor_log(
        actor,
        Action.DELETE,
        DOCUMENTS_PURPOSE,
        document.person_id,
        detail=f"Dokument slettet: {_danish(DocumentKind(document.kind).label)}, {document.title}. Årsag: {reason}",
        changes={"document": [document.pk, ""], "delete_reason": ["", reason]},
    )
    transaction.on_commit(lambda: storage().delete(name))
    return document


# --- journal -------------------------------------------------------------------------------------


def _note_fields(*, text: str, written_on: date | None, kind: str) -> str:
    if not written_on:
        raise CasefileError("written_on", _("Skriv datoen for det, noten handler om."))
    problem = dates.happened_problem(written_on, today=timezone.localdate())
    if problem:
        raise CasefileError("written_on", problem)
    text = (text or "").strip()
    if not text:
        raise CasefileError("text", _("Skriv noten."))
    if text == conf.note_template(kind).strip():
        raise CasefileError("text", _("Skriv noten under overskrifterne; skabelonen alene gemmes ikke."))
    return text


@transaction.atomic
def note_write(
    *,
    actor: Actor,
    person: Person,
    kind: str,
    written_on: date,
    text: str,
    health: bool = False,
    episode: SupportEpisode | None = None,
) -> Note:
    require(actor, Capability.JOURNAL)
    _own(actor, person)
    if kind not in NoteKind.values:
        raise CasefileError("kind", _("Vælg, hvilken slags note det er."))
    text = _note_fields(text=text, written_on=written_on, kind=kind)
    if episode is not None and (
        episode.person_id != person.pk or episode.municipality_id != person.municipality_id
    ):
        raise CasefileError("episode", _("Støtteforløbet hører ikke til borgeren."))
    note = Note.objects.create(
        municipality=actor.municipality,
        person=person,
        episode=episode,
        kind=kind,
        written_on=written_on,
        health=bool(health),
        text=text,
        created_by=actor.user,
    )
    NoteVersion.objects.create(
        municipality=actor.municipality,
        note=note,
        version=1,
        written_on=written_on,
        health=note.health,
        text=text,
        created_by=actor.user,
    )
    actor_log(
        actor,
        Action.CREATE,
        JOURNAL_PURPOSE,
        person.pk,
        detail=f"Journalnote skrevet: {_danish(NoteKind(kind).label)} {written_on:%d.%m.%Y}"
        + (", med helbredsoplysninger" if note.health else ""),
        changes={
            "note": ["", note.pk],
            "kind": ["", kind],
            "written_on": ["", written_on.isoformat()],
            "health": ["", note.health],
            "episode": ["", episode.pk if episode else ""],
        },
    )
    return note


@transaction.atomic
def note_correct(*, actor: Actor, note: Note, text: str, written_on: date, health: bool, reason: str) -> Note:
    """A correction is a new version: the earlier ones stay readable in the note's history."""
    require(actor, Capability.JOURNAL)
    _own(actor, note.person)
    if not may_correct_note(role=actor.role, is_author=note.created_by_id == actor.user.pk):
        raise PermissionDenied(_("Kun den, der skrev noten, kan rette den. Skriv en ny note i stedet."))
    if note.health and not health_visible(actor, note.person):
        raise PermissionDenied(_("Noten indeholder helbredsoplysninger, som din rolle ikke kan se."))
    note = Note.objects.select_for_update().get(pk=note.pk, municipality=actor.municipality)
    text = _note_fields(text=text, written_on=written_on, kind=note.kind)
    reason = (reason or "").strip()
    if not reason:
        raise CasefileError("reason", _("Skriv, hvad der rettes og hvorfor."))
    if (text, written_on, bool(health)) == (note.text, note.written_on, note.health):
        raise CasefileError(None, _("Intet er ændret i noten."))
    before = {"written_on": note.written_on.isoformat(), "health": note.health, "version": note.version}
    note.version += 1
    note.text, note.written_on, note.health = text, written_on, bool(health)
    note.save(update_fields=["version", "text", "written_on", "health", "updated_at"])
    NoteVersion.objects.create(
        municipality=actor.municipality,
        note=note,
        version=note.version,
        written_on=written_on,
        health=note.health,
        text=text,
        reason=reason,
        created_by=actor.user,
    )
    actor_log(
        actor,
        Action.UPDATE,
        JOURNAL_PURPOSE,
        note.person_id,
        detail=f"Journalnote rettet til version {note.version}. Årsag: {reason}",
        changes={
            "note": [note.pk, note.pk],
            "version": [before["version"], note.version],
            "written_on": [before["written_on"], written_on.isoformat()],
            "health": [before["health"], note.health],
        },
    )
    return note
