"""Forms of the plans pages; the fields of hidden health dimensions are left out, not just hidden."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people.forms import DateInput

from .dimensions import HEALTH_DIMENSIONS, Dimension
from .labels import DIMENSION as DIMENSION_LABELS
from .labels import GOAL_STATUS as GOAL_STATUS_LABELS
from .labels import GOAL_TYPE as GOAL_TYPE_LABELS
from .labels import LEVEL as LEVEL_LABELS
from .labels import METHOD as METHOD_LABELS
from .labels import NOT_ASSESSED as NOT_ASSESSED_LABEL
from .labels import SERVICES_USE as SERVICES_USE_LABELS
from .methods import Method
from .models import HEALTH_RECIPIENTS, Recipient

TEXT = {"rows": 3}


def _visible(show_health: bool):
    return [d for d in Dimension if show_health or d not in HEALTH_DIMENSIONS]


class AssessmentForm(forms.Form):
    services_use = forms.ChoiceField(
        label=_("I hvilken grad kan borgeren benytte eksisterende tilbud?"),
        required=False,
        choices=[("", NOT_ASSESSED_LABEL)] + [(k.value, v) for k, v in SERVICES_USE_LABELS.items()],
        help_text=_("Fx sundhedsvæsen, jobcenter og behandling."),
    )
    wants_residential_care = forms.BooleanField(
        label=_("Borgeren ønsker selv et botilbud (§ 107/108)"), required=False
    )
    note = forms.CharField(label=_("Samlet vurdering"), required=False, widget=forms.Textarea(attrs=TEXT))

    def __init__(self, *args, show_health: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.dimensions = []
        for dim in _visible(show_health):
            label = DIMENSION_LABELS[dim]
            names = [f"{dim.value}_own_words", f"{dim.value}_professional_view", f"{dim.value}_level"]
            self.fields[names[0]] = forms.CharField(
                label=_("%(dimension)s: borgerens egne ord") % {"dimension": label},
                required=False,
                widget=forms.Textarea(attrs=TEXT),
            )
            self.fields[names[1]] = forms.CharField(
                label=_("%(dimension)s: den professionelles vurdering") % {"dimension": label},
                required=False,
                widget=forms.Textarea(attrs=TEXT),
            )
            self.fields[names[2]] = forms.ChoiceField(
                label=_("%(dimension)s: VUM-niveau") % {"dimension": label},
                required=False,
                choices=[("", NOT_ASSESSED_LABEL)] + [(str(k.value), v) for k, v in LEVEL_LABELS.items()],
            )
            self.dimensions.append((dim, label, names))

    def dimension_groups(self):
        return [(label, [self[n] for n in names]) for _, label, names in self.dimensions]

    def dimension_data(self) -> dict:
        d = self.cleaned_data
        return {
            dim.value: {"own_words": d[names[0]], "professional_view": d[names[1]], "level": d[names[2]]}
            for dim, _, names in self.dimensions
        }


class DecisionForm(forms.Form):
    decided_method = forms.ChoiceField(
        label=_("Valgt metode"), choices=[(m.value, METHOD_LABELS[m]) for m in Method]
    )
    reason = forms.CharField(
        label=_("Begrundelse"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("Skal udfyldes, hvis en anden metode end den anbefalede vælges."),
    )
    citizen_willing = forms.BooleanField(
        label=_("Borgeren ønsker at modtage støtten"),
        required=False,
        help_text=_(
            "Det er den eneste betingelse. Boligparathed, stoffrihed eller behandling er aldrig betingelser."
        ),
    )


class PlanForm(forms.Form):
    wishes = forms.CharField(
        label=_("Borgerens ønsker, drømme og håb"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Med borgerens egne ord."),
    )
    next_review_on = forms.DateField(label=_("Næste opfølgning"), required=False, widget=DateInput)
    coordinates_treatment = forms.CharField(
        label=_("Behandlingsplan"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("Hvilken behandlingsplan handleplanen koordineres med."),
    )
    coordinates_job = forms.CharField(label=_("Jobplan"), required=False, widget=forms.Textarea(attrs=TEXT))
    coordinates_shelter = forms.CharField(
        label=_("Plan for ophold på boform"), required=False, widget=forms.Textarea(attrs=TEXT)
    )
    coordinates_other = forms.CharField(
        label=_("Andre planer"), required=False, widget=forms.Textarea(attrs=TEXT)
    )

    def __init__(self, *args, show_health: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not show_health:
            del self.fields["coordinates_treatment"]
        self.dimensions = []
        for dim in _visible(show_health):
            label = DIMENSION_LABELS[dim]
            names = [f"{dim.value}_goal", f"{dim.value}_goal_type", f"{dim.value}_who_does_what"]
            self.fields[names[0]] = forms.CharField(
                label=_("%(dimension)s: mål") % {"dimension": label},
                required=False,
                widget=forms.Textarea(attrs=TEXT),
            )
            self.fields[names[1]] = forms.ChoiceField(
                label=_("%(dimension)s: måltype") % {"dimension": label},
                required=False,
                choices=[("", _("Vælg måltype"))] + [(k.value, v) for k, v in GOAL_TYPE_LABELS.items()],
            )
            self.fields[names[2]] = forms.CharField(
                label=_("%(dimension)s: hvem gør hvad") % {"dimension": label},
                required=False,
                widget=forms.Textarea(attrs=TEXT),
            )
            names += [f"{dim.value}_status", f"{dim.value}_status_on"]
            self.fields[names[3]] = forms.ChoiceField(
                label=_("%(dimension)s: status") % {"dimension": label},
                required=False,
                choices=[(k.value, v) for k, v in GOAL_STATUS_LABELS.items()],
                help_text=_("Et nyt mål er i gang."),
            )
            self.fields[names[4]] = forms.DateField(
                label=_("%(dimension)s: status ændret den") % {"dimension": label},
                required=False,
                widget=DateInput,
                help_text=_("Kun når status ændres. Tom: i dag."),
            )
            self.dimensions.append((dim, label, names))

    def dimension_groups(self):
        return [(label, [self[n] for n in names]) for _, label, names in self.dimensions]

    def plan_fields(self):
        return {
            f: self.cleaned_data.get(f)
            for f in (
                "wishes",
                "next_review_on",
                "coordinates_treatment",
                "coordinates_job",
                "coordinates_shelter",
                "coordinates_other",
            )
        }

    def goal_data(self) -> dict:
        d = self.cleaned_data
        return {
            dim.value: {
                "goal": d[n[0]],
                "goal_type": d[n[1]],
                "who_does_what": d[n[2]],
                "status": d[n[3]] or None,
                "status_on": d[n[4]],
            }
            for dim, _, n in self.dimensions
        }


class ConsentForm(forms.Form):
    recipient = forms.ChoiceField(label=_("Modtager"), choices=Recipient.choices)
    recipient_name = forms.CharField(
        label=_("Navn på modtageren"),
        max_length=200,
        required=False,
        help_text=_("Fx hospitalets afdeling eller boligorganisationens navn."),
    )
    scope = forms.CharField(label=_("Hvilke oplysninger må deles"), widget=forms.Textarea(attrs=TEXT))
    given_on = forms.DateField(label=_("Givet den"), widget=DateInput, initial=timezone.localdate)
    valid_until = forms.DateField(
        label=_("Gælder til og med"),
        required=False,
        widget=DateInput,
        help_text=_("Tomt: gælder, indtil borgeren tilbagekalder det."),
    )

    def __init__(self, *args, show_health: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not show_health:  # a consent one could not see afterwards is not offered either
            self.fields["recipient"].choices = [c for c in Recipient.choices if c[0] not in HEALTH_RECIPIENTS]


class RevokeForm(forms.Form):
    revoked_on = forms.DateField(label=_("Tilbagekaldt den"), widget=DateInput, initial=timezone.localdate)


class CompareForm(forms.Form):
    a = forms.TypedChoiceField(label=_("Ældre version"), coerce=int)
    b = forms.TypedChoiceField(label=_("Nyere version"), coerce=int)

    def __init__(self, *args, versions: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(v, _("Version %(n)s") % {"n": v}) for v in versions]
        self.fields["a"].choices = choices
        self.fields["b"].choices = choices
