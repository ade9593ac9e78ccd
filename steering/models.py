"""Goals a municipality's leaders set on the measures they steer by (steering/catalogue.py)."""

import pghistory
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import TenantModel

from .catalogue import MEASURES
from .progress import AT_LEAST, AT_MOST


class Direction(models.TextChoices):
    AT_MOST = AT_MOST, _("højst")
    AT_LEAST = AT_LEAST, _("mindst")


MEASURE_CHOICES = [(m.code, m.label) for m in MEASURES]


@pghistory.track()
class Goal(TenantModel):
    """ "Højst 15 borgere på forsorgshjem 31.12.2027": a target on a measure by a deadline, with who owns
    it and why. The baseline is the measure's value the day the goal was set; every change is kept."""

    measure = models.CharField(_("måltal"), max_length=32, choices=MEASURE_CHOICES)
    direction = models.CharField(_("retning"), max_length=8, choices=Direction.choices)
    target = models.DecimalField(_("mål"), max_digits=9, decimal_places=1)
    deadline = models.DateField(_("frist"))
    owner = models.CharField(_("ansvarlig"), max_length=200)
    why = models.TextField(_("hvorfor"), blank=True)
    baseline = models.DecimalField(_("udgangspunkt"), max_digits=9, decimal_places=1, null=True, blank=True)
    baseline_on = models.DateField(_("udgangspunkt den"))
    archived_on = models.DateField(_("afsluttet"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["deadline", "id"]


class GoalChange(TenantModel):
    """One saved change of a goal, shown on the goal's page: who, when, and each field's before and after
    (the access log holds the same; this table is indexed by goal so the page never scans the log)."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="changes")
    at = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    user_label = models.CharField(max_length=200)
    changes = models.JSONField(default=dict)

    class Meta:
        ordering = ["-at", "-id"]
