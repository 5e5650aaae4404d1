"""Import of OpenGR (Open State Foundation, March 2016, public domain): an optional historical
source beside the national register (see `historisch.py`: once the national register is
loaded, OpenGR's arrangements are historical mentions, linked to the register's regeling where
one matches, and never counted as running).

The files are not part of regioreg: the importer takes their paths (by default
`opengr/` in REGIOREG_BRONNEN). `opengr_provincies.csv` has one row per participant of a
gemeenschappelijke regeling as the 12 provinces reported them in 2015;
`dsta_gemeenschappelijke_regelingen.csv` (the treasury-banking list) adds address and CBS GR
code. The files are messy: 2015 names,
typing errors, text once read in the wrong encoding, provinces and waterschappen among the
gemeenten. The import:

- recognises each participant as a gemeente that existed in 2015–2016 (exact name, then the
  normalised name of `normalisatie.py`; an ambiguous name such as `Bergen` is settled by the
  reporting province), as a gemeente merged before 2016 under its old name
  (`namen_voor_2016.csv`), or as an Organisatie of the kind its name shows (provincie,
  waterschap, Rijk, German bodies, other public bodies, private parties). Anything else is
  reported with the closest names and not imported.
- makes one Samenwerkingsverband per regeling name and place (the same name in two places is
  two regelingen), joined to the DSTA list by name for address, seat and CBS GR code. An
  arrangement that is already in the register (same CBS GR code, or same name and place) is
  reused; only its empty fields are filled.
- chooses a vorm, which OpenGR does not give: the one the name states (bedrijfsvoerings-
  organisatie, gemeenschappelijk orgaan, openbaar lichaam, centrumregeling with the gemeente at
  its address as centrumgemeente), otherwise openbaar lichaam. The provinces reported the
  regelingen under their financial supervision (Wgr art. 35), which applies to regelingen with
  their own budget, and the DSTA list is of bodies that bank with the treasury: regelingen
  with a legal personality and their own money, which is the openbaar lichaam far more often
  than the bedrijfsvoeringsorganisatie (only possible since 2015). The assumption is marked in
  `bron` so that a secretary can find and correct it.
- gives each participant one deelname per regeling with unknown dates, then applies the
  recorded herindelingen, so that a membership of Weesp continues under Amsterdam from
  2022-03-24 and one of Haaren under its four successors from 2021-01-01.

Every row it creates has bron "OpenGR 2016". A second run finds everything in place and
changes nothing; a dry run rolls everything back and reports what it would have done.
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from . import services
from .constants import BRON_OPENGR, Vorm
from .deelnemers import Organisaties
from .herindeling import HerindelingVerslag, herindelingen_toepassen
from .historisch import HistorischVerslag, historische_vermeldingen_bijwerken
from .models import Deelname, Gemeente, Herindeling, Organisatie, Samenwerkingsverband
from .normalisatie import (
    Namenlijst,
    herstel_mojibake,
    normaliseer_naam,
    organisatie_soort,
    regeling_sleutel,
)
from .periode import periode_overlapt_q
from .referentiedata import FIXTURES, ReferentiedataFout, lees_csv

OPENGR_BESTAND = "opengr_provincies.csv"
DSTA_BESTAND = "dsta_gemeenschappelijke_regelingen.csv"
# Our own compiled table (names of gemeenten merged before 2016), kept in fixtures/.
NAMEN_VOOR_2016_PAD = FIXTURES / "opengr" / "namen_voor_2016.csv"
OPENGR_KOLOMMEN = ["Deelnemer", "Gemeenschappelijke regeling", "Postcode", "Plaats", "Provincie"]
DSTA_KOLOMMEN = ["DSTA_GR_naam", "Adres", "Postcode", "Plaats", "CBS_GR_naam", "CBS_GR_code"]
NAMEN_VOOR_2016_KOLOMMEN = ["naam", "opgeheven", "opvolger_cbs_code", "opvolger_naam"]

# The provinces answered in 2015; the participants are gemeenten that existed in 2015 or 2016.
PERIODE = (datetime.date(2015, 1, 1), datetime.date(2017, 1, 1))

BRON = BRON_OPENGR
BRON_VORM_AANGENOMEN = f"{BRON_OPENGR}; vorm aangenomen: openbaar lichaam"
BRON_CENTRUMGEMEENTE_UIT_ADRES = f"{BRON_OPENGR}; centrumgemeente afgeleid uit het adres"

GEMEENTE = "gemeente"
ORGANISATIE = "organisatie"
NIET_GEVONDEN = "niet gevonden"

# A short code between brackets at the end of a name: (ARCG), (BsGW), (RUD NHN).
_AFKORTING = re.compile(
    r"\s*\(((?:[A-Za-z0-9&/.-]*[A-Z][A-Za-z0-9&/.-]*[A-Z][A-Za-z0-9&/.-]*)"
    r"|(?:[A-Z0-9&/.-]+(?: [A-Z0-9&/.-]+)+))\)$"
)


_TUSSEN_HAAKJES_AAN_EIND = re.compile(r"\s*\([^)]*\)$")


@dataclass
class Regel:
    """One row of the OpenGR file and what the import made of its participant."""

    regel: int
    deelnemer: str
    regeling: str
    uitkomst: str = NIET_GEVONDEN
    methode: str = ""
    gemeenten: list[Gemeente] = field(default_factory=list)
    organisatie: Organisatie | None = None
    kandidaten: list[str] = field(default_factory=list)
    dubbel: list[Gemeente] = field(default_factory=list)  # gemeenten an ambiguous name fits
    samenwerkingsverband: Samenwerkingsverband | None = None


@dataclass
class Verslag:
    regels: list[Regel] = field(default_factory=list)
    verbanden_nieuw: int = 0
    verbanden_bijgewerkt: int = 0
    verbanden_ongewijzigd: int = 0
    dsta_gekoppeld: int = 0
    organisaties_nieuw: int = 0
    deelnames_nieuw: int = 0
    herindeling: HerindelingVerslag = field(default_factory=HerindelingVerslag)
    historisch: HistorischVerslag = field(default_factory=HistorischVerslag)
    opmerkingen: list[str] = field(default_factory=list)
    proef: bool = False

    def aantal(self, uitkomst: str) -> int:
        return sum(1 for r in self.regels if r.uitkomst == uitkomst)

    @property
    def niet_gevonden(self) -> list[Regel]:
        return [r for r in self.regels if r.uitkomst == NIET_GEVONDEN]

    @property
    def percentage_gemeenten(self) -> float:
        """Share of the gemeente rows (recognised or not) that reached a gemeente."""
        gemeenten = self.aantal(GEMEENTE)
        return 100 * gemeenten / ((gemeenten + self.aantal(NIET_GEVONDEN)) or 1)

    @property
    def iets_gewijzigd(self) -> bool:
        return bool(
            self.verbanden_nieuw
            or self.verbanden_bijgewerkt
            or self.organisaties_nieuw
            or self.deelnames_nieuw
            or self.herindeling.iets_gewijzigd
            or self.historisch.iets_gewijzigd
        )


def _lees(pad: Path, kolommen: list[str]) -> list[tuple[int, dict[str, str]]]:
    """Rows with text repaired (wrong encoding) and whitespace collapsed."""
    return [
        (regel, {k: " ".join(herstel_mojibake(v or "").split()) for k, v in rij.items()})
        for regel, rij in lees_csv(pad, kolommen)
    ]


def naam_en_afkorting(naam: str) -> tuple[str, str]:
    """`Regio Achterhoek (RA)` → (`Regio Achterhoek`, `RA`); other names stay whole."""
    gevonden = _AFKORTING.search(naam)
    if not gevonden or len(gevonden.group(1)) > 50:
        return naam, ""
    return naam[: gevonden.start()], gevonden.group(1)


class _Herkenning:
    """Recognises participants: gemeenten of 2015–2016, old names, organisations."""

    def __init__(self, namen_voor_2016_pad: Path):
        begin, eind = PERIODE
        self.gemeenten = Namenlijst(
            Gemeente.objects.filter(periode_overlapt_q(begin, eind, "begindatum", "einddatum")),
            naam=lambda g: g.naam,
        )
        self.organisaties = Organisaties()
        per_code = {g.cbs_code: g for g in Gemeente.objects.all()}
        oude_namen = []
        for regel, rij in _lees(namen_voor_2016_pad, NAMEN_VOOR_2016_KOLOMMEN):
            opvolger = per_code.get(rij["opvolger_cbs_code"])
            if opvolger is None or normaliseer_naam(opvolger.naam) != normaliseer_naam(
                rij["opvolger_naam"]
            ):
                raise ReferentiedataFout(
                    f"{namen_voor_2016_pad.name}, regel {regel}, kolom opvolger_cbs_code: "
                    f"{rij['opvolger_cbs_code']} is niet de gemeente {rij['opvolger_naam']}."
                )
            oude_namen.append((rij["naam"], rij["opgeheven"][:4], opvolger))
        self.oude_namen = Namenlijst(oude_namen, naam=lambda r: r[0])

    def herken(self, regel: Regel, gemelde_provincie: str) -> None:
        soort = organisatie_soort(regel.deelnemer)
        if soort:
            self._als_organisatie(regel, soort)
            return
        gevonden = self.gemeenten.zoek(regel.deelnemer)
        exact = all(g.naam == regel.deelnemer for g in gevonden)
        methode = "exact" if exact else "genormaliseerd"
        if len(gevonden) > 1:
            provincie = self.organisaties.provincie(gemelde_provincie)
            in_provincie = [g for g in gevonden if provincie and g.provincie_id == provincie.pk]
            if len(in_provincie) != 1:
                regel.dubbel = gevonden
                regel.kandidaten = [g.naam for g in gevonden]
                return
            gevonden, methode = in_provincie, "genormaliseerd, provincie van de melder"
        if not gevonden:
            oud = self.oude_namen.zoek(regel.deelnemer)
            gevonden = [opvolger for _naam, _jaar, opvolger in oud]
            if oud:
                methode = f"naam van vóór 2016 (opgeheven in {oud[0][1]})"
        if gevonden:
            regel.uitkomst, regel.methode, regel.gemeenten = GEMEENTE, methode, gevonden

    @staticmethod
    def dubbele_namen_oplossen(regels: list[Regel]) -> None:
        """An ambiguous name (`Bergen`) is the one candidate that lies in a province of the
        regeling's other gemeenten (Bergen (L.) in Euregio Rijn-Waal), if there is one."""
        provincies = {g.provincie_id for r in regels for g in r.gemeenten}
        for regel in regels:
            passend = [g for g in regel.dubbel if g.provincie_id in provincies]
            if len(passend) == 1:
                regel.uitkomst, regel.gemeenten, regel.kandidaten = GEMEENTE, passend, []
                regel.methode = "genormaliseerd, provincie van de andere deelnemers"

    def kandidaten_zoeken(self, regels: list[Regel]) -> None:
        """The closest names (gemeenten, old names, organisations) for rows not recognised."""
        namen = Namenlijst(
            [*self.gemeenten.namen, *self.oude_namen.namen, *self.organisaties.namen]
        )
        for regel in regels:
            if regel.uitkomst == NIET_GEVONDEN and not regel.kandidaten:
                regel.kandidaten = namen.dichtstbij(regel.deelnemer)

    def _als_organisatie(self, regel: Regel, soort: str) -> None:
        regel.organisatie = self.organisaties.zoek_of_maak(regel.deelnemer, soort)
        if regel.organisatie is None:
            regel.kandidaten = [
                f"Provincie {n}" for n in self.organisaties.provincies.dichtstbij(regel.deelnemer)
            ]
            return
        regel.uitkomst, regel.methode = ORGANISATIE, regel.organisatie.get_soort_display()


@dataclass
class _Regeling:
    """The rows of one regeling (same name and place) in the OpenGR file."""

    namen: list[str]
    postcode: str
    plaats: str
    regels: list[Regel] = field(default_factory=list)


def _vorm(naam: str, plaats: str, regels: list[Regel]) -> tuple[str, Gemeente | None, str]:
    """The vorm, centrumgemeente and bron for a regeling from OpenGR (see the module doc)."""
    tekst = normaliseer_naam(naam)
    if "bedrijfsvoeringsorganisatie" in tekst:
        return Vorm.BEDRIJFSVOERINGSORGANISATIE, None, BRON
    if tekst.startswith("gemeenschappelijk orgaan"):
        return Vorm.GEMEENSCHAPPELIJK_ORGAAN, None, BRON
    if tekst.startswith("openbaar lichaam"):
        return Vorm.OPENBAAR_LICHAAM, None, BRON
    if tekst.startswith(("centrumregeling", "centrum regeling")):
        op_adres = {
            g
            for r in regels
            for g in r.gemeenten
            if normaliseer_naam(g.naam) == normaliseer_naam(plaats)
        }
        if len(op_adres) == 1:
            return Vorm.CENTRUMGEMEENTE, op_adres.pop(), BRON_CENTRUMGEMEENTE_UIT_ADRES
    return Vorm.OPENBAAR_LICHAAM, None, BRON_VORM_AANGENOMEN


def standaard_map() -> Path | None:
    """The OpenGR folder among the external sources (REGIOREG_BRONNEN/opengr), if there."""
    if settings.REGIOREG_BRONNEN and (Path(settings.REGIOREG_BRONNEN) / "opengr").is_dir():
        return Path(settings.REGIOREG_BRONNEN) / "opengr"
    return None


def opengr_importeren(
    *,
    opengr_pad: Path,
    dsta_pad: Path,
    namen_voor_2016_pad: Path = NAMEN_VOOR_2016_PAD,
    proef: bool = False,
) -> Verslag:
    """Import the OpenGR files; with `proef` (dry run) nothing stays written. When the
    national register is loaded, the arrangements become historical mentions."""
    with transaction.atomic():
        verslag = _importeren(opengr_pad, dsta_pad, namen_voor_2016_pad)
        verslag.historisch = historische_vermeldingen_bijwerken(peildatum=timezone.localdate())
        verslag.proef = proef
        if proef:
            transaction.set_rollback(True)
    return verslag


def _importeren(opengr_pad: Path, dsta_pad: Path, namen_voor_2016_pad: Path) -> Verslag:
    verslag = Verslag()
    herkenning = _Herkenning(namen_voor_2016_pad)
    regelingen: dict[tuple[str, str], _Regeling] = {}
    for nummer, rij in _lees(opengr_pad, OPENGR_KOLOMMEN):
        naam = rij["Gemeenschappelijke regeling"]
        regel = Regel(regel=nummer, deelnemer=rij["Deelnemer"], regeling=naam)
        herkenning.herken(regel, rij["Provincie"])
        verslag.regels.append(regel)
        sleutel = (regeling_sleutel(naam), normaliseer_naam(rij["Plaats"]))
        regeling = regelingen.setdefault(
            sleutel,
            _Regeling(
                namen=[],
                # Foreign postcodes carry the country: `47533 (Duitsland)`.
                postcode=_TUSSEN_HAAKJES_AAN_EIND.sub("", rij["Postcode"]),
                plaats=rij["Plaats"],
            ),
        )
        if naam not in regeling.namen:
            regeling.namen.append(naam)
        regeling.regels.append(regel)
    for regeling in regelingen.values():
        herkenning.dubbele_namen_oplossen(regeling.regels)
    herkenning.kandidaten_zoeken(verslag.regels)

    verslag.organisaties_nieuw = herkenning.organisaties.opslaan()

    verbanden = _verbanden_opslaan(regelingen, dsta_pad, verslag)
    _deelnames_opslaan(regelingen, verbanden, verslag)
    verslag.herindeling = herindelingen_toepassen(
        samenwerkingsverbanden=[v.pk for v in verbanden.values()]
    )
    return verslag


def _dsta_index(dsta_pad: Path) -> dict[str, dict[str, str]]:
    """DSTA rows by regeling_sleutel of either of their names; a row with a CBS code wins."""
    index: dict[str, dict[str, str]] = {}
    for _regel, rij in _lees(dsta_pad, DSTA_KOLOMMEN):
        for naam in {rij["DSTA_GR_naam"], rij["CBS_GR_naam"]} - {""}:
            sleutel = regeling_sleutel(naam)
            if sleutel not in index or (rij["CBS_GR_code"] and not index[sleutel]["CBS_GR_code"]):
                index[sleutel] = rij
    return index


def _verbanden_opslaan(
    regelingen: dict[tuple[str, str], _Regeling], dsta_pad: Path, verslag: Verslag
) -> dict[tuple[str, str], Samenwerkingsverband]:
    dsta = _dsta_index(dsta_pad)
    # An arrangement of the national register is never reused: it is the source for what it
    # holds. OpenGR's own arrangement is linked to it afterwards (historisch.py).
    bestaand = list(
        Samenwerkingsverband.objects.filter(roo_systeem_id__isnull=True, versies__isnull=True)
    )
    per_code = {v.cbs_gr_code: v for v in bestaand if v.cbs_gr_code}
    per_naam: dict[str, list[Samenwerkingsverband]] = {}
    for verband in bestaand:
        per_naam.setdefault(regeling_sleutel(verband.naam), []).append(verband)

    verbanden, nieuw, bijgewerkt = {}, [], []
    for (naam_sleutel, plaats_sleutel), regeling in regelingen.items():
        rij = dsta.get(naam_sleutel)
        verslag.dsta_gekoppeld += rij is not None
        gegevens = {
            "adres": rij["Adres"] if rij else "",
            "postcode": (rij and rij["Postcode"]) or regeling.postcode,
            "vestigingsplaats": (rij and rij["Plaats"]) or regeling.plaats,
            "cbs_gr_code": (rij and rij["CBS_GR_code"]) or None,
        }
        plaatsen = {plaats_sleutel, normaliseer_naam(gegevens["vestigingsplaats"]), ""}
        verband = per_code.get(gegevens["cbs_gr_code"]) or next(
            (
                v
                for v in per_naam.get(naam_sleutel, [])
                if normaliseer_naam(v.vestigingsplaats) in plaatsen
            ),
            None,
        )
        if gegevens["cbs_gr_code"] in per_code and per_code[gegevens["cbs_gr_code"]] != verband:
            verslag.opmerkingen.append(
                f"{regeling.namen[0]}: CBS GR-code {gegevens['cbs_gr_code']} hoort al bij "
                f"{per_code[gegevens['cbs_gr_code']]}; niet overgenomen."
            )
            gegevens["cbs_gr_code"] = None
        if verband is None:
            naam, afkorting = next(
                (naam_en_afkorting(n) for n in regeling.namen if naam_en_afkorting(n)[1]),
                (regeling.namen[0], ""),
            )
            vorm, centrumgemeente, bron = _vorm(naam, regeling.plaats, regeling.regels)
            verband = Samenwerkingsverband(
                naam=naam,
                afkorting=afkorting,
                vorm=vorm,
                centrumgemeente=centrumgemeente,
                bron=bron,
                **gegevens,
            )
            nieuw.append(verband)
        else:
            leeg = {k: v for k, v in gegevens.items() if v and not getattr(verband, k)}
            for veld, waarde in leeg.items():
                setattr(verband, veld, waarde)
            if leeg:
                bijgewerkt.append(verband)
            else:
                verslag.verbanden_ongewijzigd += 1
        if verband.cbs_gr_code:
            per_code[verband.cbs_gr_code] = verband
        per_naam.setdefault(naam_sleutel, []).append(verband)
        verbanden[(naam_sleutel, plaats_sleutel)] = verband
    services.rijen_opslaan(model=Samenwerkingsverband, rijen=[*bijgewerkt, *nieuw])
    verslag.verbanden_bijgewerkt, verslag.verbanden_nieuw = len(bijgewerkt), len(nieuw)
    for sleutel, regeling in regelingen.items():
        for regel in regeling.regels:
            regel.samenwerkingsverband = verbanden[sleutel]
    return verbanden


def _deelnames_opslaan(
    regelingen: dict[tuple[str, str], _Regeling],
    verbanden: dict[tuple[str, str], Samenwerkingsverband],
    verslag: Verslag,
) -> None:
    """One deelname per participant per regeling, unless it already has one (any period)."""
    al = set(
        Deelname.objects.filter(samenwerkingsverband__in=verbanden.values()).values_list(
            "samenwerkingsverband_id", "gemeente_id", "organisatie_id"
        )
    )
    nieuw = []
    for sleutel, regeling in regelingen.items():
        verband = verbanden[sleutel]
        for regel in regeling.regels:
            deelnemers = [(g, None) for g in regel.gemeenten]
            if regel.organisatie:
                deelnemers.append((None, regel.organisatie))
            for gemeente, organisatie in deelnemers:
                kenmerk = (verband.pk, gemeente and gemeente.pk, organisatie and organisatie.pk)
                if kenmerk in al:
                    continue
                al.add(kenmerk)
                nieuw.append(
                    Deelname(
                        samenwerkingsverband=verband,
                        gemeente=gemeente,
                        organisatie=organisatie,
                        bron=BRON,
                    )
                )
    verslag.deelnames_nieuw = len(services.rijen_opslaan(model=Deelname, rijen=nieuw))


def huidige_gemeenten(gemeente: Gemeente, opvolgers: dict[int, list[Gemeente]]) -> list[Gemeente]:
    """Where `gemeente` ended up today, following herindelingen (`opvolgers` by old pk)."""
    if gemeente.pk not in opvolgers:
        return [gemeente]
    return [h for o in opvolgers[gemeente.pk] for h in huidige_gemeenten(o, opvolgers)]


def rapport_rijen(verslag: Verslag) -> list[list]:
    """The import report: a header and one row per row of the OpenGR file."""
    opvolgers: dict[int, list[Gemeente]] = {}
    for herindeling in Herindeling.objects.select_related("nieuwe_gemeente"):
        opvolgers.setdefault(herindeling.oude_gemeente_id, []).append(herindeling.nieuwe_gemeente)
    rijen = [
        [
            "regel",
            "deelnemer",
            "regeling",
            "uitkomst",
            "hoe",
            "gemeente_2016",
            "gemeente_nu",
            "organisatie",
            "kandidaten",
        ]
    ]
    for r in verslag.regels:
        nu = {h for g in r.gemeenten for h in huidige_gemeenten(g, opvolgers)}
        rijen.append(
            [
                r.regel,
                r.deelnemer,
                r.regeling,
                r.uitkomst,
                r.methode,
                ", ".join(f"{g.naam} ({g.cbs_code})" for g in r.gemeenten),
                ", ".join(sorted(f"{g.naam} ({g.cbs_code})" for g in nu)),
                r.organisatie.naam if r.organisatie else "",
                " | ".join(r.kandidaten),
            ]
        )
    return rijen
