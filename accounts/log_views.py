from urllib.parse import urlencode

from django import forms
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from audit.models import Action
from core.downloads import CSV, file_download
from core.exports import csv_file
from core.pagination import NEWER_PARAM, OLDER_PARAM, keyset_page, parse_cursor
from core.pdf import pdf_response, render_pdf

from . import selectors
from .access import with_actor
from .roles import ROLE_LABELS, Capability, Role

# Log rows a page; the page is found by its place in the (time, id) order (keyset), never by counting.
LOG_PAGE_SIZE = 100


class LogFilterForm(forms.Form):
    action = forms.ChoiceField(
        label=_("Handling"), choices=[("", _("Alle"))] + list(Action.choices), required=False
    )
    person_id = forms.IntegerField(
        label=_("Borger-id"),
        required=False,
        min_value=1,
        help_text=_("Også for en borger, der er slettet: loggen gemmer id'et."),
    )
    user_query = forms.CharField(label=_("Bruger"), required=False)
    date_from = forms.DateField(
        label=_("Fra dato"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("Til dato"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class CitizenSearchForm(forms.Form):
    citizen = forms.CharField(
        label=_("Find borger"),
        max_length=200,
        help_text=_("Navn, fødselsdato eller CPR-nummer."),
    )


class ReportPeriodForm(forms.Form):
    date_from = LogFilterForm.base_fields["date_from"]
    date_to = LogFilterForm.base_fields["date_to"]


@with_actor(Capability.READ_LOGS)
def log_list(request, actor):
    # The citizen search is posted, never put in the address: a CPR number searched for is in no URL,
    # browser history or server log. One citizen found: the log filtered on them (by id in the address).
    search_form, found = CitizenSearchForm(), None
    if request.method == "POST":
        search_form = CitizenSearchForm(request.POST)
        if search_form.is_valid():
            found = selectors.find_citizens(actor, search_form.cleaned_data["citizen"])
            if len(found) == 1:
                return redirect(f"{reverse('audit:log')}?{urlencode({'person_id': found[0].id})}")
            if not found:
                search_form.add_error("citizen", gettext("Ingen borgere fundet. Prøv med CPR-nummeret."))
    form = LogFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    wanted = {k: v for k, v in filters.items() if v}
    if found:
        wanted["person_ids"] = [c.id for c in found]
    qs = selectors.log_entries(actor, **wanted)
    older, newer = parse_cursor(request.GET.get(OLDER_PARAM)), parse_cursor(request.GET.get(NEWER_PARAM))
    page = keyset_page(qs, size=LOG_PAGE_SIZE, older_than=older, newer_than=newer)
    query = request.GET.copy()
    for param in ("side", OLDER_PARAM, NEWER_PARAM):
        query.pop(param, None)
    person_id = filters.get("person_id")
    citizen = selectors.citizen_named(actor, person_id) if person_id and not found else None
    report_query = urlencode({k: filters[k].isoformat() for k in ("date_from", "date_to") if filters.get(k)})
    return render(
        request,
        "accounts/log.html",
        {
            "form": form,
            "search_form": search_form,
            "found": found or [],
            "citizen": citizen,
            "page": page,
            "rows": selectors.readable(page.object_list, actor.municipality),
            "first_page": older is None and newer is None,
            "query": query.urlencode(),
            "person_id": person_id,
            "report_query": report_query,
            "older_param": OLDER_PARAM,
            "newer_param": NEWER_PARAM,
        },
    )


@with_actor(Capability.READ_LOGS)
def person_report_pdf(request, actor, person_id):
    """The citizen's access report (GDPR art. 15) for a chosen period, as PDF; downloading it is logged."""
    period = ReportPeriodForm(request.GET)
    if not period.is_valid():
        raise Http404(gettext("Perioden er ikke en gyldig dato."))
    date_from, date_to = period.cleaned_data["date_from"], period.cleaned_data["date_to"]
    report = selectors.person_access_report_pdf(actor, person_id, date_from=date_from, date_to=date_to)
    content = render_pdf(
        "accounts/access_report_pdf.html",
        report | {"municipality": actor.municipality, "printed": timezone.localtime()},
        request=request,
    )
    response = pdf_response(content, filename=f"indsigt-borger-{person_id}.pdf")
    response["Cache-Control"] = "no-store"  # personal data: never kept by a browser or proxy
    return response


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
