"""Tenancy sweep: every URL the project has, as every role of municipality A, against municipality
B's objects. Nothing of B may show and B's objects are never found (404/403, never 200).

URLs are discovered from the resolver, so a URL added later is swept automatically; a URL keyword
the sweep cannot fill fails the test: extend FILLERS with an object of municipality B.
"""

import io
import re
from dataclasses import dataclass
from datetime import timedelta

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.resolvers import RegexPattern, RoutePattern
from django.utils import timezone
from django.utils.http import int_to_base36

from accounts.models import Membership
from accounts.roles import Role
from allocation.tests.factories import make_b_allocation
from audit.models import AccessLogEntry, Action
from casefile.tests.helpers import sweep_document, sweep_note
from count.tests.factories import make_b_count
from fidelity.tests.factories import make_b_fidelity
from housing.tests.factories import make_b_housing
from implementation.tests.factories import make_b_plan
from people import services
from people.models import Contact, NeedsListEntry, Person, SituationPeriod, StatusChange
from plans.tests.helpers import sweep_consent, sweep_version
from simulation.tests.factories import make_b_run, make_b_scenario
from steering.tests.factories import make_b_goal
from support.tests.helpers import make_b_episode, make_b_hand_over, make_b_team, make_b_wait

pytestmark = pytest.mark.django_db

B_FIRST, B_LAST, B_CPR = "Bodil", "Bornholmsen", "121285-4321"
NEEDLES = [f"{B_FIRST} {B_LAST}", B_LAST, B_CPR, B_CPR.replace("-", ""), B_CPR[:6]]


@dataclass
class World:
    person_b: Person
    user_b: object
    membership_b: Membership
    import_job_b: object | None


def _import_job(user, municipality):
    from imports.models import ImportJob

    return ImportJob.objects.create(municipality=municipality, uploaded_by=user, file_name="odense.csv")


# (namespace, kwarg) -> value(s) from the World. The namespace None covers URLs without one.
# Values that point at one of B's objects are listed in OWNED: they must never give 200.
FILLERS = {
    ("people", "pk"): lambda w: w.person_b.pk,
    ("people", "fmt"): lambda w: ["csv", "xlsx"],
    ("audit", "person_id"): lambda w: w.person_b.pk,
    ("imports", "pk"): lambda w: w.import_job_b.pk,
    ("accounts", "membership_id"): lambda w: w.membership_b.pk,
    ("admin", "object_id"): lambda w: w.person_b.pk,
    ("admin", "id"): lambda w: w.user_b.pk,
    ("admin", "content_type_id"): lambda w: __import__(
        "django.contrib.contenttypes.models", fromlist=["ContentType"]
    )
    .ContentType.objects.get_for_model(Person)
    .pk,
    ("admin", "app_label"): lambda w: "tenants",
    ("admin", "url"): lambda w: "ukendt/side/",
    (None, "uidb36"): lambda w: int_to_base36(w.user_b.pk),
    (None, "key"): lambda w: "ugyldig-noegle",
    ("housing", "landlord_id"): lambda w: make_b_housing(w)["landlord"].pk,
    ("housing", "agreement_id"): lambda w: make_b_housing(w)["agreement"].pk,
    ("housing", "unit_id"): lambda w: make_b_housing(w)["unit"].pk,
    ("housing", "unit_type_id"): lambda w: make_b_housing(w)["unit_type"].pk,
    ("housing", "tenancy_id"): lambda w: make_b_housing(w)["tenancy"].pk,
    ("housing", "person_id"): lambda w: w.person_b.pk,
    ("plans", "person_id"): lambda w: w.person_b.pk,
    ("plans", "version"): sweep_version,
    ("plans", "consent_id"): sweep_consent,
    ("fidelity", "pk"): lambda w: make_b_fidelity(w)["assessment"].pk,
    ("fidelity", "fmt"): lambda w: ["pdf", "xlsx"],
    ("fidelity", "code"): lambda w: make_b_fidelity(w)["code"],
    ("fidelity", "token"): lambda w: make_b_fidelity(w)["token"],
    ("support", "pk"): lambda w: make_b_episode(w).pk,
    ("support", "person_id"): lambda w: w.person_b.pk,
    ("support", "team_id"): lambda w: make_b_team(w).pk,
    ("support", "wait_id"): lambda w: make_b_wait(w).pk,
    ("support", "hand_over_id"): lambda w: make_b_hand_over(w).pk,
    ("support", "user_id"): lambda w: w.user_b.pk,
}
OWNED = {
    ("people", "pk"),
    ("audit", "person_id"),
    ("imports", "pk"),
    ("accounts", "membership_id"),
    ("admin", "object_id"),
    ("admin", "id"),
    ("housing", "landlord_id"),
    ("housing", "agreement_id"),
    ("housing", "unit_id"),
    ("housing", "unit_type_id"),
    ("housing", "tenancy_id"),
    ("housing", "person_id"),
    ("plans", "person_id"),
    ("plans", "version"),
    ("plans", "consent_id"),
    ("fidelity", "pk"),
    ("fidelity", "token"),
    ("support", "pk"),
    ("support", "person_id"),
    ("support", "team_id"),
    ("support", "wait_id"),
    ("support", "hand_over_id"),
    ("support", "user_id"),
}

# Allocation (issue 4): B's vacancy, offer, committee meeting and needs-list person.
FILLERS.update(
    {
        ("allocation", "vacancy_id"): lambda w: make_b_allocation(w)["vacancy"].pk,
        ("allocation", "offer_id"): lambda w: make_b_allocation(w)["offer"].pk,
        ("allocation", "meeting_id"): lambda w: make_b_allocation(w)["meeting"].pk,
        ("allocation", "person_id"): lambda w: w.person_b.pk,
    }
)
OWNED |= {
    ("allocation", "vacancy_id"),
    ("allocation", "offer_id"),
    ("allocation", "meeting_id"),
    ("allocation", "person_id"),
}


# Person merge (issue 14 item 5): the other record of a pair, and a merge of B's records.
def make_b_merge(world):
    from people.models import PersonMerge

    if getattr(world, "merge_b", None) is None:
        m = world.person_b.municipality
        other = Person.objects.create(municipality=m, first_name="Bent", last_name="Bornholmsen")
        world.merge_b = PersonMerge.objects.create(
            municipality=m, survivor=world.person_b, duplicate=other, merged_by=world.user_b
        )
    return world.merge_b


FILLERS[("people", "other")] = lambda w: w.person_b.pk
FILLERS[("people", "merge_id")] = lambda w: make_b_merge(w).pk
OWNED |= {("people", "other"), ("people", "merge_id")}

# Leaders' goals (issue 12).
FILLERS[("steering", "goal_id")] = lambda w: make_b_goal(w).pk
OWNED.add(("steering", "goal_id"))
# The national homelessness count (issue 12 item 4): B's count week and B's person's form in it.
FILLERS.update(
    {
        ("count", "week_id"): lambda w: make_b_count(w)["week"].pk,
        ("count", "form_id"): lambda w: make_b_count(w)["form"].pk,
    }
)
OWNED |= {("count", "week_id"), ("count", "form_id")}
# The capacity and cost simulation (issue 13 item 3): B's scenario and its run.
FILLERS.update(
    {
        ("simulation", "scenario_id"): lambda w: make_b_scenario(w).pk,
        ("simulation", "run_id"): lambda w: make_b_run(w).pk,
    }
)
OWNED |= {("simulation", "scenario_id"), ("simulation", "run_id")}
# I dag (issue 14): one section of each role's list by its kind (no object of B: the role's own list).
FILLERS[("today", "kind")] = lambda w: ["persistence", "near_inactive", "vacancy_deadline", "waiting_long"]
# The implementation plan, its networks and the Landkort (issue 13): B's objects of each kind.
FILLERS.update(
    {
        ("implementation", "focus_area_id"): lambda w: make_b_plan(w)["area"].pk,
        ("implementation", "initiative_id"): lambda w: make_b_plan(w)["initiative"].pk,
        ("implementation", "network_id"): lambda w: make_b_plan(w)["network"].pk,
        ("implementation", "member_id"): lambda w: make_b_plan(w)["member"].pk,
        ("implementation", "meeting_id"): lambda w: make_b_plan(w)["meeting"].pk,
        ("implementation", "actor_id"): lambda w: make_b_plan(w)["actor"].pk,
    }
)
OWNED |= {
    ("implementation", "focus_area_id"),
    ("implementation", "initiative_id"),
    ("implementation", "network_id"),
    ("implementation", "member_id"),
    ("implementation", "meeting_id"),
    ("implementation", "actor_id"),
}

# The case file (issue 14 items 6-7): B's person's document and journal note.
FILLERS.update(
    {
        ("casefile", "person_id"): lambda w: w.person_b.pk,
        ("casefile", "document_id"): sweep_document,
        ("casefile", "note_id"): sweep_note,
    }
)
OWNED |= {("casefile", "person_id"), ("casefile", "document_id"), ("casefile", "note_id")}

# Data a POST to one of B's objects might try; valid for the people forms so a missing check shows.
POST_DATA = {
    "first_name": "Ændret",
    "last_name": "Navn",
    "gender": "unknown",
    "situation": "own_home",
    "start_date": "2030-01-01",
    "status": "died",
    "on": "2030-01-01",
    "reason": "Forsøg",
    "contacted_on": "2030-01-01",
    "kind": "phone",
    "reached": "1",
    "registered_on": "2030-01-01",
    "max_rent": "3000",
    "sharing": "alone",
    "role": "leader",
}

_ROUTE_PARAM = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")


@dataclass
class Route:
    parts: list
    namespace: str | None
    name: str | None
    callback: object

    @property
    def label(self):
        return f"{self.namespace}:{self.name}" if self.namespace else str(self.name)


def walk(patterns, parts=(), namespace=None):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = ":".join(filter(None, [namespace, p.namespace])) or None
            yield from walk(p.url_patterns, (*parts, p.pattern), ns)
        elif isinstance(p, URLPattern):
            yield Route([*parts, p.pattern], namespace, p.name, p.callback)


def _regex_groups(regex: str):
    """(start, end, name) of each top-level named group, with balanced parentheses."""
    out, i = [], 0
    while (i := regex.find("(?P<", i)) != -1:
        name = regex[i + 4 : regex.index(">", i)]
        depth, j = 0, i
        while True:
            if regex[j] == "\\":
                j += 2
                continue
            depth += {"(": 1, ")": -1}.get(regex[j], 0)
            if depth == 0:
                break
            j += 1
        out.append((i, j + 1, name))
        i = j + 1
    return out


def build(route: Route, world: World) -> list[tuple[str, bool]]:
    """Every concrete path of a route as (path, points at one of B's objects)."""
    paths = [("", False)]

    def fill(name):
        key = (route.namespace, name)
        filler = FILLERS.get(key) or FILLERS.get((None, name))
        if filler is None:
            pytest.fail(
                f"The tenancy sweep cannot fill <{name}> in {route.label}: add FILLERS[{key!r}] in "
                f"tenants/tests/test_tenancy_sweep.py returning an object of municipality B."
            )
        value = filler(world)
        return [str(v) for v in (value if isinstance(value, list) else [value])], key in OWNED

    for part in route.parts:
        if isinstance(part, RoutePattern):
            text = str(part)
            pieces, last = [], 0
            for m in _ROUTE_PARAM.finditer(text):
                pieces += [
                    [(text[last : m.start()], False)],
                    [(v, owned) for vals, owned in [fill(m["name"])] for v in vals],
                ]
                last = m.end()
            pieces.append([(text[last:], False)])
        elif isinstance(part, RegexPattern):
            regex = part.regex.pattern
            pieces, last = [], 0
            for start, end, name in _regex_groups(regex):
                pieces += [
                    [(regex[last:start], False)],
                    [(v, owned) for vals, owned in [fill(name)] for v in vals],
                ]
                last = end
            pieces.append([(regex[last:], False)])
            pieces = [
                [(re.sub(r"\\(.)", r"\1", t.lstrip("^").rstrip("$")) if not o else t, o) for t, o in alts]
                for alts in pieces
            ]
        else:
            pytest.fail(f"Unknown pattern type {type(part).__name__} in {route.label}")
        for alts in pieces:
            paths = [(p + t, owned or o) for p, owned in paths for t, o in alts]
    out = []
    for path, owned in paths:
        path = "/" + path
        if re.search(r"[()\[\]*+?|]", path):
            pytest.fail(f"The sweep could not turn {route.label} into a path: {path}")
        match = resolve(path)
        assert match.func == route.callback or match.url_name == route.name, (
            f"{path} does not resolve to {route.label}"
        )
        out.append((path, owned))
    return out


def body_text(response) -> str:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/vnd.openxmlformats"):
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(body), read_only=True)
        return "\n".join(
            " ".join(str(c) for c in row if c is not None)
            for s in book
            for row in s.iter_rows(values_only=True)
        )
    return body.decode("utf-8", errors="replace")


def b_fingerprint(world: World):
    p = Person.objects.get(pk=world.person_b.pk)
    return (
        p.first_name,
        p.last_name,
        p.current_status,
        p.current_situation,
        p.on_needs_list,
        p.protected,
        SituationPeriod.objects.filter(person=p).count(),
        StatusChange.objects.filter(person=p).count(),
        Contact.objects.filter(person=p).count(),
        NeedsListEntry.objects.filter(person=p, removed_on__isnull=True).count(),
        Membership.objects.filter(pk=world.membership_b.pk).values_list("role", flat=True).first(),
        AccessLogEntry.objects.filter(municipality=world.person_b.municipality).count(),
    )


@pytest.fixture
def world(users_a, users_b, worker_a, worker_b, person_factory):
    recent = timezone.localdate() - timedelta(days=20)
    for i in range(3):  # A's own people first: B's ids are then never A's ids
        a = person_factory(worker_a, first_name=f"Anna{i}", last_name="Aalborg", start=recent)
        services.needs_list_register(actor=worker_a, person=a, registered_on=recent, max_rent=3000)
    person_b = person_factory(worker_b, first_name=B_FIRST, last_name=B_LAST, cpr=B_CPR, start=recent)
    services.situation_record(
        actor=worker_b, person=person_b, situation="shelter", start_date=recent + timedelta(days=1)
    )
    services.contact_record(
        actor=worker_b, person=person_b, contacted_on=recent + timedelta(days=2), kind="phone", reached=True
    )
    services.needs_list_register(actor=worker_b, person=person_b, registered_on=recent, max_rent=3500)
    user_b = users_b[Role.SUPPORT_WORKER]
    job = _import_job(users_b[Role.LEADER], person_b.municipality)
    return World(person_b=person_b, user_b=user_b, membership_b=user_b.memberships.get(), import_job_b=job)


def all_routes():
    return list(walk(get_resolver().url_patterns))


def test_the_sweep_finds_the_project_urls():
    labels = {r.label for r in all_routes()}
    assert {"people:list", "people:detail", "people:export", "audit:person_export", "home:start"} <= labels


@pytest.mark.parametrize("role", list(Role))
def test_no_url_shows_or_finds_municipality_b_for_a_role_of_a(role, world, users_a, client):
    user = users_a[role]
    before = b_fingerprint(world)
    problems = []
    for route in all_routes():
        for path, owned in build(route, world):
            methods = ["get", "post"] if owned else ["get"]
            for method in methods:
                client.force_login(user)
                try:
                    response = getattr(client, method)(path, POST_DATA if method == "post" else None)
                except Exception as exc:  # a crash is a finding too, with its URL
                    problems.append(f"{method.upper()} {path} ({route.label}): raised {exc!r}")
                    continue
                text = body_text(response)
                leaked = [n for n in NEEDLES if n in text]
                if leaked:
                    problems.append(f"{method.upper()} {path} ({route.label}): shows {leaked}")
                if owned:
                    login_redirect = response.status_code == 302 and "login" in response.get("Location", "")
                    if response.status_code not in (403, 404, 405) and not login_redirect:
                        problems.append(
                            f"{method.upper()} {path} ({route.label}): B's object gave {response.status_code}"
                        )
    assert b_fingerprint(world) == before, "a request as A changed B's data"
    assert not problems, "\n".join(problems)


def test_a_url_keyword_without_a_filler_fails_loudly(world):
    route = Route([RoutePattern("ny-app/<int:thing_id>/")], "new_app", "thing", None)
    with pytest.raises(pytest.fail.Exception, match="add FILLERS"):
        build(route, world)


def test_reading_b_through_a_does_not_write_into_bs_log(world, users_a, client):
    client.force_login(users_a[Role.LEADER])
    client.get(f"/borgere/{world.person_b.pk}/")
    assert not AccessLogEntry.objects.filter(person_id=world.person_b.pk, action=Action.READ).exists()
