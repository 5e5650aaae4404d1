"""What the tests of the gemeente and arrangement pages share: the moment they look at and an
arrangement with a seat and money."""

import datetime
from decimal import Decimal

from samenwerking.constants import Functie, Vorm, ZetelRol
from tests import factories as f

PEIL = {"peildatum": "2025-06-01"}


def verband_met_alles(gemeente, naam, bedrag, *, vorm=Vorm.OPENBAAR_LICHAAM, vorig=None):
    """`gemeente` in a compulsory arrangement `naam` with a wethouder in its bestuur since June
    2022 and a begrote bijdrage of `bedrag` in 2025 (and of `vorig` in 2024)."""
    deelname = f.DeelnameFactory(
        gemeente=gemeente,
        samenwerkingsverband__naam=naam,
        samenwerkingsverband__vorm=vorm,
        samenwerkingsverband__verplicht=True,
    )
    f.ZetelFactory(
        deelname=deelname,
        persoon__naam="M. Moussa",
        functie=Functie.WETHOUDER,
        rol=ZetelRol.LID,
        begindatum=datetime.date(2022, 6, 1),
    )
    f.BijdrageFactory(deelname=deelname, jaar=2025, bedrag=Decimal(bedrag))
    if vorig is not None:
        f.BijdrageFactory(deelname=deelname, jaar=2024, bedrag=Decimal(vorig))
    return deelname
