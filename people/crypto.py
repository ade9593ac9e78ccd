"""CPR at rest: Fernet encryption for the value, an HMAC keyed hash beside it for lookups and
uniqueness (filtering on an encrypted column silently finds nothing: LIBRARIES.md)."""

import hashlib
import hmac

from django.conf import settings

from core.crypto import encrypt, fernet


def keyed_hash(digits: str) -> str:
    return hmac.new(settings.CPR_HASH_KEY.encode(), digits.encode(), hashlib.sha256).hexdigest()


# A CPR number searched for travels in the list's address as this token, never as digits, so it is in
# no URL, browser history or access log (issue 9 item 16). The token is the number encrypted with the
# CPR key; it expires after a working day.
SEARCH_TOKEN_PREFIX = "cpr-"
SEARCH_TOKEN_SECONDS = 12 * 60 * 60


def search_token(digits: str) -> str:
    return SEARCH_TOKEN_PREFIX + encrypt(digits)


def digits_from_search_token(token: str) -> str | None:
    """The CPR digits of a search token, or None when it is not one of ours or has expired."""
    from cryptography.fernet import InvalidToken

    if not token.startswith(SEARCH_TOKEN_PREFIX):
        return None
    try:
        return fernet().decrypt(token[len(SEARCH_TOKEN_PREFIX) :].encode(), ttl=SEARCH_TOKEN_SECONDS).decode()
    except (InvalidToken, ValueError):
        return None
