"""Dates and years a visitor gives: 1900-01-01 up to and including 2100-12-31 and 1900–2100,
everywhere (samenwerking.peilmoment). Outside that, a 400 naming the parameter, never a 500
("year 10000 is out of range" once came from peildatum=9999-12-31); at the edges, an answer."""

import datetime
import re

import pytest

from samenwerking.models import Gemeente
from samenwerking.peilmoment import DATUM_MAX, DATUM_MIN, DATUM_PATROON
from tests import factories as f
from tests.api.hulp import ongeldig
from tests.pagina import paginatekst

pytestmark = pytest.mark.django_db

BUITEN = ["9999-12-31", "2101-01-01", "1899-12-31", "0001-01-01"]
RANDEN = ["1900-01-01", "2100-12-31"]
DATUM_FOUT = "Kies een datum van 1900-01-01 tot en met 2100-12-31."


@pytest.fixture
def amsterdam(referentiedata):
    """Amsterdam in an arrangement, so that pages and the API have rows to compute with."""
    amsterdam = Gemeente.objects.get(cbs_code="GM0363")
    deelname = f.DeelnameFactory(gemeente=amsterdam, toetredingsdatum=None)
    f.ZetelFactory(deelname=deelname, begindatum=datetime.date(2020, 1, 1))
    f.BijdrageFactory(deelname=deelname, jaar=2100)
    return deelname


def _paginas(deelname) -> list[str]:
    verband = deelname.samenwerkingsverband
    return [
        "/gemeenten/GM0363/",
        "/gemeenten/GM0363/register/",
        "/gemeenten/GM0363/partners/",
        f"/gemeenten/GM0363/samenwerkingsverbanden/{verband.uuid}/oplegger/",
        f"/samenwerkingsverbanden/{verband.slug}/",
    ]


@pytest.mark.parametrize("peildatum", BUITEN)
def test_a_page_refuses_a_peildatum_out_of_range_in_dutch(client, amsterdam, peildatum):
    for adres in _paginas(amsterdam):
        antwoord = client.get(adres, {"peildatum": peildatum})
        assert antwoord.status_code == 400, adres
        assert (
            "Peildatum: kies een datum van 1900-01-01 tot en met 2100-12-31. Getoond: vandaag."
            in paginatekst(antwoord)
        ), adres


@pytest.mark.parametrize("peildatum", RANDEN)
def test_a_page_answers_at_the_edges_of_the_range(client, amsterdam, peildatum):
    for adres in _paginas(amsterdam):
        antwoord = client.get(adres, {"peildatum": peildatum})
        assert antwoord.status_code == 200, adres
        assert f'value="{peildatum}"' in antwoord.content.decode(), adres


def test_the_page_offers_the_range_in_the_date_picker(client, amsterdam):
    html = client.get("/gemeenten/GM0363/").content.decode()
    assert 'name="peildatum" id="id_peildatum"' in html
    assert 'min="1900-01-01" max="2100-12-31"' in html
    # The year fields of the page and of its export form are text with the digits keyboard
    # (what was typed reaches the server, which checks the bounds), not number inputs.
    assert (
        html.count('type="text" inputmode="numeric" autocomplete="off" size="6" name="jaar"') == 2
    )
    assert 'type="number"' not in html


def test_the_openapi_date_pattern_holds_the_same_bounds():
    """DATUM_PATROON is written out for the OpenAPI document; it must agree with the dates
    the fields accept."""
    patroon = re.compile(DATUM_PATROON)
    for datum in (DATUM_MIN, DATUM_MAX, datetime.date(2000, 2, 29)):
        assert patroon.match(datum.isoformat()), datum
    for datum in (DATUM_MIN - datetime.timedelta(days=1), DATUM_MAX + datetime.timedelta(days=1)):
        assert not patroon.match(datum.isoformat()), datum


@pytest.mark.parametrize("jaar", ["1899", "2101", "10000"])
def test_a_page_refuses_a_year_out_of_range(client, amsterdam, jaar):
    """The refusal names the year field as the page labels it."""
    fout = "moet 1900 of later zijn." if jaar == "1899" else "moet 2100 of eerder zijn."
    verband = amsterdam.samenwerkingsverband
    for adres, veld in [
        ("/gemeenten/GM0363/", "Jaar"),
        (f"/gemeenten/GM0363/samenwerkingsverbanden/{verband.uuid}/oplegger/", "Jaar"),
        (f"/samenwerkingsverbanden/{verband.slug}/", "Jaar"),
        ("/gemeenten/GM0363/verbonden-partijen/", "Jaar van de lijst"),
    ]:
        antwoord = client.get(adres, {"jaar": jaar})
        assert antwoord.status_code == 400, adres
        assert f"{veld}: {fout}" in paginatekst(antwoord), adres


def test_a_page_without_money_ignores_a_year_it_would_not_show(client, amsterdam):
    # Once a 400 without any message: the year field is not on these pages.
    for adres in ("/gemeenten/GM0363/register/", "/gemeenten/GM0363/partners/"):
        antwoord = client.get(adres, {"jaar": "10000"})
        assert antwoord.status_code == 200, adres
        tekst = paginatekst(antwoord)
        assert "Amsterdam" in tekst and 'role="alert"' not in tekst, adres


@pytest.mark.parametrize("peildatum", BUITEN)
def test_the_core_endpoint_refuses_a_peildatum_out_of_range(client, amsterdam, peildatum):
    antwoord = client.get(
        "/api/v1/gemeenten/GM0363/samenwerkingsverbanden", {"peildatum": peildatum}
    )
    assert ongeldig(antwoord) == {
        "peildatum": "Peildatum: kies een datum van 1900-01-01 tot en met 2100-12-31."
    }


@pytest.mark.parametrize("peildatum", RANDEN)
def test_the_core_endpoint_answers_at_the_edges_of_the_range(client, amsterdam, peildatum):
    antwoord = client.get(
        "/api/v1/gemeenten/GM0363/samenwerkingsverbanden", {"peildatum": peildatum}
    )
    assert antwoord.status_code == 200
    body = antwoord.json()
    assert body["peildatum"] == peildatum
    assert body["jaar"] == int(peildatum[:4])
    assert len(body["samenwerkingsverbanden"]) == 1


@pytest.mark.parametrize(
    "bron", ["gemeenten", "samenwerkingsverbanden", "deelnames", "zetels"], ids=str
)
def test_every_date_filter_refuses_a_date_out_of_range(client, amsterdam, bron):
    for datum in BUITEN:
        assert ongeldig(client.get(f"/api/v1/{bron}", {"actiefOp": datum})) == {
            "actiefOp": DATUM_FOUT
        }
    for datum in RANDEN:
        assert client.get(f"/api/v1/{bron}", {"actiefOp": datum}).status_code == 200


@pytest.mark.parametrize(
    "adres",
    [
        "/api/v1/bijdragen",
        "/api/v1/jaarcijfers",
        "/api/v1/documenten",
        "/api/v1/zienswijzeverzoeken",
        "/api/v1/termijnen",
        "/api/v1/gemeenten/GM0363/samenwerkingsverbanden",
        "/api/v1/gemeenten/GM0363/verbonden-partijen",
    ],
)
def test_every_year_parameter_refuses_a_year_out_of_range(client, amsterdam, adres):
    assert ongeldig(client.get(adres, {"jaar": "10000"})) == {
        "jaar": "Jaar: moet 2100 of eerder zijn."
    }
    assert ongeldig(client.get(adres, {"jaar": "1899"})) == {
        "jaar": "Jaar: moet 1900 of later zijn."
    }
    assert client.get(adres, {"jaar": "2100"}).status_code == 200


# --- Stored dates: the same range, whichever surface writes them ------------------------------


def test_a_stored_date_out_of_range_is_refused_naming_the_field(referentiedata):
    from tests.toegang import api_client, beheerder_account

    verband = f.DeelnameFactory(gemeente=Gemeente.objects.get(cbs_code="GM0479"))
    client = api_client(beheerder_account())
    # Once stored, a zienswijzeverzoek received on 9999-12-01 was a 500 on every page and
    # answer that showed it (its deadline is computed weeks later).
    antwoord = client.post(
        "/api/v1/zienswijzeverzoeken",
        {
            "samenwerkingsverband": str(verband.samenwerkingsverband.uuid),
            "soort": "ontwerpbegroting",
            "onderwerp": "Begroting 2100",
            "jaar": 2100,
            "ontvangenOp": "9999-12-01",
            "uitersteDatum": "9999-12-31",
        },
        format="json",
    )
    assert ongeldig(antwoord) == {"ontvangenOp": DATUM_FOUT, "uitersteDatum": DATUM_FOUT}


def test_the_services_refuse_a_date_out_of_range_for_every_surface(referentiedata):
    from django.core.exceptions import ValidationError

    from samenwerking import services

    deelname = f.DeelnameFactory.build(
        samenwerkingsverband=f.SamenwerkingsverbandFactory(),
        gemeente=Gemeente.objects.get(cbs_code="GM0479"),
        toetredingsdatum=datetime.date(1, 1, 1),
        uittredingsdatum=datetime.date(9999, 12, 31),
    )
    with pytest.raises(ValidationError) as fout:
        services.deelname_opslaan(deelname=deelname)
    assert fout.value.message_dict == {
        "toetredingsdatum": [DATUM_FOUT],
        "uittredingsdatum": [DATUM_FOUT],
    }


@pytest.mark.parametrize(
    "factory,constraint",
    [(f.InwonertalFactory, "inwonertal_jaar_bereik"), (f.DocumentFactory, "document_jaar_bereik")],
)
def test_the_database_refuses_a_stored_year_out_of_range(factory, constraint):
    """Like every other stored year, an inwonertal's and a document's: the services say it in
    Dutch, and the database refuses a write that goes around them."""
    from django.core.exceptions import ValidationError
    from django.db import IntegrityError, transaction

    from samenwerking import services

    rij = factory(jaar=2025)
    rij.jaar = 2101
    with pytest.raises(ValidationError) as fout:
        services.rij_opslaan(rij=rij)
    assert fout.value.message_dict == {"jaar": ["Jaar: moet tussen 1900 en 2100 liggen."]}
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        type(rij).objects.filter(pk=rij.pk).update(jaar=1899)
    rij.refresh_from_db()
    assert rij.jaar == 2025


def test_every_year_check_names_its_year_as_the_form_labels_it():
    """The label of a year is stated once for its field and its database check: the check's
    message names the field as the form does (a termijnafwijking's "Begrotingsjaar", which
    read "Jaar" while its form said begrotingsjaar)."""
    from django.apps import apps
    from django.core.exceptions import ValidationError
    from django.utils.text import capfirst

    from raad.models import Termijnafwijking

    checks = [
        (model, check)
        for model in apps.get_models()
        for check in model._meta.constraints
        if check.name.endswith("_jaar_bereik")
    ]
    assert len(checks) == 11
    for model, check in checks:
        veld = model._meta.get_field(check.veld)
        label = capfirst(veld.verbose_name)
        bericht = f"{label}: moet tussen 1900 en 2100 liggen."
        assert str(check.violation_error_message) == bericht
        # the field's own check says the same (forms, API, imports)
        assert {str(v.message) for v in veld.validators if v.code.endswith("_value")} == {bericht}
        # and the check lets an empty year through exactly where the field may be empty
        assert ((f"{check.veld}__isnull", True) in check.condition.children) == veld.null, model

    (check,) = [c for c in Termijnafwijking._meta.constraints if c.name.endswith("_jaar_bereik")]
    with pytest.raises(ValidationError) as fout:
        check.validate(Termijnafwijking, Termijnafwijking(jaar=1899))
    assert fout.value.message_dict == {"jaar": ["Begrotingsjaar: moet tussen 1900 en 2100 liggen."]}
