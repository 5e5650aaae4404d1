"""Tolerant matching of Dutch gemeente and organisation names.

Sources spell the same gemeente in many ways: `'s-Hertogenbosch` / `s Hertogenbosch`,
`Bergen (NH)` / `Bergen (NH.)` / `Bergen (N-H)`, `Súdwest-Fryslân` / `Sudwest Fryslan`,
`Gemeente Utrecht`. `normaliseer_naam` maps them onto one comparable form; `Namenlijst` finds
objects by such a name; `organisatie_soort` recognises participants that are not gemeenten.
"""

import difflib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .constants import OrganisatieSoort

_PROVINCIE_ACHTERVOEGSEL = re.compile(
    r"\s*\((nh|n-h|n\.h|l|li|lb|o|ov|zh|z-h|z\.h|z|ze|gld|gl|u|ut|dr|fr|gr|nb|n-b|fl)\.?\)\s*$"
)
# Spellings of one province suffix: `(N-H)` and `(NH.)` are the same.
_PROVINCIE_SYNONIEMEN = {"li": "l", "lb": "l", "ov": "o", "ze": "z", "gl": "gld", "ut": "u"}
_VOORVOEGSEL = re.compile(r"^(?:gemeente\s+|gem\.\s*)")
_NIET_ALFANUMERIEK = re.compile(r"[^0-9a-z]+")


# Everyday names of gemeenten whose official name differs (normalised form → normalised form).
ROEPNAMEN = {
    "den haag": "s gravenhage",
    "the hague": "s gravenhage",
    "den bosch": "s hertogenbosch",
    "nuenen": "nuenen gerwen en nederwetten",
    "kollumerland c a": "kollumerland en nieuwkruisland",
}


@dataclass(frozen=True)
class Soort:
    """A kind of arrangement whose names spell it in several ways: the abbreviation its
    arrangements' own abbreviations begin with ("VRBZO", "OD NZKG") and the words its names
    use (normalised)."""

    afkorting: str
    woorden: tuple[str, ...]
    # The law that makes the gemeenten take part in one ("" when none does): shown as the
    # arrangement's grondslag of its wettelijk verplicht.
    grondslag: str = ""

    def herkend(self, naam: str, afkorting: str) -> bool:
        """Is an arrangement of this kind: its name (normalised) has one of the words, or
        its abbreviation (normalised, spaces left out) begins with the kind's."""
        return any(w in naam for w in self.woorden) or afkorting.startswith(self.afkorting)


# The 29 omgevingsdiensten (Omgevingswet art. 18.21) include the Regionale
# uitvoeringsdiensten, DCMR Milieudienst Rijnmond and Friesland's Fryske Utfieringstsjinst.
_OMGEVINGSDIENST = Soort(
    "od",
    ("omgevingsdienst", "uitvoeringsdienst", "milieudienst", "utfieringstsjinst"),
    "Omgevingswet, art. 18.21",
)
# "Veiligheids- en Gezondheidsregio Gelderland-Midden" is the veiligheidsregio there; every
# veiligheidsregio holds the brandweer (Wet veiligheidsregio's art. 25).
_VEILIGHEIDSREGIO = Soort(
    "vr", ("veiligheidsregio", "gezondheidsregio"), "Wet veiligheidsregio's, art. 9"
)

# A GGD (Wet publieke gezondheid art. 14): named GGD or (gemeentelijke) gezondheidsdienst, or
# otherwise: "Dienst Gezondheid & Jeugd" in Zuid-Holland Zuid, the "Veiligheids- en
# Gezondheidsregio" Gelderland-Midden. Not "openbare gezondheidszorg" alone (OGZ Amstelland
# is a regeling beside the GGD Amsterdam-Amstelland, not the GGD itself), nor a wider
# regeling whose doel names the GGD among other tasks (Regio Twente): the law requires the
# GGD, not the whole of such a regeling.
_GGD = Soort(
    "ggd",
    ("ggd", "gezondheidsdienst", "dienst gezondheid", "gezondheidsregio"),
    "Wet publieke gezondheid, art. 14",
)

# A search word (normalised) and the kind of arrangement it names: a search for "GGD" also
# finds "Gemeentelijke Gezondheidsdienst Amsterdam-Amstelland", which the register gives no
# abbreviation, and "Dienst Gezondheid & Jeugd", the GGD of Zuid-Holland Zuid; one for
# "omgevingsdienst" also FUMO, and one for "veiligheidsregio" also VRBZO, whose name is its
# abbreviation.
SOORTEN = {
    "vr": _VEILIGHEIDSREGIO,
    "veiligheidsregio": _VEILIGHEIDSREGIO,
    "brandweer": _VEILIGHEIDSREGIO,
    "od": _OMGEVINGSDIENST,
    "omgevingsdienst": _OMGEVINGSDIENST,
    "rud": Soort("rud", ("uitvoeringsdienst",)),
    "ggd": _GGD,
    "isd": Soort("isd", ("sociale dienst",)),
}


def wettelijke_grondslag(naam: str, afkorting: str) -> str:
    """The law that makes the gemeenten take part in an arrangement of this name and
    abbreviation, for the kinds the law requires (a veiligheidsregio: Wet veiligheidsregio's
    art. 9; an omgevingsdienst: Omgevingswet art. 18.21; a GGD: Wet publieke gezondheid
    art. 14), each law once, joined by "; " for a regeling of two kinds (VGGM); "" for any
    other."""
    naam = normaliseer_naam(naam)
    kort = normaliseer_naam(afkorting).replace(" ", "")
    soorten = dict.fromkeys(s for s in SOORTEN.values() if s.grondslag)
    return "; ".join(s.grondslag for s in soorten if s.herkend(naam, kort))


def zonder_accenten(tekst: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(c))


def vergelijkbaar(tekst: str) -> str:
    """Lowercase, no accents, punctuation as single spaces: text as a search compares it."""
    return _NIET_ALFANUMERIEK.sub(" ", zonder_accenten(tekst).lower()).strip()


# A plural or genitive in 's after a word ("GGD's", "veiligheidsregio's"), not the 's- of
# 's-Hertogenbosch.
_APOSTROF_S = re.compile(r"(?<=\w)['’`]s\b", re.IGNORECASE)
_KLINKERS = frozenset("aeiouy")


def normaliseer_zoekterm(zoekterm: str) -> str:
    """A search term as the search compares it: `normaliseer_naam` with a plural in 's taken
    back to its word ("GGD's": "ggd")."""
    return normaliseer_naam(_APOSTROF_S.sub("", zoekterm))


def enkelvouden(woord: str) -> tuple[str, ...]:
    """The singulars a Dutch plural `woord` (normalised, one word) may stand for: in -en of
    seven letters or more the stem, with its doubled consonant single ("recreatieschappen":
    "recreatieschap"), v as f and z as s ("archieven": "archief"), and its vowel doubled
    ("bibliotheken": "bibliotheek"); in -s of six or more the word without it
    ("veiligheidsregios", "gemeentes"), and a kind's abbreviation with -s ("ggds", "vrs").
    Empty for any other word."""
    if woord.endswith("s") and woord[:-1] in SOORTEN:
        return (woord[:-1],)
    if len(woord) >= 7 and woord.endswith("en"):
        stam = woord[:-2]
        zacht = stam[:-1] + {"v": "f", "z": "s"}.get(stam[-1], stam[-1])
        vormen = [stam, zacht]
        if stam[-1] == stam[-2] and stam[-1] not in _KLINKERS:
            vormen.append(stam[:-1])
        if stam[-1] not in _KLINKERS and stam[-2] in "aeou" and stam[-3] not in _KLINKERS:
            vormen.append(zacht[:-1] + stam[-2] + zacht[-1])
        return tuple(dict.fromkeys(vormen))
    if len(woord) >= 6 and woord.endswith("s") and not woord.endswith("ss"):
        return (woord[:-1],)
    return ()


def zoekwoorden(zoekterm: str, *, meervoud: bool = False) -> list[tuple[str, ...]]:
    """The words of `zoekterm` as `heeft_elk_woord` looks for them (`vergelijkbaar`), each
    with its other forms: with `meervoud` a plural's singulars (`enkelvouden`:
    "waterschappen", "waterschap's": "waterschap"); not for names of people ("pietersen" is
    not "pieters")."""
    if meervoud:
        zoekterm = _APOSTROF_S.sub("", zoekterm)
    woorden = vergelijkbaar(zoekterm).split()
    return [(woord, *enkelvouden(woord)) if meervoud else (woord,) for woord in woorden]


def heeft_elk_woord(woorden: list[tuple[str, ...]], *teksten: str) -> bool:
    """Does each of `woorden` (`zoekwoorden`: a word with its other forms) stand in one of
    `teksten` in one of its forms, tolerant of case, accents and punctuation ("fryslan" in
    "Noardwest Fryslân", "jan vries" in "Jan de Vries")?"""
    vergeleken = [vergelijkbaar(tekst) for tekst in teksten]
    return all(any(vorm in tekst for vorm in vormen for tekst in vergeleken) for vormen in woorden)


def normaliseer_naam(naam: str, *, houd_provincie: bool = False) -> str:
    """Lowercase, no accents, no `gemeente` prefix, `'s-` as `s`, hyphens and punctuation as
    single spaces. The province suffix is dropped unless `houd_provincie` (then it is kept as a
    plain word, so `Bergen (NH.)` and `Bergen (L.)` stay apart)."""
    tekst = zonder_accenten(naam).lower().strip()
    tekst = tekst.replace("’", "'").replace("`", "'")
    tekst = _VOORVOEGSEL.sub("", tekst)
    achtervoegsel = _PROVINCIE_ACHTERVOEGSEL.search(tekst)
    if achtervoegsel:
        tekst = tekst[: achtervoegsel.start()]
        if houd_provincie:
            code = _NIET_ALFANUMERIEK.sub("", achtervoegsel.group(1))
            tekst += " " + _PROVINCIE_SYNONIEMEN.get(code, code)
    tekst = re.sub(r"^'s[\s-]+", "s ", tekst)
    return _NIET_ALFANUMERIEK.sub(" ", tekst).strip()


# Characters that show nothing: zero-width spaces and joiners, the word joiner, a byte-order
# mark and the soft hyphen. The national register has them where text was pasted from a web
# page ("\u200b\u200bGemeenschappelijke Regeling VRBZO 2024\u200b", an e-mail address with
# soft hyphens), and so does a name pasted into the admin; kept, a name sorts last, a copied
# address fails and a search misses.
_ONZICHTBAAR = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))


def zichtbaar(tekst: str) -> str:
    """`tekst` without the characters that show nothing."""
    return tekst.translate(_ONZICHTBAAR)


# UTF-8 text that was once read as Windows-1252 ("FryslÃ¢n", "â€™t"): lead bytes of UTF-8
# sequences shown as Windows-1252 characters.
_MOJIBAKE = re.compile("[\u00c2\u00c3\u00e2][\u0080-\u00bf\u0152-\u2122]")


def herstel_mojibake(tekst: str) -> str:
    """Undo UTF-8 read as Windows-1252 (`FryslÃ¢n` → `Fryslân`); other text is unchanged."""
    if not _MOJIBAKE.search(tekst):
        return tekst
    try:
        return tekst.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return tekst


class Namenlijst:
    """Objects findable by a tolerant name: exact first, then normalised with the province
    suffix kept (`Bergen (NH.)`), then without it, then everyday names (`Den Haag`).

    `zoek` returns every object that fits at the first level that fits any, so that a caller
    can tell one match from an ambiguous one."""

    def __init__(self, objecten: Iterable, naam: Callable = str):
        self._exact = defaultdict(list)
        self._met_provincie = defaultdict(list)
        self._zonder_provincie = defaultdict(list)
        for obj in objecten:
            tekst = naam(obj)
            self._exact[tekst.strip()].append(obj)
            self._met_provincie[normaliseer_naam(tekst, houd_provincie=True)].append(obj)
            self._zonder_provincie[normaliseer_naam(tekst)].append(obj)
        self.namen = sorted(self._exact)

    def zoek(self, naam: str) -> list:
        naam = naam.strip()
        zonder = normaliseer_naam(naam)
        return (
            self._exact.get(naam)
            or self._met_provincie.get(normaliseer_naam(naam, houd_provincie=True))
            or self._zonder_provincie.get(zonder)
            or self._zonder_provincie.get(ROEPNAMEN.get(zonder, ""))
            or []
        )

    def bedoeld(self, naam: str) -> list:
        """What a person typing `naam` meant: the objects so named (`zoek`), else those whose
        name is a typing error away ("Utrect": Utrecht; "Bergn": both Bergens; "Den Hag", an
        everyday name: 's-Gravenhage), best first, at most three names."""
        if gevonden := self.zoek(naam):
            return gevonden
        bijna = self.dichtstbij(naam, n=3, drempel=0.8)
        bijna += difflib.get_close_matches(normaliseer_naam(naam), ROEPNAMEN, 1, 0.8)
        gevonden = [obj for tekst in bijna for obj in self.zoek(normaliseer_naam(tekst))]
        return list(dict.fromkeys(gevonden))

    def dichtstbij(self, naam: str, *, n: int = 3, drempel: float = 0.6) -> list[str]:
        """The names closest to `naam` (difflib on normalised names), best first."""
        per_sleutel = {normaliseer_naam(tekst): tekst for tekst in self.namen}
        sleutels = difflib.get_close_matches(normaliseer_naam(naam), per_sleutel, n, drempel)
        return [per_sleutel[sleutel] for sleutel in sleutels]


# Participants that are not gemeenten, recognised by words in their (normalised) name. The
# first pattern that fits decides; German bodies are marked "(Duitsland)" in OpenGR.
_ORGANISATIE_PATRONEN = [
    (r"\bduitsland\b", OrganisatieSoort.OVERIG_PUBLIEK),
    (r"^provincie\b", OrganisatieSoort.PROVINCIE),
    (
        r"^(waterschap|wetterskip|hoogheemraadschap|hoogheermraadschap)\b",
        OrganisatieSoort.WATERSCHAP,
    ),
    (r"^(rijk|ministerie|rijksarchief|rijkswaterstaat)\b", OrganisatieSoort.RIJK),
    (r"^stichting\b|\b(bv|nv|b v|n v)$", OrganisatieSoort.PRIVAAT),
    (r"^kamer van koophandel\b", OrganisatieSoort.OVERIG_PUBLIEK),
    (r"(schap|regio|dienst)\b", OrganisatieSoort.OPENBAAR_LICHAAM),
]


def organisatie_soort(naam: str) -> str | None:
    """The OrganisatieSoort a participant's name shows, or None if it may be a gemeente."""
    tekst = normaliseer_naam(naam)
    for patroon, soort in _ORGANISATIE_PATRONEN:
        if re.search(patroon, tekst):
            return soort
    return None


_TUSSEN_HAAKJES = re.compile(r"\([^)]*\)")
_GR_VOORVOEGSEL = re.compile(r"^(?:gr|gemeenschappelijke regeling)\s+")
_STOPWOORDEN = {"de", "het", "van", "voor", "der", "en", "in", "e", "o"}


def regeling_sleutel(naam: str) -> str:
    """A comparable form of the name of a gemeenschappelijke regeling: without parts between
    brackets (abbreviations, "in liquidatie"), without a "GR" or "Gemeenschappelijke regeling"
    prefix and without small words, so that `GR Veiligheidsregio Zeeland` and
    `Veiligheidsregio Zeeland` are one name."""
    tekst = _GR_VOORVOEGSEL.sub("", normaliseer_naam(_TUSSEN_HAAKJES.sub(" ", naam)))
    return " ".join(woord for woord in tekst.split() if woord not in _STOPWOORDEN)
