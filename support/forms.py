from django import forms
from django.utils import timezone

from people.forms import DateInput
from people.models import ContactKind
from tenants.models import Municipality

from .methods import LABELS as METHOD_LABELS
from .methods import SPECIALISED, Method
from .models import EndReason

TEXT = {"rows": 3}
SPECIALISED_CHOICES = [(m.value, METHOD_LABELS[m]) for m in Method if m in SPECIALISED]


class EpisodeStartForm(forms.Form):
    method = forms.ChoiceField(label="Støttemetode", choices=[(m.value, METHOD_LABELS[m]) for m in Method])
    worker = forms.ChoiceField(label="Medarbejder", required=False,
                               help_text="CTI og ICM: den medarbejder, der giver støtten. ACT: valgfrit, teamet giver støtten.")
    team = forms.ChoiceField(label="Team", required=False, help_text="Skal vælges for ACT; ellers medarbejderens team.")
    start_date = forms.DateField(label="Startdato", widget=DateInput, initial=timezone.localdate)
    method_reason = forms.CharField(label="Begrundelse for metoden", required=False, widget=forms.Textarea(attrs=TEXT),
                                    help_text="Skal udfyldes, når en anden metode end den anbefalede vælges.")

    def __init__(self, *args, workers, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worker"].choices = [("", "Ingen valgt")] + [
            (str(p.user_id), f"{p} ({METHOD_LABELS[Method(p.method)].split(' (')[0]}{', § 85' if p.also_section_85 else ''})") for p in workers]
        self.fields["team"].choices = [("", "Ingen valgt")] + [(str(t.pk), f"{t.name} ({t.get_method_display()})") for t in teams]


class PrefixedIds(forms.Form):
    """The episode page shows five forms whose fields share names: each gets its own id prefix so
    labels, hints and error links point at the right field (WCAG 1.3.1, 4.1.1)."""

    id_prefix = "f"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}-%s")
        super().__init__(*args, **kwargs)


class ContactForm(PrefixedIds):
    id_prefix = "contact"
    contacted_on = forms.DateField(label="Dato", widget=DateInput, initial=timezone.localdate)
    kind = forms.ChoiceField(label="Kontaktform", choices=ContactKind.choices, initial=ContactKind.HOME_VISIT)
    reached = forms.ChoiceField(label="Blev borgeren truffet?", choices=[("1", "Ja, truffet"), ("0", "Nej, ikke truffet")],
                                widget=forms.RadioSelect, initial="1")
    note = forms.CharField(label="Kort note", max_length=500, required=False)


class PauseForm(PrefixedIds):
    id_prefix = "pause"
    on = forms.DateField(label="Pause fra", widget=DateInput, initial=timezone.localdate)
    reason = forms.CharField(label="Begrundelse", max_length=500,
                             help_text="Fx længere fængselsophold. Hospitalsophold, kort fængselsophold eller tab af bolig "
                                       "er ikke grund til pause: støtten fortsætter.")


class ResumeForm(PrefixedIds):
    id_prefix = "resume"
    on = forms.DateField(label="Genoptaget den", widget=DateInput, initial=timezone.localdate)
    reason = forms.CharField(label="Note", max_length=500, required=False)


class EndForm(PrefixedIds):
    id_prefix = "end"
    on = forms.DateField(label="Afsluttet den", widget=DateInput, initial=timezone.localdate)
    reason = forms.ChoiceField(label="Årsag", choices=[("", "Vælg årsag")] + list(EndReason.choices))
    note = forms.CharField(label="Note", max_length=400, required=False)
    no_follow_on_acknowledged = forms.BooleanField(label="Jeg afslutter CTI, selv om opfølgende støtte ikke er begyndt",
                                                   required=False)


class HandOverForm(PrefixedIds):
    id_prefix = "handover"
    on = forms.DateField(label="Overdraget den", widget=DateInput, initial=timezone.localdate)
    to_municipality = forms.ModelChoiceField(label="Borgeren flytter til", queryset=Municipality.objects.none(),
                                             empty_label="Vælg kommune")
    note = forms.CharField(label="Til den nye kommune", required=False, widget=forms.Textarea(attrs=TEXT),
                           help_text="Kun det, den nye kommune skal bruge til en god overgang. Resten af sagen følger ikke med.")

    def __init__(self, *args, exclude_pk, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_municipality"].queryset = Municipality.objects.exclude(pk=exclude_pk).order_by("name")


class TeamForm(forms.Form):
    name = forms.CharField(label="Navn", max_length=100)
    method = forms.ChoiceField(label="Metode", choices=SPECIALISED_CHOICES)
    max_citizens = forms.IntegerField(label="Højst antal borgere (kun ACT)", required=False, min_value=1,
                                      help_text="Tom: standarden (80, seed 004 kap. 4).")


class WorkerForm(forms.Form):
    method = forms.ChoiceField(label="Metode", choices=SPECIALISED_CHOICES,
                               help_text="En medarbejder arbejder kun med én af CTI, ICM og ACT (seed 004, 4.1).")
    team = forms.ChoiceField(label="Team", required=False)
    also_section_85 = forms.BooleanField(label="Giver også almindelig § 85-støtte", required=False)
    caseload_limit = forms.IntegerField(label="Eget loft over antal borgere", required=False, min_value=1,
                                        help_text="Kan sættes lavere end metodens loft (CTI 10, ICM 8), fx ved § 85-opgaver "
                                                  "eller flere indflytninger på samme tid. Tom: metodens loft.")

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [("", "Intet team")] + [(str(t.pk), f"{t.name} ({t.get_method_display()})") for t in teams]


class CloseWaitForm(forms.Form):
    reason = forms.CharField(label="Hvorfor tages borgeren af ventelisten?", max_length=200)
