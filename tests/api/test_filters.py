"""The filters the issue names: arrangements, deelnames and bijdragen; ordering and pages."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from samenwerking.constants import BijdrageSoort, Vorm
from samenwerking.models import Domein, Gemeente
from tests import factories as f
from tests.pagina import paginatekst

from .hulp import ongeldig

pytestmark = pytest.mark.django_db

D = datetime.date


def _namen(api, pad, **parameters) -> list[str]:
    antwoord = api.get(f"/api/v1/{pad}", parameters)
    assert antwoord.status_code == 200, antwoord.content
    return [rij["naam"] for rij in antwoord.json()["results"]]


@pytest.fixture
def verbanden(zaanstad):
    """Three arrangements: Zaanstad (Noord-Holland) is in two, Utrecht in the third."""
    utrecht = Gemeente.objects.get(cbs_code="GM0344")
    vr = f.SamenwerkingsverbandFactory(
        naam="Veiligheidsregio Zaanstreek-Waterland", afkorting="VrZW", verplicht=True
    )
    vr.domeinen.add(Domein.objects.get(code="veiligheid"))
    f.DeelnameFactory(samenwerkingsverband=vr, gemeente=zaanstad)
    bvo = f.SamenwerkingsverbandFactory(
        naam="Belastingsamenwerking Zaanstreek",
        vorm=Vorm.BEDRIJFSVOERINGSORGANISATIE,
        ingangsdatum=D(2020, 1, 1),
        einddatum=D(2024, 1, 1),
    )
    f.DeelnameFactory(samenwerkingsverband=bvo, gemeente=zaanstad)
    f.DeelnameFactory(
        samenwerkingsverband__naam="Regionaal Archief Utrecht",
        samenwerkingsverband__afkorting="RAU",
        gemeente=utrecht,
    )


@pytest.mark.parametrize(
    ("parameters", "namen"),
    [
        ({"vorm": "BVO"}, ["Belastingsamenwerking Zaanstreek"]),
        ({"domein": "veiligheid"}, ["Veiligheidsregio Zaanstreek-Waterland"]),
        ({"domein": "Veiligheid"}, ["Veiligheidsregio Zaanstreek-Waterland"]),  # as CBS codes
        (
            {"deelnemer": "GM0479"},
            ["Belastingsamenwerking Zaanstreek", "Veiligheidsregio Zaanstreek-Waterland"],
        ),
        ({"provincie": "PV26"}, ["Regionaal Archief Utrecht"]),
        (
            {"actiefOp": "2024-01-01"},
            ["Regionaal Archief Utrecht", "Veiligheidsregio Zaanstreek-Waterland"],
        ),
        ({"verplicht": "true"}, ["Veiligheidsregio Zaanstreek-Waterland"]),
        ({"q": "rau"}, ["Regionaal Archief Utrecht"]),  # afkorting, any case
        ({"q": "zaanstreek", "vorm": "OL"}, ["Veiligheidsregio Zaanstreek-Waterland"]),
        # A value from a fixed set in any case, ordering's too (namen.als_keuze).
        ({"q": "zaanstreek", "vorm": "ol"}, ["Veiligheidsregio Zaanstreek-Waterland"]),
        ({"vorm": "Bvo"}, ["Belastingsamenwerking Zaanstreek"]),
        (
            {"ordering": "vorm,-Naam"},
            [
                "Belastingsamenwerking Zaanstreek",
                "Veiligheidsregio Zaanstreek-Waterland",
                "Regionaal Archief Utrecht",
            ],
        ),
        (
            {"ordering": "-NAAM"},
            [
                "Veiligheidsregio Zaanstreek-Waterland",
                "Regionaal Archief Utrecht",
                "Belastingsamenwerking Zaanstreek",
            ],
        ),
        (
            {"ordering": "-naam"},
            [
                "Veiligheidsregio Zaanstreek-Waterland",
                "Regionaal Archief Utrecht",
                "Belastingsamenwerking Zaanstreek",
            ],
        ),
    ],
)
def test_samenwerkingsverbanden_filters(api, verbanden, parameters, namen):
    assert _namen(api, "samenwerkingsverbanden", **parameters) == namen


@pytest.mark.parametrize("aantal", [1, 10])
def test_hoofdthema_gives_the_verbanden_of_its_subthemas_too(
    api, referentiedata, aantal, django_assert_num_queries
):
    """As the pages per domein count: a hoofdthema with its subthema's, each verband once;
    `domein` stays exactly that domein."""
    milieu = Domein.objects.create(code="proef-milieu", naam="natuur en milieu")
    afval = Domein.objects.create(code="proef-afval", naam="natuur en milieu | afval")
    water = Domein.objects.create(code="proef-water", naam="natuur en milieu | water")
    naast = Domein.objects.create(code="proef-naast", naam="natuur en milieuzaken")
    f.SamenwerkingsverbandFactory(naam="Omgevingsdienst").domeinen.add(milieu, afval, water)
    for i in range(aantal):
        f.SamenwerkingsverbandFactory(naam=f"Afvalschap {i:02}").domeinen.add(afval)
    f.SamenwerkingsverbandFactory(naam="Milieuzakenschap").domeinen.add(naast)
    afvalschappen = [f"Afvalschap {i:02}" for i in range(aantal)]
    # As the list with `domein` (8, whatever the number of rows), and one for the subthema's.
    with django_assert_num_queries(8):
        namen = _namen(api, "samenwerkingsverbanden", hoofdthema="Proef-Milieu", ordering="naam")
    with django_assert_num_queries(7):
        _namen(api, "samenwerkingsverbanden", domein="proef-milieu")
    assert namen == [*afvalschappen, "Omgevingsdienst"]
    assert _namen(api, "samenwerkingsverbanden", domein="proef-milieu") == ["Omgevingsdienst"]
    assert _namen(api, "samenwerkingsverbanden", hoofdthema="proef-water") == ["Omgevingsdienst"]


@pytest.mark.parametrize(
    ("parameters", "fouten"),
    [
        (
            {"vorm": "GR"},
            {
                "vorm": "Vorm: kies OL, GO, BVO, CC, RZM, CONVENANT, STICHTING, VERENIGING, "
                "VENNOOTSCHAP, COOPERATIE of NETWERK."
            },
        ),
        ({"domein": "ruimtevaart"}, {"domein": "Geen domein met code ruimtevaart."}),
        ({"hoofdthema": "ruimtevaart"}, {"hoofdthema": "Geen domein met code ruimtevaart."}),
        ({"deelnemer": "GM9999"}, {"deelnemer": "Geen gemeente met CBS-code GM9999."}),
        # A gemeente by its name (or nearly): the message gives its code.
        (
            {"deelnemer": "Utrecht"},
            {"deelnemer": "Geen gemeente met CBS-code Utrecht. Bedoelt u GM0344 (Utrecht)?"},
        ),
        (
            {"deelnemer": "bergen"},
            {
                "deelnemer": "Geen gemeente met CBS-code bergen. Bedoelt u GM0893 (Bergen (L.)) "
                "of GM0373 (Bergen (NH.))?"
            },
        ),
        (
            {"provincie": "Utrect"},
            {"provincie": "Geen provincie met CBS-code Utrect. Bedoelt u PV26 (Utrecht)?"},
        ),
        (
            {"actiefOp": "2024-02-30"},
            {"actiefOp": "Gebruik een datum als JJJJ-MM-DD, bijvoorbeeld 2025-06-01."},
        ),
        ({"verplicht": "ja"}, {"verplicht": "Gebruik true of false."}),
        (
            {"ordering": "leeftijd"},
            {
                "ordering": "Ordering: kies naam, -naam, afkorting, -afkorting, vorm, -vorm, "
                "ingangsdatum of -ingangsdatum."
            },
        ),
        (
            {"gemeente": "GM0479"},
            {
                "gemeente": "Onbekende parameter. Toegestaan: actiefOp, deelnemer, domein, "
                "hoofdthema, karakter, ordering, page, pageSize, provincie, q, verplicht, vorm."
            },
        ),
    ],
)
def test_samenwerkingsverbanden_bad_filters(api, referentiedata, parameters, fouten):
    assert ongeldig(api.get("/api/v1/samenwerkingsverbanden", parameters)) == fouten


ISO = "Gebruik een datum als JJJJ-MM-DD, bijvoorbeeld 2025-06-01."


@pytest.mark.parametrize(
    "datum", ["2025-6-1", "2025-06-1", "\uff12\uff10\uff12\uff15-06-01", "20250601"]
)
@pytest.mark.parametrize(
    ("pad", "parameter", "melding"),
    [
        ("samenwerkingsverbanden", "actiefOp", ISO),
        (
            "gemeenten/GM0479/samenwerkingsverbanden",
            "peildatum",
            "Peildatum: vul een geldige datum in (JJJJ-MM-DD).",
        ),
        ("vergaderingen", "van", ISO),
    ],
)
def test_a_date_not_written_as_the_document_says_is_a_400(
    api, referentiedata, pad, parameter, melding, datum
):
    # The document's pattern is JJJJ-MM-DD in ASCII digits; strptime also read 2025-6-1 and
    # full-width digits, so a client could not tell which date it asked for.
    assert ongeldig(api.get(f"/api/v1/{pad}", {parameter: datum})) == {parameter: melding}


@pytest.mark.parametrize("jaar", ["2025.0", " 2025", "\uff12\uff10\uff12\uff15", "+2025"])
@pytest.mark.parametrize(
    ("pad", "parameter"),
    [
        ("bijdragen", "jaar"),  # a filter
        ("gemeenten/GM0479/samenwerkingsverbanden", "jaar"),  # a parameter of an action
        ("termijnen", "jaar"),
    ],
)
def test_a_year_not_written_in_the_digits_0_to_9_is_a_400(
    api, referentiedata, pad, parameter, jaar
):
    # The document says an integer; Python read these as 2025.
    assert ongeldig(api.get(f"/api/v1/{pad}", {parameter: jaar})) == {
        parameter: "Jaar: vul een jaartal in, bijvoorbeeld 2025."
    }


@pytest.mark.parametrize(
    ("pad", "parameters", "namen"),
    [
        (
            "samenwerkingsverbanden",
            {"deelnemer": "gm0479"},
            ["Belastingsamenwerking Zaanstreek", "Veiligheidsregio Zaanstreek-Waterland"],
        ),
        ("samenwerkingsverbanden", {"provincie": "pv26"}, ["Regionaal Archief Utrecht"]),
        ("gemeenten", {"provincie": "pv26", "q": "utrecht"}, ["Utrecht", "Utrechtse Heuvelrug"]),
    ],
)
def test_a_code_in_lower_case_filters_as_in_capitals(api, verbanden, pad, parameters, namen):
    # As the detail addresses take it (/api/v1/gemeenten/gm0479 redirects).
    assert _namen(api, pad, **parameters) == namen
    assert ongeldig(api.get(f"/api/v1/{pad}", {**parameters, "provincie": "pv99"})) == {
        "provincie": "Geen provincie met CBS-code PV99."
    }


@pytest.mark.parametrize(
    ("q", "namen"),
    [
        ("’s-Hertogenbosch", ["'s-Hertogenbosch"]),  # as typed in a text editor
        ("Den Bosch", ["'s-Hertogenbosch"]),
        ("Sudwest-Fryslan", ["Súdwest-Fryslân"]),
        ("363", ["Amsterdam"]),
    ],
)
def test_gemeenten_q_finds_what_the_search_page_finds(api, client, referentiedata, q, namen):
    # The API searched with icontains and found none of these; the start page found each.
    assert _namen(api, "gemeenten", q=q) == namen
    gevonden = client.get("/", {"q": q})
    assert gevonden.status_code == 302
    assert gevonden["Location"] == f"/gemeenten/{Gemeente.objects.get(naam=namen[0]).cbs_code}/"


def test_gemeenten_q_with_a_digit_that_is_not_0_to_9_finds_nothing(api, referentiedata):
    # "²" is a digit to isdigit(), not to int(): the search was a 500.
    assert _namen(api, "gemeenten", q="\u00b2") == []


def test_samenwerkingsverbanden_q_ignores_accents_as_the_search_page_does(api, verbanden):
    f.SamenwerkingsverbandFactory(naam="Gemeenschappelijke regeling Súdwest-Fryslân")
    assert _namen(api, "samenwerkingsverbanden", q="sudwest") == [
        "Gemeenschappelijke regeling Súdwest-Fryslân"
    ]


def test_organisaties_and_personen_q_finds_each_word_apart(api, referentiedata):
    """`q` with "jan vries" found no "Jan de Vries", with "afval utrecht" no "Afvalverwijdering
    Utrecht": it matched the whole term as one piece of text. Each word now matches on its own,
    in the name or the abbreviation, as the admin's search does."""
    for naam in ("Jan de Vries", "Jan Jansen", "Kees de Vries"):
        f.PersoonFactory(naam=naam)
    f.OrganisatieFactory(naam="Afvalverwijdering Utrecht", afkorting="AVU")
    f.OrganisatieFactory(naam="Afvalschap IJmond-Zaanstreek", afkorting="")
    assert _namen(api, "personen", q="jan vries") == ["Jan de Vries"]
    assert _namen(api, "personen", q="  Vries  ") == ["Jan de Vries", "Kees de Vries"]
    assert _namen(api, "personen", q="jan pietersen") == []
    assert _namen(api, "organisaties", q="afval utrecht") == ["Afvalverwijdering Utrecht"]
    assert _namen(api, "organisaties", q="avu afval") == ["Afvalverwijdering Utrecht"]
    assert _namen(api, "organisaties", q="afval") == [
        "Afvalschap IJmond-Zaanstreek",
        "Afvalverwijdering Utrecht",
    ]


def test_organisaties_and_personen_q_ignores_accents_as_the_search_page_does(api, referentiedata):
    """`q` on organisaties and personen compared the letters as stored: "fryslan" found none
    of the organisaties with "Fryslân" in their name (30 names in the register have an accent),
    "jorg" no "Jörg". Case, accents and punctuation no longer matter, as on the start page."""
    f.OrganisatieFactory(naam="Dienst Sociale Zaken en Werkgelegenheid Noardwest Fryslân")
    f.OrganisatieFactory(naam="Landkreis Osnabrück")
    f.PersoonFactory(naam="Jörg Müller-Lüdenscheidt")
    assert _namen(api, "organisaties", q="noardwest fryslan") == [
        "Dienst Sociale Zaken en Werkgelegenheid Noardwest Fryslân"
    ]
    assert _namen(api, "organisaties", q="OSNABRUCK") == ["Landkreis Osnabrück"]
    assert _namen(api, "personen", q="jorg muller ludenscheidt") == ["Jörg Müller-Lüdenscheidt"]
    # Only punctuation: nothing to look for, so nothing found.
    assert _namen(api, "personen", q="--") == []


def test_organisaties_q_in_the_plural_finds_the_singular_but_personen_q_does_not(
    api, referentiedata
):
    """`q=waterschappen` on organisaties found only the one name with "waterschappen" in it,
    not "Waterschap Aa en Maas"; a plural now also finds its singular, as the start page does.
    Not for names of people: "pietersen" is another name than "Pieters"."""
    f.OrganisatieFactory(naam="Waterschap Aa en Maas")
    f.OrganisatieFactory(naam="Unie van Waterschappen")
    f.OrganisatieFactory(naam="Provincie Utrecht")
    f.PersoonFactory(naam="Anna Pieters")
    beide = ["Unie van Waterschappen", "Waterschap Aa en Maas"]
    assert _namen(api, "organisaties", q="waterschappen") == beide
    assert _namen(api, "organisaties", q="Waterschap's") == beide
    assert _namen(api, "organisaties", q="provincies utrecht") == ["Provincie Utrecht"]
    assert _namen(api, "personen", q="pietersen") == []
    assert _namen(api, "personen", q="pieters") == ["Anna Pieters"]


@pytest.mark.parametrize("aantal", [1, 30])
def test_organisaties_and_personen_q_query_count(
    api, referentiedata, aantal, django_assert_num_queries
):
    for i in range(aantal):
        f.OrganisatieFactory(naam=f"Fryslân {i:02d}")
        f.PersoonFactory(naam=f"Jörg {i:02d}")
    # The names matched in Python, the count, the page (organisaties with their provincie).
    with django_assert_num_queries(3):
        assert len(_namen(api, "organisaties", q="fryslan", pageSize=100)) == aantal
    with django_assert_num_queries(3):
        assert len(_namen(api, "personen", q="jorg", pageSize=100)) == aantal


def test_deelnames_by_gemeente_samenwerkingsverband_and_actief_op(api, zaanstad):
    verband = f.SamenwerkingsverbandFactory()
    oud = f.DeelnameFactory(
        samenwerkingsverband=verband,
        gemeente=zaanstad,
        toetredingsdatum=D(2010, 1, 1),
        uittredingsdatum=D(2018, 1, 1),
    )
    nieuw = f.DeelnameFactory(
        samenwerkingsverband=verband, gemeente=zaanstad, toetredingsdatum=D(2018, 1, 1)
    )
    f.DeelnameFactory(samenwerkingsverband=verband)  # another gemeente
    f.DeelnameFactory(gemeente=zaanstad)  # another arrangement

    def uuids(**parameters):
        antwoord = api.get("/api/v1/deelnames", parameters)
        return [rij["uuid"] for rij in antwoord.json()["results"]]

    beide = {"gemeente": "GM0479", "samenwerkingsverband": str(verband.uuid)}
    assert uuids(**beide, ordering="toetredingsdatum") == [str(oud.uuid), str(nieuw.uuid)]
    assert uuids(**{**beide, "gemeente": "gm0479"}, ordering="toetredingsdatum") == [
        str(oud.uuid),
        str(nieuw.uuid),
    ]
    assert uuids(**beide, actiefOp="2017-12-31") == [str(oud.uuid)]
    assert uuids(**beide, actiefOp="2018-01-01") == [str(nieuw.uuid)]


def test_bijdragen_by_gemeente_samenwerkingsverband_jaar_and_soort(api, zaanstad):
    deelname = f.DeelnameFactory(gemeente=zaanstad)
    f.BijdrageFactory(deelname=deelname, jaar=2024, bedrag=Decimal("90"))
    f.BijdrageFactory(deelname=deelname, jaar=2025, bedrag=Decimal("100"))
    f.BijdrageFactory(
        deelname=deelname, jaar=2025, soort=BijdrageSoort.GEREALISEERD, bedrag=Decimal("95")
    )
    f.BijdrageFactory(jaar=2025)  # another gemeente and arrangement

    def bedragen(**parameters):
        antwoord = api.get("/api/v1/bijdragen", parameters)
        return [rij["bedrag"] for rij in antwoord.json()["results"]]

    assert bedragen(gemeente="GM0479", ordering="jaar,bedrag") == ["90.00", "95.00", "100.00"]
    verband = str(deelname.samenwerkingsverband.uuid)
    assert bedragen(samenwerkingsverband=verband, jaar="2025", soort="begroot") == ["100.00"]
    assert list(ongeldig(api.get("/api/v1/bijdragen", {"jaar": "2025.5"}))) == ["jaar"]
    assert list(ongeldig(api.get("/api/v1/bijdragen", {"soort": "geschat"}))) == ["soort"]


def test_pages_are_stable_and_linked(api, referentiedata):
    verbanden = [f.SamenwerkingsverbandFactory(naam="Zelfde naam") for _ in range(3)]
    eerste = api.get("/api/v1/samenwerkingsverbanden", {"pageSize": 2}).json()
    tweede = api.get(eerste["next"]).json()
    assert eerste["count"] == 3
    assert eerste["previous"] is None and tweede["next"] is None
    # Equal names: the creation order (primary key) decides, on every page.
    assert [rij["uuid"] for rij in eerste["results"] + tweede["results"]] == [
        str(verband.uuid) for verband in verbanden
    ]


@pytest.mark.parametrize(
    "parameters",
    [
        {"page": "twee"},
        {"page": "0"},
        {"pageSize": "alles"},
        {"page": "\u00b2"},  # a digit to isdigit(), not to int(): was a 500 (HTML)
        {"pageSize": "\uff15"},  # full-width 5: was read as 5
    ],
)
def test_bad_page_parameters_are_a_400(api, referentiedata, parameters):
    meldingen = {
        "page": "Gebruik een geheel getal vanaf 1, of last voor de laatste pagina.",
        "pageSize": "Gebruik een geheel getal vanaf 1.",
    }
    assert ongeldig(api.get("/api/v1/gemeenten", parameters)) == {
        naam: meldingen[naam] for naam in parameters
    }


def test_page_last_is_the_last_page_as_drf_documents_it(
    api, referentiedata, django_assert_num_queries
):
    personen = [f.PersoonFactory(naam="Zelfde naam") for _ in range(5)]
    with django_assert_num_queries(2):  # the count, once; the rows of the page
        laatste = api.get("/api/v1/personen", {"pageSize": 2, "page": "last"})
    body = laatste.json()
    assert body["count"] == 5 and body["next"] is None
    assert [rij["uuid"] for rij in body["results"]] == [str(personen[4].uuid)]
    assert "page=2" in body["previous"]
    leeg = api.get("/api/v1/zetels", {"page": "last"}).json()
    assert (leeg["count"], leeg["results"]) == (0, [])


def test_a_page_larger_than_the_document_allows_is_a_400(api, referentiedata):
    assert api.get("/api/v1/gemeenten", {"pageSize": "500"}).json()["count"] == 412
    assert ongeldig(api.get("/api/v1/gemeenten", {"pageSize": "501"})) == {
        "pageSize": "Hoogstens 500 resultaten per pagina; vraag de volgende pagina met page."
    }


def test_samenwerkingsverbanden_q_lists_in_the_search_pages_order_unless_ordering_asks(
    api, client, referentiedata
):
    """`q` listed by name: "brandweer" opened with a regeling ended in 2012 and one that
    starts next month, above the running ones the start page lists first."""
    vandaag = timezone.localdate()
    for naam, afkorting, begin, eind in [
        ("Gemeenschappelijke Regeling Brandweer Zuid-Limburg", "", D(1994, 1, 1), D(2012, 1, 1)),
        ("Brandweer Nieuw", "", vandaag + datetime.timedelta(days=30), None),
        ("Gemeenschappelijke regeling Veiligheidsregio Drenthe", "VRD", D(2010, 1, 1), None),
        ("Gemeenschappelijke regeling stadsgewestelijke brandweer", "", D(2001, 1, 1), None),
    ]:
        f.SamenwerkingsverbandFactory(
            naam=naam, afkorting=afkorting, ingangsdatum=begin, einddatum=eind
        )
    zoekpagina = [
        "Gemeenschappelijke regeling stadsgewestelijke brandweer",
        "Gemeenschappelijke regeling Veiligheidsregio Drenthe",
        "Brandweer Nieuw",
        "Gemeenschappelijke Regeling Brandweer Zuid-Limburg",
    ]
    assert _namen(api, "samenwerkingsverbanden", q="brandweer") == zoekpagina
    tekst = paginatekst(client.get("/", {"q": "brandweer"}))
    assert sorted(zoekpagina, key=lambda naam: tekst.index(f"{naam}</a>")) == zoekpagina
    # Page by page the same order, each row once.
    paginas = [
        _namen(api, "samenwerkingsverbanden", q="brandweer", pageSize=3, page=pagina)
        for pagina in (1, 2)
    ]
    assert paginas == [zoekpagina[:3], zoekpagina[3:]]
    # `ordering` replaces it; another filter beside `q` keeps it.
    assert _namen(api, "samenwerkingsverbanden", q="brandweer", ordering="naam") == [
        "Brandweer Nieuw",
        "Gemeenschappelijke Regeling Brandweer Zuid-Limburg",
        "Gemeenschappelijke regeling stadsgewestelijke brandweer",
        "Gemeenschappelijke regeling Veiligheidsregio Drenthe",
    ]
    assert _namen(api, "samenwerkingsverbanden", q="brandweer", ordering="-ingangsdatum")[0] == (
        "Brandweer Nieuw"
    )
    assert (
        _namen(api, "samenwerkingsverbanden", q="brandweer", actiefOp=vandaag.isoformat())
        == (zoekpagina[:2])
    )
    # An exact abbreviation comes first, before a running name that holds the word.
    f.SamenwerkingsverbandFactory(naam="Vrijwillige regeling Drenthe-Oost", afkorting="")
    assert _namen(api, "samenwerkingsverbanden", q="vrd")[0] == (
        "Gemeenschappelijke regeling Veiligheidsregio Drenthe"
    )
    assert _namen(api, "samenwerkingsverbanden", q="geen-regeling") == []


def test_gemeenten_q_lists_in_the_search_pages_order_unless_ordering_asks(api, referentiedata):
    # By name, "haar" opened with Haaren (opgeheven 2021) and had Haarlemmerliede (2019)
    # before Haarlemmermeer; the search page lists the gemeenten that exist first.
    assert _namen(api, "gemeenten", q="haar") == [
        "Haarlem",
        "Haarlemmermeer",
        "Haaren",
        "Haarlemmerliede en Spaarnwoude",
    ]
    assert _namen(api, "gemeenten", q="haar", ordering="naam") == [
        "Haaren",
        "Haarlem",
        "Haarlemmerliede en Spaarnwoude",
        "Haarlemmermeer",
    ]
    assert _namen(api, "gemeenten", q="GM0373") == ["Bergen (NH.)"]


@pytest.mark.parametrize("aantal", [1, 12])
def test_q_in_the_search_pages_order_keeps_its_query_count(
    api, referentiedata, aantal, django_assert_num_queries
):
    # The search (one query) and the list: seven, however many rows match.
    for i in range(aantal):
        f.SamenwerkingsverbandFactory(
            naam=f"Brandweer {i:02}", einddatum=D(2012, 1, 1) if i % 2 else None
        )
    with django_assert_num_queries(7):
        namen = _namen(api, "samenwerkingsverbanden", q="brandweer", pageSize=500)
    lopend = [f"Brandweer {i:02}" for i in range(0, aantal, 2)]
    assert namen == [*lopend, *(f"Brandweer {i:02}" for i in range(1, aantal, 2))]


def test_ordering_puts_rows_without_a_value_last_in_both_directions(api, zaanstad):
    """PostgreSQL listed the regelingen without a date of ingang (OpenGR's) first with
    `ordering=-ingangsdatum`, SQLite first with `ordering=ingangsdatum`."""
    for naam, ingang in [("Oud", D(2001, 1, 1)), ("Zonder datum", None), ("Nieuw", D(2020, 1, 1))]:
        f.SamenwerkingsverbandFactory(naam=naam, ingangsdatum=ingang)
    oplopend = _namen(api, "samenwerkingsverbanden", ordering="ingangsdatum")
    assert oplopend == ["Oud", "Nieuw", "Zonder datum"]
    aflopend = _namen(api, "samenwerkingsverbanden", ordering="-ingangsdatum")
    assert aflopend == ["Nieuw", "Oud", "Zonder datum"]
    # A deelname that has not ended (no uittredingsdatum) as well, after the ones that did.
    verband = f.SamenwerkingsverbandFactory()
    for toetreding, uittreding in [(D(2010, 1, 1), D(2015, 1, 1)), (D(2015, 1, 1), None)]:
        f.DeelnameFactory(
            samenwerkingsverband=verband,
            gemeente=zaanstad,
            toetredingsdatum=toetreding,
            uittredingsdatum=uittreding,
        )

    def uittredingen(volgorde):
        antwoord = api.get(
            "/api/v1/deelnames", {"samenwerkingsverband": str(verband.uuid), "ordering": volgorde}
        )
        assert antwoord.status_code == 200
        return [rij["uittredingsdatum"] for rij in antwoord.json()["results"]]

    assert uittredingen("uittredingsdatum") == ["2015-01-01", None]
    assert uittredingen("-uittredingsdatum") == ["2015-01-01", None]


def test_deelnames_list_the_gemeenten_before_the_other_deelnemers(api, zaanstad):
    # SQLite (`make run`) put the organisaties first, PostgreSQL last.
    verband = f.SamenwerkingsverbandFactory()
    f.DeelnameFactory(
        samenwerkingsverband=verband,
        gemeente=None,
        organisatie=f.OrganisatieFactory(naam="Aa-waterschap"),
    )
    f.DeelnameFactory(samenwerkingsverband=verband, gemeente=zaanstad)
    antwoord = api.get("/api/v1/deelnames", {"samenwerkingsverband": str(verband.uuid)})
    assert antwoord.status_code == 200
    assert [(d["gemeente"], d["organisatie"] is not None) for d in antwoord.json()["results"]] == [
        ("GM0479", False),
        (None, True),
    ]
