from django.core.management.base import BaseCommand

from audit.tasks import purge_logs


class Command(BaseCommand):
    help = "Slet logposter ældre end opbevaringsperioden (LOG_RETENTION_DAYS i audit/conf.py)."

    def handle(self, *args, **options):
        deleted = purge_logs.call()
        self.stdout.write(f"Slettede {deleted} logposter.")
