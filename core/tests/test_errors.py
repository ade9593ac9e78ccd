"""One base error for what users are told, and one way to put it on a form (issue 10 item 1)."""

from django import forms

from accounts.services import AccountError
from core.errors import DomainError
from core.forms import apply_error
from fidelity.services import FidelityError
from people.services import PersonDataError
from plans.services import PlanDataError
from support.services import SupportDataError


class _Form(forms.Form):
    name = forms.CharField(required=False)


def test_every_domain_error_is_a_domain_error_with_field_and_message():
    for cls in (PersonDataError, SupportDataError, PlanDataError, AccountError, FidelityError):
        exc = cls("name", "Angiv et navn.")
        assert isinstance(exc, DomainError) and isinstance(exc, ValueError)
        assert (exc.field, exc.message, str(exc)) == ("name", "Angiv et navn.", "Angiv et navn.")
    assert FidelityError(None, "Linket er brugt.", code="used").code == "used"


def test_a_refusal_lands_on_its_field_or_on_the_whole_form():
    form = _Form(data={})
    assert form.is_valid()
    apply_error(form, PersonDataError("name", "Angiv et navn."))
    apply_error(form, SupportDataError("no_such_field", "Medarbejderen har nået sit loft."))
    assert form.errors["name"] == ["Angiv et navn."]
    assert form.non_field_errors() == ["Medarbejderen har nået sit loft."]
