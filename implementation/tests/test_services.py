from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied

from accounts.roles import Role
from audit.models import AccessLogEntry, Action
from implementation import services
from implementation.errors import PlanDataError
from implementation.models import Initiative, InitiativeStatusChange, MapActor, NetworkMember
from implementation.tests.factories import make_plan
from steering.tests.factories import make_goal

pytestmark = pytest.mark.django_db
TODAY = date(2026, 3, 2)


@pytest.fixture
def leader(users_a, municipality_a, actor_factory):
    return actor_factory(users_a[Role.LEADER], municipality_a, Role.LEADER)


@pytest.fixture
def area(leader):
    return services.focus_area_save(
        actor=leader,
        number=3,
        title="Flere billige boliger",
        source="Indsats 3",
        description="Boliger til 3.500 kr.",
    )


def _initiative(leader, area, **kw):
    values = {
        "title": "Samarbejdsaftale med boligorganisationerne",
        "owner": "Socialchefen",
        "start": date(2026, 1, 1),
        "deadline": date(2026, 12, 31),
        "principles": [1, 4],
    }
    values.update(kw)
    return services.initiative_save(actor=leader, focus_area=area, today=TODAY, **values)


def test_a_new_initiative_starts_not_started_with_its_creation_in_the_history(leader, area):
    item = _initiative(leader, area)
    assert item.status == "not_started"
    assert item.principles == [1, 4]
    rows = list(
        InitiativeStatusChange.objects.filter(initiative=item).values_list("from_status", "to_status")
    )
    assert rows == [("", "not_started")]


def test_creating_an_initiative_is_logged_with_its_values(leader, area):
    item = _initiative(leader, area)
    entry = AccessLogEntry.objects.get(detail=f"initiativ {item.pk}")
    assert entry.action == Action.CREATE
    assert entry.person_id is None
    assert entry.changes["owner"] == ["", "Socialchefen"]
    assert entry.changes["deadline"] == ["", "2026-12-31"]


def test_a_deadline_before_the_start_is_refused_with_both_dates(leader, area):
    with pytest.raises(PlanDataError) as exc:
        _initiative(leader, area, start=date(2026, 6, 1), deadline=date(2026, 5, 31))
    assert exc.value.field == "deadline"
    assert "31.05.2026" in exc.value.message and "01.06.2026" in exc.value.message
    assert not Initiative.objects.exists()


def test_a_deadline_on_the_start_day_is_allowed(leader, area):
    assert _initiative(leader, area, start=date(2026, 6, 1), deadline=date(2026, 6, 1)).deadline == date(
        2026, 6, 1
    )


@pytest.mark.parametrize(
    "kw, field",
    [
        ({"title": "  "}, "title"),
        ({"owner": ""}, "owner"),
        ({"principles": [9]}, "principles"),
        ({"principles": ["x"]}, "principles"),
        ({"deadline": date(1999, 12, 31), "start": None}, "deadline"),
        ({"start": date(2060, 1, 1), "deadline": None}, "start"),
    ],
)
def test_bad_initiative_input_names_its_field(leader, area, kw, field):
    with pytest.raises(PlanDataError) as exc:
        _initiative(leader, area, **kw)
    assert exc.value.field == field
    assert exc.value.message


def test_another_municipalitys_focus_area_or_goal_is_refused(leader, area, municipality_b):
    other = make_plan(municipality_b)["area"]
    with pytest.raises(PlanDataError) as exc:
        _initiative(leader, other)
    assert exc.value.field == "focus_area"
    with pytest.raises(PlanDataError) as exc:
        _initiative(leader, area, goals=[make_goal(municipality_b)])
    assert exc.value.field == "goals"
    assert not Initiative.objects.filter(municipality=leader.municipality).exists()


def test_an_initiative_links_the_municipalitys_goals(leader, area, municipality_a):
    goal = make_goal(municipality_a)
    item = _initiative(leader, area, goals=[goal])
    assert list(item.goals.all()) == [goal]


def test_a_status_change_is_kept_with_who_from_to_and_note_and_logged(leader, area):
    item = _initiative(leader, area)
    services.initiative_status_change(
        actor=leader, initiative=item, status="in_progress", note="Første møde holdt"
    )
    services.initiative_status_change(
        actor=leader, initiative=item, status="delayed", note="Venter på aftalen"
    )
    item.refresh_from_db()
    assert item.status == "delayed"
    rows = list(
        InitiativeStatusChange.objects.filter(initiative=item)
        .order_by("id")
        .values_list("from_status", "to_status", "note", "user_label")
    )
    label = leader.user.get_full_name() or leader.user.username
    assert rows[1:] == [
        ("not_started", "in_progress", "Første møde holdt", label),
        ("in_progress", "delayed", "Venter på aftalen", label),
    ]
    logged = AccessLogEntry.objects.filter(detail=f"initiativ {item.pk} status").order_by("id")
    assert [e.changes["status"] for e in logged] == [
        ["not_started", "in_progress"],
        ["in_progress", "delayed"],
    ]


@pytest.mark.parametrize("status", ["delayed", "dropped"])
def test_a_delay_or_a_drop_needs_a_note(leader, area, status):
    item = _initiative(leader, area)
    with pytest.raises(PlanDataError) as exc:
        services.initiative_status_change(actor=leader, initiative=item, status=status, note=" ")
    assert exc.value.field == "note"
    item.refresh_from_db()
    assert item.status == "not_started"
    assert InitiativeStatusChange.objects.filter(initiative=item).count() == 1


def test_the_same_status_again_is_refused(leader, area):
    item = _initiative(leader, area)
    with pytest.raises(PlanDataError, match="Ikke startet"):
        services.initiative_status_change(actor=leader, initiative=item, status="not_started")


def test_an_unknown_status_is_refused(leader, area):
    with pytest.raises(PlanDataError) as exc:
        services.initiative_status_change(
            actor=leader, initiative=_initiative(leader, area), status="finished"
        )
    assert exc.value.field == "status"


@pytest.mark.parametrize("role", [Role.ANALYST, Role.SUPPORT_WORKER, Role.HOUSING_BROKER, Role.ADMINISTRATOR])
def test_only_leaders_edit_the_plan_networks_and_landkort(
    role, users_a, municipality_a, actor_factory, leader, area
):
    other = actor_factory(users_a[role], municipality_a, role)
    item = _initiative(leader, area)
    plan = make_plan(municipality_a)
    calls = [
        lambda: services.focus_area_save(actor=other, number=5, title="Handleplaner"),
        lambda: _initiative(other, area),
        lambda: services.initiative_status_change(actor=other, initiative=item, status="done"),
        lambda: services.network_save(actor=other, kind="leaders", name="Netværk"),
        lambda: services.member_add(actor=other, network=plan["network"], name="Ny"),
        lambda: services.member_remove(actor=other, member=plan["member"]),
        lambda: services.meeting_save(actor=other, network=plan["network"], held_on=TODAY, today=TODAY),
        lambda: services.map_actor_save(actor=other, kind="police", name="Politiet", phone="114"),
        lambda: services.map_actor_delete(actor=other, map_actor=plan["actor"]),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    item.refresh_from_db()
    assert item.status == "not_started"


def test_focus_area_numbers_are_unique_in_a_municipality_but_not_across(
    leader, area, users_b, municipality_b, actor_factory
):
    with pytest.raises(PlanDataError) as exc:
        services.focus_area_save(actor=leader, number=3, title="Noget andet")
    assert exc.value.field == "number"
    leader_b = actor_factory(users_b[Role.LEADER], municipality_b, Role.LEADER)
    assert services.focus_area_save(actor=leader_b, number=3, title="Flere billige boliger").number == 3


def test_a_leader_cannot_change_another_municipalitys_objects(leader, municipality_b):
    plan = make_plan(municipality_b)
    with pytest.raises(PlanDataError):
        services.initiative_status_change(actor=leader, initiative=plan["initiative"], status="done")
    with pytest.raises(PlanDataError):
        services.member_remove(actor=leader, member=plan["member"])
    with pytest.raises(PlanDataError):
        services.map_actor_delete(actor=leader, map_actor=plan["actor"])
    with pytest.raises(PlanDataError):
        services.meeting_save(actor=leader, network=plan["network"], held_on=TODAY, today=TODAY)
    assert NetworkMember.objects.filter(pk=plan["member"].pk).exists()
    assert MapActor.objects.filter(pk=plan["actor"].pk).exists()


def test_a_member_must_be_a_user_of_the_municipality_if_linked(leader, municipality_a, users_b):
    network = make_plan(municipality_a)["network"]
    with pytest.raises(PlanDataError) as exc:
        services.member_add(actor=leader, network=network, name="Bo", user=users_b[Role.LEADER])
    assert exc.value.field == "user"
    member = services.member_add(
        actor=leader, network=network, name="Bo", organisation="Jobcenteret", user=leader.user
    )
    assert member.user == leader.user
    assert AccessLogEntry.objects.filter(
        detail=f"netværk {network.pk} medlem {member.pk}", action=Action.CREATE
    ).exists()


def test_minutes_wait_until_the_meeting_is_held(leader, municipality_a):
    network = make_plan(municipality_a)["network"]
    with pytest.raises(PlanDataError) as exc:
        services.meeting_save(
            actor=leader, network=network, held_on=TODAY + timedelta(days=7), today=TODAY, minutes="Besluttet"
        )
    assert exc.value.field == "minutes"
    m = services.meeting_save(
        actor=leader, network=network, held_on=TODAY + timedelta(days=7), today=TODAY, agenda="1. Aftalen"
    )
    assert m.agenda == "1. Aftalen"


def test_an_actor_needs_a_way_to_be_reached_and_valid_contact_details(leader):
    with pytest.raises(PlanDataError) as exc:
        services.map_actor_save(actor=leader, kind="police", name="Politiet")
    assert exc.value.field == "phone"
    with pytest.raises(PlanDataError) as exc:
        services.map_actor_save(actor=leader, kind="police", name="Politiet", phone="ring til dem")
    assert exc.value.field == "phone"
    with pytest.raises(PlanDataError) as exc:
        services.map_actor_save(actor=leader, kind="police", name="Politiet", email="politi@")
    assert exc.value.field == "email"
    with pytest.raises(PlanDataError) as exc:
        services.map_actor_save(actor=leader, kind="bank", name="Banken", phone="114")
    assert exc.value.field == "kind"
    assert not MapActor.objects.exists()


def test_changing_an_actors_contact_person_is_logged_before_and_after(leader):
    item = services.map_actor_save(
        actor=leader, kind="job_centre", name="Jobcenteret", phone="47 35 10 00", contact_person="Karin"
    )
    services.map_actor_save(
        actor=leader,
        map_actor=item,
        kind="job_centre",
        name="Jobcenteret",
        phone="47 35 10 00",
        contact_person="Per",
    )
    entry = AccessLogEntry.objects.filter(detail=f"aktør {item.pk}", action=Action.UPDATE).get()
    assert entry.changes == {"contact_person": ["Karin", "Per"]}
