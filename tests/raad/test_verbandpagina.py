"""An arrangement's page as server-rendered HTML: form, members, boards, money, documents,
charts, its parts and the arrangements it points to; a helpful 404; query count."""

import datetime
from decimal import Decimal

import pytest

from samenwerking.constants import Functie, JaarcijfersSoort, ZetelRol
from samenwerking.models import Gemeente
from tests import factories as f
from tests.pagina import paginatekst
from tests.raad.paginahulp import PEIL
from tests.raad.paginahulp import verband_met_alles as _verband_met_alles

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def ggd(zaanstad):
    deelname = _verband_met_alles(zaanstad, "GGD Zaanstreek-Waterland", "2000000", vorig="1900000")
    verband = deelname.samenwerkingsverband
    verband.doel = "Publieke gezondheidszorg voor de regio."
    verband.save()
    oostzaan = Gemeente.objects.get(cbs_code="GM0431")
    oud = f.DeelnameFactory(
        samenwerkingsverband=verband,
        gemeente=oostzaan,
        toetredingsdatum=D(2010, 1, 1),
        uittredingsdatum=D(2020, 1, 1),
        verdeelsleutel=Decimal("3.5"),
    )
    f.BijdrageFactory(deelname=oud, jaar=2019, bedrag=Decimal("70000"))
    f.JaarcijfersFactory(
        samenwerkingsverband=verband,
        jaar=2024,
        eigen_vermogen_eind=Decimal("-250000"),
        vreemd_vermogen_eind=Decimal("4000000"),
        risicos="Loonkosten stijgen.",
    )
    f.DocumentFactory(samenwerkingsverband=verband, titel="Begroting 2025", jaar=2025)
    return verband


def test_arrangement_page_shows_form_members_boards_money_documents(client, ggd):
    tekst = paginatekst(client.get(f"/samenwerkingsverbanden/{ggd.slug}/", PEIL))
    assert "<h1>GGD Zaanstreek-Waterland" in tekst
    assert "Zelfstandige rechtspersoon met een algemeen bestuur" in tekst  # what the form means
    assert "Publieke gezondheidszorg voor de regio." in tekst
    assert "1 deelnemer op 1 juni 2025" in tekst
    assert 'Oostzaan</a> <span class="bijschrift">(niet op de peildatum)</span>' in tekst
    assert "1 januari 2010 – 1 januari 2020" in tekst and "3,5%" in tekst
    assert '<th scope="row">M. Moussa</th> <td>Zaanstad</td> <td>Wethouder</td>' in tekst
    assert '<th scope="row">2019</th><td class="getal">€ 70.000</td>' in tekst.replace("> <", "><")
    assert "−€ 250.000" in tekst and "€ 4.000.000" in tekst
    assert "Loonkosten stijgen." in tekst
    assert "Begroting 2025</a>" in tekst
    assert tekst.count("<svg") == 4  # per year, per deelnemer, vermogen, resultaat
    assert "Wgr 2022: wat de regeling heeft geregeld" in tekst


def test_documents_newest_first_and_the_undated_ones_last(client, ggd):
    """The register's documents have no year or date; on PostgreSQL (production) they stood
    above the newest begroting, on SQLite (`make run`) below the oldest."""
    for titel, jaar, datum in [
        ("Regelingtekst uit het register", None, None),
        ("Jaarrekening 2023", 2023, D(2024, 6, 30)),
        ("Begroting 2026", 2026, None),
    ]:
        f.DocumentFactory(samenwerkingsverband=ggd, titel=titel, jaar=jaar, datum=datum)
    tekst = paginatekst(client.get(f"/samenwerkingsverbanden/{ggd.slug}/", PEIL))
    volgorde = [
        "Begroting 2026</a>",
        "Begroting 2025</a>",
        "Jaarrekening 2023</a>",
        "Regelingtekst uit het register</a>",
    ]
    assert sorted(volgorde, key=tekst.index) == volgorde
    # The API's list in the same order.
    antwoord = client.get("/api/v1/documenten", {"samenwerkingsverband": str(ggd.uuid)})
    assert antwoord.status_code == 200
    assert [d["titel"] for d in antwoord.json()["results"]] == [
        titel.removesuffix("</a>") for titel in volgorde
    ]


def test_a_source_document_without_a_link_is_named_not_linked_to_nothing(client, ggd):
    """A document may have no address: its title is shown, not a link that reloads the page."""
    f.JaarcijfersFactory(
        samenwerkingsverband=ggd,
        jaar=2025,
        bron_document=f.DocumentFactory(samenwerkingsverband=ggd, titel="Jaarstukken", url=""),
    )
    tekst = paginatekst(client.get(f"/samenwerkingsverbanden/{ggd.slug}/", PEIL))
    assert 'href=""' not in tekst
    assert '<span class="bijschrift">(Jaarstukken)</span>' in tekst


def test_arrangement_charts_draw_a_bar_per_amount_with_escaped_labels(client, zaanstad):
    verband = f.SamenwerkingsverbandFactory()
    for naam, bedrag in [
        ("Stichting <Groen> & Co, een heel erg lange naam", "1500"),
        ("Kort", "-250"),
    ]:
        deelname = f.DeelnameFactory(
            samenwerkingsverband=verband,
            gemeente=None,
            organisatie=f.OrganisatieFactory(naam=naam),
        )
        f.BijdrageFactory(deelname=deelname, jaar=2025, bedrag=Decimal(bedrag))
    html = client.get(f"/samenwerkingsverbanden/{verband.slug}/", PEIL).content.decode()
    grafiek = html.split("<h3>Bijdragen per deelnemer")[1].split("</figure>")[0]
    # The label: escaped and written in full, in lines of at most 30 characters (it was cut
    # off at 30, and names sharing their start could not be told apart); the bars: one per
    # known amount, the amount in the bar's title and beside it.
    assert ">Stichting &lt;Groen&gt; &amp; Co, een<tspan " in grafiek
    assert '">heel erg lange naam</tspan></text>' in grafiek
    assert "…" not in grafiek
    assert "<Groen>" not in grafiek
    assert grafiek.count("<rect ") == 2
    assert "<title>€ 1.500</title>" in grafiek and ">€ 1.500</text>" in grafiek
    assert "<title>−€ 250</title>" in grafiek
    assert 'class="nullijn"' in grafiek


def test_a_bijdrage_of_zero_is_drawn_and_an_unknown_one_is_not(client, zaanstad):
    """€ 0 is a known amount: that deelnemer has its place in the chart per deelnemer; one
    without any bijdrage in the year has none (unknown is never drawn as 0)."""
    verband = f.SamenwerkingsverbandFactory()
    for naam, bedrag in [("Betaalt", "1500"), ("Betaalt niets", "0"), ("Onbekend", None)]:
        deelname = f.DeelnameFactory(
            samenwerkingsverband=verband, gemeente=None, organisatie=f.OrganisatieFactory(naam=naam)
        )
        if bedrag is not None:
            f.BijdrageFactory(deelname=deelname, jaar=2025, bedrag=Decimal(bedrag))
    html = client.get(f"/samenwerkingsverbanden/{verband.slug}/", PEIL).content.decode()
    grafiek = html.split("<h3>Bijdragen per deelnemer")[1].split("</figure>")[0]
    assert ">Betaalt niets<" in grafiek and "<title>€ 0</title>" in grafiek
    assert ">Onbekend<" not in grafiek


def test_unknown_arrangement_is_a_helpful_404(client):
    antwoord = client.get("/samenwerkingsverbanden/00000000-0000-0000-0000-000000000000/")
    assert antwoord.status_code == 404
    assert "Er is geen samenwerkingsverband met kenmerk 00000000-0000-0000-0000-000000000000." in (
        paginatekst(antwoord)
    )


def test_arrangement_page_lists_its_parts_and_historical_mentions_apart(client):
    # Both are read in one query; each belongs in its own list, by name.
    verband = f.SamenwerkingsverbandFactory(naam="Regio Groot", slug="regio-groot")
    f.SamenwerkingsverbandFactory(naam="Onderdeel B", slug="onderdeel-b", bovenliggend=verband)
    f.SamenwerkingsverbandFactory(naam="Onderdeel A", slug="onderdeel-a", bovenliggend=verband)
    f.SamenwerkingsverbandFactory(
        naam="Regio Groot (2016)",
        slug="regio-groot-2016",
        alleen_historisch=True,
        in_landelijk_register=verband,
    )
    antwoord = client.get("/samenwerkingsverbanden/regio-groot/", PEIL)
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    onderdelen = tekst.split("<dt>Onderdelen</dt>")[1].split("</dd>")[0]
    assert onderdelen == (
        '<dd><ul class="komma"><li><a href="/samenwerkingsverbanden/onderdeel-a/">Onderdeel A'
        '</a></li><li><a href="/samenwerkingsverbanden/onderdeel-b/">Onderdeel B</a></li></ul>'
    )
    eerder = tekst.split("<dt>Eerder vermeld in OpenGR (2016) als</dt>")[1].split("</dd>")[0]
    assert eerder == (
        '<dd><ul class="komma"><li><a href="/samenwerkingsverbanden/regio-groot-2016/">'
        "Regio Groot (2016)</a></li></ul>"
    )


def test_arrangement_page_links_the_arrangements_it_points_to(client):
    # Read with its nested arrangements (one query), not joined to the arrangement itself.
    ouder = f.SamenwerkingsverbandFactory(naam="Regio Groot", slug="regio-groot")
    vorige = f.SamenwerkingsverbandFactory(naam="Regio Oud", slug="regio-oud")
    verband = f.SamenwerkingsverbandFactory(
        naam="Regio Klein", slug="regio-klein", bovenliggend=ouder, vorige_versie=vorige
    )
    f.SamenwerkingsverbandFactory(naam="Regio Klein Onderdeel", bovenliggend=verband)
    tekst = paginatekst(client.get("/samenwerkingsverbanden/regio-klein/", PEIL))
    assert '<dt>Onderdeel van</dt><dd><a href="/samenwerkingsverbanden/regio-groot/">' in tekst
    assert '<dt>Vorige versie</dt><dd><a href="/samenwerkingsverbanden/regio-oud/">' in tekst
    assert ">Regio Klein Onderdeel</a></li></ul>" in tekst.split("<dt>Onderdelen</dt>")[1]
    f.SamenwerkingsverbandFactory(
        naam="Regio Klein (2016)",
        slug="regio-klein-2016",
        alleen_historisch=True,
        in_landelijk_register=verband,
    )
    antwoord = client.get("/samenwerkingsverbanden/regio-klein-2016/", PEIL)
    assert antwoord.status_code == 200
    assert 'als <a href="/samenwerkingsverbanden/regio-klein/">Regio Klein</a>' in paginatekst(
        antwoord
    )


def test_arrangement_page_writes_the_labels_of_each_row(client):
    # Each distinct label is translated once per page; every row still shows its own.
    verband = f.SamenwerkingsverbandFactory(slug="regeling-met-rollen")
    orgaan = f.BestuursorgaanFactory(samenwerkingsverband=verband)
    for rol, organen, functie, zetelrol in [
        ("deelnemer", ["raad", "college"], Functie.WETHOUDER, ZetelRol.LID),
        ("centrumgemeente", [], Functie.BURGEMEESTER, ZetelRol.VOORZITTER),
        ("deelnemer", ["raad", "college"], Functie.WETHOUDER, ZetelRol.PLAATSVERVANGER),
    ]:
        deelname = f.DeelnameFactory(
            samenwerkingsverband=verband, rol=rol, deelnemende_bestuursorganen=organen
        )
        f.ZetelFactory(deelname=deelname, bestuursorgaan=orgaan, functie=functie, rol=zetelrol)
    tekst = paginatekst(client.get("/samenwerkingsverbanden/regeling-met-rollen/", PEIL))
    deelnemers = tekst.split('id="deelnemers"')[1].split("</section>")[0]
    assert deelnemers.count("<td>Deelnemer</td>") == 2
    assert deelnemers.count("<td>Centrumgemeente</td>") == 1
    assert deelnemers.count("<td>Gemeenteraad, College van burgemeester en wethouders</td>") == 2
    assert deelnemers.count("<td>onbekend</td>") == 1
    zetels = tekst.split('id="besturen"')[1].split("</section>")[0]
    assert zetels.count("<td>Wethouder</td>") == 2 and zetels.count("<td>Burgemeester</td>") == 1
    assert "<td>Lid</td>" in zetels and "<td>Voorzitter</td>" in zetels
    assert "<td>Plaatsvervangend lid</td>" in zetels


@pytest.mark.parametrize("aantal", [1, 30])
def test_arrangement_page_query_count(client, zaanstad, aantal, django_assert_num_queries):
    verband = f.SamenwerkingsverbandFactory(slug="regeling-met-alles")
    orgaan = f.BestuursorgaanFactory(samenwerkingsverband=verband)
    for i in range(aantal):
        deelname = f.DeelnameFactory(samenwerkingsverband=verband)
        f.ZetelFactory(deelname=deelname, bestuursorgaan=orgaan)
        f.BijdrageFactory(deelname=deelname, jaar=2025)
        f.JaarcijfersFactory(
            samenwerkingsverband=verband,
            jaar=2000 + i,
            soort=JaarcijfersSoort.BEGROTING,
            bron_document=f.DocumentFactory(samenwerkingsverband=verband),
        )
        f.WettelijkeGrondslagFactory(samenwerkingsverband=verband)
        # A subthema whose hoofdthema the verband does not have itself.
        f.DomeinFactory(naam=f"thema {i}")
        verband.domeinen.add(f.DomeinFactory(naam=f"thema {i} | deel"))
    # 1 arrangement with centrumgemeente and executing organisation, 2-5 domeinen, grondslagen,
    # bevoegdheden, documenten, 6 deelnames, 7 their bijdragen of the year and the year before
    # (summed per deelname), 8 organs, 9 seats, 10 bijdragen per year, 11 jaarcijfers with
    # source document, 12 nested arrangements, the historical mentions linked to it and the
    # arrangements it points to (parent, previous version; one query), 13 evaluaties, 14 the
    # vaststellingsvergaderingen of the past year on and of the year (meetings and P&C
    # termijnen), 15-16 P&C rules and overrides, 17-18 meetings and
    # zienswijze requests of the past year on (13-18: raad.kalender), 19 versions in the
    # national register, 20 the bijdragen per inwoner (sums per gemeente, with their
    # inwoners), 21 "laatst gewijzigd in regioreg": the latest change by people over the
    # history tables, 22-23 the raden's kaders and the doelen (without doelen their
    # indicators and values are not read), 24 the hoofdthema's of its subthema's.
    with django_assert_num_queries(24):
        antwoord = client.get("/samenwerkingsverbanden/regeling-met-alles/", PEIL)
    assert f"{aantal} deelnemer" in paginatekst(antwoord)
    # The way back to a deelnemer (?gemeente=) is found among the deelnames read: no query.
    deelnemer = verband.deelnames.first().gemeente
    with django_assert_num_queries(24):
        antwoord = client.get(
            "/samenwerkingsverbanden/regeling-met-alles/",
            {**PEIL, "gemeente": deelnemer.cbs_code},
        )
    assert f'<span aria-current="page">{verband.naam}</span>' in paginatekst(antwoord)
    assert f">{deelnemer.naam}</a> › <span" in paginatekst(antwoord)
    # The UUID address: one query for the slug, then a permanent redirect.
    with django_assert_num_queries(1):
        antwoord = client.get(f"/samenwerkingsverbanden/{verband.uuid}/", PEIL)
    assert antwoord.status_code == 301


def test_domeinen_stand_under_their_hoofdthema(client, zaanstad):
    """An omgevingsdienst in the national register has eight beleidsterreinen, most of them
    subthema's of one hoofdthema; the page listed "natuur en milieu | afval, natuur en milieu
    | bodem, …" in one run. Now a line per hoofdthema, each domein still a link, and the
    hoofdthema a link to its page (with its subthema's) also when the verband is filed only
    under a subthema of it."""
    verband = f.SamenwerkingsverbandFactory(slug="omgevingsdienst")
    namen = ["natuur en milieu | water", "economie | energie", "natuur en milieu | afval"]
    namen += ["natuur en milieu", "recht", "internationaal | Europese zaken"]
    for i, naam in enumerate(namen):
        verband.domeinen.add(f.DomeinFactory(code=f"d{i}", naam=naam))
    f.DomeinFactory(code="proef-economie", naam="economie")  # not the verband's own
    antwoord = client.get("/samenwerkingsverbanden/omgevingsdienst/", PEIL)
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    dd = tekst.split("<dt>Domeinen</dt>")[1].split("</dd>")[0].strip()
    link = '<a href="/domeinen/{}/?jaar=2025" title="Vergelijk de kosten per inwoner met de '
    link += 'andere regelingen van dit domein">{}</a>'
    assert dd == (
        '<dd><ul class="kaal">'
        f"<li>{link.format('proef-economie', 'economie')}: {link.format('d1', 'energie')}</li>"
        f"<li>internationaal: {link.format('d5', 'Europese zaken')}</li>"
        f"<li>{link.format('d3', 'natuur en milieu')}: {link.format('d2', 'afval')}, "
        f"{link.format('d0', 'water')}</li>"
        f"<li>{link.format('d4', 'recht')}</li></ul>"
    )


def test_a_glued_list_in_the_doel_is_shown_one_item_a_line(client, zaanstad):
    """The national register's export lost the line breaks of many lists (30 of its doelen and
    36 of its articles read "…door:- de kosten te verlagen;- de kwaliteit …"). The page shows
    each item on a line; the text stored stays as the register wrote it."""
    doel = (
        "Voordelen voor Noord-Holland door:- de kosten te verlagen;-de kwaliteit te verhogen;"
        "- <b>minder</b> kwetsbaar"
    )
    verband = f.SamenwerkingsverbandFactory(slug="glad", doel=doel)
    f.BevoegdheidFactory(samenwerkingsverband=verband, omschrijving="Taken:-\xadarchief;- toezicht")
    antwoord = client.get("/samenwerkingsverbanden/glad/", PEIL)
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert (
        "<dd>Voordelen voor Noord-Holland door:<br>- de kosten te verlagen;<br>- de kwaliteit te "
        "verhogen;<br>- &lt;b&gt;minder&lt;/b&gt; kwetsbaar</dd>"
    ) in tekst
    assert "<dd>Taken:<br>- archief;<br>- toezicht</dd>" in tekst
    verband.refresh_from_db()
    assert verband.doel == doel


def test_glued_sentences_are_shown_one_a_line(client, zaanstad):
    """64 doelen and 96 articles of the register's export have a sentence glued to the one
    before ("…verantwoording verschuldigd aan de ombudsman.In een apart besluit…"). It starts
    a line; "o.a.", "B.V." and "art. 4" (one letter, or a space, before the next word) stay."""
    doel = (
        "Verantwoording aan de ombudsman.In een apart besluit wordt dit geregeld;Leerplicht "
        "o.a.De Stichting B.V.Noord en art. Vijf."
    )
    f.SamenwerkingsverbandFactory(slug="zinnen", doel=doel)
    antwoord = client.get("/samenwerkingsverbanden/zinnen/", PEIL)
    assert antwoord.status_code == 200
    assert (
        "<dd>Verantwoording aan de ombudsman.<br>In een apart besluit wordt dit geregeld;"
        "<br>Leerplicht o.a.De Stichting B.V.Noord en art. Vijf.</dd>"
    ) in paginatekst(antwoord)


def test_glued_members_and_lettered_items_are_shown_one_a_line(client, zaanstad):
    """In the register's export 175 of the 1,082 doelen and 885 of the 1,350 articles have a
    member glued to the sentence before it ("…zijn opgedragen.2. De dienst…"), 177 and 473 a
    lettered item ("…terreinen:a. brandweerzorg;b. …"). Each starts a line; a section number
    ("artikel 4.2. De") and "o.a. de" stay as they are."""
    artikel = (
        "1. De dienst voert de taken uit die aan haar zijn opgedragen.2. Het bestuur is "
        "bevoegd tot:a. het vaststellen van verordeningen;b. het aangaan van overeenkomsten, "
        "o.a. de huur.3. Zie artikel 4.2. De rest."
    )
    verband = f.SamenwerkingsverbandFactory(slug="leden", doel="Doel:a. brandweerzorg;b. GHOR")
    f.BevoegdheidFactory(samenwerkingsverband=verband, artikel="Artikel 6", omschrijving=artikel)
    antwoord = client.get("/samenwerkingsverbanden/leden/", PEIL)
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert "<dd>Doel:<br>a. brandweerzorg;<br>b. GHOR</dd>" in tekst
    assert (
        "<dt>Artikel 6</dt><dd>1. De dienst voert de taken uit die aan haar zijn opgedragen."
        "<br>2. Het bestuur is bevoegd tot:<br>a. het vaststellen van verordeningen;"
        "<br>b. het aangaan van overeenkomsten, o.a. de huur.<br>3. Zie artikel 4.2. De rest.</dd>"
    ) in tekst
    assert verband.bevoegdheden.get().omschrijving == artikel
    # The gemeente's art. 27-register shows the articles the same way (it showed them glued).
    f.DeelnameFactory(samenwerkingsverband=verband, gemeente=zaanstad)
    antwoord = client.get("/gemeenten/GM0479/register/", PEIL)
    assert antwoord.status_code == 200
    assert (
        '<span class="bijschrift">Artikel 6:</span> 1. De dienst voert de taken uit die aan haar '
        "zijn opgedragen.<br>2. Het bestuur is bevoegd tot:<br>a. het vaststellen"
    ) in paginatekst(antwoord)
