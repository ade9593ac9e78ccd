"""Demo data for the fidelity app: three units (a Housing First team, a shelter and the department),
four quarters of completed assessments with a visible upward trend for the team, agreed actions (some
followed up, one past its date), this quarter's form still a draft for the shelter (the reminder), and
anonymous Brief INSPIRE and WHO-5 answers: at least 5 a quarter for the team and the department, fewer
for the shelter so the anonymity threshold shows; WHO-5 rises over the quarters. Called by
demo/loader.py; rows are created directly (no access log: nobody read anything)."""

import random
from datetime import timedelta

from django.utils import timezone

from accounts.roles import Role

from . import formdata, inspire, who5
from .models import (
    ActionStatus,
    AgreedAction,
    AssessmentStatus,
    FidelityAssessment,
    OrganisationalUnit,
    Statement,
    StatementAnswer,
    SurveyInvitation,
    SurveyResponse,
    UnitKind,
)
from .quarters import Quarter, last_n

QUARTERS = 4
# unit name, kind, whole municipality, starting level (1-5), rise per quarter, Brief INSPIRE answers a quarter
UNITS = [
    ("Housing First-teamet", UnitKind.TEAM, False, 2.6, 0.45, (6, 9)),
    ("Herberget Fjordhus", UnitKind.SHELTER, False, 2.2, 0.15, (2, 4)),
    ("Socialafdelingen", UnitKind.DEPARTMENT, True, 3.0, 0.2, (5, 7)),
]
ACTIONS = [
    (6, "Indgå samarbejdsaftale med endnu en almen boligorganisation", "Leder"),
    (3, "Fælles temadag om recovery og ønsker, drømme og håb", "Teamkoordinator"),
    (12, "Fast procedure for opsøgende kontakt, når en borger trækker sig", "Støttemedarbejder"),
    (11, "Afslutningskriterier skrevet ud fra borgerens egne mål", "Leder"),
]


def reset(municipalities):
    SurveyResponse.objects.filter(municipality__in=municipalities).delete()
    SurveyInvitation.objects.filter(municipality__in=municipalities).delete()
    FidelityAssessment.objects.filter(municipality__in=municipalities).delete()
    OrganisationalUnit.objects.filter(municipality__in=municipalities).delete()


def seed(*, municipality, staff, rng, today, areas):
    version = formdata.current_version()
    if version is None:
        return
    statements = list(Statement.objects.filter(theme__form_version=version).order_by("number"))
    leader = staff.get(Role.LEADER)
    members = [u for u in (staff.get(Role.SUPPORT_WORKER), staff.get(Role.OUTREACH_WORKER)) if u]
    current = Quarter.of(today)
    quarters = last_n(current.previous(), QUARTERS)
    # WHO-5 draws from its own generator (seeded per municipality), so it leaves the shared one, and with
    # it every other demo row, as it was.
    who5_rng = random.Random(f"who5-{municipality.code}")
    for name, kind, whole, level, rise, (few, many) in UNITS:
        unit = OrganisationalUnit.objects.create(
            municipality=municipality, name=name, kind=kind, whole_municipality=whole, leader=leader
        )
        if not whole:
            unit.members.set(members)
        previous = None
        for i, q in enumerate(quarters):
            a = _assessment(municipality, unit, version, q, leader, completed=True)
            base = level + rise * i
            for s in statements:
                # statement-specific offsets keep some statements visibly weaker; a few left unanswered
                value = (
                    None
                    if rng.random() < 0.04
                    else max(1, min(5, round(base + rng.uniform(-1.1, 0.9) - (s.number % 5 == 0) * 0.6)))
                )
                StatementAnswer.objects.create(
                    municipality=municipality,
                    assessment=a,
                    statement=s,
                    value=value,
                    comment="Drøftet med borgerrådet." if s.number == 13 and i % 2 else "",
                )
            if previous is not None:  # the previous quarter's actions are followed up now
                for act in AgreedAction.objects.filter(assessment=previous, status=ActionStatus.OPEN):
                    act.status, act.follow_up, act.followed_up_in = (
                        ActionStatus.DONE,
                        "Gennemført som aftalt.",
                        a,
                    )
                    act.save()
            number, what, who = ACTIONS[i % len(ACTIONS)]
            AgreedAction.objects.create(
                municipality=municipality,
                assessment=a,
                statement=statements[number - 1],
                what=what,
                who=who,
                due_on=q.end + timedelta(days=45),
            )
            previous = a
            for _ in range(rng.randint(few, many)):
                answers = {
                    item.key: (
                        None
                        if rng.random() < 0.08
                        else max(0, min(4, round(1.2 + 0.4 * i + rng.uniform(-1, 1.6))))
                    )
                    for item in inspire.ITEMS
                }
                SurveyResponse.objects.create(
                    municipality=municipality,
                    unit=unit,
                    instrument="brief_inspire",
                    year=q.year,
                    quarter=q.number,
                    answers=answers,
                    score=inspire.score(answers),
                )
            for _ in range(who5_rng.randint(few, many)):
                answers = {
                    item.key: max(0, min(5, round(1.8 + 0.35 * i + who5_rng.uniform(-1.2, 1.2))))
                    for item in who5.ITEMS
                }
                SurveyResponse.objects.create(
                    municipality=municipality,
                    unit=unit,
                    instrument="who5",
                    year=q.year,
                    quarter=q.number,
                    answers=answers,
                    score=who5.score(answers),
                )
        if kind == UnitKind.SHELTER:
            # this quarter still a draft, and last quarter's action left open past its date: both show as reminders
            _assessment(municipality, unit, version, current, leader, completed=False)
            AgreedAction.objects.filter(assessment=previous).update(due_on=today - timedelta(days=5))


def _assessment(municipality, unit, version, q, leader, *, completed):
    return FidelityAssessment.objects.create(
        municipality=municipality,
        unit=unit,
        form_version=version,
        year=q.year,
        quarter=q.number,
        status=AssessmentStatus.COMPLETED if completed else AssessmentStatus.DRAFT,
        meeting_on=q.end - timedelta(days=10) if completed else None,
        participants="Leder, koordinator og fire medarbejdere" if completed else "",
        citizens_involved=completed,
        citizens_involvement="Brief INSPIRE, WHO-5 og borgermøde" if completed else "",
        created_by=leader,
        completed_by=leader if completed else None,
        completed_at=timezone.now() if completed else None,
    )
