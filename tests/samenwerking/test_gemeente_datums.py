"""A gemeente's begindatum and einddatum lie within 1900-01-01..2100-12-31, as every stored
date of the register (models.basis.DatumsInBereik): refused in Dutch, naming the field, in the
admin and the spreadsheet import, with nothing written; accepted at the edges, where every
page and the API still answer."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from lxml import html

from samenwerking import resources, services
from samenwerking.formats import CSVNederlands
from samenwerking.models import Gemeente
from tests.toegang import beheerder_account
from tests.toegang.formulier import formulier_gegevens

pytestmark = pytest.mark.django_db

D = datetime.date
BUITEN_BEREIK = "Kies een datum van 1900-01-01 tot en met 2100-12-31."
# As a beheerder types them in the admin (DD-MM-JJJJ) and in a sheet (JJJJ-MM-DD).
BUITEN = [("31-12-9999", "9999-12-31"), ("01-01-0001", "0001-01-01"), ("31-12-1899", "1899-12-31")]
KOP = "cbs_code;naam;provincie;begindatum;einddatum"


@pytest.fixture
def beheerder(client, referentiedata):
    client.force_login(beheerder_account())
    return client


def _wijzig_url(gemeente) -> str:
    return reverse("admin:samenwerking_gemeente_change", args=[gemeente.pk])


def _overzicht(antwoord) -> list[str]:
    """The lines of the summary at the top of a refused admin form."""
    pagina = html.fromstring(antwoord.content.decode())
    (overzicht,) = pagina.xpath("//div[contains(@class, 'foutoverzicht')]")
    return [" ".join(li.text_content().split()) for li in overzicht.xpath(".//li")]


def _stand(gemeente) -> tuple:
    gemeente.refresh_from_db()
    return gemeente.begindatum, gemeente.einddatum, gemeente.history.count()


@pytest.mark.parametrize(("ingetypt", "_iso"), BUITEN, ids=["9999", "0001", "1899"])
def test_the_admin_refuses_a_gemeente_date_out_of_range_naming_the_field(beheerder, ingetypt, _iso):
    amsterdam = Gemeente.objects.get(cbs_code="GM0363")
    voor = _stand(amsterdam)
    gegevens = formulier_gegevens(beheerder.get(_wijzig_url(amsterdam)))
    antwoord = beheerder.post(
        _wijzig_url(amsterdam), {**gegevens, "begindatum": ingetypt, "einddatum": ingetypt}
    )
    assert antwoord.status_code == 200
    assert _overzicht(antwoord) == [
        f"Begindatum: {BUITEN_BEREIK}",
        f"Einddatum: {BUITEN_BEREIK}",
    ]
    # Next to each field as well, with what was typed kept for correction.
    pagina = html.fromstring(antwoord.content.decode())
    for veld in ("begindatum", "einddatum"):
        (invoer,) = pagina.xpath(f"//input[@name='{veld}']")
        assert invoer.get("value") == ingetypt
        (rij,) = pagina.xpath(f"//div[contains(@class, 'field-{veld}')]")
        assert BUITEN_BEREIK in rij.text_content()
    assert _stand(amsterdam) == voor


def test_the_admin_refuses_a_date_out_of_range_next_to_a_valid_one(beheerder):
    """Only the date out of range is named; the valid one is not written either."""
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    voor = _stand(zaanstad)
    gegevens = formulier_gegevens(beheerder.get(_wijzig_url(zaanstad)))
    antwoord = beheerder.post(
        _wijzig_url(zaanstad), {**gegevens, "begindatum": "01-01-1900", "einddatum": "01-01-2101"}
    )
    assert _overzicht(antwoord) == [f"Einddatum: {BUITEN_BEREIK}"]
    assert _stand(zaanstad) == voor


def test_the_admin_accepts_a_gemeente_at_the_edges_and_every_surface_shows_it(beheerder):
    amsterdam = Gemeente.objects.get(cbs_code="GM0363")
    gegevens = formulier_gegevens(beheerder.get(_wijzig_url(amsterdam)))
    antwoord = beheerder.post(
        _wijzig_url(amsterdam), {**gegevens, "begindatum": "01-01-1900", "einddatum": "31-12-2100"}
    )
    assert antwoord.status_code == 302
    assert _stand(amsterdam)[:2] == (D(1900, 1, 1), D(2100, 12, 31))
    api = beheerder.get("/api/v1/gemeenten/GM0363")
    assert (api.status_code, api.json()["begindatum"], api.json()["einddatum"]) == (
        200,
        "1900-01-01",
        "2100-12-31",
    )
    for adres in (
        "/gemeenten/GM0363/",
        "/gemeenten/GM0363/register/",
        "/gemeenten/GM0363/partners/",
        "/gemeenten/GM0363/kalender/",
        "/api/v1/gemeenten/GM0363/samenwerkingsverbanden?peildatum=2100-12-31",
    ):
        antwoord = beheerder.get(adres)
        assert antwoord.status_code == 200, adres
        assert "Amsterdam" in antwoord.content.decode(), adres


def test_a_gemeente_dissolved_on_the_first_day_of_the_range_is_shown_as_such(beheerder):
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    gegevens = formulier_gegevens(beheerder.get(_wijzig_url(zaanstad)))
    antwoord = beheerder.post(_wijzig_url(zaanstad), {**gegevens, "einddatum": "01-01-1900"})
    assert antwoord.status_code == 302
    assert _stand(zaanstad)[1] == D(1900, 1, 1)
    pagina = beheerder.get("/gemeenten/GM0479/")
    assert pagina.status_code == 200
    assert "Zaanstad" in pagina.content.decode()
    assert beheerder.get("/api/v1/gemeenten/GM0479").json()["einddatum"] == "1900-01-01"


def test_the_service_refuses_a_gemeente_date_out_of_range_for_every_surface(referentiedata):
    amsterdam = Gemeente.objects.get(cbs_code="GM0363")
    voor = _stand(amsterdam)
    amsterdam.begindatum, amsterdam.einddatum = D(1, 1, 1), D(9999, 12, 31)
    with pytest.raises(ValidationError) as fout:
        services.rij_opslaan(rij=amsterdam)
    assert fout.value.message_dict == {
        "begindatum": [BUITEN_BEREIK],
        "einddatum": [BUITEN_BEREIK],
    }
    assert _stand(amsterdam) == voor


# --- The spreadsheet import of gemeenten --------------------------------------------------------


def _voorbeeld(client, tekst: str):
    bestand = SimpleUploadedFile("gemeenten.csv", tekst.encode(), "text/csv")
    return client.post(
        reverse("admin:samenwerking_gemeente_import"),
        {"resource": "0", "format": "0", "import_file": bestand},
    )


def _foute_regels(antwoord) -> dict[str, list[str]]:
    """Regel number -> the errors the preview lists for it."""
    pagina = html.fromstring(antwoord.content.decode())
    return {
        rij.xpath("./th")[0].text_content().strip(): [
            " ".join(li.text_content().split()) for li in rij.xpath(".//td[@class='errors']//li")
        ]
        for rij in pagina.xpath("//table[contains(@class, 'import-preview')]/tbody/tr")
    }


@pytest.mark.parametrize(("_ingetypt", "iso"), BUITEN, ids=["9999", "0001", "1899"])
def test_the_import_refuses_a_gemeente_date_out_of_range_naming_row_and_column(
    beheerder, _ingetypt, iso
):
    gemeenten = {
        g.cbs_code: _stand(g) for g in Gemeente.objects.filter(cbs_code__in=["GM0363", "GM0479"])
    }
    antwoord = _voorbeeld(
        beheerder,
        f"{KOP}\nGM0363;Amsterdam;PV27;1900-01-01;\nGM0479;Zaanstad;PV27;;{iso}\n",
    )
    assert antwoord.status_code == 200
    assert antwoord.context.get("confirm_form") is None
    tekst = " ".join(antwoord.content.decode().split())
    assert "1 regel met fouten" in tekst
    assert "Er is niets opgeslagen." in tekst
    assert _foute_regels(antwoord) == {"2": [f"einddatum: {BUITEN_BEREIK}"]}
    # All or nothing: the good row is not written either.
    assert {
        g.cbs_code: _stand(g) for g in Gemeente.objects.filter(cbs_code__in=["GM0363", "GM0479"])
    } == gemeenten


def test_the_import_accepts_gemeenten_at_the_edges(referentiedata):
    tekst = (
        f"{KOP}\nGM0363;Amsterdam;PV27;1900-01-01;2100-12-31\nGM0479;Zaanstad;PV27;;01-01-1900\n"
    )
    resultaat = resources.GemeenteResource().import_data(
        CSVNederlands().create_dataset(tekst.encode())
    )
    assert not resultaat.has_validation_errors()
    assert not resultaat.has_errors()
    assert sorted(
        Gemeente.objects.filter(cbs_code__in=["GM0363", "GM0479"]).values_list(
            "cbs_code", "begindatum", "einddatum"
        )
    ) == [("GM0363", D(1900, 1, 1), D(2100, 12, 31)), ("GM0479", None, D(1900, 1, 1))]


def test_every_model_with_a_stored_date_checks_its_range():
    """The one rule covers every date a surface can write: no model with a date field (other
    than a history table's) goes without it, as Gemeente once did."""
    from django.apps import apps
    from django.db import models

    from samenwerking.models.basis import DatumsInBereik

    met_datum = {
        model._meta.label
        for model in apps.get_models()
        if model._meta.app_label in ("samenwerking", "raad", "toegang")
        and not model._meta.label.split(".")[1].startswith("Historical")
        and any(
            isinstance(veld, models.DateField) and not isinstance(veld, models.DateTimeField)
            for veld in model._meta.concrete_fields
        )
    }
    assert "samenwerking.Gemeente" in met_datum
    assert {
        label for label in met_datum if not issubclass(apps.get_model(label), DatumsInBereik)
    } == set()
