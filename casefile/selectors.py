"""Reads of the case file: inside the actor's municipality, through the person's own access rule
(protected people), with health notes' text only for those who may see the person's health details
(plans.selectors.health_visible, accounts/roles.py may_see_health), and every read logged with its purpose."""

import hashlib
from dataclasses import dataclass
from datetime import date, timedelta

from django.core.files.storage import storages
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.access import require
from accounts.roles import Capability, has_capability
from audit.models import Action
from audit.services import log_access, log_many_reads
from core.pagination import page_of
from people.models import Person
from people.selectors import person_get, visible_in_lists
from plans.selectors import health_visible
from support.models import SupportEpisode

from . import conf
from .crypto import unseal
from .models import Document, Note, NoteVersion

DOCUMENTS_PURPOSE = "Dokumenter"
JOURNAL_PURPOSE = "Journal"
EXPIRING_PURPOSE = "Dokumenter der udløber"


def case_person(
    actor, person_id: int, *, capability, purpose: str, what: str, action=Action.READ
) -> tuple[Person, bool]:
    """The person if the actor's role has ``capability`` and may see them, and whether health details
    show; one log row with the purpose, what was read and whether health details were shown."""
    require(actor, capability)
    person = person_get(actor, person_id, purpose=purpose, log=False)
    show_health = health_visible(actor, person)
    log_access(
        actor=actor.user,
        municipality=actor.municipality,
        action=action,
        purpose=purpose,
        person_id=person.pk,
        detail=f"{what}; helbredsoplysninger {'vist' if show_health else 'skjult'}",
        role=actor.role,
        path=actor.path,
    )
    return person, show_health


# --- documents -----------------------------------------------------------------------------------


def _documents(actor, person):
    return Document.objects.filter(municipality=actor.municipality, person=person)


def documents_page(actor, person, *, page_number=None):
    """The person's documents, newest first, deleted ones as a line saying who deleted them and why
    (their bytes are gone). One page; the person's read is logged by ``case_person``."""
    require(actor, Capability.CASE_DOCUMENTS)
    qs = _documents(actor, person).select_related("uploaded_by", "deleted_by").order_by("-uploaded_at", "-id")
    return page_of(qs, page_number, size=conf.value("LIST_PAGE_SIZE"))


def document_get(actor, person, document_id: int) -> Document:
    require(actor, Capability.CASE_DOCUMENTS)
    try:
        return _documents(actor, person).select_related("uploaded_by", "deleted_by").get(pk=document_id)
    except Document.DoesNotExist as exc:
        raise Http404(_("Dokumentet findes ikke.")) from exc


def document_view(actor, person_id: int, document_id: int) -> tuple[Person, Document]:
    """One document's page: the person (their access rule) and the document, the read logged with its title."""
    require(actor, Capability.CASE_DOCUMENTS)
    person = person_get(actor, person_id, purpose=DOCUMENTS_PURPOSE, log=False)
    document = document_get(actor, person, document_id)
    log_access(
        actor=actor.user,
        municipality=actor.municipality,
        action=Action.READ,
        purpose=DOCUMENTS_PURPOSE,
        person_id=person.pk,
        detail=f"Dokument vist: {document.title} ({document.pk})",
        role=actor.role,
        path=actor.path,
    )
    return person, document


def document_download(actor, person_id: int, document_id: int) -> tuple[Document, bytes]:
    """The document's bytes, decrypted and checked against the hash taken at upload; the download is
    logged as an export of the person's data (it leaves the platform). A deleted document has no bytes."""
    require(actor, Capability.CASE_DOCUMENTS)
    person = person_get(actor, person_id, purpose=DOCUMENTS_PURPOSE, log=False)
    document = document_get(actor, person, document_id)
    if document.is_deleted:
        raise Http404(_("Dokumentet er slettet."))
    with storages["documents"].open(document.storage_name, "rb") as sealed:
        data = unseal(sealed.read())
    if hashlib.sha256(data).hexdigest() != document.sha256:
        raise ValueError(f"Document {document.pk}: the decrypted bytes do not match the stored hash")
    log_access(
        actor=actor.user,
        municipality=actor.municipality,
        action=Action.EXPORT,
        purpose=DOCUMENTS_PURPOSE,
        person_id=person.pk,
        detail=f"Dokument hentet: {document.title} ({document.pk})",
        role=actor.role,
        path=actor.path,
    )
    return document, data


@dataclass(frozen=True)
class ExpiringDocument:
    """One document for the front page ("I dag"): whose, what, when it expires and where to see it."""

    person: Person
    document_id: int
    title: str
    kind: str
    kind_label: str
    expires_on: date
    expired: bool
    days_left: int  # negative: expired that many days ago
    url: str


def expiring_documents(
    actor, *, today: date, people=None, limit: int | None = None
) -> list[ExpiringDocument]:
    """Documents that expire within ``EXPIRY_WARNING_DAYS`` of ``today`` or have expired, soonest (most
    overdue) first, at most ``limit`` (``EXPIRING_LIMIT``): for the front page of each role that works
    with documents (Capability.CASE_DOCUMENTS; other roles are refused).

    ``people``: None for the actor's own citizens (Person.workers); else a queryset or list of person ids
    to look among (protected people only for their own workers, as in every list). A document leaves the
    list when it is deleted or when a newer document of the same kind for the same person expires later
    than the warning window (or never): the renewed consent or lease replaces it. One query, and one log
    statement for the people shown."""
    require(actor, Capability.CASE_DOCUMENTS)
    limit = conf.value("EXPIRING_LIMIT") if limit is None else max(0, int(limit))
    horizon = today + timedelta(days=conf.value("EXPIRY_WARNING_DAYS"))
    if people is None:
        persons = Person.objects.filter(municipality=actor.municipality, workers=actor.user)
    else:
        persons = visible_in_lists(actor).filter(pk__in=people)
    renewed = Document.objects.filter(
        municipality=actor.municipality,
        person_id=OuterRef("person_id"),
        kind=OuterRef("kind"),
        deleted_at__isnull=True,
        uploaded_at__gt=OuterRef("uploaded_at"),
    ).filter(Q(expires_on__isnull=True) | Q(expires_on__gt=horizon))
    docs = list(
        Document.objects.filter(
            municipality=actor.municipality,
            deleted_at__isnull=True,
            expires_on__isnull=False,
            expires_on__lte=horizon,
            person__in=persons,
        )
        .filter(~Exists(renewed))
        .select_related("person")
        .only(
            "id",
            "title",
            "kind",
            "expires_on",
            "person__id",
            "person__first_name",
            "person__last_name",
            "person__initials",
            "person__protected",
        )
        .order_by("expires_on", "id")[:limit]
    )
    if docs:
        log_many_reads(
            actor=actor.user,
            municipality=actor.municipality,
            person_ids=sorted({d.person_id for d in docs}),
            purpose=EXPIRING_PURPOSE,
            role=actor.role,
            path=actor.path,
        )
    return [
        ExpiringDocument(
            person=d.person,
            document_id=d.pk,
            title=d.title,
            kind=d.kind,
            kind_label=str(d.get_kind_display()),
            expires_on=d.expires_on,
            expired=d.expires_on < today,
            days_left=(d.expires_on - today).days,
            url=reverse("casefile:document", args=[d.person_id, d.pk]),
        )
        for d in docs
    ]


# --- journal -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class NoteRow:
    """A note as the reader may see it: a health note's text is empty for those who may not see the
    person's health details (they see that it exists, its date, kind and author)."""

    note: Note
    hidden: bool
    text: str


def _notes(actor, person):
    return Note.objects.filter(municipality=actor.municipality, person=person)


def _row(note: Note, show_health: bool) -> NoteRow:
    hidden = note.health and not show_health
    return NoteRow(note=note, hidden=hidden, text="" if hidden else note.text)


def notes_page(actor, person, *, show_health: bool, page_number=None, episode_id: int | None = None):
    """The person's journal, newest first, optionally one support episode's notes; one page of NoteRow.
    The read (and whether health details showed) is logged by ``case_person``."""
    require(actor, Capability.JOURNAL)
    qs = _notes(actor, person).select_related("created_by", "episode")
    if episode_id is not None:
        qs = qs.filter(episode_id=episode_id)
    page = page_of(qs.order_by("-written_on", "-id"), page_number, size=conf.value("LIST_PAGE_SIZE"))
    page.object_list = [_row(n, show_health) for n in page.object_list]
    return page


def note_get(actor, person, note_id: int) -> Note:
    require(actor, Capability.JOURNAL)
    try:
        return _notes(actor, person).select_related("created_by", "episode").get(pk=note_id)
    except Note.DoesNotExist as exc:
        raise Http404(_("Noten findes ikke.")) from exc


def note_row(note: Note, *, show_health: bool) -> NoteRow:
    return _row(note, show_health)


def note_versions(actor, note: Note, *, show_health: bool) -> list[dict]:
    """Every version of a note, newest first; a version that held health details shows its text only to
    those who may see them."""
    require(actor, Capability.JOURNAL)
    versions = NoteVersion.objects.filter(municipality=actor.municipality, note=note).select_related(
        "created_by"
    )
    return [
        {
            "version": v,
            "hidden": v.health and not show_health,
            "text": "" if v.health and not show_health else v.text,
        }
        for v in versions.order_by("-version")
    ]


def person_episodes(actor, person) -> list[SupportEpisode]:
    """The person's support episodes, for choosing the one a note concerns (newest first)."""
    if not has_capability(actor.role, Capability.JOURNAL):
        return []
    return list(
        SupportEpisode.objects.filter(municipality=actor.municipality, person=person).order_by(
            "-start_date", "-id"
        )
    )
