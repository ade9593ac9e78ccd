"""The platform as production runs it: gunicorn (gunicorn.conf.py) with production settings, WhiteNoise
after collectstatic, against this test's PostgreSQL database, tried over real HTTP.

Runs whenever DATABASE_URL is PostgreSQL; skipped on SQLite (REQUIRE_POSTGRES=1 makes that an error)."""

import http.client
import os
import re
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection

from accounts.roles import Role
from conftest import PASSWORD
from tenants import conf as tenants_conf

pytestmark = [
    pytest.mark.postgres,
    # Committed data: gunicorn reads it from its own connections.
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="production runs on PostgreSQL"),
]

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def database_url() -> str:
    """The test database as production's web server reaches it: as the application role (which owns
    nothing and has only its grants, tenants/roles.py) when that role exists, else as the tests' own."""
    db = settings.DATABASES["default"]
    app_role = tenants_conf.value("APP_ROLE")
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [app_role])
        user = app_role if cursor.fetchone() else db["USER"]
    auth = quote(user or "")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"])
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


class Browser:
    """An HTTP client that keeps cookies (also the Secure ones, which urllib would not send over plain
    HTTP) and one keep-alive connection, following redirects itself."""

    def __init__(self, port):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies = {}

    def request(self, method, path, data=None, follow=True):
        # As the TLS-terminating proxy sends it (BEHIND_TLS_PROXY=1).
        headers = {"Host": "localhost", "X-Forwarded-Proto": "https", "Referer": "https://localhost" + path}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if data is not None:
            body = urlencode(data)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        self.conn.request(method, path, body=body, headers=headers)
        response = self.conn.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        if follow and response.status in (301, 302, 303):
            return self.request("GET", urlsplit(response.headers["Location"]).path, follow=True)
        response.content = content
        return response

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def close(self):
        self.conn.close()


@pytest.fixture
def server(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "DATABASE_URL": database_url(),
        "SECRET_KEY": "smoke-test-" + "x1y2z3" * 10,
        "CPR_ENCRYPTION_KEY": settings.CPR_ENCRYPTION_KEY,
        "CPR_HASH_KEY": settings.CPR_HASH_KEY,
        "BEHIND_TLS_PROXY": "1",
        "STATIC_ROOT": str(tmp_path / "static"),
        "STATIC_COMPRESS": "0",  # WhiteNoise's compressed copies take minutes to make
        "WEB_CONCURRENCY": "1",
        "WEB_THREADS": "2",
    }
    port = free_port()
    env["WEB_BIND"] = f"127.0.0.1:{port}"
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )
    gunicorn = Path(sys.executable).with_name("gunicorn")
    log = open(tmp_path / "gunicorn.log", "w+")  # noqa: SIM115
    process = subprocess.Popen(
        [str(gunicorn), "-c", "gunicorn.conf.py"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    log.seek(0)
                    pytest.fail(f"gunicorn did not start:\n{log.read()}")
                time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def test_gunicorn_serves_login_list_export_health_and_static(server, users_a, worker_a, person_factory):
    person_factory(worker_a, first_name="Smoke", last_name="Testesen")
    leader = users_a[Role.LEADER]
    # The test settings hash with MD5 for speed; production knows only the real hashers.
    hasher = PBKDF2PasswordHasher()
    leader.password = hasher.encode(PASSWORD, hasher.salt())
    leader.save(update_fields=["password"])
    browser = Browser(server)

    health = browser.get("/helbred/")
    assert (health.status, health.content) == (200, b"ok\n")
    # Plain HTTP without the proxy is sent to HTTPS; the load balancer's health check is not.
    plain = http.client.HTTPConnection("127.0.0.1", server, timeout=30)
    plain.request("GET", "/borgere/", headers={"Host": "localhost"})
    redirect = plain.getresponse()
    redirect.read()
    assert (redirect.status, redirect.headers["Location"]) == (301, "https://localhost/borgere/")
    plain.request("GET", "/helbred/", headers={"Host": "10.0.0.5"})
    health = plain.getresponse()
    assert (health.status, health.read()) == (200, b"ok\n")
    plain.close()

    login_page = browser.get("/accounts/login/")
    assert login_page.status == 200
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', login_page.content).group(1).decode()
    assert "default-src 'self'" in login_page.headers["Content-Security-Policy"]
    home = browser.request(
        "POST",
        "/accounts/login/",
        {"csrfmiddlewaretoken": token, "login": leader.username, "password": PASSWORD},
    )
    assert home.status == 200, home.content[:500]
    assert "sessionid" in browser.cookies

    listing = browser.get("/borgere/")
    assert listing.status == 200
    assert b"Testesen" in listing.content
    assert "no-store" in listing.headers["Cache-Control"]
    assert listing.headers["Permissions-Policy"].startswith("camera=()")
    assert listing.headers["Strict-Transport-Security"].startswith("max-age=31536000")

    export = browser.get("/borgere/udtraek.csv")
    assert export.status == 200
    assert export.headers["Content-Disposition"].startswith("attachment;")
    assert "no-store" in export.headers["Cache-Control"]
    assert "Testesen" in export.content.decode("utf-8-sig")

    css_url = re.search(rb'href="(/static/css/app\.[0-9a-f]{12}\.css)"', listing.content).group(1).decode()
    css = browser.get(css_url)
    assert css.status == 200
    assert b".hf-main" in css.content
    assert "immutable" in css.headers["Cache-Control"]  # WhiteNoise, for a file with a hashed name
    browser.close()
