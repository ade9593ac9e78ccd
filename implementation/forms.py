from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import ModelMultipleIdField
from people.forms import DateInput

from .models import ActorKind, NetworkKind, Status
from .principles import principles


class FocusAreaForm(forms.Form):
    number = forms.IntegerField(label=_("Nummer"), min_value=1, max_value=99)
    title = forms.CharField(label=_("Titel"), max_length=200)
    source = forms.CharField(
        label=_("Kilde i kommunens plan"),
        max_length=200,
        required=False,
        help_text=_("Fx »Udviklingsmål 1« eller »Indsats 3«."),
    )
    description = forms.CharField(
        label=_("Beskrivelse"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )


class InitiativeForm(forms.Form):
    focus_area = forms.ModelChoiceField(label=_("Fokusområde"), queryset=None)
    title = forms.CharField(label=_("Titel"), max_length=200)
    description = forms.CharField(
        label=_("Beskrivelse"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    owner = forms.CharField(
        label=_("Ansvarlig"),
        max_length=200,
        help_text=_("Den leder, enhed eller det netværk, der står for det."),
    )
    start = forms.DateField(label=_("Start"), required=False, widget=DateInput)
    deadline = forms.DateField(label=_("Frist"), required=False, widget=DateInput)
    notes = forms.CharField(label=_("Noter"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    principles = forms.TypedMultipleChoiceField(
        label=_("Housing First-principper, initiativet understøtter"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    goals = ModelMultipleIdField(
        label=_("Ledelsens mål, initiativet bidrager til"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, focus_areas, goals, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["focus_area"].queryset = focus_areas
        self.fields["goals"].queryset = goals
        self.fields["goals"].label_from_instance = (
            lambda g: f"{g.get_measure_display()}: {g.get_direction_display()} {g.target:g} ({g.deadline:%d.%m.%Y})"
        )
        self.fields["principles"].choices = [(n, f"{n}. {t}") for n, t in principles()]


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Ny status"), choices=Status.choices)
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Hvad er sket, og hvad er næste skridt? Skal udfyldes ved forsinket og opgivet."),
    )


class NetworkForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=NetworkKind.choices)
    name = forms.CharField(label=_("Navn"), max_length=200)
    purpose = forms.CharField(label=_("Formål"), required=False, widget=forms.Textarea(attrs={"rows": 4}))


class MemberForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=200)
    organisation = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    role = forms.CharField(
        label=_("Rolle i netværket"), max_length=200, required=False, help_text=_("Fx tovholder.")
    )
    user = forms.ModelChoiceField(
        label=_("Bruger i platformen"),
        queryset=None,
        required=False,
        help_text=_("Kun hvis medlemmet har en bruger."),
    )

    def __init__(self, *args, users, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = users
        self.fields["user"].label_from_instance = lambda u: u.get_full_name() or u.get_username()


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("Dato"), widget=DateInput)
    agenda = forms.CharField(label=_("Dagsorden"), required=False, widget=forms.Textarea(attrs={"rows": 4}))
    minutes = forms.CharField(
        label=_("Referat og beslutninger"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )


class MapActorForm(forms.Form):
    kind = forms.ChoiceField(label=_("Slags aktør"), choices=ActorKind.choices)
    name = forms.CharField(label=_("Navn"), max_length=200)
    does = forms.CharField(label=_("Hvad de gør"), required=False, widget=forms.Textarea(attrs={"rows": 3}))
    when = forms.CharField(
        label=_("Hvornår man går til dem"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    phone = forms.CharField(label=_("Telefon"), max_length=40, required=False)
    email = forms.CharField(label=_("E-mail"), max_length=254, required=False)
    address = forms.CharField(label=_("Adresse"), max_length=300, required=False)
    hours = forms.CharField(label=_("Åbningstider"), max_length=200, required=False)
    contact_person = forms.CharField(
        label=_("Kontaktperson"), max_length=200, required=False, help_text=_("En medarbejder hos aktøren.")
    )
