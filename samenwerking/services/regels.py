"""The rules across rows, the third rung of the validation ladder (after the database
constraints and each row's `clean()`), and the one mapping of a model to its rules.

Each rule is written once, for many rows at once with a fixed number of queries: a form in the
admin, an API request and a spreadsheet of 20,000 rows are checked by the same code (one row
is a list of one). A rule takes the rows as they will be saved, their labels (how a message
names another row: `regel 3` of a file) and the indexes of the rows that passed their own
checks, and returns an error per index it refuses.

Other apps add their models' rules with `registreren` (raad: the zienswijze's).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from ..constants import Vorm, label
from ..controle import in_lijst
from ..models import Bijdrage, Deelname, Samenwerkingsverband, Zetel
from ..periode import jaar, overlapt
from ..slugs import slugs_toekennen
from ..tekst import datum_tekst

Fouten = dict[int, ValidationError]
Regel = Callable[[list, list[str], list[int]], Fouten]


@dataclass(frozen=True)
class Regels:
    """What writing rows of one model checks beyond `full_clean()`, and what it locks first
    (so that two concurrent writes cannot both pass the check)."""

    over_rijen: Regel | None = None
    vergrendelen: Callable[[list], None] | None = None
    # Fills in what the rows get from the register when first written (a slug), before
    # they are checked.
    aanvullen: Callable[[list], None] | None = None


def per_rij(controleer: Callable[[models.Model], None]) -> Regel:
    """A rule of one row (a query at most for the rows it reads along) as a rule of many."""

    def regel(rijen, labels, goed) -> Fouten:
        fouten = {}
        for i in goed:
            try:
                controleer(rijen[i])
            except ValidationError as fout:
                fouten[i] = fout
        return fouten

    return regel


def periode_tekst(begin: datetime.date | None, eind: datetime.date | None) -> str:
    if eind is None:
        return _("vanaf %(begin)s") % {"begin": datum_tekst(begin)}
    return _("%(begin)s tot %(eind)s") % {"begin": datum_tekst(begin), "eind": datum_tekst(eind)}


# --- Samenwerkingsverband ---------------------------------------------------------------------


def _knoop(verband):
    """A node of the nesting: a stored arrangement by its key, a new one (a new row of a file
    that another row of the file names as its parent) by its identity."""
    return verband.pk if verband.pk is not None else ("nieuw", id(verband))


def _ouder(verband):
    """The parent's node: a stored parent's key, or a new parent of the same list."""
    if verband.bovenliggend_id is not None:
        return verband.bovenliggend_id
    ouder = Samenwerkingsverband.bovenliggend.field.get_cached_value(verband, None)
    return None if ouder is None else _knoop(ouder)


def geen_kring(rijen: list[Samenwerkingsverband], labels, goed) -> Fouten:
    """Nesting under a parent arrangement may not form a cycle, over the arrangements as they
    will be, new ones included (a file may add a parent and its child). A cycle of two or more
    rows of the list names those rows. One query (the nested arrangements)."""
    ouders = dict(
        Samenwerkingsverband.objects.filter(bovenliggend__isnull=False).values_list(
            "pk", "bovenliggend_id"
        )
    )
    index_van = {}
    for i in goed:
        ouders[_knoop(rijen[i])] = _ouder(rijen[i])
        index_van[_knoop(rijen[i])] = i
    fouten = {}
    for i in goed:
        verband = rijen[i]
        eigen = _knoop(verband)
        kring, ouder = [eigen], ouders.get(eigen)
        while ouder is not None and ouder != eigen and ouder not in kring:
            kring.append(ouder)
            ouder = ouders.get(ouder)
        if ouder != eigen:
            continue
        regels = sorted(index_van[k] for k in kring if k in index_van)
        if len(kring) == 1:  # a new row that names itself (a stored one fails the constraint)
            melding = next(
                c.violation_error_message
                for c in Samenwerkingsverband._meta.constraints
                if c.violation_error_code == "eigen_bovenliggend"
            )
            fouten[i] = ValidationError(
                {"bovenliggend": ValidationError(melding, code="eigen_bovenliggend")}
            )
        elif len(regels) > 1 and all(labels[j] for j in regels):
            namen = [labels[j] for j in regels]
            opsomming = " en ".join([", ".join(namen[:-1]), namen[-1]])
            fouten[i] = ValidationError(
                {
                    "bovenliggend": ValidationError(
                        _(
                            "%(regels)s vallen via bovenliggend (indirect) onder elkaar; dat "
                            "zou een kring opleveren. Maak bovenliggend in een van deze regels "
                            "leeg of kies een ander verband."
                        )
                        % {"regels": opsomming[:1].upper() + opsomming[1:]},
                        code="kring",
                    )
                }
            )
        else:
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
    return fouten


# --- Deelname ---------------------------------------------------------------------------------

DEELNEMER_SLEUTELS = ("samenwerkingsverband", "gemeente", "organisatie")


def deelnemer_sleutel(deelname) -> tuple:
    return (deelname.samenwerkingsverband_id, deelname.gemeente_id, deelname.organisatie_id)


class _Periode(NamedTuple):
    """A stored deelname's period (what the overlap rule reads of it)."""

    toetredingsdatum: datetime.date | None
    uittredingsdatum: datetime.date | None


def verbanden_vergrendelen(deelnames: list[Deelname]) -> None:
    """Serialise writes to the deelnames of these arrangements (one query), so that two
    concurrent requests cannot both pass the overlap rule."""
    ids = {d.samenwerkingsverband_id for d in deelnames} - {None}
    if ids:
        list(
            Samenwerkingsverband.objects.select_for_update()
            .filter(pk__in=ids)
            .values_list("pk", flat=True)
        )


def overlap_fout(deelname, bestaand, waar: str = "") -> ValidationError | None:
    """The error if `deelname` overlaps `bestaand` (`waar`: where that one is, if not in the
    register: `regel 3` of a file)."""
    if not overlapt(
        deelname.toetredingsdatum,
        deelname.uittredingsdatum,
        bestaand.toetredingsdatum,
        bestaand.uittredingsdatum,
    ):
        return None
    periode = periode_tekst(bestaand.toetredingsdatum, bestaand.uittredingsdatum)
    return ValidationError(
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


def geen_overlap(rijen: list[Deelname], labels, goed) -> Fouten:
    """No overlapping periods of one participant in one arrangement: against the stored
    deelnames of those arrangements (as they will be) and among the rows. One query."""
    eigen = {d.pk for d in rijen if d.pk is not None}
    verbanden = {rijen[i].samenwerkingsverband_id for i in goed} - {None}
    per_deelnemer: dict[tuple, list[tuple[int | None, object]]] = {}
    kolommen = ("pk", *(f"{veld}_id" for veld in DEELNEMER_SLEUTELS))
    if verbanden:
        for pk, *sleutel, toetreding, uittreding in in_lijst(
            Deelname.objects.order_by(), "samenwerkingsverband", verbanden
        ).values_list(*kolommen, "toetredingsdatum", "uittredingsdatum"):
            if pk not in eigen:
                bestaand = _Periode(toetreding, uittreding)
                per_deelnemer.setdefault(tuple(sleutel), []).append((None, bestaand))
    fouten = {}
    for i in goed:
        deelname = rijen[i]
        andere = per_deelnemer.setdefault(deelnemer_sleutel(deelname), [])
        for j, ander in andere:
            fout = overlap_fout(deelname, ander, labels[j] if j is not None else "")
            if fout is None:
                continue
            fouten[i] = fout
            if j is not None:
                fouten.setdefault(j, overlap_fout(ander, deelname, labels[i]))
            break
        if i not in fouten:  # a refused row is not saved: it does not count for the others
            andere.append((i, deelname))
    return fouten


def aandelen_alleen_in_vennootschap(rijen: list[Deelname], labels, goed) -> Fouten:
    """Shares only in a vennootschap: the arrangement's form as stored decides. One query
    (the forms of the arrangements of the rows with shares), however many rows."""
    met_aandelen = [
        i
        for i in goed
        if rijen[i].samenwerkingsverband_id
        and (rijen[i].aandelen_aantal is not None or rijen[i].aandelen_percentage is not None)
    ]
    if not met_aandelen:
        return {}
    vormen = dict(
        Samenwerkingsverband.objects.filter(
            pk__in={rijen[i].samenwerkingsverband_id for i in met_aandelen}
        ).values_list("pk", "vorm")
    )
    fouten = {}
    for i in met_aandelen:
        deelname = rijen[i]
        vorm = vormen.get(deelname.samenwerkingsverband_id)
        if vorm == Vorm.VENNOOTSCHAP:
            continue
        veld = "aandelen_aantal" if deelname.aandelen_aantal is not None else "aandelen_percentage"
        fouten[i] = ValidationError(
            {
                veld: ValidationError(
                    _(
                        "Aandelenbelang: alleen een vennootschap (NV/BV) heeft "
                        "aandelen; dit verband is een %(vorm)s. Laat het aantal en "
                        "het percentage aandelen leeg."
                    ),
                    params={"vorm": label(Vorm, vorm).lower() if vorm else "?"},
                    code="aandelen_zonder_vennootschap",
                )
            }
        )
    return fouten


def samen(*regels: Regel) -> Regel:
    """Several rules as one: each row gets the first error a rule finds; a later rule checks
    only the rows the earlier ones passed."""

    def regel(rijen, labels, goed) -> Fouten:
        fouten: Fouten = {}
        for deelregel in regels:
            fouten.update(deelregel(rijen, labels, [i for i in goed if i not in fouten]))
        return fouten

    return regel


# --- Zetel and Bijdrage -----------------------------------------------------------------------


def zetel_binnen_deelname(zetel: Zetel) -> None:
    """A seat held on behalf of a deelname lies within that deelname's period."""
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
                        "toetreding": datum_tekst(deelname.toetredingsdatum),
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
                        "uittreding": datum_tekst(deelname.uittredingsdatum),
                    },
                    code="zetel_na_uittreding",
                )
            }
        )


def bijdrage_binnen_deelname(bijdrage: Bijdrage) -> None:
    """A bijdrage belongs to a year in which the deelname ran for at least one day."""
    deelname = bijdrage.deelname
    if bijdrage.jaar is None or overlapt(
        deelname.toetredingsdatum, deelname.uittredingsdatum, *jaar(bijdrage.jaar)
    ):
        return
    raise ValidationError(
        {
            "jaar": ValidationError(
                _(
                    "Jaar: %(deelnemer)s nam in %(jaar)s niet deel aan %(verband)s "
                    "(deelname %(periode)s)."
                )
                % {
                    "deelnemer": deelname.deelnemer,
                    "jaar": bijdrage.jaar,
                    "verband": deelname.samenwerkingsverband,
                    "periode": periode_tekst(deelname.toetredingsdatum, deelname.uittredingsdatum),
                },
                code="jaar_buiten_deelname",
            )
        }
    )


# --- The mapping --------------------------------------------------------------------------------

_REGELS: dict[type[models.Model], Regels] = {
    Samenwerkingsverband: Regels(over_rijen=geen_kring, aanvullen=slugs_toekennen),
    Deelname: Regels(
        over_rijen=samen(geen_overlap, aandelen_alleen_in_vennootschap),
        vergrendelen=verbanden_vergrendelen,
    ),
    Zetel: Regels(over_rijen=per_rij(zetel_binnen_deelname)),
    Bijdrage: Regels(over_rijen=per_rij(bijdrage_binnen_deelname)),
}


def registreren(model: type[models.Model], regels: Regels) -> None:
    """Give the rows of `model` (of another app) their rules across rows."""
    _REGELS[model] = regels


def regels_van(model: type[models.Model]) -> Regels:
    """A model's rules; a model without any has only its own fields and constraints."""
    return _REGELS.get(model, Regels())
