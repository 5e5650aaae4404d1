"""How one field of the national register's XML is read (roo.py reads the records): an
element or attribute by its local name, whatever the namespace version; its text with white
space tidied and characters that show nothing left out; a whole number; a Dutch postcode and
plaats as they are written."""

import re

from .normalisatie import zichtbaar


def lokaal(element) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def attr(element, naam: str) -> str | None:
    """An attribute by its local name, with or without namespace (`p:systeemId`)."""
    if element is None:
        return None
    waarde = element.get(naam)
    if waarde is not None:
        return waarde
    for sleutel, waarde in element.attrib.items():
        if sleutel.rsplit("}", 1)[-1] == naam:
            return waarde
    return None


def kind(element, pad: str):
    """The first element along `pad` (`adressen/adres`), by local names."""
    return element.find("/".join(f"{{*}}{deel}" for deel in pad.split("/")))


def alle(element, pad: str) -> list:
    return element.findall("/".join(f"{{*}}{deel}" for deel in pad.split("/")))


def _alle_tekst(element) -> str:
    return zichtbaar("".join(element.itertext()))


def tekst(element, pad: str) -> str:
    gevonden = kind(element, pad) if element is not None else None
    return " ".join(_alle_tekst(gevonden).split()) if gevonden is not None else ""


def eigen_tekst(element) -> str:
    """The text of a mixed-content element itself, else its `naam` child."""
    if element is None:
        return ""
    return " ".join(zichtbaar(element.text or "").split()) or tekst(element, "naam")


def lange_tekst(element, pad: str) -> str:
    """Running text (doel, inhoud van een artikel): whitespace within lines kept tidy."""
    gevonden = kind(element, pad)
    if gevonden is None:
        return ""
    regels = _alle_tekst(gevonden).strip().splitlines()
    return "\n".join(" ".join(r.split()) for r in regels).strip()


_POSTCODE = re.compile(r"(\d{4}) ?([A-Za-z]{2})(?: +(.+))?")
_LETTERS_VOOR_PLAATS = re.compile(r"([A-Z]{2}) +(.+)")
# Digits split by a space, as the register's form writes "1234 AB": "4117 9" (Mönchengladbach,
# 41179), "B-23 00" (Turnhout, B-2300). A Dutch postcode has letters after the space.
_CIJFERS_GESPLITST = re.compile(r"((?:[A-Z]-)?\d+) (\d+)")


def postcode_en_plaats(postcode: str, plaats: str) -> tuple[str, str]:
    """A Dutch postcode as "1234 AB", and the plaats as a name (`plaatsnaam`). The register
    also has "8440 ga", the plaats after the letters ("4207 HH Gorinchem" beside plaats
    Gorinchem), and the letters before the plaats (postcode "5611", plaats "KX Eindhoven").
    A foreign postcode's digits split by a space are joined ("4117 9" is 41179); anything
    else (a foreign postcode such as "4700" for Eupen, "7120 ACC") stays as it is."""
    if gesplitst := _CIJFERS_GESPLITST.fullmatch(postcode):
        return gesplitst[1] + gesplitst[2], plaatsnaam(plaats)
    gevonden = _POSTCODE.fullmatch(postcode)
    if gevonden and (not gevonden[3] or gevonden[3].lower() == plaats.lower()):
        return f"{gevonden[1]} {gevonden[2].upper()}", plaatsnaam(plaats)
    letters = _LETTERS_VOOR_PLAATS.fullmatch(plaats)
    # Not "DE PANNE" (4-digit Belgian postcode, a plaats in capitals): "KX Eindhoven" only.
    if re.fullmatch(r"\d{4}", postcode) and letters and not letters[2].isupper():
        return f"{postcode} {letters[1]}", plaatsnaam(letters[2])
    return postcode, plaatsnaam(plaats)


def plaatsnaam(plaats: str) -> str:
    """A plaats the register writes in capitals ("ALMELO", "DE GOORN") as a name is written:
    each word with a capital, IJ as one letter, "'s-" and "'t" small ("'s-Hertogenbosch")."""
    if not plaats.isupper():
        return plaats
    naam = re.sub(r"\bIj", "IJ", plaats.title())
    return re.sub(r"'(S|T)\b", lambda m: "'" + m[1].lower(), naam)


def geheel(waarde: str | None) -> int | None:
    """A whole number ("30450913"), else None."""
    waarde = (waarde or "").strip()
    return int(waarde) if waarde.isdigit() else None
