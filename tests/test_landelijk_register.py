"""The real export of the national register (REGIOREG_BRONNEN/roo; skipped with the reason when
absent): everything current lands, gemeenten and veiligheidsregio's add up, a second import
changes nothing, and Utrecht's page, API answer and XLSX say what the register says.

The expected figures are worked out here from the files themselves (lxml, not regioreg's
reader), so the test checks the import against the source."""

import datetime
import io
from collections import Counter
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from django.db import transaction
from django.db.models import Q
from lxml import etree
from openpyxl import load_workbook

from samenwerking.models import (
    Deelname,
    Domein,
    Gemeente,
    Herindeling,
    Inwonertal,
    Regelingversie,
    Samenwerkingsverband,
)
from samenwerking.selectors import (
    Zoekhulp,
    landelijke_cijfers,
    samenwerkingsverbanden_zoeken,
    zoekhulp,
)
from tests import factories as f
from tests.conftest import ROO_BESTANDEN
from tests.samenwerking.roo_bestanden import register_dump

STAND = datetime.date(2026, 5, 19)


def _attr(element, naam):
    return next((w for k, w in element.attrib.items() if k.endswith("}" + naam)), None)


def _uit_het_bestand(pad) -> SimpleNamespace:
    """The current regelingen and their gemeente participants, read straight from the file."""
    wortel = etree.parse(str(pad)).getroot()
    lopend = {}
    for regeling in wortel.iter("{*}regeling"):
        uit = regeling.findtext("{*}datumUitwerkingtreding")
        if uit and datetime.date.fromisoformat(uit[:10]) <= STAND:
            continue
        codes = []
        for d in regeling.iterfind("{*}deelnemendeOrganisaties/{*}deelnemendeOrganisatie"):
            tooi = _attr(d, "resourceIdentifierTOOI") or ""
            if "/tooi/id/gemeente/" in tooi:
                codes.append(tooi.rsplit("/", 1)[-1].upper())
        lopend[int(_attr(regeling, "systeemId"))] = (regeling.findtext("{*}titel"), codes)
    beleidsterreinen = {
        (" ".join(e.text.split()), _attr(e, "resourceIdentifier"))
        for e in wortel.iter("{*}beleidsterrein")
    }
    return SimpleNamespace(lopend=lopend, beleidsterreinen=beleidsterreinen)


@pytest.fixture(scope="module")
def register(django_db_setup, django_db_blocker, roo_map):
    """The real export imported once through the command, then again; rolled back after the
    module."""
    paden = [str(roo_map / naam) for naam in ROO_BESTANDEN]
    with django_db_blocker.unblock(), transaction.atomic():
        eerste, tweede = io.StringIO(), io.StringIO()
        call_command("importeer_roo", *paden, stdout=eerste)
        voor = register_dump()
        call_command("importeer_roo", *paden, stdout=tweede)
        yield SimpleNamespace(
            eerste=eerste.getvalue(),
            tweede=tweede.getvalue(),
            voor=voor,
            na=register_dump(),
            bestand=_uit_het_bestand(roo_map / ROO_BESTANDEN[1]),
        )
        transaction.set_rollback(True)


pytestmark = pytest.mark.django_db


def _huidige(gemeente: Gemeente) -> list[Gemeente]:
    """Where a gemeente ended up on the export's date, through the herindelingen."""
    if gemeente.is_actief_op(STAND):
        return [gemeente]
    return [
        g
        for h in Herindeling.objects.filter(oude_gemeente=gemeente).select_related(
            "nieuwe_gemeente"
        )
        for g in _huidige(h.nieuwe_gemeente)
    ]


def test_all_current_regelingen_land(register):
    assert len(register.bestand.lopend) == 451
    lopend = Samenwerkingsverband.objects.actief_op(STAND)
    per_versie = dict(
        Regelingversie.objects.filter(samenwerkingsverband__in=lopend).values_list(
            "roo_systeem_id", "samenwerkingsverband_id"
        )
    )
    assert set(register.bestand.lopend) <= set(per_versie)
    assert len({per_versie[sid] for sid in register.bestand.lopend}) == 451
    assert landelijke_cijfers(peildatum=STAND).aantal_verbanden == 451
    assert "451 regelingen lopend); niet ingelezen: 0" in register.eerste


def test_gemeente_participations_land_as_deelnames_of_current_gemeenten(register):
    gemeenten = {g.cbs_code: g for g in Gemeente.objects.all()}
    lopend = set(
        Deelname.objects.actief_op(STAND).values_list("samenwerkingsverband_id", "gemeente_id")
    )
    verband_van = dict(
        Regelingversie.objects.values_list("roo_systeem_id", "samenwerkingsverband_id")
    )
    rijen = geland = 0
    for sid, (_titel, codes) in register.bestand.lopend.items():
        for code in codes:
            rijen += 1
            gemeente = gemeenten.get(code)
            huidige = _huidige(gemeente) if gemeente else []
            if huidige and all((verband_van[sid], g.pk) in lopend for g in huidige):
                geland += 1
    assert rijen == 3197
    assert geland / rijen >= 0.99, f"{geland} van {rijen}"
    # The import reports the same figure (3,197 of 3,197 on the export of 19 May 2026).
    assert f"{geland} van {rijen} deelnemersregels zijn een lopende deelname" in register.eerste


def test_every_current_gemeente_is_in_a_current_regeling(register):
    huidige = set(Gemeente.objects.actief_op(STAND).values_list("pk", flat=True))
    assert len(huidige) == 342
    met_regeling = set(
        Deelname.objects.actief_op(STAND)
        .filter(samenwerkingsverband__in=Samenwerkingsverband.objects.actief_op(STAND))
        .values_list("gemeente_id", flat=True)
    )
    assert huidige <= met_regeling


def test_each_gemeente_is_in_at_most_one_veiligheidsregio(register):
    regio = Samenwerkingsverband.objects.actief_op(STAND).filter(naam__icontains="veiligheidsregio")
    per_gemeente = Counter(
        Deelname.objects.actief_op(STAND)
        .filter(samenwerkingsverband__in=regio, gemeente__in=Gemeente.objects.actief_op(STAND))
        .values_list("gemeente__cbs_code", flat=True)
    )
    assert [code for code, n in per_gemeente.items() if n > 1] == []
    assert sum(1 for n in per_gemeente.values() if n == 1) >= 300


def test_the_search_finds_every_gemeentes_veiligheidsregio_and_omgevingsdienst(register):
    """Every gemeente is in one of the 25 veiligheidsregio's (Wet veiligheidsregio's art. 8
    and 9) and in an omgevingsdienst (Omgevingswet art. 18.21): the search for each kind finds
    them all, also those named otherwise (VRBZO, VGGM; FUMO, DCMR, the RUD's). Before, 36
    gemeenten seemed to have no veiligheidsregio and 44 no omgevingsdienst."""
    gemeenten = set(Gemeente.objects.actief_op(STAND).values_list("cbs_code", flat=True))

    def per_gemeente(zoekterm: str) -> Counter:
        lopend = [
            v.pk
            for v in samenwerkingsverbanden_zoeken(zoekterm)
            if v.is_actief_op(STAND) and not v.alleen_historisch
        ]
        return Counter(
            Deelname.objects.actief_op(STAND)
            .filter(samenwerkingsverband__in=lopend, gemeente__cbs_code__in=gemeenten)
            .values_list("gemeente__cbs_code", flat=True)
        )

    regio = per_gemeente("veiligheidsregio")
    assert sorted(gemeenten - set(regio)) == []
    assert [code for code, n in regio.items() if n > 1] == []
    assert sorted(gemeenten - set(per_gemeente("omgevingsdienst"))) == []
    assert sorted(gemeenten - set(per_gemeente("brandweer"))) == []


def test_a_search_of_several_words_finds_the_register_s_names(register):
    """In the register's names the words a user types stand apart: "ggd utrecht", "brandweer
    utrecht", "afval utrecht" and "belastingen west-brabant" found nothing."""

    def namen(zoekterm: str) -> list[str]:
        return [v.naam for v in samenwerkingsverbanden_zoeken(zoekterm, peildatum=STAND)]

    assert namen("ggd utrecht") == [
        "Gemeenschappelijke regeling Gemeentelijke Gezondheidsdienst Regio Utrecht"
    ]
    assert namen("brandweer utrecht") == ["Gemeenschappelijke regeling Veiligheidsregio Utrecht"]
    assert namen("afval utrecht") == ["Gemeenschappelijke Regeling afvalverwijdering Utrecht"]
    assert namen("belastingen west-brabant") == [
        "Gemeenschappelijke Regeling Belastingsamenwerking West-Brabant"
    ]
    # A plural finds what its singular finds ("omgevingsdiensten" found only the names with
    # "omgevingsdienst" in them, "archieven" one of the twenty archives, "veiligheidsregio's"
    # none).
    for meervoud, enkelvoud in [
        ("omgevingsdiensten", "omgevingsdienst"),
        ("veiligheidsregio's", "veiligheidsregio"),
        ("GGD's", "ggd"),
        ("recreatieschappen", "recreatieschap"),
    ]:
        assert namen(meervoud) == namen(enkelvoud) != [], meervoud
    assert set(namen("archief")) < set(namen("archieven"))
    # The register writes "&" where a user types "en".
    assert namen("dienst gezondheid en jeugd") == [
        "Gemeenschappelijke regeling Dienst Gezondheid & Jeugd Zuid-Holland Zuid"
    ]
    # A typing error in a word is put right with the register's own words.
    hulp = zoekhulp("omgevingdienst utrect", peildatum=STAND)
    assert hulp.verbeterd == "omgevingsdienst utrecht"
    assert zoekhulp("veiligheidsregio groningn").verbeterd == "veiligheidsregio groningen"
    assert zoekhulp("Atlantis") == Zoekhulp()
    # GGD Twente is part of SamenTwente, and the register does not say so: no name holds both
    # words, and the help lists each word with what it finds alone.
    hulp = zoekhulp("ggd twente", peildatum=STAND)
    assert hulp.verbeterd == ""
    assert [woord for woord, _aantal in hulp.apart] == ["ggd", "twente"]
    assert "Gemeenschappelijke Regeling SamenTwente" in namen("twente")


def test_every_gemeente_is_in_a_wettelijk_verplicht_veiligheidsregio(register, client):
    """The register has no field for it; the import marks the 25 veiligheidsregio's (Wet
    veiligheidsregio's art. 9), the omgevingsdiensten (Omgevingswet art. 18.21) and the GGD's
    (Wet publieke gezondheid art. 14): each current gemeente is in exactly one running
    veiligheidsregio marked so, and the API's `verplicht=true` finds them (it found none)."""
    lopend = Samenwerkingsverband.objects.actief_op(STAND)
    verplicht = lopend.filter(verplicht=True)
    regio = verplicht.filter(verplicht_grondslag__contains="Wet veiligheidsregio's, art. 9")
    ggd = verplicht.filter(verplicht_grondslag__contains="Wet publieke gezondheid, art. 14")
    omgevingsdienst = verplicht.filter(verplicht_grondslag="Omgevingswet, art. 18.21")
    assert regio.count() == 25
    # The GGD's named so (GGD, gezondheidsdienst, Dienst Gezondheid & Jeugd), two of them in
    # one regeling with the veiligheidsregio (VGGM, VRLN).
    assert ggd.count() == 20
    assert regio.filter(pk__in=ggd).count() == 2
    assert omgevingsdienst.count() + regio.count() + ggd.count() - 2 == verplicht.count()
    gemeenten = set(Gemeente.objects.actief_op(STAND).values_list("cbs_code", flat=True))

    def per_gemeente(verbanden) -> Counter:
        return Counter(
            Deelname.objects.actief_op(STAND)
            .filter(samenwerkingsverband__in=verbanden, gemeente__cbs_code__in=gemeenten)
            .values_list("gemeente__cbs_code", flat=True)
        )

    assert set(per_gemeente(regio)) == gemeenten
    assert set(per_gemeente(regio).values()) == {1}
    # A gemeente is in at most one GGD marked so; the others' GGD is part of a wider regeling
    # (VR Fryslân, VR Kennemerland, Regio Twente, Gooi en Vechtstreek, Hollands Midden),
    # which the law does not require as a whole.
    assert set(per_gemeente(ggd).values()) == {1}
    assert len(per_gemeente(ggd)) == 277
    antwoord = client.get(
        "/api/v1/samenwerkingsverbanden",
        {"verplicht": "true", "actiefOp": STAND.isoformat(), "pageSize": 100},
    )
    assert antwoord.status_code == 200
    assert antwoord.json()["count"] == verplicht.count()
    assert "Gemeenschappelijke Regeling VRBZO 2024" in {
        v["naam"] for v in antwoord.json()["results"]
    }


def test_inwoners_come_from_the_register(register):
    tallen = Inwonertal.objects.filter(jaar=2026)
    assert tallen.count() == 342
    assert sum(tallen.values_list("aantal", flat=True)) == 18_129_929
    assert {t.bron for t in tallen} == {"ROO-export 2026-05-19"}


def test_each_beleidsterrein_is_one_domein_known_by_its_begrip(register):
    assert len(register.bestand.beleidsterreinen) == 68
    assert (
        set(Domein.objects.exclude(tooi_begrip="").values_list("naam", "tooi_begrip"))
        == register.bestand.beleidsterreinen
    )
    # regioreg's own list (migration 0002) is no concept of the thesaurus.
    assert Domein.objects.get(code="gezondheid").tooi_begrip == ""


def test_a_second_import_changes_nothing(register):
    assert "Niets gewijzigd: regioreg was al in de pas met het register." in register.tweede
    assert "Regelingen: 0 nieuw, 0 gewijzigd, 549 ongewijzigd" in register.tweede
    assert register.na == register.voor


def test_a_regeling_with_versions_is_one_arrangement(register, client):
    ggd = Samenwerkingsverband.objects.get(
        naam="Gemeenschappelijke regeling Gemeentelijke Gezondheidsdienst Regio Utrecht"
    )
    versies = list(ggd.versies.all())
    assert len(versies) >= 2
    assert versies[-1].einddatum is None
    # The readable address the import gave it; the UUID address redirects there.
    assert ggd.slug.startswith("gemeenschappelijke-regeling-gemeentelijke-gezondheidsdienst")
    antwoord = client.get(f"/samenwerkingsverbanden/{ggd.uuid}/", follow=True)
    assert antwoord.redirect_chain == [(f"/samenwerkingsverbanden/{ggd.slug}/", 301)]
    tekst = " ".join(antwoord.content.decode().split())
    assert f"{len(versies)} versies in het landelijk register" in tekst
    # Each version with its number in the register, under a name a raadslid can read.
    assert "Nummer in het register (systeemId)</th>" in tekst
    assert f'<td class="getal">{versies[-1].roo_systeem_id}</td>' in tekst
    assert "Bron: landelijk register, stand 19 mei 2026." in tekst
    assert "In het register laatst gewijzigd op" in tekst
    assert "Laatst gewijzigd in regioreg" not in tekst  # the import is no content edit
    assert "College van burgemeester en wethouders" in tekst


def test_utrecht_page_api_and_xlsx(register, client):
    utrecht = Gemeente.objects.get(cbs_code="GM0344")
    verwacht = sorted(
        titel for titel, codes in register.bestand.lopend.values() if "GM0344" in codes
    )
    assert len(verwacht) == 8
    ggd = Deelname.objects.actief_op(STAND).get(
        gemeente=utrecht, samenwerkingsverband__naam__contains="Gezondheidsdienst"
    )
    f.BijdrageFactory(deelname=ggd, jaar=2026, bedrag=Decimal("18906050.00"))  # entered by hand

    pagina = " ".join(
        client.get("/gemeenten/GM0344/", {"peildatum": "2026-05-19"}).content.decode().split()
    )
    assert "8 samenwerkingsverbanden op 19 mei 2026" in pagina
    for titel in verwacht:
        assert " ".join(titel.split()) in pagina
    aantal = utrecht.inwonertallen.get(jaar=2026).aantal
    # Per inwoner: 18,906,050 / 378,121, from the one bijdrage entered; the other seven are
    # unknown and said to be left out (not counted as € 0).
    assert (
        '€ 50,00 <span class="bijschrift">('
        + f"{aantal:,}".replace(",", ".")
        + " inwoners; 7 bijdragen onbekend, niet meegeteld; landelijk register (Register van "
        "Overheidsorganisaties), export van 19 mei 2026)" in pagina
    )

    api = client.get(
        "/api/v1/gemeenten/GM0344/samenwerkingsverbanden", {"peildatum": "2026-05-19"}
    ).json()
    assert (
        sorted(r["samenwerkingsverband"]["naam"] for r in api["samenwerkingsverbanden"]) == verwacht
    )
    assert api["totalen"]["inwoners"] == aantal
    assert api["totalen"]["perInwoner"]["begroot"] == "50.00"
    assert all(r["deelname"]["deelnemendeBestuursorganen"] for r in api["samenwerkingsverbanden"])
    assert any(r["verbondenPartij"] for r in api["samenwerkingsverbanden"])

    lijst = client.get("/api/v1/gemeenten/GM0344/verbonden-partijen", {"jaar": "2026"}).json()
    assert lijst["totaal"]["aantal"] >= 7
    pagina = client.get("/gemeenten/GM0344/verbonden-partijen/", {"jaar": "2026"}).content.decode()
    assert "Gemeenschappelijke regeling Veiligheidsregio Utrecht" in pagina
    xlsx = client.get("/gemeenten/GM0344/verbonden-partijen/", {"jaar": "2026", "formaat": "xlsx"})
    assert xlsx.status_code == 200
    blad = load_workbook(io.BytesIO(xlsx.content))["Gemeenschappelijke regelingen"]
    namen = [rij[1].value for rij in blad.iter_rows(min_row=4) if rij[1].value]
    assert "Gemeenschappelijke regeling Veiligheidsregio Utrecht" in namen
    assert len(namen) == lijst["totaal"]["aantal"]


def test_lopend_is_what_the_register_calls_in_force(register, roo_map):
    """What the start page's count means (templates/raad/start.html, bronnen): the export has
    no status "opgeheven" for a regeling, only datumUitwerkingtreding; the end date it gives
    some executing bodies is not reliable (the GGD Rotterdam-Rijnmond has one in 2020 and is
    still in force); and no arrangement counted as running rests only on gemeenten that are
    gone: each has a running deelname of a current gemeente or another body, except a regeling
    the register lists without deelnemers."""
    wortel = etree.parse(str(roo_map / ROO_BESTANDEN[1])).getroot()
    velden = {etree.QName(kind).localname for r in wortel.iter("{*}regeling") for kind in r}
    assert "datumUitwerkingtreding" in velden
    assert not [v for v in velden if "status" in v.lower() or "opgeheven" in v.lower()], velden
    organisaties = {
        _attr(o, "systeemId"): o for o in wortel.iterfind("{*}organisaties/{*}organisatie")
    }
    opgeheven_orgaan = {
        _attr(r, "systeemId")
        for r in wortel.iter("{*}regeling")
        if not r.findtext("{*}datumUitwerkingtreding")
        and (orgaan := r.find("{*}regionaalSamenwerkingsorgaan")) is not None
        and (eind := organisaties.get(_attr(orgaan, "systeemId"), orgaan).findtext("{*}eindDatum"))
        and datetime.date.fromisoformat(eind[:10]) <= STAND
    }
    assert "30288301" in opgeheven_orgaan  # GGD Rotterdam-Rijnmond: in force, body "ended" 2020
    zonder_deelnemers = {
        int(_attr(r, "systeemId"))
        for r in wortel.iter("{*}regeling")
        if int(_attr(r, "systeemId")) in register.bestand.lopend
        and r.find("{*}deelnemendeOrganisaties/{*}deelnemendeOrganisatie") is None
    }
    lopend = Samenwerkingsverband.objects.actief_op(STAND)
    met_deelnemer = Deelname.objects.actief_op(STAND).filter(
        Q(gemeente__in=Gemeente.objects.actief_op(STAND)) | Q(organisatie__isnull=False)
    )
    zonder = lopend.exclude(pk__in=met_deelnemer.values("samenwerkingsverband"))
    verwacht = set(
        Regelingversie.objects.filter(roo_systeem_id__in=zonder_deelnemers).values_list(
            "samenwerkingsverband_id", flat=True
        )
    )
    assert set(zonder.values_list("pk", flat=True)) == verwacht
