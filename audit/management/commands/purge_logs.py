from django.core.management.base import BaseCommand

from audit.services import purge_expired_logs


class Command(BaseCommand):
    help = "Slet logposter ældre end opbevaringsperioden (LOG_RETENTION_DAYS i audit/conf.py)."

    def handle(self, *args, **options):
        deleted = purge_expired_logs()
        self.stdout.write(f"Slettede {deleted} logposter.")
