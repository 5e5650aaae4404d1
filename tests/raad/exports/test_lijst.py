"""The verbonden-partijen list (BBV art. 15) as a page: its categories, reasons, sums and
refusals."""

from decimal import Decimal

import pytest
from django.utils import timezone

from raad.selectors import verbonden_partijen
from tests.raad.exports.hulp import URL

pytestmark = pytest.mark.django_db


def test_each_partij_lands_in_its_category_with_its_reason(zaanstad):
    lijst = verbonden_partijen(zaanstad, jaar=2025, modus="begroting")
    per_categorie = {c.code: [p.verband.naam for p in c.partijen] for c in lijst.categorieen}
    assert per_categorie == {
        "gemeenschappelijke_regeling": ["GGD Zaanstreek-Waterland"],
        "vennootschap_cooperatie": [],
        "stichting_vereniging": ["Stichting Zaans Erfgoed"],
        "overig": [],
    }
    overige = {p.verband.naam: p.deelname.bbv_redenen for p in lijst.overige.partijen}
    assert overige == {
        "Recreatieschap Twiske-Waterland": "bestuurlijk belang: vastgelegd: alleen een "
        "adviserende stem in het bestuur; financieel belang: bijdrage 2025",
        "Regeling leerlingenvervoer": "Regeling zonder meer: geen eigen rechtspersoon, daarom "
        "standaard geen verbonden partij (een secretariaat kan de belangen met een reden "
        "vastleggen)",
    }
    ggd = lijst.categorieen[0].partijen[0]
    assert ggd.deelname.bbv_redenen == (
        "bestuurlijk belang: zetel in algemeen bestuur; financieel belang: bijdrage 2025"
    )
    assert lijst.totaal.bijdrage_begroot == Decimal("2625000.50")


def test_a_year_without_bijdragen(zaanstad):
    lijst = verbonden_partijen(zaanstad, jaar=2026, modus="begroting")
    # No bijdragen recorded for 2026: only the openbaar lichaam with a seat qualifies, by its
    # form (the deelnemers carry its costs).
    [ggd] = lijst.partijen
    assert ggd.deelname.bbv_redenen == (
        "bestuurlijk belang: zetel in algemeen bestuur; financieel belang: de deelnemers dragen "
        "de kosten en staan garant (openbaar lichaam)"
    )
    assert len(lijst.overige.partijen) == 3
    assert lijst.totaal.bijdrage_begroot is None  # onbekend, not 0


def test_a_year_without_any_participation_says_so_and_sums_nothing(client, zaanstad):
    """Before the gemeente took part anywhere: no sums that read "onbekend" (there is nothing
    to know) and no link to a section that is not there."""
    tekst = " ".join(client.get(URL, {"jaar": "1990"}).content.decode().split())
    melding = "Volgens het register nam Zaanstad in 1990 aan geen enkel samenwerkingsverband deel."
    assert melding in tekst
    overzicht = tekst.split('id="overzicht-kop"')[1].split("<table>")[1].split("</table>")[0]
    assert "onbekend" not in overzicht
    assert 'href="#cat-' not in overzicht
    assert (
        'Totaal verbonden partijen</th><td class="getal">0</td><td class="getal">–</td>'
        '<td class="getal">–</td>'
    ) in overzicht
    # With partijen, the overige line links to its section.
    tekst = client.get(URL, {"jaar": "2025"}).content.decode()
    assert 'href="#cat-overige_samenwerking"' in tekst and 'id="cat-overige_samenwerking"' in tekst


def test_the_page_says_when_no_bijdrage_of_the_year_is_recorded(client, zaanstad):
    melding = "Voor 2026 is bij geen enkele deelname een bijdrage vastgelegd"
    assert melding in client.get(URL, {"jaar": "2026"}).content.decode()
    assert "bij geen enkele deelname" not in client.get(URL, {"jaar": "2025"}).content.decode()


def test_the_overview_says_which_bijdragen_are_unknown_and_left_out_of_its_sums(client, zaanstad):
    """A sum of the known bijdragen names how many are unknown, as the gemeente page does;
    it never reads as the whole (the stichting has no gerealiseerde bijdrage in 2025)."""
    tekst = " ".join(client.get(URL, {"jaar": "2025"}).content.decode().split())
    totaal = tekst.split("Totaal verbonden partijen</th>")[1].split("</tr>")[0]
    assert "€ 2.625.001</td>" in totaal
    assert '€ 2.400.000 <span class="bijschrift">(1 onbekend, niet meegeteld)</span>' in totaal
    overige = tekst.split('href="#cat-overige_samenwerking">')[1].split("</tr>")[0]
    assert '€ 300.000 <span class="bijschrift">(1 onbekend, niet meegeteld)</span>' in overige
    # Nothing known: onbekend, with nothing to add.
    assert '<td class="getal">onbekend</td>' in overige


def test_printable_page_lists_categories_and_reasons(client, zaanstad):
    tekst = " ".join(client.get(URL, {"jaar": "2025"}).content.decode().split())
    assert "Stichtingen en verenigingen</h2>" in tekst
    assert "Overige samenwerkingsverbanden</h2>" in tekst
    assert "bijdrage begroot € 2.500.001, gerealiseerd € 2.400.000; verdeelsleutel 45,5%" in tekst
    assert (
        "Regeling zonder meer: geen eigen rechtspersoon, daarom standaard geen verbonden" in tekst
    )
    # A seat that is not recorded is unknown, never "geen".
    assert "onbekend (geen zetel vastgelegd)" in tekst


def test_each_partij_links_to_its_arrangement_in_the_year_of_the_list(client, zaanstad):
    """From the list of 2025 the arrangement's page opens on 2025 (its bijdragen, per inwoner),
    not on this year; a source document without an address is named, not linked."""
    ggd = zaanstad.deelnames.get(samenwerkingsverband__naam="GGD Zaanstreek-Waterland")
    document = ggd.samenwerkingsverband.jaarcijfers.get().bron_document
    document.url = ""
    document.save()
    tekst = " ".join(client.get(URL, {"jaar": "2025"}).content.decode().split())
    link = f'href="/samenwerkingsverbanden/{ggd.samenwerkingsverband.slug}/?gemeente=GM0479'
    assert f'{link}&amp;jaar=2025">GGD Zaanstreek-Waterland</a>' in tekst
    assert 'href=""' not in tekst
    assert "<dt>Bron</dt><dd>Begroting 2025 GGD</dd>" in tekst


def test_bad_export_parameters_are_explained(client, zaanstad):
    antwoord = client.get(URL, {"jaar": "2025", "modus": "kadernota", "formaat": "pdf"})
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    # Each message says what is shown instead; the valid jaar still counts.
    assert (
        "Lijst voor: kies begroting of jaarrekening. Getoond: de lijst voor de begroting." in tekst
    )
    # Named by the label the page shows, not the form's internal one ("Formaat").
    assert "Bestandsformaat: kies html, xlsx, csv, ods of json. Getoond: de webpagina." in tekst
    assert "<title>Verbonden partijen Zaanstad 2025 (begroting)" in tekst
    assert "GGD Zaanstreek-Waterland" in tekst

    antwoord = client.get(URL, {"jaar": "twintig", "kolommen": "alles", "modus": "jaarrekening"})
    assert antwoord.status_code == 400
    tekst = antwoord.content.decode()
    dit_jaar = timezone.localdate().year
    assert (
        f"Jaar van de lijst: vul een jaartal in, bijvoorbeeld 2025. Getoond: {dit_jaar}." in tekst
    )
    assert "Kolommen: kies bbv of uitgebreid. Getoond: het BBV-minimum." in tekst
    assert f"<title>Verbonden partijen Zaanstad {dit_jaar} (jaarrekening)" in tekst
    # What was typed stays in the field, marked, to be corrected rather than typed again; the
    # message is tied to its field for a screen reader, and the first refused field gets focus.
    assert (
        'name="jaar" id="id_export_jaar" value="twintig" aria-describedby="id_export_jaar_hulp '
        'id_export_jaar_fout" aria-invalid="true" autofocus>' in tekst
    )
    assert (
        '<p class="fout" role="alert" id="id_export_jaar_fout">Jaar van de lijst: vul een jaartal'
        in tekst
    )
    assert (
        '<select name="kolommen" id="id_export_kolommen" aria-describedby="id_export_kolommen_hulp '
        'id_export_kolommen_fout" aria-invalid="true">' in tekst
    )
    assert tekst.count("autofocus") == 1

    # A file is only made when every parameter is right: never another year's file unasked.
    antwoord = client.get(URL, {"jaar": "20255", "formaat": "xlsx"})
    assert antwoord.status_code == 400
    assert antwoord["Content-Type"].startswith("text/html")
    tekst = antwoord.content.decode()
    assert "Jaar van de lijst: moet 2100 of eerder zijn." in tekst
    # The chosen formaat stays chosen: with the jaar corrected, the next try is the file.
    assert '<option value="xlsx" selected>' in tekst
