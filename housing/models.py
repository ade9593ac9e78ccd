"""Homes: landlords, allocation agreements, units and tenancies (issue 4; seeds 000, 001, 004 3.1)."""

import pghistory
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tenants.models import TenantModel


# A home reported vacant to the municipality (allocation.Vacancy, which points at Unit) is open until
# it is let or withdrawn: the stock, the unit list and allocation all read "open" from here.
class VacancyStatus(models.TextChoices):
    OPEN = "open", _("Åben")
    NOMINATED = "nominated", _("Borger anvist")
    LET = "let", _("Udlejet")
    WITHDRAWN = "withdrawn", _("Trukket tilbage")


OPEN_VACANCY_STATUSES = (VacancyStatus.OPEN, VacancyStatus.NOMINATED)


class UnitType(TenantModel):
    """Configurable per municipality. ``ordinary_building`` tells principle 4 (seed 004, ch. 2):
    independent homes in ordinary buildings; skæv bolig or category homes only when wanted."""

    code = models.SlugField(_("kode"), max_length=40)
    name = models.CharField(_("navn"), max_length=100)
    ordinary_building = models.BooleanField(_("almindeligt byggeri"), default=True)
    # Social family homes count toward the municipality's allocation right (almenboligloven § 59).
    social_family_home = models.BooleanField(_("almen familiebolig"), default=False)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "code"], name="unit_type_code_per_municipality")
        ]

    def __str__(self):
        return self.name


DEFAULT_UNIT_TYPES = [
    ("social_family", "Almen familiebolig", True, True),
    ("youth", "Ungdoms- eller kollegiebolig", True, False),
    ("private", "Privat udlejning", True, False),
    ("skaev", "Skæv bolig (almenboligloven § 149 a)", False, False),
    ("category", "Kategoribolig", False, False),
]


class LandlordKind(models.TextChoices):
    HOUSING_ORGANISATION = "housing_organisation", _("Almen boligorganisation")
    PRIVATE = "private", _("Privat udlejer")
    OTHER = "other", _("Anden udlejer")


@pghistory.track()
class Landlord(TenantModel):
    name = models.CharField(_("navn"), max_length=200)
    kind = models.CharField(
        _("type"), max_length=24, choices=LandlordKind.choices, default=LandlordKind.HOUSING_ORGANISATION
    )
    contact_person = models.CharField(_("kontaktperson"), max_length=200, blank=True)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


@pghistory.track()
class Agreement(TenantModel):
    """An allocation agreement (samarbejdsaftale / anvisningsaftale) with a landlord: a share of the
    vacancies the municipality may allocate (by law up to 25 % of vacant social family homes,
    almenboligloven § 59; more by agreement) or a number of homes per year."""

    landlord = models.ForeignKey(Landlord, on_delete=models.CASCADE, related_name="agreements")
    title = models.CharField(_("titel"), max_length=200)
    share_percent = models.DecimalField(
        _("andel af ledige boliger (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    homes_per_year = models.PositiveIntegerField(_("antal boliger pr. år"), null=True, blank=True)
    starts_on = models.DateField(_("gælder fra"))
    ends_on = models.DateField(_("gælder til"), null=True, blank=True)
    contact_persons = models.CharField(_("kontaktpersoner"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-starts_on"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(share_percent__isnull=True)
                | models.Q(share_percent__gte=0, share_percent__lte=100),
                name="agreement_share_is_percent",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="agreement_ends_after_start",
            ),
        ]


@pghistory.track()
class Unit(TenantModel):
    landlord = models.ForeignKey(Landlord, on_delete=models.PROTECT, related_name="units")
    unit_type = models.ForeignKey(UnitType, on_delete=models.PROTECT, related_name="units")
    address = models.CharField(_("adresse"), max_length=200)
    postcode = models.CharField(_("postnummer"), max_length=4, blank=True)
    area = models.CharField(_("område"), max_length=100, blank=True)
    rooms = models.PositiveSmallIntegerField(_("værelser"))
    size_m2 = models.PositiveIntegerField(_("m²"), null=True, blank=True)
    rent = models.PositiveIntegerField(_("husleje (kr./md.)"))
    utilities = models.PositiveIntegerField(_("forbrug a conto (kr./md.)"), default=0)
    floor = models.SmallIntegerField(_("etage"), null=True, blank=True)
    accessible = models.BooleanField(_("tilgængelig (elevator eller niveaufri)"), default=False)
    pets_allowed = models.BooleanField(_("husdyr tilladt"), default=False)
    shared = models.BooleanField(_("bofællesskab"), default=False)
    active = models.BooleanField(_("aktiv"), default=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["address"]
        indexes = [models.Index(fields=["municipality", "rent"])]

    def __str__(self):
        return self.address

    @property
    def total_rent(self) -> int:
        return self.rent + self.utilities


class TenancyEndReason(models.TextChoices):
    MOVED = "moved", _("Fraflyttet efter eget ønske")
    EVICTED = "evicted", _("Udsat (fogedsag)")
    TERMINATED = "terminated", _("Opsagt af udlejer")
    ABANDONED = "abandoned", _("Boligen forladt")
    PRISON = "prison", _("Længere fængselsophold")
    CARE = "care", _("Flyttet til botilbud (§ 107/108)")
    DIED = "died", _("Død")
    OTHER = "other", _("Andet")


@pghistory.track()
class Tenancy(TenantModel):
    """A citizen's lease. Moving in ends homelessness; ending it never ends support (principle 5)."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="tenancies")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="tenancies")
    address = models.CharField(
        _("adresse"), max_length=200, blank=True, help_text=_("Når boligen ikke er i kommunens oversigt.")
    )
    starts_on = models.DateField(_("indflytning"))
    ends_on = models.DateField(_("fraflytning"), null=True, blank=True)
    end_reason = models.CharField(
        _("årsag til fraflytning"), max_length=16, choices=TenancyEndReason.choices, blank=True
    )
    eviction_case_on = models.DateField(_("fogedsag registreret"), null=True, blank=True)
    # The eviction case is flagged on the lease, not as a new situation: the person still lives in the
    # home, so 'own home' and 'housed' stay true while the support worker acts to prevent the eviction.
    eviction_note = models.CharField(_("om fogedsagen"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on"]
        indexes = [
            # Tenancies starting in a window (the leader's moving-in warnings, the flows): read from the index
            # alone, then each person's episodes, instead of every open episode of the municipality.
            models.Index(fields=["municipality", "starts_on"], include=["person"], name="tenancy_starts"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["unit"],
                condition=models.Q(ends_on__isnull=True, unit__isnull=False),
                name="one_open_tenancy_per_unit",
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(ends_on__isnull=True),
                name="one_open_tenancy_per_person",
            ),
            models.CheckConstraint(
                condition=models.Q(ends_on__isnull=True) | models.Q(ends_on__gte=models.F("starts_on")),
                name="tenancy_ends_after_start",
            ),
        ]


@pghistory.track()
class WaitingPlan(TenantModel):
    """While waiting for a home (seed 004, 4.2): with the decision on support there must be a plan for
    how and when housing comes and where the citizen stays and is supported meanwhile. The latest
    plan of a person is the one that applies; older ones are kept as history."""

    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="waiting_plans")
    stays_at = models.CharField(_("hvor borgeren bor i mellemtiden"), max_length=300)
    supported_by = models.CharField(_("hvem der støtter borgeren i mellemtiden"), max_length=300)
    housing_plan = models.TextField(_("hvordan og hvornår boligen kommer"))
    recorded_on = models.DateField(_("dato"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_on", "-id"]
