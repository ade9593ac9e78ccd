import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from audit.models import AccessLogEntry, Action
from implementation import selectors, services
from implementation.models import FocusArea, Initiative, InitiativeStatusChange, MapActor
from implementation.tests.factories import make_plan
from steering.tests.factories import make_goal

pytestmark = pytest.mark.django_db


@pytest.fixture
def leader(users_a, municipality_a, actor_factory):
    return actor_factory(users_a[Role.LEADER], municipality_a, Role.LEADER)


@pytest.fixture
def plan(leader):
    """Two focus areas; one initiative overdue, one done past its deadline, one on time."""
    today = timezone.localdate()
    homes = services.focus_area_save(
        actor=leader, number=3, title="Flere billige boliger", source="Indsats 3"
    )
    people = services.focus_area_save(actor=leader, number=7, title="Kompetenceudvikling", source="Indsats 7")
    late = services.initiative_save(
        actor=leader,
        focus_area=homes,
        title="Aftale om anvisningsret",
        owner="Socialchefen",
        today=today,
        start=today - timedelta(days=200),
        deadline=today - timedelta(days=3),
    )
    done = services.initiative_save(
        actor=leader,
        focus_area=homes,
        title="Socialboligformidler ansat",
        owner="Visitationen",
        today=today,
        deadline=today - timedelta(days=30),
    )
    services.initiative_status_change(actor=leader, initiative=done, status="done", note="Ansat 1. juli")
    course = services.initiative_save(
        actor=leader,
        focus_area=people,
        title="Kursus i CTI og ICM",
        owner="Uddannelseskonsulenten",
        today=today,
        deadline=today + timedelta(days=90),
        principles=[3, 5],
    )
    services.initiative_status_change(actor=leader, initiative=course, status="in_progress")
    return {"homes": homes, "people": people, "late": late, "done": done, "course": course}


def _sections(html: str) -> dict[str, str]:
    """The plan page's text per focus area heading."""
    parts = re.split(r"<h2 id=\"area-\d+\">", html)[1:]
    return {p.split("</h2>")[0]: p for p in parts}


def test_the_plan_groups_initiatives_by_focus_area_in_order(plan, login, users_a):
    html = login(users_a[Role.LEADER]).get(reverse("implementation:plan")).content.decode()
    sections = _sections(html)
    assert list(sections) == ["3. Flere billige boliger", "7. Kompetenceudvikling"]
    assert "Aftale om anvisningsret" in sections["3. Flere billige boliger"]
    assert "Socialboligformidler ansat" in sections["3. Flere billige boliger"]
    assert "Kursus i CTI og ICM" in sections["7. Kompetenceudvikling"]
    assert "Aftale om anvisningsret" not in sections["7. Kompetenceudvikling"]


def test_the_plan_counts_statuses_per_area_and_in_all(plan, leader):
    data = selectors.plan(leader, today=timezone.localdate())
    assert {c["status"]: c["count"] for c in data["counts"]} == {
        "not_started": 1,
        "in_progress": 1,
        "delayed": 0,
        "done": 1,
        "dropped": 0,
    }
    homes = data["groups"][0]
    assert {c["status"]: c["count"] for c in homes["counts"] if c["count"]} == {"not_started": 1, "done": 1}
    assert data["total"] == 3 and data["overdue"] == 1 and homes["overdue"] == 1


def test_only_the_open_initiative_past_its_deadline_is_highlighted(plan, login, users_a):
    html = login(users_a[Role.ANALYST]).get(reverse("implementation:plan")).content.decode()
    rows = re.findall(r"<tr( class=\"hf-overdue\")?>\s*<th scope=\"row\"><a [^>]+>([^<]+)</a>", html)
    assert sorted((title, bool(cls)) for cls, title in rows) == [
        ("Aftale om anvisningsret", True),
        ("Kursus i CTI og ICM", False),
        ("Socialboligformidler ansat", False),
    ]
    assert "1 initiativ har overskredet sin frist." in html


def test_the_initiative_page_shows_its_status_history(plan, login, users_a):
    client = login(users_a[Role.LEADER])
    html = client.get(reverse("implementation:initiative_detail", args=[plan["done"].pk])).content.decode()
    history = html.split('id="status-history"')[1]
    assert "Oprettet" in history and "Gennemført" in history and "Ansat 1. juli" in history


def test_a_leader_changes_the_status_through_the_page(plan, login, users_a):
    client = login(users_a[Role.LEADER])
    url = reverse("implementation:initiative_status", args=[plan["late"].pk])
    refused = client.post(url, {"status": "delayed", "note": ""})
    assert refused.status_code == 400
    assert "Skriv i noten hvorfor initiativet er »Forsinket«" in refused.content.decode()
    response = client.post(url, {"status": "delayed", "note": "Boligorganisationen har bedt om et nyt møde"})
    assert response.status_code == 302
    plan["late"].refresh_from_db()
    assert plan["late"].status == "delayed"
    assert InitiativeStatusChange.objects.filter(initiative=plan["late"], to_status="delayed").count() == 1


def test_a_leader_creates_an_initiative_with_principles_and_a_goal(plan, login, users_a, municipality_a):
    goal = make_goal(municipality_a)
    client = login(users_a[Role.LEADER])
    response = client.post(
        reverse("implementation:initiative_new"),
        {
            "focus_area": plan["homes"].pk,
            "title": "Landkortet",
            "owner": "Socialboligformidleren",
            "start": "2026-01-01",
            "deadline": "2026-06-30",
            "principles": ["1", "6"],
            "goals": [str(goal.pk)],
        },
    )
    assert response.status_code == 302
    item = Initiative.objects.get(title="Landkortet")
    assert item.principles == [1, 6] and list(item.goals.all()) == [goal]


def test_the_initiative_form_shows_a_deadline_before_start_on_the_deadline_field(plan, login, users_a):
    response = login(users_a[Role.LEADER]).post(
        reverse("implementation:initiative_new"),
        {
            "focus_area": plan["homes"].pk,
            "title": "X",
            "owner": "Y",
            "start": "2026-06-01",
            "deadline": "2026-05-01",
        },
    )
    assert response.status_code == 400
    assert "Fristen 01.05.2026 ligger før start 01.06.2026" in response.content.decode()
    assert not Initiative.objects.filter(title="X").exists()


@pytest.mark.parametrize("role", [Role.ANALYST, Role.SUPPORT_WORKER])
def test_viewers_read_but_do_not_see_edit_controls_or_reach_edit_pages(plan, login, users_a, role):
    client = login(users_a[role])
    html = client.get(reverse("implementation:initiative_detail", args=[plan["late"].pk])).content.decode()
    assert "Aftale om anvisningsret" in html and "Gem status" not in html
    assert client.get(reverse("implementation:initiative_edit", args=[plan["late"].pk])).status_code == 403
    assert (
        client.post(
            reverse("implementation:initiative_status", args=[plan["late"].pk]), {"status": "done"}
        ).status_code
        == 403
    )
    assert client.get(reverse("implementation:map_actor_new")).status_code == 403


def test_the_status_report_is_a_pdf_and_its_export_is_logged(plan, login, users_a):
    response = login(users_a[Role.LEADER]).get(reverse("implementation:report_pdf"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    assert (
        AccessLogEntry.objects.filter(
            action=Action.EXPORT, purpose__startswith="Implementeringsplanens"
        ).count()
        == 1
    )


def test_the_status_report_has_the_latest_note_and_the_linked_goals_progress(plan, leader, municipality_a):
    goal = make_goal(municipality_a, owner="Socialudvalget")
    plan["course"].goals.add(goal)
    data = selectors.status_report(leader, today=timezone.localdate())
    rows = {r["initiative"].title: r for g in data["groups"] for r in g["rows"]}
    assert rows["Socialboligformidler ansat"]["latest_note"] == "Ansat 1. juli"
    assert rows["Aftale om anvisningsret"]["latest_note"] == ""
    assert [p["goal"].pk for p in rows["Kursus i CTI og ICM"]["goals"]] == [goal.pk]
    assert rows["Kursus i CTI og ICM"]["goals"][0]["progress"].state in {
        "on_track",
        "off_track",
        "reached",
        "no_data",
    }


def test_another_municipalitys_objects_are_not_found(login, users_a, municipality_b):
    b = make_plan(municipality_b)
    client = login(users_a[Role.LEADER])
    for name, obj in [
        ("implementation:initiative_detail", b["initiative"]),
        ("implementation:focus_area_edit", b["area"]),
        ("implementation:network_detail", b["network"]),
        ("implementation:meeting_edit", b["meeting"]),
        ("implementation:map_actor_edit", b["actor"]),
    ]:
        assert client.get(reverse(name, args=[obj.pk])).status_code == 404, name
    assert client.post(reverse("implementation:map_actor_delete", args=[b["actor"].pk])).status_code == 404
    assert MapActor.objects.filter(pk=b["actor"].pk).exists()
    plan_page = client.get(reverse("implementation:plan")).content.decode()
    assert "Samarbejdsaftale med boligorganisationerne" not in plan_page
    landkort = client.get(reverse("implementation:landkort")).content.decode()
    assert "Herberget ved havnen" not in landkort


def test_the_landkort_groups_actors_by_kind_around_the_citizen(leader, login, users_a):
    services.map_actor_save(actor=leader, kind="police", name="Nordsjællands Politi", phone="114")
    services.map_actor_save(
        actor=leader,
        kind="shelter",
        name="Herberget",
        phone="47 00 00 00",
        when="Akut behov for et sted at sove",
    )
    services.map_actor_save(actor=leader, kind="shelter", name="Forsorgshjemmet", address="Havnevej 1")
    groups = selectors.landkort(leader)
    assert [(g["kind"], [a.name for a in g["actors"]]) for g in groups] == [
        ("shelter", ["Forsorgshjemmet", "Herberget"]),
        ("police", ["Nordsjællands Politi"]),
    ]
    html = login(users_a[Role.SUPPORT_WORKER]).get(reverse("implementation:landkort")).content.decode()
    assert "Borgeren" in html and "Akut behov for et sted at sove" in html and 'href="tel:114"' in html
    assert "Ny aktør" not in html


def test_the_network_page_shows_members_and_meetings(leader, login, users_a, municipality_a):
    network = services.network_save(
        actor=leader, kind="employees", name="Medarbejdernetværket", purpose="Hurtig og koordineret indsats"
    )
    services.member_add(actor=leader, network=network, name="Sara Socialboligformidler", role="Tovholder")
    services.meeting_save(
        actor=leader,
        network=network,
        held_on=timezone.localdate(),
        today=timezone.localdate(),
        minutes="Aftalt fælles visitationsmøde",
    )
    html = (
        login(users_a[Role.ANALYST])
        .get(reverse("implementation:network_detail", args=[network.pk]))
        .content.decode()
    )
    assert (
        "Sara Socialboligformidler" in html
        and "Tovholder" in html
        and "Aftalt fælles visitationsmøde" in html
    )
    listing = login(users_a[Role.ANALYST]).get(reverse("implementation:networks")).content.decode()
    assert "Medarbejdernetværket" in listing


def test_the_navigation_has_one_entry_for_the_plan(login, users_a):
    html = login(users_a[Role.LEADER]).get(reverse("implementation:plan")).content.decode()
    nav = html.split('aria-label="Hovedmenu"')[1].split("</nav>")[0]
    assert nav.count(reverse("implementation:plan")) == 1
    assert reverse("implementation:landkort") not in nav


def test_steering_links_the_plan_and_names_its_focus_areas(plan, login, users_a):
    client = login(users_a[Role.LEADER])
    subsidy = client.get(reverse("steering:rent_subsidy")).content.decode()
    areas = subsidy.split('id="municipal-plan-focus-areas"')[1].split("</ul>")[0]
    assert "3. Flere billige boliger" in areas and "7. Kompetenceudvikling" in areas
    assert f'href="{reverse("implementation:plan")}" id="municipal-plan"' in subsidy
    front = client.get(reverse("steering:front")).content.decode()
    assert f'<a href="{reverse("implementation:plan")}">Kommunens plan</a>' in front


def test_a_focus_area_is_created_through_the_page(login, users_a):
    response = login(users_a[Role.LEADER]).post(
        reverse("implementation:focus_area_new"),
        {"number": "1", "title": "Nedbringe antallet på forsorgshjem", "source": "Udviklingsmål 1"},
    )
    assert response.status_code == 302
    assert FocusArea.objects.get().source == "Udviklingsmål 1"


def test_the_plan_and_the_landkort_are_english_when_english_is_chosen(plan, leader, login, users_a):
    services.map_actor_save(actor=leader, kind="addiction", name="Rusmiddelcentret", phone="47 35 00 00")
    client = login(users_a[Role.LEADER])
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    html = client.get(reverse("implementation:plan")).content.decode()
    assert "Implementation plan" in html and "Deadline passed" in html and "Not started" in html
    assert "Fristen er overskredet" not in html
    landkort = client.get(reverse("implementation:landkort")).content.decode()
    assert "The citizen" in landkort and "Addiction treatment" in landkort


def test_the_plan_pages_query_count_does_not_grow_with_the_plan(leader, login, users_a, municipality_a):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(users_a[Role.LEADER])
    goal = make_goal(municipality_a)

    def add(n):
        for i in range(n):
            area = services.focus_area_save(
                actor=leader, number=FocusArea.objects.count() + 1, title=f"Område {i}"
            )
            services.initiative_save(
                actor=leader,
                focus_area=area,
                title=f"Initiativ {i}",
                owner="Chefen",
                today=timezone.localdate(),
                principles=[1, 2],
                goals=[goal],
            )

    def count(url):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    add(2)
    count(reverse("implementation:plan"))  # the session's first request costs more (its activity saved)
    small = {u: count(u) for u in (reverse("implementation:plan"), reverse("implementation:landkort"))}
    add(6)
    assert {u: count(u) for u in small} == small
