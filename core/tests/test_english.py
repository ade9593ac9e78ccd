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
