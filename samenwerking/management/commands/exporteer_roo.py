import datetime
import uuid
from pathlib import Path

from django.core.management.base import CommandError

from regioreg.commands import DutchCommand
from samenwerking.models import Gemeente, Samenwerkingsverband
from samenwerking.roo import SCHEMA_NAAM, RooFout
from samenwerking.roo_export import roo_exporteren, standaard_schema
from samenwerking.uitvoerbestand import bestand_schrijven, schrijfbaar, uitvoerpad


class Command(DutchCommand):
    help = (
        "Schrijft regelingen in het XML-formaat van het Register van Overheidsorganisaties "
        "(exportOO_gemeenschappelijke_regelingen.xml): alle regelingen van een gemeente of "
        "gekozen regelingen. Met een schema (--schema, of oo-export.xsd in REGIOREG_BRONNEN) "
        "wordt het resultaat daartegen gecontroleerd."
    )

    def add_arguments(self, parser):
        keuze = parser.add_mutually_exclusive_group(required=True)
        keuze.add_argument("--gemeente", help="CBS-code; de regelingen waarin zij deelneemt")
        keuze.add_argument(
            "--regeling", action="append", help="uuid van een samenwerkingsverband (herhaalbaar)"
        )
        parser.add_argument("--peildatum", help="JJJJ-MM-DD, standaard vandaag")
        parser.add_argument(
            "--uitvoer", type=uitvoerpad("regelingen.xml"), help="bestand; standaard de terminal"
        )
        parser.add_argument("--schema", type=Path, help=f"{SCHEMA_NAAM} om tegen te controleren")

    def handle(self, *args, **options):
        try:
            peildatum = (
                datetime.date.fromisoformat(options["peildatum"]) if options["peildatum"] else None
            )
        except ValueError:
            raise CommandError(f"{options['peildatum']!r} is geen datum (JJJJ-MM-DD).") from None
        if options["uitvoer"]:
            schrijfbaar(options["uitvoer"], optie="--uitvoer")
        if options["gemeente"]:
            gemeente = Gemeente.objects.filter(cbs_code=options["gemeente"].upper()).first()
            if gemeente is None:
                raise CommandError(f"Gemeente {options['gemeente']} bestaat niet in het register.")
            deelnames = gemeente.deelnames.all()
            if peildatum:
                deelnames = deelnames.actief_op(peildatum)
            verbanden = Samenwerkingsverband.objects.filter(deelnames__in=deelnames).distinct()
        else:
            try:
                sleutels = [uuid.UUID(s) for s in options["regeling"]]
            except ValueError:
                raise CommandError(
                    "--regeling: geef de uuid van een samenwerkingsverband."
                ) from None
            verbanden = Samenwerkingsverband.objects.filter(uuid__in=sleutels)
            if verbanden.count() != len(set(sleutels)):
                raise CommandError("Niet elk opgegeven samenwerkingsverband bestaat.")
        schema = options["schema"] or standaard_schema()
        try:
            inhoud, overgeslagen = roo_exporteren(
                list(verbanden), peildatum=peildatum, schema=schema
            )
        except RooFout as fout:
            raise CommandError(
                "Niets geschreven; de controle tegen het schema meldt:\n  "
                + "\n  ".join(fout.messages)
            ) from None
        if schema is None:
            self.stderr.write(f"Niet tegen het schema gecontroleerd: geen {SCHEMA_NAAM} gevonden.")
        if options["uitvoer"]:
            bestand_schrijven(options["uitvoer"], inhoud, optie="--uitvoer")
            self.stderr.write(f"Regelingen geschreven naar {options['uitvoer']}.")
        else:
            self.stdout.write(inhoud.decode("utf-8"), ending="")
        for reden in overgeslagen:
            self.stderr.write(f"Niet geëxporteerd: {reden}")
