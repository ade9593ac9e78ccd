import os

from django.core.management.base import BaseCommand, CommandError

from demo.loader import DEMO_MUNICIPALITIES, DEMO_PASSWORD, NotADemoDatabase, seed_demo, user_lines


class Command(BaseCommand):
    help = "Nulstil og indlæs demodata: Frederikssund (0250) og Fredericia (0607) med brugere og borgere."

    def add_arguments(self, parser):
        parser.add_argument(
            "--seed", type=int, default=1, help="Tilfældighedsfrø (samme frø giver samme data)."
        )
        parser.add_argument(
            "--i-know-this-deletes-data",
            action="store_true",
            dest="deletes_data_confirmed",
            help="Kør på en database, der ikke er markeret som demodatabase (aldrig med "
            "produktionsindstillinger): demokommunernes borgere, log og brugere slettes.",
        )

    def handle(self, *args, seed, deletes_data_confirmed=False, **options):
        try:
            summary = seed_demo(seed=seed, deletes_data_confirmed=deletes_data_confirmed)
        except NotADemoDatabase as exc:
            raise CommandError(str(exc)) from exc
        names = {d.code: d.name for d in DEMO_MUNICIPALITIES}
        for code, c in summary.items():
            self.stdout.write(
                f"{names[code]} ({code}): {c['people']} borgere med historik, {c['active']} aktive på "
                f"hjemløselisten ({c['homeless']} hjemløse), {c['needs_list']} på boligbehovslisten, "
                f"{c['protected']} med navne- og adressebeskyttelse."
            )
        addr = os.environ.get("DEMO_ADDR", "127.0.0.1:8000")
        self.stdout.write(
            self.style.SUCCESS(
                f"\nÅbn http://{addr}/ og log ind med en af disse brugere (adgangskode: {DEMO_PASSWORD}):"
            )
        )
        for line in user_lines():
            self.stdout.write(line)
