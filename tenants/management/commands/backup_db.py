from django.core.management.base import BaseCommand

from tenants import backup


class Command(BaseCommand):
    help = "Tag en sikkerhedskopi af databasen med pg_dump som ejeren (custom format; ./run backup)."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="standard: var/backups/hf-<tidspunkt>.dump")

    def handle(self, *args, **options):
        path = backup.dump(options["file"])
        self.stdout.write(f"Sikkerhedskopi: {path}")
