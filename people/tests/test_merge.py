"""Merging two records of one citizen and undoing it (people/merge.py): every table moves and moves back,
the refusals, tenancy, the access log keeping both ids."""

from datetime import timedelta

import pytest
from django.http import Http404
from django.utils import timezone

from accounts.roles import Role
from accounts.selectors import log_entries, person_access_report
from allocation.models import AgendaItem, CandidateProfile, CommitteeMeeting, Offer, Vacancy
from audit.models import AccessLogEntry
from casefile.models import Document, Note
from count import questionnaire as q
from count.models import CountForm, CountWeek
from housing.models import Tenancy, WaitingPlan
from housing.tests.factories import make_stock
from people import merge, services
from people.merge import MergeError
from people.models import Contact, NeedsListEntry, Person, PersonMerge, SituationPeriod, StatusChange
from plans.models import ActionPlan, Assessment, Consent, GoalStatusChange, MethodDecision
from plans.tests.helpers import make_consent, make_versions
from support.models import SupportEpisode, WaitingListEntry

TODAY = timezone.localdate()
DAY = TODAY - timedelta(days=30)


@pytest.fixture
def leader_a(users_a, municipality_a, actor_factory):
    return actor_factory(users_a[Role.LEADER], municipality_a, Role.LEADER)


@pytest.fixture
def pair(worker_a, person_factory):
    survivor = person_factory(worker_a, first_name="Jens", last_name="Hansen", start=DAY - timedelta(days=20))
    duplicate = person_factory(
        worker_a, first_name="Jens", last_name="Hansen", start=DAY, birth_year=1980, phone="12345678"
    )
    return survivor, duplicate


def _every_kind(person, worker):
    """One row of every kind that points at a person (the cross-app tables)."""
    m = person.municipality
    services.contact_record(actor=worker, person=person, contacted_on=DAY, kind="phone", reached=True)
    services.needs_list_register(actor=worker, person=person, registered_on=DAY, max_rent=3500)
    make_versions(person, 2)
    GoalStatusChange.objects.create(
        municipality=m,
        person=person,
        plan=ActionPlan.objects.filter(person=person).latest("version"),
        dimension="housing",
        status="in_progress",
        changed_on=DAY,
        started=True,
    )
    make_consent(person)
    MethodDecision.objects.create(
        municipality=m,
        person=person,
        recommended_method="icm",
        recommendation_reason="r",
        decided_method="icm",
    )
    SupportEpisode.objects.create(
        municipality=m, person=person, method="icm", start_date=DAY, status_since=DAY
    )
    WaitingListEntry.objects.create(municipality=m, person=person, method="cti", since=DAY, refusal="Fuld")
    _, unit = make_stock(m, address=f"Havnevej {person.pk}")
    Tenancy.objects.create(municipality=m, person=person, unit=unit, address=unit.address, starts_on=DAY)
    WaitingPlan.objects.create(
        municipality=m,
        person=person,
        stays_at="Herberg",
        supported_by="ICM",
        housing_plan="Plan",
        recorded_on=DAY,
    )
    vacancy = Vacancy.objects.create(
        municipality=m, unit=unit, reported_on=DAY, nominate_by=DAY + timedelta(days=7)
    )
    Offer.objects.create(municipality=m, vacancy=vacancy, person=person, proposed_on=DAY, status_since=DAY)
    CandidateProfile.objects.create(municipality=m, person=person)
    meeting = CommitteeMeeting.objects.create(municipality=m, held_on=DAY)
    AgendaItem.objects.create(
        municipality=m, meeting=meeting, vacancy=vacancy, proposed_person=person, chosen_person=person
    )
    week, _ = CountWeek.objects.get_or_create(
        municipality=m, year=2026, defaults={"week_start": q.week_start(2026), "form_version": q.CURRENT}
    )
    CountForm.objects.create(municipality=m, count_week=week, person=person, answers={}, prefilled={})
    Document.objects.create(
        municipality=m,
        person=person,
        kind="lease",
        title="Lejekontrakt",
        file_name="lejekontrakt.pdf",
        file_type="pdf",
        size=1,
        sha256="0" * 64,
        storage_name=f"test/{person.pk}",
    )
    Note.objects.create(
        municipality=m, person=person, kind="free", written_on=DAY, text="Note", created_by=worker.user
    )


def _rows(person) -> dict[str, set[int]]:
    """Every related table's row ids of a person, by table key."""
    out = {}
    for table in merge.related_tables():
        out[table.key] = set(table.rows.filter(**{table.field.name: person}).values_list("pk", flat=True))
    return out


def test_every_related_table_is_found(db):
    keys = {t.key for t in merge.related_tables()}
    for key in [
        "people.SituationPeriod.person",
        "people.StatusChange.person",
        "people.Contact.person",
        "people.NeedsListEntry.person",
        "people.Person_workers.person",
        "plans.Assessment.person",
        "plans.MethodDecision.person",
        "plans.ActionPlan.person",
        "plans.Consent.person",
        "support.SupportEpisode.person",
        "support.WaitingListEntry.person",
        "housing.Tenancy.person",
        "housing.WaitingPlan.person",
        "allocation.Offer.person",
        "allocation.CandidateProfile.person",
        "allocation.AgendaItem.proposed_person",
        "allocation.AgendaItem.chosen_person",
        "count.CountForm.person",
        "plans.GoalStatusChange.person",
        "casefile.Document.person",
        "casefile.Note.person",
    ]:
        assert key in keys
    # History events, the merge records and the link to the survivor never move.
    assert not any(
        "Event" in k or k.startswith("people.PersonMerge") or k == "people.Person.merged_into" for k in keys
    )


def test_every_row_moves_and_moves_back_on_undo(pair, worker_a, leader_a, users_a):
    survivor, duplicate = pair
    _every_kind(duplicate, worker_a)
    duplicate.workers.add(users_a[Role.SUPPORT_WORKER])  # the outreach worker is on both records
    before_dup, before_surv = _rows(duplicate), _rows(survivor)
    assert all(before_dup.values())  # one row of every kind
    plan = merge.merge_preview(leader_a, survivor_id=survivor.pk, duplicate_id=duplicate.pk, today=TODAY)
    assert plan.allowed, plan.refusals
    moving = {t.table.key: set(t.move) for t in plan.tables}
    staying = {t.table.key: set(t.stay) for t in plan.tables}
    workers = "people.Person_workers.person"
    assert all(moving[k] == v for k, v in before_dup.items() if k != workers)
    assert len(moving[workers]) == 1 and len(staying[workers]) == 1

    done = merge.person_merge(actor=leader_a, survivor_id=survivor.pk, duplicate_id=duplicate.pk)

    after = _rows(survivor)
    for key, ids in moving.items():
        assert ids <= after[key], key
    assert {k: v for k, v in _rows(duplicate).items() if v} == {workers: staying[workers]}
    duplicate = Person.all_objects.get(pk=duplicate.pk)
    assert duplicate.merged_into_id == survivor.pk
    survivor.refresh_from_db()
    assert survivor.phone == "12345678" and survivor.birth_year == 1980  # empty fields filled
    assert survivor.on_needs_list
    assert SituationPeriod.objects.filter(person=survivor, end_date__isnull=True).count() == 1

    merge.person_merge_undo(actor=leader_a, merge_id=done.pk)

    assert _rows(duplicate) == before_dup
    assert _rows(survivor) == before_surv
    duplicate = Person.objects.get(pk=duplicate.pk)
    assert duplicate.merged_into_id is None and duplicate.on_needs_list
    survivor.refresh_from_db()
    assert survivor.phone == "" and survivor.birth_year is None
    assert SituationPeriod.objects.filter(person=survivor, end_date__isnull=True).count() == 1
    assert SituationPeriod.objects.filter(person=duplicate, end_date__isnull=True).count() == 1


def test_conflicting_tables_are_resolved_and_restored(pair, worker_a, leader_a):
    survivor, duplicate = pair
    for person in pair:
        services.needs_list_register(actor=worker_a, person=person, registered_on=DAY, max_rent=3500)
        make_versions(person, 2)
        CandidateProfile.objects.create(municipality=person.municipality, person=person)
    plan = merge.merge_preview(leader_a, survivor_id=survivor.pk, duplicate_id=duplicate.pk, today=TODAY)
    assert plan.allowed
    done = merge.person_merge(actor=leader_a, survivor_id=survivor.pk, duplicate_id=duplicate.pk)
    assert NeedsListEntry.objects.filter(person=survivor, removed_on__isnull=True).count() == 1
    assert sorted(Assessment.objects.filter(person=survivor).values_list("version", flat=True)) == [
        1,
        2,
        3,
        4,
    ]
    assert Assessment.objects.filter(person=survivor, is_current=True).get().version == 2
    assert ActionPlan.objects.filter(person=survivor).count() == 4
    # The survivor's household facts apply; the duplicate's stay with it.
    assert CandidateProfile.objects.filter(person=duplicate).exists()
    assert done.stayed["allocation.CandidateProfile.person"] == 1

    merge.person_merge_undo(actor=leader_a, merge_id=done.pk)
    assert sorted(Assessment.objects.filter(person=duplicate).values_list("version", flat=True)) == [1, 2]
    assert Assessment.objects.filter(person=duplicate, is_current=True).get().version == 2
    assert NeedsListEntry.objects.filter(person=duplicate, removed_on__isnull=True).count() == 1


def test_refused_when_both_have_an_open_support_episode(pair, leader_a):
    for person in pair:
        SupportEpisode.objects.create(
            municipality=person.municipality, person=person, method="icm", start_date=DAY, status_since=DAY
        )
    with pytest.raises(MergeError, match="Begge borgere har et åbent støtteforløb"):
        merge.person_merge(actor=leader_a, survivor_id=pair[0].pk, duplicate_id=pair[1].pk)
    assert not PersonMerge.objects.exists()


def test_refused_when_both_have_a_current_tenancy(pair, leader_a):
    for i, person in enumerate(pair):
        Tenancy.objects.create(
            municipality=person.municipality, person=person, address=f"Vej {i}", starts_on=DAY
        )
    with pytest.raises(MergeError, match="aktuelt lejemål"):
        merge.person_merge(actor=leader_a, survivor_id=pair[0].pk, duplicate_id=pair[1].pk)


def test_refused_for_two_cpr_numbers(worker_a, leader_a, person_factory):
    a = person_factory(worker_a, cpr="010180-1234")
    b = person_factory(worker_a, cpr="010180-1235")
    with pytest.raises(MergeError, match="hver sit CPR-nummer"):
        merge.person_merge(actor=leader_a, survivor_id=a.pk, duplicate_id=b.pk)


def test_the_survivor_takes_the_duplicates_cpr_and_gives_it_back(worker_a, leader_a, person_factory):
    a = person_factory(worker_a)
    b = person_factory(worker_a, cpr="010180-1234")
    done = merge.person_merge(actor=leader_a, survivor_id=a.pk, duplicate_id=b.pk)
    a.refresh_from_db()
    assert a.cpr == "0101801234" and a.birth_date.year == 1980
    merge.person_merge_undo(actor=leader_a, merge_id=done.pk)
    a.refresh_from_db()
    b.refresh_from_db()
    assert a.cpr == "" and b.cpr == "0101801234"


def test_only_leaders_merge(pair, worker_a):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        merge.person_merge(actor=worker_a, survivor_id=pair[0].pk, duplicate_id=pair[1].pk)


def test_no_merge_across_municipalities(pair, users_b, municipality_b, actor_factory, person_factory):
    leader_b = actor_factory(users_b[Role.LEADER], municipality_b, Role.LEADER)
    worker_b = actor_factory(users_b[Role.OUTREACH_WORKER], municipality_b, Role.OUTREACH_WORKER)
    other = person_factory(worker_b)
    with pytest.raises(Http404):
        merge.person_merge(actor=leader_b, survivor_id=other.pk, duplicate_id=pair[1].pk)
    with pytest.raises(Http404):
        merge.merge_preview(leader_b, survivor_id=other.pk, duplicate_id=pair[1].pk, today=TODAY)
    assert Person.objects.get(pk=pair[1].pk).merged_into_id is None


def test_a_merged_record_cannot_be_merged_again(pair, leader_a):
    merge.person_merge(actor=leader_a, survivor_id=pair[0].pk, duplicate_id=pair[1].pk)
    with pytest.raises(MergeError, match="allerede lagt sammen"):
        merge.person_merge(actor=leader_a, survivor_id=pair[1].pk, duplicate_id=pair[0].pk)


def test_undo_refused_after_a_moved_row_changed(pair, worker_a, leader_a):
    survivor, duplicate = pair
    services.contact_record(actor=worker_a, person=duplicate, contacted_on=DAY, kind="phone", reached=True)
    done = merge.person_merge(actor=leader_a, survivor_id=survivor.pk, duplicate_id=duplicate.pk)
    Contact.objects.filter(person=survivor, contacted_on=DAY).update(note="Rettet")
    assert merge.undo_problems(done)
    with pytest.raises(MergeError, match="ændret siden"):
        merge.person_merge_undo(actor=leader_a, merge_id=done.pk)


def test_undo_refused_after_the_window(pair, leader_a):
    done = merge.person_merge(actor=leader_a, survivor_id=pair[0].pk, duplicate_id=pair[1].pk)
    PersonMerge.objects.filter(pk=done.pk).update(merged_at=timezone.now() - timedelta(days=31))
    done.refresh_from_db()
    with pytest.raises(MergeError, match="kun fortrydes i 30 dage"):
        merge.person_merge_undo(actor=leader_a, merge_id=done.pk)


def test_undo_refused_twice(pair, leader_a):
    done = merge.person_merge(actor=leader_a, survivor_id=pair[0].pk, duplicate_id=pair[1].pk)
    merge.person_merge_undo(actor=leader_a, merge_id=done.pk)
    with pytest.raises(MergeError, match="allerede fortrudt"):
        merge.person_merge_undo(actor=leader_a, merge_id=done.pk)


def test_the_access_log_keeps_both_ids_and_the_survivors_log_has_both(pair, leader_a):
    survivor, duplicate = pair
    before = set(AccessLogEntry.objects.filter(person_id=duplicate.pk).values_list("pk", "person_id"))
    merge.person_merge(actor=leader_a, survivor_id=survivor.pk, duplicate_id=duplicate.pk)
    # Never rewritten: the duplicate's rows still name the duplicate.
    assert before <= set(AccessLogEntry.objects.filter(person_id=duplicate.pk).values_list("pk", "person_id"))
    ids = set(log_entries(leader_a, person_id=survivor.pk).values_list("person_id", flat=True))
    assert ids == {survivor.pk, duplicate.pk}
    assert (
        person_access_report(leader_a, survivor.pk).count()
        == log_entries(leader_a, person_id=survivor.pk).count()
    )
    purposes = set(AccessLogEntry.objects.filter(person_id=duplicate.pk).values_list("purpose", flat=True))
    assert merge.PURPOSE in purposes


def test_merge_and_undo_are_audited(pair, leader_a):
    done = merge.person_merge(actor=leader_a, survivor_id=pair[0].pk, duplicate_id=pair[1].pk)
    merge.person_merge_undo(actor=leader_a, merge_id=done.pk)
    for person in pair:
        purposes = list(AccessLogEntry.objects.filter(person_id=person.pk).values_list("purpose", flat=True))
        assert merge.PURPOSE in purposes and merge.UNDO_PURPOSE in purposes


def test_status_history_moves_with_the_record(pair, leader_a):
    survivor, duplicate = pair
    ids = set(StatusChange.objects.filter(person=duplicate).values_list("pk", flat=True))
    merge.person_merge(actor=leader_a, survivor_id=survivor.pk, duplicate_id=duplicate.pk)
    assert ids <= set(StatusChange.objects.filter(person=survivor).values_list("pk", flat=True))
    assert Consent.objects.filter(person=duplicate).count() == 0
