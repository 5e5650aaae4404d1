"""The rules of the meetings (raad.vergaderregels), on every surface: a meeting lies within the
period of its regeling (or, for a raadsvergadering, of its gemeente), as stored; one board
meeting is one row, whether entered as a meeting of the algemeen bestuur or as the
vaststellingsvergadering, and the calendars show the latter as that meeting.

A GGD (openbaar lichaam) in force from 1 January 2015 until 1 January 2030, with Zaanstad taking
part since 2015.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from raad import services
from raad.constants import Vaststelling, VergaderingSoort
from raad.kalender import kalender_van_gemeente
from raad.models import Bestuursvergadering, Raadsvergadering, Vergadering
from samenwerking.models import Gemeente
from samenwerking.services import rij_opslaan
from tests import factories as f
from tests.api.hulp import probleem
from tests.toegang import account, api_client
from tests.toegang.formulier import formulier_gegevens
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db

D = datetime.date
AB_DAG = D(2025, 7, 3)


@pytest.fixture
def ggd(referentiedata):
    verband = f.SamenwerkingsverbandFactory(
        naam="GGD Zaanstreek-Waterland",
        afkorting="GGD ZW",
        ingangsdatum=D(2015, 1, 1),
        einddatum=D(2030, 1, 1),
    )
    f.DeelnameFactory(
        samenwerkingsverband=verband,
        gemeente=Gemeente.objects.get(cbs_code="GM0479"),
        toetredingsdatum=D(2015, 1, 1),
    )
    return verband


def _vergadering(ggd, soort=VergaderingSoort.ALGEMEEN_BESTUUR, datum=AB_DAG, **velden):
    return services.vergadering_opslaan(
        vergadering=Vergadering(samenwerkingsverband=ggd, soort=soort, datum=datum, **velden)
    )


def _vaststelling(ggd, datum=AB_DAG, vaststelling=Vaststelling.BEGROTING, jaar=2026):
    return rij_opslaan(
        rij=Bestuursvergadering(
            samenwerkingsverband=ggd, vaststelling=vaststelling, jaar=jaar, datum=datum
        )
    )


# --- Within the period ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("datum", "tekst"),
    [
        (D(2014, 12, 31), "31 december 2014"),
        (D(2030, 1, 1), "1 januari 2030"),  # the end date is the first day it no longer runs
    ],
)
def test_a_meeting_outside_the_regelings_period_is_refused(ggd, datum, tekst):
    with pytest.raises(ValidationError) as fout:
        _vergadering(ggd, soort=VergaderingSoort.RAADSAVOND, datum=datum)
    assert fout.value.message_dict == {
        "datum": [
            f"Datum: {tekst} ligt buiten de looptijd van GGD Zaanstreek-Waterland (GGD ZW) "
            "(1 januari 2015 tot 1 januari 2030). Kies een datum binnen die periode, of "
            "controleer de looptijd."
        ]
    }
    assert not Vergadering.objects.exists()
    # The first and the last day of the period are in it.
    _vergadering(ggd, soort=VergaderingSoort.RAADSAVOND, datum=D(2015, 1, 1))
    _vergadering(ggd, soort=VergaderingSoort.RAADSAVOND, datum=D(2029, 12, 31))
    assert Vergadering.objects.count() == 2


def test_the_period_is_read_as_stored_not_as_the_caller_holds_it(ggd):
    oud = type(ggd).objects.get(pk=ggd.pk)
    type(ggd).objects.filter(pk=ggd.pk).update(einddatum=D(2025, 1, 1))
    # `oud` still says the regeling runs until 2030; the stored row ended it in 2025.
    with pytest.raises(ValidationError, match="1 januari 2015 tot 1 januari 2025"):
        services.vergadering_opslaan(
            vergadering=Vergadering(
                samenwerkingsverband=oud, soort=VergaderingSoort.RAADSAVOND, datum=D(2025, 9, 18)
            )
        )


def test_a_vaststellingsvergadering_outside_the_regelings_period_is_refused(ggd):
    ggd.einddatum = D(2025, 7, 1)
    ggd.save()
    with pytest.raises(ValidationError) as fout:
        _vaststelling(ggd, datum=D(2025, 7, 3))
    assert fout.value.message_dict == {
        "datum": [
            "Datum vergadering: 3 juli 2025 ligt buiten de looptijd van GGD Zaanstreek-Waterland "
            "(GGD ZW) (1 januari 2015 tot 1 juli 2025). Kies een datum binnen die periode, of "
            "controleer de looptijd."
        ]
    }
    assert not Bestuursvergadering.objects.exists()


def test_a_raadsvergadering_after_the_gemeente_ceased_to_exist_is_refused(referentiedata):
    beemster = f.GemeenteFactory(naam="Beemster", einddatum=D(2022, 1, 1))
    with pytest.raises(ValidationError) as fout:
        services.raadsvergadering_opslaan(
            raadsvergadering=Raadsvergadering(gemeente=beemster, datum=D(2022, 1, 27))
        )
    assert fout.value.message_dict == {
        "datum": [
            "Datum: 27 januari 2022 ligt buiten de looptijd van gemeente Beemster (onbekend tot "
            "1 januari 2022). Kies een datum binnen die periode, of controleer de looptijd."
        ]
    }
    services.raadsvergadering_opslaan(
        raadsvergadering=Raadsvergadering(gemeente=beemster, datum=D(2021, 12, 16))
    )
    assert Raadsvergadering.objects.get().datum == D(2021, 12, 16)


def test_api_refuses_a_meeting_outside_the_period_in_dutch(ggd):
    client = api_client(account(RolSoort.SECRETARIAAT, verbanden=[ggd]))
    body = probleem(
        client.post(
            "/api/v1/vergaderingen",
            {
                "samenwerkingsverband": str(ggd.uuid),
                "soort": "raadsavond",
                "datum": "2031-03-05",
            },
            format="json",
        ),
        400,
    )
    assert "Datum: 5 maart 2031 ligt buiten de looptijd van GGD Zaanstreek-Waterland" in str(body)
    assert not Vergadering.objects.exists()


# --- One board meeting, one row ---------------------------------------------------------------


def test_a_board_meeting_already_entered_as_vaststellingsvergadering_is_refused(ggd):
    _vaststelling(ggd)
    _vaststelling(ggd, vaststelling=Vaststelling.JAARREKENING, jaar=2024)
    with pytest.raises(ValidationError) as fout:
        _vergadering(ggd, agenda_url="https://ggd.example/ab")
    assert fout.value.message_dict == {
        "datum": [
            "Datum: op 3 juli 2025 is deze vergadering van het algemeen bestuur al vastgelegd "
            "als vaststellingsvergadering (Vaststelling van de jaarrekening 2024: 03-07-2025; "
            "Vaststelling van de begroting 2026: 03-07-2025); de kalender toont die als "
            "vergadering van het algemeen bestuur. Leg dezelfde vergadering niet twee keer vast."
        ]
    }
    assert not Vergadering.objects.exists()
    # The dagelijks bestuur may meet that day; the algemeen bestuur on another.
    _vergadering(ggd, soort=VergaderingSoort.DAGELIJKS_BESTUUR)
    _vergadering(ggd, datum=D(2025, 7, 10))
    assert Vergadering.objects.count() == 2


def test_a_vaststellingsvergadering_on_the_day_of_an_entered_board_meeting_is_refused(ggd):
    _vergadering(ggd, omschrijving="begroting 2026; aanvang 19.30 uur")
    with pytest.raises(ValidationError) as fout:
        _vaststelling(ggd)
    assert fout.value.message_dict == {
        "datum": [
            "Datum vergadering: op 3 juli 2025 staat deze vergadering van het algemeen bestuur "
            "al in de kalender (Vergadering algemeen bestuur 03-07-2025, begroting 2026; "
            "aanvang 19.30 uur). Verwijder die vergadering eerst: de vaststellingsvergadering "
            "komt ervoor in de plaats en staat zelf in de kalender."
        ]
    }
    assert not Bestuursvergadering.objects.exists()


def test_admin_shows_the_double_entry_next_to_the_date(ggd):
    _vaststelling(ggd)
    client = Client()
    client.force_login(account(RolSoort.SECRETARIAAT, verbanden=[ggd]))
    toevoegen = reverse("admin:raad_vergadering_add")
    gegevens = formulier_gegevens(client.get(toevoegen))
    gegevens.update(
        {
            "samenwerkingsverband": [str(ggd.pk)],
            "soort": ["algemeen_bestuur"],
            "datum": ["03-07-2025"],
        }
    )
    antwoord = client.post(toevoegen, gegevens)
    assert antwoord.status_code == 200
    fouten = antwoord.context["adminform"].form.errors
    assert "al vastgelegd als vaststellingsvergadering (Vaststelling van de begroting 2026" in str(
        fouten["datum"]
    )
    assert not Vergadering.objects.exists()


def test_the_calendar_shows_a_vaststellingsvergadering_as_the_board_meeting(ggd, op_dag):
    op_dag(D(2025, 5, 1))
    _vaststelling(ggd)
    _vaststelling(ggd, vaststelling=Vaststelling.JAARREKENING, jaar=2024)
    _vergadering(ggd, soort=VergaderingSoort.DAGELIJKS_BESTUUR, datum=D(2025, 6, 12))
    kalender = kalender_van_gemeente(
        Gemeente.objects.get(cbs_code="GM0479"),
        vandaag=D(2025, 5, 1),
        van=D(2025, 5, 1),
        tot=D(2025, 9, 30),
    )
    assert [(p.datum, p.titel, p.uitleg) for p in kalender.punten if p.soort == "vergadering"] == [
        (D(2025, 6, 12), "Vergadering dagelijks bestuur", ""),
        (
            D(2025, 7, 3),
            "Vergadering algemeen bestuur",
            "Vaststelling van de begroting 2026; Vaststelling van de jaarrekening 2024",
        ),
    ]


def test_the_calendar_page_heads_its_coming_entries_as_termijnen_and_meetings(client, ggd, op_dag):
    op_dag(D(2025, 5, 1))
    _vaststelling(ggd)
    antwoord = client.get("/gemeenten/GM0479/kalender/")
    assert antwoord.status_code == 200
    tekst = " ".join(antwoord.content.decode().split())
    assert '<h2 id="komend-kop">Komende termijnen en vergaderingen tot 1 mei 2026</h2>' in tekst
    assert "Vergadering algemeen bestuur" in tekst
    assert "Vaststelling van de begroting 2026" in tekst
