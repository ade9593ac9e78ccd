"""The simulation's task on the database queue (django-tasks): a scenario's run."""

from django_tasks import task

from . import services


@task()
def run_simulation(run_id: int, municipality_id: int) -> str:
    return services.run_execute(run_id, municipality_id)
