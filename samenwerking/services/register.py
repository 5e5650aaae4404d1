"""The register's operations with a name of their own: add a deelname, end deelnames and
their seats, appoint to a seat, record money. Each is keyword-only and typed, and writes
through `rij_opslaan` / `rijen_opslaan`, so the same rules hold whoever calls it.

`samenwerkingsverband_opslaan`, `deelname_opslaan`, `zetel_opslaan` and `bijdrage_opslaan`
are `rij_opslaan` for the models whose rules span rows, typed for callers that know the model.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from ..bedragen import bedrag_tonen, tienvoud
from ..constants import BijdrageSoort, JaarcijfersSoort
from ..models import (
    Bijdrage,
    Deelname,
    Jaarcijfers,
    Samenwerkingsverband,
    Zetel,
)
from ..periode import geeindigd, geeindigd_q
from ..tekst import datum_tekst
from .schrijven import rij_opslaan, rijen_opslaan


def samenwerkingsverband_opslaan(
    *, samenwerkingsverband: Samenwerkingsverband
) -> Samenwerkingsverband:
    """Save an arrangement after checking its own fields and its nesting."""
    return rij_opslaan(rij=samenwerkingsverband)


def deelname_opslaan(*, deelname: Deelname) -> Deelname:
    """Save a deelname after checking its fields and that its participant has no other
    deelname in the arrangement over the same period."""
    return rij_opslaan(rij=deelname)


def zetel_opslaan(*, zetel: Zetel) -> Zetel:
    """Save a seat after checking that it lies within the period of its deelname."""
    return rij_opslaan(rij=zetel)


def bijdrage_opslaan(*, bijdrage: Bijdrage) -> Bijdrage:
    """Save a bijdrage after checking that its deelname ran in its year."""
    return rij_opslaan(rij=bijdrage)


def _niet_al_beeindigd(rij: Deelname | Zetel, datum: datetime.date) -> None:
    """Refuse to end a row on `datum` when its period already ended then, naming its end
    field ("Uittredingsdatum: deze deelname is al beëindigd per 1 januari 2020.")."""
    veld = rij.PERIODE[1]
    einde = getattr(rij, veld)
    if geeindigd(datum, einde):
        raise ValidationError(
            {
                veld: ValidationError(
                    _("%(veld)s: deze %(rij)s is al beëindigd per %(datum)s.")
                    % {
                        "veld": capfirst(rij._meta.get_field(veld).verbose_name),
                        "rij": rij._meta.verbose_name,
                        "datum": datum_tekst(einde),
                    },
                    code="al_beeindigd",
                )
            }
        )


# --- Deelname ---------------------------------------------------------------------------------


def deelname_beeindigen(*, deelname: Deelname, datum: datetime.date) -> Deelname:
    """End a deelname on `datum` (its first day as non-member) and the seats held for it."""
    deelnames_beeindigen(deelnames=[deelname], datum=datum)
    return deelname


@transaction.atomic
def deelnames_beeindigen(*, deelnames: list[Deelname], datum: datetime.date) -> int:
    """End deelnames on `datum` (their first day as non-member) and the seats held for them
    then, in a fixed number of queries. Nothing is written if any of them cannot end then.
    Returns the number of seats ended."""
    if not deelnames:
        return 0
    for deelname in deelnames:
        _niet_al_beeindigd(deelname, datum)
    latere_zetel = (
        Zetel.objects.filter(deelname__in=deelnames, begindatum__gte=datum)
        .select_related("persoon")
        .first()
    )
    if latere_zetel:
        raise ValidationError(
            {
                "uittredingsdatum": ValidationError(
                    _(
                        "Uittredingsdatum: %(persoon)s begint pas op %(begin)s een zetel "
                        "namens deze deelname; pas die zetel eerst aan."
                    )
                    % {
                        "persoon": latere_zetel.persoon,
                        "begin": datum_tekst(latere_zetel.begindatum),
                    },
                    code="latere_zetel",
                )
            }
        )
    for deelname in deelnames:
        deelname.uittredingsdatum = datum
    rijen_opslaan(model=Deelname, rijen=deelnames, velden=["uittredingsdatum"])
    per_pk = {d.pk: d for d in deelnames}
    zetels = list(Zetel.objects.filter(~geeindigd_q(datum, "einddatum"), deelname__in=deelnames))
    for zetel in zetels:
        zetel.einddatum = datum
        zetel.deelname = per_pk[zetel.deelname_id]  # the rule reads the deelname as it is now
    rijen_opslaan(model=Zetel, rijen=zetels, velden=["einddatum"])
    return len(zetels)


# --- Zetel ------------------------------------------------------------------------------------


def zetel_beeindigen(*, zetel: Zetel, datum: datetime.date) -> Zetel:
    _niet_al_beeindigd(zetel, datum)
    zetel.einddatum = datum
    return zetel_opslaan(zetel=zetel)


# --- Money --------------------------------------------------------------------------------------


@transaction.atomic
def bijdrage_vastleggen(
    *,
    deelname: Deelname,
    jaar: int,
    soort: str = BijdrageSoort.BEGROOT,
    bedrag: Decimal,
    onderdeel: str = "",
) -> Bijdrage:
    """Record what a deelname pays in a year; replaces an earlier figure for the same key."""
    bijdrage = Bijdrage.objects.filter(
        deelname=deelname, jaar=jaar, soort=soort, onderdeel=onderdeel
    ).first() or Bijdrage(deelname=deelname, jaar=jaar, soort=soort, onderdeel=onderdeel)
    bijdrage.bedrag = bedrag
    return bijdrage_opslaan(bijdrage=bijdrage)


JAARCIJFERS_VELDEN = (
    *Jaarcijfers.BEDRAGEN,
    "risicos",
    "ontwikkelingen",
    "bron_document",
    "bron",
)


@transaction.atomic
def jaarcijfers_vastleggen(
    *,
    samenwerkingsverband: Samenwerkingsverband,
    jaar: int,
    soort: str = JaarcijfersSoort.JAARREKENING,
    **cijfers,
) -> Jaarcijfers:
    """Record an arrangement's begroting or jaarrekening figures.

    Fields not given keep their current value."""
    onbekend = set(cijfers) - set(JAARCIJFERS_VELDEN)
    if onbekend:
        raise TypeError(f"Unknown Jaarcijfers fields: {sorted(onbekend)}")
    jaarcijfers = Jaarcijfers.objects.filter(
        samenwerkingsverband=samenwerkingsverband, jaar=jaar, soort=soort
    ).first() or Jaarcijfers(samenwerkingsverband=samenwerkingsverband, jaar=jaar, soort=soort)
    for veld, waarde in cijfers.items():
        setattr(jaarcijfers, veld, waarde)
    return rij_opslaan(rij=jaarcijfers)


def bijdrage_waarschuwingen(*, rijen: list[Bijdrage], vervolg: str | None = None) -> dict[int, str]:
    """Bijdragen (as they will be saved) that differ more than tenfold from the same
    deelname's bijdrage of the year before (same soort and onderdeel, as stored): a warning
    to confirm, not a refusal, ending with `vervolg` (what to do; default: the admin form's).
    One query for any number of rows; by the row's index."""
    if vervolg is None:
        vervolg = _("Klopt het bedrag? Bevestig het dan en sla opnieuw op.")
    te_vergelijken = [
        (i, rij) for i, rij in enumerate(rijen) if rij.bedrag is not None and rij.deelname_id
    ]
    if not te_vergelijken:
        return {}
    vorige = {
        (b.deelname_id, b.jaar, b.soort, b.onderdeel): b.bedrag
        for b in Bijdrage.objects.filter(
            deelname_id__in={rij.deelname_id for _i, rij in te_vergelijken},
            jaar__in={rij.jaar - 1 for _i, rij in te_vergelijken if rij.jaar},
        ).only("deelname_id", "jaar", "soort", "onderdeel", "bedrag")
    }
    waarschuwingen = {}
    for i, rij in te_vergelijken:
        vorig = vorige.get((rij.deelname_id, (rij.jaar or 0) - 1, rij.soort, rij.onderdeel))
        if tienvoud(rij.bedrag, vorig):
            waarschuwingen[i] = _(
                "%(bedrag)s is %(richting)s de bijdrage van %(vorig_jaar)s (%(vorig)s). %(vervolg)s"
            ) % {
                "vervolg": vervolg,
                "bedrag": bedrag_tonen(rij.bedrag),
                "richting": _("meer dan tien keer zo hoog als")
                if abs(rij.bedrag) > abs(vorig)
                else _("minder dan een tiende van"),
                "vorig_jaar": rij.jaar - 1,
                "vorig": bedrag_tonen(vorig),
            }
    return waarschuwingen
