"""Assessments, method decisions, action plans and consents of a citizen.

Assessments and action plans are kept as versions: each save is a new row, never an update, so every
revision stays readable and two can be compared (issue 3, items 1 and 6). Nothing in the platform
requires an assessment or a plan before a home or support starts (seed 004, 4.2).
"""

import pghistory
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from people.models import Person
from tenants.models import TenantModel

from .dimensions import Dimension, GoalStatus, GoalType, Level, ServicesUse
from .labels import DIMENSION as DIMENSION_LABELS
from .labels import GOAL_STATUS as GOAL_STATUS_LABELS
from .labels import GOAL_TYPE as GOAL_TYPE_LABELS
from .labels import LEVEL as LEVEL_LABELS
from .labels import METHOD as METHOD_LABELS
from .labels import SERVICES_USE as SERVICES_USE_LABELS
from .methods import Method

DIMENSION_CHOICES = [(d.value, DIMENSION_LABELS[d]) for d in Dimension]
LEVEL_CHOICES = [(lvl.value, LEVEL_LABELS[lvl]) for lvl in Level]
SERVICES_USE_CHOICES = [(u.value, SERVICES_USE_LABELS[u]) for u in ServicesUse]
GOAL_TYPE_CHOICES = [(g.value, GOAL_TYPE_LABELS[g]) for g in GoalType]
GOAL_STATUS_CHOICES = [(s.value, GOAL_STATUS_LABELS[s]) for s in GoalStatus]
METHOD_CHOICES = [(m.value, METHOD_LABELS[m]) for m in Method]


@pghistory.track()
class Assessment(TenantModel):
    """One version of a citizen's assessment (udredning, e.g. VUM 2.0; seed 004, 4.2)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="assessments")
    version = models.PositiveIntegerField(_("version"))
    is_current = models.BooleanField(default=True)
    # Blank: not yet assessed. An assessment may be partial (seed 004, 4.2).
    services_use = models.CharField(
        _("kan benytte eksisterende tilbud"), max_length=8, choices=SERVICES_USE_CHOICES, blank=True
    )
    wants_residential_care = models.BooleanField(
        _("borgeren ønsker selv et botilbud (§ 107/108)"), default=False
    )
    note = models.TextField(_("samlet vurdering"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["person", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["person", "version"], name="assessment_version_unique")
        ]
        indexes = [models.Index(fields=["municipality", "person", "is_current"])]
        verbose_name = _("udredning")
        verbose_name_plural = _("udredninger")


@pghistory.track()
class AssessmentDimension(TenantModel):
    """One of the eight dimensions in one assessment version; level None means "ikke vurderet"."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="dimensions")
    dimension = models.CharField(_("dimension"), max_length=24, choices=DIMENSION_CHOICES)
    own_words = models.TextField(_("borgerens egne ord"), blank=True)
    professional_view = models.TextField(_("den professionelles vurdering"), blank=True)
    level = models.PositiveSmallIntegerField(_("VUM-niveau"), choices=LEVEL_CHOICES, null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "dimension"], name="assessment_dimension_unique"),
            models.CheckConstraint(
                condition=models.Q(level__isnull=True) | models.Q(level__lte=4), name="vum_level_0_to_4"
            ),
        ]


@pghistory.track()
class MethodDecision(TenantModel):
    """A worker's or leader's decision on the support method, beside what the assessment recommended."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="method_decisions")
    assessment = models.ForeignKey(
        Assessment, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recommended_method = models.CharField(_("anbefalet metode"), max_length=8, choices=METHOD_CHOICES)
    recommendation_reason = models.TextField(_("begrundelse for anbefalingen"))
    decided_method = models.CharField(_("valgt metode"), max_length=8, choices=METHOD_CHOICES)
    # Required when the decided method differs from the recommended one (issue 3, item 2).
    reason = models.TextField(_("begrundelse for valget"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(decided_method=models.F("recommended_method")) | ~models.Q(reason=""),
                name="decision_against_recommendation_has_reason",
            )
        ]


@pghistory.track()
class ActionPlan(TenantModel):
    """One version of a citizen's § 141 action plan / Én plan (seed 004, 4.2; seed 001 Indsats 5)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="action_plans")
    version = models.PositiveIntegerField(_("version"))
    is_current = models.BooleanField(default=True)
    # Principle 7: the citizen's own wishes, dreams and hopes, in their words (seed 004, ch. 2).
    wishes = models.TextField(_("borgerens ønsker, drømme og håb"), blank=True)
    coordinates_treatment = models.TextField(_("behandlingsplan"), blank=True)
    coordinates_job = models.TextField(_("jobplan"), blank=True)
    coordinates_shelter = models.TextField(_("plan for ophold på boform"), blank=True)
    coordinates_other = models.TextField(_("andre planer"), blank=True)
    next_review_on = models.DateField(_("næste opfølgning"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["person", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["person", "version"], name="action_plan_version_unique")
        ]
        indexes = [models.Index(fields=["municipality", "is_current", "next_review_on"])]
        verbose_name = _("handleplan")
        verbose_name_plural = _("handleplaner")


@pghistory.track()
class PlanGoal(TenantModel):
    """The goal for one dimension in one plan version, with its type and who does what."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="goals")
    dimension = models.CharField(_("dimension"), max_length=24, choices=DIMENSION_CHOICES)
    goal = models.TextField(_("mål"))
    goal_type = models.CharField(_("måltype"), max_length=12, choices=GOAL_TYPE_CHOICES)
    who_does_what = models.TextField(_("hvem gør hvad"), blank=True)
    # Where the goal stands and since when, carried to the next version; its history is GoalStatusChange.
    status = models.CharField(
        _("status"), max_length=12, choices=GOAL_STATUS_CHOICES, default=GoalStatus.IN_PROGRESS.value
    )
    status_on = models.DateField(_("status siden"), null=True, blank=True)
    started_on = models.DateField(_("målet blev sat"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["plan", "dimension"], name="plan_goal_dimension_unique")
        ]


class GoalStatusChange(TenantModel):
    """One dated step of a goal's status (plans/goals.py): written when a goal is set and whenever a saved
    version changes its status; never changed afterwards. ``started`` marks the step that set the goal."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="goal_status_changes")
    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="goal_status_changes")
    dimension = models.CharField(_("dimension"), max_length=24, choices=DIMENSION_CHOICES)
    status = models.CharField(_("status"), max_length=12, choices=GOAL_STATUS_CHOICES)
    changed_on = models.DateField(_("dato"))
    started = models.BooleanField(default=False)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["person", "plan__version", "id"]
        indexes = [models.Index(fields=["person", "dimension"], name="goal_status_person_dim")]


class Recipient(models.TextChoices):
    """Who a citizen's details may be shared with (issue 3, item 7; plans.consent.has_consent)."""

    HOSPITAL = "hospital", _("Hospital")
    PRISON_SERVICE = "prison_service", _("Kriminalforsorgen")
    TREATMENT = "treatment", _("Behandlingssted")
    MUNICIPALITY = "municipality", _("En anden kommune")
    LANDLORD = "landlord", _("Udlejer eller boligorganisation")


# A consent to share with a hospital or a treatment place tells of health or substance use: shown, like
# those details, only to the citizen's own workers and their leader (issue 3, item 9).
HEALTH_RECIPIENTS = frozenset({Recipient.HOSPITAL, Recipient.TREATMENT})


@pghistory.track()
class Consent(TenantModel):
    """What a citizen agreed to share with whom, from when, until when, and whether it was revoked."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="consents")
    recipient = models.CharField(_("modtager"), max_length=16, choices=Recipient.choices)
    recipient_name = models.CharField(_("navn på modtageren"), max_length=200, blank=True)
    scope = models.TextField(_("hvilke oplysninger"))
    given_on = models.DateField(_("givet den"))
    valid_until = models.DateField(_("gælder til og med"), null=True, blank=True)
    revoked_on = models.DateField(_("tilbagekaldt den"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-given_on", "-id"]
        indexes = [models.Index(fields=["municipality", "person", "recipient"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("given_on")),
                name="consent_valid_after_given",
            ),
            models.CheckConstraint(
                condition=models.Q(revoked_on__isnull=True) | models.Q(revoked_on__gte=models.F("given_on")),
                name="consent_revoked_after_given",
            ),
        ]

    def in_force_on(self, day) -> bool:
        return (
            self.given_on <= day
            and (self.valid_until is None or day <= self.valid_until)
            and (self.revoked_on is None or day < self.revoked_on)
        )
