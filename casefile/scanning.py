"""The virus-scanning hook (casefile/conf.py VIRUS_SCANNER): every document passes it before it is stored.

The setting names a callable ``scan(data, *, filename, content_type)``. It returns None (or True) to
accept; a reason (a string, or False) to refuse. An exception counts as "not scanned" and refuses too, so
a scanner that is down never lets a file through unchecked.
"""

import logging

from django.utils.module_loading import import_string

from . import conf

logger = logging.getLogger(__name__)

NOT_SCANNED = "not_scanned"


def scan(data: bytes, *, filename: str, content_type: str) -> str | None:
    """None when the document may be stored; else why not (the scanner's reason, or NOT_SCANNED)."""
    path = conf.value("VIRUS_SCANNER")
    if not path:
        return None
    try:
        scanner = import_string(path) if isinstance(path, str) else path
        verdict = scanner(data, filename=filename, content_type=content_type)
    except Exception:
        logger.exception("The virus scanner %s failed; the document was refused", path)
        return NOT_SCANNED
    if verdict is None or verdict is True:
        return None
    return str(verdict) if verdict else "refused"
