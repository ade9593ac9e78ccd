"""Reading and checking a list of people from CSV or xlsx. No Django import beyond the shared rules
for a person's values (people/rules.py, core/dates.py), which the forms and services use too.

The rule (issue item 9): all or nothing. Every row is checked and every problem is reported as
(row as Excel shows it, column, Danish reason); the caller saves nothing when there is one.

Files come from Danish Excel and other systems, so CSV is read with a semicolon or a comma, in
UTF-8 with or without BOM, in cp1252/latin-1 (what "CSV (semikolonsepareret)" writes), or in UTF-16
with a BOM (Excel's "Unicode-tekst"); UTF-16 without a BOM and NUL characters are refused with a
message saying what to do, since nothing reliable can be read from them. Column
names are the platform's own Danish headers (people/exports.py) and a few common variants,
compared case-insensitively; columns not listed here are ignored and reported back.
"""

import csv
import io
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from people import cpr as cpr_rules
from people import rules as person_rules
from people.situations import LABELS as SITUATION_LABELS
from people.situations import SHORT_LABELS, Situation

MAX_ROWS = 20_000  # far above any municipality's list (001: 70-150 on the needs list); stops zip bombs


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # the name in the template and in messages
    aliases: tuple[str, ...] = ()
    help: str = ""


# The documented columns, in template order. The help texts are shown on the upload page.
COLUMNS: tuple[Column, ...] = (
    Column("first_name", "Fornavn", ("navn",), "Navn eller initialer skal udfyldes."),
    Column("last_name", "Efternavn"),
    Column("initials", "Initialer", (), "Hvis borgeren kun kendes ved initialer (højst 10 tegn)."),
    Column(
        "cpr", "CPR", ("cpr-nummer", "cpr-nr.", "cpr-nr", "cpr nr", "cprnr"), "DDMMÅÅ-XXXX. Kan udelades."
    ),
    Column("birth_date", "Fødselsdato"),
    Column("birth_year", "Fødselsår"),
    Column("gender", "Køn", (), "Kvinde, Mand, Andet eller Ukendt (K/M)."),
    Column(
        "situation",
        "Situation",
        (),
        "Situationens kode eller korte navn, fx Gaden, Sofasurfer, Boform (§ 110).",
    ),
    Column(
        "situation_start",
        "Situation fra",
        ("situationen begyndte", "fra dato", "hjemløs siden"),
        "Datoen situationen begyndte.",
    ),
    Column("place", "Sted", (), "Fx navnet på boformen."),
    Column("identified_on", "Identificeret", ("identificeret dato",), "Hvis tom: datoen i Situation fra."),
    Column("phone", "Telefon"),
    Column("email", "E-mail", ("email", "mail")),
    Column("contact_note", "Kontaktoplysninger i øvrigt", ("kontaktoplysninger",)),
    Column("protected", "Navne- og adressebeskyttelse", ("adressebeskyttelse",), "Ja eller Nej."),
    Column(
        "max_rent",
        "Husleje (kr./md.)",
        ("husleje", "husleje kr./md.", "husleje (kr. pr. måned)", "max husleje"),
        "Udfyldt: borgeren kommer på boligbehovslisten.",
    ),
    Column("areas", "Ønskede områder", ("områder",)),
    Column("min_rooms", "Mindst antal værelser", ("værelser", "antal værelser")),
    Column(
        "sharing", "Bo alene eller i fællesskab", ("bofællesskab",), "Alene, Bofællesskab eller Begge dele."
    ),
    Column(
        "ordinary_building",
        "Almindeligt byggeri",
        ("bolig i almindeligt byggeri",),
        "Ja eller Nej (tom: Ja).",
    ),
    Column("special_needs", "Særlige sociale behov"),
    Column("registered_on", "Optaget på boligbehovslisten", ("optaget på listen",), "Hvis tom: dagens dato."),
)
BY_KEY = {c.key: c for c in COLUMNS}
REQUIRED = ("situation", "situation_start")
NAME_KEYS = ("first_name", "last_name", "initials")
NEEDS_KEYS = ("areas", "min_rooms", "sharing", "special_needs", "registered_on")
MAX_LENGTHS = {
    "first_name": 100,
    "last_name": 100,
    "initials": 10,
    "place": 200,
    "phone": 30,
    "email": 254,
    "contact_note": 300,
    "areas": 200,
    "special_needs": 2000,
}

_YES = {"ja", "j", "x", "1", "sand", "true", "yes"}
_NO = {"nej", "n", "0", "falsk", "false", "no", ""}
_GENDERS = {
    "kvinde": "female",
    "k": "female",
    "female": "female",
    "mand": "male",
    "m": "male",
    "male": "male",
    "andet": "other",
    "other": "other",
    "ukendt": "unknown",
    "unknown": "unknown",
    "": "unknown",
}
_SHARING = {
    "alene": "alone",
    "alone": "alone",
    "bofællesskab": "shared",
    "fællesskab": "shared",
    "shared": "shared",
    "begge dele": "either",
    "begge": "either",
    "either": "either",
    "": "either",
}
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_DK_DATE_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T]00:00(?::00)?)?$")


def _norm(text: str) -> str:
    return " ".join(str(text).replace("\ufeff", "").strip().lower().split())


_SITUATIONS: dict[str, str] = {}
for _s in Situation:
    for _name in (_s.value, SHORT_LABELS[_s], SITUATION_LABELS[_s], SITUATION_LABELS[_s].replace('"', "")):
        _SITUATIONS[_norm(_name)] = _s.value
_SITUATIONS[_norm("Boform")] = Situation.SHELTER.value  # "(§ 110)" is often left out

_HEADER_LOOKUP = {_norm(name): c.key for c in COLUMNS for name in (c.header, *c.aliases)}


@dataclass(frozen=True)
class RowError:
    """One problem: ``row`` is the row number Excel shows (header = 1); None for the whole file."""

    row: int | None
    column: str
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return f"Filen: {self.message}"
        return f"Række {self.row}, kolonne {self.column}: {self.message}"

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class PersonRow:
    """One checked row, in the shape people.services takes."""

    row: int
    person: dict  # person_create keyword arguments besides cpr/situation/situation_start/place
    cpr: str  # ten digits or ""
    situation: str
    situation_start: date
    place: str = ""
    identified_on: date | None = None
    needs: dict | None = None  # needs_list_register keyword arguments, when a rent is given


@dataclass
class Result:
    rows: list[PersonRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    total_rows: int = 0
    ignored_columns: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


class FileError(ValueError):
    """The file as a whole cannot be read; the message is Danish."""


# --- reading ---------------------------------------------------------------------------------

# Said for a file no encoding can be trusted for: UTF-16 without a byte order mark, or binary data.
UNREADABLE = "Filen er ikke i et format, der kan læses: gem den som UTF-8 CSV eller xlsx."
# Said for a NUL character in one cell: nothing can be saved with it (PostgreSQL refuses it in text).
NUL_IN_CELL = "Cellen indeholder et tegn, der ikke kan læses (NUL). Gem filen som UTF-8 CSV eller xlsx."


def _looks_like_utf16(data: bytes) -> bool:
    """Text in UTF-16 without a byte order mark: every other byte of Danish text is NUL."""
    sample = data[:4096]
    return sample.count(0) * 4 >= len(sample)  # a quarter or more NUL bytes is no text file


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM) first; UTF-16 with a BOM (Excel's "Unicode-tekst"); otherwise
    Windows-1252, as Danish Excel saves CSV. UTF-16 without a BOM cannot be told from binary data
    for sure, so it is refused with a clear message rather than guessed (FileError)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")  # the BOM says which byte order; the codec drops it
        except UnicodeDecodeError:
            raise FileError(UNREADABLE) from None
    if _looks_like_utf16(data):
        raise FileError(UNREADABLE)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # cp1252 leaves five bytes undefined; latin-1 maps every byte
        return data.decode("latin-1")


def detect_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (";", ",", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ";"


def read_csv(data: bytes) -> Iterable[tuple[int, list]]:
    text = decode_text(data)
    first_line = text.split("\n", 1)[0]
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=detect_delimiter(first_line))
    # Excel shows a quoted value with line breaks as one row, so rows are counted by record.
    yield from enumerate(reader, start=1)


def read_xlsx(data: bytes) -> Iterable[tuple[int, list]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise FileError("Filen kunne ikke læses som en Excel-fil (.xlsx).") from exc
    try:
        sheet = book.worksheets[0]
        for cells in sheet.iter_rows():
            cells = [c for c in cells if getattr(c, "row", None)]
            if not cells:
                continue
            values = [None] * (max(c.column for c in cells))
            for c in cells:
                values[c.column - 1] = c.value
            yield cells[0].row, values
    finally:
        book.close()


def read_table(data: bytes, filename: str) -> Iterable[tuple[int, list]]:
    """(Excel row number, cell values) for every record of the first sheet or the CSV file."""
    name = filename.lower()
    if data[:4] == b"PK\x03\x04" or name.endswith((".xlsx", ".xlsm")):
        return read_xlsx(data)
    if name.endswith(".xls") or data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise FileError("Gamle Excel-filer (.xls) kan ikke læses. Gem filen som .xlsx eller CSV.")
    return read_csv(data)


# --- values ----------------------------------------------------------------------------------


class ValueProblem(ValueError):
    pass


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    return str(value).strip()


def parse_date(value) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        return None
    try:
        if m := _DK_DATE_RE.match(text):
            return date(int(m[3]), int(m[2]), int(m[1]))
        if m := _ISO_DATE_RE.match(text):
            return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise ValueProblem(f"»{text}« er ikke en rigtig dato.") from None
    raise ValueProblem(f"»{text}« er ikke en dato. Skriv datoen som dd.mm.åååå eller åååå-mm-dd.")


def parse_int(value, *, minimum: int, maximum: int, what: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueProblem(f"Angiv {what} som et helt tal.")
    if isinstance(value, int | float):
        number = value
    else:
        text = _text(value).lower().replace("kr.", "").replace("kr", "").replace(" ", "").replace("\xa0", "")
        if not text:
            return None
        if re.fullmatch(r"\d{1,3}(\.\d{3})+(,0+)?", text):  # Danish thousands separator: 3.500
            text = text.replace(".", "")
        text = re.sub(r",0+$", "", text)
        text = re.sub(r"\.0+$", "", text)
        if not re.fullmatch(r"-?\d+", text):
            raise ValueProblem(f"»{_text(value)}« er ikke et helt tal.")
        number = int(text)
    if isinstance(number, float):
        if not number.is_integer():
            raise ValueProblem(f"Angiv {what} som et helt tal.")
        number = int(number)
    if not minimum <= number <= maximum:
        raise ValueProblem(f"Angiv {what} mellem {minimum:,} og {maximum:,}.".replace(",", "."))
    return number


def parse_bool(value, *, default: bool) -> bool:
    if value is None or _text(value) == "":
        return default
    text = _norm(_text(value))
    if text in _YES:
        return True
    if text in _NO:
        return False
    raise ValueProblem(f"»{_text(value)}« skal være Ja eller Nej.")


def parse_choice(value, options: dict[str, str], allowed: str) -> str:
    text = _norm(_text(value))
    if text in options:
        return options[text]
    raise ValueProblem(f"»{_text(value)}« er ikke en gyldig værdi. Brug {allowed}.")


def parse_situation(value) -> str:
    text = _norm(_text(value))
    if not text:
        raise ValueProblem("Angiv borgerens situation.")
    if text in _SITUATIONS:
        return _SITUATIONS[text]
    allowed = ", ".join(SHORT_LABELS[s] for s in Situation)
    raise ValueProblem(f"Ukendt situation »{_text(value)}«. Brug en af: {allowed}.")


def cpr_text(value) -> str:
    """A CPR cell as text; Excel turns 0101851234 into the number 101851234, so pad it back."""
    if isinstance(value, int | float) and not isinstance(value, bool) and float(value).is_integer():
        return f"{int(value):010d}"
    return _text(value)


# --- checking --------------------------------------------------------------------------------


def map_header(header: list) -> tuple[dict[str, int], list[str], list[RowError]]:
    """Column key -> index; the ignored header names; file-level errors for missing or doubled columns."""
    index: dict[str, int] = {}
    ignored, errors = [], []
    for i, name in enumerate(header):
        text = _text(name)
        key = _HEADER_LOOKUP.get(_norm(text))
        if key is None:
            if text:
                ignored.append(text)
        elif key in index:
            errors.append(
                RowError(None, BY_KEY[key].header, f"Kolonnen {BY_KEY[key].header} står to gange i filen.")
            )
        else:
            index[key] = i
    missing = [BY_KEY[k].header for k in REQUIRED if k not in index]
    if missing:
        errors.append(
            RowError(
                None,
                ", ".join(missing),
                "Filen mangler kolonnerne: " + ", ".join(missing) + "."
                if len(missing) > 1
                else f"Filen mangler kolonnen {missing[0]}.",
            )
        )
    if not any(k in index for k in NAME_KEYS):
        errors.append(
            RowError(
                None,
                "Fornavn",
                "Filen mangler en kolonne med navn eller initialer (Fornavn, Efternavn eller Initialer).",
            )
        )
    return index, ignored, errors


def check_row(number: int, cells: dict, *, today: date) -> tuple[PersonRow | None, list[RowError]]:
    """Check one row (cells by column key) and return the row or every problem in it."""
    errors: list[RowError] = []

    def problem(key: str, message: str):
        errors.append(RowError(number, BY_KEY[key].header, message))

    def get(key, convert):
        try:
            return convert(cells.get(key))
        except ValueProblem as exc:
            problem(key, str(exc))
            return None

    person: dict = {}
    for key in ("first_name", "last_name", "initials", "phone", "contact_note"):
        person[key] = _text(cells.get(key))
    email = _text(cells.get("email"))
    if email and not _EMAIL_RE.match(email):
        problem("email", f"»{email}« er ikke en gyldig e-mailadresse.")
    person["email"] = email
    for key, limit in MAX_LENGTHS.items():
        value = person.get(key) if key in person else _text(cells.get(key))
        if len(value) > limit:
            problem(key, f"Højst {limit} tegn (der står {len(value)}).")
    if not (person["first_name"] or person["last_name"] or person["initials"]):
        problem("first_name", "Angiv navn eller initialer.")

    digits = ""
    raw_cpr = cpr_text(cells.get("cpr"))
    birth_date = get("birth_date", parse_date)
    cpr_birth = None
    if raw_cpr:
        try:
            parsed = cpr_rules.parse(raw_cpr, today=today)  # modulus 11 is never checked (DOMAIN.md)
        except cpr_rules.CprError as exc:
            problem("cpr", str(exc))
        else:
            digits, cpr_birth = parsed.digits, parsed.birth_date
    birth_year = get("birth_year", lambda v: parse_int(v, minimum=1, maximum=9999, what="fødselsåret"))
    # The same rules as the forms and services (people/rules.py): one validation per field.
    for key, message in person_rules.birth_problems(
        birth_date=birth_date, birth_year=birth_year, cpr_birth_date=cpr_birth, today=today
    ):
        problem(key, message)
    birth_date = birth_date or cpr_birth
    person["birth_date"] = birth_date
    person["birth_year"] = birth_date.year if birth_date else birth_year
    person["gender"] = get("gender", lambda v: parse_choice(v, _GENDERS, "Kvinde, Mand, Andet eller Ukendt"))
    person["protected"] = get("protected", lambda v: parse_bool(v, default=False))

    situation = get("situation", parse_situation)
    start = get("situation_start", parse_date)
    if start is None and not any(e.column == BY_KEY["situation_start"].header for e in errors):
        problem("situation_start", "Angiv datoen situationen begyndte.")
    identified_on = get("identified_on", parse_date)
    for key, message in (
        person_rules.happened("situation_start", start, today=today)
        + person_rules.after_birth("situation_start", start, birth_date=birth_date)
        + person_rules.happened("identified_on", identified_on, today=today)
    ):
        problem(key, message)

    needs = None
    rent = get("max_rent", lambda v: parse_int(v, minimum=1, maximum=50_000, what="huslejen i hele kroner"))
    wishes_given = [k for k in NEEDS_KEYS if _text(cells.get(k))]
    if rent is not None:
        needs = {
            "max_rent": rent,
            "registered_on": get("registered_on", parse_date) or today,
            "areas": _text(cells.get("areas")),
            "min_rooms": get(
                "min_rooms", lambda v: parse_int(v, minimum=1, maximum=10, what="antal værelser")
            ),
            "sharing": get(
                "sharing", lambda v: parse_choice(v, _SHARING, "Alene, Bofællesskab eller Begge dele")
            ),
            "ordinary_building": get("ordinary_building", lambda v: parse_bool(v, default=True)),
            "special_needs": _text(cells.get("special_needs")),
        }
        for key, message in person_rules.happened("registered_on", needs["registered_on"], today=today):
            problem(key, message)
    elif wishes_given and not any(e.column == BY_KEY["max_rent"].header for e in errors):
        problem(
            "max_rent", "Angiv den husleje borgeren kan betale, når der er oplysninger til boligbehovslisten."
        )

    if errors:
        return None, errors
    return PersonRow(
        row=number,
        person=person,
        cpr=digits,
        situation=situation,
        situation_start=start,
        place=_text(cells.get("place")),
        identified_on=identified_on,
        needs=needs,
    ), []


def parse(
    data: bytes,
    filename: str,
    *,
    today: date,
    existing_cprs: Callable[[list[str]], set[str]] = lambda digits: set(),
) -> Result:
    """Read and check the whole file. ``existing_cprs`` gets the CPR numbers in the file and returns
    those that already belong to a person in the municipality (one lookup for the whole file)."""
    result = Result()
    if not data.strip():
        result.errors.append(RowError(None, "", "Filen er tom."))
        return result
    try:
        records = iter(read_table(data, filename))
        header_row, header = next(((n, r) for n, r in records if any(_text(v) for v in r)), (None, None))
    except (FileError, csv.Error) as exc:
        result.errors.append(
            RowError(None, "", str(exc) if isinstance(exc, FileError) else "Filen kunne ikke læses som CSV.")
        )
        return result
    if header is None:
        result.errors.append(RowError(None, "", "Filen er tom."))
        return result
    if any(_has_nul(v) for v in header):
        result.errors.append(RowError(None, "", UNREADABLE))
        return result
    index, result.ignored_columns, file_errors = map_header(header)
    if file_errors:
        result.errors.extend(file_errors)
        return result

    seen_cpr: dict[str, int] = {}
    try:
        for number, record in records:
            if not any(_text(v) for v in record):
                continue  # empty rows are common at the end of an Excel sheet
            result.total_rows += 1
            if result.total_rows > MAX_ROWS:
                result.errors = [
                    RowError(
                        None,
                        "",
                        f"Filen har mere end {MAX_ROWS:,} rækker. Del den op i flere filer.".replace(
                            ",", "."
                        ),
                    )
                ]
                result.rows = []
                return result
            nul_at = next((i for i, v in enumerate(record) if _has_nul(v)), None)
            if nul_at is not None:
                column = _text(header[nul_at]) if nul_at < len(header) else ""
                result.errors.append(RowError(number, column, NUL_IN_CELL))
                continue
            cells = {key: (record[i] if i < len(record) else None) for key, i in index.items()}
            row, errors = check_row(number, cells, today=today)
            result.errors.extend(errors)
            if row is None:
                continue
            if row.cpr:
                if row.cpr in seen_cpr:
                    result.errors.append(
                        RowError(number, "CPR", f"CPR-nummeret står også i række {seen_cpr[row.cpr]}.")
                    )
                    continue
                seen_cpr[row.cpr] = number
            result.rows.append(row)
    except (FileError, csv.Error) as exc:
        result.errors.append(
            RowError(None, "", str(exc) if isinstance(exc, FileError) else "Filen kunne ikke læses som CSV.")
        )
        return result

    if result.total_rows == 0:
        result.errors.append(
            RowError(None, "", "Filen indeholder ingen rækker med borgere under overskrifterne.")
        )
    if seen_cpr:
        existing = existing_cprs(list(seen_cpr))
        for digits in existing:
            result.errors.append(
                RowError(seen_cpr[digits], "CPR", "Der findes allerede en borger med dette CPR-nummer.")
            )
    result.errors.sort(key=lambda e: (e.row or 0, _column_order(e.column)))
    if result.errors:
        result.rows = []
    return result


def _has_nul(value) -> bool:
    return isinstance(value, str) and "\x00" in value


_ORDER = {c.header: i for i, c in enumerate(COLUMNS)}


def _column_order(header: str) -> int:
    return _ORDER.get(header, -1)


def template_headers() -> list[str]:
    return [c.header for c in COLUMNS]
