"""The English catalogue is complete, and the pages that were wrapped for translation are English when the
user chooses English with the language switch in the footer."""

import ast
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from support.tests.helpers import icm_setup

CATALOGUE = Path(settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"
PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\w*\}")


def parse_po(path):
    """Entries of a .po file as dicts: msgid, msgid_plural, msgstr (a list, one per plural form), flags,
    obsolete. A small parser (polib is not a dependency): comments, flags, quoted strings and their
    continuation lines; previous-msgid comments (#|) are ignored."""
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        obsolete = line.startswith("#~")
        if obsolete:
            line = line[2:].strip()
        if not line or line.startswith("|"):
            continue
        if line.startswith("#"):
            if entry is not None and "msgid" in entry:  # a comment after a complete entry starts the next one
                finish()
                entry, field = None, None
            entry = entry or {"flags": set(), "msgstr": {}, "obsolete": False}
            if line.startswith("#,"):
                entry["flags"].update(flag.strip() for flag in line[2:].split(","))
            continue
        keyword, _, rest = line.partition(" ")
        if line.startswith('"'):
            value = ast.literal_eval(line)
            if isinstance(field, int):
                entry["msgstr"][field] += value
            else:
                entry[field] += value
            continue
        if keyword in ("msgctxt", "msgid") and entry is not None and "msgid" in entry:
            finish()
            entry = None
        entry = entry or {"flags": set(), "msgstr": {}, "obsolete": False}
        entry["obsolete"] = entry["obsolete"] or obsolete
        value = ast.literal_eval(rest)
        if keyword.startswith("msgstr["):
            field = int(keyword[len("msgstr[") : -1])
            entry["msgstr"][field] = value
        elif keyword == "msgstr":
            field = 0
            entry["msgstr"][0] = value
        else:
            field = keyword
            entry[field] = value
    finish()
    return entries


# The project catalogue and every app's own (Django merges them; the project's wins on a clash).
CATALOGUES = [CATALOGUE] + sorted(Path(settings.BASE_DIR).glob("*/locale/en/LC_MESSAGES/django.po"))


@pytest.fixture(
    scope="module", params=CATALOGUES, ids=lambda p: str(p.relative_to(settings.BASE_DIR).parts[0])
)
def catalogue(request):
    entries = [e for e in parse_po(request.param) if not e["obsolete"] and e["msgid"] != ""]
    assert entries, f"the parser found no entries in {request.param}"
    return entries


def test_every_app_with_wrapped_text_has_a_catalogue():
    apps = {p.relative_to(settings.BASE_DIR).parts[0] for p in CATALOGUES[1:]}
    assert {
        "people",
        "core",
        "support",
        "plans",
        "housing",
        "allocation",
        "fidelity",
        "count",
        "steering",
        "simulation",
        "economy",
        "implementation",
        "figures",
        "accounts",
        "audit",
        "imports",
        "casefile",
    } <= apps


def test_the_english_catalogue_has_no_empty_entries(catalogue):
    empty = [
        e["msgid"]
        for e in catalogue
        if not e["msgstr"]
        or not all(e["msgstr"].values())
        or (e.get("msgid_plural") is not None and len(e["msgstr"]) < 2)
    ]
    assert empty == [], f"{len(empty)} entries without an English translation, e.g. {empty[:5]}"


def test_the_english_catalogue_has_no_fuzzy_entries(catalogue):
    fuzzy = [e["msgid"] for e in catalogue if "fuzzy" in e["flags"]]
    assert fuzzy == [], f"{len(fuzzy)} fuzzy entries to check, e.g. {fuzzy[:5]}"


def test_the_english_translations_keep_the_placeholders(catalogue):
    wrong = []
    for e in catalogue:
        wanted = set(PLACEHOLDER.findall(e["msgid"]))
        for text in e["msgstr"].values():
            if set(PLACEHOLDER.findall(text)) != wanted:
                wrong.append((e["msgid"], text))
    assert wrong == []


def english(client):
    """Choose English the way a user does: the language switch in the footer posts to set_language."""
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    return client


@pytest.mark.django_db
def test_by_name_list_is_english_when_english_is_chosen(login, users_a, worker_a, person_factory):
    person_factory(worker_a, start=timezone.localdate() - timedelta(days=10))
    html = english(login(users_a[Role.LEADER])).get(reverse("people:list")).content.decode()
    assert 'lang="en"' in html
    assert "<h1>By-name list</h1>" in html
    assert "All citizens in the municipality who are homeless or at risk of homelessness today." in html
    assert '<th scope="col">Days homeless</th>' in html and '<th scope="col">Latest activity</th>' in html
    assert "<strong>1</strong> citizen." in html
    assert "Dage som hjemløs" not in html and "Alle borgere i kommunen" not in html


@pytest.mark.django_db
def test_leaders_support_front_page_is_english_when_english_is_chosen(login, users_a, municipality_a):
    icm_setup(users_a, municipality_a, limit=8)
    html = english(login(users_a[Role.LEADER])).get(reverse("home:leader")).content.decode()
    assert "<h1>Support: capacity and waiting lists</h1>" in html
    for heading in (
        "Capacity by method",
        "Capacity by team",
        "Workers at their caseload limit",
        "Waiting list",
        "Persistence: citizens who have not been reached",
        "Support episodes by status",
    ):
        assert f"<h2>{heading}</h2>" in html
    assert "Kapacitet pr. metode" not in html and "Støtte: kapacitet og ventelister" not in html


@pytest.mark.django_db
def test_leaders_support_front_page_stays_danish_by_default(login, users_a, municipality_a):
    icm_setup(users_a, municipality_a, limit=8)
    html = login(users_a[Role.LEADER]).get(reverse("home:leader")).content.decode()
    assert "<h1>Støtte: kapacitet og ventelister</h1>" in html and "<h2>Kapacitet pr. metode</h2>" in html


@pytest.mark.django_db
def test_person_form_labels_and_choices_are_english_when_english_is_chosen(login, users_a):
    html = english(login(users_a[Role.LEADER])).get(reverse("people:create")).content.decode()
    for label in ("First name", "Last name", "Date of birth", "Other contact details", "Current situation"):
        assert label in html
    assert "If the citizen is only known by initials." in html
    assert ">Sleeps rough: in the street, a stairwell, a shed or similar</option>" in html
    assert '<optgroup label="Homeless by the count&#x27;s definition">' in html
    assert "Fornavn" not in html and "Hvis borgeren kun kendes ved initialer." not in html
    assert ">Overnatter på gaden, i trappeopgang, i et skur eller lignende</option>" not in html


@pytest.mark.django_db
def test_person_form_labels_stay_danish_by_default(login, users_a):
    html = login(users_a[Role.LEADER]).get(reverse("people:create")).content.decode()
    assert "Fornavn" in html and "Hvis borgeren kun kendes ved initialer." in html
    assert ">Overnatter på gaden, i trappeopgang, i et skur eller lignende</option>" in html


@pytest.mark.django_db
def test_by_name_list_filters_are_english_when_english_is_chosen(login, users_a):
    html = english(login(users_a[Role.LEADER])).get(reverse("people:list")).content.decode()
    assert (
        "Search by name, birth date or CPR" in html
        and "Longest time homeless" in html
        and "Under 3 months" in html
    )
    assert "Søg på navn, fødselsdato eller CPR" not in html


# --- Text built in Python (issue 14 item 10) -------------------------------------------------------------


def _english_catalogue() -> dict:
    """Every msgid (with its context, "ctx\\x04id") the English catalogues translate, merged as Django does."""
    from django.utils.translation import trans_real

    return trans_real.translation("en")._catalog


def _msg_ids(value) -> list[tuple[str, str]]:
    """The (context, msgid) pairs of a core.messages Msg and the Msgs inside its parameters."""
    from core.messages import Msg, Seq

    if isinstance(value, Msg):
        found = [(value.context, value.msgid)]
        for param in value.params.values():
            found += _msg_ids(param)
        return found
    if isinstance(value, Seq):
        return [pair for item in value.items for pair in _msg_ids(item)]
    return []


def _labels_built_in_python() -> list[tuple[str, str, str]]:
    """(where, context, Danish label) of every label dictionary a pure module defines for the pages."""
    from accounts.roles import ROLE_LABELS
    from people.situations import LABELS as SITUATIONS
    from people.situations import SHORT_LABELS as SHORT_SITUATIONS
    from people.statuses import LABELS as STATUSES
    from plans.dimensions import DIMENSION_LABELS, GOAL_TYPE_LABELS, LEVEL_LABELS, SERVICES_USE_LABELS
    from plans.methods import LABELS as METHODS
    from support.cti import LABELS as CTI_PHASES

    dictionaries = {
        "accounts.roles.ROLE_LABELS": (ROLE_LABELS, ""),
        "people.situations.LABELS": (SITUATIONS, ""),
        "people.situations.SHORT_LABELS": (SHORT_SITUATIONS, ""),
        "people.statuses.LABELS": (STATUSES, ""),
        "plans.dimensions.DIMENSION_LABELS": (DIMENSION_LABELS, "life dimension"),
        "plans.dimensions.LEVEL_LABELS": (LEVEL_LABELS, ""),
        "plans.dimensions.SERVICES_USE_LABELS": (SERVICES_USE_LABELS, ""),
        "plans.dimensions.GOAL_TYPE_LABELS": (GOAL_TYPE_LABELS, ""),
        "plans.methods.LABELS": (METHODS, ""),
        "support.cti.LABELS": (CTI_PHASES, ""),
    }
    return [(where, ctx, str(v)) for where, (d, ctx) in dictionaries.items() for v in d.values()]


def _all_recommendation_reasons():
    from plans.dimensions import Dimension, Level, ServicesUse
    from plans.recommendation import AssessmentInput, Thresholds, recommend

    thresholds = Thresholds(severe_level=3, act_severe_dimensions=3, s85_max_level=1, s85_min_assessed=4)
    dims = list(Dimension)
    level_sets = [
        {},
        dict.fromkeys(dims, Level.MILD),
        {dims[0]: Level.SEVERE},
        dict.fromkeys(dims[:4], Level.SEVERE),
        {dims[0]: Level.MODERATE, dims[1]: Level.NONE},
    ]
    for use in [None, *ServicesUse]:
        for levels in level_sets:
            for wants in (False, True):
                data = AssessmentInput(services_use=use, levels=levels, wants_residential_care=wants)
                yield recommend(data, thresholds=thresholds).reason
                yield recommend(data, thresholds=thresholds, hidden=frozenset(dims[:2])).reason


def _all_matching_reasons():
    from allocation.conf import matching_params
    from allocation.matching import Candidate, Home, evaluate

    params = matching_params()
    homes = [
        Home(
            vacancy_id=1, rent=3000, utilities=300, rooms=1, area="Nord", shared=True, ordinary_building=False
        ),
        Home(vacancy_id=2, rent=9000, utilities=900, rooms=3, area="Syd", size_m2=90),
    ]
    candidates = [
        Candidate(
            person_id=1,
            can_pay=5000,
            homeless_days=200,
            areas=["Nord"],
            min_rooms=2,
            sharing="alone",
            has_pet=True,
            needs_accessible=True,
            urgency="high",
            monthly_income=None,
        ),
        Candidate(
            person_id=2,
            can_pay=2000,
            homeless_days=20,
            areas=["Vest"],
            sharing="shared",
            wants_ordinary_building=False,
            urgency="acute",
            monthly_income=12000,
            pension="folkepension",
        ),
        Candidate(person_id=3, can_pay=4000, homeless_days=60, sharing="either", monthly_income=15000),
    ]
    for c in candidates:
        for h in homes:
            yield from evaluate(c, h, params).reasons


def test_every_label_built_in_python_has_an_english_translation():
    catalogue = _english_catalogue()
    missing = [
        (where, label)
        for where, ctx, label in _labels_built_in_python()
        if (f"{ctx}\x04{label}" if ctx else label) not in catalogue
    ]
    assert missing == []


def test_every_recommendation_and_matching_reason_has_an_english_translation():
    catalogue = _english_catalogue()
    ids = set()
    for reason in [*_all_recommendation_reasons(), *_all_matching_reasons()]:
        found = _msg_ids(reason)
        assert found, f"a reason built as plain text, not as a Msg: {reason!r}"
        ids.update(found)
    missing = [msgid for ctx, msgid in ids if (f"{ctx}\x04{msgid}" if ctx else msgid) not in catalogue]
    assert missing == []
    assert len(ids) > 30  # every branch was reached


def test_reasons_read_in_english_and_stay_danish_in_danish():
    from django.utils import translation

    from core.i18n import translated

    reasons = list(_all_matching_reasons()) + list(_all_recommendation_reasons())
    with translation.override("en"):
        english_text = " ".join(translated(r) for r in reasons)
    with translation.override("da"):
        danish_text = " ".join(translated(r) for r in reasons)
    assert danish_text == " ".join(reasons)  # the Danish text is the text the pure modules built
    for danish in ("borgeren", "Foreløbig", "Hjemløs i", "husleje og forbrug", " og "):
        assert danish not in english_text
    assert "Homeless for" in english_text and "Provisional recommendation" in english_text


# --- Key pages in English, for several roles: no Danish label left ----------------------------------------


def _danish_words() -> set[str]:
    """The Danish labels of the choices and label modules that are not the same word in English."""
    from django.utils import translation
    from django.utils.translation import gettext, pgettext

    from audit.models import Action

    words = set()
    with translation.override("en"):
        for _, ctx, label in _labels_built_in_python():
            english_label = pgettext(ctx, label) if ctx else gettext(label)
            if english_label != label:
                words.add(label)
        with translation.override("da"):
            danish_actions = {str(label) for _, label in Action.choices}
        words |= {a for a in danish_actions if a not in {str(label) for _, label in Action.choices}}
    return words


@pytest.fixture
def english_world(users_a, municipality_a, worker_a, person_factory):
    from allocation.tests.factories import make_vacancy, needy
    from plans.tests.helpers import make_versions

    person = person_factory(
        worker_a, first_name="Karin", last_name="Kofoed", start=timezone.localdate() - timedelta(days=40)
    )
    person.workers.add(users_a[Role.SUPPORT_WORKER])
    make_versions(person)
    needy(worker_a, person_factory, "Anna")
    broker = worker_a.__class__(
        user=users_a[Role.HOUSING_BROKER], municipality=municipality_a, role=Role.HOUSING_BROKER, path="/"
    )
    vacancy = make_vacancy(broker)
    return {"person": person, "vacancy": vacancy}


PAGES_BY_ROLE = {
    Role.LEADER: [
        ("people:list", None),
        ("people:detail", "person"),
        ("plans:method", "person"),
        ("audit:log", None),
        ("home:start", None),
    ],
    Role.SUPPORT_WORKER: [("people:detail", "person"), ("plans:method", "person"), ("home:start", None)],
    Role.HOUSING_BROKER: [("allocation:vacancy_detail", "vacancy"), ("home:start", None)],
    Role.OUTREACH_WORKER: [("people:list", None), ("home:start", None)],
}


@pytest.mark.django_db
@pytest.mark.parametrize("role", list(PAGES_BY_ROLE), ids=str)
def test_key_pages_in_english_show_no_danish_labels(role, english_world, login, users_a):
    import html as html_lib

    words = _danish_words()
    assert len(words) > 30
    client = english(login(users_a[role]))
    for name, arg in PAGES_BY_ROLE[role]:
        response = client.get(reverse(name, args=[english_world[arg].pk] if arg else []), follow=True)
        assert response.status_code == 200, name
        text = html_lib.unescape(body_text(response.content.decode()))
        found = sorted(w for w in words if re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text))
        assert found == [], f"{name} as {role} shows Danish labels in English: {found}"


def body_text(html: str) -> str:
    """The page's visible text (tags, scripts and the language switch's own names left out)."""
    html = re.sub(r"<script.*?</script>|<style.*?</style>", " ", html, flags=re.S)
    html = re.sub(r'<option value="da"[^>]*>.*?</option>', " ", html)
    return re.sub(r"<[^>]+>", " ", html)


@pytest.mark.django_db
def test_the_language_switch_names_each_language_in_its_own_language(login, users_a):
    html = login(users_a[Role.LEADER]).get(reverse("people:list")).content.decode()
    assert '<option value="da" lang="da" selected>Dansk</option>' in html
    assert '<option value="en" lang="en">English</option>' in html
