"""CORS: the open register's API can be read from another site's JavaScript; the site's own
pages cannot, nothing is written cross-site, and no cookies are ever sent along."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("referentiedata")]

ANDERE_SITE = "https://krant.example"


def test_another_site_reads_the_api(client):
    antwoord = client.get("/api/v1/gemeenten/GM0363", HTTP_ORIGIN=ANDERE_SITE)
    assert antwoord.status_code == 200
    assert antwoord.json()["naam"] == "Amsterdam"
    assert antwoord["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in antwoord
    assert "ETag" in antwoord["Access-Control-Expose-Headers"]


def test_the_preflight_allows_reading_only_and_never_credentials(client):
    antwoord = client.options(
        "/api/v1/gemeenten",
        HTTP_ORIGIN=ANDERE_SITE,
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="PATCH",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )
    assert antwoord.status_code == 200
    assert antwoord["Access-Control-Allow-Origin"] == "*"
    assert antwoord["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "Access-Control-Allow-Credentials" not in antwoord


def test_the_sites_own_pages_get_no_cors_headers(client):
    antwoord = client.get("/gemeenten/GM0363/", HTTP_ORIGIN=ANDERE_SITE)
    assert antwoord.status_code == 200
    assert "Access-Control-Allow-Origin" not in antwoord


def test_a_cached_anonymous_answer_carries_the_cors_headers_too(client):
    """The page cache answers the second read: CORS sits above it."""
    for _ in range(2):
        antwoord = client.get("/api/v1/provincies", HTTP_ORIGIN=ANDERE_SITE)
        assert antwoord.status_code == 200
        assert antwoord["Access-Control-Allow-Origin"] == "*"
