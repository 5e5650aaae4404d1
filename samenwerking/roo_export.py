"""Export of arrangements in the national register's XML (`roo.py` reads the same format):
what a secretary needs to prepare the registration in the Register van Overheidsorganisaties.

One `regeling` per arrangement: its current version (systeemId, dates, previousVersion),
what regioreg holds of it, and the participants on the peildatum with their TOOI code (a
gemeente) or systeemId (another body), toetredingsdatum, verdeelsleutel and the
bestuursorganen through which they take part. Arrangements the schema cannot describe (no
Wgr vorm, no datum inwerkingtreding, no bevoegdheidsverkrijging) are left out and reported.
When a schema is at hand (`oo-export.xsd` in the sources folder, or given), the result is
checked against it.
"""

import datetime
import re
from pathlib import Path

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone
from lxml import etree

from .constants import WGR_VORMEN, Bevoegdheidsverkrijging, DeelnemendOrgaan, DocumentSoort
from .models import Deelname, Document, Samenwerkingsverband
from .roo import NS, REGISTRATIEHOUDER, SCHEMA_NAAM, VORM_TEKST, valideren

TOOI_GEMEENTE = "https://identifier.overheid.nl/tooi/id/gemeente/{code}"


def q(naam: str) -> str:
    return f"{{{NS}}}{naam}"


def standaard_schema() -> Path | None:
    """The schema in the sources folder (REGIOREG_BRONNEN/roo), if there is one."""
    bronnen = settings.REGIOREG_BRONNEN
    if not bronnen:
        return None
    for kandidaat in (Path(bronnen) / "roo" / SCHEMA_NAAM, Path(bronnen) / SCHEMA_NAAM):
        if kandidaat.is_file():
            return kandidaat
    return None


def _element(ouder, naam: str, tekst=None, **attributen):
    element = etree.SubElement(ouder, q(naam), {q(k): str(v) for k, v in attributen.items()})
    if tekst is not None:
        element.text = str(tekst)
    return element


def _adres_elementen(ouder, verband: Samenwerkingsverband) -> None:
    plaats = verband.vestigingsplaats or (
        verband.centrumgemeente.naam if verband.centrumgemeente else ""
    )
    if not (verband.adres or verband.postcode or plaats):
        return
    adres = _element(_element(ouder, "adressen"), "adres")
    _element(adres, "type", "Bezoekadres")
    postbus = re.fullmatch(r"(?i)postbus\s+(\S+)", verband.adres.strip())
    straat = re.fullmatch(r"(.+?)\s+(\d\S*)", verband.adres.strip())
    if postbus:
        _element(adres, "postbus", postbus.group(1))
    elif straat:
        _element(adres, "straat", straat.group(1))
        _element(adres, "huisnummer", straat.group(2))
    elif verband.adres:
        _element(adres, "straat", verband.adres)
    if verband.postcode:
        _element(adres, "postcode", verband.postcode)
    if plaats:
        _element(adres, "plaats", plaats)


def _ontbreekt(verband: Samenwerkingsverband) -> list[str]:
    """What the schema requires and the arrangement does not have."""
    ontbreekt = []
    if verband.vorm not in WGR_VORMEN:
        ontbreekt.append(f"vorm {verband.get_vorm_display()} is geen Wgr-vorm")
    if not (verband.huidige_versie and verband.huidige_versie.ingangsdatum) and not (
        verband.ingangsdatum
    ):
        ontbreekt.append("datum inwerkingtreding ontbreekt")
    if not verband.bevoegdheidsverkrijgingen:
        ontbreekt.append("bevoegdheidsverkrijging ontbreekt")
    return ontbreekt


def _regeling_element(ouder, verband: Samenwerkingsverband, peildatum: datetime.date) -> None:
    versie = verband.huidige_versie
    systeem_id = versie.roo_systeem_id if versie else verband.roo_systeem_id
    regeling = _element(ouder, "regeling", **({"systeemId": systeem_id} if systeem_id else {}))
    _element(regeling, "titel", (versie.titel if versie else verband.naam)[:250])
    if verband.citeertitel:
        _element(regeling, "citeertitel", verband.citeertitel[:250])
    if verband.afkorting:
        _element(regeling, "afkorting", verband.afkorting)
    _element(regeling, "types")
    _element(regeling, "samenwerkingsvorm", VORM_TEKST[verband.vorm], afkorting=verband.vorm)
    verkrijgingen = _element(regeling, "bevoegdheidsverkrijgingen")
    for code in verband.bevoegdheidsverkrijgingen:
        _element(verkrijgingen, "bevoegdheidsverkrijging", Bevoegdheidsverkrijging(code).label)
    organisatie = verband.uitvoerende_organisatie
    if organisatie and organisatie.roo_systeem_id:
        _element(
            regeling,
            "regionaalSamenwerkingsorgaan",
            organisatie.naam[:250],
            systeemId=organisatie.roo_systeem_id,
        )
    _element(regeling, "taalcode", "nl-NL")
    _element(regeling, "registratiehouder", REGISTRATIEHOUDER)
    besluiten = [d.url for d in verband.besluiten if d.url and len(d.url) <= 250]
    if besluiten:
        lijst = _element(regeling, "instellingsbesluiten")
        for url in besluiten:
            _element(lijst, "referentie", url)
    if verband.wettelijke_grondslagen.all():
        grondslagen = _element(regeling, "wettelijkeGrondslagen")
        for grondslag in verband.wettelijke_grondslagen.all():
            element = _element(grondslagen, "wettelijkeGrondslag")
            _element(element, "opschrift", grondslag.opschrift)
            if grondslag.url and len(grondslag.url) <= 250:
                _element(element, "referentie", grondslag.url)
    if verband.bevoegdheden.all():
        bevoegdheden = _element(regeling, "bevoegdheden")
        for bevoegdheid in verband.bevoegdheden.all():
            element = _element(bevoegdheden, "bevoegdheid")
            if bevoegdheid.artikel:
                _element(element, "kopArtikel", bevoegdheid.artikel)
            _element(element, "inhoudArtikel", bevoegdheid.omschrijving)
    _adres_elementen(regeling, verband)
    if verband.doel:
        _element(regeling, "doel", verband.doel)
    begin = (versie.ingangsdatum if versie else None) or verband.ingangsdatum
    _element(regeling, "datumInwerkingtreding", begin.isoformat())
    if verband.einddatum:
        _element(regeling, "datumUitwerkingtreding", verband.einddatum.isoformat())
    if verband.domeinen.all():
        terreinen = _element(regeling, "beleidsterreinen")
        for domein in verband.domeinen.all():
            begrip = {"resourceIdentifier": domein.tooi_begrip} if domein.tooi_begrip else {}
            _element(terreinen, "beleidsterrein", domein.naam, **begrip)
    deelnames = [d for d in verband.deelnames.all() if d.is_actief_op(peildatum)]
    if deelnames:
        deelnemers = _element(regeling, "deelnemendeOrganisaties")
        for deelname in deelnames:
            _deelnemer_element(deelnemers, deelname)
    vorige = verband.vorige_registerversie
    if vorige is not None:
        _element(regeling, "previousVersion", vorige.titel[:250], systeemId=vorige.roo_systeem_id)


def _deelnemer_element(ouder, deelname: Deelname) -> None:
    organisatie, gemeente = deelname.organisatie, deelname.gemeente
    if gemeente is not None:
        attributen = {
            **({"systeemId": gemeente.roo_systeem_id} if gemeente.roo_systeem_id else {}),
            "resourceIdentifierTOOI": TOOI_GEMEENTE.format(code=gemeente.cbs_code.lower()),
        }
    else:
        attributen = {"systeemId": organisatie.roo_systeem_id} if organisatie.roo_systeem_id else {}
    element = _element(ouder, "deelnemendeOrganisatie", **attributen)
    _element(element, "naam", f"Gemeente {gemeente.naam}" if gemeente else organisatie.naam)
    if deelname.toetredingsdatum:
        _element(element, "toetredingsDatum", deelname.toetredingsdatum.isoformat())
    if deelname.verdeelsleutel is not None:
        tekst = f"{deelname.verdeelsleutel.normalize():f}".replace(".", ",")
        _element(element, "verdeelsleutel", tekst)
    if deelname.deelnemende_bestuursorganen:
        lijst = _element(element, "bestuursorganen")
        for orgaan in deelname.deelnemende_bestuursorganen:
            _element(lijst, "bestuursorgaan", DeelnemendOrgaan(orgaan).label)


def roo_exporteren(
    samenwerkingsverbanden,
    *,
    peildatum: datetime.date | None = None,
    schema: Path | None = None,
) -> tuple[bytes, list[str]]:
    """The ROO XML of the given arrangements (their participants on `peildatum`, default
    today) and, per arrangement left out, why. With a schema (given, or `standaard_schema()`)
    the result is checked against it (RooFout when it does not pass)."""
    peildatum = peildatum or timezone.localdate()
    verbanden = list(
        Samenwerkingsverband.objects.filter(pk__in=[v.pk for v in samenwerkingsverbanden])
        .select_related("centrumgemeente", "uitvoerende_organisatie")
        .prefetch_related(
            "domeinen",
            "wettelijke_grondslagen",
            "bevoegdheden",
            "versies",
            Prefetch(
                "documenten",
                queryset=Document.objects.filter(soort=DocumentSoort.BESLUIT),
                to_attr="besluiten",
            ),
            Prefetch(
                "deelnames",
                queryset=Deelname.objects.select_related("gemeente", "organisatie").order_by(
                    "gemeente__naam", "organisatie__naam"
                ),
            ),
        )
        .order_by("naam")
    )
    for verband in verbanden:
        versies = sorted(
            verband.versies.all(), key=lambda v: (v.ingangsdatum or datetime.date.min, v.pk)
        )
        huidige = next((v for v in versies if v.roo_systeem_id == verband.roo_systeem_id), None)
        verband.huidige_versie = huidige or (versies[-1] if versies else None)
        index = versies.index(verband.huidige_versie) if verband.huidige_versie else 0
        verband.vorige_registerversie = versies[index - 1] if index > 0 else None
    wortel = etree.Element(
        q("overheidsorganisaties"),
        {q("timestamp"): timezone.now().replace(microsecond=0).isoformat()},
        nsmap={"p": NS},
    )
    regelingen = _element(wortel, "gemeenschappelijkeRegelingen")
    overgeslagen = []
    for verband in verbanden:
        ontbreekt = _ontbreekt(verband)
        if ontbreekt:
            overgeslagen.append(f"{verband}: {'; '.join(ontbreekt)}.")
        else:
            _regeling_element(regelingen, verband, peildatum)
    inhoud = etree.tostring(wortel, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    schema = schema or standaard_schema()
    if schema is not None:
        valideren(inhoud, schema)  # what regioreg writes, the register must accept
    return inhoud, overgeslagen
