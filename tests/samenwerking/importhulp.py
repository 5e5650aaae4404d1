"""Helpers of the admin's spreadsheet-import tests: posting a file, confirming it, reading
what the page says."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samenwerking.formats import FORMATEN

D = datetime.date
FORMAAT = {f().get_title(): str(i) for i, f in enumerate(FORMATEN)}
ENGELS = (
    "Import finished",
    "encountered while trying",
    "No valid data",
    "Confirm import",
    "Some rows failed",
    "Line number",
    "This importer",
    "Submit",
    "Traceback",
)


def upload(client, model: str, inhoud: bytes, formaat: str = "csv", **extra):
    naam = {"csv": "bestand.csv", "xlsx": "bestand.xlsx", "ods": "b.ods", "json": "b.json"}
    return client.post(
        reverse(f"admin:samenwerking_{model}_import"),
        {
            "resource": "0",
            "format": FORMAAT[formaat],
            "import_file": SimpleUploadedFile(naam[formaat], inhoud),
            **extra,
        },
    )


def bevestig(client, model: str, voorbeeld, **anders):
    gegevens = {**voorbeeld.context["confirm_form"].initial, **anders}
    return client.post(reverse(f"admin:samenwerking_{model}_process_import"), gegevens)


def csv_bestand(kop: list[str], rijen: list[list]) -> bytes:
    regels = [";".join(kop)] + [";".join("" if w is None else str(w) for w in r) for r in rijen]
    return ("\n".join(regels) + "\n").encode("utf-8")


def meldingen(antwoord) -> list[str]:
    return [str(m) for m in antwoord.wsgi_request._messages]


def client_van(gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker)
    return client


def tel(doe) -> tuple[int, object]:
    """The number of queries `doe()` takes, and what it returns."""
    ContentType.objects.clear_cache()  # every count includes reading the content type
    with CaptureQueriesContext(connection) as vragen:
        uitkomst = doe()
    return len(vragen), uitkomst
