"""Two sessions that save the same row through the admin at the same moment: exactly one wins,
every time; the other gets the form back with what is stored now beside what it typed."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse

from samenwerking.models import Deelname, Samenwerkingsverband
from tests import factories as f
from tests.toegang import beheerder_account
from tests.toegang.formulier import formulier_gegevens

RONDES = 20

# (model, the field both sessions change, a value per session and round)
GEVALLEN = {
    "samenwerkingsverband": (Samenwerkingsverband, "naam", lambda wie, n: f"Regio {wie} {n}"),
    "deelname": (Deelname, "stemmen", lambda wie, n: str(2 * n + (1 if wie == "A" else 2))),
}


def _tegelijk(posts) -> list:
    """Run the posts in threads that start together; each thread has its own connection."""
    start = threading.Barrier(len(posts))
    antwoorden = [None] * len(posts)

    def doe(i, post):
        try:
            start.wait()
            antwoorden[i] = post()
        finally:
            connection.close()

    draden = [threading.Thread(target=doe, args=(i, p)) for i, p in enumerate(posts)]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join()
    return antwoorden


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("soort", GEVALLEN)
def test_of_two_simultaneous_admin_saves_exactly_one_wins(soort):
    model, veld, waarde = GEVALLEN[soort]
    deelname = f.DeelnameFactory()
    obj = deelname if model is Deelname else deelname.samenwerkingsverband
    url = reverse(f"admin:samenwerking_{soort}_change", args=[obj.pk])
    sessies = {}
    for wie in "AB":
        sessies[wie] = Client()
        sessies[wie].force_login(beheerder_account(f"beheer-{wie}"))

    for ronde in range(RONDES):
        formulieren = {wie: formulier_gegevens(c.get(url)) for wie, c in sessies.items()}
        for wie, gegevens in formulieren.items():
            gegevens[veld] = [waarde(wie, ronde)]
        antwoorden = dict(
            zip(
                "AB",
                _tegelijk(
                    [
                        lambda wie=wie, gegevens=gegevens: sessies[wie].post(url, gegevens)
                        for wie, gegevens in formulieren.items()
                    ]
                ),
                strict=True,
            )
        )

        statussen = sorted(a.status_code for a in antwoorden.values())
        assert statussen == [200, 302], f"ronde {ronde}: {statussen}"
        winnaar = next(w for w, a in antwoorden.items() if a.status_code == 302)
        verliezer = next(w for w, a in antwoorden.items() if a.status_code == 200)
        opgeslagen = str(getattr(model.objects.get(pk=obj.pk), veld))
        assert opgeslagen == waarde(winnaar, ronde)
        tekst = antwoorden[verliezer].content.decode()
        assert "Iemand anders heeft dit intussen gewijzigd" in tekst
        # Both values: what is stored now in the message, the loser's own input in the field.
        assert f"nu opgeslagen: „{opgeslagen}”" in tekst
        assert f'value="{waarde(verliezer, ronde)}"' in tekst


@pytest.mark.django_db
def test_after_seeing_both_values_a_second_save_is_deliberate_and_lands():
    verband = f.SamenwerkingsverbandFactory(naam="Regio Oud")
    url = reverse("admin:samenwerking_samenwerkingsverband_change", args=[verband.pk])
    client = Client()
    client.force_login(beheerder_account())
    gegevens = formulier_gegevens(client.get(url))
    Samenwerkingsverband.objects.filter(pk=verband.pk).update(naam="Regio Collega")
    verband.refresh_from_db()
    verband.save()  # a change by someone else, with a new version

    gegevens["naam"] = ["Regio Mijn"]
    eerste = client.post(url, gegevens)
    assert eerste.status_code == 200
    assert "nu opgeslagen: „Regio Collega”" in eerste.content.decode()
    assert Samenwerkingsverband.objects.get(pk=verband.pk).naam == "Regio Collega"

    opnieuw = formulier_gegevens(eerste)
    assert opnieuw["naam"] == ["Regio Mijn"]
    assert client.post(url, opnieuw).status_code == 302
    assert Samenwerkingsverband.objects.get(pk=verband.pk).naam == "Regio Mijn"
