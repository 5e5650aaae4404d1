"""Every way to write shows at once to a visitor without an account, with the page cache on:
the admin (a form with an inline row, a deletion from the list), the API (create, change),
a spreadsheet import and a management command. Each test first reads the page or answer
anonymously (so that it is cached), writes, and reads again: the second read must show the
change, which it only does when the write gave the register a new version."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenwerking import services
from samenwerking.models import Deelname, Gemeente, Registerversie, Samenwerkingsverband
from samenwerking.registerversie import register_versie
from tests import factories as f
from tests.toegang import api_client, beheerder_account

pytestmark = pytest.mark.django_db(transaction=True)

PAGINA = "/gemeenten/GM0363/"
API = "/api/v1/gemeenten/GM0363/samenwerkingsverbanden?jaar=2025"


@pytest.fixture
def amsterdam(referentiedata):
    return Gemeente.objects.get(cbs_code="GM0363")


@pytest.fixture
def bezoeker():
    """A visitor without an account: answers come from the page cache."""
    return Client()


def _gelezen(bezoeker, adres: str) -> str:
    antwoord = bezoeker.get(adres)
    assert antwoord.status_code == 200
    return antwoord.content.decode()


def _formulier(pagina) -> dict:
    """What the admin's change page would post back unchanged: the main form and every
    inline formset (management form and rows)."""
    gegevens = {}

    def velden(form):
        for veld in form:
            waarde = veld.value()
            if waarde is None or waarde is False:
                continue
            if isinstance(waarde, list | tuple):
                gegevens[veld.html_name] = [str(w) for w in waarde]
            else:
                gegevens[veld.html_name] = "on" if waarde is True else str(waarde)

    def formset(rijen):
        velden(rijen.management_form)
        for form in rijen.forms:
            velden(form)

    velden(pagina.context["adminform"].form)
    for inline in pagina.context["inline_admin_formsets"]:
        formset(inline.formset)
    return gegevens


def test_the_arrangement_admin_with_its_inlines(admin_client, bezoeker, amsterdam):
    deelname = f.DeelnameFactory(gemeente=amsterdam, samenwerkingsverband__naam="Oude naam")
    f.BijdrageFactory(deelname=deelname, jaar=2025)
    assert "Oude naam" in _gelezen(bezoeker, PAGINA)
    adres = reverse(
        "admin:samenwerking_samenwerkingsverband_change", args=[deelname.samenwerkingsverband_id]
    )
    gegevens = _formulier(admin_client.get(adres)) | {"naam": "Nieuwe naam"}
    antwoord = admin_client.post(adres, gegevens)
    assert antwoord.status_code == 302, antwoord.context["errors"]
    tekst = _gelezen(bezoeker, PAGINA)
    assert "Nieuwe naam" in tekst and "Oude naam" not in tekst


def test_an_admin_form_with_a_new_inline_row(admin_client, bezoeker, amsterdam):
    deelname = f.DeelnameFactory(gemeente=amsterdam, samenwerkingsverband__naam="GGD Regio")
    assert '"begroot":null' in _gelezen(bezoeker, API)
    adres = reverse("admin:samenwerking_deelname_change", args=[deelname.pk])
    gegevens = _formulier(admin_client.get(adres))
    gegevens.update(
        {
            "bijdragen-TOTAL_FORMS": "1",
            "bijdragen-0-jaar": "2025",
            "bijdragen-0-soort": "begroot",
            "bijdragen-0-bedrag": "1234.50",
        }
    )
    antwoord = admin_client.post(adres, gegevens)
    assert antwoord.status_code == 302, antwoord.context["errors"]
    assert '"begroot":"1234.50"' in _gelezen(bezoeker, API)


def test_a_deletion_from_the_admins_list(admin_client, bezoeker, amsterdam):
    deelname = f.DeelnameFactory(gemeente=amsterdam, samenwerkingsverband__naam="Havenschap")
    assert "Havenschap" in _gelezen(bezoeker, PAGINA)
    antwoord = admin_client.post(
        reverse("admin:samenwerking_deelname_changelist"),
        {"action": "delete_selected", "_selected_action": [deelname.pk], "post": "yes"},
    )
    assert antwoord.status_code == 302
    assert not Deelname.objects.exists()
    assert "Havenschap" not in _gelezen(bezoeker, PAGINA)


def test_the_api_creates_and_changes(bezoeker, amsterdam):
    verband = f.SamenwerkingsverbandFactory(naam="Recreatieschap")
    assert "Recreatieschap" not in _gelezen(bezoeker, PAGINA)
    client = api_client(beheerder_account())
    antwoord = client.post(
        "/api/v1/deelnames",
        {"samenwerkingsverband": str(verband.uuid), "gemeente": "GM0363", "rol": "deelnemer"},
        format="json",
    )
    assert antwoord.status_code == 201, antwoord.content
    assert "Recreatieschap" in _gelezen(bezoeker, PAGINA)

    adres = f"/api/v1/samenwerkingsverbanden/{verband.uuid}"
    antwoord = client.patch(
        adres,
        {"naam": "Recreatieschap Noord"},
        format="json",
        HTTP_IF_MATCH=client.get(adres)["ETag"],
    )
    assert antwoord.status_code == 200, antwoord.content
    assert "Recreatieschap Noord" in _gelezen(bezoeker, PAGINA)


def test_a_spreadsheet_import(admin_client, bezoeker, amsterdam):
    verband = f.SamenwerkingsverbandFactory(naam="Omgevingsdienst")
    assert "Omgevingsdienst" not in _gelezen(bezoeker, PAGINA)
    bestand = f"samenwerkingsverband;gemeente;toetredingsdatum\n{verband.uuid};GM0363;2020-01-01\n"
    voorbeeld = admin_client.post(
        reverse("admin:samenwerking_deelname_import"),
        {
            "resource": "0",
            "format": "0",
            "import_file": SimpleUploadedFile("deelnames.csv", bestand.encode()),
        },
    )
    assert voorbeeld.context["confirm_form"] is not None
    antwoord = admin_client.post(
        reverse("admin:samenwerking_deelname_process_import"),
        voorbeeld.context["confirm_form"].initial,
    )
    assert antwoord.status_code == 302
    assert "Omgevingsdienst" in _gelezen(bezoeker, PAGINA)


def test_a_management_command(bezoeker, amsterdam):
    """Weesp merged into Amsterdam on 24 March 2022: `manage.py herindeling` carries Weesp's
    deelname on under Amsterdam (in bulk, rijen_opslaan)."""
    weesp = Gemeente.objects.get(cbs_code="GM0457")
    f.DeelnameFactory(gemeente=weesp, samenwerkingsverband__naam="Gooi en Vechtstreek")
    assert "Gooi en Vechtstreek" not in _gelezen(bezoeker, PAGINA)
    call_command("herindeling", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert "Gooi en Vechtstreek" in _gelezen(bezoeker, PAGINA)


class TestDeVersie:
    """The version changes when a write commits, once per transaction, and not for a write
    that is undone."""

    def test_a_write_commits_a_new_version(self, referentiedata):
        voor = register_versie()
        services.rij_opslaan(rij=Samenwerkingsverband(naam="Nieuw", vorm="OL"))
        assert register_versie() not in ("", voor)

    def test_an_undone_write_keeps_the_version(self, referentiedata):
        services.rij_opslaan(rij=Samenwerkingsverband(naam="Eerst", vorm="OL"))
        voor = register_versie()
        with pytest.raises(RuntimeError), transaction.atomic():
            services.rij_opslaan(rij=Samenwerkingsverband(naam="Teruggedraaid", vorm="OL"))
            assert register_versie() == voor  # not before the commit
            raise RuntimeError
        assert register_versie() == voor
        assert not Samenwerkingsverband.objects.filter(naam="Teruggedraaid").exists()

    def test_a_write_after_an_undone_savepoint_still_counts(self, referentiedata):
        """The importers write each regeling in a savepoint and go on after one is refused."""
        voor = register_versie()
        with transaction.atomic():
            with pytest.raises(RuntimeError), transaction.atomic():
                services.rij_opslaan(rij=Samenwerkingsverband(naam="Geweigerd", vorm="OL"))
                raise RuntimeError
            services.rij_opslaan(rij=Samenwerkingsverband(naam="Geland", vorm="OL"))
        assert register_versie() != voor
        assert Registerversie.objects.count() == 1

    def test_one_new_version_per_transaction(self, referentiedata):
        verband = f.SamenwerkingsverbandFactory()
        gemeenten = list(Gemeente.objects.order_by("cbs_code")[:3])
        with CaptureQueriesContext(connection) as vragen, transaction.atomic():
            services.rijen_opslaan(
                model=Deelname,
                rijen=[Deelname(samenwerkingsverband=verband, gemeente=g) for g in gemeenten],
            )
            services.deelnames_beeindigen(
                deelnames=list(verband.deelnames.all()), datum=datetime.date(2024, 1, 1)
            )
        # Three writes (deelnames, their end, their seats); after the commit one new version.
        tabel = Registerversie._meta.db_table
        nieuwe_versies = [q for q in vragen if q["sql"].startswith(f'UPDATE "{tabel}"')]
        assert len(nieuwe_versies) == 1
