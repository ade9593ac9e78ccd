"""Item 20: nobody loses typed work to the session timeout. The warning comes before the session runs
out and "Forlæng" extends it, with the keyboard; a form saved after it ran out comes back filled in."""

import re
import time
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.contrib.sessions.models import Session
from django.utils import timezone
from playwright.sync_api import expect

from conftest import PASSWORD
from e2e.support import check_a11y, focused_is

pytestmark = pytest.mark.e2e


def session_row(context):
    key = next(c["value"] for c in context.cookies() if c["name"] == django_settings.SESSION_COOKIE_NAME)
    return Session.objects.filter(session_key=key).first()


def test_the_warning_comes_before_the_timeout_and_forlaeng_extends_the_session(
    page, context, login_as, e2e_users, settings
):
    settings.SESSION_COOKIE_AGE = 16
    settings.SESSION_WARNING_SECONDS = 8  # shown 8 seconds before the end
    login_as(e2e_users["leader"])
    page.goto("/borgere/")
    loaded = time.monotonic()
    dialog = page.get_by_role("alertdialog", name="Du bliver snart logget af")
    expect(dialog).to_be_hidden()
    expect(dialog).to_be_visible(timeout=15_000)
    assert time.monotonic() - loaded >= 6, "the warning came too early"
    expect(dialog).to_contain_text("Af hensyn til sikkerheden bliver du logget af kl.")
    extend = dialog.get_by_role("button", name="Forlæng")
    assert focused_is(page, extend), "the dialog must put the focus on Forlæng"
    check_a11y(page, "session timeout warning")
    page.keyboard.press("Tab")
    assert focused_is(page, dialog.get_by_role("button", name="Luk"))
    page.keyboard.press("Tab")
    assert focused_is(page, extend), "Tab stays inside the dialog"

    with page.expect_response(lambda r: r.url.endswith("/session/forlaeng/")) as answer:
        page.keyboard.press("Enter")
    assert answer.value.status == 200
    expect(dialog).to_be_hidden()
    expect(page.locator("#session-timeout-status")).to_have_text("Din session er forlænget.")
    assert session_row(context).expire_date > timezone.now() + timedelta(seconds=12)

    # Past the end the session would have had without the extension, the user is still logged in.
    time.sleep(max(0.0, loaded + 17 - time.monotonic()))
    page.goto("/borgere/")
    expect(page).to_have_url(re.compile(r"/borgere/$"))


def test_escape_closes_the_warning_and_the_dialog_says_when_the_session_ran_out(
    page, login_as, e2e_users, settings
):
    settings.SESSION_COOKIE_AGE = 8
    settings.SESSION_WARNING_SECONDS = 4
    login_as(e2e_users["leader"])
    page.goto("/borgere/")
    warning = page.get_by_role("alertdialog", name="Du bliver snart logget af")
    expect(warning).to_be_visible(timeout=10_000)
    page.keyboard.press("Escape")
    expect(warning).to_be_hidden()
    expired = page.get_by_role("alertdialog", name="Du er logget af")
    expect(expired).to_be_visible(timeout=10_000)
    expect(expired).to_contain_text("Det, du har skrevet på siden, går ikke tabt")
    check_a11y(page, "session expired dialog")


def test_a_contact_saved_after_the_session_ran_out_comes_back_filled_in_after_logging_in(
    page, context, login_as, e2e_users, some_people
):
    person = some_people["Jens Hansen"]
    login_as(e2e_users["outreach"])
    # The contact form's own page (the dialog's page without JavaScript, people/contact_add.html).
    page.goto(f"/borgere/{person.pk}/kontakt/?next=/borgere/{person.pk}/")
    page.locator("#id_contact-note").fill("Talte om boligen på Ågade")
    Session.objects.filter(pk=session_row(context).pk).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )

    page.get_by_role("button", name="Gem kontakt").click()
    expect(page).to_have_url(re.compile(r"/accounts/login/"))
    page.locator("#id_login").fill(e2e_users["outreach"].username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")

    expect(page).to_have_url(re.compile(rf"/borgere/{person.pk}/kontakt/"))
    expect(
        page.get_by_text("Din session udløb. Det, du skrev, er bevaret: kontroller og gem igen.")
    ).to_be_visible()
    expect(page.locator("#id_contact-note")).to_have_value("Talte om boligen på Ågade")
    expect(page.locator("#id_contact-note")).to_be_visible()
    check_a11y(page, "form shown again after the session ran out")
    assert not person.contacts.filter(note="Talte om boligen på Ågade").exists()  # shown again, not saved
