"""Costs compared: each gemeente's bijdrage per inwoner in a regeling and year, its spread
over the deelnemers (lowest, median, highest) and the median of the other deelnemers beside
a gemeente's own figure. Per inwoner always uses the gemeente's own inwoners of that year
(`Inwonertal`); a deelnemer without a bijdrage or without inwoners is counted but has no
figure ("onbekend"), never 0, and every median says how many deelnemers it is over."""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import FilteredRelation, Max, Q, Sum
from django.utils.translation import gettext as _

from regioreg.collation import sort_key

from ..constants import BijdrageSoort, Vorm, label
from ..financien import PerInwoner, mediaan, per_inwoner
from ..models import (
    Bijdrage,
    Deelname,
    Domein,
    Samenwerkingsverband,
    periode_overlapt_q,
)
from .basis import jaar_grenzen
from .gemeente import met_hoofdthemas


@dataclass(frozen=True)
class Deelnemerkosten(PerInwoner):
    """One gemeente's bijdragen to one regeling in a year, with its inwoners of that year."""

    samenwerkingsverband_id: int
    gemeente_id: int
    naam: str
    cbs_code: str
    begroot: Decimal | None
    gerealiseerd: Decimal | None
    verdeelsleutel: Decimal | None
    inwoners: int | None


@dataclass(frozen=True)
class Spreiding:
    """Lowest, median and highest of the known values; `met_cijfers` of `aantal` known."""

    laagste: Decimal | None
    mediaan: Decimal | None
    hoogste: Decimal | None
    met_cijfers: int
    aantal: int


def spreiding(waarden: Iterable[Decimal | None]) -> Spreiding:
    waarden = list(waarden)
    bekend = [w for w in waarden if w is not None]
    return Spreiding(
        laagste=min(bekend, default=None),
        mediaan=mediaan(bekend),
        hoogste=max(bekend, default=None),
        met_cijfers=len(bekend),
        aantal=len(waarden),
    )


def _gemeentedeelnames_in_jaar(verband_ids: list[int], jaar: int):
    """The deelnames of gemeenten in these regelingen that ran on at least one day of `jaar`,
    with the one inwonertal of `jaar` joined as `inwonertal` (unique per gemeente and year, so
    it multiplies no sum; a deelname without one still gives its row). The base of both
    comparisons per inwoner below."""
    van, tot = jaar_grenzen(jaar)
    return Deelname.objects.filter(
        periode_overlapt_q(van, tot, "toetredingsdatum", "uittredingsdatum"),
        samenwerkingsverband_id__in=verband_ids,
        gemeente__isnull=False,
    ).annotate(
        inwonertal=FilteredRelation(
            "gemeente__inwonertallen", condition=Q(gemeente__inwonertallen__jaar=jaar)
        )
    )


def kosten_per_deelnemer(
    verband_ids: Iterable[int], *, jaar: int
) -> dict[int, list[Deelnemerkosten]]:
    """Per regeling (by id) its gemeenten that took part on at least one day of `jaar`, by
    name, with the sums of their begrote and gerealiseerde bijdragen of `jaar` and their
    inwoners of `jaar`. A gemeente with two deelnames in one year (re-entry) is one row.
    Organisaties have no inwoners and are left out. One query."""
    verband_ids = list(verband_ids)
    if not verband_ids:
        return {}
    rijen = list(
        _gemeentedeelnames_in_jaar(verband_ids, jaar)
        # Join only the bijdragen of `jaar` (index deelname, jaar), not every year's to be
        # filtered away in the sums.
        .annotate(in_jaar=FilteredRelation("bijdragen", condition=Q(bijdragen__jaar=jaar)))
        .values(
            "samenwerkingsverband_id",
            "gemeente_id",
            "gemeente__naam",
            "gemeente__cbs_code",
            "inwonertal__aantal",
        )
        .annotate(
            begroot=Sum("in_jaar__bedrag", filter=Q(in_jaar__soort=BijdrageSoort.BEGROOT)),
            gerealiseerd=Sum(
                "in_jaar__bedrag", filter=Q(in_jaar__soort=BijdrageSoort.GEREALISEERD)
            ),
            sleutel=Max("verdeelsleutel"),
        )
        .order_by("gemeente__naam", "gemeente_id")
    )
    per_verband: dict[int, list[Deelnemerkosten]] = defaultdict(list)
    for r in rijen:
        per_verband[r["samenwerkingsverband_id"]].append(
            Deelnemerkosten(
                samenwerkingsverband_id=r["samenwerkingsverband_id"],
                gemeente_id=r["gemeente_id"],
                naam=r["gemeente__naam"],
                cbs_code=r["gemeente__cbs_code"],
                begroot=r["begroot"],
                gerealiseerd=r["gerealiseerd"],
                verdeelsleutel=r["sleutel"],
                inwoners=r["inwonertal__aantal"],
            )
        )
    return dict(per_verband)


@dataclass(frozen=True)
class EigenEnAnderen:
    """A gemeente's begrote bijdrage per inwoner in one regeling beside the other deelnemers'."""

    eigen_per_inwoner: Decimal | None
    anderen: Spreiding


def per_inwoner_naast_anderen(
    gemeente_id: int, verband_ids: Iterable[int], *, jaar: int
) -> dict[int, EigenEnAnderen]:
    """Per regeling: the gemeente's own begrote bijdrage per inwoner of `jaar` and the spread
    (with the median) of the other gemeenten in it that year, counted as in
    `kosten_per_deelnemer` (one figure per gemeente; without a bijdrage or inwoners:
    onbekend). One query, leaner than `kosten_per_deelnemer`'s: the gemeente page shows only
    these figures, so it reads no names, realised amounts or verdeelsleutels (half the time
    of the page's comparison)."""
    verband_ids = list(verband_ids)
    if not verband_ids:
        return {}
    rijen = (
        _gemeentedeelnames_in_jaar(verband_ids, jaar)
        # Only the begrote bijdragen of `jaar` are joined.
        .annotate(
            begroot_in_jaar=FilteredRelation(
                "bijdragen",
                condition=Q(bijdragen__jaar=jaar, bijdragen__soort=BijdrageSoort.BEGROOT),
            )
        )
        .values_list("samenwerkingsverband_id", "gemeente_id", "inwonertal__aantal")
        .annotate(begroot=Sum("begroot_in_jaar__bedrag"))
        .order_by()
    )
    eigen: dict[int, Decimal | None] = {}
    anderen: dict[int, list[Decimal | None]] = defaultdict(list)
    for verband_id, deelnemer_id, inwoners, begroot in rijen:
        if deelnemer_id == gemeente_id:
            eigen[verband_id] = per_inwoner(begroot, inwoners)
        else:
            anderen[verband_id].append(per_inwoner(begroot, inwoners))
    return {
        verband_id: EigenEnAnderen(
            eigen_per_inwoner=eigen.get(verband_id), anderen=spreiding(anderen[verband_id])
        )
        for verband_id in eigen.keys() | anderen.keys()
    }


@dataclass(frozen=True)
class Regelingkosten:
    """One regeling's begrote bijdragen per inwoner in a year: the sum over the gemeenten
    with both a bijdrage and an inwonertal, divided by their inwoners together; with how many
    of its gemeenten that is."""

    verband: Samenwerkingsverband
    rang: int | None
    bijdrage: Decimal | None
    inwoners: int
    met_cijfers: int
    aantal: int

    @property
    def per_inwoner(self) -> Decimal | None:
        return per_inwoner(self.bijdrage, self.inwoners)


@dataclass(frozen=True)
class Ranglijst:
    domein: Domein
    jaar: int
    regelingen: list[Regelingkosten]
    # The thesaurus's narrower and broader concepts, whose names say it: a subthema is named
    # "hoofdthema | subthema" (the national register's beleidsterreinen).
    subthemas: list[Domein]
    hoofdthema: Domein | None
    # No regeling (nor one of a subthema) has the domein in any year: one of regioreg's own
    # list, while the national register names its own beleidsterreinen.
    zonder_regelingen: bool

    @property
    def met_cijfers(self) -> list[Regelingkosten]:
        return [r for r in self.regelingen if r.per_inwoner is not None]

    @property
    def spreiding(self) -> Spreiding:
        return spreiding(r.per_inwoner for r in self.regelingen)


def ranglijst_van_domein(domein: Domein, *, jaar: int) -> Ranglijst:
    """The regelingen of `domein` and of its subthema's running in `jaar` (not historical
    mentions), each once, ranked by their begrote bijdragen per inwoner, lowest first; those
    without figures last, unranked. Three queries (the related domeinen; the regelingen; their
    deelnemers' bijdragen with their inwoners), a fourth when the year has none (whether any
    year has one)."""
    van, tot = jaar_grenzen(jaar)
    subthemas, hoofdthema = verwante_domeinen(domein)
    van_het_domein = Samenwerkingsverband.objects.filter(
        domeinen__in=[domein, *subthemas], alleen_historisch=False
    )
    verbanden = list(
        van_het_domein.filter(periode_overlapt_q(van, tot, "ingangsdatum", "einddatum"))
        .only("pk", "uuid", "slug", "naam", "afkorting", "vorm")
        .order_by("naam", "pk")
        .distinct()
    )
    kosten = kosten_per_deelnemer([v.pk for v in verbanden], jaar=jaar)
    rijen = []
    for verband in verbanden:
        deelnemers = kosten.get(verband.pk, [])
        bekend = [d for d in deelnemers if d.begroot is not None and d.inwoners]
        rijen.append(
            Regelingkosten(
                verband=verband,
                rang=None,
                bijdrage=sum((d.begroot for d in bekend), Decimal(0)) if bekend else None,
                inwoners=sum(d.inwoners for d in bekend),
                met_cijfers=len(bekend),
                aantal=len(deelnemers),
            )
        )
    met = sorted((r for r in rijen if r.per_inwoner is not None), key=lambda r: r.per_inwoner)
    zonder = [r for r in rijen if r.per_inwoner is None]
    gerangschikt = [Regelingkosten(**{**r.__dict__, "rang": i}) for i, r in enumerate(met, start=1)]
    return Ranglijst(
        domein=domein,
        jaar=jaar,
        regelingen=gerangschikt + zonder,
        subthemas=subthemas,
        hoofdthema=hoofdthema,
        zonder_regelingen=not verbanden and not van_het_domein.exists(),
    )


def verwante_domeinen(domein: Domein) -> tuple[list[Domein], Domein | None]:
    """The subthema's of `domein` (by name) and its hoofdthema if it is a subthema that has
    one, in one query."""
    hoofd = domein.hoofdthema_naam if domein.subthema_naam else None
    gezocht = Q(naam__startswith=domein.naam + Domein.SCHEIDING)
    if hoofd:
        gezocht |= Q(naam=hoofd)
    verwant = list(Domein.objects.filter(gezocht).order_by("naam"))
    subthemas = [d for d in verwant if d.naam != hoofd]
    return subthemas, next((d for d in verwant if d.naam == hoofd), None)


JAREN_TERUG = 10


@dataclass(frozen=True)
class Reeks:
    """One line of a table over the years: a name and an amount per year (None: onbekend);
    for a domein its code, for the link to its page ("" when the register has no such domein)."""

    naam: str
    bedragen: list[Decimal | None]
    code: str = ""

    @property
    def paren(self) -> list[tuple[Decimal | None, Decimal | None]]:
        """(amount, amount of the year before) per year; the first year has no year before."""
        return list(zip(self.bedragen, [None, *self.bedragen[:-1]], strict=True))


@dataclass(frozen=True)
class Tijdreeks:
    jaren: list[int]
    soort: str
    totaal: Reeks
    per_vorm: list[Reeks]
    per_domein: list[Reeks]


def bijdragen_over_de_jaren(gemeente, *, tot_jaar: int, soort: str) -> Tijdreeks:
    """A gemeente's bijdragen of `soort` (begroot or gerealiseerd) over the ten years up to
    and including `tot_jaar`: in total, per vorm of the regeling (in the order of the law) and
    per domein, that is per hoofdthema ("natuur en milieu | afval" counts under "natuur en
    milieu"; a regeling counts once in each of its hoofdthema's; without one: "Zonder
    domein"). A year without any recorded amount is None, never 0. Two queries."""
    jaren = list(range(tot_jaar - JAREN_TERUG + 1, tot_jaar + 1))
    # The sums per regeling and year; the groups are made from them.
    sommen = (
        Bijdrage.objects.filter(
            deelname__gemeente=gemeente,
            deelname__samenwerkingsverband__alleen_historisch=False,
            jaar__in=jaren,
            soort=soort,
        )
        .order_by()
        .values_list(
            "deelname__samenwerkingsverband_id", "deelname__samenwerkingsverband__vorm", "jaar"
        )
        .annotate(som=Sum("bedrag"))
    )
    hoofdthemas: dict[int, set[str]] = defaultdict(set)
    gekoppeld: dict[str, Domein] = {}
    for koppeling in Samenwerkingsverband.domeinen.through.objects.filter(
        samenwerkingsverband__in={rij[0] for rij in sommen}
    ).select_related("domein"):
        hoofdthemas[koppeling.samenwerkingsverband_id].add(koppeling.domein.hoofdthema_naam)
        gekoppeld[koppeling.domein.naam] = koppeling.domein
    domein_bij_naam = met_hoofdthemas(gekoppeld.values())
    totaal: dict[int, Decimal] = {}
    vormen: dict[str, dict[int, Decimal]] = defaultdict(dict)
    domeinen: dict[str | None, dict[int, Decimal]] = defaultdict(dict)
    for verband_id, vorm, jaar, som in sommen:
        for per_jaar in (
            totaal,
            vormen[vorm],
            *(domeinen[n] for n in hoofdthemas[verband_id] or [None]),
        ):
            per_jaar[jaar] = per_jaar.get(jaar, Decimal(0)) + som

    def reeks(naam, per_jaar: dict, code: str = "") -> Reeks:
        return Reeks(naam=str(naam), bedragen=[per_jaar.get(j) for j in jaren], code=code)

    return Tijdreeks(
        jaren=jaren,
        soort=soort,
        totaal=reeks(_("Totaal"), totaal),
        per_vorm=[reeks(label(Vorm, v), vormen[v]) for v in Vorm.values if v in vormen],
        per_domein=[
            reeks(
                naam if naam is not None else _("Zonder domein"),
                domeinen[naam],
                domein_bij_naam[naam].code if naam in domein_bij_naam else "",
            )
            for naam in sorted(domeinen, key=lambda n: (n is None, sort_key(n or "")))
        ],
    )
