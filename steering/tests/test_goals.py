"""Goals: who may set them, what is refused, the baseline, the audit, and the pages and PDF."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from accounts.roles import Role
from audit.models import AccessLogEntry
from people import services as people_services
from steering import selectors, services
from steering.errors import GoalDataError
from steering.models import Goal
from steering.progress import State

TODAY = date.today()


@pytest.fixture
def leader(users_a, municipality_a, actor_factory):
    return actor_factory(users_a[Role.LEADER], municipality_a, Role.LEADER)


@pytest.fixture
def at_shelter(leader):
    for i in range(3):
        people_services.person_create(
            actor=leader,
            first_name=f"Ole{i}",
            last_name="Boform",
            situation="shelter",
            situation_start=TODAY - timedelta(days=40 + i),
        )


def save(actor, **kw):
    values = {
        "measure": "shelter",
        "direction": "at_most",
        "target": 1,
        "deadline": TODAY + timedelta(days=365),
        "owner": "Socialudvalget",
        "why": "Udviklingsmål 1: færre på forsorgshjem",
        "baseline": 3,
        "today": TODAY,
    }
    values.update(kw)
    return services.goal_save(actor=actor, **values)


@pytest.mark.django_db
def test_a_leader_sets_a_goal_and_every_change_is_kept_and_logged(leader):
    goal = save(leader)
    assert goal.baseline == 3 and goal.baseline_on == TODAY
    save(leader, goal=goal, target=2, baseline=99)  # the baseline stays when the measure does
    goal.refresh_from_db()
    assert goal.target == 2 and goal.baseline == 3
    history = selectors.goal_history(leader, goal)
    assert len(history) == 2
    assert {"label": "mål", "before": "1.0", "after": "2.0"} in [
        {k: str(v) for k, v in f.items()} for f in history[0]["fields"]
    ]
    logged = AccessLogEntry.objects.filter(purpose=services.PURPOSE, detail=f"mål {goal.pk}")
    assert logged.count() == 2
    services.goal_archive(actor=leader, goal=goal, today=TODAY)
    assert list(selectors.goals(leader)) == [] and list(selectors.goals(leader, archived=True)) == [goal]
    with pytest.raises(GoalDataError):
        save(leader, goal=goal, target=0)


@pytest.mark.parametrize(
    "kw, field",
    [
        ({"measure": "unknown"}, "measure"),
        ({"direction": "sideways"}, "direction"),
        ({"target": "femten"}, "target"),
        ({"target": -1}, "target"),
        ({"deadline": TODAY}, "deadline"),
        ({"deadline": None}, "deadline"),
        ({"deadline": date(TODAY.year + 30, 1, 1)}, "deadline"),
        ({"owner": "  "}, "owner"),
    ],
)
@pytest.mark.django_db
def test_bad_goals_are_refused_with_the_field_named(leader, kw, field):
    with pytest.raises(GoalDataError) as exc:
        save(leader, **kw)
    assert exc.value.field == field and exc.value.message
    assert not Goal.objects.exists()


@pytest.mark.parametrize("role", [Role.ANALYST, Role.SUPPORT_WORKER, Role.HOUSING_BROKER, Role.ADMINISTRATOR])
@pytest.mark.django_db
def test_only_leaders_set_goals(users_a, municipality_a, actor_factory, role):
    with pytest.raises(PermissionDenied):
        save(actor_factory(users_a[role], municipality_a, role))


@pytest.mark.django_db
def test_a_goal_off_its_path_shows_as_behind_with_its_figures(leader, at_shelter, login, users_a):
    # Set 200 days ago from 3 towards at most 1 in a year: the path is at about 1.9 today, the count is 3.
    save(leader)
    Goal.objects.update(baseline_on=TODAY - timedelta(days=200), deadline=TODAY + timedelta(days=165))
    [row] = selectors.goal_progress(leader, today=TODAY)
    assert row["current"] == 3 and row["progress"].state == State.OFF_TRACK
    page = login(users_a[Role.LEADER]).get(reverse("steering:front")).content.decode()
    assert "Bagud" in page and "Socialudvalget" in page


@pytest.mark.django_db
def test_the_front_page_shows_the_figures_with_links_to_people_for_a_leader(at_shelter, login, users_a):
    page = login(users_a[Role.LEADER]).get(reverse("steering:front")).content.decode()
    assert "Ledelsens overblik" in page and "Hvordan tælles det?" in page
    assert reverse("people:list") + "?status=active&amp;situation=shelter" in page
    assert "Ole0" not in page  # figures only, never names


@pytest.mark.django_db
def test_an_analyst_sees_the_same_figures_without_links_to_people(at_shelter, login, users_a):
    response = login(users_a[Role.ANALYST]).get(reverse("steering:front"))
    page = response.content.decode()
    assert response.status_code == 200 and "Ledelsens overblik" in page
    assert "/borgere/?" not in page and "Se borgerne" not in page and "Ole0" not in page
    assert login(users_a[Role.ANALYST]).get(reverse("steering:goal_new")).status_code == 403


@pytest.mark.django_db
def test_leaders_and_analysts_land_on_the_front_page(login, users_a):
    for role in (Role.LEADER, Role.ANALYST):
        assert login(users_a[role]).get(reverse("home:start"))["Location"] == reverse("steering:front")
    # Support workers, outreach workers and brokers land on I dag (issue 14 item 1).
    assert login(users_a[Role.SUPPORT_WORKER]).get(reverse("home:start"))["Location"] == reverse("today:page")


@pytest.mark.django_db
def test_setting_a_goal_through_the_form(at_shelter, login, users_a):
    client = login(users_a[Role.LEADER])
    response = client.post(
        reverse("steering:goal_new"),
        {
            "measure": "shelter",
            "direction": "at_most",
            "target": "1",
            "deadline": (TODAY + timedelta(days=400)).strftime("%d.%m.%Y"),
            "owner": "Socialudvalget",
            "why": "",
        },
    )
    goal = Goal.objects.get()
    assert response.status_code == 302 and goal.baseline == 3
    bad = client.post(
        reverse("steering:goal_new"),
        {
            "measure": "shelter",
            "direction": "at_most",
            "target": "1",
            "deadline": TODAY.strftime("%d.%m.%Y"),
            "owner": "X",
        },
    )
    assert bad.status_code == 400 and "Fristen skal ligge efter i dag." in bad.content.decode()
    assert Goal.objects.count() == 1


@pytest.mark.django_db
def test_the_goals_pdf_for_the_committee(leader, login, users_a):
    save(leader)
    response = login(users_a[Role.LEADER]).get(reverse("steering:goals_pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert AccessLogEntry.objects.filter(purpose="Mål og fremdrift til det politiske udvalg").exists()


@pytest.mark.django_db
def test_another_municipalitys_goal_is_not_found(leader, municipality_b, login, users_a):
    from steering.tests.factories import make_goal

    other = make_goal(municipality_b)
    assert login(users_a[Role.LEADER]).get(reverse("steering:goal_edit", args=[other.pk])).status_code == 404
    assert list(selectors.goals(leader)) == []
