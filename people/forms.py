from django import forms
from django.utils import timezone

from .figures import AGE_GROUPS, DURATION_BUCKETS
from .models import SITUATION_CHOICES, STATUS_CHOICES, ContactKind, Gender, Sharing
from .statuses import Status

SITUATION_FILTER_CHOICES = [("", "Alle"), ("homeless", "Alle hjemløse"), ("at_risk", "Alle i risiko")] + [
    c for c in SITUATION_CHOICES if c[0] != "own_home"
]
YES_NO = [("", "Alle"), ("yes", "Ja"), ("no", "Nej")]


class DateInput(forms.DateInput):
    input_type = "date"

    def format_value(self, value):
        return value.isoformat() if hasattr(value, "isoformat") else value


class ListFilterForm(forms.Form):
    q = forms.CharField(label="Søg på navn eller CPR", required=False)
    situation = forms.ChoiceField(label="Situation", choices=SITUATION_FILTER_CHOICES, required=False)
    duration = forms.ChoiceField(label="Tid som hjemløs", choices=[("", "Alle")] + [(b[0], b[1]) for b in DURATION_BUCKETS], required=False)
    age_group = forms.ChoiceField(label="Aldersgruppe", choices=[("", "Alle")] + [(g[0], g[1]) for g in AGE_GROUPS], required=False)
    needs_list = forms.ChoiceField(label="På boligbehovslisten", choices=YES_NO, required=False)
    protected = forms.ChoiceField(label="Navne- og adressebeskyttelse", choices=YES_NO, required=False)
    sort = forms.ChoiceField(
        label="Sortér efter",
        choices=[("time", "Længst tid som hjemløs"), ("name", "Navn"), ("identified", "Senest identificeret"), ("activity", "Ældste aktivitet")],
        required=False,
    )


class PersonForm(forms.Form):
    first_name = forms.CharField(label="Fornavn", max_length=100, required=False)
    last_name = forms.CharField(label="Efternavn", max_length=100, required=False)
    initials = forms.CharField(label="Initialer", max_length=10, required=False, help_text="Hvis borgeren kun kendes ved initialer.")
    cpr = forms.CharField(label="CPR-nummer", max_length=11, required=False, help_text="DDMMÅÅ-XXXX. Kan udelades.")
    birth_date = forms.DateField(label="Fødselsdato", required=False, widget=DateInput)
    birth_year = forms.IntegerField(label="Fødselsår", required=False, min_value=1900, max_value=2100, help_text="Hvis fødselsdatoen ikke kendes.")
    gender = forms.ChoiceField(label="Køn", choices=Gender.choices, initial=Gender.UNKNOWN)
    phone = forms.CharField(label="Telefon", max_length=30, required=False)
    email = forms.EmailField(label="E-mail", required=False)
    contact_note = forms.CharField(label="Kontaktoplysninger i øvrigt", max_length=300, required=False, help_text="Fx hvor borgeren plejer at opholde sig.")
    protected = forms.BooleanField(label="Navne- og adressebeskyttelse", required=False)

    def clean(self):
        data = super().clean()
        if not (data.get("first_name") or data.get("last_name") or data.get("initials")):
            self.add_error("first_name", "Angiv navn eller initialer.")
        return data


class PersonCreateForm(PersonForm):
    situation = forms.ChoiceField(label="Nuværende situation", choices=SITUATION_CHOICES)
    situation_start = forms.DateField(label="Situationen begyndte", widget=DateInput, initial=timezone.localdate)
    place = forms.CharField(label="Sted", max_length=200, required=False, help_text="Fx navnet på boformen.")
    confirmed = forms.BooleanField(required=False, widget=forms.HiddenInput)


class SituationForm(forms.Form):
    situation = forms.ChoiceField(label="Situation", choices=SITUATION_CHOICES)
    start_date = forms.DateField(label="Fra dato", widget=DateInput, initial=timezone.localdate)
    place = forms.CharField(label="Sted", max_length=200, required=False)
    note = forms.CharField(label="Note", max_length=500, required=False)


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label="Ny status",
        choices=[c for c in STATUS_CHOICES if c[0] != Status.NEWLY_IDENTIFIED],
    )
    on = forms.DateField(label="Dato", widget=DateInput, initial=timezone.localdate)
    reason = forms.CharField(label="Begrundelse", max_length=500)


class ContactForm(forms.Form):
    contacted_on = forms.DateField(label="Dato", widget=DateInput, initial=timezone.localdate)
    kind = forms.ChoiceField(label="Kontaktform", choices=ContactKind.choices)
    reached = forms.TypedChoiceField(label="Blev borgeren truffet?", choices=[("1", "Ja"), ("0", "Nej")],
                                     coerce=lambda v: v == "1", widget=forms.RadioSelect, initial="1")
    note = forms.CharField(label="Kort note", max_length=500, required=False)


class NeedsListForm(forms.Form):
    registered_on = forms.DateField(label="Optaget på listen", widget=DateInput, initial=timezone.localdate)
    max_rent = forms.IntegerField(label="Husleje borgeren kan betale (kr. pr. måned)", min_value=1, max_value=50000)
    areas = forms.CharField(label="Ønskede områder", max_length=200, required=False)
    min_rooms = forms.IntegerField(label="Mindst antal værelser", min_value=1, max_value=10, required=False)
    sharing = forms.ChoiceField(label="Bo alene eller i fællesskab", choices=Sharing.choices, initial=Sharing.EITHER)
    ordinary_building = forms.BooleanField(label="Bolig i almindeligt byggeri", required=False, initial=True,
                                           help_text="Housing First-princip 4: almindeligt byggeri, medmindre borgeren ønsker andet.")
    special_needs = forms.CharField(label="Særlige sociale behov", required=False, widget=forms.Textarea(attrs={"rows": 3}))
