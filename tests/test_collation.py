"""Names sort as a reader expects, the same on PostgreSQL (an ICU collation on the name
columns), on SQLite (the same rule in Python, tests/test_sqlite.py) and in lists sorted after
reading (`sort_key`): regioreg/collation.py."""

from pathlib import Path

import pytest
from lxml import etree

from regioreg.collation import sort_key
from samenwerking.constants import OrganisatieSoort
from samenwerking.models import Organisatie

REGISTER = Path(__file__).resolve().parents[2] / "shared" / "data" / "roo"

# What a reader expects: letters first, then accents, then case; signs before digits before
# letters. Byte order puts each capital before every lower-case letter and each accented or
# typographic character after the z.
LEESVOLGORDE = [
    "'s-Hertogenbosch",
    "’s-Hertogenbosch",
    "1 Regio",
    "10 Regio",
    "Ede",
    "Édé",
    "Eden",
    "Gemeenschappelijke regeling recreatieschap Stichtse Groenlanden",
    "Gemeenschappelijke Regeling Veiligheidsregio Utrecht",
    "IJsselstein",
    "Ĳsselstein",
    "Sittard-Geleen",
    "Súdwest-Fryslân",
    "Zwolle",
]
# Every sign, accent and special letter whose place ICU and sort_key must agree on.
TEKENS = [
    f"a{teken}b" for teken in "_-–—,;:!?….·'‘’\"“”„«»()[]{}§@*/\\&#%•`^°©+×<=>|~¢$£¥€0123456789 "
] + ["A", "a", "á", "à", "â", "ä", "å", "ã", "ae", "AE", "æ", "Æ", "ø", "o", "ss", "ß", "ij", "ĳ"]


def test_sort_key_reads_names_in_a_readers_order():
    assert sorted(LEESVOLGORDE, key=sort_key) == LEESVOLGORDE
    assert sorted(LEESVOLGORDE) != LEESVOLGORDE  # byte order, the order this replaces


def _op_naam(namen: list[str]) -> list[str]:
    """NAMEN as organisaties, read back in their default order (by naam)."""
    Organisatie.objects.bulk_create(
        Organisatie(naam=naam, soort=OrganisatieSoort.PRIVAAT) for naam in namen
    )
    return list(Organisatie.objects.values_list("naam", flat=True))


@pytest.mark.django_db
def test_postgresql_sorts_names_in_a_readers_order_as_sort_key_does():
    assert _op_naam(list(reversed(LEESVOLGORDE))) == LEESVOLGORDE
    Organisatie.objects.all().delete()
    assert _op_naam(TEKENS) == sorted(TEKENS, key=sort_key)


@pytest.mark.django_db
@pytest.mark.skipif(
    not REGISTER.is_dir(), reason="../shared/data/roo (the national register's export) absent"
)
def test_postgresql_and_sort_key_agree_on_every_name_in_the_national_register():
    namen = set()
    for bestand in REGISTER.glob("exportOO_*.xml"):
        for _, element in etree.iterparse(str(bestand), events=("end",)):
            if etree.QName(element).localname == "naam" and (element.text or "").strip():
                namen.add(element.text.strip()[:250])
    assert len(namen) > 1000
    assert _op_naam(sorted(namen)) == sorted(namen, key=sort_key)
