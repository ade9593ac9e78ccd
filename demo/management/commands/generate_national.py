from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from demo.national import load_national


class Command(BaseCommand):
    help = (
        "Generér skaleringsdata for hele landet (98 kommuner, ca. 100.000 borgere, ca. 5 mio. hændelser). "
        "Kun PostgreSQL (COPY); brug en database kun til skaleringsdata."
    )

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, default=100_000, help="Antal borgere i alt (før --scale).")
        parser.add_argument("--years", type=int, default=10, help="År med historik op til i dag.")
        parser.add_argument("--seed", type=int, default=1, help="Tilfældighedsfrø.")
        parser.add_argument(
            "--scale", type=float, default=1.0, help="Gang antallet af borgere med dette tal."
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Tøm sagstabellerne i hele databasen først (kun til en skaleringsdatabase).",
        )

    def handle(self, *args, people, years, seed, scale, reset, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                f"generate_national kræver PostgreSQL (COPY); databasen er {connection.vendor}. "
                "Sæt DATABASE_URL=postgres://hf_owner@127.0.0.1:5432/<database> (ejeren)."
            )
        try:
            load_national(
                people=people, years=years, seed=seed, scale=scale, reset=reset, out=self.stdout.write
            )
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
