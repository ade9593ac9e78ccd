"""Encryption at rest with the platform's key (Fernet): CPR numbers, sealed uploads, a form kept across
a login; citizens' documents use the same derivation with their own key (casefile/crypto.py). One key derivation, so every sealed value can be read back by the same rule."""

import base64
import hashlib

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
