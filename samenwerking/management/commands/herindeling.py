import datetime

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from regioreg.commands import DutchCommand
from samenwerking.constants import HerindelingSoort
from samenwerking.geschiedenis import als_opdracht
from samenwerking.herindeling import herindeling_vastleggen, herindelingen_toepassen
from samenwerking.models import Gemeente


def _gemeente(cbs_code: str) -> Gemeente:
    try:
        return Gemeente.objects.get(cbs_code=cbs_code.strip().upper())
    except Gemeente.DoesNotExist:
        raise CommandError(f"Gemeente {cbs_code} bestaat niet in het register.") from None


def _datum(tekst: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(tekst)
    except ValueError:
        raise CommandError(f"{tekst!r} is geen datum (JJJJ-MM-DD).") from None


class Command(DutchCommand):
    help = (
        "Past een herindeling toe op het register: de deelnames en zetels van de opgeheven "
        "gemeente eindigen op de herindelingsdatum en de opvolger(s) nemen vanaf die dag deel. "
        "Zonder --oud worden alle vastgelegde herindelingen opnieuw toegepast (idempotent)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--oud", help="CBS-code van de opgeheven gemeente, bv. GM0457")
        parser.add_argument(
            "--nieuw",
            action="append",
            default=[],
            help="CBS-code van een opvolger; herhaal voor een gemeente die wordt verdeeld",
        )
        parser.add_argument("--datum", help="herindelingsdatum, JJJJ-MM-DD")
        parser.add_argument("--soort", choices=HerindelingSoort.values)

    @als_opdracht
    def handle(self, *args, **options):
        try:
            if options["oud"]:
                if not options["nieuw"] or not options["datum"]:
                    raise CommandError("Geef bij --oud ook --nieuw en --datum.")
                verslag = herindeling_vastleggen(
                    oude_gemeente=_gemeente(options["oud"]),
                    nieuwe_gemeenten=[_gemeente(code) for code in options["nieuw"]],
                    datum=_datum(options["datum"]),
                    soort=options["soort"],
                )
            else:
                verslag = herindelingen_toepassen()
        except ValidationError as fout:
            raise CommandError(f"Niets gewijzigd. {' '.join(fout.messages)}") from None
        self.stdout.write(verslag.samenvatting())
        for punt in verslag.aandachtspunten:
            self.stdout.write(self.style.WARNING(f"Let op: {punt}"))
        if not verslag.iets_gewijzigd:
            self.stdout.write(
                self.style.SUCCESS("Niets gewijzigd: de herindelingen waren al toegepast.")
            )
