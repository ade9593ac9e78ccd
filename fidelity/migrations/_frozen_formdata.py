"""A frozen copy of fidelity/formdata.py's loader as the data migrations 0002 and 0004 use it: a migration
must not change when today's application code does. Not a migration (the loader skips "_" modules)."""

import json
from pathlib import Path

# The form files are versioned data (a new version is a new file), read from the app's forms folder.
FORMS_DIR = Path(__file__).resolve().parent.parent / "forms"
FIRST_FILE = "hf-004-bilag1.json"  # version 1, loaded by migration 0002
# Version 2 (migration 0004): statement 16 under principle 2, whose own words it uses (seed 004, Bilag 1).
CURRENT_FILE = "hf-004-bilag1-v2.json"


def read(name: str = CURRENT_FILE) -> dict:
    return json.loads((FORMS_DIR / name).read_text(encoding="utf-8"))


def load(
    data: dict,
    *,
    FormVersion,
    Theme,
    Principle,
    Statement,
    FidelityAssessment=None,
    StatementAnswer=None,
    AgreedAction=None,
):
    """Get-or-create the version and its content; models passed in so a data migration can use it. A new
    version that ``replaces`` an earlier one takes over that version's assessments (move_assessments) when
    the assessment models are passed."""
    version, created = FormVersion.objects.get_or_create(
        code=data["code"],
        defaults={
            "title": data["title"],
            "source": data["source"],
            "question": data["question"],
            "scale": data["scale"],
        },
    )
    if not created:
        return version
    FormVersion.objects.exclude(pk=version.pk).update(current=False)
    for t in data["themes"]:
        theme = Theme.objects.create(form_version=version, number=t["number"], title=t["title"])
        principles = {
            p["number"]: Principle.objects.create(
                theme=theme, number=p["number"], title=p["title"], description=p["description"]
            )
            for p in t["principles"]
        }
        for s in t["statements"]:
            Statement.objects.create(
                theme=theme, principle=principles[s["principle"]], number=s["number"], text=s["text"]
            )
    replaced = FormVersion.objects.filter(code=data.get("replaces") or "").first()
    if replaced is not None and FidelityAssessment is not None:
        move_assessments(
            replaced,
            version,
            Statement=Statement,
            FidelityAssessment=FidelityAssessment,
            StatementAnswer=StatementAnswer,
            AgreedAction=AgreedAction,
        )
    return version


def move_assessments(old, new, *, Statement, FidelityAssessment, StatementAnswer, AgreedAction) -> int:
    """Move every assessment on ``old`` to ``new``, a corrected version that asks the very same statements
    (same numbers, themes and words; only the platform's reading of their principles differs): each answer
    and agreed action then points at the new version's statement of the same number, keeping its value,
    comment and status, so earlier quarters render and count under the corrected principles. The old
    version stays as the record of what the form said. A version whose statements differ is a new form:
    ValueError, nothing moved. Base managers: system work across every municipality (also in migrations).
    Returns the number of assessments moved."""

    def statements(version):
        return {
            s.number: s
            for s in Statement._base_manager.filter(theme__form_version=version).select_related("theme")
        }

    before, after = statements(old), statements(new)
    same = {n: (s.theme.number, s.text) for n, s in before.items()} == {
        n: (s.theme.number, s.text) for n, s in after.items()
    }
    if not same:
        raise ValueError(
            f"Skemaversion {new.code} stiller ikke de samme udsagn som {old.code}; vurderingerne flyttes ikke."
        )
    for number, statement in before.items():
        StatementAnswer._base_manager.filter(statement_id=statement.pk).update(statement_id=after[number].pk)
        AgreedAction._base_manager.filter(statement_id=statement.pk).update(statement_id=after[number].pk)
    return FidelityAssessment._base_manager.filter(form_version=old).update(form_version=new)
