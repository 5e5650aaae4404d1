"""A gemeente's arrangements per motive (kennisdeling among them) and per domain, each group
with its count and the sums of its bijdragen: the analysis that follows the totaaloverzicht."""

import datetime
import re
from decimal import Decimal

import pytest

from samenwerking.constants import BijdrageSoort, Motief
from samenwerking.models import Gemeente
from samenwerking.selectors import deelnames_per_groep, deelnames_van_gemeente
from tests import factories as f
from tests.pagina import paginatekst

pytestmark = pytest.mark.django_db

D = datetime.date
PEIL = {"peildatum": "2025-06-01", "jaar": "2025"}


@pytest.fixture
def zaanstad(referentiedata):
    """Three arrangements: GGD (kwaliteit, kennisdeling; gezondheid; 100 begroot, 90
    gerealiseerd), Kennisnetwerk (kennisdeling; no domain; 10 begroot) and Belastingen (no
    motive; financiën; no amount recorded)."""
    gemeente = Gemeente.objects.get(cbs_code="GM0479")
    gezondheid = f.DomeinFactory(naam="Gezondheid")
    financien = f.DomeinFactory(naam="Financiën")
    for naam, motieven, domeinen, begroot, gerealiseerd in (
        ("GGD", [Motief.KWALITEIT, Motief.KENNISDELING], [gezondheid], "100", "90"),
        ("Kennisnetwerk", [Motief.KENNISDELING], [], "10", None),
        ("Belastingen", [], [financien], None, None),
    ):
        deelname = f.DeelnameFactory(
            gemeente=gemeente,
            toetredingsdatum=D(2020, 1, 1),
            samenwerkingsverband__naam=naam,
            samenwerkingsverband__motieven=motieven,
        )
        deelname.samenwerkingsverband.domeinen.set(domeinen)
        for soort, bedrag in (
            (BijdrageSoort.BEGROOT, begroot),
            (BijdrageSoort.GEREALISEERD, gerealiseerd),
        ):
            if bedrag:
                f.BijdrageFactory(deelname=deelname, jaar=2025, soort=soort, bedrag=Decimal(bedrag))
    return gemeente


def test_kennisdeling_is_a_motive():
    assert Motief("kennisdeling").label == "Kennis delen"


def test_groups_per_motive_and_per_domain_with_count_and_cost(zaanstad):
    deelnames = deelnames_van_gemeente(zaanstad, peildatum=D(2025, 6, 1), jaar=2025)
    per_motief = [
        (g["naam"], g["aantal"], g["begroot"], g["gerealiseerd"])
        for g in deelnames_per_groep(deelnames, per="motief")
    ]
    # In the order of the vocabulary; the GGD counts under both of its motives.
    assert per_motief == [
        ("Kwaliteit verbeteren", 1, Decimal("100"), Decimal("90")),
        ("Kennis delen", 2, Decimal("110"), Decimal("90")),
        ("Zonder motief", 1, None, None),  # nothing recorded: unknown, not 0
    ]
    per_domein = [
        (g["naam"], g["aantal"], g["begroot"]) for g in deelnames_per_groep(deelnames, per="domein")
    ]
    assert per_domein == [
        ("Financiën", 1, None),
        ("Gezondheid", 1, Decimal("100")),
        ("Zonder domein", 1, Decimal("10")),
    ]


def _pagina_en_analyse(client, indeling: str) -> tuple[str, str]:
    """Zaanstad's page grouped per `indeling`, and its analysis (per motief, per domein)."""
    antwoord = client.get("/gemeenten/GM0479/", {**PEIL, "indeling": indeling})
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    return tekst, tekst.split('id="analyse-kop"')[1].split("</section>")[0]


def test_gemeente_page_shows_the_analysis_and_groups_per_motive(client, zaanstad):
    tekst, analyse = _pagina_en_analyse(client, "motief")
    assert (
        '<tr><th scope="row">Kennis delen</th><td class="getal">2</td>'
        '<td class="getal">€ 110</td><td class="getal">€ 90</td></tr>'
    ) in analyse
    assert (
        '<tr><th scope="row">Zonder motief</th><td class="getal">1</td>'
        '<td class="getal">onbekend</td>'
    ) in analyse
    assert '">Gezondheid</a></th><td class="getal">1</td>' in analyse
    # The list itself grouped per motive: a caption per motive with its count.
    assert '<caption>Kennis delen <span class="bijschrift">(2)</span></caption>' in tekst
    assert '<strong aria-current="true">per motief</strong>' in tekst


def test_per_domein_groups_the_subthemas_under_their_hoofdthema(client, zaanstad):
    """The national register files a regeling under several subthema's of one hoofdthema (an
    omgevingsdienst: "natuur en milieu | afval", "| bodem", "| water"...); grouped per
    beleidsterrein, one regeling filled seven rows of the analysis and counted its bijdrage
    in each. Per hoofdthema it is one row, its bijdrage once."""
    milieu = [
        f.DomeinFactory(naam=f"natuur en milieu{sub}") for sub in ("", " | afval", " | water")
    ]
    deelname = f.DeelnameFactory(
        gemeente=zaanstad,
        toetredingsdatum=D(2020, 1, 1),
        samenwerkingsverband__naam="Omgevingsdienst",
    )
    deelname.samenwerkingsverband.domeinen.set(milieu)
    f.BijdrageFactory(deelname=deelname, jaar=2025, bedrag=Decimal("30"))
    tekst, analyse = _pagina_en_analyse(client, "domein")
    assert (
        '">natuur en milieu</a></th><td class="getal">1</td><td class="getal">€ 30</td>'
    ) in analyse
    assert '<th scope="row">natuur en milieu |' not in analyse
    assert "telt bij zijn hoofdthema" in analyse
    # The list grouped per domein: one caption for the hoofdthema, the regeling in it once.
    assert '">natuur en milieu</a> <span class="bijschrift">(1)</span></caption>' in tekst
    assert not [c for c in tekst.split("<caption>")[1:] if "|" in c.split("</caption>")[0]]
    assert tekst.split('id="analyse"')[0].count(">Omgevingsdienst</a>") == 1


def test_per_domein_the_groups_read_in_a_readers_order(client, zaanstad):
    """The register's domains mix capitals ("Veiligheid en brandweer") and lower case
    ("economie"): sorted by bytes, every capital came first and "economie" after
    "Gezondheid"; by letter it comes first (regioreg/collation.py)."""
    deelname = f.DeelnameFactory(
        gemeente=zaanstad, toetredingsdatum=D(2020, 1, 1), samenwerkingsverband__naam="Regio Z"
    )
    deelname.samenwerkingsverband.domeinen.set([f.DomeinFactory(naam="economie")])
    tekst, analyse = _pagina_en_analyse(client, "domein")
    volgorde = ["economie", "Financiën", "Gezondheid", "Zonder domein"]
    per_domein = analyse.split("<caption>")[2]  # the second table (the first: per motief)
    assert re.findall(r'<th scope="row">(?:<a [^>]+>)?([^<]+)<', per_domein) == volgorde
    lijst = tekst.split('id="analyse"')[0]
    assert re.findall(r"<caption>(?:<a [^>]+>)?([^<]+?)(?:</a>)? <span", lijst) == volgorde
