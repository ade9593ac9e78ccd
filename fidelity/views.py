"""Thin views of the fidelity app."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext
from django.views.decorators.http import require_POST
from django_scopes import scope

from accounts.access import with_actor
from accounts.roles import Capability, has_capability
from core.downloads import XLSX, file_download
from core.forms import apply_error
from core.params import int_param
from core.pdf import pdf_response, render_pdf
from tenants import rls
from tenants.models import Municipality

from . import conf, exports, instruments, selectors, services
from .forms import AssessmentForm, InvitationForm, StartForm, UnitForm, quarter_label
from .models import Instrument
from .quarters import Quarter, last_n
from .services import FidelityError


def _quarter_choices(today):
    current = Quarter.of(today)
    return list(reversed(last_n(current, 4))) + [current.next()]


@with_actor(Capability.VIEW_FIDELITY)
def overview(request, actor):
    today = timezone.localdate()
    data = selectors.overview(actor, today=today)
    start_form = StartForm(
        units=selectors.units(actor),
        quarters=_quarter_choices(today),
        initial={"quarter": str(Quarter.of(today))},
    )
    return render(request, "fidelity/overview.html", {**data, "start_form": start_form, "today": today})


@with_actor(Capability.RUN_FIDELITY)
def unit_create(request, actor):
    form = UnitForm(request.POST or None, municipality=actor.municipality)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.unit_create(
                actor=actor,
                name=d["name"],
                kind=d["kind"],
                whole_municipality=d["whole_municipality"],
                leader=actor.user,
                members=d["members"],
            )
        except FidelityError as exc:
            apply_error(form, exc)
        else:
            messages.success(request, gettext("Enheden %(name)s er oprettet.") % {"name": d["name"]})
            return redirect("fidelity:overview")
    return render(request, "fidelity/unit_form.html", {"form": form})


@require_POST
@with_actor(Capability.RUN_FIDELITY)
def assessment_start(request, actor):
    today = timezone.localdate()
    form = StartForm(request.POST, units=selectors.units(actor), quarters=_quarter_choices(today))
    if not form.is_valid():
        messages.error(request, gettext("Vælg en enhed og et kvartal."))
        return redirect("fidelity:overview")
    unit = selectors.unit_get(actor, form.cleaned_data["unit"])
    assessment = services.assessment_start(actor=actor, unit=unit, quarter=form.cleaned_data["quarter"])
    return redirect("fidelity:assessment", pk=assessment.pk)


@with_actor(Capability.RUN_FIDELITY)
def assessment_fill(request, actor, pk):
    assessment = selectors.assessment_get(actor, pk)
    if assessment.is_completed:  # a completed form is read on the results page, never changed
        return redirect(_results_url(assessment.unit_id, assessment.period))
    structure = selectors.form_structure(assessment.form_version)
    statements = [s for block in structure for s in block["statements"]]
    follow_ups = [] if assessment.is_completed else list(services.previous_open_actions(assessment))
    existing = {a.statement_id: a for a in assessment.answers.all()}
    initial = {
        "meeting_on": assessment.meeting_on,
        "participants": assessment.participants,
        "citizens_involved": assessment.citizens_involved,
        "citizens_involvement": assessment.citizens_involvement,
    }
    for sid, a in existing.items():
        initial[f"s{sid}-value"] = "" if a.value is None else str(a.value)
        initial[f"s{sid}-comment"] = a.comment
    data = request.POST if request.method == "POST" and not assessment.is_completed else None
    form = AssessmentForm(
        data,
        initial=initial,
        statements=statements,
        scale=assessment.form_version.scale,
        follow_ups=follow_ups,
    )
    unanswered = None
    if data is not None and form.is_valid():
        meeting, answers, actions, follow = form.payload()
        complete = request.POST.get("action") in ("complete", "complete_confirmed")
        # "Afslut alligevel" confirms exactly the statements the page listed as unanswered
        confirmed = (
            {int(n) for n in request.POST.get("confirmed_unanswered", "").split(",") if n.strip().isdigit()}
            if request.POST.get("action") == "complete_confirmed"
            else set()
        )
        try:
            services.assessment_save(
                actor=actor,
                assessment=assessment,
                meeting=meeting,
                answers=answers,
                new_actions=actions,
                follow_ups=follow,
                complete=complete,
                now=timezone.now(),
                confirmed_unanswered=confirmed,
            )
        except services.UnansweredStatements as exc:
            unanswered = exc.statements  # nothing saved: the page asks for confirmation, showing which
        except FidelityError as exc:
            apply_error(form, exc)
        else:
            if complete:
                messages.success(
                    request,
                    gettext("Vurderingen for %(assessment)s er afsluttet.") % {"assessment": assessment},
                )
                return redirect(_results_url(assessment.unit_id, assessment.period))
            messages.success(request, gettext("Kladden er gemt. I kan fortsætte senere."))
            return redirect("fidelity:assessment", pk=assessment.pk)
    rows = form.rows()
    blocks = [{**block, "rows": [(s, rows[s.id]) for s in block["statements"]]} for block in structure]
    follow_rows = [(a, form[f"f{a.id}-status"], form[f"f{a.id}-note"]) for a in follow_ups]
    return render(
        request,
        "fidelity/assessment_form.html",
        {
            "assessment": assessment,
            "form": form,
            "blocks": blocks,
            "follow_rows": follow_rows,
            "actions": list(assessment.actions.select_related("statement")),
            "unanswered": unanswered,
            "unanswered_numbers": ",".join(str(s.number) for s in unanswered or ()),
        },
    )


@require_POST
@with_actor(Capability.RUN_FIDELITY)
def assessment_reopen(request, actor, pk):
    """A leader reopens a completed assessment as a draft, with a reason (logged)."""
    assessment = selectors.assessment_get(actor, pk)
    try:
        services.assessment_reopen(actor=actor, assessment=assessment, reason=request.POST.get("reason", ""))
    except FidelityError as exc:
        messages.error(request, exc.message)
        return redirect(_results_url(assessment.unit_id, assessment.period))
    messages.success(
        request,
        gettext("Vurderingen for %(assessment)s er genåbnet som kladde.") % {"assessment": assessment},
    )
    return redirect("fidelity:assessment", pk=assessment.pk)


def _results_url(unit_id, quarter):
    from django.urls import reverse

    return f"{reverse('fidelity:results')}?enhed={unit_id}&kvartal={quarter}"


def _results_args(request, actor):
    unit_list = list(selectors.units(actor))
    # ?enhed=abc (or an id too large to be one) is a unit that does not exist: 404, never a 500.
    unit_id = (
        int_param(request.GET, "enhed", required=True)
        if request.GET.get("enhed")
        else (unit_list[0].pk if unit_list else None)
    )
    unit = selectors.unit_get(actor, unit_id) if unit_id else None
    try:
        quarter = Quarter.parse(request.GET["kvartal"]) if request.GET.get("kvartal") else None
    except ValueError:
        quarter = None
    if quarter is None:
        last = selectors.completed(actor, unit=unit).order_by("-year", "-quarter").first() if unit else None
        quarter = last.period if last else Quarter.of(timezone.localdate())
    return unit_list, unit, quarter


@with_actor(Capability.VIEW_FIDELITY)
def results(request, actor):
    unit_list, unit, quarter = _results_args(request, actor)
    if unit is None:
        return render(request, "fidelity/results.html", {"units": unit_list, "data": None})
    data = selectors.results(actor, unit=unit, quarter=quarter)
    chart = {
        "labels": [quarter_label(t["quarter"]) for t in data["trend"]],
        "themes": [
            {
                "label": block["theme"].title,
                "data": [
                    t["themes"][block["theme"].number].value if t["themes"] else None for t in data["trend"]
                ],
            }
            for block in data["structure"]
        ],
    }
    return render(
        request,
        "fidelity/results.html",
        {
            "units": unit_list,
            "data": data,
            "chart": chart,
            "quarter_choices": last_n(Quarter.of(timezone.localdate()), 8),
            "min_group": conf.value("MIN_GROUP"),
            "may_reopen": has_capability(actor.role, Capability.RUN_FIDELITY),
        },
    )


@with_actor(Capability.VIEW_FIDELITY)
def results_export(request, actor, fmt):
    if fmt not in ("pdf", "xlsx"):
        raise Http404
    unit_list, unit, quarter = _results_args(request, actor)
    if unit is None:
        raise Http404
    data = selectors.results_export(actor, unit=unit, quarter=quarter, fmt=fmt)
    name = f"efterlevelse-{unit.pk}-{quarter}"
    if fmt == "xlsx":
        # Streamed from a temporary file, deleted once sent (core.downloads).
        return file_download(exports.xlsx(data), content_type=XLSX, filename=f"{name}.xlsx")
    else:
        content = render_pdf(
            "fidelity/report_pdf.html", {"data": data, "min_group": conf.value("MIN_GROUP")}, request=request
        )
        return pdf_response(content, filename=f"{name}.pdf")


@with_actor(Capability.RUN_FIDELITY)
def invitation_create(request, actor):
    form = InvitationForm(request.POST or None, units=selectors.units(actor))
    link = None
    if request.method == "POST" and form.is_valid():
        unit = selectors.unit_get(actor, form.cleaned_data["unit"])
        invitation, token = services.invitation_create(
            actor=actor,
            unit=unit,
            mode=form.cleaned_data["mode"],
            instrument=form.cleaned_data["instrument"],
            now=timezone.now(),
        )
        from django.urls import reverse

        path = reverse("fidelity:answer", kwargs={"code": actor.municipality.code, "token": token})
        if invitation.mode == "tablet":
            return redirect(path)  # the worker hands the tablet over on the answer page
        link = {
            "url": request.build_absolute_uri(path),
            "expires_at": invitation.expires_at,
            "unit": unit,
            "instrument": invitation.get_instrument_display(),
        }
    return render(request, "fidelity/invitation_form.html", {"form": form, "link": link})


def answer(request, code, token):
    """The citizen's page: no login. The token is looked up only inside the municipality the link
    names; a logged-in user of another municipality (a tablet in the wrong place) gets nothing. The
    invitation says which questionnaire (Brief INSPIRE or WHO-5) the page asks."""
    # A municipality code is four digits; anything else (a NUL byte PostgreSQL refuses) is no page.
    municipality = (
        Municipality.objects.filter(code=code).first() if code.isascii() and code.isdigit() else None
    )
    if municipality is None:
        raise Http404
    if getattr(request, "municipality", None) is not None and request.municipality != municipality:
        raise Http404
    rls.set_tenant(str(municipality.pk))
    with scope(municipality=municipality):
        now = timezone.now()
        try:
            invitation = services.invitation_find(municipality=municipality, token=token, now=now)
        except FidelityError as exc:
            return _answer_closed(request, exc)
        questionnaire = instruments.module(invitation.instrument)
        error, done, values = None, False, {}
        if request.method == "POST":
            values = {i.key: request.POST.get(i.key, "") for i in questionnaire.ITEMS}
            try:
                services.survey_answer(
                    municipality=municipality, token=token, raw=values, now=now, today=timezone.localdate()
                )
                done = True
            except FidelityError as exc:
                if exc.code != "invalid":  # used up in the meantime (a second tab, a double tap)
                    return _answer_closed(request, exc)
                error = exc.message
        missing = [i.key for i in questionnaire.ITEMS if request.method == "POST" and not values.get(i.key)]
        return render(
            request,
            "fidelity/answer.html",
            {
                "instrument": Instrument(invitation.instrument),
                "items": [(i, values.get(i.key, "")) for i in questionnaire.ITEMS],
                "options": questionnaire.OPTIONS,
                "intro": questionnaire.INTRO,
                "error": error,
                "done": done,
                "values": values,
                "missing": missing,
                "municipality": municipality,
            },
        )


def _answer_closed(request, exc: FidelityError):
    return render(
        request,
        "fidelity/answer_closed.html",
        {"message": exc.message},
        status=404 if exc.code == "not_found" else 410,
    )
