from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import TenantModel

# A job's task that has been running this long is taken for dead: the worker process was killed
# mid-task (django-tasks-db then leaves the task "running" for ever) and its transaction was rolled
# back with it. Ten thousand rows take well under a minute, so an hour is far beyond a slow import.
MAX_RUNTIME = timedelta(hours=1)


class JobStatus(models.TextChoices):
    VALIDATING = "validating", _("Kontrolleres")
    FAILED = "failed", _("Afvist")
    IMPORTING = "importing", _("Indlæses")
    DONE = "done", _("Indlæst")


class ImportJob(TenantModel):
    """One upload of a list of people (issue item 9): checked as a whole, saved all or nothing,
    by a task on the queue (imports.tasks.run_import), which keeps its progress on this row.

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
    # The task on the database queue (django_tasks_db) that runs this job, and how many times it
    # has been tried (services.MAX_ATTEMPTS).
    task_id = models.CharField(max_length=64, blank=True, default="", editable=False)
    attempts = models.PositiveSmallIntegerField(default=0, editable=False)
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
