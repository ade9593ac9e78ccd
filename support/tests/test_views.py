"""Pages of support per role: the worker's and leader's front pages, starting an episode (also when
it is refused for capacity), recording a contact, and the landing page of a support worker."""

import pytest
from django.urls import reverse

from accounts.roles import Role
from support import services
from support.models import SupportEpisode, WaitingListEntry

from .helpers import icm_setup, recent

pytestmark = pytest.mark.django_db


def test_support_worker_lands_on_what_needs_them_today(login, users_a):
    response = login(users_a[Role.SUPPORT_WORKER]).get("/")
    assert response.status_code == 302 and response["Location"] == reverse("today:page")


def test_worker_page_lists_own_citizens_with_phase_and_last_contact(
    login, users_a, municipality_a, worker_a, person_factory
):
    _, worker, _ = icm_setup(users_a, municipality_a)
    p = person_factory(worker_a, first_name="Karin", last_name="Kofoed", start=recent(30))
    e = services.episode_start(
        actor=worker, person=p, method="icm", start_date=recent(20), worker=worker.user
    ).episode
    services.episode_contact_record(
        actor=worker, episode=e, contacted_on=recent(3), kind="phone", reached=True
    )
    html = login(users_a[Role.SUPPORT_WORKER]).get(reverse("home:worker")).content.decode()
    assert "Karin Kofoed" in html and recent(3).strftime("%d.%m.%Y") in html


def test_leader_page_shows_a_full_caseload_and_the_waiting_list(
    login, users_a, municipality_a, worker_a, person_factory
):
    _, worker, _ = icm_setup(users_a, municipality_a, limit=1)
    a = person_factory(worker_a, first_name="Anne", last_name="Aa", start=recent(30))
    b = person_factory(worker_a, first_name="Bent", last_name="Bb", start=recent(30))
    services.episode_start(actor=worker, person=a, method="icm", start_date=recent(20), worker=worker.user)
    services.episode_start(actor=worker, person=b, method="icm", start_date=recent(10), worker=worker.user)
    html = login(users_a[Role.LEADER]).get(reverse("home:leader")).content.decode()
    assert "fuld" in html and "Bent Bb" in html
    assert login(users_a[Role.SUPPORT_WORKER]).get(reverse("home:leader")).status_code == 403


def test_start_form_refused_for_capacity_shows_the_reason_and_waits(
    login, users_a, municipality_a, worker_a, person_factory
):
    _, worker, _ = icm_setup(users_a, municipality_a, limit=1)
    a = person_factory(worker_a, first_name="Anne", last_name="Aa", start=recent(30))
    b = person_factory(worker_a, first_name="Bent", last_name="Bb", start=recent(30))
    services.episode_start(actor=worker, person=a, method="icm", start_date=recent(20), worker=worker.user)
    client = login(users_a[Role.SUPPORT_WORKER])
    data = {"method": "icm", "worker": str(worker.user.pk), "start_date": recent(1).isoformat()}
    response = client.post(reverse("support:episode_start", args=[b.pk]), data)
    assert response.status_code == 400
    assert "højst have 1" in response.content.decode()
    assert WaitingListEntry.objects.filter(person=b, method="icm").exists()


def test_start_and_record_a_contact_through_the_pages(
    login, users_a, municipality_a, worker_a, person_factory
):
    _, worker, _ = icm_setup(users_a, municipality_a)
    p = person_factory(worker_a, first_name="Carl", last_name="Cc", start=recent(30))
    client = login(users_a[Role.SUPPORT_WORKER])
    response = client.post(
        reverse("support:episode_start", args=[p.pk]),
        {"method": "icm", "worker": str(worker.user.pk), "start_date": recent(5).isoformat()},
    )
    episode = SupportEpisode.objects.get(person=p)
    assert response["Location"] == reverse("support:episode", args=[episode.pk])
    response = client.post(
        reverse("support:episode_contact", args=[episode.pk]),
        {
            "contacted_on": recent(1).isoformat(),
            "kind": "note_at_door",
            "reached": "0",
            "note": "Ikke hjemme",
        },
    )
    assert response.status_code == 302
    html = client.get(reverse("support:episode", args=[episode.pk])).content.decode()
    assert "Seddel ved døren, ikke truffet" in html


def test_bad_input_gives_a_danish_message_naming_the_field(
    login, users_a, municipality_a, worker_a, person_factory
):
    _, worker, _ = icm_setup(users_a, municipality_a)
    p = person_factory(worker_a, start=recent(30))
    e = services.episode_start(
        actor=worker, person=p, method="icm", start_date=recent(5), worker=worker.user
    ).episode
    response = login(users_a[Role.SUPPORT_WORKER]).post(
        reverse("support:episode_pause", args=[e.pk]), {"on": recent(1).isoformat(), "reason": ""}
    )
    assert response.status_code == 400
    assert "Begrundelse" in response.content.decode()


def test_cti_episode_page_shows_the_phase_timeline(login, users_a, municipality_a, worker_a, person_factory):
    from support.tests.helpers import leader

    services.worker_save(
        actor=leader(users_a, municipality_a), user=users_a[Role.SUPPORT_WORKER], method="cti"
    )
    p = person_factory(worker_a, start=recent(60))
    worker = __import__("support.tests.helpers", fromlist=["support_worker"]).support_worker(
        users_a, municipality_a
    )
    e = services.episode_start(
        actor=worker, person=p, method="cti", start_date=recent(45), worker=worker.user
    ).episode
    html = login(users_a[Role.SUPPORT_WORKER]).get(reverse("support:episode", args=[e.pk])).content.decode()
    assert "1. fase: Overgang til egen bolig" in html and 'aria-current="step"' in html


def test_analyst_sees_no_support_pages(login, users_a):
    client = login(users_a[Role.ANALYST])
    for name in ("home:worker", "home:leader", "support:teams", "support:waiting"):
        assert client.get(reverse(name)).status_code == 403


def test_leader_manages_teams_and_workers(login, users_a, municipality_a):
    client = login(users_a[Role.LEADER])
    assert (
        client.post(
            reverse("support:teams"), {"name": "ACT Nord", "method": "act", "max_citizens": "70"}
        ).status_code
        == 302
    )
    response = client.post(
        reverse("support:worker_edit", args=[users_a[Role.SUPPORT_WORKER].pk]),
        {"method": "icm", "caseload_limit": "9"},
    )
    assert response.status_code == 400 and "højst være 8" in response.content.decode()


def test_workers_page_shows_every_workers_caseload_against_the_limit(
    login, users_a, municipality_a, worker_a, person_factory
):
    """The leader's front page lists only the workers at their limit; the workers page has them all."""
    import re

    _, worker, _ = icm_setup(users_a, municipality_a, limit=3)
    for i in range(2):
        p = person_factory(worker_a, first_name=f"C{i}", last_name="Test", start=recent(30))
        services.episode_start(
            actor=worker, person=p, method="icm", start_date=recent(10), worker=worker.user
        )
    html = login(users_a[Role.LEADER]).get(reverse("support:workers")).content.decode()
    name = worker.user.get_full_name() or worker.user.username
    row = next(r for r in re.findall(r"<tr.*?</tr>", html, flags=re.S) if name in r)
    cells = [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", row, flags=re.S)]
    assert cells[4:7] == [f"2 aktive hos {name}", "3", "67 %"]
    assert f"worker={worker.user.pk}" in row
    leader_html = login(users_a[Role.LEADER]).get(reverse("home:leader")).content.decode()
    assert "Ingen medarbejdere har nået deres loft." in leader_html
