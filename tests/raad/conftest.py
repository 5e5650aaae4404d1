import importlib

import pytest
from django.apps import apps

from raad.models import Termijnregel


@pytest.fixture
def pc_regels(db):
    """The P&C rules as the data migration seeds them, by code. A transactional (browser)
    test empties the database afterwards; this seeds them again when needed."""
    if not Termijnregel.objects.exists():
        importlib.import_module("raad.migrations.0002_termijnregels").regels_aanmaken(apps, None)
        importlib.import_module("raad.migrations.0005_termijnregels_1_augustus").regels_bijwerken(
            apps, None
        )
    return {regel.code: regel for regel in Termijnregel.objects.all()}


@pytest.fixture
def op_dag(monkeypatch):
    """Fix the day the views see as today: `op_dag(datetime.date(2025, 6, 1))`."""

    def zet(dag):
        monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: dag)

    return zet
