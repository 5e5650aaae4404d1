"""Writes to the register. Admin, API and importers call these; nothing else saves models.

Each service is keyword-only, runs in one transaction, validates the row (`full_clean()`) and
then the rules that span rows, and raises `ValidationError` keyed by field with a Dutch
message and a `code`.
"""

import datetime
from contextlib import contextmanager
from decimal import Decimal
from typing import NamedTuple

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from . import bulk
from .constants import BijdrageSoort, DeelnameRol, Functie, JaarcijfersSoort, ZetelRol
from .controle import in_lijst, velden_en_constraints
from .geschiedenis import reden
from .models import (
    Bestuursorgaan,
    Bijdrage,
    Deelname,
    Document,
    Gemeente,
    Jaarcijfers,
    Organisatie,
    Persoon,
    Samenwerkingsverband,
    Zetel,
    overlapt,
)


def _datum(d: datetime.date | None) -> str:
    return date_format(d, "j F Y") if d else _("onbekend")


def _periode(begin: datetime.date | None, eind: datetime.date | None) -> str:
    if eind is None:
        return _("vanaf %(begin)s") % {"begin": _datum(begin)}
    return _("%(begin)s tot %(eind)s") % {"begin": _datum(begin), "eind": _datum(eind)}


@contextmanager
def _databaseregels(model):
    """Writes in bulk leave the check and unique constraints to the database; a violation is
    reported like `full_clean()` reports it: the constraint's own message, on its field."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError as fout:
        tekst = str(fout)
        geschonden = [c for c in model._meta.constraints if c.name in tekst]
        if not geschonden:
            raise
        constraint = max(geschonden, key=lambda c: len(c.name))
        raise ValidationError(
            {
                getattr(constraint, "veld", NON_FIELD_ERRORS): ValidationError(
                    constraint.get_violation_error_message(),
                    code=constraint.violation_error_code,
                )
            }
        ) from None


def _controleer_velden(obj, *, sleutels: list[str]) -> None:
    """The checks of `full_clean()` that need no query: field values and `clean()`. The
    foreign keys in `sleutels` must be saved objects; constraints are `_databaseregels`."""
    obj.full_clean(exclude=sleutels, validate_unique=False, validate_constraints=False)


# --- Samenwerkingsverband ---------------------------------------------------------------------


def controleer_samenwerkingsverband(samenwerkingsverband: Samenwerkingsverband) -> None:
    """Rules across rows: nesting under a parent arrangement may not form a cycle."""
    ouder = samenwerkingsverband.bovenliggend
    gezien = set()
    while ouder is not None and ouder.pk not in gezien:
        if samenwerkingsverband.pk is not None and ouder.pk == samenwerkingsverband.pk:
            raise ValidationError(
                {
                    "bovenliggend": ValidationError(
                        _(
                            "Bovenliggend samenwerkingsverband: %(naam)s valt al (indirect) onder "
                            "dit verband; dat zou een kring opleveren."
                        )
                        % {"naam": samenwerkingsverband.bovenliggend},
                        code="kring",
                    )
                }
            )
        gezien.add(ouder.pk)
        ouder = ouder.bovenliggend


@transaction.atomic
def samenwerkingsverband_opslaan(
    *, samenwerkingsverband: Samenwerkingsverband
) -> Samenwerkingsverband:
    """Save an arrangement after checking its own fields and its nesting."""
    samenwerkingsverband.full_clean()
    controleer_samenwerkingsverband(samenwerkingsverband)
    samenwerkingsverband.save()
    return samenwerkingsverband


@transaction.atomic
def samenwerkingsverbanden_aanmaken(
    *, samenwerkingsverbanden: list[Samenwerkingsverband]
) -> list[Samenwerkingsverband]:
    """Validate and insert many new arrangements in a fixed number of queries (importers): the
    rules of `samenwerkingsverband_opslaan`, with unique codes checked among the new ones and
    against the stored ones. Nothing is written if any row is wrong."""
    for verband in samenwerkingsverbanden:
        _controleer_velden(verband, sleutels=["centrumgemeente", "bovenliggend", "vorige_versie"])
        controleer_samenwerkingsverband(verband)
    for veld in ("cbs_gr_code", "roo_systeem_id"):
        codes = [getattr(v, veld) for v in samenwerkingsverbanden if getattr(v, veld)]
        dubbel = {c for c in codes if codes.count(c) > 1} | set(
            Samenwerkingsverband.objects.filter(**{f"{veld}__in": codes}).values_list(
                veld, flat=True
            )
        )
        if dubbel:
            verband = next(v for v in samenwerkingsverbanden if getattr(v, veld) in dubbel)
            raise ValidationError(
                {veld: verband.unique_error_message(Samenwerkingsverband, [veld])}
            )
    with _databaseregels(Samenwerkingsverband):
        return bulk_create_with_history(
            samenwerkingsverbanden,
            Samenwerkingsverband,
            batch_size=500,
            default_change_reason=reden(),
        )


# --- Deelname ---------------------------------------------------------------------------------


def controleer_deelname(deelname: Deelname) -> None:
    """Rules across rows: no overlapping periods of one participant in one arrangement."""
    if not deelname.samenwerkingsverband_id or not (
        deelname.gemeente_id or deelname.organisatie_id
    ):
        return
    andere = Deelname.objects.filter(samenwerkingsverband_id=deelname.samenwerkingsverband_id)
    if deelname.gemeente_id:
        andere = andere.filter(gemeente_id=deelname.gemeente_id)
    else:
        andere = andere.filter(organisatie_id=deelname.organisatie_id)
    if deelname.pk:
        andere = andere.exclude(pk=deelname.pk)
    for bestaand in andere.only("toetredingsdatum", "uittredingsdatum"):
        _controleer_geen_overlap(deelname, bestaand)


def _controleer_geen_overlap(deelname: Deelname, bestaand: Deelname, waar: str = "") -> None:
    """`waar`: where the other deelname is, if not in the register (`regel 3` of a file)."""
    if overlapt(
        deelname.toetredingsdatum,
        deelname.uittredingsdatum,
        bestaand.toetredingsdatum,
        bestaand.uittredingsdatum,
    ):
        periode = _periode(bestaand.toetredingsdatum, bestaand.uittredingsdatum)
        raise ValidationError(
            {
                "toetredingsdatum": ValidationError(
                    _(
                        "Toetredingsdatum: deze deelnemer neemt in deze periode al deel aan "
                        "dit samenwerkingsverband (%(periode)s). Beëindig die deelname eerst "
                        "of pas de data aan."
                    )
                    % {"periode": f"{periode}, {waar}" if waar else periode},
                    code="overlappende_deelname",
                )
            }
        )


@transaction.atomic
def deelname_opslaan(*, deelname: Deelname) -> Deelname:
    """Validate and save a new or changed deelname."""
    # Serialise writes to the deelnames of one arrangement, so that two concurrent requests
    # cannot both pass the overlap check.
    if deelname.samenwerkingsverband_id:
        Samenwerkingsverband.objects.select_for_update().filter(
            pk=deelname.samenwerkingsverband_id
        ).first()
    deelname.full_clean()
    controleer_deelname(deelname)
    deelname.save()
    return deelname


def deelname_toevoegen(
    *,
    samenwerkingsverband: Samenwerkingsverband,
    gemeente: Gemeente | None = None,
    organisatie: Organisatie | None = None,
    toetredingsdatum: datetime.date | None = None,
    uittredingsdatum: datetime.date | None = None,
    rol: str = DeelnameRol.DEELNEMER,
    verdeelsleutel: Decimal | None = None,
    stemmen: int | None = None,
    aansprakelijk: bool = False,
    aansprakelijkheid_toelichting: str = "",
    bron: str = "",
) -> Deelname:
    return deelname_opslaan(
        deelname=Deelname(
            samenwerkingsverband=samenwerkingsverband,
            gemeente=gemeente,
            organisatie=organisatie,
            toetredingsdatum=toetredingsdatum,
            uittredingsdatum=uittredingsdatum,
            rol=rol,
            verdeelsleutel=verdeelsleutel,
            stemmen=stemmen,
            aansprakelijk=aansprakelijk,
            aansprakelijkheid_toelichting=aansprakelijkheid_toelichting,
            bron=bron,
        )
    )


@transaction.atomic
def deelname_beeindigen(*, deelname: Deelname, datum: datetime.date) -> Deelname:
    """End a deelname on `datum` (its first day as non-member) and the seats held for it."""
    deelnames_beeindigen(deelnames=[deelname], datum=datum)
    return deelname


def _latere_zetel_fout(zetel: Zetel) -> ValidationError:
    return ValidationError(
        {
            "uittredingsdatum": ValidationError(
                _(
                    "Uittredingsdatum: %(persoon)s begint pas op %(begin)s een zetel namens "
                    "deze deelname; pas die zetel eerst aan."
                )
                % {"persoon": zetel.persoon, "begin": _datum(zetel.begindatum)},
                code="latere_zetel",
            )
        }
    )


# --- Many deelnames at once (importers, herindelingen) -----------------------------------------

_DEELNAME_SLEUTELS = ["samenwerkingsverband", "gemeente", "organisatie"]


def _deelnemer_sleutel(deelname: Deelname) -> tuple:
    return (deelname.samenwerkingsverband_id, deelname.gemeente_id, deelname.organisatie_id)


@transaction.atomic
def deelnames_aanmaken(*, deelnames: list[Deelname]) -> list[Deelname]:
    """Validate and insert many new deelnames (and their history) in a fixed number of
    queries.

    The rules of `deelname_opslaan`: each row's fields and constraints, and no overlapping
    periods of one participant in one arrangement, against the stored deelnames and among
    the new ones. Nothing is written if any row is wrong. Queries: lock the arrangements,
    read their deelnames, insert."""
    if not deelnames:
        return []
    verband_ids = {d.samenwerkingsverband_id for d in deelnames}
    # Serialise with other writes to these arrangements' deelnames, as deelname_opslaan does.
    list(
        Samenwerkingsverband.objects.select_for_update()
        .filter(pk__in=verband_ids)
        .values_list("pk", flat=True)
    )
    per_deelnemer: dict[tuple, list[Deelname]] = {}
    for bestaand in Deelname.objects.filter(samenwerkingsverband_id__in=verband_ids).only(
        *(f"{veld}_id" for veld in _DEELNAME_SLEUTELS), "toetredingsdatum", "uittredingsdatum"
    ):
        per_deelnemer.setdefault(_deelnemer_sleutel(bestaand), []).append(bestaand)
    for deelname in deelnames:
        _controleer_velden(deelname, sleutels=_DEELNAME_SLEUTELS)
        andere = per_deelnemer.setdefault(_deelnemer_sleutel(deelname), [])
        for bestaand in andere:
            _controleer_geen_overlap(deelname, bestaand)
        andere.append(deelname)
    with _databaseregels(Deelname):
        return bulk_create_with_history(
            deelnames, Deelname, batch_size=500, default_change_reason=reden()
        )


@transaction.atomic
def deelnames_beeindigen(*, deelnames: list[Deelname], datum: datetime.date) -> int:
    """End deelnames on `datum` (their first day as non-member) and the seats held for them
    then, in a fixed number of queries. Nothing is written if any of them cannot end then.
    Returns the number of seats ended."""
    if not deelnames:
        return 0
    for deelname in deelnames:
        if deelname.uittredingsdatum is not None and deelname.uittredingsdatum <= datum:
            raise ValidationError(
                {
                    "uittredingsdatum": ValidationError(
                        _("Uittredingsdatum: deze deelname is al beëindigd per %(datum)s.")
                        % {"datum": _datum(deelname.uittredingsdatum)},
                        code="al_beeindigd",
                    )
                }
            )
    latere_zetel = (
        Zetel.objects.filter(deelname__in=deelnames, begindatum__gte=datum)
        .select_related("persoon")
        .first()
    )
    if latere_zetel:
        raise _latere_zetel_fout(latere_zetel)
    nu = timezone.now()
    for deelname in deelnames:
        deelname.uittredingsdatum = datum
        deelname.updated_at = nu
        _controleer_velden(deelname, sleutels=_DEELNAME_SLEUTELS)
    with _databaseregels(Deelname):
        bulk_update_with_history(
            deelnames,
            Deelname,
            ["uittredingsdatum", "updated_at"],
            batch_size=500,
            default_change_reason=reden(),
        )
    zetels = list(
        Zetel.objects.filter(deelname__in=deelnames).filter(
            Q(einddatum__isnull=True) | Q(einddatum__gt=datum)
        )
    )
    for zetel in zetels:
        zetel.einddatum, zetel.updated_at = datum, nu
    bulk_update_with_history(
        zetels, Zetel, ["einddatum", "updated_at"], batch_size=500, default_change_reason=reden()
    )
    return len(zetels)


# --- Zetel ------------------------------------------------------------------------------------


def controleer_zetel(zetel: Zetel) -> None:
    """A seat held on behalf of a deelname must lie within that deelname's period."""
    deelname = zetel.deelname
    if deelname is None:
        return
    if (
        zetel.begindatum
        and deelname.toetredingsdatum
        and zetel.begindatum < deelname.toetredingsdatum
    ):
        raise ValidationError(
            {
                "begindatum": ValidationError(
                    _("Begindatum: ligt vóór de toetreding van %(deelnemer)s (%(toetreding)s).")
                    % {
                        "deelnemer": deelname.deelnemer,
                        "toetreding": _datum(deelname.toetredingsdatum),
                    },
                    code="zetel_voor_toetreding",
                )
            }
        )
    if deelname.uittredingsdatum and (
        zetel.einddatum is None or zetel.einddatum > deelname.uittredingsdatum
    ):
        raise ValidationError(
            {
                "einddatum": ValidationError(
                    _(
                        "Einddatum: %(deelnemer)s is uitgetreden per %(uittreding)s; de zetel "
                        "moet uiterlijk dan eindigen."
                    )
                    % {
                        "deelnemer": deelname.deelnemer,
                        "uittreding": _datum(deelname.uittredingsdatum),
                    },
                    code="zetel_na_uittreding",
                )
            }
        )


@transaction.atomic
def zetel_opslaan(*, zetel: Zetel) -> Zetel:
    zetel.full_clean()
    controleer_zetel(zetel)
    zetel.save()
    return zetel


def zetel_benoemen(
    *,
    bestuursorgaan: Bestuursorgaan,
    persoon: Persoon,
    functie: str = Functie.WETHOUDER,
    deelname: Deelname | None = None,
    rol: str = ZetelRol.LID,
    stemmen: int | None = None,
    begindatum: datetime.date | None = None,
    einddatum: datetime.date | None = None,
) -> Zetel:
    return zetel_opslaan(
        zetel=Zetel(
            bestuursorgaan=bestuursorgaan,
            persoon=persoon,
            functie=functie,
            deelname=deelname,
            rol=rol,
            stemmen=stemmen,
            begindatum=begindatum,
            einddatum=einddatum,
        )
    )


@transaction.atomic
def zetel_beeindigen(*, zetel: Zetel, datum: datetime.date) -> Zetel:
    if zetel.einddatum is not None and zetel.einddatum <= datum:
        raise ValidationError(
            {
                "einddatum": ValidationError(
                    _("Einddatum: deze zetel is al beëindigd per %(datum)s.")
                    % {"datum": _datum(zetel.einddatum)},
                    code="al_beeindigd",
                )
            }
        )
    zetel.einddatum = datum
    return zetel_opslaan(zetel=zetel)


# --- Money --------------------------------------------------------------------------------------


def controleer_bijdrage(bijdrage: Bijdrage) -> None:
    """A bijdrage belongs to a year in which the deelname ran for at least one day."""
    deelname = bijdrage.deelname
    jaar = bijdrage.jaar
    if jaar is None:
        return
    buiten = (deelname.toetredingsdatum and deelname.toetredingsdatum.year > jaar) or (
        deelname.uittredingsdatum and deelname.uittredingsdatum <= datetime.date(jaar, 1, 1)
    )
    if buiten:
        raise ValidationError(
            {
                "jaar": ValidationError(
                    _(
                        "Jaar: %(deelnemer)s nam in %(jaar)s niet deel aan %(verband)s "
                        "(deelname %(periode)s)."
                    )
                    % {
                        "deelnemer": deelname.deelnemer,
                        "jaar": jaar,
                        "verband": deelname.samenwerkingsverband,
                        "periode": _periode(deelname.toetredingsdatum, deelname.uittredingsdatum),
                    },
                    code="jaar_buiten_deelname",
                )
            }
        )


@transaction.atomic
def bijdrage_opslaan(*, bijdrage: Bijdrage) -> Bijdrage:
    bijdrage.full_clean()
    controleer_bijdrage(bijdrage)
    bijdrage.save()
    return bijdrage


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
    "lasten",
    "baten",
    "resultaat",
    "eigen_vermogen_begin",
    "eigen_vermogen_eind",
    "vreemd_vermogen_begin",
    "vreemd_vermogen_eind",
    "risicos",
    "ontwikkelingen",
    "bron_document",
    "bron",
)


@transaction.atomic
def jaarcijfers_opslaan(*, jaarcijfers: Jaarcijfers) -> Jaarcijfers:
    jaarcijfers.full_clean()
    jaarcijfers.save()
    return jaarcijfers


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
    return jaarcijfers_opslaan(jaarcijfers=jaarcijfers)


# --- Rows without rules across rows -----------------------------------------------------------


def _valideer_en_bewaar(instance):
    instance.full_clean()
    instance.save()
    return instance


@transaction.atomic
def organisatie_opslaan(*, organisatie: Organisatie) -> Organisatie:
    return _valideer_en_bewaar(organisatie)


@transaction.atomic
def persoon_opslaan(*, persoon: Persoon) -> Persoon:
    return _valideer_en_bewaar(persoon)


@transaction.atomic
def bestuursorgaan_opslaan(*, bestuursorgaan: Bestuursorgaan) -> Bestuursorgaan:
    return _valideer_en_bewaar(bestuursorgaan)


@transaction.atomic
def document_opslaan(*, document: Document) -> Document:
    return _valideer_en_bewaar(document)


def controleer_deelnames_onderling(deelnames: list[Deelname]) -> None:
    """Overlap among deelnames that are submitted together and not yet saved (a form set)."""
    for i, a in enumerate(deelnames):
        for b in deelnames[i + 1 :]:
            zelfde_deelnemer = (a.gemeente_id and a.gemeente_id == b.gemeente_id) or (
                a.organisatie_id and a.organisatie_id == b.organisatie_id
            )
            if zelfde_deelnemer and overlapt(
                a.toetredingsdatum, a.uittredingsdatum, b.toetredingsdatum, b.uittredingsdatum
            ):
                raise ValidationError(
                    _(
                        "%(deelnemer)s staat twee keer in de lijst met overlappende periodes "
                        "(%(a)s en %(b)s)."
                    )
                    % {
                        "deelnemer": a.deelnemer,
                        "a": _periode(a.toetredingsdatum, a.uittredingsdatum),
                        "b": _periode(b.toetredingsdatum, b.uittredingsdatum),
                    },
                    code="overlappende_deelname",
                )


# --- Many rows at once (spreadsheet imports) ----------------------------------------------------


class Rijfouten(ValidationError):
    """The rows `rijen_opslaan` refused: `per_rij` maps a row's index to its error."""

    def __init__(self, per_rij: dict[int, ValidationError]):
        self.per_rij = per_rij
        super().__init__(per_rij[min(per_rij)].update_error_dict({}))


class _Periode(NamedTuple):
    """A stored deelname's period (what the overlap rule reads of it)."""

    toetredingsdatum: datetime.date | None
    uittredingsdatum: datetime.date | None


def _regels_deelnames(rijen: list[Deelname], labels, goed) -> dict[int, ValidationError]:
    """No overlapping periods of one participant in one arrangement: against the stored
    deelnames of those arrangements (as they will be) and among the rows. One query."""
    eigen = {d.pk for d in rijen if d.pk is not None}
    verbanden = {rijen[i].samenwerkingsverband_id for i in goed}
    per_deelnemer: dict[tuple, list[tuple[int | None, Deelname]]] = {}
    kolommen = ("pk", *(f"{veld}_id" for veld in _DEELNAME_SLEUTELS))
    for pk, *sleutel, toetreding, uittreding in in_lijst(
        Deelname.objects.order_by(), "samenwerkingsverband", verbanden
    ).values_list(*kolommen, "toetredingsdatum", "uittredingsdatum"):
        if pk not in eigen:
            bestaand = _Periode(toetreding, uittreding)
            per_deelnemer.setdefault(tuple(sleutel), []).append((None, bestaand))
    fouten = {}
    for i in goed:
        deelname = rijen[i]
        andere = per_deelnemer.setdefault(_deelnemer_sleutel(deelname), [])
        for j, ander in andere:
            try:
                _controleer_geen_overlap(deelname, ander, labels[j] if j is not None else "")
            except ValidationError as fout:
                fouten[i] = fout
                if j is not None:
                    try:
                        _controleer_geen_overlap(ander, deelname, labels[i])
                    except ValidationError as terug:
                        fouten.setdefault(j, terug)
                break
        if i not in fouten:  # a refused row is not saved: it does not count for the others
            andere.append((i, deelname))
    return fouten


def _regels_verbanden(rijen: list[Samenwerkingsverband], labels, goed):
    """Nesting without cycles, over the arrangements as they will be. One query."""
    ouders = dict(Samenwerkingsverband.objects.values_list("pk", "bovenliggend_id"))
    for i in goed:
        if rijen[i].pk is not None:
            ouders[rijen[i].pk] = rijen[i].bovenliggend_id
    fouten = {}
    for i in goed:
        verband = rijen[i]
        gezien, ouder = set(), verband.bovenliggend_id
        while verband.pk is not None and ouder is not None and ouder not in gezien:
            if ouder == verband.pk:
                fouten[i] = ValidationError(
                    {
                        "bovenliggend": ValidationError(
                            _(
                                "Bovenliggend samenwerkingsverband: %(naam)s valt al (indirect) "
                                "onder dit verband; dat zou een kring opleveren."
                            )
                            % {"naam": verband.bovenliggend},
                            code="kring",
                        )
                    }
                )
                break
            gezien.add(ouder)
            ouder = ouders.get(ouder)
    return fouten


def _per_rij(controleer):
    """A rule of one row (no query) as a rule of many rows."""

    def regels(rijen, labels, goed) -> dict[int, ValidationError]:
        fouten = {}
        for i in goed:
            try:
                controleer(rijen[i])
            except ValidationError as fout:
                fouten[i] = fout
        return fouten

    return regels


# The rules across rows of each model, for many rows at once (no query per row).
_REGELS_IN_BULK = {
    Samenwerkingsverband: _regels_verbanden,
    Deelname: _regels_deelnames,
    Zetel: _per_rij(controleer_zetel),
    Bijdrage: _per_rij(controleer_bijdrage),
}


def rijen_controleren(*, model, rijen: list, labels: list[str] | None = None) -> dict:
    """Check many new or changed rows of one register model as `rijen_opslaan` would save
    them, in a fixed number of queries: each row's fields and constraints (as `full_clean()`),
    unique values against the register and among the rows, and the model's rules across rows.
    Returns the errors by the row's index; `labels` name the rows in messages about two rows
    (default `rij 1`, `rij 2`, …). Foreign keys must be saved objects."""
    labels = labels or [_("rij %(n)s") % {"n": n} for n in range(1, len(rijen) + 1)]
    fouten = velden_en_constraints(model, rijen, labels)
    regels = _REGELS_IN_BULK.get(model)
    if regels is not None:
        goed = [i for i in range(len(rijen)) if i not in fouten]
        fouten.update(regels(rijen, labels, goed))
    return fouten


@transaction.atomic
def rijen_opslaan(
    *,
    model,
    rijen: list,
    labels: list[str] | None = None,
    velden: list[str] | None = None,
    veel_op_veel: list[dict[str, list]] | None = None,
) -> list:
    """Validate and save many new or changed rows of one register model (a spreadsheet
    import) and their history, in a fixed number of queries: the checks of
    `rijen_controleren`, then the changed rows (`velden`: the fields to write, default all)
    and then the new ones, each in bulk. `veel_op_veel` gives per row the many-to-many values
    to set ({"domeinen": [...]}, or nothing to leave them). Nothing is written if any row is
    wrong: `Rijfouten` names them."""
    if model is Deelname:
        # Serialise with other writes to these arrangements' deelnames, as deelname_opslaan.
        list(
            Samenwerkingsverband.objects.select_for_update()
            .filter(pk__in={d.samenwerkingsverband_id for d in rijen})
            .values_list("pk", flat=True)
        )
    fouten = rijen_controleren(model=model, rijen=rijen, labels=labels)
    if fouten:
        raise Rijfouten(fouten)
    gewijzigd = [rij for rij in rijen if rij.pk is not None]
    nieuw = [rij for rij in rijen if rij.pk is None]
    velden = list(velden or [v.name for v in model._meta.concrete_fields if not v.primary_key])
    if any(v.name == "updated_at" for v in model._meta.concrete_fields):
        nu = timezone.now()
        for rij in gewijzigd:
            rij.updated_at = nu
        velden = [*dict.fromkeys([*velden, "updated_at"])]
    velden = [v for v in velden if v not in ("created_at", model._meta.pk.name)]
    with _databaseregels(model):
        bulk.bijwerken(model, gewijzigd, velden)
        bulk.invoegen(model, nieuw)
    bulk.geschiedenis_schrijven(model, gewijzigd, soort="~", reden=reden())
    bulk.geschiedenis_schrijven(model, nieuw, soort="+", reden=reden())
    if veel_op_veel:
        _veel_op_veel_opslaan(model, rijen, veel_op_veel)
    return rijen


def _veel_op_veel_opslaan(model, rijen: list, veel_op_veel: list[dict[str, list]]) -> None:
    """Replace the many-to-many values of the rows that give them: one delete and one insert
    per relation."""
    for naam in {naam for waarden in veel_op_veel if waarden for naam in waarden}:
        veld = model._meta.get_field(naam)
        tussen = veld.remote_field.through
        bron, doel = veld.m2m_field_name(), veld.m2m_reverse_field_name()
        betrokken = [
            (r, w[naam]) for r, w in zip(rijen, veel_op_veel, strict=True) if w and naam in w
        ]
        tussen.objects.filter(**{f"{bron}__in": [r.pk for r, _w in betrokken]}).delete()
        tussen.objects.bulk_create(
            [tussen(**{f"{bron}_id": r.pk, f"{doel}_id": d.pk}) for r, ds in betrokken for d in ds],
            batch_size=1000,
        )


@transaction.atomic
def personen_aanmaken(*, personen: list[Persoon]) -> list[Persoon]:
    """Add many new persons (the names a zetels file introduces) with their history, in a
    fixed number of queries."""
    for persoon in personen:
        _controleer_velden(persoon, sleutels=[])
    if not personen:
        return []
    return bulk_create_with_history(
        personen, Persoon, batch_size=1000, default_change_reason=reden()
    )


# --- Rows in bulk (importers) -------------------------------------------------------------------


def _sleutels(model) -> list[str]:
    return [f.name for f in model._meta.concrete_fields if f.is_relation]


@transaction.atomic
def rijen_aanmaken(*, model, rijen: list) -> list:
    """Validate and insert many new rows of one model without rules across rows (versions,
    grondslagen, bevoegdheden, documents, organisaties, inwonertallen) and their history, in a
    fixed number of queries. Constraints are the database's; nothing is written if a row is
    wrong."""
    if not rijen:
        return []
    for rij in rijen:
        _controleer_velden(rij, sleutels=_sleutels(model))
    with _databaseregels(model):
        return bulk_create_with_history(rijen, model, batch_size=500, default_change_reason=reden())


@transaction.atomic
def rijen_bijwerken(*, model, rijen: list, velden: list[str]) -> int:
    """Validate and update `velden` of many stored rows of one model, with history."""
    if not rijen:
        return 0
    nu = timezone.now()
    heeft_tijdstempel = any(f.name == "updated_at" for f in model._meta.concrete_fields)
    for rij in rijen:
        if heeft_tijdstempel:
            rij.updated_at = nu
        _controleer_velden(rij, sleutels=_sleutels(model))
    velden = [*velden, "updated_at"] if heeft_tijdstempel else list(velden)
    with _databaseregels(model):
        bulk_update_with_history(
            rijen, model, velden, batch_size=500, default_change_reason=reden()
        )
    return len(rijen)


@transaction.atomic
def rijen_verwijderen(*, rijen: list) -> int:
    """Delete rows (their history records the deletion)."""
    for rij in rijen:
        rij.delete()
    return len(rijen)
