from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Kind, Unit


class PriceForm(forms.Form):
    kind = forms.ChoiceField(label=_("Pris"), choices=Kind.choices)
    year = forms.IntegerField(label=_("År"), min_value=2000, max_value=2100)
    amount = forms.DecimalField(
        label=_("Beløb"),
        max_digits=12,
        decimal_places=2,
        min_value=0,
        localize=True,
        help_text=_("I kr. (eller procent eller døgn for refusionen), fx 1507 eller 1507,50."),
    )
    unit = forms.ChoiceField(
        label=_("Enhed"),
        choices=Unit.choices,
        help_text=_("CTI, ICM og ACT kan angives pr. borger eller pr. medarbejder pr. år."),
    )
    source = forms.CharField(
        label=_("Kilde"),
        max_length=300,
        help_text=_("Hvor prisen kommer fra, fx kommunens budget 2025 eller takstaftalen."),
    )
    note = forms.CharField(label=_("Note"), max_length=500, required=False)
