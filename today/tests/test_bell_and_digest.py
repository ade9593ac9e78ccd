"""The bell (a stored count, refreshed on the task queue when stale; what is new since the last visit),
the pages and the daily e-mail (initials and a link only)."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from today import services, tasks
from today.models import TodayState

from .helpers import actor, leader_world, outreach_world

pytestmark = pytest.mark.django_db


def test_the_bell_counts_once_then_reads_the_stored_count(
    login, users_a, municipality_a, worker_a, person_factory
):
    outreach_world(municipality_a, worker_a, person_factory, n=2)
    client = login(users_a[Role.OUTREACH_WORKER])
    html = client.get(reverse("today:bell")).content.decode()
    assert 'data-count="6"' in html and "6 nye" in html
    state = TodayState.objects.get(user=users_a[Role.OUTREACH_WORKER])
    assert state.count == 6 and state.new == 6 and state.refresh_queued_at is None


def test_a_stale_count_is_refreshed_on_the_task_queue_once(
    login, users_a, municipality_a, worker_a, person_factory, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    outreach_world(municipality_a, worker_a, person_factory, n=1)
    outreach = actor(users_a, municipality_a, Role.OUTREACH_WORKER)
    services.bell_refresh(actor=outreach, today=timezone.localdate())
    TodayState.objects.update(computed_at=timezone.now() - timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        services.bell_read(actor=outreach, today=timezone.localdate())
        services.bell_read(actor=outreach, today=timezone.localdate())
    assert DBTaskResult.objects.filter(task_path="today.tasks.refresh_bell").count() == 1
    # The worker runs it: the count is fresh again.
    tasks.refresh_bell.call(users_a[Role.OUTREACH_WORKER].pk, municipality_a.pk)
    state = TodayState.objects.get()
    assert state.refresh_queued_at is None and timezone.now() - state.computed_at < timedelta(minutes=1)


def test_visiting_i_dag_marks_items_seen_and_the_bell_shows_only_new_ones(
    login, users_a, municipality_a, worker_a, person_factory
):
    outreach_world(municipality_a, worker_a, person_factory, n=1, prefix="A")
    client = login(users_a[Role.OUTREACH_WORKER])
    page = client.get(reverse("today:page")).content.decode()
    assert page.count("hf-today-new") == 3  # all new at the first visit
    assert client.get(reverse("today:page")).content.decode().count("hf-today-new") == 0
    outreach_world(municipality_a, worker_a, person_factory, n=1, prefix="B")
    services.bell_refresh(
        actor=actor(users_a, municipality_a, Role.OUTREACH_WORKER), today=timezone.localdate()
    )
    html = client.get(reverse("today:bell")).content.decode()
    assert 'data-count="6"' in html and "3 nye" in html


def test_the_start_page_sends_each_role_to_its_front_page(login, users_a):
    for role in (Role.SUPPORT_WORKER, Role.OUTREACH_WORKER, Role.HOUSING_BROKER):
        assert login(users_a[role]).get(reverse("home:start"))["Location"] == reverse("today:page")
    assert login(users_a[Role.LEADER]).get(reverse("home:start"))["Location"] == reverse("steering:front")


def test_the_leaders_front_page_links_to_their_i_dag_and_the_link_gets_its_count(
    login, users_a, municipality_a, worker_a, person_factory
):
    leader_world(users_a, municipality_a, worker_a, person_factory, n=2)
    client = login(users_a[Role.LEADER])
    front = client.get(reverse("steering:front")).content.decode()
    assert 'id="hf-today-link"' in front and "?som=link" in front
    assert ">I dag (2)</a>" in client.get(reverse("today:bell") + "?som=link").content.decode()


def test_roles_without_i_dag_are_refused_and_see_no_bell(login, users_a):
    for role in (Role.ANALYST, Role.ADMINISTRATOR):
        client = login(users_a[role])
        for name in ("today:page", "today:bell"):
            assert client.get(reverse(name)).status_code == 403
    html = login(users_a[Role.ANALYST]).get(reverse("steering:front")).content.decode()
    assert "hf-bell" not in html


def test_an_unknown_section_is_not_found(login, users_a):
    client = login(users_a[Role.HOUSING_BROKER])
    assert client.get(reverse("today:section", args=["persistence"])).status_code == 404
    assert client.get(reverse("today:section", args=["vacancy_deadline"])).status_code == 200


def test_the_daily_email_is_switched_on_sent_once_with_initials_and_a_link_only(
    login, users_a, municipality_a, worker_a, person_factory, settings
):
    settings.SITE_URL = "https://hf.example.dk"
    people = outreach_world(municipality_a, worker_a, person_factory, n=1, prefix="Xavier")
    user = users_a[Role.OUTREACH_WORKER]
    client = login(user)
    # Without an e-mail address the preference is refused with a reason.
    response = client.post(reverse("today:digest"), {"digest": "on"}, follow=True)
    assert "ingen e-mailadresse" in response.content.decode()
    user.email = "gustav@example.dk"
    user.save()
    client.post(reverse("today:digest"), {"digest": "on"})
    assert TodayState.objects.get(user=user).digest

    assert tasks.send_daily_digests.call() == 1
    assert tasks.send_daily_digests.call() == 0  # once a day
    (message,) = mail.outbox
    assert message.to == ["gustav@example.dk"]
    assert "https://hf.example.dk/i-dag/" in message.body
    for p in people:
        assert p.display_name not in message.body and p.first_name not in message.body
    assert "XS" in message.body or "XN" in message.body  # initials only

    client.post(reverse("today:digest"), {})
    assert not TodayState.objects.get(user=user).digest


def test_a_state_row_another_request_just_made_is_found_not_made_twice(monkeypatch, users_a, municipality_a):
    """The bell and the leaders' link load in the same instant on a user's first page: each finds no state
    row, and the one that inserts second must find the first one's row instead of failing (CI saw a 500)."""
    from django.db.models import QuerySet

    leader = actor(users_a, municipality_a, Role.LEADER)
    real_first = QuerySet.first
    raced = []

    def first_while_another_request_inserts(self):
        if self.model is TodayState and not raced:
            raced.append(True)
            TodayState.objects.create(municipality=municipality_a, user=leader.user)  # the other request
            return None  # what this request saw a moment before
        return real_first(self)

    monkeypatch.setattr(QuerySet, "first", first_while_another_request_inserts)
    state = services.bell_refresh(actor=leader, today=timezone.localdate())
    assert raced and TodayState.objects.filter(user=leader.user).count() == 1
    assert TodayState.objects.get(user=leader.user).pk == state.pk
