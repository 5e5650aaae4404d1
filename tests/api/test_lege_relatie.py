"""A relation sent empty ("" or spaces, which is no key) or null where it is required is
refused as missing, naming the field and what to give (api.base.SleutelField), not DRF's
"mag niet null zijn" to a client that sent no null; nothing is stored. Where a relation may
be empty (a deelname's gemeente, when an organisatie takes part), empty is null."""

import pytest

from raad.models import Zienswijze
from samenwerking.models import Bijdrage, Deelname, Domein
from tests import factories as f
from tests.raad.factories import ZienswijzeverzoekFactory

from .hulp import ongeldig

pytestmark = pytest.mark.django_db

GEMEENTE = "Gemeente: verplicht; geef de CBS-code van een gemeente, bijvoorbeeld GM0363."
DEELNAME = (
    "Deelname: verplicht; geef de uuid van een deelname, bijvoorbeeld "
    "0f8fad5b-d9cb-469f-a165-70867728950e."
)


@pytest.mark.parametrize("leeg", ["", "   ", None])
def test_a_zienswijze_without_gemeente_is_refused_saying_what_to_give(beheerder, leeg):
    verzoek = ZienswijzeverzoekFactory()
    body = {"zienswijzeverzoek": str(verzoek.uuid), "gemeente": leeg}
    antwoord = beheerder.post("/api/v1/zienswijzen", body, format="json")
    assert ongeldig(antwoord) == {"gemeente": GEMEENTE}
    assert not Zienswijze.objects.exists()


@pytest.mark.parametrize("leeg", ["", "   ", None])
def test_a_bijdrage_without_deelname_is_refused_saying_what_to_give(beheerder, leeg):
    body = {"deelname": leeg, "jaar": 2025, "soort": "begroot", "bedrag": "10.00"}
    antwoord = beheerder.post("/api/v1/bijdragen", body, format="json")
    assert ongeldig(antwoord) == {"deelname": DEELNAME}
    assert not Bijdrage.objects.exists()


def test_a_missing_relation_says_the_same(beheerder):
    antwoord = beheerder.post("/api/v1/bijdragen", {"jaar": 2025}, format="json")
    assert ongeldig(antwoord)["deelname"] == DEELNAME


def test_an_empty_relation_on_a_stored_row_changes_nothing(beheerder, zaanstad):
    deelname = f.DeelnameFactory(gemeente=zaanstad)
    adres = f"/api/v1/deelnames/{deelname.uuid}"
    antwoord = beheerder.patch(
        adres, {"samenwerkingsverband": ""}, format="json", HTTP_IF_MATCH="*"
    )
    assert ongeldig(antwoord) == {
        "samenwerkingsverband": "Samenwerkingsverband: verplicht; geef de uuid van een "
        "samenwerkingsverband, bijvoorbeeld 0f8fad5b-d9cb-469f-a165-70867728950e."
    }
    deelname.refresh_from_db()
    assert deelname.samenwerkingsverband_id is not None


def test_an_empty_relation_that_may_be_empty_is_null(beheerder, zaanstad):
    """A deelname's gemeente may be empty when an organisatie takes part: "" is null there,
    and the row's own rule says what is missing."""
    verband = f.SamenwerkingsverbandFactory()
    body = {"samenwerkingsverband": str(verband.uuid), "gemeente": "  "}
    antwoord = beheerder.post("/api/v1/deelnames", body, format="json")
    assert ongeldig(antwoord) == {
        "gemeente": "Deelnemer: kies een gemeente óf een organisatie, niet allebei en niet "
        "geen van beide."
    }
    assert not Deelname.objects.filter(samenwerkingsverband=verband).exists()


@pytest.mark.parametrize("lijst", [[""], ["  "], [None], ["veiligheid", ""]])
def test_an_empty_item_in_a_list_of_keys_names_the_list(beheerder, lijst):
    """Django's look-up said "Geen domein met code ." (and "code None.")."""
    verband = f.SamenwerkingsverbandFactory()
    assert Domein.objects.filter(code="veiligheid").exists()  # the migration's domeinen
    adres = f"/api/v1/samenwerkingsverbanden/{verband.uuid}"
    antwoord = beheerder.patch(adres, {"domeinen": lijst}, format="json", HTTP_IF_MATCH="*")
    assert ongeldig(antwoord) == {
        "domeinen": "Domeinen: een leeg item in de lijst; geef de code van een domein, "
        "bijvoorbeeld veiligheid."
    }
    assert not verband.domeinen.exists()


def test_a_list_sent_as_text_names_the_field(beheerder):
    verband = f.SamenwerkingsverbandFactory()
    adres = f"/api/v1/samenwerkingsverbanden/{verband.uuid}"
    antwoord = beheerder.patch(adres, {"domeinen": ""}, format="json", HTTP_IF_MATCH="*")
    assert ongeldig(antwoord) == {
        "domeinen": "Domeinen: geef een lijst tussen [ en ], ook voor één waarde of geen."
    }
