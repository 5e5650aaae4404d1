import importlib
import os
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from raad.models import Termijnregel
from samenwerking.models import Gemeente
from samenwerking.referentiedata import referentiedata_laden


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the real reference data (fixtures/) once into the test database.

    Tests run inside transactions on top of it. Transactional tests (the browser tests) empty
    the database afterwards; pytest-django runs them last, and the `referentiedata` fixture
    loads the data again when a test needs it after such a flush.
    """
    with django_db_blocker.unblock():
        referentiedata_laden()


@pytest.fixture(autouse=True)
def testinstellingen(settings):
    """Tests talk plain http to the test client and the live server, and make many anonymous
    API requests: no https redirect, no secure-only cookies, no anonymous rate limit (the
    throttling test sets a low one itself), and no page cache, so that every test sees its
    own data and the query counts of the real work (tests/test_paginacache.py switches the
    cache on). Everything else is as in production."""
    settings.SECURE_SSL_REDIRECT = False
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = False
    settings.API_LIMIET_ANONIEM = ""
    settings.PAGINA_CACHE_SECONDEN = 0


@pytest.fixture
def referentiedata(db):
    """The real provincies, gemeenten and herindelingen from fixtures/."""
    if not Gemeente.objects.filter(cbs_code="GM0363").exists():
        referentiedata_laden()


@pytest.fixture
def pc_regels(db):
    """The P&C rules as the data migration seeds them, by code. A transactional (browser)
    test empties the database afterwards; this seeds them again when needed."""
    if not Termijnregel.objects.exists():
        importlib.import_module("raad.migrations.0002_termijnregels").regels_aanmaken(apps, None)
        importlib.import_module("raad.migrations.0005_termijnregels_1_augustus").regels_bijwerken(
            apps, None
        )
        importlib.import_module("raad.migrations.0013_art_34b_per_wettekst").jaren_geven(apps, None)
    return {regel.code: regel for regel in Termijnregel.objects.all()}


ROO_BESTANDEN = ("exportOO_gemeenten.xml", "exportOO_gemeenschappelijke_regelingen.xml")


def bronnen_map(*nodig: str) -> Path:
    """The folder with the external sources (REGIOREG_BRONNEN, default ../shared/data), with
    the files `nodig` (paths inside it). Tests that need them skip with the reason when they
    are absent; in CI (CI set) they fail instead, since CI always has them."""
    map = Path(settings.REGIOREG_BRONNEN) if settings.REGIOREG_BRONNEN else None
    ontbreekt = [n for n in nodig if map is None or not (map / n).is_file()]
    if ontbreekt:
        reden = (
            f"Externe bronnen ontbreken ({', '.join(ontbreekt)} in "
            f"{map or 'REGIOREG_BRONNEN (niet gezet, en ../shared/data bestaat niet)'}); deze "
            "test leest de echte export van het landelijk register. Zet REGIOREG_BRONNEN op de "
            "map met roo/ en opengr/."
        )
        if os.environ.get("CI"):
            pytest.fail(reden)
        pytest.skip(reden)
    return map


@pytest.fixture(scope="session")
def roo_map() -> Path:
    """The folder with the national register's real export files and schema."""
    return bronnen_map(*(f"roo/{naam}" for naam in (*ROO_BESTANDEN, "oo-export.xsd"))) / "roo"


@pytest.fixture(scope="session", autouse=True)
def statische_bestanden():
    """Production storage needs collected static files with a manifest. make test collects
    into a fresh temporary STATIC_ROOT; this keeps a bare `pytest` run current too."""
    if not settings.DEBUG:
        call_command("collectstatic", interactive=False, verbosity=0)


# axe-core from npm (package.json devDependencies; `npm ci` in make install/test).
AXE = Path(__file__).resolve().parent.parent / "node_modules" / "axe-core" / "axe.min.js"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",  # needed as root
    "--disable-gpu",
    "--disable-background-networking",  # this network refuses the internet; stay quiet
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright (Playwright's own browser download does not work
    here)."""
    import os

    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test's own ORM calls are
    # still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def live_server(statische_bestanden):
    """pytest-django's live server, but static files come from WhiteNoise and the collected
    STATIC_ROOT, as in production: Django's test static handler only knows unhashed names and
    would answer 404 for the manifest's hashed CSS."""
    from unittest import mock

    from django.test import override_settings
    from pytest_django.live_server_helper import LiveServer

    # Plain http on localhost (SecurityMiddleware reads these once, when the server starts).
    with (
        override_settings(SECURE_SSL_REDIRECT=False, SESSION_COOKIE_SECURE=False),
        mock.patch(
            "django.contrib.staticfiles.handlers.StaticFilesHandler",
            lambda application: application,
        ),
    ):
        server = LiveServer("localhost")
        yield server
        server.stop()


@pytest.fixture
def pagina(chromium, live_server):
    """A fresh browser tab (Dutch locale) and the base URL of the live server.

    The Content-Security-Policy is bypassed here so that tests can inject axe-core as an
    inline script; tests/test_csp.py checks the policy with a context that does not."""
    context = chromium.new_context(locale="nl-NL", bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.basis = live_server.url
    yield page
    context.close()
