"""Allocation of vacant homes (issue 4 items 3-5): vacancies, offers with their event log, the
candidate facts the matching needs beyond the needs list, and the allocation committee's meetings.

Double allocation is made impossible in the database: partial unique indexes on offers (one accepted
offer per vacancy, one accepted offer per person) and one open vacancy per unit; the services also
lock the rows (select_for_update), so the indexes are the last line, not the first."""

import pghistory
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from housing.models import OPEN_VACANCY_STATUSES, VacancyStatus
from tenants.models import TenantModel


@pghistory.track()
class Vacancy(TenantModel):
    """A home the landlord offers the municipality, with a deadline to nominate a tenant."""

    unit = models.ForeignKey("housing.Unit", on_delete=models.PROTECT, related_name="vacancies")
    reported_on = models.DateField(_("meldt ledig"))
    nominate_by = models.DateField(_("frist for anvisning"))
    available_from = models.DateField(_("ledig fra"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=VacancyStatus.choices, default=VacancyStatus.OPEN
    )
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["nominate_by", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit"],
                condition=models.Q(status__in=OPEN_VACANCY_STATUSES),
                name="one_open_vacancy_per_unit",
            ),
            models.CheckConstraint(
                condition=models.Q(nominate_by__gte=models.F("reported_on")),
                name="vacancy_deadline_after_report",
            ),
        ]

    def __str__(self):
        return f"{self.unit} (frist {self.nominate_by:%d.%m.%Y})"

    @property
    def status_label(self) -> str:
        """The status as shown (vacancy_status_label); uses the live offers when a selector prefetched them."""
        offers = getattr(self, "live_offers", None)
        statuses = (
            [o.status for o in offers]
            if offers is not None
            else list(self.offers.filter(status__in=LIVE).values_list("status", flat=True))
        )
        return vacancy_status_label(self.status, statuses)


class OfferStatus(models.TextChoices):
    PROPOSED = "proposed", _("Foreslået")
    OFFERED = "offered", _("Tilbudt")
    ACCEPTED = "accepted", _("Accepteret")
    DECLINED = "declined", _("Afslået")
    LEASE_SIGNED = "lease_signed", _("Lejekontrakt underskrevet")
    MOVED_IN = "moved_in", _("Flyttet ind")
    WITHDRAWN = "withdrawn", _("Trukket tilbage")


# The home is given to this person: at most one such offer per vacancy.
HOLDS_HOME = ["accepted", "lease_signed", "moved_in"]
# The person holds a home not yet moved into: at most one such offer per person. Moved-in offers are
# history (a person who later loses the home may be housed again: principle 5).
HOLDS_PERSON = ["accepted", "lease_signed"]
LIVE = ["proposed", "offered", "accepted", "lease_signed"]


def vacancy_status_label(status: str, offer_statuses) -> str:
    """What a vacancy's status is called on the pages (issue 9 item 7). "Ledig" is a home reported vacant
    to the municipality with nobody proposed yet (a unit merely without a tenant is "uden lejer", in the
    stock); once someone is proposed the furthest live offer names it: Foreslået, Tilbudt, Accepteret,
    Lejekontrakt underskrevet; then Udlejet, or Trukket tilbage."""
    if status in (VacancyStatus.LET, VacancyStatus.WITHDRAWN):
        return str(VacancyStatus(status).label)
    live = [s for s in offer_statuses if s in LIVE]
    if live:
        return str(OfferStatus(max(live, key=LIVE.index)).label)
    return str(_("Ledig"))


class ChecklistState(models.TextChoices):
    NOT_RELEVANT = "not_relevant", _("Ikke relevant")
    TO_APPLY = "to_apply", _("Skal søges")
    APPLIED = "applied", _("Søgt")
    GRANTED = "granted", _("Bevilget")
    REFUSED = "refused", _("Afslået")


class DeclineReason(TenantModel):
    """The municipality's own list of reasons for declining an offer (issue 4 item 4)."""

    label = models.CharField(_("afslagsgrund"), max_length=200)
    active = models.BooleanField(_("i brug"), default=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "label"], name="decline_reason_unique_label")
        ]

    def __str__(self):
        return self.label


@pghistory.track()
class Offer(TenantModel):
    vacancy = models.ForeignKey(Vacancy, on_delete=models.PROTECT, related_name="offers")
    person = models.ForeignKey("people.Person", on_delete=models.CASCADE, related_name="offers")
    status = models.CharField(
        _("status"), max_length=14, choices=OfferStatus.choices, default=OfferStatus.PROPOSED
    )
    status_since = models.DateField(_("status siden"))
    proposed_on = models.DateField(_("foreslået"))
    offered_on = models.DateField(_("tilbudt"), null=True, blank=True)
    answered_on = models.DateField(_("svar"), null=True, blank=True)
    lease_signed_on = models.DateField(_("kontrakt underskrevet"), null=True, blank=True)
    moved_in_on = models.DateField(_("indflytning"), null=True, blank=True)
    decline_reason = models.ForeignKey(
        DeclineReason, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    decline_note = models.CharField(_("uddybning af afslag"), max_length=500, blank=True)
    # Move-in help as checklist items (seed 001 Indsats 5: help with deposit loan and rent).
    deposit_loan = models.CharField(
        _("indskudslån"), max_length=14, choices=ChecklistState.choices, default=ChecklistState.TO_APPLY
    )
    rent_help = models.CharField(
        _("hjælp til husleje (boligstøtte m.m.)"),
        max_length=14,
        choices=ChecklistState.choices,
        default=ChecklistState.TO_APPLY,
    )
    shared_with_landlord_on = models.DateField(_("oplysninger delt med udlejer"), null=True, blank=True)
    score = models.FloatField(_("point ved forslag"), default=0)
    explanation = models.TextField(_("begrundelse for forslag"), blank=True)
    tenancy = models.ForeignKey(
        "housing.Tenancy", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-proposed_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["vacancy"],
                condition=models.Q(status__in=HOLDS_HOME),
                name="one_home_holder_per_vacancy",
            ),
            models.UniqueConstraint(
                fields=["person"],
                condition=models.Q(status__in=HOLDS_PERSON),
                name="one_accepted_offer_per_person",
            ),
            models.UniqueConstraint(
                fields=["vacancy", "person"],
                condition=models.Q(status__in=LIVE),
                name="one_live_offer_per_vacancy_and_person",
            ),
        ]
        indexes = [models.Index(fields=["municipality", "status", "status_since"])]


class OfferLogEntry(TenantModel):
    """Who did what when on an offer (STYLE.md: a domain event row per service call)."""

    offer = models.ForeignKey(Offer, on_delete=models.CASCADE, related_name="log_entries")
    kind = models.CharField(max_length=24)
    text = models.CharField(max_length=500)
    on = models.DateField()
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    by_label = models.CharField(max_length=150)

    class Meta:
        ordering = ["at", "id"]


class Urgency(models.TextChoices):
    NORMAL = "normal", _("Almindelig")
    HIGH = "high", _("Haster")
    ACUTE = "acute", _("Akut")


class Pension(models.TextChoices):
    """Decides the kind of housing benefit (boligstøtteloven): boligsikring, or boligydelse for pensioners."""

    NONE = "none", _("Ingen pension")
    OLD_AGE = "folkepension", _("Folkepension")
    EARLY_BEFORE_2003 = "early_before_2003", _("Førtidspension tilkendt før 2003")
    EARLY_FROM_2003 = "early_from_2003", _("Førtidspension tilkendt 2003 eller senere")


@pghistory.track()
class CandidateProfile(TenantModel):
    """What the matching needs beyond the needs list entry. Only facts about fit and economy; by design
    nothing about housing readiness, sobriety, treatment or earlier tenancies (principle 1, seed 004 ch. 2)."""

    person = models.OneToOneField(
        "people.Person", on_delete=models.CASCADE, related_name="allocation_profile"
    )
    monthly_income = models.PositiveIntegerField(
        _("husstandens indkomst før skat (kr./md.)"),
        null=True,
        blank=True,
        help_text=_("Bruges til at anslå boligstøtten. Tom: kontanthjælpssats."),
    )
    # The household, for the housing-benefit estimate (allocation/matching.py): the 15 % cap applies to
    # a household without children under 18; pensioners get boligydelse with other rules.
    adults = models.PositiveSmallIntegerField(
        _("voksne i husstanden"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    children = models.PositiveSmallIntegerField(
        _("børn under 18 i husstanden"),
        default=0,
        validators=[MaxValueValidator(20)],
        help_text=_("Uden børn under 18 kan boligsikringen højst være 15 % af boligudgiften."),
    )
    pension = models.CharField(
        _("pension"),
        max_length=20,
        choices=Pension.choices,
        default=Pension.NONE,
        help_text=_("Pensionister får boligydelse efter andre regler end boligsikring."),
    )
    has_pet = models.BooleanField(_("har husdyr"), default=False)
    needs_accessible = models.BooleanField(_("har brug for tilgængelig bolig"), default=False)
    urgency = models.CharField(_("hast"), max_length=8, choices=Urgency.choices, default=Urgency.NORMAL)
    # Parking keeps the person's place: ordering uses time homeless and the needs list date, which
    # parking does not touch; a parked person is only left out of proposals until the date.
    parked_until = models.DateField(_("parkeret til og med"), null=True, blank=True)
    parked_reason = models.CharField(_("årsag til parkering"), max_length=300, blank=True)


class MeetingDecision(models.TextChoices):
    PENDING = "", _("Ikke besluttet")
    APPROVED = "approved", _("Indstilling godkendt")
    OTHER = "other", _("Anden borger valgt")
    POSTPONED = "postponed", _("Udsat")
    NO_NOMINATION = "no_nomination", _("Ingen anvisning")


@pghistory.track()
class CommitteeMeeting(TenantModel):
    """Boligudvalget (seed 001, Indsats 4): chooses citizens for vacant homes; its criteria rethought
    along Housing First: affordability and the citizen's wishes, never housing readiness."""

    held_on = models.DateField(_("mødedato"))
    title = models.CharField(_("titel"), max_length=200, default="Boligudvalgets møde")
    participants = models.CharField(_("deltagere"), max_length=500, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]


@pghistory.track()
class AgendaItem(TenantModel):
    meeting = models.ForeignKey(CommitteeMeeting, on_delete=models.CASCADE, related_name="items")
    vacancy = models.ForeignKey(Vacancy, on_delete=models.PROTECT, related_name="agenda_items")
    proposed_person = models.ForeignKey(
        "people.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposal_text = models.TextField(_("indstilling"), blank=True)
    decision = models.CharField(
        _("beslutning"), max_length=16, choices=MeetingDecision.choices, blank=True, default=""
    )
    chosen_person = models.ForeignKey(
        "people.Person", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reason = models.TextField(_("begrundelse"), blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "vacancy"], name="one_agenda_item_per_vacancy")
        ]
