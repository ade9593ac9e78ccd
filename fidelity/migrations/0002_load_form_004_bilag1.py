"""Loads the fidelity form of seed 004, Bilag 1 from fidelity/forms/hf-004-bilag1.json."""

from django.db import migrations

from . import _frozen_formdata as formdata


def forwards(apps, schema_editor):
    formdata.load(
        formdata.read(formdata.FIRST_FILE),
        FormVersion=apps.get_model("fidelity", "FormVersion"),
        Theme=apps.get_model("fidelity", "Theme"),
        Principle=apps.get_model("fidelity", "Principle"),
        Statement=apps.get_model("fidelity", "Statement"),
    )


def backwards(apps, schema_editor):
    apps.get_model("fidelity", "FormVersion").objects.filter(code="hf-2023-bilag1").delete()


class Migration(migrations.Migration):
    dependencies = [("fidelity", "0001_initial")]
    operations = [migrations.RunPython(forwards, backwards)]
