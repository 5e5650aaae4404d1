from django.conf import settings

from regioreg.commands import DutchCommand
from samenwerking.importbestanden import map_, opruimen


class Command(DutchCommand):
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
