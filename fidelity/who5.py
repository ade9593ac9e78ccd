"""WHO-5 Trivselsindeks: the citizen's own wellbeing over the last two weeks, the second anonymous
questionnaire beside Brief INSPIRE (seed 004 names WHO-5 among the tools for hearing the citizens).

Source: WHO (Regional Office for Europe) Wellbeing Index, WHO-5, 1998 version. The Danish version is
from Psykiatrisk Center Nordsjælland (WHO Collaborating Centre in Mental Health, Hillerød). Scoring and
reading: Topp CW, Østergaard SD, Søndergaard S, Bech P (2015). "The WHO-5 Well-Being Index: a
systematic review of the literature". Psychotherapy and Psychosomatics 84(3):167-176.

- 5 items about the last 2 weeks, each rated 5 ("Hele tiden") to 0 ("På intet tidspunkt").
- Every item must be answered: there is no "not applicable", and an answer with a missing item has no
  score.
- Score = the raw sum 0-25 x 4, giving 0-100 (100 = best imaginable wellbeing).
- Reading aids (Topp et al. 2015): 50 or below suggests poor wellbeing, 28 or below likely depression,
  and a change of 10 points is meaningful. The platform keeps them in settings.HF["FIDELITY"] and shows
  them only as text beside a group's mean; they are screening cut-offs for one person, never a
  diagnosis, and the platform never applies them to anyone.

The Danish wording below is the official Danish version's. Pure: no Django import.
"""

from dataclasses import dataclass

__all__ = ["INSTRUMENT", "TITLE", "INTRO", "ITEMS", "OPTIONS", "MAX_ITEM", "parse", "score", "change"]

ELLIPSIS = "…"


@dataclass(frozen=True)
class Item:
    key: str
    text: str  # the official wording, continuing the stem: "… har jeg været glad og i godt humør"

    @property
    def sentence(self) -> str:
        """The lead-in and the item as one sentence ("I de sidste 2 uger har jeg ..."): the name a screen
        reader gives each question, which it reads one at a time and would otherwise start mid-sentence."""
        return f"{INTRO.removesuffix(ELLIPSIS).strip()} {self.text.removeprefix(ELLIPSIS).strip()}"


INSTRUMENT = "who5"
TITLE = "WHO-5 Trivselsindeks"
INTRO = "I de sidste 2 uger …"  # the form's lead-in: every item continues it
ITEMS = (
    Item("cheerful", "… har jeg været glad og i godt humør"),
    Item("calm", "… har jeg følt mig rolig og afslappet"),
    Item("active", "… har jeg følt mig aktiv og energisk"),
    Item("rested", "… er jeg vågnet frisk og udhvilet"),
    Item("interested", "… har min dagligdag været fyldt med ting der interesserer mig"),
)
# (value, label), highest first as on the paper form.
OPTIONS = (
    ("5", "Hele tiden"),
    ("4", "Det meste af tiden"),
    ("3", "Lidt mere end halvdelen af tiden"),
    ("2", "Lidt mindre end halvdelen af tiden"),
    ("1", "Lidt af tiden"),
    ("0", "På intet tidspunkt"),
)
MAX_ITEM = 5
_VALUES = {value for value, _label in OPTIONS}


def parse(raw: dict[str, str]) -> dict[str, int]:
    """Form values -> item scores 0-5. Every item is required; raises ValueError naming the item."""
    out = {}
    for n, item in enumerate(ITEMS, start=1):
        value = (raw.get(item.key) or "").strip()
        if value not in _VALUES:
            raise ValueError(f'Vælg et svar til udsagn {n}: "{item.text}"')
        out[item.key] = int(value)
    return out


def score(answers: dict[str, int | None]) -> float | None:
    """0-100: the raw sum (0-25) x 4; None unless all five items have a value 0-5."""
    values = [answers.get(i.key) for i in ITEMS]
    if any(v is None or not 0 <= v <= MAX_ITEM for v in values):
        return None
    return float(sum(values) * 4)  # 100 / (5 items x 5 points)


def change(previous: dict, current: dict) -> float | None:
    """The change in a group's mean from one quarter to the next, only when both quarters are shown
    (both groups met the anonymity threshold and have a mean)."""
    if not (previous.get("shown") and current.get("shown")):
        return None
    if previous.get("mean") is None or current.get("mean") is None:
        return None
    return round(current["mean"] - previous["mean"], 1)
