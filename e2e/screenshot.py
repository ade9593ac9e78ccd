"""Make docs/screenshot.png: the by-name list with realistic data, 1280x900, in headless Chromium.

    .venv/bin/python e2e/screenshot.py [output.png] [--own-data]

Independent of the tests and safe to re-run: it builds a throw-away SQLite database in a temporary
directory (never the project's own database, whatever DATABASE_URL says), fills it with the demo data
(`manage.py seed_demo`, user `leder`) or, where that command does not exist (or with --own-data), with a
small set made here,
serves the app with its static files on a free local port, logs in through the real login form and
takes the picture.
"""

import os
import shutil
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

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
FALLBACK_USER, FALLBACK_PASSWORD = "leder", "demo-hf-2026"


def _prepare_database(own_data: bool) -> tuple[str, str]:
    """Migrate a fresh database and fill it; returns (username, password) of a leader."""
    from django.core.management import call_command, get_commands

    call_command("migrate", verbosity=0, interactive=False)
    if not own_data and "seed_demo" in get_commands():
        call_command("seed_demo", stdout=open(os.devnull, "w"))
        from demo.loader import DEMO_PASSWORD

        return "leder", DEMO_PASSWORD
    return _fallback_data()


def _fallback_data() -> tuple[str, str]:
    from django.utils import timezone

    from accounts.models import Membership, User
    from accounts.roles import Role
    from people import services
    from tenants.models import Municipality
    from tenants.rls import system_access

    today = timezone.localdate()
    people = [
        ("Jens", "Hansen", "street", 412),
        ("Mette", "Nielsen", "shelter", 230),
        ("Ahmed", "Larsen", "sofa_surfer", 95),
        ("Karen", "Sørensen", "night_shelter", 61),
        ("Bo", "Poulsen", "eviction_case", 12),
        ("Sofie", "Jensen", "hotel", 40),
        ("Peter", "Christensen", "shelter", 180),
        ("Fatima", "Ali", "sofa_surfer", 33),
        ("Lars", "Pedersen", "street", 20),
        ("Hanne", "Andersen", "transitional", 75),
        ("Mikkel", "Rasmussen", "prison_release", 8),
        ("Camilla", "Olsen", "hospital_discharge", 5),
    ]
    with system_access():
        municipality = Municipality.objects.create(code="0250", name="Frederikssund")
        user = User.objects.create_user(
            username=FALLBACK_USER, password=FALLBACK_PASSWORD, first_name="Lise", last_name="Holm"
        )
        Membership.objects.create(user=user, municipality=municipality, role=Role.LEADER)
        actor = services.Actor(user=user, municipality=municipality, role=Role.LEADER, path="/screenshot/")
        for first, last, situation, days in people:
            person = services.person_create(
                actor=actor,
                first_name=first,
                last_name=last,
                situation=situation,
                situation_start=today - timedelta(days=days),
                birth_year=today.year - 25 - days % 40,
            )
            services.contact_record(
                actor=actor,
                person=person,
                contacted_on=today - timedelta(days=days % 30),
                kind="outreach",
                reached=True,
            )
    return FALLBACK_USER, FALLBACK_PASSWORD


def main(output: Path, own_data: bool = False) -> None:
    workdir = tempfile.mkdtemp(prefix="hf-screenshot-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/screenshot.sqlite3"
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API keeps a loop on this thread
    if not os.path.exists(CHROMIUM):
        sys.exit(f"Chromium not found at {CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH).")

    import django

    django.setup()
    username, password = _prepare_database(own_data)

    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread
    from playwright.sync_api import expect, sync_playwright

    server = LiveServerThread("localhost", static_handler=StaticFilesHandler, port=0)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    base = f"http://localhost:{server.port}"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
            page = browser.new_page(
                viewport={"width": 1280, "height": 900}, locale="da-DK", timezone_id="Europe/Copenhagen"
            )
            page.goto(f"{base}/accounts/login/")
            page.get_by_label("Brugernavn").fill(username)
            page.get_by_label("Adgangskode").fill(password)
            page.get_by_role("button", name="Log ind").click()
            page.goto(f"{base}/borgere/")  # without the "logged in" message
            expect(page.get_by_role("heading", level=1)).to_have_text("Hjemløselisten")
            expect(page.locator("#list-results tbody tr").first).to_be_visible()
            page.evaluate("document.fonts.ready")
            output.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(output))
            browser.close()
    finally:
        server.terminate()
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"Wrote {output} (logged in as {username}).")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    main(Path(args[0]) if args else ROOT / "docs" / "screenshot.png", own_data="--own-data" in sys.argv)
