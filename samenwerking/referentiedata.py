"""Load the real reference data: the 12 provincies, the gemeenten of today and every gemeente
that disappeared in a herindeling since 2016, with end dates and successors.

Sources (copied into `fixtures/`, see `fixtures/README.md`): `gemeenten.csv` (CBS, 342
gemeenten on 1 January 2025) and `herindelingen.csv` (every reorganisation 2016–2025).
Loading is idempotent and all-or-nothing: a bad row stops the load with its line number and
nothing is written.
"""

import csv
import datetime
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction

from . import services
from .constants import HerindelingSoort
from .models import Gemeente, Herindeling, Provincie
from .peilmoment import DATUM_BUITEN_BEREIK, binnen_bereik

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
GEMEENTEN_KOLOMMEN = ["cbs_code", "naam", "provincie", "provincie_code"]
HERINDELINGEN_KOLOMMEN = [
    "datum",
    "oude_cbs_code",
    "oude_naam",
    "nieuwe_cbs_code",
    "nieuwe_naam",
    "soort",
]


@dataclass
class Telling:
    nieuw: int = 0
    gewijzigd: int = 0
    ongewijzigd: int = 0


@dataclass
class Verslag:
    provincies: Telling = field(default_factory=Telling)
    gemeenten: Telling = field(default_factory=Telling)
    herindelingen: Telling = field(default_factory=Telling)

    @property
    def iets_gewijzigd(self) -> bool:
        return any(
            t.nieuw or t.gewijzigd for t in (self.provincies, self.gemeenten, self.herindelingen)
        )


class ReferentiedataFout(ValidationError):
    """A row of a reference file is wrong; the message names file, line and column."""


def lees_csv(pad: Path, kolommen: list[str]) -> list[tuple[int, dict[str, str]]]:
    try:
        with pad.open(encoding="utf-8-sig", newline="") as bestand:
            lezer = csv.DictReader(bestand)
            if lezer.fieldnames != kolommen:
                raise ReferentiedataFout(
                    f"{pad.name}: de kolommen zijn {lezer.fieldnames}, verwacht {kolommen}."
                )
            return [(regel, rij) for regel, rij in enumerate(lezer, start=2)]
    except FileNotFoundError:
        raise ReferentiedataFout(f"{pad}: bestand niet gevonden.") from None


def _fout(pad: Path, regel: int, kolom: str, probleem: str) -> ReferentiedataFout:
    return ReferentiedataFout(f"{pad.name}, regel {regel}, kolom {kolom}: {probleem}")


class _Wijzigingen:
    """The rows of one model to create or update, counted, and saved together through the
    service (one check and one statement per kind, whatever their number)."""

    def __init__(self, telling: Telling):
        self.telling = telling
        self.rijen: list = []
        self.wie: list[str] = []

    def bijwerken(self, obj, waarden: dict, *, wie: str) -> None:
        """Set `waarden` on `obj` (new or stored) if anything differs."""
        if obj.pk and all(getattr(obj, k) == v for k, v in waarden.items()):
            self.telling.ongewijzigd += 1
            return
        if obj.pk:
            self.telling.gewijzigd += 1
        else:
            self.telling.nieuw += 1
        for k, v in waarden.items():
            setattr(obj, k, v)
        self.rijen.append(obj)
        self.wie.append(wie)

    def opslaan(self) -> None:
        """Save the rows; a refused row stops the load with its line (nothing is written)."""
        if not self.rijen:
            return
        try:
            services.rijen_opslaan(model=type(self.rijen[0]), rijen=self.rijen, labels=self.wie)
        except services.Rijfouten as fouten:
            eerste = min(fouten.per_rij)
            raise ReferentiedataFout(
                f"{self.wie[eerste]}: {'; '.join(fouten.per_rij[eerste].messages)}"
            ) from None


@transaction.atomic
def referentiedata_laden(
    *,
    gemeenten_pad: Path = FIXTURES / "gemeenten.csv",
    herindelingen_pad: Path = FIXTURES / "herindelingen.csv",
) -> Verslag:
    verslag = Verslag()
    gemeente_rijen = lees_csv(gemeenten_pad, GEMEENTEN_KOLOMMEN)
    herindeling_rijen = lees_csv(herindelingen_pad, HERINDELINGEN_KOLOMMEN)

    # Provincies, from the gemeenten file.
    provincie_namen: dict[str, str] = {}
    for regel, rij in gemeente_rijen:
        code, naam = rij["provincie_code"].strip(), rij["provincie"].strip()
        if provincie_namen.setdefault(code, naam) != naam:
            raise _fout(
                gemeenten_pad, regel, "provincie", f"{code} heet eerder {provincie_namen[code]!r}."
            )
    provincies = {p.code: p for p in Provincie.objects.all()}
    wijzigingen = _Wijzigingen(verslag.provincies)
    for code, naam in sorted(provincie_namen.items()):
        provincie = provincies.get(code) or Provincie(code=code)
        wijzigingen.bijwerken(provincie, {"naam": naam}, wie=f"provincie {code}")
        provincies[code] = provincie
    wijzigingen.opslaan()

    # What each gemeente should look like: current ones first, then the disappeared ones.
    gewenst: dict[str, dict] = {}
    for regel, rij in gemeente_rijen:
        code = rij["cbs_code"].strip()
        if code in gewenst:
            raise _fout(gemeenten_pad, regel, "cbs_code", f"{code} staat er dubbel in.")
        gewenst[code] = {
            "naam": rij["naam"].strip(),
            "provincie_id": provincies[rij["provincie_code"].strip()].pk,
            "begindatum": None,
            "einddatum": None,
        }
    huidige = set(gewenst)
    herindelingen: list[tuple[int, datetime.date, str, str, str, dict]] = []
    for regel, rij in herindeling_rijen:
        try:
            datum = datetime.date.fromisoformat(rij["datum"].strip())
        except ValueError:
            raise _fout(
                herindelingen_pad, regel, "datum", f"{rij['datum']!r} is geen datum (JJJJ-MM-DD)."
            ) from None
        if not binnen_bereik(datum):
            # Named here, with its line: it becomes the einddatum of a gemeente, which the
            # services refuse by the gemeente's code only (models.basis.DatumsInBereik).
            raise _fout(herindelingen_pad, regel, "datum", f"{datum}: {DATUM_BUITEN_BEREIK}")
        soort = rij["soort"].strip()
        if soort not in HerindelingSoort.values:
            raise _fout(
                herindelingen_pad,
                regel,
                "soort",
                f"{soort!r} is onbekend; kies uit {', '.join(HerindelingSoort.values)}.",
            )
        oud, nieuw = rij["oude_cbs_code"].strip(), rij["nieuwe_cbs_code"].strip()
        if oud in huidige:
            raise _fout(
                herindelingen_pad,
                regel,
                "oude_cbs_code",
                f"{oud} staat in {gemeenten_pad.name} als bestaande gemeente.",
            )
        herindelingen.append((regel, datum, oud, nieuw, soort, rij))
    herindelingen.sort(key=lambda h: (h[1], h[0]))

    opvolger_van: dict[str, str] = {}
    for regel, datum, oud, nieuw, soort, rij in herindelingen:
        vorige_einde = gewenst.get(oud, {}).get("einddatum")
        if vorige_einde is not None and vorige_einde != datum:
            raise _fout(
                herindelingen_pad,
                regel,
                "datum",
                f"{oud} is al opgeheven per {vorige_einde}; één gemeente heeft één einddatum.",
            )
        gewenst.setdefault(oud, {"naam": rij["oude_naam"].strip(), "begindatum": None})
        gewenst[oud]["einddatum"] = datum
        opvolger_van.setdefault(oud, nieuw)
        if soort == HerindelingSoort.SAMENVOEGING:
            gewenst.setdefault(
                nieuw, {"naam": rij["nieuwe_naam"].strip(), "begindatum": None, "einddatum": None}
            )
            gewenst[nieuw]["begindatum"] = datum

    # A disappeared gemeente lies in the provincie of the gemeente it ended up in.
    for code, waarden in gewenst.items():
        if "provincie_id" in waarden:
            continue
        stap, gezien = code, set()
        while "provincie_id" not in gewenst.get(stap, {}) and stap not in gezien:
            gezien.add(stap)
            stap = opvolger_van.get(stap, stap)
        if "provincie_id" not in gewenst.get(stap, {}):
            regel = next(h[0] for h in herindelingen if h[2] == code)
            raise _fout(
                herindelingen_pad,
                regel,
                "nieuwe_cbs_code",
                f"de opvolger van {code} staat niet in {gemeenten_pad.name}.",
            )
        waarden["provincie_id"] = gewenst[stap]["provincie_id"]

    bestaand = {g.cbs_code: g for g in Gemeente.objects.all()}
    wijzigingen = _Wijzigingen(verslag.gemeenten)
    for code, waarden in gewenst.items():
        gemeente = bestaand.get(code) or Gemeente(cbs_code=code)
        wijzigingen.bijwerken(gemeente, waarden, wie=f"gemeente {code}")
        bestaand[code] = gemeente
    wijzigingen.opslaan()

    bestaande_herindelingen = {
        (h.oude_gemeente_id, h.nieuwe_gemeente_id): h for h in Herindeling.objects.all()
    }
    wijzigingen = _Wijzigingen(verslag.herindelingen)
    for regel, datum, oud, nieuw, soort, _rij in herindelingen:
        if nieuw not in bestaand:
            raise _fout(
                herindelingen_pad,
                regel,
                "nieuwe_cbs_code",
                f"{nieuw} is geen bekende gemeente (niet in {gemeenten_pad.name}).",
            )
        oude, nieuwe = bestaand[oud], bestaand[nieuw]
        herindeling = bestaande_herindelingen.get((oude.pk, nieuwe.pk)) or Herindeling()
        wijzigingen.bijwerken(
            herindeling,
            {
                "oude_gemeente_id": oude.pk,
                "nieuwe_gemeente_id": nieuwe.pk,
                "datum": datum,
                "soort": soort,
            },
            wie=f"{herindelingen_pad.name}, regel {regel}",
        )
    wijzigingen.opslaan()
    return verslag
