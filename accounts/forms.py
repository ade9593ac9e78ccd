from allauth.account.forms import ResetPasswordForm
from django import forms
from django.utils.translation import gettext_lazy as _

from .roles import ROLE_LABELS, Role

ROLE_CHOICES = [(r.value, _(ROLE_LABELS[r])) for r in Role]  # labels listed in core.i18n_labels


class UserCreateForm(forms.Form):
    username = forms.CharField(label=_("Brugernavn"), max_length=150)
    first_name = forms.CharField(label=_("Fornavn"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Efternavn"), max_length=150, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    role = forms.ChoiceField(label=_("Rolle"), choices=ROLE_CHOICES)
    password = forms.CharField(
        label=_("Midlertidig adgangskode"),
        widget=forms.PasswordInput,
        help_text=_("Mindst 12 tegn. Brugeren bør skifte den ved første login."),
    )


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Rolle"), choices=ROLE_CHOICES)


class MfaRolesForm(forms.Form):
    roles = forms.MultipleChoiceField(
        label=_("Roller der skal bruge totrinsbekræftelse (TOTP)"),
        choices=ROLE_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class PasswordResetForm(ResetPasswordForm):
    """allauth's reset form, also finding a user whose address was typed with capitals (Leder@Kommune.dk):
    administrators type addresses as they are written, and allauth compares the stored one exactly."""

    def clean_email(self) -> str:
        from .models import User

        email = super().clean_email()
        if not self.users:
            self.users = list(User.objects.filter(email__iexact=email, is_active=True))
        return email
