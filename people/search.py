"""Search terms for the by-name list (issue 9 item 16). No Django import.

- Names are compared folded: lower case, accents dropped, and the Danish letters written the ways
  people type them without a Danish keyboard: æ as ae, ø as o or oe, å as aa ("Søren", "Soren" and
  "Soeren" are one name). Person.search_name holds the folded name, so the database compares one
  column instead of folding every row on every request.
- A term that is a date finds a birth date: dd.mm.åååå (also with - or /), åååå-mm-dd, ddmmåååå and
  ddmmåå (both centuries that are not in the future).
- A term that is a CPR number finds the CPR (through its keyed hash, never the number itself).
"""

import re
import unicodedata
from datetime import date

_CPR_TERM = re.compile(r"^(\d{6})-?(\d{4})$")
_CPR_ANYWHERE = re.compile(r"(?<!\d)(\d{6})-?\d{4}(?!\d)")
_DMY = re.compile(r"^(\d{1,2})[./-](\d{1,2})[./-](\d{2}|\d{4})$")
_YMD = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def fold(text: str) -> str:
    """A name as the search compares it."""
    text = (text or "").lower()
    text = text.replace("ø", "o").replace("oe", "o").replace("æ", "ae").replace("å", "aa")
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = "".join(c if c.isalnum() else " " for c in text)
    return " ".join(text.split())


def search_name(first_name: str, last_name: str, initials: str) -> str:
    """The stored search key of a person: folded names and initials, with spaces at both ends so a
    term can also be matched from the start of a word."""
    return f" {fold(' '.join(filter(None, [first_name, last_name, initials])))} "[:250]


def is_cpr(term: str) -> bool:
    return bool(_CPR_TERM.match(term.strip()))


def cpr_digits(term: str) -> str:
    return term.strip().replace("-", "")


def mask_cprs(text: str) -> str:
    """Every CPR number in a text shown as its birth date only (for logs)."""
    return _CPR_ANYWHERE.sub(lambda m: f"{m[1]}-XXXX", text or "")


def _real(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def birth_dates(term: str, *, today: date) -> list[date] | None:
    """The birth dates a term may mean, or None when the term is not written as a date."""
    term = term.strip()
    if m := _YMD.match(term):
        return [d for d in [_real(int(m[1]), int(m[2]), int(m[3]))] if d]
    if m := _DMY.match(term):
        day, month, year = int(m[1]), int(m[2]), m[3]
    elif re.fullmatch(r"\d{8}", term):
        day, month, year = int(term[:2]), int(term[2:4]), term[4:]
    elif re.fullmatch(r"\d{6}", term):
        day, month, year = int(term[:2]), int(term[2:4]), term[4:]
    else:
        return None
    if len(year) == 4:
        return [d for d in [_real(int(year), month, day)] if d]
    candidates = [_real(century + int(year), month, day) for century in (1900, 2000)]
    return [d for d in candidates if d and d <= today]


def split_terms(q: str) -> list[str]:
    return (q or "").split()
