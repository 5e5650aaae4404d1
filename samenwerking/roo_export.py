"""Export of arrangements in the national register's XML (`roo.py` defines the format and
reads it): what a secretary needs to prepare the registration in the Register van
Overheidsorganisaties. The result is checked against `oo-export.xsd`; arrangements the
schema cannot describe (no Wgr vorm, no datum inwerkingtreding, no bevoegdheidsverkrijging)
are left out and reported."""

import datetime
import re

from django.db.models import Prefetch
from django.utils import timezone
from lxml import etree

from .constants import WGR_VORMEN, Bevoegdheidsverkrijging
from .models import Deelname, Samenwerkingsverband, Zetel, periode_q
from .roo import NS, REGISTRATIEHOUDER, VORM_TEKST, q, valideren


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
    if not verband.ingangsdatum:
        ontbreekt.append("datum inwerkingtreding ontbreekt")
    if not verband.bevoegdheidsverkrijgingen:
        ontbreekt.append("bevoegdheidsverkrijging ontbreekt")
    return ontbreekt


def _regeling_element(ouder, verband: Samenwerkingsverband, peildatum: datetime.date) -> None:
    attributen = {"systeemId": verband.roo_systeem_id} if verband.roo_systeem_id else {}
    regeling = _element(ouder, "regeling", **attributen)
    _element(regeling, "titel", verband.naam)
    if verband.afkorting:
        _element(regeling, "afkorting", verband.afkorting)
    _element(regeling, "types")
    _element(regeling, "samenwerkingsvorm", VORM_TEKST[verband.vorm], afkorting=verband.vorm)
    verkrijgingen = _element(regeling, "bevoegdheidsverkrijgingen")
    for code in verband.bevoegdheidsverkrijgingen:
        _element(verkrijgingen, "bevoegdheidsverkrijging", Bevoegdheidsverkrijging(code).label)
    _element(regeling, "taalcode", "nl-NL")
    _element(regeling, "registratiehouder", REGISTRATIEHOUDER)
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
    _element(regeling, "datumInwerkingtreding", verband.ingangsdatum.isoformat())
    if verband.einddatum:
        _element(regeling, "datumUitwerkingtreding", verband.einddatum.isoformat())
    if verband.domeinen.all():
        terreinen = _element(regeling, "beleidsterreinen")
        for domein in verband.domeinen.all():
            _element(_element(terreinen, "beleidsterrein"), "naam", domein.naam)
    deelnames = [d for d in verband.deelnames.all() if d.is_actief_op(peildatum)]
    if deelnames:
        deelnemers = _element(regeling, "deelnemendeOrganisaties")
        for deelname in deelnames:
            _deelnemer_element(deelnemers, deelname)
    vorige = verband.vorige_versie
    if vorige and vorige.roo_systeem_id:
        _element(regeling, "previousVersion", vorige.naam[:250], systeemId=vorige.roo_systeem_id)
    volgende = next((v for v in verband.volgende_versies.all() if v.roo_systeem_id), None)
    if volgende:
        _element(regeling, "nextVersion", volgende.naam[:250], systeemId=volgende.roo_systeem_id)


def _deelnemer_element(ouder, deelname: Deelname) -> None:
    organisatie = deelname.organisatie
    attributen = (
        {"systeemId": organisatie.roo_systeem_id}
        if organisatie and organisatie.roo_systeem_id
        else {}
    )
    element = _element(ouder, "deelnemendeOrganisatie", **attributen)
    naam = f"Gemeente {deelname.gemeente.naam}" if deelname.gemeente else organisatie.naam
    _element(element, "naam", naam)
    if deelname.toetredingsdatum:
        _element(element, "toetredingsDatum", deelname.toetredingsdatum.isoformat())
    if deelname.verdeelsleutel is not None:
        tekst = f"{deelname.verdeelsleutel.normalize():f}".replace(".", ",")
        _element(element, "verdeelsleutel", tekst)
    organen = {z.bestuursorgaan for z in deelname.actieve_zetels}
    if organen:
        lijst = _element(element, "bestuursorganen")
        for orgaan in sorted(organen, key=str):
            _element(_element(lijst, "bestuursorgaan"), "naam", str(orgaan))


def roo_exporteren(
    samenwerkingsverbanden, *, peildatum: datetime.date | None = None
) -> tuple[bytes, list[str]]:
    """The ROO XML of the given arrangements (their participants on `peildatum`, default
    today) and, per arrangement left out, why. The XML is checked against the schema."""
    peildatum = peildatum or timezone.localdate()
    zetels = Zetel.objects.filter(periode_q(peildatum, "begindatum", "einddatum"))
    verbanden = (
        Samenwerkingsverband.objects.filter(pk__in=[v.pk for v in samenwerkingsverbanden])
        .select_related("centrumgemeente", "vorige_versie")
        .prefetch_related(
            "domeinen",
            "wettelijke_grondslagen",
            "bevoegdheden",
            "volgende_versies",
            Prefetch(
                "deelnames",
                queryset=Deelname.objects.select_related("gemeente", "organisatie")
                .prefetch_related(
                    Prefetch(
                        "zetels",
                        queryset=zetels.select_related("bestuursorgaan"),
                        to_attr="actieve_zetels",
                    )
                )
                .order_by("gemeente__naam", "organisatie__naam"),
            ),
        )
        .order_by("naam")
    )
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
    valideren(inhoud)  # what regioreg writes, the register must accept
    return inhoud, overgeslagen
