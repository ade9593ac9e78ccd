"""Issue 12 item 3: a leader sees the by-name list's quality beside the figures and follows a check to
the people it counts; the chart is drawn and the page passes axe-core."""

import pytest
from playwright.sync_api import expect

from e2e.support import check_a11y, wait_for_charts

pytestmark = pytest.mark.e2e


def test_leader_follows_a_quality_check_to_the_people_behind_it(page, login_as, e2e_users, some_people):
    login_as(e2e_users["leader"])
    page.goto("/borgere/tal/")
    expect(page.get_by_role("heading", name="Listens kvalitet")).to_be_visible()
    wait_for_charts(page)
    drawn = page.evaluate(
        """() => { const c = document.getElementById('chart-quality'); const chart = Chart.getChart(c);
            return !!chart && chart.data.datasets[0].data.length === 6; }"""
    )
    assert drawn, "#chart-quality has no chart"
    table = page.locator("#quality-table")
    # The five people were registered without a birth date or birth year.
    row = table.locator("tbody tr").filter(
        has=page.get_by_role("rowheader", name="Mangler fødselsår", exact=True)
    )
    expect(row.locator("td").first).to_have_text("5")
    check_a11y(page, "figures with list quality")

    row.get_by_role("link", name="Mangler fødselsår").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Hjemløselisten")
    expect(page.locator("#list-results tbody tr")).to_have_count(5)
    expect(page.get_by_label("Listens kvalitet")).to_have_value("no_birth_year")


def test_analyst_sees_the_quality_counts_without_links(page, login_as, e2e_users, some_people):
    login_as(e2e_users["analyst"])
    page.goto("/borgere/tal/")
    table = page.locator("#quality-table")
    expect(table.locator("tbody tr")).to_have_count(6)
    expect(table.get_by_role("link")).to_have_count(0)
    check_a11y(page, "figures with list quality (analyst)")
