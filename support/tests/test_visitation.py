"""A support worker can be made the citizen's worker (visitation) before support starts, so the full
eight-dimension assessment is possible (issue 9, item 10); the person page says how."""

import pytest
from django.urls import reverse

from accounts.access import Actor
from accounts.roles import Role
from audit.models import AccessLogEntry
from plans.selectors import health_visible
from support import services
from support.models import SupportEpisode
from support.services import SupportDataError

from .helpers import icm_setup, recent

pytestmark = pytest.mark.django_db


def test_a_leader_makes_a_support_worker_the_citizens_worker_before_support_starts(
    users_a, municipality_a, worker_a, person_factory
):
    boss, worker, _ = icm_setup(users_a, municipality_a)
    person = person_factory(worker_a, start=recent(30))
    assert not health_visible(worker, person)
    services.person_worker_assign(actor=boss, person=person, worker=worker.user)
    assert health_visible(worker, person)
    assert not SupportEpisode.objects.filter(person=person).exists()
    assert AccessLogEntry.objects.filter(
        person_id=person.pk, purpose="Tilknytning af støttemedarbejder (visitation)"
    ).exists()


def test_the_citizens_own_worker_may_assign_a_support_worker(
    users_a, municipality_a, worker_a, person_factory
):
    _, worker, _ = icm_setup(users_a, municipality_a)
    person = person_factory(
        worker_a, start=recent(30)
    )  # the outreach worker who registered them is their own worker
    services.person_worker_assign(actor=worker_a, person=person, worker=worker.user)
    assert person.workers.filter(pk=worker.user.pk).exists()


def test_a_support_worker_cannot_make_themselves_a_strangers_worker(
    users_a, municipality_a, worker_a, person_factory
):
    _, worker, _ = icm_setup(users_a, municipality_a)
    person = person_factory(worker_a, start=recent(30))
    with pytest.raises(SupportDataError, match="Kun en leder"):
        services.person_worker_assign(actor=worker, person=person, worker=worker.user)
    assert not health_visible(worker, person)


def test_only_a_registered_support_worker_can_be_assigned(users_a, municipality_a, worker_a, person_factory):
    boss, _, _ = icm_setup(users_a, municipality_a)
    person = person_factory(worker_a, start=recent(30))
    with pytest.raises(SupportDataError, match="Vælg en støttemedarbejder") as err:
        services.person_worker_assign(actor=boss, person=person, worker=users_a[Role.HOUSING_BROKER])
    assert err.value.field == "worker"


def test_a_worker_of_another_municipality_cannot_be_assigned(
    users_a, users_b, municipality_a, municipality_b, worker_a, person_factory
):
    from support.models import WorkerProfile

    boss, _, _ = icm_setup(users_a, municipality_a)
    WorkerProfile.objects.create(municipality=municipality_b, user=users_b[Role.SUPPORT_WORKER], method="icm")
    person = person_factory(worker_a, start=recent(30))
    with pytest.raises(SupportDataError):
        services.person_worker_assign(actor=boss, person=person, worker=users_b[Role.SUPPORT_WORKER])


def test_the_person_page_says_how_and_the_form_assigns(
    login, users_a, municipality_a, worker_a, person_factory
):
    _, worker, _ = icm_setup(users_a, municipality_a)
    person = person_factory(worker_a, start=recent(30))
    client = login(users_a[Role.LEADER])
    html = client.get(reverse("people:detail", args=[person.pk])).content.decode()
    assert "Tilknyt en støttemedarbejder" in html
    response = client.post(
        reverse("support:person_worker_assign", args=[person.pk]), {"worker": str(worker.user.pk)}
    )
    assert response.status_code == 302
    assert person.workers.filter(pk=worker.user.pk).exists()
    # Now the support worker sees the health dimensions of the assessment form.
    html = (
        login(users_a[Role.SUPPORT_WORKER])
        .get(reverse("plans:assessment_edit", args=[person.pk]))
        .content.decode()
    )
    assert "mental_health_level" in html


def test_a_support_worker_is_told_who_can_assign_them(
    login, users_a, municipality_a, worker_a, person_factory
):
    icm_setup(users_a, municipality_a)
    person = person_factory(worker_a, start=recent(30))
    html = (
        login(users_a[Role.SUPPORT_WORKER]).get(reverse("people:detail", args=[person.pk])).content.decode()
    )
    assert "En leder eller en af borgerens egne medarbejdere gør det" in html
    assert 'action="' + reverse("support:person_worker_assign", args=[person.pk]) not in html


def _actor(user, municipality, role):
    return Actor(user=user, municipality=municipality, role=role, path="/test/")


def test_the_assessment_page_tells_a_support_worker_without_access_how_to_get_it(
    login, users_a, municipality_a, worker_a, person_factory
):
    icm_setup(users_a, municipality_a)
    person = person_factory(worker_a, start=recent(30))
    html = (
        login(users_a[Role.SUPPORT_WORKER])
        .get(reverse("plans:assessment_edit", args=[person.pk]))
        .content.decode()
    )
    assert "kan tilknytte dig som borgerens støttemedarbejder" in html
    assert reverse("people:detail", args=[person.pk]) in html
    assert "mental_health_level" not in html
