"""The register's gemeenten: their systeemId and their inwoners (as Inwonertal of the export's
year, with the export as source; a figure someone entered is kept and reported)."""

import datetime

from .. import services
from ..models import Gemeente, Inwonertal
from ..normalisatie import ROEPNAMEN, normaliseer_naam
from ..peilmoment import binnen_bereik
from ..periode import geeindigd
from ..registerstand import waarden_toepassen
from .context import Importcontext


def gemeenten_bijwerken(ctx: Importcontext) -> None:
    """Link the register's gemeenten to the reference gemeenten (by TOOI code, systeemId, or
    for a dissolved gemeente without TOOI code by name and end date) and load the inwoners."""
    per_naam_en_einde: dict[tuple, list[Gemeente]] = {}
    for g in ctx.gemeenten:
        if g.einddatum:
            per_naam_en_einde.setdefault((normaliseer_naam(g.naam), g.einddatum), []).append(g)
    gekoppeld, op_naam, onbekend, inwoners = [], [], [], {}
    for record in (o for o in ctx.export.organisaties if o.is_gemeente):
        gemeente = None
        if record.tooi is not None and record.tooi.soort == "gemeente":
            gemeente = ctx.per_code.get(record.tooi.code)
        if gemeente is None and record.systeem_id:
            gemeente = ctx.gemeente_per_systeem_id.get(record.systeem_id)
        if (
            gemeente is None
            and record.tooi is None
            and record.einddatum
            and binnen_bereik(record.einddatum)
        ):
            # A gemeente the register holds without a TOOI code: the reference gemeente
            # with the same name that ended on the same day (the register writes the first
            # day after, older records the last day). No gemeente ends outside the register's
            # range (models.basis.DatumsInBereik); the day after 9999-12-31 does not exist.
            naam = normaliseer_naam(record.naam)
            naam = ROEPNAMEN.get(naam, naam)
            for einde in (record.einddatum, record.einddatum + datetime.timedelta(days=1)):
                kandidaten = per_naam_en_einde.get((naam, einde), [])
                if len(kandidaten) == 1:
                    gemeente = kandidaten[0]
                    op_naam.append(f"{record.naam} ({gemeente.cbs_code})")
                    break
        if gemeente is None:
            onbekend.append(record.naam)
            continue
        if (
            record.systeem_id
            and gemeente.roo_systeem_id is None
            and record.systeem_id not in ctx.gemeente_per_systeem_id
        ):
            gemeente.roo_systeem_id = record.systeem_id
            ctx.gemeente_per_systeem_id[record.systeem_id] = gemeente
            gekoppeld.append(gemeente)
        if (
            record.inwoners
            and not geeindigd(ctx.stand, record.einddatum)
            and gemeente.is_actief_op(ctx.stand)
        ):
            inwoners[gemeente.pk] = (gemeente, record.inwoners)
    services.rijen_opslaan(model=Gemeente, rijen=gekoppeld, velden=["roo_systeem_id"])
    ctx.verslag.gemeenten_gekoppeld = len(gekoppeld)
    if op_naam and gekoppeld:
        ctx.verslag.meldingen.append(
            f"{len(op_naam)} opgeheven gemeenten staan zonder TOOI-code in het register; "
            "herkend aan naam én einddatum in de referentiegegevens (bijvoorbeeld "
            f"{', '.join(op_naam[:3])})."
        )
    if onbekend:
        ctx.verslag.meldingen.append(
            f"{len(onbekend)} gemeenten uit het register staan niet in de referentiegegevens "
            f"(opgeheven vóór 2016 of geen gemeente, bijvoorbeeld {', '.join(onbekend[:3])}); "
            "niet gekoppeld."
        )
    _inwoners_bijwerken(ctx, inwoners)


def _inwoners_bijwerken(ctx: Importcontext, inwoners: dict) -> None:
    jaar = ctx.stand.year
    bestaand = {i.gemeente_id: i for i in Inwonertal.objects.filter(jaar=jaar)}
    nieuw, gewijzigd = [], []
    for gemeente, aantal in inwoners.values():
        rij = bestaand.get(gemeente.pk)
        if rij is None:
            nieuw.append(
                Inwonertal(
                    gemeente=gemeente,
                    jaar=jaar,
                    aantal=aantal,
                    bron=ctx.bron,
                    roo_stand={"aantal": aantal},
                )
            )
            continue
        uitkomst = waarden_toepassen(rij, {"aantal": aantal})
        for conflict in uitkomst.conflicten:
            ctx.verslag.aandachtspunten.append(
                f"Inwonertal {gemeente} {jaar}: in regioreg {conflict.oud}, in het register "
                f"{conflict.nieuw}; de waarde in regioreg ({rij.bron or 'ingevoerd'}) is "
                "behouden."
            )
        if uitkomst.gewijzigd:
            rij.bron = ctx.bron
        if uitkomst.opslaan:
            gewijzigd.append(rij)
    services.rijen_opslaan(
        model=Inwonertal, rijen=[*gewijzigd, *nieuw], velden=["aantal", "bron", "roo_stand"]
    )
    ctx.verslag.inwonertallen_nieuw = len(nieuw)
    ctx.verslag.inwonertallen_gewijzigd = sum(1 for r in gewijzigd if r.bron == ctx.bron)
