from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.forms import ModelMultipleIdField

from .models import ActionStatus, Instrument, InvitationMode, UnitKind
from .quarters import Quarter

NOT_ANSWERED = ""


def quarter_label(quarter):
    """'4. kvartal 2026' in the active language (Quarter.label is the Danish form of the pure module)."""
    return gettext("%(number)s. kvartal %(year)s") % {"number": quarter.number, "year": quarter.year}


class UnitForm(forms.Form):
    name = forms.CharField(label=_("Navn"), max_length=150)
    kind = forms.ChoiceField(label=_("Type"), choices=UnitKind.choices)
    whole_municipality = forms.BooleanField(
        label=_("Omfatter alle kommunens borgere (fx afdelingen)"),
        required=False,
        help_text=_("Ellers tæller de borgere, hvis egne medarbejdere er med i enheden."),
    )
    members = ModelMultipleIdField(
        label=_("Medarbejdere"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, municipality, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["members"].queryset = (
            get_user_model()
            .objects.filter(memberships__municipality=municipality)
            .order_by("first_name", "username")
            .distinct()
        )


class StartForm(forms.Form):
    unit = forms.ChoiceField(label=_("Enhed"))
    quarter = forms.ChoiceField(label=_("Kvartal"))

    def __init__(self, *args, units, quarters, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(u.pk, u.name) for u in units]
        self.fields["quarter"].choices = [(str(q), quarter_label(q)) for q in quarters]

    def clean_quarter(self):
        return Quarter.parse(self.cleaned_data["quarter"])


class AssessmentForm(forms.Form):
    """The meeting, then per statement: answer, comment and one new agreed action; then follow-ups."""

    meeting_on = forms.DateField(
        label=_("Mødedato"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    participants = forms.CharField(
        label=_("Deltagere"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Ledere og medarbejdere, der udfyldte skemaet sammen."),
    )
    citizens_involved = forms.BooleanField(
        label=_("Borgernes perspektiver er indhentet før mødet"), required=False
    )
    citizens_involvement = forms.CharField(
        label=_("Hvordan borgerne blev inddraget"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Fx Brief INSPIRE, borgermøde eller samtaler."),
    )

    def __init__(self, *args, statements, scale, follow_ups, **kwargs):
        super().__init__(*args, **kwargs)
        self.statements, self.follow_up_actions = statements, follow_ups
        choices = [(str(o["value"]), o["label"]) for o in scale] + [(NOT_ANSWERED, _("Ikke besvaret"))]
        for s in statements:
            self.fields[f"s{s.id}-value"] = forms.ChoiceField(
                label=f"{s.number}. {s.text}", choices=choices, required=False, widget=forms.RadioSelect
            )
            self.fields[f"s{s.id}-comment"] = forms.CharField(
                label=gettext("Kommentar til udsagn %(n)s") % {"n": s.number},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"s{s.id}-what"] = forms.CharField(
                label=gettext("Aftalt handling ved udsagn %(n)s: hvad") % {"n": s.number}, required=False
            )
            self.fields[f"s{s.id}-who"] = forms.CharField(
                label=gettext("Aftalt handling ved udsagn %(n)s: hvem") % {"n": s.number}, required=False
            )
            self.fields[f"s{s.id}-due"] = forms.DateField(
                label=gettext("Aftalt handling ved udsagn %(n)s: senest") % {"n": s.number},
                required=False,
                widget=forms.DateInput(attrs={"type": "date"}),
            )
        for a in follow_ups:
            self.fields[f"f{a.id}-status"] = forms.ChoiceField(
                label=gettext("Status: %(what)s") % {"what": a.what}, choices=ActionStatus.choices
            )
            self.fields[f"f{a.id}-note"] = forms.CharField(
                label=gettext("Opfølgning: %(what)s") % {"what": a.what},
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def clean(self):
        data = super().clean()
        for s in self.statements:
            trio = [data.get(f"s{s.id}-{k}") for k in ("what", "who", "due")]
            if self.has_error(f"s{s.id}-due"):
                continue  # the date's own message already says what is wrong
            if any(trio) and not all(trio):
                missing = [str(label) for v, label in zip(trio, (_("hvad"), _("hvem"), _("senest"))) if not v]
                self.add_error(
                    f"s{s.id}-{'what' if not trio[0] else 'who' if not trio[1] else 'due'}",
                    gettext("Aftalt handling ved udsagn %(n)s: udfyld også %(fields)s.")
                    % {"n": s.number, "fields": gettext(" og ").join(missing)},
                )
        return data

    def rows(self):
        """Bound fields grouped per statement for the template."""
        return {
            s.id: {k: self[f"s{s.id}-{k}"] for k in ("value", "comment", "what", "who", "due")}
            for s in self.statements
        }

    def payload(self):
        d = self.cleaned_data
        answers = {
            s.id: (
                int(d[f"s{s.id}-value"]) if d.get(f"s{s.id}-value") else None,
                d.get(f"s{s.id}-comment") or "",
            )
            for s in self.statements
        }
        actions = [
            {
                "statement_id": s.id,
                "what": d[f"s{s.id}-what"],
                "who": d[f"s{s.id}-who"],
                "due_on": d[f"s{s.id}-due"],
                "field": f"s{s.id}-what",
            }
            for s in self.statements
            if d.get(f"s{s.id}-what")
        ]
        follow = {a.id: (d[f"f{a.id}-status"], d.get(f"f{a.id}-note") or "") for a in self.follow_up_actions}
        meeting = {
            k: d.get(k) for k in ("meeting_on", "participants", "citizens_involved", "citizens_involvement")
        }
        meeting["participants"] = meeting["participants"] or ""
        meeting["citizens_involvement"] = meeting["citizens_involvement"] or ""
        return meeting, answers, actions, follow


class InvitationForm(forms.Form):
    unit = forms.ChoiceField(label=_("Enhed"))
    instrument = forms.ChoiceField(
        label=_("Spørgeskema"),
        choices=Instrument.choices,
        widget=forms.RadioSelect,
        initial=Instrument.BRIEF_INSPIRE,
    )
    mode = forms.ChoiceField(
        label=_("Hvordan svarer borgeren?"),
        choices=InvitationMode.choices,
        widget=forms.RadioSelect,
        initial=InvitationMode.LINK,
    )

    def __init__(self, *args, units, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].choices = [(u.pk, u.name) for u in units]
