"""Loads a version of the fidelity form from its data file (fidelity/forms/*.json): the form's content
is data with its source, so a new manual version is a new file, not a code change."""
import json
from pathlib import Path

FORMS_DIR = Path(__file__).resolve().parent / "forms"
CURRENT_FILE = "hf-004-bilag1.json"


def read(name: str = CURRENT_FILE) -> dict:
    return json.loads((FORMS_DIR / name).read_text(encoding="utf-8"))


def load(data: dict, *, FormVersion, Theme, Principle, Statement):
    """Get-or-create the version and its content; models passed in so a data migration can use it."""
    version, created = FormVersion.objects.get_or_create(
        code=data["code"],
        defaults={"title": data["title"], "source": data["source"], "question": data["question"], "scale": data["scale"]},
    )
    if not created:
        return version
    FormVersion.objects.exclude(pk=version.pk).update(current=False)
    for t in data["themes"]:
        theme = Theme.objects.create(form_version=version, number=t["number"], title=t["title"])
        principles = {p["number"]: Principle.objects.create(theme=theme, number=p["number"], title=p["title"],
                                                            description=p["description"]) for p in t["principles"]}
        for s in t["statements"]:
            Statement.objects.create(theme=theme, principle=principles[s["principle"]], number=s["number"], text=s["text"])
    return version


def current_version():
    """The form in use. The data migration loads it; if the tables were emptied since (a test
    database flushed between transactional tests, a restored dump), it is loaded again from its file,
    since it is national content, not a municipality's data."""
    from .models import FormVersion, Principle, Statement, Theme

    version = FormVersion.objects.filter(current=True).first()
    if version is None:
        version = load(read(), FormVersion=FormVersion, Theme=Theme, Principle=Principle, Statement=Statement)
        if not version.current:
            FormVersion.objects.filter(pk=version.pk).update(current=True)
            version.current = True
    return version
