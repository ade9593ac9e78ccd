"""Thin views: parse input, call a selector or service, render."""

import json

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.access import with_actor
from accounts.roles import Capability, Role, has_capability
from core.downloads import file_download
from core.forms import apply_error

from . import cpr as cpr_rules
from . import crypto, exports, merge, search, selectors, services
from .durations import Period, days_at_shelter, days_homeless
from .forms import (
    ContactForm,
    ListFilterForm,
    NeedsListForm,
    PersonCreateForm,
    PersonForm,
    SituationForm,
    StatusForm,
)
from .models import ContactKind, ListExport
from .quality import Check
from .services import PersonDataError
from .situations import LABELS as SITUATION_LABELS
from .tabs import tabs_for

PERSON_PURPOSE = "Sagsbehandling: borgerens side"
CONTACT_PURPOSE = "Registrering af kontakt"


def _tokenised(q: str) -> str:
    """The search with every CPR number in it replaced by its search token (people/crypto.py)."""
    return " ".join(
        crypto.search_token(search.cpr_digits(t)) if search.is_cpr(t) else t for t in search.split_terms(q)
    )


def _shown_query(q: str) -> str:
    """The search as the search box shows it: a CPR token as the masked number (birth date only), so the
    box reads like what was typed without the full number being put back into the page."""
    shown = []
    for term in search.split_terms(q or ""):
        digits = crypto.digits_from_search_token(term)
        shown.append(cpr_rules.mask(digits) if digits else term)
    return " ".join(shown)


def _list_url(cleaned: dict) -> str:
    params = {k: v for k, v in cleaned.items() if v not in (None, "")}
    if params.get("q"):
        params["q"] = _tokenised(params["q"])
    return reverse("people:list") + (f"?{urlencode(params)}" if params else "")


def _filters_key(form) -> str:
    """The filter form's markup is kept by its chosen values when it holds no search text (a name or CPR
    number typed is never kept) and no error to show; "" means render it afresh."""
    if not form.is_bound:
        return "-"
    if not form.is_valid() or form.cleaned_data.get("q"):
        return ""
    return urlencode(sorted(form.cleaned_data.items()))


@with_actor(Capability.VIEW_PEOPLE)
def person_list(request, actor):
    # The filter form is posted and answered with a redirect to the list's address, where a CPR number
    # searched for is a token: the number is in no URL, browser history or server log (issue 9 item 16).
    if request.method == "POST":
        data = request.POST.copy()
        # The box showed a CPR token masked; posted unchanged, the search keeps its token.
        if data.get("q_tokens") and data.get("q", "").strip() == _shown_query(data["q_tokens"]):
            data["q"] = data["q_tokens"]
        form = ListFilterForm(data)
        if form.is_valid():
            return redirect(_list_url(form.cleaned_data))
    else:
        form = ListFilterForm(request.GET or None)
        if form.is_valid() and any(search.is_cpr(t) for t in search.split_terms(form.cleaned_data["q"])):
            return redirect(_list_url(form.cleaned_data))  # an address typed with a CPR number in it
    filters = form.cleaned_data if form.is_valid() else {}
    today = timezone.localdate()
    page = selectors.by_name_page(actor, filters=filters, today=today, page=request.GET.get("side"))
    rows = selectors.list_rows(page.object_list, today=today)
    if filters.get("kvalitet") == Check.DUPLICATES and has_capability(actor.role, Capability.MERGE_PEOPLE):
        # The quality check's possible duplicates link to the merge preview of each pair (people/merge.py).
        partners = selectors.duplicate_partners(actor, page.object_list)
        for row, person in zip(rows, page.object_list, strict=True):
            row["merge_urls"] = [
                reverse("people:merge_preview", args=[person.pk, o]) for o in partners[person.pk]
            ]
    query = request.GET.copy()
    query.pop("side", None)
    q_tokens = ""
    if filters.get("q") and crypto.SEARCH_TOKEN_PREFIX in filters["q"]:
        q_tokens = filters["q"]
        shown = request.GET.copy()
        shown["q"] = _shown_query(q_tokens)
        form = ListFilterForm(shown)
        form.is_valid()
    context = {
        "form": form,
        "filters_key": _filters_key(form),
        "q_tokens": q_tokens,
        "page": page,
        "rows": rows,
        "today": today,
        "query": query.urlencode(),
        "may_export": has_capability(actor.role, Capability.EXPORT_PEOPLE),
        "may_edit": has_capability(actor.role, Capability.EDIT_PEOPLE),
    }
    template = "people/_list_table.html" if request.htmx else "people/list.html"
    return render(request, template, context)


@with_actor(Capability.VIEW_PEOPLE)
def needs_list(request, actor):
    page = selectors.needs_list_page(actor, page=request.GET.get("side"))
    rows = []
    for person in page.object_list:
        entry = next((e for e in person.needs_entries.all() if e.removed_on is None), None)
        rows.append((person, entry))
    return render(
        request, "people/needs_list.html", {"page": page, "rows": rows, "today": timezone.localdate()}
    )


@with_actor(Capability.VIEW_PEOPLE)
def person_detail(request, actor, pk):
    try:
        person = selectors.person_get(actor, pk, purpose=PERSON_PURPOSE)
    except Http404:
        # A record merged into another (people/merge.py) answers with the record it lives on in.
        target = merge.merged_into(actor, pk)
        if target is None:
            raise
        messages.info(
            request, _("Registrering nr. %(id)s er lagt sammen med denne registrering.") % {"id": pk}
        )
        return redirect("people:detail", pk=target.pk)
    today = timezone.localdate()
    tabs, current_tab = tabs_for(actor.role, request.GET.get("fane"))

    periods = [Period(p.situation, p.start_date, p.end_date) for p in person.situations.all()]
    context = {
        "person": person,
        "tabs": tabs,
        "current_tab": current_tab,
        "timeline": selectors.timeline(person),
        "days_homeless": days_homeless(periods, today),
        "days_at_shelter": days_at_shelter(periods, today),
        "current_label": _(SITUATION_LABELS[person.current_situation])
        if person.current_situation in SITUATION_LABELS
        else "",
        "needs_entry": person.needs_entries.filter(removed_on__isnull=True).first(),
        "age": person.age_on(today),
        "may_edit": has_capability(actor.role, Capability.EDIT_PEOPLE),
        "may_reveal": has_capability(actor.role, Capability.VIEW_FULL_CPR) and bool(person.cpr_encrypted),
        "may_merge": has_capability(actor.role, Capability.MERGE_PEOPLE),
        "situation_form": SituationForm(),
        "status_form": StatusForm(),
    }
    return render(request, "people/detail.html", context)


@require_POST
@with_actor(Capability.VIEW_FULL_CPR)
def person_reveal_cpr(request, actor, pk):
    person = selectors.person_get(actor, pk, purpose=PERSON_PURPOSE, log=False)
    value = selectors.reveal_cpr(actor, person)
    return HttpResponse(f'<span id="cpr-value">{value}</span>')


@with_actor(Capability.EDIT_PEOPLE)
def person_create(request, actor):
    duplicates, existing = [], None
    if request.method == "POST":
        form = PersonCreateForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            # The same CPR number is the same citizen: open them, never "create anyway" (issue 9 item 17).
            existing = selectors.person_with_cpr(actor, d["cpr"])
            if existing is not None:
                return render(request, "people/create.html", {"form": form, "existing": existing})
            if not d.get("confirmed"):
                duplicates = selectors.likely_duplicates(
                    actor,
                    first_name=d["first_name"],
                    last_name=d["last_name"],
                    birth_date=d["birth_date"],
                    birth_year=d["birth_year"],
                    cpr=d["cpr"],
                )
            if not duplicates:
                try:
                    person = services.person_create(
                        actor=actor,
                        cpr=d["cpr"],
                        situation=d["situation"],
                        situation_start=d["situation_start"],
                        place=d["place"],
                        **{k: d[k] for k in PersonForm.base_fields if k != "cpr"},
                    )
                except PersonDataError as exc:
                    apply_error(form, exc)
                else:
                    messages.success(
                        request, _("%(name)s er oprettet på hjemløselisten.") % {"name": person.display_name}
                    )
                    return redirect("people:detail", pk=person.pk)
            else:
                data = request.POST.copy()
                data["confirmed"] = "True"
                form = PersonCreateForm(data)
                form.is_valid()
    else:
        form = PersonCreateForm()
    return render(
        request, "people/create.html", {"form": form, "duplicates": duplicates, "existing": existing}
    )


@with_actor(Capability.EDIT_PEOPLE)
def person_edit(request, actor, pk):
    person = selectors.person_get(actor, pk, purpose=PERSON_PURPOSE)
    if request.method == "POST":
        form = PersonForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.person_update(
                    actor=actor,
                    person=person,
                    cpr=d.pop("cpr") or ("" if "clear_cpr" in request.POST else None),
                    **d,
                )
            except PersonDataError as exc:
                apply_error(form, exc)
            else:
                messages.success(request, _("Oplysningerne er gemt."))
                return redirect("people:detail", pk=person.pk)
    else:
        form = PersonForm(initial={f: getattr(person, f) for f in services.PERSON_FIELDS})
    return render(request, "people/edit.html", {"form": form, "person": person})


def _person_action(request, actor, pk, form_class, call, success, tab="historik"):
    person = selectors.person_get(actor, pk, purpose=PERSON_PURPOSE, log=False)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            call(person, form.cleaned_data)
        except PersonDataError as exc:
            field = form.fields.get(exc.field)
            messages.error(request, f"{field.label}: {exc.message}" if field else exc.message)
        else:
            messages.success(request, success)
    else:
        errors = "; ".join(
            f"{form.fields[f].label if f in form.fields else ''}: {' '.join(e)}"
            for f, e in form.errors.items()
        )
        messages.error(request, _("Ikke gemt. %(errors)s") % {"errors": errors})
    return redirect(_person_tab(person, tab))


def _person_tab(person, tab: str) -> str:
    """The person page opened on one tab (people/tabs.py), where the change just made is shown."""
    return reverse("people:detail", args=[person.pk]) + f"?fane={tab}"


@require_POST
@with_actor(Capability.EDIT_PEOPLE)
def situation_add(request, actor, pk):
    return _person_action(
        request,
        actor,
        pk,
        SituationForm,
        lambda p, d: services.situation_record(
            actor=actor,
            person=p,
            situation=d["situation"],
            start_date=d["start_date"],
            place=d["place"],
            note=d["note"],
        ),
        gettext_lazy("Situationen er registreret."),
    )


@require_POST
@with_actor(Capability.EDIT_PEOPLE)
def status_add(request, actor, pk):
    return _person_action(
        request,
        actor,
        pk,
        StatusForm,
        lambda p, d: services.status_change(
            actor=actor, person=p, status=d["status"], on=d["on"], reason=d["reason"]
        ),
        gettext_lazy("Status er ændret."),
    )


def _back_to(request, person) -> str:
    """Where the page form returns after saving: the page the worker came from, if it is ours."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("people:detail", args=[person.pk])


@with_actor(Capability.EDIT_PEOPLE)
def contact_add(request, actor, pk):
    """Register a contact or an attempt: a page of its own (without JavaScript), or the same form loaded
    into a dialog (HTMX; static/js/contact-dialog.js) from the list, the person page and the front
    pages. Either way the form goes to people.services.contact_record, the one rule for a contact."""
    posted = request.method == "POST"
    form = ContactForm(request.POST if posted else None, initial=_contact_initial(actor), prefix="contact")
    valid = posted and form.is_valid()
    # The form shows the citizen's name: a read, unless the contact is saved (the save is logged itself).
    person = selectors.person_get(actor, pk, purpose=CONTACT_PURPOSE, log=not valid)
    if valid:
        d = form.cleaned_data
        try:
            contact = services.contact_record(
                actor=actor,
                person=person,
                contacted_on=d["contacted_on"],
                kind=d["kind"],
                reached=d["reached"],
                note=d["note"],
            )
        except PersonDataError as exc:
            apply_error(form, exc)
            selectors.person_get(actor, pk, purpose=CONTACT_PURPOSE)  # shown again with the error
        else:
            done = _("Kontakten med %(name)s er registreret.") % {"name": person.display_name}
            if not contact.reached:
                done = _("Kontaktforsøget hos %(name)s er registreret.") % {"name": person.display_name}
            if request.htmx:
                response = HttpResponse(status=200)
                response["HX-Reswap"] = "none"
                response["HX-Trigger"] = json.dumps(
                    {
                        "hf-contact-recorded": {
                            "person": person.pk,
                            "activity": f"{contact.person.last_activity_on:%d.%m.%Y}",
                            "contact": f"{contact.person.last_contact_on:%d.%m.%Y}",
                            "message": done,
                        }
                    }
                )
                return response
            messages.success(request, done)
            return redirect(_back_to(request, person))
    context = {"form": form, "person": person, "next": _back_to(request, person), "in_dialog": request.htmx}
    template = "people/_contact_form.html" if request.htmx else "people/contact_add.html"
    return render(request, template, context)


def _contact_initial(actor) -> dict:
    """Today, reached, and the kind the role records most: on the street for outreach workers."""
    kind = ContactKind.OUTREACH if actor.role == Role.OUTREACH_WORKER else ContactKind.MEETING
    return {"contacted_on": timezone.localdate(), "kind": kind, "reached": "1"}


@with_actor(Capability.EDIT_PEOPLE)
def needs_edit(request, actor, pk):
    person = selectors.person_get(actor, pk, purpose="Boligbehovslisten")
    entry = person.needs_entries.filter(removed_on__isnull=True).first()
    if request.method == "POST":
        form = NeedsListForm(request.POST)
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.needs_list_register(actor=actor, person=person, **d)
            except PersonDataError as exc:
                apply_error(form, exc)
            else:
                messages.success(request, _("Boligbehovet er gemt."))
                return redirect(_person_tab(person, "bolig"))
    else:
        initial = {f: getattr(entry, f) for f in NeedsListForm.base_fields} if entry else {}
        form = NeedsListForm(initial=initial)
    return render(request, "people/needs_edit.html", {"form": form, "person": person, "entry": entry})


@require_POST
@with_actor(Capability.EDIT_PEOPLE)
def needs_remove(request, actor, pk):
    person = selectors.person_get(actor, pk, purpose="Boligbehovslisten", log=False)
    services.needs_list_remove(actor=actor, person=person, removed_on=timezone.localdate())
    messages.success(request, _("Borgeren er fjernet fra boligbehovslisten."))
    return redirect(_person_tab(person, "bolig"))


@with_actor(Capability.VIEW_FIGURES)
def figures(request, actor):
    today = timezone.localdate()
    data = selectors.list_figures(actor, today=today)
    list_quality = selectors.list_quality(actor, today=today)
    chart = {
        "labels": [r.month.strftime("%m.%Y") for r in data["rows"]],
        "active": [r.active_end for r in data["rows"]],
        "inflow": [r.inflow for r in data["rows"]],
        "outflow": [r.outflow for r in data["rows"]],
        "shelter": [r.at_shelter_end for r in data["rows"]],
        "quality_labels": [r["label"] for r in list_quality["rows"]],
        "quality": [r["count"] for r in list_quality["rows"]],
        "quality_axis": _("Borgere"),
    }
    return render(request, "people/figures.html", {"data": data, "chart": chart, "quality": list_quality})


@with_actor(Capability.EXPORT_PEOPLE)
def export(request, actor, fmt):
    """The filtered by-name list as xlsx or CSV; every person exported is logged. A large list is made
    by a task: the request queues it and goes to its page (people.exports)."""
    from django.http import Http404

    if fmt not in exports.CONTENT_TYPES:
        raise Http404(_("Ukendt format."))
    today, query = timezone.localdate(), request.GET.urlencode()
    ids = exports.person_ids(actor, query=query, today=today)
    if exports.is_large(len(ids)):
        export = exports.export_create(actor, query=query, fmt=fmt, total=len(ids))
        return redirect("people:export_status", pk=export.pk)
    file, _count = exports.build_file(actor, query=query, fmt=fmt, today=today, ids=ids)
    return _file_response(file, fmt, today)


def _file_response(file, fmt: str, day):
    """Streamed from the temporary file, which is deleted once sent (core.downloads)."""
    return file_download(
        file, content_type=exports.CONTENT_TYPES[fmt], filename=f"hjemloeselisten-{day:%Y-%m-%d}.{fmt}"
    )


def _own_export(actor, pk):
    from django.shortcuts import get_object_or_404

    # Only the one who asked for it: the file is that person's export, logged in their name.
    return get_object_or_404(
        ListExport.objects.all(),
        pk=pk,
        municipality=actor.municipality,
        requested_by=actor.user,
    )


@with_actor(Capability.EXPORT_PEOPLE)
def export_status(request, actor, pk):
    export = _own_export(actor, pk)
    template = "people/_export_status.html" if request.htmx else "people/export_status.html"
    return render(request, template, {"export": export})


@with_actor(Capability.EXPORT_PEOPLE)
def export_download(request, actor, pk):
    from django.http import Http404

    export = _own_export(actor, pk)
    if not exports.has_file(export):
        raise Http404(_("Filen er allerede hentet eller slettet."))
    return _file_response(exports.export_fetch(export), export.fmt, export.finished_at)
