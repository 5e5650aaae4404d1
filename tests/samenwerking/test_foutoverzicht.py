"""A refused change form names at its top every refused field by its label, as a link to the
field (an inline row by its number), with what is wrong; the deelnemers tab does the same."""

import datetime

import pytest
from django.urls import reverse
from lxml import html

from samenwerking import models
from tests import factories as f
from tests.samenwerking.test_admin import BIJDRAGEN_2024_EN_2023, _deelname_formulier

pytestmark = pytest.mark.django_db

D = datetime.date


def _overzicht(antwoord) -> list[tuple[str, str, str]]:
    """(link text, link target, whole line) of each line of the summary; every target is an
    element of the page."""
    pagina = html.fromstring(antwoord.content.decode())
    (overzicht,) = pagina.xpath("//div[contains(@class, 'foutoverzicht')]")
    assert overzicht.get("role") == "alert"
    regels = []
    for li in overzicht.xpath(".//li"):
        links = li.xpath("./a")
        if not links:
            regels.append(("", "", li.text_content()))
            continue
        (link,) = links
        doel = link.get("href").removeprefix("#")
        assert pagina.xpath(f"//*[@id='{doel}']"), doel
        regels.append((link.text_content(), doel, li.text_content()))
    return regels


def test_a_refused_change_form_names_each_field_and_inline_row_at_the_top(admin_client):
    gegevens = _deelname_formulier(
        f.SamenwerkingsverbandFactory(),
        f.GemeenteFactory(),
        toetredingsdatum="2024-01-01",
        stemmen="veel",  # not a number
        **BIJDRAGEN_2024_EN_2023,  # the second is of a year before the toetreding
    )
    antwoord = admin_client.post(reverse("admin:samenwerking_deelname_add"), gegevens)
    assert antwoord.status_code == 200
    regels = _overzicht(antwoord)
    assert regels[0][:2] == ("Stemmen", "id_stemmen")
    assert "geheel getal" in regels[0][2]
    link, doel, regel = regels[1]
    assert (link, doel) == ("Bijdrage 2: Jaar", "id_bijdragen-1-jaar")
    assert "nam in 2023 niet deel" in regel
    assert len(regels) == 2
    # Above the fields: the summary comes before the first field of the form.
    inhoud = antwoord.content.decode()
    assert inhoud.index('class="foutoverzicht"') < inhoud.index('id="id_samenwerkingsverband"')
    assert "<title>Fout: Deelname toevoegen" in inhoud  # not Django's English "Error:"
    assert not models.Deelname.objects.exists()


def test_a_change_form_without_errors_has_no_summary(admin_client):
    deelname = f.DeelnameFactory()
    antwoord = admin_client.get(reverse("admin:samenwerking_deelname_change", args=[deelname.pk]))
    assert antwoord.status_code == 200
    assert "foutoverzicht" not in antwoord.content.decode()


def test_the_deelnemers_tab_shows_the_same_summary(admin_client):
    verband = f.SamenwerkingsverbandFactory()
    url = reverse("admin:samenwerking_samenwerkingsverband_deelnemers", args=[verband.pk])
    antwoord = admin_client.post(url, {"gemeenten": [], "toetredingsdatum": "31-02-2024"})
    assert antwoord.status_code == 200
    regels = _overzicht(antwoord)
    assert [r[:2] for r in regels] == [
        ("Gemeenten", "id_gemeenten_0"),
        ("Toetredingsdatum", "id_toetredingsdatum"),
    ]
    assert "Kies ten minste één gemeente." in regels[0][2]
    assert not models.Deelname.objects.exists()


def test_the_deelnemers_tab_names_a_refused_gemeente_in_the_summary(admin_client):
    verband = f.SamenwerkingsverbandFactory()
    bestaand = f.DeelnameFactory(
        samenwerkingsverband=verband, toetredingsdatum=D(2020, 1, 1), uittredingsdatum=D(2030, 1, 1)
    )
    url = reverse("admin:samenwerking_samenwerkingsverband_deelnemers", args=[verband.pk])
    antwoord = admin_client.post(
        url, {"gemeenten": [bestaand.gemeente.pk], "toetredingsdatum": "2025-01-01"}
    )
    assert antwoord.status_code == 200
    ((link, doel, regel),) = _overzicht(antwoord)
    assert (link, doel) == ("", "")
    assert regel.startswith(f"{bestaand.gemeente.naam}: ")
    assert list(models.Deelname.objects.all()) == [bestaand]


@pytest.mark.parametrize("nummer", ["999999", "abc"])
def test_the_deelnemers_tab_says_a_gemeente_id_does_not_exist(admin_client, nummer):
    verband = f.SamenwerkingsverbandFactory()
    bestaand = f.GemeenteFactory()
    url = reverse("admin:samenwerking_samenwerkingsverband_deelnemers", args=[verband.pk])
    antwoord = admin_client.post(url, {"gemeenten": [bestaand.pk, nummer]})
    assert antwoord.status_code == 200
    ((link, _doel, regel),) = _overzicht(antwoord)
    assert link == "Gemeenten"
    assert regel == (
        f"Gemeenten: Er bestaat geen gemeente met nummer {nummer}. Vink de gemeenten aan in "
        "de lijst; die bestaan wel."
    )
    assert not models.Deelname.objects.exists()
