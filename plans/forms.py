"""Forms of the plans pages; the fields of hidden health dimensions are left out, not just hidden."""
from django import forms
from django.utils import timezone

from people.forms import DateInput
from support.methods import LABELS as METHOD_LABELS
from support.methods import Method

from .dimensions import DIMENSION_LABELS, GOAL_TYPE_LABELS, HEALTH_DIMENSIONS, LEVEL_LABELS, NOT_ASSESSED_LABEL, \
    SERVICES_USE_LABELS, Dimension
from .models import Recipient

TEXT = {"rows": 3}


def _visible(show_health: bool):
    return [d for d in Dimension if show_health or d not in HEALTH_DIMENSIONS]


class AssessmentForm(forms.Form):
    services_use = forms.ChoiceField(
        label="I hvilken grad kan borgeren benytte eksisterende tilbud?", required=False,
        choices=[("", NOT_ASSESSED_LABEL)] + [(k.value, v) for k, v in SERVICES_USE_LABELS.items()],
        help_text="Fx sundhedsvæsen, jobcenter og behandling.")
    wants_residential_care = forms.BooleanField(label="Borgeren ønsker selv et botilbud (§ 107/108)", required=False)
    note = forms.CharField(label="Samlet vurdering", required=False, widget=forms.Textarea(attrs=TEXT))

    def __init__(self, *args, show_health: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.dimensions = []
        for dim in _visible(show_health):
            label = DIMENSION_LABELS[dim]
            names = [f"{dim.value}_own_words", f"{dim.value}_professional_view", f"{dim.value}_level"]
            self.fields[names[0]] = forms.CharField(label=f"{label}: borgerens egne ord", required=False,
                                                    widget=forms.Textarea(attrs=TEXT))
            self.fields[names[1]] = forms.CharField(label=f"{label}: den professionelles vurdering", required=False,
                                                    widget=forms.Textarea(attrs=TEXT))
            self.fields[names[2]] = forms.ChoiceField(
                label=f"{label}: VUM-niveau", required=False,
                choices=[("", NOT_ASSESSED_LABEL)] + [(str(k.value), v) for k, v in LEVEL_LABELS.items()])
            self.dimensions.append((dim, label, names))

    def dimension_groups(self):
        return [(label, [self[n] for n in names]) for _, label, names in self.dimensions]

    def dimension_data(self) -> dict:
        d = self.cleaned_data
        return {dim.value: {"own_words": d[names[0]], "professional_view": d[names[1]], "level": d[names[2]]}
                for dim, _, names in self.dimensions}


class DecisionForm(forms.Form):
    decided_method = forms.ChoiceField(label="Valgt metode", choices=[(m.value, METHOD_LABELS[m]) for m in Method])
    reason = forms.CharField(label="Begrundelse", required=False, widget=forms.Textarea(attrs=TEXT),
                             help_text="Skal udfyldes, hvis en anden metode end den anbefalede vælges.")
    citizen_willing = forms.BooleanField(
        label="Borgeren ønsker at modtage støtten", required=False,
        help_text="Det er den eneste betingelse. Boligparathed, stoffrihed eller behandling er aldrig betingelser.")


class PlanForm(forms.Form):
    wishes = forms.CharField(label="Borgerens ønsker, drømme og håb", required=False, widget=forms.Textarea(attrs={"rows": 4}),
                             help_text="Med borgerens egne ord.")
    next_review_on = forms.DateField(label="Næste opfølgning", required=False, widget=DateInput)
    coordinates_treatment = forms.CharField(label="Behandlingsplan", required=False, widget=forms.Textarea(attrs=TEXT),
                                            help_text="Hvilken behandlingsplan handleplanen koordineres med.")
    coordinates_job = forms.CharField(label="Jobplan", required=False, widget=forms.Textarea(attrs=TEXT))
    coordinates_shelter = forms.CharField(label="Plan for ophold på boform", required=False, widget=forms.Textarea(attrs=TEXT))
    coordinates_other = forms.CharField(label="Andre planer", required=False, widget=forms.Textarea(attrs=TEXT))

    def __init__(self, *args, show_health: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not show_health:
            del self.fields["coordinates_treatment"]
        self.dimensions = []
        for dim in _visible(show_health):
            label = DIMENSION_LABELS[dim]
            names = [f"{dim.value}_goal", f"{dim.value}_goal_type", f"{dim.value}_who_does_what"]
            self.fields[names[0]] = forms.CharField(label=f"{label}: mål", required=False, widget=forms.Textarea(attrs=TEXT))
            self.fields[names[1]] = forms.ChoiceField(
                label=f"{label}: måltype", required=False,
                choices=[("", "Vælg måltype")] + [(k.value, v) for k, v in GOAL_TYPE_LABELS.items()])
            self.fields[names[2]] = forms.CharField(label=f"{label}: hvem gør hvad", required=False,
                                                    widget=forms.Textarea(attrs=TEXT))
            self.dimensions.append((dim, label, names))

    def dimension_groups(self):
        return [(label, [self[n] for n in names]) for _, label, names in self.dimensions]

    def plan_fields(self):
        return {f: self.cleaned_data.get(f) for f in ("wishes", "next_review_on", "coordinates_treatment",
                                                      "coordinates_job", "coordinates_shelter", "coordinates_other")}

    def goal_data(self) -> dict:
        d = self.cleaned_data
        return {dim.value: {"goal": d[n[0]], "goal_type": d[n[1]], "who_does_what": d[n[2]]} for dim, _, n in self.dimensions}


class ConsentForm(forms.Form):
    recipient = forms.ChoiceField(label="Modtager", choices=Recipient.choices)
    recipient_name = forms.CharField(label="Navn på modtageren", max_length=200, required=False,
                                     help_text="Fx hospitalets afdeling eller boligorganisationens navn.")
    scope = forms.CharField(label="Hvilke oplysninger må deles", widget=forms.Textarea(attrs=TEXT))
    given_on = forms.DateField(label="Givet den", widget=DateInput, initial=timezone.localdate)
    valid_until = forms.DateField(label="Gælder til og med", required=False, widget=DateInput,
                                  help_text="Tomt: gælder, indtil borgeren tilbagekalder det.")

    def __init__(self, *args, show_health: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not show_health:  # a consent one could not see afterwards is not offered either
            from .models import HEALTH_RECIPIENTS

            self.fields["recipient"].choices = [c for c in Recipient.choices if c[0] not in HEALTH_RECIPIENTS]


class RevokeForm(forms.Form):
    revoked_on = forms.DateField(label="Tilbagekaldt den", widget=DateInput, initial=timezone.localdate)


class CompareForm(forms.Form):
    a = forms.TypedChoiceField(label="Ældre version", coerce=int)
    b = forms.TypedChoiceField(label="Nyere version", coerce=int)

    def __init__(self, *args, versions: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(v, f"Version {v}") for v in versions]
        self.fields["a"].choices = choices
        self.fields["b"].choices = choices
