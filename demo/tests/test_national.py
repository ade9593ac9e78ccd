"""generate_national: the municipality file, the sizing, and a tiny load on PostgreSQL."""

import os
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from demo.national import municipalities, shares

ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith("postgres")


def test_municipality_file_has_the_98_with_dawa_codes():
    rows = municipalities()
    codes = {r.code: r.name for r in rows}
    assert len(rows) == len(codes) == 98
    assert all(len(c) == 4 and c.isdigit() for c in codes)
    assert (codes["0101"], codes["0250"], codes["0461"], codes["0607"]) == (
        "København",
        "Frederikssund",
        "Odense",
        "Fredericia",
    )


def test_people_are_shared_by_population_with_copenhagen_largest():
    n = shares(municipalities(), 100_000)
    assert max(n, key=n.get) == "0101"
    assert n["0101"] > 20 * n["0492"]  # Copenhagen against Ærø
    assert abs(sum(n.values()) - 100_000) < 500


@pytest.mark.skipif(ON_POSTGRES, reason="checks the refusal on SQLite")
@pytest.mark.django_db
def test_generate_national_refuses_sqlite_clearly():
    with pytest.raises(CommandError, match="PostgreSQL"):
        call_command("generate_national", people=10, stdout=StringIO())


@pytest.mark.skipif(
    not ON_POSTGRES, reason="COPY loading is PostgreSQL only; this test runs in the PostgreSQL pass"
)
@pytest.mark.django_db
def test_generate_national_tiny_scale_loads_consistent_rows_and_restores_the_schema():
    from people.models import Contact, Person, StatusChange
    from tenants.models import Municipality

    out = StringIO()
    call_command("generate_national", people=400, years=3, seed=2, stdout=out)
    assert "Færdig" in out.getvalue()
    assert Municipality.objects.count() == 98
    per = dict(
        Person.objects.values_list("municipality__code").annotate(
            n=__import__("django").db.models.Count("id")
        )
    )
    assert max(per, key=per.get) == "0101"
    assert Contact.objects.count() > Person.objects.count()
    with connection.cursor() as cursor:
        # Every person's summary status is their last status change.
        cursor.execute("""
            SELECT count(*) FROM people_person p
            WHERE p.current_status <> (SELECT s.status FROM people_statuschange s WHERE s.person_id = p.id
                                       ORDER BY s.changed_on DESC, s.id DESC LIMIT 1)""")
        assert cursor.fetchone()[0] == 0
        cursor.execute("""SELECT bool_and(relforcerowsecurity) FROM pg_class
                          WHERE relname IN ('people_person', 'people_contact', 'people_statuschange')""")
        assert cursor.fetchone()[0] is True
        cursor.execute("""SELECT count(*) FROM pg_trigger WHERE tgrelid = 'people_contact'::regclass
                          AND NOT tgisinternal AND tgenabled = 'D'""")
        assert cursor.fetchone()[0] == 0
        cursor.execute(
            "SELECT count(*) FROM pg_constraint WHERE conrelid = 'people_contact'::regclass AND contype = 'f'"
        )
        assert cursor.fetchone()[0] == 3
    assert StatusChange.objects.filter(status="newly_identified").count() == Person.objects.count()
    _homes_and_support_are_loaded_within_the_caseload_rules()
    with pytest.raises(CommandError, match="--reset"):
        call_command("generate_national", people=50, years=1, stdout=StringIO())


def _homes_and_support_are_loaded_within_the_caseload_rules():
    from django.db.models import Count, Q

    from accounts.models import Membership
    from housing.models import Tenancy, Unit, UnitType
    from people.models import Person
    from support.models import EpisodeEvent, SupportEpisode, Team, WorkerProfile

    assert UnitType.objects.values("municipality").distinct().count() == 98
    assert Unit.objects.exists()
    own_home = Person.objects.filter(current_situation="own_home")
    assert Tenancy.objects.filter(ends_on__isnull=True).count() == own_home.count() > 0
    assert not Tenancy.objects.exclude(
        starts_on=__import__("django").db.models.F("person__situation_since")
    ).exists()
    assert set(Team.objects.values_list("method", flat=True)) == {"cti", "icm", "act"}
    episodes = SupportEpisode.objects.all()
    assert episodes.filter(status="active").exists()
    assert set(episodes.values_list("status", flat=True)) <= {"active", "paused", "ended"}
    # Every episode has its start event, a worker with a profile in its method and team, and a membership.
    assert EpisodeEvent.objects.filter(kind="start").count() == episodes.count()
    profiles = {(p.user_id, p.municipality_id): p for p in WorkerProfile.objects.all()}
    for e in episodes:
        profile = profiles[(e.worker_id, e.municipality_id)]
        assert profile.method == e.method and profile.team_id == e.team_id
    assert Membership.objects.filter(
        role="support_worker", user__support_profiles__isnull=False
    ).count() == len(profiles)
    # Caseload limits: CTI 10, ICM 8 active per worker; an ACT team at most 80.
    per_worker = episodes.filter(status="active").values("worker", "method").annotate(n=Count("id"))
    for row in per_worker:
        assert row["n"] <= {"cti": 10, "icm": 8, "act": 80}[row["method"]], row
    per_team = Team.objects.filter(method="act").annotate(
        n=Count("episodes", filter=Q(episodes__status="active"))
    )
    assert max(t.n for t in per_team) <= 80
    # Unmet demand: waiting entries for people on the active list who have no episode.
    from support.models import WaitingListEntry

    waits = WaitingListEntry.objects.filter(closed_on__isnull=True)
    assert waits.exists()
    assert not waits.filter(person__support_episodes__isnull=False).exists()
    assert not waits.exclude(
        person__current_status__in=["newly_identified", "returned_from_housing", "returned_from_inactive"]
    ).exists()
    # The contact summary the support front pages read equals the contacts loaded.
    from django.db.models import Max

    from people.models import Contact

    last = dict(Contact.objects.values_list("person").annotate(d=Max("contacted_on")))
    reached = dict(Contact.objects.filter(reached=True).values_list("person").annotate(d=Max("contacted_on")))
    for pid, lc, lr in Person.objects.values_list("pk", "last_contact_on", "last_reached_on"):
        assert (lc, lr) == (last.get(pid), reached.get(pid)), pid
