"""Calendar quarters, the rhythm of the fidelity form (seed 004, Bilag 1: "kvartalsvis").

Pure: no Django import.
"""

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int  # 1-4

    def __post_init__(self):
        if self.number not in (1, 2, 3, 4):
            raise ValueError(f"Kvartal skal være 1-4, ikke {self.number}.")

    @classmethod
    def of(cls, day: date) -> "Quarter":
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, text: str) -> "Quarter":
        """'2026-K3' (the form used in URLs and exports)."""
        try:
            year, q = text.strip().upper().split("-K")
            return cls(int(year), int(q))
        except (ValueError, AttributeError) as exc:
            raise ValueError(f"Ugyldigt kvartal '{text}': skriv fx 2026-K3.") from exc

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> date:
        """The last day of the quarter (inclusive)."""
        return self.next().start - timedelta(days=1)

    def next(self) -> "Quarter":
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    def previous(self) -> "Quarter":
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def __str__(self) -> str:
        return f"{self.year}-K{self.number}"

    @property
    def label(self) -> str:
        return f"{self.number}. kvartal {self.year}"


def last_n(current: Quarter, n: int) -> list[Quarter]:
    """The n quarters ending with ``current``, oldest first."""
    out = [current]
    while len(out) < n:
        out.append(out[-1].previous())
    return list(reversed(out))
