"""A deelname, a bestuursorgaan or jaarcijfers added from a workplace tab (its "… toevoegen"
link) lead back to that tab on saving, where the new row shows, as a zetel does."""

import pytest
from django.test import Client
from django.urls import reverse

from samenwerking import models
from tests import factories as f
from tests.toegang import account
from tests.toegang.formulier import formulier_gegevens
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("model", "tabblad", "velden", "te_zien"),
    [
        (
            "deelname",
            "deelnemers",
            lambda: {"gemeente": [str(f.GemeenteFactory(naam="Terugdorp").pk)]},
            "Terugdorp",
        ),
        (
            "bestuursorgaan",
            "besturen",
            lambda: {"naam": ["Dagelijks bestuur Terug"], "soort": ["dagelijks_bestuur"]},
            "Terug",
        ),
        (
            "jaarcijfers",
            "jaarcijfers",
            lambda: {"jaar": ["2024"], "soort": ["jaarrekening"], "lasten": ["1.234,00"]},
            "€ 1.234,00",
        ),
    ],
)
def test_a_row_added_from_a_tab_leads_back_to_it(model, tabblad, velden, te_zien):
    verband = f.SamenwerkingsverbandFactory()
    client = Client()
    client.force_login(account(RolSoort.SECRETARIAAT, verbanden=[verband]))
    tab = reverse(f"admin:samenwerking_samenwerkingsverband_{tabblad}", args=[verband.pk])
    toevoegen = f"{reverse(f'admin:samenwerking_{model}_add')}?samenwerkingsverband={verband.pk}"
    assert toevoegen.replace("&", "&amp;") in client.get(tab).content.decode()
    gegevens = formulier_gegevens(client.get(toevoegen))
    gegevens.update(velden())
    opgeslagen = client.post(toevoegen, gegevens)
    assert opgeslagen.status_code == 302, opgeslagen.context["adminform"].form.errors
    assert opgeslagen.url == tab
    terug = client.get(tab).content.decode()
    assert te_zien in terug
    assert "is met succes toegevoegd" in terug
    assert getattr(models, model.capitalize()).objects.filter(samenwerkingsverband=verband)
