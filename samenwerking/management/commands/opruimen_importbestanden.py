from django.conf import settings
from django.core.management.base import BaseCommand

from samenwerking.importbestanden import map_, opruimen


class Command(BaseCommand):
    help = (
        "Verwijdert geüploade importbestanden waarvan het voorbeeld nooit is bevestigd: ouder "
        "dan IMPORT_BEWAAR_MINUTEN (of --minuten). Elke import doet dit ook; dit commando is "
        "voor cron, bijvoorbeeld elk uur."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--minuten",
            type=float,
            default=None,
            help=f"ouder dan dit aantal minuten (standaard {settings.IMPORT_BEWAAR_MINUTEN:g})",
        )

    def handle(self, *args, **options):
        aantal = opruimen(options["minuten"])
        self.stdout.write(f"{aantal} importbestand(en) verwijderd uit {map_()}.")
