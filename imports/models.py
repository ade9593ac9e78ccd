from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import TenantModel

# A job whose worker has not said it is alive for this long has lost its thread (a restart, a crash
# of the process); its transaction was rolled back with it. The worker beats at each phase and at
# least every 1 % of the rows (progress.py), so ten minutes of silence is far beyond a slow step.
HEARTBEAT_TIMEOUT = timedelta(minutes=10)


class JobStatus(models.TextChoices):
    VALIDATING = "validating", _("Kontrolleres")
    FAILED = "failed", _("Afvist")
    IMPORTING = "importing", _("Indlæses")
    DONE = "done", _("Indlæst")


class ImportJob(TenantModel):
    """One upload of a list of people (issue item 9): checked as a whole, saved all or nothing.

    The uploaded file is kept encrypted only until the job ends (it holds CPR numbers in clear)
    and is then wiped; ``errors`` never hold a full CPR number.
    """

    file_name = models.CharField(_("filnavn"), max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("indlæst af")
    )
    status = models.CharField(
        _("status"), max_length=16, choices=JobStatus.choices, default=JobStatus.VALIDATING
    )
    total_rows = models.PositiveIntegerField(_("rækker i alt"), default=0)
    processed_rows = models.PositiveIntegerField(_("behandlede rækker"), default=0)
    created_count = models.PositiveIntegerField(_("oprettede borgere"), default=0)
    errors = models.JSONField(_("fejl"), default=list, blank=True)
    ignored_columns = models.JSONField(_("kolonner der ikke blev brugt"), default=list, blank=True)
    content = models.BinaryField(editable=False, default=b"")
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    started_at = models.DateTimeField(_("startet"), null=True, blank=True)
    finished_at = models.DateTimeField(_("afsluttet"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["municipality", "-created_at"])]
        verbose_name = _("indlæsning")
        verbose_name_plural = _("indlæsninger")

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def polling(self) -> bool:
        return not self.finished
