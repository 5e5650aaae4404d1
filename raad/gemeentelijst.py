"""The gemeente page's list of regelingen: which rows the visitor filtered, in which order,
in which groups with their subtotals, and the links that change one choice and keep the
others. Also the page per representative. No queries: everything works on the rows of
`selectors.deelnames_van_gemeente`."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import TypedDict
from urllib.parse import urlencode

from django.utils.html import conditional_escape
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from regioreg.collation import sort_key
from samenwerking import selectors
from samenwerking.constants import (
    DeelnameRol,
    DeelnemendOrgaan,
    Functie,
    Karakter,
    Labels,
    Vorm,
    ZetelRol,
)
from samenwerking.models import (
    Bestuursorgaan,
    Deelname,
    Domein,
    Gemeente,
    Persoon,
    Samenwerkingsverband,
    Zetel,
)
from samenwerking.selectors import EigenEnAnderen

from .adressen import oplegger_adressen
from .forms import KARAKTERKEUZES, VERBONDEN_KEUZES, karakter_past
from .templatetags.regioreg import euro_cent

# The choices the list keeps in its links, in the order of the query string.
LIJSTPARAMETERS = (
    "peildatum",
    "jaar",
    "indeling",
    "karakter",
    "domein",
    "vorm",
    "verbonden_partij",
    "sorteer",
)
STANDAARD = {"indeling": "vorm", "sorteer": "naam"}
# Sortable columns; the direction a first click gives (the highest bijdrage first).
KOLOMMEN = {"naam": "", "vorm": "", "bijdrage": "-"}


@dataclass(frozen=True)
class Lijstkeuzes:
    """What the visitor chose: valid values only (a refused one is empty: its default)."""

    peildatum: datetime.date
    jaar: int
    indeling: str = "vorm"
    karakter: str = ""
    domein: str = ""
    vorm: str = ""
    verbonden_partij: str = ""
    sorteer: str = "naam"

    def waarden(self) -> dict[str, str]:
        return {
            "peildatum": self.peildatum.isoformat(),
            "jaar": str(self.jaar),
            "indeling": self.indeling,
            "karakter": self.karakter,
            "domein": self.domein,
            "vorm": self.vorm,
            "verbonden_partij": self.verbonden_partij,
            "sorteer": self.sorteer,
        }

    def adres(self, **wijziging: str) -> str:
        """The query string of this list with `wijziging` applied; empty values and defaults
        left out."""
        waarden = {**self.waarden(), **wijziging}
        delen = [
            (naam, waarden[naam])
            for naam in LIJSTPARAMETERS
            if waarden[naam] and waarden[naam] != STANDAARD.get(naam)
        ]
        return "?" + urlencode(delen)

    @property
    def gefilterd(self) -> bool:
        return bool(self.karakter or self.domein or self.vorm or self.verbonden_partij)


def past(deelname: Deelname, keuzes: Lijstkeuzes, domein: "Domeinkeuze | None") -> bool:
    """Does a row pass every filter the visitor chose (`domein`: the chosen domain's)?"""
    verband = deelname.samenwerkingsverband
    if not karakter_past(verband.karakter, keuzes.karakter):
        return False
    if keuzes.vorm and verband.vorm != keuzes.vorm:
        return False
    if domein and not domein.past(verband):
        return False
    if keuzes.verbonden_partij:
        return bool(deelname.verbonden_partij) == (keuzes.verbonden_partij == "ja")
    return True


@dataclass(frozen=True)
class Domeinkeuze:
    """A domain the list's filter offers. A hoofdthema with subthema's among the rows shows
    those too, as the grouping per domein and the domein's own page count them."""

    domein: Domein
    met_subthemas: bool

    @property
    def label(self) -> str:
        if self.met_subthemas:
            return _("%s (met subthema's)") % self.domein.naam
        return self.domein.naam

    def past(self, verband: Samenwerkingsverband) -> bool:
        if self.met_subthemas:
            return any(d.hoofdthema_naam == self.domein.naam for d in verband.gelezen_domeinen)
        return any(d.pk == self.domein.pk for d in verband.gelezen_domeinen)


def domeinkeuzes(domeinen: Iterable[Domein]) -> dict[str, Domeinkeuze]:
    """What the domain filter offers, by code in the order of names: the domains the
    gemeente's rows have with the hoofdthema's of their subthema's
    (`selectors.met_hoofdthemas`)."""
    domeinen = sorted(domeinen, key=lambda d: sort_key(d.naam))
    met_subthemas = {d.hoofdthema_naam for d in domeinen if d.subthema_naam}
    return {d.code: Domeinkeuze(d, d.naam in met_subthemas) for d in domeinen}


def _naam(deelname: Deelname) -> tuple[tuple, int]:
    return (sort_key(deelname.samenwerkingsverband.naam), deelname.pk)


def gesorteerd(deelnames: list[Deelname], sorteer: str) -> list[Deelname]:
    """Rows by name, by form (in the order of the law) or by begrote bijdrage; `-` before the
    key reverses. Rows without a begrote bijdrage come last either way: onbekend is no 0."""
    aflopend = sorteer.startswith("-")
    sleutel = sorteer.lstrip("-")
    if sleutel == "bijdrage":
        bekend = sorted(
            (d for d in deelnames if d.bijdrage_begroot is not None),
            key=lambda d: (-d.bijdrage_begroot if aflopend else d.bijdrage_begroot, _naam(d)),
        )
        return bekend + sorted((d for d in deelnames if d.bijdrage_begroot is None), key=_naam)
    if sleutel == "vorm":
        volgorde = {code: i for i, code in enumerate(Vorm.values)}
        return sorted(
            deelnames,
            key=lambda d: (volgorde[d.samenwerkingsverband.vorm], _naam(d)),
            reverse=aflopend,
        )
    return sorted(deelnames, key=_naam, reverse=aflopend)


class Groep(selectors.Groep):
    """One group of the list with its subtotals of `jaar` (selectors.Groep) and how many rows
    have no amount (a subtotal over known amounts says so). Its table's label and subtotal
    line in words, translated here: as template tags, once per group, they cost more than the
    group's other cells together."""

    rijen: list["Rijweergave"]  # what each of its rows shows (`rijweergaven`)
    zonder_begroot: int
    zonder_gerealiseerd: int
    label: str  # of the table's scrollable region
    subtotaal: str  # "Subtotaal Jeugd: 3 samenwerkingsverbanden"


def _met_subtotaal(groep: selectors.Groep) -> Groep:
    rijen = groep["deelnames"]
    return Groep(
        **groep,
        rijen=[d.weergave for d in rijen],
        zonder_begroot=sum(d.bijdrage_begroot is None for d in rijen),
        zonder_gerealiseerd=sum(d.bijdrage_gerealiseerd is None for d in rijen),
        label=_("Samenwerkingsverbanden: %(g)s (tabel, horizontaal te scrollen)")
        % {"g": groep["naam"]},
        subtotaal=ngettext(
            "Subtotaal %(g)s: %(n)s samenwerkingsverband",
            "Subtotaal %(g)s: %(n)s samenwerkingsverbanden",
            len(rijen),
        )
        % {"g": groep["naam"], "n": len(rijen)},
    )


def groepen(deelnames: list[Deelname], indeling: str) -> list[Groep]:
    """Rows (already in their order, with their `rijweergaven`) grouped by form (in the order
    of the law), by domain or by motive (an arrangement with two domains or motives appears
    under both; those without one last)."""
    if indeling in ("domein", "motief"):
        return [_met_subtotaal(g) for g in selectors.deelnames_per_groep(deelnames, per=indeling)]
    per_vorm: dict[str, list[Deelname]] = {code: [] for code in Vorm.values}
    for deelname in deelnames:
        per_vorm[deelname.samenwerkingsverband.vorm].append(deelname)
    return [
        _met_subtotaal(selectors.groep(str(label), per_vorm[code]))
        for code, label in Vorm.choices
        if per_vorm[code]
    ]


class Rijweergave(TypedDict):
    """What one row of the list shows, most of it in words: made once per page by
    `rijweergaven`. A dict, as the other records the page's rows read here: the template
    finds a key at once, an attribute of a model or dataclass only after a failed key lookup
    (a caught exception, ~2 µs, some hundreds per page); the row reads only this (its
    `verband` only for raad/_uittreding.html)."""

    naam: str  # of the regeling
    afkorting: str
    link: str  # its page, with this gemeente, peildatum and jaar (link_vanaf_gemeente)
    verplicht: bool
    verbonden_partij: bool  # in the year (samenwerking.bbv)
    bbv_redenen: str
    begroot: Decimal | None  # the deelname's begrote bijdrage of the year
    begroot_vorig_jaar: Decimal | None
    gerealiseerd: Decimal | None
    oplegger: str  # the address of the oplegger, with peildatum and jaar
    vorm: str
    rol: str
    karakter: str  # in lower case, as a label; "" when not recorded
    organen: str  # "Gemeenteraad, Burgemeester"; "" when not recorded (shown as onbekend)
    vertegenwoordigers: list[tuple[str, str]]  # (naam, "wethouder, lid algemeen bestuur")
    verband: Samenwerkingsverband  # for raad/_uittreding.html


def rijweergaven(deelnames: list[Deelname], *, gemeente: Gemeente, peilquery: str) -> None:
    """Sets `weergave` (a Rijweergave) on each row. Done here, once per page, rather than
    per row in the template: each choice label is translated once per value (a page of 45
    rows asked gettext for ~300 labels), and the template reads one prepared value per cell
    instead of a lookup with filters."""
    vormen, rollen, karakters, organen, functies, zetelrollen = (
        Labels(keuzes)
        for keuzes in (Vorm, DeelnameRol, Karakter, DeelnemendOrgaan, Functie, ZetelRol)
    )

    @cache  # once per organ name and kind, as the labels above
    def orgaan(naam: str, soort: str) -> str:
        return Bestuursorgaan.benaming(naam, soort).lower()

    # reverse() per row cost as much as the rest of a row.
    opleggers = oplegger_adressen([d.samenwerkingsverband for d in deelnames], gemeente=gemeente)
    for deelname in deelnames:
        verband = deelname.samenwerkingsverband
        deelname.weergave = Rijweergave(
            naam=verband.naam,
            afkorting=verband.afkorting,
            link=verband.link_vanaf_gemeente,
            verplicht=verband.verplicht,
            verbonden_partij=deelname.verbonden_partij,
            bbv_redenen=deelname.bbv_redenen,
            begroot=deelname.bijdrage_begroot,
            begroot_vorig_jaar=deelname.bijdrage_begroot_vorig_jaar,
            gerealiseerd=deelname.bijdrage_gerealiseerd,
            oplegger=f"{opleggers[verband.pk]}?{peilquery}",
            vorm=vormen[verband.vorm],
            rol=rollen[deelname.rol],
            karakter=karakters[verband.karakter].lower() if verband.karakter else "",
            organen=", ".join(organen[code] for code in deelname.deelnemende_bestuursorganen),
            vertegenwoordigers=[
                (
                    zetel.persoon.naam,
                    f"{functies[zetel.functie].lower()}, "
                    f"{zetelrollen[zetel.rol].lower()} "
                    f"{orgaan(zetel.bestuursorgaan.naam, zetel.bestuursorgaan.soort)}",
                )
                for zetel in deelname.vertegenwoordigers
            ],
            verband=verband,
        )


class NaastAnderen(TypedDict):
    """One row of "per inwoner naast de andere deelnemers", in words (`naast_anderen`); a
    dict for the template (see Rijweergave)."""

    naam: str  # of the regeling
    link: str  # its page (link_vanaf_gemeente), at the comparison per inwoner
    eigen: str  # the gemeente's own begrote bijdrage per inwoner
    mediaan: str  # of the other gemeenten
    spreiding: str  # "€ 1,20 – € 3,40" or "onbekend"
    aantal: str  # "3 van 5" or "geen andere deelnemers"


def naast_anderen(
    verbanden: list[Samenwerkingsverband], cijfers: dict[int, EigenEnAnderen]
) -> list[NaastAnderen]:
    """The rows of the per-inwoner comparison (`selectors.per_inwoner_naast_anderen`) with
    their amounts written out, the fixed texts translated once per page. Each arrangement
    has its `link_vanaf_gemeente` (the view sets it)."""
    onbekend = _("onbekend")
    van = _("%(k)s van %(m)s")
    geen_anderen = _("geen andere deelnemers")
    rijen = []
    for verband in verbanden:
        n = cijfers.get(verband.pk)
        anderen = n.anderen if n else None
        rijen.append(
            NaastAnderen(
                naam=verband.naam,
                link=f"{verband.link_vanaf_gemeente}#per-inwoner",
                eigen=euro_cent(n.eigen_per_inwoner if n else None),
                mediaan=euro_cent(anderen.mediaan if anderen else None),
                spreiding=(
                    f"{euro_cent(anderen.laagste)} – {euro_cent(anderen.hoogste)}"
                    if anderen and anderen.met_cijfers
                    else onbekend
                ),
                aantal=(
                    van % {"k": anderen.met_cijfers, "m": anderen.aantal}
                    if anderen and anderen.aantal
                    else geen_anderen
                ),
            )
        )
    return rijen


class Sorteerkop(TypedDict):
    """A sortable column header: its link, the aria-sort value, what the link does and the
    arrow that shows the direction (" ▲", " ▼" or ""). The texts are escaped once, here: the
    same header stands above every group of the list. A dict for the template (see
    Rijweergave)."""

    adres: str
    aria_sort: str  # "ascending", "descending" or "" (not sorted on this column)
    uitleg: str
    pijl: str


def sorteerkoppen(keuzes: Lijstkeuzes) -> dict[str, Sorteerkop]:
    huidig = keuzes.sorteer.lstrip("-")
    aflopend = keuzes.sorteer.startswith("-")
    koppen = {}
    for kolom, eerste in KOLOMMEN.items():
        if kolom == huidig:
            volgende = kolom if aflopend else f"-{kolom}"
            aria = "descending" if aflopend else "ascending"
            uitleg = (
                _("gesorteerd aflopend; sorteer oplopend")
                if aflopend
                else _("gesorteerd oplopend; sorteer aflopend")
            )
            pijl = " ▼" if aflopend else " ▲"
        else:
            volgende, aria, pijl = f"{eerste}{kolom}", "", ""
            uitleg = _("sorteer aflopend") if eerste else _("sorteer oplopend")
        koppen[kolom] = Sorteerkop(
            adres=conditional_escape(keuzes.adres(sorteer=volgende)),
            aria_sort=conditional_escape(aria),
            uitleg=conditional_escape(uitleg),
            pijl=conditional_escape(pijl),
        )
    return koppen


def sorteeromschrijving(sorteer: str) -> str:
    return {
        "naam": _("naam (A–Z)"),
        "-naam": _("naam (Z–A)"),
        "vorm": _("vorm (in de volgorde van de wet)"),
        "-vorm": _("vorm (omgekeerde volgorde)"),
        "bijdrage": _("begrote bijdrage (laagste eerst; onbekend achteraan)"),
        "-bijdrage": _("begrote bijdrage (hoogste eerst; onbekend achteraan)"),
    }[sorteer]


def filteromschrijving(keuzes: Lijstkeuzes, domeinen: dict[str, Domeinkeuze]) -> list[str]:
    """The active filters in words, e.g. ["domein: Jeugd", "verbonden partij: ja"]."""
    delen = []
    if keuzes.karakter:
        delen.append(_("karakter: %s") % dict(KARAKTERKEUZES)[keuzes.karakter])
    if keuzes.domein:
        keuze = domeinen.get(keuzes.domein)
        delen.append(_("domein: %s") % (keuze.label if keuze else keuzes.domein))
    if keuzes.vorm:
        delen.append(_("vorm: %s") % Vorm(keuzes.vorm).label)
    if keuzes.verbonden_partij:
        delen.append(_("verbonden partij: %s") % dict(VERBONDEN_KEUZES)[keuzes.verbonden_partij])
    return delen


@dataclass(frozen=True)
class Zetelregel:
    zetel: Zetel
    deelname: Deelname


@dataclass(frozen=True)
class Vertegenwoordiger:
    """One person with every seat they hold on the gemeente's behalf, by arrangement name."""

    persoon: Persoon
    zetels: list[Zetelregel]


def vertegenwoordigers(deelnames: list[Deelname]) -> list[Vertegenwoordiger]:
    """Every person holding a seat for the gemeente (the rows' `vertegenwoordigers`), by
    name, each with all their seats across the regelingen."""
    per_persoon: dict[int, list[Zetelregel]] = {}
    personen: dict[int, Persoon] = {}
    for deelname in deelnames:
        for zetel in deelname.vertegenwoordigers:
            personen[zetel.persoon_id] = zetel.persoon
            per_persoon.setdefault(zetel.persoon_id, []).append(Zetelregel(zetel, deelname))
    return [
        Vertegenwoordiger(personen[pk], per_persoon[pk])
        for pk in sorted(personen, key=lambda pk: (sort_key(personen[pk].naam), pk))
    ]
