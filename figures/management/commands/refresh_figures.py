from django.core.management.base import BaseCommand

from figures.tasks import refresh_all_figures


class Command(BaseCommand):
    help = "Beregn alle kommuners nøgletal for i dag (den daglige opgave; se figures/tasks.py)."

    def handle(self, *args, **options):
        counts = refresh_all_figures.call()
        self.stdout.write(f"{sum(counts.values())} nøgletal beregnet i {len(counts)} kommuner.")
