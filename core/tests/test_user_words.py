"""No developer words on pages (issue 9 item 19): sources are named as users know them (Socialstyrelsens
manual for Housing First, Frederikssund Kommunes plan), methods in plain words ("én bolig ad gangen"),
never "seed", "greedy", "issue". Every page the project has, as the leader (who sees the most), in
Danish and in English; and the nine situations of the national count in the count's own words, grouped."""

import re
from html import unescape

import pytest
from django.urls import reverse
from django.utils.html import escape

from accounts.roles import Role
from core.tests.test_malformed_input_sweep import own_world  # noqa: F401 - the fixture
from people.situations import GROUPS, LABELS, Situation
from tenants.tests.test_tenancy_sweep import all_routes, build

pytestmark = pytest.mark.django_db

# "issue" only with its number: "issue a new request" is English, "issue 9" is the tracker.
DEVELOPER_WORDS = re.compile(
    r"\b(seeds?|seedenes|greedy|grådig\w*|issue \d+|baseline|fallback|TODO)\b", re.IGNORECASE
)
SKIP_NAMESPACES = {"admin"}


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S | re.I)
    return unescape(re.sub(r"<[^>]+>", " ", html))


def developer_words_on_pages(client, world) -> list[str]:
    found = []
    for route in all_routes():
        if route.namespace in SKIP_NAMESPACES:
            continue
        for path, _ in build(route, world):
            response = client.get(path)
            if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
                continue
            words = set(DEVELOPER_WORDS.findall(visible_text(response.content.decode())))
            if words:
                found.append(f"{path}: {sorted(words)}")
    return found


def test_no_page_shows_developer_words_in_danish(own_world, users_a, client):  # noqa: F811
    client.force_login(users_a[Role.LEADER])  # the role that sees the most pages
    assert developer_words_on_pages(client, own_world) == []


def test_no_page_shows_developer_words_in_english(own_world, users_a, client):  # noqa: F811
    client.force_login(users_a[Role.LEADER])
    client.post(reverse("set_language"), {"language": "en"})
    assert developer_words_on_pages(client, own_world) == []


def test_the_checker_would_find_a_developer_word():
    assert DEVELOPER_WORDS.findall(
        visible_text("<p>Til sammenligning: grådig tildeling (seed 001, issue 4).</p>")
    ) == ["grådig", "seed", "issue 4"]


def test_the_situation_select_shows_the_count_in_its_own_words_grouped(login, users_a):
    html = login(users_a[Role.OUTREACH_WORKER]).get(reverse("people:create")).content.decode()
    for group, members in GROUPS:
        start = html.index(f'<optgroup label="{escape(group)}">')
        block = html[start : html.index("</optgroup>", start)]
        assert [m for m in members if f">{escape(LABELS[m])}</option>" in block] == members
    assert len([s for s in Situation if s in GROUPS[0][1]]) == 9
    assert ">Overnatter på gaden, i trappeopgang, i et skur eller lignende</option>" in html
