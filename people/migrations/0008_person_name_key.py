from django.db import migrations, models

from ._frozen import name_key


def fill_name_key(apps, schema_editor):
    """Existing people get the name possible duplicates are grouped on (system work, every municipality)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SELECT set_config('app.tenant_id', 'all', true)")
    Person = apps.get_model("people", "Person")
    batch = []
    for person in Person.objects.only("id", "first_name", "last_name").iterator(chunk_size=2000):
        person.name_key = name_key(person.first_name, person.last_name)
        batch.append(person)
        if len(batch) >= 2000:
            Person.objects.bulk_update(batch, ["name_key"])
            batch = []
    if batch:
        Person.objects.bulk_update(batch, ["name_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0007_list_export"),
    ]

    operations = [
        migrations.AddField(
            model_name="person",
            name="name_key",
            field=models.CharField(blank=True, editable=False, max_length=250),
        ),
        migrations.RunPython(fill_name_key, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="person",
            index=models.Index(
                fields=["municipality", "name_key", "birth_year"], name="person_duplicate_key"
            ),
        ),
    ]
