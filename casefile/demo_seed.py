"""Demo data for the case file: documents (small PDFs and a PNG made in code, sealed as uploads are) and
journal notes written from the templates, for the demo support worker's citizens and a few of the outreach
worker's. One consent expires within the warning window and one ID has expired, so the front page's
"expiring documents" shows both. Rows are bulk-created (no access log: nobody read anything), called by
demo/loader.py after support/demo_seed.py (the episodes the notes belong to)."""

import hashlib
import uuid
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import storages

from accounts.roles import Role
from people.models import Person
from support.models import EpisodeStatus, SupportEpisode

from .crypto import seal
from .models import Document, DocumentKind, Note, NoteKind, NoteVersion
from .samples import pdf_bytes, png_bytes

CITIZENS = 6  # of the demo support worker's, with documents and notes
OUTREACH_CITIZENS = 3

HOME_VISITS = [
    "Formål med besøget:\nHjælp til at åbne post og betale husleje.\n\n"
    "Hvordan går det i boligen:\nLejligheden er ryddelig; køleskabet virker ikke.\n\n"
    'Borgerens egne ord, ønsker og mål:\n"Jeg vil gerne have min datter på besøg."\n\n'
    "Aftaler:\nVi ringer sammen til viceværten om køleskabet.\n\nNæste kontakt:\nOm en uge.",
    "Formål med besøget:\nOpfølgning på indflytningen.\n\n"
    "Hvordan går det i boligen:\nBorgeren sover i lejligheden de fleste nætter nu.\n\n"
    'Borgerens egne ord, ønsker og mål:\n"Det er stille her. Det er godt."\n\n'
    "Aftaler:\nKøbe gardiner sammen på fredag.\n\nNæste kontakt:\nFredag kl. 10.",
]
NETWORK_MEETINGS = [
    "Deltagere:\nBorgeren, jobcentret, boligsocial medarbejder, støttemedarbejderen.\n\n"
    "Formål med mødet:\nEn fælles plan for økonomien.\n\n"
    "Hvad blev drøftet:\nRestance på el og et afdrag, borgeren kan klare.\n\n"
    "Aftaler: hvem gør hvad og hvornår:\nJobcentret søger enkeltydelse inden næste uge.\n\n"
    "Næste møde:\nOm en måned.",
]
FOLLOW_UPS = [
    "Hvad følges der op på:\nAftalen om at gå til egen læge.\n\nStatus:\nTiden er bestilt.\n\n"
    'Borgerens egne ord:\n"Jeg er nervøs, men jeg går."\n\nAftaler:\nJeg følger med.\n\n'
    "Næste opfølgning:\nEfter lægebesøget.",
]
HEALTH_NOTE = (
    "Hvad følges der op på:\nMedicin efter indlæggelsen.\n\nStatus:\nTager sin medicin; sover bedre.\n\n"
    "Aftaler:\nStøttemedarbejderen taler med distriktspsykiatrien."
)
STREET_NOTES = [
    "Mødt ved banegården. Vil gerne på boligbehovslisten; aftalt at mødes tirsdag.",
    "Sov i trappeopgangen i nat. Fik et sovepose og en kop kaffe; vil ikke på herberget.",
]


def reset(municipalities):
    """Before support's reset deletes the episodes the notes point at; the sealed files go too."""
    ids = [m.pk for m in municipalities]
    Note.objects.filter(municipality_id__in=ids).delete()
    store = storages["documents"]
    for name in Document.objects.filter(municipality_id__in=ids).values_list("storage_name", flat=True):
        store.delete(name)
    Document.objects.filter(municipality_id__in=ids).delete()


def _document(municipality, person, *, kind, title, data, file_name, file_type, expires_on, by):
    name = storages["documents"].save(f"{municipality.pk}/{uuid.uuid4().hex}", ContentFile(seal(data)))
    return Document(
        municipality=municipality,
        person=person,
        kind=kind,
        title=title,
        expires_on=expires_on,
        file_name=file_name,
        file_type=file_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        storage_name=name,
        uploaded_by=by,
    )


def _note(municipality, person, *, kind, written_on, text, by, episode=None, health=False):
    note = Note(
        municipality=municipality,
        person=person,
        episode=episode,
        kind=kind,
        written_on=written_on,
        health=health,
        text=text,
        created_by=by,
    )
    version = NoteVersion(
        municipality=municipality, version=1, written_on=written_on, health=health, text=text, created_by=by
    )
    return note, version


def seed(*, municipality, staff, rng, today, areas):
    main = staff.get(Role.SUPPORT_WORKER)
    outreach = staff.get(Role.OUTREACH_WORKER)
    if main is None:
        return
    episodes = list(
        SupportEpisode.objects.filter(municipality=municipality, worker=main, status=EpisodeStatus.ACTIVE)
        .select_related("person")
        .order_by("id")[:CITIZENS]
    )
    documents, notes = [], []
    for i, episode in enumerate(episodes):
        person = episode.person
        name = person.display_name
        lease_start = max(episode.start_date, today - timedelta(days=200))
        documents.append(
            _document(
                municipality,
                person,
                kind=DocumentKind.LEASE,
                title=f"Lejekontrakt, {rng.choice(areas) if areas else 'lejlighed'}",
                data=pdf_bytes(
                    "Lejekontrakt", [f"Lejer: {name}", f"Lejeforholdet begynder {lease_start:%d.%m.%Y}."]
                ),
                file_name="lejekontrakt.pdf",
                file_type="pdf",
                expires_on=None,
                by=main,
            )
        )
        # The first citizen's consent runs out within the warning window; the second's ID has run out.
        consent_expires = today + timedelta(days=12) if i == 0 else today + timedelta(days=300 + 30 * i)
        documents.append(
            _document(
                municipality,
                person,
                kind=DocumentKind.CONSENT,
                title="Samtykke til at dele oplysninger med boligorganisationen",
                data=pdf_bytes(
                    "Samtykkeerklæring",
                    [
                        f"{name} giver samtykke til, at oplysninger om bolig og støtte deles",
                        "med boligorganisationen.",
                    ],
                ),
                file_name="samtykke.pdf",
                file_type="pdf",
                expires_on=consent_expires,
                by=main,
            )
        )
        if i in (1, 3):
            documents.append(
                _document(
                    municipality,
                    person,
                    kind=DocumentKind.ID,
                    title="Foto af sundhedskort",
                    data=png_bytes(96, 60, (200, 220, 240)),
                    file_name="sundhedskort.png",
                    file_type="png",
                    expires_on=today - timedelta(days=5) if i == 1 else today + timedelta(days=900),
                    by=main,
                )
            )
        texts = [
            (NoteKind.HOME_VISIT, HOME_VISITS[i % len(HOME_VISITS)], 2 + i, False),
            (NoteKind.NETWORK_MEETING, NETWORK_MEETINGS[0], 9 + i, False),
            (NoteKind.FOLLOW_UP, FOLLOW_UPS[0], 16 + i, False),
        ]
        if i % 2 == 0:
            texts.append((NoteKind.FOLLOW_UP, HEALTH_NOTE, 5 + i, True))
        for kind, text, back, health in texts:
            written = max(episode.start_date, today - timedelta(days=back))
            notes.append(
                _note(
                    municipality,
                    person,
                    kind=kind,
                    written_on=written,
                    text=text,
                    by=main,
                    episode=episode,
                    health=health,
                )
            )
    if outreach is not None:
        street = Person.objects.filter(municipality=municipality, workers=outreach).order_by("id")[
            :OUTREACH_CITIZENS
        ]
        for j, person in enumerate(street):
            for k, text in enumerate(STREET_NOTES):
                notes.append(
                    _note(
                        municipality,
                        person,
                        kind=NoteKind.FREE,
                        written_on=today - timedelta(days=3 + 7 * k + j),
                        text=text,
                        by=outreach,
                    )
                )
    Document.objects.bulk_create(documents)
    created = Note.objects.bulk_create([n for n, _ in notes])
    for note, (_, version) in zip(created, notes, strict=True):
        version.note = note
    NoteVersion.objects.bulk_create([v for _, v in notes])
