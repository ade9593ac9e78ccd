from django.core.management.base import BaseCommand

from imports.tasks import fail_stale_imports


class Command(BaseCommand):
    help = "Markér indlæsninger, hvis opgave er stoppet, som afvist, og slet deres fil (køres jævnligt)."

    def handle(self, *args, **options):
        count = fail_stale_imports.call()
        self.stdout.write(f"{count} stoppede indlæsninger markeret som afvist.")
