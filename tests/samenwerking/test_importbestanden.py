"""The upload between an import's preview and its confirmation: only the account that
uploaded it, in its own session, can confirm it, once; a forged name reads and deletes
nothing; uploads that are never confirmed do not stay."""

import os
import tempfile
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from samenwerking import importbestanden
from samenwerking.models import Deelname, Gemeente
from tests import factories as f
from tests.toegang import account
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db

GEWEIGERD = (
    "Dit importbestand hoort niet (meer) bij uw import: het is al verwerkt, te oud, of niet "
    "door u ingelezen. Er is niets opgeslagen; lees het bestand opnieuw in."
)


@pytest.fixture(autouse=True)
def importmap(settings, tmp_path):
    settings.IMPORT_MAP = str(tmp_path / "import")
    return Path(settings.IMPORT_MAP)


@pytest.fixture
def verband(referentiedata):
    return f.SamenwerkingsverbandFactory(naam="Veiligheidsregio Zaanstreek-Waterland")


def _bestand(verband, gemeente: str = "Oostzaan") -> bytes:
    kop = "samenwerkingsverband;gemeente;toetredingsdatum"
    return f"{kop}\n{verband.uuid};{gemeente};2025-01-01\n".encode()


def _voorbeeld(client, inhoud: bytes):
    return client.post(
        reverse("admin:samenwerking_deelname_import"),
        {"resource": "0", "format": "0", "import_file": SimpleUploadedFile("d.csv", inhoud)},
    )


def _bevestig(client, gegevens: dict):
    return client.post(reverse("admin:samenwerking_deelname_process_import"), gegevens, follow=True)


def _meldingen(antwoord) -> list[str]:
    return [str(m) for m in antwoord.context["messages"]]


def _beheerder(naam: str) -> Client:
    client = Client()
    client.force_login(account(RolSoort.BEHEERDER, naam=naam))
    return client


def test_a_preview_keeps_the_upload_in_its_own_map_under_a_random_name(importmap, verband):
    client = _beheerder("een")
    naam = _voorbeeld(client, _bestand(verband)).context["confirm_form"].initial["import_file_name"]
    assert importbestanden.geldige_naam(naam) and "/" not in naam
    assert (importmap / naam).read_bytes() == _bestand(verband)
    assert oct((importmap / naam).stat().st_mode & 0o777) == "0o600"
    assert oct(importmap.stat().st_mode & 0o777) == "0o700"


@pytest.mark.parametrize("waar", ["tmp", "importmap"])
def test_a_forged_name_is_refused_and_the_file_neither_read_nor_deleted(importmap, verband, waar):
    """A file that would import fine if it were read: in the temp directory (what
    import-export would read) or in the import map under a valid-looking name."""
    client = _beheerder("een")
    echt = _voorbeeld(client, _bestand(verband)).context["confirm_form"].initial
    map_ = Path(tempfile.gettempdir()) if waar == "tmp" else importmap
    doel = map_ / ("x" * 43 if waar == "importmap" else f"geheim-{os.getpid()}.csv")
    doel.write_bytes(_bestand(verband, "Wormerland"))
    try:
        antwoord = _bevestig(client, {**echt, "import_file_name": doel.name})
        assert _meldingen(antwoord) == [GEWEIGERD]
        assert antwoord.redirect_chain[-1][0] == reverse("admin:samenwerking_deelname_import")
        assert doel.read_bytes() == _bestand(verband, "Wormerland")  # not deleted
        assert not Deelname.objects.filter(gemeente__naam="Wormerland").exists()  # not read
    finally:
        doel.unlink(missing_ok=True)


@pytest.mark.parametrize("naam", ["../../etc/passwd", "/etc/passwd", "", "a" * 20])
def test_names_that_are_no_uploads_are_refused(verband, naam):
    client = _beheerder("een")
    echt = _voorbeeld(client, _bestand(verband)).context["confirm_form"].initial
    assert _meldingen(_bevestig(client, {**echt, "import_file_name": naam})) == [GEWEIGERD]
    assert not Deelname.objects.filter(gemeente__naam="Oostzaan").exists()


def test_another_accounts_upload_is_refused_and_stays_for_its_owner(importmap, verband):
    een, twee = _beheerder("een"), _beheerder("twee")
    van_een = _voorbeeld(een, _bestand(verband)).context["confirm_form"].initial
    assert _meldingen(_bevestig(twee, van_een)) == [GEWEIGERD]
    assert (importmap / van_een["import_file_name"]).exists()
    assert not Deelname.objects.filter(gemeente__naam="Oostzaan").exists()
    # The owner still confirms it, once; the name is then gone.
    assert _meldingen(_bevestig(een, van_een))[0].startswith("Import opgeslagen: 1 nieuw")
    assert not (importmap / van_een["import_file_name"]).exists()
    assert _meldingen(_bevestig(een, van_een)) == [GEWEIGERD]
    assert Deelname.objects.filter(gemeente__naam="Oostzaan").count() == 1


@pytest.mark.parametrize("keuze", [{"format": "3"}, {"format": "x"}, {"resource": "7"}])
def test_a_confirmation_with_another_format_or_resource_is_refused(importmap, verband, keuze):
    client = _beheerder("een")
    gegevens = _voorbeeld(client, _bestand(verband)).context["confirm_form"].initial
    assert _meldingen(_bevestig(client, {**gegevens, **keuze})) == [GEWEIGERD]
    assert not Deelname.objects.filter(gemeente__naam="Oostzaan").exists()


def test_an_upload_for_another_list_is_refused(verband):
    client = _beheerder("een")
    gegevens = _voorbeeld(client, _bestand(verband)).context["confirm_form"].initial
    antwoord = client.post(
        reverse("admin:samenwerking_gemeente_process_import"), gegevens, follow=True
    )
    assert _meldingen(antwoord) == [GEWEIGERD]
    assert not Gemeente.objects.filter(naam__startswith=str(verband.uuid)).exists()


def test_a_preview_with_errors_keeps_no_upload(importmap, verband):
    antwoord = _voorbeeld(_beheerder("een"), _bestand(verband, "Atlantis"))
    assert antwoord.context.get("confirm_form") is None
    assert "gemeente &#x27;Atlantis&#x27; bestaat niet" in antwoord.content.decode()
    assert list(importmap.iterdir()) == []


def test_stale_uploads_are_removed_at_the_next_import(importmap, verband, settings):
    settings.IMPORT_BEWAAR_MINUTEN = 60
    client = _beheerder("een")
    oud = _voorbeeld(client, _bestand(verband)).context["confirm_form"].initial
    pad = importmap / oud["import_file_name"]
    anders = importmap / "niet-van-regioreg.txt"
    anders.write_text("blijft")
    twee_uur_geleden = time.time() - 2 * 3600
    os.utime(pad, (twee_uur_geleden, twee_uur_geleden))
    nieuw = _voorbeeld(client, _bestand(verband, "Wormerland")).context["confirm_form"].initial
    assert not pad.exists()
    assert (importmap / nieuw["import_file_name"]).exists()
    assert anders.read_text() == "blijft"
    # Its preview can no longer be confirmed.
    assert _meldingen(_bevestig(client, oud)) == [GEWEIGERD]


def test_the_cleanup_command_for_cron(importmap, verband, capsys):
    _voorbeeld(_beheerder("een"), _bestand(verband))
    [pad] = importmap.iterdir()
    een_dag_geleden = time.time() - 24 * 3600
    os.utime(pad, (een_dag_geleden, een_dag_geleden))
    call_command("opruimen_importbestanden", "--minuten", "600")
    assert capsys.readouterr().out == f"1 importbestand(en) verwijderd uit {importmap}.\n"
    assert list(importmap.iterdir()) == []


def test_a_confirmation_that_is_too_late_is_refused(verband, settings):
    client = _beheerder("een")
    gegevens = _voorbeeld(client, _bestand(verband)).context["confirm_form"].initial
    settings.IMPORT_BEWAAR_MINUTEN = 0
    assert _meldingen(_bevestig(client, gegevens)) == [GEWEIGERD]
    assert not Deelname.objects.filter(gemeente__naam="Oostzaan").exists()
