import time
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from regioreg.commands import DutchCommand
from samenwerking.geschiedenis import als_opdracht
from samenwerking.opengr import (
    DSTA_BESTAND,
    GEMEENTE,
    NIET_GEVONDEN,
    OPENGR_BESTAND,
    ORGANISATIE,
    opengr_importeren,
    rapport_rijen,
    standaard_map,
)
from samenwerking.uitvoerbestand import (
    NIETS_INGELEZEN,
    PROEF,
    importopties,
    rapport_schrijven,
    schrijfbaar,
)


def _procent(getal: float) -> str:
    return f"{getal:.1f}".replace(".", ",")


class Command(DutchCommand):
    help = (
        "Leest de OpenGR-gegevens (Open State Foundation, 2016) in, als historische bron naast "
        "het landelijk register: regelingen, deelnemers en adressen, doorgetrokken via de "
        "herindelingen naar de gemeenten van nu. Is het landelijk register ingelezen, dan "
        "worden ze gekoppeld aan de regeling daar of gemarkeerd als 'niet in het landelijk "
        "register (stand 2016)'; ze tellen niet mee als lopend. Een tweede keer inlezen "
        "verandert niets."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--opengr", type=Path, help=f"{OPENGR_BESTAND} (standaard: REGIOREG_BRONNEN/opengr)"
        )
        parser.add_argument(
            "--dsta", type=Path, help=f"{DSTA_BESTAND} (standaard: REGIOREG_BRONNEN/opengr)"
        )
        importopties(
            parser,
            rapport="CSV met per regel wat ermee gebeurde",
            voorbeeld="importrapport-opengr.csv",
            standaard=True,
        )

    @als_opdracht
    def handle(self, *args, **options):
        begin = time.monotonic()
        map = standaard_map()
        opengr = options["opengr"] or (map / OPENGR_BESTAND if map else None)
        dsta = options["dsta"] or (map / DSTA_BESTAND if map else None)
        if opengr is None or dsta is None:
            raise CommandError(
                "Geen OpenGR-bestanden: geef --opengr en --dsta, of zet REGIOREG_BRONNEN op de "
                "map met opengr/."
            )
        schrijfbaar(
            options["rapport"], optie="--rapport", gevolg=NIETS_INGELEZEN, invoer=(opengr, dsta)
        )
        try:
            verslag = opengr_importeren(opengr_pad=opengr, dsta_pad=dsta, proef=options["dry_run"])
        except ValidationError as fout:
            raise CommandError(f"Niets ingelezen. {' '.join(fout.messages)}") from None
        duur = time.monotonic() - begin
        rapport_schrijven(options["rapport"], rapport_rijen(verslag))

        schrijf = self.stdout.write
        if verslag.proef:
            schrijf(self.style.WARNING(PROEF))
        schrijf(f"Regels gelezen: {len(verslag.regels)}")
        schrijf(
            f"  gemeente: {verslag.aantal(GEMEENTE)} "
            f"({_procent(verslag.percentage_gemeenten)}% van de regels met een gemeente)"
        )
        schrijf(f"  organisatie: {verslag.aantal(ORGANISATIE)}")
        schrijf(f"  niet gevonden: {verslag.aantal(NIET_GEVONDEN)}")
        schrijf(
            f"Samenwerkingsverbanden: {verslag.verbanden_nieuw} nieuw, "
            f"{verslag.verbanden_bijgewerkt} bijgewerkt, {verslag.verbanden_ongewijzigd} "
            f"ongewijzigd; {verslag.dsta_gekoppeld} gekoppeld aan de DSTA-lijst"
        )
        schrijf(f"Organisaties: {verslag.organisaties_nieuw} nieuw")
        schrijf(f"Deelnames: {verslag.deelnames_nieuw} nieuw")
        schrijf(f"Herindelingen: {verslag.herindeling.samenvatting()}")
        if verslag.historisch.iets_gewijzigd or verslag.historisch.gekoppeld:
            schrijf(verslag.historisch.samenvatting())
        for opmerking in verslag.opmerkingen + verslag.herindeling.aandachtspunten:
            schrijf(self.style.WARNING(f"Let op: {opmerking}"))
        if verslag.niet_gevonden:
            schrijf("Niet gevonden (niet ingelezen):")
            for regel in verslag.niet_gevonden:
                suggestie = f" Lijkt op: {', '.join(regel.kandidaten)}." if regel.kandidaten else ""
                schrijf(
                    f"  regel {regel.regel}: {regel.deelnemer!r} in {regel.regeling}.{suggestie}"
                )
        schrijf(f"Rapport per regel: {options['rapport']}")
        schrijf(f"Duur: {_procent(duur)} s")
        if not verslag.iets_gewijzigd:
            schrijf(
                self.style.SUCCESS("Niets gewijzigd: alles uit OpenGR stond al in het register.")
            )
