"""Reads for the council's documents: the verbonden-partijen list (BBV art. 15).

The list is built on the gemeente's deelnames in the year as `deelnames_van_gemeente` reads
them, with the verbonden-partij test (`samenwerking.bbv`) and the sums
(`samenwerking.selectors.bijdragen`) already on them; this module only adds what the list
shows besides (the arrangement's participants and figures) and groups the rows.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch, prefetch_related_objects
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from raad.parameters import Kolommen
from raad.templatetags.regioreg import euro, getal, procent
from samenwerking import financien
from samenwerking.constants import BbvCategorie, BijdrageSoort, JaarcijfersSoort, bbv_categorie
from samenwerking.models import (
    Bijdrage,
    Deelname,
    Gemeente,
    Jaarcijfers,
    Samenwerkingsverband,
    Zetel,
    periode_overlapt_q,
)
from samenwerking.selectors import (
    TIJDSTEMPELS,
    VERBONDEN_PARTIJ_VELDEN,
    deelnames_van_gemeente,
    jaar_grenzen,
    totaal,
    zonder,
)

OVERIGE_SAMENWERKING = gettext_lazy("Overige samenwerkingsverbanden")
# The meerjarenraming: the budget year and the three years after it.
RAMINGSJAREN = 4


@dataclass
class Partij:
    """One participation of the gemeente in one arrangement in the year, with everything the
    BBV art. 15 list shows about it. Missing figures are None ("onbekend")."""

    deelname: Deelname
    jaar: int
    cijfers: Jaarcijfers | None
    modus: str = JaarcijfersSoort.BEGROTING

    @property
    def verband(self) -> Samenwerkingsverband:
        return self.deelname.samenwerkingsverband

    @property
    def categorie(self) -> BbvCategorie:
        return bbv_categorie(self.verband.vorm)

    @property
    def deelnemers(self) -> list[str]:
        return [str(d.deelnemer) for d in self.verband.deelnemers_in_jaar]

    @property
    def zetels(self) -> list[Zetel]:
        return self.deelname.zetels_in_jaar

    @property
    def bestuurlijk_belang(self) -> str:
        """Who sits where on behalf of the gemeente, or the voting right; "onbekend" when no
        seat is recorded (never "geen": the register may simply not know it)."""
        delen = [
            _("%(persoon)s (%(functie)s), %(rol)s %(orgaan)s")
            % {
                "persoon": z.persoon.naam,
                "functie": z.get_functie_display().lower(),
                "rol": z.get_rol_display().lower(),
                "orgaan": str(z.bestuursorgaan).lower(),
            }
            for z in self.zetels
        ]
        if self.deelname.stemmen:
            n = self.deelname.stemmen
            delen.append(ngettext("%(n)s stem", "%(n)s stemmen", n) % {"n": getal(n)})
        if not delen:
            return _("onbekend (geen zetel vastgelegd)")
        return "; ".join(delen)

    @property
    def deelname_via(self) -> str:
        """The gemeente's organs through which it takes part (raad, college, burgemeester)."""
        return ", ".join(self.deelname.deelnemende_bestuursorganen_labels) or _("onbekend")

    @property
    def meerjarenraming(self) -> list[tuple[int, Decimal | None]]:
        """(jaar, geraamde bijdrage) for the list's year and the three after it: the sums of
        the begrote bijdragen (read with `bijdragen_van_raming`); None when none is recorded."""
        return [
            (
                jaar,
                totaal(
                    b.bedrag
                    for b in self.deelname.raming_bijdragen
                    if b.jaar == jaar and b.soort == BijdrageSoort.BEGROOT
                ),
            )
            for jaar in range(self.jaar, self.jaar + RAMINGSJAREN)
        ]

    @property
    def solvabiliteit_begin(self) -> Decimal | None:
        """Eigen vermogen / totaal vermogen on 1 January, in percent (`financien`)."""
        c = self.cijfers
        return c and financien.solvabiliteit(c.eigen_vermogen_begin, c.vreemd_vermogen_begin)

    @property
    def solvabiliteit_eind(self) -> Decimal | None:
        c = self.cijfers
        return c and financien.solvabiliteit(c.eigen_vermogen_eind, c.vreemd_vermogen_eind)

    @property
    def aandeel_eigen_vermogen_bedrag(self) -> Decimal | None:
        """The gemeente's recorded share of the eigen vermogen on 31 December, in euros."""
        return financien.aandeel(
            self.cijfers and self.cijfers.eigen_vermogen_eind,
            self.deelname.aandeel_eigen_vermogen,
        )

    @property
    def aandeel_tekort(self) -> Decimal | None:
        """The recorded share of a deficit the gemeente carries (percent)."""
        return self.deelname.aandeel_tekort

    @property
    def aandelenbelang(self) -> str:
        """Number and share of shares, for a vennootschap; empty when neither is recorded."""
        d = self.deelname
        delen = []
        if d.aandelen_aantal is not None:
            n = d.aandelen_aantal
            delen.append(ngettext("%(n)s aandeel", "%(n)s aandelen", n) % {"n": getal(n)})
        if d.aandelen_percentage is not None:
            delen.append(_("%(p)s van alle aandelen") % {"p": procent(d.aandelen_percentage)})
        return ", ".join(delen)

    @property
    def financieel_belang(self) -> str:
        """The financieel belang as the published lists write it: the bijdrage of the list's
        modus, saying which it is and of which year ("bijdrage begroot 2025 € 1.000"), the
        share of a deficit and of the equity; "onbekend" for what is not recorded."""
        d = self.deelname
        if self.modus == JaarcijfersSoort.BEGROTING:
            bijdrage = _("bijdrage begroot %(jaar)s %(bedrag)s") % {
                "jaar": self.jaar,
                "bedrag": euro(d.bijdrage_begroot),
            }
        else:
            bijdrage = _("bijdrage gerealiseerd %(jaar)s %(bedrag)s") % {
                "jaar": self.jaar,
                "bedrag": euro(d.bijdrage_gerealiseerd),
            }
        if d.aandeel_eigen_vermogen is None:
            eigen_vermogen = _("aandeel in het eigen vermogen onbekend")
        else:
            # The share in euros needs the equity of 31 December as well.
            eigen_vermogen = _("aandeel in het eigen vermogen %(p)s (%(bedrag)s)") % {
                "p": procent(d.aandeel_eigen_vermogen),
                "bedrag": euro(self.aandeel_eigen_vermogen_bedrag)
                if self.aandeel_eigen_vermogen_bedrag is not None
                else _("bedrag onbekend"),
            }
        delen = [
            bijdrage,
            _("aandeel in een tekort %(p)s") % {"p": procent(d.aandeel_tekort)},
            eigen_vermogen,
        ]
        if d.aansprakelijk:
            delen.append(_("aansprakelijk"))
        return "; ".join(delen)

    @property
    def bron(self) -> str:
        if self.cijfers is None:
            return ""
        if self.cijfers.bron_document:
            document = self.cijfers.bron_document
            return f"{document.titel} {document.url}".strip()
        return self.cijfers.bron


@dataclass
class Categorie:
    code: str
    label: str
    partijen: list[Partij] = field(default_factory=list)

    # The sums of the known bijdragen (onbekend when none is known); a category without
    # partijen pays nothing: € 0, not onbekend.
    @property
    def bijdrage_begroot(self) -> Decimal | None:
        if not self.partijen:
            return Decimal(0)
        return totaal(p.deelname.bijdrage_begroot for p in self.partijen)

    @property
    def bijdrage_gerealiseerd(self) -> Decimal | None:
        if not self.partijen:
            return Decimal(0)
        return totaal(p.deelname.bijdrage_gerealiseerd for p in self.partijen)

    @property
    def zonder_begroot(self) -> int:
        """How many partijen have no known begrote bijdrage: not in the sum, and said so."""
        return sum(p.deelname.bijdrage_begroot is None for p in self.partijen)

    @property
    def zonder_gerealiseerd(self) -> int:
        return sum(p.deelname.bijdrage_gerealiseerd is None for p in self.partijen)


@dataclass
class VerbondenPartijenLijst:
    gemeente: Gemeente
    jaar: int
    modus: str
    categorieen: list[Categorie]
    overige: Categorie
    kolommen: str = "bbv"

    @property
    def uitgebreid(self) -> bool:
        """The extended column set ("uitgebreid") rather than the BBV minimum."""
        return self.kolommen == "uitgebreid"

    @property
    def bestandsnaam(self) -> str:
        """The list's file name without extension, the same from page, API and command."""
        uitgebreid = "-uitgebreid" if self.uitgebreid else ""
        return f"verbonden-partijen-{self.gemeente.cbs_code}-{self.jaar}-{self.modus}{uitgebreid}"

    @property
    def raming_jaren(self) -> list[int]:
        return list(range(self.jaar, self.jaar + RAMINGSJAREN))

    @property
    def modus_label(self) -> str:
        return JaarcijfersSoort(self.modus).label.lower()

    @property
    def titel(self) -> str:
        return _("Verbonden partijen %(gemeente)s %(jaar)s (%(modus)s)") % {
            "gemeente": self.gemeente.naam,
            "jaar": self.jaar,
            "modus": self.modus_label,
        }

    @property
    def partijen(self) -> list[Partij]:
        return [p for c in self.categorieen for p in c.partijen]

    @property
    def totaal(self) -> Categorie:
        # Named as on the page: the overige samenwerkingsverbanden are not in it.
        return Categorie(
            code="totaal", label=_("Totaal verbonden partijen"), partijen=self.partijen
        )

    @property
    def zonder_bijdragen(self) -> bool:
        """The gemeente takes part, but no bijdrage of the year is recorded for any of its
        participations (a year not yet recorded, or far ahead)."""
        alle = [*self.partijen, *self.overige.partijen]
        return bool(alle) and all(
            p.deelname.bijdrage_begroot is None and p.deelname.bijdrage_gerealiseerd is None
            for p in alle
        )


def deelnames_in_jaar(
    gemeente: Gemeente, jaar: int, modus: str, *, raming: bool = False
) -> list[Deelname]:
    """The deelnames of `gemeente` that ran on at least one day of `jaar`
    (`deelnames_van_gemeente`: four queries), with the arrangement's participants in the year
    (`deelnemers_in_jaar`) and its figures of `modus` for the year (`cijfers`): six queries.
    With `raming` (only the extended columns show it) also the begrote bijdragen of the
    three years after it (`raming_bijdragen`, the meerjarenraming with those of `jaar`):
    seven."""
    van, tot = jaar_grenzen(jaar)
    rijen = deelnames_van_gemeente(
        gemeente, jaar=jaar, heel_jaar=True, extra_velden=VERBONDEN_PARTIJ_VELDEN
    )
    # Only their names are shown; timestamps are a large part of reading rows.
    deelnemers = (
        Deelname.objects.filter(
            periode_overlapt_q(van, tot, "toetredingsdatum", "uittredingsdatum")
        )
        .select_related("gemeente", "organisatie")
        .defer(
            *TIJDSTEMPELS,
            "aansprakelijkheid_toelichting",
            "bron",
            *zonder(*TIJDSTEMPELS, via="gemeente__"),
            *zonder(*TIJDSTEMPELS, via="organisatie__"),
        )
        .order_by("gemeente__naam", "organisatie__naam")
    )
    cijfers = (
        Jaarcijfers.objects.filter(jaar=jaar, soort=modus)
        .select_related("bron_document")
        .defer(*TIJDSTEMPELS, *zonder(*TIJDSTEMPELS, via="bron_document__"))
    )
    prefetch_related_objects(
        rijen,
        Prefetch(
            "samenwerkingsverband__deelnames", queryset=deelnemers, to_attr="deelnemers_in_jaar"
        ),
        Prefetch("samenwerkingsverband__jaarcijfers", queryset=cijfers, to_attr="cijfers"),
    )
    if not raming:
        return rijen
    prefetch_related_objects(
        rijen,
        Prefetch(
            "bijdragen",
            queryset=Bijdrage.objects.filter(
                jaar__gt=jaar, jaar__lt=jaar + RAMINGSJAREN, soort=BijdrageSoort.BEGROOT
            ).only("deelname", "jaar", "soort", "bedrag"),
            to_attr="latere_ramingen",
        ),
    )
    for deelname in rijen:
        deelname.raming_bijdragen = [
            *(b for b in deelname.gelezen_bijdragen if b.jaar == jaar),
            *deelname.latere_ramingen,
        ]
    return rijen


def verbonden_partijen(
    gemeente: Gemeente,
    *,
    jaar: int,
    modus: str = JaarcijfersSoort.BEGROTING,
    kolommen: str = "bbv",
) -> VerbondenPartijenLijst:
    """The BBV art. 15 list of `gemeente` for `jaar`: the verbonden partijen per category
    (in the order of the BBV) and, separately, the participations that do not qualify.
    `modus` chooses the arrangement's figures: its begroting or its jaarrekening of `jaar`;
    `kolommen` the column set the surfaces show ("bbv" or "uitgebreid", `raad.parameters`)."""
    categorieen = {code: Categorie(code, label) for code, label in BbvCategorie.choices}
    overige = Categorie("overige_samenwerking", str(OVERIGE_SAMENWERKING))
    uitgebreid = kolommen == Kolommen.UITGEBREID
    for deelname in deelnames_in_jaar(gemeente, jaar, modus, raming=uitgebreid):
        verband = deelname.samenwerkingsverband
        partij = Partij(
            deelname=deelname,
            jaar=jaar,
            cijfers=next(iter(verband.cijfers), None),
            modus=modus,
        )
        doel = categorieen[partij.categorie] if deelname.verbonden_partij else overige
        doel.partijen.append(partij)
    return VerbondenPartijenLijst(
        gemeente=gemeente,
        jaar=jaar,
        modus=modus,
        categorieen=list(categorieen.values()),
        overige=overige,
        kolommen=kolommen,
    )
