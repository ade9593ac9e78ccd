"""Logging sweep: every URL the project has, for every role that can open it, in a municipality whose
people appear on every kind of page (lists, needs list, committee, offers, episodes, plans, homes).
Each known person whose name or CPR number a page shows must have a read row written by that request;
a page that shows nobody writes no read row about anybody (aggregates log no reads).

URLs are discovered from the resolver and filled by the tenancy sweep's FILLERS (tenants/tests/
test_tenancy_sweep.py), which here point at this municipality's own objects: a URL added later is swept
automatically, and a URL keyword without a filler fails this test as it fails the tenancy sweep.

Downloads count: CSV by its bytes, xlsx by its cells (openpyxl), and PDF by the HTML WeasyPrint is given
(WeasyPrint is replaced by a stand-in that returns that HTML, which also keeps the sweep fast).
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.utils import timezone

from accounts.roles import Role
from allocation.models import AgendaItem, MeetingDecision, Offer, Vacancy
from allocation.tests.factories import make_b_allocation
from audit.models import AccessLogEntry, Action
from count.tests.factories import make_b_count
from fidelity.tests.factories import make_b_fidelity
from housing.tests.factories import make_b_housing, make_stock
from people import cpr as cpr_rules
from people import services
from people.models import Person
from plans.tests.helpers import make_consent, make_versions
from support.models import SupportEpisode, Team
from support.tests.helpers import make_b_episode, recent
from tenants.tests.test_tenancy_sweep import World, _import_job, all_routes, body_text, build

pytestmark = pytest.mark.django_db

# Pages that show names without being a read of those people, and why.
NOT_PERSON_READS = {
    # The access log itself: its entries' changes name the people changed (a name as created). Reading
    # the log is the control of use, not a use of the citizen's data (audit.selectors.log_entries);
    # logging it would add rows to the log each time it is read.
    "audit:log",
}

# Rows that say a person was shown (a page read, an export of them, their full CPR revealed).
SHOWN = {Action.READ, Action.EXPORT, Action.REVEAL_CPR}


@dataclass
class Known:
    person: Person
    cpr: str

    @property
    def needles(self) -> list[str]:
        digits = self.cpr.replace("-", "")
        return [self.person.last_name, self.cpr, digits, cpr_rules.mask(digits)]


class FakeHTML:
    """Stands in for weasyprint.HTML: the "PDF" is the HTML it was given, so its names can be read."""

    def __init__(self, *, string, base_url=None):
        self.string = string

    def write_pdf(self):
        return self.string.encode()


@pytest.fixture
def town(users_a, worker_a, person_factory):
    """Municipality A with five people who between them appear on every kind of page.

    Kvistgaard is the one the tenancy sweep's FILLERS point at (person, tenancy, offer, committee item,
    episode, plans, consent); Lyngbjerg is on the needs list and overdue for contact (front page,
    committee candidates, global proposal); Fjeldsted has an episode and a stalled offer; Skovhuus is
    protected (own worker only); Tornblad is on the by-name list and chosen by the committee instead."""
    start = timezone.localdate() - timedelta(days=30)
    support = users_a[Role.SUPPORT_WORKER]

    def make(first, last, cpr, **kw):
        p = person_factory(worker_a, first_name=first, last_name=last, cpr=cpr, start=start, **kw)
        return Known(p, cpr)

    main = make("Magnus", "Kvistgaard", "030377-1113")
    needy = make("Nanna", "Lyngbjerg", "040478-2224")
    episode = make("Olga", "Fjeldsted", "050579-3336")
    hidden = make("Petra", "Skovhuus", "060680-4446", protected=True)
    listed = make("Rasmus", "Tornblad", "070781-5557")
    for k in (main, needy, hidden):
        services.needs_list_register(actor=worker_a, person=k.person, registered_on=start, max_rent=6000)
    services.status_change(
        actor=worker_a, person=needy.person, status="inactive", on=start + timedelta(days=1), reason="Væk"
    )
    services.contact_record(
        actor=worker_a, person=main.person, contacted_on=start + timedelta(days=2), kind="phone", reached=True
    )
    for k in (main, episode):
        k.person.workers.add(support)
    world = World(
        person_b=main.person,
        user_b=support,
        membership_b=support.memberships.get(),
        import_job_b=_import_job(users_a[Role.LEADER], main.person.municipality),
    )
    # The tenancy sweep's builders, here for municipality A's own people.
    tenancy = make_b_housing(world)["tenancy"]
    tenancy.eviction_case_on = recent(3)
    tenancy.save()
    meeting = make_b_allocation(world)["meeting"]
    # A stalled offer to Fjeldsted, and a decision naming Tornblad instead of the recommended citizen.
    _, unit = make_stock(main.person.municipality, name="Sweep Bolig", address="Sweepvej 2")
    vacancy = Vacancy.objects.create(
        municipality=unit.municipality, unit=unit, reported_on=recent(40), nominate_by=recent(30)
    )
    Offer.objects.create(
        municipality=unit.municipality,
        vacancy=vacancy,
        person=episode.person,
        proposed_on=recent(40),
        status_since=recent(40),
    )
    AgendaItem.objects.create(
        municipality=unit.municipality,
        meeting=meeting,
        vacancy=vacancy,
        decision=MeetingDecision.OTHER,
        chosen_person=listed.person,
        reason="Udvalget valgte en anden",
    )
    make_b_episode(world)
    make_b_fidelity(world)
    make_b_count(world)
    make_versions(main.person)
    make_consent(main.person)
    SupportEpisode.objects.create(
        municipality=episode.person.municipality,
        person=episode.person,
        method="icm",
        worker=support,
        team=Team.objects.get(municipality=episode.person.municipality),
        start_date=recent(8),
        status_since=recent(8),
    )
    for k in (main, needy, episode, hidden, listed):
        k.person.refresh_from_db()
    return world, [main, needy, episode, hidden, listed]


def sweep(role, town, users_a, client, monkeypatch):
    """(problems, pages checked, names found) for one role over every URL it can open."""
    monkeypatch.setattr("weasyprint.HTML", FakeHTML)
    world, known = town
    ids = {k.person.pk: k for k in known}
    user = users_a[role]
    problems, checked, found = [], 0, 0
    for route in all_routes():
        for path, _owned in build(route, world):
            client.force_login(user)
            before = AccessLogEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0
            try:
                response = client.get(path)
            except Exception as exc:  # a crash is a finding too, with its URL
                problems.append(f"GET {path} ({route.label}): raised {exc!r}")
                continue
            if response.status_code != 200:
                continue
            checked += 1
            text = body_text(response)
            shown = {pk for pk, k in ids.items() if any(n in text for n in k.needles)}
            if route.label in NOT_PERSON_READS:
                continue
            found += len(shown)
            rows = AccessLogEntry.objects.filter(id__gt=before, person_id__in=ids)
            logged = set(rows.filter(action__in=SHOWN).values_list("person_id", flat=True))
            missing = sorted(ids[pk].person.last_name for pk in shown - logged)
            if missing:
                problems.append(f"GET {path} ({route.label}) as {role}: shows {missing} without a read row")
            extra = set(rows.filter(action=Action.READ).values_list("person_id", flat=True)) - shown
            if extra:
                names = sorted(ids[pk].person.last_name for pk in extra)
                problems.append(f"GET {path} ({route.label}) as {role}: logs reads of {names} not shown")
    return problems, checked, found


@pytest.mark.parametrize("role", list(Role))
def test_every_person_a_page_shows_is_logged_by_that_request(role, town, users_a, client, monkeypatch):
    problems, checked, found = sweep(role, town, users_a, client, monkeypatch)
    assert checked, f"{role} could open no page"
    assert not problems, "\n".join(problems)


def test_the_sweep_sees_people_where_they_are_shown(town, users_a, client, monkeypatch):
    """The world is rich enough: a leader sees every one of the five people somewhere, an analyst none."""
    _, known = town
    monkeypatch.setattr("weasyprint.HTML", FakeHTML)
    client.force_login(users_a[Role.LEADER])
    seen = {
        k.person.last_name
        for path in ("/borgere/", "/ledige-boliger/boligudvalg/{m}/", "/stoette/forloeb/")
        for k in known
        if k.person.last_name
        in body_text(client.get(path.format(m=make_b_allocation(town[0])["meeting"].pk)))
    }
    assert {"Kvistgaard", "Lyngbjerg", "Tornblad"} <= seen
    problems, checked, found = sweep(Role.ANALYST, town, users_a, client, monkeypatch)
    assert checked and not found, "an analyst sees aggregates only"


def test_a_url_keyword_without_a_filler_fails_loudly(town):
    from django.urls.resolvers import RoutePattern

    from tenants.tests.test_tenancy_sweep import Route

    route = Route([RoutePattern("ny-side/<int:thing_id>/")], "new_app", "thing", None)
    with pytest.raises(pytest.fail.Exception, match="add FILLERS"):
        build(route, town[0])


def test_no_view_writes_the_access_log():
    """Views call selectors that log; none writes the log itself (the one door: issue 10 item 2)."""
    import re
    from pathlib import Path

    from django.conf import settings

    writers = re.compile(
        r"audit\.services|log_access|log_many_reads|log_list_shown|log_people_shown|_log_people|\b_log\(|actor_log"
    )
    root = Path(settings.BASE_DIR)
    found = [
        f"{path.relative_to(root)}:{n}: {line.strip()}"
        for path in sorted(root.glob("*/*views.py")) + sorted(root.glob("*/views/*.py"))
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if writers.search(line)
    ]
    assert not found, "\n".join(found)
