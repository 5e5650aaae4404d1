import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError

from regioreg.commands import DutchCommand
from samenwerking.geschiedenis import als_opdracht
from samenwerking.roo import RooFout, bestanden_lezen
from samenwerking.roo_download import export_downloaden
from samenwerking.roo_import import Wijzigingssoort, roo_importeren, verslagregels
from samenwerking.uitvoerbestand import (
    NIETS_INGELEZEN,
    PROEF,
    importopties,
    rapport_schrijven,
    schrijfbaar,
)

MAX_NIEUW_GETOOND = 25
BESTANDEN = (
    "exportOO_gemeenten.xml",
    "exportOO_gemeenschappelijke_regelingen.xml",
    "exportOO.xml",
)


def bestanden_in(map: Path) -> list[Path]:
    """The export files in a sources folder (REGIOREG_BRONNEN or its roo/ subfolder)."""
    for kandidaat in (map / "roo", map):
        gevonden = [kandidaat / naam for naam in BESTANDEN if (kandidaat / naam).is_file()]
        if gevonden:
            # The full export holds everything; per-category files are read together.
            volledig = [p for p in gevonden if p.name == "exportOO.xml"]
            return volledig or gevonden
    return []


class Voortgang:
    """A progress bar on stderr, redrawn when the percentage changes."""

    def __init__(self, uit):
        self.uit = uit
        self.laatst = None

    def __call__(self, gelezen: int, totaal: int | None) -> None:
        mb = f"{gelezen / 1e6:.1f}".replace(".", ",")
        if totaal:
            procent = min(100, gelezen * 100 // totaal)
            if procent == self.laatst:
                return
            self.laatst = procent
            balk = "#" * (procent // 5) + " " * (20 - procent // 5)
            van = f"{totaal / 1e6:.1f}".replace(".", ",")
            self.uit.write(f"\r  [{balk}] {procent:3d}%  {mb} van {van} MB", ending="")
        else:
            self.uit.write(f"\r  {mb} MB", ending="")
        self.uit.flush()

    def klaar(self) -> None:
        self.uit.write("")


class Command(DutchCommand):
    help = (
        "Leest de export van het landelijk register (Register van Overheidsorganisaties) in en "
        "houdt regioreg ermee in de pas: exportOO_gemeenten.xml (gemeenten en inwoners), "
        "exportOO_gemeenschappelijke_regelingen.xml of de volledige exportOO.xml, of met "
        "--download de actuele export. Een tweede keer inlezen verandert niets; een nieuwere "
        "export meldt per regeling wat nieuw, gewijzigd of beëindigd is, en waar een "
        "handmatige wijziging in regioreg afwijkt van het register (die blijft staan)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "bestanden",
            nargs="*",
            type=Path,
            help="exportbestanden; zonder bestanden: die in REGIOREG_BRONNEN",
        )
        parser.add_argument(
            "--download",
            action="store_true",
            help="de actuele export downloaden (adres: ROO_DOWNLOAD_URL) en inlezen",
        )
        parser.add_argument("--url", help="ander downloadadres dan ROO_DOWNLOAD_URL")
        parser.add_argument(
            "--schema",
            type=Path,
            help="oo-export.xsd om tegen te controleren (standaard: naast het bestand)",
        )
        importopties(
            parser, rapport="CSV met elke wijziging, conflict en melding", voorbeeld="rapport.csv"
        )

    @als_opdracht
    def handle(self, *args, **options):
        begin = time.monotonic()
        if options["rapport"]:
            schrijfbaar(
                options["rapport"],
                optie="--rapport",
                gevolg=NIETS_INGELEZEN,
                invoer=options["bestanden"],
            )
        paden = list(options["bestanden"])
        notities = []
        if options["download"]:
            url = options["url"] or settings.ROO_DOWNLOAD_URL
            self.stdout.write(f"Downloaden: {url}")
            voortgang = Voortgang(self.stderr)
            try:
                pad, notities = export_downloaden(
                    url=url,
                    map=settings.ROO_DOWNLOAD_MAP,
                    schema_url=settings.ROO_SCHEMA_URL,
                    voortgang=voortgang,
                )
            except RooFout as fout:
                raise CommandError(f"Niets ingelezen. {' '.join(fout.messages)}") from None
            finally:
                voortgang.klaar()
            paden.append(pad)
        if not paden and settings.REGIOREG_BRONNEN:
            paden = bestanden_in(Path(settings.REGIOREG_BRONNEN))
        if not paden:
            raise CommandError(
                "Geen exportbestanden: geef ze als argument, zet REGIOREG_BRONNEN op de map "
                "met roo/, of gebruik --download."
            )
        try:
            export = bestanden_lezen(paden, schema=options["schema"])
        except RooFout as fout:
            meldingen = "\n  ".join(fout.messages)
            raise CommandError(f"Niets ingelezen:\n  {meldingen}") from None
        export.meldingen = notities + export.meldingen
        verslag = roo_importeren(export=export, proef=options["dry_run"])
        self._schrijven(verslag, options["verbosity"])
        if options["rapport"]:
            rapport_schrijven(options["rapport"], _rapport(verslag))
            self.stdout.write(f"Rapport: {options['rapport']}")
        self.stdout.write(f"Duur: {time.monotonic() - begin:.1f} s".replace(".", ","))

    def _schrijven(self, verslag, verbosity: int) -> None:
        schrijf = self.stdout.write
        if verslag.proef:
            schrijf(self.style.WARNING(PROEF))
        schrijf(f"Gelezen: {', '.join(verslag.bestanden)}")
        for regel in verslagregels(verslag):
            schrijf(regel)
        nieuw = [w for w in verslag.wijzigingen if w.omschrijving.startswith("nieuwe regeling")]
        verkort = len(nieuw) > MAX_NIEUW_GETOOND
        if verkort:
            schrijf(
                f"{len(nieuw)} nieuwe regelingen (elk met naam en systeemId in het rapport, "
                "--rapport)."
            )
        groepen = [
            (naam, systeem_id, [w for w in lijst if not (verkort and w in nieuw)])
            for naam, systeem_id, lijst in verslag.per_regeling()
        ]
        groepen = [g for g in groepen if g[2]]
        if groepen:
            schrijf("Per regeling:")
            for naam, systeem_id, lijst in groepen:
                schrijf(f"  {naam}" + (f" (systeemId {systeem_id})" if systeem_id else ""))
                for w in lijst:
                    tekst = f"    {w.soort}: {w.omschrijving}"
                    schrijf(
                        self.style.WARNING(tekst) if w.soort == Wijzigingssoort.CONFLICT else tekst
                    )
        if verslag.niet_ingelezen:
            schrijf(self.style.ERROR(f"Niet ingelezen ({len(verslag.niet_ingelezen)}):"))
            for n in verslag.niet_ingelezen:
                schrijf(f"  regel {n.regel}, systeemId {n.systeem_id}, {n.titel}:")
                for reden in n.redenen:
                    schrijf(f"    {reden}")
        for punt in verslag.aandachtspunten:
            schrijf(self.style.WARNING(f"Let op: {punt}"))
        if verslag.meldingen:
            toon = verslag.meldingen if verbosity > 1 else verslag.meldingen[:10]
            schrijf(f"Meldingen ({len(verslag.meldingen)}):")
            for melding in toon:
                schrijf(f"  {melding}")
            if len(toon) < len(verslag.meldingen):
                schrijf("  … (alle meldingen: --rapport of -v 2)")
        if verslag.conflicten:
            schrijf(
                self.style.WARNING(
                    f"{len(verslag.conflicten)} conflict(en): met de hand gewijzigd in regioreg, "
                    "anders in het register; de waarde in regioreg is behouden."
                )
            )
        if not verslag.iets_gewijzigd:
            schrijf(
                self.style.SUCCESS("Niets gewijzigd: regioreg was al in de pas met het register.")
            )


def _rapport(verslag) -> list[list]:
    """Every change, conflict, regeling not read and note, one row each under a header."""
    return [
        ["soort", "regeling", "systeemId", "omschrijving"],
        *([w.soort, w.regeling, w.systeem_id or "", w.omschrijving] for w in verslag.wijzigingen),
        *(
            ["niet ingelezen", n.titel, n.systeem_id or "", "; ".join(n.redenen)]
            for n in verslag.niet_ingelezen
        ),
        *(["let op", "", "", punt] for punt in verslag.aandachtspunten),
        *(["melding", "", "", melding] for melding in verslag.meldingen),
    ]
