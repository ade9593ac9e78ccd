"""One page of a list (issue 11 item 5): no list page renders more than a page of rows, whatever the
size of the municipality.

Selectors page a queryset with ``page_of`` and log only the people on the returned page; templates show
the links with ``{% pagination page %}`` (core/templatetags/core_pages.py), which keeps the page's
filters in the links. The page number is read from ``?side=``; anything that is not a page number
(``?side=abc``, ``?side=99999``) gives the first or the last page, never an error.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from django.core.paginator import Page, Paginator
from django.db.models import Q

from core.params import parse_id

PAGE_PARAM = "side"


def page_of(items, number, *, size: int, count: int | None = None) -> Page:
    """Page ``number`` (a string from the query string, or None) of ``items``, ``size`` rows a page.
    ``items`` must be ordered (a stable order, ending in a unique column) so pages do not overlap.
    ``count``: the number of items when the caller has already counted them (saves the COUNT query)."""
    paginator = Paginator(items, max(1, int(size)))
    if count is not None:
        paginator.count = count  # Paginator.count is a cached property: this is its value
    page = paginator.get_page(number)
    page.object_list = list(page.object_list)  # read once: the selector logs it, the template shows it
    return page


def page_of_ids(items, number, *, size: int, load) -> Page:
    """As ``page_of``, for a list whose rows are costly to build (joins, per-row subqueries): the page
    is chosen over ``items``' ids alone (its filters and order), then ``load(ids)`` reads the page's rows,
    returned in the page's order. The planner then joins and computes for fifty rows, not for every row
    it must sort (the support episodes of a large municipality: 8,000 rows joined to find 50)."""
    page = page_of(items.values_list("pk", flat=True), number, size=size)
    page.object_list = in_order(page.object_list, load)
    return page


def in_order(ids: list, load) -> list:
    """The rows ``load(ids)`` returns, in the order of ``ids``; a row gone since the ids were read is left
    out."""
    rows = {row.pk: row for row in load(ids)}
    return [rows[pk] for pk in ids if pk in rows]


# --- keyset pages (the access log: millions of rows, newest first) ------------------------------------

OLDER_PARAM, NEWER_PARAM = "aeldre", "nyere"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass
class KeysetPage:
    """One page of rows, newest first, with the cursors for the links to older and newer rows (None
    where there are none). No page counts the rows: the log holds millions."""

    object_list: list
    older: str | None
    newer: str | None


def cursor_of(at: datetime, pk: int) -> str:
    """A row's place in the (at, id) order, for a link: microseconds since 1970 and the id."""
    delta = at - _EPOCH
    micros = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
    return f"{micros}-{pk}"


def parse_cursor(text) -> tuple[datetime, int] | None:
    """The (at, id) a cursor names, or None for anything that is not a cursor (the first page)."""
    micros, _, pk = str(text or "").partition("-")
    if not (micros.isascii() and micros.isdigit()):
        return None
    pk = parse_id(pk)
    if pk is None:
        return None
    try:
        return _EPOCH + timedelta(microseconds=int(micros)), pk
    except OverflowError:
        return None


def keyset_page(qs, *, size: int, older_than=None, newer_than=None, at: str = "at") -> KeysetPage:
    """A page of ``qs`` in the order (-at, -id): the newest rows, or the ``size`` rows just older than
    the cursor ``older_than`` or just newer than ``newer_than`` (both parsed by ``parse_cursor``). Each
    page is one query of ``size + 1`` rows along the index, whatever the table's size."""
    size = max(1, int(size))
    if newer_than is not None:
        moment, pk = newer_than
        rows = list(
            qs.filter(Q(**{f"{at}__gt": moment}) | Q(**{at: moment, "id__gt": pk})).order_by(at, "id")[
                : size + 1
            ]
        )
        if len(rows) > size:
            rows = rows[:size][::-1]
            return KeysetPage(
                rows, older=cursor_of(getattr(rows[-1], at), rows[-1].pk), newer=_first(rows, at)
            )
        newer_than = None  # the newest rows are reached: show the first page, full
    if older_than is not None:
        moment, pk = older_than
        rows = list(
            qs.filter(Q(**{f"{at}__lt": moment}) | Q(**{at: moment, "id__lt": pk})).order_by(f"-{at}", "-id")[
                : size + 1
            ]
        )
        newer = _first(rows, at)
    else:
        rows = list(qs.order_by(f"-{at}", "-id")[: size + 1])
        newer = None
    more = len(rows) > size
    rows = rows[:size]
    older = cursor_of(getattr(rows[-1], at), rows[-1].pk) if more else None
    return KeysetPage(rows, older=older, newer=newer)


def _first(rows, at):
    return cursor_of(getattr(rows[0], at), rows[0].pk) if rows else None
