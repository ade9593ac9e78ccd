from django.core.management.base import BaseCommand

from today.tasks import send_daily_digests


class Command(BaseCommand):
    help = "Send I dag's daily e-mail to every user who asked for it (the task of the same job, at once)."

    def handle(self, *args, **options):
        sent = send_daily_digests.call()
        self.stdout.write(f"{sent} e-mails sendt.")
