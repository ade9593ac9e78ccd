"""Likely duplicates when creating a person. No Django import.

Scores candidates on what a caseworker would use: the same CPR (certain), the same birth date,
similar names (accents, case and order ignored), the same initials.
"""

import unicodedata
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher


@dataclass(frozen=True)
class Candidate:
    id: int
    first_name: str
    last_name: str
    birth_date: date | None
    birth_year: int | None
    cpr_hash: str | None


def normalise(name: str) -> str:
    name = name.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    name = unicodedata.normalize("NFKD", name)
    return " ".join("".join(c for c in name if c.isalnum() or c.isspace()).split())


_TO_DANISH = (("aa", "å"), ("ae", "æ"), ("oe", "ø"), ("Aa", "Å"), ("Ae", "Æ"), ("Oe", "Ø"))


def prefix_variants(name: str, length: int = 2) -> set[str]:
    """The first letters of a name as typed, with æøå written out (ae, oe, aa) and the other way
    round, so a database prefix filter finds "Søren" when "Soeren" is typed and back."""
    to_ascii = name
    for ascii_form, letter in _TO_DANISH:
        to_ascii = to_ascii.replace(letter, ascii_form)
    to_danish = name
    for ascii_form, letter in _TO_DANISH:
        to_danish = to_danish.replace(ascii_form, letter)
    return {v[:length] for v in (name, to_ascii, to_danish) if v[:length]}


def name_similarity(a: str, b: str) -> float:
    a_n, b_n = normalise(a), normalise(b)
    if not a_n or not b_n:
        return 0.0
    direct = SequenceMatcher(None, a_n, b_n).ratio()
    swapped = SequenceMatcher(None, " ".join(sorted(a_n.split())), " ".join(sorted(b_n.split()))).ratio()
    return max(direct, swapped)


def score(
    *,
    first_name: str,
    last_name: str,
    birth_date: date | None,
    birth_year: int | None,
    cpr_hash: str | None,
    other: Candidate,
) -> float:
    if cpr_hash and other.cpr_hash and cpr_hash == other.cpr_hash:
        return 1.0
    sim = name_similarity(f"{first_name} {last_name}", f"{other.first_name} {other.last_name}")
    s = 0.6 * sim
    if birth_date and other.birth_date:
        s += 0.4 if birth_date == other.birth_date else 0.0
    elif birth_year and (other.birth_year or (other.birth_date and other.birth_date.year)):
        oy = other.birth_year or other.birth_date.year
        s += 0.2 if oy == birth_year else 0.0
    else:
        s += 0.15 * sim  # nothing else to compare: lean on the name
    return round(min(s, 0.99), 3)


def likely_duplicates(threshold: float = 0.55, limit: int = 5, **new) -> list[tuple[float, Candidate]]:
    others: list[Candidate] = new.pop("candidates")
    scored = [(score(other=o, **new), o) for o in others]
    return sorted([x for x in scored if x[0] >= threshold], key=lambda x: -x[0])[:limit]
