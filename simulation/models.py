"""Scenarios a municipality's leaders set up for the capacity and cost simulation, and their runs."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import TenantModel


class Scenario(TenantModel):
    """ "Flere boliger gennem aftaler": changes to the base the municipality's history gives (the
    calibration): extra homes a month, extra CTI/ICM workers, an ACT team, a faster allocation."""

    name = models.CharField(_("navn"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)
    # {"extra_homes_per_month": 2.0, "extra_cti_workers": 1, "extra_icm_workers": 0, "act_team_size": 0,
    #  "months_to_ready": null}: only the changes; the base comes from the history when the scenario runs.
    changes = models.JSONField(default=dict)
    runs = models.PositiveIntegerField(_("antal gennemløb"), default=500)
    horizon_months = models.PositiveSmallIntegerField(_("måneder frem"), default=60)
    seed = models.PositiveIntegerField(_("startværdi for tilfældighed"), default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="simulation_scenario_unique_name")
        ]

    def __str__(self):
        return self.name


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("I kø")
    RUNNING = "running", _("Regner")
    DONE = "done", _("Færdig")
    FAILED = "failed", _("Fejlet")


class SimulationRun(TenantModel):
    """One run of a scenario on the task queue: its progress while it runs and its result (percentiles
    per month, waits, cost and savings against the base, the back-test) when done."""

    scenario = models.ForeignKey(Scenario, on_delete=models.CASCADE, related_name="simulation_runs")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    role = models.CharField(max_length=32)
    path = models.CharField(max_length=300, blank=True)
    status = models.CharField(max_length=8, choices=RunStatus.choices, default=RunStatus.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)  # 0-100
    result = models.JSONField(default=dict, blank=True)
    task_id = models.CharField(max_length=64, blank=True, default="", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
