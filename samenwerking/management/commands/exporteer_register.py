from regioreg.commands import DutchCommand
from samenwerking.backup import naar_json, register_exporteren


class Command(DutchCommand):
    help = (
        "Schrijft het hele register als open data (JSON) naar een bestand of naar stdout; "
        "terugzetten met importeer_register."
    )

    def add_arguments(self, parser):
        parser.add_argument("bestand", nargs="?", help="pad van het JSON-bestand (leeg: stdout)")

    def handle(self, *args, **options):
        tekst = naar_json(register_exporteren())
        if not options["bestand"]:
            self.stdout.write(tekst)
            return
        with open(options["bestand"], "w", encoding="utf-8") as uit:
            uit.write(tekst)
        self.stderr.write(f"Register geschreven naar {options['bestand']}.")
