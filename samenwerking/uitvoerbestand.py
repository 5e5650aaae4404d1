"""Files that management commands write (exports, import reports): one way to refuse a path
that cannot be written, in Dutch and naming the option, and never a half-written file.

A file is written next to its place under a temporary name and moved into place once whole,
so a failed write leaves neither a partial file nor a damaged earlier one. Commands that do
work before they write (an import) call `schrijfbaar` first, so a bad path is refused before
anything changes.
"""

import argparse
import csv
import errno
import io
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from django.core.management.base import CommandError

WAT_TE_DOEN = "Kies een map die bestaat en waarin u mag schrijven."
NIETS_GESCHREVEN = "Niets geschreven."
NIETS_INGELEZEN = "Niets ingelezen."
PROEF = "Proef (--dry-run): er is niets opgeslagen."


def uitvoerpad(voorbeeld: str):
    """The argparse `type` of an option naming a file the command writes: `~` is the home
    folder also when the shell left it alone (quoted), and a name ending in a slash is
    refused, since it names a folder (a Path would drop the slash and write a file with the
    folder's name). `voorbeeld` is a file name the message suggests."""

    def pad(tekst: str) -> Path:
        if tekst.endswith(("/", os.sep)):
            raise argparse.ArgumentTypeError(
                f"{tekst} is een map; geef ook de naam van het bestand, bijvoorbeeld "
                f"{tekst}{voorbeeld}."
            )
        return Path(tekst).expanduser()

    return pad


def importopties(parser, *, rapport: str, voorbeeld: str, standaard: bool = False) -> None:
    """The options of an import command: `--rapport` (a CSV of what the import did; help text
    `rapport`, file name `voorbeeld`, written by default when `standaard`) and `--dry-run`."""
    parser.add_argument(
        "--rapport",
        type=uitvoerpad(voorbeeld),
        default=Path(voorbeeld) if standaard else None,
        help=f"{rapport} (standaard: %(default)s)" if standaard else rapport,
    )
    parser.add_argument(
        "--dry-run", action="store_true", help="alles nagaan en melden, niets opslaan"
    )


def reden(fout: OSError) -> str:
    """Why a folder or file could not be made or written, in Dutch."""
    if isinstance(fout, PermissionError):
        return "geen schrijfrechten"
    if isinstance(fout, (FileExistsError, NotADirectoryError)):
        return "daar staat een bestand, geen map"
    if isinstance(fout, IsADirectoryError):
        return "daar staat een map met die naam"
    if isinstance(fout, FileNotFoundError):
        return "de map bestaat niet"
    if fout.errno == errno.ENOSPC:
        return "de schijf is vol"
    if fout.errno == errno.EROFS:
        return "daar mag niemand schrijven (alleen lezen)"
    return f"schrijven lukt niet ({fout.strerror or fout})"


def _wat_te_doen(fout: OSError) -> str:
    if isinstance(fout, IsADirectoryError):
        return "Kies een andere naam of een andere map."
    if fout.errno == errno.ENOSPC:
        return "Maak ruimte vrij of kies een map op een andere schijf."
    return WAT_TE_DOEN


def schrijffout(optie: str, pad: Path, fout: OSError, gevolg: str = NIETS_GESCHREVEN):
    """`--uitvoer x/y.xml: kan niet geschreven worden: de map bestaat niet. Kies …`."""
    return CommandError(
        f"{optie} {pad}: kan niet geschreven worden: {reden(fout)}. {_wat_te_doen(fout)} {gevolg}"
    )


def _doorgeven(pad: Path) -> bool:
    """A device or a pipe (`/dev/stdout`, `/dev/null`, a FIFO): written into as it is; there
    is no file there to replace."""
    return os.path.abspath(pad).startswith("/dev/") or (
        pad.exists() and not pad.is_file() and not pad.is_dir()
    )


def _controleren(pad: Path) -> None:
    if _doorgeven(pad):
        return
    if pad.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(pad))
    with tempfile.TemporaryFile(dir=pad.parent):
        pass


def schrijfbaar(
    pad: Path, *, optie: str, gevolg: str = NIETS_GESCHREVEN, invoer: Iterable[Path] = ()
) -> None:
    """Refuse `pad` before any work when its folder is missing, not a folder or not writable,
    when a folder has its name, or when it is one of the files the command reads (`invoer`:
    a report written over the export it reports on)."""
    for bron in invoer:
        if pad.is_file() and bron.is_file() and pad.samefile(bron):
            raise CommandError(
                f"{optie} {pad}: dat is een bestand dat wordt ingelezen; het zou overschreven "
                f"worden. Kies een andere naam. {gevolg}"
            )
    try:
        _controleren(pad)
    except OSError as fout:
        raise schrijffout(optie, pad, fout, gevolg) from None


def _rechten(pad: Path) -> int:
    """The mode the file gets: that of the file it replaces, else what the umask allows."""
    try:
        return pad.stat().st_mode & 0o777
    except OSError:
        masker = os.umask(0)
        os.umask(masker)
        return 0o666 & ~masker


def bestand_schrijven(
    pad: Path, inhoud: bytes, *, optie: str, gevolg: str = NIETS_GESCHREVEN
) -> None:
    """Write `inhoud` to `pad` whole or not at all; a Dutch CommandError naming `optie` and
    `pad` (and `gevolg`: what was or was not written) when that cannot be done."""
    tijdelijk = None
    try:
        if _doorgeven(pad):
            # Appended: /dev/stdout may be a log file that cron appends to (`>>`).
            with pad.open("ab") as bestand:
                bestand.write(inhoud)
            return
        doel = pad.resolve()  # a link to a file: the file it points to is replaced
        descriptor, naam = tempfile.mkstemp(dir=doel.parent, prefix=f".{doel.name}.")
        tijdelijk = Path(naam)
        with os.fdopen(descriptor, "wb") as bestand:
            bestand.write(inhoud)
        tijdelijk.chmod(_rechten(doel))
        os.replace(tijdelijk, doel)
    except OSError as fout:
        if tijdelijk is not None:
            tijdelijk.unlink(missing_ok=True)
        raise schrijffout(optie, pad, fout, gevolg) from None


def rapport_schrijven(pad: Path, rijen: Iterable[list]) -> None:
    """An import's --rapport, as Dutch Excel reads CSV: `;` between fields, UTF-8 with a byte
    order mark. Written after the import, which `schrijfbaar` let go ahead: the message says
    that the import itself was done."""
    tekst = io.StringIO(newline="")
    csv.writer(tekst, delimiter=";").writerows(rijen)
    bestand_schrijven(
        pad,
        tekst.getvalue().encode("utf-8-sig"),
        optie="--rapport",
        gevolg="Het inlezen zelf is wel gedaan; alleen dit rapport ontbreekt.",
    )
