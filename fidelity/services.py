"""Writes of the fidelity app: keyword-only, one transaction each, taking the Actor, logged."""

import hashlib
import secrets
from collections.abc import Collection
from datetime import date, datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.access import Actor, actor_log
from accounts.roles import Capability, has_capability
from audit.models import Action
from core.errors import DomainError

from . import conf, formdata, instruments
from .models import (
    ActionStatus,
    AgreedAction,
    AssessmentStatus,
    FidelityAssessment,
    Instrument,
    InvitationMode,
    OrganisationalUnit,
    Statement,
    StatementAnswer,
    SurveyInvitation,
    SurveyResponse,
)
from .quarters import Quarter

PURPOSE = "Efterlevelse: kvartalsvis vurdering"


class FidelityError(DomainError):
    """Bad input with a Danish message saying what and where (field name or None)."""

    def __init__(self, field: str | None, message: str, *, code: str = "invalid"):
        super().__init__(field, message)
        self.code = code  # for links: "not_found", "used", "expired"


class UnansweredStatements(FidelityError):
    """Completing with statements left unanswered needs the team's confirmation: ``statements`` (in form
    order) says which, so the page can ask "complete anyway?" and link to each."""

    def __init__(self, statements: list[Statement]):
        numbers = ", ".join(str(s.number) for s in statements)
        super().__init__(
            None,
            ngettext(
                "Udsagn %(numbers)s er ikke besvaret. Besvar det, eller bekræft, at vurderingen skal afsluttes uden.",
                "Udsagn %(numbers)s er ikke besvaret. Besvar dem, eller bekræft, at vurderingen skal afsluttes uden.",
                len(statements),
            )
            % {"numbers": numbers},
            code="unanswered",
        )
        self.statements = statements


@transaction.atomic
def unit_create(
    *, actor: Actor, name: str, kind: str, whole_municipality: bool = False, leader=None, members=()
) -> OrganisationalUnit:
    name = (name or "").strip()
    if not name:
        raise FidelityError("name", _("Giv enheden et navn."))
    if OrganisationalUnit.objects.filter(municipality=actor.municipality, name=name).exists():
        raise FidelityError("name", _("Der findes allerede en enhed med navnet '%(name)s'.") % {"name": name})
    unit = OrganisationalUnit.objects.create(
        municipality=actor.municipality,
        name=name,
        kind=kind,
        whole_municipality=whole_municipality,
        leader=leader,
    )
    unit.members.set(members)
    actor_log(actor, Action.CREATE, PURPOSE, detail=f"Enhed oprettet: {name}")
    return unit


@transaction.atomic
def assessment_start(*, actor: Actor, unit: OrganisationalUnit, quarter: Quarter) -> FidelityAssessment:
    """The unit's assessment for the quarter: the existing one, or a new draft on the current form."""
    existing = FidelityAssessment.objects.filter(unit=unit, year=quarter.year, quarter=quarter.number).first()
    if existing:
        return existing
    version = formdata.current_version()
    if version is None:
        raise FidelityError(None, _("Efterlevelsesskemaet er ikke indlæst (kør migrate)."))
    assessment = FidelityAssessment.objects.create(
        municipality=actor.municipality,
        unit=unit,
        form_version=version,
        year=quarter.year,
        quarter=quarter.number,
        created_by=actor.user,
    )
    actor_log(actor, Action.CREATE, PURPOSE, detail=f"Vurdering påbegyndt: {assessment}")
    return assessment


def previous_open_actions(assessment: FidelityAssessment):
    """Actions agreed in earlier quarters still open: followed up when this quarter's form is filled."""
    return (
        AgreedAction.objects.filter(assessment__unit=assessment.unit, status=ActionStatus.OPEN)
        .exclude(assessment=assessment)
        .filter(assessment__year__lte=assessment.year)
        .exclude(assessment__year=assessment.year, assessment__quarter__gte=assessment.quarter)
        .select_related("statement", "assessment")
        .order_by("due_on", "id")
    )


@transaction.atomic
def assessment_save(
    *,
    actor: Actor,
    assessment: FidelityAssessment,
    meeting: dict,
    answers: dict[int, tuple[int | None, str]],
    new_actions: list[dict],
    follow_ups: dict[int, tuple[str, str]],
    complete: bool,
    now: datetime,
    confirmed_unanswered: Collection[int] = (),
) -> FidelityAssessment:
    """Save the meeting's work as a draft, or complete it. All or nothing.

    answers: statement id -> (value 1-5 or None, comment); new_actions: {statement_id, what, who, due_on};
    follow_ups: earlier action id -> (status, note). Completing with statements unanswered raises
    UnansweredStatements (nothing saved) unless every one of them is in ``confirmed_unanswered`` (statement
    numbers the team saw and confirmed); the completion's log row names them.
    """
    assessment = FidelityAssessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.is_completed:
        raise FidelityError(None, _("Vurderingen er afsluttet og kan ikke ændres."))
    statements = {s.id: s for s in Statement.objects.filter(theme__form_version=assessment.form_version)}
    scale = {o["value"] for o in assessment.form_version.scale}
    for sid, (value, _comment) in answers.items():
        if sid not in statements:
            raise FidelityError(None, _("Et svar hører ikke til dette skema."))
        if value is not None and value not in scale:
            raise FidelityError(
                f"s{sid}-value", _("Udsagn %(n)s: vælg et svar på skalaen.") % {"n": statements[sid].number}
            )
    for n, a in enumerate(new_actions, start=1):
        if not (a.get("what") or "").strip() or not (a.get("who") or "").strip() or not a.get("due_on"):
            if a.get("statement_id") in statements:
                text = _("Aftalt handling ved udsagn %(n)s: udfyld hvad, hvem og senest hvornår.") % {
                    "n": statements[a["statement_id"]].number
                }
            else:
                text = _("Aftalt handling ved handling %(n)s: udfyld hvad, hvem og senest hvornår.") % {
                    "n": n
                }
            raise FidelityError(a.get("field"), text)
    open_before = {a.id: a for a in previous_open_actions(assessment)}
    for action_id, (status, _note) in follow_ups.items():
        if action_id not in open_before:
            raise FidelityError(None, _("En opfølgning hører ikke til enhedens åbne handlinger."))
        if status not in ActionStatus.values:
            raise FidelityError(f"f{action_id}-status", _("Vælg en status for opfølgningen."))

    for field in ("meeting_on", "participants", "citizens_involved", "citizens_involvement"):
        setattr(assessment, field, meeting.get(field, getattr(assessment, field)))
    if complete:
        missing = [field for field in ("meeting_on", "participants") if not getattr(assessment, field)]
        if missing:
            labels = {"meeting_on": _("mødedato"), "participants": _("deltagere")}
            raise FidelityError(
                missing[0],
                _("Før vurderingen kan afsluttes: udfyld %(fields)s.")
                % {"fields": _(" og ").join(str(labels[f]) for f in missing)},
            )
        given = dict(assessment.answers.values_list("statement_id", "value"))
        given.update({sid: value for sid, (value, _comment) in answers.items()})
        unanswered = sorted(
            (s for s in statements.values() if given.get(s.id) is None), key=lambda s: s.number
        )
        if {s.number for s in unanswered} - set(confirmed_unanswered):
            raise UnansweredStatements(unanswered)
        assessment.status = AssessmentStatus.COMPLETED
        assessment.completed_at, assessment.completed_by = now, actor.user
    assessment.save()
    existing = {a.statement_id: a for a in assessment.answers.all()}
    for sid, (value, comment) in answers.items():
        row = existing.get(sid)
        if row is None:
            StatementAnswer.objects.create(
                municipality=assessment.municipality,
                assessment=assessment,
                statement_id=sid,
                value=value,
                comment=comment,
            )
        elif (row.value, row.comment) != (value, comment):
            row.value, row.comment = value, comment
            row.save(update_fields=["value", "comment"])
    for a in new_actions:
        AgreedAction.objects.create(
            municipality=assessment.municipality,
            assessment=assessment,
            statement_id=a.get("statement_id"),
            what=a["what"].strip(),
            who=a["who"].strip(),
            due_on=a["due_on"],
        )
    for action_id, (status, note) in follow_ups.items():
        action = open_before[action_id]
        if status != action.status or note:
            action.status, action.follow_up, action.followed_up_in = status, note, assessment
            action.save(update_fields=["status", "follow_up", "followed_up_in"])
    detail = f"{'Afsluttet' if complete else 'Gemt som kladde'}: {assessment}"
    if complete and unanswered:
        detail += f" (bekræftet uden svar på udsagn {', '.join(str(s.number) for s in unanswered)})"
    actor_log(actor, Action.UPDATE, PURPOSE, detail=detail)
    return assessment


@transaction.atomic
def assessment_reopen(*, actor: Actor, assessment: FidelityAssessment, reason: str) -> FidelityAssessment:
    """A leader reopens a completed assessment as a draft (a wrong answer found afterwards, say): its answers,
    comments and actions stay; it leaves the results until it is completed again. The reason is logged."""
    if not has_capability(actor.role, Capability.RUN_FIDELITY):
        raise FidelityError(None, _("Kun en leder kan genåbne en afsluttet vurdering."), code="forbidden")
    reason = (reason or "").strip()
    if not reason:
        raise FidelityError("reason", _("Skriv, hvorfor vurderingen genåbnes."))
    assessment = FidelityAssessment.objects.select_for_update().get(
        pk=assessment.pk, municipality=actor.municipality
    )
    if not assessment.is_completed:
        raise FidelityError(None, _("Vurderingen er ikke afsluttet, så den kan ikke genåbnes."))
    completed = (
        f"afsluttet {timezone.localtime(assessment.completed_at):%d.%m.%Y %H:%M}"
        if assessment.completed_at
        else "afsluttet"
    )
    assessment.status = AssessmentStatus.DRAFT
    assessment.completed_at, assessment.completed_by = None, None
    assessment.save(update_fields=["status", "completed_at", "completed_by"])
    actor_log(
        actor, Action.UPDATE, PURPOSE, detail=f"Genåbnet: {assessment} ({completed}). Begrundelse: {reason}"
    )
    return assessment


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invitation_create(
    *,
    actor: Actor,
    unit: OrganisationalUnit,
    mode: str,
    now: datetime,
    instrument: str = Instrument.BRIEF_INSPIRE,
) -> tuple[SurveyInvitation, str]:
    """A one-time token for one citizen's answer to one questionnaire (Brief INSPIRE or WHO-5); the clear
    token is returned once, only its hash is kept."""
    if mode not in InvitationMode.values:
        raise FidelityError("mode", _("Vælg link eller tablet."))
    if instrument not in Instrument.values:
        raise FidelityError("instrument", _("Vælg et spørgeskema."))
    token = secrets.token_urlsafe(24)
    invitation = SurveyInvitation.objects.create(
        municipality=actor.municipality,
        unit=unit,
        instrument=instrument,
        mode=mode,
        token_hash=_hash(token),
        expires_at=now + timedelta(days=conf.value("LINK_VALID_DAYS")),
        created_by=actor.user,
    )
    actor_log(
        actor,
        Action.CREATE,
        "Efterlevelse: borgernes stemme",
        detail=f"Spørgeskemalink ({Instrument(instrument).label}) til {unit}",
    )
    return invitation, token


def invitation_find(*, municipality, token: str, now: datetime) -> SurveyInvitation:
    """The usable invitation for a token in this municipality, or a Danish reason why not."""
    invitation = SurveyInvitation.objects.filter(
        municipality=municipality, token_hash=_hash(token or "")
    ).first()
    if invitation is None:
        raise FidelityError(None, _("Linket findes ikke. Spørg din medarbejder om et nyt."), code="not_found")
    if invitation.used_at is not None:
        raise FidelityError(None, _("Linket er allerede brugt. Et link kan kun bruges én gang."), code="used")
    if invitation.expires_at <= now:
        raise FidelityError(None, _("Linket er udløbet. Spørg din medarbejder om et nyt."), code="expired")
    return invitation


@transaction.atomic
def survey_answer(*, municipality, token: str, raw: dict, now: datetime, today: date) -> SurveyResponse:
    """Record a citizen's answer and use up the link, in one transaction: the answer keeps no link to
    the invitation or to any person (anonymous), only unit, questionnaire and quarter. The invitation's
    questionnaire parses and scores the answer."""
    invitation = invitation_find(municipality=municipality, token=token, now=now)
    # Re-read under lock so two submissions of the same link cannot both pass.
    invitation = SurveyInvitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.used_at is not None:
        raise FidelityError(None, _("Linket er allerede brugt. Et link kan kun bruges én gang."), code="used")
    questionnaire = instruments.module(invitation.instrument)
    try:
        answers = questionnaire.parse(raw)
    except ValueError as exc:
        raise FidelityError(None, str(exc)) from exc
    invitation.used_at = now
    invitation.save(update_fields=["used_at"])
    q = Quarter.of(today)
    return SurveyResponse.objects.create(
        municipality=municipality,
        unit=invitation.unit,
        instrument=invitation.instrument,
        year=q.year,
        quarter=q.number,
        answers=answers,
        score=questionnaire.score(answers),
    )
