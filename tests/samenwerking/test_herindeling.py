"""Herindeling as an operation: memberships move to the successors, history stays."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from samenwerking.constants import DeelnameRol, Vorm
from samenwerking.herindeling import herindeling_toepassen, herindelingen_toepassen
from samenwerking.models import Deelname, Gemeente, Herindeling
from tests import factories as f

pytestmark = pytest.mark.django_db

D = datetime.date
WEESP_OPGEHEVEN = D(2022, 3, 24)


@pytest.fixture
def weesp(referentiedata):
    return Gemeente.objects.get(cbs_code="GM0457")


@pytest.fixture
def amsterdam(referentiedata):
    return Gemeente.objects.get(cbs_code="GM0363")


def _deelnames(verband):
    return sorted(
        (d.gemeente.cbs_code, d.toetredingsdatum, d.uittredingsdatum, d.bron)
        for d in verband.deelnames.select_related("gemeente")
    )


def test_weesp_continues_under_amsterdam_and_its_seats_end(weesp, amsterdam):
    deelname = f.DeelnameFactory(gemeente=weesp, toetredingsdatum=None, bron="OpenGR 2016")
    zetel = f.ZetelFactory(deelname=deelname, begindatum=D(2018, 4, 1))
    verslag = herindeling_toepassen(oude_gemeente=weesp)
    assert _deelnames(deelname.samenwerkingsverband) == [
        ("GM0363", WEESP_OPGEHEVEN, None, "OpenGR 2016"),
        ("GM0457", None, WEESP_OPGEHEVEN, "OpenGR 2016"),
    ]
    zetel.refresh_from_db()
    assert zetel.einddatum == WEESP_OPGEHEVEN
    assert (verslag.beeindigd, verslag.voortgezet, verslag.zetels_beeindigd) == (1, 1, 1)


def test_a_successor_that_already_takes_part_gets_no_second_deelname(weesp, amsterdam):
    deelname = f.DeelnameFactory(gemeente=weesp)
    f.DeelnameFactory(
        samenwerkingsverband=deelname.samenwerkingsverband,
        gemeente=amsterdam,
        toetredingsdatum=None,
    )
    verslag = herindeling_toepassen(oude_gemeente=weesp)
    assert _deelnames(deelname.samenwerkingsverband) == [
        ("GM0363", None, None, ""),
        ("GM0457", D(2015, 1, 1), WEESP_OPGEHEVEN, ""),
    ]
    assert (verslag.voortgezet, verslag.al_deelnemer) == (0, 1)


def test_haaren_is_split_over_its_four_successors(referentiedata):
    haaren = Gemeente.objects.get(cbs_code="GM0788")
    deelname = f.DeelnameFactory(gemeente=haaren, rol=DeelnameRol.VESTIGINGSGEMEENTE)
    herindeling_toepassen(oude_gemeente=haaren)
    opvolgers = deelname.samenwerkingsverband.deelnames.exclude(gemeente=haaren)
    assert sorted(opvolgers.values_list("gemeente__naam", "toetredingsdatum", "rol")) == [
        (naam, D(2021, 1, 1), DeelnameRol.DEELNEMER)
        for naam in ("Boxtel", "Oisterwijk", "Tilburg", "Vught")
    ]


def test_history_before_and_after_the_merger_is_left_alone(weesp):
    verband = f.SamenwerkingsverbandFactory()
    eerder = f.DeelnameFactory(
        samenwerkingsverband=verband, gemeente=weesp, uittredingsdatum=D(2020, 1, 1)
    )
    herindeling_toepassen(oude_gemeente=weesp)
    eerder.refresh_from_db()
    assert eerder.uittredingsdatum == D(2020, 1, 1)
    assert verband.deelnames.count() == 1


def test_replaying_every_herindeling_is_idempotent_and_follows_chains(referentiedata):
    a = f.GemeenteFactory(naam="Oudorp", einddatum=D(2020, 1, 1))
    b = f.GemeenteFactory(naam="Middendorp", einddatum=D(2023, 1, 1))
    c = f.GemeenteFactory(naam="Nieuwstad")
    f.HerindelingFactory(oude_gemeente=a, nieuwe_gemeente=b, datum=D(2020, 1, 1))
    f.HerindelingFactory(oude_gemeente=b, nieuwe_gemeente=c, datum=D(2023, 1, 1))
    deelname = f.DeelnameFactory(gemeente=a, toetredingsdatum=None)

    eerste = herindelingen_toepassen()
    tweede = herindelingen_toepassen()

    assert [
        (d.gemeente.naam, d.toetredingsdatum, d.uittredingsdatum)
        for d in deelname.samenwerkingsverband.deelnames.order_by("gemeente__naam")
    ] == [
        ("Middendorp", D(2020, 1, 1), D(2023, 1, 1)),
        ("Nieuwstad", D(2023, 1, 1), None),
        ("Oudorp", None, D(2020, 1, 1)),
    ]
    assert (eerste.beeindigd, eerste.voortgezet) == (2, 2)
    assert not tweede.iets_gewijzigd
    assert tweede.herindelingen == (
        Herindeling.objects.order_by().values("oude_gemeente").distinct().count()
    )


def test_a_seat_that_begins_after_the_merger_stops_everything(weesp):
    zetel = f.ZetelFactory(deelname__gemeente=weesp, begindatum=D(2022, 6, 1))
    with pytest.raises(ValidationError, match="begint pas op 1 juni 2022 een zetel"):
        herindeling_toepassen(oude_gemeente=weesp)
    assert Deelname.objects.get(pk=zetel.deelname_id).uittredingsdatum is None
    assert Deelname.objects.filter(gemeente__cbs_code="GM0363").count() == 0


def test_a_disappeared_centrumgemeente_is_pointed_out(weesp, amsterdam):
    verband = f.SamenwerkingsverbandFactory(vorm=Vorm.CENTRUMGEMEENTE, centrumgemeente=weesp)
    f.DeelnameFactory(samenwerkingsverband=verband, gemeente=weesp)
    verslag = herindeling_toepassen(oude_gemeente=weesp)
    assert "centrumgemeente Weesp is per 24 maart 2022 opgeheven" in verslag.aandachtspunten[0]
    assert verband.deelnames.get(gemeente=amsterdam).rol == DeelnameRol.DEELNEMER


class TestCommand:
    def test_record_and_apply_a_new_merger(self, capsys):
        oud = f.GemeenteFactory(naam="Kleindorp")
        nieuw = f.GemeenteFactory(naam="Grootstad")
        deelname = f.DeelnameFactory(gemeente=oud)
        call_command(
            "herindeling", "--oud", oud.cbs_code, "--nieuw", nieuw.cbs_code, "--datum", "2026-01-01"
        )
        assert "1 deelname(s) beëindigd, 1 voortgezet" in capsys.readouterr().out
        oud.refresh_from_db()
        assert oud.einddatum == D(2026, 1, 1)
        assert list(oud.opvolgers.all()) == [nieuw]
        assert deelname.samenwerkingsverband.deelnames.filter(gemeente=nieuw).exists()

        call_command(
            "herindeling", "--oud", oud.cbs_code, "--nieuw", nieuw.cbs_code, "--datum", "2026-01-01"
        )
        assert "Niets gewijzigd" in capsys.readouterr().out

    def test_another_date_for_a_recorded_merger_is_refused(self, weesp, amsterdam):
        with pytest.raises(CommandError, match="Weesp heeft al een andere herindeling"):
            call_command(
                "herindeling", "--oud", "GM0457", "--nieuw", "GM0363", "--datum", "2023-01-01"
            )
        assert Herindeling.objects.get(oude_gemeente=weesp).datum == WEESP_OPGEHEVEN

    def test_replay_all(self, weesp, capsys):
        f.DeelnameFactory(gemeente=weesp)
        call_command("herindeling")
        assert "1 voortgezet bij een opvolger" in capsys.readouterr().out
        call_command("herindeling")
        assert "Niets gewijzigd: de herindelingen waren al toegepast." in capsys.readouterr().out
