"""Writes on support: each keyword-only, one transaction, taking the Actor, recording an EpisodeEvent
where an episode changes, and writing the access log with before/after.

Principle 5 (seed 004, ch. 2): only these functions change an episode's status. Losing a home, a
hospital stay or a short prison stay are not reasons here; a long prison stay pauses (or, very long,
ends) the episode by a worker's decision, and a move to another municipality hands it over.
"""

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from accounts.access import Actor, actor_log, require
from accounts.roles import Capability, has_capability
from audit.models import Action
from core import dates
from core.errors import DomainError
from people import services as people_services
from people.models import Contact, Person
from plans.labels import method as method_label
from plans.methods import SPECIALISED, Method
from plans.models import Assessment
from plans.selectors import recommendation_for
from tenants import rls
from tenants.models import Municipality

from . import capacity, conf
from .models import (
    NOT_PAUSE_REASONS,
    OPEN_STATUSES,
    EndReason,
    EpisodeEvent,
    EpisodeStatus,
    EventKind,
    HandOver,
    PauseReason,
    SupportEpisode,
    Team,
    WaitingListEntry,
    WorkerProfile,
)


class SupportDataError(DomainError):
    """Bad input or a refused step in support."""


@dataclass
class StartResult:
    episode: SupportEpisode | None
    waiting: WaitingListEntry | None = None
    refusal: str = ""


def _user(actor: Actor):
    return actor.user if getattr(actor.user, "pk", None) else None


def _happened(field: str, value: date | None) -> None:
    """A typed date of something that happened (a start, a pause, a hand-over): core/dates.py's rule."""
    problem = dates.happened_problem(value, today=timezone.localdate())
    if problem:
        raise SupportDataError(field, problem)


def _event(actor: Actor, episode: SupportEpisode, kind: str, on: date, reason: str = "") -> EpisodeEvent:
    return EpisodeEvent.objects.create(
        municipality=episode.municipality,
        episode=episode,
        kind=kind,
        on=on,
        reason=reason[:500],
        by=_user(actor),
    )


# --- teams and workers ----------------------------------------------------------------------------


@transaction.atomic
def team_save(
    *, actor: Actor, name: str, method: str, max_citizens: int | None = None, team: Team | None = None
) -> Team:
    require(actor, Capability.MANAGE_SUPPORT)
    name = (name or "").strip()
    if not name:
        raise SupportDataError("name", _("Giv teamet et navn."))
    if Method(method) not in SPECIALISED:
        raise SupportDataError("method", _("Et team arbejder med CTI, ICM eller ACT."))
    if max_citizens is not None and Method(method) != Method.ACT:
        raise SupportDataError(
            "max_citizens",
            _(
                "Et højeste antal borgere for hele teamet gælder kun ACT-teams; "
                "CTI og ICM har et loft pr. medarbejder."
            ),
        )
    ceiling = conf.value("ACT_TEAM_MAX")
    if max_citizens is not None and not 1 <= max_citizens <= ceiling:
        # An ACT team serves at most about 70-80 citizens (seed 004, ch. 4): a team may set a lower
        # maximum, never a higher one, and never none at all.
        raise SupportDataError(
            "max_citizens",
            _("Højst antal borgere skal være mellem 1 og %(max)s for et ACT-team.") % {"max": ceiling},
        )
    if team is not None and team.method != method and team.members.exists():
        raise SupportDataError(
            "method",
            _(
                "Teamets metode kan ikke skiftes, mens det har medarbejdere: en medarbejder "
                "arbejder kun med én metode (Socialstyrelsens manual for Housing First, afsnit 4.1)."
            ),
        )
    clash = Team.objects.filter(municipality=actor.municipality, name=name)
    if team is not None:
        clash = clash.exclude(pk=team.pk)
    if clash.exists():
        raise SupportDataError("name", _("Der findes allerede et team med navnet %(name)s.") % {"name": name})
    before = (
        {} if team is None else {"name": team.name, "method": team.method, "max_citizens": team.max_citizens}
    )
    team = team or Team(municipality=actor.municipality)
    team.name, team.method, team.max_citizens = name, method, max_citizens
    team.save()
    after = {"name": team.name, "method": team.method, "max_citizens": team.max_citizens}
    actor_log(
        actor,
        Action.UPDATE if before else Action.CREATE,
        "Organisering af støtteteams",
        changes={k: [str(before.get(k, "")), str(v)] for k, v in after.items() if before.get(k) != v},
    )
    return team


@transaction.atomic
def worker_save(
    *,
    actor: Actor,
    user,
    method: str,
    team: Team | None = None,
    also_section_85: bool = False,
    caseload_limit: int | None = None,
) -> WorkerProfile:
    """A worker's one method, team and limit. A leader may lower the limit, never raise it above the
    method's (seed 004, 3.1); ACT has no per-worker limit, the team's average rules."""
    require(actor, Capability.MANAGE_SUPPORT)
    if Method(method) not in SPECIALISED:
        raise SupportDataError(
            "method",
            _(
                "En medarbejder arbejder med én af CTI, ICM og ACT (Socialstyrelsens manual for Housing First, afsnit 4.1)."
            ),
        )
    if team is not None and team.method != method:
        raise SupportDataError(
            "team",
            _(
                "Teamet %(team)s arbejder med %(method)s; medarbejderen kan kun være i et team "
                "med sin egen metode."
            )
            % {"team": team.name, "method": method_label(team.method)},
        )
    if Method(method) == Method.ACT and team is None:
        raise SupportDataError(
            "team", _("En ACT-medarbejder skal være i et ACT-team: ACT leveres af teamet.")
        )
    method_limit = conf.caseload_limit(method)
    if caseload_limit is not None:
        if method_limit is None:
            raise SupportDataError(
                "caseload_limit", _("ACT har intet loft pr. medarbejder; teamets loft gælder.")
            )
        if caseload_limit > method_limit:
            raise SupportDataError(
                "caseload_limit",
                _(
                    "Loftet kan højst være %(limit)s for %(method)s (Socialstyrelsens manual for Housing First, kapitel 4)."
                )
                % {"limit": method_limit, "method": method_label(method)},
            )
        if caseload_limit < 1:
            raise SupportDataError("caseload_limit", _("Loftet skal være mindst 1."))
    profile = WorkerProfile.objects.filter(municipality=actor.municipality, user=user).first()
    if (
        profile
        and profile.method != method
        and SupportEpisode.objects.filter(
            worker=user, status__in=OPEN_STATUSES, method__in=[m.value for m in SPECIALISED]
        ).exists()
    ):
        raise SupportDataError(
            "method",
            _(
                "Medarbejderen har åbne forløb i sin nuværende metode. Overdrag dem til "
                "en anden medarbejder, før metoden skiftes."
            ),
        )
    fields = ["method", "team_id", "also_section_85", "caseload_limit"]
    before = {f: getattr(profile, f) for f in fields} if profile else {}
    profile = profile or WorkerProfile(municipality=actor.municipality, user=user)
    profile.method, profile.team, profile.also_section_85, profile.caseload_limit = (
        method,
        team,
        also_section_85,
        caseload_limit,
    )
    profile.save()
    after = {f: getattr(profile, f) for f in fields}
    actor_log(
        actor,
        Action.UPDATE if before else Action.CREATE,
        "Organisering af støttemedarbejdere",
        detail=f"Medarbejder {user.pk}",
        changes={k: [str(before.get(k, "")), str(v)] for k, v in after.items() if before.get(k) != v},
    )
    return profile


# --- episodes -------------------------------------------------------------------------------------


def _recommended(person: Person) -> str:
    """The method the person's current assessment recommends, or "" without an assessment."""
    assessment = (
        Assessment.objects.filter(person=person, is_current=True).prefetch_related("dimensions").first()
    )
    # The method is computed from the whole assessment, as plans.services.method_decide does; no text is shown here.
    return recommendation_for(assessment, show_health=True).method.value if assessment else ""


def active_count(*, worker=None, team=None, method: str) -> int:
    qs = SupportEpisode.objects.filter(status=EpisodeStatus.ACTIVE, method=method)
    if worker is not None:
        qs = qs.filter(worker=worker)
    if team is not None:
        qs = qs.filter(team=team)
    return qs.count()


def _capacity_refusal(*, municipality, method: str, worker, team: Team | None) -> capacity.Refusal | None:
    """Why one more ACTIVE episode would break a caseload rule, or None (support/capacity.py).

    Every path that makes an episode active (start, resume) calls this inside its transaction. It first
    locks the row whose caseload is counted: the worker's profile for CTI and ICM, the team for ACT. So
    concurrent starts on one worker count one after the other, and the limit holds (issue 9, item 8).
    Only ACTIVE episodes count: a paused episode (e.g. a long prison stay) frees the worker for a while."""
    if method in (Method.CTI, Method.ICM):
        profile = (
            WorkerProfile.objects.select_for_update().filter(municipality=municipality, user=worker).first()
        )
        if profile is None:
            return None
        return capacity.check_worker(
            method=method,
            worker_name=str(profile),
            active=active_count(worker=worker, method=method),
            method_limit=conf.caseload_limit(method),
            own_limit=profile.caseload_limit,
        )
    if method == Method.ACT and team is not None:
        team = Team.objects.select_for_update().get(pk=team.pk)
        members = WorkerProfile.objects.filter(team=team, active=True).count()
        team_max = capacity.act_team_max(own_max=team.max_citizens, ceiling=conf.value("ACT_TEAM_MAX"))
        return capacity.check_act_team(
            team_name=team.name,
            active=active_count(team=team, method=method),
            team_max=team_max,
            members=members,
            per_member=conf.value("ACT_PER_STAFF"),
        )
    return None


def _assignment(*, municipality, method: str, worker, team: Team | None):
    """Check worker and team against the one-method rule; return the team to record."""
    if method in SPECIALISED:
        if worker is None and method != Method.ACT:
            raise SupportDataError(
                "worker",
                _("Vælg medarbejderen, der skal give %(method)s.") % {"method": method_label(method)},
            )
        profile = (
            WorkerProfile.objects.filter(municipality=municipality, user=worker).first() if worker else None
        )
        if worker is not None and (profile is None or profile.method != method):
            raise SupportDataError(
                "worker",
                _(
                    "Medarbejderen arbejder ikke med %(method)s: en medarbejder arbejder kun "
                    "med én metode (Socialstyrelsens manual for Housing First, afsnit 4.1)."
                )
                % {"method": method_label(method)},
            )
        team = team or (profile.team if profile else None)
        if method == Method.ACT and team is None:
            raise SupportDataError("team", _("Vælg ACT-teamet, der skal give støtten."))
        if team is not None and team.method != method:
            raise SupportDataError(
                "team",
                _("Teamet %(team)s arbejder ikke med %(method)s.")
                % {"team": team.name, "method": method_label(method)},
            )
    elif method == Method.SECTION_85 and worker is not None:
        profile = WorkerProfile.objects.filter(municipality=municipality, user=worker).first()
        if profile is not None and not profile.also_section_85:
            raise SupportDataError(
                "worker", _("Medarbejderen giver ikke § 85-støtte ved siden af sin metode.")
            )
    return team


def other_waits(person: Person, method: str) -> list[WaitingListEntry]:
    """The person's open waiting-list entries for other methods than the one starting."""
    return list(
        WaitingListEntry.objects.filter(person=person, closed_on__isnull=True)
        .exclude(method=method)
        .order_by("since", "id")
    )


@transaction.atomic
def episode_start(
    *,
    actor: Actor,
    person: Person,
    method: str,
    start_date: date,
    worker=None,
    team: Team | None = None,
    method_reason: str = "",
    close_other_waits: bool | None = None,
) -> StartResult:
    """Start support for a person. Beyond a caseload limit nothing starts: the citizen is put on the
    method's waiting list instead (unmet demand is recorded, never lost) and the refusal says why.

    When the citizen waits for another method, the caller must say whether that wait closes now
    (close_other_waits): a citizen may well still need the other method, so it is never guessed."""
    require(actor, Capability.WORK_SUPPORT)
    try:
        method = Method(method).value
    except ValueError as exc:
        raise SupportDataError("method", _("Vælg en støttemetode.")) from exc
    _happened("start_date", start_date)
    person = Person.objects.select_for_update().get(pk=person.pk, municipality=actor.municipality)
    if SupportEpisode.objects.filter(person=person, method=method, status__in=OPEN_STATUSES).exists():
        raise SupportDataError(
            "method",
            _("%(name)s har allerede et åbent forløb med %(method)s.")
            % {"name": person.display_name, "method": method_label(method)},
        )
    recommended = _recommended(person)
    method_reason = (method_reason or "").strip()
    if recommended and recommended != method and not method_reason:
        raise SupportDataError(
            "method_reason",
            _("Skriv en begrundelse: udredningen anbefaler %(recommended)s, men %(method)s er valgt.")
            % {"recommended": method_label(recommended), "method": method_label(method)},
        )
    team = _assignment(municipality=actor.municipality, method=method, worker=worker, team=team)
    refused = _capacity_refusal(municipality=actor.municipality, method=method, worker=worker, team=team)
    if refused:
        waiting = _wait(
            actor, person=person, method=method, team=team, since=start_date, refusal=refused.message
        )
        return StartResult(episode=None, waiting=waiting, refusal=refused.message)
    others = other_waits(person, method)
    if others and close_other_waits is None:
        raise SupportDataError(
            "close_other_waits",
            _(
                "%(name)s står på ventelisten til %(waits)s. Svar, om den plads på ventelisten skal lukkes, nu "
                "%(method)s starter."
            )
            % {
                "name": person.display_name,
                "waits": ", ".join(method_label(w.method) for w in others),
                "method": method_label(method),
            },
        )
    episode = SupportEpisode.objects.create(
        municipality=actor.municipality,
        person=person,
        method=method,
        worker=worker,
        team=team,
        start_date=start_date,
        status=EpisodeStatus.ACTIVE,
        status_since=start_date,
        recommended_method=recommended,
        method_reason=method_reason,
        created_by=_user(actor),
    )
    _event(actor, episode, EventKind.START, start_date, method_reason)
    if worker is not None:
        person.workers.add(worker)  # the worker is now one of the citizen's own workers
    for wait in WaitingListEntry.objects.filter(person=person, method=method, closed_on__isnull=True):
        wait.closed_on, wait.closed_reason, wait.episode = start_date, "Forløb startet", episode
        wait.save(update_fields=["closed_on", "closed_reason", "episode"])
    if close_other_waits:
        with translation.override(settings.LANGUAGE_CODE):  # stored reasons stay Danish
            started = f"Startet i {method_label(method)} i stedet"
        for wait in others:
            wait.closed_on, wait.closed_reason = start_date, started[:200]
            wait.save(update_fields=["closed_on", "closed_reason"])
            actor_log(
                actor,
                Action.UPDATE,
                "Venteliste til støtte",
                person.pk,
                changes={"waiting_list": [wait.method, ""]},
                detail=started,
            )
    actor_log(
        actor,
        Action.CREATE,
        "Start af støtteforløb",
        person.pk,
        changes={
            "method": ["", method],
            "worker": ["", str(getattr(worker, "pk", ""))],
            "start_date": ["", str(start_date)],
        },
    )
    return StartResult(episode=episode)


def _wait(actor: Actor, *, person: Person, method: str, team, since: date, refusal: str) -> WaitingListEntry:
    wait = WaitingListEntry.objects.filter(person=person, method=method, closed_on__isnull=True).first()
    if wait is None:
        wait = WaitingListEntry.objects.create(
            municipality=actor.municipality,
            person=person,
            method=method,
            team=team,
            since=since,
            refusal=refusal[:500],
        )
        actor_log(
            actor, Action.CREATE, "Venteliste til støtte", person.pk, changes={"waiting_list": ["", method]}
        )
    return wait


@transaction.atomic
def waiting_close(*, actor: Actor, entry: WaitingListEntry, on: date, reason: str) -> WaitingListEntry:
    require(actor, Capability.MANAGE_SUPPORT)
    if not reason.strip():
        raise SupportDataError("reason", _("Skriv hvorfor borgeren tages af ventelisten."))
    _happened("on", on)
    entry.closed_on, entry.closed_reason = on, reason.strip()[:200]
    entry.save(update_fields=["closed_on", "closed_reason"])
    actor_log(
        actor,
        Action.UPDATE,
        "Venteliste til støtte",
        entry.person_id,
        changes={"waiting_list": [entry.method, ""]},
        detail=reason,
    )
    return entry


def _locked(episode: SupportEpisode) -> SupportEpisode:
    return SupportEpisode.objects.select_for_update().get(pk=episode.pk)


def _check_date(episode: SupportEpisode, on: date) -> None:
    _happened("on", on)
    if on < episode.status_since:
        raise SupportDataError(
            "on",
            _("Datoen ligger før forløbets seneste ændring (%(date)s).")
            % {"date": f"{episode.status_since:%d.%m.%Y}"},
        )


def _set_status(actor, episode, status, on, kind, reason, purpose, **extra):
    before = episode.status
    episode.status, episode.status_since = status, on
    for key, value in extra.items():
        setattr(episode, key, value)
    episode.save()
    _event(actor, episode, kind, on, reason)
    actor_log(
        actor, Action.UPDATE, purpose, episode.person_id, changes={"status": [before, status]}, detail=reason
    )
    return episode


def _not_a_pause_reason(reason: str) -> str:
    """Why a hospital or short prison stay does not pause support (principle 5, seed 004 ch. 2)."""
    if reason == PauseReason.HOSPITAL:
        return _(
            "Et hospitalsophold er ikke en grund til pause: støtten fortsætter under indlæggelsen. Hold kontakten, "
            "besøg borgeren, og forbered udskrivelsen sammen med hospitalet."
        )
    return _(
        "Et kort fængselsophold er ikke en grund til pause: støtten fortsætter. Hold kontakten under opholdet, og "
        "forbered løsladelsen. Kun et længere fængselsophold sætter forløbet på pause."
    )


@transaction.atomic
def episode_pause(
    *, actor: Actor, episode: SupportEpisode, on: date, reason: str, note: str = ""
) -> SupportEpisode:
    """Pause, e.g. for a long prison stay (seed 004, ch. 2, principle 5). A hospital stay or a short
    prison stay keeps the support going: those reasons are refused, with why. "Another reason" needs a
    written note, so a pause is a decision, not a reflex."""
    require(actor, Capability.WORK_SUPPORT)
    episode = _locked(episode)
    if episode.status != EpisodeStatus.ACTIVE:
        raise SupportDataError(None, _("Kun et aktivt forløb kan sættes på pause."))
    try:
        reason = PauseReason(reason)
    except ValueError as exc:
        raise SupportDataError(
            "reason", _("Vælg hvorfor forløbet sættes på pause, fx et længere fængselsophold.")
        ) from exc
    if reason in NOT_PAUSE_REASONS:
        raise SupportDataError("reason", _not_a_pause_reason(reason))
    note = (note or "").strip()
    if reason == PauseReason.OTHER and not note:
        raise SupportDataError("note", _("Skriv grunden til pausen."))
    _check_date(episode, on)
    with translation.override(settings.LANGUAGE_CODE):  # the event's reason is stored in Danish
        text = str(reason.label) if reason != PauseReason.OTHER else note
        if note and reason != PauseReason.OTHER:
            text += f": {note}"
    return _set_status(
        actor, episode, EpisodeStatus.PAUSED, on, EventKind.PAUSE, text, "Pause i støtteforløb"
    )


@transaction.atomic
def episode_resume(
    *,
    actor: Actor,
    episode: SupportEpisode,
    on: date,
    reason: str = "",
    over_limit_acknowledged: bool = False,
) -> SupportEpisode:
    """Resume a paused episode. The caseload is counted under the same lock as a start: when the worker
    (or the ACT team) is full, the resume waits for an explicit acknowledgement. The citizen was the
    worker's before the pause and support follows them back (principle 3), so it is never refused
    outright; the acknowledgement is in the episode's log and the leader page shows the worker over
    the limit."""
    require(actor, Capability.WORK_SUPPORT)
    episode = _locked(episode)
    if episode.status != EpisodeStatus.PAUSED:
        raise SupportDataError(None, _("Kun et forløb på pause kan genoptages."))
    _check_date(episode, on)
    reason = (reason or "").strip()
    refused = _capacity_refusal(
        municipality=episode.municipality, method=episode.method, worker=episode.worker, team=episode.team
    )
    if refused:
        if not over_limit_acknowledged:
            raise SupportDataError(
                "over_limit_acknowledged",
                _(
                    "%(why)s Bekræft, at borgeren genoptager støtten hos sin medarbejder alligevel (lederen ser, at loftet "
                    "er overskredet), eller lad en leder finde plads først."
                )
                % {"why": refused.why},
            )
        reason = f"Genoptaget over loftet: {refused.why}" + (f" {reason}" if reason else "")
    return _set_status(
        actor, episode, EpisodeStatus.ACTIVE, on, EventKind.RESUME, reason, "Genoptagelse af støtteforløb"
    )


@transaction.atomic
def episode_reassign(
    *, actor: Actor, episode: SupportEpisode, worker, on: date, reason: str = ""
) -> SupportEpisode:
    """Hand the episode over to another worker in the same method (e.g. the worker leaves). An active
    episode counts on the new worker at once, so the new worker's row is locked and counted as on a
    start; a full worker is refused (the citizen keeps the current worker meanwhile, nobody waits)."""
    require(actor, Capability.WORK_SUPPORT)
    episode = _locked(episode)
    if not episode.is_open:
        raise SupportDataError(None, _("Forløbet er allerede afsluttet eller overdraget."))
    if worker is None or worker.pk == episode.worker_id:
        raise SupportDataError("worker", _("Vælg den nye medarbejder."))
    _check_date(episode, on)
    team = _assignment(
        municipality=actor.municipality,
        method=episode.method,
        worker=worker,
        team=episode.team if episode.method == Method.ACT else None,
    )
    if (
        episode.status == EpisodeStatus.ACTIVE and episode.method != Method.ACT
    ):  # ACT: the team's count is unchanged
        refused = _capacity_refusal(
            municipality=actor.municipality, method=episode.method, worker=worker, team=team
        )
        if refused:
            raise SupportDataError("worker", refused.why)
    before = episode.worker_id
    episode.worker, episode.team = worker, team
    episode.save(update_fields=["worker", "team"])
    person = episode.person
    person.workers.add(worker)  # the new worker is now one of the citizen's own workers
    name = worker.get_full_name() or worker.username
    _event(
        actor,
        episode,
        EventKind.REASSIGN,
        on,
        f"{name}" + (f": {reason.strip()}" if (reason or "").strip() else ""),
    )
    actor_log(
        actor,
        Action.UPDATE,
        "Ny medarbejder på støtteforløb",
        episode.person_id,
        changes={"worker": [str(before or ""), str(worker.pk)]},
    )
    return episode


@transaction.atomic
def episode_end(
    *,
    actor: Actor,
    episode: SupportEpisode,
    on: date,
    reason: str,
    note: str = "",
    no_follow_on_acknowledged: bool = False,
) -> SupportEpisode:
    """End with one of the reasons. Ending CTI without follow-on support must be acknowledged: CTI's third
    phase hands support over, and follow-on support starts before HF support ends (seed 004, 2.3)."""
    require(actor, Capability.WORK_SUPPORT)
    episode = _locked(episode)
    if not episode.is_open:
        raise SupportDataError(None, _("Forløbet er allerede afsluttet eller overdraget."))
    try:
        reason = EndReason(reason).value
    except ValueError as exc:
        raise SupportDataError("reason", _("Vælg årsagen til at forløbet afsluttes.")) from exc
    if reason == EndReason.MOVED:
        # Principle 5 (seed 004, ch. 2): support follows the citizen into the new home; a move to
        # another municipality is a hand-over, with its own action.
        raise SupportDataError(
            "reason",
            _(
                "En flytning afslutter ikke støtten: den følger borgeren med til den nye "
                "bolig. Flytter borgeren til en anden kommune, så brug Overdrag til anden "
                "kommune."
            ),
        )
    _check_date(episode, on)
    if episode.method == Method.CTI and reason != EndReason.FOLLOW_ON and not no_follow_on_acknowledged:
        raise SupportDataError(
            "no_follow_on_acknowledged",
            _(
                "CTI afsluttes uden opfølgende støtte. Sørg for at opfølgende støtte er begyndt, før "
                "CTI slutter (Socialstyrelsens manual for Housing First, afsnit 2.3), eller bekræft at du afslutter uden."
            ),
        )
    # The event's reason is stored: in Danish, whatever language the user reads.
    with translation.override(settings.LANGUAGE_CODE):
        text = str(EndReason(reason).label) + (f": {note.strip()}" if note.strip() else "")
    return _set_status(
        actor,
        episode,
        EpisodeStatus.ENDED,
        on,
        EventKind.END,
        str(text),
        "Afslutning af støtteforløb",
        end_date=on,
        end_reason=reason,
    )


@transaction.atomic
def episode_hand_over(
    *, actor: Actor, episode: SupportEpisode, on: date, to_municipality: Municipality, note: str = ""
) -> HandOver:
    """The citizen moves: the episode is handed over and the receiving municipality gets a HandOver with
    the name, birth date, method, date, a note and a contact, nothing else of the record (principle 5;
    seed 004, ch. 2: the new municipality assesses the need in collaboration with the former one)."""
    require(actor, Capability.WORK_SUPPORT)
    episode = _locked(episode)
    if not episode.is_open:
        raise SupportDataError(None, _("Forløbet er allerede afsluttet eller overdraget."))
    if to_municipality is None or to_municipality.pk == actor.municipality.pk:
        raise SupportDataError(
            "to_municipality", _("Vælg den kommune borgeren flytter til (ikke jeres egen).")
        )
    _check_date(episode, on)
    person = episode.person
    worker = episode.worker
    contact = (
        f"{worker.get_full_name() or worker.username}, {actor.municipality.name}"
        if worker
        else actor.municipality.name
    )
    # The row belongs to the receiving municipality: on PostgreSQL row-level security only accepts it
    # with that tenant set, so the setting is switched for this one insert and back again.
    rls.set_tenant(str(to_municipality.pk))
    try:
        hand_over = HandOver.objects.create(
            municipality=to_municipality,
            from_municipality=actor.municipality,
            name=person.display_name,
            birth_date=person.birth_date,
            method=episode.method,
            handed_over_on=on,
            note=note.strip(),
            contact=contact[:200],
        )
    finally:
        rls.set_tenant(str(actor.municipality.pk))
    _set_status(
        actor,
        episode,
        EpisodeStatus.HANDED_OVER,
        on,
        EventKind.HAND_OVER,
        f"Overdraget til {to_municipality.name}",
        "Overdragelse af støtteforløb",
        end_date=on,
        end_reason=EndReason.MOVED,
    )
    return hand_over


@transaction.atomic
def hand_over_receive(*, actor: Actor, hand_over: HandOver, on: date) -> HandOver:
    require(actor, Capability.MANAGE_SUPPORT)
    if hand_over.received_on:
        raise SupportDataError(None, _("Overdragelsen er allerede modtaget."))
    _happened("on", on)
    hand_over.received_on = on
    hand_over.save(update_fields=["received_on"])
    actor_log(
        actor,
        Action.UPDATE,
        "Modtagelse af overdragelse",
        detail=f"Overdragelse {hand_over.pk} fra {hand_over.from_municipality_id}",
    )
    return hand_over


@transaction.atomic
def episode_contact_record(
    *, actor: Actor, episode: SupportEpisode, contacted_on: date, kind: str, reached: bool, note: str = ""
) -> Contact:
    """A contact attempt in an episode: a people.Contact, so it also counts as activity on the by-name list.
    It never changes the episode: not reaching the citizen keeps the episode open (principle 3)."""
    require(actor, Capability.WORK_SUPPORT)
    _happened("contacted_on", contacted_on)
    if contacted_on < episode.start_date:
        raise SupportDataError(
            "contacted_on",
            _("Datoen ligger før forløbet begyndte (%(date)s).") % {"date": f"{episode.start_date:%d.%m.%Y}"},
        )
    # The contact's own rules (kind, note, date) are people's, one rule for every path.
    try:
        return people_services.contact_record(
            actor=actor,
            person=episode.person,
            contacted_on=contacted_on,
            kind=kind,
            reached=reached,
            note=note,
        )
    except people_services.PersonDataError as exc:
        raise SupportDataError(exc.field, exc.message) from exc


# --- visitation: a support worker becomes the citizen's worker before support starts -------------


def may_assign_worker(actor: Actor, person: Person) -> bool:
    """A leader, or one of the citizen's own workers (e.g. the outreach worker who met them), may make a
    support worker the citizen's worker; no one can make themselves a stranger's worker."""
    if has_capability(actor.role, Capability.MANAGE_SUPPORT):
        return True
    return (
        has_capability(actor.role, Capability.WORK_SUPPORT)
        and person.workers.filter(pk=getattr(actor.user, "pk", None)).exists()
    )


@transaction.atomic
def person_worker_assign(*, actor: Actor, person: Person, worker) -> Person:
    """Visitation: make a support worker one of the citizen's own workers before any episode starts, so
    the full assessment across the eight dimensions (health and substance use included) can be done
    before support begins (seed 004, 4.2). "Own worker" stays one rule, Person.workers, read by
    accounts.roles.may_see_health through plans.selectors.health_visible; episode_start adds to it too."""
    require(actor, Capability.WORK_SUPPORT)
    person = Person.objects.select_for_update().get(pk=person.pk, municipality=actor.municipality)
    if not may_assign_worker(actor, person):
        raise SupportDataError(
            None,
            _("Kun en leder eller en af borgerens egne medarbejdere kan tilknytte en støttemedarbejder."),
        )
    profile = (
        WorkerProfile.objects.select_related("user")
        .filter(municipality=actor.municipality, user=worker, active=True)
        .first()
        if worker
        else None
    )
    if profile is None:
        raise SupportDataError(
            "worker", _("Vælg en støttemedarbejder (en medarbejder med en metode under Medarbejdere).")
        )
    if person.workers.filter(pk=worker.pk).exists():
        raise SupportDataError(
            "worker", _("%(worker)s er allerede borgerens medarbejder.") % {"worker": str(profile)}
        )
    person.workers.add(worker)
    actor_log(
        actor,
        Action.UPDATE,
        "Tilknytning af støttemedarbejder (visitation)",
        person.pk,
        changes={"workers": ["", str(worker.pk)]},
        detail=f"Medarbejder {worker.pk}",
    )
    return person
