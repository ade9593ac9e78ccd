"""The case file's pages: upload and open a document, the journal with templates, who sees what."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from accounts.roles import Role
from audit.models import AccessLogEntry, Action
from casefile.models import Document, Note
from casefile.samples import pdf_bytes, png_bytes
from casefile.tests.helpers import make_document, make_note

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(worker_a, person_factory, users_a):
    person = person_factory(worker_a, first_name="Karen", last_name="Kastrup")
    person.workers.set([users_a[Role.SUPPORT_WORKER]])
    return person


def docs_url(person):
    return f"/borgere/{person.pk}/dokumenter/"


def journal_url(person):
    return f"/borgere/{person.pk}/journal/"


def test_the_person_page_links_to_documents_and_journal_for_the_roles_that_may_open_them(
    person, users_a, login
):
    for role, documents, journal in [
        (Role.SUPPORT_WORKER, True, True),
        (Role.OUTREACH_WORKER, True, True),
        (Role.LEADER, True, True),
        (Role.HOUSING_BROKER, True, False),
    ]:
        html = login(users_a[role]).get(f"/borgere/{person.pk}/").content.decode()
        assert (docs_url(person) in html) is documents, role
        assert (journal_url(person) in html) is journal, role


@pytest.mark.parametrize("role", [Role.ANALYST, Role.ADMINISTRATOR])
def test_analysts_and_administrators_never_open_the_case_file(person, users_a, login, role):
    doc = make_document(person)
    note = make_note(person, user=users_a[Role.LEADER])
    client = login(users_a[role])
    for url in (
        docs_url(person),
        f"{docs_url(person)}{doc.pk}/",
        f"{docs_url(person)}{doc.pk}/hent/",
        journal_url(person),
        f"{journal_url(person)}ny/",
        f"{journal_url(person)}{note.pk}/",
    ):
        assert client.get(url).status_code == 403, url


def test_the_broker_sees_documents_but_not_the_journal(person, users_a, login):
    client = login(users_a[Role.HOUSING_BROKER])
    assert client.get(docs_url(person)).status_code == 200
    assert client.get(journal_url(person)).status_code == 403


def test_upload_a_document_and_open_it(person, users_a, login):
    client = login(users_a[Role.SUPPORT_WORKER])
    page = client.get(docs_url(person))
    assert 'enctype="multipart/form-data"' in page.content.decode()
    plain = pdf_bytes("Samtykke", ["Til boligorganisationen"])
    expires = timezone.localdate() + timedelta(days=20)
    response = client.post(
        docs_url(person),
        {
            "file": SimpleUploadedFile("samtykke.pdf", plain, content_type="application/pdf"),
            "kind": "consent",
            "title": "Samtykke til boligorganisationen",
            "expires_on": expires.isoformat(),
        },
    )
    doc = Document.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{docs_url(person)}{doc.pk}/"
    detail = client.get(response["Location"]).content.decode()
    assert "Samtykke til boligorganisationen" in detail and "Udløber snart" in detail
    download = client.get(f"{docs_url(person)}{doc.pk}/hent/")
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == plain
    assert download["Content-Type"] == "application/pdf"
    assert (
        download["Content-Disposition"].startswith("attachment")
        and "samtykke.pdf" in download["Content-Disposition"]
    )
    assert "no-store" in download["Cache-Control"] and download["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download["Content-Security-Policy"]
    actions = list(
        AccessLogEntry.objects.filter(person_id=person.pk, purpose="Dokumenter").values_list(
            "action", flat=True
        )
    )
    assert actions.count(Action.CREATE) == 1 and actions.count(Action.EXPORT) == 1
    assert actions.count(Action.READ) >= 2  # the list and the document's page


def test_a_refused_file_is_shown_on_the_file_field(person, users_a, login):
    client = login(users_a[Role.SUPPORT_WORKER])
    response = client.post(
        docs_url(person),
        {
            "file": SimpleUploadedFile("kontrakt.pdf", png_bytes(), content_type="application/pdf"),
            "kind": "lease",
            "title": "Lejekontrakt",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and not Document.objects.exists()
    assert 'id="id_file-error"' in html and "indholdet er en PNG-fil" in html
    assert 'aria-describedby="id_file-hint id_file-error"' in html


def test_a_missing_file_is_an_error_not_a_crash(person, users_a, login):
    response = login(users_a[Role.SUPPORT_WORKER]).post(docs_url(person), {"kind": "id", "title": "Pas"})
    assert response.status_code == 200 and "Vælg en fil." in response.content.decode()


def test_delete_a_document_with_a_reason(person, users_a, login):
    doc = make_document(person, user=users_a[Role.SUPPORT_WORKER])
    client = login(users_a[Role.SUPPORT_WORKER])
    assert client.post(f"{docs_url(person)}{doc.pk}/slet/", {"reason": ""}).status_code == 400
    response = client.post(f"{docs_url(person)}{doc.pk}/slet/", {"reason": "Forkert fil"})
    assert response.status_code == 302
    doc.refresh_from_db()
    assert doc.is_deleted
    listing = client.get(docs_url(person)).content.decode()
    assert "Slettet" in listing
    assert client.get(f"{docs_url(person)}{doc.pk}/hent/").status_code == 404


def test_another_worker_sees_no_delete_form_and_is_refused(person, users_a, login):
    doc = make_document(person, user=users_a[Role.SUPPORT_WORKER])
    client = login(users_a[Role.OUTREACH_WORKER])
    assert "/slet/" not in client.get(f"{docs_url(person)}{doc.pk}/").content.decode()
    assert client.post(f"{docs_url(person)}{doc.pk}/slet/", {"reason": "x"}).status_code == 403
    assert not Document.objects.get().is_deleted


def test_a_new_note_starts_from_the_kinds_template(person, users_a, login):
    client = login(users_a[Role.SUPPORT_WORKER])
    html = client.get(f"{journal_url(person)}ny/?type=network_meeting").content.decode()
    assert "Deltagere:" in html and "Aftaler: hvem gør hvad og hvornår:" in html
    assert client.get(f"{journal_url(person)}ny/?type=ukendt").status_code == 200
    response = client.post(
        f"{journal_url(person)}ny/",
        {
            "kind": "network_meeting",
            "written_on": timezone.localdate().isoformat(),
            "text": "Deltagere:\nBorgeren, boligsocial medarbejder.\n\nAftaler:\nMøde igen om en måned.",
        },
    )
    assert response.status_code == 302
    note = Note.objects.get()
    assert note.kind == "network_meeting" and not note.health
    assert "Borgeren, boligsocial medarbejder." in client.get(journal_url(person)).content.decode()


def test_the_checkbox_shows_its_hint_and_the_worker_is_warned(person, users_a, login):
    html = login(users_a[Role.OUTREACH_WORKER]).get(f"{journal_url(person)}ny/").content.decode()
    assert 'id="id_health-hint"' in html and "Så kan kun borgerens egne medarbejdere" in html
    assert "kan du ikke selv læse den bagefter" in html


@pytest.mark.parametrize(
    ("role", "sees"),
    [(Role.SUPPORT_WORKER, True), (Role.LEADER, True), (Role.OUTREACH_WORKER, False)],
)
def test_a_health_note_shows_its_text_only_to_those_who_may_see_health_details(
    person, users_a, login, role, sees
):
    note = make_note(person, user=users_a[Role.SUPPORT_WORKER], text="Diagnosen er KOL.", health=True)
    client = login(users_a[role])
    for url in (journal_url(person), f"{journal_url(person)}{note.pk}/"):
        html = client.get(url).content.decode()
        assert ("Diagnosen er KOL." in html) is sees, (role, url)
        assert "Hjemmebesøg" in html  # that the note exists, and its kind, always show
    log = AccessLogEntry.objects.filter(user=users_a[role], purpose="Journal").latest("id")
    assert ("helbredsoplysninger vist" in log.detail) is sees


def test_correct_a_note_and_see_its_history(person, users_a, login):
    author = users_a[Role.SUPPORT_WORKER]
    note = make_note(person, user=author, text="Første udgave.")
    client = login(author)
    url = f"{journal_url(person)}{note.pk}/ret/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {"written_on": note.written_on.isoformat(), "text": "Anden udgave.", "reason": "Stavefejl"},
    )
    assert response.status_code == 302
    history = client.get(f"{journal_url(person)}{note.pk}/").content.decode()
    assert "Første udgave." in history and "Anden udgave." in history and "Stavefejl" in history
    assert login(users_a[Role.LEADER]).get(url).status_code == 403  # only the author corrects


def test_the_journal_filters_by_episode(person, users_a, login):
    from support.models import SupportEpisode

    today = timezone.localdate()
    episode = SupportEpisode.objects.create(
        municipality=person.municipality, person=person, method="cti", start_date=today, status_since=today
    )
    make_note(person, user=users_a[Role.SUPPORT_WORKER], text="Om forløbet.", episode=episode)
    make_note(person, user=users_a[Role.SUPPORT_WORKER], text="Om noget andet.")
    client = login(users_a[Role.SUPPORT_WORKER])
    html = client.get(f"{journal_url(person)}?forloeb={episode.pk}").content.decode()
    assert "Om forløbet." in html and "Om noget andet." not in html
    assert "Om noget andet." in client.get(f"{journal_url(person)}?forloeb=abc").content.decode()


def test_the_journal_page_reads_a_fixed_number_of_queries(
    person, users_a, login, django_assert_max_num_queries
):
    for i in range(30):
        make_note(person, user=users_a[Role.SUPPORT_WORKER], text=f"Note {i}")
    client = login(users_a[Role.SUPPORT_WORKER])
    client.get(journal_url(person))
    with django_assert_max_num_queries(30) as ctx:
        page = client.get(journal_url(person))
    first = len(ctx.captured_queries)
    for i in range(30):
        make_note(person, user=users_a[Role.LEADER], text=f"Mere {i}")
    with django_assert_max_num_queries(first):
        client.get(journal_url(person))
    assert "side=2" in page.content.decode()  # 25 a page
