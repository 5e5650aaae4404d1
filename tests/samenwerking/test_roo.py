"""The national register's XML on files the tests write themselves (`roo_bestanden.py`):
reading, identity, versions, herindelingen and kept in step. The command, the download and
the export are in test_roo_opdracht.py, the real export in test_roo_echt.py."""

import datetime
import io
from decimal import Decimal

import pytest
from django.core.management import call_command

from samenwerking.constants import (
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
from samenwerking.roo_import import Wijzigingssoort
from samenwerking.roo_velden import postcode_en_plaats
from samenwerking.selectors import landelijke_cijfers
from tests import factories as f
from tests.samenwerking import roo_bestanden as rb
from tests.samenwerking.roo_bestanden import register_dump

pytestmark = pytest.mark.django_db

D = datetime.date
PEIL = D(2026, 5, 19)


def test_a_file_lands_with_everything_the_register_says(referentiedata):
    verslag = rb.importeer(rb.testregio_export())
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
    rb.importeer(rb.testregio_export())
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
    rb.importeer(rb.export(regelingen))
    verband = Samenwerkingsverband.objects.get()
    assert verband.einddatum == D(2022, 7, 1)
    assert sorted(verband.deelnames.values_list("gemeente__cbs_code", "uittredingsdatum")) == [
        ("GM0479", D(2022, 7, 1)),
        ("GM0880", D(2016, 1, 1)),
    ]
    assert not landelijke_cijfers(peildatum=PEIL).aantal_verbanden


def test_a_merged_gemeente_is_carried_to_its_successor(referentiedata):
    rb.importeer(rb.testregio_export())
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
    verslag = rb.importeer(rb.export([regeling]))
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
    rb.importeer(rb.export(regelingen, lichamen=lichamen, ns=rb.NS_NIEUWER))
    odt = Samenwerkingsverband.objects.get(roo_systeem_id=1001)
    assert odt.deelnames.count() == 5
    assert odt.uitvoerende_organisatie.telefoon == "(075) 123 45 67"


def test_nothing_in_one_regeling_stops_the_rest(referentiedata):
    regelingen, lichamen = rb.testregio()
    regelingen[2].vorm = "XX"  # an unknown samenwerkingsvorm: this one cannot land
    regelingen[3].deelnemers[0].verdeelsleutel = "veel"
    regelingen[3].deelnemers[1].organen = ["Ondernemingsraad"]
    verslag = rb.importeer(rb.export(regelingen, lichamen=lichamen))
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
    verslag = rb.importeer(rb.export([cc, zonder]))
    assert (
        Samenwerkingsverband.objects.get(roo_systeem_id=4000).centrumgemeente.cbs_code == "GM0479"
    )
    [niet] = verslag.niet_ingelezen
    assert niet.systeem_id == 4001
    assert "centrumconstructie zonder herkenbare centrumgemeente" in niet.redenen[0]


def test_the_same_file_again_changes_nothing_and_says_so(referentiedata, tmp_path):
    pad = tmp_path / "exportOO_gemeenschappelijke_regelingen.xml"
    pad.write_bytes(rb.testregio_export())
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
    rb.importeer(rb.testregio_export())
    rzm = Samenwerkingsverband.objects.get(roo_systeem_id=1003)
    bijdrage = f.BijdrageFactory(
        deelname=rzm.deelnames.get(gemeente__cbs_code="GM0880"),
        jaar=2025,
        bedrag=Decimal("1000.00"),
    )
    bvo = Samenwerkingsverband.objects.get(roo_systeem_id=1002)
    bvo.naam = "Belastingen Testregio"  # edited by hand in the admin
    bvo.save()

    verslag = rb.importeer(_bewerkte_testregio())

    wezenlijk = sorted(
        (w.soort, w.regeling) for w in verslag.wijzigingen if w.soort != Wijzigingssoort.CONFLICT
    )
    assert wezenlijk == [
        (Wijzigingssoort.BEEINDIGD, "Samenwerkingsovereenkomst Testregio"),
        (Wijzigingssoort.GEWIJZIGD, "Gemeenschappelijke regeling Omgevingsdienst Testregio"),
        (Wijzigingssoort.NIEUW, "Gemeenschappelijke regeling Archief Testregio"),
    ]
    omschrijvingen = {w.soort: w.omschrijving for w in verslag.wijzigingen}
    assert omschrijvingen[Wijzigingssoort.BEEINDIGD] == (
        "deelname van Wormerland beëindigd per 20 mei 2026 (staat niet meer in het register)"
    )
    assert omschrijvingen[Wijzigingssoort.GEWIJZIGD] == "doel gewijzigd"
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
    opnieuw = rb.importeer(_bewerkte_testregio())
    assert [w.soort for w in opnieuw.wijzigingen] == [Wijzigingssoort.CONFLICT]
    assert not opnieuw.iets_gewijzigd
    assert register_dump() == voor


def test_a_field_settled_by_hand_is_no_longer_a_conflict(referentiedata):
    rb.importeer(rb.testregio_export())
    bvo = Samenwerkingsverband.objects.get(roo_systeem_id=1002)
    bvo.doel = "Met de hand"
    bvo.save()
    assert [w.soort for w in rb.importeer(rb.testregio_export()).wijzigingen] == [
        Wijzigingssoort.CONFLICT
    ]
    bvo.doel = "Samen de taken van de deelnemers uitvoeren."
    bvo.save()
    assert rb.importeer(rb.testregio_export()).wijzigingen == []


def test_a_regeling_linked_by_hand_through_its_systeem_id_is_adopted(referentiedata):
    eigen = f.SamenwerkingsverbandFactory(
        naam="Omgevingsdienst Testregio (eigen invoer)", roo_systeem_id=1001, doel=""
    )
    verslag = rb.importeer(rb.testregio_export())
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
    verslag = rb.importeer(inhoud)
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
    rb.importeer(rb.export([regeling]))
    assert Samenwerkingsverband.objects.get().deelnames.filter(gemeente__cbs_code="GM1992").exists()


@pytest.mark.parametrize("einde", ["9999-12-31", "0001-01-01"])
def test_a_gemeente_record_ending_outside_the_range_is_reported_not_a_crash(referentiedata, einde):
    """A record without TOOI code is matched by name and end date, and the day after; on
    9999-12-31 that was an OverflowError. No reference gemeente ends there: not linked, said."""
    inhoud = rb.export(
        (),
        gemeenten=[
            rb.GemeenteRecord("GM0479", "Zaanstad", 10479, inwoners=160000),
            rb.GemeenteRecord(None, "Brielle", 10501, inwoners=17000, einde=einde),
        ],
    )
    verslag = rb.importeer(inhoud)
    assert Gemeente.objects.get(cbs_code="GM0479").roo_systeem_id == 10479
    assert Gemeente.objects.get(cbs_code="GM0501").roo_systeem_id is None
    assert (
        "1 gemeenten uit het register staan niet in de referentiegegevens (opgeheven vóór 2016 "
        "of geen gemeente, bijvoorbeeld Gemeente Brielle); niet gekoppeld." in verslag.meldingen
    )


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
    rb.importeer(rb.export([regeling]))
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
    rb.importeer(rb.export([regeling, ander]))
    assert Organisatie.objects.count() == 3
    assert Deelname.objects.filter(organisatie__roo_systeem_id=92002).count() == 2


def test_the_doel_keeps_its_paragraphs(referentiedata, client):
    """An openbaar belang of several leden keeps its breaks (tidied within each line), and the
    verbonden-partijen list shows them, the blank line between the leden included."""
    regelingen, lichamen = rb.testregio()
    regelingen[1].doel = (
        "1. De  colleges treffen deze regeling\n   voor de omgevingstaken.\n\n"
        "2. Het openbaar lichaam\tvoert ze uit.\n"
    )
    rb.importeer(rb.export(regelingen, lichamen=lichamen))

    odt = Samenwerkingsverband.objects.get(roo_systeem_id=1001)
    assert odt.doel == (
        "1. De colleges treffen deze regeling\nvoor de omgevingstaken.\n\n"
        "2. Het openbaar lichaam voert ze uit."
    )
    pagina = client.get(
        "/gemeenten/GM0479/verbonden-partijen/", {"jaar": "2026", "modus": "begroting"}
    ).content.decode()
    assert (
        "1. De colleges treffen deze regeling<br>voor de omgevingstaken.<br><br>"
        "2. Het openbaar lichaam voert ze uit.</dd>"
    ) in pagina


def test_characters_that_show_nothing_are_not_read_in(referentiedata, client):
    """The register has zero-width spaces and soft hyphens where text was pasted from a web
    page: "\\u200b\\u200bGemeenschappelijke Regeling VRBZO 2024\\u200b" sorted after every
    other name, and "info@pro\\xadlan\\xadder.nl" cannot be mailed when copied."""
    regelingen, lichamen = rb.testregio()
    regelingen[1].titel = "\u200b\u200bGemeenschappelijke regeling Omgevingsdienst Testregio\u200b"
    regelingen[1].doel = "Een gemeen\u00adschappelijke\ufeff dienst.\n\n2. Met\u2060 leden."
    lichamen[0].plaats = "Zaandam\u200b"
    lichamen[0].email = "info@pro\u00adlan\u00adder.nl"
    rb.importeer(rb.export(regelingen, lichamen=lichamen))

    odt = Samenwerkingsverband.objects.get(roo_systeem_id=1001)
    assert odt.naam == "Gemeenschappelijke regeling Omgevingsdienst Testregio"
    assert odt.doel == "Een gemeenschappelijke dienst.\n\n2. Met leden."
    assert odt.vestigingsplaats == "Zaandam"
    assert odt.uitvoerende_organisatie.email == "info@prolander.nl"
    # The search page finds it by the start of its name, first.
    tekst = client.get("/", {"q": "Gemeenschappelijke regeling O"}).content.decode()
    assert ">Gemeenschappelijke regeling Omgevingsdienst Testregio</a>" in tekst


def test_a_dutch_postcode_is_read_as_one_whatever_field_the_register_put_it_in(
    referentiedata, client
):
    """The register has the letters of VRBZO's postcode in its plaats (postcode "5611",
    plaats "KX Eindhoven"): the verband page said "Openbaar lichaam · KX Eindhoven"."""
    regelingen, lichamen = rb.testregio()
    lichamen[0].postcode, lichamen[0].plaats = "5611", "KX Eindhoven"
    rb.importeer(rb.export(regelingen, lichamen=lichamen))
    odt = Samenwerkingsverband.objects.get(roo_systeem_id=1001)
    assert (odt.postcode, odt.vestigingsplaats) == ("5611 KX", "Eindhoven")
    assert odt.uitvoerende_organisatie.vestigingsplaats == "Eindhoven"
    pagina = client.get(f"/samenwerkingsverbanden/{odt.uuid}/", follow=True)
    assert pagina.status_code == 200
    tekst = " ".join(pagina.content.decode().split())
    assert "Openbaar lichaam · Eindhoven" in tekst


@pytest.mark.parametrize(
    ("postcode", "plaats", "gelezen"),
    [
        ("8440 ga", "Heerenveen", ("8440 GA", "Heerenveen")),
        ("1506AA", "Zaandam", ("1506 AA", "Zaandam")),
        ("4207 HH Gorinchem", "Gorinchem", ("4207 HH", "Gorinchem")),
        ("5611", "KX Eindhoven", ("5611 KX", "Eindhoven")),
        # Not a Dutch postcode, or not clearly one: as the register has it.
        ("4700", "Eupen", ("4700", "Eupen")),
        ("7120 ACC", "Aalten", ("7120 ACC", "Aalten")),
        ("4207 HH Leerdam", "Gorinchem", ("4207 HH Leerdam", "Gorinchem")),
        # A plaats in capitals is written as a name.
        ("1647 LA", "DE GOORN", ("1647 LA", "De Goorn")),
        ("7607 PW", "ALMELO", ("7607 PW", "Almelo")),
        ("5211 AA", "'S-HERTOGENBOSCH", ("5211 AA", "'s-Hertogenbosch")),
        ("3401 AA", "IJSSELSTEIN", ("3401 AA", "IJsselstein")),
        ("4700", "EUPEN", ("4700", "Eupen")),
        ("8660", "DE PANNE", ("8660", "De Panne")),
        # A foreign postcode's digits that the register split as "1234 AB" are joined.
        ("4117 9", "Mönchengladbach", ("41179", "Mönchengladbach")),
        ("4753 3", "Kleve", ("47533", "Kleve")),
        ("B-23 00", "Turnhout", ("B-2300", "Turnhout")),
    ],
)
def test_postcodes_as_the_register_writes_them(postcode, plaats, gelezen):
    assert postcode_en_plaats(postcode, plaats) == gelezen


def test_a_value_an_earlier_import_read_with_invisible_characters_is_reported_readably(
    referentiedata, monkeypatch
):
    """Read before regioreg left them out, the name kept its zero-width spaces; the next
    import cleans it, and its report said „​​X​” → „X”: two names that look the same."""
    regelingen, lichamen = rb.testregio()
    regelingen[1].titel = "\u200bGemeenschappelijke regeling Omgevingsdienst Testregio\u200b"
    monkeypatch.setattr("samenwerking.normalisatie._ONZICHTBAAR", {})
    rb.importeer(rb.export(regelingen, lichamen=lichamen))
    monkeypatch.undo()

    verslag = rb.importeer(rb.export(regelingen, lichamen=lichamen))
    assert [(w.regeling, w.omschrijving) for w in verslag.wijzigingen] == [
        (
            "Gemeenschappelijke regeling Omgevingsdienst Testregio",
            "naam: „Gemeenschappelijke regeling Omgevingsdienst Testregio”, zonder de "
            "onzichtbare tekens die erin stonden",
        )
    ]
