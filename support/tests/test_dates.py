"""Dates typed in support go through core/dates.py on every path (issue 9, item 15): a start, pause,
resume, end, hand-over or contact never lies in the future or before 1900; the message names the field."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from support import services
from support.models import SupportEpisode, WaitingListEntry
from support.services import SupportDataError

from .helpers import icm_setup, recent

pytestmark = pytest.mark.django_db

TOMORROW = timezone.localdate() + timedelta(days=1)


@pytest.fixture
def setup(users_a, municipality_a, worker_a, person_factory):
    boss, worker, _ = icm_setup(users_a, municipality_a)
    person = person_factory(worker_a, start=recent(30))
    return boss, worker, person


@pytest.mark.parametrize("bad", [TOMORROW, date(1899, 12, 31)])
def test_a_start_date_in_the_future_or_before_1900_is_refused(setup, bad):
    _, worker, person = setup
    with pytest.raises(SupportDataError) as err:
        services.episode_start(actor=worker, person=person, method="icm", start_date=bad, worker=worker.user)
    assert err.value.field == "start_date"
    assert not SupportEpisode.objects.filter(person=person).exists()
    assert not WaitingListEntry.objects.filter(person=person).exists()


@pytest.mark.parametrize("action", ["pause", "resume", "end", "hand_over", "contact"])
def test_episode_dates_in_the_future_are_refused_on_every_action(setup, municipality_b, action):
    _, worker, person = setup
    e = services.episode_start(
        actor=worker, person=person, method="icm", start_date=recent(20), worker=worker.user
    ).episode
    if action == "resume":
        services.episode_pause(actor=worker, episode=e, on=recent(10), reason="long_prison")
    calls = {
        "pause": lambda: services.episode_pause(actor=worker, episode=e, on=TOMORROW, reason="long_prison"),
        "resume": lambda: services.episode_resume(actor=worker, episode=e, on=TOMORROW),
        "end": lambda: services.episode_end(actor=worker, episode=e, on=TOMORROW, reason="goals_reached"),
        "hand_over": lambda: services.episode_hand_over(
            actor=worker, episode=e, on=TOMORROW, to_municipality=municipality_b
        ),
        "contact": lambda: services.episode_contact_record(
            actor=worker, episode=e, contacted_on=TOMORROW, kind="phone", reached=True
        ),
    }
    with pytest.raises(SupportDataError, match="fremtiden") as err:
        calls[action]()
    assert err.value.field in ("on", "contacted_on")


def test_the_start_form_shows_the_date_message_on_the_field(login, users_a, setup):
    _, worker, person = setup
    response = login(users_a[Role.LEADER]).post(
        reverse("support:episode_start", args=[person.pk]),
        {
            "method": "icm",
            "worker": str(worker.user.pk),
            "team": "",
            "start_date": TOMORROW.isoformat(),
            "method_reason": "",
        },
    )
    assert response.status_code == 400
    assert "Datoen ligger i fremtiden." in response.content.decode()
    assert not SupportEpisode.objects.filter(person=person).exists()
