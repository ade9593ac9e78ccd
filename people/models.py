import pghistory
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_scopes import ScopedManager

from core.crypto import decrypt
from tenants.models import TenantModel

from . import cpr as cpr_rules
from . import durations
from .quality import name_key
from .search import search_name
from .situations import SHORT_LABELS, Situation
from .statuses import ACTIVE, Status
from .statuses import LABELS as STATUS_LABELS


class Gender(models.TextChoices):
    FEMALE = "female", _("Kvinde")
    MALE = "male", _("Mand")
    OTHER = "other", _("Andet")
    UNKNOWN = "unknown", _("Ukendt")


# The pure modules' Danish labels, shown in the user's language (the msgids are listed in people/forms.py).
SITUATION_CHOICES = [(s.value, _(SHORT_LABELS[s])) for s in Situation]
STATUS_CHOICES = [(s.value, _(STATUS_LABELS[s])) for s in Status]


class CurrentPeopleManager(models.Manager):
    """People not merged into another record (people/merge.py). The one rule that takes a merged
    record out of every list, search, figure, selector and service: they all read ``Person.objects``."""

    def get_queryset(self):
        return super().get_queryset().filter(merged_into__isnull=True)


@pghistory.track(exclude=["cpr_encrypted", "search_name", "name_key"])
class Person(TenantModel):
    """A citizen on the municipality's by-name list.

    The fields after ``protected`` are a denormalised summary kept by the services in people/services.py
    so the by-name list is one indexed query at national scale; the history tables are the truth.
    """

    first_name = models.CharField(_("fornavn"), max_length=100, blank=True)
    last_name = models.CharField(_("efternavn"), max_length=100, blank=True)
    initials = models.CharField(_("initialer"), max_length=10, blank=True)
    cpr_encrypted = models.TextField(blank=True)
    cpr_hash = models.CharField(max_length=64, blank=True, db_index=True)
    birth_date = models.DateField(_("fødselsdato"), null=True, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("fødselsår"), null=True, blank=True)
    gender = models.CharField(_("køn"), max_length=8, choices=Gender.choices, default=Gender.UNKNOWN)
    phone = models.CharField(_("telefon"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    contact_note = models.CharField(_("kontaktoplysninger i øvrigt"), max_length=300, blank=True)
    protected = models.BooleanField(_("navne- og adressebeskyttelse"), default=False)
    # Names and initials folded for search (people/search.py), kept by save() and the bulk loaders.
    search_name = models.CharField(max_length=250, blank=True, editable=False)
    # First and last name folded, in word order: possible duplicates are grouped on it with the birth
    # year (people/quality.py), kept by save() and the bulk loaders like search_name.
    name_key = models.CharField(max_length=250, blank=True, editable=False)
    workers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="own_people", verbose_name=_("egne medarbejdere")
    )

    identified_on = models.DateField(_("identificeret"), null=True)
    current_status = models.CharField(_("status"), max_length=32, choices=STATUS_CHOICES, blank=True)
    status_since = models.DateField(null=True)
    current_situation = models.CharField(_("situation"), max_length=32, choices=SITUATION_CHOICES, blank=True)
    situation_since = models.DateField(null=True)
    homeless_since = models.DateField(_("hjemløs siden"), null=True)
    last_activity_on = models.DateField(_("seneste aktivitet"), null=True)
    # Last contact of any kind and last contact where the citizen was reached, kept by contact_record
    # (and by the loaders): the support front pages read the persistence clock from here instead of
    # searching every open episode's contacts (BENCHMARKS.md, leader front page).
    last_contact_on = models.DateField(_("seneste kontakt"), null=True)
    last_reached_on = models.DateField(_("senest truffet"), null=True)
    on_needs_list = models.BooleanField(_("på boligbehovslisten"), default=False)

    # A duplicate merged into the record that stays (people/merge.py): kept, so the merge can be undone
    # and the access log's rows about it still name a record, but out of every list (``objects``).
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="merged_records", editable=False
    )
    merged_at = models.DateTimeField(null=True, blank=True, editable=False)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # The default manager leaves merged records out; ``all_objects`` (the merge service, the redirect
    # from a merged record's page) sees them. Both are scoped to the tenant like every TenantModel.
    objects = ScopedManager(_manager_class=CurrentPeopleManager, municipality="municipality")
    all_objects = ScopedManager(municipality="municipality")

    class Meta:
        verbose_name = _("borger")
        verbose_name_plural = _("borgere")
        indexes = [
            models.Index(fields=["municipality", "current_status", "homeless_since"]),
            # The by-name list as it opens (the active list, longest homeless first): its page is read in
            # index order and stops at the page's end, and its count reads the index only (protected is
            # included for the visibility rule). Without it both read every active person's row.
            models.Index(
                fields=["municipality", "homeless_since", "last_name", "id"],
                include=["protected"],
                condition=models.Q(
                    merged_into__isnull=True,
                    current_status__in=sorted(s.value for s in ACTIVE),
                ),
                name="person_active_list",
            ),
            # The housing needs list as it opens (longest homeless first) and its count, from the index alone:
            # for Copenhagen at 3x national scale the count and the page read every person of the municipality
            # (26 and 17 ms), with this index 1.6 and 0.3 ms.
            models.Index(
                fields=["municipality", "homeless_since", "last_name", "id"],
                include=["protected"],
                condition=models.Q(merged_into__isnull=True, on_needs_list=True),
                name="person_needs_list",
            ),
            # The protected people of a municipality, which lists leave out unless the user is their worker
            # (support's lists ask "which people are hidden from me?" instead of joining every row's person).
            models.Index(
                fields=["municipality"], condition=models.Q(protected=True), name="person_protected"
            ),
            models.Index(fields=["municipality", "last_name", "first_name"]),
            models.Index(fields=["municipality", "name_key", "birth_year"], name="person_duplicate_key"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "cpr_hash"],
                condition=~models.Q(cpr_hash=""),
                name="unique_cpr_per_municipality",
            ),
            models.CheckConstraint(
                condition=~(models.Q(first_name="") & models.Q(last_name="") & models.Q(initials="")),
                name="person_has_name_or_initials",
            ),
        ]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        self.search_name = search_name(self.first_name, self.last_name, self.initials)
        self.name_key = name_key(self.first_name, self.last_name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"first_name", "last_name", "initials"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "search_name", "name_key"}
        super().save(*args, **kwargs)

    @property
    def display_name(self) -> str:
        name = f"{self.first_name} {self.last_name}".strip()
        return name or self.initials

    @property
    def cpr(self) -> str:
        return decrypt(self.cpr_encrypted) if self.cpr_encrypted else ""

    @property
    def cpr_masked(self) -> str:
        return cpr_rules.mask(self.cpr) if self.cpr_encrypted else ""

    def age_on(self, day) -> int | None:
        return durations.age_on(self.birth_date, self.birth_year, day)


@pghistory.track()
class SituationPeriod(TenantModel):
    """Where a person stays, from a date until the next situation begins (dated history)."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="situations")
    situation = models.CharField(_("situation"), max_length=32, choices=SITUATION_CHOICES)
    start_date = models.DateField(_("fra"))
    end_date = models.DateField(_("til"), null=True, blank=True)
    place = models.CharField(_("sted"), max_length=200, blank=True)
    note = models.CharField(_("note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["start_date", "id"]
        indexes = [models.Index(fields=["municipality", "situation", "start_date"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="situation_ends_after_start",
            )
        ]


@pghistory.track()
class StatusChange(TenantModel):
    """The by-name list status as a log of changes with reasons."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField(_("status"), max_length=32, choices=STATUS_CHOICES)
    changed_on = models.DateField(_("dato"))
    # Kept so inflow/outflow and time on the list are one GROUP BY, not a window over history.
    previous_status = models.CharField(max_length=32, choices=STATUS_CHOICES, blank=True)
    days_on_list = models.PositiveIntegerField(
        null=True, help_text="For a change leaving the active list: days since entering it."
    )
    reason = models.CharField(_("begrundelse"), max_length=500)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_on", "id"]
        indexes = [models.Index(fields=["municipality", "changed_on", "status"])]


class ContactKind(models.TextChoices):
    MEETING = "meeting", _("Personligt møde")
    OUTREACH = "outreach", _("Opsøgende kontakt på gaden")
    HOME_VISIT = "home_visit", _("Hjemmebesøg")
    PHONE = "phone", _("Telefon")
    TEXT = "text", _("SMS")
    NOTE_AT_DOOR = "note_at_door", _("Seddel ved døren")
    SHELTER = "shelter", _("Møde på boform")
    HOSPITAL = "hospital", _("Møde på hospital")
    PRISON = "prison", _("Møde i fængsel")


@pghistory.track()
class Contact(TenantModel):
    """A contact or contact attempt. Reached or not, it is recorded activity on the by-name list."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="contacts")
    contacted_on = models.DateField(_("dato"))
    kind = models.CharField(_("kontaktform"), max_length=16, choices=ContactKind.choices)
    reached = models.BooleanField(_("borgeren blev truffet"), default=True)
    note = models.CharField(_("kort note"), max_length=500, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-contacted_on", "-id"]
        # Last contact, last reached and attempts since, per person (support front pages): an index
        # range per person instead of sorting every contact of the person.
        indexes = [models.Index(fields=["person", "contacted_on"], name="contact_person_date")]


class Sharing(models.TextChoices):
    ALONE = "alone", _("Alene")
    SHARED = "shared", _("Bofællesskab")
    EITHER = "either", _("Begge dele")


@pghistory.track()
class NeedsListEntry(TenantModel):
    """The housing needs list (boligbehovsliste, 001 Indsats 4): the rent a person can pay and their
    wishes. One open entry per person; removal keeps the row with its date."""

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="needs_entries")
    registered_on = models.DateField(_("optaget på listen"))
    removed_on = models.DateField(_("fjernet fra listen"), null=True, blank=True)
    max_rent = models.PositiveIntegerField(_("husleje borgeren kan betale (kr./md.)"))
    areas = models.CharField(_("ønskede områder"), max_length=200, blank=True)
    min_rooms = models.PositiveSmallIntegerField(_("mindst antal værelser"), null=True, blank=True)
    sharing = models.CharField(
        _("bo alene eller i fællesskab"), max_length=8, choices=Sharing.choices, default=Sharing.EITHER
    )
    # Principle 4 (004, ch. 2): an ordinary building is the default; a skæv bolig only if wanted.
    ordinary_building = models.BooleanField(_("bolig i almindeligt byggeri"), default=True)
    special_needs = models.TextField(_("særlige sociale behov"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-registered_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=models.Q(removed_on__isnull=True), name="one_open_needs_entry"
            )
        ]


class MonthlyFlow(TenantModel):
    """Inflow and outflow of the by-name list per municipality and month, kept by database triggers
    on people_statuschange (migration 0002), so it is exact whatever writes the history: services,
    bulk loads, deletions. National figures then read about 12,000 rows instead of aggregating every
    status change (BENCHMARKS.md (b)). ``monthly_flow_rebuild`` recomputes it from the history."""

    month = models.DateField()
    inflow = models.IntegerField(default=0)
    outflow = models.IntegerField(default=0)
    changes = models.IntegerField(default=0)  # all status changes in the month; 0 = no history left

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["municipality", "month"], name="one_flow_row_per_month")
        ]


class ExportStatus(models.TextChoices):
    QUEUED = "queued", _("Dannes")
    DONE = "done", _("Klar")
    FAILED = "failed", _("Mislykkedes")


class ListExport(TenantModel):
    """A large export of the by-name list, made by a task (people.tasks.build_list_export).

    The file holds personal data, so it is encrypted at rest, only its requester may fetch it, it is
    wiped when fetched and deleted after EXPORT_KEEP_HOURS (people/conf.py) (people.tasks.purge_list_exports).
    The sealed file is kept in parts (ListExportPart), so neither the task nor the download holds it whole
    in memory.
    """

    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(max_length=32)
    path = models.CharField(max_length=300, blank=True)
    fmt = models.CharField(max_length=8)
    query = models.TextField(blank=True)  # the list's filters as the request's query string
    status = models.CharField(max_length=8, choices=ExportStatus.choices, default=ExportStatus.QUEUED)
    total_rows = models.PositiveIntegerField(default=0)
    task_id = models.CharField(max_length=64, blank=True, default="", editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    downloaded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]


class ListExportPart(TenantModel):
    """One sealed block of a large export's file (core.crypto.seal_blocks), in order by ``seq``."""

    export = models.ForeignKey(ListExport, on_delete=models.CASCADE, related_name="parts")
    seq = models.PositiveIntegerField()
    data = models.BinaryField(editable=False)

    class Meta:
        ordering = ["export", "seq"]
        constraints = [models.UniqueConstraint(fields=["export", "seq"], name="list_export_part_unique_seq")]


class PersonMerge(TenantModel):
    """One merge of a duplicate record into the record that stays (people/merge.py), with what is needed
    to undo exactly it: the rows that moved (per table, their ids), the rows a table's rule changed
    (before and after), the surviving record's values before and after, and the duplicate's CPR when the
    surviving record took it. The access log has the merge and its undo too; this is the domain event."""

    survivor = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    duplicate = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    merged_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    merged_at = models.DateTimeField(auto_now_add=True)
    # {"app.Model.field": [ids]}: the duplicate's rows now on the surviving record.
    moved = models.JSONField(default=dict)
    # [{"table": "app.Model", "pk": id, "before": {...}, "after": {...}}] in the order applied.
    changed = models.JSONField(default=list)
    # {"app.Model.field": count}: the duplicate's rows that stayed with it (e.g. a second profile).
    stayed = models.JSONField(default=dict)
    survivor_before = models.JSONField(default=dict)
    survivor_after = models.JSONField(default=dict)
    duplicate_before = models.JSONField(default=dict)
    # {"app.Model": {id: hash}} of every row moved or changed, as the merge left it (undo's check).
    fingerprints = models.JSONField(default=dict)
    undone_at = models.DateTimeField(null=True, blank=True)
    undone_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-merged_at", "-id"]
        indexes = [models.Index(fields=["municipality", "-merged_at"], name="person_merge_recent")]
        verbose_name = _("sammenlægning")
        verbose_name_plural = _("sammenlægninger")
