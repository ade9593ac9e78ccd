"""People's tasks on the database queue (django-tasks): the daily jobs (``manage.py mark_inactive``
runs the same) and large exports of the by-name list."""

from django.utils import timezone
from django_tasks import task

from tenants.models import Municipality
from tenants.rls import system_access

from . import exports
from .services import mark_inactive


@task()
def mark_inactive_everywhere() -> dict[str, int]:
    """Every municipality's people without contact for its period become inactive: counts by name."""
    today = timezone.localdate()
    counts = {}
    with system_access():
        for municipality in Municipality.objects.all():
            counts[municipality.name] = mark_inactive(municipality=municipality, today=today)
    return counts


@task()
def build_list_export(export_id: int, municipality_id: int) -> str:
    """A large by-name list export (people.exports.export_run): its status."""
    return exports.export_run(export_id, municipality_id)


@task()
def purge_list_exports() -> int:
    """Delete export files past EXPORT_KEEP_HOURS (people/conf.py): the number deleted."""
    with system_access():
        return exports.purge_exports()
