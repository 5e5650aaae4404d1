"""Writes of the raad's calendar, through the register's services (`samenwerking.services`:
`rij_opslaan` and `rijen_opslaan` write every row, from admin, API and these operations).

Here: the zienswijze's rules across rows (registered with the services, so every surface
checks them) and the operations with a name of their own. Keyword-only, one transaction
each; errors are `ValidationError`s keyed by field, in Dutch, with a `code`.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from samenwerking import services as register
from samenwerking.models import Deelname
from samenwerking.periode import loopt_op, periode_q

from .constants import STATUSOVERGANGEN, ZienswijzeStatus
from .models import Raadsvergadering, Vergadering, Zienswijze, Zienswijzeverzoek


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
    return register.rijen_opslaan(model=Zienswijze, rijen=nieuw)


# --- Zienswijze --------------------------------------------------------------------------------


def zienswijzen_controleren(rijen: list[Zienswijze], labels, goed) -> dict:
    """Rules across rows: the raad decides after the request arrived, and the gemeente took
    part in the arrangement when it did. One query (the gemeenten taking part then), however
    many zienswijzen."""
    verzoeken = {
        rij.zienswijzeverzoek_id: rij.zienswijzeverzoek
        for rij in (rijen[i] for i in goed)
        if rij.zienswijzeverzoek_id
    }
    deelnemers = set()
    if verzoeken:
        waar = Q(pk__in=[])
        for verzoek in verzoeken.values():
            waar |= Q(samenwerkingsverband_id=verzoek.samenwerkingsverband_id) & periode_q(
                verzoek.ontvangen_op, "toetredingsdatum", "uittredingsdatum"
            )
        for verband, gemeente, toetreding, uittreding in Deelname.objects.filter(
            waar, gemeente__isnull=False, samenwerkingsverband__alleen_historisch=False
        ).values_list("samenwerkingsverband", "gemeente", "toetredingsdatum", "uittredingsdatum"):
            for verzoek in verzoeken.values():
                if verzoek.samenwerkingsverband_id == verband and loopt_op(
                    verzoek.ontvangen_op, toetreding, uittreding
                ):
                    deelnemers.add((verzoek.pk, gemeente))
    fouten = {}
    for i in goed:
        zienswijze = rijen[i]
        if not zienswijze.zienswijzeverzoek_id:
            continue
        verzoek = zienswijze.zienswijzeverzoek
        ontvangen = date_format(verzoek.ontvangen_op, "j F Y")
        if zienswijze.raadsbesluit_datum and zienswijze.raadsbesluit_datum < verzoek.ontvangen_op:
            fouten[i] = ValidationError(
                {
                    "raadsbesluit_datum": ValidationError(
                        _("Datum raadsbesluit: ligt vóór de ontvangst van het verzoek (%(datum)s).")
                        % {"datum": ontvangen},
                        code="besluit_voor_ontvangst",
                    )
                }
            )
        elif zienswijze.gemeente_id and (verzoek.pk, zienswijze.gemeente_id) not in deelnemers:
            fouten[i] = ValidationError(
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
    return fouten


register.registreren(Zienswijze, register.Regels(over_rijen=zienswijzen_controleren))


def zienswijze_opslaan(*, zienswijze: Zienswijze) -> Zienswijze:
    """Save a zienswijze as the griffie edits it (any recordable status), with its rules."""
    return register.rij_opslaan(rij=zienswijze)


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


def reactie_bestuur_vastleggen(*, zienswijze: Zienswijze, reactie: str) -> Zienswijze:
    """The board's reasoned reply to a zienswijze the raad submitted (`Zienswijze.clean`
    refuses a reply on any other)."""
    zienswijze.reactie_bestuur = reactie
    return zienswijze_opslaan(zienswijze=zienswijze)


# --- Vergaderingen -----------------------------------------------------------------------------


def vergadering_opslaan(*, vergadering: Vergadering) -> Vergadering:
    """A meeting of a regeling's board or for the raden, as its secretariaat enters it."""
    return register.rij_opslaan(rij=vergadering)


def raadsvergadering_opslaan(*, raadsvergadering: Raadsvergadering) -> Raadsvergadering:
    """A meeting of a gemeente's raad, as its griffie enters it."""
    return register.rij_opslaan(rij=raadsvergadering)
