"""Version 2 of the fidelity form (fidelity/forms/hf-004-bilag1-v2.json): statement 16 ("Borgerne oplever at
indgå i et ligeværdigt samarbejde ...") belongs to principle 2, whose description in seed 004, Bilag 1 speaks
of "et ligeværdigt samarbejde", not to principle 6. Same statements, themes and scale, so the assessments
made on version 1 move to version 2 with their answers, comments and actions (formdata.move_assessments);
version 1 stays as the record of what the form said."""

from django.db import migrations

from . import _frozen_formdata as formdata

V1, V2 = "hf-2023-bilag1", "hf-2023-bilag1-v2"
V2_FILE = "hf-004-bilag1-v2.json"


def _models(apps):
    return {
        name: apps.get_model("fidelity", name)
        for name in (
            "FormVersion",
            "Theme",
            "Principle",
            "Statement",
            "FidelityAssessment",
            "StatementAnswer",
            "AgreedAction",
        )
    }


def _system_access(schema_editor):
    # Moving answers is system work across every municipality: row-level security lets it see them all.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SELECT set_config('app.tenant_id', 'all', true)")


def forwards(apps, schema_editor):
    _system_access(schema_editor)
    formdata.load(formdata.read(V2_FILE), **_models(apps))


def backwards(apps, schema_editor):
    _system_access(schema_editor)
    m = _models(apps)
    v1, v2 = (
        m["FormVersion"].objects.filter(code=V1).first(),
        m["FormVersion"].objects.filter(code=V2).first(),
    )
    if v2 is None:
        return
    if v1 is not None:
        formdata.move_assessments(
            v2,
            v1,
            Statement=m["Statement"],
            FidelityAssessment=m["FidelityAssessment"],
            StatementAnswer=m["StatementAnswer"],
            AgreedAction=m["AgreedAction"],
        )
        m["FormVersion"].objects.filter(pk=v1.pk).update(current=True)
    v2.delete()


class Migration(migrations.Migration):
    dependencies = [("fidelity", "0003_survey_instrument_who5")]
    operations = [migrations.RunPython(forwards, backwards)]
