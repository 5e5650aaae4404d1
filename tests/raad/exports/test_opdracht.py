"""The command exporteer_verbonden_partijen: a file per gemeente, refusals in Dutch."""

import datetime
import json

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Q
from django.utils import timezone

from raad.exports import verbonden_partijen_json
from raad.selectors import verbonden_partijen
from samenwerking.models import Gemeente

pytestmark = pytest.mark.django_db


def test_command_writes_a_file_per_gemeente(zaanstad, tmp_path, capsys):
    call_command(
        "exporteer_verbonden_partijen",
        "GM0479",
        "gm0439",
        "--jaar",
        "2025",
        "--formaat",
        "json",
        "--map",
        str(tmp_path),
    )
    bestanden = sorted(p.name for p in tmp_path.iterdir())
    assert bestanden == [
        "verbonden-partijen-GM0439-2025-begroting.json",
        "verbonden-partijen-GM0479-2025-begroting.json",
    ]
    data = json.loads((tmp_path / bestanden[1]).read_text())
    assert data == verbonden_partijen_json(verbonden_partijen(zaanstad, jaar=2025)) | {
        "gemaaktOp": data["gemaaktOp"]
    }
    assert "2 bestand(en) geschreven." in capsys.readouterr().out
    with pytest.raises(CommandError, match="Onbekende CBS-code"):
        call_command("exporteer_verbonden_partijen", "GM9999", "--map", str(tmp_path))


def test_command_all_writes_the_gemeenten_of_the_year(referentiedata, tmp_path):
    """--alle --jaar 2021: Beemster (merged into Purmerend on 1 January 2022) still has its
    list; Dijk en Waard (formed on that day) took part in nothing in 2021 and has none."""
    call_command(
        "exporteer_verbonden_partijen",
        "--alle",
        "--jaar",
        "2021",
        "--formaat",
        "csv",
        "--map",
        str(tmp_path),
    )
    namen = {p.name for p in tmp_path.iterdir()}
    assert "verbonden-partijen-GM0370-2021-begroting.csv" in namen
    assert "verbonden-partijen-GM0439-2021-begroting.csv" in namen
    assert "verbonden-partijen-GM1980-2021-begroting.csv" not in namen
    assert (
        len(namen)
        == Gemeente.objects.filter(
            Q(einddatum__isnull=True) | Q(einddatum__gt=datetime.date(2021, 1, 1)),
            Q(begindatum__isnull=True) | Q(begindatum__lte=datetime.date(2021, 12, 31)),
        ).count()
    )


def test_command_reads_jaar_and_modus_as_the_pages_do(zaanstad, tmp_path):
    """Empty: this year and the begroting; a year out of range is refused, nothing written."""
    with pytest.raises(CommandError, match=r"Jaar: moet 2100 of eerder zijn\."):
        call_command(
            "exporteer_verbonden_partijen", "GM0479", "--jaar", "10000", "--map", str(tmp_path)
        )
    assert list(tmp_path.iterdir()) == []
    # A wrong choice is refused in Dutch, naming the option, as on the pages (not argparse's
    # English "invalid choice").
    for optie, waarde, melding in [
        ("--formaat", "pdf", "Formaat: kies xlsx, csv, ods of json."),
        ("--modus", "x", "Modus: kies begroting of jaarrekening."),
        ("--kolommen", "alles", "Kolommen: kies bbv of uitgebreid."),
    ]:
        with pytest.raises(CommandError) as fout:
            call_command(
                "exporteer_verbonden_partijen", "GM0479", optie, waarde, "--map", str(tmp_path)
            )
        assert str(fout.value).endswith(f"argument {optie}: {melding}")
    assert list(tmp_path.iterdir()) == []
    call_command(
        "exporteer_verbonden_partijen", "GM0479", "--formaat", "json", "--map", str(tmp_path)
    )
    jaar = timezone.localdate().year
    [bestand] = tmp_path.iterdir()
    assert bestand.name == f"verbonden-partijen-GM0479-{jaar}-begroting.json"
    data = json.loads(bestand.read_text())
    assert (data["jaar"], data["modus"]) == (jaar, "begroting")


def test_command_says_in_dutch_when_the_map_cannot_be_made_or_written(zaanstad, tmp_path):
    """A --map that is a file, or under one, or a file name taken by a folder: a Dutch
    message naming --map and what to do, not a traceback; no half-written file."""
    bestand = tmp_path / "lijst.txt"
    bestand.write_text("al hier")
    for uitvoer in (bestand, bestand / "sub"):
        with pytest.raises(CommandError) as fout:
            call_command("exporteer_verbonden_partijen", "GM0479", "--map", str(uitvoer))
        assert str(fout.value) == (
            f"--map {uitvoer}: de map kan niet gemaakt worden: daar staat een bestand, geen "
            "map. Kies een map waarin u mag schrijven. Niets geschreven."
        )
    assert bestand.read_text() == "al hier"

    jaar = timezone.localdate().year
    bezet = tmp_path / "uit" / f"verbonden-partijen-GM0479-{jaar}-begroting.xlsx"
    bezet.mkdir(parents=True)
    with pytest.raises(CommandError) as fout:
        call_command("exporteer_verbonden_partijen", "GM0479", "--map", str(bezet.parent))
    assert str(fout.value) == (
        f"--map {bezet}: kan niet geschreven worden: daar staat een map met die naam. Kies een "
        "andere naam of een andere map. 0 bestand(en) al geschreven."
    )
    assert [p.name for p in bezet.parent.iterdir()] == [bezet.name]


def test_command_makes_a_missing_map_and_replaces_an_earlier_file(zaanstad, tmp_path, capsys):
    """--map is made when missing, with the folders above it; a file of an
    earlier run is replaced whole, no temporary file stays behind."""
    uitvoer = tmp_path / "nieuw" / "2026"
    for _ in range(2):
        call_command(
            "exporteer_verbonden_partijen",
            "GM0479",
            "--jaar",
            "2025",
            "--formaat",
            "json",
            "--map",
            str(uitvoer),
        )
    [bestand] = uitvoer.iterdir()
    assert bestand.name == "verbonden-partijen-GM0479-2025-begroting.json"
    assert json.loads(bestand.read_text())["jaar"] == 2025
    assert capsys.readouterr().out.count(f"{bestand} (") == 2
