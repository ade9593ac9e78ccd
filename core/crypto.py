"""Encryption at rest with the platform's key (Fernet): CPR numbers, sealed uploads, a form kept across
a login. One key derivation, so every sealed value can be read back by the same rule."""

import base64
import hashlib

from cryptography.fernet import Fernet
from django.conf import settings


def fernet() -> Fernet:
    key = settings.CPR_ENCRYPTION_KEY.encode()
    # Accept any secret: derive a proper 32-byte url-safe key from it.
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(key).digest()))


def encrypt(value: str) -> str:
    return fernet().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    return fernet().decrypt(token.encode()).decode()
