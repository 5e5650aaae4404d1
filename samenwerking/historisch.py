"""OpenGR (2016) as a historical source beside the national register.

Once the national register is loaded it is the source for what it holds. Each arrangement
that came from OpenGR then becomes a historical mention (`alleen_historisch`): it is not
counted or listed as running. When a regeling in the national register matches it, the
mention is linked to that regeling (`in_landelijk_register`); otherwise the pages say
"niet in het landelijk register (stand 2016)". Nothing is deleted: bijdragen, zetels and
documents entered on such a mention stay where they are.

A match is a link for readers, not an identity: OpenGR has no identifiers the register
shares. It takes the same name (`regeling_sleutel`, also against the register's citeertitel,
earlier titles and the executing body) and gemeenten in common, or, for a name that is only
close, most of the gemeenten in common.
"""

import datetime
import difflib
from dataclasses import dataclass

from . import services
from .constants import BRON_OPENGR
from .models import Deelname, Regelingversie, Samenwerkingsverband
from .normalisatie import regeling_sleutel
from .periode import geeindigd

DREMPEL_NAAM = 0.8  # difflib ratio of the names for a close name
DREMPEL_GEMEENTEN = 0.5  # share of the smaller set of gemeenten in common


@dataclass
class HistorischVerslag:
    gekoppeld: int = 0
    niet_in_register: int = 0
    gewijzigd: int = 0

    @property
    def iets_gewijzigd(self) -> bool:
        return bool(self.gewijzigd)

    def samenvatting(self) -> str:
        return (
            f"OpenGR (2016): {self.gekoppeld} vermelding(en) gekoppeld aan een regeling in het "
            f"landelijk register, {self.niet_in_register} niet in het landelijk register; geen "
            f"van beide telt nog als lopend ({self.gewijzigd} bijgewerkt)."
        )


def _gemeenten_per_verband(verband_ids) -> dict[int, set[int]]:
    per_verband: dict[int, set[int]] = {}
    for verband_id, gemeente_id in Deelname.objects.filter(
        samenwerkingsverband__in=verband_ids, gemeente__isnull=False
    ).values_list("samenwerkingsverband_id", "gemeente_id"):
        per_verband.setdefault(verband_id, set()).add(gemeente_id)
    return per_verband


def _aandeel(a: set, b: set) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def historische_vermeldingen_bijwerken(*, peildatum: datetime.date) -> HistorischVerslag:
    """Mark and link the OpenGR arrangements (see the module doc). Idempotent; does nothing
    while the national register is not loaded."""
    verslag = HistorischVerslag()
    if not Regelingversie.objects.exists():
        return verslag
    oud = list(
        Samenwerkingsverband.objects.filter(bron__startswith=BRON_OPENGR, versies__isnull=True)
    )
    if not oud:
        return verslag
    register = list(
        Samenwerkingsverband.objects.filter(versies__isnull=False)
        .distinct()
        .select_related("uitvoerende_organisatie")
    )
    namen: dict[int, set[str]] = {}
    afkortingen: dict[int, set[str]] = {}
    for verband in register:
        namen[verband.pk] = {regeling_sleutel(verband.naam), regeling_sleutel(verband.citeertitel)}
        afkortingen[verband.pk] = {verband.afkorting.lower()} - {""}
        if verband.uitvoerende_organisatie:
            namen[verband.pk].add(regeling_sleutel(verband.uitvoerende_organisatie.naam))
    for verband_id, titel, citeertitel in Regelingversie.objects.values_list(
        "samenwerkingsverband_id", "titel", "citeertitel"
    ):
        namen.setdefault(verband_id, set()).update(
            {regeling_sleutel(titel), regeling_sleutel(citeertitel)}
        )
    for verzameling in namen.values():
        verzameling.discard("")
    gemeenten = _gemeenten_per_verband([v.pk for v in register] + [v.pk for v in oud])
    per_gemeente: dict[int, set[int]] = {}
    for verband in register:
        for gemeente_id in gemeenten.get(verband.pk, ()):
            per_gemeente.setdefault(gemeente_id, set()).add(verband.pk)
    per_pk = {v.pk: v for v in register}

    gewijzigd = []
    for verband in oud:
        match = _beste(verband, namen, afkortingen, gemeenten, per_gemeente, per_pk, peildatum)
        if match is None:
            verslag.niet_in_register += 1
        else:
            verslag.gekoppeld += 1
        if not verband.alleen_historisch or verband.in_landelijk_register_id != (
            match.pk if match else None
        ):
            verband.alleen_historisch = True
            verband.in_landelijk_register = match
            gewijzigd.append(verband)
    services.rijen_opslaan(
        model=Samenwerkingsverband,
        rijen=gewijzigd,
        velden=["alleen_historisch", "in_landelijk_register"],
    )
    verslag.gewijzigd = len(gewijzigd)
    return verslag


def _beste(verband, namen, afkortingen, gemeenten, per_gemeente, per_pk, peildatum):
    sleutel = regeling_sleutel(verband.naam)
    eigen = gemeenten.get(verband.pk, set())
    kandidaten = set()
    for gemeente_id in eigen:
        kandidaten |= per_gemeente.get(gemeente_id, set())
    kandidaten |= {pk for pk, n in namen.items() if sleutel in n}
    beste, beste_score = None, None
    for pk in kandidaten:
        gedeeld = _aandeel(eigen, gemeenten.get(pk, set()))
        exact = sleutel in namen.get(pk, ()) or (
            verband.afkorting and verband.afkorting.lower() in afkortingen.get(pk, ())
        )
        if exact:
            if eigen and gemeenten.get(pk) and gedeeld == 0:
                continue
        else:
            if gedeeld < DREMPEL_GEMEENTEN:
                continue
            gelijkenis = max(
                (
                    difflib.SequenceMatcher(None, sleutel, naam).ratio()
                    for naam in namen.get(pk, ())
                    if difflib.SequenceMatcher(None, sleutel, naam).quick_ratio() >= DREMPEL_NAAM
                ),
                default=0.0,
            )
            if gelijkenis < DREMPEL_NAAM:
                continue
        kandidaat = per_pk[pk]
        lopend = not geeindigd(peildatum, kandidaat.einddatum)
        score = (bool(exact), lopend, gedeeld)
        if beste_score is None or score > beste_score:
            beste, beste_score = kandidaat, score
    return beste
