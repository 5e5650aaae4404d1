import json

from django.core.management.base import CommandError

from regioreg.commands import DutchCommand
from samenwerking.backup import HerstelFout, register_herstellen
from samenwerking.geschiedenis import als_opdracht


class Command(DutchCommand):
    help = (
        "Zet een register terug dat met exporteer_register is geschreven, in een lege database "
        "(na migrate). Alles of niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", help="pad van het JSON-bestand van exporteer_register")

    @als_opdracht
    def handle(self, *args, **options):
        try:
            with open(options["bestand"], encoding="utf-8") as bestand:
                gegevens = json.load(bestand)
            aantallen = register_herstellen(gegevens)
        except (OSError, ValueError, HerstelFout) as fout:
            raise CommandError(str(fout)) from None
        totaal = sum(aantallen.values())
        self.stdout.write(f"Teruggezet: {totaal} rijen in {len(aantallen)} tabellen.")
