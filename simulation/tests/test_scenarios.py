"""Scenarios, runs on the task queue, the history loader and the pages."""

from datetime import date
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from accounts.roles import Role
from core.testing import run_tasks
from people import services as people_services
from people.figures import add_months, month_end, month_start
from simulation import model, selectors, services
from simulation.errors import ScenarioDataError
from simulation.models import RunStatus, Scenario, SimulationRun
from simulation.tests.factories import make_scenario

pytestmark = pytest.mark.django_db
TODAY = date.today()


@pytest.fixture
def leader(users_a, municipality_a, actor_factory):
    return actor_factory(users_a[Role.LEADER], municipality_a, Role.LEADER)


@pytest.fixture
def analyst(users_a, municipality_a, actor_factory):
    return actor_factory(users_a[Role.ANALYST], municipality_a, Role.ANALYST)


def month_back(n: int) -> date:
    """The 10th of the month ``n`` months before today's."""
    return add_months(month_start(TODAY), -n).replace(day=10)


@pytest.fixture
def town(worker_a, person_factory):
    """Three people: Street since 20 months ago, who moved to a shelter 6 months ago; Sofa since 8
    months ago, on the needs list 5 months ago and housed 2 months ago; Shelter since 3 months ago."""
    street = person_factory(worker_a, first_name="Gade", start=month_back(20))
    people_services.situation_record(
        actor=worker_a, person=street, situation="shelter", start_date=month_back(6)
    )
    sofa = person_factory(worker_a, first_name="Sofa", situation="sofa_surfer", start=month_back(8))
    people_services.needs_list_register(
        actor=worker_a, person=sofa, registered_on=month_back(5), max_rent=3500
    )
    people_services.situation_record(
        actor=worker_a, person=sofa, situation="own_home", start_date=month_back(2)
    )
    person_factory(worker_a, first_name="Boform", situation="shelter", start=month_back(3))
    return {"street": street, "sofa": sofa}


def test_the_history_counts_the_homeless_by_situation_at_each_month_end(town, municipality_a):
    h = selectors.load_history(municipality_a, today=TODAY, months=24)
    assert len(h.months) == 24
    assert h.months[-1] == add_months(month_start(TODAY), -1).isoformat()
    by_month = dict(zip(h.months, h.homeless_end))
    at = lambda n: by_month[add_months(month_start(TODAY), -n).isoformat()]  # noqa: E731
    assert at(20) == [1, 0, 0, 0]  # Gade on the street
    assert at(7) == [1, 1, 0, 0]  # and Sofa
    assert at(4) == [0, 1, 0, 1]  # Gade moved to a shelter
    assert at(3) == [0, 1, 0, 2]  # Boform came
    assert at(1) == [0, 0, 0, 2]  # Sofa housed
    # New on the list in the month (the trigger-kept monthly flow), the move, the housing, the needs list.
    assert sum(h.inflow) == 3
    assert sum(sum(sum(r) for r in m) for m in h.moves) == 1
    assert h.moves[h.months.index(add_months(month_start(TODAY), -6).isoformat())][0][3] == 1
    assert sum(h.housed) == 1
    assert sum(h.registered) == 1
    assert h.ready_end[h.months.index(add_months(month_start(TODAY), -3).isoformat())] == 1
    assert h.housed_end[-1] == 1


def test_the_start_grid_places_each_person_by_housing_and_support(town, municipality_a):
    h = selectors.load_history(municipality_a, today=TODAY, months=24)
    grid = h.grids[month_end(add_months(month_start(TODAY), -1)).isoformat()]
    assert grid[model.SHELTER][model.NONE] == 2
    assert grid[model.HOME][model.NONE] == 1
    assert sum(map(sum, grid)) == 3
    # The back-test's start: 13 months back, only Gade (on the street).
    start = h.grids[month_end(add_months(month_start(TODAY), -13)).isoformat()]
    assert sum(map(sum, start)) == 1 and start[0][model.NONE] == 1


def test_history_of_another_municipality_is_not_read(town, municipality_b):
    h = selectors.load_history(municipality_b, today=TODAY, months=24)
    assert sum(map(sum, h.homeless_end)) == 0


def test_a_leader_saves_a_scenario_with_its_changes(leader):
    s = services.scenario_save(
        actor=leader,
        name="Flere boliger gennem aftaler",
        changes={"extra_homes_per_month": 2.5, "extra_cti_workers": "", "act_team_size": 0},
        runs=100,
        horizon_months=60,
        seed=4,
    )
    assert s.changes == {"extra_homes_per_month": 2.5}
    assert (s.runs, s.horizon_months, s.seed, s.municipality) == (100, 60, 4, leader.municipality)


@pytest.mark.parametrize(
    "changes,field",
    [
        ({"extra_homes_per_month": -1}, "extra_homes_per_month"),
        ({"extra_cti_workers": 1.5}, "extra_cti_workers"),
        ({"act_team_size": 30}, "act_team_size"),
        ({"months_to_ready": 0.1}, "months_to_ready"),
        ({"extra_icm_workers": "mange"}, "extra_icm_workers"),
    ],
)
def test_bad_changes_are_refused_on_their_field(leader, changes, field):
    with pytest.raises(ScenarioDataError) as exc:
        services.scenario_save(actor=leader, name="X", changes=changes)
    assert exc.value.field == field
    assert not Scenario.objects.exists()


def test_two_scenarios_may_not_share_a_name(leader):
    services.scenario_save(actor=leader, name="Et ACT-team", changes={"act_team_size": 10})
    with pytest.raises(ScenarioDataError) as exc:
        services.scenario_save(actor=leader, name="et act-team", changes={})
    assert exc.value.field == "name"


def test_an_analyst_may_not_save_or_run_a_scenario(analyst, municipality_a):
    with pytest.raises(PermissionDenied):
        services.scenario_save(actor=analyst, name="X", changes={})
    with pytest.raises(PermissionDenied):
        services.run_start(actor=analyst, scenario=make_scenario(municipality_a))


def test_the_task_writes_progress_and_a_result(leader, town, municipality_a):
    scenario = make_scenario(municipality_a, runs=30, horizon_months=12, changes={"extra_homes_per_month": 3})
    run = services.run_start(actor=leader, scenario=scenario)
    assert run.status == RunStatus.QUEUED and run.progress == 0
    seen = []
    real = services._set_progress

    def spy(r, progress, **fields):
        seen.append(progress)
        real(r, progress, **fields)

    with mock.patch.object(services, "_set_progress", spy):
        run_tasks()
    run.refresh_from_db()
    assert run.status == RunStatus.DONE and run.progress == 100 and run.finished_at
    assert seen == sorted(seen) and seen[0] == 1 and seen[-1] == 100 and len(seen) >= 5
    result = run.result
    assert len(result["labels"]) == 12
    assert result["start_totals"] == {"homeless": 2, "shelter": 2, "housed": 1}
    for key in ("homeless", "shelter", "waiting_home", "waiting_support", "cost"):
        assert len(result["scenario"][key]["p50"]) == 12
    assert "savings" in result["scenario"] and "savings" not in result["base"]
    assert result["parameters"]["scenario"]["homes_per_month"] == pytest.approx(
        result["parameters"]["base"]["homes_per_month"] + 3
    )
    assert result["backtest"] is not None  # 36 months of history, 12 predicted
    assert len(result["backtest"]["metrics"]["homeless"]["actual"]) == 12


def test_a_run_that_fails_is_marked_failed(leader, municipality_a):
    run = services.run_start(actor=leader, scenario=make_scenario(municipality_a))
    with mock.patch.object(services, "compute", side_effect=RuntimeError("boom")):
        run_tasks()
    run.refresh_from_db()
    assert run.status == RunStatus.FAILED


def test_the_same_seed_gives_the_same_result(leader, town, municipality_a):
    scenario = make_scenario(municipality_a, runs=20, horizon_months=6)
    a = services.run_start(actor=leader, scenario=scenario)
    b = services.run_start(actor=leader, scenario=scenario)
    run_tasks()
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.result["scenario"] == b.result["scenario"]


# --- pages ---------------------------------------------------------------------------------------------


def test_a_leader_creates_a_scenario_through_the_form(client, users_a):
    client.force_login(users_a[Role.LEADER])
    response = client.post(
        reverse("simulation:scenario_new"),
        {"name": "Et ACT-team", "act_team_size": "10", "runs": "50", "horizon_months": "60", "seed": "1"},
    )
    scenario = Scenario.objects.get()
    assert response.status_code == 302
    assert scenario.changes == {"act_team_size": 10}


def test_the_form_shows_a_refusal_on_its_field(client, users_a, municipality_a):
    make_scenario(municipality_a, name="Et ACT-team")
    client.force_login(users_a[Role.LEADER])
    response = client.post(
        reverse("simulation:scenario_new"),
        {"name": "Et ACT-team", "runs": "50", "horizon_months": "60", "seed": "1"},
    )
    assert response.status_code == 400
    assert "Der findes allerede et scenarie med det navn." in response.content.decode()


def test_an_analyst_sees_the_scenarios_but_may_not_edit_or_run(client, users_a, municipality_a):
    scenario = make_scenario(municipality_a)
    client.force_login(users_a[Role.ANALYST])
    page = client.get(reverse("simulation:list"))
    assert page.status_code == 200 and "Flere boliger" in page.content.decode()
    assert reverse("simulation:scenario_new") not in page.content.decode()
    assert client.get(reverse("simulation:scenario_new")).status_code == 403
    assert client.get(reverse("simulation:scenario_edit", args=[scenario.pk])).status_code == 403
    assert client.post(reverse("simulation:run_start", args=[scenario.pk])).status_code == 403
    assert not SimulationRun.objects.exists()


def test_the_run_page_polls_while_running_and_shows_the_figures_when_done(
    client, users_a, leader, town, municipality_a
):
    scenario = make_scenario(municipality_a)
    client.force_login(users_a[Role.LEADER])
    response = client.post(reverse("simulation:run_start", args=[scenario.pk]))
    run = SimulationRun.objects.get()
    assert response["Location"] == reverse("simulation:run_detail", args=[run.pk])
    page = client.get(response["Location"]).content.decode()
    assert 'hx-trigger="every 2s"' in page and "0 % færdig" in page
    run_tasks()
    partial = client.get(response["Location"], HTTP_HX_REQUEST="true").content.decode()
    assert "hx-trigger" not in partial and "<html" not in partial
    assert "Uden ændringer" in partial and "Flere boliger" in partial


def test_the_comparison_shows_two_scenarios_the_base_and_the_backtest(
    client, users_a, leader, town, municipality_a
):
    homes = make_scenario(municipality_a, name="Flere boliger gennem aftaler")
    act = make_scenario(municipality_a, name="Et ACT-team", changes={"act_team_size": 10})
    services.run_start(actor=leader, scenario=homes)
    services.run_start(actor=leader, scenario=act)
    run_tasks()
    client.force_login(users_a[Role.ANALYST])
    page = client.get(reverse("simulation:compare"), {"scenarie": [homes.pk, act.pk]}).content.decode()
    for text in (
        "Uden ændringer",
        "Flere boliger gennem aftaler",
        "Et ACT-team",
        'id="backtest-summary"',
        'id="table-homeless"',
        "simulation-chart-data",
    ):
        assert text in page
    only = client.get(reverse("simulation:compare"), {"scenarie": [act.pk]}).content.decode()
    assert "Flere boliger gennem aftaler</th>" not in only


def test_another_municipalitys_scenario_and_run_are_not_found(client, users_a, municipality_b):
    scenario = make_scenario(municipality_b, name="Odenses")
    run = SimulationRun.objects.create(municipality=municipality_b, scenario=scenario, role="leader")
    client.force_login(users_a[Role.LEADER])
    assert client.get(reverse("simulation:scenario_edit", args=[scenario.pk])).status_code == 404
    assert client.post(reverse("simulation:run_start", args=[scenario.pk])).status_code == 404
    assert client.get(reverse("simulation:run_detail", args=[run.pk])).status_code == 404
    page = client.get(reverse("simulation:compare"), {"scenarie": [scenario.pk]}).content.decode()
    assert "Odenses" not in page
    assert SimulationRun.objects.count() == 1


def _list_queries(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("simulation:list"))
    return response, len(ctx.captured_queries)


def test_the_scenario_list_shows_one_page_and_its_queries_do_not_grow(
    client, users_a, municipality_a, settings
):
    settings.HF = {**settings.HF, "SIMULATION": {"LIST_PAGE_SIZE": 2}}
    client.force_login(users_a[Role.LEADER])
    for i in range(3):
        s = make_scenario(municipality_a, name=f"Scenarie {i}")
        SimulationRun.objects.create(municipality=municipality_a, scenario=s, role="leader")
    client.get(reverse("simulation:list"))  # the first request after login does the session's work
    few, few_queries = _list_queries(client)
    for i in range(3, 9):
        s = make_scenario(municipality_a, name=f"Scenarie {i}")
        SimulationRun.objects.create(municipality=municipality_a, scenario=s, role="leader")
    many, many_queries = _list_queries(client)
    body = many.content.decode()
    assert "Scenarie 0" in body and "Scenarie 1" in body and "Scenarie 2" not in body
    assert "side=2" in body
    assert many_queries == few_queries
