"""Building blocks of the selectors: year bounds, bijdrage sums, fields not to read, and the
BBV verbonden-partij test (`bbv_toets`), the one place where that rule lives."""

import datetime
from decimal import Decimal

from django.db.models import (
    OuterRef,
    Subquery,
    Sum,
)
from django.utils.translation import gettext as _

from ..constants import (
    GEEN_VERBONDEN_PARTIJ_VOLGENS_VORM,
    VERBONDEN_PARTIJ_VOLGENS_VORM,
    BijdrageSoort,
)
from ..models import (
    Bijdrage,
    Deelname,
    Zetel,
)
from ..rijen import DeelnameRij


def jaar_grenzen(jaar: int) -> tuple[datetime.date, datetime.date]:
    """First day of `jaar` and first day of the next year: the half-open year."""
    return datetime.date(jaar, 1, 1), datetime.date(jaar + 1, 1, 1)


def bijdrage_som(jaar: int, soort: str, deelname_ref: str = "pk") -> Subquery:
    """Sum of a deelname's bijdragen of one kind in `jaar`; NULL (onbekend) without rows."""
    return Subquery(
        Bijdrage.objects.filter(deelname=OuterRef(deelname_ref), jaar=jaar, soort=soort)
        .order_by()
        .values("deelname")
        .annotate(som=Sum("bedrag"))
        .values("som")
    )


# Columns no list shows; parsing timestamps is a large part of reading wide rows.
TIJDSTEMPELS = ("created_at", "updated_at")


def zonder(*velden: str, via: str = "") -> list[str]:
    """Field paths to defer: `velden` on the model reached through `via` (e.g. "persoon__")."""
    return [f"{via}{veld}" for veld in velden]


def _som(bijdragen: list[Bijdrage], jaar: int, soort: str) -> Decimal | None:
    bedragen = [b.bedrag for b in bijdragen if b.jaar == jaar and b.soort == soort]
    return sum(bedragen, Decimal(0)) if bedragen else None


def bbv_toets(
    deelname: Deelname | DeelnameRij, *, jaar: int, zetels: list[Zetel], bijdragen: list[Bijdrage]
):
    """The verbonden-partij test of BBV art. 1 for one deelname in `jaar`, the one place where
    the rule lives. `zetels` and `bijdragen` are the deelname's rows already read (they may
    cover more than the year); the deelname's arrangement must be loaded. Sets on the
    deelname:

    - `bestuurlijk_belang`: what a secretariaat recorded (with a reason), else a seat held on
      its behalf on some day of the year or a voting right through the deelname, else the
      form: in an openbaar lichaam or a bedrijfsvoeringsorganisatie the deelnemers appoint
      the bestuur;
    - `financieel_belang`: what was recorded, else a bijdrage in the year or a recorded
      liability (aansprakelijk), else the form: there the deelnemers carry the costs;
    - `verbonden_partij`: both; but a gemeenschappelijk orgaan, centrumgemeenteconstructie or
      regeling zonder meer has no legal personality of its own and is no verbonden partij
      unless a secretariaat records the belangen;
    - `bbv_redenen`: why, in Dutch, as the list and the pages show it;
    - `bijdrage_begroot`, `bijdrage_gerealiseerd` for the year and `…_vorig_jaar` for the year
      before: sums, None (onbekend) when nothing is recorded.
    """
    van, tot = jaar_grenzen(jaar)
    vorm = deelname.samenwerkingsverband.vorm
    volgens_vorm = vorm in VERBONDEN_PARTIJ_VOLGENS_VORM
    bestuurlijk_vast = deelname.bestuurlijk_belang_vastgelegd
    financieel_vast = deelname.financieel_belang_vastgelegd
    vastgelegd = bestuurlijk_vast is not None or financieel_vast is not None
    reden = _("vastgelegd: %(reden)s") % {"reden": deelname.belang_toelichting}

    organen = sorted({str(z.bestuursorgaan).lower() for z in zetels if z.overlapt(van, tot)})
    if bestuurlijk_vast is not None:
        bestuurlijk, bestuurlijk_grond = bestuurlijk_vast, reden
    elif organen:
        bestuurlijk = True
        bestuurlijk_grond = _("zetel in %(organen)s") % {"organen": ", ".join(organen)}
    elif deelname.stemmen:
        bestuurlijk, bestuurlijk_grond = True, _("stemrecht")
    elif volgens_vorm:
        bestuurlijk = True
        bestuurlijk_grond = _("de deelnemers wijzen het bestuur aan (%(vorm)s)") % {
            "vorm": deelname.samenwerkingsverband.get_vorm_display().lower()
        }
    else:
        bestuurlijk, bestuurlijk_grond = False, _("onbekend: geen zetel of stemrecht vastgelegd")

    bijdrage = any(b.jaar == jaar for b in bijdragen)
    if financieel_vast is not None:
        financieel, financieel_grond = financieel_vast, reden
    elif bijdrage:
        financieel, financieel_grond = True, _("bijdrage %(jaar)s") % {"jaar": jaar}
    elif deelname.aansprakelijk:
        financieel, financieel_grond = True, _("aansprakelijk")
    elif volgens_vorm:
        financieel = True
        financieel_grond = _("de deelnemers dragen de kosten en staan garant (%(vorm)s)") % {
            "vorm": deelname.samenwerkingsverband.get_vorm_display().lower()
        }
    else:
        financieel = False
        financieel_grond = _("geen bijdrage of aansprakelijkheid vastgelegd in %(jaar)s") % {
            "jaar": jaar
        }

    deelname.bestuurlijk_belang = bestuurlijk
    deelname.financieel_belang = financieel
    redenen = _("bestuurlijk belang: %(b)s; financieel belang: %(f)s") % {
        "b": bestuurlijk_grond,
        "f": financieel_grond,
    }
    if vorm in GEEN_VERBONDEN_PARTIJ_VOLGENS_VORM and not vastgelegd:
        deelname.verbonden_partij = False
        redenen = _(
            "%(vorm)s: geen eigen rechtspersoon, daarom standaard geen verbonden partij "
            "(een secretariaat kan de belangen met een reden vastleggen)"
        ) % {"vorm": deelname.samenwerkingsverband.get_vorm_display()}
    else:
        deelname.verbonden_partij = bestuurlijk and financieel
    deelname.bbv_redenen = redenen
    deelname.bijdrage_begroot = _som(bijdragen, jaar, BijdrageSoort.BEGROOT)
    deelname.bijdrage_gerealiseerd = _som(bijdragen, jaar, BijdrageSoort.GEREALISEERD)
    deelname.bijdrage_begroot_vorig_jaar = _som(bijdragen, jaar - 1, BijdrageSoort.BEGROOT)
    deelname.bijdrage_gerealiseerd_vorig_jaar = _som(
        bijdragen, jaar - 1, BijdrageSoort.GEREALISEERD
    )
