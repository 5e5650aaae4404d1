"""No lost updates through the API: ETag on reads and writes, If-Match required to change."""

import pytest

from samenwerking.models import Samenwerkingsverband
from tests import factories as f
from tests.toegang import account, api_client, beheerder_account
from toegang.models import RolSoort

from .hulp import ongeldig, probleem

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


@pytest.mark.parametrize("kop", ["abc", '"abc", xyz', "W/abc", "661bd773d0030"])
def test_an_if_match_that_is_no_etag_is_a_400_saying_what_to_send(schrijver, pad, kop):
    """Not "changed since you read it" (412): the object need not have changed at all."""
    antwoord = schrijver.patch(pad, {"afkorting": "A"}, format="json", HTTP_IF_MATCH=kop)
    assert ongeldig(antwoord) == {
        "If-Match": "Dit is geen ETag. Stuur in If-Match de ETag precies zoals de kop ETag hem "
        'gaf, met de aanhalingstekens (bijvoorbeeld If-Match: "661bd773d0030"), of * als u '
        "bewust elke versie overschrijft."
    }
    assert schrijver.get(pad).json()["afkorting"] != "A"


def test_options_on_an_object_lists_the_changes_the_caller_may_make(schrijver, pad, api):
    """DRF's probe asked get_object() of a PUT without If-Match: never PUT, never PATCH."""
    acties = schrijver.options(pad).json()["actions"]
    assert set(acties) == {"PUT", "PATCH"}
    assert acties["PUT"]["naam"]["required"] is True
    assert acties["PATCH"]["naam"]["required"] is False
    assert "actions" not in api.options(pad).json()
    ander = api_client(account(RolSoort.SECRETARIAAT, verbanden=[f.SamenwerkingsverbandFactory()]))
    assert "actions" not in ander.options(pad).json()
    verband = Samenwerkingsverband.objects.get(uuid=pad.rsplit("/", 1)[1])
    eigen = api_client(account(RolSoort.SECRETARIAAT, verbanden=[verband]))
    assert set(eigen.options(pad).json()["actions"]) == {"PUT", "PATCH"}
