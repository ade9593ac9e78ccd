from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people.forms import DateInput
from people.models import ContactKind
from plans.labels import METHOD as METHOD_LABELS
from plans.methods import SPECIALISED, Method
from tenants.models import Municipality

from .models import END_REASONS_OFFERED, PauseReason

TEXT = {"rows": 3}
SPECIALISED_CHOICES = [(m.value, METHOD_LABELS[m]) for m in Method if m in SPECIALISED]


class EpisodeStartForm(forms.Form):
    method = forms.ChoiceField(label=_("Støttemetode"), choices=[(m.value, METHOD_LABELS[m]) for m in Method])
    worker = forms.ChoiceField(
        label=_("Medarbejder"),
        required=False,
        help_text=_("CTI og ICM: den medarbejder, der giver støtten. ACT: valgfrit, teamet giver støtten."),
    )
    team = forms.ChoiceField(
        label=_("Team"), required=False, help_text=_("Skal vælges for ACT; ellers medarbejderens team.")
    )
    start_date = forms.DateField(label=_("Startdato"), widget=DateInput, initial=timezone.localdate)
    method_reason = forms.CharField(
        label=_("Begrundelse for metoden"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_("Skal udfyldes, når en anden metode end den anbefalede vælges."),
    )
    close_other_waits = forms.ChoiceField(
        label="",
        required=False,
        choices=[
            ("", _("Vælg")),
            ("yes", _("Ja, luk pladsen på ventelisten")),
            ("no", _("Nej, borgeren bliver stående på ventelisten")),
        ],
    )

    def __init__(self, *args, workers, teams, waits_elsewhere=(), **kwargs):
        super().__init__(*args, **kwargs)
        if not waits_elsewhere:  # only asked when the citizen waits for another method
            del self.fields["close_other_waits"]
        else:
            self.fields["close_other_waits"].label = _(
                "Borgeren står på ventelisten til %(methods)s. Skal pladsen lukkes, når forløbet starter med en anden "
                "metode?"
            ) % {"methods": ", ".join(str(METHOD_LABELS[Method(w.method)]) for w in waits_elsewhere)}
        self.fields["worker"].choices = [("", _("Ingen valgt"))] + [
            (
                str(p.user_id),
                f"{p} ({str(METHOD_LABELS[Method(p.method)]).split(' (')[0]}{', § 85' if p.also_section_85 else ''})",
            )
            for p in workers
        ]
        self.fields["team"].choices = [("", _("Ingen valgt"))] + [
            (str(t.pk), f"{t.name} ({t.get_method_display()})") for t in teams
        ]


class PrefixedIds(forms.Form):
    """The episode page shows five forms whose fields share names: each gets its own id prefix so
    labels, hints and error links point at the right field (WCAG 1.3.1, 4.1.1)."""

    id_prefix = "f"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", f"{self.id_prefix}-%s")
        super().__init__(*args, **kwargs)


class ContactForm(PrefixedIds):
    id_prefix = "contact"
    contacted_on = forms.DateField(label=_("Dato"), widget=DateInput, initial=timezone.localdate)
    kind = forms.ChoiceField(
        label=_("Kontaktform"), choices=ContactKind.choices, initial=ContactKind.HOME_VISIT
    )
    reached = forms.ChoiceField(
        label=_("Blev borgeren truffet?"),
        choices=[("1", _("Ja, truffet")), ("0", _("Nej, ikke truffet"))],
        widget=forms.RadioSelect,
        initial="1",
    )
    note = forms.CharField(label=_("Kort note"), max_length=500, required=False)


class PauseForm(PrefixedIds):
    id_prefix = "pause"
    on = forms.DateField(label=_("Pause fra"), widget=DateInput, initial=timezone.localdate)
    # Required is checked by the service, which also says why a hospital or short prison stay is no reason.
    reason = forms.ChoiceField(
        label=_("Årsag"),
        required=False,
        choices=[("", _("Vælg årsag"))] + list(PauseReason.choices),
        help_text=_(
            "Hospitalsophold, kort fængselsophold eller tab af bolig er ikke grund til pause: "
            "støtten fortsætter."
        ),
    )
    note = forms.CharField(
        label=_("Begrundelse"),
        max_length=400,
        required=False,
        help_text=_("Skal udfyldes ved en anden grund."),
    )


class ResumeForm(PrefixedIds):
    id_prefix = "resume"
    on = forms.DateField(label=_("Genoptaget den"), widget=DateInput, initial=timezone.localdate)
    reason = forms.CharField(label=_("Note"), max_length=400, required=False)
    over_limit_acknowledged = forms.BooleanField(
        label=_("Genoptag, selv om medarbejderen har nået sit loft"),
        required=False,
        help_text=_(
            "Kun når medarbejderen er fuld: borgeren beholder sin medarbejder, og lederen ser, at loftet er overskredet."
        ),
    )


class ReassignForm(PrefixedIds):
    id_prefix = "reassign"
    worker = forms.ChoiceField(label=_("Ny medarbejder"))
    on = forms.DateField(label=_("Fra den"), widget=DateInput, initial=timezone.localdate)
    reason = forms.CharField(label=_("Note"), max_length=400, required=False)

    def __init__(self, *args, workers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["worker"].choices = [("", _("Vælg medarbejder"))] + [
            (str(p.user_id), str(p)) for p in workers
        ]


class EndForm(PrefixedIds):
    id_prefix = "end"
    on = forms.DateField(label=_("Afsluttet den"), widget=DateInput, initial=timezone.localdate)
    reason = forms.ChoiceField(
        label=_("Årsag"),
        choices=[("", _("Vælg årsag"))] + [(r.value, r.label) for r in END_REASONS_OFFERED],
        help_text=_(
            "En flytning afslutter ikke støtten. Flytter borgeren til en anden kommune, så overdrag forløbet."
        ),
    )
    note = forms.CharField(label=_("Note"), max_length=400, required=False)
    no_follow_on_acknowledged = forms.BooleanField(
        label=_("Jeg afslutter CTI, selv om opfølgende støtte ikke er begyndt"), required=False
    )


class HandOverForm(PrefixedIds):
    id_prefix = "handover"
    on = forms.DateField(label=_("Overdraget den"), widget=DateInput, initial=timezone.localdate)
    to_municipality = forms.ModelChoiceField(
        label=_("Borgeren flytter til"), queryset=Municipality.objects.none(), empty_label=_("Vælg kommune")
    )
    note = forms.CharField(
        label=_("Til den nye kommune"),
        required=False,
        widget=forms.Textarea(attrs=TEXT),
        help_text=_(
            "Kun det, den nye kommune skal bruge til en god overgang. Resten af sagen følger ikke med."
        ),
    )

    def __init__(self, *args, exclude_pk, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to_municipality"].queryset = Municipality.objects.exclude(pk=exclude_pk).order_by("name")


class TeamForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=100)
    method = forms.ChoiceField(label=_("Metode"), choices=SPECIALISED_CHOICES)
    max_citizens = forms.IntegerField(label=_("Højst antal borgere (kun ACT)"), required=False)

    def __init__(self, *args, act_max: int, **kwargs):
        super().__init__(*args, **kwargs)
        # The bounds are the service's (support.services.team_save); the form only states them.
        self.fields["max_citizens"].help_text = _("Mellem 1 og %(max)s. Tom: %(max)s.") % {"max": act_max}


class WorkerForm(forms.Form):
    method = forms.ChoiceField(
        label=_("Metode"),
        choices=SPECIALISED_CHOICES,
        help_text=_(
            "En medarbejder arbejder kun med én af CTI, ICM og ACT (Socialstyrelsens manual for Housing First, afsnit 4.1)."
        ),
    )
    team = forms.ChoiceField(label=_("Team"), required=False)
    also_section_85 = forms.BooleanField(label=_("Giver også almindelig § 85-støtte"), required=False)
    caseload_limit = forms.IntegerField(
        label=_("Eget loft over antal borgere"),
        required=False,
        min_value=1,
        help_text=_(
            "Kan sættes lavere end metodens loft (CTI 10, ICM 8), fx ved § 85-opgaver "
            "eller flere indflytninger på samme tid. Tom: metodens loft."
        ),
    )

    def __init__(self, *args, teams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["team"].choices = [("", _("Intet team"))] + [
            (str(t.pk), f"{t.name} ({t.get_method_display()})") for t in teams
        ]


class CloseWaitForm(forms.Form):
    reason = forms.CharField(label=_("Hvorfor tages borgeren af ventelisten?"), max_length=200)


class AssignWorkerForm(forms.Form):
    # Radios: the search (support/visitation.py) offers a handful of workers, each read at a glance.
    worker = forms.ChoiceField(label=_("Støttemedarbejder"), widget=forms.RadioSelect)

    def __init__(self, *args, workers, **kwargs):
        super().__init__(*args, **kwargs)
        # Each method's short name translated once, not once per worker (a large municipality has hundreds).
        short = {m.value: str(METHOD_LABELS[m]).split(" (")[0] for m in Method}
        self.fields["worker"].choices = [(str(p.user_id), f"{p} ({short[p.method]})") for p in workers]


class EpisodeFilterForm(forms.Form):
    """The episode list's filters (shown unbound, with the filters in force as initial values: the view
    reads the query string leniently, so a stale or odd link still shows a list)."""

    status = forms.ChoiceField(label=_("Status"), required=False)
    method = forms.ChoiceField(label=_("Metode"), required=False)
    team = forms.ChoiceField(label=_("Team"), required=False)
    worker = forms.ChoiceField(label=_("Medarbejder"), required=False)
    due = forms.BooleanField(label=_("Kun borgere der ikke er truffet i for lang tid"), required=False)

    def __init__(self, *args, statuses, teams, workers, workers_complete=True, **kwargs):
        super().__init__(*args, **kwargs)
        if not workers_complete:
            # A large municipality's workers are chosen within a team (selectors.episode_filter_workers).
            self.fields["worker"].help_text = _(
                "Vælg et team og tryk Vis forløb for at vælge blandt teamets medarbejdere."
            )
        everyone = [("", _("Alle"))]
        self.fields["status"].choices = everyone + list(statuses)
        self.fields["method"].choices = everyone + [(m.value, METHOD_LABELS[m]) for m in Method]
        self.fields["team"].choices = everyone + [(str(t.pk), t.name) for t in teams]
        self.fields["worker"].choices = everyone + [
            (str(u.pk), u.get_full_name() or u.username) for u in workers
        ]
