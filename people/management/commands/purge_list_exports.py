from django.core.management.base import BaseCommand

from people.tasks import purge_list_exports


class Command(BaseCommand):
    help = "Slet udtræk af hjemløselisten, der er ældre end den indstillede opbevaringstid (køres dagligt)."

    def handle(self, *args, **options):
        deleted = purge_list_exports.call()
        self.stdout.write(f"Slettede {deleted} udtræk.")
