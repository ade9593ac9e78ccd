from django.core.management.base import BaseCommand

from audit.tasks import purge_logs


class Command(BaseCommand):
    help = "Slet logposter ældre end opbevaringsperioden (HF['LOG_RETENTION_DAYS'])."

    def handle(self, *args, **options):
        deleted = purge_logs.call()
        self.stdout.write(f"Slettede {deleted} logposter.")
