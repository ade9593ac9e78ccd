from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people.forms import DateInput

from .models import DocumentKind, NoteKind

HEALTH_HELP = _(
    "Så kan kun borgerens egne medarbejdere og deres leder læse teksten. Andre kan se, at noten findes, "
    "hvornår den er skrevet og af hvem."
)


class DocumentForm(forms.Form):
    file = forms.FileField(
        label=_("Fil"),
        help_text=_("PDF, JPG eller PNG, højst 10 MB. Fx en scannet kontrakt eller et foto af et papir."),
        error_messages={
            "required": _("Vælg en fil."),
            "empty": _("Filen er tom. Vælg filen igen."),
            "invalid": _("Filen kunne ikke modtages. Prøv igen."),
        },
    )
    kind = forms.ChoiceField(label=_("Type"), choices=DocumentKind.choices)
    title = forms.CharField(label=_("Titel"), max_length=200, help_text=_("Fx ”Lejekontrakt Storgade 4”."))
    expires_on = forms.DateField(
        label=_("Udløber"),
        required=False,
        widget=DateInput,
        help_text=_("Fx når samtykket eller legitimationen udløber. Tomt: udløber ikke."),
    )


class DeleteForm(forms.Form):
    reason = forms.CharField(
        label=_("Hvorfor slettes dokumentet?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Fx forkert fil eller forkert borger. Årsagen gemmes i loggen."),
    )


class NoteForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=NoteKind.choices)
    written_on = forms.DateField(label=_("Dato"), widget=DateInput, initial=timezone.localdate)
    episode = forms.TypedChoiceField(
        label=_("Støtteforløb"),
        coerce=int,
        required=False,
        empty_value=None,
        help_text=_("Vælg et forløb, hvis noten hører til det."),
    )
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 16}))
    health = forms.BooleanField(
        label=_("Noten indeholder helbredsoplysninger"), required=False, help_text=HEALTH_HELP
    )

    def __init__(self, *args, episodes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["episode"].choices = [("", _("Intet forløb: noten gælder borgeren"))] + [
            (e.pk, f"{e.get_method_display()}, {e.start_date:%d.%m.%Y}") for e in episodes
        ]
        if not episodes:
            del self.fields["episode"]


class CorrectForm(forms.Form):
    written_on = forms.DateField(label=_("Dato"), widget=DateInput)
    text = forms.CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 16}))
    health = forms.BooleanField(
        label=_("Noten indeholder helbredsoplysninger"), required=False, help_text=HEALTH_HELP
    )
    reason = forms.CharField(
        label=_("Hvad rettes, og hvorfor?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Den tidligere version gemmes og kan ses i notens historik."),
    )
