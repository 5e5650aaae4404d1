"""Every command that writes a file refuses a path it cannot write in Dutch, naming the option
and the path and what to do, and leaves no file behind (samenwerking.uitvoerbestand); an
import with a --rapport it cannot write imports nothing. exporteer_verbonden_partijen (--map, a
folder it makes) is in tests/raad/test_exports.py."""

import errno
import io
import json
import os
import stat

import pytest
from django.core.management import CommandError, call_command

from samenwerking import uitvoerbestand
from samenwerking.models import Samenwerkingsverband
from tests.samenwerking import roo_bestanden as rb
from tests.samenwerking.test_opengr import klein  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

ADVIES = "Kies een map die bestaat en waarin u mag schrijven."


@pytest.fixture
def register(referentiedata, tmp_path, settings):
    """Three regelingen of the national register's test files; REGIOREG_BRONNEN holds them."""
    rb.importeer(rb.testregio_export())
    (tmp_path / "bron" / "roo").mkdir(parents=True)
    (tmp_path / "bron" / "roo" / "exportOO_gemeenschappelijke_regelingen.xml").write_bytes(
        rb.testregio_export()
    )
    settings.REGIOREG_BRONNEN = tmp_path / "bron"


def _opdrachten(opengr):
    """Each command with the arguments that make it write `pad`, and what it says when that
    fails (after the path: what was or was not done)."""
    return {
        "exporteer_register": (lambda pad: [str(pad)], "bestand", "Niets geschreven."),
        "exporteer_roo": (
            lambda pad: ["--gemeente", "GM0479", "--uitvoer", str(pad)],
            "--uitvoer",
            "Niets geschreven.",
        ),
        "importeer_roo": (lambda pad: ["--rapport", str(pad)], "--rapport", "Niets ingelezen."),
        "importeer_opengr": (
            lambda pad: [
                "--opengr",
                str(opengr["opengr_pad"]),
                "--dsta",
                str(opengr["dsta_pad"]),
                "--rapport",
                str(pad),
            ],
            "--rapport",
            "Niets ingelezen.",
        ),
    }


OPDRACHTEN = ["exporteer_register", "exporteer_roo", "importeer_roo", "importeer_opengr"]


def _inhoud(map):
    return sorted(str(p.relative_to(map)) for p in map.rglob("*"))


@pytest.mark.parametrize("opdracht", OPDRACHTEN)
def test_a_path_that_cannot_be_written_is_refused_in_dutch(
    opdracht,
    register,
    klein,  # noqa: F811
    tmp_path,
):
    argumenten, optie, gevolg = _opdrachten(klein)[opdracht]
    uit = tmp_path / "uit"
    uit.mkdir()
    (uit / "bestaand.txt").write_text("al hier")
    verbanden = Samenwerkingsverband.objects.count()
    gevallen = [
        (uit / "ontbreekt" / "bestand.csv", "de map bestaat niet", ADVIES),
        (uit, "daar staat een map met die naam", "Kies een andere naam of een andere map."),
        (uit / "bestaand.txt" / "bestand.csv", "daar staat een bestand, geen map", ADVIES),
    ]
    for pad, reden, advies in gevallen:
        with pytest.raises(CommandError) as fout:
            call_command(opdracht, *argumenten(pad), stdout=io.StringIO(), stderr=io.StringIO())
        assert str(fout.value) == (
            f"{optie} {pad}: kan niet geschreven worden: {reden}. {advies} {gevolg}"
        )
    # Nothing written, nothing half-written, the file that was there untouched; the import
    # changed nothing (it was refused before it began).
    assert _inhoud(uit) == ["bestaand.txt"]
    assert (uit / "bestaand.txt").read_text() == "al hier"
    assert Samenwerkingsverband.objects.count() == verbanden


@pytest.mark.parametrize("opdracht", OPDRACHTEN)
def test_a_folder_given_with_a_slash_is_refused_and_a_quoted_home_is_expanded(
    opdracht,
    register,
    klein,  # noqa: F811
    tmp_path,
    monkeypatch,
):
    """`backups/` names a folder: refused before any work, with a file name to add, instead
    of a file called `backups`; `~/…` that the shell did not expand (quoted) is the home."""
    argumenten, optie, _gevolg = _opdrachten(klein)[opdracht]
    map = tmp_path / "werk"
    (map / "backups").mkdir(parents=True)
    monkeypatch.chdir(map)
    verbanden = Samenwerkingsverband.objects.count()
    for folder in ("backups/", "nieuw/"):
        with pytest.raises(CommandError) as fout:
            call_command(opdracht, *argumenten(folder), stdout=io.StringIO(), stderr=io.StringIO())
        melding = str(fout.value)
        assert melding.startswith(
            f"Fout: argument {optie}: {folder} is een map; geef ook de naam van het bestand, "
            f"bijvoorbeeld {folder}"
        ), melding
    assert _inhoud(map) == ["backups"]
    assert Samenwerkingsverband.objects.count() == verbanden

    thuis = tmp_path / "thuis"
    thuis.mkdir()
    monkeypatch.setenv("HOME", str(thuis))
    call_command(opdracht, *argumenten("~/uitvoer"), stdout=io.StringIO(), stderr=io.StringIO())
    assert _inhoud(thuis) == ["uitvoer"]
    assert not (map / "~").exists()


@pytest.mark.parametrize("opdracht", OPDRACHTEN)
def test_a_relative_path_and_an_existing_file(
    opdracht,
    register,
    klein,  # noqa: F811
    tmp_path,
    monkeypatch,
):
    """A relative path is the current folder's; an existing file is replaced whole and keeps
    its permissions, and no temporary file stays behind."""
    argumenten, _optie, _gevolg = _opdrachten(klein)[opdracht]
    map = tmp_path / "werk"
    map.mkdir()
    monkeypatch.chdir(map)
    (map / "uitvoer").write_text("oud " * 100_000)
    (map / "uitvoer").chmod(0o640)
    call_command(opdracht, *argumenten("uitvoer"), stdout=io.StringIO(), stderr=io.StringIO())
    assert _inhoud(map) == ["uitvoer"]
    inhoud = (map / "uitvoer").read_bytes()
    assert not inhoud.startswith(b"oud ")
    assert inhoud.startswith((b"{", b"<?xml", "\ufeffsoort;".encode(), "\ufeffregel;".encode()))
    assert stat.S_IMODE((map / "uitvoer").stat().st_mode) == 0o640


def test_a_new_file_gets_the_usual_permissions_and_the_register_its_message(
    register, tmp_path, capsys
):
    oud = os.umask(0o022)
    try:
        call_command("exporteer_register", str(tmp_path / "register.json"))
    finally:
        os.umask(oud)
    assert stat.S_IMODE((tmp_path / "register.json").stat().st_mode) == 0o644
    assert json.loads((tmp_path / "register.json").read_text())["tabellen"]
    assert capsys.readouterr().err == f"Register geschreven naar {tmp_path / 'register.json'}.\n"


def test_exporteer_roo_says_where_it_wrote(register, tmp_path, capsys):
    call_command("exporteer_roo", "--gemeente", "GM0479", "--uitvoer", str(tmp_path / "r.xml"))
    assert f"Regelingen geschreven naar {tmp_path / 'r.xml'}." in capsys.readouterr().err
    assert (tmp_path / "r.xml").read_bytes().count(b"<p:regeling ") == 3


def test_a_device_is_written_into_not_replaced(register):
    """/dev/null (like /dev/stdout in a cron line) is a device: written into, left as it is."""
    call_command("exporteer_roo", "--gemeente", "GM0479", "--uitvoer", "/dev/null")
    call_command("importeer_roo", "--rapport", "/dev/null", stdout=io.StringIO())
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_a_report_over_a_file_being_read_is_refused(
    referentiedata,
    klein,  # noqa: F811
    tmp_path,
    monkeypatch,
):
    """--rapport naming an input file (a slip of the keyboard) would overwrite the export or
    the OpenGR file: refused before the import, the file as it was."""
    export = tmp_path / "exportOO.xml"
    export.write_bytes(rb.testregio_export())
    monkeypatch.chdir(tmp_path)
    for opdracht, argumenten, bron in [
        ("importeer_roo", ["--rapport", "exportOO.xml", str(export)], export),
        (
            "importeer_opengr",
            [
                "--opengr",
                str(klein["opengr_pad"]),
                "--dsta",
                str(klein["dsta_pad"]),
                "--rapport",
                str(klein["dsta_pad"]),
            ],
            klein["dsta_pad"],
        ),
    ]:
        voor = bron.read_bytes()
        with pytest.raises(CommandError) as fout:
            call_command(opdracht, *argumenten, stdout=io.StringIO())
        assert str(fout.value) == (
            f"--rapport {argumenten[argumenten.index('--rapport') + 1]}: dat is een bestand dat "
            "wordt ingelezen; het zou overschreven worden. Kies een andere naam. Niets ingelezen."
        )
        assert bron.read_bytes() == voor
    assert not Samenwerkingsverband.objects.exists()


def _mislukt(fout: OSError):
    """os.replace failing as a full disk or a refused folder makes it fail."""

    def replace(*args):
        raise fout

    return replace


def test_a_full_disk_keeps_the_earlier_file_and_says_so(register, tmp_path, monkeypatch):
    """The write fails half-way: the earlier file is as it was, no partial file is left."""
    (tmp_path / "uit").mkdir()
    bestand = tmp_path / "uit" / "register.json"
    bestand.write_text("vorige back-up")
    monkeypatch.setattr(
        uitvoerbestand.os, "replace", _mislukt(OSError(errno.ENOSPC, "No space left"))
    )
    with pytest.raises(CommandError) as fout:
        call_command("exporteer_register", str(bestand))
    assert str(fout.value) == (
        f"bestand {bestand}: kan niet geschreven worden: de schijf is vol. Maak ruimte vrij of "
        "kies een map op een andere schijf. Niets geschreven."
    )
    assert _inhoud(tmp_path / "uit") == ["register.json"]
    assert bestand.read_text() == "vorige back-up"


def test_a_report_that_fails_after_the_import_says_the_import_was_done(
    register, tmp_path, monkeypatch
):
    monkeypatch.setattr(
        uitvoerbestand.os, "replace", _mislukt(PermissionError(errno.EACCES, "Permission denied"))
    )
    (tmp_path / "uit").mkdir()
    pad = tmp_path / "uit" / "rapport.csv"
    with pytest.raises(CommandError) as fout:
        call_command("importeer_roo", "--rapport", str(pad), stdout=io.StringIO())
    assert str(fout.value) == (
        f"--rapport {pad}: kan niet geschreven worden: geen schrijfrechten. {ADVIES} Het "
        "inlezen zelf is wel gedaan; alleen dit rapport ontbreekt."
    )
    assert _inhoud(tmp_path / "uit") == []
    assert Samenwerkingsverband.objects.count() == 3  # the import itself stands
