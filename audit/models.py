import pgtrigger
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import Municipality, TenantModel


class Action(models.TextChoices):
    READ = "read", _("Opslag")
    SEARCH = "search", _("Søgning")
    CREATE = "create", _("Oprettelse")
    UPDATE = "update", _("Ændring")
    DELETE = "delete", _("Sletning")
    EXPORT = "export", _("Udtræk")
    IMPORT = "import", _("Indlæsning")
    REVEAL_CPR = "reveal_cpr", _("Visning af fuldt CPR-nummer")


class AccessLogEntry(TenantModel):
    """Append-only log of every use of personal data (Datatilsynet's logging requirements).

    Reads, searches (with their terms), changes (with before/after), exports and deletions, with the
    user, the person concerned and the purpose. Nobody edits it; on PostgreSQL a trigger refuses
    UPDATE and DELETE except for the retention job.
    """

    # Every list page writes a row per person shown, so each row's cost counts (BENCHMARKS.md). No foreign
    # key constraint in the database for the municipality and the user: checking one locks the
    # municipality's and the user's row for every row written (FOR KEY SHARE), which cost a list page half
    # a millisecond and made concurrent requests share a lock on one row. Both are set by the code from
    # the signed-in user; PROTECT still holds in Django, and users are deactivated, never deleted.
    # No index of its own on municipality: the two indexes below begin with it.
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="+", db_index=False, db_constraint=False
    )
    at = models.DateTimeField(_("tidspunkt"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+", db_constraint=False
    )
    user_label = models.CharField(_("bruger"), max_length=200)
    role = models.CharField(_("rolle"), max_length=32, blank=True)
    action = models.CharField(_("handling"), max_length=16, choices=Action.choices)
    # Kept as a plain id so the log survives the person's deletion.
    # Found through the (municipality, person_id) index below: every read is within one municipality.
    person_id = models.BigIntegerField(_("person"), null=True)
    purpose = models.CharField(_("formål"), max_length=200)
    detail = models.TextField(_("detaljer"), blank=True)
    changes = models.JSONField(_("ændringer"), default=dict, blank=True)
    path = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [
            # The log page reads a municipality's newest rows by (at, id), keyset style: the index holds both.
            models.Index(fields=["municipality", "-at", "-id"]),
            models.Index(fields=["municipality", "person_id"]),
        ]
        verbose_name = _("logpost")
        verbose_name_plural = _("log")
        triggers = [
            pgtrigger.Protect(name="append_only", operation=pgtrigger.Update | pgtrigger.Delete),
        ]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("Loggen kan ikke ændres.")
        super().save(*args, **kwargs)
