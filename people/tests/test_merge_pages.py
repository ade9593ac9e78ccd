"""The merge pages, and the merged record vanishing from every list (the one default manager)."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from people import merge, selectors, services
from people.models import Person, PersonMerge

TODAY = timezone.localdate()
DAY = TODAY - timedelta(days=30)


@pytest.fixture
def leader_a(users_a, municipality_a, actor_factory):
    return actor_factory(users_a[Role.LEADER], municipality_a, Role.LEADER)


@pytest.fixture
def merged(worker_a, leader_a, person_factory):
    survivor = person_factory(worker_a, first_name="Jens", last_name="Hansen", start=DAY)
    duplicate = person_factory(worker_a, first_name="Jens", last_name="Hansen", start=DAY)
    services.needs_list_register(actor=worker_a, person=duplicate, registered_on=DAY, max_rent=3000)
    return survivor, duplicate


def test_the_duplicate_vanishes_from_every_list(merged, leader_a, worker_a):
    survivor, duplicate = merged
    filters = {"kvalitet": "duplicates"}
    assert duplicate.pk in {p.pk for p in selectors.by_name_list(worker_a, filters=filters, today=TODAY)}
    merge.person_merge(actor=leader_a, survivor_id=survivor.pk, duplicate_id=duplicate.pk)
    for actor in (leader_a, worker_a):
        lists = {
            "list": selectors.by_name_list(actor, filters={}, today=TODAY),
            "search": selectors.by_name_list(actor, filters={"q": "Jens Hansen"}, today=TODAY),
            "all": selectors.by_name_list(actor, filters={"status": "all"}, today=TODAY),
            "duplicates": selectors.by_name_list(actor, filters=filters, today=TODAY),
            "needs list": selectors.needs_list_people(actor),
            "own": actor.user.own_people.all(),
        }
        for name, qs in lists.items():
            assert duplicate.pk not in {p.pk for p in qs}, name
        assert survivor.pk in {p.pk for p in lists["needs list"]}
    assert not selectors.by_name_list(worker_a, filters=filters, today=TODAY).exists()
    assert not Person.objects.filter(pk=duplicate.pk).exists()
    quality = {r["code"]: r["count"] for r in selectors.list_quality(leader_a, today=TODAY)["rows"]}
    assert quality["duplicates"] == 0
    assert selectors.list_figures(leader_a, today=TODAY)["current"]  # counted once, not twice
    with pytest.raises(Exception):  # noqa: B017 - Http404
        selectors.person_get(leader_a, duplicate.pk, purpose="x")


def test_the_merged_records_page_goes_to_the_survivor(merged, leader_a, users_a, login):
    survivor, duplicate = merged
    merge.person_merge(actor=leader_a, survivor_id=survivor.pk, duplicate_id=duplicate.pk)
    response = login(users_a[Role.OUTREACH_WORKER]).get(reverse("people:detail", args=[duplicate.pk]))
    assert response.status_code == 302 and response.url == reverse("people:detail", args=[survivor.pk])


def test_a_leader_picks_previews_merges_and_undoes(merged, users_a, login):
    survivor, duplicate = merged
    client = login(users_a[Role.LEADER])
    page = client.get(reverse("people:detail", args=[survivor.pk]))
    assert reverse("people:merge_pick", args=[survivor.pk]) in page.content.decode()
    found = client.get(reverse("people:merge_pick", args=[survivor.pk]), {"q": "Jens"})
    assert reverse("people:merge_preview", args=[survivor.pk, duplicate.pk]) in found.content.decode()
    preview = client.get(reverse("people:merge_preview", args=[survivor.pk, duplicate.pk]))
    text = preview.content.decode()
    assert "Bekræft sammenlægning" in text and "Pladser på boligbehovslisten" in text
    done = client.post(reverse("people:merge_preview", args=[survivor.pk, duplicate.pk]))
    record = PersonMerge.objects.get()
    assert done.url == reverse("people:merge_result", args=[record.pk])
    result = client.get(done.url)
    assert "Fortryd sammenlægning" in result.content.decode()
    assert record.pk and client.get(reverse("people:merges")).status_code == 200
    client.post(reverse("people:merge_undo", args=[record.pk]))
    assert Person.objects.filter(pk=duplicate.pk).exists()


def test_the_duplicates_check_links_to_the_merge_preview(merged, users_a, login):
    survivor, duplicate = merged
    page = login(users_a[Role.LEADER]).get(reverse("people:list"), {"kvalitet": "duplicates"})
    assert reverse("people:merge_preview", args=[survivor.pk, duplicate.pk]) in page.content.decode()
    page = login(users_a[Role.OUTREACH_WORKER]).get(reverse("people:list"), {"kvalitet": "duplicates"})
    assert "sammenlaeg" not in page.content.decode()


@pytest.mark.parametrize("role", [r for r in Role if r != Role.LEADER])
def test_only_leaders_reach_the_merge_pages(merged, users_a, login, role):
    survivor, duplicate = merged
    client = login(users_a[role])
    assert client.get(reverse("people:merge_pick", args=[survivor.pk])).status_code == 403
    assert client.post(reverse("people:merge_preview", args=[survivor.pk, duplicate.pk])).status_code == 403
    assert Person.objects.filter(pk=duplicate.pk).exists()
