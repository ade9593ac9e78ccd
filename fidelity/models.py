"""Fidelity: the quarterly Efterlevelsesskema (seed 004, Bilag 1), its agreed actions, and the citizens'
anonymous answers (Brief INSPIRE, WHO-5).

The form's content (FormVersion, Theme, Principle, Statement) is national manual content, the same for
every municipality, so it is not tenant data; a new manual version is a new FormVersion loaded from a
data file (fidelity/forms/*.json). Everything a municipality records is a TenantModel.
"""

import pghistory
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import TenantModel

from .quarters import Quarter


class FormVersion(models.Model):
    code = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=200)
    source = models.CharField(_("kilde"), max_length=300)
    question = models.CharField(max_length=200)
    scale = models.JSONField(help_text="[{'value': 5, 'label': 'Helt enig'}, ...], highest first.")
    current = models.BooleanField(default=True, help_text="New assessments use the current version.")

    def __str__(self):
        return self.title


class Theme(models.Model):
    form_version = models.ForeignKey(FormVersion, on_delete=models.CASCADE, related_name="themes")
    number = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)

    class Meta:
        ordering = ["form_version", "number"]
        constraints = [
            models.UniqueConstraint(fields=["form_version", "number"], name="fidelity_theme_unique")
        ]

    def __str__(self):
        return self.title


class Principle(models.Model):
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="principles")
    number = models.PositiveSmallIntegerField(help_text="The core principle's number, 1-8 (seed 004, ch. 2).")
    title = models.CharField(max_length=200)
    description = models.TextField()

    class Meta:
        ordering = ["theme", "id"]

    def __str__(self):
        return self.title


class Statement(models.Model):
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="statements")
    principle = models.ForeignKey(Principle, on_delete=models.CASCADE, related_name="statements")
    number = models.PositiveSmallIntegerField()
    text = models.TextField()

    class Meta:
        ordering = ["theme__form_version", "number"]
        constraints = [models.UniqueConstraint(fields=["theme", "number"], name="fidelity_statement_unique")]

    def __str__(self):
        return f"{self.number}. {self.text}"


class UnitKind(models.TextChoices):
    TEAM = "team", _("Team")
    SHELTER = "shelter", _("Boform / herberg")
    DEPARTMENT = "department", _("Afdeling")


@pghistory.track()
class OrganisationalUnit(TenantModel):
    """The "Vi" of the form (seed 004, Bilag 1: "jeres tilbud, afdeling, organisation mv.").

    Its people for fidelity from practice: the citizens whose own workers are members of the unit; a
    unit that covers the whole municipality (e.g. the department) counts every citizen.
    """

    name = models.CharField(_("navn"), max_length=150)
    kind = models.CharField(_("type"), max_length=16, choices=UnitKind.choices, default=UnitKind.TEAM)
    leader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("leder"),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="fidelity_units", verbose_name=_("medarbejdere")
    )
    whole_municipality = models.BooleanField(_("omfatter alle kommunens borgere"), default=False)
    active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisatorisk enhed")
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="fidelity_unit_name_unique")
        ]

    def __str__(self):
        return self.name


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Kladde")
    COMPLETED = "completed", _("Afsluttet")


@pghistory.track()
class FidelityAssessment(TenantModel):
    """One unit's jointly filled form for one quarter."""

    unit = models.ForeignKey(OrganisationalUnit, on_delete=models.PROTECT, related_name="assessments")
    form_version = models.ForeignKey(FormVersion, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("år"))
    quarter = models.PositiveSmallIntegerField(_("kvartal"))
    status = models.CharField(max_length=12, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT)
    meeting_on = models.DateField(_("mødedato"), null=True, blank=True)
    participants = models.TextField(
        _("deltagere"), blank=True, help_text=_("Ledere og medarbejdere, der udfyldte skemaet sammen.")
    )
    citizens_involved = models.BooleanField(_("borgernes perspektiver er indhentet"), default=False)
    citizens_involvement = models.TextField(
        _("hvordan borgerne blev inddraget"),
        blank=True,
        help_text=_("Fx Brief INSPIRE, borgermøde, samtaler."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    completed_at = models.DateTimeField(null=True, blank=True)
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-year", "-quarter", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "quarter"], name="fidelity_one_assessment_per_quarter"
            )
        ]

    @property
    def period(self) -> Quarter:
        return Quarter(self.year, self.quarter)

    @property
    def is_completed(self):
        return self.status == AssessmentStatus.COMPLETED

    def __str__(self):
        return f"{self.unit} {self.period.label}"


@pghistory.track()
class StatementAnswer(TenantModel):
    assessment = models.ForeignKey(FidelityAssessment, on_delete=models.CASCADE, related_name="answers")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="+")
    value = models.PositiveSmallIntegerField(null=True, blank=True)  # None = not answered (missing, never 0)
    comment = models.TextField(_("kommentar"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "statement"], name="fidelity_one_answer")
        ]


class ActionStatus(models.TextChoices):
    OPEN = "open", _("Åben")
    DONE = "done", _("Gennemført")
    DROPPED = "dropped", _("Droppet")


@pghistory.track()
class AgreedAction(TenantModel):
    """An action agreed in the meeting (what, who, by when), followed up in the next quarter."""

    assessment = models.ForeignKey(FidelityAssessment, on_delete=models.CASCADE, related_name="actions")
    statement = models.ForeignKey(
        Statement, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    what = models.CharField(_("hvad"), max_length=500)
    who = models.CharField(_("hvem"), max_length=200)
    due_on = models.DateField(_("senest"))
    status = models.CharField(
        _("status"), max_length=10, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    follow_up = models.TextField(_("opfølgning"), blank=True)
    followed_up_in = models.ForeignKey(
        FidelityAssessment, on_delete=models.SET_NULL, null=True, blank=True, related_name="followed_up"
    )

    class Meta:
        ordering = ["due_on", "id"]


class Instrument(models.TextChoices):
    """The citizens' questionnaires; each key names its module in fidelity/instruments.py."""

    BRIEF_INSPIRE = "brief_inspire", "Brief INSPIRE"
    WHO5 = "who5", "WHO-5 Trivselsindeks"


class InvitationMode(models.TextChoices):
    LINK = "link", _("Engangslink til borgeren")
    TABLET = "tablet", _("På tablet med medarbejderen til stede")


class SurveyInvitation(TenantModel):
    """A one-time way in for one citizen, without login. Only a hash of the token is stored, so the
    table cannot be used to answer in someone's name; it is never linked to the answer (anonymity)."""

    unit = models.ForeignKey(OrganisationalUnit, on_delete=models.CASCADE, related_name="invitations")
    instrument = models.CharField(max_length=20, choices=Instrument.choices, default=Instrument.BRIEF_INSPIRE)
    mode = models.CharField(max_length=8, choices=InvitationMode.choices, default=InvitationMode.LINK)
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)


class SurveyResponse(TenantModel):
    """An anonymous answer: unit, instrument and quarter only; no person, no invitation, no time of day."""

    unit = models.ForeignKey(OrganisationalUnit, on_delete=models.CASCADE, related_name="responses")
    instrument = models.CharField(max_length=20, choices=Instrument.choices)
    year = models.PositiveSmallIntegerField()
    quarter = models.PositiveSmallIntegerField()
    # item key -> item score: Brief INSPIRE 0..4 or None (not applicable), WHO-5 0..5
    answers = models.JSONField()
    score = models.FloatField(null=True)  # 0-100, None when nothing was rated

    class Meta:
        indexes = [models.Index(fields=["municipality", "unit", "instrument", "year", "quarter"])]
