from django.core.management.base import BaseCommand

from imports.services import fail_stale_jobs
from tenants.rls import system_access


class Command(BaseCommand):
    help = "Markér indlæsninger, hvis proces er stoppet, som afvist, og slet deres fil (køres jævnligt)."

    def handle(self, *args, **options):
        with system_access():
            count = fail_stale_jobs()
        self.stdout.write(f"{count} stoppede indlæsninger markeret som afvist.")
