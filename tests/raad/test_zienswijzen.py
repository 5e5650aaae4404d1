"""Zienswijzen: requests, one response per raad, the workflow and automatic expiry."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from raad.constants import ZienswijzeSoort, ZienswijzeStatus
from raad.models import Zienswijze
from raad.services import (
    reactie_bestuur_vastleggen,
    zienswijze_opslaan,
    zienswijze_status_wijzigen,
    zienswijzen_klaarzetten,
)
from samenwerking.models import Gemeente
from tests import factories as f
from tests.raad.factories import ZienswijzeFactory, ZienswijzeverzoekFactory

pytestmark = pytest.mark.django_db

D = datetime.date
S = ZienswijzeStatus


def _actueel(zienswijze, vandaag) -> str:
    return Zienswijze.objects.met_actuele_status(vandaag).get(pk=zienswijze.pk).actuele_status


@pytest.fixture
def verzoek():
    """Ontwerpbegroting 2026, received 1 March 2025, deadline 24 May 2025 (12 weeks)."""
    verband = f.SamenwerkingsverbandFactory(naam="GGD Testregio")
    for gemeente in f.GemeenteFactory.create_batch(2):
        f.DeelnameFactory(samenwerkingsverband=verband, gemeente=gemeente)
    return ZienswijzeverzoekFactory(samenwerkingsverband=verband, ontvangen_op=D(2025, 3, 1))


def test_a_request_gets_one_zienswijze_per_participating_raad(verzoek):
    verband = verzoek.samenwerkingsverband
    vertrokken = f.DeelnameFactory(
        samenwerkingsverband=verband, uittredingsdatum=D(2025, 1, 1)
    ).gemeente
    f.DeelnameFactory(
        samenwerkingsverband=verband, gemeente=None, organisatie=f.OrganisatieFactory()
    )
    nieuw = zienswijzen_klaarzetten(zienswijzeverzoek=verzoek)
    assert len(nieuw) == 2
    assert vertrokken.pk not in {z.gemeente_id for z in nieuw}
    assert {z.status for z in verzoek.zienswijzen.all()} == {S.NOG_TE_AGENDEREN}
    assert zienswijzen_klaarzetten(zienswijzeverzoek=verzoek) == []  # idempotent


def test_workflow_from_received_to_submitted_with_the_boards_reply(verzoek):
    zienswijze = zienswijzen_klaarzetten(zienswijzeverzoek=verzoek)[0]
    zienswijze_status_wijzigen(
        zienswijze=zienswijze, status=S.GEAGENDEERD, raadsvergadering=D(2025, 5, 15)
    )
    zienswijze_status_wijzigen(
        zienswijze=zienswijze,
        status=S.INGEDIEND,
        raadsbesluit_datum=D(2025, 5, 15),
        samenvatting="De raad vraagt de indexatie te beperken tot 2%.",
    )
    reactie_bestuur_vastleggen(
        zienswijze=zienswijze, reactie="Het algemeen bestuur neemt de zienswijze over."
    )
    zienswijze.refresh_from_db()
    assert zienswijze.status == S.INGEDIEND
    assert zienswijze.reactie_bestuur.startswith("Het algemeen bestuur")
    # A decided zienswijze stays decided, on the day of the deadline and long after.
    assert _actueel(zienswijze, D(2025, 5, 24)) == S.INGEDIEND
    assert _actueel(zienswijze, D(2026, 1, 1)) == S.INGEDIEND


@pytest.mark.parametrize(
    ("van", "naar"),
    [
        (S.INGEDIEND, S.GEAGENDEERD),
        (S.GEEN_ZIENSWIJZE, S.INGEDIEND),
        (S.INGEDIEND, S.NOG_TE_AGENDEREN),
    ],
)
def test_a_decided_zienswijze_cannot_go_back(verzoek, van, naar):
    zienswijze = ZienswijzeFactory(
        zienswijzeverzoek=verzoek,
        gemeente=verzoek.samenwerkingsverband.deelnames.first().gemeente,
        status=van,
        raadsbesluit_datum=D(2025, 5, 1),
    )
    with pytest.raises(ValidationError) as fout:
        zienswijze_status_wijzigen(
            zienswijze=zienswijze, status=naar, raadsbesluit_datum=D(2025, 5, 2)
        )
    assert fout.value.message_dict["status"][0].startswith("Status: van „")


def test_the_steps_need_their_dates(verzoek):
    zienswijze = zienswijzen_klaarzetten(zienswijzeverzoek=verzoek)[0]
    with pytest.raises(ValidationError) as fout:
        zienswijze_status_wijzigen(zienswijze=zienswijze, status=S.GEAGENDEERD)
    assert fout.value.message_dict["raadsvergadering"] == [
        "Geagendeerd voor raadsvergadering van: vul de datum in bij een geagendeerde zienswijze."
    ]
    zienswijze.refresh_from_db()
    with pytest.raises(ValidationError) as fout:
        zienswijze_status_wijzigen(zienswijze=zienswijze, status=S.INGEDIEND)
    assert fout.value.message_dict["raadsbesluit_datum"] == [
        "Datum raadsbesluit: vul deze in bij een ingediende zienswijze."
    ]
    zienswijze.refresh_from_db()
    with pytest.raises(ValidationError) as fout:
        zienswijze_status_wijzigen(
            zienswijze=zienswijze, status=S.INGEDIEND, raadsbesluit_datum=D(2025, 2, 1)
        )
    assert fout.value.message_dict["raadsbesluit_datum"] == [
        "Datum raadsbesluit: ligt vóór de ontvangst van het verzoek (1 maart 2025)."
    ]
    zienswijze.refresh_from_db()
    with pytest.raises(ValidationError) as fout:
        reactie_bestuur_vastleggen(zienswijze=zienswijze, reactie="Dank.")
    assert "alleen op een ingediende zienswijze" in fout.value.message_dict["reactie_bestuur"][0]


def test_the_deadline_passing_without_a_decision_makes_it_verstreken(verzoek):
    zienswijze = zienswijzen_klaarzetten(zienswijzeverzoek=verzoek)[0]
    assert verzoek.uiterste_datum == D(2025, 5, 24)
    assert _actueel(zienswijze, D(2025, 5, 24)) == S.NOG_TE_AGENDEREN  # last day: still on time
    assert _actueel(zienswijze, D(2025, 5, 25)) == S.TERMIJN_VERSTREKEN
    zienswijze_status_wijzigen(
        zienswijze=zienswijze, status=S.GEAGENDEERD, raadsvergadering=D(2025, 6, 5)
    )
    assert _actueel(zienswijze, D(2025, 5, 25)) == S.TERMIJN_VERSTREKEN  # on the agenda too late
    # A late decision is still recorded; it reads as submitted (the list shows it was late).
    zienswijze_status_wijzigen(
        zienswijze=zienswijze, status=S.INGEDIEND, raadsbesluit_datum=D(2025, 6, 5)
    )
    assert _actueel(zienswijze, D(2025, 6, 6)) == S.INGEDIEND
    geen = ZienswijzeFactory(
        zienswijzeverzoek=verzoek,
        gemeente=f.DeelnameFactory(samenwerkingsverband=verzoek.samenwerkingsverband).gemeente,
        status=S.GEEN_ZIENSWIJZE,
    )
    assert _actueel(geen, D(2025, 6, 6)) == S.GEEN_ZIENSWIJZE


def test_termijn_verstreken_is_never_stored(verzoek):
    zienswijze = zienswijzen_klaarzetten(zienswijzeverzoek=verzoek)[0]
    with pytest.raises(ValidationError) as fout:
        zienswijze_status_wijzigen(zienswijze=zienswijze, status=S.TERMIJN_VERSTREKEN)
    assert fout.value.message_dict["status"][0].startswith("Status: van „Nog te agenderen”")
    zienswijze.status = "termijn_verstreken"  # not among the choices a form or the API offers
    with pytest.raises(ValidationError) as fout:
        zienswijze_opslaan(zienswijze=zienswijze)
    assert "geen geldige keuze" in fout.value.message_dict["status"][0]
    with pytest.raises(IntegrityError):  # the database refuses it too
        Zienswijze.objects.filter(pk=zienswijze.pk).update(status=S.TERMIJN_VERSTREKEN)


def test_only_a_participating_gemeente_can_respond(verzoek):
    buiten = f.GemeenteFactory()
    with pytest.raises(ValidationError) as fout:
        zienswijze_opslaan(zienswijze=Zienswijze(zienswijzeverzoek=verzoek, gemeente=buiten))
    assert fout.value.message_dict["gemeente"] == [
        f"Gemeente: nam op 1 maart 2025 (ontvangst van het verzoek) niet deel aan "
        f"{verzoek.samenwerkingsverband}."
    ]


def test_a_deadline_before_receipt_is_refused_and_a_short_term_is_flagged():
    verzoek = ZienswijzeverzoekFactory.build(
        samenwerkingsverband=f.SamenwerkingsverbandFactory(),
        ontvangen_op=D(2025, 3, 1),
        uiterste_datum=D(2025, 2, 1),
    )
    with pytest.raises(ValidationError) as fout:
        verzoek.full_clean()
    assert fout.value.message_dict["uiterste_datum"] == [
        "Uiterste datum: mag niet vóór de datum van ontvangst liggen."
    ]
    verzoek.uiterste_datum = D(2025, 5, 23)  # 12 weeks minus one day
    assert verzoek.korter_dan_wettelijk and verzoek.wettelijke_termijn_weken == 12
    verzoek.uiterste_datum = D(2025, 5, 24)
    assert not verzoek.korter_dan_wettelijk
    verzoek.soort = ZienswijzeSoort.ONTWERPREGELING
    verzoek.uiterste_datum = D(2025, 4, 26)  # 8 weeks (art. 1 lid 3)
    assert not verzoek.korter_dan_wettelijk
    verzoek.soort = ZienswijzeSoort.OVERIG_BESLUIT
    verzoek.uiterste_datum = D(2025, 3, 2)
    assert verzoek.wettelijke_termijn_weken is None and not verzoek.korter_dan_wettelijk


@pytest.mark.parametrize(
    ("soort", "jaar", "ontvangen", "weken"),
    [
        (ZienswijzeSoort.ONTWERPBEGROTING, 2015, D(2014, 5, 1), 6),
        (ZienswijzeSoort.ONTWERPBEGROTING, 2016, D(2015, 5, 1), 8),
        (ZienswijzeSoort.ONTWERPBEGROTING, 2023, D(2022, 5, 1), 8),
        (ZienswijzeSoort.ONTWERPBEGROTING, 2024, D(2023, 4, 1), 12),
        (ZienswijzeSoort.ONTWERPBEGROTING, None, D(2025, 3, 1), 12),
        (ZienswijzeSoort.ONTWERPREGELING, None, D(2022, 6, 30), None),
        (ZienswijzeSoort.ONTWERPREGELING, None, D(2022, 7, 1), 8),
    ],
)
def test_the_statutory_term_is_the_law_of_the_requests_year(soort, jaar, ontvangen, weken):
    """An ontwerpbegroting 2021 with the eight weeks the law then gave was labelled "korter
    dan 12 weken"; the termijnregels already knew the older law."""
    verzoek = ZienswijzeverzoekFactory.build(
        samenwerkingsverband=f.SamenwerkingsverbandFactory(),
        soort=soort,
        jaar=jaar,
        ontvangen_op=ontvangen,
        uiterste_datum=ontvangen + datetime.timedelta(weeks=8),
    )
    assert verzoek.wettelijke_termijn_weken == weken
    assert verzoek.korter_dan_wettelijk == (weken is not None and weken > 8)


def test_the_zienswijzen_list_labels_a_short_term_by_the_law_of_then(client, referentiedata):
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    ggd = f.DeelnameFactory(gemeente=zaanstad).samenwerkingsverband
    for jaar, ontvangen in ((2021, D(2020, 4, 1)), (2026, D(2025, 4, 1))):
        ZienswijzeFactory(
            gemeente=zaanstad,
            zienswijzeverzoek__samenwerkingsverband=ggd,
            zienswijzeverzoek__soort=ZienswijzeSoort.ONTWERPBEGROTING,
            zienswijzeverzoek__onderwerp=f"Ontwerpbegroting {jaar}",
            zienswijzeverzoek__jaar=jaar,
            zienswijzeverzoek__ontvangen_op=ontvangen,
            zienswijzeverzoek__uiterste_datum=ontvangen + datetime.timedelta(weeks=8),
        )
    tekst = " ".join(client.get("/gemeenten/GM0479/zienswijzen/").content.decode().split())
    rij = {j: tekst.split(f"Ontwerpbegroting {j}")[1].split("</th>")[0] for j in (2021, 2026)}
    assert "korter dan" not in rij[2021]
    assert "korter dan 12 weken" in rij[2026]


def test_admin_and_api_refuse_a_reply_on_a_zienswijze_not_submitted(verzoek):
    """Admin and API save through zienswijze_opslaan: the reply rule holds there too."""
    zienswijze = zienswijzen_klaarzetten(zienswijzeverzoek=verzoek)[0]
    zienswijze.reactie_bestuur = "Dank voor uw zienswijze."
    with pytest.raises(ValidationError) as fout:
        zienswijze_opslaan(zienswijze=zienswijze)
    # The bestuur's side cannot set the status: the message says who does.
    assert fout.value.message_dict["reactie_bestuur"] == [
        "Reactie van het bestuur: kan alleen op een ingediende zienswijze. De griffie van "
        f"{zienswijze.gemeente} zet de status op „ingediend” (met de datum van het "
        "raadsbesluit); laat de reactie tot dan leeg."
    ]
    zienswijze.refresh_from_db()
    assert zienswijze.reactie_bestuur == ""
