"""What every response of the API shares: the API-Version header, problem+json errors in
Dutch, unknown parameters refused, and who may write."""

import uuid

import pytest
from rest_framework.test import APIClient

from samenwerking.models import Persoon, Provincie, Samenwerkingsverband
from tests import factories as f
from tests.toegang import api_client, beheerder_account

from .hulp import ongeldig, probleem

pytestmark = pytest.mark.django_db


def test_api_version_header_on_lists_root_and_documentation(api):
    for pad in ("/api/v1/", "/api/v1/gemeenten", "/api/v1/openapi.json", "/api/v1/docs/"):
        antwoord = api.get(pad)
        assert antwoord.status_code == 200, pad
        assert antwoord["API-Version"] == "1.0.0", pad


def test_the_api_root_lists_the_raads_resources_too(api):
    """One API, one router (regioreg.urls): the root lists the raad's resources as well."""
    bronnen = api.get("/api/v1/").json()
    assert {"gemeenten", "zetels", "zienswijzen", "vergaderingen", "kaders"} <= set(bronnen)
    assert bronnen["zienswijzen"] == "http://testserver/api/v1/zienswijzen"
    assert api.get("/api/v1/zienswijzen")["API-Version"] == "1.0.0"


def test_html_pages_have_no_api_version(client, referentiedata):
    assert "API-Version" not in client.get("/")


def test_unknown_parameter_is_a_400_naming_it_and_what_is_allowed(api):
    fouten = ongeldig(api.get("/api/v1/personen", {"naam": "Jansen"}))
    assert fouten == {
        "naam": "Onbekende parameter. Toegestaan: ordering, page, pageSize, partij, q."
    }


def test_a_detail_takes_no_parameters(api):
    persoon = f.PersoonFactory()
    fouten = ongeldig(api.get(f"/api/v1/personen/{persoon.uuid}", {"expand": "zetels"}))
    assert fouten == {"expand": "Onbekende parameter. Toegestaan: geen."}


def test_problem_shape_with_invalid_params(api):
    antwoord = api.get("/api/v1/zetels", {"actiefOp": "morgen", "rol": "koning"})
    assert probleem(antwoord, 400) == {
        "type": "urn:regioreg:probleem:ongeldige-invoer",
        "title": "Ongeldige invoer",
        "status": 400,
        "detail": "Een of meer parameters of velden zijn ongeldig.",
        "instance": "/api/v1/zetels",
        "invalidParams": [
            {
                "name": "actiefOp",
                "code": "invalid",
                "reason": "Gebruik een datum als JJJJ-MM-DD, bijvoorbeeld 2025-06-01.",
            },
            {
                "name": "rol",
                "code": "invalid_choice",
                "reason": "Rol: kies voorzitter, vicevoorzitter, lid of plaatsvervanger.",
            },
        ],
    }


@pytest.mark.parametrize(
    ("pad", "detail"),
    [
        ("/api/v1/gemeenten/GM9999", "Geen gemeente met CBS-code GM9999."),
        ("/api/v1/provincies/PV99", "Geen provincie met CBS-code PV99."),
        (
            "/api/v1/gemeenten/Den%20Haag",
            "Geen gemeente met CBS-code Den Haag. Bedoelt u GM0518 ('s-Gravenhage)?",
        ),
        (
            "/api/v1/deelnames/geen-uuid",
            "Geen deelname met uuid geen-uuid. Dat is geen geldige uuid: gebruik de uuid van een "
            "deelname zoals de API die geeft, bijvoorbeeld 0f8fad5b-d9cb-469f-a165-70867728950e.",
        ),
        (
            "/api/v1/samenwerkingsverbanden/abc/kosten-per-inwoner",
            "Geen samenwerkingsverband met uuid abc. Dat is geen geldige uuid: gebruik de uuid "
            "van een samenwerkingsverband zoals de API die geeft, bijvoorbeeld "
            "0f8fad5b-d9cb-469f-a165-70867728950e.",
        ),
        (
            "/api/v1/samenwerkingsverbanden/00000000-0000-4000-8000-000000000000",
            "Geen samenwerkingsverband met uuid 00000000-0000-4000-8000-000000000000.",
        ),
        ("/api/v1/gemeenten/GM9999/verbonden-partijen", "Geen gemeente met CBS-code GM9999."),
        (
            "/api/v1/samenwerkingsverbanden/00000000-0000-4000-8000-000000000000/kosten-per-inwoner",
            "Geen samenwerkingsverband met uuid 00000000-0000-4000-8000-000000000000.",
        ),
    ],
)
def test_unknown_key_is_a_404_saying_what_was_not_found(api, referentiedata, pad, detail):
    body = probleem(api.get(pad), 404)
    assert body["title"] == "Niet gevonden"
    assert body["detail"] == detail


@pytest.mark.parametrize(
    ("pad", "naam", "omschrijving"),
    [
        (
            "/api/v1/gemeenten",
            "Gemeenten",
            "Gemeenten opvragen, per pagina en te filteren met de parameters.",
        ),
        ("/api/v1/gemeenten/GM0479", "Gemeente", "Gemeente opvragen."),
        # Its docstring is an English note for developers.
        (
            "/api/v1/vergaderingen",
            "Vergaderingen",
            "Vergaderingen opvragen, per pagina en te filteren met de parameters.",
        ),
        ("/api/v1/gemeenten/GM0479/samenwerkingsverbanden", "Samenwerkingsverbanden", ""),
        ("/api/v1/termijnen", "P&C-termijnen", ""),
        (
            "/api/v1/samenwerkingsverbanden/00000000-0000-4000-8000-000000000000/"
            "kosten-per-inwoner",
            "Kosten per inwoner",
            "",
        ),
    ],
)
def test_options_names_and_describes_the_address_in_dutch(
    api, referentiedata, pad, naam, omschrijving
):
    # DRF said "Gemeente List" and the view's English docstring.
    body = api.options(pad).json()
    assert (body["name"], body["description"]) == (naam, omschrijving)


def test_options_labels_the_fields_in_words(beheerder):
    # DRF made the labels of the camelCase names: "Laatstgewijzigd", "Rollabel".
    velden = beheerder.options("/api/v1/deelnames").json()["actions"]["POST"]
    assert velden["laatstGewijzigd"]["label"] == "Laatst gewijzigd"
    assert velden["deelnemendeBestuursorganen"]["label"] == "Deelnemende bestuursorganen"
    assert velden["rolLabel"]["label"] == "Rol (omschrijving)"
    assert velden["aandelenAantal"]["label"] == "Aantal aandelen"  # the model's own


@pytest.mark.parametrize(
    "pad",
    [
        "/api/v1/bestaat-niet",
        "/api/v1/gemeenten/",
        # DRF's format suffixes: a second address, whose answer linked every object as .json.
        "/api/v1/gemeenten.json",
        "/api/v1/provincies/PV27.json",
    ],
)
def test_unknown_address_under_the_api_is_a_problem_too(api, pad):
    body = probleem(api.get(pad), 404)
    assert "schuine streep" in body["detail"]


def test_bad_json_is_a_400_problem(beheerder):
    antwoord = beheerder.post("/api/v1/personen", "{naam:", content_type="application/json")
    assert probleem(antwoord, 400)["detail"] == "De invoer is geen geldige JSON."


def test_a_value_that_is_not_a_choice_is_a_400_naming_the_values_there_are(beheerder):
    # DRF said only '"koning" is een ongeldige keuze.', inside a list too.
    antwoord = beheerder.post(
        "/api/v1/samenwerkingsverbanden",
        {"naam": "Regeling X", "vorm": "GR", "motieven": ["kosten", "gezelligheid"]},
        format="json",
    )
    fouten = ongeldig(antwoord)
    assert fouten["vorm"] == (
        "Vorm: kies OL, GO, BVO, CC, RZM, CONVENANT, STICHTING, VERENIGING, VENNOOTSCHAP, "
        "COOPERATIE of NETWERK."
    )
    assert fouten["motieven.1"].startswith("Motieven: kies ")
    assert not Samenwerkingsverband.objects.filter(naam="Regeling X").exists()


def test_a_page_past_the_last_is_a_404_saying_how_many_pages_there_are(
    api, django_assert_num_queries
):
    for code in ("PV90", "PV91", "PV92"):
        f.ProvincieFactory(code=code, naam=f"Provincie {code}")
    pagina_s = -(-Provincie.objects.count() // 2)
    with django_assert_num_queries(1):  # the count, once
        antwoord = api.get("/api/v1/provincies", {"page": 99, "pageSize": 2})
    body = probleem(antwoord, 404)
    assert body["detail"] == f"Pagina 99 bestaat niet: er zijn {pagina_s} pagina's met pageSize 2."
    body = probleem(api.get("/api/v1/provincies", {"page": 2, "pageSize": 500}), 404)
    assert body["detail"] == "Pagina 2 bestaat niet: er is 1 pagina met pageSize 500."


def test_a_format_the_address_does_not_make_is_a_406_naming_what_it_does(api, referentiedata):
    body = probleem(api.get("/api/v1/gemeenten", HTTP_ACCEPT="text/csv"), 406)
    assert body["detail"] == (
        "Dit adres levert: application/json. Vraag een daarvan in de Accept-kop, of laat hem weg."
    )
    lijst = "/api/v1/gemeenten/GM0363/verbonden-partijen"
    body = probleem(api.get(lijst, HTTP_ACCEPT="application/pdf"), 406)
    assert "text/csv" in body["detail"]


def test_the_openapi_documents_406_is_json_as_its_content_type_says(api):
    # Was written in YAML under Content-Type application/problem+json.
    body = probleem(api.get("/api/v1/openapi.yaml", HTTP_ACCEPT="application/json"), 406)
    assert body["detail"] == (
        "Dit adres levert: application/vnd.oai.openapi, application/yaml. Vraag een daarvan in "
        "de Accept-kop, of laat hem weg."
    )


def test_input_that_is_not_json_is_a_415_saying_to_send_json(beheerder):
    antwoord = beheerder.post("/api/v1/personen", "naam=X", content_type="text/plain")
    assert probleem(antwoord, 415)["detail"] == (
        "Stuur de invoer als JSON, met de kop Content-Type: application/json."
    )
    assert not Persoon.objects.exists()


def test_deeply_nested_json_is_a_400_and_nothing_is_stored(beheerder):
    # Was a 500 (RecursionError in the JSON parser) for any account with a token.
    diep = "[" * 100_000 + "]" * 100_000
    antwoord = beheerder.post("/api/v1/personen", diep, content_type="application/json")
    assert probleem(antwoord, 400)["detail"] == (
        "De invoer is te diep genest. Stuur één object met zijn velden."
    )
    assert not Persoon.objects.exists()


def test_a_parameter_given_twice_is_a_400_not_one_value_quietly_dropped(api, referentiedata):
    # ?soort=begroot&soort=gerealiseerd answered with the gerealiseerde bijdragen only.
    fouten = ongeldig(api.get("/api/v1/bijdragen", {"soort": ["begroot", "gerealiseerd"]}))
    assert fouten == {
        "soort": "Deze parameter staat er meer dan één keer in; er telt maar één waarde. Geef "
        "hem één keer (bij ordering: de velden met komma's ertussen)."
    }
    pad = "/api/v1/gemeenten/GM0363/samenwerkingsverbanden"
    assert set(ongeldig(api.get(pad, {"jaar": ["2024", "2025"]}))) == {"jaar"}


@pytest.fixture
def token_client(django_user_model):
    """A client with the API token of an account (with or without a role that may write)."""

    def maak(met_rol: bool, token: str | None = None) -> APIClient:
        gebruiker = (
            beheerder_account(f"b-{uuid.uuid4().hex[:8]}")
            if met_rol
            else django_user_model.objects.create_user(f"g-{uuid.uuid4().hex[:8]}")
        )
        client = api_client(gebruiker)
        if token is not None:
            client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
        return client

    return maak


def test_an_account_with_a_role_can_write_with_its_token(token_client):
    antwoord = token_client(met_rol=True).post(
        "/api/v1/personen", {"naam": "A. Bakker"}, format="json"
    )
    assert antwoord.status_code == 201
    assert Persoon.objects.filter(naam="A. Bakker").exists()


def test_an_unknown_or_revoked_token_is_a_401(token_client):
    # Tokens replace HTTP Basic (issue 8): a wrong token is refused like a wrong password was.
    body = probleem(token_client(met_rol=True, token="fout").get("/api/v1/personen"), 401)
    # Not DRF's "Ongeldige token.": what is wrong, how it should look, and that reading needs
    # no token at all.
    assert body["detail"] == (
        "Het token in de kop Authorization is onbekend, ingetrokken of van een account dat niet "
        "meer actief is. Stuur Authorization: Token <token> met een geldig token; lezen kan ook "
        "zonder token."
    )


def test_logged_in_without_a_role_is_a_403(token_client):
    body = probleem(
        token_client(met_rol=False).post("/api/v1/personen", {"naam": "X"}, format="json"), 403
    )
    assert body["title"] == "Geen toestemming"
    assert not Persoon.objects.exists()


def test_reading_needs_no_account(api):
    Persoon.objects.create(naam="A. Bakker")
    antwoord = api.get("/api/v1/personen")
    assert antwoord.status_code == 200
    assert [p["naam"] for p in antwoord.json()["results"]] == ["A. Bakker"]


def test_a_number_where_text_belongs_is_a_400(beheerder):
    # Found by schemathesis (tests/api/test_fuzz.py): DRF stored {"naam": 12} as "12".
    fouten = ongeldig(beheerder.post("/api/v1/personen", {"naam": 12}, format="json"))
    assert fouten == {"naam": "Vul een tekst in (een JSON-string)."}


def test_a_parameter_without_a_value_is_a_400(api):
    # Found by schemathesis: `?soort=` quietly filtered nothing; the document allows no empty
    # values.
    fouten = ongeldig(api.get("/api/v1/documenten", {"soort": "", "ordering": "titel,"}))
    assert fouten == {
        "ordering": "Lege waarde. Laat de parameter weg of geef een waarde.",
        "soort": "Lege waarde. Laat de parameter weg of geef een waarde.",
    }


@pytest.mark.parametrize("methode", ["POST", "PUT", "PATCH", "DELETE", "TRACE"])
def test_a_method_the_list_of_verbonden_partijen_lacks_is_a_405_in_dutch(
    api, beheerder, referentiedata, methode
):
    # Once a 500: the permission check asked this view for a queryset it does not have.
    for client in (api, beheerder):
        antwoord = client.generic(methode, "/api/v1/gemeenten/GM0363/verbonden-partijen")
        body = probleem(antwoord, 405)
        assert body["title"] == "Methode niet toegestaan"
        assert body["detail"] == f'Methode "{methode}" niet toegestaan.'
        assert antwoord["Allow"] == "GET, HEAD, OPTIONS"


def test_an_undeclared_method_is_a_405_before_the_parameters_are_checked(api):
    # Not a 400 about parameters the method would not take anyway.
    antwoord = api.generic("TRACE", "/api/v1/bestuursorganen?page=0&soort=geen")
    assert probleem(antwoord, 405)["detail"] == 'Methode "TRACE" niet toegestaan.'
    assert antwoord["Allow"] == "GET, POST, HEAD, OPTIONS"


def test_a_nul_character_in_a_parameter_is_a_400_naming_it(api, referentiedata):
    # PostgreSQL cannot compare text with NUL (found by schemathesis on ?gemeente=).
    assert ongeldig(api.get("/api/v1/termijnen", {"gemeente": "GM\x000363"})) == {
        "gemeente": "Ongeldig teken (NUL) in de waarde."
    }
