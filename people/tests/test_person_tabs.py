"""The person page in tabs (issue 14 item 4): Overblik first, every tab by address, one read per view."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from audit.models import AccessLogEntry, Action
from people import tabs

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def anna(worker_a, person_factory):
    return person_factory(worker_a, first_name="Anna", last_name="Fane", start=TODAY - timedelta(days=20))


def panel(body: str, key: str) -> str:
    """The opening tag of a tab's panel."""
    start = body.index(f'id="fane-{key}"')
    return body[body.rindex("<section", 0, start) : body.index(">", start) + 1]


def test_overblik_is_shown_first_and_the_other_tabs_are_in_the_page_hidden(login, users_a, anna):
    body = login(users_a[Role.OUTREACH_WORKER]).get(reverse("people:detail", args=[anna.pk])).content.decode()
    assert "hidden" not in panel(body, "overblik")
    for key in ("historik", "stoette", "bolig"):
        assert "hidden" in panel(body, key)
    assert (
        'href="?fane=overblik" data-tab="overblik" aria-controls="fane-overblik" aria-current="page"' in body
    )
    assert "Tidslinje" in body and "Boligbehovslisten" in body  # all rendered: no request per tab
    assert "js/person-tabs.js" in body and 'id="contact-dialog"' in body


@pytest.mark.parametrize("key", ["historik", "stoette", "bolig"])
def test_a_tab_opens_by_its_address(key, login, users_a, anna):
    body = (
        login(users_a[Role.SUPPORT_WORKER])
        .get(reverse("people:detail", args=[anna.pk]) + f"?fane={key}")
        .content.decode()
    )
    assert "hidden" not in panel(body, key) and "hidden" in panel(body, "overblik")
    assert f'data-tab="{key}" aria-controls="fane-{key}" aria-current="page"' in body


def test_an_unknown_tab_shows_overblik(login, users_a, anna):
    body = (
        login(users_a[Role.LEADER])
        .get(reverse("people:detail", args=[anna.pk]) + "?fane=<script>")
        .content.decode()
    )
    assert (
        "hidden" not in panel(body, "overblik")
        and "<script>" not in body.split("<main", 1)[1].split("</main>")[0]
    )


def test_a_person_view_is_one_read_whatever_the_tab(login, users_a, anna):
    client = login(users_a[Role.OUTREACH_WORKER])
    before = AccessLogEntry.objects.filter(person_id=anna.pk, action=Action.READ).count()
    client.get(reverse("people:detail", args=[anna.pk]) + "?fane=bolig")
    assert AccessLogEntry.objects.filter(person_id=anna.pk, action=Action.READ).count() == before + 1


def test_tabs_follow_the_roles_capabilities(monkeypatch):
    from accounts.roles import Capability

    extra = tabs.Tab("dokumenter", "Dokumenter", "people/tabs/overview.html", Capability.MANAGE_USERS)
    monkeypatch.setattr(tabs, "PERSON_TABS", [*tabs.PERSON_TABS, extra])
    shown, current = tabs.tabs_for(Role.OUTREACH_WORKER, "dokumenter")
    assert "dokumenter" not in [t.key for t in shown] and current.key == "overblik"
    shown, current = tabs.tabs_for(Role.LEADER, "bolig")
    assert current.key == "bolig" and [t.key for t in shown][:4] == [
        "overblik",
        "historik",
        "stoette",
        "bolig",
    ]
