"""Writes of the raad's calendar, through the register's services (`samenwerking.services`:
`rij_opslaan` and `rijen_opslaan` write every row, from admin, API and these operations).

Here: the zienswijze's rules across rows (registered with the services, so every surface
checks them) and the operations with a name of their own. Keyword-only, one transaction
each; errors are `ValidationError`s keyed by field, in Dutch, with a `code`.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from samenwerking import services as register
from samenwerking.models import Deelname
from samenwerking.periode import jaar as kalenderjaar
from samenwerking.periode import loopt_op, overlapt, periode_q
from samenwerking.services.regels import periode_tekst
from samenwerking.tekst import datum_tekst

from .constants import STATUSOVERGANGEN, ZienswijzeStatus
from .models import (
    Bestuursvergadering,
    Raadsvergadering,
    Vergadering,
    Zienswijze,
    Zienswijzeverzoek,
)
from .sturing import Indicator, Indicatorwaarde, Kader
from .vergaderregels import (
    bestuursvergaderingen_controleren,
    raadsvergaderingen_controleren,
    vergaderingen_controleren,
)

# A zienswijze in which nothing was recorded yet: it may leave a request that moves.
ONAANGEROERD = Q(
    status=ZienswijzeStatus.NOG_TE_AGENDEREN,
    raadsvergadering__isnull=True,
    raadsbesluit_datum__isnull=True,
    samenvatting="",
    document_url="",
    reactie_bestuur="",
)


def _deelnemers(verzoeken) -> set[tuple[int, int]]:
    """(request pk, gemeente pk) of every gemeente taking part in the request's arrangement
    on the day it arrived, as the request is in memory. One query, however many requests."""
    waar = Q(pk__in=[])
    for verzoek in verzoeken:
        waar |= Q(samenwerkingsverband_id=verzoek.samenwerkingsverband_id) & periode_q(
            verzoek.ontvangen_op, "toetredingsdatum", "uittredingsdatum"
        )
    deelnemers = set()
    for verband, gemeente, toetreding, uittreding in Deelname.objects.filter(
        waar, gemeente__isnull=False, samenwerkingsverband__alleen_historisch=False
    ).values_list("samenwerkingsverband", "gemeente", "toetredingsdatum", "uittredingsdatum"):
        for verzoek in verzoeken:
            if verzoek.samenwerkingsverband_id == verband and loopt_op(
                verzoek.ontvangen_op, toetreding, uittreding
            ):
                deelnemers.add((verzoek.pk, gemeente))
    return deelnemers


@transaction.atomic
def zienswijzen_klaarzetten(*, zienswijzeverzoek: Zienswijzeverzoek) -> list[Zienswijze]:
    """Bring the request's zienswijzen in line with who takes part in the arrangement on the
    day the request arrived (also after it moved to another regeling or date): a zienswijze
    "nog te agenderen" for every such gemeente that does not have one yet, and the untouched
    zienswijzen of other gemeenten leave (a touched one blocks the move:
    `verzoek_verplaatsen_controleren`). Returns the new ones."""
    deelnemers = {gemeente for _v, gemeente in _deelnemers([zienswijzeverzoek])}
    bestaand, weg = set(), []
    for zienswijze in zienswijzeverzoek.zienswijzen.annotate(
        onaangeroerd=ExpressionWrapper(ONAANGEROERD, output_field=BooleanField())
    ):
        if zienswijze.gemeente_id in deelnemers or not zienswijze.onaangeroerd:
            bestaand.add(zienswijze.gemeente_id)
        else:
            weg.append(zienswijze)
    register.rijen_verwijderen(rijen=weg)  # one delete, however many leave
    nieuw = [
        Zienswijze(zienswijzeverzoek=zienswijzeverzoek, gemeente_id=gemeente)
        for gemeente in sorted(deelnemers - bestaand)
    ]
    return register.rijen_opslaan(model=Zienswijze, rijen=nieuw)


def verzoek_verplaatsen_controleren(rijen: list[Zienswijzeverzoek], labels, goed) -> dict:
    """A request that moves (another regeling or date of receipt) takes its zienswijzen
    along only where the gemeente still takes part then; a zienswijze of another gemeente
    leaves, unless its raad recorded something in it: that blocks the move, naming the
    gemeente. Two queries, however many requests."""
    verzoeken = [rijen[i] for i in goed if rijen[i].pk]
    if not verzoeken:
        return {}
    deelnemers = _deelnemers(verzoeken)
    aangeroerd: dict[int, list[tuple[int, str, int]]] = {}
    for verzoek, verband, gemeente, naam in (
        Zienswijze.objects.filter(zienswijzeverzoek__in=verzoeken)
        .exclude(ONAANGEROERD)
        .order_by("gemeente__naam")
        .values_list(
            "zienswijzeverzoek",
            "zienswijzeverzoek__samenwerkingsverband",
            "gemeente",
            "gemeente__naam",
        )
    ):
        aangeroerd.setdefault(verzoek, []).append((gemeente, naam, verband))
    fouten = {}
    for i in goed:
        verzoek = rijen[i]
        weg = [
            (naam, verband)
            for gemeente, naam, verband in aangeroerd.get(verzoek.pk, [])
            if (verzoek.pk, gemeente) not in deelnemers
        ]
        if not weg:
            continue
        veld = (
            "samenwerkingsverband"
            if weg[0][1] != verzoek.samenwerkingsverband_id
            else "ontvangen_op"
        )
        label = capfirst(Zienswijzeverzoek._meta.get_field(veld).verbose_name)
        fouten[i] = ValidationError(
            {
                veld: ValidationError(
                    _(
                        "%(veld)s: in de zienswijze van %(gemeenten)s op dit verzoek legde de "
                        "raad al iets vast, maar die gemeente nam op %(datum)s niet deel aan "
                        "%(verband)s. Laat het verzoek staan, of registreer een nieuw verzoek "
                        "voor die regeling of datum."
                    )
                    % {
                        "veld": label,
                        "gemeenten": ", ".join(naam for naam, _v in weg),
                        "datum": datum_tekst(verzoek.ontvangen_op),
                        "verband": verzoek.samenwerkingsverband,
                    },
                    code="zienswijze_vastgelegd",
                )
            }
        )
    return fouten


register.registreren(Zienswijzeverzoek, register.Regels(over_rijen=verzoek_verplaatsen_controleren))


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
    deelnemers = _deelnemers(list(verzoeken.values())) if verzoeken else set()
    fouten = {}
    for i in goed:
        zienswijze = rijen[i]
        if not zienswijze.zienswijzeverzoek_id:
            continue
        verzoek = zienswijze.zienswijzeverzoek
        ontvangen = datum_tekst(verzoek.ontvangen_op)
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


# --- Kaders van de raad, doelen en prestaties (raad.sturing) --------------------------------------


def kaders_controleren(rijen: list[Kader], labels, goed) -> dict:
    """Rules across rows: a raad sets kaders for a regeling its gemeente takes (or took) part
    in, in the kader's year (a deelname that runs at least one day of it). One query, however
    many kaders."""
    paren = {
        (rijen[i].gemeente_id, rijen[i].samenwerkingsverband_id)
        for i in goed
        if rijen[i].gemeente_id and rijen[i].samenwerkingsverband_id
    }
    perioden: dict[tuple, list[tuple]] = {}
    if paren:
        waar = Q(pk__in=[])
        for gemeente, verband in paren:
            waar |= Q(gemeente_id=gemeente, samenwerkingsverband_id=verband)
        for gemeente, verband, toetreding, uittreding in (
            Deelname.objects.filter(waar)
            .order_by("toetredingsdatum")
            .values_list(
                "gemeente_id", "samenwerkingsverband_id", "toetredingsdatum", "uittredingsdatum"
            )
        ):
            perioden.setdefault((gemeente, verband), []).append((toetreding, uittreding))
    fouten = {}
    for i in goed:
        kader = rijen[i]
        paar = (kader.gemeente_id, kader.samenwerkingsverband_id)
        if not all(paar):
            continue
        if paar not in perioden:
            fouten[i] = ValidationError(
                {
                    "samenwerkingsverband": ValidationError(
                        _(
                            "Samenwerkingsverband: %(gemeente)s neemt niet deel aan "
                            "%(verband)s. Kies een regeling waaraan de gemeente deelneemt, of "
                            "vraag het regiosecretariaat de deelname vast te leggen."
                        )
                        % {"gemeente": kader.gemeente, "verband": kader.samenwerkingsverband},
                        code="geen_deelnemer",
                    )
                }
            )
        elif kader.jaar and not any(
            overlapt(begin, eind, *kalenderjaar(kader.jaar)) for begin, eind in perioden[paar]
        ):
            fouten[i] = ValidationError(
                {
                    "jaar": ValidationError(
                        _(
                            "Jaar: %(gemeente)s nam in %(jaar)s niet deel aan %(verband)s "
                            "(deelname %(perioden)s). Kies een jaar waarin de gemeente deelnam."
                        )
                        % {
                            "gemeente": kader.gemeente,
                            "jaar": kader.jaar,
                            "verband": kader.samenwerkingsverband,
                            "perioden": "; ".join(
                                periode_tekst(begin, eind) for begin, eind in perioden[paar]
                            ),
                        },
                        code="jaar_buiten_deelname",
                    )
                }
            )
    return fouten


register.registreren(Kader, register.Regels(over_rijen=kaders_controleren))


def kader_opslaan(*, kader: Kader) -> Kader:
    """Save a kader as the griffie of its gemeente enters it (rights: toegang.rechten, asked
    by the admin before this write), with its rules."""
    return register.rij_opslaan(rij=kader)


class _Bewaren:
    """The default of a value not given to `indicatorwaarde_vastleggen`: keep what is stored
    (`None` and "" clear it)."""

    def __repr__(self):
        return "BEWAREN"


BEWAREN = _Bewaren()


@transaction.atomic
def indicatorwaarde_vastleggen(
    *,
    indicator: Indicator,
    jaar: int,
    gepland: Decimal | _Bewaren | None = BEWAREN,
    gerealiseerd: Decimal | _Bewaren | None = BEWAREN,
    bron: str | _Bewaren = BEWAREN,
    bron_url: str | _Bewaren = BEWAREN,
) -> Indicatorwaarde:
    """The planned and/or actual value of an indicator in a year: the year's row is created
    or updated, on the row as stored (locked). A value not given keeps what is stored; `None`
    (or "" for the source) clears it, and the history records the change. Clearing both
    values is refused: delete the year's row instead."""
    waarde = Indicatorwaarde.objects.select_for_update().filter(
        indicator=indicator, jaar=jaar
    ).first() or Indicatorwaarde(indicator=indicator, jaar=jaar)
    for veld, nieuw in (
        ("gepland", gepland),
        ("gerealiseerd", gerealiseerd),
        ("bron", bron),
        ("bron_url", bron_url),
    ):
        if nieuw is not BEWAREN:
            setattr(waarde, veld, "" if nieuw is None and veld.startswith("bron") else nieuw)
    return register.rij_opslaan(rij=waarde)


# --- Vergaderingen -----------------------------------------------------------------------------

register.registreren(Vergadering, register.Regels(over_rijen=vergaderingen_controleren))
register.registreren(
    Bestuursvergadering, register.Regels(over_rijen=bestuursvergaderingen_controleren)
)
register.registreren(Raadsvergadering, register.Regels(over_rijen=raadsvergaderingen_controleren))


def vergadering_opslaan(*, vergadering: Vergadering) -> Vergadering:
    """A meeting of a regeling's board or for the raden, as its secretariaat enters it."""
    return register.rij_opslaan(rij=vergadering)


def raadsvergadering_opslaan(*, raadsvergadering: Raadsvergadering) -> Raadsvergadering:
    """A meeting of a gemeente's raad, as its griffie enters it."""
    return register.rij_opslaan(rij=raadsvergadering)
