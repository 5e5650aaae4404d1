from pathlib import Path

from django.core.management.base import CommandError

from regioreg.commands import DutchCommand
from samenwerking.geschiedenis import als_opdracht
from samenwerking.referentiedata import FIXTURES, ReferentiedataFout, referentiedata_laden


class Command(DutchCommand):
    help = (
        "Laadt de provincies, de huidige gemeenten en de sinds 2016 opgeheven gemeenten met "
        "hun herindelingen uit fixtures/. Een tweede keer laden verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gemeenten", type=Path, default=FIXTURES / "gemeenten.csv")
        parser.add_argument("--herindelingen", type=Path, default=FIXTURES / "herindelingen.csv")

    @als_opdracht
    def handle(self, *args, **options):
        try:
            verslag = referentiedata_laden(
                gemeenten_pad=options["gemeenten"], herindelingen_pad=options["herindelingen"]
            )
        except ReferentiedataFout as fout:
            raise CommandError(f"Niets geladen. {' '.join(fout.messages)}") from None
        for naam, telling in (
            ("provincies", verslag.provincies),
            ("gemeenten", verslag.gemeenten),
            ("herindelingen", verslag.herindelingen),
        ):
            self.stdout.write(
                f"{naam}: {telling.nieuw} nieuw, {telling.gewijzigd} gewijzigd, "
                f"{telling.ongewijzigd} ongewijzigd"
            )
        if verslag.iets_gewijzigd:
            self.stdout.write(self.style.SUCCESS("Referentiedata geladen."))
        else:
            self.stdout.write(
                self.style.SUCCESS("Niets gewijzigd: de referentiedata was al actueel.")
            )
