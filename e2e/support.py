"""Helpers for the end-to-end tests: axe-core checks and keyboard navigation."""

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

ROOT = Path(__file__).resolve().parent.parent
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def check_a11y(page, label: str = "") -> None:
    """Run axe-core (WCAG 2.0/2.1 A and AA) on the page as it is now and fail on any violation."""
    page.wait_for_load_state()  # a click may have started a navigation: check the page it leads to
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated by the browser's devtools protocol, which the page's CSP does not govern (a script tag
        # with axe's source inline would be refused, as it should be).
        page.evaluate(AXE_JS.read_text(encoding="utf-8") + "\n;undefined")
    violations = page.evaluate(
        """(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})
              .then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
                 nodes: v.nodes.map(n => ({target: n.target, summary: n.failureSummary, html: n.html}))})))""",
        AXE_TAGS,
    )
    # axe-core 4.x no longer reports duplicate ids under the WCAG tags (4.1.1 is obsolete in WCAG 2.2), but a
    # duplicated id still breaks label/aria-describedby references, so it is checked here.
    duplicates = page.evaluate("""() => { const c = {};
        document.querySelectorAll('[id]').forEach(e => { c[e.id] = (c[e.id] || 0) + 1; });
        return Object.keys(c).filter(k => c[k] > 1); }""")
    if duplicates:
        violations.append(
            {
                "id": "duplicate-id (own check)",
                "impact": "serious",
                "help": "ids must be unique",
                "helpUrl": "https://www.w3.org/TR/WCAG21/#parsing",
                "nodes": [{"target": [f"#{d}"], "summary": "", "html": ""} for d in duplicates],
            }
        )
    if violations:
        lines = [f"axe-core found {len(violations)} WCAG 2.1 A/AA violation(s) on {label or page.url}:"]
        for v in violations:
            lines.append(f"- [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
            for n in v["nodes"][:10]:
                lines.append(f"    target {json.dumps(n['target'])}: {n['html'][:200]}")
                lines.append("      " + (n["summary"] or "").replace("\n", "\n      "))
        pytest.fail("\n".join(lines), pytrace=False)


def focused_is(page, locator) -> bool:
    return locator.evaluate("el => el === document.activeElement")


def tab_to(page, locator, *, max_presses: int = 150, key: str = "Tab") -> int:
    """Press Tab (from the current focus) until the element has focus; fail if it never gets it.
    Returns the number of presses, so a caller can also assert on the order."""
    locator.wait_for(state="visible")
    for presses in range(1, max_presses + 1):
        page.keyboard.press(key)
        if focused_is(page, locator):
            return presses
    described = locator.evaluate("el => el.outerHTML.slice(0, 200)")
    pytest.fail(f"Not reachable with {key} in {max_presses} presses: {described}", pytrace=False)


def restart_tab_order(page) -> None:
    """Put the sequential focus starting point at the top of the document."""
    page.evaluate("""() => { document.activeElement && document.activeElement.blur();
        window.getSelection().removeAllRanges(); window.scrollTo(0, 0); }""")
    page.mouse.click(1, 1)  # sets the focus navigation starting point to the page's top-left corner


def assert_all_tab_reachable(page, selectors: list[str], *, max_presses: int = 250) -> None:
    """Tab through the whole page once from the top; every element matched by the selectors must get focus."""
    targets = page.evaluate(
        """(sels) => { let n = 0; const out = [];
            for (const s of sels) { const els = document.querySelectorAll(s);
              if (!els.length) out.push('MISSING ' + s);
              els.forEach(el => { el.dataset.e2eTab = String(n++); }); }
            return [n, out]; }""",
        selectors,
    )
    count, missing = targets
    assert not missing, f"Elements to check are not on the page: {missing}"
    restart_tab_order(page)
    seen = set()
    first = None
    for _ in range(max_presses):
        page.keyboard.press("Tab")
        info = page.evaluate(
            "() => { const a = document.activeElement; return [a === document.body, a.dataset ? (a.dataset.e2eTab || '') : '', a.outerHTML.slice(0, 80)]; }"
        )
        at_body, mark, html = info
        if first is None:
            first = html
        elif html == first:
            break  # wrapped around
        if mark:
            seen.add(int(mark))
        if len(seen) == count:
            return
    unreached = page.evaluate(
        "(seen) => [...document.querySelectorAll('[data-e2e-tab]')].filter(el => !seen.includes(Number(el.dataset.e2eTab))).map(el => el.outerHTML.slice(0, 160))",
        sorted(seen),
    )
    pytest.fail(f"Not reachable with Tab: {unreached}", pytrace=False)


def wait_for_charts(page, *, timeout_ms: int = 10_000) -> None:
    """Wait until Chart.js has loaded. Polled from here with page.evaluate (the devtools protocol, which the
    page's CSP does not govern): page.wait_for_function evaluates its predicate with eval inside the page,
    which the CSP refuses whenever the first check is not already true."""
    waited = 0
    while not page.evaluate("typeof Chart === 'function'"):
        if waited >= timeout_ms:
            raise AssertionError("Chart.js did not load")
        page.wait_for_timeout(100)
        waited += 100


def open_menu_link(page, group: str, link: str) -> None:
    """Follow a link of the header's grouped menu (templates/includes/header.html): open the group's
    dropdown, then click the link in it."""
    menu = page.get_by_role("navigation", name="Hovedmenu").first
    menu.get_by_role("button", name=group).click()
    menu.get_by_role("link", name=link).click()


def confirm(page, question: str = "", *, keyboard: bool = False) -> None:
    """Answer the confirmation dialog (templates/includes/confirm_dialog.html, static/js/confirm.js) that a
    removal or completion opens with "Ja, fortsæt". The dialog puts focus on "Fortryd"; with ``keyboard``
    the answer is given by Shift+Tab and Enter instead of a click."""
    dialog = page.get_by_role("dialog", name="Er du sikker?")
    expect(dialog).to_be_visible()
    if question:
        expect(dialog).to_contain_text(question)
    yes = dialog.get_by_role("button", name="Ja, fortsæt")
    if keyboard:
        expect(dialog.get_by_role("button", name="Fortryd")).to_be_focused()
        page.keyboard.press("Shift+Tab")
        expect(yes).to_be_focused()
        page.keyboard.press("Enter")
    else:
        yes.click()
    expect(dialog).to_be_hidden()


def switch_user(page, login_as, user) -> None:
    """Log in as another user in the same browser. The page is left first: a request it still makes in
    the background (the header's bell, fetched by htmx after the page) would otherwise be answered for no
    one or for the next user, and a logged-out answer sends the whole page to the login, aborting the
    next page.goto."""
    page.goto("about:blank")
    page.context.clear_cookies()
    login_as(user)
