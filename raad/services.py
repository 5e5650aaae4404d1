"""Writes of the raad's calendar. Admin and API call these; nothing else saves these models.

Keyword-only, one transaction each, `full_clean()` first and then the rules across rows;
errors are `ValidationError`s keyed by field, in Dutch, with a `code`.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history

from samenwerking.geschiedenis import reden
from samenwerking.models import Deelname

from .constants import STATUSOVERGANGEN, ZienswijzeStatus
from .models import Zienswijze, Zienswijzeverzoek


@transaction.atomic
def vastleggen(*, rij: models.Model) -> models.Model:
    """Save a row that has no rules beyond its own (Termijnregel, Termijnafwijking,
    Bestuursvergadering, Evaluatie): its fields, its `clean()` and the database constraints."""
    rij.full_clean()
    rij.save()
    return rij


# --- Zienswijzeverzoek -------------------------------------------------------------------------


@transaction.atomic
def zienswijzeverzoek_opslaan(*, zienswijzeverzoek: Zienswijzeverzoek) -> Zienswijzeverzoek:
    zienswijzeverzoek.full_clean()
    zienswijzeverzoek.save()
    return zienswijzeverzoek


@transaction.atomic
def zienswijzen_klaarzetten(*, zienswijzeverzoek: Zienswijzeverzoek) -> list[Zienswijze]:
    """A zienswijze "nog te agenderen" for every gemeente taking part in the arrangement on
    the day the request arrived that does not have one yet. Returns the new ones."""
    bestaand = zienswijzeverzoek.zienswijzen.values("gemeente")
    gemeenten = (
        Deelname.objects.actief_op(zienswijzeverzoek.ontvangen_op)
        .filter(
            samenwerkingsverband_id=zienswijzeverzoek.samenwerkingsverband_id,
            gemeente__isnull=False,
        )
        .exclude(gemeente__in=bestaand)
        .values_list("gemeente", flat=True)
        .distinct()
    )
    nieuw = [
        Zienswijze(zienswijzeverzoek=zienswijzeverzoek, gemeente_id=gemeente)
        for gemeente in gemeenten
    ]
    for zienswijze in nieuw:
        zienswijze.full_clean(validate_unique=False, validate_constraints=False)
    return bulk_create_with_history(nieuw, Zienswijze, default_change_reason=reden())


# --- Zienswijze --------------------------------------------------------------------------------


def controleer_zienswijze(zienswijze: Zienswijze) -> None:
    """Rules across rows: the raad decides after the request arrived, and the gemeente took
    part in the arrangement when it did."""
    if not zienswijze.zienswijzeverzoek_id:
        return
    verzoek = zienswijze.zienswijzeverzoek
    ontvangen = date_format(verzoek.ontvangen_op, "j F Y")
    if zienswijze.raadsbesluit_datum and zienswijze.raadsbesluit_datum < verzoek.ontvangen_op:
        raise ValidationError(
            {
                "raadsbesluit_datum": ValidationError(
                    _("Datum raadsbesluit: ligt vóór de ontvangst van het verzoek (%(datum)s).")
                    % {"datum": ontvangen},
                    code="besluit_voor_ontvangst",
                )
            }
        )
    if (
        zienswijze.gemeente_id
        and not Deelname.objects.actief_op(verzoek.ontvangen_op)
        .filter(
            samenwerkingsverband_id=verzoek.samenwerkingsverband_id,
            gemeente_id=zienswijze.gemeente_id,
        )
        .exists()
    ):
        raise ValidationError(
            {
                "gemeente": ValidationError(
                    _(
                        "Gemeente: nam op %(datum)s (ontvangst van het verzoek) niet deel aan "
                        "%(verband)s."
                    )
                    % {"datum": ontvangen, "verband": verzoek.samenwerkingsverband},
                    code="geen_deelnemer",
                )
            }
        )


@transaction.atomic
def zienswijze_opslaan(*, zienswijze: Zienswijze) -> Zienswijze:
    """Save a zienswijze as the griffie edits it (any recordable status)."""
    zienswijze.full_clean()
    controleer_zienswijze(zienswijze)
    zienswijze.save()
    return zienswijze


@transaction.atomic
def zienswijze_status_wijzigen(
    *,
    zienswijze: Zienswijze,
    status: str,
    raadsvergadering: datetime.date | None = None,
    raadsbesluit_datum: datetime.date | None = None,
    samenvatting: str | None = None,
    document_url: str | None = None,
) -> Zienswijze:
    """Move a zienswijze along its workflow: nog te agenderen → geagendeerd → ingediend or
    geen zienswijze (or back to nog te agenderen when taken off the agenda). A decided one
    stays decided. "Termijn verstreken" is never set: it is read from the deadline."""
    if status not in ZienswijzeStatus.values:
        raise ValidationError(
            {"status": ValidationError(_("Status: onbekende status."), code="onbekende_status")}
        )
    huidig = ZienswijzeStatus(zienswijze.status)
    if status != huidig and status not in STATUSOVERGANGEN.get(huidig, set()):
        raise ValidationError(
            {
                "status": ValidationError(
                    _("Status: van „%(van)s” kan niet naar „%(naar)s”.")
                    % {"van": huidig.label, "naar": ZienswijzeStatus(status).label},
                    code="ongeldige_overgang",
                )
            }
        )
    zienswijze.status = status
    if raadsvergadering is not None:
        zienswijze.raadsvergadering = raadsvergadering
    if raadsbesluit_datum is not None:
        zienswijze.raadsbesluit_datum = raadsbesluit_datum
    if samenvatting is not None:
        zienswijze.samenvatting = samenvatting
    if document_url is not None:
        zienswijze.document_url = document_url
    return zienswijze_opslaan(zienswijze=zienswijze)


@transaction.atomic
def reactie_bestuur_vastleggen(*, zienswijze: Zienswijze, reactie: str) -> Zienswijze:
    """The board's reasoned reply to a zienswijze the raad submitted."""
    if zienswijze.status != ZienswijzeStatus.INGEDIEND:
        raise ValidationError(
            {
                "reactie_bestuur": ValidationError(
                    _("Reactie van het bestuur: kan alleen op een ingediende zienswijze."),
                    code="niet_ingediend",
                )
            }
        )
    zienswijze.reactie_bestuur = reactie
    return zienswijze_opslaan(zienswijze=zienswijze)
