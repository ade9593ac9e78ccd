from django.core.management.base import BaseCommand
from django.utils import timezone

from people.services import mark_inactive
from tenants.models import Municipality
from tenants.rls import system_access


class Command(BaseCommand):
    help = "Markér aktive borgere uden kontakt eller opdatering i N dage som inaktive (køres dagligt)."

    def handle(self, *args, **options):
        today = timezone.localdate()
        with system_access():
            for municipality in Municipality.objects.all():
                count = mark_inactive(municipality=municipality, today=today)
                if count:
                    self.stdout.write(f"{municipality.name}: {count} borgere markeret inaktive.")
