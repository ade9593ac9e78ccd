"""Demo data for the plans app: assessments (some partial, some revised), method decisions, action plans
with the citizen's wishes, dreams and hopes, and consents, for many demo people. The reviews due on the demo support worker's front page are set
by support/demo_seed.py, which knows the worker's citizens (their open episodes).

Rows are bulk-created (no access log: nobody read anything), called by demo/loader.py.
"""

import random
from datetime import timedelta

from accounts.roles import Role
from people.models import Person
from people.statuses import ACTIVE

from . import conf
from .dimensions import Dimension, GoalStatus, GoalType, ServicesUse
from .models import (
    ActionPlan,
    Assessment,
    AssessmentDimension,
    Consent,
    GoalStatusChange,
    MethodDecision,
    PlanGoal,
    Recipient,
)
from .recommendation import AssessmentInput, recommend

SHARE = 0.5  # share of the active demo people with an assessment and a plan

OWN_WORDS = {
    Dimension.HOUSING: [
        "Jeg vil have mit eget sted med en dør, jeg kan låse.",
        "Bare et værelse, hvor jeg kan være i fred.",
        "Jeg har boet på herberget for længe.",
    ],
    Dimension.MENTAL_HEALTH: [
        "Jeg sover dårligt og bliver urolig blandt mange mennesker.",
        "Det går op og ned med humøret.",
    ],
    Dimension.PHYSICAL_HEALTH: [
        "Mine fødder gør ondt efter vinteren.",
        "Jeg har ikke været hos lægen i flere år.",
    ],
    Dimension.ECONOMY: ["Pengene slipper op midt i måneden.", "Jeg skylder penge og åbner ikke mine breve."],
    Dimension.DAILY_ACTIVITIES: ["Jeg kan godt lave mad, hvis jeg har et køkken.", "Dagene flyder sammen."],
    Dimension.NETWORK: ["Min søster ringer nogle gange.", "Jeg vil gerne se min datter igen."],
    Dimension.SUBSTANCE_USE: [
        "Jeg drikker mindre, når jeg har noget at lave.",
        "Hash hjælper mig med at sove.",
    ],
    Dimension.EDUCATION_EMPLOYMENT: ["Jeg var tømrer engang.", "Måske et job med dyr en dag."],
}
VIEWS = [
    "Borgeren har brug for hjælp til at komme i gang.",
    "Ressourcer til stede; behov for koordinering.",
    "Behov for hyppig kontakt og praktisk støtte.",
    "Borgeren klarer det selv med lidt opfølgning.",
]
WISHES = [
    "Jeg drømmer om en lille lejlighed tæt på vandet og om at få min hund tilbage.",
    "Jeg håber, jeg kan holde jul med min datter i år.",
    "Jeg vil gerne have et arbejde igen og ikke skulle bede om noget.",
    "Jeg ønsker ro, et køkken og en seng, der er min egen.",
    "Jeg håber at komme til at spille fodbold igen og få nogle venner, der ikke drikker.",
]
GOALS = {
    Dimension.HOUSING: (
        "Flytte ind i egen bolig og blive boende",
        "Medarbejderen følger med til fremvisning; borgeren skriver under.",
    ),
    Dimension.ECONOMY: (
        "Betale husleje til tiden hver måned",
        "Borgeren og medarbejderen laver budget; aftale om huslejen trukket automatisk.",
    ),
    Dimension.NETWORK: (
        "Genoptage kontakten til familien",
        "Borgeren skriver til sin søster; medarbejderen hjælper med brevet.",
    ),
    Dimension.DAILY_ACTIVITIES: (
        "Lave mad selv tre gange om ugen",
        "Medarbejderen handler ind med borgeren de første uger.",
    ),
    Dimension.MENTAL_HEALTH: (
        "Sove bedre og få kontakt til egen læge",
        "Medarbejderen bestiller tid og følger med.",
    ),
    Dimension.SUBSTANCE_USE: (
        "Drikke mindre på hverdage",
        "Borgeren sætter selv mål; medarbejderen spørger ind hver uge.",
    ),
    Dimension.EDUCATION_EMPLOYMENT: (
        "Afprøve et par timers frivilligt arbejde",
        "Jobcentrets kontaktperson deltager i et møde.",
    ),
}
CONSENT_SCOPES = {
    Recipient.LANDLORD: "Navn, telefonnummer og at borgeren får støtte i boligen",
    Recipient.HOSPITAL: "Indlæggelse og udskrivning, så støtten kan fortsætte",
    Recipient.PRISON_SERVICE: "Løsladelsesdato og kontaktperson",
    Recipient.TREATMENT: "Behandlingsplan og mødetider",
    Recipient.MUNICIPALITY: "Handleplan og støtte ved flytning",
}


def seed(*, municipality, staff, rng, today, areas):
    worker = staff.get(Role.SUPPORT_WORKER) or staff.get(Role.LEADER)
    if worker is None:
        return
    people = list(
        Person.objects.filter(municipality=municipality, current_status__in=[s.value for s in ACTIVE])
        .order_by("id")
        .values_list("id", "protected")
    )
    chosen = [pid for pid, protected in people if not protected and rng.random() < SHARE]
    thresholds = conf.thresholds()
    assessments, dimensions, decisions, plans, goals, consents = [], [], [], [], [], []
    for pid in chosen:
        versions = rng.choice([1, 1, 2])
        for v in range(1, versions + 1):
            partial = rng.random() < 0.3
            use = "" if partial and rng.random() < 0.5 else rng.choice([u.value for u in ServicesUse])
            levels = {
                d: (None if partial and rng.random() < 0.5 else rng.choice([0, 1, 2, 2, 3, 3, 4]))
                for d in Dimension
            }
            a = Assessment(
                municipality=municipality,
                person_id=pid,
                version=v,
                is_current=v == versions,
                services_use=use,
                note="Udredningen fortsætter." if partial else "",
                created_by=worker,
            )
            assessments.append((a, levels))
        plan_versions = rng.choice([1, 2])
        for v in range(1, plan_versions + 1):
            review = today + timedelta(days=rng.randint(-10, 90))
            p = ActionPlan(
                municipality=municipality,
                person_id=pid,
                version=v,
                is_current=v == plan_versions,
                wishes=rng.choice(WISHES),
                next_review_on=review,
                created_by=worker,
                coordinates_job="Jobplan hos jobcentret" if rng.random() < 0.3 else "",
                coordinates_shelter="Ophold på forsorgshjemmet indtil indflytning"
                if rng.random() < 0.3
                else "",
                coordinates_treatment="Behandlingsplan i kommunens rusmiddelcenter"
                if rng.random() < 0.3
                else "",
            )
            chosen_goals = rng.sample(list(GOALS), k=rng.randint(2, 4))
            plans.append((p, chosen_goals))
        for recipient in rng.sample(list(Recipient), k=rng.randint(0, 3)):
            given = today - timedelta(days=rng.randint(5, 300))
            revoked = given + timedelta(days=rng.randint(1, 4)) if rng.random() < 0.1 else None
            consents.append(
                Consent(
                    municipality=municipality,
                    person_id=pid,
                    recipient=recipient,
                    scope=CONSENT_SCOPES[recipient],
                    given_on=given,
                    revoked_on=revoked,
                    revoked_by=worker if revoked else None,
                    recorded_by=worker,
                )
            )
    Assessment.objects.bulk_create([a for a, _ in assessments])
    for a, levels in assessments:
        for d, level in levels.items():
            dimensions.append(
                AssessmentDimension(
                    municipality=municipality,
                    assessment=a,
                    dimension=d,
                    level=level,
                    own_words=rng.choice(OWN_WORDS[d]) if level is not None else "",
                    professional_view=rng.choice(VIEWS) if level is not None else "",
                )
            )
        if a.is_current:
            rec = recommend(
                AssessmentInput(
                    services_use=ServicesUse(a.services_use) if a.services_use else None, levels=levels
                ),
                thresholds=thresholds,
            )
            against = rng.random() < 0.15
            method = "icm" if against and rec.method != "icm" else rec.method
            decisions.append(
                MethodDecision(
                    municipality=municipality,
                    person_id=a.person_id,
                    assessment=a,
                    recommended_method=rec.method,
                    recommendation_reason=rec.reason,
                    decided_method=method,
                    decided_by=worker,
                    reason="Borgeren kender allerede sin ICM-medarbejder og ønsker at fortsætte."
                    if method != rec.method
                    else "",
                )
            )
    AssessmentDimension.objects.bulk_create(dimensions)
    MethodDecision.objects.bulk_create(decisions)
    ActionPlan.objects.bulk_create([p for p, _ in plans])
    for p, dims in plans:
        goals += [
            PlanGoal(
                municipality=municipality,
                plan=p,
                dimension=d,
                goal=GOALS[d][0],
                who_does_what=GOALS[d][1],
                goal_type=rng.choice(
                    [GoalType.DEVELOP, GoalType.DEVELOP, GoalType.MAINTAIN, GoalType.LIMIT_LOSS]
                ),
            )
            for d in dims
        ]
    # Each goal's status and its dated steps (issue 14 item 8): mostly in progress, some achieved or
    # changed. A random generator of its own, so the rest of the demo stays as it was.
    status_rng = random.Random(f"goal-status-{municipality.code}")
    steps = []
    for g in goals:
        g.started_on = today - timedelta(days=status_rng.randint(30, 200))
        g.status = status_rng.choice([GoalStatus.IN_PROGRESS] * 3 + [GoalStatus.ACHIEVED, GoalStatus.CHANGED])
        g.status_on = g.started_on
        step = {
            "municipality": municipality,
            "person_id": g.plan.person_id,
            "plan": g.plan,
            "dimension": g.dimension,
        }
        steps.append(
            GoalStatusChange(**step, status=GoalStatus.IN_PROGRESS, changed_on=g.started_on, started=True)
        )
        if g.status != GoalStatus.IN_PROGRESS:
            g.status_on = min(today, g.started_on + timedelta(days=status_rng.randint(14, 120)))
            steps.append(GoalStatusChange(**step, status=g.status, changed_on=g.status_on))
    PlanGoal.objects.bulk_create(goals)
    GoalStatusChange.objects.bulk_create(steps)
    Consent.objects.bulk_create(consents)
