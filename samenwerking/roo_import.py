"""The national register brought into regioreg and kept in step with it.

The register (Register van Overheidsorganisaties, Wgr art. 136) is the source for what it
holds. An import of its export (`roo.py` reads the files):

- recognises everything by identifier, never by name: a gemeente by its TOOI code
  (`…/gemeente/gm0344` → GM0344) or by the register's systeemId of the gemeente, a regeling
  by the systeemIds of its versions, any other body by its systeemId. A gemeente that has
  since merged is carried to its successor(s) through the herindelingen. A participant that
  is not a Dutch gemeente becomes or reuses an Organisatie;
- makes one Samenwerkingsverband per regeling with its versions (`Regelingversie`), and from
  the newest version: citeertitel, vorm, doel, bevoegdheidsverkrijging, bevoegdheden,
  wettelijke grondslagen, instellingsbesluiten (documents), beleidsterreinen (domeinen),
  bronhouder, archiefzorgdrager and the executing body (an Organisatie with address and
  contact); per deelnemer the toetredingsdatum, verdeelsleutel and the bestuursorganen
  through which it takes part (`roo_deelnames.py` works out the periods);
- loads each gemeente's aantalInwoners as its Inwonertal of the export's year;
- keeps in step (`registerstand.py`): a second run with the same files changes nothing; a
  newer export changes what the register changed and reports it per regeling (nieuw,
  gewijzigd, beëindigd); what people entered (bijdragen, zetels, jaarcijfers, documents,
  kaders, rows the register never listed) is never deleted or overwritten, and a field the
  register fed that was since edited by hand is reported as a conflict and kept;
- never stops on the data: a regeling that truly cannot land is reported with its line and
  reason, the rest lands. Every change is in the history with the import as its reason.
"""

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify

from . import services
from .constants import BRON_ROO, DocumentSoort, OrganisatieSoort, Vorm
from .geschiedenis import reden, wijzigingsreden
from .historisch import HistorischVerslag, historische_vermeldingen_bijwerken
from .models import (
    Bevoegdheid,
    Bronimport,
    Deelname,
    Document,
    Domein,
    Gemeente,
    Herindeling,
    Inwonertal,
    Organisatie,
    Provincie,
    Regelingversie,
    Samenwerkingsverband,
    WettelijkeGrondslag,
    Zetel,
)
from .normalisatie import ROEPNAMEN, normaliseer_naam, organisatie_soort, zonder_accenten
from .registerstand import Verschil, als_json, lijst_bijwerken, waarden_toepassen
from .roo import Adres, Deelnemer, Regeling, RooExport, Verwijzing, bestanden_lezen
from .roo import Organisatie as RooOrganisatie
from .roo_deelnames import GewensteDeelname, gewenste_deelnames, koppelen

REDEN = "manage.py importeer_roo"
BRON_REGELINGEN = "ROO"
BRON_GEMEENTEN = "ROO-gemeenten"

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
}
# A participant without a TOOI code whose name shows a foreign government (a Dutch gemeente or
# provincie always has a TOOI code; without one, "Gemeente Beveren" is Belgian).
_BUITENLANDS = re.compile(
    r"^(gemeinde|stadt|landeshauptstadt|kreis|landkreis|samtgemeinde|bezirksregierung|"
    r"land |duitstalige|gemeente|provincie|stad |ville|commune|province|provinz)"
    r"|(zweckverband|landschaftsverband|handelskammer|rhein-kreis)"
)
_PRIVAAT = re.compile(r"\b(cooperatie|cooperatieve|stichting|vereniging|bv|nv)\b")
_url = URLValidator()


def _geldige_url(url: str, max_lengte: int = 500) -> str:
    url = (url or "").strip()
    if not url or len(url) > max_lengte:
        return ""
    try:
        _url(url)
    except ValidationError:
        return ""
    return url


def _datum(d: datetime.date | None) -> str:
    return date_format(d, "j F Y") if d else "onbekend"


def _waarde(veld: str, waarde) -> str:
    if waarde in (None, "", []):
        return "leeg"
    if isinstance(waarde, list):
        return ", ".join(str(w) for w in waarde)
    tekst = str(waarde)
    return f"„{tekst[:80]}…”" if len(tekst) > 80 else f"„{tekst}”"


# --- Report ---------------------------------------------------------------------------------


@dataclass
class Wijziging:
    soort: str  # nieuw, gewijzigd, beëindigd or conflict
    regeling: str
    systeem_id: int | None
    omschrijving: str


@dataclass
class NietIngelezen:
    regel: int
    systeem_id: int | None
    titel: str
    redenen: list[str]


@dataclass
class RooVerslag:
    stand: datetime.datetime | None = None
    bestanden: list[str] = field(default_factory=list)
    proef: bool = False
    wijzigingen: list[Wijziging] = field(default_factory=list)
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
        return [w for w in self.wijzigingen if w.soort == CONFLICT]

    @property
    def iets_gewijzigd(self) -> bool:
        return bool(
            [w for w in self.wijzigingen if w.soort != CONFLICT]
            or self.organisaties_nieuw
            or self.organisaties_gewijzigd
            or self.domeinen_nieuw
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
            for (naam, sid), lijst in sorted(groepen.items(), key=lambda g: g[0][0])
        ]

    def wijzig(self, soort: str, verband_naam: str, systeem_id, omschrijving: str) -> None:
        self.wijzigingen.append(Wijziging(soort, verband_naam, systeem_id, omschrijving))


# --- Entry points ---------------------------------------------------------------------------


def roo_importeren(*, export: RooExport, proef: bool = False) -> RooVerslag:
    """Bring `export` into the register; with `proef` (dry run) nothing stays written."""
    verslag = RooVerslag(stand=export.stand, bestanden=export.bestanden, proef=proef)
    verslag.meldingen = list(export.meldingen)
    with wijzigingsreden(reden() or REDEN), transaction.atomic():
        _Import(export, verslag).uitvoeren()
        if proef:
            transaction.set_rollback(True)
    return verslag


def roo_bestanden_importeren(*, paden, schema=None, proef: bool = False) -> RooVerslag:
    return roo_importeren(export=bestanden_lezen(list(paden), schema=schema), proef=proef)


# --- The import -----------------------------------------------------------------------------


def _ketens(regelingen: list[Regeling]) -> list[list[Regeling]]:
    """Versions grouped into regelingen through previousVersion/nextVersion, oldest first."""
    ouder: dict[int, int] = {}

    def wortel(x: int) -> int:
        while ouder.get(x, x) != x:
            ouder[x] = ouder.get(ouder[x], ouder[x])
            x = ouder[x]
        return x

    def verbind(a: int, b: int) -> None:
        ra, rb = wortel(a), wortel(b)
        if ra != rb:
            ouder[rb] = ra

    for r in regelingen:
        ouder.setdefault(r.systeem_id, r.systeem_id)
        for ander in (r.vorige, r.volgende):
            if ander:
                ouder.setdefault(ander, ander)
                verbind(r.systeem_id, ander)
    groepen: dict[int, list[Regeling]] = {}
    for r in regelingen:
        groepen.setdefault(wortel(r.systeem_id), []).append(r)
    return [
        sorted(
            groep,
            key=lambda r: (
                r.ingangsdatum or datetime.date.min,
                r.einddatum or datetime.date.max,
                r.systeem_id,
            ),
        )
        for groep in groepen.values()
    ]


class _Organisaties:
    """The register's organisaties by systeemId, provincie and name; new and changed ones are
    saved together before the regelingen."""

    def __init__(self, verslag: RooVerslag):
        self.verslag = verslag
        self.per_systeem_id: dict[int, Organisatie] = {}
        self.per_naam: dict[str, Organisatie] = {}
        self.per_provincie: dict[int, Organisatie] = {}
        self.provincies = {p.code: p for p in Provincie.objects.all()}
        for organisatie in Organisatie.objects.all():
            self._onthoud(organisatie)
        self.nieuw: list[Organisatie] = []
        self.gewijzigd: dict[int, Organisatie] = {}

    def _onthoud(self, o: Organisatie) -> None:
        if o.roo_systeem_id:
            self.per_systeem_id[o.roo_systeem_id] = o
        self.per_naam[o.naam.lower()] = o
        if o.provincie_id:
            self.per_provincie.setdefault(o.provincie_id, o)

    def _soort(self, tooi, naam: str) -> tuple[str, Provincie | None]:
        if tooi is not None:
            if tooi.soort == "provincie":
                provincie = self.provincies.get(tooi.code)
                if provincie:
                    return OrganisatieSoort.PROVINCIE, provincie
                return OrganisatieSoort.BUITENLANDS, None
            return {
                "waterschap": OrganisatieSoort.WATERSCHAP,
                "ministerie": OrganisatieSoort.RIJK,
                "so": OrganisatieSoort.OPENBAAR_LICHAAM,
            }.get(tooi.soort, OrganisatieSoort.OVERIG_PUBLIEK), None
        tekst = normaliseer_naam(naam)
        if _PRIVAAT.search(tekst):
            return OrganisatieSoort.PRIVAAT, None
        if _BUITENLANDS.search(zonder_accenten(naam).lower().strip()):
            return OrganisatieSoort.BUITENLANDS, None
        soort = organisatie_soort(naam)
        if soort in (OrganisatieSoort.WATERSCHAP, OrganisatieSoort.RIJK):
            return soort, None
        return OrganisatieSoort.OVERIG_PUBLIEK, None

    def zoek_of_maak(self, naam: str, systeem_id: int | None, tooi, *, lichaam: bool = False):
        if systeem_id and systeem_id in self.per_systeem_id:
            return self.per_systeem_id[systeem_id]
        soort, provincie = self._soort(tooi, naam)
        if lichaam and soort == OrganisatieSoort.OVERIG_PUBLIEK:
            soort = OrganisatieSoort.OPENBAAR_LICHAAM
        bestaand = None
        if provincie is not None:
            bestaand = self.per_provincie.get(provincie.pk)
        elif naam.lower() in self.per_naam:
            kandidaat = self.per_naam[naam.lower()]
            if not kandidaat.roo_systeem_id:
                bestaand = kandidaat  # the same name, never identified: the register's now
        if bestaand is not None:
            if systeem_id and not bestaand.roo_systeem_id:
                bestaand.roo_systeem_id = systeem_id
                self._wijzig(bestaand)
            self._onthoud(bestaand)
            return bestaand
        naam = (f"Provincie {provincie.naam}" if provincie else naam)[:250] or f"ROO {systeem_id}"
        if naam.lower() in self.per_naam:
            naam = f"{naam[:230]} (ROO {systeem_id})"
        nieuw = Organisatie(naam=naam, soort=soort, provincie=provincie, roo_systeem_id=systeem_id)
        self.nieuw.append(nieuw)
        self._onthoud(nieuw)
        return nieuw

    def _wijzig(self, o: Organisatie) -> None:
        if o.pk:
            self.gewijzigd[o.pk] = o

    def gegevens_bijwerken(self, o: Organisatie, roo: RooOrganisatie | None, naam: str) -> None:
        """The executing body's name, address and contact, kept in step."""
        waarden = {"naam": naam[:250]}
        if roo is not None:
            waarden.update(
                afkorting=roo.afkorting,
                adres=roo.adres.adres,
                postcode=roo.adres.postcode,
                vestigingsplaats=roo.adres.plaats,
                telefoon=roo.telefoon,
                email=roo.email,
                website=_geldige_url(roo.website),
            )
        ander = self.per_naam.get(waarden["naam"].lower())
        if ander is not None and ander is not o:
            del waarden["naam"]  # another organisation has that name
        uitkomst = waarden_toepassen(o, waarden, nieuw=o.pk is None)
        for conflict in uitkomst.conflicten:
            self.verslag.aandachtspunten.append(
                f"Organisatie {o.naam}: {VELDNAMEN.get(conflict.veld, conflict.veld)} is in "
                f"regioreg {_waarde(conflict.veld, conflict.oud)}, in het register "
                f"{_waarde(conflict.veld, conflict.nieuw)}; de waarde in regioreg is behouden."
            )
        if uitkomst.opslaan:
            self._wijzig(o)
        self._onthoud(o)

    def opslaan(self) -> None:
        for o in self.nieuw:
            o.roo_stand = o.roo_stand or {}
        services.rijen_aanmaken(model=Organisatie, rijen=self.nieuw)
        gewijzigd = [o for o in self.gewijzigd.values() if o.pk]
        services.rijen_bijwerken(
            model=Organisatie,
            rijen=gewijzigd,
            velden=[
                "naam",
                "afkorting",
                "adres",
                "postcode",
                "vestigingsplaats",
                "telefoon",
                "email",
                "website",
                "roo_systeem_id",
                "roo_stand",
            ],
        )
        self.verslag.organisaties_nieuw += len(self.nieuw)
        self.verslag.organisaties_gewijzigd += len(gewijzigd)
        self.nieuw, self.gewijzigd = [], {}


@dataclass
class _Plan:
    """Everything to write for one regeling."""

    nieuw: bool
    verband_opslaan: bool = False
    versies_nieuw: list = field(default_factory=list)
    versies_gewijzigd: list = field(default_factory=list)
    domeinen_erbij: list = field(default_factory=list)
    domeinen_eraf: list = field(default_factory=list)
    rijen_nieuw: list = field(default_factory=list)  # grondslagen, bevoegdheden, documents
    rijen_weg: list = field(default_factory=list)
    deelnames_nieuw: list = field(default_factory=list)
    deelnames_gewijzigd: list = field(default_factory=list)
    deelnames_stand: list = field(default_factory=list)  # only roo_stand changed
    deelnames_einde: list = field(default_factory=list)  # (deelname, datum)
    wijzigingen: list = field(default_factory=list)

    @property
    def schrijven(self) -> bool:
        return bool(
            self.verband_opslaan
            or self.versies_nieuw
            or self.versies_gewijzigd
            or self.domeinen_erbij
            or self.domeinen_eraf
            or self.rijen_nieuw
            or self.rijen_weg
            or self.deelnames_nieuw
            or self.deelnames_gewijzigd
            or self.deelnames_stand
            or self.deelnames_einde
        )


class _Import:
    def __init__(self, export: RooExport, verslag: RooVerslag):
        self.export = export
        self.verslag = verslag
        self.stand = export.standdatum or timezone.localdate()
        self.bron = f"{BRON_ROO} {self.stand.isoformat()}"
        self.gemeenten = list(Gemeente.objects.all())
        self.per_code = {g.cbs_code: g for g in self.gemeenten}
        self.gemeente_per_systeem_id = {
            g.roo_systeem_id: g for g in self.gemeenten if g.roo_systeem_id
        }
        self.opvolgers: dict[int, list[Gemeente]] = {}
        per_pk = {g.pk: g for g in self.gemeenten}
        for oud, nieuw in Herindeling.objects.order_by("nieuwe_gemeente__naam").values_list(
            "oude_gemeente_id", "nieuwe_gemeente_id"
        ):
            self.opvolgers.setdefault(oud, []).append(per_pk[nieuw])
        self.roo_organisaties = {o.systeem_id: o for o in export.organisaties if o.systeem_id}
        self.lichaam_van = {o.hoort_bij: o for o in export.organisaties if o.hoort_bij}
        self.onbekende_gemeenten: dict[str, set] = {}

    def uitvoeren(self) -> None:
        if any(o.is_gemeente for o in self.export.organisaties):
            self.gemeenten_bijwerken()
        if self.export.heeft_regelingen:
            self.regelingen_bijwerken()
            self.verslag.historisch = historische_vermeldingen_bijwerken(peildatum=self.stand)
        self.vastleggen()

    # --- Gemeenten and inwoners --------------------------------------------------------------

    def gemeenten_bijwerken(self) -> None:
        per_naam_en_einde: dict[tuple, list[Gemeente]] = {}
        for g in self.gemeenten:
            if g.einddatum:
                per_naam_en_einde.setdefault((normaliseer_naam(g.naam), g.einddatum), []).append(g)
        gekoppeld, op_naam, onbekend, inwoners = [], [], [], {}
        for record in (o for o in self.export.organisaties if o.is_gemeente):
            gemeente = None
            if record.tooi is not None and record.tooi.soort == "gemeente":
                gemeente = self.per_code.get(record.tooi.code)
            if gemeente is None and record.systeem_id:
                gemeente = self.gemeente_per_systeem_id.get(record.systeem_id)
            if gemeente is None and record.tooi is None and record.einddatum:
                # A gemeente the register holds without a TOOI code: the reference gemeente
                # with the same name that ended on the same day (the register writes the first
                # day after, older records the last day).
                naam = normaliseer_naam(record.naam)
                naam = ROEPNAMEN.get(naam, naam)
                for einde in (record.einddatum, record.einddatum + datetime.timedelta(days=1)):
                    kandidaten = per_naam_en_einde.get((naam, einde), [])
                    if len(kandidaten) == 1:
                        gemeente = kandidaten[0]
                        op_naam.append(f"{record.naam} ({gemeente.cbs_code})")
                        break
            if gemeente is None:
                onbekend.append(record.naam)
                continue
            if (
                record.systeem_id
                and gemeente.roo_systeem_id is None
                and record.systeem_id not in self.gemeente_per_systeem_id
            ):
                gemeente.roo_systeem_id = record.systeem_id
                self.gemeente_per_systeem_id[record.systeem_id] = gemeente
                gekoppeld.append(gemeente)
            if (
                record.inwoners
                and (record.einddatum is None or record.einddatum > self.stand)
                and gemeente.is_actief_op(self.stand)
            ):
                inwoners[gemeente.pk] = (gemeente, record.inwoners)
        services.rijen_bijwerken(model=Gemeente, rijen=gekoppeld, velden=["roo_systeem_id"])
        self.verslag.gemeenten_gekoppeld = len(gekoppeld)
        if op_naam and gekoppeld:
            self.verslag.meldingen.append(
                f"{len(op_naam)} opgeheven gemeenten staan zonder TOOI-code in het register; "
                "herkend aan naam én einddatum in de referentiegegevens (bijvoorbeeld "
                f"{', '.join(op_naam[:3])})."
            )
        if onbekend:
            self.verslag.meldingen.append(
                f"{len(onbekend)} gemeenten uit het register staan niet in de referentiegegevens "
                f"(opgeheven vóór 2016 of geen gemeente, bijvoorbeeld {', '.join(onbekend[:3])}); "
                "niet gekoppeld."
            )
        self._inwoners_bijwerken(inwoners)

    def _inwoners_bijwerken(self, inwoners: dict) -> None:
        jaar = self.stand.year
        bestaand = {i.gemeente_id: i for i in Inwonertal.objects.filter(jaar=jaar)}
        nieuw, gewijzigd = [], []
        for gemeente, aantal in inwoners.values():
            rij = bestaand.get(gemeente.pk)
            if rij is None:
                nieuw.append(
                    Inwonertal(
                        gemeente=gemeente,
                        jaar=jaar,
                        aantal=aantal,
                        bron=self.bron,
                        roo_stand={"aantal": aantal},
                    )
                )
                continue
            uitkomst = waarden_toepassen(rij, {"aantal": aantal})
            for conflict in uitkomst.conflicten:
                self.verslag.aandachtspunten.append(
                    f"Inwonertal {gemeente} {jaar}: in regioreg {conflict.oud}, in het register "
                    f"{conflict.nieuw}; de waarde in regioreg ({rij.bron or 'ingevoerd'}) is "
                    "behouden."
                )
            if uitkomst.gewijzigd:
                rij.bron = self.bron
            if uitkomst.opslaan:
                gewijzigd.append(rij)
        services.rijen_aanmaken(model=Inwonertal, rijen=nieuw)
        services.rijen_bijwerken(
            model=Inwonertal, rijen=gewijzigd, velden=["aantal", "bron", "roo_stand"]
        )
        self.verslag.inwonertallen_nieuw = len(nieuw)
        self.verslag.inwonertallen_gewijzigd = sum(1 for r in gewijzigd if r.bron == self.bron)

    # --- Regelingen ------------------------------------------------------------------------

    def regelingen_bijwerken(self) -> None:
        gezien: set[int] = set()
        geldig = []
        for regeling in self.export.regelingen:
            self.verslag.versies_gelezen += 1
            if regeling.systeem_id in gezien:
                regeling.fouten.append(
                    f"systeemId {regeling.systeem_id} staat al eerder in het bestand"
                )
            if regeling.fouten:
                self._niet_ingelezen(regeling, regeling.fouten)
                continue
            gezien.add(regeling.systeem_id)
            geldig.append(regeling)
        ketens = _ketens(geldig)
        self.organisaties = _Organisaties(self.verslag)
        lichamen = {}
        for keten in ketens:
            lichamen[id(keten)] = self._lichaam(keten)
            for versie in keten:
                for deelnemer in versie.deelnemers:
                    self._deelnemer_voorbereiden(deelnemer)
        self.organisaties.opslaan()
        self._bestaande_lezen(ketens)
        in_export = set()
        for keten in ketens:
            verband = self._verband_voor(keten)
            if verband is not None:
                in_export.add(verband.pk)
            self._keten(keten, verband, lichamen[id(keten)])
        self.organisaties.opslaan()  # bodies whose details changed
        weg = [
            v
            for v in self.verbanden_met_versies
            if v.pk not in in_export and (v.einddatum is None or v.einddatum > self.stand)
        ]
        if weg:
            self.verslag.aandachtspunten.append(
                f"{len(weg)} lopende regeling(en) uit een eerdere import staan niet in deze "
                f"export (bijvoorbeeld {', '.join(str(v) for v in weg[:3])}); ongewijzigd "
                "gelaten. Lees de hele export in om ze bij te werken."
            )
        for code, namen in sorted(self.onbekende_gemeenten.items()):
            self.verslag.meldingen.append(
                f"Deelnemer {code} ({', '.join(sorted(namen))}) is een gemeente die niet in de "
                "referentiegegevens staat (opgeheven vóór 2016); in de versies waarin zij "
                "voorkomt is haar deelname niet opgenomen."
            )

    def _niet_ingelezen(self, regeling: Regeling, redenen: list[str]) -> None:
        self.verslag.niet_ingelezen.append(
            NietIngelezen(regeling.regel, regeling.systeem_id, regeling.titel, list(redenen))
        )

    def _lichaam(self, keten: list[Regeling]) -> tuple[Organisatie | None, RooOrganisatie | None]:
        """The executing body of the regeling: its regionaal samenwerkingsorgaan, else the
        organisation that says it belongs to one of the versions."""
        huidig = keten[-1]
        verwijzing: Verwijzing | None = huidig.uitvoerder
        roo = None
        if verwijzing is not None and verwijzing.systeem_id:
            roo = self.roo_organisaties.get(verwijzing.systeem_id)
        if verwijzing is None:
            roo = next(
                (
                    self.lichaam_van[v.systeem_id]
                    for v in reversed(keten)
                    if v.systeem_id in self.lichaam_van
                ),
                None,
            )
            if roo is not None:
                verwijzing = Verwijzing(roo.naam, roo.systeem_id, roo.tooi)
        if verwijzing is None or (verwijzing.tooi and verwijzing.tooi.soort == "gemeente"):
            return None, None
        naam = (roo.naam if roo else "") or verwijzing.naam
        if not naam:
            return None, None
        organisatie = self.organisaties.zoek_of_maak(
            naam, verwijzing.systeem_id, verwijzing.tooi, lichaam=True
        )
        self.organisaties.gegevens_bijwerken(organisatie, roo, naam)
        return organisatie, roo

    def _deelnemer_voorbereiden(self, d: Deelnemer) -> None:
        """Makes the Organisatie of a participant that is not a Dutch gemeente."""
        if self._gemeente_van(d, melden=False) is not None or self._is_gemeente(d):
            return
        self.organisaties.zoek_of_maak(d.naam, d.systeem_id, d.tooi)

    def _is_gemeente(self, d: Deelnemer) -> bool:
        """A Dutch gemeente, even when regioreg cannot say which one."""
        if d.tooi is not None:
            return d.tooi.soort == "gemeente"
        record = self.roo_organisaties.get(d.systeem_id)
        if record is not None and record.is_gemeente:
            return True
        naam = normaliseer_naam(d.naam)
        return d.naam.lower().startswith("gemeente ") and any(
            normaliseer_naam(g.naam) == naam for g in self.gemeenten
        )

    def _gemeente_van(self, d: Deelnemer, *, melden: bool = True) -> Gemeente | None:
        gemeente = None
        if d.tooi is not None and d.tooi.soort == "gemeente":
            gemeente = self.per_code.get(d.tooi.code)
            if gemeente is None and melden:
                self.onbekende_gemeenten.setdefault(d.tooi.code, set()).add(d.naam)
        if gemeente is None and d.systeem_id:
            gemeente = self.gemeente_per_systeem_id.get(d.systeem_id)
        return gemeente

    def _deelnemer_van(self, d: Deelnemer):
        gemeente = self._gemeente_van(d)
        if gemeente is not None:
            return gemeente
        if self._is_gemeente(d):
            if d.tooi is None:
                self.onbekende_gemeenten.setdefault(f"systeemId {d.systeem_id}", set()).add(d.naam)
            return None
        return self.organisaties.zoek_of_maak(d.naam, d.systeem_id, d.tooi)

    def _bestaande_lezen(self, ketens: list[list[Regeling]]) -> None:
        """What the register already holds of these regelingen, in a few queries."""
        ids = {r.systeem_id for keten in ketens for r in keten}
        self.versie_naar_verband = dict(
            Regelingversie.objects.values_list("roo_systeem_id", "samenwerkingsverband_id")
        )
        verband_ids = set(self.versie_naar_verband.values()) | set(
            Samenwerkingsverband.objects.filter(roo_systeem_id__in=ids).values_list("pk", flat=True)
        )
        self.verbanden = {v.pk: v for v in Samenwerkingsverband.objects.filter(pk__in=verband_ids)}
        self.verbanden_met_versies = [
            self.verbanden[pk]
            for pk in set(self.versie_naar_verband.values())
            if pk in self.verbanden
        ]
        self.per_roo_id = {v.roo_systeem_id: v for v in self.verbanden.values() if v.roo_systeem_id}
        self.versies: dict[int, Regelingversie] = {
            v.roo_systeem_id: v
            for v in Regelingversie.objects.filter(samenwerkingsverband__in=verband_ids)
        }

        def per_verband(qs):
            groepen: dict[int, list] = {}
            for rij in qs:
                groepen.setdefault(rij.samenwerkingsverband_id, []).append(rij)
            return groepen

        self.deelnames = per_verband(
            Deelname.objects.filter(samenwerkingsverband__in=verband_ids).order_by("pk")
        )
        self.grondslagen = per_verband(
            WettelijkeGrondslag.objects.filter(samenwerkingsverband__in=verband_ids).order_by("pk")
        )
        self.bevoegdheden = per_verband(
            Bevoegdheid.objects.filter(samenwerkingsverband__in=verband_ids).order_by("pk")
        )
        self.documenten = per_verband(
            Document.objects.filter(samenwerkingsverband__in=verband_ids).order_by("pk")
        )
        self.domeinen = {d.pk: d for d in Domein.objects.all()}
        self.domein_per_naam = {d.naam: d for d in self.domeinen.values()}
        self.domeinen_van: dict[int, list[Domein]] = {}
        koppeling = Samenwerkingsverband.domeinen.through
        for verband_id, domein_id in koppeling.objects.filter(
            samenwerkingsverband__in=verband_ids
        ).values_list("samenwerkingsverband_id", "domein_id"):
            self.domeinen_van.setdefault(verband_id, []).append(self.domeinen[domein_id])

    def _verband_voor(self, keten: list[Regeling]) -> Samenwerkingsverband | None:
        kandidaten = []
        for r in reversed(keten):
            pk = self.versie_naar_verband.get(r.systeem_id)
            verband = self.verbanden.get(pk) if pk else self.per_roo_id.get(r.systeem_id)
            if verband is not None and verband not in kandidaten:
                kandidaten.append(verband)
        if len(kandidaten) > 1:
            self.verslag.aandachtspunten.append(
                f"{keten[-1].titel}: de versies staan in regioreg bij {len(kandidaten)} "
                f"samenwerkingsverbanden ({', '.join(str(v) for v in kandidaten)}); de versies "
                f"gaan naar {kandidaten[0]}. Voeg de andere in het beheer samen."
            )
        return kandidaten[0] if kandidaten else None

    def _verbandwaarden(self, keten, organisatie, roo, deelnames) -> dict:
        huidig = keten[-1]
        adres = huidig.adres
        if not (adres.adres or adres.plaats) and roo is not None:
            adres = roo.adres
        adres = adres or Adres()
        waarden = {
            "naam": huidig.titel[:250],
            "citeertitel": huidig.citeertitel[:500],
            "afkorting": (roo.afkorting if roo else "")[:50],
            "vorm": huidig.vorm,
            "bevoegdheidsverkrijgingen": huidig.verkrijgingen,
            "doel": huidig.doel,
            "adres": adres.adres,
            "postcode": adres.postcode,
            "vestigingsplaats": adres.plaats,
            "website": _geldige_url(huidig.website or (roo.website if roo else "")),
            "ingangsdatum": min((v.ingangsdatum for v in keten if v.ingangsdatum), default=None),
            "einddatum": huidig.einddatum,
            "bronhouder": (huidig.bronhouder.naam if huidig.bronhouder else "")[:250],
            "archiefzorgdrager": (
                huidig.archiefzorgdrager.naam if huidig.archiefzorgdrager else ""
            )[:250],
            "uitvoerende_organisatie_id": organisatie.pk if organisatie else None,
            "centrumgemeente_id": None,
        }
        if huidig.vorm == Vorm.CENTRUMGEMEENTE:
            waarden["centrumgemeente_id"] = self._centrumgemeente(huidig, deelnames)
        return waarden

    def _centrumgemeente(self, regeling: Regeling, deelnames: list[GewensteDeelname]) -> int:
        """The register has no field for it: the bronhouder when it is a participating
        gemeente (by its TOOI code)."""
        deelnemers = {d.gemeente.pk for d in deelnames if d.gemeente}
        tooi = regeling.bronhouder.tooi if regeling.bronhouder else None
        if tooi is not None and tooi.soort == "gemeente":
            gemeente = self.per_code.get(tooi.code)
            if gemeente is not None and gemeente.pk in deelnemers:
                return gemeente.pk
        raise ValidationError(
            "centrumconstructie zonder herkenbare centrumgemeente: het register noemt geen "
            "deelnemende gemeente als bronhouder."
        )

    def _keten(self, keten: list[Regeling], verband, lichaam) -> None:
        huidig = keten[-1]
        opmerkingen: list[str] = [o for v in keten for o in v.opmerkingen]
        deelnames = gewenste_deelnames(keten, self._deelnemer_van, self.opvolgers, opmerkingen)
        nieuw = verband is None
        naam = huidig.titel[:250]
        try:
            plan = _Plan(nieuw=nieuw)
            if nieuw:
                verband = Samenwerkingsverband(bron=self.bron)
            waarden = self._verbandwaarden(keten, lichaam[0], lichaam[1], deelnames)
            self._plan_verband(plan, verband, waarden, huidig)
            self._plan_versies(plan, verband, keten)
            self._plan_lijsten(plan, verband, huidig)
            self._plan_deelnames(plan, verband, deelnames, naam, huidig.systeem_id)
            if plan.schrijven:
                with transaction.atomic():
                    self._schrijven(plan, verband)
        except ValidationError as fout:
            self._niet_ingelezen(huidig, [f"regel {huidig.regel}: {m}" for m in fout.messages])
            return
        self.verslag.meldingen += opmerkingen
        self._tellen(plan, keten, verband, deelnames, naam)

    def _tellen(self, plan: _Plan, keten, verband, deelnames, naam) -> None:
        huidig = keten[-1]
        if huidig.loopt_op(self.stand):
            self.verslag.regelingen_lopend += 1
        wezenlijk = [w for w in plan.wijzigingen if w.soort != CONFLICT]
        if plan.nieuw:
            self.verslag.regelingen_nieuw += 1
            self.verslag.wijzig(
                NIEUW,
                naam,
                huidig.systeem_id,
                f"nieuwe regeling ({verband.get_vorm_display().lower()}) met "
                f"{len(plan.deelnames_nieuw)} deelname(s) en {len(keten)} versie(s)",
            )
            self.verslag.wijzigingen += [w for w in plan.wijzigingen if w.soort == CONFLICT]
        else:
            if wezenlijk:
                self.verslag.regelingen_gewijzigd += 1
            else:
                self.verslag.regelingen_ongewijzigd += 1
                if plan.schrijven:
                    self.verslag.overige_wijzigingen += 1
            self.verslag.wijzigingen += plan.wijzigingen
        self.verslag.versies_nieuw += len(plan.versies_nieuw)
        self.verslag.deelnames_nieuw += len(plan.deelnames_nieuw)
        self.verslag.deelnames_gewijzigd += len(plan.deelnames_gewijzigd)
        self.verslag.deelnames_beeindigd += len(plan.deelnames_einde)
        # The participation figure: gemeente rows of the versions running on the export's
        # date that land as a running (or future) deelname of a current gemeente.
        for versie in keten:
            if not versie.loopt_op(self.stand):
                continue
            for d in versie.deelnemers:
                if d.tooi is None or d.tooi.soort != "gemeente":
                    continue
                self.verslag.gemeenterijen_lopend += 1
                gemeente = self._gemeente_van(d, melden=False)
                if gemeente is None:
                    continue
                huidige = {g.pk for g in self._huidige(gemeente)}
                if any(
                    g.gemeente
                    and g.gemeente.pk in huidige
                    and (g.uittredingsdatum is None or g.uittredingsdatum > self.stand)
                    for g in deelnames
                ):
                    self.verslag.gemeenterijen_geland += 1

    def _huidige(self, gemeente: Gemeente) -> list[Gemeente]:
        if gemeente.is_actief_op(self.stand) or gemeente.pk not in self.opvolgers:
            return [gemeente] if gemeente.is_actief_op(self.stand) else []
        return [h for o in self.opvolgers[gemeente.pk] for h in self._huidige(o)]

    def _plan_verband(self, plan: _Plan, verband, waarden: dict, huidig: Regeling) -> None:
        uitkomst = waarden_toepassen(verband, waarden, nieuw=plan.nieuw)
        if verband.roo_systeem_id != huidig.systeem_id and (
            self.per_roo_id.get(huidig.systeem_id) in (None, verband)
        ):
            verband.roo_systeem_id = huidig.systeem_id
            plan.verband_opslaan = True
        if uitkomst.gewijzigd:
            verband.bron = self.bron
        plan.verband_opslaan |= uitkomst.opslaan or plan.nieuw
        naam, sid = verband.naam, huidig.systeem_id
        for verschil in uitkomst.gewijzigd:
            if verschil.veld == "einddatum" and verschil.oud is None:
                plan.wijzigingen.append(
                    Wijziging(
                        BEEINDIGD, naam, sid, f"regeling beëindigd per {_datum(verband.einddatum)}"
                    )
                )
            else:
                plan.wijzigingen.append(Wijziging(GEWIJZIGD, naam, sid, self._verschil(verschil)))
        for conflict in uitkomst.conflicten:
            plan.wijzigingen.append(Wijziging(CONFLICT, naam, sid, self._conflict(conflict)))

    @staticmethod
    def _verschil(v: Verschil) -> str:
        veld = VELDNAMEN.get(v.veld, v.veld)
        if v.veld in ("doel", "uitvoerende_organisatie_id", "centrumgemeente_id"):
            return f"{veld} gewijzigd"
        return f"{veld}: {_waarde(v.veld, v.oud)} → {_waarde(v.veld, v.nieuw)}"

    @staticmethod
    def _conflict(v: Verschil) -> str:
        veld = VELDNAMEN.get(v.veld, v.veld)
        return (
            f"{veld} is in regioreg met de hand gewijzigd ({_waarde(v.veld, v.oud)}); het "
            f"register zegt {_waarde(v.veld, v.nieuw)}. De waarde in regioreg is behouden."
        )

    def _plan_versies(self, plan: _Plan, verband, keten: list[Regeling]) -> None:
        for r in keten:
            waarden = {
                "titel": r.titel[:500],
                "citeertitel": r.citeertitel[:500],
                "ingangsdatum": r.ingangsdatum,
                "einddatum": r.einddatum,
                "datum_mutatie": r.datum_mutatie,
                "datum_ter_verificatie": r.datum_ter_verificatie,
            }
            versie = self.versies.get(r.systeem_id)
            if versie is None:
                versie = Regelingversie(roo_systeem_id=r.systeem_id, **waarden)
                self.versies[r.systeem_id] = versie
                plan.versies_nieuw.append(versie)
                if not plan.nieuw:
                    plan.wijzigingen.append(
                        Wijziging(
                            GEWIJZIGD,
                            verband.naam,
                            keten[-1].systeem_id,
                            f"versie {r.systeem_id} erbij (in werking {_datum(r.ingangsdatum)}"
                            + (f" tot {_datum(r.einddatum)})" if r.einddatum else ")"),
                        )
                    )
                continue
            gewijzigd = [k for k, w in waarden.items() if getattr(versie, k) != w]
            if gewijzigd or versie.samenwerkingsverband_id != verband.pk:
                for k in gewijzigd:
                    setattr(versie, k, waarden[k])
                plan.versies_gewijzigd.append(versie)

    def _plan_lijsten(self, plan: _Plan, verband, huidig: Regeling) -> None:
        pk = verband.pk
        stand = dict(verband.roo_stand or {})
        naam, sid = verband.naam, huidig.systeem_id

        # Beleidsterreinen as domeinen.
        namen = [n[:100] for n in huidig.beleidsterreinen]
        huidige = self.domeinen_van.get(pk, []) if pk else []
        lijst = lijst_bijwerken(huidige, lambda d: d.naam, namen, stand.get("domeinen"))
        plan.domeinen_erbij = [self._domein(n) for n in lijst.erbij]
        plan.domeinen_eraf = lijst.eraf
        self._lijstwijziging(plan, naam, sid, "beleidsterreinen", lijst)
        stand["domeinen"] = namen

        grondslagen = [[o[:250], _geldige_url(u)] for o, u in huidig.grondslagen]
        lijst = lijst_bijwerken(
            self.grondslagen.get(pk, []) if pk else [],
            lambda r: [r.opschrift, r.url],
            grondslagen,
            stand.get("wettelijke_grondslagen"),
        )
        plan.rijen_nieuw += [WettelijkeGrondslag(opschrift=o, url=u) for o, u in lijst.erbij]
        plan.rijen_weg += lijst.eraf
        self._lijstwijziging(plan, naam, sid, "wettelijke grondslagen", lijst)
        stand["wettelijke_grondslagen"] = grondslagen

        bevoegdheden = [[k[:250], i or k] for k, i in huidig.bevoegdheden]
        lijst = lijst_bijwerken(
            self.bevoegdheden.get(pk, []) if pk else [],
            lambda r: [r.artikel, r.omschrijving],
            bevoegdheden,
            stand.get("bevoegdheden"),
        )
        plan.rijen_nieuw += [Bevoegdheid(artikel=a, omschrijving=o) for a, o in lijst.erbij]
        plan.rijen_weg += lijst.eraf
        self._lijstwijziging(plan, naam, sid, "bevoegdheden", lijst)
        stand["bevoegdheden"] = bevoegdheden

        besluiten = []
        for url in huidig.instellingsbesluiten:
            geldig = _geldige_url(url)
            if geldig and geldig not in besluiten:
                besluiten.append(geldig)
            elif not geldig:
                self.verslag.meldingen.append(
                    f"regel {huidig.regel}: instellingsbesluit {url[:80]!r} is geen bruikbare "
                    "URL (of langer dan 500 tekens); niet overgenomen."
                )
        documenten = [d for d in (self.documenten.get(pk, []) if pk else []) if d.url]
        lijst = lijst_bijwerken(
            documenten, lambda d: d.url, besluiten, stand.get("instellingsbesluiten")
        )
        lijst.eraf = [d for d in lijst.eraf if d.bron.startswith(BRON_ROO)]
        plan.rijen_nieuw += [
            Document(titel=_besluittitel(u), soort=DocumentSoort.BESLUIT, url=u, bron=self.bron)
            for u in lijst.erbij
        ]
        plan.rijen_weg += lijst.eraf
        self._lijstwijziging(plan, naam, sid, "instellingsbesluiten", lijst)
        stand["instellingsbesluiten"] = besluiten

        if stand != (verband.roo_stand or {}):
            verband.roo_stand = stand
            plan.verband_opslaan = True

    def _lijstwijziging(self, plan: _Plan, naam, sid, wat: str, lijst) -> None:
        if plan.nieuw or not lijst:
            return
        delen = []
        if lijst.erbij:
            delen.append(f"{len(lijst.erbij)} erbij")
        if lijst.eraf:
            delen.append(f"{len(lijst.eraf)} vervallen")
        plan.wijzigingen.append(Wijziging(GEWIJZIGD, naam, sid, f"{wat}: {', '.join(delen)}"))

    def _domein(self, naam: str) -> Domein:
        domein = self.domein_per_naam.get(naam)
        if domein is None:
            code = slugify(naam)[:50] or "domein"
            codes = {d.code for d in self.domeinen.values()}
            teller = 2
            while code in codes:
                code = f"{slugify(naam)[:45]}-{teller}"
                teller += 1
            domein = Domein(code=code, naam=naam)
            domein.full_clean()
            domein.save()
            self.domeinen[domein.pk] = domein
            self.domein_per_naam[naam] = domein
            self.verslag.domeinen_nieuw += 1
        return domein

    def _plan_deelnames(self, plan: _Plan, verband, deelnames, naam: str, sid) -> None:
        bestaand: dict[tuple, list[Deelname]] = {}
        for d in self.deelnames.get(verband.pk, []) if verband.pk else []:
            sleutel = ("g", d.gemeente_id) if d.gemeente_id else ("o", d.organisatie_id)
            bestaand.setdefault(sleutel, []).append(d)
        gewenst: dict[tuple, list[GewensteDeelname]] = {}
        for g in deelnames:
            gewenst.setdefault(g.sleutel, []).append(g)
        gekoppeld: set[int] = set()
        eind_regeling = verband.einddatum
        for sleutel, lijst in gewenst.items():
            for g, d in koppelen(lijst, bestaand.get(sleutel, [])):
                waarden = {
                    "toetredingsdatum": g.toetredingsdatum,
                    "uittredingsdatum": g.uittredingsdatum,
                    "verdeelsleutel": g.verdeelsleutel,
                    "deelnemende_bestuursorganen": g.organen,
                }
                if d is None:
                    nieuw = Deelname(gemeente=g.gemeente, organisatie=g.organisatie, bron=self.bron)
                    waarden_toepassen(nieuw, waarden, nieuw=True)
                    plan.deelnames_nieuw.append(nieuw)
                    if not plan.nieuw:
                        plan.wijzigingen.append(
                            Wijziging(
                                NIEUW,
                                naam,
                                sid,
                                f"deelnemer {g.deelnemer} erbij (vanaf "
                                f"{_datum(g.toetredingsdatum)})",
                            )
                        )
                    continue
                gekoppeld.add(d.pk)
                oude_uittreding = d.uittredingsdatum
                uitkomst = waarden_toepassen(d, waarden)
                for conflict in uitkomst.conflicten:
                    plan.wijzigingen.append(
                        Wijziging(
                            CONFLICT,
                            naam,
                            sid,
                            f"deelname van {g.deelnemer}: {self._conflict(conflict)}",
                        )
                    )
                eindigt = oude_uittreding is None and d.uittredingsdatum is not None
                if eindigt:
                    einde = d.uittredingsdatum
                    d.uittredingsdatum = None
                    plan.deelnames_einde.append((d, einde))
                    if einde != eind_regeling or plan.nieuw:
                        plan.wijzigingen.append(
                            Wijziging(
                                BEEINDIGD,
                                naam,
                                sid,
                                f"deelname van {g.deelnemer} beëindigd per {_datum(einde)}",
                            )
                        )
                overig = [
                    v for v in uitkomst.gewijzigd if v.veld != "uittredingsdatum" or not eindigt
                ]
                if overig:
                    plan.deelnames_gewijzigd.append(d)
                    for v in overig:
                        plan.wijzigingen.append(
                            Wijziging(
                                GEWIJZIGD,
                                naam,
                                sid,
                                f"deelname van {g.deelnemer}: {self._verschil(v)}",
                            )
                        )
                elif uitkomst.stand_gewijzigd and not eindigt:
                    plan.deelnames_stand.append(d)
        # Deelnames the register made that it no longer lists: ended on the export's date.
        for lijst in bestaand.values():
            for d in lijst:
                if d.pk in gekoppeld or not d.roo_stand:
                    continue
                if d.uittredingsdatum is not None and d.uittredingsdatum <= self.stand:
                    continue
                einde = max(self.stand, d.toetredingsdatum or self.stand)
                stand = dict(d.roo_stand)
                stand["uittredingsdatum"] = als_json(einde)
                d.roo_stand = stand
                plan.deelnames_einde.append((d, einde))
                plan.wijzigingen.append(
                    Wijziging(
                        BEEINDIGD,
                        naam,
                        sid,
                        f"deelname van {d.gemeente or d.organisatie} beëindigd per {_datum(einde)} "
                        "(staat niet meer in het register)",
                    )
                )

    def _schrijven(self, plan: _Plan, verband) -> None:
        if plan.verband_opslaan:
            services.samenwerkingsverband_opslaan(samenwerkingsverband=verband)
            self.verbanden[verband.pk] = verband
        for versie in plan.versies_nieuw + plan.versies_gewijzigd:
            versie.samenwerkingsverband = verband
        services.rijen_aanmaken(model=Regelingversie, rijen=plan.versies_nieuw)
        services.rijen_bijwerken(
            model=Regelingversie,
            rijen=plan.versies_gewijzigd,
            velden=[
                "samenwerkingsverband",
                "titel",
                "citeertitel",
                "ingangsdatum",
                "einddatum",
                "datum_mutatie",
                "datum_ter_verificatie",
            ],
        )
        if plan.domeinen_erbij:
            verband.domeinen.add(*plan.domeinen_erbij)
        if plan.domeinen_eraf:
            verband.domeinen.remove(*plan.domeinen_eraf)
        services.rijen_verwijderen(rijen=plan.rijen_weg)
        per_model: dict[type, list] = {}
        for rij in plan.rijen_nieuw:
            rij.samenwerkingsverband = verband
            per_model.setdefault(type(rij), []).append(rij)
        for model, rijen in per_model.items():
            services.rijen_aanmaken(model=model, rijen=rijen)
        self._deelnames_schrijven(plan, verband)

    def _deelnames_schrijven(self, plan: _Plan, verband) -> None:
        eindes = plan.deelnames_einde
        if eindes:
            latere = set(
                Zetel.objects.filter(
                    deelname__in=[d for d, _e in eindes],
                )
                .filter(begindatum__isnull=False)
                .values_list("deelname_id", "begindatum")
            )
            per_datum: dict[datetime.date, list[Deelname]] = {}
            for d, einde in eindes:
                if any(pk == d.pk and begin >= einde for pk, begin in latere):
                    plan.wijzigingen.append(
                        Wijziging(
                            CONFLICT,
                            verband.naam,
                            verband.roo_systeem_id,
                            f"deelname van {d.gemeente or d.organisatie}: het register beëindigt "
                            f"haar per {_datum(einde)}, maar in regioreg begint daarna nog een "
                            "zetel; niet beëindigd. Pas de zetel aan.",
                        )
                    )
                    continue
                per_datum.setdefault(einde, []).append(d)
            for einde, lijst in per_datum.items():
                services.deelnames_beeindigen(deelnames=lijst, datum=einde)
            services.rijen_bijwerken(
                model=Deelname, rijen=[d for d, _e in eindes], velden=["roo_stand"]
            )
        for d in plan.deelnames_gewijzigd:
            services.deelname_opslaan(deelname=d)
        services.rijen_bijwerken(model=Deelname, rijen=plan.deelnames_stand, velden=["roo_stand"])
        for d in plan.deelnames_nieuw:
            d.samenwerkingsverband = verband
        services.deelnames_aanmaken(deelnames=plan.deelnames_nieuw)

    # --- The record of this import ----------------------------------------------------------

    def vastleggen(self) -> None:
        if self.verslag.proef or self.export.stand is None:
            return
        bron = BRON_REGELINGEN if self.export.heeft_regelingen else BRON_GEMEENTEN
        if Bronimport.objects.filter(bron=bron, stand=self.export.stand).exists():
            return
        Bronimport.objects.create(
            bron=bron,
            stand=self.export.stand,
            bestanden="\n".join(self.export.bestanden),
            samenvatting="\n".join(verslagregels(self.verslag)[:50]),
        )


def _besluittitel(url: str) -> str:
    delen = urlsplit(url)
    stukken = [p for p in delen.path.split("/") if p]
    naam = stukken[-1] if stukken else delen.netloc
    naam = re.sub(r"\.(html?|pdf|xml)$", "", naam, flags=re.IGNORECASE)
    return f"Instellingsbesluit {naam}"[:300]


def verslagregels(verslag: RooVerslag) -> list[str]:
    """The report in Dutch, one line each (the command prints it; Bronimport keeps it)."""
    regels = []
    if verslag.stand:
        regels.append(f"Stand van het register: {_datum(verslag.stand.date())}")
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
        f"nieuw"
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
