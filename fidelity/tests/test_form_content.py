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
        "Grundlæggende værdier", "Bolig og nabolag", "Social og praktisk støtte", "Samarbejdet med borgeren"]
    # DOMAIN.md / seed 004: basic values (7, 8); housing (1, 4); support (3, 5); collaboration (6, 2)
    assert [[p["number"] for p in t["principles"]] for t in data["themes"]] == [[7, 8], [1, 4], [3, 5], [6, 2]]
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
        (5, "Helt enig"), (4, "Enig"), (3, "Hverken enig/uenig"), (2, "Uenig"), (1, "Helt uenig")]
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

    models = dict(FormVersion=FormVersion, Theme=Theme, Principle=Principle, Statement=Statement)
    data = formdata.read()
    formdata.load(data, **models)
    assert FormVersion.objects.count() == 1
    newer = dict(data, code="hf-next")
    v = formdata.load(newer, **models)
    assert FormVersion.objects.get(current=True) == v
    assert Statement.objects.filter(theme__form_version=v).count() == 16
