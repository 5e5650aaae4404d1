"""The deelnames of one regeling kept in step with the register."""

import datetime

from .. import services
from ..models import Deelname, Zetel
from ..periode import geeindigd
from ..registerstand import als_json, waarden_toepassen
from ..tekst import datum_tekst
from .perioden import GewensteDeelname, koppelen
from .plan import Plan
from .verslag import Wijzigingssoort, conflict_tekst, verschil_tekst


def deelnames_plannen(
    plan: Plan,
    verband,
    deelnames: list[GewensteDeelname],
    opgeslagen: list[Deelname],
    *,
    stand: datetime.date,
    bron: str,
    naam: str,
    sid,
) -> None:
    """What to write for the deelnames of one regeling: the register's periods matched to the
    stored deelnames (`perioden.koppelen`), new ones, changed fields (a hand edit is a
    conflict and stays), and ends for deelnames the register made and no longer lists."""
    bestaand: dict[tuple, list[Deelname]] = {}
    for d in opgeslagen:
        sleutel = ("g", d.gemeente_id) if d.gemeente_id else ("o", d.organisatie_id)
        bestaand.setdefault(sleutel, []).append(d)
    gewenst: dict[tuple, list[GewensteDeelname]] = {}
    for g in deelnames:
        gewenst.setdefault(g.sleutel, []).append(g)
    gekoppeld: set[int] = set()
    eind_regeling = verband.einddatum
    for sleutel, lijst in gewenst.items():
        for g, d in koppelen(lijst, bestaand.get(sleutel, [])):
            waarden = {
                "toetredingsdatum": g.toetredingsdatum,
                "uittredingsdatum": g.uittredingsdatum,
                "verdeelsleutel": g.verdeelsleutel,
                "deelnemende_bestuursorganen": g.organen,
            }
            if d is None:
                nieuw = Deelname(gemeente=g.gemeente, organisatie=g.organisatie, bron=bron)
                waarden_toepassen(nieuw, waarden, nieuw=True)
                plan.deelnames_nieuw.append(nieuw)
                if not plan.nieuw:
                    plan.wijzig(
                        Wijzigingssoort.NIEUW,
                        naam,
                        sid,
                        f"deelnemer {g.deelnemer} erbij (vanaf {datum_tekst(g.toetredingsdatum)})",
                    )
                continue
            gekoppeld.add(d.pk)
            oude_uittreding = d.uittredingsdatum
            uitkomst = waarden_toepassen(d, waarden)
            for conflict in uitkomst.conflicten:
                plan.wijzig(
                    Wijzigingssoort.CONFLICT,
                    naam,
                    sid,
                    f"deelname van {g.deelnemer}: {conflict_tekst(conflict)}",
                )
            eindigt = oude_uittreding is None and d.uittredingsdatum is not None
            if eindigt:
                einde = d.uittredingsdatum
                d.uittredingsdatum = None
                plan.deelnames_einde.append((d, einde))
                if einde != eind_regeling or plan.nieuw:
                    plan.wijzig(
                        Wijzigingssoort.BEEINDIGD,
                        naam,
                        sid,
                        f"deelname van {g.deelnemer} beëindigd per {datum_tekst(einde)}",
                    )
            overig = [v for v in uitkomst.gewijzigd if v.veld != "uittredingsdatum" or not eindigt]
            if overig:
                plan.deelnames_gewijzigd.append(d)
                for v in overig:
                    plan.wijzig(
                        Wijzigingssoort.GEWIJZIGD,
                        naam,
                        sid,
                        f"deelname van {g.deelnemer}: {verschil_tekst(v)}",
                    )
            elif uitkomst.stand_gewijzigd and not eindigt:
                plan.deelnames_stand.append(d)
    # Deelnames the register made that it no longer lists: ended on the export's date.
    for lijst in bestaand.values():
        for d in lijst:
            if d.pk in gekoppeld or not d.roo_stand:
                continue
            if geeindigd(stand, d.uittredingsdatum):
                continue
            einde = max(stand, d.toetredingsdatum or stand)
            stand = dict(d.roo_stand)
            stand["uittredingsdatum"] = als_json(einde)
            d.roo_stand = stand
            plan.deelnames_einde.append((d, einde))
            plan.wijzig(
                Wijzigingssoort.BEEINDIGD,
                naam,
                sid,
                f"deelname van {d.gemeente or d.organisatie} beëindigd per "
                f"{datum_tekst(einde)} (staat niet meer in het register)",
            )


def deelnames_schrijven(plan: Plan, verband) -> None:
    """Write the deelnames of `plan`: ends first, then changes, then new ones."""
    eindes = plan.deelnames_einde
    if eindes:
        latere = set(
            Zetel.objects.filter(
                deelname__in=[d for d, _e in eindes],
            )
            .filter(begindatum__isnull=False)
            .values_list("deelname_id", "begindatum")
        )
        per_datum: dict[datetime.date, list[Deelname]] = {}
        for d, einde in eindes:
            if any(pk == d.pk and begin >= einde for pk, begin in latere):
                plan.wijzig(
                    Wijzigingssoort.CONFLICT,
                    verband.naam,
                    verband.roo_systeem_id,
                    f"deelname van {d.gemeente or d.organisatie}: het register beëindigt "
                    f"haar per {datum_tekst(einde)}, maar in regioreg begint daarna nog een "
                    "zetel; niet beëindigd. Pas de zetel aan.",
                )
                continue
            per_datum.setdefault(einde, []).append(d)
        for einde, lijst in per_datum.items():
            services.deelnames_beeindigen(deelnames=lijst, datum=einde)
        services.rijen_opslaan(model=Deelname, rijen=[d for d, _e in eindes], velden=["roo_stand"])
    for d in plan.deelnames_nieuw:
        d.samenwerkingsverband = verband
    # Changed rows (whole, as the plan left them) and new ones, checked together.
    services.rijen_opslaan(
        model=Deelname,
        rijen=[*plan.deelnames_gewijzigd, *plan.deelnames_stand, *plan.deelnames_nieuw],
    )
