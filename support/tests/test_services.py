"""Rules of the support services: one method per worker, caseload limits and the waiting list,
pause/resume, hand-over, ending CTI, contacts and persistence, and that housing never ends support."""

from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.roles import Role
from audit.models import AccessLogEntry
from support import selectors, services
from support.models import EpisodeEvent, EpisodeStatus, HandOver, SupportEpisode, WaitingListEntry
from support.services import SupportDataError

from .helpers import icm_setup, leader, recent, support_worker

pytestmark = pytest.mark.django_db


def people(worker_a, person_factory, n):
    return [
        person_factory(worker_a, first_name=f"P{i}", last_name="Test", start=recent(30)) for i in range(n)
    ]


def test_ninth_icm_citizen_is_refused_and_put_on_the_waiting_list(
    users_a, municipality_a, worker_a, person_factory
):
    _, worker, _ = icm_setup(users_a, municipality_a)
    ps = people(worker_a, person_factory, 9)
    for p in ps[:8]:
        assert services.episode_start(
            actor=worker, person=p, method="icm", start_date=recent(), worker=worker.user
        ).episode
    result = services.episode_start(
        actor=worker, person=ps[8], method="icm", start_date=recent(), worker=worker.user
    )
    assert result.episode is None
    assert "højst have 8" in result.refusal
    wait = WaitingListEntry.objects.get(person=ps[8])
    assert wait.method == "icm" and wait.closed_on is None and wait.since == recent()
    assert not SupportEpisode.objects.filter(person=ps[8]).exists()


def test_a_lowered_limit_refuses_earlier_and_cannot_exceed_the_method(
    users_a, municipality_a, worker_a, person_factory
):
    boss, worker, team = icm_setup(users_a, municipality_a, limit=2)
    ps = people(worker_a, person_factory, 3)
    for p in ps[:2]:
        services.episode_start(actor=worker, person=p, method="icm", start_date=recent(), worker=worker.user)
    assert (
        services.episode_start(
            actor=worker, person=ps[2], method="icm", start_date=recent(), worker=worker.user
        ).episode
        is None
    )
    with pytest.raises(SupportDataError, match="højst være 8"):
        services.worker_save(actor=boss, user=worker.user, method="icm", team=team, caseload_limit=9)


def test_starting_later_closes_the_wait_and_keeps_its_waiting_time(
    users_a, municipality_a, worker_a, person_factory
):
    _, worker, _ = icm_setup(users_a, municipality_a, limit=1)
    a, b = people(worker_a, person_factory, 2)
    services.episode_start(actor=worker, person=a, method="icm", start_date=recent(20), worker=worker.user)
    services.episode_start(actor=worker, person=b, method="icm", start_date=recent(20), worker=worker.user)
    first = SupportEpisode.objects.get(person=a)
    services.episode_end(actor=worker, episode=first, on=recent(5), reason="goals_reached")
    result = services.episode_start(
        actor=worker, person=b, method="icm", start_date=recent(5), worker=worker.user
    )
    wait = WaitingListEntry.objects.get(person=b)
    assert wait.closed_on == recent(5) and wait.episode == result.episode
    assert (wait.closed_on - wait.since).days == 15


def test_a_worker_works_in_one_method_only(users_a, municipality_a, worker_a, person_factory):
    _, worker, _ = icm_setup(users_a, municipality_a)
    p = people(worker_a, person_factory, 1)[0]
    with pytest.raises(SupportDataError, match="kun med én metode"):
        services.episode_start(actor=worker, person=p, method="cti", start_date=recent(), worker=worker.user)


def test_act_team_is_limited_by_average_per_member(
    users_a, municipality_a, worker_a, person_factory, settings
):
    settings.HF = {**settings.HF, "SUPPORT": {"ACT_PER_STAFF": 2}}
    boss = leader(users_a, municipality_a)
    team = services.team_save(actor=boss, name="ACT", method="act", max_citizens=80)
    services.worker_save(actor=boss, user=users_a[Role.SUPPORT_WORKER], method="act", team=team)
    worker = support_worker(users_a, municipality_a)
    ps = people(worker_a, person_factory, 3)
    for p in ps[:2]:
        assert services.episode_start(
            actor=worker, person=p, method="act", start_date=recent(), team=team
        ).episode
    result = services.episode_start(actor=worker, person=ps[2], method="act", start_date=recent(), team=team)
    assert result.episode is None and "højst 2 pr. medarbejder" in result.refusal


def test_choosing_against_the_assessment_needs_a_reason(users_a, municipality_a, worker_a, person_factory):
    plans_services = pytest.importorskip("plans.services")
    _, worker, _ = icm_setup(users_a, municipality_a)
    p = people(worker_a, person_factory, 1)[0]
    plans_services.assessment_save(
        actor=worker, person=p, services_use="large", wants_residential_care=False, note="", dimensions={}
    )
    recommended = services._recommended(p)
    assert recommended and recommended != "icm"
    with pytest.raises(SupportDataError, match="Skriv en begrundelse"):
        services.episode_start(actor=worker, person=p, method="icm", start_date=recent(), worker=worker.user)
    result = services.episode_start(
        actor=worker,
        person=p,
        method="icm",
        start_date=recent(),
        worker=worker.user,
        method_reason="Borgeren ønsker det",
    )
    assert result.episode.recommended_method == recommended


def test_pause_and_resume_are_logged_as_events(users_a, municipality_a, worker_a, person_factory):
    _, worker, _ = icm_setup(users_a, municipality_a)
    p = people(worker_a, person_factory, 1)[0]
    e = services.episode_start(
        actor=worker, person=p, method="icm", start_date=recent(20), worker=worker.user
    ).episode
    with pytest.raises(SupportDataError, match="fængselsophold"):
        services.episode_pause(actor=worker, episode=e, on=recent(10), reason=" ")
    services.episode_pause(actor=worker, episode=e, on=recent(10), reason="long_prison")
    e.refresh_from_db()
    assert e.status == EpisodeStatus.PAUSED
    with pytest.raises(SupportDataError, match="før forløbets seneste ændring"):
        services.episode_resume(actor=worker, episode=e, on=recent(11))
    services.episode_resume(actor=worker, episode=e, on=recent(2))
    e.refresh_from_db()
    assert e.status == EpisodeStatus.ACTIVE
    assert list(EpisodeEvent.objects.filter(episode=e).values_list("kind", flat=True)) == [
        "start",
        "pause",
        "resume",
    ]


def test_ending_cti_without_follow_on_needs_acknowledgement(
    users_a, municipality_a, worker_a, person_factory
):
    boss = leader(users_a, municipality_a)
    services.worker_save(actor=boss, user=users_a[Role.SUPPORT_WORKER], method="cti")
    worker = support_worker(users_a, municipality_a)
    p = people(worker_a, person_factory, 1)[0]
    e = services.episode_start(
        actor=worker, person=p, method="cti", start_date=recent(20), worker=worker.user
    ).episode
    with pytest.raises(SupportDataError, match="uden opfølgende støtte"):
        services.episode_end(actor=worker, episode=e, on=recent(1), reason="goals_reached")
    services.episode_end(actor=worker, episode=e, on=recent(1), reason="follow_on")
    e.refresh_from_db()
    assert e.status == EpisodeStatus.ENDED and e.end_reason == "follow_on" and e.end_date == recent(1)


def test_hand_over_gives_the_receiving_municipality_only_a_hand_over(
    users_a, municipality_a, municipality_b, worker_a, person_factory
):
    _, worker, _ = icm_setup(users_a, municipality_a)
    other = people(worker_a, person_factory, 1)[0]
    e0 = services.episode_start(
        actor=worker, person=other, method="icm", start_date=recent(20), worker=worker.user
    ).episode
    with pytest.raises(SupportDataError, match="ikke jeres egen"):
        services.episode_hand_over(actor=worker, episode=e0, on=recent(1), to_municipality=municipality_a)
    p = person_factory(worker_a, first_name="Flytte", last_name="Borger", start=recent(30), cpr="010190-1234")
    e = services.episode_start(
        actor=worker, person=p, method="icm", start_date=recent(20), worker=worker.user
    ).episode
    h = services.episode_hand_over(
        actor=worker, episode=e, on=recent(1), to_municipality=municipality_b, note="Kender ham godt"
    )
    e.refresh_from_db()
    assert e.status == EpisodeStatus.HANDED_OVER
    assert h.municipality == municipality_b and h.name == "Flytte Borger" and h.method == "icm"
    assert {f.name for f in HandOver._meta.fields} == {
        "id",
        "municipality",
        "from_municipality",
        "name",
        "birth_date",
        "method",
        "handed_over_on",
        "note",
        "contact",
        "received_on",
        "created_at",
    }
    from people.models import Person

    assert not Person.objects.filter(municipality=municipality_b, last_name="Borger").exists()


def test_losing_a_home_never_ends_an_episode(users_a, municipality_a, worker_a, person_factory):
    from people import services as people_services

    _, worker, _ = icm_setup(users_a, municipality_a)
    p = people(worker_a, person_factory, 1)[0]
    e = services.episode_start(
        actor=worker, person=p, method="icm", start_date=recent(20), worker=worker.user
    ).episode
    people_services.situation_record(actor=worker_a, person=p, situation="own_home", start_date=recent(15))
    people_services.situation_record(actor=worker_a, person=p, situation="street", start_date=recent(5))
    people_services.situation_record(
        actor=worker_a, person=p, situation="hospital_discharge", start_date=recent(3)
    )
    e.refresh_from_db()
    assert e.status == EpisodeStatus.ACTIVE


def test_persistence_task_after_n_days_not_reached_and_attempts_keep_counting(
    users_a, municipality_a, worker_a, person_factory
):
    _, worker, _ = icm_setup(users_a, municipality_a)
    p = people(worker_a, person_factory, 1)[0]
    today = timezone.localdate()
    e = services.episode_start(
        actor=worker, person=p, method="icm", start_date=today - timedelta(days=30), worker=worker.user
    ).episode
    services.episode_contact_record(
        actor=worker, episode=e, contacted_on=today - timedelta(days=14), kind="phone", reached=True
    )
    page = selectors.worker_page(worker, today=today)
    assert [r["person"].pk for r in page.tasks] == [p.pk]  # 14 days = the default limit
    services.episode_contact_record(
        actor=worker, episode=e, contacted_on=today - timedelta(days=2), kind="note_at_door", reached=False
    )
    services.episode_contact_record(
        actor=worker, episode=e, contacted_on=today - timedelta(days=1), kind="text", reached=False
    )
    page = selectors.worker_page(worker, today=today)
    task = page.tasks[0]["persistence"]
    assert task.days == 14 and task.attempts_since == 2
    assert SupportEpisode.objects.get(pk=e.pk).status == EpisodeStatus.ACTIVE
    boss = leader(users_a, municipality_a)
    assert [r["person"].pk for r in selectors.leader_page(boss, today=today).tasks] == [p.pk]
    services.episode_contact_record(
        actor=worker, episode=e, contacted_on=today, kind="home_visit", reached=True
    )
    assert selectors.worker_page(worker, today=today).tasks == []


def test_persistence_days_are_configurable_per_method(
    users_a, municipality_a, worker_a, person_factory, settings
):
    settings.HF = {**settings.HF, "SUPPORT": {"PERSISTENCE_DAYS": {"icm": 5}}}
    _, worker, _ = icm_setup(users_a, municipality_a)
    p = people(worker_a, person_factory, 1)[0]
    today = timezone.localdate()
    services.episode_start(
        actor=worker, person=p, method="icm", start_date=today - timedelta(days=5), worker=worker.user
    )
    assert len(selectors.worker_page(worker, today=today).tasks) == 1


def test_front_pages_log_the_people_shown(users_a, municipality_a, worker_a, person_factory):
    _, worker, _ = icm_setup(users_a, municipality_a)
    p = people(worker_a, person_factory, 1)[0]
    services.episode_start(actor=worker, person=p, method="icm", start_date=recent(), worker=worker.user)
    selectors.worker_page(worker, today=timezone.localdate())
    assert AccessLogEntry.objects.filter(person_id=p.pk, purpose=selectors.FRONT_PURPOSE).exists()


def test_selectors_do_not_cross_municipalities(
    users_a, users_b, municipality_a, municipality_b, worker_a, worker_b, person_factory
):
    _, wa, _ = icm_setup(users_a, municipality_a)
    _, wb, _ = icm_setup(users_b, municipality_b)
    pb = person_factory(worker_b, first_name="Bodil", last_name="B", start=recent(30))
    eb = services.episode_start(
        actor=wb, person=pb, method="icm", start_date=recent(), worker=wb.user
    ).episode
    assert list(selectors.episode_list(wa, filters={}, today=timezone.localdate())) == []
    page = selectors.leader_page(leader(users_a, municipality_a), today=timezone.localdate())
    assert sum(s["n"] for s in page.by_status) == 0
    from django.http import Http404

    with pytest.raises(Http404):
        selectors.episode_get(wa, eb.pk)


def test_contact_summary_keeps_the_latest_dates_whatever_the_order_recorded(
    users_a, municipality_a, worker_a, person_factory
):
    """The front pages read the persistence clock from Person.last_contact_on/last_reached_on."""
    _, worker, _ = icm_setup(users_a, municipality_a)
    p = people(worker_a, person_factory, 1)[0]
    e = services.episode_start(
        actor=worker, person=p, method="icm", start_date=recent(30), worker=worker.user
    ).episode
    services.episode_contact_record(
        actor=worker, episode=e, contacted_on=recent(3), kind="phone", reached=False
    )
    services.episode_contact_record(
        actor=worker, episode=e, contacted_on=recent(10), kind="home_visit", reached=True
    )
    services.episode_contact_record(
        actor=worker, episode=e, contacted_on=recent(12), kind="phone", reached=True
    )
    p.refresh_from_db()
    assert (p.last_contact_on, p.last_reached_on) == (recent(3), recent(10))


def test_contact_summary_rebuild_matches_the_contacts(users_a, municipality_a, worker_a, person_factory):
    from people.models import Contact, Person
    from people.services import contact_summary_rebuild

    a, b = people(worker_a, person_factory, 2)
    Contact.objects.create(
        municipality=municipality_a, person=a, contacted_on=recent(5), kind="phone", reached=False
    )
    Contact.objects.create(
        municipality=municipality_a, person=a, contacted_on=recent(9), kind="phone", reached=True
    )
    assert contact_summary_rebuild([a.pk, b.pk]) == 2
    assert Person.objects.filter(pk=a.pk).values_list("last_contact_on", "last_reached_on").get() == (
        recent(5),
        recent(9),
    )
    assert Person.objects.filter(pk=b.pk).values_list("last_contact_on", "last_reached_on").get() == (
        None,
        None,
    )


def test_reached_before_the_episode_started_does_not_stop_the_clock(
    users_a, municipality_a, worker_a, person_factory
):
    """The clock runs from the start when the last time the citizen was reached is older than the episode."""
    _, worker, _ = icm_setup(users_a, municipality_a)
    p = people(worker_a, person_factory, 1)[0]
    from people import services as people_services

    people_services.contact_record(
        actor=worker_a, person=p, contacted_on=recent(25), kind="outreach", reached=True
    )
    services.episode_start(actor=worker, person=p, method="icm", start_date=recent(20), worker=worker.user)
    today = timezone.localdate()
    row = selectors.worker_page(worker, today=today).tasks[0]
    assert row["last_reached"] is None and row["last_contact"] == recent(25)
    assert row["persistence"].since == recent(20) and row["persistence"].days == 20
    boss = leader(users_a, municipality_a)
    page = selectors.leader_page(boss, today=today)
    assert page.tasks_total == 1 and page.tasks[0]["persistence"].days == 20
    assert [
        r["person"].pk for r in selectors.episode_list(boss, filters={"due": "1"}, today=today).object_list
    ] == [p.pk]


def test_leader_capacity_per_team_sums_the_workers_and_lists_the_full_ones(
    users_a, municipality_a, worker_a, person_factory
):
    boss, worker, team = icm_setup(users_a, municipality_a, limit=2)
    for p in people(worker_a, person_factory, 2):
        services.episode_start(actor=worker, person=p, method="icm", start_date=recent(), worker=worker.user)
    page = selectors.leader_page(boss, today=timezone.localdate())
    row = next(r for r in page.capacity if r["kind"] == "team" and r["team"]["pk"] == team.pk)
    assert (row["active"], row["limit"], row["members"], row["full_workers"], row["use"]) == (2, 2, 1, 1, 100)
    assert [(w["user_id"], w["active"], w["limit"], w["lowered"]) for w in page.full_workers] == [
        (worker.user.pk, 2, 2, True)
    ]
    assert page.full_workers_total == 1 and page.over_limit == []
    icm = next(m for m in page.methods if m["method"] == "icm")
    assert (icm["limit"], icm["active"], icm["free"]) == (2, 2, 0)


def test_leader_page_shows_a_page_of_teams_the_fullest_in_their_usual_order(
    users_a, municipality_a, worker_a, person_factory, monkeypatch
):
    boss, worker, team = icm_setup(users_a, municipality_a, limit=2)
    services.episode_start(
        actor=worker,
        person=people(worker_a, person_factory, 1)[0],
        method="icm",
        start_date=recent(),
        worker=worker.user,
    )
    for name in ("Aa-teamet", "Bb-teamet", "Cc-teamet"):
        services.team_save(actor=boss, name=name, method="act", max_citizens=10)
    everyone = selectors.leader_page(boss, today=timezone.localdate())
    assert everyone.capacity_total == len(everyone.capacity) == 4
    monkeypatch.setattr(selectors, "ROWS_SHOWN", 2)
    page = selectors.leader_page(boss, today=timezone.localdate())
    assert page.capacity_total == 4 and len(page.capacity) == 2
    # The half-full ICM team is chosen first; the rows keep the order of the full table.
    assert team.pk in [r["team"]["pk"] for r in page.capacity if r["team"]]
    assert [r["name"] for r in page.capacity] == [r["name"] for r in everyone.capacity if r in page.capacity]


def test_leader_waiting_figures_count_everyone_and_rows_show_the_longest_waiting(
    users_a, municipality_a, worker_a, person_factory, monkeypatch
):
    boss, worker, team = icm_setup(users_a, municipality_a)
    ps = people(worker_a, person_factory, 4)
    ps[3].protected = True
    ps[3].save(update_fields=["protected"])
    for i, p in enumerate(ps):
        WaitingListEntry.objects.create(
            municipality=municipality_a,
            person=p,
            method="icm",
            team=team,
            since=recent(10 * (i + 1)),
            refusal="Fuldt",
        )
    monkeypatch.setattr(selectors, "ROWS_SHOWN", 2)
    page = selectors.leader_page(boss, today=timezone.localdate())
    icm = next(m for m in page.methods if m["method"] == "icm")
    assert (icm["waiting"], icm["longest_wait"], icm["mean_wait"]) == (4, 40, 25)
    # Rows: the protected person is hidden from the leader (not their own worker), the longest first.
    assert [w.person_id for w in page.waiting] == [ps[2].pk, ps[1].pk]
    assert page.waiting_total == 3 and page.hidden_waiting == 1


@pytest.mark.parametrize(
    "kw,field", [({"kind": "pigeon"}, "kind"), ({"note": "x" * 501}, "note")], ids=["kind", "note"]
)
def test_an_episode_contact_is_refused_by_the_one_contact_rule(
    kw, field, users_a, municipality_a, worker_a, person_factory
):
    """The episode's contact goes through people.services.contact_record: its refusals, as a support error."""
    _, worker, _ = icm_setup(users_a, municipality_a)
    p = people(worker_a, person_factory, 1)[0]
    today = timezone.localdate()
    e = services.episode_start(
        actor=worker, person=p, method="icm", start_date=today - timedelta(days=3), worker=worker.user
    ).episode
    with pytest.raises(services.SupportDataError) as exc:
        services.episode_contact_record(
            actor=worker, episode=e, contacted_on=today, reached=True, **({"kind": "phone"} | kw)
        )
    assert exc.value.field == field


def test_the_episode_list_hides_a_protected_citizen_from_all_but_their_own_worker(
    users_a, municipality_a, worker_a, person_factory
):
    """The lists decide visibility by "the protected people this user is not a worker of" (no join to each
    row's person): the own worker sees the protected citizen's episode, the leader does not."""
    boss, worker, team = icm_setup(users_a, municipality_a)
    ps = people(worker_a, person_factory, 3)
    ps[0].protected = True
    ps[0].save(update_fields=["protected"])
    ps[0].workers.add(users_a[Role.SUPPORT_WORKER])
    for p in ps:
        SupportEpisode.objects.create(
            municipality=municipality_a,
            person=p,
            method="icm",
            worker=users_a[Role.SUPPORT_WORKER],
            team=team,
            start_date=recent(30),
            status=EpisodeStatus.ACTIVE,
            status_since=recent(30),
        )
    today = timezone.localdate()
    shown = {r["person"].pk for r in selectors.episode_list(worker, filters={}, today=today).object_list}
    assert shown == {p.pk for p in ps}
    page = selectors.episode_list(boss, filters={}, today=today)
    assert {r["person"].pk for r in page.object_list} == {ps[1].pk, ps[2].pk}
    assert page.paginator.count == 2
