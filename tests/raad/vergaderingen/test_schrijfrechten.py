"""Who may write vergaderingen and raadsvergaderingen, through the API, the services and the
admin, in the GGD of conftest.py."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from raad import services
from raad.constants import VergaderingSoort
from raad.models import Raadsvergadering, Vergadering
from tests import factories as f
from tests.api.hulp import probleem
from tests.pagina import paginatekst
from tests.toegang import account, api_client
from tests.toegang.formulier import formulier_gegevens
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def rollen(regio):
    ander = f.SamenwerkingsverbandFactory(naam="Omgevingsdienst Elders")
    return {
        "ander": ander,
        "secretariaat": account(RolSoort.SECRETARIAAT, verbanden=[regio["ggd"]]),
        "griffie": account(RolSoort.GRIFFIE, gemeente=regio["Zaanstad"]),
    }


VERGADERING = {"soort": "algemeen_bestuur", "datum": "2025-07-03"}


def test_api_secretariaat_writes_meetings_of_its_own_regeling_only(regio, rollen):
    client = api_client(rollen["secretariaat"])
    antwoord = client.post(
        "/api/v1/vergaderingen",
        {**VERGADERING, "samenwerkingsverband": str(regio["ggd"].uuid)},
        format="json",
    )
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord.json()["soortLabel"] == "Vergadering algemeen bestuur"
    probleem(
        client.post(
            "/api/v1/vergaderingen",
            {**VERGADERING, "samenwerkingsverband": str(rollen["ander"].uuid)},
            format="json",
        ),
        403,
    )
    # Moving its own meeting to another regio's regeling (a forged id) fails too.
    pad = f"/api/v1/vergaderingen/{antwoord.json()['uuid']}"
    versie = client.get(pad)["ETag"]
    probleem(
        client.patch(
            pad,
            {"samenwerkingsverband": str(rollen["ander"].uuid)},
            format="json",
            HTTP_IF_MATCH=versie,
        ),
        403,
    )
    assert list(Vergadering.objects.values_list("samenwerkingsverband", flat=True)) == [
        regio["ggd"].pk
    ]
    # A griffie and a visitor may not write meetings of a regeling.
    probleem(
        api_client(rollen["griffie"]).post(
            "/api/v1/vergaderingen",
            {**VERGADERING, "samenwerkingsverband": str(regio["ggd"].uuid)},
            format="json",
        ),
        403,
    )
    assert Client().post("/api/v1/vergaderingen", VERGADERING).status_code == 401
    assert Vergadering.objects.count() == 1


def test_api_griffie_writes_its_own_raadsvergaderingen_only(regio, rollen):
    client = api_client(rollen["griffie"])
    antwoord = client.post(
        "/api/v1/raadsvergaderingen", {"gemeente": "GM0479", "datum": "2025-06-19"}, format="json"
    )
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord.json()["gemeente"] == "GM0479"
    probleem(
        client.post(
            "/api/v1/raadsvergaderingen",
            {"gemeente": "GM0880", "datum": "2025-06-19"},
            format="json",
        ),
        403,
    )
    # Another gemeente's stored row, and moving its own row to another gemeente: 403.
    wormerland = Raadsvergadering.objects.get(gemeente=regio["Wormerland"], datum=D(2025, 6, 5))
    pad = f"/api/v1/raadsvergaderingen/{wormerland.uuid}"
    probleem(
        client.patch(
            pad, {"datum": "2025-06-06"}, format="json", HTTP_IF_MATCH=client.get(pad)["ETag"]
        ),
        403,
    )
    eigen = f"/api/v1/raadsvergaderingen/{antwoord.json()['uuid']}"
    probleem(
        client.patch(
            eigen, {"gemeente": "GM0880"}, format="json", HTTP_IF_MATCH=client.get(eigen)["ETag"]
        ),
        403,
    )
    assert Raadsvergadering.objects.get(uuid=antwoord.json()["uuid"]).gemeente == regio["Zaanstad"]
    assert Raadsvergadering.objects.get(pk=wormerland.pk).datum == D(2025, 6, 5)
    # A secretariaat may not enter a raad's meetings.
    probleem(
        api_client(rollen["secretariaat"]).post(
            "/api/v1/raadsvergaderingen",
            {"gemeente": "GM0479", "datum": "2025-06-26"},
            format="json",
        ),
        403,
    )


def test_api_a_second_raadsvergadering_on_the_same_day_is_refused_in_dutch(regio, rollen):
    client = api_client(rollen["griffie"])
    body = probleem(
        client.post(
            "/api/v1/raadsvergaderingen",
            {"gemeente": "GM0479", "datum": "2025-05-22"},
            format="json",
        ),
        400,
    )
    assert "Voor deze gemeente is op deze datum al een raadsvergadering vastgelegd." in str(body)
    assert Raadsvergadering.objects.filter(gemeente=regio["Zaanstad"]).count() == 4


def test_service_refuses_a_bad_agenda_link_and_writes_nothing(regio):
    with pytest.raises(ValidationError) as fout:
        services.vergadering_opslaan(
            vergadering=Vergadering(
                samenwerkingsverband=regio["ggd"],
                soort=VergaderingSoort.RAADSAVOND,
                datum=D(2025, 9, 18),
                agenda_url="geen adres",
            )
        )
    assert "agenda_url" in fout.value.message_dict
    assert not Vergadering.objects.exists()


def test_admin_griffie_adds_its_own_raadsvergadering_and_not_another_gemeentes(regio, rollen):
    client = Client()
    client.force_login(rollen["griffie"])
    toevoegen = reverse("admin:raad_raadsvergadering_add")
    gegevens = formulier_gegevens(client.get(toevoegen))
    gegevens.update({"gemeente": [str(regio["Zaanstad"].pk)], "datum": ["19-06-2025"]})
    antwoord = client.post(toevoegen, gegevens)
    assert antwoord.status_code == 302, paginatekst(antwoord)[:3000]
    assert Raadsvergadering.objects.filter(gemeente=regio["Zaanstad"], datum=D(2025, 6, 19))
    # Another gemeente (a forged id in the form) is not a choice: nothing written.
    gegevens.update({"gemeente": [str(regio["Wormerland"].pk)], "datum": ["20-06-2025"]})
    antwoord = client.post(toevoegen, gegevens)
    assert antwoord.status_code == 200
    assert "rijen van Zaanstad vastleggen. Kies Zaanstad als gemeente;" in paginatekst(antwoord)
    assert not Raadsvergadering.objects.filter(datum=D(2025, 6, 20)).exists()
    # Another gemeente's stored row is not this griffie's to open: the 403 page names it, and
    # nothing changes.
    wormerland = Raadsvergadering.objects.get(gemeente=regio["Wormerland"], datum=D(2025, 6, 5))
    wijzigen = reverse("admin:raad_raadsvergadering_change", args=[wormerland.pk])
    antwoord = client.post(
        wijzigen, {"gemeente": [str(regio["Wormerland"].pk)], "datum": ["06-06-2025"]}
    )
    assert antwoord.status_code == 403
    assert "hoort bij gemeente „Wormerland”, niet bij wat uw account beheert." in paginatekst(
        antwoord
    )
    assert Raadsvergadering.objects.get(pk=wormerland.pk).datum == D(2025, 6, 5)
    # Meetings of a regeling are the secretariaat's.
    assert client.get(reverse("admin:raad_vergadering_add")).status_code == 403


def test_admin_secretariaat_adds_a_meeting_of_its_regeling(regio, rollen):
    client = Client()
    client.force_login(rollen["secretariaat"])
    toevoegen = reverse("admin:raad_vergadering_add")
    gegevens = formulier_gegevens(client.get(toevoegen))
    gegevens.update(
        {
            "samenwerkingsverband": [str(regio["ggd"].pk)],
            "soort": ["verantwoording"],
            "datum": ["26-06-2025"],
            "agenda_url": ["https://ggd.example/verantwoording"],
        }
    )
    antwoord = client.post(toevoegen, gegevens)
    assert antwoord.status_code == 302, paginatekst(antwoord)[:3000]
    vergadering = Vergadering.objects.get()
    assert vergadering.history.first().history_user == rollen["secretariaat"]
    gegevens["samenwerkingsverband"] = [str(rollen["ander"].pk)]
    gegevens["datum"] = ["27-06-2025"]
    antwoord = client.post(toevoegen, gegevens)
    assert antwoord.status_code == 200, antwoord.status_code
    assert "Kies een samenwerkingsverband dat uw account beheert" in paginatekst(antwoord)
    assert Vergadering.objects.count() == 1
    assert client.get(reverse("admin:raad_raadsvergadering_add")).status_code == 403
