from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from samenwerking.geschiedenis import als_opdracht
from samenwerking.roo import RooFout, roo_importeren


class Command(BaseCommand):
    help = (
        "Leest een export van het Register van Overheidsorganisaties in "
        "(exportOO_gemeenschappelijke_regelingen.xml). Het bestand wordt eerst tegen het schema "
        "gecontroleerd; bij een fout wordt niets opgeslagen. Regelingen worden herkend aan hun "
        "systeemId; een tweede keer inlezen verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", type=Path)
        parser.add_argument(
            "--dry-run", action="store_true", help="alles nagaan en melden, niets opslaan"
        )

    @als_opdracht
    def handle(self, *args, **options):
        try:
            inhoud = options["bestand"].read_bytes()
        except OSError as fout:
            raise CommandError(f"{options['bestand']}: {fout.strerror}.") from None
        try:
            verslag = roo_importeren(inhoud=inhoud, proef=options["dry_run"])
        except RooFout as fout:
            meldingen = "\n  ".join(fout.messages)
            raise CommandError(
                f"Niets ingelezen; {options['bestand']} klopt niet:\n  {meldingen}"
            ) from None
        schrijf = self.stdout.write
        if options["dry_run"]:
            schrijf(self.style.WARNING("Proef (--dry-run): er is niets opgeslagen."))
        schrijf(
            f"Regelingen: {verslag.nieuw} nieuw, {verslag.bijgewerkt} bijgewerkt, "
            f"{verslag.ongewijzigd} ongewijzigd"
        )
        schrijf(
            f"Deelnames: {verslag.deelnames_nieuw} nieuw, {verslag.deelnames_bijgewerkt} "
            f"bijgewerkt; organisaties: {verslag.organisaties_nieuw} nieuw; domeinen: "
            f"{verslag.domeinen_nieuw} nieuw; versies gekoppeld: {verslag.versies_gekoppeld}"
        )
        for punt in verslag.aandachtspunten:
            schrijf(self.style.WARNING(f"Let op: {punt}"))
        if not verslag.iets_gewijzigd:
            schrijf(self.style.SUCCESS("Niets gewijzigd: het register was al bijgewerkt."))
