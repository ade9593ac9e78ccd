"""The case file in the browser: upload a document to a citizen and open it, a refused file with its error,
and a journal note written from a template; axe-core with zero violations on every page."""

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from casefile.samples import pdf_bytes
from e2e.support import check_a11y

pytestmark = pytest.mark.e2e


@pytest.fixture(autouse=True)
def documents_in_tmp(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "documents": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "documents"), "base_url": None},
        },
    }


def test_upload_a_document_and_open_it(page, login_as, e2e_users, some_people, tmp_path):
    person = some_people["Mette Nielsen"]
    login_as(e2e_users["outreach"])  # who registered her: one of her own workers
    page.goto(f"/borgere/{person.pk}/")
    page.get_by_role("link", name="Støtte og planer").click()  # the person page's tab with the case file
    page.get_by_role("link", name="Dokumenter", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dokumenter for Mette Nielsen")
    check_a11y(page, "documents, none yet")

    # A file whose name says PDF but whose content is not: refused, the error on the field.
    page.get_by_label("Fil").set_input_files(
        {"name": "kontrakt.pdf", "mimeType": "application/pdf", "buffer": b"MZ not a pdf"}
    )
    page.get_by_label("Titel").fill("Lejekontrakt")
    page.get_by_role("button", name="Gem dokumentet").click()
    expect(page.locator("#id_file-error")).to_contain_text("ikke en af de tilladte typer")
    check_a11y(page, "documents with a refused file")

    plain = pdf_bytes("Samtykkeerklæring", ["Mette Nielsen giver samtykke."])
    page.get_by_label("Fil").set_input_files(
        {"name": "samtykke.pdf", "mimeType": "application/pdf", "buffer": plain}
    )
    page.get_by_label("Type").select_option(label="Samtykkeerklæring")
    page.get_by_label("Titel").fill("Samtykke til boligorganisationen")
    page.get_by_label("Udløber").fill((timezone.localdate() + timedelta(days=14)).isoformat())
    page.get_by_role("button", name="Gem dokumentet").click()
    expect(page.get_by_role("status")).to_have_text("Dokumentet er gemt.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Samtykke til boligorganisationen")
    expect(page.get_by_text("Udløber snart")).to_be_visible()
    check_a11y(page, "the document's page")

    with page.expect_download() as info:
        page.get_by_role("link", name="Hent dokumentet").click()
    download = info.value
    assert download.suggested_filename == "samtykke.pdf"
    target = tmp_path / "hentet.pdf"
    download.save_as(target)
    assert target.read_bytes() == plain

    page.get_by_role("link", name="Tilbage til dokumenterne").click()
    expect(page.get_by_role("link", name="Samtykke til boligorganisationen")).to_be_visible()
    check_a11y(page, "documents with one document")


def test_write_a_note_from_a_template(page, login_as, e2e_users, some_people):
    person = some_people["Jens Hansen"]
    login_as(e2e_users["outreach"])
    page.goto(f"/borgere/{person.pk}/")
    page.get_by_role("link", name="Støtte og planer").click()  # the person page's tab with the case file
    page.get_by_role("link", name="Journal", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Journal for Jens Hansen")
    check_a11y(page, "the journal, empty")

    page.get_by_role("link", name="Hjemmebesøg").click()
    text = page.locator("#id_text")
    expect(text).to_have_value(
        "Formål med besøget:\n\n\nHvordan går det i boligen:\n\n\nBorgerens egne ord, ønsker og mål:\n\n\n"
        "Aftaler:\n\n\nNæste kontakt:\n"
    )
    check_a11y(page, "a new note from the home visit template")
    text.fill("Formål med besøget:\nSe den nye lejlighed.\n\nAftaler:\nVi mødes igen på fredag.")
    page.get_by_role("button", name="Gem noten").click()
    expect(page.get_by_role("status")).to_have_text("Noten er gemt i journalen.")
    expect(page.locator(".hf-note-text").first).to_contain_text("Se den nye lejlighed.")
    check_a11y(page, "the journal with a note")

    page.get_by_role("link", name="Hjemmebesøg,").click()
    page.get_by_role("link", name="Ret noten").click()
    page.locator("#id_text").fill("Formål med besøget:\nSe den nye lejlighed på 2. sal.")
    page.get_by_label("Hvad rettes, og hvorfor?").fill("Etagen manglede")
    check_a11y(page, "correcting a note")
    page.get_by_role("button", name="Gem rettelsen").click()
    expect(page.get_by_role("status")).to_have_text("Rettelsen er gemt som en ny version.")
    expect(page.get_by_role("heading", name="Version 1")).to_be_visible()
    expect(page.get_by_text("Rettelse: Etagen manglede")).to_be_visible()
    check_a11y(page, "the note with its history")
