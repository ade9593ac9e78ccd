"""The municipality's implementation plan for Housing First: focus areas (Frederikssund's seven "Indsatser",
seed 001; Fredericia's development goals, seed 000) with initiatives, owners, deadlines and status; the leader
and employee networks with members and meetings; and the Housing First Landkort, the actors around the
citizen (seed 000: "hvem man kan gå til hvordan og hvornår"). No citizen's data is kept here: members and
contact persons are staff."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import TenantModel

from . import status as rules


class FocusArea(TenantModel):
    """A focus area or development goal of the municipality's plan, e.g. "Indsats 3: Flere billige boliger"."""

    number = models.PositiveSmallIntegerField(_("nummer"))
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)
    source = models.CharField(_("kilde i kommunens plan"), max_length=200, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["number", "id"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "number"], name="implementation_focusarea_number")
        ]

    def __str__(self):
        return f"{self.number}. {self.title}"


class Status(models.TextChoices):
    NOT_STARTED = rules.NOT_STARTED, _("Ikke startet")
    IN_PROGRESS = rules.IN_PROGRESS, _("I gang")
    DELAYED = rules.DELAYED, _("Forsinket")
    DONE = rules.DONE, _("Gennemført")
    DROPPED = rules.DROPPED, _("Opgivet")


class Initiative(TenantModel):
    """One initiative of the plan: what, who owns it, when, its status and the principles it serves."""

    focus_area = models.ForeignKey(FocusArea, on_delete=models.PROTECT, related_name="initiatives")
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("beskrivelse"), blank=True)
    owner = models.CharField(_("ansvarlig"), max_length=200)
    start = models.DateField(_("start"), null=True, blank=True)
    deadline = models.DateField(_("frist"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=16, choices=Status.choices, default=Status.NOT_STARTED)
    notes = models.TextField(_("noter"), blank=True)
    # Numbers 1-8 of the Housing First core principles (implementation/principles.py reads their titles).
    principles = models.JSONField(_("principper"), default=list, blank=True)
    goals = models.ManyToManyField("steering.Goal", blank=True, related_name="+", verbose_name=_("mål"))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["focus_area__number", "deadline", "id"]

    def __str__(self):
        return self.title


class InitiativeStatusChange(TenantModel):
    """Every status an initiative was given, with who, when and why; the first row is its creation."""

    initiative = models.ForeignKey(Initiative, on_delete=models.CASCADE, related_name="status_changes")
    at = models.DateTimeField(auto_now_add=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    user_label = models.CharField(max_length=200)
    from_status = models.CharField(max_length=16, choices=Status.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=Status.choices)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["-at", "-id"]


class NetworkKind(models.TextChoices):
    LEADERS = "leaders", _("Ledernetværk")
    EMPLOYEES = "employees", _("Medarbejdernetværk")


class Network(TenantModel):
    """A cross-cutting network around the most vulnerable citizens (seed 000: the leader network as an
    umbrella that acts quickly across units; the employee network for quick, coordinated action)."""

    kind = models.CharField(_("type"), max_length=16, choices=NetworkKind.choices)
    name = models.CharField(_("navn"), max_length=200)
    purpose = models.TextField(_("formål"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "name", "id"]

    def __str__(self):
        return self.name


class NetworkMember(TenantModel):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="members")
    name = models.CharField(_("navn"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    role = models.CharField(_("rolle i netværket"), max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("bruger i platformen"),
    )

    class Meta:
        ordering = ["name", "id"]


class Meeting(TenantModel):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("dato"))
    agenda = models.TextField(_("dagsorden"), blank=True)
    minutes = models.TextField(_("referat og beslutninger"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]


class ActorKind(models.TextChoices):
    SHELTER = "shelter", _("Forsorgshjem og herberg")
    HOUSING = "housing", _("Boligorganisationer")
    JOB_CENTRE = "job_centre", _("Jobcenter")
    ADDICTION = "addiction", _("Misbrugsbehandling")
    PSYCHIATRY = "psychiatry", _("Psykiatri")
    POLICE = "police", _("Politi")
    PRISON = "prison", _("Kriminalforsorgen")
    NGO = "ngo", _("Frivillige og private organisationer")
    OTHER = "other", _("Andre")


class MapActor(TenantModel):
    """An actor on the Housing First Landkort: what they do, when to go to them and how to reach them.
    (Named MapActor so it is never confused with accounts.access.Actor, the user who acts.)"""

    kind = models.CharField(_("type"), max_length=16, choices=ActorKind.choices)
    name = models.CharField(_("navn"), max_length=200)
    does = models.TextField(_("hvad de gør"), blank=True)
    when = models.TextField(_("hvornår man går til dem"), blank=True)
    phone = models.CharField(_("telefon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    address = models.CharField(_("adresse"), max_length=300, blank=True)
    hours = models.CharField(_("åbningstider"), max_length=200, blank=True)
    contact_person = models.CharField(_("kontaktperson"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "name", "id"]

    def __str__(self):
        return self.name
