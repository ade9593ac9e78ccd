from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from .figures import AGE_GROUPS, DURATION_BUCKETS
from .models import STATUS_CHOICES, ContactKind, Gender, Sharing
from .quality import Check
from .situations import GROUPS as SITUATION_GROUPS
from .situations import LABELS as SITUATION_LABELS
from .statuses import Status

# The situations in the national count's own words, grouped as the count groups them (<optgroup>).
SITUATION_FORM_CHOICES = [
    (_(group), [(s.value, _(SITUATION_LABELS[s])) for s in members]) for group, members in SITUATION_GROUPS
]
SITUATION_FILTER_CHOICES = [
    ("", _("Alle")),
    ("homeless", _("Alle hjemløse")),
    ("at_risk", _("Alle i risiko")),
] + [(group, choices) for group, choices in SITUATION_FORM_CHOICES[:2]]
STATUS_FILTER_CHOICES = [
    ("", _("Aktive på listen (en søgning finder alle)")),
    ("active", _("Aktive på listen")),
    ("all", _("Alle borgere")),
] + [(v, _(label)) for v, label in STATUS_CHOICES]
# Labels of the pure modules people.figures, people.situations and people.statuses, listed for makemessages
# and translated where the forms show them.
_PURE_LABELS = [
    gettext_noop("Under 18"),
    gettext_noop("60 og derover"),
    gettext_noop("Under 3 måneder"),
    gettext_noop("3-12 måneder"),
    gettext_noop("1-2 år"),
    gettext_noop("Over 2 år"),
    gettext_noop("Gaden"),
    gettext_noop("Natvarmestue"),
    gettext_noop("Boform (§ 110)"),
    gettext_noop("Hotel, vandrerhjem"),
    gettext_noop("Sofasurfer"),
    gettext_noop("Udslusningsbolig"),
    gettext_noop("Løsladelse"),
    gettext_noop("Udskrivning"),
    gettext_noop("Andet (nødbolig)"),
    gettext_noop("Fogedsag"),
    gettext_noop("Forlader anbringelse"),
    gettext_noop("Anden risiko"),
    gettext_noop("Egen bolig"),
    gettext_noop("Nyidentificeret"),
    gettext_noop("Vendt tilbage fra bolig"),
    gettext_noop("Vendt tilbage fra inaktiv"),
    gettext_noop("Boligplaceret"),
    gettext_noop("Inaktiv"),
    gettext_noop("Fraflyttet kommunen"),
    gettext_noop("Død"),
    gettext_noop("Ikke længere hjemløs"),
    # people.situations: the count's own words and the groups of the select boxes
    gettext_noop("Hjemløs efter tællingens definition"),
    gettext_noop("I risiko for hjemløshed"),
    gettext_noop("Overnatter på gaden, i trappeopgang, i et skur eller lignende"),
    gettext_noop("Overnatter på natvarmestue / værested med nødovernatning"),
    gettext_noop("Overnatter på akut/midlertidigt botilbud, fx herberger og forsorgshjem (§ 110)"),
    gettext_noop("Opholder sig på hotel, vandrerhjem eller lignende på grund af hjemløshed"),
    gettext_noop('Bor midlertidigt og uden kontrakt hos familie, venner eller bekendte ("sofasurfer")'),
    gettext_noop("Bor i midlertidig udslusningsbolig eller lignende uden permanent kontrakt"),
    gettext_noop("Under Kriminalforsorgen, skal løslades inden for 1 måned, uden iværksat boligløsning"),
    gettext_noop(
        "Indlagt på hospital/behandlingshjem, skal udskrives inden for 1 måned, uden iværksat boligløsning"
    ),
    gettext_noop('Andet: kolonihavehus, campingvogn og lignende midlertidige "nødboliger"'),
    gettext_noop("I risiko: fogedsag / udsættelse"),
    gettext_noop("I risiko: skal forlade anbringelse, behandling eller institution"),
    gettext_noop("I risiko: anden risiko for hjemløshed"),
]
YES_NO = [("", _("Alle")), ("yes", _("Ja")), ("no", _("Nej"))]


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else value


class ListFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Søg på navn, fødselsdato eller CPR"),
        required=False,
        max_length=1000,
        help_text=_(
            "En søgning finder alle kommunens borgere, også boligplacerede, inaktive og fraflyttede."
        ),
    )
    status = forms.ChoiceField(label=_("Status"), choices=STATUS_FILTER_CHOICES, required=False)
    situation = forms.ChoiceField(label=_("Situation"), choices=SITUATION_FILTER_CHOICES, required=False)
    duration = forms.ChoiceField(
        label=_("Tid som hjemløs"),
        choices=[("", _("Alle"))] + [(b[0], _(b[1])) for b in DURATION_BUCKETS],
        required=False,
    )
    age_group = forms.ChoiceField(
        label=_("Aldersgruppe"),
        choices=[("", _("Alle"))] + [(g[0], _(g[1])) for g in AGE_GROUPS],
        required=False,
    )
    needs_list = forms.ChoiceField(label=_("På boligbehovslisten"), choices=YES_NO, required=False)
    protected = forms.ChoiceField(label=_("Navne- og adressebeskyttelse"), choices=YES_NO, required=False)
    kvalitet = forms.ChoiceField(
        label=_("Listens kvalitet"),
        choices=[
            ("", _("Alle")),
            (Check.DUPLICATES.value, _("Mulige dubletter")),
            (Check.NO_UPDATE.value, _("Ingen opdatering inden for inaktivitetsgrænsen")),
            (Check.NO_BIRTH_YEAR.value, _("Mangler fødselsår")),
            (Check.NO_SITUATION.value, _("Mangler situation")),
            (Check.NO_WORKER.value, _("Ingen medarbejder")),
            (Check.SILENT_SHELTER.value, _("På boform uden indberetning")),
        ],
        required=False,
        help_text=_("Borgere, som en kontrol af listens kvalitet finder (se Tal og udvikling)."),
    )
    sort = forms.ChoiceField(
        label=_("Sortér efter"),
        choices=[
            ("time", _("Længst tid som hjemløs")),
            ("name", _("Navn")),
            ("identified", _("Senest identificeret")),
            ("activity", _("Ældste aktivitet")),
        ],
        required=False,
    )


class PersonForm(forms.Form):
    first_name = forms.CharField(label=_("Fornavn"), max_length=100, required=False)
    last_name = forms.CharField(label=_("Efternavn"), max_length=100, required=False)
    initials = forms.CharField(
        label=_("Initialer"),
        max_length=10,
        required=False,
        help_text=_("Hvis borgeren kun kendes ved initialer."),
    )
    cpr = forms.CharField(
        label=_("CPR-nummer"), max_length=11, required=False, help_text=_("DDMMÅÅ-XXXX. Kan udelades.")
    )
    birth_date = forms.DateField(label=_("Fødselsdato"), required=False, widget=DateInput)
    birth_year = forms.IntegerField(
        label=_("Fødselsår"),
        required=False,
        min_value=1900,
        max_value=2100,
        help_text=_("Hvis fødselsdatoen ikke kendes."),
    )
    gender = forms.ChoiceField(label=_("Køn"), choices=Gender.choices, initial=Gender.UNKNOWN)
    phone = forms.CharField(label=_("Telefon"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    contact_note = forms.CharField(
        label=_("Kontaktoplysninger i øvrigt"),
        max_length=300,
        required=False,
        help_text=_("Fx hvor borgeren plejer at opholde sig."),
    )
    protected = forms.BooleanField(label=_("Navne- og adressebeskyttelse"), required=False)

    def clean(self):
        data = super().clean()
        if not (data.get("first_name") or data.get("last_name") or data.get("initials")):
            self.add_error("first_name", _("Angiv navn eller initialer."))
        return data


class PersonCreateForm(PersonForm):
    situation = forms.ChoiceField(label=_("Nuværende situation"), choices=SITUATION_FORM_CHOICES)
    situation_start = forms.DateField(
        label=_("Situationen begyndte"), widget=DateInput, initial=timezone.localdate
    )
    place = forms.CharField(
        label=_("Sted"), max_length=200, required=False, help_text=_("Fx navnet på boformen.")
    )
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)


class SituationForm(forms.Form):
    situation = forms.ChoiceField(label=_("Situation"), choices=SITUATION_FORM_CHOICES)
    start_date = forms.DateField(label=_("Fra dato"), widget=DateInput, initial=timezone.localdate)
    place = forms.CharField(label=_("Sted"), max_length=200, required=False)
    note = forms.CharField(label=_("Note"), max_length=500, required=False)


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Ny status"),
        choices=[(v, _(label)) for v, label in STATUS_CHOICES if v != Status.NEWLY_IDENTIFIED],
    )
    on = forms.DateField(label=_("Dato"), widget=DateInput, initial=timezone.localdate)
    reason = forms.CharField(label=_("Begrundelse"), max_length=500)


class ContactForm(forms.Form):
    contacted_on = forms.DateField(label=_("Dato"), widget=DateInput, initial=timezone.localdate)
    kind = forms.ChoiceField(label=_("Kontaktform"), choices=ContactKind.choices)
    reached = forms.TypedChoiceField(
        label=_("Blev borgeren truffet?"),
        choices=[("1", _("Ja")), ("0", _("Nej"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
        initial="1",
    )
    note = forms.CharField(label=_("Kort note"), max_length=500, required=False)


class NeedsListForm(forms.Form):
    registered_on = forms.DateField(
        label=_("Optaget på listen"), widget=DateInput, initial=timezone.localdate
    )
    max_rent = forms.IntegerField(
        label=_("Husleje borgeren kan betale (kr. pr. måned)"), min_value=1, max_value=50000
    )
    areas = forms.CharField(label=_("Ønskede områder"), max_length=200, required=False)
    min_rooms = forms.IntegerField(
        label=_("Mindst antal værelser"), min_value=1, max_value=10, required=False
    )
    sharing = forms.ChoiceField(
        label=_("Bo alene eller i fællesskab"), choices=Sharing.choices, initial=Sharing.EITHER
    )
    ordinary_building = forms.BooleanField(
        label=_("Bolig i almindeligt byggeri"),
        required=False,
        initial=True,
        help_text=_("Housing First-princip 4: almindeligt byggeri, medmindre borgeren ønsker andet."),
    )
    special_needs = forms.CharField(
        label=_("Særlige sociale behov"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
