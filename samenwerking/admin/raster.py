"""The bijdragen grid of a regeling's workplace (`werkplek`): deelnemers × years, read in a
fixed number of queries and saved all or nothing through the services, checked against the
rows as stored (read again, locked, in the saving transaction) and the account's rights."""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from toegang import rechten

from .. import services
from ..adminbasis import versie
from ..bedragen import Bedragfout, bedrag_invoer, bedrag_lezen, bedrag_tonen
from ..constants import BijdrageSoort
from ..models import Bijdrage, Deelname
from ..periode import overlapt, periode_overlapt_q
from ..selectors.bijdragen import totaal

BEGROOT, GEREALISEERD = BijdrageSoort.BEGROOT, BijdrageSoort.GEREALISEERD
RAMING_JAREN = 4  # the meerjarenraming: the coming four years


@dataclass
class Cel:
    naam: str
    deelname: Deelname
    jaar: int
    soort: str
    opgeslagen: Bijdrage | None = None
    invoer: str = ""
    fout: str = ""
    waarschuwing: str = ""
    buiten: bool = False  # the deelname did not run in this year: nothing to enter
    # The sum of its bijdragen per onderdeel (None: it has none). Such a cell is changed on
    # the deelname's page, not in the grid, and its sum counts in the totals.
    onderdelen: Decimal | None = None

    @property
    def som(self) -> Decimal | None:
        """What the cell adds up to, as the public pages sum it (`selectors.bijdragen`)."""
        return totaal([self.opgeslagen.bedrag if self.opgeslagen else None, self.onderdelen])

    @property
    def som_tekst(self) -> str:
        return bedrag_tonen(self.som)

    @property
    def label(self) -> str:
        soort = _("begroot") if self.soort == BEGROOT else _("gerealiseerd")
        return f"{self.deelname.deelnemer}, {self.jaar} {soort}"


@dataclass
class Som:
    """A total of the grid as the public pages show one: the sum of the known amounts, and
    how many cells of deelnemers that ran that year were unknown and left out."""

    bedrag: Decimal | None
    onbekend: int = 0

    @property
    def tekst(self) -> str:
        return _("onbekend") if self.bedrag is None else bedrag_tonen(self.bedrag)

    @classmethod
    def van(cls, cellen) -> "Som":
        cellen = [c for c in cellen if not c.buiten]
        return cls(totaal(c.som for c in cellen), sum(1 for c in cellen if c.som is None))


@dataclass
class Kolom:
    jaar: int
    soort: str
    totaal: Som | None = None

    @property
    def kop(self) -> str:
        return _("begroot") if self.soort == BEGROOT else _("gerealiseerd")


@dataclass
class Rij:
    """A deelnemer's row of the grid: a cell per column, in the columns' order, and the sum
    of its begroot cells (set once the cells are read)."""

    deelname: Deelname
    cellen: list[Cel] = field(default_factory=list)
    totaal_begroot: Som | None = None


@dataclass
class Raster:
    """Deelnemers × years: begroot for the year before this one up to the coming four years
    (the meerjarenraming), gerealiseerd for the years that have passed or run. Only the
    bijdragen without onderdeel are entered here; a cell with bijdragen per onderdeel shows
    their sum and leads to the deelname's page, where they are changed."""

    verband: object
    jaren: list[int]
    kolommen: list[Kolom]
    rijen: list[Rij]
    versie: str = ""
    waarschuwingen: bool = False
    fouten: list[str] = field(default_factory=list)

    @classmethod
    def lezen(cls, verband, eerste: int, *, vergrendelen: bool = False) -> "Raster":
        dit_jaar = timezone.localdate().year
        jaren = list(range(eerste, max(eerste + 2, dit_jaar + RAMING_JAREN + 1)))[:6]
        kolommen = []
        for jaar in jaren:
            kolommen.append(Kolom(jaar, BEGROOT))
            if jaar <= dit_jaar:
                kolommen.append(Kolom(jaar, GEREALISEERD))
        van, tot = datetime.date(jaren[0], 1, 1), datetime.date(jaren[-1] + 1, 1, 1)
        deelnames = list(
            Deelname.objects.filter(samenwerkingsverband=verband)
            .filter(periode_overlapt_q(van, tot, "toetredingsdatum", "uittredingsdatum"))
            .select_related("gemeente", "organisatie")
            .order_by("gemeente__naam", "organisatie__naam", "pk")
        )
        bijdragen = Bijdrage.objects.filter(deelname__in=[d.pk for d in deelnames], jaar__in=jaren)
        if vergrendelen:
            bijdragen = bijdragen.select_for_update()
        opgeslagen, onderdelen = {}, {}
        for b in bijdragen:
            sleutel = (b.deelname_id, b.jaar, b.soort)
            if b.onderdeel:
                onderdelen[sleutel] = onderdelen.get(sleutel, Decimal(0)) + b.bedrag
            else:
                opgeslagen[sleutel] = b
        rijen = []
        for deelname in deelnames:
            rij = Rij(deelname)
            for kolom in kolommen:
                sleutel = (deelname.pk, kolom.jaar, kolom.soort)
                bijdrage = opgeslagen.get(sleutel)
                if bijdrage is not None:
                    bijdrage.deelname = deelname
                liep = overlapt(
                    deelname.toetredingsdatum,
                    deelname.uittredingsdatum,
                    datetime.date(kolom.jaar, 1, 1),
                    datetime.date(kolom.jaar + 1, 1, 1),
                )
                rij.cellen.append(
                    Cel(
                        naam=f"b-{deelname.pk}-{kolom.jaar}-{kolom.soort}",
                        deelname=deelname,
                        jaar=kolom.jaar,
                        soort=kolom.soort,
                        opgeslagen=bijdrage,
                        invoer=bedrag_invoer(bijdrage.bedrag) if bijdrage else "",
                        onderdelen=onderdelen.get(sleutel),
                        buiten=bijdrage is None and sleutel not in onderdelen and not liep,
                    )
                )
            rij.totaal_begroot = Som.van(c for c in rij.cellen if c.soort == BEGROOT)
            rijen.append(rij)
        for i, kolom in enumerate(kolommen):
            kolom.totaal = Som.van(r.cellen[i] for r in rijen)
        return cls(verband, jaren, kolommen, rijen, versie=versie(verband))

    @property
    def totalen(self) -> list[Som]:
        return [k.totaal for k in self.kolommen]

    @property
    def cellen(self):
        """The cells that can be filled in (not those of years a deelname did not run, nor
        those with bijdragen per onderdeel)."""
        return [
            cel
            for rij in self.rijen
            for cel in rij.cellen
            if not cel.buiten and cel.onderdelen is None
        ]

    @property
    def celfouten(self) -> list[Cel]:
        """The cells refused on saving, for the summary above the grid."""
        return [cel for cel in self.cellen if cel.fout]

    def opslaan(self, request) -> bool:
        """Save what changed in the posted grid, all or nothing; False with per-cell errors
        (and warnings to confirm) when nothing was saved."""
        with transaction.atomic():
            # The rows as stored now, locked until this transaction ends.
            opgeslagen = Raster.lezen(self.verband, self.jaren[0], vergrendelen=True)
            if request.POST.get("versie") != opgeslagen.versie:
                self.versie = opgeslagen.versie
                self.fouten.append(
                    _(
                        "Iemand anders heeft deze regeling intussen gewijzigd. Uw invoer is niet "
                        "opgeslagen en staat hieronder; controleer hem en sla opnieuw op."
                    )
                )
                self._invoer_overnemen(request)
                return False
            self.rijen, self.kolommen = opgeslagen.rijen, opgeslagen.kolommen
            self._invoer_overnemen(request)
            nieuw_of_gewijzigd: list[tuple[Cel, Bijdrage]] = []
            verwijderen: list[Bijdrage] = []
            for cel in self.cellen:
                try:
                    bedrag = bedrag_lezen(cel.invoer)
                except Bedragfout as fout:
                    cel.fout = f"{cel.label}: {fout.messages[0]}"
                    continue
                if bedrag is None:
                    if cel.opgeslagen is not None:
                        verwijderen.append(cel.opgeslagen)
                        self._mag(request, cel, rechten.VERWIJDEREN, cel.opgeslagen)
                    continue
                if cel.opgeslagen is not None and cel.opgeslagen.bedrag == bedrag:
                    continue
                rij = cel.opgeslagen or Bijdrage(
                    deelname=cel.deelname, jaar=cel.jaar, soort=cel.soort, onderdeel=""
                )
                rij.bedrag = bedrag
                self._mag(request, cel, rechten.WIJZIGEN if rij.pk else rechten.TOEVOEGEN, rij)
                nieuw_of_gewijzigd.append((cel, rij))
            if any(cel.fout for cel in self.cellen):
                return False
            rijen = [rij for _cel, rij in nieuw_of_gewijzigd]
            if not request.POST.get("afwijkingen_bevestigd"):
                for i, tekst in services.bijdrage_waarschuwingen(rijen=rijen).items():
                    nieuw_of_gewijzigd[i][0].waarschuwing = tekst
                    self.waarschuwingen = True
                if self.waarschuwingen:
                    return False
            try:
                services.rijen_opslaan(
                    model=Bijdrage,
                    rijen=rijen,
                    labels=[cel.label for cel, _rij in nieuw_of_gewijzigd],
                )
            except services.Rijfouten as fouten:
                for i, fout in fouten.per_rij.items():
                    cel = nieuw_of_gewijzigd[i][0]
                    cel.fout = f"{cel.label}: {' '.join(fout.messages)}"
                return False
            services.rijen_verwijderen(rijen=verwijderen)
        return True

    @staticmethod
    def _mag(request, cel: Cel, actie: str, rij: Bijdrage) -> None:
        """A cell the account may not write (an emptied cell is a delete) gets a message
        naming it; then nothing of the grid is saved."""
        if not rechten.mag(request.user, actie, rij):
            cel.fout = _(
                "%(cel)s: uw account mag deze bijdrage niet %(werkwoord)s. Zet het oude bedrag "
                "terug of vraag het een beheerder; er is niets opgeslagen."
            ) % {"cel": cel.label, "werkwoord": rechten.WERKWOORDEN[actie]}

    def _invoer_overnemen(self, request) -> None:
        for cel in self.cellen:
            cel.invoer = request.POST.get(cel.naam, "").strip()
