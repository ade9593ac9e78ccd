"""Scores of the fidelity form (seed 004, Bilag 1): Helt enig = 5 ... Helt uenig = 1.

A missing answer is missing: it never counts as 0 and never pulls a mean down. A principle or theme
score is the mean of its answered statements, reported with how many were answered, so a mean over
one answer is visibly thin. Pure: no Django import.
"""

from dataclasses import dataclass, field
from statistics import mean


@dataclass(frozen=True)
class StatementRef:
    id: int
    number: int
    text: str
    principle: int  # core principle number 1-8
    theme: int  # theme number 1-4


@dataclass
class Score:
    value: float | None  # None = no answer at all: shown as "mangler", never 0
    answered: int
    total: int

    @property
    def missing(self) -> int:
        return self.total - self.answered

    @property
    def is_missing(self) -> bool:
        return self.value is None


@dataclass
class Result:
    statements: dict[int, Score] = field(default_factory=dict)  # by statement id
    principles: dict[int, Score] = field(default_factory=dict)  # by principle number
    themes: dict[int, Score] = field(default_factory=dict)  # by theme number
    overall: Score | None = None


def _score(values: list[int | None]) -> Score:
    given = [v for v in values if v is not None]
    return Score(round(mean(given), 2) if given else None, len(given), len(values))


def score(
    statements: list[StatementRef], answers: dict[int, int | None], *, scale_min: int = 1, scale_max: int = 5
) -> Result:
    """answers: statement id -> value (None or absent = not answered)."""
    for sid, v in answers.items():
        if v is not None and not scale_min <= v <= scale_max:
            raise ValueError(
                f"Svaret på udsagn {sid} skal ligge mellem {scale_min} og {scale_max}, ikke {v}."
            )
    result = Result()
    by_principle: dict[int, list] = {}
    by_theme: dict[int, list] = {}
    for s in statements:
        v = answers.get(s.id)
        result.statements[s.id] = _score([v])
        by_principle.setdefault(s.principle, []).append(v)
        by_theme.setdefault(s.theme, []).append(v)
    result.principles = {p: _score(vs) for p, vs in by_principle.items()}
    result.themes = {t: _score(vs) for t, vs in by_theme.items()}
    result.overall = _score([answers.get(s.id) for s in statements])
    return result


def weakest(
    statements: list[StatementRef], answers: dict[int, int | None], *, limit: int
) -> list[StatementRef]:
    """The lowest-scored answered statements (ties by form order); unanswered ones are never 'weakest'."""
    answered = [s for s in statements if answers.get(s.id) is not None]
    answered.sort(key=lambda s: (answers[s.id], s.number))
    lowest = answers[answered[0].id] if answered else None
    # Only statements below the top of the scale count as weak: a form of only "Helt enig" has none.
    return [s for s in answered[:limit] if lowest is not None and answers[s.id] < 5]


def disagrees(self_score: float | None, indicator_meets: bool | None, *, agree_from: float) -> bool:
    """Self-assessed agreement while practice falls short: the gap a leader network should discuss.

    Both sides must be known: missing data is never a disagreement (it is shown as missing).
    """
    if self_score is None or indicator_meets is None:
        return False
    return self_score >= agree_from and not indicator_meets
