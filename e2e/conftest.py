"""End-to-end fixtures: one headless Chromium per session, a fresh context (cookies, downloads) per test,
a live server with the project's static files, and helpers for logging in and running axe-core.

Chromium is Debian's (/usr/bin/chromium); Playwright never downloads a browser here. A missing Chromium
fails the suite with a clear message: these tests are never skipped (CI sets REQUIRE_CHROMIUM=1).
"""

import os
from datetime import timedelta
from pathlib import Path

import pytest

from e2e.support import AXE_JS

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).resolve().parent
    for item in items:
        if here in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.e2e)


def _missing_chromium_message() -> str:
    required = os.environ.get("REQUIRE_CHROMIUM") == "1"
    return (
        f"Chromium not found at {CHROMIUM}{' (REQUIRE_CHROMIUM=1)' if required else ''}. The end-to-end tests need "
        "Debian's Chromium: `apt-get install chromium` (or set CHROMIUM_PATH). They fail instead of skipping so that "
        "a missing browser never passes unnoticed."
    )


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(_missing_chromium_message(), pytrace=False)
    if not AXE_JS.exists():
        pytest.fail(f"axe-core not found at {AXE_JS}: run `npm ci` in {ROOT}.", pytrace=False)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an asyncio loop on the main thread while the browser lives; Django's
    # guard against ORM calls from async code would then refuse the test bodies' (synchronous) queries.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def context(browser, live_server):
    ctx = browser.new_context(
        base_url=live_server.url,
        viewport=VIEWPORT,
        locale="da-DK",
        accept_downloads=True,
        timezone_id="Europe/Copenhagen",
    )
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    # The Content-Security-Policy is on in the tests too: anything it blocks (an inline script or style,
    # eval) is reported on the console and fails the test.
    page.on(
        "console",
        lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None,
    )
    page.js_errors = errors
    yield page
    assert not errors, f"JavaScript errors in the page: {errors}"


# --- data -------------------------------------------------------------------------------------------------


@pytest.fixture
def e2e_users(municipality_a):
    """Users of Frederikssund in the roles the tasks need (password: conftest.PASSWORD)."""
    from accounts.roles import Role
    from conftest import make_user

    return {
        "outreach": make_user(municipality_a, Role.OUTREACH_WORKER, "gadeplan"),
        "leader": make_user(municipality_a, Role.LEADER, "leder"),
        "analyst": make_user(municipality_a, Role.ANALYST, "analytiker"),
    }


@pytest.fixture
def outreach_actor(e2e_users, municipality_a, actor_factory):
    from accounts.roles import Role

    return actor_factory(e2e_users["outreach"], municipality_a, Role.OUTREACH_WORKER)


@pytest.fixture
def some_people(outreach_actor, person_factory):
    """A handful of people in different situations, each with activity in the last 90 days."""
    from django.utils import timezone

    today = timezone.localdate()
    rows = [
        ("Jens", "Hansen", "street", 400),
        ("Mette", "Nielsen", "shelter", 200),
        ("Ahmed", "Larsen", "sofa_surfer", 60),
        ("Karen", "Sørensen", "street", 30),
        ("Bo", "Poulsen", "eviction_case", 10),
    ]
    from people import services

    people = {}
    for first, last, situation, days in rows:
        person = person_factory(
            outreach_actor,
            first_name=first,
            last_name=last,
            situation=situation,
            start=today - timedelta(days=days),
        )
        if days > 60:  # a recent contact, or the daily job at login marks them inactive after 90 days
            services.contact_record(
                actor=outreach_actor,
                person=person,
                contacted_on=today - timedelta(days=7),
                kind="meeting",
                reached=True,
                note="Aftale om næste møde",
            )
        people[f"{first} {last}"] = person
    return people


# --- helpers ----------------------------------------------------------------------------------------------


@pytest.fixture
def login_as(context, live_server):
    """Log in without the form: a session made by Django's test client, its cookie given to the browser.
    (The real form, used with the keyboard, is covered in test_outreach_worker.py.)"""
    from django.conf import settings
    from django.test import Client

    def do(user):
        client = Client()
        client.force_login(user)
        cookie = client.cookies[settings.SESSION_COOKIE_NAME]
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}]
        )

    return do
