"""The citizen's case file: documents (lease, consent form, ID) and journal notes.

Both reference the person with a plain foreign key, so a merge of two records of one citizen moves them.
A document's bytes are never in the database: they are sealed (casefile/crypto.py) and kept in the
``documents`` storage under a random name; the row holds what is shown about them. A journal note is never
deleted: a correction is a new version (NoteVersion) and the note shows the newest.
"""

import pghistory
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from people.models import Person
from support.models import SupportEpisode
from tenants.models import TenantModel

from .filetypes import FileType


class DocumentKind(models.TextChoices):
    LEASE = "lease", _("Lejekontrakt")
    CONSENT = "consent", _("Samtykkeerklæring")
    ID = "id", _("Legitimation")
    OTHER = "other", _("Andet")


# Plain strings, so the migrations hold values and never import this module.
FILE_TYPE_CHOICES = [(FileType.PDF.value, "PDF"), (FileType.JPEG.value, "JPEG"), (FileType.PNG.value, "PNG")]


@pghistory.track()
class Document(TenantModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="documents")
    kind = models.CharField(_("type"), max_length=16, choices=DocumentKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    expires_on = models.DateField(_("udløber"), null=True, blank=True)
    file_name = models.CharField(_("filnavn"), max_length=255)
    file_type = models.CharField(_("filtype"), max_length=8, choices=FILE_TYPE_CHOICES)
    size = models.PositiveIntegerField(_("størrelse i bytes"))
    sha256 = models.CharField(max_length=64)  # of the plain bytes: a download checks it after decrypting
    # The sealed bytes' name in the "documents" storage (random; says nothing about the citizen).
    storage_name = models.CharField(max_length=255, unique=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploadet"), auto_now_add=True)
    # Deleting removes the bytes and keeps this row (who, when, why) in the case file.
    deleted_at = models.DateTimeField(_("slettet"), null=True, blank=True)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    delete_reason = models.TextField(_("årsag til sletning"), blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        indexes = [
            models.Index(fields=["municipality", "person", "-uploaded_at"], name="casefile_doc_person"),
            models.Index(fields=["municipality", "expires_on"], name="casefile_doc_expiry"),
        ]

    def __str__(self):
        return self.title

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class NoteKind(models.TextChoices):
    HOME_VISIT = "home_visit", _("Hjemmebesøg")
    NETWORK_MEETING = "network_meeting", _("Netværksmøde")
    FOLLOW_UP = "follow_up", _("Opfølgning")
    FREE = "free", _("Fri note")


@pghistory.track()
class Note(TenantModel):
    """A journal note: what happened on a day, in the worker's words. The fields shown are the newest
    version's; every version, the first included, is a NoteVersion row."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="journal_notes")
    # RESTRICT: an episode is not deleted under its notes, yet the person's deletion takes both.
    episode = models.ForeignKey(
        SupportEpisode,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="journal_notes",
        verbose_name=_("støtteforløb"),
    )
    kind = models.CharField(_("type"), max_length=16, choices=NoteKind.choices)
    written_on = models.DateField(_("dato"))
    health = models.BooleanField(_("indeholder helbredsoplysninger"), default=False)
    text = models.TextField(_("tekst"))
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-written_on", "-id"]
        indexes = [
            models.Index(fields=["municipality", "person", "-written_on"], name="casefile_note_person")
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.written_on:%d.%m.%Y}"


class NoteVersion(TenantModel):
    """One version of a note as it was written; append-only (nothing updates or deletes a version)."""

    note = models.ForeignKey(Note, on_delete=models.CASCADE, related_name="versions")
    version = models.PositiveIntegerField()
    written_on = models.DateField(_("dato"))
    health = models.BooleanField(default=False)
    text = models.TextField()
    reason = models.TextField(_("årsag til rettelsen"), blank=True)  # empty for the first version
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        constraints = [models.UniqueConstraint(fields=["note", "version"], name="casefile_note_version")]
