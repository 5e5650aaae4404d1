"""The national register's beleidsterreinen become domeinen known by their TOOI-begrip (the
thesaurus concept in `p:resourceIdentifier`), not by their name alone: a renamed concept stays
the same domein, and the export to the register names the concept again."""

import pytest

from samenwerking.models import Domein, Samenwerkingsverband
from samenwerking.roo_export import roo_exporteren
from samenwerking.roo_import.verslag import verslagregels
from tests import factories as f
from tests.samenwerking import roo_bestanden as rb

pytestmark = pytest.mark.django_db

BODEM = "https://identifier.overheid.nl/tooi/def/thes/top/c_bodem000"


def _importeer(*terreinen, **kwargs):
    """The test regio with its omgevingsdienst under `terreinen`."""
    regelingen, lichamen = rb.testregio()
    next(r for r in regelingen if r.beleidsterreinen).beleidsterreinen = list(terreinen)
    return rb.importeer(rb.export(regelingen, lichamen=lichamen), **kwargs)


def _domeinen_van_de_dienst() -> list[tuple[str, str]]:
    dienst = Samenwerkingsverband.objects.get(naam__contains="Omgevingsdienst Testregio")
    return sorted(dienst.domeinen.values_list("naam", "tooi_begrip"))


def test_a_beleidsterrein_keeps_its_begrip_and_the_export_names_it(referentiedata):
    _importeer(("natuur en milieu | bodem", BODEM), "natuur en milieu | geluid")
    assert _domeinen_van_de_dienst() == [
        ("natuur en milieu | bodem", BODEM),
        ("natuur en milieu | geluid", ""),
    ]
    inhoud, _overgeslagen = roo_exporteren(
        Samenwerkingsverband.objects.filter(domeinen__isnull=False)
    )
    assert (
        f'<p:beleidsterrein p:resourceIdentifier="{BODEM}">natuur en milieu | bodem'
        "</p:beleidsterrein>".encode()
    ) in inhoud
    assert b"<p:beleidsterrein>natuur en milieu | geluid</p:beleidsterrein>" in inhoud


def test_a_renamed_begrip_stays_the_same_domein(referentiedata):
    _importeer(("natuur en milieu | bodem", BODEM))
    domein = Domein.objects.get(tooi_begrip=BODEM)

    verslag = _importeer(("natuur en milieu | bodem en ondergrond", BODEM))

    assert _domeinen_van_de_dienst() == [("natuur en milieu | bodem en ondergrond", BODEM)]
    hernoemd = Domein.objects.get(pk=domein.pk)
    assert (hernoemd.naam, hernoemd.code) == ("natuur en milieu | bodem en ondergrond", domein.code)
    assert (verslag.domeinen_nieuw, verslag.domeinen_gewijzigd) == (0, 1)
    assert "domeinen: 0 nieuw, 1 bijgewerkt" in "\n".join(verslagregels(verslag))
    assert not Domein.objects.filter(naam="natuur en milieu | bodem").exists()


def test_a_trial_run_renames_nothing(referentiedata):
    _importeer(("natuur en milieu | bodem", BODEM))
    _importeer(("natuur en milieu | bodem en ondergrond", BODEM), proef=True)
    assert _domeinen_van_de_dienst() == [("natuur en milieu | bodem", BODEM)]


def test_a_domein_of_the_same_name_gets_the_begrip(referentiedata):
    """A domein entered by hand, or by an import before the begrip was read, is the one meant."""
    eigen = f.DomeinFactory(code="bodem", naam="natuur en milieu | bodem")
    verslag = _importeer(("natuur en milieu | bodem", BODEM))
    assert Domein.objects.get(pk=eigen.pk).tooi_begrip == BODEM
    assert _domeinen_van_de_dienst() == [("natuur en milieu | bodem", BODEM)]
    assert (verslag.domeinen_nieuw, verslag.domeinen_gewijzigd) == (0, 1)


def test_a_begrip_held_by_another_domein_is_left_there(referentiedata):
    """The name is taken by one domein and the begrip by another (say the register renamed a
    concept to a name a secretary had already used): the import takes the one with the name
    and moves no begrip, so no two domeinen share one."""
    met_begrip = f.DomeinFactory(code="oud", naam="bodem (oud)", tooi_begrip=BODEM)
    met_naam = f.DomeinFactory(code="nieuw", naam="natuur en milieu | bodem")
    _importeer(("natuur en milieu | bodem", BODEM))
    assert _domeinen_van_de_dienst() == [("natuur en milieu | bodem", "")]
    assert Domein.objects.get(pk=met_begrip.pk).tooi_begrip == BODEM
    assert Domein.objects.get(pk=met_naam.pk).tooi_begrip == ""


def test_a_begrip_that_is_no_web_address_is_not_kept(referentiedata):
    _importeer(("natuur en milieu | geluid", "geen adres"))
    assert _domeinen_van_de_dienst() == [("natuur en milieu | geluid", "")]


def test_two_domeinen_cannot_share_a_begrip_in_the_admin(admin_client):
    f.DomeinFactory(code="bodem", naam="Bodem", tooi_begrip=BODEM)
    antwoord = admin_client.post(
        "/admin/samenwerking/domein/add/",
        {"code": "geluid", "naam": "Geluid", "tooi_begrip": BODEM},
    )
    assert antwoord.status_code == 200
    assert "Er is al een domein met dit begrip uit de TOOI-thesaurus." in antwoord.text
    assert not Domein.objects.filter(code="geluid").exists()
