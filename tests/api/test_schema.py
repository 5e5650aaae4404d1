"""The OpenAPI document: valid, Dutch descriptions everywhere, served with local assets.

scripts/check_schema.sh (run by `make test`) also compares it with docs/openapi.yaml."""

import pytest
import yaml
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.validation import validate_schema


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
def test_served_as_yaml_and_json(api):
    antwoord = api.get("/api/v1/openapi.yaml")
    assert antwoord.status_code == 200
    assert yaml.safe_load(antwoord.content)["info"]["version"] == "1.0.0"
    assert "/api/v1/deelnames" in api.get("/api/v1/openapi.json").json()["paths"]


@pytest.mark.django_db
def test_swagger_ui_from_local_static_files(api):
    html = api.get("/api/v1/docs/").content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    assert "cdn" not in html
