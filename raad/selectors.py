"""Reads for the council's documents: the verbonden-partijen list (BBV art. 15).

The verbonden-partij test itself (bestuurlijk and financieel belang in a year) lives in
`samenwerking.selectors`; this module builds the yearly list around it.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from samenwerking.constants import BbvCategorie, JaarcijfersSoort, bbv_categorie
from samenwerking.models import (
    Bijdrage,
    Deelname,
    Gemeente,
    Jaarcijfers,
    Samenwerkingsverband,
    Zetel,
    periode_overlapt_q,
)
from samenwerking.selectors import TIJDSTEMPELS, bbv_toets, jaar_grenzen, zonder

OVERIGE_SAMENWERKING = gettext_lazy("Overige samenwerkingsverbanden")


@dataclass
class Partij:
    """One participation of the gemeente in one arrangement in the year, with everything the
    BBV art. 15 list shows about it. Missing figures are None ("onbekend")."""

    deelname: Deelname
    jaar: int
    cijfers: Jaarcijfers | None

    @property
    def verband(self) -> Samenwerkingsverband:
        return self.deelname.samenwerkingsverband

    @property
    def categorie(self) -> BbvCategorie:
        return bbv_categorie(self.verband.vorm)

    @property
    def verbonden_partij(self) -> bool:
        return self.deelname.verbonden_partij

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
            delen.append(_("%(n)s stemmen") % {"n": self.deelname.stemmen})
        if not delen:
            return _("onbekend (geen zetel vastgelegd)")
        return "; ".join(delen)

    @property
    def deelname_via(self) -> str:
        """The gemeente's organs through which it takes part (raad, college, burgemeester)."""
        return ", ".join(self.deelname.deelnemende_bestuursorganen_labels) or _("onbekend")

    @property
    def redenen(self) -> str:
        """Why the participation is (or is not) a verbonden partij in the year (the BBV test
        in `samenwerking.selectors.bbv_toets` says it)."""
        return self.deelname.bbv_redenen

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

    def _som(self, veld: str) -> Decimal | None:
        bedragen = [getattr(p.deelname, veld) for p in self.partijen]
        bekend = [b for b in bedragen if b is not None]
        return sum(bekend, Decimal(0)) if bekend else None

    @property
    def bijdrage_begroot(self) -> Decimal | None:
        return self._som("bijdrage_begroot")

    @property
    def bijdrage_gerealiseerd(self) -> Decimal | None:
        return self._som("bijdrage_gerealiseerd")


@dataclass
class VerbondenPartijenLijst:
    gemeente: Gemeente
    jaar: int
    modus: str
    categorieen: list[Categorie]
    overige: Categorie

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
        return Categorie(code="totaal", label=_("Totaal"), partijen=self.partijen)


def deelnames_in_jaar(gemeente: Gemeente, jaar: int, modus: str) -> list[Deelname]:
    """The deelnames of `gemeente` that ran on at least one day of `jaar`, with the BBV test
    and bijdrage sums (`samenwerking.selectors.bbv_toets`), the seats held in the year, the
    arrangement's participants in the year and its figures of `modus` for the year.
    Five queries."""
    van, tot = jaar_grenzen(jaar)
    in_jaar = periode_overlapt_q(van, tot, "toetredingsdatum", "uittredingsdatum")
    zetels = (
        Zetel.objects.filter(periode_overlapt_q(van, tot, "begindatum", "einddatum"))
        .select_related("persoon", "bestuursorgaan")
        .defer(
            *TIJDSTEMPELS,
            *zonder(*TIJDSTEMPELS, via="persoon__"),
            *zonder(*TIJDSTEMPELS, via="bestuursorgaan__"),
        )
        .order_by("bestuursorgaan__soort", "rol", "persoon__naam")
    )
    # Only their names are shown; timestamps are a large part of reading rows.
    deelnemers = (
        Deelname.objects.filter(in_jaar)
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
    rijen = list(
        Deelname.objects.filter(gemeente=gemeente, samenwerkingsverband__alleen_historisch=False)
        .filter(in_jaar)
        .select_related("samenwerkingsverband")
        .defer(*TIJDSTEMPELS, *zonder(*TIJDSTEMPELS, via="samenwerkingsverband__"))
        .prefetch_related(
            Prefetch("zetels", queryset=zetels, to_attr="zetels_in_jaar"),
            Prefetch(
                "bijdragen",
                queryset=Bijdrage.objects.filter(jaar__in=[jaar - 1, jaar]).defer(*TIJDSTEMPELS),
                to_attr="gelezen_bijdragen",
            ),
            Prefetch(
                "samenwerkingsverband__deelnames", queryset=deelnemers, to_attr="deelnemers_in_jaar"
            ),
            Prefetch("samenwerkingsverband__jaarcijfers", queryset=cijfers, to_attr="cijfers"),
        )
        .order_by("samenwerkingsverband__naam", "pk")
    )
    for deelname in rijen:
        bbv_toets(
            deelname,
            jaar=jaar,
            zetels=deelname.zetels_in_jaar,
            bijdragen=deelname.gelezen_bijdragen,
        )
    return rijen


def verbonden_partijen(
    gemeente: Gemeente, *, jaar: int, modus: str = JaarcijfersSoort.BEGROTING
) -> VerbondenPartijenLijst:
    """The BBV art. 15 list of `gemeente` for `jaar`: the verbonden partijen per category
    (in the order of the BBV) and, separately, the participations that do not qualify.
    `modus` chooses the arrangement's figures: its begroting or its jaarrekening of `jaar`."""
    categorieen = {code: Categorie(code, label) for code, label in BbvCategorie.choices}
    overige = Categorie("overige_samenwerking", str(OVERIGE_SAMENWERKING))
    for deelname in deelnames_in_jaar(gemeente, jaar, modus):
        verband = deelname.samenwerkingsverband
        partij = Partij(deelname=deelname, jaar=jaar, cijfers=next(iter(verband.cijfers), None))
        doel = categorieen[partij.categorie] if partij.verbonden_partij else overige
        doel.partijen.append(partij)
    return VerbondenPartijenLijst(
        gemeente=gemeente,
        jaar=jaar,
        modus=modus,
        categorieen=list(categorieen.values()),
        overige=overige,
    )
