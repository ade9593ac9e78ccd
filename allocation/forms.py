from django import forms
from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from housing.models import Tenancy, Unit
from people.forms import DateInput

from .models import CandidateProfile, ChecklistState, MeetingDecision


def _today():
    return timezone.localdate()


class VacancyForm(forms.Form):
    # No queryset at import: the tenant managers refuse a query outside a municipality's scope.
    unit = forms.ModelChoiceField(
        label=_("Bolig"), queryset=None, help_text=_("Aktive boliger uden et igangværende lejemål.")
    )
    reported_on = forms.DateField(label=_("Meldt ledig"), widget=DateInput, initial=_today)
    nominate_by = forms.DateField(
        label=_("Frist for anvisning"),
        widget=DateInput,
        help_text=_("Den dato udlejeren senest skal have kommunens indstilling."),
    )
    available_from = forms.DateField(label=_("Ledig fra"), widget=DateInput, required=False)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        occupied = Tenancy.objects.filter(unit_id=OuterRef("pk"), ends_on__isnull=True)
        self.fields["unit"].queryset = (
            Unit.objects.filter(municipality=municipality, active=True)
            .exclude(Exists(occupied))
            .order_by("address")
        )
        self.fields["unit"].label_from_instance = lambda u: _(
            "%(address)s (%(rooms)s vær., %(rent)s kr./md.)"
        ) % {"address": u.address, "rooms": u.rooms, "rent": u.rent + u.utilities}


class StepForm(forms.Form):
    on = forms.DateField(label=_("Dato"), widget=DateInput, initial=_today)


class DeclineForm(forms.Form):
    on = forms.DateField(label=_("Dato for afslag"), widget=DateInput, initial=_today)
    reason = forms.ModelChoiceField(
        label=_("Afslagsgrund"), queryset=None, empty_label=_("Vælg afslagsgrund")
    )
    note = forms.CharField(label=_("Uddybning"), required=False, max_length=500)

    def __init__(self, *args, reasons, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].queryset = reasons


class ChecklistForm(forms.Form):
    deposit_loan = forms.ChoiceField(label=_("Indskudslån"), choices=ChecklistState.choices)
    rent_help = forms.ChoiceField(
        label=_("Hjælp til husleje (boligstøtte m.m.)"), choices=ChecklistState.choices
    )


class ParkForm(forms.Form):
    until = forms.DateField(label=_("Parkeret til og med"), widget=DateInput)
    reason = forms.CharField(
        label=_("Årsag"), max_length=300, help_text=_("Fx indlagt, på ophold eller ikke til at træffe.")
    )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = CandidateProfile
        fields = ["monthly_income", "adults", "children", "pension", "has_pet", "needs_accessible", "urgency"]


class MeetingForm(forms.Form):
    held_on = forms.DateField(label=_("Mødedato"), widget=DateInput, initial=_today)
    title = forms.CharField(label=_("Titel"), max_length=200, initial="Boligudvalgets møde")
    participants = forms.CharField(label=_("Deltagere"), max_length=500, required=False)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Beslutning"), choices=[c for c in MeetingDecision.choices if c[0]])
    chosen_person = forms.ModelChoiceField(
        label=_("Valgt borger (ved anden borger)"), queryset=None, required=False, empty_label=_("Ingen")
    )
    reason = forms.CharField(label=_("Begrundelse"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chosen_person"].queryset = people
        self.fields["chosen_person"].label_from_instance = lambda p: p.display_name


class DeclineReasonForm(forms.Form):
    label = forms.CharField(label=_("Ny afslagsgrund"), max_length=200)
