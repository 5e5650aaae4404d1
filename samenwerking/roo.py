"""The national register's XML: the export of the Register van Overheidsorganisaties (ROO),
as published daily (`exportOO.xml`, or per category `exportOO_gemeenten.xml` and
`exportOO_gemeenschappelijke_regelingen.xml`; schema `oo-export.xsd`, 2.6.x).

This module reads a file into plain records (`RooExport`), each field as `roo_velden` reads
it; `roo_import` brings them into the register and `roo_export.py` writes the same format.

- Elements are matched by their local name, so a newer 2.6.x export (another namespace
  version, extra fields) reads too. Attributes such as `p:systeemId` are read by local name
  as well.
- The schema is not part of regioreg: it is read at run time from beside the file (or given
  with `schema=`). When it describes the file's namespace, the file is checked against it and
  every schema error inside a regeling keeps that regeling out of the import, with its line
  and the reason; errors elsewhere are reported. Without a matching schema the file is read
  as it is.
- What a single field gets wrong (a verdeelsleutel that is no number, an unknown kind of
  bestuursorgaan) is reported on its line and left out; it never stops the import.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from django.core.exceptions import ValidationError
from lxml import etree

from . import roo_velden as veld
from .constants import Bevoegdheidsverkrijging, DeelnemendOrgaan, Vorm
from .peilmoment import DATUM_MAX, DATUM_MIN, binnen_bereik
from .periode import loopt_op

NS = "https://organisaties.overheid.nl/static/schema/oo/export/2.6.3"
SCHEMA_NAAM = "oo-export.xsd"
MAX_FOUTEN = 10

# samenwerkingsvorm: the register's afkorting is our code; the text is fixed by the schema.
VORM_TEKST = {
    Vorm.OPENBAAR_LICHAAM: "Openbaar lichaam",
    Vorm.GEMEENSCHAPPELIJK_ORGAAN: "Gemeenschappelijk orgaan",
    Vorm.BEDRIJFSVOERINGSORGANISATIE: "Bedrijfsvoeringsorganisatie",
    Vorm.CENTRUMGEMEENTE: "Centrumconstructie",
    Vorm.REGELING_ZONDER_MEER: "'Regeling zonder meer'",
}
WGR_AFKORTINGEN = set(VORM_TEKST)
REGISTRATIEHOUDER = "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"


def _sleutel(tekst: str) -> str:
    return re.sub(r"[^a-z]+", " ", tekst.lower()).strip()


VERKRIJGING = {_sleutel(str(label)): code for code, label in Bevoegdheidsverkrijging.choices}

# The participant's own organs, by the register's name (its OWMS term says the same).
ORGANEN = {
    "gemeenteraad": DeelnemendOrgaan.RAAD,
    "raad": DeelnemendOrgaan.RAAD,
    "college van burgemeester en wethouders": DeelnemendOrgaan.COLLEGE,
    "burgemeester": DeelnemendOrgaan.BURGEMEESTER,
    "provinciale staten": DeelnemendOrgaan.PROVINCIALE_STATEN,
    "gedeputeerde staten": DeelnemendOrgaan.GEDEPUTEERDE_STATEN,
    "commissaris van de koning": DeelnemendOrgaan.COMMISSARIS,
    "commissaris van de koningin": DeelnemendOrgaan.COMMISSARIS,
    "algemeen bestuur": DeelnemendOrgaan.ALGEMEEN_BESTUUR,
    "dagelijks bestuur": DeelnemendOrgaan.DAGELIJKS_BESTUUR,
    "dijkgraaf": DeelnemendOrgaan.DIJKGRAAF,
    "minister": DeelnemendOrgaan.MINISTER,
    "staatssecretaris": DeelnemendOrgaan.STAATSSECRETARIS,
}

_TOOI = re.compile(r"/tooi/id/(?P<soort>[a-z_]+)/(?P<code>[a-z]+\d+)$", re.IGNORECASE)


class RooFout(ValidationError):
    """The file cannot be read at all (not XML, not an export); the messages name the line."""


# --- Records --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Tooi:
    """A TOOI identifier: `…/tooi/id/gemeente/gm0344` is soort `gemeente`, code `GM0344`."""

    soort: str
    code: str

    @classmethod
    def uit(cls, uri: str | None) -> "Tooi | None":
        gevonden = _TOOI.search((uri or "").strip())
        if not gevonden:
            return None
        return cls(gevonden["soort"].lower(), gevonden["code"].upper())


@dataclass
class Verwijzing:
    """A reference to another body (bronhouder, archiefzorgdrager, executing body)."""

    naam: str
    systeem_id: int | None
    tooi: Tooi | None


@dataclass
class Deelnemer:
    regel: int
    naam: str
    systeem_id: int | None
    tooi: Tooi | None
    toetredingsdatum: datetime.date | None
    verdeelsleutel: Decimal | None
    organen: list[str]


@dataclass
class Adres:
    adres: str = ""
    postcode: str = ""
    plaats: str = ""


@dataclass
class Regeling:
    """One version of a gemeenschappelijke regeling, as the register states it."""

    regel: int
    systeem_id: int | None
    titel: str
    citeertitel: str
    vorm: str
    verkrijgingen: list[str]
    uitvoerder: Verwijzing | None
    bronhouder: Verwijzing | None
    archiefzorgdrager: Verwijzing | None
    instellingsbesluiten: list[str]
    grondslagen: list[tuple[str, str]]
    bevoegdheden: list[tuple[str, str]]
    adres: Adres
    website: str
    doel: str
    ingangsdatum: datetime.date | None
    einddatum: datetime.date | None
    datum_ter_verificatie: datetime.date | None
    datum_mutatie: datetime.date | None
    beleidsterreinen: list[tuple[str, str]]  # (naam, TOOI-begrip or "")
    deelnemers: list[Deelnemer]
    vorige: int | None
    volgende: int | None
    # What cannot land (the whole version stays out) and what only one field gets wrong.
    fouten: list[str] = field(default_factory=list)
    opmerkingen: list[str] = field(default_factory=list)

    def loopt_op(self, datum: datetime.date) -> bool:
        return loopt_op(datum, self.ingangsdatum, self.einddatum)


@dataclass
class Organisatie:
    """An `organisatie` of the export: a gemeente (with its inwoners) or another body, such as
    the openbaar lichaam that carries out a regeling."""

    regel: int
    systeem_id: int | None
    tooi: Tooi | None
    naam: str
    afkorting: str
    types: list[str]
    adres: Adres
    telefoon: str
    email: str
    website: str
    einddatum: datetime.date | None
    inwoners: int | None
    hoort_bij: int | None

    @property
    def is_gemeente(self) -> bool:
        return (self.tooi is not None and self.tooi.soort == "gemeente") or any(
            t.lower() == "gemeente" for t in self.types
        )


@dataclass
class RooExport:
    """What one or more export files hold."""

    stand: datetime.datetime | None = None
    bestanden: list[str] = field(default_factory=list)
    regelingen: list[Regeling] = field(default_factory=list)
    organisaties: list[Organisatie] = field(default_factory=list)
    meldingen: list[str] = field(default_factory=list)
    heeft_regelingen: bool = False
    heeft_gemeenten: bool = False

    @property
    def standdatum(self) -> datetime.date | None:
        return self.stand.date() if self.stand else None

    def aanvullen(self, ander: "RooExport") -> None:
        self.stand = max(filter(None, [self.stand, ander.stand]), default=None)
        self.bestanden += ander.bestanden
        self.regelingen += ander.regelingen
        self.organisaties += ander.organisaties
        self.meldingen += ander.meldingen
        self.heeft_regelingen |= ander.heeft_regelingen
        self.heeft_gemeenten |= ander.heeft_gemeenten


# --- Reading --------------------------------------------------------------------------------


def _veilige_parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=True)


def _codes(elementen, tabel: dict, opmerkingen: list[str], wat: Callable[[str], str]) -> list:
    """TABEL's codes for the elements' texts, each once, in order; an unknown text is a note."""
    codes = []
    for e in elementen:
        tekst = veld.eigen_tekst(e)
        code = tabel.get(_sleutel(tekst))
        if code is None:
            opmerkingen.append(f"regel {e.sourceline}: {wat(tekst)} is onbekend; niet overgenomen.")
        elif code not in codes:
            codes.append(code)
    return codes


class _Lezer:
    """Reads the elements of one file into records; notes go to the record or the export."""

    def __init__(self, export: RooExport):
        self.export = export

    def datum(self, element, pad: str, waarin: list[str], wat: str) -> datetime.date | None:
        tekst = veld.tekst(element, pad)
        if not tekst:
            return None
        try:
            datum = datetime.date.fromisoformat(tekst[:10])
            if binnen_bereik(datum):  # what regioreg stores: said here, not when it is saved
                return datum
            bezwaar = f"valt buiten {DATUM_MIN} tot en met {DATUM_MAX}"
        except ValueError:
            bezwaar = "is geen datum"
        waarin.append(f"regel {veld.kind(element, pad).sourceline}: {wat} {tekst!r} {bezwaar}.")
        return None

    def verwijzing(self, element, pad: str) -> Verwijzing | None:
        gevonden = veld.kind(element, pad)
        if gevonden is None:
            return None
        return Verwijzing(
            naam=veld.eigen_tekst(gevonden),
            systeem_id=veld.geheel(veld.attr(gevonden, "systeemId")),
            tooi=Tooi.uit(veld.attr(gevonden, "resourceIdentifierTOOI")),
        )

    @staticmethod
    def adres(element) -> Adres:
        adressen = veld.alle(element, "adressen/adres")
        if not adressen:
            return Adres()
        voorkeur = ("bezoekadres", "vestigingsadres", "postadres")
        adressen.sort(
            key=lambda a: (
                voorkeur.index(veld.tekst(a, "type").lower())
                if veld.tekst(a, "type").lower() in voorkeur
                else len(voorkeur)
            )
        )
        adres = adressen[0]
        straat = " ".join(
            d for d in (veld.tekst(adres, "straat"), veld.tekst(adres, "huisnummer")) if d
        )
        straat += veld.tekst(adres, "huisnummertoevoeging") or veld.tekst(adres, "toevoeging")
        postbus = veld.tekst(adres, "postbus")
        postcode, plaats = veld.postcode_en_plaats(
            veld.tekst(adres, "postcode"), veld.tekst(adres, "plaats")
        )
        return Adres(
            adres=(straat or (f"Postbus {postbus}" if postbus else ""))[:250],
            postcode=postcode[:10],
            plaats=plaats[:100],
        )

    @staticmethod
    def website(element) -> str:
        for pad in ("contact/internetadressen/internetadres/url", "contact/internetadres/url"):
            url = veld.tekst(element, pad)
            if url:
                return url if "://" in url else f"https://{url}"
        return ""

    def regeling(self, element) -> Regeling:
        fouten: list[str] = []
        opmerkingen: list[str] = []
        systeem_id = veld.geheel(veld.attr(element, "systeemId"))
        if systeem_id is None:
            fouten.append("regeling zonder systeemId; regioreg herkent regelingen daaraan")
        titel = veld.tekst(element, "titel")
        if not titel:
            fouten.append("regeling zonder titel")
        vorm_element = veld.kind(element, "samenwerkingsvorm")
        vorm = (veld.attr(vorm_element, "afkorting") or "").strip().upper()
        if vorm not in WGR_AFKORTINGEN:
            fouten.append(
                f"samenwerkingsvorm {vorm or veld.eigen_tekst(vorm_element)!r} is onbekend"
            )
        verkrijgingen = _codes(
            veld.alle(element, "bevoegdheidsverkrijgingen/bevoegdheidsverkrijging"),
            VERKRIJGING,
            opmerkingen,
            lambda tekst: f"bevoegdheidsverkrijging {tekst!r}",
        )
        regeling = Regeling(
            regel=element.sourceline,
            systeem_id=systeem_id,
            titel=titel,
            citeertitel=veld.tekst(element, "citeertitel"),
            vorm=vorm,
            verkrijgingen=verkrijgingen,
            uitvoerder=self.verwijzing(element, "regionaalSamenwerkingsorgaan"),
            bronhouder=self.verwijzing(element, "bronhouder"),
            archiefzorgdrager=self.verwijzing(element, "archiefzorgdrager"),
            instellingsbesluiten=[
                url
                for e in veld.alle(element, "instellingsbesluiten/referentie")
                if (url := veld.eigen_tekst(e))
            ],
            grondslagen=[
                (
                    veld.tekst(e, "opschrift") or veld.tekst(e, "referentie"),
                    veld.tekst(e, "referentie"),
                )
                for e in veld.alle(element, "wettelijkeGrondslagen/wettelijkeGrondslag")
                if veld.tekst(e, "opschrift") or veld.tekst(e, "referentie")
            ],
            bevoegdheden=[
                (veld.tekst(e, "kopArtikel"), veld.lange_tekst(e, "inhoudArtikel"))
                for e in veld.alle(element, "bevoegdheden/bevoegdheid")
                if veld.tekst(e, "kopArtikel") or veld.tekst(e, "inhoudArtikel")
            ],
            adres=self.adres(element),
            website=self.website(element),
            doel=veld.lange_tekst(element, "doel"),
            ingangsdatum=self.datum(element, "datumInwerkingtreding", fouten, "inwerkingtreding"),
            einddatum=self.datum(element, "datumUitwerkingtreding", fouten, "uitwerkingtreding"),
            datum_ter_verificatie=self.datum(
                element, "datumTerVerificatie", opmerkingen, "datum ter verificatie"
            ),
            datum_mutatie=self.datum(element, "datumMutatie", opmerkingen, "datum mutatie"),
            beleidsterreinen=[
                (naam, veld.attr(e, "resourceIdentifier") or "")
                for e in veld.alle(element, "beleidsterreinen/beleidsterrein")
                if (naam := veld.eigen_tekst(e))
            ],
            deelnemers=[
                self.deelnemer(e, opmerkingen)
                for e in veld.alle(element, "deelnemendeOrganisaties/deelnemendeOrganisatie")
            ],
            vorige=veld.geheel(veld.attr(veld.kind(element, "previousVersion"), "systeemId")),
            volgende=veld.geheel(veld.attr(veld.kind(element, "nextVersion"), "systeemId")),
            fouten=fouten,
            opmerkingen=opmerkingen,
        )
        if (
            regeling.ingangsdatum
            and regeling.einddatum
            and regeling.einddatum < regeling.ingangsdatum
        ):
            fouten.append("de datum van uitwerkingtreding ligt vóór die van inwerkingtreding")
        return regeling

    def deelnemer(self, element, opmerkingen: list[str]) -> Deelnemer:
        naam = veld.tekst(element, "naam") or veld.eigen_tekst(element)
        sleutel = veld.tekst(element, "verdeelsleutel")
        verdeelsleutel = None
        if sleutel.strip(" ,."):
            try:
                verdeelsleutel = Decimal(sleutel.replace("%", "").replace(",", ".").strip())
            except InvalidOperation:
                opmerkingen.append(
                    f"regel {element.sourceline}: verdeelsleutel {sleutel!r} van {naam} is geen "
                    "getal; niet overgenomen."
                )
            else:
                if not (0 <= verdeelsleutel <= 100) or verdeelsleutel.as_tuple().exponent < -4:
                    opmerkingen.append(
                        f"regel {element.sourceline}: verdeelsleutel {sleutel} van {naam} ligt "
                        "niet tussen 0 en 100 procent (met hoogstens vier decimalen); niet "
                        "overgenomen."
                    )
                    verdeelsleutel = None
        organen = _codes(
            veld.alle(element, "bestuursorganen/bestuursorgaan"),
            ORGANEN,
            opmerkingen,
            lambda tekst: f"bestuursorgaan {tekst!r} van {naam}",
        )
        return Deelnemer(
            regel=element.sourceline,
            naam=naam,
            systeem_id=veld.geheel(veld.attr(element, "systeemId")),
            tooi=Tooi.uit(veld.attr(element, "resourceIdentifierTOOI")),
            toetredingsdatum=self.datum(
                element, "toetredingsDatum", opmerkingen, "toetredingsdatum"
            ),
            verdeelsleutel=verdeelsleutel,
            organen=organen,
        )

    def organisatie(self, element) -> Organisatie:
        notities: list[str] = []
        inwoners = veld.tekst(element, "geografie/aantalInwoners").replace(".", "")
        email = veld.tekst(element, "contact/emailadressen/emailadres/email")
        organisatie = Organisatie(
            regel=element.sourceline,
            systeem_id=veld.geheel(veld.attr(element, "systeemId")),
            tooi=Tooi.uit(veld.attr(element, "resourceIdentifierTOOI")),
            naam=veld.tekst(element, "naam"),
            afkorting=veld.tekst(element, "afkorting")[:50],
            types=[veld.eigen_tekst(t) for t in veld.alle(element, "types/type")],
            adres=self.adres(element),
            telefoon=veld.tekst(element, "contact/telefoonnummers/telefoonnummer/nummer")[:50],
            email=email if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email) else "",
            website=self.website(element),
            einddatum=self.datum(element, "eindDatum", notities, "einddatum"),
            inwoners=veld.geheel(inwoners),
            hoort_bij=veld.geheel(
                veld.attr(veld.kind(element, "hoortBijGemeenschappelijkeRegeling"), "systeemId")
            ),
        )
        self.export.meldingen += notities
        return organisatie


def schema_voor(pad: Path) -> Path | None:
    """The schema beside an export file, if there is one."""
    kandidaat = pad.parent / SCHEMA_NAAM
    return kandidaat if kandidaat.is_file() else None


def _schemafouten(document, schema_pad: Path | None, export: RooExport) -> dict[int, list[str]]:
    """Schema errors by line, when the schema describes this document's namespace."""
    wortel = document.getroot()
    namespace = etree.QName(wortel).namespace or ""
    if schema_pad is None:
        export.meldingen.append(
            f"Geen schema ({SCHEMA_NAAM}) naast het bestand: niet tegen het schema gecontroleerd."
        )
        return {}
    try:
        schema_document = etree.parse(str(schema_pad), _veilige_parser())
        schema = etree.XMLSchema(schema_document)
    except (OSError, etree.XMLSchemaParseError, etree.XMLSyntaxError) as fout:
        export.meldingen.append(
            f"Schema {schema_pad} is niet te lezen ({fout}); niet gecontroleerd."
        )
        return {}
    doel = schema_document.getroot().get("targetNamespace") or ""
    if doel != namespace:
        export.meldingen.append(
            f"Het schema beschrijft {doel or 'geen namespace'}, het bestand gebruikt "
            f"{namespace or 'geen namespace'} (een andere versie): gelezen op elementnamen, "
            "niet tegen het schema gecontroleerd."
        )
        return {}
    fouten: dict[int, list[str]] = {}
    if not schema.validate(document):
        for fout in schema.error_log:
            fouten.setdefault(fout.line, []).append(fout.message.replace(f"{{{namespace}}}", ""))
    return fouten


def lezen(inhoud: bytes, *, naam: str = "", schema: Path | None = None) -> RooExport:
    """Read one export file. Raises RooFout only when it is not a readable export at all."""
    try:
        wortel = etree.fromstring(inhoud, _veilige_parser())
    except etree.XMLSyntaxError as fout:
        raise RooFout([f"{naam}regel {fout.lineno}: geen geldige XML: {fout.msg}"]) from None
    document = wortel.getroottree()
    if document.docinfo.doctype:
        # The register's export has none; a DTD could only smuggle in entities.
        raise RooFout([f"{naam}regel 1: een DOCTYPE is niet toegestaan in een ROO-export."])
    if veld.lokaal(wortel) != "overheidsorganisaties":
        raise RooFout(
            [
                f"{naam}regel {wortel.sourceline}: dit is geen export van het Register van "
                f"Overheidsorganisaties (het hoofdelement heet {veld.lokaal(wortel)!r}, verwacht "
                "'overheidsorganisaties')."
            ]
        )
    export = RooExport(bestanden=[naam.rstrip(": ")] if naam else [])
    tijdstip = veld.attr(wortel, "timestamp") or ""
    try:
        export.stand = datetime.datetime.fromisoformat(tijdstip) if tijdstip else None
    except ValueError:
        export.meldingen.append(f"timestamp {tijdstip!r} van het bestand is geen tijdstip.")
    schemafouten = _schemafouten(document, schema, export)
    lezer = _Lezer(export)

    regelingen = []
    for element in wortel.iter("{*}regeling"):
        regeling = lezer.regeling(element)
        eind = _laatste_regel(element)
        for regel in sorted(schemafouten):
            if element.sourceline <= regel <= eind:
                regeling.fouten += [f"regel {regel}: {m}" for m in schemafouten.pop(regel)]
        regelingen.append(regeling)
    for element in wortel.iter("{*}organisatie"):
        export.organisaties.append(lezer.organisatie(element))
    for regel, meldingen in sorted(schemafouten.items())[:MAX_FOUTEN]:
        export.meldingen += [f"regel {regel}: {m} (schema)" for m in meldingen]
    export.regelingen = regelingen
    export.heeft_regelingen = any(
        veld.lokaal(e).startswith("gemeenschappelijkeRegelingen") for e in wortel
    )
    export.heeft_gemeenten = any(o.is_gemeente for o in export.organisaties)
    return export


def _laatste_regel(element) -> int:
    laatste = element.sourceline
    for kind in element.iterdescendants():
        laatste = max(laatste, kind.sourceline or laatste)
    return laatste + 1  # the closing tag


def bestanden_lezen(paden: list[Path], *, schema: Path | None = None) -> RooExport:
    """Read several files (a gemeenten file, a regelingen file, a full export) as one."""
    export = RooExport()
    for pad in paden:
        try:
            inhoud = pad.read_bytes()
        except OSError as fout:
            raise RooFout([f"{pad}: {fout.strerror}."]) from None
        export.aanvullen(lezen(inhoud, naam=f"{pad.name}: ", schema=schema or schema_voor(pad)))
    return export


def valideren(inhoud: bytes, schema: Path) -> None:
    """Check a whole document against `schema` (as `lezen` does, `_schemafouten`); RooFout
    with the first errors and their lines, or why it could not be checked."""
    try:
        document = etree.fromstring(inhoud, _veilige_parser()).getroottree()
    except etree.XMLSyntaxError as fout:
        raise RooFout([f"regel {fout.lineno}: geen geldige XML: {fout.msg}"]) from None
    export = RooExport()
    fouten = _schemafouten(document, schema, export)
    meldingen = export.meldingen + [f"regel {r}: {m}" for r in sorted(fouten) for m in fouten[r]]
    if meldingen:
        raise RooFout(meldingen[:MAX_FOUTEN])
