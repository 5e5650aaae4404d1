"""Schemathesis against the committed OpenAPI document (docs/openapi.yaml), in process through
Django's WSGI application on the PostgreSQL test database with a little real data.

Every operation is tried twice: as the public (no account) and with the token of a beheerder,
so that writes and the services' validation are fuzzed too. No answer may be a 5xx, and every
answer must conform to the document (status codes, content types, headers and bodies).

- The public run adds schemathesis' coverage phase: deterministic cases derived from the
  document, its boundaries (page 0, empty values, years and dates just outside their range)
  and methods the document does not list (which must be a 405). FUZZ_DEKKING=alle adds it to
  the beheerder's run too (some minutes more: every boundary of every write body).
- Both runs generate a bounded number of random examples per operation (FUZZ_VOORBEELDEN,
  default 12), derandomized, so that a run is repeatable; the two runs take about a minute
  each. A longer run is `FUZZ_VOORBEELDEN=200 make test ARGS=tests/api/test_fuzz.py`.
"""

import datetime
import functools
import os
from pathlib import Path

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from raad.models import Zienswijze
from samenwerking.models import Gemeente
from tests import factories as f
from tests.raad.factories import ZienswijzeFactory
from tests.toegang import beheerder_account

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "openapi.yaml"
VOORBEELDEN = int(os.environ.get("FUZZ_VOORBEELDEN", "12"))


@functools.cache
def _wsgi():
    # Built at the first request, inside a test: the middleware then reads the test settings
    # (plain http, tests/conftest.py), as the test client's handler does.
    return get_wsgi_application()


def app(environ, start_response):
    """Django's WSGI application inside the test's transaction: like the test client, it
    must not close the database connection at the end of a request."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    antwoord = _wsgi()(environ, start_response)
    try:
        return [b"".join(antwoord)]
    finally:
        antwoord.close()
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _schema(fasen: list[str]):
    schema = schemathesis.openapi.from_path(DOCUMENT)
    schema.config.phases.update(phases=fasen)
    schema.app = app
    return schema


FASEN = ["examples", "fuzzing"]
publiek = _schema([*FASEN, "coverage"])
beheer = _schema([*FASEN, "coverage"] if os.environ.get("FUZZ_DEKKING") == "alle" else FASEN)
HYPOTHESIS = settings(
    max_examples=VOORBEELDEN,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=list(HealthCheck),
)
# Not checked: that every schema-valid request is accepted. A uuid or CBS code of a row that
# does not exist, or a cross-row rule (overlapping deelnames), cannot be expressed in the
# document; such a request gets a documented 400 or 404 problem.
NIET = [positive_data_acceptance]


@pytest.fixture
def fuzzgegevens(db, referentiedata, settings):
    """A gemeente in two arrangements with a board, seats, money, documents and a
    zienswijze. Schemathesis talks to the app as host localhost."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    for _ in range(2):
        deelname = f.DeelnameFactory(gemeente=zaanstad)
        f.ZetelFactory(deelname=deelname, begindatum=datetime.date(2020, 1, 1))
        f.BijdrageFactory(deelname=deelname, jaar=datetime.date.today().year)
        f.JaarcijfersFactory(samenwerkingsverband=deelname.samenwerkingsverband)
        f.DocumentFactory(samenwerkingsverband=deelname.samenwerkingsverband)
        ZienswijzeFactory(
            gemeente=zaanstad, zienswijzeverzoek__samenwerkingsverband=deelname.samenwerkingsverband
        )
    assert Zienswijze.objects.exists()


@pytest.fixture
def beheerderstoken(db):
    """The Authorization header of a beheerder (tests/toegang): may write everything."""
    from rest_framework.authtoken.models import Token

    beheerder = beheerder_account("fuzz")
    return {"Authorization": f"Token {Token.objects.create(user=beheerder).key}"}


@publiek.parametrize()
@HYPOTHESIS
def test_the_api_keeps_to_its_document_for_the_public(case, fuzzgegevens):
    case.call_and_validate(excluded_checks=NIET)


@beheer.parametrize()
@HYPOTHESIS
def test_the_api_keeps_to_its_document_for_a_beheerder(case, fuzzgegevens, beheerderstoken):
    case.call_and_validate(headers=beheerderstoken, excluded_checks=NIET)
