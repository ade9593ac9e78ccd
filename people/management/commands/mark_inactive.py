from django.core.management.base import BaseCommand

from people.tasks import mark_inactive_everywhere


class Command(BaseCommand):
    help = "Markér aktive borgere uden kontakt eller opdatering i N dage som inaktive (køres dagligt)."

    def handle(self, *args, **options):
        for name, count in mark_inactive_everywhere.call().items():
            if count:
                self.stdout.write(f"{name}: {count} borgere markeret inaktive.")
