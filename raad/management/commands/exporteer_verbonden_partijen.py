import argparse
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from raad.exports import verbonden_partijen_bestand
from raad.parameters import BESTANDSFORMATEN, Kolommen, Modus, kolommen_parameter, lijst_parameters
from raad.selectors import verbonden_partijen
from regioreg.commands import DutchCommand
from samenwerking.models import Gemeente, periode_overlapt_q
from samenwerking.peilmoment import JaarVeld
from samenwerking.selectors import jaar_grenzen
from samenwerking.tekst import keuzefout
from samenwerking.uitvoerbestand import bestand_schrijven, reden


def _jaar(tekst: str) -> int:
    """--jaar as the pages and the API read it (samenwerking.peilmoment's bounds)."""
    try:
        return JaarVeld().clean(tekst)
    except ValidationError as fout:
        raise argparse.ArgumentTypeError(" ".join(fout.messages)) from None


def _keuze(veld: str, waarden):
    """An option with fixed values, refused in Dutch as the pages and the API refuse it
    ("Formaat: kies xlsx, csv, ods of json."), not in argparse's English."""

    def lees(tekst: str) -> str:
        if tekst not in waarden:
            raise argparse.ArgumentTypeError(str(keuzefout(veld, waarden)))
        return tekst

    return lees


class Command(DutchCommand):
    help = (
        "Schrijft de lijst verbonden partijen (BBV art. 15) van een of meer gemeenten naar "
        "bestanden, één per gemeente."
    )

    def add_arguments(self, parser):
        parser.add_argument("gemeenten", nargs="*", help="CBS-codes, bijvoorbeeld GM0363")
        parser.add_argument(
            "--alle",
            action="store_true",
            help="alle gemeenten die in het jaar bestonden (ook maar één dag)",
        )
        parser.add_argument("--jaar", type=_jaar, help="leeg: dit jaar")
        parser.add_argument(
            "--modus",
            type=_keuze("Modus", Modus.values),
            help="begroting of jaarrekening; leeg: begroting",
        )
        parser.add_argument(
            "--kolommen",
            type=_keuze("Kolommen", Kolommen.values),
            help="bbv (het BBV-minimum) of uitgebreid; leeg: bbv",
        )
        parser.add_argument(
            "--formaat",
            type=_keuze("Formaat", BESTANDSFORMATEN),
            default="xlsx",
            help="xlsx, csv, ods of json; leeg: xlsx",
        )
        parser.add_argument(
            "--map", type=Path, default=Path("."), help="uitvoermap; leeg: de huidige map"
        )

    def handle(self, *args, **opties):
        codes = [c.upper() for c in opties["gemeenten"]]
        if opties["alle"] == bool(codes):
            raise CommandError("Geef CBS-codes van gemeenten óf --alle.")
        jaar, modus = lijst_parameters(opties)
        # --alle: the gemeenten of the list's year (also those merged since, which still owe
        # that year's jaarrekening), not today's: a gemeente formed later took part in nothing.
        gemeenten = (
            Gemeente.objects.filter(periode_overlapt_q(*jaar_grenzen(jaar), *Gemeente.PERIODE))
            if opties["alle"]
            else Gemeente.objects.filter(cbs_code__in=codes)
        )
        gemeenten = list(gemeenten.order_by("cbs_code"))
        onbekend = sorted(set(codes) - {g.cbs_code for g in gemeenten})
        if onbekend:
            raise CommandError(f"Onbekende CBS-code(s): {', '.join(onbekend)}. Niets geschreven.")
        uitvoer = opties["map"]
        try:
            uitvoer.mkdir(parents=True, exist_ok=True)
        except OSError as fout:
            raise CommandError(
                f"--map {uitvoer}: de map kan niet gemaakt worden: {reden(fout)}. Kies een "
                "map waarin u mag schrijven. Niets geschreven."
            ) from None
        formaat = opties["formaat"]
        for geschreven, gemeente in enumerate(gemeenten):
            lijst = verbonden_partijen(
                gemeente, jaar=jaar, modus=modus, kolommen=kolommen_parameter(opties)
            )
            pad = uitvoer / f"{lijst.bestandsnaam}.{formaat}"
            bestand_schrijven(
                pad,
                verbonden_partijen_bestand(lijst, formaat),
                optie="--map",
                gevolg=f"{geschreven} bestand(en) al geschreven.",
            )
            self.stdout.write(f"{pad} ({len(lijst.partijen)} verbonden partijen)")
        self.stdout.write(self.style.SUCCESS(f"{len(gemeenten)} bestand(en) geschreven."))
