"""The leaders' front page in the browser: a leader lands on it, sets a goal, sees it behind its path and
follows a figure to the people behind it; an analyst sees the figures without names; axe-core on each."""

from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from e2e.support import check_a11y, switch_user


def test_leader_steers_from_the_front_page_and_the_analyst_sees_no_names(
    page, login_as, e2e_users, some_people
):
    from steering.models import Goal

    login_as(e2e_users["leader"])
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ledelsens overblik")
    figures = page.get_by_role("table", name="Hvert tal er optalt efter samme regel")
    expect(figures.get_by_role("row", name="Borgere på forsorgshjem og herberg (§ 110)")).to_contain_text("1")
    page.get_by_text("Hvordan tælles det?").click()
    expect(page.locator("#definitions")).to_contain_text("nationale hjemløsetællings ni situationer")
    check_a11y(page, "ledelsens overblik")
    # A leader's many menu links wrap: nothing scrolls sideways at a laptop's width (WCAG 1.4.10).
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]

    # A goal: at most 0 at a shelter within a year; set long ago, it is behind its path today.
    page.get_by_role("link", name="Mål og fremdrift").first.click()
    page.get_by_role("link", name="Sæt et nyt mål").click()
    check_a11y(page, "nyt mål")
    page.get_by_label("Måltal").select_option("shelter")
    page.get_by_label("højst").check()
    page.locator("#id_target").fill("0")
    page.get_by_label("Frist").fill((timezone.localdate() + timedelta(days=365)).isoformat())
    page.get_by_label("Ansvarlig").fill("Social- og Sundhedsudvalget")
    page.get_by_role("button", name="Gem målet").click()
    expect(page.get_by_text("Målet er gemt.")).to_be_visible()
    expect(page.locator("#goal-history")).to_contain_text("Social- og Sundhedsudvalget")
    today = timezone.localdate()
    Goal.objects.update(
        baseline=2, baseline_on=today - timedelta(days=300), deadline=today + timedelta(days=30)
    )
    page.goto("/ledelse/")
    goals = page.get_by_role("table", name="Målene med værdien i dag")
    expect(goals).to_contain_text("Bagud")

    # From a figure to the people behind it.
    figures.get_by_role("row", name="Borgere på forsorgshjem og herberg (§ 110)").get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Hjemløselisten")
    expect(page.get_by_role("main")).to_contain_text("Nielsen")
    expect(page.get_by_role("main")).not_to_contain_text("Hansen")

    switch_user(page, login_as, e2e_users["analyst"])
    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Ledelsens overblik")
    expect(page.get_by_role("main")).not_to_contain_text("Nielsen")
    expect(page.get_by_role("link", name="Se borgerne")).to_have_count(0)
    expect(page.get_by_role("table", name="Målene med værdien i dag")).to_contain_text("Bagud")
    check_a11y(page, "ledelsens overblik, analytiker")
