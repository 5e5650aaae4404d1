"""The national register's import as a command and a download, OpenGR's mentions beside it,
and the same format out (export and schema), on files the tests write themselves
(`roo_bestanden.py`). Reading and keeping in step are in test_roo.py."""

import datetime
import functools
import http.server
import io
import threading

import pytest
from django.core.management import CommandError, call_command

from samenwerking.constants import (
    BRON_OPENGR,
    Vorm,
)
from samenwerking.models import (
    Bronimport,
    Deelname,
    Gemeente,
    Samenwerkingsverband,
)
from samenwerking.roo import RooFout, lezen, valideren
from samenwerking.roo_export import roo_exporteren
from samenwerking.selectors import landelijke_cijfers
from tests import factories as f
from tests.samenwerking import roo_bestanden as rb

pytestmark = pytest.mark.django_db

D = datetime.date
PEIL = D(2026, 5, 19)


def test_dry_run_writes_nothing(referentiedata):
    verslag = rb.importeer(rb.testregio_export(), proef=True)
    assert verslag.regelingen_nieuw == 3
    assert not Samenwerkingsverband.objects.exists()
    assert not Bronimport.objects.exists()


def test_broken_xml_names_its_line(referentiedata):
    with pytest.raises(RooFout) as info:
        lezen(b"<?xml version='1.0'?>\n<a>\n<b></a>")
    assert info.value.messages[0].startswith("regel 3: geen geldige XML:")


def test_another_kind_of_file_is_refused(referentiedata):
    with pytest.raises(RooFout) as info:
        lezen(b"<?xml version='1.0'?>\n<gemeenten/>")
    assert "geen export van het Register van Overheidsorganisaties" in info.value.messages[0]


def test_entities_are_not_expanded(referentiedata):
    inhoud = b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + (
        rb.testregio_export().split(b"?>", 1)[1].replace(b"<p:doel>", b"<p:doel>&x;", 1)
    )
    with pytest.raises(RooFout) as info:
        lezen(inhoud)
    assert info.value.messages == ["regel 1: een DOCTYPE is niet toegestaan in een ROO-export."]


def test_command_reads_the_sources_folder(referentiedata, tmp_path, settings):
    (tmp_path / "roo").mkdir()
    (tmp_path / "roo" / "exportOO_gemeenschappelijke_regelingen.xml").write_bytes(
        rb.testregio_export()
    )
    settings.REGIOREG_BRONNEN = tmp_path
    uitvoer = io.StringIO()
    call_command("importeer_roo", "--rapport", str(tmp_path / "rapport.csv"), stdout=uitvoer)
    assert "Regelingen: 3 nieuw" in uitvoer.getvalue()
    assert "Niet tegen het schema gecontroleerd" not in uitvoer.getvalue()  # notes stay short
    rapport = (tmp_path / "rapport.csv").read_text(encoding="utf-8-sig").splitlines()
    assert rapport[0] == "soort;regeling;systeemId;omschrijving"
    assert any(
        r.startswith("nieuw;Gemeenschappelijke regeling Omgevingsdienst Testregio;1001;")
        for r in rapport
    )


def test_command_without_files_says_what_to_do(referentiedata, settings):
    settings.REGIOREG_BRONNEN = None
    with pytest.raises(CommandError) as info:
        call_command("importeer_roo")
    assert "Geen exportbestanden" in str(info.value)


class _Stil(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def webserver(tmp_path):
    """A local HTTP server in a thread, serving the files in tmp_path/web."""
    map = tmp_path / "web"
    map.mkdir()
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Stil, directory=str(map))
    )
    draad = threading.Thread(target=server.serve_forever, daemon=True)
    draad.start()
    yield map, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_download_fetches_the_export_with_a_progress_bar_and_imports_it(
    referentiedata, webserver, tmp_path, settings
):
    map, adres = webserver
    (map / "exportOO.xml").write_bytes(rb.testregio_export())
    settings.ROO_DOWNLOAD_URL = f"{adres}/exportOO.xml"
    settings.ROO_DOWNLOAD_MAP = tmp_path / "downloads"
    settings.ROO_SCHEMA_URL = f"{adres}/oo-export.xsd"  # not there: read without schema
    uitvoer, fouten = io.StringIO(), io.StringIO()
    call_command("importeer_roo", "--download", stdout=uitvoer, stderr=fouten)
    assert "100%" in fouten.getvalue() and "[####################]" in fouten.getvalue()
    assert "Regelingen: 3 nieuw" in uitvoer.getvalue()
    assert "Het bestand wordt zonder schema gelezen." in uitvoer.getvalue()
    assert (tmp_path / "downloads" / "exportOO.xml").read_bytes() == rb.testregio_export()
    assert Samenwerkingsverband.objects.count() == 3


def test_a_failed_download_writes_nothing(referentiedata, webserver, tmp_path, settings):
    _map, adres = webserver
    settings.ROO_DOWNLOAD_MAP = tmp_path / "downloads"
    with pytest.raises(CommandError) as info:
        call_command("importeer_roo", "--download", "--url", f"{adres}/bestaat-niet.xml")
    assert str(info.value).startswith(
        f"Niets ingelezen. Downloaden van {adres}/bestaat-niet.xml mislukt"
    )
    assert not Samenwerkingsverband.objects.exists()


def test_opengr_mentions_become_historical_and_are_linked_when_they_match(referentiedata):
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    wormerland = Gemeente.objects.get(cbs_code="GM0880")
    oud = f.SamenwerkingsverbandFactory(naam="Omgevingsdienst Testregio", bron=BRON_OPENGR)
    f.DeelnameFactory(samenwerkingsverband=oud, gemeente=zaanstad, toetredingsdatum=None)
    f.DeelnameFactory(samenwerkingsverband=oud, gemeente=wormerland, toetredingsdatum=None)
    weg = f.SamenwerkingsverbandFactory(naam="Stadsregio Testregio", bron=BRON_OPENGR)
    f.DeelnameFactory(samenwerkingsverband=weg, gemeente=zaanstad, toetredingsdatum=None)
    assert landelijke_cijfers(peildatum=PEIL).aantal_verbanden == 2

    verslag = rb.importeer(rb.testregio_export())
    oud.refresh_from_db()
    weg.refresh_from_db()
    odt = Samenwerkingsverband.objects.get(roo_systeem_id=1001)
    assert (oud.alleen_historisch, oud.in_landelijk_register) == (True, odt)
    assert (weg.alleen_historisch, weg.in_landelijk_register) == (True, None)
    assert (verslag.historisch.gekoppeld, verslag.historisch.niet_in_register) == (1, 1)
    assert landelijke_cijfers(peildatum=PEIL).aantal_verbanden == 3
    assert not Deelname.objects.actief_op(PEIL).filter(samenwerkingsverband__in=[oud, weg]).exists()


def test_export_round_trips(referentiedata):
    rb.importeer(rb.testregio_export())

    def stand():
        return sorted(
            (
                v.roo_systeem_id,
                v.naam,
                v.vorm,
                tuple(v.bevoegdheidsverkrijgingen),
                v.doel,
                tuple(v.domeinen.order_by("naam").values_list("naam", flat=True)),
                tuple(v.wettelijke_grondslagen.values_list("opschrift", "url")),
                tuple(v.bevoegdheden.values_list("artikel", "omschrijving")),
                tuple(v.documenten.values_list("url", flat=True)),
                tuple(
                    sorted(
                        (
                            str(d.deelnemer),
                            d.toetredingsdatum,
                            d.verdeelsleutel,
                            tuple(d.deelnemende_bestuursorganen),
                        )
                        for d in v.deelnames.filter(uittredingsdatum__isnull=True)
                    )
                ),
            )
            for v in Samenwerkingsverband.objects.all()
        )

    voor = stand()
    inhoud, overgeslagen = roo_exporteren(Samenwerkingsverband.objects.all(), peildatum=PEIL)
    assert overgeslagen == []
    Deelname.objects.all().delete()
    Samenwerkingsverband.objects.all().delete()
    rb.importeer(inhoud)
    assert stand() == voor


def test_export_leaves_out_what_the_schema_cannot_describe(referentiedata):
    stichting = f.SamenwerkingsverbandFactory(
        naam="Stichting Test", afkorting="", vorm=Vorm.STICHTING
    )
    ol = f.SamenwerkingsverbandFactory(naam="Regeling zonder datum", afkorting="")
    _inhoud, overgeslagen = roo_exporteren([stichting, ol])
    assert overgeslagen == [
        "Regeling zonder datum: datum inwerkingtreding ontbreekt; bevoegdheidsverkrijging "
        "ontbreekt.",
        "Stichting Test: vorm Stichting is geen Wgr-vorm; datum inwerkingtreding ontbreekt; "
        "bevoegdheidsverkrijging ontbreekt.",
    ]


def _exporteer_zaanstad(uitvoer, schema):
    """Import the test regio, then export Zaanstad's regelingen checked against `schema`."""
    rb.importeer(rb.testregio_export())
    call_command(
        "exporteer_roo", "--gemeente", "GM0479", "--uitvoer", str(uitvoer), "--schema", str(schema)
    )


def test_export_against_a_schema_that_cannot_be_read_says_so_and_writes_nothing(
    referentiedata, tmp_path
):
    """--schema naming a file that is no schema ended in lxml's traceback."""
    schema = tmp_path / "oo-export.xsd"
    schema.write_text("dit is geen schema")
    uitvoer = tmp_path / "export.xml"
    with pytest.raises(CommandError) as info:
        _exporteer_zaanstad(uitvoer, schema)
    assert str(info.value).startswith(
        f"Niets geschreven; de controle tegen het schema meldt:\n  Schema {schema} is niet te "
        "lezen ("
    )
    assert "niet gecontroleerd." in str(info.value)
    assert not uitvoer.exists()


def test_export_passes_the_register_schema(referentiedata, roo_map, tmp_path):
    uitvoer = tmp_path / "export.xml"
    _exporteer_zaanstad(uitvoer, roo_map / "oo-export.xsd")
    inhoud = uitvoer.read_bytes()
    valideren(inhoud, roo_map / "oo-export.xsd")
    assert inhoud.count(b"<p:regeling ") == 3
    assert (
        b'p:resourceIdentifierTOOI="https://identifier.overheid.nl/tooi/id/gemeente/gm0479"'
        in inhoud
    )
    assert b"<p:verdeelsleutel>62,5</p:verdeelsleutel>" in inhoud
    # A beleidsterrein with its begrip in the thesaurus, the form the schema allows.
    assert (
        b'<p:beleidsterrein p:resourceIdentifier="https://identifier.overheid.nl/tooi/def/thes/'
        b'top/c_4c3f6f5b">natuur en milieu | bodem</p:beleidsterrein>'
    ) in inhoud
    assert b"<p:bestuursorgaan>College van burgemeester en wethouders</p:bestuursorgaan>" in inhoud


def test_a_schema_error_keeps_only_that_regeling_out(referentiedata, roo_map, tmp_path):
    regelingen, lichamen = rb.testregio()
    regelingen[3].extra = "<p:onbekendVeld>x</p:onbekendVeld>"
    # The files the tests write are in the register's own format: they pass its schema.
    valideren(rb.testregio_export(), roo_map / "oo-export.xsd")
    pad = tmp_path / "exportOO_gemeenschappelijke_regelingen.xml"
    pad.write_bytes(rb.export(regelingen, lichamen=lichamen))
    (tmp_path / "oo-export.xsd").write_bytes((roo_map / "oo-export.xsd").read_bytes())
    uitvoer = io.StringIO()
    call_command("importeer_roo", str(pad), stdout=uitvoer)
    tekst = uitvoer.getvalue()
    assert "Niet ingelezen (1):" in tekst
    assert "systeemId 1003, Samenwerkingsovereenkomst Testregio:" in tekst
    assert "Element 'onbekendVeld': This element is not expected." in tekst
    assert Samenwerkingsverband.objects.count() == 2
