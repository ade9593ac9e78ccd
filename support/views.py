"""Thin views of support: parse input, call a selector or service, render."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import with_actor
from accounts.roles import Capability, has_capability
from core.forms import apply_error
from core.pagination import PAGE_PARAM
from core.params import parse_id
from people.selectors import person_get
from plans.labels import method as method_label
from plans.methods import Method
from plans.models import Assessment
from plans.selectors import health_visible, recommendation_for

from . import conf, selectors, services
from .forms import (
    AssignWorkerForm,
    CloseWaitForm,
    ContactForm,
    EndForm,
    EpisodeFilterForm,
    EpisodeStartForm,
    HandOverForm,
    PauseForm,
    ReassignForm,
    ResumeForm,
    TeamForm,
    WorkerForm,
)
from .models import EpisodeStatus, HandOver, Team, WaitingListEntry
from .services import SupportDataError
from .visitation import QUERY_PARAM as VISITATION_QUERY
from .visitation import visitation_context


@with_actor(Capability.WORK_SUPPORT)
def episode_list(request, actor):
    filters = {k: request.GET.get(k, "") for k in selectors.EPISODE_FILTERS}
    for key in ("team", "worker"):
        filters[key] = str(parse_id(filters[key]) or "")
    if filters["status"] not in EpisodeStatus.values:
        filters["status"] = ""
    if filters["method"] not in [m.value for m in Method]:
        filters["method"] = ""
    page = selectors.episode_list(
        actor, filters=filters, today=timezone.localdate(), page=request.GET.get(PAGE_PARAM)
    )
    described = []
    if filters["status"]:
        described.append(EpisodeStatus(filters["status"]).label.lower())
    if filters["method"]:
        described.append(method_label(filters["method"]))
    if filters["due"]:
        described.append(_("ikke truffet i for lang tid"))
    workers, complete = selectors.episode_filter_workers(
        actor, team_id=filters["team"] or None, worker_id=filters["worker"] or None
    )
    form = EpisodeFilterForm(
        initial=filters,
        statuses=EpisodeStatus.choices,
        teams=selectors.teams(actor).order_by("name", "id"),
        workers=workers,
        workers_complete=complete,
    )
    return render(
        request,
        "support/episode_list.html",
        {"page": page, "rows": page.object_list, "form": form, "described": ", ".join(described)},
    )


def _episode_context(actor, episode, **forms):
    today = timezone.localdate()
    context = {
        "episode": episode,
        "person": episode.person,
        "timeline": selectors.episode_timeline(episode),
        "cti": selectors.cti_timeline(episode, today),
        "today": today,
        "contact_form": forms.get("contact_form") or ContactForm(),
        "pause_form": forms.get("pause_form") or PauseForm(),
        "resume_form": forms.get("resume_form") or ResumeForm(),
        "end_form": forms.get("end_form") or EndForm(),
        "hand_over_form": forms.get("hand_over_form") or HandOverForm(exclude_pk=actor.municipality.pk),
        "reassign_form": forms.get("reassign_form") or ReassignForm(workers=_colleagues(actor, episode)),
        "open_form": forms.get("open_form", ""),
    }
    return context


@with_actor(Capability.WORK_SUPPORT)
def episode_detail(request, actor, pk):
    episode = selectors.episode_get(actor, pk)
    return render(request, "support/episode.html", _episode_context(actor, episode))


def _episode_action(request, actor, pk, *, form_class, key, call, done, **form_kw):
    episode = selectors.episode_get(actor, pk)
    if request.method != "POST":
        return redirect("support:episode", pk=episode.pk)
    form = form_class(request.POST, **form_kw)
    if form.is_valid():
        try:
            call(episode, form.cleaned_data)
            messages.success(request, done)
            return redirect("support:episode", pk=episode.pk)
        except SupportDataError as exc:
            apply_error(form, exc)
    return render(
        request,
        "support/episode.html",
        _episode_context(actor, episode, **{key: form, "open_form": key}),
        status=400,
    )


@with_actor(Capability.WORK_SUPPORT)
def episode_contact(request, actor, pk):
    def call(episode, d):
        services.episode_contact_record(
            actor=actor,
            episode=episode,
            contacted_on=d["contacted_on"],
            kind=d["kind"],
            reached=d["reached"] == "1",
            note=d["note"],
        )

    return _episode_action(
        request,
        actor,
        pk,
        form_class=ContactForm,
        key="contact_form",
        call=call,
        done=_("Kontakten er gemt."),
    )


@with_actor(Capability.WORK_SUPPORT)
def episode_pause(request, actor, pk):
    def call(episode, d):
        services.episode_pause(actor=actor, episode=episode, on=d["on"], reason=d["reason"], note=d["note"])

    return _episode_action(
        request,
        actor,
        pk,
        form_class=PauseForm,
        key="pause_form",
        call=call,
        done=_("Forløbet er sat på pause."),
    )


@with_actor(Capability.WORK_SUPPORT)
def episode_resume(request, actor, pk):
    def call(episode, d):
        services.episode_resume(
            actor=actor,
            episode=episode,
            on=d["on"],
            reason=d["reason"],
            over_limit_acknowledged=d["over_limit_acknowledged"],
        )

    return _episode_action(
        request,
        actor,
        pk,
        form_class=ResumeForm,
        key="resume_form",
        call=call,
        done=_("Forløbet er genoptaget."),
    )


@with_actor(Capability.WORK_SUPPORT)
def episode_end(request, actor, pk):
    def call(episode, d):
        services.episode_end(
            actor=actor,
            episode=episode,
            on=d["on"],
            reason=d["reason"],
            note=d["note"],
            no_follow_on_acknowledged=d["no_follow_on_acknowledged"],
        )

    return _episode_action(
        request, actor, pk, form_class=EndForm, key="end_form", call=call, done=_("Forløbet er afsluttet.")
    )


def _colleagues(actor, episode):
    """Workers in the episode's method other than its current worker: who may take the episode over."""
    return [p for p in selectors.workers_for_method(actor, episode.method) if p.user_id != episode.worker_id]


@with_actor(Capability.WORK_SUPPORT)
def episode_reassign(request, actor, pk):
    episode = selectors.episode_get(actor, pk)
    workers = _colleagues(actor, episode)

    def call(episode, d):
        worker = next((p.user for p in workers if str(p.user_id) == d["worker"]), None)
        services.episode_reassign(actor=actor, episode=episode, worker=worker, on=d["on"], reason=d["reason"])

    return _episode_action(
        request,
        actor,
        pk,
        form_class=ReassignForm,
        key="reassign_form",
        call=call,
        done=_("Forløbet har fået en ny medarbejder."),
        workers=workers,
    )


@with_actor(Capability.WORK_SUPPORT)
def episode_hand_over(request, actor, pk):
    def call(episode, d):
        services.episode_hand_over(
            actor=actor, episode=episode, on=d["on"], to_municipality=d["to_municipality"], note=d["note"]
        )

    return _episode_action(
        request,
        actor,
        pk,
        form_class=HandOverForm,
        key="hand_over_form",
        call=call,
        done=_("Forløbet er overdraget. Den nye kommune har fået en overdragelse."),
        exclude_pk=actor.municipality.pk,
    )


@with_actor(Capability.WORK_SUPPORT)
def episode_start(request, actor, person_id):
    person = person_get(actor, person_id, purpose="Start af støtteforløb")
    workers = list(selectors.worker_profiles(actor).filter(active=True))
    teams = list(selectors.teams(actor).filter(active=True))
    recommendation = _recommendation(actor, person)
    initial = {"method": recommendation["method"]} if recommendation else {}
    waits_elsewhere = selectors.person_waits(actor, person)
    form = EpisodeStartForm(
        request.POST or None, workers=workers, teams=teams, initial=initial, waits_elsewhere=waits_elsewhere
    )
    refusal = None
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        worker = next((p.user for p in workers if str(p.user_id) == d["worker"]), None)
        team = next((t for t in teams if str(t.pk) == d["team"]), None)
        close_other_waits = {"yes": True, "no": False}.get(d.get("close_other_waits") or "")
        try:
            result = services.episode_start(
                actor=actor,
                person=person,
                method=d["method"],
                start_date=d["start_date"],
                worker=worker,
                team=team,
                method_reason=d["method_reason"],
                close_other_waits=close_other_waits,
            )
        except SupportDataError as exc:
            apply_error(form, exc)
        else:
            if result.episode:
                messages.success(request, _("Støtteforløbet er startet."))
                return redirect("support:episode", pk=result.episode.pk)
            refusal = result
    return render(
        request,
        "support/episode_start.html",
        {
            "person": person,
            "form": form,
            "recommendation": recommendation,
            "refusal": refusal,
            "episodes": selectors.person_episodes(actor, person),
        },
        status=400 if request.method == "POST" else 200,
    )


def _recommendation(actor, person):
    """The plans app's recommendation from the current assessment, if there is one (else None)."""
    assessment = (
        Assessment.objects.filter(person=person, is_current=True).prefetch_related("dimensions").first()
    )
    if assessment is None:
        return None
    # The reason names dimensions: health ones only for the citizen's own workers and their leader.
    rec = recommendation_for(assessment, show_health=health_visible(actor, person))
    return {
        "method": rec.method.value,
        "label": method_label(rec.method),
        "reason": rec.reason,
        "version": assessment.version,
    }


@require_POST
@with_actor(Capability.WORK_SUPPORT)
def person_worker_assign(request, actor, person_id):
    """Visitation from the person page: a support worker becomes the citizen's worker before support."""
    person = person_get(actor, person_id, purpose="Tilknytning af støttemedarbejder (visitation)")
    # Only the worker posted is read: the form offers a search's few (support/visitation.py).
    posted = parse_id(request.POST.get("worker"))
    workers = list(selectors.workers_for_assignment(actor).filter(user_id=posted)) if posted else []
    form = AssignWorkerForm(request.POST, workers=workers)
    if form.is_valid():
        worker = next((p.user for p in workers if str(p.user_id) == form.cleaned_data["worker"]), None)
        try:
            services.person_worker_assign(actor=actor, person=person, worker=worker)
            messages.success(
                request,
                _("%(worker)s er nu borgerens medarbejder og kan lave hele udredningen.")
                % {"worker": worker.get_full_name() or worker.username},
            )
        except SupportDataError as exc:
            messages.error(request, exc.message)
    else:
        messages.error(request, _("Vælg en støttemedarbejder."))
    return redirect(reverse("people:detail", args=[person.pk]) + "?fane=stoette")


@with_actor(Capability.WORK_SUPPORT)
def person_worker_choices(request, actor, person_id):
    """The visitation's search as the user types (htmx): the matching support workers as the form's
    choices. It shows staff only, nothing of the citizen: the person page it sits on logged that read."""
    person = person_get(actor, person_id, purpose="Tilknytning af støttemedarbejder (visitation)", log=False)
    context = visitation_context(actor, person, query=request.GET.get(VISITATION_QUERY, ""))
    return render(request, "support/_visitation_choices.html", {**context, "person": person})


@with_actor(Capability.WORK_SUPPORT)
def waiting(request, actor):
    method = request.GET.get("method", "")
    if method not in [m.value for m in Method]:
        method = ""
    page = selectors.waiting_list(
        actor, method=method, today=timezone.localdate(), page=request.GET.get(PAGE_PARAM)
    )
    return render(
        request,
        "support/waiting.html",
        {
            "page": page,
            "rows": page.object_list,
            "method": method,
            "methods": [(m.value, method_label(m.value)) for m in Method],
            "method_label": method_label(method) if method else "",
            "may_manage": has_capability(actor.role, Capability.MANAGE_SUPPORT),
            "close_form": CloseWaitForm(),
        },
    )


@require_POST
@with_actor(Capability.MANAGE_SUPPORT)
def waiting_close(request, actor, wait_id):
    entry = get_object_or_404(
        WaitingListEntry, pk=wait_id, municipality=actor.municipality, closed_on__isnull=True
    )
    person_get(actor, entry.person_id, purpose="Venteliste til støtte")
    form = CloseWaitForm(request.POST)
    if form.is_valid():
        services.waiting_close(
            actor=actor, entry=entry, on=timezone.localdate(), reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("Borgeren er taget af ventelisten."))
    else:
        messages.error(request, _("Skriv hvorfor borgeren tages af ventelisten."))
    return redirect("support:waiting")


@require_POST
@with_actor(Capability.MANAGE_SUPPORT)
def hand_over_receive(request, actor, hand_over_id):
    hand_over = get_object_or_404(HandOver, pk=hand_over_id, municipality=actor.municipality)
    try:
        services.hand_over_receive(actor=actor, hand_over=hand_over, on=timezone.localdate())
        messages.success(request, _("Overdragelsen af %(name)s er modtaget.") % {"name": hand_over.name})
    except SupportDataError as exc:
        messages.error(request, exc.message)
    return redirect("home:leader")


@with_actor(Capability.MANAGE_SUPPORT)
def teams(request, actor):
    return _team_form(request, actor, None)


@with_actor(Capability.MANAGE_SUPPORT)
def team_edit(request, actor, team_id):
    team = get_object_or_404(Team, pk=team_id, municipality=actor.municipality)
    return _team_form(request, actor, team)


def _team_form(request, actor, team):
    initial = {"name": team.name, "method": team.method, "max_citizens": team.max_citizens} if team else {}
    form = TeamForm(request.POST or None, initial=initial, act_max=conf.value("ACT_TEAM_MAX"))
    if request.method == "POST" and form.is_valid():
        try:
            services.team_save(actor=actor, team=team, **form.cleaned_data)
            messages.success(request, _("Teamet er gemt."))
            return redirect("support:teams")
        except SupportDataError as exc:
            apply_error(form, exc)
    return render(
        request,
        "support/teams.html",
        {
            "form": form,
            "team": team,
            "teams": selectors.teams(actor).order_by("method", "name"),
            "profiles": selectors.worker_profiles(actor),
        },
        status=400 if request.method == "POST" else 200,
    )


@with_actor(Capability.MANAGE_SUPPORT)
def workers(request, actor):
    page = selectors.support_users_page(actor, page=request.GET.get(PAGE_PARAM))
    users = list(page.object_list)
    profiles = {p.user_id: p for p in selectors.worker_profiles(actor).filter(user__in=users)}
    cap = selectors.capacity_overview(actor)
    load = {w["user_id"]: w for w in cap.workers}
    rows = [(u, profiles.get(u.pk), load.get(u.pk)) for u in users]
    return render(
        request,
        "support/workers.html",
        {
            "page": page,
            "rows": rows,
            "limits": conf.value("CASELOAD_PER_WORKER"),
            "computed_at": cap.computed_at,
        },
    )


@with_actor(Capability.MANAGE_SUPPORT)
def worker_edit(request, actor, user_id):
    user = selectors.support_users(actor).filter(pk=user_id).first()
    if user is None:
        raise Http404(_("Medarbejderen findes ikke."))
    profile = selectors.worker_profiles(actor).filter(user=user).first()
    teams = list(selectors.teams(actor).filter(active=True))
    initial = (
        {
            "method": profile.method,
            "team": str(profile.team_id or ""),
            "also_section_85": profile.also_section_85,
            "caseload_limit": profile.caseload_limit,
        }
        if profile
        else {}
    )
    form = WorkerForm(request.POST or None, teams=teams, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.worker_save(
                actor=actor,
                user=user,
                method=d["method"],
                also_section_85=d["also_section_85"],
                team=next((t for t in teams if str(t.pk) == d["team"]), None),
                caseload_limit=d["caseload_limit"],
            )
            messages.success(request, _("Medarbejderen er gemt."))
            return redirect("support:workers")
        except SupportDataError as exc:
            apply_error(form, exc)
    return render(
        request,
        "support/worker_edit.html",
        {"form": form, "worker": user, "profile": profile},
        status=400 if request.method == "POST" else 200,
    )
