"""The grouped navigation (issue 14, item 3): one registry, a role sees only what it may open.

The crawl logs in as every role and opens every link the header's menu shows it, and every link on the
page it lands on after login and on each page of its menu: none may answer "Ingen adgang" (403), each 200.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.urls import resolve, reverse

from accounts.roles import CAPABILITIES, Capability, Role
from home import navigation

pytestmark = pytest.mark.django_db


class Links(HTMLParser):
    """The hrefs of a page's links, and of those inside the header's desktop menu (nav.nav)."""

    def __init__(self):
        super().__init__()
        self.all, self.menu, self._depth = [], [], 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "nav":
            if "nav" in (a.get("class") or "").split():
                self._depth = 1
            elif self._depth:
                self._depth += 1
        if tag == "a" and a.get("href"):
            self.all.append(a["href"])
            if self._depth:
                self.menu.append(a["href"])

    def handle_endtag(self, tag):
        if tag == "nav" and self._depth:
            self._depth -= 1


def links_of(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


# Addresses a crawl must not follow: downloads that start work, the log-out, the language switch.
SKIP = re.compile(r"^/(accounts/|i18n/|admin/|static/)|\.(csv|xlsx|pdf)$|/udtraek|/hent$")


def internal(href: str) -> str | None:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.startswith("/") or SKIP.search(parts.path):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


@pytest.fixture
def world(users_a, municipality_a, actor_factory, person_factory):
    """Something on each list, so the crawl also meets the links from lists to a person, a home, a landlord."""
    from housing.tests.factories import make_stock
    from support.tests.helpers import icm_setup

    worker = actor_factory(users_a[Role.OUTREACH_WORKER], municipality_a, Role.OUTREACH_WORKER)
    person = person_factory(worker)
    make_stock(municipality_a)
    icm_setup(users_a, municipality_a)
    return person


def test_every_entry_names_the_capability_its_view_requires():
    for entry in navigation.ENTRIES:
        view = resolve(reverse(entry.url_name)).func
        assert getattr(view, "required_capability", None) == entry.capability, entry.url_name


def test_every_entry_is_in_a_known_group():
    keys = {g.key for g in navigation.GROUPS}
    assert all(e.group in keys for e in navigation.ENTRIES)
    assert len({e.url_name for e in navigation.ENTRIES}) == len(navigation.ENTRIES)


def test_analysts_and_administrators_see_no_page_with_names():
    for role in (Role.ANALYST, Role.ADMINISTRATOR):
        shown = {e.url_name for e in navigation.entries_for(role)}
        assert not shown & {"people:list", "people:needs_list", "housing:units", "allocation:vacancies"}
        assert all(e.capability in CAPABILITIES[role] for e in navigation.entries_for(role))
    assert "accounts:users" in {e.url_name for e in navigation.entries_for(Role.ADMINISTRATOR)}


def test_the_groups_follow_the_issue_order_and_hide_empty_ones():
    leader = [g["key"] for g in navigation.menu(Role.LEADER)]
    assert leader == ["people", "support", "housing", "fidelity", "steering", "admin"]
    assert [g["key"] for g in navigation.menu(Role.ADMINISTRATOR)] == ["people", "housing", "admin"]
    assert "steering" not in [g["key"] for g in navigation.menu(Role.SUPPORT_WORKER)]


def test_the_current_page_and_its_group_are_marked():
    groups = {g["key"]: g for g in navigation.menu(Role.LEADER, current="support:teams")}
    assert groups["support"]["active"] and not groups["people"]["active"]
    assert [link["current"] for link in groups["support"]["links"] if link["current"]] == [True]
    # A page not in the menu marks its group: a person's page lies under "Borgere".
    groups = {g["key"]: g for g in navigation.menu(Role.LEADER, current="people:detail")}
    assert groups["people"]["active"]


def test_the_menu_markup_is_dkfds_header_with_dropdowns(login, users_a):
    html = login(users_a[Role.LEADER]).get(reverse("people:list")).content.decode()
    assert 'class="button-overflow-menu js-dropdown"' in html
    assert 'class="navigation-menu-mobile"' in html and "js-menu-open" in html
    assert "Frederikssund" in html.split("</header>")[0]
    assert "{# bell" not in html  # the bell's place is a template comment, not text on the page
    assert 'src="/static/dkfds/js/dkfds.min.js"' in html and 'src="/static/js/navigation.js"' in html


@pytest.mark.parametrize("role", list(Role))
def test_no_link_a_role_is_shown_answers_no_access(role, world, login, users_a):
    client = login(users_a[role])
    landing = client.get(reverse("home:start"), follow=True)
    assert landing.status_code == 200
    page = links_of(landing.content.decode())
    menu = [u for u in map(internal, page.menu) if u]
    assert menu == [
        reverse(e.url_name)
        for g in navigation.GROUPS
        for e in navigation.entries_for(role)
        if e.group == g.key
    ]
    pages = dict.fromkeys(menu + [u for u in map(internal, page.all) if u], "start")
    refused, failed = [], []
    seen = set()
    # The menu's pages and the landing page's links, then every link on those pages (one level deeper).
    for depth in (0, 1):
        nxt = {}
        for url in pages:
            if url in seen:
                continue
            seen.add(url)
            response = client.get(url)
            if response.status_code == 403:
                refused.append((url, pages[url]))
            elif response.status_code not in (200, 302):
                failed.append((url, pages[url], response.status_code))
            elif depth == 0 and response.status_code == 200 and "html" in response.get("Content-Type", ""):
                for href in links_of(response.content.decode()).all:
                    if (u := internal(href)) and u not in seen:
                        nxt.setdefault(u, url)
        pages = nxt
    assert refused == [], f"{role} is shown links it may not open"
    assert failed == []


def test_search_is_offered_to_roles_that_may_find_something(login, users_a):
    for role in Role:
        html = login(users_a[role]).get(reverse("core:accessibility")).content.decode()
        may = Capability.SEARCH in CAPABILITIES[role]
        assert ('id="global-search"' in html) == may, role
    assert Capability.SEARCH not in CAPABILITIES[Role.ANALYST]
    assert Capability.SEARCH not in CAPABILITIES[Role.ADMINISTRATOR]
