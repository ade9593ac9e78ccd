from django import forms
from django.utils.translation import gettext_lazy as _

from people.forms import DateInput

from .models import MEASURE_CHOICES, Direction


class GoalForm(forms.Form):
    measure = forms.ChoiceField(label=_("Måltal"), choices=MEASURE_CHOICES)
    direction = forms.ChoiceField(
        label=_("Retning"),
        choices=Direction.choices,
        widget=forms.RadioSelect,
        help_text=_("Højst: tallet skal ned til målet. Mindst: tallet skal op til målet."),
    )
    target = forms.DecimalField(label=_("Mål"), max_digits=9, decimal_places=1, min_value=0)
    deadline = forms.DateField(label=_("Frist"), widget=DateInput)
    owner = forms.CharField(
        label=_("Ansvarlig"), max_length=200, help_text=_("Den leder eller det udvalg, der står for målet.")
    )
    why = forms.CharField(
        label=_("Hvorfor"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Fx udviklingsmålet i kommunens plan, som målet hører til."),
    )
