"""The report of an import of the national register: what changed per regeling (nieuw,
gewijzigd, beëindigd), the conflicts with hand edits, what could not land, and notes."""

import datetime
from dataclasses import dataclass, field
from enum import StrEnum

from regioreg.collation import sort_key

from ..historisch import HistorischVerslag
from ..normalisatie import zichtbaar
from ..registerstand import Verschil
from ..tekst import datum_tekst


class Wijzigingssoort(StrEnum):
    """What an import did to a regeling or its deelnames; a conflict is a hand edit that the
    register would have changed and that stays."""

    NIEUW = "nieuw"
    GEWIJZIGD = "gewijzigd"
    BEEINDIGD = "beëindigd"
    CONFLICT = "conflict"


VELDNAMEN = {
    "naam": "naam",
    "citeertitel": "citeertitel",
    "afkorting": "afkorting",
    "vorm": "vorm",
    "bevoegdheidsverkrijgingen": "bevoegdheidsverkrijging",
    "doel": "doel",
    "adres": "adres",
    "postcode": "postcode",
    "vestigingsplaats": "vestigingsplaats",
    "website": "website",
    "ingangsdatum": "datum inwerkingtreding",
    "einddatum": "datum uitwerkingtreding",
    "bronhouder": "bronhouder",
    "archiefzorgdrager": "archiefzorgdrager",
    "uitvoerende_organisatie_id": "uitvoerende organisatie",
    "centrumgemeente_id": "centrumgemeente",
    "toetredingsdatum": "toetredingsdatum",
    "uittredingsdatum": "uittredingsdatum",
    "verdeelsleutel": "verdeelsleutel",
    "deelnemende_bestuursorganen": "deelname via",
    "aantal": "aantal inwoners",
    "telefoon": "telefoon",
    "email": "e-mailadres",
    "verplicht": "wettelijk verplicht",
    "verplicht_grondslag": "grondslag van de verplichting",
}


def waarde_tekst(veld: str, waarde) -> str:
    if isinstance(waarde, bool):
        return "ja" if waarde else "nee"
    if waarde in (None, "", []):
        return "leeg"
    if isinstance(waarde, list):
        return ", ".join(str(w) for w in waarde)
    tekst = str(waarde)
    return f"„{tekst[:80]}…”" if len(tekst) > 80 else f"„{tekst}”"


def verschil_tekst(v: Verschil) -> str:
    veld = VELDNAMEN.get(v.veld, v.veld)
    if v.veld in ("doel", "uitvoerende_organisatie_id", "centrumgemeente_id"):
        return f"{veld} gewijzigd"
    if isinstance(v.oud, str) and isinstance(v.nieuw, str) and zichtbaar(v.oud) == v.nieuw:
        # Read by an earlier regioreg, the value held characters that show nothing: "„X” → „X”"
        # would look like no change at all.
        nieuw = waarde_tekst(v.veld, v.nieuw)
        return f"{veld}: {nieuw}, zonder de onzichtbare tekens die erin stonden"
    return f"{veld}: {waarde_tekst(v.veld, v.oud)} → {waarde_tekst(v.veld, v.nieuw)}"


def conflict_tekst(v: Verschil) -> str:
    veld = VELDNAMEN.get(v.veld, v.veld)
    return (
        f"{veld} is in regioreg met de hand gewijzigd ({waarde_tekst(v.veld, v.oud)}); het "
        f"register zegt {waarde_tekst(v.veld, v.nieuw)}. De waarde in regioreg is behouden."
    )


@dataclass
class Wijziging:
    soort: Wijzigingssoort
    regeling: str
    systeem_id: int | None
    omschrijving: str


@dataclass
class Wijzigingen:
    """The changes an import records for its report, one `wijzig` call each: per regeling in
    its Plan (kept only once the regeling is written) and for the whole import in RooVerslag."""

    wijzigingen: list[Wijziging] = field(default_factory=list, kw_only=True)

    def wijzig(
        self, soort: Wijzigingssoort, verband_naam: str, systeem_id, omschrijving: str
    ) -> None:
        self.wijzigingen.append(Wijziging(soort, verband_naam, systeem_id, omschrijving))


@dataclass
class NietIngelezen:
    regel: int
    systeem_id: int | None
    titel: str
    redenen: list[str]


@dataclass
class RooVerslag(Wijzigingen):
    stand: datetime.datetime | None = None
    bestanden: list[str] = field(default_factory=list)
    proef: bool = False
    niet_ingelezen: list[NietIngelezen] = field(default_factory=list)
    aandachtspunten: list[str] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)
    versies_gelezen: int = 0
    regelingen_nieuw: int = 0
    regelingen_gewijzigd: int = 0
    regelingen_ongewijzigd: int = 0
    regelingen_lopend: int = 0
    versies_nieuw: int = 0
    deelnames_nieuw: int = 0
    deelnames_gewijzigd: int = 0
    deelnames_beeindigd: int = 0
    organisaties_nieuw: int = 0
    organisaties_gewijzigd: int = 0
    domeinen_nieuw: int = 0
    domeinen_gewijzigd: int = 0  # renamed in the thesaurus, or given their TOOI-begrip
    gemeenten_gekoppeld: int = 0
    inwonertallen_nieuw: int = 0
    inwonertallen_gewijzigd: int = 0
    overige_wijzigingen: int = 0  # metadata of versions, register state of rows
    # Gemeente rows in regelingen running on the export's date, and how many of them land
    # as a running deelname of a current gemeente.
    gemeenterijen_lopend: int = 0
    gemeenterijen_geland: int = 0
    historisch: HistorischVerslag = field(default_factory=HistorischVerslag)

    @property
    def conflicten(self) -> list[Wijziging]:
        return [w for w in self.wijzigingen if w.soort == Wijzigingssoort.CONFLICT]

    @property
    def iets_gewijzigd(self) -> bool:
        return bool(
            [w for w in self.wijzigingen if w.soort != Wijzigingssoort.CONFLICT]
            or self.organisaties_nieuw
            or self.organisaties_gewijzigd
            or self.domeinen_nieuw
            or self.domeinen_gewijzigd
            or self.gemeenten_gekoppeld
            or self.inwonertallen_nieuw
            or self.inwonertallen_gewijzigd
            or self.overige_wijzigingen
            or self.historisch.iets_gewijzigd
        )

    @property
    def dekking(self) -> float | None:
        if not self.gemeenterijen_lopend:
            return None
        return 100 * self.gemeenterijen_geland / self.gemeenterijen_lopend

    def per_regeling(self) -> list[tuple[str, int | None, list[Wijziging]]]:
        groepen: dict[tuple, list[Wijziging]] = {}
        for w in self.wijzigingen:
            groepen.setdefault((w.regeling, w.systeem_id), []).append(w)
        return [
            (naam, sid, lijst)
            for (naam, sid), lijst in sorted(groepen.items(), key=lambda g: sort_key(g[0][0]))
        ]


def verslagregels(verslag: RooVerslag) -> list[str]:
    """The report in Dutch, one line each (the command prints it; Bronimport keeps it)."""
    regels = []
    if verslag.stand:
        regels.append(f"Stand van het register: {datum_tekst(verslag.stand.date())}")
    regels.append(
        f"Regelingen: {verslag.regelingen_nieuw} nieuw, {verslag.regelingen_gewijzigd} "
        f"gewijzigd, {verslag.regelingen_ongewijzigd} ongewijzigd ({verslag.versies_gelezen} "
        f"versies gelezen, {verslag.regelingen_lopend} regelingen lopend); niet ingelezen: "
        f"{len(verslag.niet_ingelezen)}"
    )
    regels.append(
        f"Deelnames: {verslag.deelnames_nieuw} nieuw, {verslag.deelnames_gewijzigd} gewijzigd, "
        f"{verslag.deelnames_beeindigd} beëindigd; organisaties: {verslag.organisaties_nieuw} "
        f"nieuw, {verslag.organisaties_gewijzigd} bijgewerkt; domeinen: {verslag.domeinen_nieuw} "
        f"nieuw, {verslag.domeinen_gewijzigd} bijgewerkt"
    )
    if (
        verslag.gemeenten_gekoppeld
        or verslag.inwonertallen_nieuw
        or verslag.inwonertallen_gewijzigd
    ):
        regels.append(
            f"Gemeenten: {verslag.gemeenten_gekoppeld} gekoppeld aan hun systeemId; "
            f"inwonertallen: {verslag.inwonertallen_nieuw} nieuw, "
            f"{verslag.inwonertallen_gewijzigd} gewijzigd"
        )
    if verslag.dekking is not None:
        regels.append(
            f"Gemeenten in lopende regelingen: {verslag.gemeenterijen_geland} van "
            f"{verslag.gemeenterijen_lopend} deelnemersregels zijn een lopende deelname van een "
            f"gemeente van nu ({verslag.dekking:.1f}%)".replace(".", ",")
        )
    if verslag.historisch.iets_gewijzigd:
        regels.append(verslag.historisch.samenvatting())
    return regels
