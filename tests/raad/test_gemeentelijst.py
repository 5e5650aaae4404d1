"""The gemeente page's list: sorting, filtering, subtotals per group, the representatives
tab, and bad parameters that reset only themselves."""

import datetime
import re
from decimal import Decimal

import pytest

from samenwerking.constants import BijdrageSoort, Functie, OrgaanSoort, Vorm, ZetelRol
from samenwerking.models import Domein
from tests import factories as f
from tests.pagina import paginatekst
from tests.raad.paginahulp import PEIL

pytestmark = pytest.mark.django_db

D = datetime.date
PAGINA = "/gemeenten/GM0479/"


def _regeling(gemeente, naam, bedrag=None, *, vorm=Vorm.OPENBAAR_LICHAAM, domeinen=(), zetel=True):
    deelname = f.DeelnameFactory(
        gemeente=gemeente, samenwerkingsverband__naam=naam, samenwerkingsverband__vorm=vorm
    )
    deelname.samenwerkingsverband.domeinen.add(*domeinen)
    if zetel:
        f.ZetelFactory(deelname=deelname, begindatum=D(2022, 6, 1))
    if bedrag is not None:
        f.BijdrageFactory(deelname=deelname, jaar=2025, bedrag=Decimal(bedrag))
    return deelname


def _volgorde(tekst: str, namen) -> list[str]:
    """The names in the order the list links them (the list ends where the analysis per
    motive and domain and the comparison per inwoner begin)."""
    tekst = tekst.split('id="analyse"')[0]
    gevonden = re.findall(r'<th scope="row"><a href="[^"]*">([^<]+)</a>', tekst)
    return [naam for naam in gevonden if naam in namen]


@pytest.fixture
def drie(zaanstad):
    """Alfa (BVO, € 100), Bravo (OL, € 300), Charlie (GO, bijdrage onbekend)."""
    _regeling(zaanstad, "Alfa", "100", vorm=Vorm.BEDRIJFSVOERINGSORGANISATIE)
    _regeling(zaanstad, "Bravo", "300", vorm=Vorm.OPENBAAR_LICHAAM)
    _regeling(zaanstad, "Charlie", None, vorm=Vorm.GEMEENSCHAPPELIJK_ORGAAN)
    return ("Alfa", "Bravo", "Charlie")


@pytest.mark.parametrize(
    ("sorteer", "verwacht", "kop", "aria"),
    [
        (None, ["Alfa", "Bravo", "Charlie"], "Samenwerkingsverband", "ascending"),
        ("-naam", ["Charlie", "Bravo", "Alfa"], "Samenwerkingsverband", "descending"),
        ("vorm", ["Bravo", "Charlie", "Alfa"], "Vorm", "ascending"),  # OL, GO, BVO: the law
        ("-vorm", ["Alfa", "Charlie", "Bravo"], "Vorm", "descending"),
        # Onbekend is no 0: last both ways.
        ("bijdrage", ["Alfa", "Bravo", "Charlie"], "Begroot 2025", "ascending"),
        ("-bijdrage", ["Bravo", "Alfa", "Charlie"], "Begroot 2025", "descending"),
    ],
)
def test_the_list_sorts_by_name_form_and_bijdrage(client, drie, sorteer, verwacht, kop, aria):
    # One group (no domains), so the order is the list's order.
    parameters = {**PEIL, "indeling": "domein"} | ({"sorteer": sorteer} if sorteer else {})
    antwoord = client.get(PAGINA, parameters)
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert _volgorde(tekst, drie) == verwacht
    # The sorted column's header says so; the others do not.
    assert tekst.count("aria-sort=") == 1
    kopcel = re.search(
        r'<th scope="col"[^>]*aria-sort="(\w+)"[^>]*><a href="([^"]*)">([^<]*)', tekst
    )
    assert kopcel.group(1) == aria
    assert kopcel.group(3).startswith(kop)
    # Its link reverses the order and keeps the other choices.
    omgekeerd = sorteer[1:] if sorteer and sorteer.startswith("-") else f"-{sorteer or 'naam'}"
    assert "indeling=domein" in kopcel.group(2)
    assert f"sorteer={omgekeerd}" in kopcel.group(2) or (
        omgekeerd == "naam" and "sorteer" not in kopcel.group(2)
    )
    assert ("gesorteerd aflopend" if aria == "descending" else "gesorteerd oplopend") in tekst


def test_the_list_filters_by_domain_form_verbonden_partij_and_karakter(client, zaanstad):
    jeugd = Domein.objects.get(code="jeugd")
    afval = Domein.objects.get(code="afval")
    _regeling(zaanstad, "Jeugdregio", "100", domeinen=[jeugd])
    _regeling(
        zaanstad, "Afvalschap", "200", vorm=Vorm.BEDRIJFSVOERINGSORGANISATIE, domeinen=[afval]
    )
    # A regeling zonder meer without legal personality is no verbonden partij by default.
    _regeling(zaanstad, "Netwerk Jeugd", None, vorm=Vorm.REGELING_ZONDER_MEER, domeinen=[jeugd])
    alle = ("Jeugdregio", "Afvalschap", "Netwerk Jeugd")

    def lijst(**filters):
        antwoord = client.get(PAGINA, {**PEIL, **filters})
        assert antwoord.status_code == 200
        tekst = paginatekst(antwoord)
        return sorted(_volgorde(tekst, alle)), tekst

    rijen, tekst = lijst(domein="jeugd")
    assert rijen == ["Jeugdregio", "Netwerk Jeugd"]
    assert "2 samenwerkingsverbanden op 1 juni 2025" in tekst
    assert "(domein: Jeugd; van 3)" in tekst
    # The way back to the whole list, while the filters still leave some.
    assert 'href="?peildatum=2025-06-01&amp;jaar=2025">Toon alle 3 samenwerkingsverbanden' in tekst
    # The domain filter offers the gemeente's own domains.
    assert '<option value="jeugd" selected>Jeugd</option>' in tekst
    assert '<option value="afval">Afval en grondstoffen</option>' in tekst

    assert lijst(vorm="BVO")[0] == ["Afvalschap"]
    rijen, tekst = lijst(verbonden_partij="nee")
    assert rijen == ["Netwerk Jeugd"]
    assert "(verbonden partij: nee; van 3)" in tekst
    assert lijst(verbonden_partij="ja")[0] == ["Afvalschap", "Jeugdregio"]
    rijen, tekst = lijst(domein="jeugd", verbonden_partij="ja", sorteer="-bijdrage")
    assert rijen == ["Jeugdregio"]
    # Grouping and sorting links keep every filter.
    assert "indeling=motief&amp;domein=jeugd&amp;verbonden_partij=ja&amp;sorteer=-bijdrage" in tekst

    rijen, tekst = lijst(vorm="CC")
    assert rijen == []
    assert "Geen samenwerkingsverbanden met deze keuze (vorm: Centrumgemeenteconstructie)." in tekst
    assert 'href="?peildatum=2025-06-01&amp;jaar=2025">Toon alle 3 samenwerkingsverbanden' in tekst


def test_each_row_links_its_pages_and_shows_its_labels(client, zaanstad):
    # The rows' links are made once per arrangement for both tables and their fixed texts
    # translated once per page: what each row shows must not change.
    alfa = _regeling(zaanstad, "Alfa", "100").samenwerkingsverband
    alfa.slug, alfa.verplicht = "alfa", True
    alfa.save(update_fields=["slug", "verplicht"])
    bravo = _regeling(zaanstad, "Bravo", None, vorm=Vorm.REGELING_ZONDER_MEER, zetel=False)
    antwoord = client.get(PAGINA, {**PEIL, "jaar": "2025"})
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    lijst, naast = tekst.split('id="analyse"')
    alfa_rij = lijst[lijst.index(">Alfa</a>") :].split("</tr>")[0]
    bravo_rij = lijst[lijst.index(">Bravo</a>") :].split("</tr>")[0]

    adres = "/samenwerkingsverbanden/alfa/?gemeente=GM0479&amp;peildatum=2025-06-01&amp;jaar=2025"
    assert f'<th scope="row"><a href="{adres}">Alfa</a>' in lijst
    assert f'<a href="{adres}#per-inwoner">Alfa</a>' in naast
    bravo_slug = bravo.samenwerkingsverband.slug
    assert (
        f'<a href="/samenwerkingsverbanden/{bravo_slug}/?gemeente=GM0479&amp;'
        'peildatum=2025-06-01&amp;jaar=2025">Bravo</a>'
    ) in lijst
    assert (
        f'<a class="bijschrift" href="/gemeenten/GM0479/samenwerkingsverbanden/{alfa.uuid}/'
        'oplegger/?peildatum=2025-06-01&amp;jaar=2025">oplegger'
        '<span class="visueel-verborgen"> Alfa</span></a>'
    ) in alfa_rij
    assert (
        '<span class="label" title="bestuurlijk én financieel belang in dit jaar (BBV art. 1): '
        "bestuurlijk belang: zetel in "
    ) in alfa_rij
    assert '">verbonden partij</span><span class="label label-verplicht">wettelijk verplicht' in (
        alfa_rij
    )
    assert '<summary>Uittreden<span class="visueel-verborgen"> Alfa</span></summary>' in alfa_rij
    # Bravo: no verbonden partij, no seat, no bestuursorgaan recorded: onbekend, never empty.
    assert "verbonden partij</span>" not in bravo_rij
    assert "<td>onbekend</td>" in bravo_rij
    assert '<td><span class="onbekend">onbekend</span></td>' in bravo_rij


def test_each_group_has_a_subtotal_and_unknown_is_never_zero(client, zaanstad):
    # Openbaar lichaam: 1.200,40 + 300,10 + onbekend; gemeenschappelijk orgaan: only onbekend.
    een = _regeling(zaanstad, "Een", "1200.40")
    f.BijdrageFactory(
        deelname=een, jaar=2025, soort=BijdrageSoort.GEREALISEERD, bedrag=Decimal("1100")
    )
    _regeling(zaanstad, "Twee", "300.10")
    _regeling(zaanstad, "Drie", None)
    _regeling(zaanstad, "Vier", None, vorm=Vorm.GEMEENSCHAPPELIJK_ORGAAN)
    tekst = paginatekst(client.get(PAGINA, PEIL))
    subtotalen = re.findall(r'<tr class="subtotaal">(.*?)</tr>', tekst)
    assert len(subtotalen) == 2
    ol, go = subtotalen
    assert "Subtotaal Openbaar lichaam: 3 samenwerkingsverbanden" in ol
    # 1.200,40 + 300,10 = 1.500,50, shown in whole euros; the unknown one is not counted.
    assert '<td class="getal">€ 1.501 <span class="bijschrift">(1 onbekend, niet meegeteld)' in ol
    assert '<td class="getal">€ 1.100 <span class="bijschrift">(2 onbekend, niet meegeteld)' in ol
    assert "Subtotaal Gemeenschappelijk orgaan: 1 samenwerkingsverband" in go
    assert go.count('<td class="getal">onbekend</td>') == 2
    assert "€ 0" not in go


@pytest.mark.parametrize("aantal", [1, 30])
def test_sorting_filtering_and_subtotals_keep_a_constant_query_count(
    client, zaanstad, aantal, django_assert_num_queries
):
    jeugd = Domein.objects.get(code="jeugd")
    for i in range(aantal):
        _regeling(zaanstad, f"Regeling {i}", str(100 + i), domeinen=[jeugd])
    # 1 gemeente with its inwonertal and whether it has kaders (none here, so no query for
    # them), 2-5 the deelnames with arrangement, domeinen, seats, bijdragen, 6 per inwoner
    # beside the other deelnemers (with their inwoners); sorting, filtering, grouping and
    # subtotals work on those rows.
    for parameters in (
        {"sorteer": "-bijdrage"},
        {"sorteer": "vorm", "indeling": "domein"},
        {"domein": "jeugd", "vorm": "OL", "verbonden_partij": "ja", "karakter": "onbekend"},
    ):
        with django_assert_num_queries(6):
            antwoord = client.get(PAGINA, {**PEIL, **parameters})
        assert antwoord.status_code == 200
        assert f"{aantal} samenwerkingsverband" in paginatekst(antwoord)


def test_a_bad_parameter_is_explained_and_resets_only_itself(client, zaanstad):
    jeugd = Domein.objects.get(code="jeugd")
    _regeling(zaanstad, "Jeugdregio", "100", domeinen=[jeugd])
    _regeling(zaanstad, "Afvalschap", "200")
    antwoord = client.get(
        PAGINA, {**PEIL, "jaar": "twintig", "domein": "jeugd", "sorteer": "grootte"}
    )
    assert antwoord.status_code == 400
    tekst = paginatekst(antwoord)
    assert "Jaar: vul een jaartal in, bijvoorbeeld 2025." in tekst
    assert (
        "Sorteer: kies naam, vorm of bijdrage (met - ervoor: aflopend). Getoond: op naam." in tekst
    )
    # The peildatum and the domain filter still hold.
    assert "1 samenwerkingsverband op 1 juni 2025" in tekst
    assert "(domein: Jeugd; van 2)" in tekst
    assert "Afvalschap" not in tekst

    onbekend = client.get(PAGINA, {**PEIL, "domein": "ruimtevaart"})
    assert onbekend.status_code == 400
    tekst = paginatekst(onbekend)
    assert "Domein: Zaanstad heeft op deze peildatum geen verband in „ruimtevaart”." in tekst
    assert "2 samenwerkingsverbanden op 1 juni 2025" in tekst
    groep = paginatekst(client.get(PAGINA, {**PEIL, "indeling": "alfabet"}))
    assert "Groepeer: kies per vorm, per domein of per motief. Getoond: per vorm." in groep


def _zetel(deelname, orgaan, naam, rol, begin, functie=Functie.WETHOUDER):
    return f.ZetelFactory(
        deelname=deelname,
        bestuursorgaan=orgaan,
        persoon__naam=naam,
        functie=functie,
        rol=rol,
        begindatum=begin,
    )


def test_representatives_tab_lists_each_person_with_all_seats(client, zaanstad):
    ggd = _regeling(zaanstad, "GGD Zaanstreek-Waterland", zetel=False)
    vr = _regeling(zaanstad, "Veiligheidsregio Zaanstreek-Waterland", zetel=False)
    _regeling(zaanstad, "Recreatieschap", zetel=False)
    ab_ggd = f.BestuursorgaanFactory(
        samenwerkingsverband=ggd.samenwerkingsverband, soort=OrgaanSoort.ALGEMEEN_BESTUUR, naam=""
    )
    db_ggd = f.BestuursorgaanFactory(
        samenwerkingsverband=ggd.samenwerkingsverband, soort=OrgaanSoort.DAGELIJKS_BESTUUR, naam=""
    )
    ab_vr = f.BestuursorgaanFactory(
        samenwerkingsverband=vr.samenwerkingsverband, soort=OrgaanSoort.ALGEMEEN_BESTUUR, naam=""
    )
    moussa = _zetel(ggd, ab_ggd, "M. Moussa", ZetelRol.LID, D(2022, 6, 1))
    f.ZetelFactory(
        deelname=ggd,
        bestuursorgaan=db_ggd,
        persoon=moussa.persoon,
        functie=Functie.WETHOUDER,
        rol=ZetelRol.VOORZITTER,
        begindatum=D(2023, 1, 15),
    )
    f.ZetelFactory(
        deelname=vr,
        bestuursorgaan=ab_vr,
        persoon=moussa.persoon,
        functie=Functie.WETHOUDER,
        rol=ZetelRol.PLAATSVERVANGER,
        begindatum=D(2024, 3, 1),
    )
    _zetel(vr, ab_vr, "J. Hamming", ZetelRol.VOORZITTER, D(2020, 1, 1), Functie.BURGEMEESTER)
    # A seat that ended before the peildatum is not shown.
    f.ZetelFactory(
        deelname=vr,
        bestuursorgaan=ab_vr,
        persoon__naam="Oud-wethouder",
        begindatum=D(2018, 1, 1),
        einddatum=D(2022, 1, 1),
    )

    antwoord = client.get("/gemeenten/GM0479/vertegenwoordigers/", PEIL)
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert "<h1>Wie vertegenwoordigt Zaanstad?</h1>" in tekst
    assert 'aria-current="page">Vertegenwoordigers</a>' in tekst
    assert "2 vertegenwoordigers met 4 zetels op 1 juni 2025" in tekst
    assert "Oud-wethouder" not in tekst
    # By name: Hamming before Moussa; Moussa with all three seats.
    assert tekst.index("J. Hamming") < tekst.index("M. Moussa")
    moussa_deel = tekst.split('rowspan="3">M. Moussa', 1)[1]
    assert "3 zetels" in moussa_deel.split("</th>")[0]
    for verband, orgaan, rol, sinds in (
        ("GGD Zaanstreek-Waterland", "Algemeen bestuur", "Lid", "1 juni 2022"),
        ("GGD Zaanstreek-Waterland", "Dagelijks bestuur", "Voorzitter", "15 januari 2023"),
        (
            "Veiligheidsregio Zaanstreek-Waterland",
            "Algemeen bestuur",
            "Plaatsvervangend lid",
            "1 maart 2024",
        ),
    ):
        assert (
            f">{verband}</a></td> <td>{orgaan}</td> <td>{rol}</td> <td>Wethouder</td> "
            f"<td>{sinds}</td>"
        ) in moussa_deel
    # Each one links to its page, with this gemeente and the chosen peildatum, like the table.
    assert (
        "Bij 1 samenwerkingsverband is geen vertegenwoordiger vastgelegd: <a href="
        '"/samenwerkingsverbanden/recreatieschap/?gemeente=GM0479&amp;peildatum=2025-06-01">'
        "Recreatieschap</a>." in tekst
    )
    # And who records them.
    assert "De zetels legt het secretariaat van elke regeling vast." in tekst


def test_representatives_tab_without_any_says_so_once(client, zaanstad):
    tekst = paginatekst(client.get("/gemeenten/GM0479/vertegenwoordigers/", PEIL))
    assert '<h2 id="personen-kop">Vertegenwoordigers op 1 juni 2025</h2>' in tekst
    assert "Er zijn voor deze gemeente op 1 juni 2025 geen vertegenwoordigers vastgelegd." in tekst
    assert "0 vertegenwoordigers" not in tekst and "0 zetels" not in tekst


@pytest.mark.parametrize("aantal", [1, 30])
def test_representatives_tab_query_count(client, zaanstad, aantal, django_assert_num_queries):
    for i in range(aantal):
        _regeling(zaanstad, f"Regeling {i}", "100")
    # 1 gemeente, 2-5 the deelnames with arrangement, domeinen, seats (with persoon and
    # bestuursorgaan), bijdragen.
    with django_assert_num_queries(5):
        antwoord = client.get("/gemeenten/GM0479/vertegenwoordigers/", PEIL)
    assert antwoord.status_code == 200
    assert f"{aantal} vertegenwoordiger" in paginatekst(antwoord)


@pytest.mark.parametrize("aantal", [1, 20])
def test_a_hoofdthema_filters_its_subthemas_too(
    client, zaanstad, aantal, django_assert_num_queries
):
    """The list groups per hoofdthema and the domein page of a hoofdthema counts its
    subthema's; the filter offered only the national register's beleidsterreinen as filed
    ("natuur en milieu | afval", "… | water"), so a griffier could not ask for all of "natuur
    en milieu". Its hoofdthema is offered now (read once, also when no row has it itself)."""
    Domein.objects.create(code="proef-milieu", naam="natuur en milieu")
    afval = Domein.objects.create(code="proef-afval", naam="natuur en milieu | afval")
    water = Domein.objects.create(code="proef-water", naam="natuur en milieu | water")
    jeugd = Domein.objects.get(code="jeugd")
    for i in range(aantal):
        _regeling(zaanstad, f"Afvalschap {i}", "100", domeinen=[afval])
    _regeling(zaanstad, "Waterschap", "100", domeinen=[water])
    _regeling(zaanstad, "Jeugdregio", "100", domeinen=[jeugd])
    # As test_sorting_filtering_and_subtotals_keep_a_constant_query_count, and 7 the
    # hoofdthema no row has itself.
    with django_assert_num_queries(7):
        antwoord = client.get(PAGINA, {**PEIL, "domein": "proef-milieu"})
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert (
        '<option value="proef-milieu" selected>natuur en milieu (met subthema&#x27;s)</option>'
        '<option value="proef-afval">natuur en milieu | afval</option>'
        '<option value="proef-water">natuur en milieu | water</option>'
    ) in tekst
    assert f"(domein: natuur en milieu (met subthema&#x27;s); van {aantal + 2})" in tekst
    assert _volgorde(tekst, {"Waterschap", "Jeugdregio", "Afvalschap 0"}) == [
        "Afvalschap 0",
        "Waterschap",
    ]
    # A subthema is only itself.
    tekst = paginatekst(client.get(PAGINA, {**PEIL, "domein": "proef-water"}))
    assert _volgorde(tekst, {"Waterschap", "Afvalschap 0"}) == ["Waterschap"]
    assert "(domein: natuur en milieu | water; van" in tekst
