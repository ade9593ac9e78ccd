from django import forms

from .roles import ROLE_LABELS, Role

ROLE_CHOICES = [(r.value, ROLE_LABELS[r]) for r in Role]


class UserCreateForm(forms.Form):
    username = forms.CharField(label="Brugernavn", max_length=150)
    first_name = forms.CharField(label="Fornavn", max_length=150, required=False)
    last_name = forms.CharField(label="Efternavn", max_length=150, required=False)
    email = forms.EmailField(label="E-mail", required=False)
    role = forms.ChoiceField(label="Rolle", choices=ROLE_CHOICES)
    password = forms.CharField(label="Midlertidig adgangskode", widget=forms.PasswordInput,
                               help_text="Mindst 12 tegn. Brugeren bør skifte den ved første login.")


class RoleForm(forms.Form):
    role = forms.ChoiceField(label="Rolle", choices=ROLE_CHOICES)


class MfaRolesForm(forms.Form):
    roles = forms.MultipleChoiceField(label="Roller der skal bruge totrinsbekræftelse (TOTP)", choices=ROLE_CHOICES,
                                      required=False, widget=forms.CheckboxSelectMultiple)
