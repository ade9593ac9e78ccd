"""The national homelessness count's person form ("personskema"), version 2024, as data. No Django import.

Source: VIVE, "Hjemløshed i Danmark 2024. National kortlægning" (the count's questionnaire, one form per
citizen in a homelessness situation in week 6), and the definition and field list digested in
../shared/DOMAIN.md ("The national homelessness count"). The nine situations are the count's own words,
verbatim (people/situations.py holds the same texts for the by-name list). The answer options follow the
categories VIVE reports the count in; where VIVE changes a question or an option, add a new version
(``forms_<year>.py``) beside this one and register it in count/questionnaire.py: a count week keeps the
version it was opened with, so earlier forms stay valid and comparable.

Each field: ``code`` (stable, stored in the answers), ``question`` (the count's text, used as the export's
column header), ``kind`` ("choice", "multi", "integer" or "text"), ``options`` ((code, label) in the form's
order), ``source`` ("platform": pre-filled from what the platform knows, the worker checks it; "worker":
only the worker knows it), and for health and substance answers ``sensitive`` (never written to the log
in clear).
"""

VERSION = "2024"
SOURCE = 'VIVE, "Hjemløshed i Danmark 2024. National kortlægning": tællingens personskema (uge 6)'

YES_NO_UNKNOWN = (("yes", "Ja"), ("no", "Nej"), ("unknown", "Ved ikke"))

# The nine situations, numbered as in the count (DOMAIN.md, verbatim).
SITUATIONS = (
    ("1", "Overnatter på gaden, i trappeopgang, i et skur eller lignende"),
    ("2", "Overnatter på natvarmestue / værested med nødovernatning"),
    ("3", "Overnatter på akut/midlertidigt botilbud, fx herberger og forsorgshjem (§ 110)"),
    ("4", "Opholder sig på hotel, vandrerhjem eller lignende på grund af hjemløshed"),
    ("5", 'Bor midlertidigt og uden kontrakt hos familie, venner eller bekendte ("sofasurfer")'),
    ("6", "Bor i midlertidig udslusningsbolig eller lignende uden permanent kontrakt"),
    ("7", "Under Kriminalforsorgen, skal løslades inden for 1 måned, uden iværksat boligløsning"),
    (
        "8",
        "Indlagt på hospital/behandlingshjem, skal udskrives inden for 1 måned, uden iværksat boligløsning",
    ),
    ("9", 'Andet: kolonihavehus, campingvogn og lignende midlertidige "nødboliger"'),
)

FIELDS = (
    {
        "code": "identification",
        "question": "CPR-nummer (initialer, hvis CPR-nummeret ikke kendes)",
        "kind": "text",
        "max_length": 20,
        "source": "platform",
    },
    {
        "code": "municipality",
        "question": "Ansvarlig kommune (handlekommune)",
        "kind": "text",
        "max_length": 100,
        "source": "platform",
    },
    {
        "code": "gender",
        "question": "Køn",
        "kind": "choice",
        "options": (("male", "Mand"), ("female", "Kvinde"), ("other", "Andet")),
        "source": "platform",
    },
    {"code": "age", "question": "Alder", "kind": "integer", "min": 0, "max": 120, "source": "platform"},
    {
        "code": "nationality",
        "question": "Nationalitet",
        "kind": "choice",
        "options": (
            ("danish", "Dansk"),
            ("greenlandic", "Grønlandsk eller færøsk"),
            ("eu", "Andet EU-/EØS-land"),
            ("non_eu", "Land uden for EU/EØS"),
            ("unknown", "Ved ikke"),
        ),
        "source": "worker",
    },
    {
        "code": "situation",
        "question": "Hjemløshedssituation i tælleugen",
        "kind": "choice",
        "options": SITUATIONS,
        "source": "platform",
    },
    {
        "code": "duration",
        "question": "Hvor længe har personen været hjemløs (denne gang)?",
        "kind": "choice",
        "options": (
            ("lt3m", "Under 3 måneder"),
            ("3-6m", "3-6 måneder"),
            ("6-12m", "6-12 måneder"),
            ("1-2y", "1-2 år"),
            ("gt2y", "Over 2 år"),
            ("unknown", "Ved ikke"),
        ),
        "source": "platform",
    },
    {
        "code": "income",
        "question": "Primært forsørgelsesgrundlag",
        "kind": "choice",
        "options": (
            ("cash_benefit", "Kontanthjælp, uddannelseshjælp eller selvforsørgelsesydelse"),
            ("sickness", "Sygedagpenge eller ressourceforløbsydelse"),
            ("disability_pension", "Førtidspension"),
            ("old_age_pension", "Folkepension"),
            ("unemployment", "Arbejdsløshedsdagpenge"),
            ("wages", "Løn"),
            ("study", "SU"),
            ("none", "Ingen indkomst"),
            ("other", "Andet"),
            ("unknown", "Ved ikke"),
        ),
        "source": "worker",
    },
    {
        "code": "children",
        "question": "Har personen børn under 18 år?",
        "kind": "choice",
        "options": (
            ("living_with", "Ja, og mindst ét barn bor hos personen"),
            ("not_living_with", "Ja, men børnene bor ikke hos personen"),
            ("no", "Nej"),
            ("unknown", "Ved ikke"),
        ),
        "source": "worker",
    },
    {
        "code": "physical_illness",
        "question": "Har personen en fysisk sygdom eller et fysisk handicap?",
        "kind": "choice",
        "options": YES_NO_UNKNOWN,
        "source": "worker",
        "sensitive": True,
    },
    {
        "code": "mental_illness",
        "question": "Har personen en psykisk sygdom?",
        "kind": "choice",
        "options": YES_NO_UNKNOWN,
        "source": "worker",
        "sensitive": True,
    },
    {
        "code": "alcohol",
        "question": "Misbrug: alkohol",
        "kind": "choice",
        "options": YES_NO_UNKNOWN,
        "source": "worker",
        "sensitive": True,
    },
    {
        "code": "hash",
        "question": "Misbrug: hash",
        "kind": "choice",
        "options": YES_NO_UNKNOWN,
        "source": "worker",
        "sensitive": True,
    },
    {
        "code": "other_drugs",
        "question": "Misbrug: andre stoffer end hash",
        "kind": "choice",
        "options": YES_NO_UNKNOWN,
        "source": "worker",
        "sensitive": True,
    },
    {
        "code": "medicine",
        "question": "Misbrug: medicin (ikke ordineret eller ud over ordination)",
        "kind": "choice",
        "options": YES_NO_UNKNOWN,
        "source": "worker",
        "sensitive": True,
    },
    {
        "code": "action_plan",
        "question": "Har personen en handleplan (servicelovens § 141)?",
        "kind": "choice",
        "options": YES_NO_UNKNOWN,
        "source": "platform",
    },
    {
        "code": "waiting_list",
        "question": "Er personen skrevet op til en bolig (venteliste eller boligbehovsliste)?",
        "kind": "choice",
        "options": YES_NO_UNKNOWN,
        "source": "platform",
    },
    {
        "code": "causes",
        "question": "Årsager til hjemløsheden (flere svar muligt)",
        "kind": "multi",
        "options": (
            ("eviction", "Udsættelse af lejebolig"),
            ("economy", "Økonomi, gæld eller manglende betaling af husleje"),
            ("breakup", "Samlivsophør eller skilsmisse"),
            ("family_conflict", "Konflikt med familie eller netværk"),
            ("substance", "Misbrug"),
            ("mental", "Psykisk sygdom"),
            ("release", "Løsladelse uden boligløsning"),
            ("discharge", "Udskrivning fra hospital eller behandling uden boligløsning"),
            ("leaving_care", "Ophør af anbringelse eller botilbud"),
            ("no_housing", "Mangel på en bolig, personen kan betale"),
            ("residence", "Manglende opholdsgrundlag"),
            ("other", "Andet"),
            ("unknown", "Ved ikke"),
        ),
        "source": "worker",
    },
)
