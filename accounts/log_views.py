from django import forms
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.models import Action
from core.downloads import CSV, file_download
from core.exports import csv_file
from core.pagination import NEWER_PARAM, OLDER_PARAM, keyset_page, parse_cursor

from . import selectors
from .access import with_actor
from .roles import ROLE_LABELS, Capability, Role

# Log rows a page; the page is found by its place in the (time, id) order (keyset), never by counting.
LOG_PAGE_SIZE = 100


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
    older, newer = parse_cursor(request.GET.get(OLDER_PARAM)), parse_cursor(request.GET.get(NEWER_PARAM))
    page = keyset_page(qs, size=LOG_PAGE_SIZE, older_than=older, newer_than=newer)
    query = request.GET.copy()
    for param in ("side", OLDER_PARAM, NEWER_PARAM):
        query.pop(param, None)
    return render(
        request,
        "accounts/log.html",
        {
            "form": form,
            "page": page,
            "first_page": older is None and newer is None,
            "query": query.urlencode(),
            "person_id": filters.get("person_id"),
            "older_param": OLDER_PARAM,
            "newer_param": NEWER_PARAM,
        },
    )


@with_actor(Capability.READ_LOGS)
def person_log_export(request, actor, person_id):
    rows = selectors.person_access_report_export(actor, person_id)
    labels = dict(Action.choices)

    def lines():
        for at, action, purpose, role in rows.iterator():
            role_label = ROLE_LABELS.get(Role(role), role) if role in Role._value2member_map_ else role
            yield [
                timezone.localtime(at).strftime("%d.%m.%Y %H:%M"),
                labels.get(action, action),
                purpose,
                role_label,
            ]

    # Written to a temporary file in the request's transaction, streamed from it (core.downloads).
    file = csv_file(["Tidspunkt", "Handling", "Formål", "Medarbejderens rolle"], lines())
    return file_download(file, content_type=CSV, filename=f"opslag-borger-{person_id}.csv")
