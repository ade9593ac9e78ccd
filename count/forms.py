"""The count's person form as a Django form, built from the week's version of the field list. The form only
collects the answers; the service checks them against the field list (count/questionnaire.py), so the
messages are the count's own."""

from django import forms
from django.utils.translation import gettext as _

from . import questionnaire as q


class MultiChoiceField(forms.Field):
    """Several options ticked: the list as sent (the service checks the codes)."""

    widget = forms.CheckboxSelectMultiple

    def to_python(self, value):
        return list(value or [])


def answer_form(questions: q.Questionnaire, *, prefilled: dict, data=None, initial=None) -> forms.Form:
    form = forms.Form(data=data, initial=initial)
    for f in questions.fields:
        label = f.question + (" " + _("(udfyldt fra platformen)") if f.code in prefilled else "")
        if f.kind == "multi":
            field = MultiChoiceField(
                label=label, required=False, widget=forms.CheckboxSelectMultiple(choices=f.options)
            )
        elif f.kind == "choice":
            field = forms.CharField(label=label, required=False, widget=forms.RadioSelect(choices=f.options))
        elif f.kind == "integer":
            field = forms.CharField(label=label, required=False, widget=forms.NumberInput())
        else:
            field = forms.CharField(label=label, required=False, max_length=None)
        field.count_source = f.source
        form.fields[f.code] = field
    return form
