"""People's daily task on the database queue (django-tasks); ``manage.py mark_inactive`` runs the same."""

from django.utils import timezone
from django_tasks import task

from tenants.models import Municipality
from tenants.rls import system_access

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
