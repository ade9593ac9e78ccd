"""Issue 14 item 5: a leader finds two records of one citizen through the list's duplicates check,
sees what will move before confirming, merges them, and undoes the merge; axe-core on every page."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from e2e.support import check_a11y

pytestmark = pytest.mark.e2e


@pytest.fixture
def pair(outreach_actor, person_factory):
    from django.utils import timezone

    from people import services

    day = timezone.localdate() - timedelta(days=20)
    kept = person_factory(outreach_actor, first_name="Jens", last_name="Hansen", start=day)
    dup = person_factory(
        outreach_actor, first_name="Jens", last_name="Hansen", start=day + timedelta(days=2), phone="20304050"
    )
    services.contact_record(actor=outreach_actor, person=dup, contacted_on=day, kind="phone", reached=True)
    return kept, dup


def test_leader_merges_two_records_sees_the_preview_and_undoes(page, login_as, e2e_users, pair):
    kept, dup = pair
    login_as(e2e_users["leader"])

    # From the person page: pick the other record by a name search.
    page.goto(f"/borgere/{kept.pk}/")
    page.get_by_role("link", name="Sammenlæg med en anden registrering").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Sammenlæg Jens Hansen")
    page.get_by_label("Søg på navn, initialer, fødselsdato eller CPR-nummer").fill("Jens Hansen")
    page.locator("#main-content").get_by_role("button", name="Søg").click()  # not the header's search
    check_a11y(page, "merge: pick the other record")
    page.get_by_role("link", name=f"Se sammenlægning med Jens Hansen (nr. {dup.pk})").click()

    # The preview: the field that differs, what moves, then confirm.
    expect(page.get_by_role("heading", level=1)).to_have_text("Sammenlægning: hvad der flyttes")
    fields = page.get_by_role("table", name="Oplysninger, der er forskellige")
    expect(fields.get_by_role("row").filter(has_text="20304050")).to_contain_text("fra den anden")
    moves = page.get_by_role("table", name="Historik, der flyttes")
    expect(moves.get_by_role("row").filter(has_text="Kontakter")).to_be_visible()
    check_a11y(page, "merge: preview")
    page.get_by_role("button", name="Bekræft sammenlægning").click()

    # The result with undo; the merged record's page leads to the one that stays.
    expect(page.get_by_text("Registreringerne er lagt sammen.")).to_be_visible()
    check_a11y(page, "merge: result")
    result_url = page.url
    page.goto(f"/borgere/{dup.pk}/")
    expect(page).to_have_url(f"{page.url.split('/borgere/')[0]}/borgere/{kept.pk}/")
    expect(
        page.get_by_text(f"Registrering nr. {dup.pk} er lagt sammen med denne registrering.")
    ).to_be_visible()

    page.goto("/borgere/sammenlaegninger/")
    check_a11y(page, "merge: recent merges")
    page.goto(result_url)
    page.get_by_role("button", name="Fortryd sammenlægning").click()
    expect(page.get_by_text("Sammenlægningen er fortrudt.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Jens Hansen")
    assert page.url.rstrip("/").endswith(f"/borgere/{dup.pk}")


def test_the_duplicates_check_links_to_the_merge_preview(page, login_as, e2e_users, pair):
    kept, dup = pair
    login_as(e2e_users["leader"])
    page.goto("/borgere/?kvalitet=duplicates")
    page.get_by_role("link", name="Sammenlæg Jens Hansen med mulig dublet").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Sammenlægning: hvad der flyttes")
    expect(page.get_by_role("button", name="Bekræft sammenlægning")).to_be_visible()
