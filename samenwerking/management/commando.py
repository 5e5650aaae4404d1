"""A management command that speaks Dutch to the person who runs it: argparse's own words
("usage:", "error: argument --formaat: ...", "unrecognized arguments") and Django's
"CommandError:" would otherwise be English around the command's Dutch message. The export
commands (`exporteer_verbonden_partijen`, `exporteer_register`) are `Commando`s."""

import re
import sys

from django.core.management.base import (
    BaseCommand,
    CommandError,
    CommandParser,
    DjangoHelpFormatter,
    SystemCheckError,
)
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

# argparse's messages (Python 3.11) and their Dutch; a message not in the list is the command's
# own (an option's type that refuses a value in Dutch) and is kept as it is.
_ARGPARSE = [
    (r"unrecognized arguments: (?P<a>.*)", _lazy("onbekende optie of waarde: %(a)s.")),
    (
        r"the following arguments are required: (?P<a>.*)",
        _lazy("dit ontbreekt nog: %(a)s."),
    ),
    (r"one of the arguments (?P<a>.*) is required", _lazy("geef een van deze: %(a)s.")),
    (r"expected one argument", _lazy("geef er een waarde bij.")),
    (r"expected at most one argument", _lazy("geef er hoogstens één waarde bij.")),
    (r"expected at least one argument", _lazy("geef er minstens één waarde bij.")),
    (r"expected (?P<a>\d+) arguments?", _lazy("geef er %(a)s waarden bij.")),
    (r"invalid \S+ value: (?P<a>.*)", _lazy("ongeldige waarde %(a)s.")),
    (
        r"invalid choice: (?P<a>.*) \(choose from (?P<b>.*)\)",
        _lazy("ongeldige keuze %(a)s; kies uit %(b)s."),
    ),
    (r"not allowed with argument (?P<a>.*)", _lazy("niet samen met %(a)s.")),
    (r"ignored explicit argument (?P<a>.*)", _lazy("%(a)s hoort niet bij deze optie.")),
    (
        r"ambiguous option: (?P<a>\S+) could match (?P<b>.*)",
        _lazy("%(a)s kan meerdere opties zijn: %(b)s."),
    ),
]

# The help of the options Django gives every command (and argparse's -h).
_STANDAARDOPTIES = {
    "help": _lazy("toon deze hulp en stop"),
    "version": _lazy("toon het versienummer en stop"),
    "verbosity": _lazy("hoeveel uitvoer: 0 weinig, 1 normaal, 2 veel, 3 heel veel"),
    "settings": _lazy(
        "Python-pad van de instellingen, bijvoorbeeld regioreg.settings; leeg: "
        "DJANGO_SETTINGS_MODULE"
    ),
    "pythonpath": _lazy("map om aan het Python-pad toe te voegen"),
    "traceback": _lazy("toon bij een fout de hele traceback"),
    "no_color": _lazy("uitvoer zonder kleuren"),
    "force_color": _lazy("uitvoer altijd met kleuren"),
    "skip_checks": _lazy("sla de systeemcontroles over"),
}


def nederlands(melding: str) -> str:
    """argparse's `melding` in Dutch. "argument --jaar: expected one argument" names its
    option ("--jaar: geef er een waarde bij"); the refusal of an option's own type already
    names it as the pages do ("Formaat: kies xlsx, csv, ods of json.") and stays as it is."""
    argument = re.fullmatch(r"argument (\S+): (.*)", melding, flags=re.DOTALL)
    if argument:
        optie, rest = argument.groups()
        vertaald = nederlands(rest)
        return rest if vertaald == rest else f"{optie}: {vertaald}"
    for patroon, tekst in _ARGPARSE:
        gevonden = re.fullmatch(patroon, melding, flags=re.DOTALL)
        if gevonden:
            return str(tekst) % gevonden.groupdict()
    return melding


class NederlandseHulp(DjangoHelpFormatter):
    """--help and the usage line begin with "gebruik:", not "usage:"."""

    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix=prefix or _("gebruik: "))


class NederlandseParser(CommandParser):
    """Django's parser with Dutch errors: on the command line the usage line and
    "<command>: fout: ...", exit status 2 as argparse's; from call_command a CommandError
    with only the Dutch message."""

    def error(self, message):
        melding = nederlands(message)
        if not self.called_from_command_line:
            raise CommandError(melding)
        self.print_usage(sys.stderr)
        self.exit(2, _("%(prog)s: fout: %(melding)s\n") % {"prog": self.prog, "melding": melding})


class Commando(BaseCommand):
    """A command whose refusals are Dutch from the first word to the last."""

    def create_parser(self, prog_name, subcommand, **kwargs):
        parser = super().create_parser(
            prog_name, subcommand, formatter_class=NederlandseHulp, **kwargs
        )
        # Django builds its CommandParser itself; the subclass only changes the messages.
        parser.__class__ = NederlandseParser
        # --help in Dutch: the headings and the options every command has.
        parser._positionals.title = _("argumenten")
        parser._optionals.title = _("opties")
        for actie in parser._actions:
            if actie.dest in _STANDAARDOPTIES:
                actie.help = str(_STANDAARDOPTIES[actie.dest])
        return parser

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except CommandError as fout:
            # On the command line Django would write "CommandError: ..." (run_from_argv).
            if (
                not self._called_from_command_line
                or options.get("traceback")
                or isinstance(fout, SystemCheckError)
            ):
                raise
            self.stderr.write(_("Fout: %(melding)s") % {"melding": fout})
            sys.exit(fout.returncode)
