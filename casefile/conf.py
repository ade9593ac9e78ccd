"""The case file's settings: defaults with their units and reasons; read with ``value`` (core/conf.py).
An installation overrides them in settings.HF["CASEFILE"] (the virus scanner from the environment,
``DOCUMENT_VIRUS_SCANNER``, config/settings/base.py)."""

from django.utils.translation import gettext_lazy as _

from core.conf import AppSettings

DEFAULTS = {
    # Bytes. A scanned lease or ID is well below this; a phone photo of a paper about 2-5 MB.
    "MAX_UPLOAD_BYTES": 10 * 1024 * 1024,
    # The file types a document may be, read from its content (casefile/filetypes.py): PDF, JPEG, PNG.
    "ALLOWED_TYPES": ("pdf", "jpeg", "png"),
    # Days ahead an expiry date makes a document show on the front page ("I dag"), besides expired ones.
    "EXPIRY_WARNING_DAYS": 30,
    # At most this many expiring documents in one call of selectors.expiring_documents.
    "EXPIRING_LIMIT": 20,
    # Years ahead an expiry date may lie (a Danish passport holds 10 years, a driving licence 15).
    "EXPIRY_YEARS_AHEAD": 15,
    # A virus scanner every document passes before it is stored: the dotted path of a callable
    # ``scan(data: bytes, *, filename: str, content_type: str)`` that returns None (or True) to accept and a
    # reason (a string, or False) to refuse; if it raises, the document is refused as not scanned (fail
    # closed). None: no scanner. casefile/scanners.py has one for ClamAV's clamd.
    "VIRUS_SCANNER": None,
    # Journal notes and documents shown per page.
    "LIST_PAGE_SIZE": 25,
    # The headings a note's template writes for the worker to write under, per kind of note
    # (a home visit, a network meeting, a follow-up; a free note has none).
    "NOTE_TEMPLATES": {
        "home_visit": [
            _("Formål med besøget"),
            _("Hvordan går det i boligen"),
            _("Borgerens egne ord, ønsker og mål"),
            _("Aftaler"),
            _("Næste kontakt"),
        ],
        "network_meeting": [
            _("Deltagere"),
            _("Formål med mødet"),
            _("Hvad blev drøftet"),
            _("Aftaler: hvem gør hvad og hvornår"),
            _("Næste møde"),
        ],
        "follow_up": [
            _("Hvad følges der op på"),
            _("Status"),
            _("Borgerens egne ord"),
            _("Aftaler"),
            _("Næste opfølgning"),
        ],
        "free": [],
    },
}

value = AppSettings("CASEFILE", DEFAULTS)


def note_template(kind: str) -> str:
    """The text a new note of this kind starts with: each heading on its own line, a blank line after it."""
    headings = value("NOTE_TEMPLATES").get(kind) or []
    return "".join(f"{heading}:\n\n\n" for heading in headings).rstrip("\n") + ("\n" if headings else "")
