"""Shares only in a vennootschap (services.regels.aandelen_alleen_in_vennootschap): one rule
across rows, so a spreadsheet of N deelnames reads the arrangements' forms once; the admin
form and the service refuse the same input with the same message."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from samenwerking.constants import Vorm
from samenwerking.models import Deelname, Gemeente
from samenwerking.services import Rijfouten, rij_opslaan, rijen_controleren, rijen_opslaan
from tests import factories as f
from tests.toegang import account
from tests.toegang.formulier import formulier_gegevens
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db

BERICHT = (
    "Aandelenbelang: alleen een vennootschap (NV/BV) heeft aandelen; dit verband is een "
    "openbaar lichaam. Laat het aantal en het percentage aandelen leeg."
)


def _rijen(aantal: int) -> list[Deelname]:
    """New deelnames of `aantal` gemeenten: the even ones in an openbaar lichaam with shares
    (refused), the odd ones in an NV with shares (accepted)."""
    ol = f.SamenwerkingsverbandFactory(vorm=Vorm.OPENBAAR_LICHAAM)
    nv = f.SamenwerkingsverbandFactory(vorm=Vorm.VENNOOTSCHAP)
    gemeenten = Gemeente.objects.order_by("cbs_code")[:aantal]
    return [
        Deelname(
            samenwerkingsverband=ol if i % 2 == 0 else nv,
            gemeente=gemeente,
            aandelen_aantal=100,
            aandelen_percentage=Decimal("1.5"),
        )
        for i, gemeente in enumerate(gemeenten)
    ]


@pytest.mark.parametrize("aantal", [2, 40])
def test_checking_many_rows_reads_the_forms_once(referentiedata, aantal, django_assert_num_queries):
    rijen = _rijen(aantal)
    # The check of N new deelnames, the same for 2 rows and for 40: 1 unique uuids against the
    # register, 2 unique participations, 3 the stored deelnames of their arrangements
    # (overlap), 4 the forms of the arrangements with shares.
    with django_assert_num_queries(4):
        fouten = rijen_controleren(model=Deelname, rijen=rijen)
    assert sorted(fouten) == list(range(0, aantal, 2))
    assert all(fout.message_dict == {"aandelen_aantal": [BERICHT]} for fout in fouten.values())


def test_an_import_with_one_wrong_row_writes_nothing(referentiedata):
    rijen = _rijen(3)
    with pytest.raises(Rijfouten) as fout:
        rijen_opslaan(model=Deelname, rijen=rijen)
    assert [str(m) for m in fout.value.per_rij[0].messages] == [BERICHT]
    assert set(fout.value.per_rij) == {0, 2}
    assert not Deelname.objects.exists()


def test_the_service_refuses_shares_outside_a_vennootschap_with_the_same_message(referentiedata):
    rij = _rijen(1)[0]
    with pytest.raises(ValidationError) as fout:
        rij_opslaan(rij=rij)
    assert fout.value.message_dict == {"aandelen_aantal": [BERICHT]}
    assert not Deelname.objects.exists()


def test_the_admin_refuses_shares_outside_a_vennootschap_next_to_the_field(referentiedata):
    deelname = f.DeelnameFactory(
        samenwerkingsverband=f.SamenwerkingsverbandFactory(vorm=Vorm.OPENBAAR_LICHAAM),
        gemeente=Gemeente.objects.get(cbs_code="GM0479"),
    )
    client = Client()
    client.force_login(account(RolSoort.SECRETARIAAT, verbanden=[deelname.samenwerkingsverband]))
    url = reverse("admin:samenwerking_deelname_change", args=[deelname.pk])
    gegevens = formulier_gegevens(client.get(url))
    gegevens["aandelen_percentage"] = ["10"]
    antwoord = client.post(url, gegevens)
    assert antwoord.status_code == 200
    assert antwoord.context["adminform"].form.errors["aandelen_percentage"] == [BERICHT]
    deelname.refresh_from_db()
    assert deelname.aandelen_percentage is None
