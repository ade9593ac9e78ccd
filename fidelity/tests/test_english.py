"""The fidelity, accounts, audit and imports pages are English when the user chooses English with the
language switch in the footer, the citizen's questionnaire stays Danish by default. The catalogues are checked in
core/tests/test_english.py."""

from datetime import date

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.roles import Role
from core.tests.test_english import english
from fidelity import services
from fidelity.models import Statement
from fidelity.quarters import Quarter

from .factories import full_answers, leader_actor, make_unit


@pytest.mark.django_db
def test_fidelity_overview_and_results_are_english_when_english_is_chosen(login, users_a, municipality_a):
    leader = leader_actor(users_a, municipality_a)
    unit = make_unit(leader)
    a = services.assessment_start(actor=leader, unit=unit, quarter=Quarter(2026, 1))
    statements = list(Statement.objects.filter(theme__form_version__current=True).order_by("number"))
    services.assessment_save(
        actor=leader,
        assessment=a,
        meeting={"meeting_on": date(2026, 3, 1), "participants": "Alle"},
        answers=full_answers(statements, 3),
        new_actions=[],
        follow_ups={},
        complete=True,
        now=timezone.now(),
    )
    client = english(login(users_a[Role.LEADER]))
    html = client.get(reverse("fidelity:overview")).content.decode()
    assert 'lang="en"' in html
    assert "<h1>Housing First fidelity</h1>" in html and "<h2>Units</h2>" in html
    assert "Efterlevelse af Housing First" not in html
    html = client.get(reverse("fidelity:results") + f"?enhed={unit.pk}&kvartal=2026-K1").content.decode()
    assert f"<h1>Fidelity: results for {unit.name}, " in html
    assert (
        '<h2 id="themes-heading">Themes over quarters</h2>' in html
        and "<h2>Practice and self-assessment</h2>" in html
    )
    assert "Temaer over kvartaler" not in html and "Praksis og selvvurdering" not in html


@pytest.mark.django_db
def test_users_log_and_import_pages_are_english_when_english_is_chosen(login, users_a):
    html = english(login(users_a[Role.ADMINISTRATOR])).get(reverse("accounts:users")).content.decode()
    assert "<h2>Two-factor authentication</h2>" in html and "Totrinsbekræftelse" not in html
    client = english(login(users_a[Role.LEADER]))
    html = client.get(reverse("audit:log")).content.decode()
    assert (
        "<h1>Log of the use of personal data</h1>" in html
        and '<caption class="visually-hidden">Log entries</caption>' in html
    )
    html = client.get(reverse("imports:upload")).content.decode()
    assert "<h1>Import a list of citizens</h1>" in html and "<h2>What the file must look like</h2>" in html


@pytest.mark.django_db
def test_form_labels_of_fidelity_accounts_and_imports_are_english_when_english_is_chosen(
    login, users_a, municipality_a
):
    leader = leader_actor(users_a, municipality_a)
    unit = make_unit(leader)
    client = english(login(users_a[Role.LEADER]))
    html = client.get(reverse("fidelity:unit_create")).content.decode()
    assert "Covers all citizens of the municipality (e.g. the department)" in html and "Workers" in html
    assert "Omfatter alle kommunens borgere" not in html
    a = services.assessment_start(actor=leader, unit=unit, quarter=Quarter(2026, 1))
    html = client.get(reverse("fidelity:assessment", args=[a.pk])).content.decode()
    assert (
        "Comment on statement 1" in html
        and "Agreed action for statement 1: what" in html
        and "Not answered" in html
    )
    assert "Kommentar til udsagn 1" not in html
    html = client.get(reverse("imports:upload")).content.decode()
    assert "File of citizens" in html and "Fil med borgere" not in html
    html = english(login(users_a[Role.ADMINISTRATOR])).get(reverse("accounts:user_create")).content.decode()
    assert "Temporary password" in html and "Username" in html and ">Support worker</option>" in html
    assert "Midlertidig adgangskode" not in html and ">Støttemedarbejder</option>" not in html


@pytest.mark.django_db
def test_form_messages_are_english_when_english_is_chosen(login, users_a, municipality_a):
    client = english(login(users_a[Role.LEADER]))
    response = client.post(
        reverse("fidelity:unit_create"), {"name": "Team Nord", "kind": "team"}, follow=True
    )
    html = response.content.decode()
    assert "The unit Team Nord has been created." in html and "Enheden Team Nord er oprettet." not in html


@pytest.mark.django_db
def test_quarter_labels_are_english_when_english_is_chosen_and_danish_by_default(
    login, users_a, municipality_a
):
    leader = leader_actor(users_a, municipality_a)
    unit = make_unit(leader)
    services.assessment_start(actor=leader, unit=unit, quarter=Quarter(2026, 1))
    url = reverse("fidelity:results") + f"?enhed={unit.pk}&kvartal=2026-K1"
    html = login(users_a[Role.LEADER]).get(url).content.decode()
    assert f"<h1>Efterlevelse: resultater for {unit.name}, 1. kvartal 2026</h1>" in html
    html = english(login(users_a[Role.LEADER])).get(url).content.decode()
    assert f"<h1>Fidelity: results for {unit.name}, Q1 2026</h1>" in html and "1. kvartal 2026" not in html
