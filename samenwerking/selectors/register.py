"""Reads about the register as a whole and about one arrangement: search, national figures,
the art. 27 register, the arrangement page and where the data came from."""

import datetime
import difflib
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    Count,
    Exists,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.utils import timezone
from django.utils.translation import gettext as _

from ..constants import (
    BRON_OMSCHRIJVINGEN,
    BRON_OPENGR,
    BRON_ROO,
    WGR_VORMEN,
    Vorm,
)
from ..models import (
    Bestuursorgaan,
    Bronimport,
    Deelname,
    Gemeente,
    Jaarcijfers,
    Regelingversie,
    Samenwerkingsverband,
    Zetel,
    periode_q,
)
from ..normalisatie import SOORTEN, enkelvouden, normaliseer_naam, normaliseer_zoekterm
from ..tekst import datum_tekst
from .basis import TIJDSTEMPELS, zonder
from .bijdragen import bijdragen_per_jaar, bijdragen_van_jaar, bijdragesommen


def samenwerkingsverbanden_zoeken(
    zoekterm: str, *, peildatum: datetime.date | None = None
) -> list[Samenwerkingsverband]:
    """Arrangements that `zoekterm` matches as a whole (`_past`) or word by word
    (`_past_woord`): each word matches the name or the abbreviation ("ggd utrecht" finds
    "Gemeentelijke Gezondheidsdienst Regio Utrecht", "afval utrecht" "afvalverwijdering
    Utrecht", "belastingen" "Belastingsamenwerking"). Tolerant of case and accents; exact
    abbreviations first, then the matches of the whole term before those word by word, the
    arrangements running on `peildatum` (today) before the ended, the not yet started and the
    historical mentions, then names that start with it. One query (matching in Python)."""
    term = normaliseer_zoekterm(zoekterm)
    if not term:
        return []
    return _treffers(term, _zoekbaar(), peildatum or timezone.localdate())


@dataclass(frozen=True)
class Zoekhulp:
    """What the start page offers when a search found nothing and no gemeente is a typing
    error away: the term with its words put right, else each word on its own."""

    # The term with its words put right, when that finds arrangements; "" otherwise.
    verbeterd: str = ""
    # For a term of several words that no arrangement holds together: each word that finds
    # arrangements on its own, with how many.
    apart: tuple[tuple[str, int], ...] = ()


def zoekhulp(zoekterm: str, *, peildatum: datetime.date | None = None) -> Zoekhulp:
    """For a search that found nothing: `zoekterm` (normalised) with each word that no
    arrangement's name or abbreviation holds replaced by the nearest word one does, a typing
    error away ("omgevingdienst utrect": "omgevingsdienst utrecht"), when that term finds
    arrangements; else, for several words, each word that finds arrangements alone ("ggd
    twente": GGD Twente is part of SamenTwente, which "twente" finds). One query."""
    peildatum = peildatum or timezone.localdate()
    woorden = normaliseer_zoekterm(zoekterm).split()
    rijen = list(_zoekbaar())
    woordenschat = sorted(
        {w for _v, naam, afkorting, _code in rijen for w in f"{naam} {afkorting}".split()}
        | set(SOORTEN)
    )
    verbeterd = [
        woord
        if any(woord in bekend for bekend in woordenschat)
        else next(iter(difflib.get_close_matches(woord, woordenschat, 1, 0.8)), woord)
        for woord in woorden
    ]
    term = " ".join(verbeterd)
    if verbeterd != woorden and _treffers(term, rijen, peildatum):
        return Zoekhulp(verbeterd=term)
    if len(verbeterd) < 2:
        return Zoekhulp()
    losse = [w for w in dict.fromkeys(verbeterd) if w not in _KLEINE_WOORDEN]
    aantallen = ((w, len(_treffers(w, rijen, peildatum))) for w in losse)
    return Zoekhulp(apart=tuple((w, n) for w, n in aantallen if n))


# Words that on their own find what holds them anywhere ("de" in 151 names): a search word by
# word does not need them, and its help leaves them out when it lists the words one by one.
_KLEINE_WOORDEN = frozenset(
    {"aan", "de", "den", "der", "en", "een", "het", "in", "met", "of", "om", "op", "te"}
    | {"ten", "ter", "tot", "van", "voor"}
)


def _zoekbaar():
    """Every arrangement with its name and abbreviation normalised and its CBS GR code in
    lower case, as the search compares them. One query."""
    for verband in Samenwerkingsverband.objects.only(
        "uuid",
        "slug",
        "naam",
        "afkorting",
        "vorm",
        "vestigingsplaats",
        "cbs_gr_code",
        "ingangsdatum",
        "einddatum",
        "alleen_historisch",
    ).order_by("naam"):
        naam = normaliseer_naam(verband.naam)
        afkorting = normaliseer_naam(verband.afkorting)
        yield verband, naam, afkorting, (verband.cbs_gr_code or "").lower()


def _treffers(term: str, rijen, peildatum: datetime.date) -> list[Samenwerkingsverband]:
    """The rows of `_zoekbaar` that `term` (normalised) matches, in the search's order."""
    term_kort = term.replace(" ", "")
    # Word by word, the small words need not be in the name: "dienst gezondheid en jeugd"
    # finds "Dienst Gezondheid & Jeugd" (a term of small words only needs them all).
    woorden = [w for w in term.split() if w not in _KLEINE_WOORDEN] or term.split()
    treffers = []
    for verband, naam, afkorting, code in rijen:
        geheel = _past(term, naam, afkorting, code)
        if geheel or all(_past_woord(w, naam, afkorting, code) for w in woorden):
            lopend = verband.is_actief_op(peildatum) and not verband.alleen_historisch
            kort = afkorting.replace(" ", "")
            rang = (kort != term_kort, not geheel, not lopend, not naam.startswith(term), naam)
            treffers.append((rang, verband))
    return [verband for _rang, verband in sorted(treffers, key=lambda t: t[0])]


def _past(term: str, naam: str, afkorting: str, code: str) -> bool:
    """Does `term` (normalised) match an arrangement: its name holds it, its abbreviation is it
    (with or without its spaces: "ODNZKG" is "OD NZKG") or has it as a word ("GGD" in "GGD
    Flevoland"), or its CBS GR code is it; for a kind of arrangement (`normalisatie.SOORTEN`:
    "GGD", "omgevingsdienst", "brandweer") also a name that spells the kind out or an
    abbreviation that begins with the kind's."""
    kort = afkorting.replace(" ", "")
    soort = SOORTEN.get(term)
    return (
        term in naam
        or term.replace(" ", "") in (kort, code)
        or term in afkorting.split()
        or (soort is not None and soort.herkend(naam, kort))
    )


def _past_woord(woord: str, naam: str, afkorting: str, code: str) -> bool:
    """One word of the term: as `_past`, and a plural also as each singular it may stand for
    (`normalisatie.enkelvouden`: "belastingen" finds "Belastingsamenwerking", "archieven"
    "Regionaal Archief", "omgevingsdiensten" FUMO as "omgevingsdienst" does); a word of one
    or two characters other than a kind ("vr", "od") only at the start of a word in the name
    ("regeling 1" finds "Regeling 12", not "Regeling 01")."""
    if len(woord) > 2 or woord in SOORTEN:
        return _past(woord, naam, afkorting, code) or any(
            _past(enkelvoud, naam, afkorting, code) for enkelvoud in enkelvouden(woord)
        )
    return _past(woord, "", afkorting, code) or any(w.startswith(woord) for w in naam.split())


@dataclass(frozen=True)
class LandelijkeCijfers:
    peildatum: datetime.date
    per_vorm: list[tuple[str, str, int]]  # (code, label, aantal)
    aantal_verbanden: int
    aantal_gemeenten: int
    aantal_deelnames_van_gemeenten: int

    @property
    def gemiddeld_per_gemeente(self) -> Decimal | None:
        if not self.aantal_gemeenten:
            return None
        return (Decimal(self.aantal_deelnames_van_gemeenten) / self.aantal_gemeenten).quantize(
            Decimal("0.1")
        )


def landelijke_cijfers(*, peildatum: datetime.date | None = None) -> LandelijkeCijfers:
    """National figures on `peildatum`: running arrangements per form, gemeenten, and the
    average number of arrangements a gemeente is in. Three queries."""
    peildatum = peildatum or timezone.localdate()
    per_vorm = dict(
        Samenwerkingsverband.objects.actief_op(peildatum)
        .order_by()
        .values_list("vorm")
        .annotate(n=Count("pk"))
    )
    gemeenten = Gemeente.objects.actief_op(peildatum)
    deelnames = (
        Deelname.objects.actief_op(peildatum)
        .filter(gemeente__in=gemeenten)
        .filter(periode_q(peildatum, "ingangsdatum", "einddatum", "samenwerkingsverband__"))
    )
    return LandelijkeCijfers(
        peildatum=peildatum,
        per_vorm=[(code, label, per_vorm.get(code, 0)) for code, label in Vorm.choices],
        aantal_verbanden=sum(per_vorm.values()),
        aantal_gemeenten=gemeenten.count(),
        aantal_deelnames_van_gemeenten=deelnames.count(),
    )


def _deelnemers_op(peildatum: datetime.date) -> Prefetch:
    """Prefetch of an arrangement's deelnames running on `peildatum`, gemeenten first."""
    return Prefetch(
        "deelnames",
        queryset=Deelname.objects.actief_op(peildatum)
        .select_related("gemeente", "organisatie")
        .order_by("gemeente__naam", "organisatie__naam"),
        to_attr="deelnemers_op_peildatum",
    )


def art27_register(
    gemeente: Gemeente, *, peildatum: datetime.date | None = None
) -> QuerySet[Samenwerkingsverband]:
    """The gemeenschappelijke regelingen (Wgr forms) `gemeente` takes part in on `peildatum`,
    with exactly what the art. 27 register lists: deelnemers (`deelnemers_op_peildatum`),
    wettelijke voorschriften, overgedragen bevoegdheden, adres and vestigingsplaats, and the
    legal form set up (`vorm`). Four queries."""
    peildatum = peildatum or timezone.localdate()
    return (
        Samenwerkingsverband.objects.filter(vorm__in=WGR_VORMEN)
        .filter(
            Exists(
                Deelname.objects.actief_op(peildatum).filter(
                    samenwerkingsverband=OuterRef("pk"), gemeente=gemeente
                )
            )
        )
        .prefetch_related(_deelnemers_op(peildatum), "wettelijke_grondslagen", "bevoegdheden")
        .order_by("naam", "pk")
    )


@dataclass(frozen=True)
class Verbandoverzicht:
    """Everything the arrangement page shows, read in a fixed number of queries."""

    verband: Samenwerkingsverband
    peildatum: datetime.date
    jaar: int
    deelnames: list[Deelname]
    organen: list[Bestuursorgaan]
    bijdragen_per_jaar: list[tuple[int, Decimal | None, Decimal | None]]
    jaarcijfers: list[Jaarcijfers]
    onderdelen: list[Samenwerkingsverband]
    versies: list[Regelingversie]
    historische_vermeldingen: list[Samenwerkingsverband]

    @property
    def lopende_deelnames(self) -> list[Deelname]:
        return [d for d in self.deelnames if d.loopt_op_peildatum]

    @property
    def huidige_versie(self) -> Regelingversie | None:
        """The version the arrangement's data comes from: the register's newest."""
        return self.versies[-1] if self.versies else None


def samenwerkingsverband_overzicht(
    verband_uuid=None,
    *,
    slug: str | None = None,
    peildatum: datetime.date | None = None,
    jaar: int | None = None,
) -> Verbandoverzicht:
    """One arrangement with its members (all periods, each with its bijdrage of `jaar` and of
    the year before: `selectors.bijdragen.bijdragesommen`), organs with the seats held on
    `peildatum`, bijdragen per year, jaarcijfers, documents and nested arrangements, its
    versions in the national register and the historical mentions (OpenGR) linked to it.
    Found by `verband_uuid` or by `slug` (its readable address). Raises
    Samenwerkingsverband.DoesNotExist. Thirteen queries.
    """
    peildatum = peildatum or timezone.localdate()
    jaar = jaar or peildatum.year
    # The arrangements it points to (bovenliggend, vorige_versie, in_landelijk_register) are
    # read below with its nested ones: joining its own wide table three times made PostgreSQL
    # plan this query for ~1 ms and Django build ~150 columns.
    verband = (
        Samenwerkingsverband.objects.select_related("centrumgemeente", "uitvoerende_organisatie")
        .prefetch_related("domeinen", "wettelijke_grondslagen", "bevoegdheden", "documenten")
        .get(**({"slug": slug} if slug else {"uuid": verband_uuid}))
    )
    deelnames = list(
        verband.deelnames.select_related("gemeente", "organisatie")
        .defer(
            *zonder(*TIJDSTEMPELS, "aansprakelijkheid_toelichting", "bron"),
            *zonder(*TIJDSTEMPELS, via="gemeente__"),
            *zonder(*TIJDSTEMPELS, via="organisatie__"),
        )
        .prefetch_related(
            Prefetch("bijdragen", queryset=bijdragen_van_jaar(jaar), to_attr="gelezen_bijdragen")
        )
        .order_by("gemeente__naam", "organisatie__naam", "toetredingsdatum")
    )
    for deelname in deelnames:
        deelname.loopt_op_peildatum = deelname.is_actief_op(peildatum)
        bijdragesommen(deelname, jaar)
    zetels = (
        Zetel.objects.filter(periode_q(peildatum, "begindatum", "einddatum"))
        .select_related("persoon")
        .defer(*zonder(*TIJDSTEMPELS), *zonder(*TIJDSTEMPELS, via="persoon__"))
        .order_by("rol", "persoon__naam")
    )
    organen = list(
        verband.bestuursorganen.prefetch_related(
            Prefetch("zetels", queryset=zetels, to_attr="zetels_op_peildatum")
        )
        .defer(*TIJDSTEMPELS)
        .order_by("soort", "naam")
    )
    # A seat's deelname is one of this arrangement's (Zetel.clean): the one read above, not
    # a second copy of it and its gemeente per seat.
    deelname_per_id = {deelname.pk: deelname for deelname in deelnames}
    for orgaan in organen:
        for zetel in orgaan.zetels_op_peildatum:
            if zetel.deelname_id in deelname_per_id:
                zetel.deelname = deelname_per_id[zetel.deelname_id]
    # Its nested arrangements, the historical mentions linked to it and the arrangements it
    # points to: the page only names and links them, so one query reads them all.
    verwijzingen = {
        veld: getattr(verband, f"{veld}_id")
        for veld in ("bovenliggend", "vorige_versie", "in_landelijk_register")
    }
    verwant = list(
        Samenwerkingsverband.objects.filter(
            Q(bovenliggend=verband)
            | Q(in_landelijk_register=verband)
            | Q(pk__in=[pk for pk in verwijzingen.values() if pk is not None])
        )
        .only("uuid", "slug", "naam", "bovenliggend", "in_landelijk_register")
        .order_by("naam", "pk")
    )
    verwant_per_id = {v.pk: v for v in verwant}
    for veld, pk in verwijzingen.items():
        setattr(verband, veld, verwant_per_id.get(pk))
    return Verbandoverzicht(
        verband=verband,
        peildatum=peildatum,
        jaar=jaar,
        deelnames=deelnames,
        organen=organen,
        bijdragen_per_jaar=bijdragen_per_jaar(verband),
        jaarcijfers=list(
            verband.jaarcijfers.select_related("bron_document")
            .defer(*TIJDSTEMPELS, *zonder(*TIJDSTEMPELS, via="bron_document__"))
            .order_by("jaar", "soort")
        ),
        onderdelen=[v for v in verwant if v.bovenliggend_id == verband.pk],
        versies=list(verband.versies.order_by("ingangsdatum", "roo_systeem_id")),
        historische_vermeldingen=[v for v in verwant if v.in_landelijk_register_id == verband.pk],
    )


def registerstand() -> Bronimport | None:
    """The newest import of the national register's regelingen: its source and date. One
    query."""
    return Bronimport.objects.filter(bron="ROO").order_by("-stand").first()


def tellingen_per_bron() -> dict[str, dict]:
    """The arrangements per source: `aantal`, `historisch` (only historical mentions) and
    `bijgewerkt` (last change here). Variants of the national register and OpenGR count under
    BRON_ROO / BRON_OPENGR; every other `bron` under itself. One query."""
    per_bron: dict[str, dict] = {}
    for rij in (
        Samenwerkingsverband.objects.order_by()
        .values("bron", "alleen_historisch")
        .annotate(aantal=Count("pk"), bijgewerkt=Max("updated_at"))
    ):
        bron = rij["bron"]
        sleutel = next((b for b in (BRON_ROO, BRON_OPENGR) if bron.startswith(b)), bron)
        telling = per_bron.setdefault(sleutel, {"aantal": 0, "historisch": 0, "bijgewerkt": None})
        telling["aantal"] += rij["aantal"]
        telling["historisch"] += rij["aantal"] if rij["alleen_historisch"] else 0
        telling["bijgewerkt"] = max(filter(None, [telling["bijgewerkt"], rij["bijgewerkt"]]))
    return per_bron


@dataclass(frozen=True)
class Herkomst:
    """One source of the register's arrangements: how many come from it, how many of those
    are only historical mentions, and (for people's own entries) when they last changed."""

    omschrijving: str
    aantal: int
    historisch: int = 0
    bijgewerkt: datetime.datetime | None = None


def bron_omschrijving(bron: str) -> str:
    """How a reader sees a `bron`: the known sources with their date, others as written."""
    if not bron:
        return _("ingevoerd in het beheer")
    for begin, omschrijving in BRON_OMSCHRIJVINGEN.items():
        if bron.startswith(begin):
            rest = bron[len(begin) :].strip()
            if begin == BRON_ROO and rest:
                try:
                    datum = datetime.date.fromisoformat(rest)
                except ValueError:
                    return str(omschrijving)
                return _("%(bron)s, export van %(datum)s") % {
                    "bron": omschrijving,
                    "datum": datum_tekst(datum),
                }
            return str(omschrijving)
    return bron


def herkomst_van_het_register() -> list[Herkomst]:
    """Where the arrangements come from: the national register (its date is the export's,
    see `registerstand`), OpenGR (2016, historical) and people's own entries (with when they
    last changed). Variants of one source (`ROO-export 2026-05-19`, `OpenGR 2016; vorm
    aangenomen …`) count as that source. One query."""
    per_bron = tellingen_per_bron()
    herkomst = [
        Herkomst(
            omschrijving=(
                str(BRON_OMSCHRIJVINGEN[sleutel])
                if sleutel in BRON_OMSCHRIJVINGEN
                else bron_omschrijving(sleutel)
            ),
            aantal=telling["aantal"],
            historisch=telling["historisch"],
            # Imported content changed when its source says; only people's entries carry
            # the moment they were changed here.
            bijgewerkt=None if sleutel in BRON_OMSCHRIJVINGEN else telling["bijgewerkt"],
        )
        for sleutel, telling in per_bron.items()
    ]
    volgorde = {str(BRON_OMSCHRIJVINGEN[BRON_ROO]): 0, str(BRON_OMSCHRIJVINGEN[BRON_OPENGR]): 2}
    return sorted(herkomst, key=lambda h: (volgorde.get(h.omschrijving, 1), -h.aantal))
