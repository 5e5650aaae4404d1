"""The audit trail: every change through the API, the admin, the bulk services and the
commands is on record with who (or which command), when, and old and new values; the admin
refuses to overwrite a change made since its page was opened."""

import datetime
from decimal import Decimal
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.html import strip_tags

from raad import services as raad_services
from raad.sturing import Doel, Indicator
from samenwerking import services
from samenwerking.constants import ZetelRol
from samenwerking.geschiedenis import (
    laatst_gewijzigd,
    laatst_gewijzigd_in_regioreg,
    wijzigingsreden,
)
from samenwerking.models import Bijdrage, Deelname, Persoon, Zetel
from tests import factories as f
from tests.toegang import api_client, beheerder_account

pytestmark = pytest.mark.django_db


def _admin_wijzig(client, persoon, naam: str, versie: str):
    return client.post(
        reverse("admin:samenwerking_persoon_change", args=[persoon.pk]),
        {"naam": naam, "partij": persoon.partij, "versie": versie},
    )


def _versie(client, persoon) -> str:
    pagina = client.get(reverse("admin:samenwerking_persoon_change", args=[persoon.pk]))
    return pagina.context["adminform"].form["versie"].value()


def test_an_api_edit_and_an_admin_edit_both_appear_with_user_and_diff():
    persoon = services.rij_opslaan(rij=Persoon(naam="J. de Vries", partij="VVD"))
    via_api = beheerder_account("api-gebruiker")
    pad = f"/api/v1/personen/{persoon.uuid}"
    client = api_client(via_api)
    antwoord = client.patch(
        pad, {"naam": "J. de Vries-Bakker"}, format="json", HTTP_IF_MATCH=client.get(pad)["ETag"]
    )
    assert antwoord.status_code == 200

    via_admin = beheerder_account("admin-gebruiker")
    beheer = Client()
    beheer.force_login(via_admin)
    persoon.refresh_from_db()
    antwoord = _admin_wijzig(beheer, persoon, persoon.naam, _versie(beheer, persoon))
    assert antwoord.status_code == 200 or antwoord.status_code == 302
    antwoord = _admin_wijzig(
        beheer, Persoon.objects.get(pk=persoon.pk), "J. Bakker", _versie(beheer, persoon)
    )
    assert antwoord.status_code == 302, antwoord.context["adminform"].form.errors

    records = list(persoon.history.order_by("history_date"))
    laatste, vorige = records[-1], records[-2]
    assert laatste.history_user == via_admin
    assert [
        (c.field, c.old, c.new) for c in laatste.diff_against(vorige).changes if c.field == "naam"
    ] == [("naam", "J. de Vries-Bakker", "J. Bakker")]
    api_record = next(r for r in records if r.history_user == via_api)
    assert api_record.naam == "J. de Vries-Bakker"
    assert api_record.prev_record.naam == "J. de Vries"

    # The admin's history page shows both, with user and old → new values.
    pagina = beheer.get(reverse("admin:samenwerking_persoon_history", args=[persoon.pk]))
    tekst = pagina.content.decode()
    assert "api-gebruiker" in tekst and "admin-gebruiker" in tekst
    assert "J. de Vries-Bakker" in tekst and "J. Bakker" in tekst and "Gewijzigd door" in tekst


def test_the_history_list_shows_leeg_for_a_cleared_value_and_a_dash_without_a_reason():
    persoon = services.rij_opslaan(rij=Persoon(naam="J. de Vries", partij="VVD"))
    beheer = Client()
    beheer.force_login(beheerder_account("admin-gebruiker"))
    antwoord = beheer.post(
        reverse("admin:samenwerking_persoon_change", args=[persoon.pk]),
        {"naam": persoon.naam, "partij": "", "versie": _versie(beheer, persoon)},
    )
    assert antwoord.status_code == 302, antwoord.context["adminform"].form.errors

    pagina = beheer.get(reverse("admin:samenwerking_persoon_history", args=[persoon.pk]))
    assert pagina.status_code == 200
    rijen = pagina.content.decode().split("<tbody>")[1].split("</tr>")
    # The newest row: an admin change, with no reason given, that cleared the partij.
    nieuwste = " ".join(unescape(strip_tags(rijen[0])).split())
    assert "Politieke partij: VVD → leeg" in nieuwste
    assert "admin-gebruiker — " in nieuwste
    assert "None" not in pagina.content.decode()


def test_the_admin_refuses_to_overwrite_a_change_made_since_the_page_was_opened():
    persoon = services.rij_opslaan(rij=Persoon(naam="A. Jansen"))
    beheer = Client()
    beheer.force_login(beheerder_account())
    versie = _versie(beheer, persoon)

    ander = beheerder_account("collega")
    pad = f"/api/v1/personen/{persoon.uuid}"
    client = api_client(ander)
    client.patch(pad, {"partij": "D66"}, format="json", HTTP_IF_MATCH=client.get(pad)["ETag"])

    antwoord = _admin_wijzig(beheer, persoon, "A. Jansen-de Boer", versie)
    assert antwoord.status_code == 200
    fouten = antwoord.context["adminform"].form.non_field_errors()
    assert (
        "Iemand anders heeft dit intussen gewijzigd: persoon „A. Jansen”, door collega"
        in (fouten[0])
    )
    persoon.refresh_from_db()
    assert (persoon.naam, persoon.partij) == ("A. Jansen", "D66")


def test_bulk_services_record_history_with_the_commands_reason(referentiedata):
    verband = f.SamenwerkingsverbandFactory()
    gemeenten = list(f.GemeenteFactory.create_batch(3))
    with wijzigingsreden("manage.py importeer_opengr"):
        nieuw = services.rijen_opslaan(
            model=Deelname,
            rijen=[Deelname(samenwerkingsverband=verband, gemeente=g) for g in gemeenten],
        )
        services.deelnames_beeindigen(deelnames=nieuw, datum=datetime.date(2024, 1, 1))
    historie = Deelname.history.filter(samenwerkingsverband_id=verband.pk)
    assert historie.filter(history_type="+").count() == 3
    assert (
        historie.filter(history_type="~", uittredingsdatum=datetime.date(2024, 1, 1)).count() == 3
    )
    assert set(historie.values_list("history_change_reason", flat=True)) == {
        "manage.py importeer_opengr"
    }


def test_laatst_gewijzigd_follows_the_rows_of_an_arrangement():
    deelname = f.DeelnameFactory()
    verband = deelname.samenwerkingsverband
    eerst = laatst_gewijzigd(verband)
    assert eerst is not None
    services.bijdrage_vastleggen(deelname=deelname, jaar=2024, bedrag=100)
    assert laatst_gewijzigd(verband) > eerst
    assert laatst_gewijzigd(f.SamenwerkingsverbandFactory.build(pk=0)) is None


def test_the_arrangement_page_says_when_people_last_changed_it_through_a_seat_or_a_bijdrage():
    """ "Laatst gewijzigd in regioreg" follows the rows that hang off the arrangement (also a
    seat, through its organ, and a bijdrage, through its deelname), never an import's
    changes; the admin's version (`laatst_gewijzigd`) counts the import too."""
    with wijzigingsreden("manage.py importeer_roo"):
        zetel = f.ZetelFactory()
    verband = zetel.deelname.samenwerkingsverband
    pagina = Client().get(f"/samenwerkingsverbanden/{verband.uuid}/", follow=True)
    assert pagina.status_code == 200
    assert "Nog niet gewijzigd in regioreg." in pagina.content.decode()
    assert laatst_gewijzigd_in_regioreg(verband) is None
    assert laatst_gewijzigd(verband) == Zetel.history.latest("history_date").history_date

    zetel.rol = ZetelRol.PLAATSVERVANGER
    services.rij_opslaan(rij=zetel)
    door_mensen = Zetel.history.latest("history_date").history_date
    assert laatst_gewijzigd_in_regioreg(verband) == door_mensen == laatst_gewijzigd(verband)

    services.bijdrage_vastleggen(deelname=zetel.deelname, jaar=2024, bedrag=100)
    moment = Bijdrage.history.latest("history_date").history_date
    assert moment > door_mensen
    assert laatst_gewijzigd_in_regioreg(verband) == moment
    pagina = Client().get(f"/samenwerkingsverbanden/{verband.uuid}/", follow=True)
    tekst = formats.date_format(timezone.localtime(moment), "j F Y, H:i")
    assert f"Laatst gewijzigd in regioreg: {tekst}." in pagina.content.decode()

    # Another arrangement's changes do not count.
    assert laatst_gewijzigd_in_regioreg(f.SamenwerkingsverbandFactory.build(pk=0)) is None


def test_the_arrangement_page_notices_a_change_to_one_of_its_deelnames():
    deelname = f.DeelnameFactory()
    verband = deelname.samenwerkingsverband
    beheer = Client()
    beheer.force_login(beheerder_account())
    url = reverse("admin:samenwerking_samenwerkingsverband_change", args=[verband.pk])
    pagina = beheer.get(url)
    versie = pagina.context["adminform"].form["versie"].value()
    assert versie

    deelname.stemmen = 3
    services.deelname_opslaan(deelname=deelname)  # e.g. through the API meanwhile

    formulier = pagina.context["adminform"].form
    formulier.data = {**formulier.initial, "versie": versie}
    assert formulier.__class__(formulier.data, instance=verband).errors["__all__"]


def _nieuwste_wijziging(beheer, admin_naam: str, pk) -> str:
    pagina = beheer.get(reverse(f"admin:{admin_naam}_history", args=[pk]))
    assert pagina.status_code == 200
    rijen = pagina.content.decode().split("<tbody>")[1].split("</tr>")
    return " ".join(unescape(strip_tags(rijen[0])).split())


def test_the_history_list_writes_decimals_as_the_pages_do():
    """Amounts in euros with cents, other numbers with the decimals they have, the Dutch way;
    never as stored ("78000.00", "78.000")."""
    beheer = Client()
    beheer.force_login(beheerder_account())

    cijfers = f.JaarcijfersFactory(lasten=Decimal("78000.00"), baten=Decimal("1234567.80"))
    cijfers.lasten, cijfers.baten = Decimal("80000.50"), None
    services.rij_opslaan(rij=cijfers)
    nieuwste = _nieuwste_wijziging(beheer, "samenwerking_jaarcijfers", cijfers.pk)
    assert "Lasten (€): € 78.000,00 → € 80.000,50" in nieuwste
    assert "Baten (€): € 1.234.567,80 → leeg" in nieuwste

    deelname = f.DeelnameFactory(verdeelsleutel=Decimal("12.5"))
    deelname.verdeelsleutel = Decimal("33.3333")
    services.rij_opslaan(rij=deelname)
    nieuwste = _nieuwste_wijziging(beheer, "samenwerking_deelname", deelname.pk)
    assert "Verdeelsleutel (%): 12,5 → 33,3333" in nieuwste

    indicator = Indicator.objects.create(
        doel=Doel.objects.create(samenwerkingsverband=deelname.samenwerkingsverband, titel="Doel"),
        naam="Bereikte inwoners",
    )
    raad_services.indicatorwaarde_vastleggen(indicator=indicator, jaar=2025, gepland=Decimal(78))
    waarde = raad_services.indicatorwaarde_vastleggen(
        indicator=indicator, jaar=2025, gepland=Decimal("78000.250")
    )
    nieuwste = _nieuwste_wijziging(beheer, "raad_indicatorwaarde", waarde.pk)
    assert "Gepland: 78 → 78.000,25" in nieuwste
    assert "78.000 →" not in nieuwste and "78000" not in nieuwste


def test_the_history_list_writes_dates_as_the_pages_do():
    """A date as the rest of the app writes it ("1 januari 2025"), never as stored
    ("2025-01-01"); a cleared date reads "leeg"."""
    beheer = Client()
    beheer.force_login(beheerder_account())

    deelname = f.DeelnameFactory(
        toetredingsdatum=datetime.date(2024, 1, 1), uittredingsdatum=datetime.date(2030, 3, 15)
    )
    deelname.toetredingsdatum = datetime.date(2025, 1, 1)
    deelname.uittredingsdatum = None
    services.rij_opslaan(rij=deelname)
    nieuwste = _nieuwste_wijziging(beheer, "samenwerking_deelname", deelname.pk)
    assert "Toetredingsdatum: 1 januari 2024 → 1 januari 2025" in nieuwste
    assert "Uittredingsdatum: 15 maart 2030 → leeg" in nieuwste
    assert "2025-01-01" not in nieuwste and "2024-01-01" not in nieuwste
