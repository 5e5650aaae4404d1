"""regioreg's own management commands speak Dutch to the beheerder who runs them: the usage
line, --help and a wrong or missing argument, from the command line and from code
(regioreg.commands). Django's own commands are left as they are."""

import pytest
from django.core.management import ManagementUtility, call_command, get_commands, load_command_class
from django.core.management.base import CommandError

from regioreg.commands import DutchCommand, argparse_in_het_nederlands

ONZE_APPS = {"samenwerking", "raad", "toegang", "regioreg"}
ENGELS = ("usage:", "options:", "positional arguments", "show this help", "error:", "Verbosity")


def test_every_command_of_ours_is_a_dutch_command():
    onze = {naam: app for naam, app in get_commands().items() if app in ONZE_APPS}
    assert {"importeer_roo", "herindeling", "exporteer_verbonden_partijen"} <= set(onze)
    for naam, app in onze.items():
        assert isinstance(load_command_class(app, naam), DutchCommand), naam


def test_help_is_dutch_and_names_the_options():
    parser = load_command_class("samenwerking", "importeer_register").create_parser(
        "manage.py", "importeer_register"
    )
    hulp = parser.format_help()
    assert hulp.startswith("gebruik: manage.py importeer_register ")
    for tekst in ("argumenten:", "opties:", "bestand", "-h, --help", "Toon deze hulp en stop."):
        assert tekst in hulp, hulp
    assert "--verbosity {0,1,2,3}" in hulp and "0 = weinig" in hulp
    for engels in ENGELS:
        assert engels not in hulp, hulp


@pytest.mark.parametrize(
    ("argumenten", "melding"),
    [
        (
            ["importeer_register"],
            "Fout: verplicht maar niet gegeven: bestand. Zie --help voor wat u kunt opgeven.",
        ),
        (
            ["herindeling", "--soort", "fusie"],
            "Fout: argument --soort: 'fusie' kan niet; kies uit ",
        ),
        (
            ["genereer_schaaldata", "--jaren", "drie"],
            "Fout: argument --jaren: 'drie' is geen geheel getal.",
        ),
        (
            ["importeer_register", "a.json", "b.json"],
            "Fout: onbekend argument: b.json. Zie --help voor wat u kunt opgeven.",
        ),
        (
            ["exporteer_roo"],
            "Fout: geef een van --gemeente --regeling. Zie --help voor wat u kunt opgeven.",
        ),
        (["exporteer_roo", "--gemeente"], "Fout: argument --gemeente: geef er één waarde achter."),
    ],
)
@pytest.mark.django_db
def test_a_wrong_argument_from_code_is_a_dutch_command_error(argumenten, melding):
    with pytest.raises(CommandError) as fout:
        call_command(*argumenten)
    assert str(fout.value).startswith(melding), str(fout.value)


def test_a_missing_argument_on_the_command_line_shows_dutch_usage_and_error(capsys):
    with pytest.raises(SystemExit) as afloop:
        ManagementUtility(["manage.py", "importeer_register"]).execute()
    assert afloop.value.code == 2
    fouten = capsys.readouterr().err
    assert fouten.startswith("gebruik: manage.py importeer_register "), fouten
    assert (
        "manage.py importeer_register: fout: verplicht maar niet gegeven: bestand. Zie --help"
        in fouten
    )
    for engels in ENGELS:
        assert engels not in fouten, fouten


def test_a_message_argparse_may_add_later_is_shown_as_it_is():
    assert argparse_in_het_nederlands("something new") == "something new"
    assert argparse_in_het_nederlands("argument --x: something new") == (
        "argument --x: something new"
    )


def test_a_commands_own_error_on_the_command_line_begins_with_fout(capsys, monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_USERNAME", raising=False)
    with pytest.raises(SystemExit) as afloop:
        ManagementUtility(["manage.py", "beheeraccount"]).execute()
    assert afloop.value.code == 1
    assert capsys.readouterr().err == (
        "Fout: Zet DJANGO_SUPERUSER_USERNAME en DJANGO_SUPERUSER_PASSWORD in de omgeving, of "
        "maak een account met: manage.py createsuperuser\n"
    )
