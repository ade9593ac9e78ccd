"""The count's person form as versioned data, and the rules around it: which of the platform's situations
the count counts, who is in a count week, the pre-filled duration, validation of answers, completeness and
the result's tallies. No Django import.

The count (VIVE, every second year, week 6; DOMAIN.md "The national homelessness count") counts a person
who during the count week has no home of their own and stays in one of its nine situations. The field list
of each version lives in ``forms_<version>.py`` with its source.
"""

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from people.durations import Period, current_spell_start
from people.figures import AGE_GROUPS
from people.situations import HOMELESS, Situation
from people.statuses import ACTIVE

from . import forms_2024

COUNT_WEEK = 6  # the count's ISO week (DOMAIN.md)


@dataclass(frozen=True)
class Field:
    code: str
    question: str
    kind: str  # choice | multi | integer | text
    options: tuple[tuple[str, str], ...] = ()
    source: str = "worker"  # platform | worker
    sensitive: bool = False
    min: int | None = None
    max: int | None = None
    max_length: int | None = None

    @property
    def option_codes(self) -> frozenset[str]:
        return frozenset(c for c, _ in self.options)

    def label(self, value) -> str:
        """The answer as the count writes it: option labels (several joined by "; "), else the value."""
        if value is None or value == "" or value == []:
            return ""
        labels = dict(self.options)
        if self.kind == "multi":
            return "; ".join(labels.get(v, str(v)) for v in value)
        if self.kind == "choice":
            return labels.get(value, str(value))
        return str(value)


@dataclass(frozen=True)
class Questionnaire:
    version: str
    source: str
    fields: tuple[Field, ...]
    by_code: dict[str, Field] = field(default_factory=dict, compare=False)

    def __post_init__(self):
        self.by_code.update({f.code: f for f in self.fields})

    def __getitem__(self, code: str) -> Field:
        return self.by_code[code]


def _load(module) -> Questionnaire:
    fields = tuple(
        Field(**{k: tuple(v) if k == "options" else v for k, v in spec.items()}) for spec in module.FIELDS
    )
    return Questionnaire(version=module.VERSION, source=module.SOURCE, fields=fields)


VERSIONS: dict[str, Questionnaire] = {q.version: q for q in [_load(forms_2024)]}
CURRENT = "2024"


def questionnaire(version: str = CURRENT) -> Questionnaire:
    return VERSIONS[version]


# --- the platform's situations in the count's nine categories ---------------------------------------

# The by-name list records the count's nine situations under its own names (people/situations.py); at-risk
# situations and own home are not homeless in the count's sense and are not counted.
SITUATION_CATEGORY: dict[Situation, str] = {
    Situation.STREET: "1",
    Situation.NIGHT_SHELTER: "2",
    Situation.SHELTER: "3",
    Situation.HOTEL: "4",
    Situation.SOFA_SURFER: "5",
    Situation.TRANSITIONAL: "6",
    Situation.PRISON_RELEASE: "7",
    Situation.HOSPITAL_DISCHARGE: "8",
    Situation.OTHER_EMERGENCY: "9",
}


def category_of(situation: str | None) -> str | None:
    """The count's category (1-9) of a platform situation; None for one the count does not count."""
    if not situation:
        return None
    try:
        return SITUATION_CATEGORY.get(Situation(situation))
    except ValueError:
        return None


# --- who is in a count week ------------------------------------------------------------------------


def week_start(year: int) -> date:
    """Monday of the count's week 6 (ISO weeks)."""
    return date.fromisocalendar(year, COUNT_WEEK, 1)


def week_end(start: date) -> date:
    return start + timedelta(days=6)


def period_in_week(periods: Iterable[Period], start: date, end: date) -> Period | None:
    """The homeless period the person stayed in during the week [start, end]: of the homeless periods
    that overlap the week (a period runs up to, not including, its end date), the one begun last."""
    best = None
    for i, p in enumerate(periods):
        if p.situation in HOMELESS and p.start <= end and (p.end is None or p.end > start):
            key = (p.start, i)
            if best is None or key >= best[0]:
                best = (key, p)
    return best[1] if best else None


def active_in_week(changes: Iterable[tuple[date, str]], start: date, end: date) -> bool:
    """Active on the by-name list at some time in the week: active when it began, or became active in it."""
    status_at_start, became_active = None, False
    for on, status in sorted(changes, key=lambda c: c[0]):
        if on <= start:
            status_at_start = status
        elif on <= end and status in ACTIVE:
            became_active = True
    return status_at_start in ACTIVE or became_active


# --- pre-filled values -----------------------------------------------------------------------------

# Months of the duration options (forms_2024 "duration"), upper bounds exclusive.
DURATION_BOUNDS = (("lt3m", 3), ("3-6m", 6), ("6-12m", 12), ("1-2y", 24))


def months_between(first: date, day: date) -> int:
    months = (day.year - first.year) * 12 + day.month - first.month
    return months - (1 if day.day < first.day else 0)


def duration_code(spell_start: date | None, day: date) -> str | None:
    """The duration option for a homelessness spell begun on ``spell_start``, at ``day``; None unknown."""
    if spell_start is None or spell_start > day:
        return None
    months = months_between(spell_start, day)
    for code, bound in DURATION_BOUNDS:
        if months < bound:
            return code
    return "gt2y"


def yes_no(value: bool) -> str:
    return "yes" if value else "no"


@dataclass(frozen=True)
class PersonFacts:
    """What the platform knows about a person for the count's form, as plain data."""

    gender: str  # people.models.Gender's code
    age: int | None  # at the week's start
    initials: str
    municipality: str  # the responsible municipality: the one whose by-name list the person is on
    on_waiting_list: bool  # on the housing needs list during the week
    has_action_plan: bool  # an action plan made by the week's end


GENDERS = {"male": "male", "female": "female", "other": "other"}  # "unknown": left for the worker


def prefill(facts: PersonFacts, periods: list[Period], start: date, end: date) -> dict | None:
    """The answers the platform fills for a person in the count week [start, end]; None when the person
    stayed in none of the count's nine situations that week (not counted)."""
    period = period_in_week(periods, start, end)
    if period is None:
        return None
    # The last day of the week spent in that situation: its duration is measured to then.
    last_day = end if period.end is None or period.end > end else period.end - timedelta(days=1)
    answers = {
        "identification": facts.initials,
        "municipality": facts.municipality,
        "situation": SITUATION_CATEGORY[Situation(period.situation)],
        "action_plan": yes_no(facts.has_action_plan),
        "waiting_list": yes_no(facts.on_waiting_list),
    }
    if facts.gender in GENDERS:
        answers["gender"] = GENDERS[facts.gender]
    if facts.age is not None:
        answers["age"] = facts.age
    duration = duration_code(current_spell_start(periods, last_day), last_day)
    if duration:
        answers["duration"] = duration
    return answers


def initials_of(first_name: str, last_name: str, initials: str) -> str:
    """The person's initials as recorded, else the first letters of their names."""
    if initials:
        return initials.strip()
    return "".join(part[0] for part in f"{first_name} {last_name}".split() if part).upper()


# --- validation ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    field: str
    kind: str  # unknown_field | not_an_option | not_a_number | out_of_range | too_long
    params: Mapping = field(default_factory=dict)


def is_empty(value) -> bool:
    return value is None or value == "" or value == [] or value == ()


def clean_value(f: Field, value):
    """(the value as stored, a problem kind or None). Empty is allowed: a form may be saved half-filled."""
    if is_empty(value):
        return None, None
    if f.kind == "choice":
        value = str(value)
        return (value, None) if value in f.option_codes else (None, "not_an_option")
    if f.kind == "multi":
        values = [value] if isinstance(value, str) else list(value)
        if any(str(v) not in f.option_codes for v in values):
            return None, "not_an_option"
        chosen = {str(v) for v in values}
        return [c for c, _ in f.options if c in chosen], None  # the form's order, once each
    if f.kind == "integer":
        try:
            number = int(str(value).strip())
        except ValueError:
            return None, "not_a_number"
        if (f.min is not None and number < f.min) or (f.max is not None and number > f.max):
            return None, "out_of_range"
        return number, None
    text = str(value).strip()
    if f.max_length is not None and len(text) > f.max_length:
        return None, "too_long"
    return (text or None), None


def clean(q: Questionnaire, answers: Mapping) -> tuple[dict, list[Problem]]:
    """The answers as stored (codes in form order, empty ones left out) and every problem, in form order."""
    problems = [Problem(code, "unknown_field") for code in answers if code not in q.by_code]
    cleaned = {}
    for f in q.fields:
        if f.code not in answers:
            continue
        value, problem = clean_value(f, answers[f.code])
        if problem:
            problems.append(
                Problem(f.code, problem, {"min": f.min, "max": f.max, "max_length": f.max_length})
            )
        elif value is not None:
            cleaned[f.code] = value
    return cleaned, problems


# --- completeness and the result ---------------------------------------------------------------------


def missing(q: Questionnaire, answers: Mapping) -> list[str]:
    """The fields without an answer ("Ved ikke" is an answer), in form order."""
    return [f.code for f in q.fields if is_empty(answers.get(f.code))]


@dataclass(frozen=True)
class Completeness:
    total: int
    complete: int
    missing_by_field: dict[str, int]  # every field, in form order

    @property
    def share(self) -> int | None:
        return round(100 * self.complete / self.total) if self.total else None


def completeness(q: Questionnaire, forms: Iterable[Mapping]) -> Completeness:
    total = complete = 0
    by_field = {f.code: 0 for f in q.fields}
    for answers in forms:
        total += 1
        gaps = missing(q, answers)
        complete += not gaps
        for code in gaps:
            by_field[code] += 1
    return Completeness(total=total, complete=complete, missing_by_field=by_field)


def age_group(age: int | None) -> str:
    if age is None:
        return "unknown"
    for code, _label, low, high in AGE_GROUPS:
        if low <= age <= high:
            return code
    return "unknown"


@dataclass(frozen=True)
class Tally:
    total: int
    situation: dict[str, int]  # the nine categories, in order, then "unknown"
    gender: dict[str, int]
    age: dict[str, int]


def tally(q: Questionnaire, forms: Iterable[Mapping]) -> Tally:
    """The count's result for one week: every form is one person, by situation, gender and age group."""
    forms = list(forms)
    sit = Counter(a.get("situation") or "unknown" for a in forms)
    gen = Counter(a.get("gender") or "unknown" for a in forms)
    ages = Counter(age_group(a.get("age")) for a in forms)
    return Tally(
        total=len(forms),
        situation={c: sit[c] for c, _ in q["situation"].options} | {"unknown": sit["unknown"]},
        gender={c: gen[c] for c, _ in q["gender"].options} | {"unknown": gen["unknown"]},
        age={code: ages[code] for code, *_ in AGE_GROUPS} | {"unknown": ages["unknown"]},
    )
