"""Names in the order a reader expects, the same on every database.

Without this a list of names sorts by the database's collation, and the databases differ:
SQLite (`make run`) and a PostgreSQL initialised with the C locale compare bytes, so every
"Gemeenschappelijke Regeling …" (capital R) came before every "Gemeenschappelijke regeling …"
and an accented letter after the z. The name columns therefore declare one collation, COLLATION
(`db_collation`): on PostgreSQL an ICU collation for Dutch created by the migration that first
uses it (case and accents count only between names that are otherwise equal); on SQLite the
same rule in Python, registered on every connection. Lists sorted in Python after reading use
`sort_key`, so they follow the database's order.
"""

import unicodedata
from functools import lru_cache

# On PostgreSQL: CREATE COLLATION regioreg_nl (provider = icu, locale = 'nl-NL'), by migration.
COLLATION = "regioreg_nl"

# The Unicode collation's order of punctuation and signs (all before digits, digits before
# letters) and of the accents (between otherwise equal texts), as ICU compares them; a sign
# not listed comes after the listed ones, a currency sign just before the digits. Letters that
# ICU reads as two (æ as ae) are spelled out.
_SIGNS = "_-–—,;:!?….·'‘’\"“”„«»()[]{}§@*/\\&#%•`^°©+×<=>|~¢$£¥€"
# Acute, grave, breve, circumflex, caron, ring, diaeresis, double acute, tilde, dot above,
# cedilla, ogonek, macron.
_ACCENTS = "\u0301\u0300\u0306\u0302\u030c\u030a\u0308\u030b\u0303\u0307\u0327\u0328\u0304"
_SPELLED = {"\u00e6": "ae", "\u0153": "oe", "\u00f8": "o\u0338"}
_TRANSLATION = str.maketrans(_SPELLED)
_SPACE, _SIGN, _CURRENCY, _DIGIT, _LETTER = (n << 21 for n in range(5))


def _weight(char: str) -> int:
    if char.isspace():
        return _SPACE
    if char.isdigit():
        return _DIGIT + ord(char)
    if char.isalpha():
        return _LETTER + ord(char)
    index = _SIGNS.find(char)
    if index >= 0:
        return _SPACE + 1 + index
    return (_CURRENCY if unicodedata.category(char) == "Sc" else _SIGN) + ord(char)


def _variant(char: str) -> int:
    """The third level: lower case before upper case, and the plain form before another one
    (IJ before Ĳ, ss before ß, ae before æ)."""
    other = (
        unicodedata.normalize("NFKD", char) != unicodedata.normalize("NFD", char)
        or char.casefold() != char.lower()
        or char.lower() in _SPELLED
    )
    return 2 * other + char.isupper()


@lru_cache(maxsize=8192)
def sort_key(text: str) -> tuple:
    """The key that sorts TEXT as the ICU collation does on PostgreSQL: first by the letters
    without case or accent, then by the accents, then by case (lower first), and bytes last so
    that only equal texts compare equal."""
    letters, accents = [], []
    for char in unicodedata.normalize("NFKD", text).casefold().translate(_TRANSLATION):
        if unicodedata.combining(char):
            if accents:  # an unlisted accent after the listed ones
                accents[-1] += ((_ACCENTS + char).index(char),)
        else:
            letters.append(_weight(char))
            accents.append(())
    variants = tuple(_variant(c) for c in text for _ in unicodedata.normalize("NFKD", c))
    return tuple(letters), tuple(accents), variants, text


def compare(left: str, right: str) -> int:
    a, b = sort_key(left), sort_key(right)
    return (a > b) - (a < b)


def register_on_sqlite(sender, connection, **kwargs) -> None:
    """`connection_created` receiver: SQLite learns COLLATION before the first query."""
    if connection.vendor == "sqlite":
        connection.connection.create_collation(COLLATION, compare)
