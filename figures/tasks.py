"""Refreshing the maintained figures on the database queue (django-tasks), with system access like the
other jobs: after writes (queued by figures/services.py) and daily for the new day
(``enqueue_daily_jobs``; ``manage.py refresh_figures`` does the same at once)."""

from django.utils import timezone
from django_tasks import task

from tenants.models import Municipality
from tenants.rls import system_access

from . import services


@task()
def refresh_figures(municipality_id: int) -> int:
    """Compute the municipality's stale figures for today: the number computed."""
    today = timezone.localdate()
    with system_access():
        municipality = Municipality.objects.filter(pk=municipality_id).first()
        return services.refresh(municipality, today=today) if municipality else 0


@task()
def refresh_all_figures() -> dict[str, int]:
    """The daily job: every municipality's figures computed for the new day (counts by name)."""
    today = timezone.localdate()
    counts = {}
    with system_access():
        for municipality in Municipality.objects.all():
            counts[municipality.name] = services.refresh(municipality, today=today)
    return counts
