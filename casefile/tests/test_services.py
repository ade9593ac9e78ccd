"""Documents and journal notes through the services: encryption at rest, checks, refusals, the log."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.http import Http404
from django.utils import timezone

from accounts.roles import Role
from audit.models import AccessLogEntry, Action
from casefile import selectors, services
from casefile.models import Document, Note, NoteVersion
from casefile.samples import pdf_bytes, png_bytes
from casefile.services import CasefileError
from support.models import SupportEpisode

pytestmark = pytest.mark.django_db

SECRET_LINE = "CPR 010203-1234 og diagnosen står her"


@pytest.fixture
def actors(users_a, municipality_a, actor_factory):
    return {role: actor_factory(users_a[role], municipality_a, role) for role in Role}


@pytest.fixture
def person(actors, person_factory):
    person = person_factory(actors[Role.OUTREACH_WORKER], first_name="Karen", last_name="Kastrup")
    person.workers.clear()  # whose own citizen she is, each test says
    return person


def upload(actor, person, *, data=None, name="samtykke.pdf", **kw):
    fields = {"kind": "consent", "title": "Samtykkeerklæring", "expires_on": None} | kw
    return services.document_upload(
        actor=actor,
        person=person,
        file_name=name,
        data=data if data is not None else pdf_bytes("Samtykke", [SECRET_LINE]),
        **fields,
    )


# --- documents: encryption at rest ----------------------------------------------------------------


def test_the_stored_bytes_are_sealed_never_the_plaintext(actors, person, documents_in_tmp):
    plain = pdf_bytes("Samtykke", [SECRET_LINE])
    doc = upload(actors[Role.SUPPORT_WORKER], person, data=plain)
    files = [p for p in documents_in_tmp.rglob("*") if p.is_file()]
    assert len(files) == 1
    stored = files[0].read_bytes()
    assert stored != plain
    assert b"%PDF" not in stored and SECRET_LINE.encode() not in stored
    assert doc.storage_name.startswith(f"{person.municipality_id}/")
    assert "Karen" not in doc.storage_name and "Kastrup" not in doc.storage_name


def test_a_document_downloads_as_it_was_uploaded(actors, person):
    plain = png_bytes()
    doc = upload(actors[Role.SUPPORT_WORKER], person, data=plain, name="id.png", kind="id", title="Pas")
    got, data = selectors.document_download(actors[Role.LEADER], person.pk, doc.pk)
    assert data == plain and got.file_type == "png" and got.size == len(plain)


def test_a_dedicated_key_encrypts_and_the_old_key_still_decrypts_while_rotating(actors, person, settings):
    settings.DOCUMENT_ENCRYPTION_KEY = ""
    old = upload(actors[Role.SUPPORT_WORKER], person)
    settings.DOCUMENT_ENCRYPTION_KEY = f"new-secret,{settings.CPR_ENCRYPTION_KEY}"
    new = upload(actors[Role.SUPPORT_WORKER], person)
    assert selectors.document_download(actors[Role.LEADER], person.pk, old.pk)[1].startswith(b"%PDF")
    settings.DOCUMENT_ENCRYPTION_KEY = "new-secret"
    assert selectors.document_download(actors[Role.LEADER], person.pk, new.pk)[1].startswith(b"%PDF")


def test_bytes_changed_in_the_store_are_not_served(actors, person, documents_in_tmp):
    from casefile.crypto import seal

    doc = upload(actors[Role.SUPPORT_WORKER], person)
    with storages["documents"].open(doc.storage_name, "wb") as f:
        f.write(seal(pdf_bytes("Noget andet")))
    with pytest.raises(ValueError, match="hash"):
        selectors.document_download(actors[Role.LEADER], person.pk, doc.pk)


# --- documents: checks and refusals ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "field", "text"),
    [
        (b"MZ\x90\x00 a program", "kontrakt.pdf", "file", "ikke en af de tilladte typer"),
        (png_bytes(), "kontrakt.pdf", "file", "indholdet er en PNG-fil"),
        (b"", "tom.pdf", "file", "tom"),
    ],
)
def test_a_file_of_the_wrong_kind_is_refused_and_nothing_is_stored(
    actors, person, documents_in_tmp, data, name, field, text
):
    with pytest.raises(CasefileError) as err:
        upload(actors[Role.SUPPORT_WORKER], person, data=data, name=name)
    assert err.value.field == field and text in err.value.message
    assert not Document.objects.exists()
    assert not [p for p in documents_in_tmp.rglob("*") if p.is_file()]


def test_a_file_over_the_size_limit_is_refused(actors, person, settings):
    settings.HF = {**settings.HF, "CASEFILE": {"MAX_UPLOAD_BYTES": 1024 * 1024}}
    with pytest.raises(CasefileError, match="mere end 1 MB"):
        upload(actors[Role.SUPPORT_WORKER], person, data=b"%PDF-" + b"0" * (1024 * 1024))


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"kind": "passport"}, "kind"),
        ({"title": "   "}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"expires_on": timezone.localdate().replace(year=timezone.localdate().year + 16)}, "expires_on"),
    ],
)
def test_bad_fields_are_refused_on_their_field(actors, person, fields, field):
    with pytest.raises(CasefileError) as err:
        upload(actors[Role.SUPPORT_WORKER], person, **fields)
    assert err.value.field == field


def test_an_expiry_date_in_the_past_is_accepted_for_an_expired_paper(actors, person):
    doc = upload(actors[Role.SUPPORT_WORKER], person, expires_on=timezone.localdate() - timedelta(days=3))
    assert doc.expires_on < timezone.localdate()


def refuse_all(data, *, filename, content_type):
    return "Eicar-Test-Signature"


def accept_all(data, *, filename, content_type):
    assert data.startswith(b"%PDF") and filename == "samtykke.pdf" and content_type == "application/pdf"
    return None


def broken_scanner(data, *, filename, content_type):
    raise ConnectionRefusedError("clamd is down")


def test_the_virus_scanner_sees_the_bytes_before_they_are_stored(actors, person, settings):
    settings.HF = {**settings.HF, "CASEFILE": {"VIRUS_SCANNER": f"{__name__}.accept_all"}}
    assert upload(actors[Role.SUPPORT_WORKER], person).pk


def test_the_virus_scanner_may_refuse_a_document(actors, person, settings, documents_in_tmp):
    settings.HF = {**settings.HF, "CASEFILE": {"VIRUS_SCANNER": f"{__name__}.refuse_all"}}
    with pytest.raises(CasefileError, match="Eicar-Test-Signature"):
        upload(actors[Role.SUPPORT_WORKER], person)
    assert not Document.objects.exists() and not list(documents_in_tmp.rglob("*.*"))


def test_a_scanner_that_fails_refuses_the_document(actors, person, settings):
    settings.HF = {**settings.HF, "CASEFILE": {"VIRUS_SCANNER": f"{__name__}.broken_scanner"}}
    with pytest.raises(CasefileError, match="kunne ikke virusscannes"):
        upload(actors[Role.SUPPORT_WORKER], person)


@pytest.mark.parametrize("role", [Role.ANALYST, Role.ADMINISTRATOR])
def test_roles_without_case_documents_are_refused_by_the_service(actors, person, role):
    with pytest.raises(PermissionDenied):
        upload(actors[role], person)


def test_the_broker_may_upload_documents(actors, person):
    assert upload(actors[Role.HOUSING_BROKER], person, kind="lease", title="Lejekontrakt").pk


def test_a_person_of_another_municipality_is_refused(
    actors, users_b, municipality_b, actor_factory, person_factory
):
    other = person_factory(actor_factory(users_b[Role.OUTREACH_WORKER], municipality_b, Role.OUTREACH_WORKER))
    with pytest.raises(PermissionDenied):
        upload(actors[Role.LEADER], other)
    with pytest.raises(Http404):
        selectors.document_view(actors[Role.LEADER], other.pk, 1)


def test_an_upload_is_logged_with_its_purpose(actors, person):
    doc = upload(actors[Role.SUPPORT_WORKER], person)
    row = AccessLogEntry.objects.get(person_id=person.pk, action=Action.CREATE, purpose="Dokumenter")
    assert "Samtykkeerklæring" in row.detail and row.changes["document"] == ["", doc.pk]


def test_viewing_and_downloading_are_logged(actors, person):
    doc = upload(actors[Role.SUPPORT_WORKER], person)
    leader = actors[Role.LEADER]
    selectors.document_view(leader, person.pk, doc.pk)
    selectors.document_download(leader, person.pk, doc.pk)
    rows = AccessLogEntry.objects.filter(person_id=person.pk, user=leader.user).order_by("id")
    assert [(r.action, r.purpose) for r in rows] == [
        (Action.READ, "Dokumenter"),
        (Action.EXPORT, "Dokumenter"),
    ]
    assert "hentet" in rows[1].detail


# --- documents: deletion --------------------------------------------------------------------------


def test_deleting_needs_a_reason_removes_the_bytes_and_keeps_the_row(
    actors, person, documents_in_tmp, django_capture_on_commit_callbacks
):
    worker = actors[Role.SUPPORT_WORKER]
    doc = upload(worker, person)
    with pytest.raises(CasefileError) as err:
        services.document_delete(actor=worker, document=doc, reason="  ")
    assert err.value.field == "reason"
    with django_capture_on_commit_callbacks(execute=True):
        services.document_delete(actor=worker, document=doc, reason="Forkert borger")
    doc.refresh_from_db()
    assert doc.is_deleted and doc.delete_reason == "Forkert borger" and doc.deleted_by == worker.user
    assert not [p for p in documents_in_tmp.rglob("*") if p.is_file()]
    row = AccessLogEntry.objects.get(person_id=person.pk, action=Action.DELETE)
    assert "Forkert borger" in row.detail
    with pytest.raises(Http404):
        selectors.document_download(actors[Role.LEADER], person.pk, doc.pk)
    with pytest.raises(CasefileError, match="allerede slettet"):
        services.document_delete(actor=worker, document=doc, reason="Igen")


def test_only_the_uploader_or_a_leader_may_delete(actors, person):
    doc = upload(actors[Role.SUPPORT_WORKER], person)
    for role in (Role.OUTREACH_WORKER, Role.HOUSING_BROKER, Role.ANALYST, Role.ADMINISTRATOR):
        with pytest.raises(PermissionDenied):
            services.document_delete(actor=actors[role], document=doc, reason="Forkert")
    services.document_delete(actor=actors[Role.LEADER], document=doc, reason="Forkert")


# --- expiring documents (the front page's "I dag") ------------------------------------------------


@pytest.fixture
def today():
    return timezone.localdate()


def test_expiring_documents_lists_expired_and_soon_to_expire_own_citizens_documents(
    actors, person, person_factory, today
):
    worker = actors[Role.SUPPORT_WORKER]
    person.workers.add(worker.user)
    other = person_factory(actors[Role.OUTREACH_WORKER], first_name="Ole", last_name="Andersen")
    expired = upload(worker, person, title="Gammelt samtykke", expires_on=today - timedelta(days=2))
    soon = upload(worker, person, kind="id", title="Pas", expires_on=today + timedelta(days=10))
    upload(worker, person, kind="lease", title="Lejekontrakt", expires_on=today + timedelta(days=200))
    upload(worker, person, kind="other", title="Uden udløb")
    upload(worker, other, title="Ikke min borger", expires_on=today)
    items = selectors.expiring_documents(worker, today=today)
    assert [(i.title, i.expired, i.days_left) for i in items] == [
        ("Gammelt samtykke", True, -2),
        ("Pas", False, 10),
    ]
    assert items[0].person == person and items[0].url == f"/borgere/{person.pk}/dokumenter/{expired.pk}/"
    assert items[1].document_id == soon.pk and items[1].kind_label == "Legitimation"
    reads = AccessLogEntry.objects.filter(action=Action.READ, purpose="Dokumenter der udløber")
    assert list(reads.values_list("person_id", flat=True)) == [person.pk]


def test_a_renewed_or_deleted_document_leaves_the_list(actors, person, today):
    worker = actors[Role.SUPPORT_WORKER]
    person.workers.add(worker.user)
    upload(worker, person, title="Samtykke 2025", expires_on=today - timedelta(days=1))
    passport = upload(worker, person, kind="id", title="Pas", expires_on=today + timedelta(days=5))
    assert len(selectors.expiring_documents(worker, today=today)) == 2
    upload(worker, person, title="Samtykke 2026", expires_on=today + timedelta(days=365))
    services.document_delete(actor=worker, document=passport, reason="Forkert fil")
    assert selectors.expiring_documents(worker, today=today) == []


def test_expiring_documents_is_bounded_and_takes_a_list_of_people(actors, person, person_factory, today):
    worker, leader = actors[Role.SUPPORT_WORKER], actors[Role.LEADER]
    for i in range(5):
        upload(worker, person, title=f"Dokument {i}", expires_on=today + timedelta(days=i))
    assert selectors.expiring_documents(leader, today=today) == []  # not the leader's own citizen
    items = selectors.expiring_documents(leader, today=today, people=[person.pk], limit=3)
    assert [i.title for i in items] == ["Dokument 0", "Dokument 1", "Dokument 2"]


def test_expiring_documents_takes_two_queries_however_many_documents(
    actors, person, person_factory, today, django_assert_num_queries
):
    worker = actors[Role.SUPPORT_WORKER]
    for i in range(4):
        p = person_factory(actors[Role.OUTREACH_WORKER], first_name=f"P{i}", last_name="Hansen")
        p.workers.add(worker.user)
        upload(worker, p, expires_on=today + timedelta(days=i))
    with django_assert_num_queries(2):  # the documents with their people, one log statement
        items = selectors.expiring_documents(worker, today=today)
        assert len({i.person.display_name for i in items}) == 4


def test_expiring_documents_never_crosses_municipalities(
    actors, person, users_b, municipality_b, actor_factory, person_factory, today
):
    worker_b = actor_factory(users_b[Role.SUPPORT_WORKER], municipality_b, Role.SUPPORT_WORKER)
    upload(actors[Role.SUPPORT_WORKER], person, expires_on=today)
    person.workers.add(worker_b.user)  # even a wrong worker link does not cross over
    assert selectors.expiring_documents(worker_b, today=today) == []
    assert selectors.expiring_documents(worker_b, today=today, people=[person.pk]) == []


def test_expiring_documents_refuses_roles_without_documents(actors, today):
    with pytest.raises(PermissionDenied):
        selectors.expiring_documents(actors[Role.ANALYST], today=today)


# --- journal notes --------------------------------------------------------------------------------


def write(actor, person, **kw):
    fields = {
        "kind": "home_visit",
        "written_on": timezone.localdate(),
        "text": "Formål med besøget:\nHjælp til post.",
        "health": False,
    } | kw
    return services.note_write(actor=actor, person=person, **fields)


def test_a_note_is_written_with_its_first_version_and_logged(actors, person):
    note = write(actors[Role.OUTREACH_WORKER], person)
    assert note.version == 1 and note.versions.get().text == note.text
    row = AccessLogEntry.objects.get(person_id=person.pk, action=Action.CREATE, purpose="Journal")
    assert "Hjemmebesøg" in row.detail and "post" not in row.detail  # the text itself is not logged


def test_a_note_may_concern_one_of_the_persons_support_episodes(actors, person, person_factory):
    episode = SupportEpisode.objects.create(
        municipality=person.municipality,
        person=person,
        method="icm",
        start_date=timezone.localdate(),
        status_since=timezone.localdate(),
    )
    assert write(actors[Role.SUPPORT_WORKER], person, episode=episode).episode == episode
    other = person_factory(actors[Role.OUTREACH_WORKER], first_name="Ib", last_name="Berg")
    with pytest.raises(CasefileError) as err:
        write(actors[Role.SUPPORT_WORKER], other, episode=episode)
    assert err.value.field == "episode"


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"text": "  "}, "text"),
        ({"kind": "diary"}, "kind"),
        ({"written_on": timezone.localdate() + timedelta(days=1)}, "written_on"),
        ({"written_on": None}, "written_on"),
    ],
)
def test_bad_notes_are_refused_on_their_field(actors, person, fields, field):
    with pytest.raises(CasefileError) as err:
        write(actors[Role.SUPPORT_WORKER], person, **fields)
    assert err.value.field == field
    assert not Note.objects.exists()


def test_the_template_alone_is_not_a_note(actors, person):
    from casefile.conf import note_template

    with pytest.raises(CasefileError, match="under overskrifterne"):
        write(
            actors[Role.SUPPORT_WORKER], person, kind="network_meeting", text=note_template("network_meeting")
        )


@pytest.mark.parametrize("role", [Role.HOUSING_BROKER, Role.ANALYST, Role.ADMINISTRATOR])
def test_roles_without_the_journal_may_not_write_or_read_it(actors, person, role):
    with pytest.raises(PermissionDenied):
        write(actors[role], person)
    with pytest.raises(PermissionDenied):
        selectors.notes_page(actors[role], person, show_health=False)


def test_a_correction_is_a_new_version_and_the_old_one_stays(actors, person):
    author = actors[Role.SUPPORT_WORKER]
    note = write(author, person, text="Borgeren virkede glad.")
    note = services.note_correct(
        actor=author,
        note=note,
        text="Borgeren virkede glad og træt.",
        written_on=note.written_on,
        health=False,
        reason="Glemte at skrive, at han var træt",
    )
    assert note.version == 2 and note.text == "Borgeren virkede glad og træt."
    versions = list(NoteVersion.objects.filter(note=note).order_by("version").values_list("text", "reason"))
    assert versions == [
        ("Borgeren virkede glad.", ""),
        ("Borgeren virkede glad og træt.", "Glemte at skrive, at han var træt"),
    ]
    row = AccessLogEntry.objects.get(person_id=person.pk, action=Action.UPDATE)
    assert row.changes["version"] == [1, 2]


def test_a_correction_needs_a_reason_and_a_change(actors, person):
    author = actors[Role.SUPPORT_WORKER]
    note = write(author, person)
    same = {"text": note.text, "written_on": note.written_on, "health": False}
    with pytest.raises(CasefileError) as err:
        services.note_correct(actor=author, note=note, reason="", **(same | {"text": "Nyt"}))
    assert err.value.field == "reason"
    with pytest.raises(CasefileError, match="Intet er ændret"):
        services.note_correct(actor=author, note=note, reason="Ingen", **same)


def test_only_the_author_corrects_a_note(actors, person):
    note = write(actors[Role.SUPPORT_WORKER], person)
    for role in (Role.LEADER, Role.OUTREACH_WORKER):
        with pytest.raises(PermissionDenied):
            services.note_correct(
                actor=actors[role],
                note=note,
                text="Andet",
                written_on=note.written_on,
                health=False,
                reason="x",
            )


def test_notes_are_never_deleted_by_the_platform():
    assert not hasattr(services, "note_delete")


# --- health notes ---------------------------------------------------------------------------------


@pytest.fixture
def health_note(actors, person):
    person.workers.add(actors[Role.SUPPORT_WORKER].user)
    return write(actors[Role.SUPPORT_WORKER], person, text="Diagnose: diabetes.", health=True)


def shown(actor, person):
    _person, show_health = selectors.case_person(
        actor, person.pk, capability="journal", purpose="Journal", what="test"
    )
    return selectors.notes_page(actor, person, show_health=show_health).object_list[0]


def test_a_health_note_shows_to_the_own_worker_and_the_leader(actors, person, health_note):
    for role in (Role.SUPPORT_WORKER, Role.LEADER):
        row = shown(actors[role], person)
        assert not row.hidden and row.text == "Diagnose: diabetes."


def test_a_health_note_shows_only_that_it_exists_to_other_workers(actors, person, health_note):
    row = shown(actors[Role.OUTREACH_WORKER], person)
    assert row.hidden and row.text == "" and row.note.created_by == actors[Role.SUPPORT_WORKER].user
    versions = selectors.note_versions(actors[Role.OUTREACH_WORKER], health_note, show_health=False)
    assert versions[0]["hidden"] and versions[0]["text"] == ""
    log = AccessLogEntry.objects.filter(user=actors[Role.OUTREACH_WORKER].user).latest("id")
    assert "helbredsoplysninger skjult" in log.detail


def test_a_health_note_cannot_be_corrected_by_its_author_who_may_no_longer_see_it(actors, person):
    outreach = actors[Role.OUTREACH_WORKER]
    note = write(outreach, person, text="Fortalte om sit hjerte.", health=True)
    with pytest.raises(PermissionDenied):
        services.note_correct(
            actor=outreach, note=note, text="Andet", written_on=note.written_on, health=True, reason="x"
        )
