"""The OpenAPI document: valid, Dutch descriptions everywhere (the page: test_documentatie.py).

scripts/check_schema.sh (run by `make test`) also compares it with docs/openapi.yaml."""

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema

from .hulp import ongeldig


@pytest.fixture(scope="module")
def schema():
    return SchemaGenerator().get_schema(request=None, public=True)


def test_the_document_validates(schema):
    validate_schema(schema)


def test_every_resource_and_the_core_question_are_documented(schema):
    paden = set(schema["paths"])
    for bron in (
        "provincies",
        "gemeenten",
        "organisaties",
        "samenwerkingsverbanden",
        "deelnames",
        "bestuursorganen",
        "zetels",
        "personen",
        "bijdragen",
        "jaarcijfers",
        "documenten",
        "zienswijzeverzoeken",
        "zienswijzen",
        "termijnen",
    ):
        assert f"/api/v1/{bron}" in paden
    assert "/api/v1/gemeenten/{cbs_code}/samenwerkingsverbanden" in paden


def test_every_operation_parameter_and_field_has_a_description(schema):
    zonder = []
    for pad, operaties in schema["paths"].items():
        for methode, operatie in operaties.items():
            if not operatie.get("description"):
                zonder.append(f"{methode} {pad}")
            zonder += [
                f"{methode} {pad} ?{p['name']}"
                for p in operatie.get("parameters", [])
                if not p.get("description")
            ]
    for naam, component in schema["components"]["schemas"].items():
        zonder += [
            f"{naam}.{veld}"
            for veld, eigenschap in component.get("properties", {}).items()
            if not eigenschap.get("description")
        ]
    assert zonder == []


@pytest.mark.django_db
def test_every_writable_whole_number_has_postgresqls_bounds(schema):
    """A client can see what the database stores: stemmen is a smallint, 0..32767."""
    velden = {
        (naam, veld): (eigenschap.get("minimum"), eigenschap.get("maximum"))
        for naam, component in schema["components"]["schemas"].items()
        if naam.endswith("Request")
        for veld, eigenschap in component.get("properties", {}).items()
        if eigenschap.get("type") == "integer"
    }
    assert velden[("DeelnameRequest", "stemmen")] == (0, 32767)
    assert velden[("DeelnameRequest", "aandelenAantal")] == (0, 2**63 - 1)
    assert velden[("BijdrageRequest", "jaar")] == (1900, 2100)
    assert [veld for veld, grenzen in velden.items() if None in grenzen] == []


def test_served_as_yaml_and_json(api):
    antwoord = api.get("/api/v1/openapi.yaml")
    assert antwoord.status_code == 200
    assert yaml.safe_load(antwoord.content)["info"]["version"] == "1.0.0"
    assert "/api/v1/deelnames" in api.get("/api/v1/openapi.json").json()["paths"]


@pytest.mark.django_db
def test_api_guide_is_a_page_of_the_site(api):
    antwoord = api.get("/api/v1/handleiding/")
    html = antwoord.content.decode()
    assert antwoord.status_code == 200
    assert (
        '<h2 id="de-kernvraag-in-welke-verbanden-zit-mijn-gemeente-en-wat-kost-elk">'
        "De kernvraag: in welke verbanden zit mijn gemeente, en wat kost elk?</h2>"
    ) in html
    assert 'href="/api/v1/docs/"' in html
    assert "unsafe-inline" not in antwoord["Content-Security-Policy"]


@pytest.mark.django_db
def test_every_link_of_the_api_guide_leads_somewhere(api):
    """docs/api.md links to files beside it (openapi.yaml, the JSON Schemas) and to its own
    headings: on the site's page each is an address that answers, or an anchor of the page."""
    html = api.get("/api/v1/handleiding/").content.decode()
    ankers = set(re.findall(r' id="([^"]+)"', html))
    handleiding = html.split('<div class="handleiding">', 1)[1]
    links = set(re.findall(r'<a href="([^"]+)"', handleiding))
    assert {"/api/v1/openapi.yaml", "/schema/verbonden-partijen.schema.json", "#schrijven"} <= links
    for link in links:
        if link.startswith("#"):
            assert link[1:] in ankers, link
        elif not link.startswith("http"):
            assert api.get(link).status_code == 200, link


@pytest.mark.django_db
@pytest.mark.parametrize("naam", ["verbonden-partijen", "register-art27"])
def test_the_open_data_schemas_are_served_where_their_id_says(api, naam):
    bestand = DOCUMENT.parent / f"{naam}.schema.json"
    schema = json.loads(bestand.read_text())
    antwoord = api.get(f"/schema/{naam}.schema.json")
    assert antwoord.status_code == 200
    assert antwoord["Content-Type"] == "application/schema+json"
    assert json.loads(antwoord.content) == schema
    assert schema["$id"].endswith(f"/schema/{naam}.schema.json")


@pytest.mark.django_db
def test_an_unknown_schema_is_a_dutch_404(api):
    antwoord = api.get("/schema/openapi.schema.json")
    assert antwoord.status_code == 404
    assert "Er is geen schema openapi." in antwoord.content.decode()


# --- The document refuses what the API refuses ----------------------------------------------
# A client generated from docs/openapi.yaml must never be surprised by a 400 for a value the
# document allowed: page 0, an empty value, a year or date out of range.

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"


def _query_parameters():
    """(path, parameter) of every GET operation's query parameters in the committed document."""
    document = yaml.safe_load(DOCUMENT.read_text())
    for pad, operaties in document["paths"].items():
        for parameter in operaties.get("get", {}).get("parameters", []):
            if parameter["in"] == "query":
                yield pad, parameter


def _geweigerd(parameter) -> list:
    """Values the API refuses with a 400 for this parameter, as the document would see them."""
    schema, naam = parameter["schema"], parameter["name"]
    if naam == "page":  # a whole number from 1, or `last`
        return [0, "eerste"]
    if schema["type"] == "integer":
        waarden = []
        if naam == "pageSize":
            waarden.append(0)
        if naam == "jaar":
            waarden += [1899, 2101, 10000]
        return waarden
    if schema["type"] == "array":
        return [[]]
    if schema.get("format") == "date":
        return ["", "9999-12-31", "2101-01-01", "1899-12-31", "0001-01-01"]
    return ["", " ", "a\x00b"]


def _in_adres(waarde) -> str:
    return ",".join(waarde) if isinstance(waarde, list) else str(waarde)


GEWEIGERD = [
    pytest.param(pad, parameter["name"], waarde, id=f"{pad}?{parameter['name']}={waarde!r}")
    for pad, parameter in _query_parameters()
    for waarde in _geweigerd(parameter)
]


def test_every_refused_value_is_refused_by_the_document_too():
    checker = jsonschema.FormatChecker()
    gecontroleerd = set()
    for pad, parameter in _query_parameters():
        schema = parameter["schema"]
        for waarde in _geweigerd(parameter):
            fouten = list(
                jsonschema.Draft7Validator(schema, format_checker=checker).iter_errors(waarde)
            )
            assert fouten, f"{pad}?{parameter['name']}={waarde!r} is allowed by the document"
            gecontroleerd.add(parameter["name"])
        if parameter["name"] == "jaar":
            assert (schema["minimum"], schema["maximum"]) == (1900, 2100), pad
        if parameter["name"] == "pageSize":
            # A generated client knows the largest page (Paginering.max_page_size).
            assert (schema["minimum"], schema["maximum"]) == (1, 500), pad
    # Every kind of parameter is there to be checked.
    assert {"page", "pageSize", "jaar", "peildatum", "actiefOp", "q", "ordering"} <= gecontroleerd


@pytest.mark.django_db
@pytest.mark.parametrize(("pad", "naam", "waarde"), GEWEIGERD)
def test_every_value_the_document_refuses_is_refused_by_the_api(
    api, referentiedata, pad, naam, waarde
):
    # Parameters are checked before the row is looked up: any uuid will do.
    adres = pad.replace("{cbs_code}", "GM0363").replace(
        "{uuid}", "00000000-0000-0000-0000-000000000000"
    )
    antwoord = api.get(adres, {naam: _in_adres(waarde)})
    assert naam in ongeldig(antwoord)
