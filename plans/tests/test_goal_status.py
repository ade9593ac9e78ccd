"""A goal's status (i gang, opnået, ændret) with the date of every change (issue 14 item 8): the pure rule
(plans/goals.py), the service across plan versions, the plan page and the citizen's PDF."""

import shutil
import subprocess
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from audit.models import AccessLogEntry, Action
from plans import goals, selectors, services
from plans.models import GoalStatusChange, PlanGoal
from plans.services import PlanDataError

TODAY = timezone.localdate()
D1, D2 = date(2026, 1, 5), date(2026, 3, 1)


# --- the rule, no database ---------------------------------------------------------------------------


def test_a_new_goal_starts_in_progress_today():
    step = goals.status_step(None, status=None, on=None, today=D1)
    assert (step.status, step.status_on, step.started_on, step.record, step.started) == (
        "in_progress",
        D1,
        D1,
        True,
        True,
    )


def test_an_unchanged_status_adds_no_step_and_keeps_its_dates():
    step = goals.status_step(goals.Previous("in_progress", D1, D1), status="in_progress", on=D2, today=D2)
    assert not step.record and step.status_on == D1 and step.started_on == D1


def test_a_changed_status_is_one_step_dated_as_given_or_today():
    step = goals.status_step(goals.Previous("in_progress", D1, D1), status="achieved", on=D2, today=TODAY)
    assert (
        step.record
        and not step.started
        and (step.status, step.status_on, step.started_on)
        == (
            "achieved",
            D2,
            D1,
        )
    )
    step = goals.status_step(goals.Previous("achieved", D2, D1), status="changed", on=None, today=TODAY)
    assert step.status_on == TODAY


def test_a_goal_from_before_statuses_keeps_an_unknown_start():
    step = goals.status_step(goals.Previous("in_progress", None, None), status="achieved", on=D2, today=TODAY)
    assert step.record and step.status_on == D2 and step.started_on is None


def test_no_status_given_keeps_the_previous_one():
    step = goals.status_step(goals.Previous("achieved", D2, D1), status=None, on=None, today=TODAY)
    assert step.status == "achieved" and not step.record


def test_a_goal_set_again_begins_its_history_anew():
    @dataclass
    class S:
        dimension: str
        started: bool

    steps = [S("housing", True), S("housing", False), S("economy", True), S("housing", True)]
    out = goals.histories(steps)
    assert out["housing"] == [steps[3]] and out["economy"] == [steps[2]]


# --- the service across versions -------------------------------------------------------------------------


def goal(text="Egen lejlighed", **kw):
    return {"housing": {"goal": text, "goal_type": "develop", "who_does_what": "Vi søger sammen"} | kw}


@pytest.fixture
def leader(users_a, municipality_a, actor_factory):
    return actor_factory(users_a[Role.LEADER], municipality_a, Role.LEADER)


@pytest.fixture
def anna(worker_a, person_factory):
    return person_factory(worker_a, first_name="Anna", last_name="Plan", start=TODAY - timedelta(days=60))


@pytest.mark.django_db
def test_statuses_are_carried_to_new_versions_and_every_change_is_dated(leader, anna):
    services.plan_save(actor=leader, person=anna, wishes="Et hjem", goals=goal())
    services.plan_save(actor=leader, person=anna, wishes="Et hjem", goals=goal(status="in_progress"))
    v3 = services.plan_save(actor=leader, person=anna, goals=goal(status="achieved", status_on=TODAY))
    g = PlanGoal.objects.get(plan=v3)
    assert (g.status, g.status_on, g.started_on) == ("achieved", TODAY, TODAY)
    steps = list(GoalStatusChange.objects.filter(person=anna).values_list("status", "changed_on", "started"))
    assert steps == [("in_progress", TODAY, True), ("achieved", TODAY, False)]
    rows = {r["key"]: r for r in selectors.goal_rows(v3, show_health=True)}
    assert [s["code"] for s in rows["housing"]["history"]] == ["in_progress", "achieved"]
    assert rows["housing"]["status_label"] == "Opnået"


@pytest.mark.django_db
def test_an_older_version_shows_the_history_as_it_was(leader, anna):
    v1 = services.plan_save(actor=leader, person=anna, goals=goal())
    services.plan_save(actor=leader, person=anna, goals=goal(status="changed"))
    rows = {r["key"]: r for r in selectors.goal_rows(v1, show_health=True)}
    assert rows["housing"]["status"] == "in_progress" and len(rows["housing"]["history"]) == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kw,field",
    [
        ({"status": "done"}, "housing_status"),
        ({"status": "achieved", "status_on": TODAY + timedelta(days=1)}, "housing_status_on"),
        ({"status": "achieved", "status_on": "i går"}, "housing_status_on"),
    ],
    ids=["unknown_status", "future_date", "not_a_date"],
)
def test_the_service_refuses_a_bad_status_and_saves_nothing(kw, field, leader, anna):
    services.plan_save(actor=leader, person=anna, goals=goal())
    with pytest.raises(PlanDataError) as exc:
        services.plan_save(actor=leader, person=anna, goals=goal(**kw))
    assert exc.value.field == field
    assert GoalStatusChange.objects.filter(person=anna).count() == 1


@pytest.mark.django_db
def test_a_change_dated_before_the_goal_was_set_is_refused(leader, anna):
    services.plan_save(actor=leader, person=anna, goals=goal())
    with pytest.raises(PlanDataError, match="før målet blev sat"):
        services.plan_save(
            actor=leader, person=anna, goals=goal(status="achieved", status_on=TODAY - timedelta(days=9))
        )


@pytest.mark.django_db
def test_the_edit_form_sets_the_status_and_the_plan_page_shows_it(leader, users_a, login, anna):
    services.plan_save(actor=leader, person=anna, goals=goal())
    client = login(users_a[Role.LEADER])
    form = client.get(reverse("plans:plan_edit", args=[anna.pk])).content.decode()
    assert 'name="housing_status"' in form and '<option value="in_progress" selected>' in form
    client.post(
        reverse("plans:plan_edit", args=[anna.pk]),
        {
            "housing_goal": "Egen lejlighed",
            "housing_goal_type": "develop",
            "housing_status": "achieved",
            "housing_status_on": "",
        },
    )
    page = client.get(reverse("plans:plan", args=[anna.pk])).content.decode()
    assert "Opnået" in page and f"siden {TODAY:%d.%m.%Y}" in page
    assert "målet sat (i gang)" in page  # the history: set, then achieved
    assert reverse("plans:plan_citizen_pdf", args=[anna.pk]) in page and "Udskriv til borgeren" in page


@pytest.mark.django_db
def test_the_edit_form_refuses_the_same_future_date_at_the_field(leader, users_a, login, anna):
    services.plan_save(actor=leader, person=anna, goals=goal())
    response = login(users_a[Role.LEADER]).post(
        reverse("plans:plan_edit", args=[anna.pk]),
        {
            "housing_goal": "Egen lejlighed",
            "housing_goal_type": "develop",
            "housing_status": "achieved",
            "housing_status_on": (TODAY + timedelta(days=3)).isoformat(),
        },
    )
    assert 'id="id_housing_status_on-error"' in response.content.decode()
    assert GoalStatusChange.objects.filter(person=anna).count() == 1


# --- the citizen's PDF ------------------------------------------------------------------------------------


def pdf_text(body: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=body, capture_output=True, check=True
    ).stdout.decode()


@pytest.mark.django_db
def test_the_citizen_pdf_is_plain_wishes_first_goals_with_status_and_dates(leader, users_a, login, anna):
    services.plan_save(
        actor=leader,
        person=anna,
        wishes="Jeg drømmer om en have",
        next_review_on=TODAY + timedelta(days=30),
        goals=goal()
        | {"economy": {"goal": "Styr på regningerne", "goal_type": "maintain", "who_does_what": ""}},
    )
    services.plan_save(
        actor=leader,
        person=anna,
        wishes="Jeg drømmer om en have",
        goals=goal(status="achieved")
        | {"economy": {"goal": "Styr på regningerne", "goal_type": "maintain", "who_does_what": ""}},
    )
    client = login(users_a[Role.LEADER])
    response = client.get(reverse("plans:plan_citizen_pdf", args=[anna.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF") and "no-store" in response["Cache-Control"]
    assert AccessLogEntry.objects.filter(person_id=anna.pk, action=Action.EXPORT).exists()
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed")
    text = " ".join(pdf_text(response.content).split())
    assert "Frederikssund Kommune" in text and "Din plan, Anna Plan" in text
    assert text.index("Jeg drømmer om en have") < text.index("Egen lejlighed")
    assert "Målet er nået" in text and "Vi arbejder med målet nu" in text
    assert "Leader" in text or users_a[Role.LEADER].get_full_name() in text
    assert f"{TODAY.year}" in text
    for internal in ("develop", "maintain", "housing", "in_progress", "version"):
        assert internal not in text


@pytest.mark.django_db
def test_the_citizen_pdf_shows_no_cpr(leader, users_a, login, worker_a, person_factory):
    bo = person_factory(worker_a, first_name="Bo", last_name="Cpr", cpr="010185-1230", start=TODAY)
    services.plan_save(actor=leader, person=bo, wishes="Ro", goals=goal())
    body = login(users_a[Role.LEADER]).get(reverse("plans:plan_citizen_pdf", args=[bo.pk])).content
    if shutil.which("pdftotext"):
        text = pdf_text(body)
        assert "010185" not in text and "1230" not in text and "Bo Cpr" in text


@pytest.mark.django_db
def test_without_a_plan_there_is_nothing_to_print(users_a, login, anna):
    response = login(users_a[Role.LEADER]).get(reverse("plans:plan_citizen_pdf", args=[anna.pk]))
    assert response.status_code == 302 and response["Location"] == reverse("plans:plan", args=[anna.pk])


@pytest.mark.django_db
def test_a_role_without_support_work_cannot_print_the_plan(leader, users_a, login, anna):
    services.plan_save(actor=leader, person=anna, goals=goal())
    assert (
        login(users_a[Role.HOUSING_BROKER]).get(reverse("plans:plan_citizen_pdf", args=[anna.pk])).status_code
        == 403
    )


@pytest.mark.django_db
def test_another_municipality_cannot_print_the_plan(leader, users_b, login, anna):
    services.plan_save(actor=leader, person=anna, goals=goal())
    assert (
        login(users_b[Role.LEADER]).get(reverse("plans:plan_citizen_pdf", args=[anna.pk])).status_code == 404
    )
