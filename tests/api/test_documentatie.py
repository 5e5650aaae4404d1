"""The API documentation page: a Dutch reference drawn on the server from the OpenAPI
document, generated once per process; no Redoc, no English interface text, no JavaScript."""

import html as html_
import re
from pathlib import Path
from unittest import mock

import pytest
import yaml
from drf_spectacular.generators import SchemaGenerator

from samenwerking.api import documentatie, naslag

pytestmark = pytest.mark.django_db

DOCS = Path(__file__).resolve().parent.parent.parent / "docs"


def _tekst(html: str) -> str:
    """What a reader sees: the text without tags, whitespace collapsed."""
    return html_.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)))


@pytest.fixture
def pagina(api):
    antwoord = api.get("/api/v1/docs/")
    assert antwoord.status_code == 200
    return antwoord, antwoord.content.decode()


def test_page_is_dutch_and_links_the_schema_the_guide_and_the_site(pagina):
    antwoord, html = pagina
    assert '<html lang="nl" class="utrecht-html">' in html
    assert "<h1>API-documentatie</h1>" in html
    assert '<a href="/api/v1/openapi.yaml">OpenAPI-beschrijving (YAML)</a>' in html
    assert '<a href="/api/v1/openapi.json">OpenAPI-beschrijving (JSON)</a>' in html
    assert 'href="/api/v1/handleiding/">Handleiding voor de API' in html
    assert '<a href="/">Terug naar het register</a>' in html
    for kop in ("Inhoud", "Gemeenten", "Deelnames", "Foutmeldingen"):
        assert f">{kop}</h2>" in html, kop
    for kop in ("Parameters", "Velden in het verzoek", "Velden in het antwoord", "Antwoorden"):
        assert f"<h4>{kop}</h4>" in html, kop
    # Readable without JavaScript, and nothing that needs inline styles.
    assert "<script" not in html and "redoc" not in html.lower()
    assert "unsafe-inline" not in antwoord["Content-Security-Policy"]


def test_no_english_interface_text(pagina):
    _, html = pagina
    tekst = _tekst(html)
    for woord in (
        "Responses",
        "Request samples",
        "Response samples",
        "QUERY PARAMETERS",
        "PATH PARAMETERS",
        "Response Schema",
        "Request Body",
        "Download",
        "required",
        "Authorizations",
    ):
        assert woord.lower() not in tekst.lower(), woord


def test_the_core_question_with_its_parameters_fields_and_example(pagina):
    _, html = pagina
    anker = 'id="op-gemeenten-samenwerkingsverbanden-retrieve"'
    assert (
        f'<h3 {anker}><span class="methode">GET</span> '
        "<code>/api/v1/gemeenten/{cbs_code}/samenwerkingsverbanden</code></h3>"
    ) in html
    # In the table of contents, with its Dutch summary.
    assert (
        '<a href="#op-gemeenten-samenwerkingsverbanden-retrieve"><span class="methode">GET</span>'
        " /api/v1/gemeenten/{cbs_code}/samenwerkingsverbanden</a> — In welke "
        "samenwerkingsverbanden zit deze gemeente, en wat kost elk?"
    ) in html
    deel = html[html.index(anker) : html.index('class="api-operatie"', html.index(anker))]
    tekst = _tekst(deel)
    assert "Iedereen mag dit, zonder account." in tekst
    # A parameter row: naam, waar, type, verplicht, uitleg.
    assert (
        "peildatum query datum (JJJJ-MM-DD) nee Welke deelnames lopen op deze dag (JJJJ-MM-DD). "
        "Standaard: vandaag."
    ) in tekst
    assert "cbs_code pad tekst ja CBS-code van een gemeente." in tekst
    assert (
        'aria-label="Parameters van GET /api/v1/gemeenten/{cbs_code}/samenwerkingsverbanden"'
        in deel
    )
    # Response fields, nested: samenwerkingsverbanden → deelname → toetredingsdatum.
    velden = re.sub(r"\s+", "", deel)
    assert re.search(
        r"<code>samenwerkingsverbanden</code>.*?<ulclass=\"api-velden\">.*?<code>deelname</code>"
        r".*?<ulclass=\"api-velden\">.*?<code>toetredingsdatum</code>",
        velden,
    )
    assert "toetredingsdatum datum (JJJJ-MM-DD) of null Toetredingsdatum." in tekst
    assert "verbondenPartij ja/nee (true/false) Verbonden partij voor deze gemeente" in tekst
    # Responses with their Dutch meaning and format; an example that runs on this site.
    assert "429 Te veel verzoeken zonder account" in tekst
    assert (
        'curl -s \\\n  "http://testserver/api/v1/gemeenten/GM0363/samenwerkingsverbanden"' in deel
    )


def test_writes_name_the_token_and_link_repeated_fields(pagina):
    _, html = pagina
    put = html[html.index('id="op-deelnames-update"') :]
    put = put[: put.index('class="api-operatie"')]
    tekst = _tekst(put)
    assert "Alleen met het token van een account waarvan de rol dit mag." in tekst
    voorbeeld = html_.unescape(put[put.index("<pre") :])
    assert "-X PUT" in voorbeeld and '-H "Authorization: Token $TOKEN"' in voorbeeld
    assert "-H 'If-Match: \"…\"'" in voorbeeld and "-d @gegevens.json" in voorbeeld
    # If-Match as a parameter in the header ("kop"), required.
    assert "If-Match kop tekst ja" in tekst
    # PUT takes POST's fields (written out there once), the answer is one result of the list.
    assert (
        'Dezelfde velden als bij <a href="#op-deelnames-create">POST /api/v1/deelnames</a>' in put
    )
    post = html[html.index('id="op-deelnames-create"') :]
    assert '<code>samenwerkingsverband</code> <span class="veldtype">uuid, verplicht</span>' in post
    patch = html[html.index('id="op-deelnames-partial-update"') :]
    assert "hier is elk veld optioneel" in patch[: patch.index('class="api-operatie"')]


def test_other_formats_are_named_and_free_form_bodies_list_no_fields(pagina):
    _, html = pagina
    deel = html[html.index('id="op-gemeenten-verbonden-partijen"') :]
    deel = deel[: deel.index('class="api-operatie"')]
    tekst = _tekst(deel)
    assert "200 De lijst als open data (JSON). Ook als: application/vnd.openxmlformats" in tekst
    assert "text/csv" in tekst
    assert "Velden in het antwoord" not in tekst  # its JSON schema is named in the text
    assert (
        "400 Onbekende queryparameter of ongeldige waarde (zie invalidParams). Foutmelding" in tekst
    )


def test_problem_fields_are_described_once(pagina):
    _, html = pagina
    fouten = _tekst(html[html.index('id="fouten"') :])
    assert "invalidParams lijst van object OngeldigeParameter Per parameter of veld" in fouten


def test_schema_is_generated_once_per_process(api):
    naslag.openapi_schema.cache_clear()
    naslag.naslag.cache_clear()
    documentatie._naslag_html.cache_clear()
    echt = SchemaGenerator.get_schema
    with mock.patch.object(
        SchemaGenerator, "get_schema", autospec=True, side_effect=echt
    ) as genereer:
        for adres in (
            "/api/v1/docs/",
            "/api/v1/openapi.yaml",
            "/api/v1/openapi.json",
            "/api/v1/docs/",
        ):
            assert api.get(adres).status_code == 200, adres
    assert genereer.call_count == 1


def test_served_document_is_the_committed_one(api):
    """The process's one copy is generated without a request, as `make schema` writes it."""
    vastgelegd = yaml.safe_load((DOCS / "openapi.yaml").read_text(encoding="utf-8"))
    assert api.get("/api/v1/openapi.json").json() == vastgelegd
    assert yaml.safe_load(api.get("/api/v1/openapi.yaml").content) == vastgelegd


def test_page_asks_nothing_of_the_database_once_drawn(api, django_assert_max_num_queries):
    api.get("/api/v1/docs/")
    # The page itself is drawn from the process's copy; at most the register version for
    # the page cache.
    with django_assert_max_num_queries(1):
        assert api.get("/api/v1/docs/").status_code == 200


def test_the_guide_names_every_filter_of_every_list(api):
    """docs/api.md's table "Bronnen en filters" names each list's query parameters as the API
    takes them (the meetings' `van`/`tot` were once missing)."""
    schema = api.get("/api/v1/openapi.json").json()
    gids = (DOCS / "api.md").read_text(encoding="utf-8")
    rijen = re.findall(r"^\| `([a-z]+)`[^|]*\| [^|]+\| (.+) \|$", gids, re.MULTILINE)
    assert {"vergaderingen", "raadsvergaderingen", "samenwerkingsverbanden"} <= dict(rijen).keys()
    for bron, filters in rijen:
        lijst = schema["paths"][f"/api/v1/{bron}"]["get"]
        parameters = {p["name"] for p in lijst["parameters"] if p["in"] == "query"}
        genoemd = set(re.findall(r"`([A-Za-z]+)`", filters))
        assert genoemd >= parameters - {"ordering", "page", "pageSize"}, bron
        assert genoemd <= parameters | {"uitvoerend", "beleidsbepalend", "beide"}, bron


@pytest.mark.parametrize(
    ("adres", "doel", "kop"),
    [
        ("/api", "/api/v1/docs/", "<h1>API-documentatie</h1>"),
        ("/api/", "/api/v1/docs/", "<h1>API-documentatie</h1>"),
        ("/api/v1/docs", "/api/v1/docs/", "<h1>API-documentatie</h1>"),
        ("/api/v1/handleiding", "/api/v1/handleiding/", "<title>Handleiding API · regioreg"),
    ],
)
def test_the_addresses_a_developer_types_lead_to_the_documentation(api, adres, doel, kop):
    antwoord = api.get(adres, follow=True)
    assert antwoord.redirect_chain == [(doel, 302)]
    assert antwoord.status_code == 200
    assert kop in antwoord.content.decode()


def test_another_address_without_a_resource_is_still_a_problem(api):
    antwoord = api.get("/api/v1/documentatie")
    assert antwoord.status_code == 404
    assert antwoord["Content-Type"] == "application/problem+json"
    assert "Zie /api/v1/docs/ voor alle adressen" in antwoord.json()["detail"]
