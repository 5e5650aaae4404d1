"""HTTP caching of public reads: an unchanged page or API answer costs no body."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "adres", ["/gemeenten/GM0363/", "/api/v1/gemeenten/GM0363/samenwerkingsverbanden"]
)
def test_etag_and_304_for_an_unchanged_answer(client, referentiedata, adres):
    eerste = client.get(adres)
    assert eerste.status_code == 200
    etag = eerste["ETag"]
    tweede = client.get(adres, HTTP_IF_NONE_MATCH=etag)
    assert tweede.status_code == 304
    assert tweede.content == b""
    ander = client.get(adres, HTTP_IF_NONE_MATCH='"iets-anders"')
    assert ander.status_code == 200
    assert ander.content == eerste.content
