"""The reference-data loader on the real files in fixtures/."""

import datetime
import shutil

import pytest
from django.core.management import CommandError, call_command

from samenwerking.models import Gemeente, Herindeling, Provincie
from samenwerking.referentiedata import FIXTURES, ReferentiedataFout, referentiedata_laden

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def leeg(db):
    Herindeling.objects.all().delete()
    Gemeente.objects.all().delete()
    Provincie.objects.all().delete()


def test_first_load_creates_12_provincies_412_gemeenten_and_76_herindelingen(leeg):
    verslag = referentiedata_laden()
    assert (verslag.provincies.nieuw, verslag.gemeenten.nieuw, verslag.herindelingen.nieuw) == (
        12,
        342 + 70,
        76,
    )
    assert Gemeente.objects.actief_op(D(2025, 1, 1)).count() == 342


def test_second_load_changes_nothing_and_says_so(referentiedata, capsys):
    verslag = referentiedata_laden()
    assert not verslag.iets_gewijzigd
    assert verslag.gemeenten.ongewijzigd == 412
    call_command("laad_referentiedata")
    assert "Niets gewijzigd: de referentiedata was al actueel." in capsys.readouterr().out


def test_number_of_gemeenten_per_year_matches_cbs(referentiedata):
    # CBS yearly totals on 1 January.
    verwacht = {2016: 390, 2017: 388, 2018: 380, 2019: 355, 2021: 352, 2022: 345, 2023: 342}
    gevonden = {j: Gemeente.objects.actief_op(D(j, 1, 1)).count() for j in verwacht}
    assert gevonden == verwacht
    # Weesp joined Amsterdam on 24 March 2022.
    assert Gemeente.objects.actief_op(D(2022, 3, 24)).count() == 344


def test_every_gemeente_of_2016_reaches_a_current_gemeente(referentiedata):
    vandaag = D(2025, 1, 1)
    opvolgers = {}
    for h in Herindeling.objects.select_related("nieuwe_gemeente"):
        opvolgers.setdefault(h.oude_gemeente_id, []).append(h.nieuwe_gemeente)
    van_2016 = list(Gemeente.objects.actief_op(D(2016, 1, 1)))
    assert len(van_2016) == 390
    for gemeente in van_2016:
        bereikt, te_doen = set(), [gemeente]
        while te_doen:
            g = te_doen.pop()
            if g.is_actief_op(vandaag):
                bereikt.add(g.cbs_code)
            else:
                assert g.pk in opvolgers, f"{g} is opgeheven zonder opvolger"
                te_doen.extend(opvolgers[g.pk])
        assert bereikt, gemeente


def test_disappeared_gemeente_has_end_date_provincie_and_successors(referentiedata):
    littenseradiel = Gemeente.objects.get(cbs_code="GM0140")
    assert littenseradiel.einddatum == D(2018, 1, 1)
    assert littenseradiel.provincie.naam == "Fryslân"
    assert sorted(g.naam for g in littenseradiel.opvolgers.all()) == [
        "Leeuwarden",
        "Súdwest-Fryslân",
        "Waadhoeke",
    ]
    waadhoeke = Gemeente.objects.get(cbs_code="GM1949")
    assert waadhoeke.begindatum == D(2018, 1, 1)  # new code on merger
    assert Gemeente.objects.get(cbs_code="GM0363").begindatum is None  # Amsterdam kept its code


def _kopie(tmp_path, naam: str, vervang: tuple[str, str]):
    doel = tmp_path / naam
    shutil.copy(FIXTURES / naam, doel)
    tekst = doel.read_text(encoding="utf-8")
    assert vervang[0] in tekst
    doel.write_text(tekst.replace(vervang[0], vervang[1], 1), encoding="utf-8")
    return doel


def test_bad_row_names_file_line_and_column_and_writes_nothing(leeg, tmp_path):
    kapot = _kopie(tmp_path, "herindelingen.csv", ("2018-01-01,GM0081", "2018-13-01,GM0081"))
    with pytest.raises(ReferentiedataFout) as info:
        referentiedata_laden(herindelingen_pad=kapot)
    assert info.value.messages == [
        "herindelingen.csv, regel 9, kolom datum: '2018-13-01' is geen datum (JJJJ-MM-DD)."
    ]
    assert not Gemeente.objects.exists()
    assert not Provincie.objects.exists()


@pytest.mark.parametrize("datum", ["9999-12-31", "0001-01-01"])
def test_a_herindeling_date_out_of_range_names_file_line_and_column(leeg, tmp_path, datum):
    """It would be the einddatum of the disappearing gemeente, which no register row may have."""
    kapot = _kopie(tmp_path, "herindelingen.csv", ("2018-01-01,GM0081", f"{datum},GM0081"))
    with pytest.raises(ReferentiedataFout) as info:
        referentiedata_laden(herindelingen_pad=kapot)
    assert info.value.messages == [
        f"herindelingen.csv, regel 9, kolom datum: {datum}: Kies een datum van 1900-01-01 tot "
        "en met 2100-12-31."
    ]
    assert not Gemeente.objects.exists()
    assert not Provincie.objects.exists()


def test_bad_cbs_code_is_reported_with_the_gemeente(leeg, tmp_path):
    kapot = _kopie(tmp_path, "gemeenten.csv", ("GM0034,Almere", "GM34,Almere"))
    with pytest.raises(ReferentiedataFout) as info:
        referentiedata_laden(gemeenten_pad=kapot)
    assert "gemeente GM34: CBS-code: gebruik GM gevolgd door vier cijfers" in info.value.messages[0]
    assert not Gemeente.objects.exists()


def test_command_reports_error_without_traceback(leeg, tmp_path):
    kapot = _kopie(tmp_path, "herindelingen.csv", ("toevoeging", "annexatie"))
    with pytest.raises(CommandError) as info:
        call_command("laad_referentiedata", herindelingen=kapot)
    assert str(info.value).startswith("Niets geladen. herindelingen.csv, regel 2, kolom soort:")
