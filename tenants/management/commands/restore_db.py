from django.core.management.base import BaseCommand

from tenants import backup


class Command(BaseCommand):
    help = "Gendan en sikkerhedskopi i en ny database og giv rollerne deres rettigheder (./run restore)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("database", nargs="?", help="standard: hf_restored_<tidspunkt>")

    def handle(self, *args, **options):
        from datetime import datetime

        dbname = options["database"] or f"hf_restored_{datetime.now():%Y%m%d_%H%M%S}"
        granted = backup.restore(options["file"], dbname)
        self.stdout.write(
            f"Gendannet i {dbname}; rettigheder givet til: {', '.join(granted) or 'ingen'}. "
            "Peg DATABASE_URL på den nye database for at tage den i brug."
        )
