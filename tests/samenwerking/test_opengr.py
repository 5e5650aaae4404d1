"""The OpenGR import on the real files (in REGIOREG_BRONNEN/opengr; skipped when absent), and
on small hand-made ones."""

import csv
import datetime
import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from samenwerking.constants import OrganisatieSoort, Vorm
from samenwerking.models import Deelname, Herindeling, Organisatie, Samenwerkingsverband
from samenwerking.opengr import (
    BRON,
    BRON_VORM_AANGENOMEN,
    DSTA_BESTAND,
    GEMEENTE,
    NIET_GEVONDEN,
    OPENGR_BESTAND,
    ORGANISATIE,
    huidige_gemeenten,
    opengr_importeren,
)
from samenwerking.referentiedata import ReferentiedataFout
from samenwerking.roo import lezen
from samenwerking.roo_import import roo_importeren
from tests.conftest import bronnen_map
from tests.samenwerking import roo_bestanden as rb

D = datetime.date


@pytest.fixture(scope="class")
def opengr(django_db_setup, django_db_blocker, tmp_path_factory):
    """The real files imported once, then imported again through the command (which finds
    them in REGIOREG_BRONNEN); everything is rolled back after the tests of
    TestEchteBestanden."""
    map = bronnen_map(f"opengr/{OPENGR_BESTAND}", f"opengr/{DSTA_BESTAND}") / "opengr"
    rapport = tmp_path_factory.mktemp("opengr") / "rapport.csv"
    with django_db_blocker.unblock(), transaction.atomic():
        eerste = opengr_importeren(opengr_pad=map / OPENGR_BESTAND, dsta_pad=map / DSTA_BESTAND)
        uitvoer = io.StringIO()
        call_command("importeer_opengr", "--rapport", str(rapport), stdout=uitvoer)
        yield eerste, uitvoer.getvalue(), rapport
        transaction.set_rollback(True)


@pytest.fixture
def verslag(opengr, db):
    return opengr[0]


def _lopend_op(datum: D) -> set[tuple[int, str]]:
    """(samenwerkingsverband pk, CBS code) of the gemeenten taking part on `datum`."""
    return set(
        Deelname.objects.actief_op(datum)
        .filter(gemeente__isnull=False)
        .values_list("samenwerkingsverband_id", "gemeente__cbs_code")
    )


@pytest.mark.django_db
class TestEchteBestanden:
    """The real files: 3,752 rows."""

    def test_rows_are_counted_and_nearly_all_gemeenten_are_recognised(self, verslag):
        assert len(verslag.regels) == 3752
        assert verslag.aantal(GEMEENTE) == 3417
        assert verslag.aantal(ORGANISATIE) == 324
        assert verslag.aantal(NIET_GEVONDEN) == 11
        # The figure in docs/import.md.
        assert f"{verslag.percentage_gemeenten:.1f}" == "99.7"
        assert (verslag.verbanden_nieuw, verslag.organisaties_nieuw) == (461, 157)

    def test_every_recognised_gemeente_row_reaches_todays_gemeenten(self, verslag):
        opvolgers = {}
        for h in Herindeling.objects.select_related("nieuwe_gemeente"):
            opvolgers.setdefault(h.oude_gemeente_id, []).append(h.nieuwe_gemeente)
        lopend = _lopend_op(timezone.localdate())
        vandaag = timezone.localdate()
        for regel in verslag.regels:
            for gemeente in regel.gemeenten:
                for huidig in huidige_gemeenten(gemeente, opvolgers):
                    assert huidig.is_actief_op(vandaag)
                    assert (regel.samenwerkingsverband.pk, huidig.cbs_code) in lopend, regel

    def test_weesp_continues_under_amsterdam_from_24_march_2022(self, verslag):
        regelingen = {r.samenwerkingsverband.pk for r in verslag.regels if r.deelnemer == "Weesp"}
        assert len(regelingen) == 9
        weesp = Deelname.objects.filter(
            gemeente__cbs_code="GM0457", samenwerkingsverband__in=regelingen
        )
        assert {(d.toetredingsdatum, d.uittredingsdatum, d.bron) for d in weesp} == {
            (None, D(2022, 3, 24), BRON)
        }
        assert {(naam, "GM0363") for naam in regelingen} <= _lopend_op(D(2022, 3, 24))
        assert not {(naam, "GM0457") for naam in regelingen} & _lopend_op(D(2022, 3, 24))

    def test_haaren_continues_under_its_four_successors_from_2021(self, verslag):
        regelingen = {r.samenwerkingsverband.pk for r in verslag.regels if r.deelnemer == "Haaren"}
        lopend = _lopend_op(D(2021, 1, 1))
        for pk in regelingen:
            for code in (
                "GM0757",
                "GM0824",
                "GM0855",
                "GM0865",
            ):  # Boxtel, Oisterwijk, Tilburg, Vught
                assert (pk, code) in lopend
            haaren = Deelname.objects.get(gemeente__cbs_code="GM0788", samenwerkingsverband=pk)
            assert haaren.uittredingsdatum == D(2021, 1, 1)

    def test_names_are_matched_tolerantly(self, verslag):
        hoe = {
            (r.deelnemer, r.regeling): (r.methode, [g.naam for g in r.gemeenten])
            for r in verslag.regels
        }
        assert hoe[("Súdwest-Fryslân", "Veiligheidsregio Fryslân")] == (
            "exact",
            ["Súdwest-Fryslân"],
        )
        assert hoe[("Capelle aan den Ijssel", "GGD Rotterdam Rijnmond")][1] == [
            "Capelle aan den IJssel"
        ]
        assert hoe[("Bergen", "Euregio Rijn-Waal")] == (
            "genormaliseerd, provincie van de andere deelnemers",
            ["Bergen (L.)"],
        )
        assert hoe[
            ("Sneek", "Garantievoorziening voormalige Bestuursacademie Noord-Nederland")
        ] == (
            "naam van vóór 2016 (opgeheven in 2011)",
            ["Súdwest-Fryslân"],
        )

    def test_other_participants_become_organisaties_of_their_kind(self, verslag):
        brabant = Organisatie.objects.get(naam="Provincie Noord-Brabant")
        assert (brabant.soort, brabant.provincie.code) == (OrganisatieSoort.PROVINCIE, "PV30")
        assert (
            Organisatie.objects.get(naam="Wetterskip Fryslân").soort == OrganisatieSoort.WATERSCHAP
        )
        assert Organisatie.objects.get(naam="Barßel (Duitsland)").soort == (
            OrganisatieSoort.OVERIG_PUBLIEK
        )
        assert Organisatie.objects.filter(soort=OrganisatieSoort.PROVINCIE).count() == 12

    def test_arrangements_get_dsta_address_code_and_a_marked_vorm(self, verslag):
        arcg = Samenwerkingsverband.objects.get(naam="Afvalbeheer Regio Centraal Groningen")
        assert (
            arcg.afkorting,
            arcg.cbs_gr_code,
            arcg.adres,
            arcg.postcode,
            arcg.vestigingsplaats,
        ) == (
            "ARCG",
            "GR0316",
            "Postbus 742",
            "9700 AS",
            "Groningen",
        )
        assert (arcg.vorm, arcg.bron) == (Vorm.OPENBAAR_LICHAAM, BRON_VORM_AANGENOMEN)
        cc = Samenwerkingsverband.objects.get(naam__startswith="Centrumregeling ambtelijke")
        assert (cc.vorm, cc.centrumgemeente.naam) == (Vorm.CENTRUMGEMEENTE, "Amstelveen")
        assert not Samenwerkingsverband.objects.exclude(bron__startswith=BRON).exists()
        assert not Deelname.objects.exclude(bron=BRON).exists()
        # The same name in two places is two regelingen.
        assert (
            Samenwerkingsverband.objects.filter(naam__endswith="Samenwerking Sociale Zaken").count()
            == 2
        )

    def test_second_run_changes_nothing_and_says_so_and_lists_every_unmatched_row(self, opengr, db):
        verslag, uitvoer, rapport = opengr
        assert "Niets gewijzigd: alles uit OpenGR stond al in het register." in uitvoer
        assert "Samenwerkingsverbanden: 0 nieuw, 0 bijgewerkt, 461 ongewijzigd" in uitvoer
        assert "Deelnames: 0 nieuw" in uitvoer
        for regel in verslag.niet_gevonden:
            assert f"regel {regel.regel}: {regel.deelnemer!r}" in uitvoer
        assert (
            "regel 1859: 'Haasbergen' in Openbaar Lichaam Crematoria Twente (OLCT). "
            "Lijkt op: Haaksbergen" in uitvoer
        )
        with rapport.open(encoding="utf-8-sig") as bestand:
            rijen = list(csv.DictReader(bestand, delimiter=";"))
        assert len(rijen) == 3752
        assert sum(r["uitkomst"] == NIET_GEVONDEN for r in rijen) == 11
        weesp = next(r for r in rijen if r["deelnemer"] == "Weesp")
        assert (weesp["gemeente_2016"], weesp["gemeente_nu"]) == (
            "Weesp (GM0457)",
            "Amsterdam (GM0363)",
        )


# --- Small hand-made files ----------------------------------------------------------------------


def _schrijf(pad, kop, rijen):
    with pad.open("w", encoding="utf-8", newline="") as bestand:
        schrijver = csv.writer(bestand)
        schrijver.writerow(kop)
        schrijver.writerows(rijen)
    return pad


@pytest.fixture
def klein(tmp_path, referentiedata):
    opengr = _schrijf(
        tmp_path / "opengr.csv",
        ["Deelnemer", "Gemeenschappelijke regeling", "Postcode", "Plaats", "Provincie"],
        [
            [
                "Weesp",
                "Recreatieschap Testmeer (RTM)",
                "1380 AA",
                "Weesp",
                "Provincie Noord-Holland",
            ],
            [
                "Bergen (N-H)",
                "Recreatieschap Testmeer (RTM)",
                "1380 AA",
                "Weesp",
                "Provincie Noord-Holland",
            ],
            [
                "Provincie Noord Holland",
                "Recreatieschap Testmeer (RTM)",
                "1380 AA",
                "Weesp",
                "Provincie Noord-Holland",
            ],
            ["Atlantis", "Recreatieschap Testmeer", "1380 AA", "Weesp", "Provincie Noord-Holland"],
        ],
    )
    dsta = _schrijf(
        tmp_path / "dsta.csv",
        ["DSTA_GR_naam", "Adres", "Postcode", "Plaats", "CBS_GR_naam", "CBS_GR_code"],
        [["GR Recreatieschap Testmeer", "Postbus 1", "1380 AA", "Weesp", "", "GR9999"]],
    )
    return {"opengr_pad": opengr, "dsta_pad": dsta}


@pytest.mark.django_db
def test_dry_run_reports_but_writes_nothing(klein):
    verslag = opengr_importeren(**klein, proef=True)
    assert (verslag.verbanden_nieuw, verslag.deelnames_nieuw, verslag.organisaties_nieuw) == (
        1,
        3,
        1,
    )
    assert verslag.herindeling.voortgezet == 1
    assert not Samenwerkingsverband.objects.exists()
    assert not Organisatie.objects.exists()


@pytest.mark.django_db
def test_small_file_lands_where_expected(klein):
    verslag = opengr_importeren(**klein)
    verband = Samenwerkingsverband.objects.get()
    assert (verband.naam, verband.afkorting, verband.cbs_gr_code, verband.adres) == (
        "Recreatieschap Testmeer",
        "RTM",
        "GR9999",
        "Postbus 1",
    )
    assert sorted(str(d.deelnemer) for d in verband.deelnames.all()) == [
        "Amsterdam",
        "Bergen (NH.)",
        "Provincie Noord-Holland",
        "Weesp",
    ]
    assert [r.deelnemer for r in verslag.niet_gevonden] == ["Atlantis"]
    assert not opengr_importeren(**klein).iets_gewijzigd


@pytest.mark.django_db
def test_an_existing_arrangement_only_gets_its_empty_fields_filled(klein):
    bestaand = Samenwerkingsverband.objects.create(
        naam="Recreatieschap Testmeer", vorm=Vorm.GEMEENSCHAPPELIJK_ORGAAN, vestigingsplaats="Weesp"
    )
    verslag = opengr_importeren(**klein)
    bestaand.refresh_from_db()
    assert (verslag.verbanden_nieuw, verslag.verbanden_bijgewerkt) == (0, 1)
    assert (bestaand.vorm, bestaand.cbs_gr_code, bestaand.bron) == (
        Vorm.GEMEENSCHAPPELIJK_ORGAAN,
        "GR9999",
        "",
    )


@pytest.mark.django_db
def test_a_file_with_other_columns_is_refused_with_its_name(tmp_path, referentiedata):
    pad = _schrijf(tmp_path / "fout.csv", ["Naam", "Regeling"], [["Weesp", "X"]])
    with pytest.raises(ReferentiedataFout, match=r"fout\.csv: de kolommen zijn"):
        opengr_importeren(opengr_pad=pad, dsta_pad=pad)
    assert not Samenwerkingsverband.objects.exists()


@pytest.mark.django_db
def test_after_the_national_register_opengr_is_history_linked_to_it(klein):
    """OpenGR read after the national register never adds to the register's arrangements: it
    keeps its own, linked to the register's regeling and not counted as running."""
    regeling = rb.Regeling(
        8000,
        "Gemeenschappelijke regeling Recreatieschap Testmeer",
        deelnemers=[rb.gemeente("GM0363", "Amsterdam"), rb.gemeente("GM0373", "Bergen (NH.)")],
    )
    roo_importeren(export=lezen(rb.export([regeling])))
    register = Samenwerkingsverband.objects.get(roo_systeem_id=8000)

    verslag = opengr_importeren(**klein)

    assert verslag.verbanden_nieuw == 1
    oud = Samenwerkingsverband.objects.get(bron__startswith="OpenGR")
    assert (oud.alleen_historisch, oud.in_landelijk_register) == (True, register)
    assert (verslag.historisch.gekoppeld, verslag.historisch.niet_in_register) == (1, 0)
    # The register's arrangement has only the register's deelnemers.
    assert sorted(register.deelnames.values_list("gemeente__cbs_code", flat=True)) == [
        "GM0363",
        "GM0373",
    ]
    assert (
        not Deelname.objects.actief_op(timezone.localdate())
        .filter(samenwerkingsverband=oud)
        .exists()
    )
