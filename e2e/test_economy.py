"""The economy page in the browser: a leader opens it, changes the municipality's price of a shelter day
and sees the cost follow; an analyst sees the page without names and without the price form; axe-core on
each page."""

from django.utils import timezone
from playwright.sync_api import expect

from e2e.support import check_a11y, switch_user


def _kr(amount: int) -> str:
    return f"{amount:,}".replace(",", ".")


def test_leader_changes_a_price_and_sees_the_cost_change_and_the_analyst_sees_the_page(
    page, login_as, e2e_users, some_people
):
    today = timezone.localdate()
    nights = min(200, (today - today.replace(month=1, day=1)).days)  # Nielsen's nights at a shelter this year

    login_as(e2e_users["leader"])
    page.goto("/oekonomi/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Økonomi")
    summary = page.get_by_role("table", name="Kommunens udgift til boform og støtte")
    expect(summary.get_by_role("row").nth(1)).to_contain_text(_kr(nights * 1507))
    expect(page.locator("#prices-used")).to_contain_text("Standardpris")
    check_a11y(page, "økonomi")

    page.get_by_role("link", name="Kommunens priser").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kommunens priser")
    page.get_by_role("link", name="Ret Døgn på boform (§ 110)", exact=True).click()
    check_a11y(page, "kommunens priser")
    page.locator("#id_amount").fill("2000")
    page.locator("#id_source").fill("Takst for kommunens forsorgshjem")
    page.get_by_role("button", name="Gem prisen").click()
    expect(page.get_by_text("Prisen er gemt.")).to_be_visible()
    expect(page.locator("#price-table")).to_contain_text("Kommunens egen")

    page.get_by_role("link", name="Tilbage til økonomien").click()
    expect(summary.get_by_role("row").nth(1)).to_contain_text(_kr(nights * 2000))
    expect(page.locator("#prices-used")).to_contain_text("Takst for kommunens forsorgshjem")

    switch_user(page, login_as, e2e_users["analyst"])
    page.goto("/oekonomi/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Økonomi")
    expect(page.get_by_role("main")).not_to_contain_text("Nielsen")
    expect(page.get_by_role("link", name="Kommunens priser")).to_have_count(0)
    expect(summary.get_by_role("row").nth(1)).to_contain_text(_kr(nights * 2000))
    check_a11y(page, "økonomi, analytiker")
