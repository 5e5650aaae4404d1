"""The national register's XML on files the tests write themselves (`roo_bestanden.py`):
reading, identity, versions, herindelingen, kept in step, download, and the same format out.
The real export is in test_roo_echt.py."""

import datetime
import functools
import http.server
import io
import threading
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command

from samenwerking.constants import (
    BRON_OPENGR,
    DeelnemendOrgaan,
    DocumentSoort,
    OrganisatieSoort,
    Vorm,
)
from samenwerking.models import (
    Bijdrage,
    Bronimport,
    Deelname,
    Gemeente,
    Inwonertal,
    Organisatie,
    Samenwerkingsverband,
)
from samenwerking.roo import RooFout, lezen, valideren
from samenwerking.roo_export import roo_exporteren
from samenwerking.roo_import import BEEINDIGD, CONFLICT, GEWIJZIGD, NIEUW, roo_importeren
from samenwerking.selectors import landelijke_cijfers
from tests import factories as f
from tests.samenwerking import roo_bestanden as rb
from tests.samenwerking.roo_bestanden import register_dump

pytestmark = pytest.mark.django_db

D = datetime.date
PEIL = D(2026, 5, 19)


def importeer(inhoud: bytes, **kwargs):
    return roo_importeren(export=lezen(inhoud, naam="test.xml: "), **kwargs)


def _testregio(**kwargs) -> bytes:
    regelingen, lichamen = rb.testregio()
    return rb.export(regelingen, lichamen=lichamen, **kwargs)


def test_a_file_lands_with_everything_the_register_says(referentiedata):
    verslag = importeer(_testregio())
    assert (verslag.regelingen_nieuw, verslag.versies_gelezen, verslag.niet_ingelezen) == (3, 4, [])

    odt = Samenwerkingsverband.objects.get(roo_systeem_id=1001)
    assert (odt.naam, odt.citeertitel, odt.afkorting, odt.vorm, odt.bron) == (
        "Gemeenschappelijke regeling Omgevingsdienst Testregio",
        "GR ODT",
        "ODT",
        Vorm.OPENBAAR_LICHAAM,
        "ROO-export 2026-05-19",
    )
    assert odt.doel == "Uitvoeren van de vergunningverlening, het toezicht en de handhaving."
    assert odt.bevoegdheidsverkrijgingen == ["delegatie"]
    assert (odt.bronhouder, odt.archiefzorgdrager) == ("Omgevingsdienst Testregio",) * 2
    assert (odt.adres, odt.postcode, odt.vestigingsplaats, odt.website) == (
        "Stationsplein 1",
        "1506 AA",
        "Zaandam",
        "https://www.testregio.example",
    )
    lichaam = odt.uitvoerende_organisatie
    assert (
        lichaam.naam,
        lichaam.roo_systeem_id,
        lichaam.soort,
        lichaam.telefoon,
        lichaam.email,
    ) == (
        "Omgevingsdienst Testregio",
        5001,
        OrganisatieSoort.OPENBAAR_LICHAAM,
        "(075) 123 45 67",
        "info@testregio.example",
    )
    assert list(odt.wettelijke_grondslagen.values_list("opschrift", "url")) == [
        ("Wet gemeenschappelijke regelingen", "https://wetten.overheid.nl/BWBR0003740"),
        ("Omgevingswet", ""),
    ]
    assert list(odt.bevoegdheden.values_list("artikel", "omschrijving")) == [
        ("Artikel 5: Taken", "Het openbaar lichaam voert de taken uit."),
        ("", "Handhaving van de milieuregels."),
    ]
    besluit = odt.documenten.get()
    assert (besluit.titel, besluit.soort, besluit.url) == (
        "Instellingsbesluit gmb-2013-1234",
        DocumentSoort.BESLUIT,
        "https://zoek.officielebekendmakingen.nl/gmb-2013-1234.html",
    )
    assert sorted(odt.domeinen.values_list("naam", flat=True)) == [
        "natuur en milieu | bodem",
        "natuur en milieu | geluid",
    ]
    zaanstad = odt.deelnames.get(gemeente__cbs_code="GM0479")
    assert (zaanstad.toetredingsdatum, zaanstad.verdeelsleutel) == (D(2005, 1, 1), Decimal("62.5"))
    assert zaanstad.deelnemende_bestuursorganen == [DeelnemendOrgaan.COLLEGE]
    oostzaan = odt.deelnames.get(gemeente__cbs_code="GM0431")
    assert oostzaan.deelnemende_bestuursorganen == ["raad", "college", "burgemeester"]
    provincie = odt.deelnames.get(organisatie__isnull=False, organisatie__soort="provincie")
    assert (provincie.organisatie.naam, provincie.organisatie.provincie.code) == (
        "Provincie Noord-Holland",
        "PV27",
    )
    assert provincie.deelnemende_bestuursorganen == [DeelnemendOrgaan.GEDEPUTEERDE_STATEN]
    kreis = Organisatie.objects.get(roo_systeem_id=91001)
    assert (kreis.naam, kreis.soort) == ("Kreis Testland", OrganisatieSoort.BUITENLANDS)
    # No organs of the arrangement are made from the participants' own organs.
    assert not odt.bestuursorganen.exists()


def test_the_versions_of_a_regeling_are_one_arrangement(referentiedata):
    importeer(_testregio())
    odt = Samenwerkingsverband.objects.get(roo_systeem_id=1001)
    assert list(
        odt.versies.order_by("ingangsdatum").values_list(
            "roo_systeem_id", "ingangsdatum", "einddatum"
        )
    ) == [(1000, D(2005, 1, 1), D(2013, 1, 1)), (1001, D(2013, 1, 1), None)]
    assert (odt.ingangsdatum, odt.einddatum) == (D(2005, 1, 1), None)
    assert Samenwerkingsverband.objects.filter(naam__contains="Milieudienst").count() == 0
    # Zaanstad and Wormerland take part in both versions: one deelname each since 2005.
    assert sorted(
        odt.deelnames.filter(gemeente__isnull=False).values_list(
            "gemeente__cbs_code", "toetredingsdatum", "uittredingsdatum"
        )
    ) == [
        ("GM0431", D(2015, 1, 1), None),
        ("GM0479", D(2005, 1, 1), None),
        ("GM0880", D(2005, 1, 1), None),
    ]


def test_a_participant_that_leaves_in_a_new_version_and_an_ended_regeling(referentiedata):
    regelingen = [
        rb.Regeling(
            2000,
            "GR Oud",
            ingang="2010-01-01",
            uit="2016-01-01",
            volgende=2001,
            deelnemers=[
                rb.gemeente("GM0479", "Zaanstad", toetreding="2010-01-01"),
                rb.gemeente("GM0880", "Wormerland", toetreding="2010-01-01"),
            ],
        ),
        rb.Regeling(
            2001,
            "GR Oud 2016",
            ingang="2016-01-01",
            uit="2022-07-01",
            vorige=2000,
            deelnemers=[rb.gemeente("GM0479", "Zaanstad", toetreding="2010-01-01")],
        ),
    ]
    importeer(rb.export(regelingen))
    verband = Samenwerkingsverband.objects.get()
    assert verband.einddatum == D(2022, 7, 1)
    assert sorted(verband.deelnames.values_list("gemeente__cbs_code", "uittredingsdatum")) == [
        ("GM0479", D(2022, 7, 1)),
        ("GM0880", D(2016, 1, 1)),
    ]
    assert not landelijke_cijfers(peildatum=PEIL).aantal_verbanden


def test_a_merged_gemeente_is_carried_to_its_successor(referentiedata):
    importeer(_testregio())
    bvo = Samenwerkingsverband.objects.get(roo_systeem_id=1002)
    assert sorted(
        bvo.deelnames.values_list("gemeente__cbs_code", "toetredingsdatum", "uittredingsdatum")
    ) == [
        ("GM0479", D(2018, 1, 1), None),
        ("GM0501", D(2018, 1, 1), D(2023, 1, 1)),
        ("GM1992", D(2023, 1, 1), None),
    ]


def test_a_successor_listed_beside_its_predecessor_has_one_deelname(referentiedata):
    regeling = rb.Regeling(
        3000,
        "GR Voorne",
        ingang="2020-01-01",
        deelnemers=[
            rb.gemeente("GM0501", "Brielle", toetreding="2020-01-01"),
            rb.gemeente("GM0530", "Hellevoetsluis", toetreding="2020-01-01"),
            rb.gemeente("GM1992", "Voorne aan Zee", toetreding="2023-01-01"),
        ],
    )
    verslag = importeer(rb.export([regeling]))
    assert (verslag.gemeenterijen_geland, verslag.gemeenterijen_lopend) == (3, 3)
    verband = Samenwerkingsverband.objects.get()
    assert sorted(
        verband.deelnames.values_list("gemeente__cbs_code", "toetredingsdatum", "uittredingsdatum")
    ) == [
        ("GM0501", D(2020, 1, 1), D(2023, 1, 1)),
        ("GM0530", D(2020, 1, 1), D(2023, 1, 1)),
        ("GM1992", D(2023, 1, 1), None),
    ]


def test_elements_are_read_by_local_name_in_a_newer_export(referentiedata):
    regelingen, lichamen = rb.testregio()
    regelingen[1].extra = "<p:nieuwVeld>iets uit een nieuwere versie</p:nieuwVeld>"
    importeer(rb.export(regelingen, lichamen=lichamen, ns=rb.NS_NIEUWER))
    odt = Samenwerkingsverband.objects.get(roo_systeem_id=1001)
    assert odt.deelnames.count() == 5
    assert odt.uitvoerende_organisatie.telefoon == "(075) 123 45 67"


def test_nothing_in_one_regeling_stops_the_rest(referentiedata):
    regelingen, lichamen = rb.testregio()
    regelingen[2].vorm = "XX"  # an unknown samenwerkingsvorm: this one cannot land
    regelingen[3].deelnemers[0].verdeelsleutel = "veel"
    regelingen[3].deelnemers[1].organen = ["Ondernemingsraad"]
    verslag = importeer(rb.export(regelingen, lichamen=lichamen))
    assert Samenwerkingsverband.objects.count() == 2
    [niet] = verslag.niet_ingelezen
    assert (niet.systeem_id, niet.titel, niet.redenen) == (
        1002,
        "Regeling Bedrijfsvoeringsorganisatie Belastingen Testregio",
        ["samenwerkingsvorm 'XX' is onbekend"],
    )
    assert niet.regel > 1
    assert any(
        "verdeelsleutel 'veel' van Gemeente Zaanstad is geen getal" in m for m in verslag.meldingen
    )
    assert any(
        "bestuursorgaan 'Ondernemingsraad' van Gemeente Wormerland is onbekend" in m
        for m in verslag.meldingen
    )
    rzm = Samenwerkingsverband.objects.get(roo_systeem_id=1003)
    assert rzm.deelnames.get(gemeente__cbs_code="GM0479").verdeelsleutel is None
    assert rzm.deelnames.get(gemeente__cbs_code="GM0880").deelnemende_bestuursorganen == []


def test_a_centrumconstructie_takes_its_centrumgemeente_from_the_bronhouder(referentiedata):
    tooi = f"{rb.TOOI}/gemeente/gm0479"
    cc = rb.Regeling(
        4000,
        "Centrumregeling Testregio",
        vorm="CC",
        bronhouder=(10479, "Gemeente Zaanstad", tooi),
        deelnemers=[rb.gemeente("GM0479", "Zaanstad"), rb.gemeente("GM0880", "Wormerland")],
    )
    zonder = rb.Regeling(
        4001,
        "Centrumregeling zonder bronhouder",
        vorm="CC",
        deelnemers=[rb.gemeente("GM0880", "Wormerland")],
    )
    verslag = importeer(rb.export([cc, zonder]))
    assert (
        Samenwerkingsverband.objects.get(roo_systeem_id=4000).centrumgemeente.cbs_code == "GM0479"
    )
    [niet] = verslag.niet_ingelezen
    assert niet.systeem_id == 4001
    assert "centrumconstructie zonder herkenbare centrumgemeente" in niet.redenen[0]


def test_the_same_file_again_changes_nothing_and_says_so(referentiedata, tmp_path):
    pad = tmp_path / "exportOO_gemeenschappelijke_regelingen.xml"
    pad.write_bytes(_testregio())
    call_command("importeer_roo", str(pad), stdout=io.StringIO())
    voor = register_dump()
    uitvoer = io.StringIO()
    call_command("importeer_roo", str(pad), stdout=uitvoer)
    tekst = uitvoer.getvalue()
    assert "Regelingen: 0 nieuw, 0 gewijzigd, 3 ongewijzigd" in tekst
    assert "Niets gewijzigd: regioreg was al in de pas met het register." in tekst
    assert register_dump() == voor


def _bewerkte_testregio() -> bytes:
    """The next day's export: Wormerland left the regeling zonder meer, a new regeling, and
    the omgevingsdienst has a new doel."""
    regelingen, lichamen = rb.testregio()
    regelingen[3].deelnemers = [d for d in regelingen[3].deelnemers if "Wormerland" not in d.naam]
    regelingen[1].doel = "Een leefbare en veilige omgeving in de Testregio."
    regelingen.append(
        rb.Regeling(
            1010,
            "Gemeenschappelijke regeling Archief Testregio",
            ingang="2026-01-01",
            deelnemers=[rb.gemeente("GM0479", "Zaanstad"), rb.gemeente("GM0431", "Oostzaan")],
        )
    )
    return rb.export(regelingen, lichamen=lichamen, stand="2026-05-20T06:00:00+02:00")


def test_a_newer_export_reports_exactly_what_changed_and_keeps_what_people_entered(referentiedata):
    importeer(_testregio())
    rzm = Samenwerkingsverband.objects.get(roo_systeem_id=1003)
    bijdrage = f.BijdrageFactory(
        deelname=rzm.deelnames.get(gemeente__cbs_code="GM0880"),
        jaar=2025,
        bedrag=Decimal("1000.00"),
    )
    bvo = Samenwerkingsverband.objects.get(roo_systeem_id=1002)
    bvo.naam = "Belastingen Testregio"  # edited by hand in the admin
    bvo.save()

    verslag = importeer(_bewerkte_testregio())

    wezenlijk = sorted((w.soort, w.regeling) for w in verslag.wijzigingen if w.soort != CONFLICT)
    assert wezenlijk == [
        (BEEINDIGD, "Samenwerkingsovereenkomst Testregio"),
        (GEWIJZIGD, "Gemeenschappelijke regeling Omgevingsdienst Testregio"),
        (NIEUW, "Gemeenschappelijke regeling Archief Testregio"),
    ]
    omschrijvingen = {w.soort: w.omschrijving for w in verslag.wijzigingen}
    assert omschrijvingen[BEEINDIGD] == (
        "deelname van Wormerland beëindigd per 20 mei 2026 (staat niet meer in het register)"
    )
    assert omschrijvingen[GEWIJZIGD] == "doel gewijzigd"
    [conflict] = verslag.conflicten
    assert (conflict.regeling, conflict.omschrijving) == (
        "Belastingen Testregio",
        "naam is in regioreg met de hand gewijzigd („Belastingen Testregio”); het register zegt "
        "„Regeling Bedrijfsvoeringsorganisatie Belastingen Testregio”. De waarde in regioreg is "
        "behouden.",
    )
    bvo.refresh_from_db()
    assert bvo.naam == "Belastingen Testregio"
    assert Bijdrage.objects.get(pk=bijdrage.pk).bedrag == Decimal("1000.00")
    wormerland = rzm.deelnames.get(gemeente__cbs_code="GM0880")
    assert wormerland.uittredingsdatum == D(2026, 5, 20)
    assert Samenwerkingsverband.objects.get(roo_systeem_id=1001).doel.startswith("Een leefbare")
    # Every change is in the history as made by the import.
    laatste = Samenwerkingsverband.history.filter(roo_systeem_id=1001).latest("history_date")
    assert (laatste.history_change_reason, laatste.history_user) == (
        "manage.py importeer_roo",
        None,
    )
    assert (
        wormerland.history.latest("history_date").history_change_reason == "manage.py importeer_roo"
    )

    # The day after, with the same export: nothing new, the conflict is named again.
    voor = register_dump()
    opnieuw = importeer(_bewerkte_testregio())
    assert [w.soort for w in opnieuw.wijzigingen] == [CONFLICT]
    assert not opnieuw.iets_gewijzigd
    assert register_dump() == voor


def test_a_field_settled_by_hand_is_no_longer_a_conflict(referentiedata):
    importeer(_testregio())
    bvo = Samenwerkingsverband.objects.get(roo_systeem_id=1002)
    bvo.doel = "Met de hand"
    bvo.save()
    assert [w.soort for w in importeer(_testregio()).wijzigingen] == [CONFLICT]
    bvo.doel = "Samen de taken van de deelnemers uitvoeren."
    bvo.save()
    assert importeer(_testregio()).wijzigingen == []


def test_a_regeling_linked_by_hand_through_its_systeem_id_is_adopted(referentiedata):
    eigen = f.SamenwerkingsverbandFactory(
        naam="Omgevingsdienst Testregio (eigen invoer)", roo_systeem_id=1001, doel=""
    )
    verslag = importeer(_testregio())
    eigen.refresh_from_db()
    assert eigen.versies.count() == 2
    assert eigen.doel.startswith("Uitvoeren van de vergunningverlening")
    assert eigen.naam == "Omgevingsdienst Testregio (eigen invoer)"
    # What the register says otherwise about fields filled in by hand: conflicts, kept.
    assert {w.omschrijving.split(" is ")[0] for w in verslag.conflicten} == {
        "naam",
        "afkorting",
        "vestigingsplaats",
    }
    assert {w.regeling for w in verslag.conflicten} == {eigen.naam}


def test_gemeenten_and_their_inwoners(referentiedata):
    f.InwonertalFactory(
        gemeente=Gemeente.objects.get(cbs_code="GM0880"), jaar=2026, aantal=16000, bron="CBS"
    )
    inhoud = rb.export(
        (),
        gemeenten=[
            rb.GemeenteRecord("GM0479", "Zaanstad", 10479, inwoners=160000),
            rb.GemeenteRecord("GM0880", "Wormerland", 10880, inwoners=16500),
            rb.GemeenteRecord(None, "Brielle", 10501, inwoners=17000, einde="2023-01-01"),
        ],
    )
    verslag = importeer(inhoud)
    zaanstad = Inwonertal.objects.get(gemeente__cbs_code="GM0479")
    assert (zaanstad.jaar, zaanstad.aantal, zaanstad.bron) == (
        2026,
        160000,
        "ROO-export 2026-05-19",
    )
    assert Inwonertal.objects.get(gemeente__cbs_code="GM0880").aantal == 16000
    assert any(
        "Inwonertal Wormerland 2026: in regioreg 16000, in het register 16500" in p
        for p in verslag.aandachtspunten
    )
    # A dissolved gemeente without TOOI code: recognised by name and end date, no inwonertal.
    brielle = Gemeente.objects.get(cbs_code="GM0501")
    assert brielle.roo_systeem_id == 10501
    assert not brielle.inwonertallen.exists()
    assert Bronimport.objects.get().bron == "ROO-gemeenten"
    # A participant without TOOI code is then known by its systeemId.
    regeling = rb.Regeling(
        6000,
        "GR met Brielle",
        ingang="2019-01-01",
        deelnemers=[rb.Deelnemer("Gemeente Brielle", systeem_id=10501)],
    )
    importeer(rb.export([regeling]))
    assert Samenwerkingsverband.objects.get().deelnames.filter(gemeente__cbs_code="GM1992").exists()


def test_dry_run_writes_nothing(referentiedata):
    verslag = importeer(_testregio(), proef=True)
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
        _testregio().split(b"?>", 1)[1].replace(b"<p:doel>", b"<p:doel>&x;", 1)
    )
    with pytest.raises(RooFout) as info:
        lezen(inhoud)
    assert info.value.messages == ["regel 1: een DOCTYPE is niet toegestaan in een ROO-export."]


def test_command_reads_the_sources_folder(referentiedata, tmp_path, settings):
    (tmp_path / "roo").mkdir()
    (tmp_path / "roo" / "exportOO_gemeenschappelijke_regelingen.xml").write_bytes(_testregio())
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
    (map / "exportOO.xml").write_bytes(_testregio())
    settings.ROO_DOWNLOAD_URL = f"{adres}/exportOO.xml"
    settings.ROO_DOWNLOAD_MAP = tmp_path / "downloads"
    settings.ROO_SCHEMA_URL = f"{adres}/oo-export.xsd"  # not there: read without schema
    uitvoer, fouten = io.StringIO(), io.StringIO()
    call_command("importeer_roo", "--download", stdout=uitvoer, stderr=fouten)
    assert "100%" in fouten.getvalue() and "[####################]" in fouten.getvalue()
    assert "Regelingen: 3 nieuw" in uitvoer.getvalue()
    assert "Het bestand wordt zonder schema gelezen." in uitvoer.getvalue()
    assert (tmp_path / "downloads" / "exportOO.xml").read_bytes() == _testregio()
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

    verslag = importeer(_testregio())
    oud.refresh_from_db()
    weg.refresh_from_db()
    odt = Samenwerkingsverband.objects.get(roo_systeem_id=1001)
    assert (oud.alleen_historisch, oud.in_landelijk_register) == (True, odt)
    assert (weg.alleen_historisch, weg.in_landelijk_register) == (True, None)
    assert (verslag.historisch.gekoppeld, verslag.historisch.niet_in_register) == (1, 1)
    assert landelijke_cijfers(peildatum=PEIL).aantal_verbanden == 3
    assert not Deelname.objects.actief_op(PEIL).filter(samenwerkingsverband__in=[oud, weg]).exists()


def test_export_round_trips(referentiedata):
    importeer(_testregio())

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
    importeer(inhoud)
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


def test_export_passes_the_register_schema(referentiedata, roo_map, tmp_path):
    importeer(_testregio())
    uitvoer = tmp_path / "export.xml"
    call_command(
        "exporteer_roo",
        "--gemeente",
        "GM0479",
        "--uitvoer",
        str(uitvoer),
        "--schema",
        str(roo_map / "oo-export.xsd"),
    )
    inhoud = uitvoer.read_bytes()
    valideren(inhoud, roo_map / "oo-export.xsd")
    assert inhoud.count(b"<p:regeling ") == 3
    assert (
        b'p:resourceIdentifierTOOI="https://identifier.overheid.nl/tooi/id/gemeente/gm0479"'
        in inhoud
    )
    assert b"<p:verdeelsleutel>62,5</p:verdeelsleutel>" in inhoud
    assert b"<p:bestuursorgaan>College van burgemeester en wethouders</p:bestuursorgaan>" in inhoud


def test_a_schema_error_keeps_only_that_regeling_out(referentiedata, roo_map, tmp_path):
    regelingen, lichamen = rb.testregio()
    regelingen[3].extra = "<p:onbekendVeld>x</p:onbekendVeld>"
    # The files the tests write are in the register's own format: they pass its schema.
    valideren(_testregio(), roo_map / "oo-export.xsd")
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


def test_foreign_participants_become_organisaties_by_systeem_id(referentiedata):
    regeling = rb.Regeling(
        7000,
        "Openbaar lichaam Grensregio Testland",
        deelnemers=[
            rb.gemeente("GM0479", "Zaanstad"),
            rb.Deelnemer("Gemeente Grensdorp", systeem_id=92001, organen=[]),  # Belgian
            rb.Deelnemer("Gemeinde Testheim", systeem_id=92002, organen=[]),
            rb.Deelnemer("Provincie Oost-Testland", systeem_id=92003, organen=[]),
        ],
    )
    importeer(rb.export([regeling]))
    assert sorted(Organisatie.objects.values_list("naam", "soort", "roo_systeem_id")) == [
        ("Gemeente Grensdorp", OrganisatieSoort.BUITENLANDS, 92001),
        ("Gemeinde Testheim", OrganisatieSoort.BUITENLANDS, 92002),
        ("Provincie Oost-Testland", OrganisatieSoort.BUITENLANDS, 92003),
    ]
    # The same body in another regeling is the same organisatie, by its systeemId, even when
    # its name is written otherwise.
    ander = rb.Regeling(
        7001,
        "Tweede grensregeling",
        deelnemers=[rb.Deelnemer("Gemeinde Testheim (DE)", systeem_id=92002, organen=[])],
    )
    importeer(rb.export([regeling, ander]))
    assert Organisatie.objects.count() == 3
    assert Deelname.objects.filter(organisatie__roo_systeem_id=92002).count() == 2
