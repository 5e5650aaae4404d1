"""The start page: where the data comes from, the national figures and the search."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from samenwerking.constants import Vorm
from samenwerking.models import Bronimport, Gemeente
from tests import factories as f
from tests.pagina import paginatekst

pytestmark = pytest.mark.django_db

D = datetime.date


def _verbanden(*namen: tuple[str, str]) -> None:
    """Arrangements with these names and abbreviations."""
    for naam, afkorting in namen:
        f.SamenwerkingsverbandFactory(naam=naam, afkorting=afkorting)


def _api_gevonden(client, zoekterm: str) -> list[dict]:
    """What the API's search (`q`) finds, in its order."""
    antwoord = client.get("/api/v1/samenwerkingsverbanden", {"q": zoekterm})
    assert antwoord.status_code == 200
    return antwoord.json()["results"]


def test_start_page_says_where_the_data_comes_from_and_how_old_it_is(client, referentiedata):
    f.SamenwerkingsverbandFactory.create_batch(2, bron="OpenGR 2016", alleen_historisch=True)
    f.SamenwerkingsverbandFactory(bron="OpenGR 2016; vorm aangenomen: openbaar lichaam")
    f.SamenwerkingsverbandFactory.create_batch(2, bron="ROO-export 2026-05-19")
    f.SamenwerkingsverbandFactory(bron="")
    tekst = paginatekst(client.get(reverse("raad:start")))
    # Without an import of the national register the page says how to load it.
    assert "Het landelijk register is nog niet ingelezen" in tekst
    assert "bevat alleen gemeenschappelijke regelingen" not in tekst
    assert "manage.py importeer_roo --download" in tekst

    Bronimport.objects.create(
        bron="ROO", stand=datetime.datetime(2026, 5, 19, 18, tzinfo=datetime.UTC)
    )
    tekst = paginatekst(client.get(reverse("raad:start")))
    vandaag = date_format(timezone.localdate(), "j F Y")
    assert "Bron: landelijk register, stand 19 mei 2026" in tekst
    # The average per gemeente counts what the register holds: gemeenschappelijke regelingen
    # only; a gemeente's stichtingen, verenigingen and vennootschappen are not in it.
    assert (
        "Het landelijk register bevat alleen gemeenschappelijke regelingen. Stichtingen, "
        "verenigingen, vennootschappen, coöperaties en convenanten waarin gemeenten samenwerken "
        "staan er niet in; ze tellen hier alleen mee als het beheer ze vastlegt."
    ) in tekst
    assert "nog niet ingelezen" not in tekst
    # The import's own moment is never shown as when the content changed.
    assert (
        "Samenwerkingsverbanden per bron: landelijk register (Register van "
        "Overheidsorganisaties): 2; ingevoerd in het beheer: 1 (laatst gewijzigd op "
        f"{vandaag}); OpenGR (Open State Foundation), stand maart 2016: 3 (waarvan 2 alleen "
        "historisch: niet in het landelijk register en niet meegeteld als lopend)."
    ) in tekst


def test_search_with_one_current_match_goes_to_the_gemeente(client):
    antwoord = client.get(reverse("raad:start"), {"q": "Den Haag"})
    assert antwoord.status_code == 302
    assert antwoord.url == "/gemeenten/GM0518/"


def test_search_lists_gemeenten_and_arrangements(client, referentiedata):
    f.SamenwerkingsverbandFactory(naam="Omgevingsdienst Noord-Holland Noord", afkorting="ODNHN")
    f.SamenwerkingsverbandFactory(naam="Recreatieschap Noord-Holland", afkorting="RNH")
    tekst = paginatekst(client.get(reverse("raad:start"), {"q": "noord"}))
    assert "Noordenveld</a>" in tekst  # a gemeente
    assert "2 samenwerkingsverbanden gevonden" in tekst
    assert "Omgevingsdienst Noord-Holland Noord</a>" in tekst
    # An exact abbreviation finds the arrangement, not a gemeente.
    tekst = paginatekst(client.get(reverse("raad:start"), {"q": "odnhn"}))
    assert "1 samenwerkingsverband gevonden" in tekst


def test_search_on_an_abbreviation_finds_every_arrangement_of_its_kind(client, referentiedata):
    """A search for GGD (the start page's own example) found 11 of the register's GGD's: not
    the ones named "Gemeentelijke Gezondheidsdienst …", nor "GGD Flevoland" as abbreviation,
    nor "Dienst Gezondheid & Jeugd" (the GGD of Zuid-Holland Zuid); VR missed "Veiligheids- en
    Gezondheidsregio Gelderland-Midden"."""
    _verbanden(
        ("Gemeenschappelijke regeling GGD Drenthe", ""),
        ("Gemeenschappelijke regeling Gemeentelijke Gezondheidsdienst Flevoland", "GGD Flevoland"),
        ("Gemeenschappelijke regeling Gemeentelijke Gezondheidsdienst Amsterdam-Amstelland", ""),
        ("Gemeenschappelijke regeling Dienst Gezondheid & Jeugd Zuid-Holland Zuid", ""),
        ("Gemeenschappelijke regeling Regionale uitvoeringsdienst Zeeland", "RUD Zeeland"),
        ("Gemeenschappelijke regeling Veiligheidsregio Drenthe", "VRD"),
        ("Gemeenschappelijke Regeling Veiligheids- en Gezondheidsregio Gelderland-Midden", ""),
        ("Gemeenschappelijke regeling Regionale Sociale Dienst Zaanstreek", ""),
        ("Gemeenschappelijke regeling Publiek Welzijn Zuid", "GGD"),
    )
    tekst = paginatekst(client.get(reverse("raad:start"), {"q": "ggd"}))
    assert "6 samenwerkingsverbanden gevonden" in tekst
    for gevonden in (
        "GGD Drenthe",
        "Gezondheidsdienst Flevoland",
        "Gezondheidsdienst Amsterdam",
        "Dienst Gezondheid &amp; Jeugd",
        "Veiligheids- en Gezondheidsregio",
    ):
        assert gevonden in tekst
    # An exact abbreviation comes first, then the names in order.
    assert tekst.index("Publiek Welzijn Zuid") < tekst.index("Dienst Gezondheid &amp; Jeugd")
    # The other kinds stay out.
    assert "Regionale uitvoeringsdienst" not in tekst
    assert "Sociale Dienst" not in tekst
    assert "Veiligheidsregio Drenthe" not in tekst
    tekst = paginatekst(client.get(reverse("raad:start"), {"q": "RUD"}))
    assert "1 samenwerkingsverband gevonden" in tekst
    # No empty heading for the kind that found nothing.
    assert "gemeenten gevonden" not in tekst
    assert "Regionale uitvoeringsdienst Zeeland</a>" in tekst
    assert [v["naam"] for v in _api_gevonden(client, "vr")] == [
        "Gemeenschappelijke Regeling Veiligheids- en Gezondheidsregio Gelderland-Midden",
        "Gemeenschappelijke regeling Veiligheidsregio Drenthe",
    ]


def test_search_on_a_kind_finds_the_arrangements_named_otherwise(
    client, admin_client, referentiedata
):
    """A search for "omgevingsdienst" missed the omgevingsdiensten named otherwise (FUMO in
    Friesland, DCMR, the RUD's): 44 gemeenten seemed to have none; one for "veiligheidsregio"
    missed VRBZO, whose name is its abbreviation; "brandweer" found 3 regelingen, none of the
    veiligheidsregio's that hold the brandweer; "ODNZKG" found nothing for "OD NZKG"."""
    _verbanden(
        ("Gemeenschappelijke regeling Fryske Utfieringstsjinst Miljeu en Omjouwing - 2022", "FUMO"),
        ("Gemeenschappelijke regeling DCMR Milieudienst Rijnmond 2015", "DCMR"),
        ("Gemeenschappelijke regeling Regionale uitvoeringsdienst Zeeland", "RUD Zeeland"),
        ("Gemeenschappelijke regeling Omgevingsdienst Noordzeekanaalgebied 2024", "OD NZKG"),
        ("Gemeenschappelijke Regeling VRBZO 2024", "VRBZO"),
        ("Gemeenschappelijke Regeling Brandweer Zuid-Limburg", ""),
        ("Gemeenschappelijke regeling Dienst Sociale Zaken Noardwest Fryslân", ""),
        ("Gemeenschappelijke regeling Gemeentelijke Gezondheidsdienst Zeeland", ""),
    )

    def gevonden(zoekterm: str) -> list[str]:
        return [v["afkorting"] or v["naam"] for v in _api_gevonden(client, zoekterm)]

    assert gevonden("omgevingsdienst") == ["DCMR", "FUMO", "OD NZKG", "RUD Zeeland"]
    assert gevonden("OD") == ["DCMR", "FUMO", "OD NZKG", "RUD Zeeland"]
    assert gevonden("veiligheidsregio") == ["VRBZO"]
    assert gevonden("brandweer") == ["Gemeenschappelijke Regeling Brandweer Zuid-Limburg", "VRBZO"]
    assert gevonden("ODNZKG") == ["OD NZKG"]
    tekst = paginatekst(client.get(reverse("raad:start"), {"q": "omgevingsdienst"}))
    assert "4 samenwerkingsverbanden gevonden" in tekst
    assert "Fryske Utfieringstsjinst Miljeu en Omjouwing - 2022</a>" in tekst
    # The admin's search as well.
    lijst = reverse("admin:samenwerking_samenwerkingsverband_changelist")
    antwoord = admin_client.get(lijst, {"q": "veiligheidsregio"})
    assert antwoord.status_code == 200
    # The search box says what it finds.
    assert "Een soort vindt ook de namen die haar voluit schrijven" in antwoord.content.decode()
    assert [v.afkorting for v in antwoord.context["cl"].result_list] == ["VRBZO"]
    antwoord = admin_client.get(lijst, {"q": "ODNZKG"})
    assert [v.afkorting for v in antwoord.context["cl"].result_list] == ["OD NZKG"]
    antwoord = admin_client.get(lijst, {"q": "omgevingsdienst"})
    assert sorted(v.afkorting for v in antwoord.context["cl"].result_list) == [
        "DCMR",
        "FUMO",
        "OD NZKG",
        "RUD Zeeland",
    ]


def test_search_lists_running_arrangements_before_ended_and_future_ones(client, referentiedata):
    """A search for "brandweer" opened with a brandweer regeling ended in 2012, above the
    veiligheidsregio's that hold the brandweer today."""
    vandaag = timezone.localdate()
    for naam, afkorting, begin, eind, historisch in [
        ("Gemeenschappelijke Regeling Brandweer Zuid-Limburg", "", None, D(2012, 1, 1), False),
        ("Brandweer Achterhoek (OpenGR)", "", None, None, True),
        ("Brandweer Nieuw", "", vandaag + datetime.timedelta(days=30), None, False),
        ("Gemeenschappelijke regeling Veiligheidsregio Drenthe", "VRD", None, None, False),
        ("Gemeenschappelijke regeling stadsgewestelijke brandweer", "", None, None, False),
    ]:
        f.SamenwerkingsverbandFactory(
            naam=naam,
            afkorting=afkorting,
            ingangsdatum=begin,
            einddatum=eind,
            alleen_historisch=historisch,
        )
    tekst = paginatekst(client.get(reverse("raad:start"), {"q": "brandweer"}))
    assert "5 samenwerkingsverbanden gevonden" in tekst
    volgorde = [
        "stadsgewestelijke brandweer</a>",
        "Veiligheidsregio Drenthe</a>",
        "Brandweer Achterhoek (OpenGR)</a>",
        "Brandweer Nieuw</a>",
        "Brandweer Zuid-Limburg</a>",
    ]
    assert sorted(volgorde, key=tekst.index) == volgorde
    in_werking = date_format(vandaag + datetime.timedelta(days=30), "j F Y")
    assert f"in werking per {in_werking}" in tekst
    assert "opgeheven per 1 januari 2012" in tekst
    assert "niet in het landelijk register (stand 2016)" in tekst


def test_search_of_several_words_finds_names_with_each_word(client, referentiedata):
    """A search for "ggd utrecht", "brandweer utrecht" or "afval utrecht" found nothing in
    the national register: no name holds the words side by side ("Gemeentelijke
    Gezondheidsdienst Regio Utrecht", "Veiligheidsregio Utrecht", "afvalverwijdering
    Utrecht"). Each word now matches on its own, a kind (GGD, brandweer) as a single word
    does; the whole term's matches first."""
    _verbanden(
        ("Gemeenschappelijke regeling Gemeentelijke Gezondheidsdienst Regio Utrecht", ""),
        ("Gemeenschappelijke regeling Veiligheidsregio Utrecht", "VRU"),
        ("Gemeenschappelijke Regeling afvalverwijdering Utrecht", ""),
        ("Gemeenschappelijke regeling Regionale ICT-dienst Utrecht", ""),
        ("Gemeenschappelijke Regeling GGD Zeeland", "GGD Zeeland"),
        ("Gemeenschappelijke Regeling Belastingsamenwerking West-Brabant", ""),
    )

    def gevonden(zoekterm: str) -> list[str]:
        return [
            v["naam"].removeprefix("Gemeenschappelijke ") for v in _api_gevonden(client, zoekterm)
        ]

    # The search box's hint gives such a search as its example, also on the 404 page.
    hint = "bijvoorbeeld Den Haag, Súdwest-Fryslân, GM0363 of GGD Utrecht."
    assert hint in paginatekst(client.get(reverse("raad:start")))
    niet_gevonden = client.get("/gemeenten/GM9999/")
    assert niet_gevonden.status_code == 404
    assert hint in paginatekst(niet_gevonden)
    tekst = paginatekst(client.get(reverse("raad:start"), {"q": "ggd utrecht"}))
    assert "1 samenwerkingsverband gevonden" in tekst
    assert "Gemeentelijke Gezondheidsdienst Regio Utrecht</a>" in tekst
    assert "Niets gevonden" not in tekst
    assert gevonden("ggd utrecht") == ["regeling Gemeentelijke Gezondheidsdienst Regio Utrecht"]
    assert gevonden("brandweer utrecht") == ["regeling Veiligheidsregio Utrecht"]
    assert gevonden("Afval Utrecht") == ["Regeling afvalverwijdering Utrecht"]
    assert gevonden("vr utrecht") == ["regeling Veiligheidsregio Utrecht"]
    # A word of one or two letters at the start of a word in the name only: "ic", not "ct".
    assert gevonden("ic utrecht") == ["regeling Regionale ICT-dienst Utrecht"]
    assert gevonden("ct utrecht") == []
    # A plural in -en also as its singular in a compound: "belastingen" in
    # "Belastingsamenwerking".
    assert gevonden("belastingen west-brabant") == ["Regeling Belastingsamenwerking West-Brabant"]
    assert gevonden("belastingen") == ["Regeling Belastingsamenwerking West-Brabant"]
    # Every word must match: GGD Zeeland is not in Utrecht, nothing is a GGD in Friesland.
    assert gevonden("ggd zeeland") == ["Regeling GGD Zeeland"]
    assert gevonden("ggd friesland") == []
    # The names holding "regio utrecht" as it was typed, then those with each word apart.
    assert gevonden("regio utrecht") == [
        "regeling Gemeentelijke Gezondheidsdienst Regio Utrecht",
        "regeling Veiligheidsregio Utrecht",
        "regeling Regionale ICT-dienst Utrecht",
    ]


def test_a_search_word_by_word_does_not_need_the_small_words(client, referentiedata):
    """ "dienst gezondheid en jeugd" found nothing: the register writes "Dienst Gezondheid &
    Jeugd", and every word of the term, "en" too, had to be in the name. Small words ("en",
    "de", "van") are no longer needed; a term of small words only still needs them."""
    _verbanden(
        ("Gemeenschappelijke regeling Dienst Gezondheid & Jeugd Zuid-Holland Zuid", ""),
        ("Gemeenschappelijke regeling Regio De Baronie", ""),
        ("Gemeenschappelijke regeling Jeugd en Gezin", ""),
    )
    dgj = ["Gemeenschappelijke regeling Dienst Gezondheid & Jeugd Zuid-Holland Zuid"]
    assert [v["naam"] for v in _api_gevonden(client, "dienst gezondheid en jeugd")] == dgj
    assert [v["naam"] for v in _api_gevonden(client, "jeugd van zuid-holland")] == dgj
    assert [v["naam"] for v in _api_gevonden(client, "van de")] == []
    tekst = paginatekst(client.get(reverse("raad:start"), {"q": "Dienst Gezondheid en Jeugd"}))
    assert "1 samenwerkingsverband gevonden" in tekst
    assert "Dienst Gezondheid &amp; Jeugd Zuid-Holland Zuid</a>" in tekst
    assert "Niets gevonden" not in tekst


def test_a_search_in_the_plural_finds_what_the_singular_finds(client, referentiedata):
    """ "veiligheidsregio's" and "GGD's" found nothing (the apostrophe split off an "s" that no
    name holds), "omgevingsdiensten" only the names with "omgevingsdienst" in them (not
    FUMO, which "omgevingsdienst" finds), "archieven" and "recreatieschappen" nothing. A plural
    now finds what its singular finds."""
    _verbanden(
        ("Gemeenschappelijke regeling Veiligheidsregio Utrecht", "VRU"),
        ("Gemeenschappelijke Regeling GGD Zeeland", "GGD Zeeland"),
        ("Gemeenschappelijke regeling Omgevingsdienst Regio Utrecht", ""),
        ("Fryske Utfieringstsjinst Miljeu en Omjouwing", "FUMO"),
        ("Gemeenschappelijke regeling Regionaal Archief Rivierenland", ""),
        ("Recreatieschap Drenthe", ""),
    )

    def gevonden(zoekterm: str) -> list[str]:
        return sorted(v["naam"] for v in _api_gevonden(client, zoekterm))

    for meervoud, enkelvoud in [
        ("veiligheidsregio's", "veiligheidsregio"),
        ("veiligheidsregios", "veiligheidsregio"),
        ("GGD's", "ggd"),
        ("GGD’s Zeeland", "ggd zeeland"),
        ("GGDs", "ggd"),
        ("VRs", "vr"),
        ("omgevingsdiensten", "omgevingsdienst"),
        ("archieven", "archief"),
        ("recreatieschappen", "recreatieschap"),
    ]:
        assert gevonden(meervoud) == gevonden(enkelvoud) != [], meervoud
    assert gevonden("omgevingsdiensten") == [
        "Fryske Utfieringstsjinst Miljeu en Omjouwing",
        "Gemeenschappelijke regeling Omgevingsdienst Regio Utrecht",
    ]
    # What the griffier sees on the start page.
    tekst = paginatekst(client.get(reverse("raad:start"), {"q": "veiligheidsregio's"}))
    assert "1 samenwerkingsverband gevonden" in tekst
    assert "Veiligheidsregio Utrecht</a>" in tekst
    assert "Niets gevonden" not in tekst
    assert "Elk woord apart" not in tekst


def test_search_lists_several_gemeenten_with_code_and_provincie(client, referentiedata):
    tekst = paginatekst(client.get(reverse("raad:start"), {"q": "bergen"}))
    assert "6 gemeenten gevonden" in tekst
    assert "samenwerkingsverbanden gevonden" not in tekst
    assert 'Bergen (NH.)</a> <span class="bijschrift">GM0373 · Noord-Holland' in tekst


def test_search_for_a_disappeared_gemeente_shows_when_it_ended(client, referentiedata):
    tekst = paginatekst(client.get(reverse("raad:start"), {"q": "Haaren"}))
    assert "opgeheven per 1 januari 2021" in tekst


def test_search_without_result_says_what_to_try(client, referentiedata):
    tekst = paginatekst(client.get(reverse("raad:start"), {"q": "Atlantis"}))
    assert "Niets gevonden voor „Atlantis”" in tekst
    assert "gevonden</h2>" not in tekst
    assert "Bedoelt u" not in tekst  # no gemeente's name is nearly "Atlantis"


def test_a_search_term_with_a_nul_character_is_refused_with_what_to_do(client, referentiedata):
    antwoord = client.get(reverse("raad:start"), {"q": "Utrecht\x00"})
    assert antwoord.status_code == 400
    assert (
        "Zoek een gemeente of samenwerkingsverband: de zoekterm bevat een onzichtbaar nulteken. "
        "Typ hem opnieuw."
    ) in paginatekst(antwoord)


@pytest.mark.parametrize(
    ("zoekterm", "bedoeld"),
    [
        ("Utrect", '<a href="/gemeenten/GM0344/">Utrecht</a>'),
        ("sudwest frieslan", '<a href="/gemeenten/GM1900/">Súdwest-Fryslân</a>'),
        ("Den Hag", '<a href="/gemeenten/GM0518/">&#x27;s-Gravenhage</a>'),
        # Both Bergens, and a gemeente that is no more says since when.
        (
            "Bergn",
            '<a href="/gemeenten/GM0893/">Bergen (L.)</a> of '
            '<a href="/gemeenten/GM0373/">Bergen (NH.)</a>',
        ),
        ("Ten Bor", '<a href="/gemeenten/GM0009/">Ten Boer</a> (opgeheven per 1 januari 2019)'),
    ],
)
def test_search_with_a_typing_error_offers_the_gemeente_meant(
    client, referentiedata, zoekterm, bedoeld
):
    antwoord = client.get(reverse("raad:start"), {"q": zoekterm})
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert f"Niets gevonden voor „{zoekterm}”" in tekst
    assert f'<p class="bedoeld">Bedoelt u {bedoeld}?</p>' in tekst


def test_search_with_a_typing_error_in_an_arrangement_offers_the_term_put_right(
    client, referentiedata
):
    """A search for "omgevingdienst" or "ggd utrect" found nothing and offered gemeenten only.
    The page now offers the term with each unknown word replaced by the nearest word in the
    arrangements' names, when that term finds arrangements, linked to its search."""
    _verbanden(
        ("Gemeenschappelijke Regeling Omgevingsdienst regio Utrecht", "ODRU"),
        ("Gemeenschappelijke regeling Gemeentelijke Gezondheidsdienst Regio Utrecht", ""),
        ("Gemeenschappelijke Regeling afvalverwijdering Utrecht", ""),
        ("Gemeenschappelijke Regeling GGD Zeeland", "GGD Zeeland"),
    )
    for zoekterm, verbeterd in [
        ("omgevingdienst", "omgevingsdienst"),
        ("GGD Utrect", "ggd utrecht"),
        ("afvalverwijderng", "afvalverwijdering"),
    ]:
        tekst = paginatekst(client.get(reverse("raad:start"), {"q": zoekterm}))
        assert f"Niets gevonden voor „{zoekterm}”" in tekst
        adres = f"/?q={verbeterd.replace(' ', '%20')}"
        assert f'<p class="bedoeld">Bedoelt u <a href="{adres}">„{verbeterd}”</a>?</p>' in tekst
        gevolgd = paginatekst(client.get(adres))
        assert "1 samenwerkingsverband gevonden" in gevolgd
    # Nothing close, or words put right that no one arrangement holds together: no suggestion.
    for zoekterm in ("Atlantis", "afvalverwijderng zeeland"):
        tekst = paginatekst(client.get(reverse("raad:start"), {"q": zoekterm}))
        assert f"Niets gevonden voor „{zoekterm}”" in tekst
        assert "Bedoelt u" not in tekst
    # A gemeente a typing error away is the suggestion, not a search.
    tekst = paginatekst(client.get(reverse("raad:start"), {"q": "Utrect"}))
    assert '<p class="bedoeld">Bedoelt u <a href="/gemeenten/GM0344/">Utrecht</a>?</p>' in tekst


def test_search_of_words_no_arrangement_holds_together_offers_each_word(client, referentiedata):
    """A search for "ggd twente" found nothing: GGD Twente is part of SamenTwente, and no name
    holds both words. The page now lists each word that finds arrangements on its own, with
    how many, linked to its search; small words such as "de" stay out."""
    _verbanden(
        ("Gemeenschappelijke Regeling GGD Zeeland", "GGD Zeeland"),
        ("Gemeenschappelijke Regeling SamenTwente", ""),
        ("Gemeenschappelijke regeling Omgevingsdienst Twente", "ODT"),
    )
    tekst = paginatekst(client.get(reverse("raad:start"), {"q": "GGD de Twente"}))
    assert "Niets gevonden voor „GGD de Twente”" in tekst
    assert (
        '<p class="bedoeld">Geen samenwerkingsverband heeft al deze woorden. Elk woord apart: '
        '<a href="/?q=ggd">„ggd”</a> (1 samenwerkingsverband), '
        '<a href="/?q=twente">„twente”</a> (2 samenwerkingsverbanden).</p>'
    ) in tekst
    gevolgd = paginatekst(client.get("/?q=twente"))
    assert "2 samenwerkingsverbanden gevonden" in gevolgd
    assert "Gemeenschappelijke Regeling SamenTwente</a>" in gevolgd
    # A word that finds nothing alone is left out; one word alone gets no list.
    tekst = paginatekst(client.get(reverse("raad:start"), {"q": "ggd atlantis"}))
    assert 'Elk woord apart: <a href="/?q=ggd">„ggd”</a> (1 samenwerkingsverband).</p>' in tekst
    tekst = paginatekst(client.get(reverse("raad:start"), {"q": "Atlantis"}))
    assert "Elk woord apart" not in tekst
    assert "Bedoelt u" not in tekst


def test_start_page_shows_national_figures(client, referentiedata):
    amsterdam = Gemeente.objects.get(cbs_code="GM0363")
    for vorm in (Vorm.OPENBAAR_LICHAAM, Vorm.OPENBAAR_LICHAAM, Vorm.REGELING_ZONDER_MEER):
        f.DeelnameFactory(gemeente=amsterdam, samenwerkingsverband__vorm=vorm)
    f.SamenwerkingsverbandFactory(einddatum=D(2020, 1, 1))  # no longer running
    tekst = paginatekst(client.get(reverse("raad:start")))
    assert "<strong>342</strong> gemeenten" in tekst
    assert "<strong>3</strong> lopende samenwerkingsverbanden" in tekst
    assert "<strong>0,0</strong> verbanden per gemeente gemiddeld" in tekst  # 3 / 342
    assert '<th scope="row">Openbaar lichaam</th><td>OL</td><td class="getal">2</td>' in (
        tekst.replace("> <", "><")
    )


@pytest.mark.parametrize("aantal", [1, 30])
def test_start_page_query_count(client, referentiedata, aantal, django_assert_num_queries):
    f.SamenwerkingsverbandFactory.create_batch(aantal, naam="Bergen regeling")
    # 1 gemeenten matched in Python, 2 arrangements matched in Python, 3 per vorm,
    # 4 current gemeenten, 5 running deelnames of gemeenten, 6 arrangements per source,
    # 7 the newest import of the national register.
    with django_assert_num_queries(7):
        antwoord = client.get(reverse("raad:start"), {"q": "berg"})
    assert f"{aantal} samenwerkingsverband" in paginatekst(antwoord)


@pytest.mark.parametrize("aantal", [1, 30])
def test_start_page_query_count_when_nothing_is_found(
    client, referentiedata, aantal, django_assert_num_queries
):
    f.SamenwerkingsverbandFactory.create_batch(aantal, naam="Bergen regeling")
    # The seven above, and 8: the gemeenten whose name is nearly the term.
    with django_assert_num_queries(8):
        antwoord = client.get(reverse("raad:start"), {"q": "Utrect"})
    assert 'Bedoelt u <a href="/gemeenten/GM0344/">Utrecht</a>?' in paginatekst(antwoord)
    # No gemeente near it: 9, the arrangements' words to put the term right with.
    with django_assert_num_queries(9):
        antwoord = client.get(reverse("raad:start"), {"q": "Bergen regelng"})
    assert 'Bedoelt u <a href="/?q=bergen%20regeling">„bergen regeling”</a>?' in paginatekst(
        antwoord
    )
    # Words that no arrangement holds together: 9 as well, each word counted on the same rows.
    with django_assert_num_queries(9):
        antwoord = client.get(reverse("raad:start"), {"q": "regeling atlantis"})
    assert f'<a href="/?q=regeling">„regeling”</a> ({aantal} samenwerkingsverband' in paginatekst(
        antwoord
    )
