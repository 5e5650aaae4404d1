"""A domein's code is lower case on every surface (Domein.clean): the service, the admin and
the spreadsheet import; a filter in any case then finds it (tests/api/test_filters.py)."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from samenwerking import services
from samenwerking.models import Domein
from samenwerking.resources.widgets import DomeinenWidget

pytestmark = pytest.mark.django_db


def test_the_service_stores_a_code_in_lower_case():
    domein = services.rij_opslaan(rij=Domein(code="Ruimtevaart", naam="Ruimtevaart"))
    assert Domein.objects.get(pk=domein.pk).code == "ruimtevaart"


def test_a_code_in_another_case_is_the_same_code():
    """Not a second domein beside the seeded `veiligheid`."""
    with pytest.raises(ValidationError) as fout:
        services.rij_opslaan(rij=Domein(code="VEILIGHEID", naam="Veiligheid bis"))
    assert list(fout.value.message_dict) == ["code"]
    assert Domein.objects.filter(code__iexact="veiligheid").count() == 1


def test_the_admin_stores_a_code_in_lower_case(admin_client):
    antwoord = admin_client.post(
        reverse("admin:samenwerking_domein_add"), {"code": "Havens", "naam": "Havens"}
    )
    assert antwoord.status_code == 302, antwoord.context["adminform"].form.errors
    assert Domein.objects.get(naam="Havens").code == "havens"


def test_the_spreadsheet_import_reads_a_code_in_any_case():
    assert [d.code for d in DomeinenWidget().clean("Veiligheid, AFVAL")] == ["veiligheid", "afval"]


def test_the_migration_lowers_stored_codes_that_do_not_collide():
    migratie = importlib.import_module("samenwerking.migrations.0020_domeincodes_kleine_letters")
    Domein.objects.create(code="Havens", naam="Havens")
    Domein.objects.create(code="Veiligheid", naam="Veiligheid (dubbel)")  # beside `veiligheid`
    migratie.kleine_letters(apps, None)
    assert Domein.objects.get(naam="Havens").code == "havens"
    assert Domein.objects.get(naam="Veiligheid (dubbel)").code == "Veiligheid"  # merge by hand
