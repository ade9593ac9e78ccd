"""One definition of "my citizens" (issue 9, item 9): the worker's open episodes, on the worker's front
page, its counts and its plan reviews; an overdue review is marked."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from plans import services as plan_services
from plans.selectors import reviews_due
from support import selectors, services
from support.models import SupportEpisode
from support.tests.helpers import icm_setup, recent

pytestmark = pytest.mark.django_db


def test_reviews_on_the_front_page_are_for_my_open_episodes_only(
    users_a, municipality_a, worker_a, person_factory
):
    _, worker, _ = icm_setup(users_a, municipality_a)
    today = timezone.localdate()
    mine, ended, only_own_worker = (
        person_factory(worker_a, first_name=n, start=recent(30)) for n in ("Mine", "Ended", "Own")
    )
    services.episode_start(actor=worker, person=mine, method="icm", start_date=recent(20), worker=worker.user)
    e = services.episode_start(
        actor=worker, person=ended, method="icm", start_date=recent(20), worker=worker.user
    ).episode
    services.episode_end(actor=worker, episode=e, on=recent(2), reason="goals_reached")
    only_own_worker.workers.add(worker.user)  # an own worker, but no open episode: not "my citizen"
    for p in (mine, ended, only_own_worker):
        plan_services.plan_save(actor=worker_a, person=p, next_review_on=today + timedelta(days=2), goals={})

    page = selectors.worker_page(worker, today=today)
    assert [r["person"].pk for r in page.rows] == [mine.pk]
    reviews = reviews_due(worker, today=today, people=selectors.my_citizens(worker))
    assert [p.person_id for p in reviews] == [mine.pk]
    assert page.active == 1


def test_an_overdue_review_is_marked_on_the_front_page(
    login, users_a, municipality_a, worker_a, person_factory
):
    _, worker, _ = icm_setup(users_a, municipality_a)
    today = timezone.localdate()
    late, soon = (person_factory(worker_a, first_name=n, start=recent(30)) for n in ("Late", "Soon"))
    for p, days in ((late, -3), (soon, 2)):
        services.episode_start(
            actor=worker, person=p, method="icm", start_date=recent(20), worker=worker.user
        )
        plan_services.plan_save(
            actor=worker_a, person=p, next_review_on=today + timedelta(days=days), goals={}
        )
    html = login(users_a[Role.SUPPORT_WORKER]).get(reverse("home:worker")).content.decode()
    reviews = html[html.index("Opfølgninger på handleplaner</h2>") : html.index("Alle mine forløb")]
    late_line = next(line for line in reviews.split("<li>") if "Late" in line)
    soon_line = next(line for line in reviews.split("<li>") if "Soon" in line)
    assert "Forfalden" in late_line and "Forfalden" not in soon_line


def test_my_citizens_never_cross_municipalities(
    users_a, users_b, municipality_a, municipality_b, worker_a, worker_b, person_factory
):
    _, worker, _ = icm_setup(users_a, municipality_a)
    p = person_factory(worker_a, start=recent(30))
    services.episode_start(actor=worker, person=p, method="icm", start_date=recent(20), worker=worker.user)
    b = person_factory(worker_b, start=recent(30))
    SupportEpisode.objects.create(
        municipality=municipality_b,
        person=b,
        method="icm",
        worker=worker.user,
        start_date=recent(10),
        status_since=recent(10),
    )
    assert list(selectors.my_citizens(worker).values_list("person_id", flat=True)) == [p.pk]


def test_the_outreach_workers_mine_borgere_are_his_own_citizens_without_a_support_message(
    login, users_a, municipality_a, worker_a, person_factory
):
    from housing import services as housing_services
    from housing.tests.factories import make_stock

    mine = person_factory(worker_a, first_name="Egen", start=recent(30))
    other_worker = users_a[Role.SUPPORT_WORKER]
    theirs = person_factory(worker_a, first_name="Anden", start=recent(30))
    theirs.workers.set([other_worker])
    _, unit = make_stock(municipality_a, address="Fogedvej 1")
    tenancy = housing_services.tenancy_start(actor=worker_a, person=theirs, starts_on=recent(10), unit=unit)
    housing_services.tenancy_flag_eviction(actor=worker_a, tenancy=tenancy, flagged_on=recent(2))

    html = login(users_a[Role.OUTREACH_WORKER]).get(reverse("home:worker")).content.decode()
    assert mine.display_name in html
    assert "Anden Hansen" not in html  # another worker's citizen and eviction case
    assert "ikke registreret som støttemedarbejder" not in html
