"""The national register's XML: hand-made files in, the same format out."""

import datetime
import io
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from samenwerking.constants import OrgaanSoort, OrganisatieSoort, Vorm
from samenwerking.models import (
    Deelname,
    Domein,
    Gemeente,
    Organisatie,
    Samenwerkingsverband,
)
from samenwerking.roo import RooFout, roo_importeren, valideren
from samenwerking.roo_export import roo_exporteren
from tests import factories as f

pytestmark = pytest.mark.django_db

D = datetime.date
DATA = Path(__file__).parent / "data"
GELDIG = (DATA / "roo_geldig.xml").read_bytes()
ONGELDIG = (DATA / "roo_ongeldig.xml").read_bytes()


def _register():
    """What the register holds about arrangements, comparable across a round trip."""
    return sorted(
        (
            v.roo_systeem_id,
            v.naam,
            v.afkorting,
            v.vorm,
            tuple(v.bevoegdheidsverkrijgingen),
            v.doel,
            v.ingangsdatum,
            v.einddatum,
            v.centrumgemeente.cbs_code if v.centrumgemeente else None,
            v.vorige_versie.roo_systeem_id if v.vorige_versie else None,
            tuple(v.domeinen.order_by("naam").values_list("naam", flat=True)),
            tuple(v.wettelijke_grondslagen.values_list("opschrift", "url")),
            tuple(v.bevoegdheden.values_list("artikel", "omschrijving")),
            tuple(
                sorted(
                    (str(d.deelnemer), d.toetredingsdatum, d.verdeelsleutel)
                    for d in v.deelnames.select_related("gemeente", "organisatie")
                )
            ),
            tuple(sorted(str(o) for o in v.bestuursorganen.all())),
        )
        for v in Samenwerkingsverband.objects.select_related("centrumgemeente", "vorige_versie")
    )


def test_a_valid_file_imports_to_the_expected_rows(referentiedata):
    verslag = roo_importeren(inhoud=GELDIG)
    assert (verslag.nieuw, verslag.deelnames_nieuw, verslag.organisaties_nieuw) == (3, 6, 1)
    assert (verslag.domeinen_nieuw, verslag.versies_gekoppeld) == (1, 1)

    odt = Samenwerkingsverband.objects.get(roo_systeem_id=1001)
    assert (odt.naam, odt.afkorting, odt.vorm, odt.bron) == (
        "Gemeenschappelijke regeling Omgevingsdienst Testregio",
        "ODT",
        Vorm.OPENBAAR_LICHAAM,
        "ROO-export 2024-05-01",
    )
    assert odt.bevoegdheidsverkrijgingen == ["delegatie", "mandaat"]
    assert (odt.adres, odt.postcode, odt.vestigingsplaats) == (
        "Stationsplein 1",
        "1506 AA",
        "Zaandam",
    )
    assert odt.ingangsdatum == D(2013, 1, 1)
    assert list(odt.wettelijke_grondslagen.values_list("opschrift", "url")) == [
        (
            "Wet gemeenschappelijke regelingen, art. 8 lid 1",
            "https://wetten.overheid.nl/BWBR0003740",
        ),
        ("Omgevingswet, art. 5.11", ""),
    ]
    assert list(odt.bevoegdheden.values_list("artikel", flat=True)) == ["Artikel 5", ""]
    assert set(odt.domeinen.values_list("naam", flat=True)) == {
        "Milieu, vergunningen en handhaving",
        "Omgevingsrecht",
    }
    zaanstad = odt.deelnames.get(gemeente__cbs_code="GM0479")
    assert (zaanstad.toetredingsdatum, zaanstad.verdeelsleutel) == (D(2013, 1, 1), Decimal("62.5"))
    provincie = Organisatie.objects.get(roo_systeem_id=5001)
    assert (provincie.naam, provincie.soort, provincie.provincie.code) == (
        "Provincie Noord-Holland",
        OrganisatieSoort.PROVINCIE,
        "PV27",
    )
    assert sorted(odt.bestuursorganen.values_list("soort", "naam")) == [
        (OrgaanSoort.ALGEMEEN_BESTUUR, ""),
        (OrgaanSoort.DAGELIJKS_BESTUUR, ""),
        (OrgaanSoort.OVERIG, "Adviescommissie Omgevingsrecht"),
    ]
    assert odt.vorige_versie.roo_systeem_id == 1000
    cc = Samenwerkingsverband.objects.get(roo_systeem_id=1002)
    assert (cc.vorm, cc.centrumgemeente.naam) == (Vorm.CENTRUMGEMEENTE, "Zaanstad")


def test_importing_the_same_file_again_changes_nothing(referentiedata, capsys):
    roo_importeren(inhoud=GELDIG)
    voor = _register()
    call_command("importeer_roo", str(DATA / "roo_geldig.xml"))
    uitvoer = capsys.readouterr().out
    assert "Regelingen: 0 nieuw, 0 bijgewerkt, 3 ongewijzigd" in uitvoer
    assert "Niets gewijzigd: het register was al bijgewerkt." in uitvoer
    assert _register() == voor


def test_an_invalid_file_is_refused_with_line_numbers_and_nothing_is_written(referentiedata):
    with pytest.raises(CommandError) as info:
        call_command("importeer_roo", str(DATA / "roo_ongeldig.xml"))
    melding = str(info.value)
    assert melding.startswith("Niets ingelezen; ")
    assert (
        "regel 9: Element 'samenwerkingsvorm', attribute 'afkorting': [facet 'enumeration'] "
        in (melding)
    )
    assert (
        "regel 6: Element 'regeling': Missing child element(s). "
        "Expected is ( datumInwerkingtreding )." in melding
    )
    assert not Samenwerkingsverband.objects.exists()


def test_broken_xml_names_its_line(referentiedata):
    with pytest.raises(RooFout) as info:
        roo_importeren(inhoud=b"<?xml version='1.0'?>\n<a>\n<b></a>")
    assert info.value.messages[0].startswith("regel 3: geen geldige XML:")


def test_entities_are_not_expanded(referentiedata):
    inhoud = (
        b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        + GELDIG.split(b"?>", 1)[1].replace(b"<p:doel>", b"<p:doel>&x;", 1)
    )
    with pytest.raises(RooFout) as info:
        roo_importeren(inhoud=inhoud)
    assert info.value.messages == ["regel 1: een DOCTYPE is niet toegestaan in een ROO-export."]
    assert not Samenwerkingsverband.objects.exists()


def test_a_centrumconstructie_needs_a_recognisable_centrumgemeente(referentiedata):
    inhoud = GELDIG.replace(
        b"Gemeente Zaanstad</p:bronhouder>", b"Gemeente Atlantis</p:bronhouder>"
    )
    with pytest.raises(RooFout) as info:
        roo_importeren(inhoud=inhoud)
    assert "centrumconstructie zonder herkenbare centrumgemeente" in info.value.messages[0]
    assert not Samenwerkingsverband.objects.exists()


def test_an_unknown_gemeente_is_an_error_not_a_new_organisatie(referentiedata):
    inhoud = GELDIG.replace(b"<p:naam>Gemeente Wormerland", b"<p:naam>Gemeente Wormerlant")
    with pytest.raises(RooFout) as info:
        roo_importeren(inhoud=inhoud)
    assert info.value.messages == [
        "regel 85: deelnemer 'Gemeente Wormerlant': deze gemeente staat niet in het register."
    ]
    assert not Organisatie.objects.exists()


def test_an_arrangement_from_opengr_is_linked_and_corrected(referentiedata):
    opengr = f.SamenwerkingsverbandFactory(
        naam="Omgevingsdienst Testregio",
        afkorting="ODT",
        vestigingsplaats="Zaandam",
        bron="OpenGR 2016; vorm aangenomen: openbaar lichaam",
        vorm=Vorm.REGELING_ZONDER_MEER,
    )
    roo_importeren(inhoud=GELDIG)
    opengr.refresh_from_db()
    assert (opengr.roo_systeem_id, opengr.vorm, opengr.bron) == (
        1001,
        Vorm.OPENBAAR_LICHAAM,
        "ROO-export 2024-05-01",
    )
    assert Samenwerkingsverband.objects.count() == 3


def test_dry_run_writes_nothing(referentiedata):
    verslag = roo_importeren(inhoud=GELDIG, proef=True)
    assert verslag.nieuw == 3
    assert not Samenwerkingsverband.objects.exists()
    assert not Domein.objects.filter(naam="Omgevingsrecht").exists()


def test_export_validates_and_round_trips(referentiedata):
    roo_importeren(inhoud=GELDIG)
    voor = _register()
    inhoud, overgeslagen = roo_exporteren(
        Samenwerkingsverband.objects.all(), peildatum=D(2024, 1, 1)
    )
    assert overgeslagen == []
    valideren(inhoud)
    Deelname.objects.all().delete()
    for verband in Samenwerkingsverband.objects.all():
        verband.bestuursorganen.all().delete()
    Samenwerkingsverband.objects.update(vorige_versie=None)
    Samenwerkingsverband.objects.all().delete()

    roo_importeren(inhoud=inhoud)
    na = _register()
    # Organs are exported per participant only where someone holds a seat for it.
    assert [r[:14] for r in na] == [r[:14] for r in voor]


def test_export_leaves_out_what_the_schema_cannot_describe(referentiedata):
    stichting = f.SamenwerkingsverbandFactory(
        naam="Stichting Test", afkorting="", vorm=Vorm.STICHTING
    )
    ol = f.SamenwerkingsverbandFactory(naam="Regeling zonder datum", afkorting="")
    inhoud, overgeslagen = roo_exporteren([stichting, ol])
    valideren(inhoud)
    assert overgeslagen == [
        "Regeling zonder datum: datum inwerkingtreding ontbreekt; bevoegdheidsverkrijging "
        "ontbreekt.",
        "Stichting Test: vorm Stichting is geen Wgr-vorm; datum inwerkingtreding ontbreekt; "
        "bevoegdheidsverkrijging ontbreekt.",
    ]


def test_export_per_gemeente_by_command(referentiedata, tmp_path):
    roo_importeren(inhoud=GELDIG)
    uitvoer = tmp_path / "export.xml"
    call_command("exporteer_roo", "--gemeente", "GM0880", "--uitvoer", str(uitvoer))
    inhoud = uitvoer.read_bytes()
    valideren(inhoud)
    assert inhoud.count(b"<p:regeling ") == 1
    assert b'p:systeemId="1001"' in inhoud
    assert b"<p:verdeelsleutel>12,5</p:verdeelsleutel>" in inhoud
    tekst = io.StringIO()
    call_command("exporteer_roo", "--gemeente", "gm0479", stdout=tekst)
    assert tekst.getvalue().count("<p:regeling ") == 3
    assert Gemeente.objects.get(cbs_code="GM0479").deelnames.count() == 3
