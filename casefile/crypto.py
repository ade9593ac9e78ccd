"""Documents encrypted at rest (Fernet, core/crypto.py's key derivation): the storage (disk or bucket)
only ever holds the sealed bytes.

The key is ``DOCUMENT_ENCRYPTION_KEY``; several secrets separated by commas while a key is rotated: the
first encrypts, each of them decrypts (MultiFernet). Unset, the documents are sealed with a key derived
from ``CPR_ENCRYPTION_KEY``, as the platform's other sealed values are; an installation that later sets a
dedicated key lists the CPR key's secret after it until every document has been sealed again.
"""

from cryptography.fernet import MultiFernet
from django.conf import settings

from core.crypto import fernet_from


def _secrets() -> list[str]:
    own = [s.strip() for s in (getattr(settings, "DOCUMENT_ENCRYPTION_KEY", "") or "").split(",")]
    return [s for s in own if s] or [settings.CPR_ENCRYPTION_KEY]


def document_fernet() -> MultiFernet:
    return MultiFernet([fernet_from(s) for s in _secrets()])


def seal(data: bytes) -> bytes:
    return document_fernet().encrypt(data)


def unseal(token: bytes) -> bytes:
    return document_fernet().decrypt(token)
