from django import forms
from django.db.models import Exists, OuterRef
from django.utils import timezone

from housing.models import Tenancy, Unit
from people.forms import DateInput

from .models import CandidateProfile, ChecklistState, MeetingDecision


def _today():
    return timezone.localdate()


class VacancyForm(forms.Form):
    # No queryset at import: the tenant managers refuse a query outside a municipality's scope.
    unit = forms.ModelChoiceField(label="Bolig", queryset=None, help_text="Aktive boliger uden et igangværende lejemål.")
    reported_on = forms.DateField(label="Meldt ledig", widget=DateInput, initial=_today)
    nominate_by = forms.DateField(label="Frist for anvisning", widget=DateInput,
                                  help_text="Den dato udlejeren senest skal have kommunens indstilling.")
    available_from = forms.DateField(label="Ledig fra", widget=DateInput, required=False)
    note = forms.CharField(label="Note", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        occupied = Tenancy.objects.filter(unit_id=OuterRef("pk"), ends_on__isnull=True)
        self.fields["unit"].queryset = (Unit.objects.filter(municipality=municipality, active=True)
                                        .exclude(Exists(occupied)).order_by("address"))
        self.fields["unit"].label_from_instance = lambda u: f"{u.address} ({u.rooms} vær., {u.rent + u.utilities} kr./md.)"


class StepForm(forms.Form):
    on = forms.DateField(label="Dato", widget=DateInput, initial=_today)


class DeclineForm(forms.Form):
    on = forms.DateField(label="Dato for afslag", widget=DateInput, initial=_today)
    reason = forms.ModelChoiceField(label="Afslagsgrund", queryset=None, empty_label="Vælg afslagsgrund")
    note = forms.CharField(label="Uddybning", required=False, max_length=500)

    def __init__(self, *args, reasons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].queryset = reasons


class ChecklistForm(forms.Form):
    deposit_loan = forms.ChoiceField(label="Indskudslån", choices=ChecklistState.choices)
    rent_help = forms.ChoiceField(label="Hjælp til husleje (boligstøtte m.m.)", choices=ChecklistState.choices)


class ParkForm(forms.Form):
    until = forms.DateField(label="Parkeret til og med", widget=DateInput)
    reason = forms.CharField(label="Årsag", max_length=300, help_text="Fx indlagt, på ophold eller ikke til at træffe.")


class ProfileForm(forms.ModelForm):
    class Meta:
        model = CandidateProfile
        fields = ["monthly_income", "has_pet", "needs_accessible", "urgency"]


class MeetingForm(forms.Form):
    held_on = forms.DateField(label="Mødedato", widget=DateInput, initial=_today)
    title = forms.CharField(label="Titel", max_length=200, initial="Boligudvalgets møde")
    participants = forms.CharField(label="Deltagere", max_length=500, required=False)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label="Beslutning", choices=[c for c in MeetingDecision.choices if c[0]])
    chosen_person = forms.ModelChoiceField(label="Valgt borger (ved anden borger)", queryset=None, required=False,
                                           empty_label="Ingen")
    reason = forms.CharField(label="Begrundelse", widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chosen_person"].queryset = people
        self.fields["chosen_person"].label_from_instance = lambda p: p.display_name


class DeclineReasonForm(forms.Form):
    label = forms.CharField(label="Ny afslagsgrund", max_length=200)
