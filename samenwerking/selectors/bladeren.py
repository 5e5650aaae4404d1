"""Browsing the register without a search term: gemeenten per provincie, running
arrangements per domein (the public "bladeren" page)."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby

from django.db.models import Prefetch

from ..models import Domein, Gemeente, Samenwerkingsverband


def gemeenten_per_provincie(*, peildatum: datetime.date) -> list[tuple[str, list[Gemeente]]]:
    """The gemeenten existing on `peildatum`, grouped by provincie, both by name. One query."""
    gemeenten = (
        Gemeente.objects.actief_op(peildatum)
        .select_related("provincie")
        .order_by("provincie__naam", "naam")
    )
    return [(naam, list(rij)) for naam, rij in groupby(gemeenten, key=lambda g: g.provincie.naam)]


def per_hoofdthema(domeinen: Iterable[Domein]) -> list[tuple[str, Domein | None, list[Domein]]]:
    """`domeinen` (in the order given) as (hoofdthema's name, the hoofdthema if among them,
    its subthema's among them), each hoofdthema once, where it first occurs: for this page
    and for a verband's domeinen on its own. No queries."""
    groepen: dict[str, tuple[list[Domein], list[Domein]]] = {}
    for domein in domeinen:
        hoofd, subthemas = groepen.setdefault(domein.hoofdthema_naam, ([], []))
        (subthemas if domein.subthema_naam else hoofd).append(domein)
    return [(naam, next(iter(h), None), subs) for naam, (h, subs) in groepen.items()]


@dataclass(frozen=True)
class Thema:
    """A hoofdthema with the arrangements running in it: those filed under the hoofdthema
    itself (`verbanden`) and those under each of its subthema's."""

    naam: str
    domein: Domein | None  # None when the register has only the subthema's
    verbanden: list[Samenwerkingsverband]
    subthemas: list[tuple[Domein, list[Samenwerkingsverband]]]

    @property
    def aantal(self) -> int:
        """How many arrangements in all, each once (one is often in several subthema's)."""
        ids = {v.pk for v in self.verbanden}
        ids.update(v.pk for _, verbanden in self.subthemas for v in verbanden)
        return len(ids)


def _lopend(peildatum: datetime.date):
    """The arrangements running on `peildatum` with only what a link needs
    (raad.adressen.verband_adres), not the long texts; by name."""
    return (
        Samenwerkingsverband.objects.actief_op(peildatum)
        .only("uuid", "slug", "naam")
        .order_by("naam")
    )


def verbanden_zonder_domein(*, peildatum: datetime.date) -> list[Samenwerkingsverband]:
    """The arrangements running on `peildatum` that have no domein (the national register
    gives many no beleidsterrein): browsing per domein would not reach them. One query."""
    return list(_lopend(peildatum).filter(domeinen__isnull=True))


def verbanden_per_thema(*, peildatum: datetime.date) -> list[Thema]:
    """Every hoofdthema with the arrangements running on `peildatum` in it and in each of its
    subthema's (themes and subthema's without one left out), by name. Two queries."""
    domeinen = Domein.objects.order_by("naam").prefetch_related(
        Prefetch("samenwerkingsverbanden", queryset=_lopend(peildatum), to_attr="lopend")
    )
    # In the database's order of names a hoofdthema comes before its subthema's, which need
    # not follow it directly under every collation: grouped by name, not by neighbours.
    themas = []
    for naam, hoofd, groep in per_hoofdthema(domeinen):
        subthemas = [(d, d.lopend) for d in groep if d.lopend]
        if (hoofd and hoofd.lopend) or subthemas:
            themas.append(Thema(naam, hoofd, hoofd.lopend if hoofd else [], subthemas))
    return themas
