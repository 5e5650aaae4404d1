"""Herindeling as an operation on the register: a gemeente disappears on a date and its
successors carry on its memberships.

Applying a herindeling ends every deelname of the disappearing gemeente that runs on the
merger date (and the seats held for it) on that date, and gives each successor a deelname from
that date, unless the successor already takes part then. All history stays: the old deelnames
keep their start, the new ones say when they began. Applying it again changes nothing.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from . import services
from .constants import DeelnameRol, HerindelingSoort
from .models import Deelname, Gemeente, Herindeling
from .periode import overlapt, periode_q
from .tekst import datum_tekst


@dataclass
class HerindelingVerslag:
    herindelingen: int = 0
    beeindigd: int = 0  # deelnames of disappeared gemeenten ended on the merger date
    voortgezet: int = 0  # deelnames created for successors
    al_deelnemer: int = 0  # successor already took part: nothing to continue
    zetels_beeindigd: int = 0
    aandachtspunten: list[str] = field(default_factory=list)

    @property
    def iets_gewijzigd(self) -> bool:
        return bool(self.beeindigd or self.voortgezet or self.zetels_beeindigd)

    def samenvatting(self) -> str:
        return _(
            "%(h)s herindeling(en) nagelopen: %(b)s deelname(s) beëindigd, %(v)s voortgezet "
            "bij een opvolger, %(a)s keer nam de opvolger al deel, %(z)s zetel(s) beëindigd."
        ) % {
            "h": self.herindelingen,
            "b": self.beeindigd,
            "v": self.voortgezet,
            "a": self.al_deelnemer,
            "z": self.zetels_beeindigd,
        }


@transaction.atomic
def herindeling_toepassen(
    *,
    oude_gemeente: Gemeente,
    samenwerkingsverbanden=None,
    verslag: HerindelingVerslag | None = None,
) -> HerindelingVerslag:
    """Apply the recorded herindeling of `oude_gemeente` (all its successors) to its
    deelnames, optionally only those in `samenwerkingsverbanden` (ids or a queryset)."""
    verslag = verslag or HerindelingVerslag()
    rijen = list(
        Herindeling.objects.filter(oude_gemeente=oude_gemeente).select_related("nieuwe_gemeente")
    )
    if not rijen:
        raise ValidationError(
            _("Voor %(gemeente)s is geen herindeling vastgelegd.") % {"gemeente": oude_gemeente},
            code="geen_herindeling",
        )
    datum = rijen[0].datum
    opvolgers = [rij.nieuwe_gemeente for rij in rijen]
    verslag.herindelingen += 1

    # Deelnames that ran the day before the merger and still run on its date: begun before
    # it (or at an unknown date), not ended by it.
    lopend = Deelname.objects.filter(
        periode_q(datum - datetime.timedelta(days=1), "toetredingsdatum", "uittredingsdatum"),
        periode_q(datum, "toetredingsdatum", "uittredingsdatum"),
        gemeente=oude_gemeente,
    )
    if samenwerkingsverbanden is not None:
        lopend = lopend.filter(samenwerkingsverband__in=samenwerkingsverbanden)
    lopend = list(lopend.select_related("samenwerkingsverband", "gemeente"))
    if not lopend:
        return verslag

    verband_ids = {d.samenwerkingsverband_id for d in lopend}
    van_opvolgers: dict[tuple[int, int], list[Deelname]] = {}
    for deelname in Deelname.objects.filter(
        gemeente__in=opvolgers, samenwerkingsverband_id__in=verband_ids
    ):
        van_opvolgers.setdefault(
            (deelname.samenwerkingsverband_id, deelname.gemeente_id), []
        ).append(deelname)

    nieuw = []
    for oud in lopend:
        einde = oud.uittredingsdatum
        for opvolger in opvolgers:
            al = van_opvolgers.setdefault((oud.samenwerkingsverband_id, opvolger.pk), [])
            if any(overlapt(datum, einde, d.toetredingsdatum, d.uittredingsdatum) for d in al):
                verslag.al_deelnemer += 1
                continue
            opvolging = Deelname(
                samenwerkingsverband=oud.samenwerkingsverband,
                gemeente=opvolger,
                toetredingsdatum=datum,
                uittredingsdatum=einde,
                # A split gemeente's role (centrumgemeente, vestigingsgemeente) does not pass
                # to each of its parts.
                rol=oud.rol if len(opvolgers) == 1 else DeelnameRol.DEELNEMER,
                aansprakelijk=oud.aansprakelijk,
                aansprakelijkheid_toelichting=oud.aansprakelijkheid_toelichting,
                bron=oud.bron,
            )
            al.append(opvolging)
            nieuw.append(opvolging)
        if oud.samenwerkingsverband.centrumgemeente_id == oude_gemeente.pk:
            verslag.aandachtspunten.append(
                _(
                    "%(verband)s: centrumgemeente %(oud)s is per %(datum)s opgeheven; "
                    "kies de nieuwe centrumgemeente."
                )
                % {
                    "verband": oud.samenwerkingsverband,
                    "oud": oude_gemeente,
                    "datum": datum_tekst(datum),
                }
            )

    verslag.zetels_beeindigd += services.deelnames_beeindigen(deelnames=lopend, datum=datum)
    verslag.beeindigd += len(lopend)
    verslag.voortgezet += len(services.rijen_opslaan(model=Deelname, rijen=nieuw))
    return verslag


@transaction.atomic
def herindelingen_toepassen(*, samenwerkingsverbanden=None) -> HerindelingVerslag:
    """Replay every recorded herindeling in date order, so that a chain (Graafstroom →
    Molenwaard → Molenlanden) ends up at today's gemeente. Idempotent."""
    verslag = HerindelingVerslag()
    gezien = set()
    for rij in Herindeling.objects.select_related("oude_gemeente").order_by(
        "datum", "oude_gemeente__cbs_code"
    ):
        if rij.oude_gemeente_id in gezien:
            continue
        gezien.add(rij.oude_gemeente_id)
        herindeling_toepassen(
            oude_gemeente=rij.oude_gemeente,
            samenwerkingsverbanden=samenwerkingsverbanden,
            verslag=verslag,
        )
    return verslag


@transaction.atomic
def herindeling_vastleggen(
    *,
    oude_gemeente: Gemeente,
    nieuwe_gemeenten: list[Gemeente],
    datum: datetime.date,
    soort: str | None = None,
) -> HerindelingVerslag:
    """Record a herindeling (the gemeente ends on `datum`, one row per successor) and apply it.

    Recording what is already recorded changes nothing; a different date or other successors
    for a gemeente that already has a herindeling are refused."""
    soort = soort or (
        HerindelingSoort.TOEVOEGING
        if len(nieuwe_gemeenten) == 1
        else HerindelingSoort.OPHEFFING_EN_VERDELING
    )
    bestaand = list(Herindeling.objects.filter(oude_gemeente=oude_gemeente))
    if bestaand and (
        {h.datum for h in bestaand} != {datum}
        or {h.nieuwe_gemeente_id for h in bestaand} != {g.pk for g in nieuwe_gemeenten}
    ):
        raise ValidationError(
            {
                "datum": ValidationError(
                    _(
                        "%(gemeente)s heeft al een andere herindeling (per %(datum)s); pas die "
                        "aan in het beheer."
                    )
                    % {"gemeente": oude_gemeente, "datum": datum_tekst(bestaand[0].datum)},
                    code="andere_herindeling",
                )
            }
        )
    for nieuwe in nieuwe_gemeenten:
        if not nieuwe.is_actief_op(datum):
            raise ValidationError(
                {
                    "nieuwe_gemeente": ValidationError(
                        _("%(gemeente)s bestaat niet op %(datum)s.")
                        % {"gemeente": nieuwe, "datum": datum_tekst(datum)},
                        code="opvolger_bestaat_niet",
                    )
                }
            )
    if oude_gemeente.einddatum != datum:
        oude_gemeente.einddatum = datum
        services.rij_opslaan(rij=oude_gemeente)
    if not bestaand:
        services.rijen_opslaan(
            model=Herindeling,
            rijen=[
                Herindeling(
                    oude_gemeente=oude_gemeente, nieuwe_gemeente=nieuwe, datum=datum, soort=soort
                )
                for nieuwe in nieuwe_gemeenten
            ],
        )
    return herindeling_toepassen(oude_gemeente=oude_gemeente)
