"""Fetching the national register's export from its official address.

The address is a setting (`ROO_DOWNLOAD_URL`, default the full daily export
https://organisaties.overheid.nl/archive/exportOO.xml). The file is written beside a
temporary name and renamed when complete, so a broken download never replaces a good one.
The schema (`oo-export.xsd`) is fetched too, from `ROO_SCHEMA_URL` or else from the address
the file's own namespace names, so that the import can check the file against it; without
it the import reads the file on element names.
"""

import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from lxml import etree

from .roo import SCHEMA_NAAM, RooFout

BLOK = 1 << 16


def _ophalen(
    url: str, doel: Path, voortgang: Callable[[int, int | None], None] | None, timeout: float
) -> Path:
    if urlsplit(url).scheme not in ("http", "https"):
        raise RooFout([f"{url}: alleen http- en https-adressen kunnen worden gedownload."])
    verzoek = urllib.request.Request(url, headers={"User-Agent": "regioreg (importeer_roo)"})
    tijdelijk = doel.with_name(doel.name + ".deel")
    try:
        with urllib.request.urlopen(verzoek, timeout=timeout) as antwoord:
            totaal = int(antwoord.headers.get("Content-Length") or 0) or None
            gelezen = 0
            with tijdelijk.open("wb") as bestand:
                while blok := antwoord.read(BLOK):
                    bestand.write(blok)
                    gelezen += len(blok)
                    if voortgang:
                        voortgang(gelezen, totaal)
    except (urllib.error.URLError, TimeoutError, OSError) as fout:
        tijdelijk.unlink(missing_ok=True)
        reden = getattr(fout, "reason", None) or fout
        raise RooFout([f"Downloaden van {url} mislukt: {reden}."]) from None
    tijdelijk.replace(doel)
    return doel


def export_downloaden(
    *,
    url: str,
    map: Path,
    schema_url: str = "",
    voortgang: Callable[[int, int | None], None] | None = None,
    timeout: float = 120,
) -> tuple[Path, list[str]]:
    """Download the export into `map`; returns its path and notes (about the schema)."""
    map.mkdir(parents=True, exist_ok=True)
    naam = Path(urlsplit(url).path).name or "exportOO.xml"
    pad = _ophalen(url, map / naam, voortgang, timeout)
    notities = []
    if not schema_url:
        try:
            for _gebeurtenis, wortel in etree.iterparse(str(pad), events=("start",)):
                namespace = etree.QName(wortel).namespace
                break
        except etree.XMLSyntaxError:
            namespace = None
        schema_url = (
            f"{namespace}/{SCHEMA_NAAM}" if namespace and namespace.startswith("http") else ""
        )
    if schema_url:
        try:
            _ophalen(schema_url, map / SCHEMA_NAAM, None, timeout)
        except RooFout as fout:
            (map / SCHEMA_NAAM).unlink(missing_ok=True)
            notities.append(f"{fout.messages[0]} Het bestand wordt zonder schema gelezen.")
    return pad, notities
