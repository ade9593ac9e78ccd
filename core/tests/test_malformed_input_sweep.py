"""Malformed input sweep (issue 9 item 15): every URL of the project, as every role, with every query
parameter and posted id the views read set to malformed values, and every <str:> path segment
malformed. The answer may be 404, 403, a form error or a redirect, never a 500.

URLs come from the resolver (the tenancy sweep's walker) and the parameter names from the views'
source (``request.GET.get("enhed")``, ``Form(request.GET ...)``), so a new URL or a new parameter is
swept without editing this file. Objects in the path are the user's own municipality's, so the views
get past their lookups to the code that reads the parameters.
"""

import inspect
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.urls.resolvers import RoutePattern
from django.utils import timezone

from accounts.roles import Role
from people import services
from tenants.tests.test_tenancy_sweep import _ROUTE_PARAM, FILLERS, World, _import_job, all_routes, build

pytestmark = pytest.mark.django_db

BAD_VALUES = ["abc", "-1", "99999999999999999999", "1e5", "", "\x00"]
# The other roles mostly stop at a permission check: three values that break int() in different ways.
SHORT_VALUES = ["abc", "99999999999999999999", "\x00"]
FULL_ROLES = {Role.LEADER, Role.HOUSING_BROKER}
ROOT = Path(settings.BASE_DIR)
LOCAL_APPS = {p.parent.name for p in ROOT.glob("*/views.py")}
# Parameters read together with one the scan sees (a form bound to a variable holding request.GET).
READ_TOGETHER = {"a": {"b"}}
SKIP_NAMESPACES = {"admin"}

_DIRECT = re.compile(
    r"request\.(?:GET|POST)(?:\.get|\.getlist)?\(\s*[\"'](\w+)[\"']"
    r"|request\.(?:GET|POST)\[[\"'](\w+)[\"']\]"
    r"|(?:int_param|parse_id)\(\s*request\.(?:GET|POST),\s*[\"'](\w+)[\"']"
)
_IN = re.compile(r"[\"'](\w+)[\"']\s+in\s+request\.(?:GET|POST)")
_BOUND_FORM = re.compile(r"(\w+Form)\(\s*request\.(?:GET|POST)")
_HELPER_CALL = re.compile(r"(\w+)\(\s*request\b")


def _scan(source: str, module) -> set[str]:
    names = {next(g for g in m.groups() if g) for m in _DIRECT.finditer(source)}
    names.update(_IN.findall(source))
    for form_name in set(_BOUND_FORM.findall(source)):
        form = getattr(module, form_name, None)
        if form is not None and hasattr(form, "base_fields"):
            names.update(form.base_fields)
    for name, together in READ_TOGETHER.items():
        if name in names:
            names |= together
    return names


def names_read_by(callback) -> set[str] | None:
    """The GET/POST names a view reads: directly, through a form bound to GET or POST, or in a helper
    of its module it hands the request to. None for views that are not the project's own."""
    func = inspect.unwrap(callback)
    module = inspect.getmodule(func)
    if module is None or module.__name__.split(".")[0] not in LOCAL_APPS or not inspect.isfunction(func):
        return None
    source = inspect.getsource(func)
    names = _scan(source, module)
    for helper in set(_HELPER_CALL.findall(source)):
        f = getattr(module, helper, None)
        if inspect.isfunction(f) and f.__module__ == module.__name__ and f is not func:
            names |= _scan(inspect.getsource(inspect.unwrap(f)), module)
    return names


def test_the_sweep_finds_the_parameters_the_views_read():
    names = set().union(*(names_read_by(r.callback) or set() for r in all_routes()))
    assert {"enhed", "kvartal", "side", "q", "item", "person", "municipality", "situation", "method"} <= names


@pytest.fixture
def own_world(users_a, worker_a, person_factory):
    """The tenancy sweep's world, but every object in the user's own municipality (A)."""
    recent = timezone.localdate() - timedelta(days=20)
    person = person_factory(worker_a, first_name="Ane", last_name="Aagaard", cpr="121285-4321", start=recent)
    services.needs_list_register(actor=worker_a, person=person, registered_on=recent, max_rent=3500)
    user = users_a[Role.SUPPORT_WORKER]
    job = _import_job(users_a[Role.LEADER], person.municipality)
    return World(person_b=person, user_b=user, membership_b=user.memberships.get(), import_job_b=job)


def _routes():
    return [r for r in all_routes() if r.namespace not in SKIP_NAMESPACES]


def _str_segment_variants(route, world) -> list[str]:
    """Paths of a route with each <str:> segment replaced by each malformed value."""
    names = [
        m["name"]
        for p in route.parts
        if isinstance(p, RoutePattern)
        for m in _ROUTE_PARAM.finditer(str(p))
        if m["conv"] == "str"
    ]
    if not names:
        return []
    good = build(route, world)[0][0]
    out = []
    for name in names:
        filler = FILLERS.get((route.namespace, name)) or FILLERS[(None, name)]
        value = filler(world)
        value = str(value[0] if isinstance(value, list) else value)
        out += [good.replace(value, bad, 1) for bad in BAD_VALUES if bad]
    return out


def _request(client, method, path, data, problems, label):
    try:
        response = getattr(client, method)(path, data)
    except Exception as exc:  # noqa: BLE001 - a crash is the finding, with its URL
        problems.append(
            f"{method.upper()} {path} {data and repr(next(iter(data.values())))} ({label}): raised {exc!r}"
        )
        return None
    if response.status_code >= 500:
        problems.append(f"{method.upper()} {path} ({label}): {response.status_code}")
    return response.status_code


@pytest.mark.parametrize("role", list(Role))
def test_no_url_answers_malformed_parameters_with_a_server_error(role, own_world, users_a, client):
    client.raise_request_exception = True
    client.force_login(users_a[role])
    problems: list[str] = []
    all_names = set().union(*(names_read_by(r.callback) or set() for r in _routes()))
    for route in _routes():
        names = names_read_by(route.callback)
        foreign = names is None  # a third-party view (sign-in, two-factor): every name the project reads
        values = ["abc"] if foreign else BAD_VALUES if role in FULL_ROLES else SHORT_VALUES
        if foreign:
            names = all_names
        for path, _ in build(route, own_world):
            plain = _request(client, "get", path, {}, problems, route.label)
            if plain in (403, 404) or not names:  # the role may not use the page, or it reads nothing
                continue
            for bad in values:
                data = dict.fromkeys(names, bad)
                if plain != 405:
                    _request(client, "get", path, data, problems, route.label)
                if bad in SHORT_VALUES or foreign:
                    _request(client, "post", path, data, problems, route.label)
        for path in _str_segment_variants(route, own_world):
            _request(client, "get", path, {}, problems, route.label)
    assert not problems, "\n".join(problems)


def test_huge_ids_in_the_path_are_not_found(own_world, users_a, client):
    client.force_login(users_a[Role.LEADER])
    huge = "99999999999999999999"
    for path in (
        f"/borgere/{huge}/",
        f"/boliger/{huge}/ret/",
        f"/ledige-boliger/boligudvalg/{huge}/",
        f"/efterlevelse/vurdering/{huge}/",
        f"/stoette/forloeb/{huge}/",
    ):
        assert client.get(path).status_code == 404, path
