"""Like with like: the regelingen of one domein ranked by their begrote bijdragen per inwoner,
honest about how many have figures. Ranks and medians worked out by hand."""

import datetime
from decimal import Decimal

import pytest

from samenwerking.models import Domein, Gemeente, Samenwerkingsverband
from samenwerking.selectors import ranglijst_van_domein
from tests import factories as f
from tests.pagina import paginatekst

pytestmark = pytest.mark.django_db


@pytest.fixture
def veiligheid(referentiedata):
    """Per inwoner 2025: VR Noord (5.000.000 + 2.000.000) / (100.000 + 50.000) = 46,67
    (Landsmeer has no inwonertal: left out, 2 van 3); VR Amsterdam 6.000.000 / 200.000 =
    30,00; VR Oost 600.000 / 10.000 = 60,00; VR Zuid has no bijdragen (unranked). Not in the
    list: a historical mention and a regeling that ended in 2024."""
    domein = f.DomeinFactory(code="veiligheid-test", naam="Veiligheidstest")

    def regeling(naam, deelnemers, **kwargs):
        verband = f.SamenwerkingsverbandFactory(naam=naam, **kwargs)
        verband.domeinen.add(domein)
        for code, inwoners, bedrag in deelnemers:
            gemeente = Gemeente.objects.get(cbs_code=code)
            d = f.DeelnameFactory(samenwerkingsverband=verband, gemeente=gemeente)
            if bedrag:
                f.BijdrageFactory(deelname=d, jaar=2025, bedrag=Decimal(bedrag))
            if inwoners and not gemeente.inwonertallen.filter(jaar=2025).exists():
                f.InwonertalFactory(gemeente=gemeente, jaar=2025, aantal=inwoners)
        return verband

    regeling(
        "VR Noord",
        [("GM0479", 100000, "5000000"), ("GM0439", 50000, "2000000"), ("GM0415", None, "1000000")],
    )
    regeling("VR Amsterdam", [("GM0363", 200000, "6000000")])
    regeling("VR Oost", [("GM0431", 10000, "600000")])
    regeling("VR Zuid", [("GM0385", 40000, None)])
    regeling("VR Oud", [("GM0880", 16000, "1")], alleen_historisch=True)
    regeling("VR Opgeheven", [("GM0880", 16000, "1")], einddatum=datetime.date(2025, 1, 1))
    return domein


def test_ranking_and_median_by_hand(veiligheid):
    lijst = ranglijst_van_domein(veiligheid, jaar=2025)
    assert [
        (r.rang, r.verband.naam, r.per_inwoner, r.met_cijfers, r.aantal) for r in lijst.regelingen
    ] == [
        (1, "VR Amsterdam", Decimal("30.00"), 1, 1),
        (2, "VR Noord", Decimal("46.67"), 2, 3),
        (3, "VR Oost", Decimal("60.00"), 1, 1),
        (None, "VR Zuid", None, 0, 1),
    ]
    assert (lijst.spreiding.laagste, lijst.spreiding.mediaan, lijst.spreiding.hoogste) == (
        Decimal("30.00"),
        Decimal("46.67"),
        Decimal("60.00"),
    )


def test_ranking_page(client, veiligheid):
    Samenwerkingsverband.objects.filter(naam="VR Noord").update(slug="vr-noord")
    antwoord = client.get("/domeinen/veiligheid-test/", {"jaar": "2025"})
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert (
        "3 van 4 regelingen (veiligheidstest) hebben bijdragen en inwoners vastgelegd voor 2025."
        in tekst
    )
    assert "Per inwoner: laagste € 30,00, mediaan € 46,67, hoogste € 60,00." in tekst
    assert (
        'VR Noord</a></th> <td class="getal">€ 46,67</td> <td class="getal">€ 7.000.000</td> '
        '<td class="getal">150.000</td> <td class="getal">2 van 3</td>'
    ) in tekst
    assert (
        '<td class="getal">–</td> <th scope="row"><a href="/samenwerkingsverbanden/'
    ) in tekst  # VR Zuid: no place
    assert '<a href="/samenwerkingsverbanden/vr-noord/?jaar=2025#per-inwoner">VR Noord' in tekst
    assert "VR Oud" not in tekst and "VR Opgeheven" not in tekst
    assert "<title>€ 60,00</title>" in tekst  # the chart, with the table beside it


def test_ranking_page_errors(client, veiligheid):
    assert client.get("/domeinen/bestaat-niet/").status_code == 404
    antwoord = client.get("/domeinen/veiligheid-test/", {"jaar": "tweeduizend"})
    assert antwoord.status_code == 400
    tekst = " ".join(antwoord.content.decode().split())
    dit_jaar = datetime.date.today().year
    assert (
        '<p class="fout" role="alert" id="id_jaar_fout">Jaar: vul een jaartal in, bijvoorbeeld '
        f"2025. Getoond: {dit_jaar}.</p>"
    ) in tekst
    assert '<p class="hulp" id="id_jaar_hulp">Leeg: dit jaar.</p>' in tekst


@pytest.mark.parametrize("aantal", [1, 20])
def test_ranking_query_count(client, referentiedata, aantal, django_assert_num_queries):
    domein = f.DomeinFactory(code="ggd-test")
    for gemeente in Gemeente.objects.order_by("cbs_code")[:aantal]:
        verband = f.SamenwerkingsverbandFactory()
        verband.domeinen.add(domein)
        d = f.DeelnameFactory(samenwerkingsverband=verband, gemeente=gemeente)
        f.BijdrageFactory(deelname=d, jaar=2025)
        f.InwonertalFactory(gemeente=gemeente, jaar=2025)
    # 1 domein, 2 its subthema's and hoofdthema, 3 the regelingen in the year, 4 their
    # gemeenten's bijdragen summed and inwoners.
    with django_assert_num_queries(4):
        antwoord = client.get("/domeinen/ggd-test/", {"jaar": "2025"})
    assert f"{aantal} van {aantal} regelingen" in paginatekst(antwoord)


def test_ranking_page_says_once_that_a_year_has_no_regelingen(client, veiligheid):
    Samenwerkingsverband.objects.update(ingangsdatum=datetime.date(2015, 1, 1))
    tekst = paginatekst(client.get("/domeinen/veiligheid-test/", {"jaar": "1990"}))
    assert "Er zijn geen regelingen van het domein Veiligheidstest met een looptijd in 1990." in (
        tekst
    )
    assert "0 van 0" not in tekst


def test_ranking_page_wording_fits_a_future_year_and_one_regeling(client, veiligheid):
    veiligheid.samenwerkingsverbanden.remove(
        *Samenwerkingsverband.objects.exclude(naam="VR Amsterdam")
    )
    tekst = paginatekst(client.get("/domeinen/veiligheid-test/", {"jaar": "2040"}))
    assert "Alle regelingen van het domein Veiligheidstest met een looptijd in 2040," in tekst
    assert "liepen" not in tekst
    # The only regeling has no figures for 2040, so none of one has: "hebben" (plural, 0).
    assert "0 van 1 regelingen (veiligheidstest) hebben bijdragen" in tekst
    tekst = paginatekst(client.get("/domeinen/veiligheid-test/", {"jaar": "2025"}))
    assert (
        "1 van 1 regelingen (veiligheidstest) heeft bijdragen en inwoners vastgelegd voor 2025."
        in tekst
    )


def test_a_domein_no_regeling_has_says_so_and_where_domeinen_come_from(client, veiligheid):
    """On the national register the standard domeinen (Publieke gezondheid, …) have no
    regeling: their pages showed an empty table "in 2025", as if only that year were empty."""
    antwoord = client.get("/domeinen/gezondheid/", {"jaar": "2025"})  # from migration 0002
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert "Geen enkele regeling heeft het domein Publieke gezondheid, in geen enkel jaar." in (
        tekst
    )
    assert "beleidsterreinen die het landelijk register voor haar vastlegt" in tekst
    assert '<a href="/bladeren/#domeinen-kop">Kies een domein met regelingen</a>' in tekst
    assert "<table" not in tekst
    # A historical mention alone does not count as a regeling of the domein.
    f.SamenwerkingsverbandFactory(alleen_historisch=True).domeinen.add(
        f.DomeinFactory(code="oud-test", naam="Oud")
    )
    assert "Geen enkele regeling" in paginatekst(client.get("/domeinen/oud-test/"))
    # A domein with regelingen, none in the year: the year is what is empty.
    tekst = paginatekst(client.get("/domeinen/veiligheid-test/", {"jaar": "1990"}))
    assert "Geen enkele regeling" not in tekst


def test_a_domein_named_in_lower_case_is_titled_with_a_capital(client, veiligheid):
    # The national register's beleidsterreinen are written in lower case.
    veiligheid.naam = "openbare orde en veiligheid | veiligheid"
    veiligheid.save()
    tekst = paginatekst(client.get("/domeinen/veiligheid-test/", {"jaar": "2025"}))
    assert "<h1>Openbare orde en veiligheid | veiligheid: kosten per inwoner vergeleken</h1>" in (
        tekst
    )
    assert "<title>Openbare orde en veiligheid | veiligheid: kosten" in tekst


def test_a_hoofdthema_ranks_the_regelingen_of_its_subthemas_too(client, referentiedata):
    """The national register files most regelingen under a subthema ("zorg en gezondheid |
    jeugdzorg"): the page of "zorg en gezondheid" said "alle regelingen van het domein" and
    left out every one of them."""
    hoofd = f.DomeinFactory(code="zorg", naam="zorg en gezondheid")
    jeugd = f.DomeinFactory(code="zorg-jeugd", naam="zorg en gezondheid | jeugdzorg")
    risico = f.DomeinFactory(code="zorg-risico", naam="zorg en gezondheid | gezondheidsrisico's")
    f.DomeinFactory(code="zorgachtig", naam="zorg en gezondheidszaken")  # no subthema

    def regeling(naam, *domeinen):
        verband = f.SamenwerkingsverbandFactory(naam=naam, ingangsdatum=datetime.date(2015, 1, 1))
        verband.domeinen.add(*domeinen)

    regeling("GGD Noord", hoofd, risico)  # under both: listed once
    regeling("Jeugdzorg West", jeugd)
    regeling("Zorgbureau", hoofd)
    regeling("Zaken", Domein.objects.get(code="zorgachtig"))

    antwoord = client.get("/domeinen/zorg/", {"jaar": "2025"})
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert "0 van 3 regelingen (zorg en gezondheid) hebben bijdragen" in tekst
    for naam in ("GGD Noord", "Jeugdzorg West", "Zorgbureau"):
        assert tekst.count(f">{naam}</a>") == 1
    assert ">Zaken</a>" not in tekst
    assert (
        '<p id="subthemas">Met de regelingen van de subthema\'s (elke regeling één keer): '
        '<a href="/domeinen/zorg-risico/?jaar=2025">zorg en gezondheid | gezondheidsrisico\'s</a>, '
        '<a href="/domeinen/zorg-jeugd/?jaar=2025">zorg en gezondheid | jeugdzorg</a>.</p>'
    ) in tekst.replace("&#x27;", "'")
    assert 'id="hoofdthema"' not in tekst

    # A subthema: its own regelingen, and the way up.
    tekst = paginatekst(client.get("/domeinen/zorg-jeugd/", {"jaar": "2025"}))
    assert ">Jeugdzorg West</a>" in tekst and ">GGD Noord</a>" not in tekst
    assert (
        '<p id="hoofdthema">Een subthema van zorg en gezondheid: <a href="/domeinen/zorg/'
        '?jaar=2025">vergelijk alle regelingen van zorg en gezondheid</a>.</p>'
    ) in tekst
    assert 'id="subthemas"' not in tekst

    # A year in which only a subthema had a regeling is an empty year, not an empty domein.
    tekst = paginatekst(client.get("/domeinen/zorg/", {"jaar": "2010"}))
    assert "Geen enkele regeling heeft het domein" not in tekst
    assert (
        "Er zijn geen regelingen van het domein zorg en gezondheid met een looptijd in 2010."
        in (tekst)
    )
