"""The gemeente the export tests share: Zaanstad in 2025 with its verbonden partijen."""

from decimal import Decimal

import pytest

from samenwerking.constants import BijdrageSoort, JaarcijfersSoort, Vorm
from samenwerking.models import Gemeente
from tests import factories as f


@pytest.fixture
def zaanstad(referentiedata):
    """Zaanstad in 2025: a stichting and a GR that qualify, a GR with money but no seat and a
    regeling zonder meer that do not."""
    gemeente = Gemeente.objects.get(cbs_code="GM0479")
    purmerend = Gemeente.objects.get(cbs_code="GM0439")

    def deelname(naam, vorm, **kwargs):
        d = f.DeelnameFactory(
            gemeente=gemeente,
            samenwerkingsverband__naam=naam,
            samenwerkingsverband__vorm=vorm,
            samenwerkingsverband__vestigingsplaats="Zaandam",
            **kwargs,
        )
        f.DeelnameFactory(samenwerkingsverband=d.samenwerkingsverband, gemeente=purmerend)
        return d

    stichting = deelname("Stichting Zaans Erfgoed", Vorm.STICHTING)
    f.ZetelFactory(deelname=stichting, persoon__naam="A. Bakker")
    f.BijdrageFactory(deelname=stichting, jaar=2025, bedrag=Decimal("125000"))

    ggd = deelname(
        "GGD Zaanstreek-Waterland", Vorm.OPENBAAR_LICHAAM, verdeelsleutel=Decimal("45.5")
    )
    ggd.samenwerkingsverband.doel = "Publieke gezondheid"
    ggd.samenwerkingsverband.save()
    f.ZetelFactory(deelname=ggd, persoon__naam="J. Olthof")
    f.BijdrageFactory(deelname=ggd, jaar=2025, bedrag=Decimal("2500000.50"))
    f.BijdrageFactory(
        deelname=ggd, jaar=2025, soort=BijdrageSoort.GEREALISEERD, bedrag=Decimal("2400000")
    )
    f.JaarcijfersFactory(
        samenwerkingsverband=ggd.samenwerkingsverband,
        jaar=2025,
        soort=JaarcijfersSoort.BEGROTING,
        eigen_vermogen_begin=Decimal("1000000"),
        eigen_vermogen_eind=Decimal("1100000"),
        vreemd_vermogen_begin=None,
        vreemd_vermogen_eind=Decimal("500000"),
        resultaat=Decimal("100000"),
        risicos="Loonkosten",
        bron_document=f.DocumentFactory(
            samenwerkingsverband=ggd.samenwerkingsverband, titel="Begroting 2025 GGD"
        ),
    )

    # An openbaar lichaam is a verbonden partij by its form, unless the secretariaat records
    # otherwise with a reason.
    geen_zetel = deelname(
        "Recreatieschap Twiske-Waterland",
        Vorm.OPENBAAR_LICHAAM,
        bestuurlijk_belang_vastgelegd=False,
        belang_toelichting="alleen een adviserende stem in het bestuur",
    )
    f.BijdrageFactory(deelname=geen_zetel, jaar=2025, bedrag=Decimal("300000"))

    deelname("Regeling leerlingenvervoer", Vorm.REGELING_ZONDER_MEER)
    return gemeente
