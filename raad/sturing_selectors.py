"""Reads of the raad's steering (raad.sturing): kaders per gemeente and regeling, a regeling's
doelen with indicators and values, and "kaders {jaar} → wat kwam ervan terecht", which sets
the kaders of a year beside that year's jaarcijfers and prestaties.

The gemeente page, the arrangement page, the oplegger and the API call these; each reads in
a fixed number of queries, whatever the number of rows.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, QuerySet

from samenwerking.constants import JaarcijfersSoort
from samenwerking.models import Gemeente, Jaarcijfers, Samenwerkingsverband

from .sturing import Doel, Indicator, Indicatorwaarde, Kader


def kaders_van_verband(verband: Samenwerkingsverband, *, gemeente: Gemeente | None = None):
    """The kaders the raden set for `verband` (only those of `gemeente` when given), newest
    year first. One query."""
    kaders = Kader.objects.filter(samenwerkingsverband=verband).select_related("gemeente")
    if gemeente is not None:
        kaders = kaders.filter(gemeente=gemeente)
    return list(kaders.order_by("-jaar", "gemeente__naam", "-besluitdatum", "pk"))


@dataclass
class KadersPerVerband:
    verband: Samenwerkingsverband
    kaders: list[Kader] = field(default_factory=list)


def met_kadervlag(gemeenten: QuerySet[Gemeente]) -> QuerySet[Gemeente]:
    """`gemeenten` with `heeft_kaders`: whether their raad recorded any kader, read in the
    same query (an EXISTS), so that `kaders_van_gemeente` needs no query when there are none."""
    return gemeenten.annotate(heeft_kaders=Exists(Kader.objects.filter(gemeente=OuterRef("pk"))))


def kaders_van_gemeente(gemeente: Gemeente) -> list[KadersPerVerband]:
    """A gemeente's kaders grouped per regeling (by name), newest year first. One query,
    of what the gemeente page shows (each regeling's name and address, not its long texts);
    none when `gemeente` was read `met_kadervlag` and has no kaders (most gemeenten)."""
    if getattr(gemeente, "heeft_kaders", True) is False:
        return []
    groepen: dict[int, KadersPerVerband] = {}
    for kader in (
        Kader.objects.filter(gemeente=gemeente)
        .select_related("samenwerkingsverband")
        .only(
            *("gemeente", "soort", "jaar", "besluitdatum", "onderwerp", "tekst", "document_url"),
            *("samenwerkingsverband__uuid", "samenwerkingsverband__slug"),
            "samenwerkingsverband__naam",
        )
        .order_by("samenwerkingsverband__naam", "samenwerkingsverband_id", "-jaar", "-besluitdatum")
    ):
        groep = groepen.setdefault(
            kader.samenwerkingsverband_id, KadersPerVerband(kader.samenwerkingsverband)
        )
        groep.kaders.append(kader)
    return list(groepen.values())


def doelen_met_indicatoren() -> QuerySet[Doel]:
    """Goals, each with its indicators (`indicatoren_lijst`) and their values per year
    (`waarden_lijst`, oldest first): three queries, however many rows. For this module and
    the API."""
    waarden = Indicatorwaarde.objects.order_by("jaar")
    indicatoren = Indicator.objects.order_by("volgorde", "naam", "pk").prefetch_related(
        Prefetch("waarden", queryset=waarden, to_attr="waarden_lijst")
    )
    return Doel.objects.prefetch_related(
        Prefetch("indicatoren", queryset=indicatoren, to_attr="indicatoren_lijst")
    )


def doelen_van_verband(verband: Samenwerkingsverband) -> list[Doel]:
    """A regeling's goals with indicators and values (doelen_met_indicatoren). Three
    queries."""
    return list(
        doelen_met_indicatoren()
        .filter(samenwerkingsverband=verband)
        .order_by("volgorde", "titel", "pk")
    )


@dataclass
class Prestatie:
    doel: Doel
    indicator: Indicator
    waarde: Indicatorwaarde | None


@dataclass
class Terugblik:
    """Kaders of one year beside what came of them: the regeling's begroting and jaarrekening
    of that year and each indicator's planned and actual value in it."""

    jaar: int
    kaders: list[Kader]
    begroting: Jaarcijfers | None
    jaarrekening: Jaarcijfers | None
    prestaties: list[Prestatie]

    @property
    def resultaat_bekend(self) -> bool:
        """The jaarrekening or an actual value of an indicator is there."""
        return self.jaarrekening is not None or any(
            p.waarde is not None and p.waarde.gerealiseerd is not None for p in self.prestaties
        )


def terugblik(
    kaders: list[Kader], jaarcijfers: list[Jaarcijfers], doelen: list[Doel]
) -> list[Terugblik]:
    """Per year with kaders (newest first): the kaders, the jaarcijfers and the prestaties of
    that year. Built from rows already read (no query)."""
    cijfers = {(c.jaar, c.soort): c for c in jaarcijfers}
    per_jaar: dict[int, list[Kader]] = {}
    for kader in kaders:
        per_jaar.setdefault(kader.jaar, []).append(kader)
    uitkomst = []
    for jaar in sorted(per_jaar, reverse=True):
        prestaties = [
            Prestatie(
                doel,
                indicator,
                next((w for w in indicator.waarden_lijst if w.jaar == jaar), None),
            )
            for doel in doelen
            for indicator in doel.indicatoren_lijst
        ]
        uitkomst.append(
            Terugblik(
                jaar=jaar,
                kaders=per_jaar[jaar],
                begroting=cijfers.get((jaar, JaarcijfersSoort.BEGROTING)),
                jaarrekening=cijfers.get((jaar, JaarcijfersSoort.JAARREKENING)),
                prestaties=prestaties,
            )
        )
    return uitkomst


@dataclass
class Sturing:
    """What the arrangement page and the oplegger show about steering."""

    kaders: list[Kader]
    doelen: list[Doel]
    terugblik: list[Terugblik]


def sturing_van_verband(
    verband: Samenwerkingsverband,
    jaarcijfers: list[Jaarcijfers],
    *,
    gemeente: Gemeente | None = None,
) -> Sturing:
    """Kaders (of every raad, or of `gemeente`), doelen and the terugblik of one regeling,
    with the jaarcijfers the caller already read (Verbandoverzicht.jaarcijfers). Four
    queries: kaders, doelen, indicatoren, waarden."""
    kaders = kaders_van_verband(verband, gemeente=gemeente)
    doelen = doelen_van_verband(verband)
    return Sturing(
        kaders=kaders,
        doelen=doelen,
        terugblik=terugblik(kaders, jaarcijfers, doelen),
    )
