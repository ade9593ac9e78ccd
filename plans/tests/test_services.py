"""Assessments, decisions, plans and consents through the services and selectors."""

from datetime import date, timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.roles import Role
from audit.models import AccessLogEntry, Action
from plans import selectors, services
from plans.consent import ConsentMissing, consent_require, has_consent
from plans.methods import Method
from plans.models import ActionPlan, Assessment, MethodDecision, Recipient
from plans.services import PlanDataError

pytestmark = pytest.mark.django_db
RECENT = timezone.localdate() - timedelta(days=20)


@pytest.fixture
def person(worker_a, person_factory):
    return person_factory(worker_a, start=RECENT)


@pytest.fixture
def support_a(users_a, municipality_a, actor_factory):
    """A support worker of A who is not one of the person's own workers."""
    return actor_factory(users_a[Role.SUPPORT_WORKER], municipality_a, Role.SUPPORT_WORKER)


def dims(**levels):
    return {
        d: {"own_words": f"{d} i egne ord", "professional_view": "", "level": lvl}
        for d, lvl in levels.items()
    }


# --- assessment ----------------------------------------------------------------------------------


def test_an_empty_assessment_is_allowed_and_every_dimension_is_not_assessed(worker_a, person):
    a = services.assessment_save(actor=worker_a, person=person, dimensions={})
    assert a.version == 1 and a.services_use == ""
    assert [d.level for d in a.dimensions.all()] == [None] * 8


def test_each_save_is_a_new_version_and_earlier_ones_are_kept(worker_a, person):
    first = services.assessment_save(
        actor=worker_a, person=person, services_use="large", dimensions=dims(housing=2)
    )
    second = services.assessment_save(
        actor=worker_a, person=person, services_use="some", dimensions=dims(housing=3)
    )
    assert [a.version for a in Assessment.objects.filter(person=person).order_by("version")] == [1, 2]
    first.refresh_from_db()
    assert not first.is_current and second.is_current
    rows = selectors.assessment_compare(first, second, show_health=True)
    changed = {r["label"] for r in rows if r["changed"]}
    assert {"Kan benytte eksisterende tilbud", "Bolig: VUM-niveau"} <= changed
    assert "Økonomi: VUM-niveau" not in changed
    log = AccessLogEntry.objects.filter(person_id=person.pk, action=Action.UPDATE, purpose="Udredning").get()
    assert log.changes["housing.level"] == ["2", "3"]


def test_a_level_outside_vum_is_refused_with_the_dimension_named(worker_a, person):
    with pytest.raises(PlanDataError) as exc:
        services.assessment_save(actor=worker_a, person=person, dimensions=dims(economy=7))
    assert exc.value.field == "economy_level" and "0-4" in exc.value.message


def test_a_worker_who_may_not_see_health_keeps_the_health_dimensions_unchanged(worker_a, support_a, person):
    services.assessment_save(actor=worker_a, person=person, dimensions=dims(mental_health=3, housing=1))
    services.assessment_save(actor=support_a, person=person, dimensions=dims(mental_health=0, housing=2))
    current = {d.dimension: d for d in selectors.assessment_get(worker_a, person).dimensions.all()}
    assert (
        current["mental_health"].level == 3
        and current["mental_health"].own_words == "mental_health i egne ord"
    )
    assert current["housing"].level == 2


# --- recommendation and decision -----------------------------------------------------------------


def test_a_decision_as_recommended_needs_no_reason(worker_a, person):
    services.assessment_save(actor=worker_a, person=person, services_use="little", dimensions={})
    d = services.method_decide(actor=worker_a, person=person, decided_method="act", citizen_willing=True)
    assert (d.recommended_method, d.decided_method, d.reason) == ("act", "act", "")
    assert d.decided_by == worker_a.user and d.decided_at is not None


def test_choosing_against_the_recommendation_without_a_reason_is_refused(worker_a, person):
    services.assessment_save(actor=worker_a, person=person, services_use="little", dimensions={})
    with pytest.raises(PlanDataError) as exc:
        services.method_decide(
            actor=worker_a, person=person, decided_method="cti", reason="  ", citizen_willing=True
        )
    assert exc.value.field == "reason" and "anbefaler ACT" in exc.value.message
    assert not MethodDecision.objects.exists()
    d = services.method_decide(
        actor=worker_a,
        person=person,
        decided_method="cti",
        citizen_willing=True,
        reason="Borgeren flytter fra fængsel og vil selv bruge lægen og jobcentret.",
    )
    assert d.recommended_method == "act" and d.decided_method == "cti" and d.reason.startswith("Borgeren")


def test_the_database_also_refuses_a_decision_against_the_recommendation_without_reason(person):
    with pytest.raises(IntegrityError), transaction.atomic():
        MethodDecision.objects.create(
            municipality=person.municipality,
            person=person,
            recommended_method="act",
            recommendation_reason="x",
            decided_method="cti",
            reason="",
        )


def test_without_an_assessment_a_method_is_recommended_and_can_be_decided(worker_a, person):
    """The assessment never blocks support from starting (seed 004, 4.2)."""
    d = services.method_decide(actor=worker_a, person=person, decided_method=Method.ICM, citizen_willing=True)
    assert d.assessment is None and d.recommended_method == "icm"


def test_willingness_is_the_only_condition_for_a_decision(worker_a, person):
    with pytest.raises(PlanDataError) as exc:
        services.method_decide(actor=worker_a, person=person, decided_method="icm", citizen_willing=False)
    assert exc.value.field == "citizen_willing"


# --- action plan ---------------------------------------------------------------------------------


def goals(**kw):
    return {
        d: {"goal": g, "goal_type": t, "who_does_what": "Borger og medarbejder"} for d, (g, t) in kw.items()
    }


def test_plan_versions_are_kept_and_comparable(worker_a, person):
    first = services.plan_save(
        actor=worker_a,
        person=person,
        wishes="Egen lejlighed med altan",
        next_review_on=RECENT + timedelta(days=60),
        goals=goals(housing=("Flytte ind", "develop")),
    )
    second = services.plan_save(
        actor=worker_a,
        person=person,
        wishes="Egen lejlighed med altan og en hund",
        next_review_on=RECENT + timedelta(days=90),
        goals=goals(housing=("Blive boende", "maintain"), mental_health=("Sove bedre", "develop")),
    )
    first.refresh_from_db()
    assert (first.version, first.is_current, second.version, second.is_current) == (1, False, 2, True)
    rows = {r["label"]: r for r in selectors.plan_compare(first, second, show_health=True)}
    assert rows["Borgerens ønsker, drømme og håb"]["changed"]
    assert (
        rows["Bolig: mål"]["a"] == "Flytte ind (Udvikle)"
        and rows["Bolig: mål"]["b"] == "Blive boende (Fastholde)"
    )
    assert rows["Psykisk helbred: mål"]["changed"]
    hidden = {r["label"]: r for r in selectors.plan_compare(first, second, show_health=False)}
    assert hidden["Psykisk helbred"]["a"] == "Skjult" and "Psykisk helbred: mål" not in hidden
    assert "Behandlingsplan" not in hidden


def test_a_goal_needs_a_goal_type(worker_a, person):
    with pytest.raises(PlanDataError) as exc:
        services.plan_save(
            actor=worker_a, person=person, goals={"economy": {"goal": "Betale husleje", "goal_type": ""}}
        )
    assert exc.value.field == "economy_goal_type" and "udvikle" in exc.value.message
    assert not ActionPlan.objects.exists()


def test_health_goals_and_treatment_plan_carry_over_for_a_worker_who_may_not_see_them(
    worker_a, support_a, person
):
    services.plan_save(
        actor=worker_a,
        person=person,
        coordinates_treatment="Alkoholbehandling i Hillerød",
        goals=goals(substance_use=("Mindre alkohol", "limit_loss")),
    )
    plan = services.plan_save(
        actor=support_a,
        person=person,
        coordinates_treatment="",
        wishes="Nyt",
        goals=goals(economy=("Budget", "develop")),
    )
    assert plan.coordinates_treatment == "Alkoholbehandling i Hillerød"
    assert {g.dimension for g in plan.goals.all()} == {"substance_use", "economy"}


def test_reviews_due_lists_current_plans_due_soon_for_given_people_and_logs_them(
    worker_a, worker_b, person_factory, users_a
):
    today = timezone.localdate()
    due = person_factory(worker_a, first_name="Due", start=RECENT)
    later = person_factory(worker_a, first_name="Later", start=RECENT)
    old_version = person_factory(worker_a, first_name="Old", start=RECENT)
    services.plan_save(actor=worker_a, person=due, next_review_on=today + timedelta(days=3), goals={})
    services.plan_save(actor=worker_a, person=later, next_review_on=today + timedelta(days=60), goals={})
    services.plan_save(actor=worker_a, person=old_version, next_review_on=today - timedelta(days=1), goals={})
    services.plan_save(
        actor=worker_a, person=old_version, next_review_on=today + timedelta(days=40), goals={}
    )
    b = person_factory(worker_b, first_name="Bodil", start=RECENT)
    services.plan_save(actor=worker_b, person=b, next_review_on=today, goals={})

    plans = selectors.reviews_due(worker_a, today=today)
    assert [p.person.first_name for p in plans] == ["Due"]
    assert [p.person_id for p in selectors.reviews_due(worker_a, today=today, people=[due.pk, later.pk])] == [
        due.pk
    ]
    assert selectors.reviews_due(worker_a, today=today, people=[later.pk]) == []
    assert AccessLogEntry.objects.filter(person_id=due.pk, purpose="Opfølgning på handleplaner").exists()


# --- consent -------------------------------------------------------------------------------------


def test_consent_covers_its_dates_and_ends_on_revocation(worker_a, person):
    c = services.consent_give(
        actor=worker_a,
        person=person,
        recipient="landlord",
        scope="Navn og telefon",
        given_on=date(2026, 3, 1),
        valid_until=date(2026, 12, 31),
    )
    assert not has_consent(person=person, recipient="landlord", on=date(2026, 2, 28))
    assert has_consent(person=person, recipient="landlord", on=date(2026, 3, 1))
    assert has_consent(person=person, recipient="landlord", on=date(2026, 12, 31))
    assert not has_consent(person=person, recipient="landlord", on=date(2027, 1, 1))
    assert not has_consent(person=person, recipient="hospital", on=date(2026, 6, 1))
    services.consent_revoke(actor=worker_a, consent=c, revoked_on=date(2026, 6, 1))
    assert has_consent(person=person, recipient="landlord", on=date(2026, 5, 31))
    assert not has_consent(person=person, recipient="landlord", on=date(2026, 6, 1))


def test_a_share_without_consent_is_refused_with_a_danish_message(worker_a, person):
    with pytest.raises(ConsentMissing) as exc:
        consent_require(person=person, recipient=Recipient.PRISON_SERVICE, on=date(2026, 5, 1))
    assert "ikke givet samtykke" in exc.value.message and "kriminalforsorgen" in exc.value.message
    services.consent_give(
        actor=worker_a,
        person=person,
        recipient="prison_service",
        scope="Løsladelsesdato",
        given_on=date(2026, 4, 1),
    )
    consent_require(person=person, recipient="prison_service", on=date(2026, 5, 1))


def test_consent_dates_are_checked(worker_a, person):
    with pytest.raises(PlanDataError) as exc:
        services.consent_give(
            actor=worker_a,
            person=person,
            recipient="hospital",
            scope="Indlæggelse",
            given_on=date(2026, 3, 1),
            valid_until=date(2026, 2, 1),
        )
    assert exc.value.field == "valid_until"
    c = services.consent_give(
        actor=worker_a, person=person, recipient="hospital", scope="Indlæggelse", given_on=date(2026, 3, 1)
    )
    with pytest.raises(PlanDataError):
        services.consent_revoke(actor=worker_a, consent=c, revoked_on=date(2026, 2, 1))
    services.consent_revoke(actor=worker_a, consent=c, revoked_on=date(2026, 3, 2))
    with pytest.raises(PlanDataError) as exc:
        services.consent_revoke(actor=worker_a, consent=c, revoked_on=date(2026, 3, 3))
    assert "allerede tilbagekaldt" in exc.value.message


def test_an_unknown_recipient_is_a_programming_error(person):
    with pytest.raises(ValueError):
        has_consent(person=person, recipient="newspaper", on=date(2026, 1, 1))


def test_consent_of_another_municipality_never_counts(worker_a, worker_b, person, person_factory):
    b = person_factory(worker_b, first_name="Bodil", start=RECENT)
    services.consent_give(actor=worker_b, person=b, recipient="landlord", scope="Alt", given_on=RECENT)
    assert has_consent(person=b, recipient="landlord", on=RECENT)
    assert not has_consent(person=person, recipient="landlord", on=RECENT)
    assert selectors.consents(worker_a, b, show_health=True) == []


def test_the_model_rule_matches_has_consent(worker_a, person):
    c = services.consent_give(
        actor=worker_a,
        person=person,
        recipient="treatment",
        scope="Behandlingsforløb",
        given_on=date(2026, 1, 10),
        valid_until=date(2026, 1, 20),
    )
    services.consent_revoke(actor=worker_a, consent=c, revoked_on=date(2026, 1, 15))
    c.refresh_from_db()
    for day in (date(2026, 1, 9), date(2026, 1, 10), date(2026, 1, 14), date(2026, 1, 15), date(2026, 1, 21)):
        assert c.in_force_on(day) == has_consent(person=person, recipient="treatment", on=day), day


def test_plans_and_decisions_never_require_an_assessment(worker_a, person):
    """Nothing may wait for the assessment (seed 004, 4.2)."""
    plan = services.plan_save(actor=worker_a, person=person, wishes="Egen bolig", goals={})
    assert plan.version == 1 and not Assessment.objects.filter(person=person).exists()
