"""Issue 14, item 3: an action that removes, ends, revokes, closes or completes asks first (data-confirm,
static/js/confirm.js), and the page's breadcrumbs and print stylesheet."""

import re
from pathlib import Path

from django.conf import settings
from django.template import Context, Template

ROOT = Path(settings.BASE_DIR)

# The URL names of the forms that remove or complete something, and the template each form is in.
CONFIRMED = {
    "people:needs_remove": "people/templates/people/tabs/housing.html",
    "plans:consent_revoke": "plans/templates/plans/consents.html",
    "support:episode_end": "support/templates/support/episode.html",
    "support:waiting_close": "support/templates/support/waiting.html",
    "allocation:vacancy_withdraw": "allocation/templates/allocation/vacancy_detail.html",
    "accounts:user_remove": "accounts/templates/accounts/user_list.html",
    "implementation:member_remove": "implementation/templates/implementation/network.html",
    "implementation:map_actor_delete": "implementation/templates/implementation/map_actor_form.html",
    "steering:goal_archive": "steering/templates/steering/goal_form.html",
}


def test_every_removal_form_asks_first():
    for name, path in CONFIRMED.items():
        text = (ROOT / path).read_text(encoding="utf-8")
        forms = re.findall(r"<form[^>]*\{% url '" + re.escape(name) + r"'[^>]*>", text)
        assert forms, name
        assert all("data-confirm=" in f for f in forms), name


def test_completing_buttons_ask_first():
    fidelity = (ROOT / "fidelity/templates/fidelity/assessment_form.html").read_text(encoding="utf-8")
    assert re.search(r'value="complete"[^>]*data-confirm=', fidelity)
    count = (ROOT / "count/templates/count/week.html").read_text(encoding="utf-8")
    assert re.search(r'value="closed"><button[^>]*data-confirm=', count)
    offer = (ROOT / "allocation/templates/allocation/offer_detail.html").read_text(encoding="utf-8")
    assert 'key == "withdraw" %} data-confirm=' in offer and 'value="decline"' in offer
    assert "data-confirm" in (ROOT / "housing/templates/housing/tenancy_form.html").read_text(
        encoding="utf-8"
    )


def test_the_dialog_and_its_script_are_on_every_page_for_a_logged_in_user(login, users_a):
    html = login(users_a["leader"]).get("/borgere/").content.decode()
    assert '<dialog id="hf-confirm"' in html and 'src="/static/js/confirm.js"' in html


def test_breadcrumbs_have_separators_and_mark_the_current_page(db):
    html = Template(
        '{% load core_breadcrumbs %}{% breadcrumbs "people:list" "Hjemløselisten" "/borgere/1/" "Jens" "Udredning" %}'
    ).render(Context())
    assert html.count('class="breadcrumbs__link"') == 3  # Forside, the list, the person
    assert html.count("#chevron-right") == 3
    assert 'aria-current="page"' in html and "Udredning" in html
    assert 'href="/borgere/"' in html and 'href="/borgere/1/"' in html


def test_print_hides_the_navigation_and_search():
    css = (ROOT / "static/css/app.css").read_text(encoding="utf-8")
    printed = css.split("@media print", 1)[1]
    for selector in (".header", ".footer", ".breadcrumbs", ".search-form", "button"):
        assert selector in printed
