"""A text pasted from a web page carries characters that show nothing (zero-width spaces, a
soft hyphen). Whichever surface writes it (the admin, the API, a spreadsheet, a service), the
row is stored without them and without white space at its ends (models.basis.ZichtbareTekst):
the name sorts where it belongs, a name that only looks new is refused as the one it looks
like, and a pasted e-mail address is an address."""

import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse
from lxml import html

from samenwerking import resources, services
from samenwerking.formats import CSVNederlands
from samenwerking.models import Gemeente, Organisatie, Persoon, ZichtbareTekst
from tests.api.hulp import ongeldig
from tests.pagina import paginatekst
from tests.toegang import beheerder_account
from tests.toegang.formulier import formulier_gegevens

pytestmark = pytest.mark.django_db

ZWSP, ZACHT = "\u200b", "\u00ad"


@pytest.fixture
def beheerder(client, referentiedata):
    client.force_login(beheerder_account())
    return client


def _nieuwe_organisatie(client, **velden):
    adres = reverse("admin:samenwerking_organisatie_add")
    gegevens = formulier_gegevens(client.get(adres))
    return client.post(adres, {**gegevens, "soort": "overig_publiek", **velden})


def _foutoverzicht(antwoord) -> list[str]:
    """The lines of the summary above a refused admin form."""
    pagina = html.fromstring(antwoord.content.decode())
    return [
        " ".join(li.text_content().split())
        for li in pagina.xpath("//div[contains(@class, 'foutoverzicht')]//li")
    ]


def test_the_admin_stores_a_pasted_name_and_address_without_invisible_characters(beheerder):
    antwoord = _nieuwe_organisatie(
        beheerder,
        naam=f"{ZWSP}{ZWSP}Stichting Testwater{ZWSP}",
        email=f"info@pro{ZACHT}lan{ZACHT}der.nl",
        vestigingsplaats=f"Zaan{ZACHT}dam {ZWSP}",
    )
    assert antwoord.status_code == 302, paginatekst(antwoord)
    opgeslagen = Organisatie.objects.get(naam="Stichting Testwater")
    assert (opgeslagen.email, opgeslagen.vestigingsplaats) == ("info@prolander.nl", "Zaandam")
    # The list shows it among the others, by its name.
    lijst = paginatekst(beheerder.get(reverse("admin:samenwerking_organisatie_changelist")))
    assert "Stichting Testwater" in lijst


def test_the_admin_refuses_a_name_that_only_looks_new(beheerder):
    Organisatie.objects.create(naam="Stichting Testwater", soort="overig_publiek")
    antwoord = _nieuwe_organisatie(beheerder, naam=f"Stichting Testwater{ZWSP}")
    assert antwoord.status_code == 200
    assert _foutoverzicht(antwoord) == ["Naam: Er bestaat al een Organisatie met eenzelfde Naam."]
    assert Organisatie.objects.filter(naam__startswith="Stichting Testwater").count() == 1


def test_a_name_of_only_invisible_characters_is_empty(beheerder):
    antwoord = _nieuwe_organisatie(beheerder, naam=f"{ZWSP}{ZACHT}{ZWSP}")
    assert antwoord.status_code == 200
    assert _foutoverzicht(antwoord) == ["Naam: Dit veld kan niet leeg zijn"]
    assert not Organisatie.objects.exists()


def test_the_api_stores_a_pasted_name_without_invisible_characters(referentiedata):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_login(beheerder_account())
    antwoord = client.post(
        "/api/v1/personen", {"naam": f"J. de Vries{ZWSP}", "partij": f"{ZWSP}GL"}, format="json"
    )
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord.json()["naam"] == "J. de Vries"
    assert list(Persoon.objects.values_list("naam", "partij")) == [("J. de Vries", "GL")]
    # Only characters that show nothing: an empty name, refused naming the field.
    antwoord = client.post("/api/v1/personen", {"naam": f"{ZWSP}{ZACHT}"}, format="json")
    assert ongeldig(antwoord) == {"naam": "Dit veld kan niet leeg zijn"}
    assert Persoon.objects.count() == 1


def test_a_spreadsheet_row_is_stored_without_invisible_characters(referentiedata):
    """A gemeente's name in a sheet copied from a web page."""
    tekst = f"cbs_code;naam;provincie\nGM0479;{ZWSP}Zaanstad{ZWSP};PV27\n"
    resultaat = resources.GemeenteResource().import_data(
        CSVNederlands().create_dataset(tekst.encode())
    )
    assert not resultaat.has_validation_errors()
    assert not resultaat.has_errors()

    assert Gemeente.objects.get(cbs_code="GM0479").naam == "Zaanstad"


def test_many_rows_at_once_are_stored_without_invisible_characters(referentiedata):
    rijen = [Persoon(naam=f"{ZWSP}A. Bakker"), Persoon(naam=f"B. de Jong{ZACHT}")]
    services.rijen_opslaan(model=Persoon, rijen=rijen)
    assert sorted(Persoon.objects.values_list("naam", flat=True)) == ["A. Bakker", "B. de Jong"]


def test_every_model_a_surface_writes_text_to_cleans_it():
    """No model with a text field that the admin, the API or an import writes goes without
    the rule (Bronimport is written by the importers themselves, from cleaned text; the roles
    and tokens are accounts' plumbing)."""
    zonder = {
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in ("samenwerking", "raad")
        and not model._meta.label.split(".")[1].startswith("Historical")
        and any(isinstance(v, models.CharField | models.TextField) for v in model._meta.fields)
        and not issubclass(model, ZichtbareTekst)
    }
    assert zonder == {"samenwerking.Bronimport"}


def test_a_row_that_differs_only_in_invisible_characters_is_unchanged(referentiedata):
    """The preview tells the beheer what a file will change: a name that differs from the
    stored one only by characters that show nothing, or by spaces at its ends, changes
    nothing and is counted as unchanged, not as a change."""
    tekst = f"cbs_code;naam;provincie\nGM0479; {ZWSP}Zaanstad{ZACHT} ;PV27\n"
    resultaat = resources.GemeenteResource().import_data(
        CSVNederlands().create_dataset(tekst.encode()), dry_run=True
    )
    assert not resultaat.has_validation_errors()
    assert (resultaat.totals["update"], resultaat.totals["skip"]) == (0, 1)
