"""Who takes part in a regeling over time, worked out from its versions in the national
register, and carried to the successors of gemeenten that have since merged.

The register lists the deelnemers per version of a regeling, each with its toetredingsdatum.
Over the versions of one regeling (oldest first) a participant takes part:

- from the earliest toetredingsdatum the versions of that run give (else from the start of
  the first version of the run, or unknown for the first version);
- until the first version that no longer lists it comes into force, or until the regeling
  ends when the last version lists it (open when the regeling runs on).

A participant that is absent from some versions and listed again has one period per run.
A gemeente that ended in a herindeling takes part until the merger date; its successor(s)
from then on (`herindelingen.csv`, recursively). A successor's periods that touch are one
deelname: the register may list both the old code and the successor.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from ..models import Gemeente, Organisatie
from ..periode import loopt_op, overlapt
from ..roo import Deelnemer, Regeling


@dataclass
class GewensteDeelname:
    """One deelname as the register implies it."""

    gemeente: Gemeente | None
    organisatie: Organisatie | None
    toetredingsdatum: datetime.date | None
    uittredingsdatum: datetime.date | None
    verdeelsleutel: Decimal | None
    organen: list[str]
    naam: str
    regel: int
    doorgegeven_van: list[Gemeente] = field(default_factory=list)

    @property
    def sleutel(self) -> tuple:
        return ("g", self.gemeente.pk) if self.gemeente else ("o", self.organisatie.pk)

    @property
    def deelnemer(self):
        return self.gemeente or self.organisatie

    def loopt_op(self, datum: datetime.date) -> bool:
        return loopt_op(datum, self.toetredingsdatum, self.uittredingsdatum)


def _runs(indices: list[int]) -> list[list[int]]:
    runs: list[list[int]] = []
    for i in indices:
        if runs and runs[-1][-1] == i - 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def gewenste_deelnames(
    versies: list[Regeling],
    deelnemer_van,
    opvolgers: dict[int, list[Gemeente]],
    opmerkingen: list[str],
) -> list[GewensteDeelname]:
    """The deelnames over `versies` (oldest first). `deelnemer_van(Deelnemer)` gives a
    Gemeente or Organisatie, or None when the participant cannot be identified (the caller
    has noted why); `opvolgers` maps a gemeente's pk to its successors."""
    per_deelnemer: dict[tuple, list[tuple[int, Deelnemer, object]]] = {}
    for index, versie in enumerate(versies):
        for deelnemer in versie.deelnemers:
            wie = deelnemer_van(deelnemer)
            if wie is None:
                continue
            sleutel = (type(wie).__name__, wie.pk)
            lijst = per_deelnemer.setdefault(sleutel, [])
            if lijst and lijst[-1][0] == index:
                continue  # listed twice in one version
            lijst.append((index, deelnemer, wie))

    einde = versies[-1].einddatum
    rechtstreeks: list[GewensteDeelname] = []
    for lijst in per_deelnemer.values():
        per_index = {index: (d, wie) for index, d, wie in lijst}
        for run in _runs([index for index, _d, _w in lijst]):
            deelnemer, wie = per_index[run[-1]]
            # In versions that follow each other the participant takes part throughout: from
            # the earliest toetredingsdatum the versions give.
            begin = min(
                (per_index[i][0].toetredingsdatum for i in run if per_index[i][0].toetredingsdatum),
                default=versies[run[0]].ingangsdatum if run[0] > 0 else None,
            )
            eind = versies[run[-1] + 1].ingangsdatum if run[-1] + 1 < len(versies) else einde
            if begin and eind and begin >= eind:
                opmerkingen.append(
                    f"regel {deelnemer.regel}: {deelnemer.naam} treedt toe op {begin} maar "
                    f"neemt volgens de versies niet meer deel vanaf {eind}; toegetreden "
                    "genomen bij het begin van de versie."
                )
                begin = versies[run[0]].ingangsdatum
                if begin and begin >= eind:
                    continue
            rechtstreeks.append(
                GewensteDeelname(
                    gemeente=wie if isinstance(wie, Gemeente) else None,
                    organisatie=wie if isinstance(wie, Organisatie) else None,
                    toetredingsdatum=begin,
                    uittredingsdatum=eind,
                    verdeelsleutel=deelnemer.verdeelsleutel,
                    organen=list(deelnemer.organen),
                    naam=deelnemer.naam,
                    regel=deelnemer.regel,
                )
            )

    doorgegeven: list[GewensteDeelname] = []
    for gewenst in rechtstreeks:
        if gewenst.gemeente is None:
            doorgegeven.append(gewenst)
        else:
            doorgegeven += _doorgeven(gewenst, gewenst.gemeente, opvolgers, [])
    return _samenvoegen(doorgegeven)


def _doorgeven(
    gewenst: GewensteDeelname, gemeente: Gemeente, opvolgers, van: list[Gemeente]
) -> list[GewensteDeelname]:
    """The period of `gewenst` for `gemeente`, up to its merger, and the rest for its
    successors."""
    begin, eind = gewenst.toetredingsdatum, gewenst.uittredingsdatum
    fusie = gemeente.einddatum
    if fusie is None or (eind is not None and eind <= fusie):
        return [_kopie(gewenst, gemeente, begin, eind, van)]
    resultaat = []
    if begin is None or begin < fusie:
        resultaat.append(_kopie(gewenst, gemeente, begin, fusie, van))
    vanaf = fusie if begin is None or begin < fusie else begin
    for opvolger in opvolgers.get(gemeente.pk, []):
        deel = _kopie(gewenst, opvolger, vanaf, eind, [*van, gemeente])
        resultaat += _doorgeven(deel, opvolger, opvolgers, [*van, gemeente])
    return resultaat


def _kopie(gewenst, gemeente, begin, eind, van) -> GewensteDeelname:
    eigen = not van
    return GewensteDeelname(
        gemeente=gemeente,
        organisatie=None,
        toetredingsdatum=begin,
        uittredingsdatum=eind,
        # A predecessor's share of the costs is not its successor's.
        verdeelsleutel=gewenst.verdeelsleutel if eigen else None,
        organen=gewenst.organen,
        naam=gewenst.naam,
        regel=gewenst.regel,
        doorgegeven_van=list(van),
    )


def _samenvoegen(deelnames: list[GewensteDeelname]) -> list[GewensteDeelname]:
    """Periods of one participant that overlap or touch become one; what the register says
    about the participant itself wins over what was carried from a predecessor."""
    per_sleutel: dict[tuple, list[GewensteDeelname]] = {}
    for d in deelnames:
        per_sleutel.setdefault(d.sleutel, []).append(d)
    resultaat = []
    for lijst in per_sleutel.values():
        lijst.sort(
            key=lambda d: (d.toetredingsdatum is not None, d.toetredingsdatum or datetime.date.min)
        )
        huidig = lijst[0]
        for volgende in lijst[1:]:
            raakt = (
                huidig.uittredingsdatum is None
                or volgende.toetredingsdatum is None
                or volgende.toetredingsdatum <= huidig.uittredingsdatum
            )
            if not raakt:
                resultaat.append(huidig)
                huidig = volgende
                continue
            eind = (
                None
                if huidig.uittredingsdatum is None or volgende.uittredingsdatum is None
                else max(huidig.uittredingsdatum, volgende.uittredingsdatum)
            )
            leidend = (
                volgende if huidig.doorgegeven_van and not volgende.doorgegeven_van else huidig
            )
            if not huidig.doorgegeven_van and not volgende.doorgegeven_van:
                leidend = volgende  # the later listing is the register's latest word
            huidig = GewensteDeelname(
                gemeente=huidig.gemeente,
                organisatie=huidig.organisatie,
                toetredingsdatum=huidig.toetredingsdatum,
                uittredingsdatum=eind,
                verdeelsleutel=leidend.verdeelsleutel,
                organen=leidend.organen,
                naam=leidend.naam,
                regel=leidend.regel,
                doorgegeven_van=(
                    huidig.doorgegeven_van
                    if huidig.doorgegeven_van and volgende.doorgegeven_van
                    else []
                ),
            )
        resultaat.append(huidig)
    return resultaat


def koppelen(gewenst: list[GewensteDeelname], bestaand: list) -> list[tuple]:
    """Pairs (desired, stored deelname or None) for one participant: the stored one with the
    same toetredingsdatum, else the first one whose period overlaps."""
    vrij = list(bestaand)
    paren = []
    for g in gewenst:
        match = next((b for b in vrij if b.toetredingsdatum == g.toetredingsdatum), None)
        if match is None:
            match = next(
                (
                    b
                    for b in vrij
                    if overlapt(
                        g.toetredingsdatum,
                        g.uittredingsdatum,
                        b.toetredingsdatum,
                        b.uittredingsdatum,
                    )
                ),
                None,
            )
        if match is not None:
            vrij.remove(match)
        paren.append((g, match))
    return paren
