"""Tolerant matching of Dutch gemeente and organisation names.

Sources spell the same gemeente in many ways: `'s-Hertogenbosch` / `s Hertogenbosch`,
`Bergen (NH)` / `Bergen (NH.)` / `Bergen (N-H)`, `Súdwest-Fryslân` / `Sudwest Fryslan`,
`Gemeente Utrecht`. `normaliseer_naam` maps them onto one comparable form.
"""

import re
import unicodedata

_PROVINCIE_ACHTERVOEGSEL = re.compile(
    r"\s*\((?:nh|n-h|n\.h|l|li|lb|o|ov|zh|z-h|z\.h|z|ze|gld|gl|u|ut|dr|fr|gr|nb|n-b|fl)\.?\)\s*$"
)
_VOORVOEGSEL = re.compile(r"^(?:gemeente|gem\.)\s+")
_NIET_ALFANUMERIEK = re.compile(r"[^0-9a-z]+")


# Everyday names of gemeenten whose official name differs (normalised form → normalised form).
ROEPNAMEN = {
    "den haag": "s gravenhage",
    "the hague": "s gravenhage",
    "den bosch": "s hertogenbosch",
}


def zonder_accenten(tekst: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(c))


def normaliseer_naam(naam: str, *, houd_provincie: bool = False) -> str:
    """Lowercase, no accents, no `gemeente` prefix, `'s-` as `s`, hyphens and punctuation as
    single spaces. The province suffix is dropped unless `houd_provincie` (then it is kept as a
    plain word, so `Bergen (NH.)` and `Bergen (L.)` stay apart)."""
    tekst = zonder_accenten(naam).lower().strip()
    tekst = tekst.replace("’", "'").replace("`", "'")
    tekst = _VOORVOEGSEL.sub("", tekst)
    if not houd_provincie:
        tekst = _PROVINCIE_ACHTERVOEGSEL.sub("", tekst)
    tekst = re.sub(r"^'s[\s-]+", "s ", tekst)
    return _NIET_ALFANUMERIEK.sub(" ", tekst).strip()
