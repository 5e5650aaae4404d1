"""How the API names things: camelCase JSON names and the public key of each model."""

import datetime
import re
import uuid

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenwerking.adressen import normaliseer_cbs_code
from samenwerking.models import Domein, Gemeente, Provincie
from samenwerking.normalisatie import Namenlijst

# Dates in the API are ISO 8601 only, in query parameters and in bodies alike.
ONGELDIGE_DATUM = gettext_lazy("Gebruik een datum als JJJJ-MM-DD, bijvoorbeeld 2025-06-01.")
_ISO_DATUM = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def iso_datum(waarde: str, formaat: str) -> datetime.datetime:
    """`strptime` for the API's one date format, JJJJ-MM-DD with ASCII digits: strptime alone
    also reads 2025-6-1 and full-width digits, which the document's pattern refuses."""
    if not _ISO_DATUM.fullmatch(waarde):
        raise ValueError(waarde)
    return datetime.datetime.strptime(waarde, formaat)


# How a reference to a row is described, in filters, parameters and serializers alike.
SAMENWERKINGSVERBAND = gettext_lazy("Uuid van het samenwerkingsverband.")
GEMEENTE = gettext_lazy("CBS-code van de gemeente, bijvoorbeeld GM0363.")
PROVINCIE = gettext_lazy("CBS-code van de provincie, bijvoorbeeld PV27.")

# Models known by a code of their own; every other model is known by its uuid.
SLEUTELS: dict[type[models.Model], str] = {
    Gemeente: "cbs_code",
    Provincie: "code",
    Domein: "code",
}


def sleutel(model: type[models.Model]) -> str:
    """The field that identifies a row of `model` in URLs, relations and filters."""
    return SLEUTELS.get(model, "uuid")


# A key of each model known by a code, as an example in a message; any other model's key is a
# uuid as the API gives it.
VOORBEELDSLEUTELS: dict[type[models.Model], str] = {
    Gemeente: "GM0363",
    Provincie: "PV27",
    Domein: "veiligheid",
}
VOORBEELD_UUID = "0f8fad5b-d9cb-469f-a165-70867728950e"


def wat_te_geven(model: type[models.Model]) -> str:
    """What a relation to `model` takes, for a message: 'de CBS-code van een gemeente,
    bijvoorbeeld GM0363'."""
    return _("de %(veld)s van een %(model)s, bijvoorbeeld %(voorbeeld)s") % {
        "veld": model._meta.get_field(sleutel(model)).verbose_name,
        "model": model._meta.verbose_name,
        "voorbeeld": VOORBEELDSLEUTELS.get(model, VOORBEELD_UUID),
    }


def als_opgeslagen(model: type[models.Model], waarde: str) -> str:
    """A key as a client may write it, as stored: a CBS code in any case (gm0479, pv27), as
    the detail addresses take it (samenwerking.adressen), and a domein's code in any case
    (Veiligheid; stored in lower case, as slugify makes it); other keys as given."""
    if not isinstance(waarde, str):
        return waarde
    if model in (Gemeente, Provincie):
        return normaliseer_cbs_code(waarde)
    if model is Domein:
        return waarde.strip().lower()
    return waarde


def als_keuze(waarde, waarden) -> str:
    """A query parameter's value from a fixed set (`formaat`, `vorm`, `ordering`), as the set
    spells it: CSV, ol and -Naam are csv, OL and -naam. The one rule for every such parameter;
    a request body stays strict (a stored value is written as the document spells it)."""
    if not isinstance(waarde, str):
        return waarde
    return {str(w).lower(): str(w) for w in waarden}.get(waarde.lower(), waarde)


def camel(naam: str) -> str:
    """`eigen_vermogen_begin` -> `eigenVermogenBegin` (API Design Rules: camelCase)."""
    eerste, *rest = naam.split("_")
    return eerste + "".join(deel[:1].upper() + deel[1:] for deel in rest)


def niet_gevonden(model: type[models.Model], waarde: str) -> str:
    """Dutch message for a key that matches no row, e.g. 'Geen gemeente met CBS-code GM9999.'"""
    veld = model._meta.get_field(sleutel(model))
    return _("Geen %(model)s met %(veld)s %(waarde)s.") % {
        "model": model._meta.verbose_name,
        "veld": veld.verbose_name,
        "waarde": waarde,
    }


def bedoeld(model: type[models.Model], waarde) -> str:
    """After `niet_gevonden`, for a gemeente or provincie given by its name where its CBS code
    belongs ("Utrecht", "Den Haag", "Bergen") or a typing error away from one ("Utrect"): the
    codes meant, " Bedoelt u GM0344 (Utrecht)?"; "" for anything else. One query, on the
    error's path only."""
    if model not in (Gemeente, Provincie) or not isinstance(waarde, str) or not waarde.strip():
        return ""
    rijen = Namenlijst(model.objects.order_by("naam"), lambda rij: rij.naam).bedoeld(waarde)
    if not rijen:
        return ""
    keuzes = [f"{getattr(rij, sleutel(model))} ({rij.naam})" for rij in rijen]
    return " " + _("Bedoelt u %(keuzes)s?") % {"keuzes": " of ".join(keuzes[:3])}


def niet_op_adres(model: type[models.Model], waarde: str) -> str:
    """The 404 of an address whose key matches no row. A key that is not even a uuid where one
    belongs is said to be so, with what to send instead."""
    melding = niet_gevonden(model, waarde) + bedoeld(model, waarde)
    if sleutel(model) == "uuid":
        try:
            uuid.UUID(waarde)
        except ValueError:
            melding += " " + _(
                "Dat is geen geldige uuid: gebruik de uuid van een %(model)s zoals de API die "
                "geeft, bijvoorbeeld 0f8fad5b-d9cb-469f-a165-70867728950e."
            ) % {"model": model._meta.verbose_name}
    return melding
