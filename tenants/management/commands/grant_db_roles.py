from django.core.management.base import BaseCommand

from tenants import roles


class Command(BaseCommand):
    help = (
        "Giv applikationens og systemets databaseroller deres rettigheder (tenants/roles.py). Køres som "
        "ejeren; migrate gør det selv efter hver migrering."
    )

    def handle(self, *args, **options):
        granted = roles.grant_on_default()
        self.stdout.write(f"Rettigheder givet til: {', '.join(granted) or 'ingen'}.")
