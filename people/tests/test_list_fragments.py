"""Two parts of the by-name list page are kept as rendered markup once per process: the filter form (by
its chosen values) and the header's menu (by role, language and page). Kept markup must be exactly what a
fresh render gives, and a searched name or CPR number must never be kept."""

import re

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role

pytestmark = pytest.mark.django_db
LIST = reverse("people:list")


def _select(html: str, name: str) -> str:
    return re.search(rf'<select[^>]*name="{name}".*?</select>', html, re.S).group(0)


def _selected(html: str, name: str) -> str:
    found = re.search(r'<option value="([^"]*)" selected>', _select(html, name))
    return found.group(1) if found else ""


def _kept_values() -> list[str]:
    return [str(v) for v in cache._cache.values()]  # LocMemCache: the pickled fragments


def test_the_filter_form_shows_each_request_its_own_choices(login, users_a):
    client = login(users_a[Role.LEADER])
    first = client.get(LIST, {"status": "all", "needs_list": "yes"}).content.decode()
    second = client.get(LIST, {"status": "inactive"}).content.decode()
    again = client.get(LIST, {"status": "all", "needs_list": "yes"}).content.decode()
    assert (_selected(first, "status"), _selected(first, "needs_list")) == ("all", "yes")
    assert (_selected(second, "status"), _selected(second, "needs_list")) == ("inactive", "")
    assert _select(again, "status") == _select(first, "status")
    assert _select(again, "needs_list") == _select(first, "needs_list")


def test_kept_markup_equals_a_fresh_render(login, users_a):
    client = login(users_a[Role.LEADER])
    kept_then_read = [client.get(LIST, {"situation": "homeless"}).content.decode() for _ in range(2)]
    cache.clear()
    fresh = client.get(LIST, {"situation": "homeless"}).content.decode()

    def form_and_menu(html):
        # The rest differs per request (CSRF tokens, CSP nonces).
        form = re.search(r'<div class="hf-filters">.*?</div>\s*</form>', html, re.S).group(0)
        form = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", form)
        menus = re.findall(r'<nav class="(?:nav|navigation-menu-mobile)".*?</nav>', html, re.S)
        return form, menus

    assert form_and_menu(kept_then_read[0]) == form_and_menu(kept_then_read[1]) == form_and_menu(fresh)


def test_a_searched_name_or_cpr_is_never_kept(login, users_a, worker_a, person_factory):
    person_factory(worker_a, first_name="Hemmelig", last_name="Sørensen", start=timezone.localdate())
    client = login(users_a[Role.LEADER])
    page = client.get(LIST, {"q": "Sørensen"}, follow=True).content.decode()
    assert "Sørensen" in page
    client.post(LIST, {"q": "010190-1234"}, follow=True)
    kept = " ".join(_kept_values())
    assert "rensen" not in kept and "Hemmelig" not in kept
    assert "010190" not in kept and "0101901234" not in kept


def test_a_filter_with_an_error_is_shown_with_its_error_each_time(login, users_a):
    client = login(users_a[Role.LEADER])
    for _ in range(2):
        html = client.get(LIST, {"status": "nonsense"}).content.decode()
        assert 'aria-invalid="true"' in _select(html, "status")


def test_the_menu_follows_the_role_the_language_and_the_page(login, users_a):
    leader = login(users_a[Role.LEADER]).get(LIST).content.decode()
    assert "Ledelse" in leader
    worker = login(users_a[Role.SUPPORT_WORKER]).get(LIST).content.decode()
    assert 'data-js-target="desktopmenu-steering"' not in worker
    assert 'aria-current="page"' in re.search(r'<nav class="nav".*?</nav>', worker, re.S).group(0)
    client = login(users_a[Role.SUPPORT_WORKER])
    client.post(reverse("set_language"), {"language": "en", "next": LIST})
    english = client.get(LIST).content.decode()
    menu = re.search(r'<nav class="nav".*?</nav>', english, re.S).group(0)
    assert "Citizens" in menu or "People" in menu, menu[:400]
    other_page = client.get(reverse("home:start"), follow=True).content.decode()
    current = re.findall(r'<a href="([^"]+)" class="nav-link" aria-current="page"', other_page)
    assert LIST not in current
