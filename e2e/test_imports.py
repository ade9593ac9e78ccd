"""Task 5: importing a list of people from a file (imports app, /indlaes/): progress, result, errors.

The import runs as a task, as in production: a worker (the db_worker loop) runs in a thread beside the
live server. To see the progress bar for certain, the job is held right after it has committed the
"importing" phase (before the all-or-nothing transaction opens) until the browser has shown it.
"""

import threading
from datetime import timedelta

import pytest
from django.db import connections
from django.utils import timezone
from playwright.sync_api import expect

from e2e.support import assert_all_tab_reachable, check_a11y, open_menu_link

pytestmark = pytest.mark.e2e


def _csv(rows: list[list[str]]) -> bytes:
    return ("\ufeff" + "\r\n".join(";".join(r) for r in rows) + "\r\n").encode("utf-8")


@pytest.fixture
def task_worker():
    """The queue's worker (`manage.py db_worker`'s loop) in a thread with its own connection."""
    from django_tasks_db.management.commands.db_worker import Worker

    worker = Worker(
        queue_names=["default"],
        interval=0.2,
        batch=False,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="e2e-worker",
        excluded_queue_names=[],
    )

    def run():
        try:
            worker.run()
        finally:
            connections.close_all()

    thread = threading.Thread(target=run, name="db-worker")
    thread.start()
    yield worker
    worker.running = False
    thread.join(30)


@pytest.fixture
def hold_import(monkeypatch, task_worker):
    """Hold a running import once its "importing" phase is committed until the returned event is set."""
    from imports import services

    release, reached = threading.Event(), threading.Event()

    class Held(services._LiveCount):
        def __init__(self, job):
            reached.set()
            release.wait(timeout=20)
            super().__init__(job)

    monkeypatch.setattr(services, "_LiveCount", Held)
    yield release, reached
    release.set()


def test_import_shows_progress_then_result(page, login_as, e2e_users, some_people, hold_import, tmp_path):
    release, reached = hold_import
    start = f"{timezone.localdate() - timedelta(days=20):%d.%m.%Y}"
    path = tmp_path / "liste.csv"
    path.write_bytes(
        _csv(
            [
                ["Fornavn", "Efternavn", "Situation", "Situation fra", "Sted"],
                ["Søren", "Kierkegaard", "Gaden", start, ""],
                ["Ida", "Jørgensen", "Sofasurfer", start, ""],
                ["Lars", "Østergaard", "Boform (§ 110)", start, "Herberget Skovly"],
            ]
        )
    )
    login_as(e2e_users["outreach"])
    page.goto("/borgere/")
    open_menu_link(page, "Borgere", "Indlæs liste")
    expect(page.get_by_role("heading", level=1)).to_have_text("Indlæs en liste over borgere")
    check_a11y(page, "import upload")
    assert_all_tab_reachable(
        page,
        [
            "input[type=file]",
            "form button[type=submit]:not(.mobile-drawer button)",
            "a[href$='skabelon.csv']",
        ],
    )

    page.get_by_label("Fil med borgere").set_input_files(str(path))
    page.get_by_role("button", name="Indlæs filen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Indlæsning af liste.csv")
    assert reached.wait(timeout=10), "The import job never started"

    # While held: the progress bar for the importing phase, announced in the live region.
    bar = page.locator("progress#import-progress")
    expect(bar).to_be_visible()
    expect(bar).to_have_attribute("max", "3")
    expect(page.locator("#import-progress-text")).to_contain_text("0 af 3 borgere")
    expect(page.locator("#import-live")).to_contain_text("Borgerne oprettes")
    check_a11y(page, "import in progress")

    release.set()
    # The page polls (htmx, every second) and shows the result without a reload.
    page.evaluate("window.__e2eSamePage = true")
    expect(page.get_by_text("Indlæsningen er færdig")).to_be_visible(timeout=15_000)
    expect(page.locator("#import-live")).to_have_text("Færdig: 3 borgere er oprettet.")
    expect(bar).to_have_count(0)
    assert page.evaluate("window.__e2eSamePage === true")
    check_a11y(page, "import done")

    page.get_by_role("link", name="Gå til hjemløselisten").click()
    for name in ("Søren Kierkegaard", "Ida Jørgensen", "Lars Østergaard"):
        expect(page.get_by_role("link", name=name, exact=True)).to_be_visible()


def test_import_with_errors_shows_the_error_table_and_saves_nothing(
    page, login_as, e2e_users, some_people, task_worker, tmp_path
):
    path = tmp_path / "fejl.csv"
    path.write_bytes(
        _csv(
            [
                ["Fornavn", "Efternavn", "Situation", "Situation fra"],
                ["Anne", "Hvide", "Gaden", "01.02.2025"],
                ["", "", "Gaden", "01.02.2025"],
                ["Palle", "Fejl", "Månen", "32.13.2025"],
            ]
        )
    )
    login_as(e2e_users["outreach"])
    page.goto("/indlaes/")
    page.get_by_label("Fil med borgere").set_input_files(str(path))
    page.get_by_role("button", name="Indlæs filen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Indlæsning af fejl.csv")

    table = page.get_by_role("table", name="Fejl i filen")
    expect(table).to_be_visible(timeout=15_000)
    expect(page.get_by_text("Filen blev ikke indlæst")).to_be_visible()
    body_rows = table.locator("tbody tr")
    assert body_rows.count() >= 3  # no name (row 3); unknown situation and bad date (row 4)
    row_numbers = {t.strip() for t in table.locator("tbody tr td:first-child").all_inner_texts()}
    assert {"3", "4"} <= row_numbers, row_numbers
    expect(table.locator("tbody tr", has_text="Situation fra").first).to_contain_text("4")
    expect(page.locator("#import-live")).to_contain_text("Intet er gemt")
    check_a11y(page, "import with errors")

    # All or nothing: the valid row was not created either.
    page.goto("/borgere/?q=Hvide")
    expect(page.locator("#list-results tbody tr")).to_have_text("Ingen borgere matcher søgningen.")

    # Submitting without a file shows the form's error summary.
    page.goto("/indlaes/")
    page.get_by_role("button", name="Indlæs filen").click()
    expect(page.get_by_role("alert").filter(has_text="Der er fejl i formularen")).to_be_visible()
    check_a11y(page, "import upload with the error summary")
