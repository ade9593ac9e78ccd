from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people.forms import DateInput
from people.models import SITUATION_CHOICES

from .models import Agreement, Landlord, TenancyEndReason, Unit, UnitType


class ServiceValidated:
    """The services check uniqueness and constraints with Danish messages naming the field; the
    model form's own checks would give Django's generic text instead."""

    def validate_unique(self):
        pass


class LandlordForm(ServiceValidated, forms.ModelForm):
    class Meta:
        model = Landlord
        fields = ["name", "kind", "contact_person", "phone", "email", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}


class AgreementForm(ServiceValidated, forms.ModelForm):
    class Meta:
        model = Agreement
        fields = [
            "title",
            "share_percent",
            "homes_per_year",
            "starts_on",
            "ends_on",
            "contact_persons",
            "note",
        ]
        widgets = {"starts_on": DateInput, "ends_on": DateInput, "note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "share_percent": _(
                "Almenboligloven § 59: op til 25 % af de ledige almene familieboliger; mere kun efter aftale."
            ),
            "homes_per_year": _(
                "Udfyld i stedet for (eller ud over) andelen, hvis aftalen lyder på et antal boliger."
            ),
            # xgettext:no-python-format
            "note": _(
                "Aftalegrundlaget; skal udfyldes, hvis andelen er over 25 % hos en almen boligorganisation."
            ),
        }


class UnitTypeForm(ServiceValidated, forms.ModelForm):
    class Meta:
        model = UnitType
        fields = ["name", "code", "ordinary_building", "social_family_home"]
        help_texts = {
            "code": _("Små bogstaver, tal, bindestreg og understregning, fx 'skaev'."),
            "ordinary_building": _(
                "Housing First-princip 4 (Socialstyrelsens manual for Housing First): selvstændig bolig i almindeligt byggeri."
            ),
        }


class UnitForm(ServiceValidated, forms.ModelForm):
    # Declared with no queryset: the tenant managers refuse a query outside a municipality's scope,
    # which a model form would build at import; __init__ gives the municipality's own.
    landlord = forms.ModelChoiceField(label=_("Udlejer"), queryset=None)
    unit_type = forms.ModelChoiceField(label=_("Boligtype"), queryset=None)

    class Meta:
        model = Unit
        fields = [
            "landlord",
            "unit_type",
            "address",
            "postcode",
            "area",
            "rooms",
            "size_m2",
            "rent",
            "utilities",
            "floor",
            "accessible",
            "pets_allowed",
            "shared",
            "active",
            "note",
        ]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"floor": _("0 er stueetage; -1 er kælder."), "rent": _("Husleje uden forbrug.")}

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["landlord"].queryset = Landlord.objects.filter(municipality=municipality)
        self.fields["unit_type"].queryset = UnitType.objects.filter(municipality=municipality)
        self.fields["landlord"].empty_label = _("Vælg udlejer")
        self.fields["unit_type"].empty_label = _("Vælg boligtype")


class UnitFilterForm(forms.Form):
    address = forms.CharField(label=_("Adresse"), required=False, max_length=100)
    max_rent = forms.IntegerField(label=_("Husleje højst (kr./md.)"), required=False, min_value=0)
    rooms = forms.IntegerField(label=_("Mindst antal værelser"), required=False, min_value=1)
    unit_type = forms.ModelChoiceField(
        label=_("Boligtype"), queryset=None, required=False, empty_label=_("Alle")
    )
    landlord = forms.ModelChoiceField(
        label=_("Udlejer"), queryset=None, required=False, empty_label=_("Alle")
    )
    vacant_only = forms.BooleanField(label=_("Kun boliger uden lejer"), required=False)

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit_type"].queryset = UnitType.objects.filter(municipality=municipality)
        self.fields["landlord"].queryset = Landlord.objects.filter(municipality=municipality).order_by("name")


class TenancyStartForm(forms.Form):
    unit = forms.ModelChoiceField(
        label=_("Bolig i kommunens oversigt"),
        queryset=None,
        required=False,
        empty_label=_("Ingen: boligen er ikke i oversigten"),
    )
    address = forms.CharField(label=_("Adresse (bolig uden for oversigten)"), max_length=200, required=False)
    starts_on = forms.DateField(label=_("Indflytning"), widget=DateInput, initial=timezone.localdate)

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units

    def clean(self):
        data = super().clean()
        if not data.get("unit") and not (data.get("address") or "").strip():
            self.add_error("address", _("Vælg en bolig fra oversigten eller skriv adressen."))
        return data


NEXT_SITUATIONS = [("", _("Vælg hvor borgeren bor nu"))] + list(SITUATION_CHOICES)


class TenancyEndForm(forms.Form):
    ends_on = forms.DateField(label=_("Fraflytning"), widget=DateInput, initial=timezone.localdate)
    reason = forms.ChoiceField(
        label=_("Årsag"), choices=[("", _("Vælg årsag"))] + list(TenancyEndReason.choices)
    )
    next_situation = forms.ChoiceField(
        label=_("Hvor bor borgeren nu?"),
        choices=NEXT_SITUATIONS,
        help_text=_(
            "Uden bolig kommer borgeren tilbage på listen som 'vendt tilbage fra bolig'. Støtten fortsætter (princip 5)."
        ),
    )
    place = forms.CharField(label=_("Sted"), max_length=200, required=False)


class EvictionForm(forms.Form):
    flagged_on = forms.DateField(
        label=_("Fogedsagen er registreret"), widget=DateInput, initial=timezone.localdate
    )
    note = forms.CharField(
        label=_("Om fogedsagen"),
        max_length=500,
        required=False,
        help_text=_("Fx restance, datoen for fogedretten eller hvad udlejeren har oplyst."),
    )


class WaitingPlanForm(forms.Form):
    stays_at = forms.CharField(label=_("Hvor borgeren bor i mellemtiden"), max_length=300)
    supported_by = forms.CharField(label=_("Hvem der støtter borgeren i mellemtiden"), max_length=300)
    housing_plan = forms.CharField(
        label=_("Hvordan og hvornår boligen kommer"), widget=forms.Textarea(attrs={"rows": 3})
    )
    recorded_on = forms.DateField(label=_("Dato"), widget=DateInput, initial=timezone.localdate)
