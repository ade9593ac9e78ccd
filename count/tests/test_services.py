"""Opening a count week (who is counted, what is pre-filled), completing a form, closing the week."""

from datetime import date, datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from accounts.roles import Role
from audit.models import AccessLogEntry, Action
from count import questionnaire as q
from count import services
from count.models import CountForm, CountWeek
from people import services as people
from people.models import Person
from plans.models import ActionPlan

pytestmark = pytest.mark.django_db

TODAY = date(2026, 3, 1)  # after the count week of 2026 (2-8 February)


@pytest.fixture
def leader_a(users_a, municipality_a, actor_factory):
    return actor_factory(users_a[Role.LEADER], municipality_a, Role.LEADER)


@pytest.fixture
def town(worker_a, worker_b, person_factory):
    """A's people in and around the count week, and one of B's."""
    p = {}
    p["street"] = person_factory(
        worker_a,
        first_name="Karl",
        last_name="Gade",
        gender="male",
        birth_date=date(1980, 5, 5),
        situation="street",
        start=date(2025, 1, 10),
    )
    people.needs_list_register(
        actor=worker_a, person=p["street"], registered_on=date(2025, 6, 1), max_rent=3500
    )
    plan = ActionPlan.objects.create(municipality=p["street"].municipality, person=p["street"], version=1)
    ActionPlan.objects.filter(pk=plan.pk).update(created_at=timezone.make_aware(datetime(2025, 12, 1, 12)))
    p["shelter"] = person_factory(
        worker_a,
        first_name="Berit",
        last_name="Boform",
        initials="BB",
        gender="female",
        birth_year=1990,
        situation="shelter",
        start=date(2025, 12, 20),
    )
    # An action plan made after the week does not count as one the person had.
    ActionPlan.objects.create(municipality=p["shelter"].municipality, person=p["shelter"], version=1)
    p["housed"] = person_factory(worker_a, first_name="Hans", last_name="Hjem", start=date(2025, 3, 1))
    people.situation_record(
        actor=worker_a, person=p["housed"], situation="own_home", start_date=date(2025, 12, 1)
    )
    p["at_risk"] = person_factory(
        worker_a, first_name="Rita", last_name="Risiko", situation="eviction_case", start=date(2025, 9, 1)
    )
    p["left_in_week"] = person_factory(
        worker_a, first_name="Sofie", last_name="Sofa", situation="sofa_surfer", start=date(2025, 10, 1)
    )
    people.situation_record(
        actor=worker_a, person=p["left_in_week"], situation="own_home", start_date=date(2026, 2, 4)
    )
    p["moved"] = person_factory(
        worker_a, first_name="Mads", last_name="Flyt", situation="street", start=date(2025, 4, 1)
    )
    people.status_change(
        actor=worker_a, person=p["moved"], status="moved_away", on=date(2026, 1, 10), reason="Flyttet"
    )
    p["after"] = person_factory(
        worker_a, first_name="Eva", last_name="Efter", situation="street", start=date(2026, 2, 10)
    )
    p["b"] = person_factory(
        worker_b, first_name="Bodil", last_name="Bornholm", situation="street", start=date(2025, 1, 1)
    )
    return p


def forms_by_name(week):
    return {
        f.person.first_name: f for f in CountForm.objects.filter(count_week=week).select_related("person")
    }


def test_opening_makes_a_form_for_each_person_counted_and_nobody_else(town, leader_a):
    week = services.week_open(actor=leader_a, year=2026, today=TODAY)
    assert (week.week_start, week.form_version, week.status) == (date(2026, 2, 2), "2024", "open")
    assert set(forms_by_name(week)) == {"Karl", "Berit", "Sofie"}


def test_prefill_from_the_platforms_data(town, leader_a):
    forms = forms_by_name(services.week_open(actor=leader_a, year=2026, today=TODAY))
    assert forms["Karl"].answers == {
        "identification": "KG",
        "municipality": "Frederikssund",
        "situation": "1",
        "action_plan": "yes",
        "waiting_list": "yes",
        "gender": "male",
        "age": 45,
        "duration": "1-2y",
    }
    berit = forms["Berit"].answers
    assert (berit["identification"], berit["situation"], berit["gender"], berit["age"]) == (
        "BB",
        "3",
        "female",
        36,
    )
    assert (berit["duration"], berit["action_plan"], berit["waiting_list"]) == ("lt3m", "no", "no")
    sofie = forms["Sofie"].answers
    assert sofie["situation"] == "5" and sofie["duration"] == "3-6m" and "gender" not in sofie
    assert forms["Karl"].prefilled == forms["Karl"].answers
    assert not forms["Karl"].complete


def test_opening_logs_the_week_and_each_person_used(town, leader_a):
    week = services.week_open(actor=leader_a, year=2026, today=TODAY)
    rows = AccessLogEntry.objects.filter(purpose=services.PURPOSE, action=Action.CREATE)
    assert set(rows.exclude(person_id=None).values_list("person_id", flat=True)) == set(
        CountForm.objects.filter(count_week=week).values_list("person_id", flat=True)
    )
    assert rows.filter(person_id=None, detail__contains="3 personskemaer").count() == 1


@pytest.mark.parametrize(
    ("year", "message"),
    [(2027, "mellem 2007 og 2026"), (2006, "mellem 2007 og 2026")],
)
def test_a_year_outside_the_counts_is_refused(town, leader_a, year, message):
    with pytest.raises(services.CountError, match=message):
        services.week_open(actor=leader_a, year=year, today=TODAY)


def test_a_week_not_yet_begun_cannot_be_opened(leader_a):
    with pytest.raises(services.CountError, match="begynder mandag den 02.02.2026"):
        services.week_open(actor=leader_a, year=2026, today=date(2026, 1, 20))
    assert not CountWeek.objects.exists()


def test_a_year_is_opened_once(town, leader_a):
    services.week_open(actor=leader_a, year=2026, today=TODAY)
    with pytest.raises(services.CountError, match="allerede åbnet"):
        services.week_open(actor=leader_a, year=2026, today=TODAY)


def test_only_a_leader_opens_a_week(town, worker_a):
    with pytest.raises(PermissionDenied):
        services.week_open(actor=worker_a, year=2026, today=TODAY)


def complete_answers(form):
    answers = {f.code: (f.options[0][0] if f.options else "") for f in q.questionnaire().fields}
    return answers | form.answers | {"causes": ["economy", "breakup"]}


def test_a_worker_completes_a_form(town, leader_a, worker_a):
    form = forms_by_name(services.week_open(actor=leader_a, year=2026, today=TODAY))["Karl"]
    answers = complete_answers(form)
    answers["mental_illness"] = "yes"
    saved = services.form_save(actor=worker_a, form=form, answers=answers)
    assert saved.complete and saved.completed_by == worker_a.user and saved.completed_at
    assert saved.answers["causes"] == ["economy", "breakup"] and saved.answers["age"] == 45
    assert saved.prefilled["situation"] == "1"
    log = AccessLogEntry.objects.get(action=Action.UPDATE, person_id=form.person_id, purpose=services.PURPOSE)
    assert log.changes["mental_illness"] == ["***", "***"]
    assert log.changes["income"] == ["", "Kontanthjælp, uddannelseshjælp eller selvforsørgelsesydelse"]
    assert "udfyldt" in log.detail


def test_clearing_an_answer_makes_the_form_incomplete_again(town, leader_a, worker_a):
    form = forms_by_name(services.week_open(actor=leader_a, year=2026, today=TODAY))["Karl"]
    services.form_save(actor=worker_a, form=form, answers=complete_answers(form))
    saved = services.form_save(actor=worker_a, form=form, answers={"income": ""})
    assert not saved.complete and saved.completed_by is None and "income" not in saved.answers


def test_wrong_answers_save_nothing_and_say_where(town, leader_a, worker_a):
    form = forms_by_name(services.week_open(actor=leader_a, year=2026, today=TODAY))["Karl"]
    with pytest.raises(services.AnswersInvalid) as exc:
        services.form_save(
            actor=worker_a, form=form, answers={"income": "lotto", "age": "gammel", "children": "no"}
        )
    assert exc.value.problems == [
        ("age", "Skriv et helt tal ved 'Alder'."),
        ("income", "Vælg et af svarene på spørgsmålet 'Primært forsørgelsesgrundlag'."),
    ]
    form.refresh_from_db()
    assert "children" not in form.answers and form.answers["age"] == 45


def test_a_closed_week_cannot_be_changed(town, leader_a, worker_a):
    week = services.week_open(actor=leader_a, year=2026, today=TODAY)
    services.week_set_status(actor=leader_a, week=week, status="closed")
    form = forms_by_name(week)["Karl"]
    with pytest.raises(services.CountError, match="afsluttet"):
        services.form_save(actor=worker_a, form=form, answers={"income": "none"})
    week.refresh_from_db()
    assert week.status == "closed" and week.closed_at
    services.week_set_status(actor=leader_a, week=week, status="open")
    week.refresh_from_db()
    assert week.status == "open" and week.closed_at is None


def test_a_citizens_form_is_for_their_own_workers_when_they_have_any(
    town, leader_a, users_a, municipality_a, actor_factory
):
    form = forms_by_name(services.week_open(actor=leader_a, year=2026, today=TODAY))["Karl"]
    support = actor_factory(users_a[Role.SUPPORT_WORKER], municipality_a, Role.SUPPORT_WORKER)
    with pytest.raises(services.CountError, match="egne medarbejdere"):
        services.form_save(actor=support, form=form, answers={"income": "none"})
    form.person.workers.clear()  # nobody's citizen: any worker on the count may fill it
    assert (
        services.form_save(actor=support, form=form, answers={"income": "none"}).answers["income"] == "none"
    )


def test_a_protected_citizen_with_no_own_worker_is_not_filled_by_any_worker(
    town, leader_a, users_a, municipality_a, actor_factory
):
    form = forms_by_name(services.week_open(actor=leader_a, year=2026, today=TODAY))["Karl"]
    form.person.workers.clear()
    Person.objects.filter(pk=form.person_id).update(protected=True)
    support = actor_factory(users_a[Role.SUPPORT_WORKER], municipality_a, Role.SUPPORT_WORKER)
    with pytest.raises(services.CountError, match="egne medarbejdere"):
        services.form_save(actor=support, form=form, answers={"income": "none"})
    assert (
        services.form_save(actor=leader_a, form=form, answers={"income": "none"}).answers["income"] == "none"
    )
