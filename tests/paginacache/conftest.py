"""The part of the suite that runs as production does: the page cache on and real
transactions (the register gets its new version when a write commits; a test inside one
transaction never commits). Every other test runs with the cache off (tests/conftest.py)."""

import pytest
from django.core.cache import caches


@pytest.fixture(autouse=True)
def cache_aan(settings):
    settings.PAGINA_CACHE_SECONDEN = 300
    settings.REGISTER_VERSIE_SECONDEN = 0  # the version is read on every request
    caches["paginas"].clear()
    yield
    caches["paginas"].clear()
