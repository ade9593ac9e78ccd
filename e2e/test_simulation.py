"""The capacity and cost simulation in the browser: a leader sets up a scenario, runs it (the task runs
here; the page follows it by polling), and compares it with the base and the back-test; an analyst sees
the scenarios without the means to change them; axe-core on each page."""

from playwright.sync_api import expect

from e2e.support import check_a11y, switch_user


def test_leader_creates_runs_and_compares_a_scenario(page, login_as, e2e_users, some_people):
    from core.testing import run_tasks

    login_as(e2e_users["leader"])
    page.goto("/simulering/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Scenarier for kapacitet og økonomi")
    check_a11y(page, "scenarier")

    page.get_by_role("link", name="Nyt scenarie").click()
    check_a11y(page, "nyt scenarie")
    page.locator("#id_name").fill("Flere boliger gennem aftaler")
    page.locator("#id_extra_homes_per_month").fill("2")
    page.locator("#id_runs").fill("50")
    page.get_by_role("button", name="Gem scenariet").click()
    expect(page.get_by_text("Scenariet er gemt.")).to_be_visible()

    page.get_by_role("button", name="Start beregningen").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Flere boliger gennem aftaler")
    expect(page.locator("#run-progress")).to_be_visible()
    check_a11y(page, "beregning i gang")
    run_tasks()
    # The page polls every 2 seconds and shows the key figures once the run is done.
    key = page.get_by_role("table", name="Nøgletal over hele perioden")
    expect(key).to_contain_text("Uden ændringer", timeout=15_000)
    expect(key).to_contain_text("Flere boliger gennem aftaler")
    check_a11y(page, "beregning færdig")

    page.get_by_role("link", name="Sammenlign med andre scenarier").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sammenlign scenarier")
    homeless = page.locator("#table-homeless")
    expect(homeless.locator("thead")).to_contain_text("Uden ændringer")
    expect(homeless.locator("thead")).to_contain_text("Flere boliger gennem aftaler")
    expect(homeless.locator("tbody tr")).to_have_count(60)
    expect(page.locator("#chart-homeless")).to_be_visible()
    expect(page.get_by_role("heading", name="Hvor godt ramte beregningen det seneste år?")).to_be_visible()
    check_a11y(page, "sammenlign scenarier")

    switch_user(page, login_as, e2e_users["analyst"])
    page.goto("/simulering/")
    expect(page.get_by_role("table", name="Kommunens scenarier")).to_contain_text(
        "Flere boliger gennem aftaler"
    )
    expect(page.get_by_role("link", name="Nyt scenarie")).to_have_count(0)
    check_a11y(page, "scenarier, analytiker")
