"""I dag in Chromium: a support worker records a contact from the day's list in the dialog, on a phone, and
the task leaves the list without leaving the page (issue 14 items 1 and 4)."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from accounts.roles import Role
from support import services as support_services
from support.tests.helpers import icm_setup

from .support import check_a11y

pytestmark = pytest.mark.e2e


def test_a_contact_recorded_from_i_dag_on_a_phone_removes_the_task(
    page, login_as, users_a, municipality_a, worker_a, person_factory
):
    _, worker, _ = icm_setup(users_a, municipality_a)
    pia = person_factory(
        worker_a, first_name="Pia", last_name="Holm", start=timezone.localdate() - timedelta(60)
    )
    support_services.episode_start(
        actor=worker,
        person=pia,
        method="icm",
        start_date=timezone.localdate() - timedelta(30),
        worker=worker.user,
    )
    page.set_viewport_size({"width": 390, "height": 844})
    login_as(users_a[Role.SUPPORT_WORKER])
    page.goto("/i-dag/")
    tasks = page.locator(
        "section.hf-today-section", has=page.get_by_role("heading", name=re.compile("truffet"))
    )
    expect(tasks).to_contain_text("Pia Holm")

    tasks.get_by_role("link", name=re.compile("Registrér kontakt")).click()
    dialog = page.locator("#contact-dialog")
    expect(dialog).to_be_visible()
    check_a11y(page, "the contact dialog on I dag")
    dialog.get_by_role("button", name=re.compile("Gem")).click()

    expect(dialog).to_be_hidden()
    expect(tasks).to_contain_text("Intet her i dag.")
    expect(page).to_have_url(re.compile(r"/i-dag/$"))
