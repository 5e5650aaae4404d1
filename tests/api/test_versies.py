"""No lost updates through the API: ETag on reads and writes, If-Match required to change."""

import pytest

from tests import factories as f
from tests.toegang import api_client, beheerder_account

from .hulp import probleem

pytestmark = pytest.mark.django_db


@pytest.fixture
def schrijver():
    return api_client(beheerder_account())


@pytest.fixture
def pad():
    return f"/api/v1/samenwerkingsverbanden/{f.SamenwerkingsverbandFactory().uuid}"


def test_a_read_gives_the_etag_and_the_time_of_the_last_change(schrijver, pad):
    antwoord = schrijver.get(pad)
    assert antwoord["ETag"].startswith('"') and antwoord["ETag"].endswith('"')
    assert antwoord.json()["laatstGewijzigd"]


def test_a_change_with_the_current_etag_succeeds_and_answers_the_new_one(schrijver, pad):
    versie = schrijver.get(pad)["ETag"]
    antwoord = schrijver.patch(pad, {"afkorting": "VR"}, format="json", HTTP_IF_MATCH=versie)
    assert antwoord.status_code == 200
    assert antwoord["ETag"] != versie
    assert antwoord["ETag"] == schrijver.get(pad)["ETag"]


def test_a_stale_etag_is_a_412_with_the_current_version(schrijver, pad):
    oud = schrijver.get(pad)["ETag"]
    eerste = schrijver.patch(pad, {"afkorting": "A"}, format="json", HTTP_IF_MATCH=oud)
    assert eerste.status_code == 200
    antwoord = schrijver.patch(pad, {"afkorting": "B"}, format="json", HTTP_IF_MATCH=oud)
    body = probleem(antwoord, 412)
    assert body["actueleVersie"] == eerste["ETag"] == antwoord["ETag"]
    assert "gewijzigd sinds u het opvroeg" in body["detail"]
    assert schrijver.get(pad).json()["afkorting"] == "A"
    put = schrijver.put(pad, {**schrijver.get(pad).json()}, format="json", HTTP_IF_MATCH=oud)
    probleem(put, 412)


def test_a_change_without_if_match_is_a_428(schrijver, pad):
    body = probleem(schrijver.patch(pad, {"afkorting": "A"}, format="json"), 428)
    assert "If-Match" in body["detail"]


def test_weak_and_wildcard_if_match_are_understood(schrijver, pad):
    versie = schrijver.get(pad)["ETag"]
    zwak = schrijver.patch(pad, {"afkorting": "A"}, format="json", HTTP_IF_MATCH=f"W/{versie}")
    assert zwak.status_code == 200
    assert schrijver.get(pad).json()["afkorting"] == "A"
    elke = schrijver.patch(pad, {"afkorting": "B"}, format="json", HTTP_IF_MATCH="*")
    assert elke.status_code == 200
    assert schrijver.get(pad).json()["afkorting"] == "B"


def test_a_new_object_answers_its_etag(schrijver):
    antwoord = schrijver.post("/api/v1/personen", {"naam": "K. Smit"}, format="json")
    assert antwoord.status_code == 201
    assert antwoord["ETag"] == schrijver.get(antwoord["Location"])["ETag"]
