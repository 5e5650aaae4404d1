"""Browsing the register without a search term: gemeenten per provincie, running
arrangements per domein (the public "bladeren" page)."""

import datetime
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


def verbanden_per_domein(*, peildatum: datetime.date) -> list[tuple[Domein, list]]:
    """Every domein with the arrangements running on `peildatum` in it (domeinen without one
    left out). Two queries."""
    domeinen = Domein.objects.order_by("naam").prefetch_related(
        Prefetch(
            "samenwerkingsverbanden",
            # Only what a link needs (raad.adressen.verband_adres), not the long texts.
            queryset=Samenwerkingsverband.objects.actief_op(peildatum)
            .only("uuid", "slug", "naam")
            .order_by("naam"),
            to_attr="lopend",
        )
    )
    return [(domein, domein.lopend) for domein in domeinen if domein.lopend]
