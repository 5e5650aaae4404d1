from regioreg.commands import DutchCommand
from samenwerking.backup import naar_json, register_exporteren
from samenwerking.uitvoerbestand import bestand_schrijven, schrijfbaar, uitvoerpad


class Command(DutchCommand):
    help = (
        "Schrijft het hele register als open data (JSON) naar een bestand of naar stdout; "
        "terugzetten met importeer_register."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "bestand",
            nargs="?",
            type=uitvoerpad("register.json"),
            help="pad van het JSON-bestand (leeg: stdout)",
        )

    def handle(self, *args, **options):
        if not options["bestand"]:
            self.stdout.write(naar_json(register_exporteren()))
            return
        pad = options["bestand"]
        schrijfbaar(pad, optie="bestand")  # before the whole register is read
        bestand_schrijven(pad, naar_json(register_exporteren()).encode(), optie="bestand")
        self.stderr.write(f"Register geschreven naar {pad}.")
