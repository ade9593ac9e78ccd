import csv

from django import forms
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.models import Action
from core.exports import safe_row

from . import selectors
from .access import with_actor
from .roles import ROLE_LABELS, Capability, Role


class LogFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Handling"), choices=[("", _("Alle"))] + list(Action.choices), required=False
    )
    person_id = forms.IntegerField(label=_("Borger-id"), required=False, min_value=1)
    user_query = forms.CharField(label=_("Bruger"), required=False)
    date_from = forms.DateField(
        label=_("Fra dato"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Til dato"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


@with_actor(Capability.READ_LOGS)
def log_list(request, actor):
    form = LogFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    qs = selectors.log_entries(actor, **{k: v for k, v in filters.items() if v})
    page = Paginator(qs, 100).get_page(request.GET.get("side"))
    query = request.GET.copy()
    query.pop("side", None)
    return render(
        request,
        "accounts/log.html",
        {"form": form, "page": page, "query": query.urlencode(), "person_id": filters.get("person_id")},
    )


@with_actor(Capability.READ_LOGS)
def person_log_export(request, actor, person_id):
    rows = selectors.person_access_report_export(actor, person_id)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="opslag-borger-{person_id}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(["Tidspunkt", "Handling", "Formål", "Medarbejderens rolle"])
    labels = dict(Action.choices)
    for at, action, purpose, role in rows:
        role_label = ROLE_LABELS.get(Role(role), role) if role in Role._value2member_map_ else role
        writer.writerow(
            safe_row(
                [
                    timezone.localtime(at).strftime("%d.%m.%Y %H:%M"),
                    labels.get(action, action),
                    purpose,
                    role_label,
                ]
            )
        )
    return response
