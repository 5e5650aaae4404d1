"""A year outside 1900–2100 is refused with the message of the database's check, which names
the field as the form labels it ("Begrotingsjaar: moet tussen 1900 en 2100 liggen."), not
Django's "Zorg ervoor dat deze waarde hoogstens 2100 is."; a termijnregel's vanaf_jaar and
tot_jaar have that check too."""

import importlib

import pytest
from django.apps import apps
from django.db import IntegrityError, connection, transaction
from django.urls import reverse

from raad import models
from tests import factories as f

pytestmark = pytest.mark.django_db

BEGROTINGSJAAR_FOUT = "Begrotingsjaar: moet tussen 1900 en 2100 liggen."


@pytest.mark.parametrize("jaar", ["1899", "2101", "-5"])
def test_the_admin_form_names_the_year_field_in_its_error(admin_client, jaar):
    verband = f.SamenwerkingsverbandFactory()
    antwoord = admin_client.post(
        reverse("admin:raad_zienswijzeverzoek_add"),
        {
            "samenwerkingsverband": verband.pk,
            "soort": "ontwerpbegroting",
            "onderwerp": "Ontwerpbegroting",
            "jaar": jaar,
            "ontvangen_op": "2025-03-01",
            "uiterste_datum": "2025-05-24",
            "document_url": "",
            "zienswijzen-TOTAL_FORMS": "0",
            "zienswijzen-INITIAL_FORMS": "0",
        },
    )
    assert antwoord.status_code == 200
    assert antwoord.context["adminform"].form.errors == {"jaar": [BEGROTINGSJAAR_FOUT]}
    assert BEGROTINGSJAAR_FOUT in antwoord.content.decode()
    assert "Zorg ervoor" not in antwoord.content.decode()
    assert not models.Zienswijzeverzoek.objects.exists()


def test_a_termijnregel_year_out_of_range_is_refused_naming_the_field(admin_client, pc_regels):
    regel = pc_regels["ontwerpbegroting"]
    antwoord = admin_client.get(reverse("admin:raad_termijnregel_change", args=[regel.pk]))
    gegevens = {
        naam: ("" if waarde is None else waarde)
        for naam, waarde in antwoord.context["adminform"].form.initial.items()
    }
    gegevens.update(vanaf_jaar="1899", tot_jaar="2101", vormen=list(regel.vormen))
    antwoord = admin_client.post(
        reverse("admin:raad_termijnregel_change", args=[regel.pk]), gegevens
    )
    assert antwoord.status_code == 200
    assert antwoord.context["adminform"].form.errors == {
        "vanaf_jaar": ["Geldt vanaf begrotingsjaar: moet tussen 1900 en 2100 liggen."],
        "tot_jaar": ["Geldt tot en met begrotingsjaar: moet tussen 1900 en 2100 liggen."],
    }
    regel.refresh_from_db()
    assert (regel.vanaf_jaar, regel.tot_jaar) == (
        pc_regels["ontwerpbegroting"].vanaf_jaar,
        pc_regels["ontwerpbegroting"].tot_jaar,
    )


@pytest.mark.parametrize("veld", ["vanaf_jaar", "tot_jaar"])
def test_the_database_refuses_a_termijnregel_year_out_of_range(pc_regels, veld):
    regel = pc_regels["ontwerpbegroting"]
    with pytest.raises(IntegrityError, match=f"termijnregel_{veld}_bereik"), transaction.atomic():
        models.Termijnregel.objects.filter(pk=regel.pk).update(**{veld: 2101})
    models.Termijnregel.objects.filter(pk=regel.pk).update(**{veld: None})


def test_the_migration_names_a_stored_termijnregel_year_out_of_range(pc_regels):
    """Before the check is added, a stored year outside the range stops the migration with
    the row to correct (the check is dropped here, inside the test's transaction)."""
    regel = pc_regels["ontwerpbegroting"]
    migratie = importlib.import_module("raad.migrations.0010_termijnregel_jaar_bereik")
    migratie.jaren_controleren(apps, None)  # every seeded rule is within the range
    tabel = models.Termijnregel._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {tabel} DROP CONSTRAINT termijnregel_tot_jaar_bereik")
    models.Termijnregel.objects.filter(pk=regel.pk).update(tot_jaar=2101)
    with pytest.raises(RuntimeError) as fout:
        migratie.jaren_controleren(apps, None)
    assert str(fout.value) == (
        "Jaar buiten 1900..2100; verbeter deze rijen in het beheer en migreer opnieuw: "
        f"Termijnregel {regel.pk} (ontwerpbegroting): tot_jaar 2101"
    )
