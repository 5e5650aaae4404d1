"""Uploads kept between an import's preview and its confirmation.

django-import-export keeps the upload in the temp directory under a name that the confirm
step posts back, and reads and then deletes whatever file of that directory the name points
to; previews that are never confirmed stay behind. Here:

- uploads live in their own directory (`IMPORT_MAP`, default `<tmp>/regioreg-import`, only
  for this process's user), under a random name that only this module makes;
- the name is tied to the session, the account and the model of the import that made it and
  to the format and resource of its preview (`uitgeven`); the confirm step accepts only such a
  name with those choices (`terugnemen`), once;
- uploads older than `IMPORT_BEWAAR_MINUTEN` are removed at every import (`opruimen`, also
  `manage.py opruimen_importbestanden` for cron).
"""

import os
import re
import secrets
import tempfile
import time
from pathlib import Path

from django.conf import settings
from import_export.tmp_storages import BaseStorage

SESSIESLEUTEL = "importbestanden"
_NAAM = re.compile(r"^[A-Za-z0-9_-]{32,64}$")


def map_() -> Path:
    """The directory of the uploads (made on first use, readable only by this user)."""
    map_pad = Path(settings.IMPORT_MAP or Path(tempfile.gettempdir()) / "regioreg-import")
    map_pad.mkdir(mode=0o700, parents=True, exist_ok=True)
    return map_pad


def geldige_naam(naam: str) -> bool:
    return bool(_NAAM.fullmatch(naam or ""))


class ImportOpslag(BaseStorage):
    """Storage of django-import-export in `map_()`, with names made here. Gives the file back
    as bytes, so that the format decides the encoding (the admin would decode every text
    file as UTF-8). A name that is not one of ours is never opened."""

    def save(self, data):
        if not self.name:
            self.name = secrets.token_urlsafe(32)
        if isinstance(data, str):
            data = data.encode(self.encoding or "utf-8")
        vlaggen = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        with os.fdopen(os.open(self.get_full_path(), vlaggen, 0o600), "wb") as bestand:
            bestand.write(data)

    def read(self):
        with open(self.get_full_path(), "rb") as bestand:
            return bestand.read()

    def remove(self):
        self.get_full_path().unlink(missing_ok=True)

    def get_full_path(self) -> Path:
        if not geldige_naam(self.name):
            raise ValueError("geen importbestand van regioreg")
        return map_() / self.name


def uitgeven(request, naam: str, model_label: str, keuzes: dict[str, str]) -> None:
    """Tie upload `naam` to this session, account and model, and to the `keuzes` of its
    preview (format, resource), which the confirmation must post unchanged."""
    bestanden = request.session.get(SESSIESLEUTEL, {})
    bestanden[naam] = {
        "gebruiker": request.user.pk,
        "model": model_label,
        "keuzes": {k: str(v) for k, v in keuzes.items()},
        "tijd": time.time(),
    }
    request.session[SESSIESLEUTEL] = bestanden


def terugnemen(request, naam: str, model_label: str, keuzes: dict[str, str]) -> bool:
    """Whether upload `naam` was given to this session, account and model, with these
    `keuzes`, for an import that is still fresh; it is taken back (one confirmation per
    preview)."""
    bestanden = request.session.get(SESSIESLEUTEL, {})
    gegeven = bestanden.pop(naam, None) if geldige_naam(naam) else None
    request.session[SESSIESLEUTEL] = {
        n: b for n, b in bestanden.items() if time.time() - b["tijd"] < _max_seconden()
    }
    return (
        gegeven is not None
        and gegeven["gebruiker"] == request.user.pk
        and gegeven["model"] == model_label
        and gegeven["keuzes"] == {k: str(v) for k, v in keuzes.items()}
        and time.time() - gegeven["tijd"] < _max_seconden()
    )


def _max_seconden() -> float:
    return settings.IMPORT_BEWAAR_MINUTEN * 60


def opruimen(max_minuten: float | None = None) -> int:
    """Remove uploads older than `max_minuten` (default IMPORT_BEWAAR_MINUTEN); returns how
    many. Files that are not uploads of this module are left alone."""
    grens = (
        time.time() - (settings.IMPORT_BEWAAR_MINUTEN if max_minuten is None else max_minuten) * 60
    )
    verwijderd = 0
    for pad in map_().iterdir():
        try:
            if geldige_naam(pad.name) and pad.is_file() and pad.stat().st_mtime < grens:
                pad.unlink()
                verwijderd += 1
        except FileNotFoundError:
            continue  # removed meanwhile by another process
    return verwijderd
