"""The parameters of the council's lists, defined once for the pages (`raad.forms`), the API
(`raad.api.views`) and the command (`exporteer_verbonden_partijen`): whose figures a list
shows (`modus`), which file it is (`formaat`), and what each is when left empty. The `jaar`
and the peildatum, with their bounds and defaults, are `samenwerking.peilmoment`'s.
"""

from collections.abc import Mapping

from django.db import models
from django.utils.translation import gettext_lazy as _

from samenwerking.constants import JaarcijfersSoort
from samenwerking.peilmoment import peilmoment

# A list is made for the begroting or the jaarrekening: it shows the arrangements' figures of
# that kind (Jaarcijfers.soort).
Modus = JaarcijfersSoort
MODUS_STANDAARD = Modus.BEGROTING


class Kolommen(models.TextChoices):
    """The column sets of the verbonden-partijen list: what BBV art. 15 asks, or that with
    what published lists commonly add (programma, eigenaars- and opdrachtgeversrol,
    aandelenbelang, meerjarenraming, solvabiliteit)."""

    BBV = "bbv", _("BBV-minimum")
    UITGEBREID = "uitgebreid", _("Uitgebreid")


KOLOMMEN_STANDAARD = Kolommen.BBV


class Formaat(models.TextChoices):
    HTML = "html", _("Webpagina (afdrukbaar, ook als pdf)")
    XLSX = "xlsx", _("Excel (XLSX)")
    CSV = "csv", _("CSV voor Excel (puntkomma)")
    ODS = "ods", _("OpenDocument (ODS)")
    JSON = "json", _("JSON (open data)")


# The files and their media types; a file's extension is its format's code.
MEDIATYPEN = {
    Formaat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    Formaat.CSV: "text/csv; charset=utf-8",
    Formaat.ODS: "application/vnd.oasis.opendocument.spreadsheet",
    Formaat.JSON: "application/json",
}
BESTANDSFORMATEN = [f.value for f in MEDIATYPEN]


def lijst_parameters(gegevens: Mapping) -> tuple[int, str]:
    """Jaar and modus of a list from a form's or serializer's cleaned values; empty: this year
    and the begroting."""
    _peildatum, jaar = peilmoment(jaar=gegevens.get("jaar"))
    return jaar, gegevens.get("modus") or MODUS_STANDAARD


def kolommen_parameter(gegevens: Mapping) -> str:
    """The column set from cleaned values; empty: the BBV minimum."""
    return gegevens.get("kolommen") or KOLOMMEN_STANDAARD
