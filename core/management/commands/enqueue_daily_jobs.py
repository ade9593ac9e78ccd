from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils.module_loading import import_string


class Command(BaseCommand):
    help = "Sæt de daglige opgaver (settings.DAILY_TASKS) i kø til opgavekøen (manage.py db_worker)."

    def handle(self, *args, **options):
        for path in settings.DAILY_TASKS:
            import_string(path).enqueue()
        self.stdout.write(f"{len(settings.DAILY_TASKS)} daglige opgaver sat i kø.")
