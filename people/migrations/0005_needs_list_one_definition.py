"""Issue 9 item 5: one definition of "on the housing needs list" (an open NeedsListEntry, mirrored by
Person.on_needs_list). Existing rows are brought in line: a person who has moved into their own home,
died or moved away leaves the list (on that date), and the flag follows the open entry."""

from django.db import migrations

SITUATION_OR_STATUS_DATE = (
    "CASE WHEN p.current_situation = 'own_home' THEN p.situation_since ELSE p.status_since END"
)


def align_needs_list(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SELECT set_config('app.tenant_id', 'all', true)")
    schema_editor.execute(
        "UPDATE people_needslistentry SET removed_on = COALESCE(("
        f"SELECT CASE WHEN {SITUATION_OR_STATUS_DATE} > people_needslistentry.registered_on "
        f"THEN {SITUATION_OR_STATUS_DATE} ELSE people_needslistentry.registered_on END "
        "FROM people_person p WHERE p.id = people_needslistentry.person_id), people_needslistentry.registered_on) "
        "WHERE removed_on IS NULL AND person_id IN (SELECT id FROM people_person "
        "WHERE current_status IN ('housed', 'died', 'moved_away') OR current_situation = 'own_home')"
    )
    open_entry = (
        "EXISTS (SELECT 1 FROM people_needslistentry e "
        "WHERE e.person_id = people_person.id AND e.removed_on IS NULL)"
    )
    schema_editor.execute(
        f"UPDATE people_person SET on_needs_list = {open_entry} WHERE on_needs_list <> {open_entry}"
    )


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0004_person_contact_summary"),
    ]

    operations = [
        migrations.RunPython(align_needs_list, migrations.RunPython.noop),
    ]
