"""Exports in the national register's format, written by the tests themselves.

Our own made-up content (a "Testregio") with real gemeente codes, in the shape of
`exportOO_gemeenschappelijke_regelingen.xml` and `exportOO_gemeenten.xml`. Nothing here
comes from the real export."""

from dataclasses import dataclass, field
from xml.sax.saxutils import escape

from samenwerking.models import (
    Bevoegdheid,
    Bronimport,
    Deelname,
    Document,
    Domein,
    Gemeente,
    Inwonertal,
    Organisatie,
    Regelingversie,
    Samenwerkingsverband,
    WettelijkeGrondslag,
)

NS = "https://organisaties.overheid.nl/static/schema/oo/export/2.6.3"
NS_NIEUWER = "https://organisaties.overheid.nl/static/schema/oo/export/2.6.9"
TOOI = "https://identifier.overheid.nl/tooi/id"
VORMEN = {
    "OL": "Openbaar lichaam",
    "GO": "Gemeenschappelijk orgaan",
    "BVO": "Bedrijfsvoeringsorganisatie",
    "CC": "Centrumconstructie",
    "RZM": "'Regeling zonder meer'",
}


def _attr(**waarden) -> str:
    return "".join(f' p:{k}="{escape(str(v))}"' for k, v in waarden.items() if v is not None)


def _naam(terrein: str | tuple[str, str]) -> str:
    return terrein if isinstance(terrein, str) else terrein[0]


def _begrip(terrein: str | tuple[str, str]) -> str:
    return "" if isinstance(terrein, str) else _attr(resourceIdentifier=terrein[1])


@dataclass
class Deelnemer:
    naam: str
    code: str | None = None  # GM0344 (gemeente), PV27 (provincie), ws0155 (waterschap)
    systeem_id: int | None = None
    toetreding: str = "2015-01-01"
    verdeelsleutel: str | None = None
    organen: list[str] = field(default_factory=lambda: ["College van burgemeester en wethouders"])

    def xml(self) -> str:
        tooi = None
        if self.code:
            soort = {"GM": "gemeente", "PV": "provincie", "WS": "waterschap"}[self.code[:2].upper()]
            tooi = f"{TOOI}/{soort}/{self.code.lower()}"
        systeem_id = self.systeem_id or (
            int(self.code[2:]) + {"GM": 10000, "PV": 20000, "WS": 30000}[self.code[:2].upper()]
            if self.code
            else None
        )
        organen = "".join(f"<p:bestuursorgaan>{escape(o)}</p:bestuursorgaan>" for o in self.organen)
        return (
            f"<p:deelnemendeOrganisatie{_attr(systeemId=systeem_id, resourceIdentifierTOOI=tooi)}>"
            f"<p:naam>{escape(self.naam)}</p:naam>"
            f"<p:toetredingsDatum>{self.toetreding}</p:toetredingsDatum>"
            + (
                f"<p:verdeelsleutel>{self.verdeelsleutel}</p:verdeelsleutel>"
                if self.verdeelsleutel
                else ""
            )
            + (f"<p:bestuursorganen>{organen}</p:bestuursorganen>" if self.organen else "")
            + "</p:deelnemendeOrganisatie>"
        )


def gemeente(code: str, naam: str, **kwargs) -> Deelnemer:
    return Deelnemer(naam=f"Gemeente {naam}", code=code, **kwargs)


@dataclass
class Regeling:
    systeem_id: int
    titel: str
    vorm: str = "OL"
    ingang: str = "2015-01-01"
    uit: str | None = None
    deelnemers: list[Deelnemer] = field(default_factory=list)
    citeertitel: str | None = None
    doel: str | None = "Samen de taken van de deelnemers uitvoeren."
    verkrijgingen: list[str] = field(default_factory=lambda: ["Delegatie"])
    grondslagen: list[tuple[str, str]] = field(default_factory=list)
    bevoegdheden: list[tuple[str, str]] = field(default_factory=list)
    besluiten: list[str] = field(default_factory=list)
    # A name, or (name, TOOI-begrip) for one with its p:resourceIdentifier.
    beleidsterreinen: list[str | tuple[str, str]] = field(default_factory=list)
    uitvoerder: tuple[int, str] | None = None
    bronhouder: tuple[int, str, str | None] | None = None  # systeemId, naam, TOOI
    archiefzorgdrager: tuple[int, str] | None = None
    vorige: int | None = None
    volgende: int | None = None
    mutatie: str | None = "2024-03-01"
    extra: str = ""  # raw XML added inside the element (a newer schema's field)

    def xml(self) -> str:
        delen = [f"<p:titel>{escape(self.titel)}</p:titel>"]
        if self.citeertitel:
            delen.append(f"<p:citeertitel>{escape(self.citeertitel)}</p:citeertitel>")
        delen.append("<p:types/>")
        tekst = VORMEN.get(self.vorm, "Onbekende vorm")
        delen.append(
            f'<p:samenwerkingsvorm p:afkorting="{self.vorm}">{escape(tekst)}</p:samenwerkingsvorm>'
        )
        delen.append(
            "<p:bevoegdheidsverkrijgingen>"
            + "".join(
                f"<p:bevoegdheidsverkrijging>{v}</p:bevoegdheidsverkrijging>"
                for v in self.verkrijgingen
            )
            + "</p:bevoegdheidsverkrijgingen>"
        )
        if self.uitvoerder:
            sid, naam = self.uitvoerder
            delen.append(
                f"<p:regionaalSamenwerkingsorgaan{_attr(systeemId=sid)}>{escape(naam)}"
                "</p:regionaalSamenwerkingsorgaan>"
            )
        if self.bronhouder:
            sid, naam, tooi = self.bronhouder
            delen.append(
                f"<p:bronhouder{_attr(systeemId=sid, resourceIdentifierTOOI=tooi)}>"
                f"{escape(naam)}</p:bronhouder>"
            )
        if self.archiefzorgdrager:
            sid, naam = self.archiefzorgdrager
            delen.append(
                f"<p:archiefzorgdrager{_attr(systeemId=sid)}>{escape(naam)}</p:archiefzorgdrager>"
            )
        delen.append("<p:taalcode>nl-NL</p:taalcode>")
        delen.append(
            "<p:registratiehouder>Ministerie van Binnenlandse Zaken en Koninkrijksrelaties"
            "</p:registratiehouder>"
        )
        if self.besluiten:
            delen.append(
                "<p:instellingsbesluiten>"
                + "".join(f"<p:referentie>{escape(u)}</p:referentie>" for u in self.besluiten)
                + "</p:instellingsbesluiten>"
            )
        if self.grondslagen:
            delen.append(
                "<p:wettelijkeGrondslagen>"
                + "".join(
                    f"<p:wettelijkeGrondslag><p:opschrift>{escape(o)}</p:opschrift>"
                    + (f"<p:referentie>{escape(u)}</p:referentie>" if u else "")
                    + "</p:wettelijkeGrondslag>"
                    for o, u in self.grondslagen
                )
                + "</p:wettelijkeGrondslagen>"
            )
        if self.bevoegdheden:
            delen.append(
                "<p:bevoegdheden>"
                + "".join(
                    "<p:bevoegdheid>"
                    + (f"<p:kopArtikel>{escape(k)}</p:kopArtikel>" if k else "")
                    + f"<p:inhoudArtikel>{escape(i)}</p:inhoudArtikel></p:bevoegdheid>"
                    for k, i in self.bevoegdheden
                )
                + "</p:bevoegdheden>"
            )
        if self.doel:
            delen.append(f"<p:doel>{escape(self.doel)}</p:doel>")
        delen.append(f"<p:datumInwerkingtreding>{self.ingang}</p:datumInwerkingtreding>")
        if self.uit:
            delen.append(f"<p:datumUitwerkingtreding>{self.uit}</p:datumUitwerkingtreding>")
        if self.mutatie:
            delen.append(f"<p:datumMutatie>{self.mutatie}</p:datumMutatie>")
        if self.beleidsterreinen:
            delen.append(
                "<p:beleidsterreinen>"
                + "".join(
                    f"<p:beleidsterrein{_begrip(b)}>{escape(_naam(b))}</p:beleidsterrein>"
                    for b in self.beleidsterreinen
                )
                + "</p:beleidsterreinen>"
            )
        delen.append(self.extra)
        if self.deelnemers:
            delen.append(
                "<p:deelnemendeOrganisaties>"
                + "\n".join(d.xml() for d in self.deelnemers)
                + "</p:deelnemendeOrganisaties>"
            )
        if self.vorige:
            delen.append(
                f'<p:previousVersion p:systeemId="{self.vorige}">vorige</p:previousVersion>'
            )
        if self.volgende:
            delen.append(f'<p:nextVersion p:systeemId="{self.volgende}">volgende</p:nextVersion>')
        return (
            f'<p:regeling p:systeemId="{self.systeem_id}">\n' + "\n".join(delen) + "\n</p:regeling>"
        )


@dataclass
class Lichaam:
    """An executing body in the `organisaties` section."""

    systeem_id: int
    naam: str
    afkorting: str = ""
    hoort_bij: int | None = None
    straat: str = "Stationsplein"
    huisnummer: str = "1"
    postcode: str = "1506 AA"
    plaats: str = "Zaandam"
    telefoon: str = "(075) 123 45 67"
    email: str = "info@testregio.example"
    website: str = "https://www.testregio.example"

    def xml(self) -> str:
        return (
            f'<p:organisatie p:systeemId="{self.systeem_id}"><p:naam>{escape(self.naam)}</p:naam>'
            + (f"<p:afkorting>{escape(self.afkorting)}</p:afkorting>" if self.afkorting else "")
            + "<p:types/>"
            + (
                f'<p:hoortBijGemeenschappelijkeRegeling p:systeemId="{self.hoort_bij}">regeling'
                "</p:hoortBijGemeenschappelijkeRegeling>"
                if self.hoort_bij
                else ""
            )
            + f"<p:adressen><p:adres><p:type>Bezoekadres</p:type><p:straat>{self.straat}</p:straat>"
            f"<p:huisnummer>{self.huisnummer}</p:huisnummer><p:postcode>{self.postcode}</p:postcode>"
            f"<p:plaats>{self.plaats}</p:plaats></p:adres></p:adressen>"
            f"<p:contact><p:telefoonnummers><p:telefoonnummer><p:nummer>{self.telefoon}</p:nummer>"
            "<p:label>algemeen</p:label></p:telefoonnummer></p:telefoonnummers>"
            f"<p:emailadressen><p:emailadres><p:email>{self.email}</p:email><p:label>algemeen"
            "</p:label></p:emailadres></p:emailadressen><p:internetadressen><p:internetadres>"
            f"<p:url>{self.website}</p:url><p:label>algemeen</p:label></p:internetadres>"
            "</p:internetadressen></p:contact></p:organisatie>"
        )


@dataclass
class GemeenteRecord:
    code: str | None
    naam: str
    systeem_id: int
    inwoners: int | None = None
    einde: str | None = None

    def xml(self) -> str:
        tooi = f"{TOOI}/gemeente/{self.code.lower()}" if self.code else None
        return (
            f"<p:organisatie{_attr(systeemId=self.systeem_id, resourceIdentifierTOOI=tooi)}>"
            f"<p:naam>Gemeente {escape(self.naam)}</p:naam><p:types><p:type>Gemeente</p:type>"
            "</p:types>"
            + (f"<p:eindDatum>{self.einde}</p:eindDatum>" if self.einde else "")
            + (
                f"<p:geografie><p:aantalInwoners>{self.inwoners}</p:aantalInwoners></p:geografie>"
                if self.inwoners
                else ""
            )
            + "</p:organisatie>"
        )


def export(
    regelingen=(), *, lichamen=(), gemeenten=(), stand="2026-05-19T06:00:00+02:00", ns=NS
) -> bytes:
    delen = [
        "<?xml version='1.0' encoding='UTF-8'?>",
        f'<p:overheidsorganisaties xmlns:p="{ns}" p:timestamp="{stand}">',
    ]
    if lichamen or gemeenten:
        delen.append("<p:organisaties>")
        delen += [g.xml() for g in gemeenten]
        delen += [lichaam.xml() for lichaam in lichamen]
        delen.append("</p:organisaties>")
    if regelingen is not None and (regelingen or not gemeenten):
        delen.append("<p:gemeenschappelijkeRegelingen>")
        delen += [r.xml() for r in regelingen]
        delen.append("</p:gemeenschappelijkeRegelingen>")
    delen.append("</p:overheidsorganisaties>")
    return "\n".join(delen).encode("utf-8")


def testregio() -> tuple[list[Regeling], list[Lichaam]]:
    """A small register: an omgevingsdienst with two versions, a belastingsamenwerking
    (BVO) and a regeling zonder meer; Zaanstad, Wormerland, Oostzaan, a province and a
    German Kreis take part, Brielle (merged into Voorne aan Zee in 2023) too."""
    zaanstad = gemeente("GM0479", "Zaanstad", verdeelsleutel="62,5")
    wormerland = gemeente("GM0880", "Wormerland", verdeelsleutel="12,5")
    oostzaan = gemeente(
        "GM0431",
        "Oostzaan",
        verdeelsleutel="25,0",
        organen=["Gemeenteraad", "College van burgemeester en wethouders", "Burgemeester"],
    )
    provincie = Deelnemer("Provincie Noord-Holland", code="PV27", organen=["Gedeputeerde staten"])
    kreis = Deelnemer("Kreis Testland", systeem_id=91001, organen=[])
    regelingen = [
        Regeling(
            1000,
            "Gemeenschappelijke regeling Milieudienst Testregio",
            vorm="GO",
            ingang="2005-01-01",
            uit="2013-01-01",
            deelnemers=[
                gemeente("GM0479", "Zaanstad", toetreding="2005-01-01"),
                gemeente("GM0880", "Wormerland", toetreding="2005-01-01"),
            ],
            volgende=1001,
        ),
        Regeling(
            1001,
            "Gemeenschappelijke regeling Omgevingsdienst Testregio",
            citeertitel="GR ODT",
            ingang="2013-01-01",
            deelnemers=[zaanstad, wormerland, oostzaan, provincie, kreis],
            vorige=1000,
            grondslagen=[
                ("Wet gemeenschappelijke regelingen", "https://wetten.overheid.nl/BWBR0003740"),
                ("Omgevingswet", ""),
            ],
            bevoegdheden=[
                ("Artikel 5: Taken", "Het openbaar lichaam voert de taken uit."),
                ("", "Handhaving van de milieuregels."),
            ],
            besluiten=["https://zoek.officielebekendmakingen.nl/gmb-2013-1234.html"],
            beleidsterreinen=[
                (
                    "natuur en milieu | bodem",
                    "https://identifier.overheid.nl/tooi/def/thes/top/c_4c3f6f5b",
                ),
                "natuur en milieu | geluid",
            ],
            uitvoerder=(5001, "Omgevingsdienst Testregio"),
            bronhouder=(5001, "Omgevingsdienst Testregio", None),
            archiefzorgdrager=(5001, "Omgevingsdienst Testregio"),
            doel="Uitvoeren van de vergunningverlening, het toezicht en de handhaving.",
        ),
        Regeling(
            1002,
            "Regeling Bedrijfsvoeringsorganisatie Belastingen Testregio",
            vorm="BVO",
            ingang="2018-01-01",
            verkrijgingen=["Mandaat"],
            deelnemers=[
                gemeente("GM0479", "Zaanstad", toetreding="2018-01-01"),
                gemeente("GM0501", "Brielle", toetreding="2018-01-01"),
            ],
        ),
        Regeling(
            1003,
            "Samenwerkingsovereenkomst Testregio",
            vorm="RZM",
            ingang="2020-01-01",
            verkrijgingen=["Mandaat"],
            deelnemers=[gemeente("GM0479", "Zaanstad"), gemeente("GM0880", "Wormerland")],
        ),
    ]
    lichamen = [Lichaam(5001, "Omgevingsdienst Testregio", afkorting="ODT", hoort_bij=1001)]
    return regelingen, lichamen


def register_dump() -> dict:
    """Every row the import may touch, and the number of history rows, for comparing."""
    modellen = [
        Samenwerkingsverband,
        Regelingversie,
        Deelname,
        Organisatie,
        WettelijkeGrondslag,
        Bevoegdheid,
        Document,
        Domein,
        Inwonertal,
        Gemeente,
        Bronimport,
    ]
    dump = {m.__name__: list(m.objects.order_by("pk").values()) for m in modellen}
    dump["domeinen"] = list(
        Samenwerkingsverband.domeinen.through.objects.order_by("pk").values_list()
    )
    dump["geschiedenis"] = {
        m.__name__: m.history.count() for m in modellen if hasattr(m, "history")
    }
    return dump


def importeer(inhoud: bytes, **kwargs):
    """Read and import an export the test wrote."""
    from samenwerking.roo import lezen
    from samenwerking.roo_import import roo_importeren

    return roo_importeren(export=lezen(inhoud, naam="test.xml: "), **kwargs)


def testregio_export(**kwargs) -> bytes:
    regelingen, lichamen = testregio()
    return export(regelingen, lichamen=lichamen, **kwargs)
