"""Numbers, ids and search text read from a query string or a posted form (issue 9 item 15).

A view that reads ``?enhed=abc``, ``?item=1e5`` or ``?person=99999999999999999999`` must answer 404 or
a form error, never a 500: ``int()`` raises on the first two, and the third overflows a database
integer. Every view reads such a value through ``int_param``.
"""

from django.http import Http404
from django.utils.translation import gettext as _

# The largest id any table here can hold (PostgreSQL bigint); a larger number is no id.
MAX_ID = 2**63 - 1


def parse_id(value) -> int | None:
    """A positive whole number written with digits only, or None."""
    text = str(value if value is not None else "").strip()
    if not text.isascii() or not text.isdigit():
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def int_param(data, name: str, *, required: bool = False) -> int | None:
    """The id ``name`` from ``request.GET`` or ``request.POST``: None when it is missing or malformed;
    with ``required=True`` a missing or malformed id is a 404 (the thing asked for does not exist)."""
    number = parse_id(data.get(name))
    if number is None and required:
        raise Http404(_("Siden findes ikke."))
    return number


def text_param(data, name: str, *, max_length: int = 200) -> str:
    """Search text ``name`` from ``request.GET``: trimmed, at most ``max_length`` characters, with control
    characters (a NUL byte, which PostgreSQL refuses in text) removed."""
    text = str(data.get(name) or "")
    return "".join(c for c in text if c.isprintable()).strip()[:max_length]
