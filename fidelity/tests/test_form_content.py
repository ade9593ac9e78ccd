"""The form is seed 004, Bilag 1, verbatim: the 16 statements, the four themes with their two principles
and descriptions, and the 5-point scale."""

import re
from pathlib import Path

import pytest

from fidelity import formdata

EXCERPT = Path(__file__).with_name("seed_004_bilag1.txt")  # Bilag 1 copied unchanged from seed 004
SEED_DIR = Path("/work/shared/seeds")


def normalise(text: str) -> str:
    """PDF text: line breaks inside sentences become spaces; a hyphen at a line end stays a hyphen."""
    text = re.sub(r"-\s*\n\s*", "-", text)
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def seed_text():
    return normalise(EXCERPT.read_text(encoding="utf-8"))


def test_the_excerpt_is_the_seed_text_unchanged():
    seeds = list(SEED_DIR.glob("004_*.txt"))
    if not seeds:  # outside the project machines the excerpt alone is the reference
        pytest.skip("seed 004 is not on this machine")
    assert EXCERPT.read_text(encoding="utf-8") in seeds[0].read_text(encoding="utf-8")


def test_sixteen_statements_four_per_theme_verbatim_from_seed(seed_text):
    data = formdata.read()
    statements = [s for t in data["themes"] for s in t["statements"]]
    assert len(statements) == 16
    assert [len(t["statements"]) for t in data["themes"]] == [4, 4, 4, 4]
    assert [s["number"] for s in statements] == list(range(1, 17))
    for s in statements:
        assert s["text"] in seed_text, f"statement {s['number']} differs from seed 004: {s['text']}"
    # and in the seed's order
    positions = [seed_text.index(s["text"]) for s in statements]
    assert positions == sorted(positions)


def test_themes_and_principles_as_in_the_seed(seed_text):
    data = formdata.read()
    assert [t["title"] for t in data["themes"]] == [
        "Grundlæggende værdier",
        "Bolig og nabolag",
        "Social og praktisk støtte",
        "Samarbejdet med borgeren",
    ]
    # DOMAIN.md / seed 004: basic values (7, 8); housing (1, 4); support (3, 5); collaboration (6, 2)
    assert [[p["number"] for p in t["principles"]] for t in data["themes"]] == [
        [7, 8],
        [1, 4],
        [3, 5],
        [6, 2],
    ]
    for t in data["themes"]:
        assert t["title"] in seed_text
        for p in t["principles"]:
            assert p["title"] in seed_text
            # the seed's descriptions break words across lines ("borge-rens"): compare without hyphens
            assert p["description"].replace("-", "") in seed_text.replace("-", "")
        assert {s["principle"] for s in t["statements"]} <= {p["number"] for p in t["principles"]}


def test_scale_is_the_five_points_of_the_seed(seed_text):
    data = formdata.read()
    assert [(o["value"], o["label"]) for o in data["scale"]] == [
        (5, "Helt enig"),
        (4, "Enig"),
        (3, "Hverken enig/uenig"),
        (2, "Uenig"),
        (1, "Helt uenig"),
    ]
    assert data["question"] in seed_text


@pytest.mark.django_db
def test_the_data_migration_loaded_the_current_version():
    from fidelity.models import FormVersion, Statement

    version = FormVersion.objects.get(current=True)
    assert version.source == "Socialstyrelsens manual for Housing First, bilag 1"
    assert Statement.objects.filter(theme__form_version=version).count() == 16
    assert version.themes.count() == 4
    assert sum(t.principles.count() for t in version.themes.all()) == 8


@pytest.mark.django_db
def test_loading_again_is_a_no_op_and_a_new_file_is_a_new_version():
    from fidelity.models import FormVersion, Principle, Statement, Theme

    models = {"FormVersion": FormVersion, "Theme": Theme, "Principle": Principle, "Statement": Statement}
    data = formdata.read()
    versions = FormVersion.objects.count()
    formdata.load(data, **models)
    assert FormVersion.objects.count() == versions
    newer = dict(data, code="hf-next")
    v = formdata.load(newer, **models)
    assert FormVersion.objects.get(current=True) == v
    assert Statement.objects.filter(theme__form_version=v).count() == 16


# Each statement's principle (issue 9, item 14). Bilag 1 prints each theme's two principles with their
# descriptions above its four statements; which of the two a statement speaks to is read from those
# descriptions: 16 ("ligeværdigt samarbejde") is principle 2's own words, so it belongs to principle 2.
PRINCIPLE_OF_STATEMENT = {
    1: 7,
    2: 8,
    3: 7,
    4: 7,  # Grundlæggende værdier: recovery (7), harm reduction (8)
    5: 1,
    6: 1,
    7: 4,
    8: 4,  # Bolig og nabolag: housing as a right (1), independent homes (4)
    9: 3,
    10: 3,
    11: 3,
    12: 5,  # Social og praktisk støtte: commitment (3), housing and support apart (5)
    13: 6,
    14: 2,
    15: 2,
    16: 2,  # Samarbejdet med borgeren: self-determination (6), respect and equality (2)
}
THEME_OF_STATEMENT = {n: (n - 1) // 4 + 1 for n in range(1, 17)}


def test_each_statement_belongs_to_its_principle():
    data = formdata.read()
    assert {
        s["number"]: s["principle"] for t in data["themes"] for s in t["statements"]
    } == PRINCIPLE_OF_STATEMENT


@pytest.mark.django_db
def test_the_current_form_in_the_database_has_each_statement_under_its_principle_and_theme():
    from fidelity.models import Statement

    rows = Statement.objects.filter(theme__form_version__current=True).values_list(
        "number", "principle__number", "theme__number"
    )
    assert {n: p for n, p, _t in rows} == PRINCIPLE_OF_STATEMENT
    assert {n: t for n, _p, t in rows} == THEME_OF_STATEMENT


def test_each_statement_stands_under_its_theme_in_the_seed(seed_text):
    data = formdata.read()
    starts = [seed_text.index(f" {t['title']} ") for t in data["themes"]] + [len(seed_text)]
    for i, t in enumerate(data["themes"]):
        for s in t["statements"]:
            assert starts[i] < seed_text.index(s["text"]) < starts[i + 1], (
                f"statement {s['number']} is not under {t['title']}"
            )


def test_statement_16_speaks_principle_2s_own_words(seed_text):
    data = formdata.read()
    theme = data["themes"][3]
    principle_2 = next(p for p in theme["principles"] if p["number"] == 2)
    statement_16 = next(s for s in theme["statements"] if s["number"] == 16)
    principle_6 = next(p for p in theme["principles"] if p["number"] == 6)
    assert (
        "ligeværdigt samarbejde" in statement_16["text"]
        and "ligeværdigt samarbejde" in principle_2["description"]
    )
    assert "ligeværdig" not in principle_6["description"]
    assert (
        "ligeværdigt samar-bejde mellem borgeren som erfaringsekspert" in seed_text
    )  # principle 2 in the seed
    assert statement_16["principle"] == 2


def test_version_2_changes_only_statement_16s_principle():
    first, second = formdata.read(formdata.FIRST_FILE), formdata.read(formdata.CURRENT_FILE)
    assert second["replaces"] == first["code"] != second["code"]
    for key in ("title", "source", "question", "scale"):
        assert first[key] == second[key]
    for a, b in zip(first["themes"], second["themes"]):
        assert (a["number"], a["title"], a["principles"]) == (b["number"], b["title"], b["principles"])
        changed = [
            (x["number"], x["principle"], y["principle"])
            for x, y in zip(a["statements"], b["statements"])
            if x != y
        ]
        assert changed == ([(16, 6, 2)] if a["number"] == 4 else [])


@pytest.fixture
def first_version_assessment(users_a, municipality_a):
    """A completed assessment made on version 1 (statement 16 under principle 6), as on a database from
    before version 2, with an agreed action on statement 16."""
    from fidelity.models import AgreedAction, FidelityAssessment, FormVersion, Statement, StatementAnswer
    from fidelity.quarters import Quarter
    from fidelity.tests.factories import leader_actor, make_unit

    leader = leader_actor(users_a, municipality_a)
    unit = make_unit(leader)
    v1 = FormVersion.objects.get(code="hf-2023-bilag1")
    assessment = FidelityAssessment.objects.create(
        municipality=municipality_a, unit=unit, form_version=v1, year=2026, quarter=1, status="completed"
    )
    for s in Statement.objects.filter(theme__form_version=v1):
        StatementAnswer.objects.create(
            municipality=municipality_a,
            assessment=assessment,
            statement=s,
            value=1 if s.number == 16 else 4,
            comment=f"Kommentar {s.number}",
        )
    AgreedAction.objects.create(
        municipality=municipality_a,
        assessment=assessment,
        what="Borgerråd",
        who="Leder",
        statement=Statement.objects.get(theme__form_version=v1, number=16),
        due_on=Quarter(2026, 2).end,
    )
    return leader, unit, assessment


def _models():
    from fidelity.models import AgreedAction, FidelityAssessment, Statement, StatementAnswer

    return {
        "Statement": Statement,
        "FidelityAssessment": FidelityAssessment,
        "StatementAnswer": StatementAnswer,
        "AgreedAction": AgreedAction,
    }


@pytest.mark.django_db
def test_assessments_on_version_1_move_to_version_2_keeping_answers_and_count_16_under_principle_2(
    first_version_assessment,
):
    from fidelity import selectors
    from fidelity.models import FormVersion
    from fidelity.quarters import Quarter

    leader, unit, assessment = first_version_assessment
    v1, v2 = FormVersion.objects.get(code="hf-2023-bilag1"), FormVersion.objects.get(current=True)
    assert formdata.move_assessments(v1, v2, **_models()) == 1
    assessment.refresh_from_db()
    assert assessment.form_version == v2
    answers = {
        a.statement.number: (
            a.value,
            a.comment,
            a.statement.theme.form_version_id,
            a.statement.principle.number,
        )
        for a in assessment.answers.select_related("statement__theme", "statement__principle")
    }
    assert answers[16] == (1, "Kommentar 16", v2.pk, 2)
    assert all(answers[n][:3] == (4, f"Kommentar {n}", v2.pk) for n in range(1, 16))
    assert assessment.actions.get().statement.number == 16
    assert assessment.actions.get().statement.theme.form_version == v2
    # the results render the earlier quarter, with statement 16 counted under principle 2
    result = selectors.results(leader, unit=unit, quarter=Quarter(2026, 1))["detail"]["result"]
    assert result.principles[2].value == 3.0 and result.principles[6].value == 4.0  # (4 + 4 + 1) / 3; only 13


@pytest.mark.django_db
def test_a_version_with_other_statements_takes_no_assessments(first_version_assessment):
    from fidelity.models import FormVersion, Principle, Statement, Theme

    _leader, _unit, assessment = first_version_assessment
    other = formdata.read()
    other = dict(other, code="hf-other", replaces="")
    other["themes"] = [
        dict(t, statements=[dict(s, text=s["text"] + " (ny ordlyd)") for s in t["statements"]])
        for t in other["themes"]
    ]
    v_other = formdata.load(
        other, FormVersion=FormVersion, Theme=Theme, Principle=Principle, Statement=Statement
    )
    with pytest.raises(ValueError, match="ikke de samme udsagn"):
        formdata.move_assessments(assessment.form_version, v_other, **_models())
    assessment.refresh_from_db()
    assert assessment.form_version.code == "hf-2023-bilag1"
