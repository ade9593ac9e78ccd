"""CPR numbers: format, real date, century, masking. No Django import.

Rules (DOMAIN.md, public-sector IT rules): DDMMYY-SSSS; validate the format and that the date is
real; never reject a number for failing the modulus-11 check (numbers issued since 2007 may not
pass it); mask CPR everywhere except where a role needs it.
"""

import re
from dataclasses import dataclass
from datetime import date

_CPR_RE = re.compile(r"^\s*(\d{2})(\d{2})(\d{2})-?(\d{4})\s*$")
_WEIGHTS = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)


class CprError(ValueError):
    """A CPR number that cannot be right; the message is Danish and says why."""


@dataclass(frozen=True)
class Cpr:
    digits: str  # ten digits, no dash

    @property
    def formatted(self) -> str:
        return f"{self.digits[:6]}-{self.digits[6:]}"

    @property
    def masked(self) -> str:
        return mask(self.digits)

    @property
    def birth_date(self) -> date:
        return birth_date(self.digits)

    @property
    def passes_modulus11(self) -> bool:
        return passes_modulus11(self.digits)


def looks_like_cpr(text: str) -> bool:
    return bool(_CPR_RE.match(text or ""))


def century(year2: int, seventh: int) -> int:
    """The century from the 7th digit, as the CPR office defines it."""
    if seventh in (0, 1, 2, 3):
        return 1900
    if seventh in (4, 9):
        return 2000 if year2 <= 36 else 1900
    if seventh in (5, 6, 7, 8):
        return 2000 if year2 <= 57 else 1800
    raise CprError("Ugyldigt løbenummer.")


def birth_date(digits: str) -> date:
    dd, mm, yy, seventh = int(digits[0:2]), int(digits[2:4]), int(digits[4:6]), int(digits[6])
    try:
        return date(century(yy, seventh) + yy, mm, dd)
    except ValueError as exc:
        raise CprError(
            f"CPR-nummeret indeholder ikke en rigtig dato ({digits[:2]}.{digits[2:4]}.{digits[4:6]})."
        ) from exc


def parse(text: str, *, today: date | None = None) -> Cpr:
    """Parse and validate a CPR number; raises CprError with a Danish message."""
    match = _CPR_RE.match(text or "")
    if not match:
        raise CprError("CPR-nummeret skal have formen DDMMÅÅ-XXXX (10 cifre).")
    digits = "".join(match.groups())
    born = birth_date(digits)
    if today and born > today:
        raise CprError("CPR-nummerets fødselsdato ligger i fremtiden.")
    return Cpr(digits)


def passes_modulus11(digits: str) -> bool:
    """Informative only: a failed check is never an error (numbers since 2007 may fail it)."""
    return sum(int(d) * w for d, w in zip(digits, _WEIGHTS)) % 11 == 0


def mask(digits: str | None) -> str:
    """Show the birth date only: the sequence number identifies the person and stays hidden."""
    if not digits:
        return ""
    d = digits.replace("-", "")
    return f"{d[:6]}-XXXX"
