"""Principle 5 (seed 004, ch. 2) on every path: a hospital stay or a short prison stay does not pause
support, a move does not end it (a move to another municipality is a hand-over), and starting another
method asks whether the first method's waiting-list entry closes (issue 9, item 11)."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from support import services
from support.models import EndReason, EpisodeEvent, EpisodeStatus, SupportEpisode, WaitingListEntry
from support.services import SupportDataError

from .helpers import icm_setup, leader, recent

pytestmark = pytest.mark.django_db


@pytest.fixture
def episode(users_a, municipality_a, worker_a, person_factory):
    _, worker, _ = icm_setup(users_a, municipality_a)
    person = person_factory(worker_a, start=recent(30))
    return services.episode_start(
        actor=worker, person=person, method="icm", start_date=recent(20), worker=worker.user
    ).episode


@pytest.fixture
def worker(users_a, municipality_a):
    from .helpers import support_worker

    return support_worker(users_a, municipality_a)


@pytest.mark.parametrize(
    "reason, why",
    [
        ("hospital", "hospitalsophold er ikke en grund til pause"),
        ("short_prison", "kort fængselsophold er ikke en grund til pause"),
    ],
)
def test_a_hospital_or_short_prison_stay_is_refused_as_a_pause_reason_with_why(episode, worker, reason, why):
    with pytest.raises(SupportDataError, match=why) as err:
        services.episode_pause(actor=worker, episode=episode, on=recent(10), reason=reason, note="Indlagt")
    assert err.value.field == "reason"
    episode.refresh_from_db()
    assert episode.status == EpisodeStatus.ACTIVE


def test_a_long_prison_stay_pauses_and_the_reason_is_stored_in_danish(episode, worker):
    services.episode_pause(
        actor=worker, episode=episode, on=recent(10), reason="long_prison", note="Dom på 2 år"
    )
    episode.refresh_from_db()
    assert episode.status == EpisodeStatus.PAUSED
    assert (
        EpisodeEvent.objects.get(episode=episode, kind="pause").reason
        == "Længere fængselsophold: Dom på 2 år"
    )


def test_another_pause_reason_needs_it_written(episode, worker):
    with pytest.raises(SupportDataError) as err:
        services.episode_pause(actor=worker, episode=episode, on=recent(10), reason="other")
    assert err.value.field == "note"
    services.episode_pause(
        actor=worker, episode=episode, on=recent(10), reason="other", note="Ophold i udlandet"
    )
    assert EpisodeEvent.objects.get(episode=episode, kind="pause").reason == "Ophold i udlandet"


def test_free_text_is_no_longer_a_pause_reason(episode, worker):
    with pytest.raises(SupportDataError, match="Vælg hvorfor"):
        services.episode_pause(
            actor=worker, episode=episode, on=recent(10), reason="Indlagt på Hillerød Hospital"
        )


def test_the_pause_form_answers_a_hospital_stay_with_why_support_continues(login, users_a, episode):
    response = login(users_a[Role.SUPPORT_WORKER]).post(
        reverse("support:episode_pause", args=[episode.pk]),
        {"on": recent(1).isoformat(), "reason": "hospital", "note": ""},
    )
    assert response.status_code == 400
    assert "støtten fortsætter under indlæggelsen" in response.content.decode()


def test_moving_is_no_reason_to_end_support(episode, worker):
    with pytest.raises(SupportDataError, match="følger borgeren med til den nye bolig") as err:
        services.episode_end(actor=worker, episode=episode, on=recent(1), reason="moved")
    assert err.value.field == "reason"
    episode.refresh_from_db()
    assert episode.is_open


def test_the_end_form_does_not_offer_moved_and_points_to_the_hand_over(login, users_a, episode):
    html = (
        login(users_a[Role.SUPPORT_WORKER])
        .get(reverse("support:episode", args=[episode.pk]))
        .content.decode()
    )
    assert 'value="moved"' not in html
    assert "Overdrag til anden kommune" in html
    assert "En flytning afslutter ikke støtten" in html


def test_an_episode_ended_as_moved_before_still_renders_its_reason(login, users_a, episode):
    SupportEpisode.objects.filter(pk=episode.pk).update(
        status=EpisodeStatus.ENDED, end_date=recent(1), end_reason=EndReason.MOVED
    )
    html = (
        login(users_a[Role.SUPPORT_WORKER])
        .get(reverse("support:episode", args=[episode.pk]))
        .content.decode()
    )
    assert "Flyttet" in html


def _waiting_for_cti(person, municipality):
    return WaitingListEntry.objects.create(
        municipality=municipality,
        person=person,
        method="cti",
        since=recent(15),
        refusal="CTI-teamet er fuldt.",
    )


def test_starting_another_method_asks_whether_the_first_methods_wait_closes(
    users_a, municipality_a, worker_a, person_factory
):
    _, worker, _ = icm_setup(users_a, municipality_a)
    person = person_factory(worker_a, start=recent(30))
    wait = _waiting_for_cti(person, municipality_a)
    with pytest.raises(SupportDataError, match="ventelisten til CTI") as err:
        services.episode_start(
            actor=worker, person=person, method="icm", start_date=recent(5), worker=worker.user
        )
    assert err.value.field == "close_other_waits"
    assert not SupportEpisode.objects.filter(person=person).exists()

    services.episode_start(
        actor=worker,
        person=person,
        method="icm",
        start_date=recent(5),
        worker=worker.user,
        close_other_waits=True,
    )
    wait.refresh_from_db()
    assert (
        wait.closed_on == recent(5)
        and wait.closed_reason == "Startet i ICM (Intensive Case Management) i stedet"
    )


def test_a_citizen_may_keep_waiting_for_the_first_method(users_a, municipality_a, worker_a, person_factory):
    _, worker, _ = icm_setup(users_a, municipality_a)
    person = person_factory(worker_a, start=recent(30))
    wait = _waiting_for_cti(person, municipality_a)
    assert services.episode_start(
        actor=worker,
        person=person,
        method="icm",
        start_date=recent(5),
        worker=worker.user,
        close_other_waits=False,
    ).episode
    wait.refresh_from_db()
    assert wait.closed_on is None


def test_the_start_page_asks_about_the_other_wait(login, users_a, municipality_a, worker_a, person_factory):
    _, worker, _ = icm_setup(users_a, municipality_a)
    person = person_factory(worker_a, start=recent(30))
    wait = _waiting_for_cti(person, municipality_a)
    client = login(users_a[Role.LEADER])
    url = reverse("support:episode_start", args=[person.pk])
    assert "Skal pladsen lukkes" in client.get(url).content.decode()
    data = {
        "method": "icm",
        "worker": str(worker.user.pk),
        "team": "",
        "start_date": recent(2).isoformat(),
        "method_reason": "",
    }
    response = client.post(url, data)
    assert response.status_code == 400 and "Svar, om den plads" in response.content.decode()
    assert client.post(url, {**data, "close_other_waits": "yes"}).status_code == 302
    wait.refresh_from_db()
    assert wait.closed_on == recent(2)


def test_a_full_worker_resumes_a_paused_citizen_only_when_acknowledged(
    users_a, municipality_a, worker_a, person_factory
):
    boss, worker, team = icm_setup(users_a, municipality_a, limit=1)
    a, b = (person_factory(worker_a, first_name=n, start=recent(30)) for n in ("A", "B"))
    first = services.episode_start(
        actor=worker, person=a, method="icm", start_date=recent(20), worker=worker.user
    ).episode
    services.episode_pause(actor=worker, episode=first, on=recent(15), reason="long_prison")
    services.episode_start(actor=worker, person=b, method="icm", start_date=recent(10), worker=worker.user)
    with pytest.raises(SupportDataError, match="højst have 1") as err:
        services.episode_resume(actor=worker, episode=first, on=recent(2))
    assert err.value.field == "over_limit_acknowledged"
    services.episode_resume(actor=worker, episode=first, on=recent(2), over_limit_acknowledged=True)
    first.refresh_from_db()
    assert first.status == EpisodeStatus.ACTIVE
    assert EpisodeEvent.objects.get(episode=first, kind="resume").reason.startswith("Genoptaget over loftet")


def test_act_team_maximum_is_bounded(users_a, municipality_a, settings):
    boss = leader(users_a, municipality_a)
    for bad in (0, 81, 500):
        with pytest.raises(SupportDataError, match="mellem 1 og 80") as err:
            services.team_save(actor=boss, name="ACT", method="act", max_citizens=bad)
        assert err.value.field == "max_citizens"
    assert services.team_save(actor=boss, name="ACT", method="act", max_citizens=80).max_citizens == 80
    settings.HF = {**settings.HF, "SUPPORT": {**settings.HF.get("SUPPORT", {}), "ACT_TEAM_MAX": 70}}
    with pytest.raises(SupportDataError, match="mellem 1 og 70"):
        services.team_save(actor=boss, name="ACT 2", method="act", max_citizens=75)


def test_a_team_maximum_stored_above_the_ceiling_does_not_lift_the_limit():
    from support import capacity

    assert capacity.act_team_max(own_max=10_000, ceiling=80) == 80
    assert capacity.act_team_max(own_max=None, ceiling=80) == 80
    assert capacity.act_team_max(own_max=60, ceiling=80) == 60


def _second_icm_worker(users_a, municipality_a, boss, team, *, limit=None):
    from conftest import make_user

    other = make_user(municipality_a, Role.SUPPORT_WORKER, "kollega")
    services.worker_save(actor=boss, user=other, method="icm", team=team, caseload_limit=limit)
    return other


def test_an_episode_can_be_handed_to_another_worker_with_room(
    users_a, municipality_a, worker_a, person_factory
):
    boss, worker, team = icm_setup(users_a, municipality_a)
    other = _second_icm_worker(users_a, municipality_a, boss, team)
    person = person_factory(worker_a, start=recent(30))
    e = services.episode_start(
        actor=worker, person=person, method="icm", start_date=recent(20), worker=worker.user
    ).episode
    services.episode_reassign(
        actor=worker, episode=e, worker=other, on=recent(1), reason="Sanne går på barsel"
    )
    e.refresh_from_db()
    assert e.worker == other and person.workers.filter(pk=other.pk).exists()
    assert EpisodeEvent.objects.get(episode=e, kind="reassign").on == recent(1)


def test_an_active_episode_is_not_handed_to_a_full_worker(users_a, municipality_a, worker_a, person_factory):
    boss, worker, team = icm_setup(users_a, municipality_a)
    other = _second_icm_worker(users_a, municipality_a, boss, team, limit=1)
    a, b = (person_factory(worker_a, first_name=n, start=recent(30)) for n in ("A", "B"))
    services.episode_start(actor=boss, person=a, method="icm", start_date=recent(20), worker=other)
    e = services.episode_start(
        actor=worker, person=b, method="icm", start_date=recent(20), worker=worker.user
    ).episode
    with pytest.raises(SupportDataError, match="højst have 1") as err:
        services.episode_reassign(actor=worker, episode=e, worker=other, on=recent(1))
    assert err.value.field == "worker"
    e.refresh_from_db()
    assert e.worker == worker.user


def test_the_episode_page_hands_the_episode_to_a_colleague(
    login, users_a, municipality_a, worker_a, person_factory
):
    boss, worker, team = icm_setup(users_a, municipality_a)
    other = _second_icm_worker(users_a, municipality_a, boss, team)
    person = person_factory(worker_a, start=recent(30))
    e = services.episode_start(
        actor=worker, person=person, method="icm", start_date=recent(20), worker=worker.user
    ).episode
    client = login(users_a[Role.SUPPORT_WORKER])
    response = client.post(
        reverse("support:episode_reassign", args=[e.pk]),
        {"worker": str(other.pk), "on": recent(1).isoformat(), "reason": ""},
    )
    assert response.status_code == 302
    e.refresh_from_db()
    assert e.worker == other
