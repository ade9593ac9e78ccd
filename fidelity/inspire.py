"""Brief INSPIRE: the citizens' view of the support they get for their recovery (seed 004, Bilag 1
recommends gathering it before the fidelity form is filled).

Source: Williams J, Leamy M, Bird V, Le Boutillier C, Norton S, Pesola F, Slade M (2015). "Development
and evaluation of the INSPIRE measure of staff support for personal recovery". Social Psychiatry and
Psychiatric Epidemiology 50(5):777-786; the measure, scoring instructions and score sheet are published
by the authors at https://www.researchintorecovery.com/measures/inspire/ ("Brief INSPIRE assesses
recovery support from a worker and has 5 items - one item for each of the CHIME recovery processes").

- 5 items, one per CHIME process: Connectedness, Hope, Identity, Meaning, Empowerment, rated by the
  service user about their worker.
- Each item on a 5-point agreement scale scored 0 (strongly disagree) to 4 (strongly agree), with
  "not applicable", which is left out of the score.
- Score = the mean of the rated items x 25, giving 0-100; nothing rated gives no score.
  A Danish study of Brief INSPIRE-O uses 50 as a cut-off and 8 points as a meaningful change
  (Moeller et al. 2025, Soc Psychiatry Psychiatr Epidemiol, doi 10.1007/s00127-025-02948-7); the
  platform keeps those in settings.HF["FIDELITY"] and uses them only as reading aids.

What was checked against the authors' public description (researchintorecovery.com/measures/inspire,
read 2026-11-24): Brief INSPIRE is rated by the service user about the support for their recovery from
their worker, with 5 items, one for each CHIME process, and no relationship section or importance
ratings (those belong to Full INSPIRE). The item texts, the scale labels and the scoring sheet are PDF
downloads from that page that could not be fetched from here; the scale and the 0-100 score above follow
the published evaluation (Williams et al. 2015) and the Danish use of the INSPIRE family on 0-100
(Moeller et al. 2024, Front Psychiatry 15:1327020).

The Danish wording below is the platform's working wording of each CHIME item, not an authorised
translation: it is data (ITEMS and OPTIONS), so the authorised Danish version replaces it without code
changes. Pure: no Django import.
"""

from dataclasses import dataclass
from statistics import mean

NOT_APPLICABLE = "na"


@dataclass(frozen=True)
class Item:
    key: str
    chime: str  # CHIME process
    text: str


INSTRUMENT = "brief_inspire"
TITLE = "Brief INSPIRE"
INTRO = "Hvor enig er du i disse fem udsagn om den støtte, du får fra din medarbejder?"
ITEMS = (
    Item(
        "connectedness",
        "Forbundethed",
        "Min medarbejder hjælper mig med at føle mig støttet af andre mennesker.",
    ),
    Item("hope", "Håb", "Min medarbejder hjælper mig med at have håb og drømme for fremtiden."),
    Item("identity", "Identitet", "Min medarbejder hjælper mig med at have det godt med den, jeg er."),
    Item("meaning", "Mening", "Min medarbejder hjælper mig med at gøre ting, der er meningsfulde for mig."),
    Item(
        "empowerment",
        "Indflydelse",
        "Min medarbejder hjælper mig med at føle, at jeg har styr på mit eget liv.",
    ),
)
# (value, label): 0 = strongly disagree ... 4 = strongly agree; "na" is not scored.
OPTIONS = (
    ("4", "Meget enig"),
    ("3", "Enig"),
    ("2", "Hverken enig eller uenig"),
    ("1", "Uenig"),
    ("0", "Meget uenig"),
    (NOT_APPLICABLE, "Ikke relevant for mig"),
)
MAX_ITEM = 4


def parse(raw: dict[str, str]) -> dict[str, int | None]:
    """Form values -> item scores (None = not applicable). Raises ValueError naming the item."""
    out = {}
    for n, item in enumerate(ITEMS, start=1):
        value = (raw.get(item.key) or "").strip()
        if value == NOT_APPLICABLE:
            out[item.key] = None
        elif value in {"0", "1", "2", "3", "4"}:
            out[item.key] = int(value)
        else:
            raise ValueError(f'Vælg et svar til udsagn {n}: "{item.text}"')
    return out


def score(answers: dict[str, int | None]) -> float | None:
    """0-100: mean of the rated items x 25; None when every item is 'not applicable'."""
    rated = [answers.get(i.key) for i in ITEMS if answers.get(i.key) is not None]
    if not rated:
        return None
    return round(mean(rated) * 100 / MAX_ITEM, 1)
