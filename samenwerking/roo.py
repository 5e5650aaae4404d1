"""The national register's XML: `exportOO_gemeenschappelijke_regelingen.xml` of the Register
van Overheidsorganisaties (ROO), as defined by `fixtures/roo/oo-export.xsd` (2.6.x).

Import: the file is validated against the schema first; any error (with its line number)
stops the import before anything is written. Regelingen are upserted by their `systeemId`
(an arrangement without one that has the same name and place, e.g. from OpenGR, is linked
to it), and what the register states replaces what regioreg had: vorm, bevoegdheids-
verkrijging, wettelijke grondslagen, bevoegdheden, address, doel, dates, beleidsterreinen
(domeinen, made when unknown), deelnemende organisaties with toetredingsdatum, verdeelsleutel
and bestuursorganen, and previousVersion/nextVersion. Importing the same file twice changes
nothing.

Export (`roo_export.py`): the same format for chosen arrangements, checked against the same
schema.
"""

import datetime
import functools
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from lxml import etree

from . import services
from .constants import (
    BRON_ROO,
    Bevoegdheidsverkrijging,
    OrgaanSoort,
    OrganisatieSoort,
    Vorm,
)
from .deelnemers import Organisaties
from .models import (
    Bestuursorgaan,
    Bevoegdheid,
    Deelname,
    Domein,
    Gemeente,
    Samenwerkingsverband,
    WettelijkeGrondslag,
)
from .normalisatie import Namenlijst, normaliseer_naam, organisatie_soort, regeling_sleutel
from .referentiedata import FIXTURES

NS = "https://organisaties.overheid.nl/static/schema/oo/export/2.6.3"
XSD_PAD = FIXTURES / "roo" / "oo-export.xsd"
MAX_FOUTEN = 10

# samenwerkingsvorm: the register's afkorting is our code; the text is fixed by the schema.
VORM_TEKST = {
    Vorm.OPENBAAR_LICHAAM: "Openbaar lichaam",
    Vorm.GEMEENSCHAPPELIJK_ORGAAN: "Gemeenschappelijk orgaan",
    Vorm.BEDRIJFSVOERINGSORGANISATIE: "Bedrijfsvoeringsorganisatie",
    Vorm.CENTRUMGEMEENTE: "Centrumconstructie",
    Vorm.REGELING_ZONDER_MEER: "'Regeling zonder meer'",
}
VERKRIJGING = {str(label): code for code, label in Bevoegdheidsverkrijging.choices}
REGISTRATIEHOUDER = "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"


def q(naam: str) -> str:
    """A name in the register's namespace (elements and its global attributes alike)."""
    return f"{{{NS}}}{naam}"


class RooFout(ValidationError):
    """The file cannot be imported; the messages name the line."""


@functools.cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(XSD_PAD)))


def _veilige_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def valideren(inhoud: bytes) -> etree._ElementTree:
    """The parsed file, or RooFout with the first schema errors and their line numbers."""
    try:
        document = etree.fromstring(inhoud, _veilige_parser()).getroottree()
    except etree.XMLSyntaxError as fout:
        raise RooFout([f"regel {fout.lineno}: geen geldige XML: {fout.msg}"]) from None
    if document.docinfo.doctype:
        # The register's export has none; a DTD could only smuggle in entities.
        raise RooFout(["regel 1: een DOCTYPE is niet toegestaan in een ROO-export."])
    schema = _schema()
    if not schema.validate(document):
        raise RooFout(
            [
                f"regel {fout.line}: {fout.message.replace(f'{{{NS}}}', '')}"
                for fout in list(schema.error_log)[:MAX_FOUTEN]
            ]
        )
    return document


# --- Import ------------------------------------------------------------------------------------


@dataclass
class RooVerslag:
    nieuw: int = 0
    bijgewerkt: int = 0
    ongewijzigd: int = 0
    deelnames_nieuw: int = 0
    deelnames_bijgewerkt: int = 0
    organisaties_nieuw: int = 0
    domeinen_nieuw: int = 0
    versies_gekoppeld: int = 0
    aandachtspunten: list[str] = field(default_factory=list)

    @property
    def iets_gewijzigd(self) -> bool:
        return bool(
            self.nieuw
            or self.bijgewerkt
            or self.deelnames_nieuw
            or self.deelnames_bijgewerkt
            or self.organisaties_nieuw
            or self.domeinen_nieuw
            or self.versies_gekoppeld
        )


def _pad(pad: str) -> str:
    return "/".join(f"p:{deel}" for deel in pad.split("/"))


def _tekst(element, pad: str) -> str:
    gevonden = element.find(_pad(pad), {"p": NS})
    return "".join(gevonden.itertext()).strip() if gevonden is not None else ""


def _alle(element, pad: str) -> list:
    return element.findall(_pad(pad), {"p": NS})


def _datum(tekst: str) -> datetime.date | None:
    return datetime.date.fromisoformat(tekst[:10]) if tekst else None


def _systeem_id(element) -> int | None:
    waarde = element.get(q("systeemId")) if element is not None else None
    return int(waarde) if waarde else None


def _naam(element) -> str:
    """The name of a mixed-content element: its `naam` child, or its own text."""
    return _tekst(element, "naam") or (element.text or "").strip()


class _Lezer:
    """Turns one `regeling` element into field values, collecting errors with line numbers."""

    def __init__(self):
        self.gemeenten = Namenlijst(Gemeente.objects.all(), naam=lambda g: g.naam)
        self.organisaties = Organisaties()
        self.domeinen = Namenlijst(Domein.objects.all(), naam=lambda d: d.naam)
        self.fouten: list[str] = []
        self.verbanden: dict[object, Samenwerkingsverband] = {}
        for verband in Samenwerkingsverband.objects.all():
            self.verbanden[verband.roo_systeem_id or self._naam_en_plaats(verband)] = verband

    @staticmethod
    def _naam_en_plaats(verband: Samenwerkingsverband) -> tuple[str, str]:
        return (regeling_sleutel(verband.naam), normaliseer_naam(verband.vestigingsplaats))

    def verband(self, gegevens: dict) -> Samenwerkingsverband:
        """The arrangement with this systeemId; else one without systeemId with the same name
        and place (or no place), e.g. from OpenGR; else a new one."""
        voorlopig = Samenwerkingsverband(
            naam=gegevens["velden"]["naam"],
            vestigingsplaats=gegevens["velden"].get("vestigingsplaats", ""),
        )
        naam, plaats = self._naam_en_plaats(voorlopig)
        return (
            self.verbanden.get(gegevens["systeem_id"])
            or self.verbanden.pop((naam, plaats), None)
            or self.verbanden.pop((naam, ""), None)
            or Samenwerkingsverband()
        )

    def fout(self, element, melding: str) -> None:
        self.fouten.append(f"regel {element.sourceline}: {melding}")

    def gemeente(self, naam: str, datum: datetime.date | None) -> Gemeente | None:
        gevonden = self.gemeenten.zoek(naam)
        if len(gevonden) > 1:
            gevonden = [g for g in gevonden if g.is_actief_op(datum or timezone.localdate())]
        return gevonden[0] if len(gevonden) == 1 else None

    def regeling(self, element) -> dict:
        titel = _tekst(element, "titel")
        if len(titel) > 250:
            self.fout(element, f"titel is langer dan 250 tekens: {titel[:60]}…")
        vorm = element.find(q("samenwerkingsvorm")).get(q("afkorting"))
        adres = self._adres(element)
        gegevens = {
            "systeem_id": _systeem_id(element),
            "velden": {
                "naam": titel[:250],
                "afkorting": _tekst(element, "afkorting"),
                "vorm": vorm,
                "bevoegdheidsverkrijgingen": [
                    VERKRIJGING[e.text.strip()]
                    for e in _alle(element, "bevoegdheidsverkrijgingen/bevoegdheidsverkrijging")
                ],
                "doel": _tekst(element, "doel"),
                "ingangsdatum": _datum(_tekst(element, "datumInwerkingtreding")),
                "einddatum": _datum(_tekst(element, "datumUitwerkingtreding")),
                **adres,
            },
            "grondslagen": [
                (_tekst(e, "opschrift") or _tekst(e, "referentie"), _tekst(e, "referentie"))
                for e in _alle(element, "wettelijkeGrondslagen/wettelijkeGrondslag")
                if _tekst(e, "opschrift") or _tekst(e, "referentie")
            ],
            "bevoegdheden": [
                (_tekst(e, "kopArtikel"), _tekst(e, "inhoudArtikel") or _tekst(e, "kopArtikel"))
                for e in _alle(element, "bevoegdheden/bevoegdheid")
                if _tekst(e, "kopArtikel") or _tekst(e, "inhoudArtikel")
            ],
            "domeinen": [
                _naam(e) for e in _alle(element, "beleidsterreinen/beleidsterrein") if _naam(e)
            ],
            "deelnemers": [
                self._deelnemer(e)
                for e in _alle(element, "deelnemendeOrganisaties/deelnemendeOrganisatie")
            ],
            "vorige": _systeem_id(element.find(q("previousVersion"))),
            "volgende": _systeem_id(element.find(q("nextVersion"))),
        }
        if vorm == Vorm.CENTRUMGEMEENTE:
            gegevens["velden"]["centrumgemeente"] = self._centrumgemeente(element, gegevens)
        else:
            gegevens["velden"]["centrumgemeente"] = None
        return gegevens

    @staticmethod
    def _adres(element) -> dict:
        adressen = _alle(element, "adressen/adres")
        if not adressen:
            return {}
        adres = next((a for a in adressen if _tekst(a, "type").lower() == "bezoekadres"), None)
        adres = adres if adres is not None else adressen[0]
        straat = " ".join(
            deel for deel in (_tekst(adres, "straat"), _tekst(adres, "huisnummer")) if deel
        ) + _tekst(adres, "toevoeging")
        postbus = _tekst(adres, "postbus")
        return {
            "adres": (straat or (f"Postbus {postbus}" if postbus else ""))[:250],
            "postcode": _tekst(adres, "postcode")[:10],
            "vestigingsplaats": _tekst(adres, "plaats")[:100],
        }

    def _deelnemer(self, element) -> dict:
        naam = _tekst(element, "naam")
        toetreding = _datum(_tekst(element, "toetredingsDatum"))
        sleutel = _tekst(element, "verdeelsleutel")
        gemeente = self.gemeente(naam, toetreding)
        organisatie = None
        if gemeente is None and naam.lower().startswith("gemeente "):
            self.fout(element, f"deelnemer {naam!r}: deze gemeente staat niet in het register.")
        elif gemeente is None:
            organisatie = self.organisaties.zoek_of_maak(
                naam,
                organisatie_soort(naam) or OrganisatieSoort.OVERIG_PUBLIEK,
                systeem_id=_systeem_id(element),
            )
            if organisatie is None:
                self.fout(element, f"deelnemer {naam!r}: provincie niet herkend.")
        return {
            "gemeente": gemeente,
            "organisatie": organisatie,
            "toetredingsdatum": toetreding,
            "verdeelsleutel": Decimal(sleutel.replace(",", ".")) if sleutel.strip(",") else None,
            "bestuursorganen": [_naam(e) for e in _alle(element, "bestuursorganen/bestuursorgaan")],
        }

    def _centrumgemeente(self, element, gegevens: dict) -> Gemeente | None:
        """The register has no field for it: the bronhouder, else the gemeente at the address."""
        deelnemers = {d["gemeente"] for d in gegevens["deelnemers"] if d["gemeente"]}
        for naam in (
            (element.findtext(q("bronhouder")) or "").strip(),
            gegevens["velden"].get("vestigingsplaats", ""),
        ):
            gemeente = self.gemeente(naam, None) if naam else None
            if gemeente in deelnemers:
                return gemeente
        self.fout(
            element,
            "centrumconstructie zonder herkenbare centrumgemeente: noem haar als bronhouder of "
            "als plaats van het adres, en als deelnemer.",
        )
        return None


def roo_importeren(*, inhoud: bytes, proef: bool = False) -> RooVerslag:
    """Import a ROO export; nothing is written if anything in it is wrong (or with `proef`)."""
    document = valideren(inhoud)
    with transaction.atomic():
        verslag = _importeren(document)
        if proef:
            transaction.set_rollback(True)
    return verslag


def _importeren(document) -> RooVerslag:
    verslag = RooVerslag()
    wortel = document.getroot()
    tijdstip = (wortel.get(q("timestamp")) or "")[:10]
    bron = f"{BRON_ROO} {tijdstip}".strip()
    lezer = _Lezer()
    elementen = _alle(wortel, "gemeenschappelijkeRegelingen/regeling") + _alle(
        wortel, "gemeenschappelijkeRegelingenGrensoverschrijdend/regeling"
    )
    regelingen = []
    for element in elementen:
        gegevens = lezer.regeling(element)
        if gegevens["systeem_id"] is None:
            lezer.fout(element, "regeling zonder systeemId; regioreg herkent regelingen daaraan.")
        regelingen.append((element, gegevens))
    if lezer.fouten:
        raise RooFout(lezer.fouten[:MAX_FOUTEN])

    verslag.organisaties_nieuw = lezer.organisaties.opslaan()
    per_systeem_id = {}
    for element, gegevens in regelingen:
        try:
            verband = _regeling_opslaan(gegevens, bron, lezer, verslag)
        except ValidationError as fout:
            raise RooFout(
                [f"regel {element.sourceline}: {melding}" for melding in fout.messages]
            ) from None
        per_systeem_id[gegevens["systeem_id"]] = verband
    _versies_koppelen(regelingen, per_systeem_id, verslag)
    return verslag


def _regeling_opslaan(gegevens: dict, bron: str, lezer: _Lezer, verslag: RooVerslag):
    verband = lezer.verband(gegevens)
    nieuw = verband.pk is None
    velden = {**gegevens["velden"], "roo_systeem_id": gegevens["systeem_id"]}
    gewijzigd = nieuw or any(getattr(verband, k) != v for k, v in velden.items())
    if gewijzigd:
        for veld, waarde in velden.items():
            setattr(verband, veld, waarde)
        verband.bron = bron
        services.samenwerkingsverband_opslaan(samenwerkingsverband=verband)
        lezer.verbanden[verband.roo_systeem_id] = verband

    domeinen = [_domein(naam, lezer, verslag) for naam in gegevens["domeinen"]]
    if set(domeinen) - set(verband.domeinen.all()):
        verband.domeinen.add(*domeinen)
        gewijzigd = True
    gewijzigd |= _lijst_vervangen(
        verband.wettelijke_grondslagen,
        [WettelijkeGrondslag(opschrift=o[:250], url=u) for o, u in gegevens["grondslagen"]],
        ("opschrift", "url"),
    )
    gewijzigd |= _lijst_vervangen(
        verband.bevoegdheden,
        [Bevoegdheid(artikel=a[:250], omschrijving=o) for a, o in gegevens["bevoegdheden"]],
        ("artikel", "omschrijving"),
    )
    gewijzigd |= _deelnames_opslaan(verband, gegevens["deelnemers"], bron, verslag)
    if nieuw:
        verslag.nieuw += 1
    elif gewijzigd:
        verslag.bijgewerkt += 1
    else:
        verslag.ongewijzigd += 1
    return verband


def _domein(naam: str, lezer: _Lezer, verslag: RooVerslag) -> Domein:
    gevonden = lezer.domeinen.zoek(naam) or list(Domein.objects.filter(code=slugify(naam)[:50]))
    if gevonden:
        return gevonden[0]
    domein = Domein(code=slugify(naam)[:50], naam=naam[:100])
    domein.full_clean()
    domein.save()
    lezer.domeinen = Namenlijst(Domein.objects.all(), naam=lambda d: d.naam)
    verslag.domeinen_nieuw += 1
    return domein


def _lijst_vervangen(manager, nieuw: list, velden: tuple[str, ...]) -> bool:
    """Replace an arrangement's rows (grondslagen, bevoegdheden) if they differ."""
    oud = [tuple(getattr(r, v) for v in velden) for r in manager.all()]
    if oud == [tuple(getattr(r, v) for v in velden) for r in nieuw]:
        return False
    manager.all().delete()
    for rij in nieuw:
        rij.samenwerkingsverband = manager.instance
        rij.full_clean()
        rij.save()
    return True


def _deelnames_opslaan(verband, deelnemers: list[dict], bron: str, verslag: RooVerslag) -> bool:
    """Each participant's running deelname (or the one that began on the same date) gets the
    register's toetredingsdatum and verdeelsleutel; a missing one is added. True if anything
    changed, organs included."""
    gewijzigd = False
    for deelnemer in deelnemers:
        wie = {"gemeente": deelnemer["gemeente"], "organisatie": deelnemer["organisatie"]}
        waarden = {
            k: deelnemer[k]
            for k in ("toetredingsdatum", "verdeelsleutel")
            if deelnemer[k] is not None
        }
        deelname = next(
            (
                d
                for d in verband.deelnames.filter(**wie)
                if d.uittredingsdatum is None or d.toetredingsdatum == deelnemer["toetredingsdatum"]
            ),
            None,
        )
        if deelname is None:
            deelname = Deelname(samenwerkingsverband=verband, bron=bron, **wie)
            verslag.deelnames_nieuw += 1
        elif any(getattr(deelname, k) != v for k, v in waarden.items()):
            verslag.deelnames_bijgewerkt += 1
        else:
            deelname = None
        if deelname is not None:
            for veld, waarde in waarden.items():
                setattr(deelname, veld, waarde)
            services.deelname_opslaan(deelname=deelname)
            gewijzigd = True
        gewijzigd |= _organen_aanvullen(verband, deelnemer["bestuursorganen"])
    return gewijzigd


def _organen_aanvullen(verband, namen: list[str]) -> bool:
    """The bestuursorganen a participant is represented in exist for the arrangement; a name
    that is not one of the kinds (algemeen bestuur, …) is an `overig` organ of that name."""
    soorten = {normaliseer_naam(str(label)): code for code, label in OrgaanSoort.choices}
    gemaakt = False
    for naam in namen:
        soort = soorten.get(normaliseer_naam(naam))
        orgaan = (
            {"soort": soort, "naam": ""}
            if soort
            else {"soort": OrgaanSoort.OVERIG, "naam": naam[:250]}
        )
        if not verband.bestuursorganen.filter(**orgaan).exists():
            nieuw = Bestuursorgaan(samenwerkingsverband=verband, **orgaan)
            nieuw.full_clean()
            nieuw.save()
            gemaakt = True
    return gemaakt


def _versies_koppelen(regelingen, per_systeem_id: dict, verslag: RooVerslag) -> None:
    """previousVersion and nextVersion become vorige_versie, also towards regelingen that an
    earlier import brought in."""
    paren = set()
    for _element, gegevens in regelingen:
        if gegevens["vorige"]:
            paren.add((gegevens["vorige"], gegevens["systeem_id"]))
        if gegevens["volgende"]:
            paren.add((gegevens["systeem_id"], gegevens["volgende"]))

    def zoek(systeem_id):
        return per_systeem_id.get(systeem_id) or (
            Samenwerkingsverband.objects.filter(roo_systeem_id=systeem_id).first()
        )

    for eerder_id, later_id in sorted(paren):
        eerder, later = zoek(eerder_id), zoek(later_id)
        if eerder is None or later is None:
            bekend = eerder or later
            verslag.aandachtspunten.append(
                f"{bekend}: de versie met systeemId {later_id if eerder else eerder_id} staat "
                "niet in het register; niet gekoppeld."
            )
        elif later.vorige_versie_id != eerder.pk:
            later.vorige_versie = eerder
            services.samenwerkingsverband_opslaan(samenwerkingsverband=later)
            verslag.versies_gekoppeld += 1
