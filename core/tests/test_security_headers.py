"""Security headers and production settings (issue: run it as a municipality would): the CSP, no-store on
every response to a logged-in user, Permissions-Policy, messages kept in the session, the health endpoint,
and `check --deploy` clean under production settings."""

import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.contrib.messages.storage.session import SessionStorage
from django.db import DatabaseError
from django.urls import reverse

from accounts.roles import Role

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_pages_carry_the_csp_permissions_policy_and_no_store(login, users_a):
    response = login(users_a[Role.LEADER]).get(reverse("people:list"))
    assert response.status_code == 200
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "style-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert (
        response.headers["Permissions-Policy"]
        == "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
    )
    assert "no-store" in response.headers["Cache-Control"] and "private" in response.headers["Cache-Control"]


@pytest.mark.django_db
def test_downloads_with_personal_data_are_not_stored(login, users_a, worker_a, person_factory):
    person_factory(worker_a)
    response = login(users_a[Role.LEADER]).get(reverse("people:export", args=["csv"]))
    assert response.status_code == 200
    assert "no-store" in response.headers["Cache-Control"]


@pytest.mark.django_db
def test_the_anonymous_login_page_has_the_csp_but_may_be_cached_as_django_decides(client):
    response = client.get(reverse("account_login"))
    assert "Content-Security-Policy" in response.headers
    assert "Permissions-Policy" in response.headers


@pytest.mark.django_db
def test_messages_naming_people_stay_in_the_session_not_in_a_cookie(login, users_a):
    from django.conf import settings

    client = login(users_a[Role.OUTREACH_WORKER])
    response = client.post(
        reverse("people:create"),
        {
            "first_name": "Cookie",
            "last_name": "Monstersen",
            "situation": "street",
            "situation_start": "2025-01-10",
            "gender": "unknown",
        },
    )
    assert response.status_code == 302
    assert "messages" not in response.cookies
    assert settings.MESSAGE_STORAGE == f"{SessionStorage.__module__}.{SessionStorage.__name__}"
    page = client.get(response.url)
    assert "Monstersen" in page.content.decode()


@pytest.mark.django_db
def test_health_says_ok_without_login_session_or_allowed_host(client):
    response = client.get("/helbred/", HTTP_HOST="10.1.2.3")
    assert (response.status_code, response.content) == (200, b"ok\n")
    assert not response.cookies
    assert "no-store" in response.headers["Cache-Control"]


@pytest.mark.django_db
def test_health_is_503_when_the_database_does_not_answer(client):
    with mock.patch("core.middleware.connection.cursor", side_effect=DatabaseError("down")):
        response = client.get("/helbred/")
    assert (response.status_code, response.content) == (503, b"unavailable\n")


def _deploy_check(**env):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "deploy-check-" + "k9m8n7" * 10,
        "CPR_ENCRYPTION_KEY": "ZGVwbG95LWNoZWNrLWtleS1vbmx5LWZvci10ZXN0cyE=",
        "CPR_HASH_KEY": "deploy-check-hash-key",
        **env,
    }
    # The browser tests allow Django's ORM in Playwright's event loop for their own process; a deployment
    # never sets it, and the check refuses it (async.E001).
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_check_deploy_is_clean_under_production_settings():
    result = _deploy_check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_warns_when_the_operator_turns_https_off():
    """The environment can only weaken HTTPS visibly: the deploy check then says so."""
    result = _deploy_check(SECURE_SSL_REDIRECT="0", SECURE_HSTS_SECONDS="0")
    assert result.returncode != 0
    assert (
        "security.W004" in result.stderr + result.stdout and "security.W008" in result.stderr + result.stdout
    )
