"""Front-end files from npm (package.json, installed by `npm ci` into node_modules/) served
as our own static files: a staticfiles finder that exposes only the files listed here, under
`nl-design-system/`, so collectstatic picks them up and WhiteNoise serves them. Nothing
third-party is committed, nothing loads from a CDN, and the 15 MB of other token formats in
the packages stay out of STATIC_ROOT."""

from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import BaseFinder
from django.core.checks import Error
from django.core.files.storage import FileSystemStorage

# Static path → file inside node_modules/ (versions pinned in package.json / package-lock.json).
BESTANDEN = {
    "nl-design-system/utrecht-design-tokens.css": "@utrecht/design-tokens/dist/index.css",
    "nl-design-system/utrecht-componenten.css": "@utrecht/component-library-css/dist/index.css",
    "nl-design-system/utrecht-html.css": "@utrecht/component-library-css/dist/html.css",
}


def node_modules() -> Path:
    return Path(getattr(settings, "NODE_MODULES", settings.BASE_DIR / "node_modules"))


class _NpmOpslag(FileSystemStorage):
    """node_modules/ read under our static names (what collectstatic copies and WhiteNoise
    serves in development)."""

    def __init__(self):
        super().__init__(location=str(node_modules()))

    def path(self, name):
        return str(node_modules() / BESTANDEN[name])


class NpmFinder(BaseFinder):
    def check(self, **kwargs):
        ontbreekt = [bron for bron in BESTANDEN.values() if not (node_modules() / bron).is_file()]
        if ontbreekt:
            return [
                Error(
                    f"Front-endbestanden ontbreken in {node_modules()}: {', '.join(ontbreekt)}.",
                    hint="Draai `npm ci` in de projectmap (make install doet dat).",
                    id="regioreg.E001",
                )
            ]
        return []

    def find(self, path, find_all=False, **kwargs):
        bron = BESTANDEN.get(path)
        if bron is None or not (node_modules() / bron).is_file():
            return [] if find_all else None
        gevonden = str(node_modules() / bron)
        return [gevonden] if find_all else gevonden

    def list(self, ignore_patterns):
        opslag = _NpmOpslag()
        for naam, bron in BESTANDEN.items():
            if (node_modules() / bron).is_file():
                yield naam, opslag
