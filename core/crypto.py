"""Encryption at rest with the platform's key (Fernet): CPR numbers, sealed uploads, a form kept across
a login; citizens' documents use the same derivation with their own key (casefile/crypto.py). One key derivation, so every sealed value can be read back by the same rule."""

import base64
import hashlib
from collections.abc import Iterable, Iterator

from cryptography.fernet import Fernet
from django.conf import settings


def fernet_from(secret: str) -> Fernet:
    """A Fernet for any secret: a proper 32-byte url-safe key is derived from it (SHA-256)."""
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(secret.encode()).digest()))


def fernet() -> Fernet:
    return fernet_from(settings.CPR_ENCRYPTION_KEY)


def encrypt(value: str) -> str:
    return fernet().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    return fernet().decrypt(token.encode()).decode()


# A sealed file is a series of blocks, each sealed on its own, so neither sealing nor opening ever holds
# more than one block (plus its token) in memory, whatever the file's size (issue 11: export memory).
SEAL_BLOCK_BYTES = (
    128 * 1024
)  # measured: 1 MiB blocks cost ~13 MB of peak memory (copies while sealing and storing), 128 KiB ~2 MB


def seal_blocks(file, *, block_bytes: int | None = None) -> Iterator[bytes]:
    """``file`` read from where it stands in blocks, each block's token in turn."""
    key, size = fernet(), block_bytes or SEAL_BLOCK_BYTES
    while block := file.read(size):
        yield key.encrypt(block)


def open_blocks(tokens: Iterable[bytes], out) -> None:
    """Write the blocks sealed by ``seal_blocks`` back into ``out``, in order."""
    key = fernet()
    for token in tokens:
        out.write(key.decrypt(bytes(token)))
