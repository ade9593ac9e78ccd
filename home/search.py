"""The header's search (issue 14, item 3): citizens by name, initials, birth date or CPR, homes by address and
landlords by name, each kind at most ``LIMIT`` hits with a link to its own list filtered the same way.

It only composes the domains' selectors: the citizens come from the by-name list's own search
(people.selectors.by_name_list, which hides protected people from everyone but their own workers) and are
logged as that list logs a page, the search with its terms (a CPR number masked) and a read per citizen shown.
A kind the role may not see is not searched at all, so an analyst or an administrator never sees a name.
"""

from dataclasses import dataclass, field
from datetime import date

from django.urls import reverse
from django.utils.http import urlencode

from accounts.roles import Capability, has_capability
from housing import selectors as housing_selectors
from people import cpr as cpr_rules
from people import crypto
from people import search as people_search
from people import selectors as people_selectors

LIMIT = 10
PURPOSE = "Søgning efter borger"


@dataclass
class Kind:
    key: str
    rows: list = field(default_factory=list)
    more: bool = False  # more hits than shown: the link to the full list says so
    full_list: str = ""


def tokenised(q: str) -> str:
    """The search with every CPR number replaced by its expiring search token: a number typed in the box
    travels in no address, history or server log (as the by-name list's search)."""
    return " ".join(
        crypto.search_token(people_search.cpr_digits(t)) if people_search.is_cpr(t) else t
        for t in people_search.split_terms(q)
    )


def shown(q: str) -> str:
    """The search as the box shows it again: a CPR token as the masked number (birth date only)."""
    terms = []
    for term in people_search.split_terms(q or ""):
        digits = crypto.digits_from_search_token(term)
        terms.append(cpr_rules.mask(digits) if digits else term)
    return " ".join(terms)


def has_plain_cpr(q: str) -> bool:
    return any(people_search.is_cpr(t) for t in people_search.split_terms(q or ""))


def _text_terms(q: str) -> str:
    """The words of the search that are neither a CPR number nor a CPR token (for addresses and names)."""
    return " ".join(
        t
        for t in people_search.split_terms(q)
        if not people_search.is_cpr(t) and not t.startswith(crypto.SEARCH_TOKEN_PREFIX)
    )


def global_search(actor, *, q: str, today: date) -> list[Kind]:
    q = (q or "").strip()
    if not q:
        return []
    kinds = []
    if has_capability(actor.role, Capability.VIEW_PEOPLE):
        filters = {"q": q}
        found = list(people_selectors.by_name_list(actor, filters=filters, today=today)[: LIMIT + 1])
        people = found[:LIMIT]
        people_selectors.log_list_shown(actor, people=people, filters=filters, purpose=PURPOSE)
        kinds.append(
            Kind(
                "people",
                rows=people_selectors.list_rows(people, today=today),
                more=len(found) > LIMIT,
                full_list=reverse("people:list") + "?" + urlencode({"q": q}),
            )
        )
    text = _text_terms(q)
    if text and has_capability(actor.role, Capability.VIEW_HOUSING):
        may_manage = has_capability(actor.role, Capability.MANAGE_HOUSING)
        units = list(housing_selectors.unit_list(actor, filters={"address": text})[: LIMIT + 1])
        kinds.append(
            Kind(
                "units",
                rows=[
                    {
                        "address": u.address,
                        "landlord": u.landlord.name if u.landlord_id else "",
                        "rent": u.rent,
                        "occupied": u.occupied,
                        "url": reverse("housing:unit_edit", args=[u.pk]) if may_manage else "",
                    }
                    for u in units[:LIMIT]
                ],
                more=len(units) > LIMIT,
                full_list=reverse("housing:units") + "?" + urlencode({"address": text}),
            )
        )
        landlords = list(housing_selectors.landlord_list(actor, name=text)[: LIMIT + 1])
        kinds.append(
            Kind(
                "landlords",
                rows=[
                    {"name": ll.name, "url": reverse("housing:landlord_detail", args=[ll.pk])}
                    for ll in landlords[:LIMIT]
                ],
                more=len(landlords) > LIMIT,
                full_list=reverse("housing:landlords") + "?" + urlencode({"navn": text}),
            )
        )
    return kinds
