"""Thin views on allocation: parse input, call a selector or service, render."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from accounts.access import with_actor
from accounts.roles import Capability, has_capability
from core.errors import DomainError
from core.forms import apply_error
from core.pagination import PAGE_PARAM
from core.params import int_param
from core.pdf import pdf_response

from . import selectors, services
from .conf import allocation_setting
from .forms import (
    ChecklistForm,
    DecisionForm,
    DeclineForm,
    DeclineReasonForm,
    MeetingForm,
    ParkForm,
    ProfileForm,
    StepForm,
    VacancyForm,
)
from .models import LIVE, OfferStatus, vacancy_status_label
from .pdf import meeting_pdf_bytes

STEP_ACTIONS = {
    "offer": (services.offer_make, gettext_lazy("Boligen er tilbudt borgeren.")),
    "accept": (services.offer_accept, gettext_lazy("Borgeren har sagt ja til boligen.")),
    "sign": (services.offer_sign_lease, gettext_lazy("Lejekontrakten er registreret som underskrevet.")),
    "move_in": (
        services.offer_move_in,
        gettext_lazy("Indflytningen er registreret. Borgeren er registreret i egen bolig."),
    ),
    "withdraw": (services.offer_withdraw, gettext_lazy("Tilbuddet er trukket tilbage.")),
}
# Which step forms an offer in a status shows (its buttons); declining has its own form.
NEXT_STEPS = {
    OfferStatus.PROPOSED: [
        ("offer", gettext_lazy("Tilbyd boligen")),
        ("withdraw", gettext_lazy("Træk forslaget tilbage")),
    ],
    OfferStatus.OFFERED: [
        ("accept", gettext_lazy("Borgeren siger ja")),
        ("withdraw", gettext_lazy("Træk tilbuddet tilbage")),
    ],
    OfferStatus.ACCEPTED: [
        ("sign", gettext_lazy("Lejekontrakt underskrevet")),
        ("withdraw", gettext_lazy("Træk tilbuddet tilbage")),
    ],
    OfferStatus.LEASE_SIGNED: [("move_in", gettext_lazy("Registrér indflytning"))],
}


def _may_manage(actor) -> bool:
    return has_capability(actor.role, Capability.MANAGE_HOUSING)


@with_actor(Capability.VIEW_HOUSING)
def vacancy_list(request, actor):
    today = timezone.localdate()
    page = selectors.vacancy_page(actor, page=request.GET.get(PAGE_PARAM))
    vacancies = page.object_list
    warn = allocation_setting("DEADLINE_WARNING_DAYS")
    rows = [
        {"vacancy": v, "days_left": (v.nominate_by - today).days, "due": (v.nominate_by - today).days <= warn}
        for v in vacancies
    ]
    stalled = selectors.stalled_offers(actor, today=today, limit=allocation_setting("LIST_PAGE_SIZE"))
    return render(
        request,
        "allocation/vacancy_list.html",
        {
            "page": page,
            "rows": rows,
            "stalled": stalled,
            "stalled_total": stalled[0].stalled_total if stalled else 0,
            "stall_days": allocation_setting("STALL_DAYS"),
            "may_manage": _may_manage(actor),
        },
    )


@with_actor(Capability.MANAGE_HOUSING)
def vacancy_create(request, actor):
    form = VacancyForm(request.POST or None, municipality=actor.municipality)
    if request.method == "POST" and form.is_valid():
        try:
            vacancy = services.vacancy_create(actor=actor, **form.cleaned_data)
        except DomainError as exc:
            apply_error(form, exc)
        else:
            messages.success(request, _("Den ledige bolig er oprettet."))
            return redirect("allocation:vacancy_detail", vacancy_id=vacancy.pk)
    return render(
        request,
        "allocation/form.html",
        {"form": form, "title": _("Ny ledig bolig"), "button": _("Opret"), "back": "allocation:vacancies"},
    )


@with_actor(Capability.VIEW_HOUSING)
def vacancy_detail(request, actor, vacancy_id):
    vacancy = selectors.vacancy_get(actor, vacancy_id)
    today = timezone.localdate()
    may_manage = _may_manage(actor)
    proposals = (
        selectors.proposals_for(actor, vacancy, today=today)
        if may_manage and vacancy.status == "open"
        else []
    )
    offers = selectors.offers_of_vacancy(actor, vacancy)
    return render(
        request,
        "allocation/vacancy_detail.html",
        {
            "vacancy": vacancy,
            "offers": offers,
            "proposals": proposals,
            "may_manage": may_manage,
            "today": today,
            "status_label": vacancy_status_label(vacancy.status, [o.status for o in offers]),
        },
    )


@require_POST
@with_actor(Capability.MANAGE_HOUSING)
def vacancy_propose(request, actor, vacancy_id):
    vacancy = selectors.vacancy_get(actor, vacancy_id)
    try:
        person = selectors.person_for_allocation(actor, int_param(request.POST, "person", required=True))
    except (ValueError, Http404):
        messages.error(request, _("Borgeren findes ikke på boligbehovslisten."))
        return redirect("allocation:vacancy_detail", vacancy_id=vacancy.pk)
    today = timezone.localdate()
    fit = next(
        (
            p["fit"]
            for p in selectors.proposals_for(actor, vacancy, today=today)
            if p["person"].pk == person.pk
        ),
        None,
    )
    if fit is None:
        messages.error(
            request,
            _(
                "%(name)s kan ikke foreslås til boligen: borgeren er ikke blandt de kandidater, der kan betale den "
                "(eller er parkeret eller allerede foreslået)."
            )
            % {"name": person.display_name},
        )
        return redirect("allocation:vacancy_detail", vacancy_id=vacancy.pk)
    try:
        offer = services.offer_propose(
            actor=actor,
            vacancy=vacancy,
            person=person,
            on=today,
            score=fit.score,
            explanation=" ".join(fit.reasons),
        )
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("allocation:vacancy_detail", vacancy_id=vacancy.pk)
    messages.success(request, _("%(name)s er foreslået til boligen.") % {"name": person.display_name})
    return redirect("allocation:offer_detail", offer_id=offer.pk)


@require_POST
@with_actor(Capability.MANAGE_HOUSING)
def vacancy_withdraw(request, actor, vacancy_id):
    vacancy = selectors.vacancy_get(actor, vacancy_id)
    try:
        services.vacancy_withdraw(actor=actor, vacancy=vacancy, on=timezone.localdate())
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Den ledige bolig er trukket tilbage."))
    return redirect("allocation:vacancy_detail", vacancy_id=vacancy.pk)


def _offer_page(request, actor, offer, *, decline_form=None, step_errors=None, checklist_form=None):
    may_manage = _may_manage(actor)
    steps = [
        (key, label, StepForm(prefix=key)) for key, label in NEXT_STEPS.get(OfferStatus(offer.status), [])
    ]
    can_decline = offer.status in (OfferStatus.OFFERED, OfferStatus.ACCEPTED)
    live = offer.status in LIVE
    if can_decline and may_manage:  # the municipality's list starts as a copy of the configured defaults
        services.decline_reasons_ensure_defaults(actor.municipality)
    return render(
        request,
        "allocation/offer_detail.html",
        {
            "offer": offer,
            "events": offer.log_entries.all(),
            "may_manage": may_manage,
            "steps": steps,
            "step_errors": step_errors or [],
            "decline_form": decline_form
            or (
                DeclineForm(prefix="decline", reasons=selectors.decline_reasons(actor))
                if can_decline
                else None
            ),
            "checklist_form": checklist_form
            or ChecklistForm(
                prefix="checklist", initial={"deposit_loan": offer.deposit_loan, "rent_help": offer.rent_help}
            ),
            "may_share": offer.status
            in (OfferStatus.OFFERED, OfferStatus.ACCEPTED, OfferStatus.LEASE_SIGNED),
            "live": live,
            "payment": selectors.offer_payment(offer) if live else None,
        },
    )


@with_actor(Capability.VIEW_HOUSING)
def offer_detail(request, actor, offer_id):
    offer = selectors.offer_get(actor, offer_id)
    return _offer_page(request, actor, offer)


@require_POST
@with_actor(Capability.MANAGE_HOUSING)
def offer_action(request, actor, offer_id):
    offer = selectors.offer_get(actor, offer_id, log=False)
    action = request.POST.get("action", "")
    if action == "decline":
        form = DeclineForm(request.POST, prefix="decline", reasons=selectors.decline_reasons(actor))
        if form.is_valid():
            try:
                services.offer_decline(actor=actor, offer=offer, **form.cleaned_data)
            except DomainError as exc:
                apply_error(form, exc)
            else:
                messages.success(
                    request, _("Afslaget er registreret. Boligen kan nu tilbydes en anden borger.")
                )
                return redirect("allocation:offer_detail", offer_id=offer.pk)
        return _offer_page(request, actor, offer, decline_form=form)
    if action not in STEP_ACTIONS:
        raise Http404("Ukendt handling.")
    call, success = STEP_ACTIONS[action]
    form = StepForm(request.POST, prefix=action)
    errors = []
    if form.is_valid():
        try:
            call(actor=actor, offer=offer, on=form.cleaned_data["on"])
        except DomainError as exc:
            errors.append(exc.message)
        else:
            messages.success(request, success)
            return redirect("allocation:offer_detail", offer_id=offer.pk)
    else:
        errors.append(_("Angiv en gyldig dato (dd.mm.åååå)."))
    offer = selectors.offer_get(actor, offer_id, log=False)
    response = _offer_page(request, actor, offer, step_errors=errors)
    response.status_code = 409 if form.is_valid() else 400
    return response


@require_POST
@with_actor(Capability.MANAGE_HOUSING)
def offer_checklist(request, actor, offer_id):
    offer = selectors.offer_get(actor, offer_id, log=False)
    form = ChecklistForm(request.POST, prefix="checklist")
    if form.is_valid():
        services.offer_checklist_update(
            actor=actor, offer=offer, on=timezone.localdate(), **form.cleaned_data
        )
        messages.success(request, _("Tjeklisten er gemt."))
        return redirect("allocation:offer_detail", offer_id=offer.pk)
    return _offer_page(request, actor, offer, checklist_form=form)


@require_POST
@with_actor(Capability.MANAGE_HOUSING)
def offer_share(request, actor, offer_id):
    offer = selectors.offer_get(actor, offer_id, log=False)
    try:
        services.offer_share_with_landlord(actor=actor, offer=offer, on=timezone.localdate())
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Det er registreret, at borgerens oplysninger er delt med udlejeren."))
    return redirect("allocation:offer_detail", offer_id=offer.pk)


@with_actor(Capability.MANAGE_HOUSING)
def candidate(request, actor, person_id):
    """The facts matching needs beyond the needs list, and parking."""
    person = selectors.candidate_get(actor, person_id)
    profile = selectors.allocation_profile(person)
    today = timezone.localdate()
    profile_form = ProfileForm(
        request.POST if request.POST.get("form") == "profile" else None, instance=profile, prefix="profile"
    )
    park_form = ParkForm(request.POST if request.POST.get("form") == "park" else None, prefix="park")
    if request.method == "POST":
        kind = request.POST.get("form")
        try:
            if kind == "profile" and profile_form.is_valid():
                services.candidate_profile_update(actor=actor, person=person, **profile_form.cleaned_data)
                messages.success(request, _("Oplysningerne er gemt."))
                return redirect("allocation:candidate", person_id=person.pk)
            if kind == "park" and park_form.is_valid():
                services.candidate_park(actor=actor, person=person, today=today, **park_form.cleaned_data)
                messages.success(request, _("Borgeren er parkeret og beholder sin plads på listen."))
                return redirect("allocation:candidate", person_id=person.pk)
            if kind == "unpark":
                services.candidate_unpark(actor=actor, person=person)
                messages.success(request, _("Parkeringen er ophævet."))
                return redirect("allocation:candidate", person_id=person.pk)
        except DomainError as exc:
            apply_error(park_form if kind == "park" else profile_form, exc)
    return render(
        request,
        "allocation/candidate.html",
        {
            "person": person,
            "profile": profile,
            "profile_form": profile_form,
            "park_form": park_form,
            "today": today,
        },
    )


@with_actor(Capability.MANAGE_HOUSING)
def global_proposal(request, actor):
    today = timezone.localdate()
    result = selectors.global_proposal(actor, today=today)
    if request.method == "POST":
        made = 0
        for row in result["rows"]:
            try:
                services.offer_propose(
                    actor=actor,
                    vacancy=row["vacancy"],
                    person=row["person"],
                    on=today,
                    score=row["fit"].score,
                    explanation=" ".join(row["fit"].reasons),
                )
                made += 1
            except DomainError:
                continue
        messages.success(
            request,
            _("%(n)s forslag er oprettet. Hvert forslag skal stadig tilbydes borgeren.") % {"n": made},
        )
        return redirect("allocation:vacancies")
    return render(request, "allocation/global_proposal.html", {"result": result})


@with_actor(Capability.VIEW_HOUSING)
def figures(request, actor):
    rows = selectors.step_durations(actor)
    chart = {"labels": [r["label"] for r in rows], "median": [r["median"] for r in rows]}
    return render(request, "allocation/figures.html", {"rows": rows, "chart": chart})


@with_actor(Capability.MANAGE_HOUSING)
def decline_reasons(request, actor):
    services.decline_reasons_ensure_defaults(actor.municipality)
    form = DeclineReasonForm(request.POST if request.POST.get("form") == "add" else None)
    if request.method == "POST":
        if request.POST.get("form") == "toggle":
            try:
                reason = selectors.decline_reason_get(actor, int_param(request.POST, "reason", required=True))
            except ValueError as exc:
                raise Http404("Afslagsgrunden findes ikke.") from exc
            services.decline_reason_set_active(actor=actor, reason=reason, active=not reason.active)
            messages.success(
                request,
                (
                    _("'%(label)s' er taget i brug.")
                    if reason.active
                    else _("'%(label)s' er taget ud af brug.")
                )
                % {"label": reason.label},
            )
            return redirect("allocation:decline_reasons")
        if form.is_valid():
            try:
                services.decline_reason_create(actor=actor, label=form.cleaned_data["label"])
            except DomainError as exc:
                apply_error(form, exc)
            else:
                messages.success(request, _("Afslagsgrunden er tilføjet."))
                return redirect("allocation:decline_reasons")
    return render(
        request,
        "allocation/decline_reasons.html",
        {"reasons": selectors.decline_reasons(actor, active_only=False), "form": form},
    )


@with_actor(Capability.VIEW_HOUSING)
def meeting_list(request, actor):
    form = MeetingForm(request.POST or None)
    if request.method == "POST":
        if not _may_manage(actor):
            return render(request, "core/no_access.html", status=403)
        if form.is_valid():
            agenda = selectors.committee_agenda(actor, today=timezone.localdate())
            try:
                meeting = services.meeting_create(actor=actor, agenda=agenda, **form.cleaned_data)
            except DomainError as exc:
                apply_error(form, exc)
            else:
                messages.success(
                    request, _("Mødet er oprettet med %(n)s punkter på dagsordenen.") % {"n": len(agenda)}
                )
                return redirect("allocation:meeting_detail", meeting_id=meeting.pk)
    page = selectors.meeting_list(actor, page=request.GET.get(PAGE_PARAM))
    return render(
        request,
        "allocation/meeting_list.html",
        {"page": page, "meetings": page.object_list, "form": form, "may_manage": _may_manage(actor)},
    )


@with_actor(Capability.VIEW_HOUSING)
def meeting_detail(request, actor, meeting_id):
    may_manage = _may_manage(actor)
    posted = None
    if request.method == "POST":
        if not may_manage:
            return render(request, "core/no_access.html", status=403)
        # A decision reads the item and the chosen citizen, not the page: the page's people are logged
        # when it is shown again (below, or after the redirect).
        meeting = selectors.meeting_for_decision(actor, meeting_id)
        item = selectors.agenda_item_get(actor, meeting, int_param(request.POST, "item", required=True))
        form = DecisionForm(
            request.POST, prefix=f"item{item.pk}", people=selectors.decision_candidates(actor)
        )
        posted = (item.pk, form)
        if form.is_valid():
            try:
                services.agenda_decide(actor=actor, item=item, **form.cleaned_data)
            except DomainError as exc:
                apply_error(form, exc)
            else:
                messages.success(request, _("Beslutningen er gemt."))
                return redirect("allocation:meeting_detail", meeting_id=meeting.pk)
    meeting, items, people = selectors.meeting_page(actor, meeting_id, may_manage=may_manage)
    rows = []
    for item in items:
        form = None
        if may_manage:
            form = (
                posted[1]
                if posted and posted[0] == item.pk
                else DecisionForm(
                    prefix=f"item{item.pk}",
                    people=people,
                    initial={
                        "decision": item.decision or "approved",
                        "reason": item.reason,
                        "chosen_person": item.chosen_person_id,
                    },
                )
            )
        rows.append({"item": item, "form": form})
    return render(
        request,
        "allocation/meeting_detail.html",
        {"meeting": meeting, "rows": rows, "may_manage": may_manage},
    )


@with_actor(Capability.VIEW_HOUSING)
def meeting_pdf(request, actor, meeting_id):
    meeting, items = selectors.meeting_export(actor, meeting_id)
    return pdf_response(
        meeting_pdf_bytes(meeting, items, request=request),
        filename=f"boligudvalget-{meeting.held_on:%Y-%m-%d}.pdf",
    )
