"""Form fields shared by the apps."""

from django import forms

from .errors import DomainError
from .params import parse_id


def apply_error(form: forms.Form, exc: DomainError) -> None:
    """A service's refusal on the form: on its field when the form has it, else on the whole form."""
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


class ModelMultipleIdField(forms.ModelMultipleChoiceField):
    """A multiple choice of objects by id that refuses a malformed or overlarge id with the field's own
    error: Django's field sends 99999999999999999999 to the database, where SQLite overflows (a 500)."""

    def _check_values(self, value):
        for pk in value:
            if self.to_field_name is None and parse_id(pk) is None:
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)
