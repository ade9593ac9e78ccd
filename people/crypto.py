"""CPR at rest: Fernet encryption for the value, an HMAC keyed hash beside it for lookups and
uniqueness (filtering on an encrypted column silently finds nothing: LIBRARIES.md)."""
import base64
import hashlib
import hmac

from cryptography.fernet import Fernet
from django.conf import settings


def _fernet() -> Fernet:
    key = settings.CPR_ENCRYPTION_KEY.encode()
    # Accept any secret: derive a proper 32-byte url-safe key from it.
    return Fernet(base64.urlsafe_b64encode(hashlib.sha256(key).digest()))


def encrypt(value: str) -> str:
    return _fernet().encrypt(value.encode()).decode()


def decrypt(token: str) -> str:
    return _fernet().decrypt(token.encode()).decode()


def keyed_hash(digits: str) -> str:
    return hmac.new(settings.CPR_HASH_KEY.encode(), digits.encode(), hashlib.sha256).hexdigest()
