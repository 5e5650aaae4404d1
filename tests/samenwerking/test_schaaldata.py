"""The synthetic national-scale data set: shape, determinism, and clearly marked."""

import datetime
import hashlib
import re

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count
from django.test import override_settings

from samenwerking.models import (
    Bestuursorgaan,
    Bijdrage,
    Deelname,
    Gemeente,
    Inwonertal,
    Jaarcijfers,
    Persoon,
    Samenwerkingsverband,
    Zetel,
)
from samenwerking.schaaldata import schaaldata_genereren

pytestmark = pytest.mark.django_db

D = datetime.date


def _vingerafdruk() -> str:
    rijen = Deelname.objects.order_by(
        "samenwerkingsverband__naam", "gemeente__cbs_code"
    ).values_list(
        "samenwerkingsverband__naam",
        "samenwerkingsverband__vorm",
        "gemeente__cbs_code",
        "verdeelsleutel",
    )
    return hashlib.sha256(repr(list(rijen)).encode()).hexdigest()


def _wissen():
    for model in (Bijdrage, Jaarcijfers, Zetel, Bestuursorgaan, Persoon, Deelname):
        model.objects.all().delete()
    Samenwerkingsverband.objects.all().delete()


def test_national_shape_and_every_row_marked_synthetic(referentiedata):
    verslag = schaaldata_genereren(seed=7, laatste_jaar=2025, jaren=1)
    assert 1750 <= verslag.verbanden <= 1900
    per_gemeente = list(
        Gemeente.objects.actief_op(D(2025, 1, 1))
        .annotate(n=Count("deelnames"))
        .values_list("n", flat=True)
    )
    assert len(per_gemeente) == 342
    assert min(per_gemeente) >= 25 and max(per_gemeente) <= 45
    assert not Samenwerkingsverband.objects.exclude(
        bron="synthetisch (genereer_schaaldata, seed 7)"
    ).exists()
    assert not Deelname.objects.exclude(bron__startswith="synthetisch").exists()
    assert set(Samenwerkingsverband.objects.values_list("vorm", flat=True)) >= {
        "OL",
        "BVO",
        "CC",
        "RZM",
        "STICHTING",
    }
    # Every CC names its centrumgemeente, which is one of its members.
    for verband in Samenwerkingsverband.objects.filter(vorm="CC").select_related("centrumgemeente")[
        :20
    ]:
        assert verband.deelnames.filter(gemeente=verband.centrumgemeente).exists()
    assert Zetel.objects.filter(deelname__isnull=False).count() == verslag.zetels
    # Every participation of an arrangement with a budget pays in the year.
    met_geld = Deelname.objects.exclude(samenwerkingsverband__vorm__in=["RZM", "CONVENANT"])
    assert met_geld.exists()
    assert not met_geld.exclude(bijdragen__jaar=2025).exists()
    # Inwoners for every gemeente, so that the comparisons per inwoner have figures.
    inwoners = Inwonertal.objects.filter(jaar=2025, bron__startswith="synthetisch")
    assert inwoners.count() == 342
    assert min(inwoners.values_list("aantal", flat=True)) >= 5_000


def test_same_seed_same_data_and_refuses_a_second_run(referentiedata):
    schaaldata_genereren(seed=3, laatste_jaar=2025, jaren=1)
    eerste = _vingerafdruk()
    with pytest.raises(CommandError, match="al synthetische gegevens"):
        call_command("genereer_schaaldata", "--seed", "3", "--jaren", "1")
    _wissen()
    schaaldata_genereren(seed=3, laatste_jaar=2025, jaren=1)
    assert _vingerafdruk() == eerste


@override_settings(DEMO=True)
def test_every_page_of_the_demo_says_the_data_is_synthetic(client, referentiedata):
    for url in ("/", "/gemeenten/GM0363/", "/gemeenten/GM9999/"):
        assert "Synthetische voorbeeldgegevens" in client.get(url).content.decode()


@override_settings(DEMO=True)
def test_the_demo_says_its_data_are_synthetic_on_the_start_and_bronnen_pages(
    client, referentiedata
):
    """The demo's start page said the national register was not loaded while it counted the
    synthetic arrangements, and /bronnen/ named the register's export as the source of the
    synthetic inwoners and counted the synthetic arrangements as entered in the admin."""
    schaaldata_genereren(seed=3, laatste_jaar=2025, jaren=1)
    aantal = Samenwerkingsverband.objects.count()
    start = " ".join(client.get("/").content.decode().split())
    assert "Dit is de demo: de samenwerkingsverbanden, besturen, inwoners en bedragen zijn" in start
    assert "nog niet ingelezen" not in start

    bronnen = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", client.get("/bronnen/").content.decode()))
    assert "Synthetische voorbeeldgegevens (demo) Verzonnen samenwerkingsverbanden" in bronnen
    assert "Niets hiervan is echt. Gemaakt op " in bronnen
    assert "Inwoners per gemeente Verzonnen aantallen (synthetische voorbeeldgegevens)" in bronnen
    assert "Uit de export van het landelijk register" not in bronnen
    assert (
        "Ingevoerd in het beheer Samenwerkingsverbanden, besturen, zetels en bedragen die "
        "regiosecretariaten en griffies zelf bijhouden. nog niets ingevoerd 0" in bronnen
    )
    assert f" {aantal} " in bronnen or f" {aantal:,} ".replace(",", ".") in bronnen


def test_the_real_site_has_no_demo_banner(client, referentiedata):
    assert "Synthetische voorbeeldgegevens" not in client.get("/").content.decode()
