"""Backup and restore: the whole register as open data (JSON) and back into an empty
database gives exactly the same rows, keys and links."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.core.management.color import no_style
from django.db import connection

from samenwerking.backup import (
    HerstelFout,
    naar_json,
    register_exporteren,
    register_herstellen,
    register_modellen,
)
from samenwerking.constants import OrganisatieSoort
from samenwerking.models import Deelname, Domein, Gemeente, Samenwerkingsverband
from tests import factories as f
from tests.raad.factories import ZienswijzeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def register(referentiedata):
    """The real gemeenten and herindelingen, plus arrangements with everything that hangs off
    them (nested, with domeinen, money, seats, documents, zienswijzen) and odd characters."""
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    koepel = f.SamenwerkingsverbandFactory(naam='Koepel <Zaanstreek> & "Waterland"')
    for i in range(3):
        deelname = f.DeelnameFactory(
            gemeente=zaanstad,
            samenwerkingsverband__bovenliggend=koepel,
            samenwerkingsverband__motieven=["kwaliteit"],
            verdeelsleutel="12.5000",
        )
        verband = deelname.samenwerkingsverband
        verband.domeinen.set(Domein.objects.all()[i : i + 2])
        f.DeelnameFactory(
            samenwerkingsverband=verband,
            gemeente=None,
            organisatie=f.OrganisatieFactory(soort=OrganisatieSoort.WATERSCHAP),
        )
        f.ZetelFactory(deelname=deelname, begindatum=datetime.date(2020, 1, 1))
        f.BijdrageFactory(deelname=deelname, jaar=2024, bedrag="1234.56")
        document = f.DocumentFactory(samenwerkingsverband=verband, titel="Begroting ∑ 2025")
        f.JaarcijfersFactory(samenwerkingsverband=verband, bron_document=document)
        f.WettelijkeGrondslagFactory(samenwerkingsverband=verband)
        f.BevoegdheidFactory(samenwerkingsverband=verband)
        f.InwonertalFactory(gemeente=zaanstad, jaar=2020 + i)
        ZienswijzeFactory(gemeente=zaanstad, zienswijzeverzoek__samenwerkingsverband=verband)


def _leegmaken():
    """Every register table emptied, as in a fresh database after migrate (which seeds the
    domeinen and P&C rules again: the restore must cope with those)."""
    tabellen = [m._meta.db_table for m in register_modellen()]
    tabellen += [
        m._meta.get_field("domeinen").remote_field.through._meta.db_table
        for m in [Samenwerkingsverband]
    ]
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # TRUNCATE refuses pending checks
        for sql in connection.ops.sql_flush(no_style(), tabellen, allow_cascade=True):
            cursor.execute(sql)
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    Domein.objects.create(code="afval", naam="Afval en grondstoffen")


def test_the_round_trip_gives_identical_rows(register):
    tijden = list(Samenwerkingsverband.objects.values_list("updated_at", flat=True))
    eerst = json.loads(naar_json(register_exporteren()))
    tabellen = eerst["tabellen"]
    assert len(tabellen["samenwerking.gemeente"]) == Gemeente.objects.count() > 400
    assert len(tabellen["samenwerking.deelname"]) == Deelname.objects.count() == 6
    assert len(tabellen["raad.zienswijze"]) == 3 and tabellen["raad.termijnregel"]

    _leegmaken()
    assert not Gemeente.objects.exists()
    aantallen = register_herstellen(eerst)
    assert aantallen["samenwerking.samenwerkingsverband"] == 4

    tweede = json.loads(naar_json(register_exporteren()))
    assert tweede["tabellen"] == tabellen
    # Times to the microsecond (a millisecond cut would change every ETag).
    assert {v.updated_at for v in Samenwerkingsverband.objects.all()} == set(tijden)
    # New rows continue after the restored keys.
    assert f.PersoonFactory().pk > max(r["pk"] for r in tabellen["samenwerking.persoon"])


def test_a_restore_refuses_a_database_that_is_not_empty(register):
    export = json.loads(naar_json(register_exporteren()))
    with pytest.raises(HerstelFout, match="De database is niet leeg"):
        register_herstellen(export)
    with pytest.raises(HerstelFout, match="geen regioreg-register"):
        register_herstellen({"formaat": "iets anders"})


def test_the_commands_write_and_restore_a_file(register, tmp_path):
    bestand = tmp_path / "register.json"
    call_command("exporteer_register", str(bestand))
    voor = json.loads(bestand.read_text(encoding="utf-8"))["tabellen"]
    _leegmaken()
    call_command("importeer_register", str(bestand))
    assert json.loads(naar_json(register_exporteren()))["tabellen"] == voor
    with pytest.raises(CommandError, match="niet leeg"):
        call_command("importeer_register", str(bestand))
