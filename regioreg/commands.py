"""The base of regioreg's own management commands (`manage.py importeer_roo`, …): their usage,
help and argument errors in Dutch, for the beheerders who run them. argparse writes its own
texts in English through the standard library's gettext, whose catalogue depends on the
environment, so the parser says them itself: the usage line, the section titles and `--help`
here, an error by its English text (`argparse_in_het_nederlands`). Django's own commands
(`migrate`, …) stay as Django wrote them."""

import os
import re
import sys

from django.core.management.base import (
    BaseCommand,
    CommandError,
    CommandParser,
    DjangoHelpFormatter,
    SystemCheckError,
)

OVERAL = "Zie --help voor wat u kunt opgeven."

# argparse's messages (Python 3.11 and later), each as a pattern of its English text and the
# Dutch that says the same; a message not here is shown as argparse wrote it.
ARGPARSE_MELDINGEN = [
    (
        r"the following arguments are required: (?P<namen>.+)",
        "verplicht maar niet gegeven: {namen}. " + OVERAL,
    ),
    (r"one of the arguments (?P<namen>.+) is required", "geef een van {namen}. " + OVERAL),
    (r"unrecognized arguments: (?P<namen>.+)", "onbekend argument: {namen}. " + OVERAL),
    (r"argument (?P<naam>\S+): (?P<reden>.+)", "argument {naam}: {reden}"),
    (
        r"invalid choice: (?P<waarde>.+) \(choose from (?P<keuzes>.+)\)",
        "{waarde} kan niet; kies uit {keuzes}.",
    ),
    (r"invalid int value: (?P<waarde>.+)", "{waarde} is geen geheel getal."),
    (r"invalid float value: (?P<waarde>.+)", "{waarde} is geen getal."),
    (r"invalid (?P<soort>\S+) value: (?P<waarde>.+)", "{waarde} is geen geldige {soort}."),
    (r"expected one argument", "geef er één waarde achter."),
    (r"expected at most one argument", "geef er hoogstens één waarde achter."),
    (r"expected at least one argument", "geef er minstens één waarde achter."),
    (r"expected (?P<aantal>\d+) arguments?", "geef er {aantal} waarden achter."),
    (r"not allowed with argument (?P<naam>.+)", "niet samen met {naam}."),
    (r"ignored explicit argument (?P<waarde>.+)", "neemt geen waarde; {waarde} hoort er niet bij."),
    (
        r"ambiguous option: (?P<optie>\S+) could match (?P<opties>.+)",
        "{optie} kan {opties} zijn; schrijf de optie voluit.",
    ),
]
_MELDINGEN = [(re.compile(patroon), tekst) for patroon, tekst in ARGPARSE_MELDINGEN]


def argparse_in_het_nederlands(melding: str) -> str:
    """argparse's error MELDING in Dutch (the reason after "argument --x: " too)."""
    for patroon, nederlands in _MELDINGEN:
        gevonden = patroon.fullmatch(melding)
        if gevonden:
            delen = gevonden.groupdict()
            if "reden" in delen:
                delen["reden"] = argparse_in_het_nederlands(delen["reden"])
            return nederlands.format(**delen)
    return melding


# Django's own options of every command (besides --version), with their help in Dutch.
BASISOPTIES = [
    (
        ("-v", "--verbosity"),
        {
            "default": 1,
            "type": int,
            "choices": [0, 1, 2, 3],
            "help": "Hoeveel uitvoer: 0 = weinig, 1 = gewoon, 2 = veel, 3 = heel veel.",
        },
    ),
    (
        ("--settings",),
        {
            "help": "Python-pad van de instellingen, bijvoorbeeld regioreg.settings; "
            "standaard DJANGO_SETTINGS_MODULE."
        },
    ),
    (("--pythonpath",), {"help": "Een map om aan het Python-pad toe te voegen."}),
    (
        ("--traceback",),
        {"action": "store_true", "help": "Toon bij een fout de volledige traceback."},
    ),
    (("--no-color",), {"action": "store_true", "help": "Uitvoer zonder kleur."}),
    (("--force-color",), {"action": "store_true", "help": "Uitvoer altijd in kleur."}),
]


class DutchHelpFormatter(DjangoHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix or "gebruik: ")


class DutchCommandParser(CommandParser):
    """Django's parser (no SystemExit when called from code) with Dutch texts."""

    def __init__(self, **kwargs):
        super().__init__(add_help=False, formatter_class=DutchHelpFormatter, **kwargs)
        # argparse names its two sections itself and has no argument to name them otherwise.
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        self.add_argument("-h", "--help", action="help", help="Toon deze hulp en stop.")

    def error(self, message):
        melding = argparse_in_het_nederlands(message)
        if self.called_from_command_line:
            self.print_usage(sys.stderr)
            self.exit(2, f"{self.prog}: fout: {melding}\n")
        raise CommandError(f"Fout: {melding}")


class Fout(CommandError):
    """A command's error as the command line shows it: Django writes the class's name before
    the message ("Fout: …", not "CommandError: …")."""


class DutchCommand(BaseCommand):
    """A management command of regioreg: as Django's, with usage, help and errors in Dutch."""

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except CommandError as fout:
            if not self._called_from_command_line or isinstance(fout, Fout | SystemCheckError):
                raise
            raise Fout(*fout.args, returncode=fout.returncode) from fout

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = DutchCommandParser(
            prog=f"{os.path.basename(prog_name)} {subcommand}",
            description=self.help or None,
            missing_args_message=getattr(self, "missing_args_message", None),
            called_from_command_line=getattr(self, "_called_from_command_line", None),
            **kwargs,
        )
        self.add_base_argument(
            parser,
            "--version",
            action="version",
            version=self.get_version(),
            help="Toon het versienummer en stop.",
        )
        for namen, opties in BASISOPTIES:
            self.add_base_argument(parser, *namen, **opties)
        if self.requires_system_checks:
            parser.add_argument(
                "--skip-checks", action="store_true", help="Sla de systeemcontroles over."
            )
        self.add_arguments(parser)
        return parser
