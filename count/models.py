"""The national homelessness count (VIVE, week 6 every second year; DOMAIN.md): a municipality's count week
and one person form per citizen counted in it.

The form's questions are versioned data (count/forms_<version>.py); a week keeps the version it was opened
with, and a form's answers are validated against it (count/questionnaire.py) by the services.
"""

import pghistory
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from people.models import Person
from tenants.models import TenantModel


class WeekStatus(models.TextChoices):
    OPEN = "open", _("Åben")
    CLOSED = "closed", _("Afsluttet")


@pghistory.track()
class CountWeek(TenantModel):
    year = models.PositiveSmallIntegerField(_("år"))
    week_start = models.DateField(_("tælleugen begynder"))
    form_version = models.CharField(_("skemaets version"), max_length=16)
    status = models.CharField(_("status"), max_length=8, choices=WeekStatus.choices, default=WeekStatus.OPEN)
    opened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("tælleuge")
        verbose_name_plural = _("tælleuger")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="one_count_week_per_year")
        ]

    def __str__(self):
        return f"{self.year}"


@pghistory.track()
class CountForm(TenantModel):
    """One citizen's person form in a count week: ``prefilled`` keeps what the platform supplied when the
    week was opened, ``answers`` the form as it stands (the pre-filled values, corrected and completed)."""

    count_week = models.ForeignKey(CountWeek, on_delete=models.CASCADE, related_name="forms")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="count_forms")
    answers = models.JSONField(default=dict)
    prefilled = models.JSONField(default=dict)
    complete = models.BooleanField(_("udfyldt"), default=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    completed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["count_week", "id"]
        verbose_name = _("personskema")
        verbose_name_plural = _("personskemaer")
        constraints = [
            models.UniqueConstraint(fields=["count_week", "person"], name="one_count_form_per_person")
        ]
        indexes = [models.Index(fields=["count_week", "complete"], name="count_form_week_complete")]
