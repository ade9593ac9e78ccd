from django.db import migrations, models

from ._frozen import search_name


def fill_search_name(apps, schema_editor):
    """Existing people get their folded search name (system work, every municipality)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SELECT set_config('app.tenant_id', 'all', true)")
    Person = apps.get_model("people", "Person")
    batch = []
    for person in Person.objects.only("id", "first_name", "last_name", "initials").iterator(chunk_size=2000):
        person.search_name = search_name(person.first_name, person.last_name, person.initials)
        batch.append(person)
        if len(batch) >= 2000:
            Person.objects.bulk_update(batch, ["search_name"])
            batch = []
    if batch:
        Person.objects.bulk_update(batch, ["search_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0005_needs_list_one_definition"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="search_name",
            field=models.CharField(blank=True, editable=False, max_length=250),
        ),
        migrations.RunPython(fill_search_name, migrations.RunPython.noop),
    ]
