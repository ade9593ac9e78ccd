"""Teams, workers, support episodes with their event log, waiting lists and hand-overs (issue 3).

An episode is independent of housing (principle 5, seed 004, ch. 2): nothing here refers to a home,
and no housing or people code changes an episode. Only the services in support/services.py do.
"""

import pghistory
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from people.models import Person
from plans.labels import METHOD as METHOD_LABELS
from plans.methods import SPECIALISED, Method
from tenants.models import Municipality, TenantModel

METHOD_CHOICES = [(m.value, METHOD_LABELS[m]) for m in Method]
SPECIALISED_CHOICES = [(m.value, METHOD_LABELS[m]) for m in Method if m in SPECIALISED]


@pghistory.track()
class Team(TenantModel):
    name = models.CharField(_("navn"), max_length=100)
    method = models.CharField(_("metode"), max_length=8, choices=SPECIALISED_CHOICES)
    # ACT only: the team's maximum number of citizens; None means DEFAULTS["ACT_TEAM_MAX"] (seed 004, ch. 4).
    max_citizens = models.PositiveIntegerField(_("højst antal borgere (ACT)"), null=True, blank=True)
    active = models.BooleanField(_("aktivt"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["method", "name"]
        constraints = [models.UniqueConstraint(fields=["municipality", "name"], name="team_name_unique")]

    def __str__(self):
        return self.name


@pghistory.track()
class WorkerProfile(TenantModel):
    """A support worker: one specialised method only (seed 004, 4.1), optionally also ordinary § 85
    support, with a personal caseload limit a leader may set lower than the method's (seed 004, 3.1)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="support_profiles"
    )
    method = models.CharField(_("metode"), max_length=8, choices=SPECIALISED_CHOICES)
    also_section_85 = models.BooleanField(_("giver også § 85-støtte"), default=False)
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, blank=True, related_name="members", verbose_name=_("team")
    )
    caseload_limit = models.PositiveSmallIntegerField(
        _("eget loft over antal borgere"), null=True, blank=True
    )
    active = models.BooleanField(_("aktiv"), default=True)

    class Meta:
        ordering = ["method", "user__first_name", "user__last_name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "user"], name="one_worker_profile_per_user")
        ]

    def __str__(self):
        return self.user.get_full_name() or self.user.username


class EpisodeStatus(models.TextChoices):
    ACTIVE = "active", _("Aktiv")
    PAUSED = "paused", _("På pause")
    HANDED_OVER = "handed_over", _("Overdraget til anden kommune")
    ENDED = "ended", _("Afsluttet")


OPEN_STATUSES = (EpisodeStatus.ACTIVE, EpisodeStatus.PAUSED)


class EndReason(models.TextChoices):
    GOALS_REACHED = "goals_reached", _("Målene er nået")
    FOLLOW_ON = "follow_on", _("Opfølgende støtte er begyndt")
    # Not a reason to end (principle 5, seed 004 ch. 2): support follows the citizen into the new home, and
    # a move to another municipality is a hand-over. Kept so hand-overs and rows ended this way before
    # still render; never offered and refused by episode_end.
    MOVED = "moved", _("Flyttet")
    DIED = "died", _("Død")
    DECLINED = "declined", _("Borgeren ønsker ikke længere støtten")
    LONG_PRISON = "long_prison", _("Langvarigt fængselsophold")


# The reasons a worker may choose when ending an episode.
END_REASONS_OFFERED = [r for r in EndReason if r != EndReason.MOVED]


class PauseReason(models.TextChoices):
    """Why an episode is paused. Hospital and short prison stays are listed so that choosing them is
    answered with the reason they do not pause support (principle 5, seed 004 ch. 2); the service
    refuses them."""

    LONG_PRISON = "long_prison", _("Længere fængselsophold")
    CITIZEN_WISH = "citizen_wish", _("Borgeren ønsker selv en pause")
    OTHER = "other", _("Anden grund (skriv den)")
    HOSPITAL = "hospital", _("Hospitalsophold")
    SHORT_PRISON = "short_prison", _("Kort fængselsophold")


NOT_PAUSE_REASONS = frozenset({PauseReason.HOSPITAL, PauseReason.SHORT_PRISON})


@pghistory.track()
class SupportEpisode(TenantModel):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="support_episodes")
    method = models.CharField(_("metode"), max_length=8, choices=METHOD_CHOICES)
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="support_episodes",
        verbose_name=_("medarbejder"),
    )
    team = models.ForeignKey(
        Team, on_delete=models.PROTECT, null=True, blank=True, related_name="episodes", verbose_name=_("team")
    )
    start_date = models.DateField(_("startdato"))
    status = models.CharField(
        _("status"), max_length=12, choices=EpisodeStatus.choices, default=EpisodeStatus.ACTIVE
    )
    status_since = models.DateField(_("status siden"))
    end_date = models.DateField(_("slutdato"), null=True, blank=True)
    end_reason = models.CharField(
        _("årsag til afslutning"), max_length=16, choices=EndReason.choices, blank=True
    )
    # What the assessment recommended when the episode began, and the reason when another method was chosen.
    recommended_method = models.CharField(
        _("anbefalet metode"), max_length=8, choices=METHOD_CHOICES, blank=True
    )
    method_reason = models.TextField(_("begrundelse for metoden"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start_date", "-id"]
        indexes = [
            models.Index(fields=["municipality", "status", "method"]),
            models.Index(fields=["municipality", "worker", "status"]),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "method"],
                condition=models.Q(status__in=["active", "paused"]),
                name="one_open_episode_per_person_and_method",
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="episode_ends_after_start",
            ),
        ]

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_STATUSES


class EventKind(models.TextChoices):
    START = "start", _("Startet")
    PAUSE = "pause", _("Sat på pause")
    RESUME = "resume", _("Genoptaget")
    HAND_OVER = "hand_over", _("Overdraget til anden kommune")
    END = "end", _("Afsluttet")
    REASSIGN = "reassign", _("Ny medarbejder")


@pghistory.track()
class EpisodeEvent(TenantModel):
    """The episode's log: what happened, when, why and by whom (like Saleor's OrderEvent)."""

    episode = models.ForeignKey(SupportEpisode, on_delete=models.CASCADE, related_name="log_events")
    kind = models.CharField(_("hændelse"), max_length=12, choices=EventKind.choices)
    on = models.DateField(_("dato"))
    reason = models.CharField(_("begrundelse"), max_length=500, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "id"]


@pghistory.track()
class WaitingListEntry(TenantModel):
    """Unmet demand: a citizen who could not be assigned because the method was full. Never deleted;
    it is closed with the date the citizen got an episode (or the reason they left the list)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="support_waits")
    method = models.CharField(_("metode"), max_length=8, choices=METHOD_CHOICES)
    team = models.ForeignKey(Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="waiting")
    since = models.DateField(_("på ventelisten siden"))
    refusal = models.CharField(_("hvorfor"), max_length=500)
    closed_on = models.DateField(_("lukket"), null=True, blank=True)
    closed_reason = models.CharField(_("årsag"), max_length=200, blank=True)
    episode = models.ForeignKey(
        SupportEpisode, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["since", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "method"],
                condition=models.Q(closed_on__isnull=True),
                name="one_open_wait_per_person_and_method",
            )
        ]


@pghistory.track()
class HandOver(TenantModel):
    """What the RECEIVING municipality gets when a citizen moves there (principle 5; seed 004, ch. 2):
    who the citizen is, the method and a note for a good transition, and nothing else of the record."""

    from_municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("navn"), max_length=200)
    birth_date = models.DateField(_("fødselsdato"), null=True, blank=True)
    method = models.CharField(_("metode"), max_length=8, choices=METHOD_CHOICES)
    handed_over_on = models.DateField(_("overdraget den"))
    note = models.TextField(_("til den nye kommune"), blank=True)
    contact = models.CharField(_("kontakt i den tidligere kommune"), max_length=200, blank=True)
    received_on = models.DateField(_("modtaget"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-handed_over_on", "-id"]
