import importlib
from decimal import Decimal

import pytest
from django.apps import apps

from raad.models import Termijnregel
from samenwerking.constants import BijdrageSoort, JaarcijfersSoort, Vorm
from samenwerking.models import Gemeente
from tests import factories as f
from tests.toegang import account
from toegang.models import RolSoort


@pytest.fixture
def pc_regels(db):
    """The P&C rules as the data migration seeds them, by code. A transactional (browser)
    test empties the database afterwards; this seeds them again when needed."""
    if not Termijnregel.objects.exists():
        importlib.import_module("raad.migrations.0002_termijnregels").regels_aanmaken(apps, None)
        importlib.import_module("raad.migrations.0005_termijnregels_1_augustus").regels_bijwerken(
            apps, None
        )
        importlib.import_module("raad.migrations.0013_art_34b_per_wettekst").jaren_geven(apps, None)
    return {regel.code: regel for regel in Termijnregel.objects.all()}


@pytest.fixture
def op_dag(monkeypatch):
    """Fix the day the views see as today: `op_dag(datetime.date(2025, 6, 1))`."""

    def zet(dag):
        monkeypatch.setattr("django.utils.timezone.localdate", lambda *args, **kwargs: dag)

    return zet


@pytest.fixture
def sturingsregio(referentiedata):
    """Zaanstad and Purmerend both in one regeling, Purmerend also in another; a griffie of
    each, a secretariaat of the first regeling and one of the other, a beheerder."""
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    purmerend = Gemeente.objects.get(cbs_code="GM0439")
    eigen = f.SamenwerkingsverbandFactory(naam="GGD Zaanstreek-Waterland")
    ander = f.SamenwerkingsverbandFactory(naam="Omgevingsdienst Elders")
    for verband, gemeente in ((eigen, zaanstad), (eigen, purmerend), (ander, purmerend)):
        f.DeelnameFactory(samenwerkingsverband=verband, gemeente=gemeente)
    return {
        "eigen": eigen,
        "ander": ander,
        "zaanstad": zaanstad,
        "purmerend": purmerend,
        "griffie": account(RolSoort.GRIFFIE, gemeente=zaanstad),
        "griffie_purmerend": account(RolSoort.GRIFFIE, gemeente=purmerend),
        "secretariaat": account(RolSoort.SECRETARIAAT, verbanden=[eigen]),
        "secretariaat_ander": account(RolSoort.SECRETARIAAT, verbanden=[ander]),
        "beheerder": account(RolSoort.BEHEERDER),
    }


@pytest.fixture
def zaanstad(referentiedata):
    """Zaanstad in 2025 for the exports and their command (some modules make their own): a
    stichting and a GR that qualify, a GR with money but no seat and a regeling zonder meer
    that do not."""
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
