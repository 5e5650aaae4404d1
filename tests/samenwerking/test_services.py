"""The write services: rules across rows, and what each service changes."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from samenwerking import services
from samenwerking.constants import BijdrageSoort, Functie, JaarcijfersSoort, Vorm, ZetelRol
from samenwerking.models import Bijdrage, Deelname, Jaarcijfers, Samenwerkingsverband, Zetel
from samenwerking.services.schrijven import databaseregels
from tests import factories as f

pytestmark = pytest.mark.django_db

D = datetime.date


def fout(callable_, **kwargs) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as info:
        callable_(**kwargs)
    return info.value.message_dict


class TestDeelname:
    def test_add_a_gemeente_to_an_arrangement(self):
        verband = f.SamenwerkingsverbandFactory()
        gemeente = f.GemeenteFactory()
        deelname = services.deelname_opslaan(
            deelname=Deelname(
                samenwerkingsverband=verband,
                gemeente=gemeente,
                toetredingsdatum=D(2020, 1, 1),
                verdeelsleutel=Decimal("12.5"),
            )
        )
        assert Deelname.objects.get(pk=deelname.pk).verdeelsleutel == Decimal("12.5000")
        assert list(gemeente.deelnames.actief_op(D(2024, 6, 1))) == [deelname]

    def test_overlapping_periods_of_one_participant_are_refused(self):
        bestaand = f.DeelnameFactory(toetredingsdatum=D(2015, 1, 1), uittredingsdatum=D(2020, 1, 1))
        fouten = fout(
            services.deelname_opslaan,
            deelname=Deelname(
                samenwerkingsverband=bestaand.samenwerkingsverband,
                gemeente=bestaand.gemeente,
                toetredingsdatum=D(2019, 6, 1),
                uittredingsdatum=D(2021, 1, 1),
            ),
        )
        assert fouten["toetredingsdatum"] == [
            "Toetredingsdatum: deze deelnemer neemt in deze periode al deel aan dit "
            "samenwerkingsverband (1 januari 2015 tot 1 januari 2020). Beëindig die deelname "
            "eerst of pas de data aan."
        ]
        assert Deelname.objects.count() == 1

    def test_rejoining_on_the_day_of_leaving_is_no_overlap(self):
        bestaand = f.DeelnameFactory(toetredingsdatum=D(2015, 1, 1), uittredingsdatum=D(2020, 1, 1))
        opnieuw = services.deelname_opslaan(
            deelname=Deelname(
                samenwerkingsverband=bestaand.samenwerkingsverband,
                gemeente=bestaand.gemeente,
                toetredingsdatum=D(2020, 1, 1),
            )
        )
        assert opnieuw.pk

    def test_unknown_start_overlaps_everything_before(self):
        bestaand = f.DeelnameFactory(toetredingsdatum=None, uittredingsdatum=D(2020, 1, 1))
        fouten = fout(
            services.deelname_opslaan,
            deelname=Deelname(
                samenwerkingsverband=bestaand.samenwerkingsverband,
                gemeente=bestaand.gemeente,
                toetredingsdatum=D(2010, 1, 1),
                uittredingsdatum=D(2011, 1, 1),
            ),
        )
        assert "onbekend tot 1 januari 2020" in fouten["toetredingsdatum"][0]

    def test_other_participants_may_overlap(self):
        bestaand = f.DeelnameFactory()
        services.deelname_opslaan(
            deelname=Deelname(
                samenwerkingsverband=bestaand.samenwerkingsverband, gemeente=f.GemeenteFactory()
            )
        )
        services.deelname_opslaan(
            deelname=Deelname(
                samenwerkingsverband=bestaand.samenwerkingsverband,
                organisatie=f.OrganisatieFactory(),
            )
        )
        assert bestaand.samenwerkingsverband.deelnames.count() == 3

    def test_ending_a_deelname_ends_its_seats(self):
        zetel = f.ZetelFactory(begindatum=D(2022, 1, 1))
        afgelopen = f.ZetelFactory(
            deelname=zetel.deelname,
            bestuursorgaan=zetel.bestuursorgaan,
            begindatum=D(2018, 1, 1),
            einddatum=D(2022, 1, 1),
        )
        deelname = services.deelname_beeindigen(deelname=zetel.deelname, datum=D(2025, 1, 1))
        deelname.refresh_from_db()
        zetel.refresh_from_db()
        afgelopen.refresh_from_db()
        assert deelname.uittredingsdatum == D(2025, 1, 1)
        assert zetel.einddatum == D(2025, 1, 1)
        assert afgelopen.einddatum == D(2022, 1, 1)

    def test_ending_twice_is_refused(self):
        deelname = f.DeelnameFactory(uittredingsdatum=D(2020, 1, 1))
        fouten = fout(services.deelname_beeindigen, deelname=deelname, datum=D(2021, 1, 1))
        assert fouten["uittredingsdatum"] == [
            "Uittredingsdatum: deze deelname is al beëindigd per 1 januari 2020."
        ]

    def test_ending_before_a_later_seat_begins_is_refused_and_changes_nothing(self):
        zetel = f.ZetelFactory(begindatum=D(2026, 3, 1))
        fouten = fout(services.deelname_beeindigen, deelname=zetel.deelname, datum=D(2026, 1, 1))
        assert "begint pas op 1 maart 2026 een zetel" in fouten["uittredingsdatum"][0]
        zetel.deelname.refresh_from_db()
        assert zetel.deelname.uittredingsdatum is None

    def test_ending_before_joining_is_refused(self):
        deelname = f.DeelnameFactory(toetredingsdatum=D(2020, 1, 1))
        fouten = fout(services.deelname_beeindigen, deelname=deelname, datum=D(2019, 1, 1))
        assert fouten["uittredingsdatum"] == [
            "Uittredingsdatum: mag niet vóór de toetredingsdatum liggen."
        ]

    def test_many_deelnames_at_once_in_a_fixed_number_of_queries(self, django_assert_num_queries):
        verband = f.SamenwerkingsverbandFactory()
        gemeenten = f.GemeenteFactory.create_batch(5)
        nieuw = [Deelname(samenwerkingsverband=verband, gemeente=g, bron="test") for g in gemeenten]
        # savepoint, lock the arrangements, the uuids, one running deelname per gemeente (the
        # partial unique constraint), the stored deelnames of the arrangement (overlap), the
        # new ids, the insert, the insert of their history, release: whatever the number of
        # deelnames.
        with django_assert_num_queries(9):
            services.rijen_opslaan(model=Deelname, rijen=nieuw)
        assert verband.deelnames.count() == 5

    def test_many_deelnames_keep_the_overlap_rule_and_write_nothing_on_error(self):
        bestaand = f.DeelnameFactory(toetredingsdatum=D(2015, 1, 1))
        ander = f.GemeenteFactory()
        nieuw = [
            Deelname(samenwerkingsverband=bestaand.samenwerkingsverband, gemeente=ander),
            Deelname(
                samenwerkingsverband=bestaand.samenwerkingsverband,
                gemeente=bestaand.gemeente,
                toetredingsdatum=D(2020, 1, 1),
                uittredingsdatum=D(2021, 1, 1),
            ),
        ]
        fouten = fout(services.rijen_opslaan, model=Deelname, rijen=nieuw)
        assert fouten["toetredingsdatum"][0].startswith(
            "Toetredingsdatum: deze deelnemer neemt in deze periode al deel aan dit "
            "samenwerkingsverband (vanaf 1 januari 2015)."
        )
        assert bestaand.samenwerkingsverband.deelnames.count() == 1

    def test_many_deelnames_are_checked_like_one(self):
        verband = f.SamenwerkingsverbandFactory()
        gemeente = f.GemeenteFactory()
        verkeerd = Deelname(
            samenwerkingsverband=verband,
            gemeente=gemeente,
            toetredingsdatum=D(2020, 1, 1),
            uittredingsdatum=D(2019, 1, 1),
        )
        assert fout(services.rijen_opslaan, model=Deelname, rijen=[verkeerd]) == {
            "uittredingsdatum": ["Uittredingsdatum: mag niet vóór de toetredingsdatum liggen."]
        }
        dubbel = [
            Deelname(samenwerkingsverband=verband, gemeente=gemeente),
            Deelname(samenwerkingsverband=verband, gemeente=gemeente),
        ]
        # Two running deelnames: the database's rule, named as full_clean() names it.
        assert fout(services.rijen_opslaan, model=Deelname, rijen=dubbel) == {
            "__all__": [
                "Gemeente: deze gemeente heeft al een lopende deelname in dit "
                "samenwerkingsverband. (ook in rij 2)"
            ]
        }
        assert not verband.deelnames.exists()

    def test_rows_submitted_together_may_not_overlap(self):
        verband = f.SamenwerkingsverbandFactory()
        gemeente = f.GemeenteFactory()
        a = Deelname(
            samenwerkingsverband=verband, gemeente=gemeente, toetredingsdatum=D(2020, 1, 1)
        )
        b = Deelname(
            samenwerkingsverband=verband, gemeente=gemeente, toetredingsdatum=D(2022, 1, 1)
        )
        fouten = services.regels_controleren(model=Deelname, rijen=[a, b], labels=["a", "b"])
        assert fouten[0].messages == [
            "Toetredingsdatum: deze deelnemer neemt in deze periode al deel aan dit "
            "samenwerkingsverband (vanaf 1 januari 2022, b). Beëindig die deelname eerst of pas "
            "de data aan."
        ]
        assert "(vanaf 1 januari 2020, a)" in fouten[1].messages[0]


class TestSamenwerkingsverbandenInBulk:
    def test_many_arrangements_at_once(self, django_assert_num_queries):
        nieuw = [
            Samenwerkingsverband(naam=f"Regeling {i}", vorm=Vorm.OPENBAAR_LICHAAM, cbs_gr_code=code)
            for i, code in enumerate(["GR0001", None, "GR0002"])
        ]
        # savepoint, the slugs in use that the names could collide with (samenwerking.slugs),
        # the unique values given (uuid, slug, cbs_gr_code), the nested arrangements (no
        # cycles), the new ids, the insert, the insert of their history, release: whatever
        # the number of arrangements.
        with django_assert_num_queries(10):
            services.rijen_opslaan(model=Samenwerkingsverband, rijen=nieuw)
        assert sorted(Samenwerkingsverband.objects.values_list("slug", flat=True)) == [
            "regeling-0",
            "regeling-1",
            "regeling-2",
        ]

    def test_a_code_in_use_and_a_broken_database_rule_are_reported_and_nothing_is_written(self):
        f.SamenwerkingsverbandFactory(cbs_gr_code="GR0001")
        dubbel = Samenwerkingsverband(
            naam="Dubbel", vorm=Vorm.OPENBAAR_LICHAAM, cbs_gr_code="GR0001"
        )
        assert "cbs_gr_code" in fout(
            services.rijen_opslaan, model=Samenwerkingsverband, rijen=[dubbel]
        )
        goed = Samenwerkingsverband(naam="Goed", vorm=Vorm.OPENBAAR_LICHAAM)
        cc = Samenwerkingsverband(naam="Zonder centrum", vorm=Vorm.CENTRUMGEMEENTE)
        assert fout(services.rijen_opslaan, model=Samenwerkingsverband, rijen=[goed, cc]) == {
            "centrumgemeente": [
                "Centrumgemeente: verplicht bij een centrumgemeenteconstructie en alleen dan in "
                "te vullen."
            ]
        }
        assert Samenwerkingsverband.objects.count() == 1


class TestZetel:
    def test_appoint_a_wethouder_on_behalf_of_a_deelname(self):
        deelname = f.DeelnameFactory()
        orgaan = f.BestuursorgaanFactory(samenwerkingsverband=deelname.samenwerkingsverband)
        zetel = services.zetel_opslaan(
            zetel=Zetel(
                bestuursorgaan=orgaan,
                persoon=f.PersoonFactory(naam="A. de Wit"),
                deelname=deelname,
                functie=Functie.WETHOUDER,
                rol=ZetelRol.VOORZITTER,
                begindatum=D(2022, 6, 1),
            )
        )
        assert list(deelname.zetels.actief_op(D(2023, 1, 1))) == [zetel]

    def test_seat_for_another_arrangement_is_refused(self):
        deelname = f.DeelnameFactory()
        fouten = fout(
            services.zetel_opslaan,
            zetel=Zetel(
                bestuursorgaan=f.BestuursorgaanFactory(),
                persoon=f.PersoonFactory(),
                deelname=deelname,
                functie=Functie.WETHOUDER,
            ),
        )
        assert "hetzelfde samenwerkingsverband" in fouten["deelname"][0]

    def test_seat_before_joining_is_refused(self):
        deelname = f.DeelnameFactory(toetredingsdatum=D(2020, 1, 1))
        orgaan = f.BestuursorgaanFactory(samenwerkingsverband=deelname.samenwerkingsverband)
        fouten = fout(
            services.zetel_opslaan,
            zetel=Zetel(
                bestuursorgaan=orgaan,
                persoon=f.PersoonFactory(),
                deelname=deelname,
                begindatum=D(2019, 1, 1),
                functie=Functie.WETHOUDER,
            ),
        )
        assert "ligt vóór de toetreding" in fouten["begindatum"][0]

    def test_seat_after_leaving_is_refused(self):
        deelname = f.DeelnameFactory(uittredingsdatum=D(2020, 1, 1))
        orgaan = f.BestuursorgaanFactory(samenwerkingsverband=deelname.samenwerkingsverband)
        fouten = fout(
            services.zetel_opslaan,
            zetel=Zetel(
                bestuursorgaan=orgaan,
                persoon=f.PersoonFactory(),
                deelname=deelname,
                begindatum=D(2018, 1, 1),
                functie=Functie.WETHOUDER,
            ),
        )
        assert "is uitgetreden per 1 januari 2020" in fouten["einddatum"][0]

    def test_end_a_seat(self):
        zetel = f.ZetelFactory(begindatum=D(2022, 1, 1))
        services.zetel_beeindigen(zetel=zetel, datum=D(2024, 3, 28))
        zetel.refresh_from_db()
        assert zetel.einddatum == D(2024, 3, 28)
        assert not zetel.deelname.zetels.actief_op(D(2024, 3, 28)).exists()

    def test_ending_a_seat_twice_is_refused_and_keeps_its_end(self):
        zetel = f.ZetelFactory(begindatum=D(2022, 1, 1), einddatum=D(2024, 3, 28))
        fouten = fout(services.zetel_beeindigen, zetel=zetel, datum=D(2025, 1, 1))
        assert fouten["einddatum"] == ["Einddatum: deze zetel is al beëindigd per 28 maart 2024."]
        zetel.refresh_from_db()
        assert zetel.einddatum == D(2024, 3, 28)


class TestGeld:
    def test_recording_a_bijdrage_twice_updates_it(self):
        deelname = f.DeelnameFactory()
        services.bijdrage_vastleggen(deelname=deelname, jaar=2025, bedrag=Decimal("1000"))
        services.bijdrage_vastleggen(deelname=deelname, jaar=2025, bedrag=Decimal("1250.50"))
        assert list(Bijdrage.objects.values_list("jaar", "soort", "bedrag")) == [
            (2025, BijdrageSoort.BEGROOT, Decimal("1250.50"))
        ]

    def test_bijdrage_per_onderdeel(self):
        deelname = f.DeelnameFactory()
        for onderdeel, bedrag in [("basistaken", "800"), ("plustaken", "200")]:
            services.bijdrage_vastleggen(
                deelname=deelname,
                jaar=2025,
                soort=BijdrageSoort.GEREALISEERD,
                onderdeel=onderdeel,
                bedrag=Decimal(bedrag),
            )
        assert deelname.bijdragen.count() == 2

    def test_bijdrage_outside_the_deelname_is_refused(self):
        deelname = f.DeelnameFactory(toetredingsdatum=D(2021, 7, 1), uittredingsdatum=D(2024, 1, 1))
        services.bijdrage_vastleggen(deelname=deelname, jaar=2021, bedrag=Decimal("1"))
        services.bijdrage_vastleggen(deelname=deelname, jaar=2023, bedrag=Decimal("1"))
        for jaar in (2020, 2024):
            fouten = fout(
                services.bijdrage_vastleggen, deelname=deelname, jaar=jaar, bedrag=Decimal("1")
            )
            assert f"nam in {jaar} niet deel aan" in fouten["jaar"][0]

    def test_record_jaarcijfers_keeps_fields_not_given(self):
        verband = f.SamenwerkingsverbandFactory()
        services.jaarcijfers_vastleggen(
            samenwerkingsverband=verband,
            jaar=2024,
            soort=JaarcijfersSoort.JAARREKENING,
            lasten=Decimal("10"),
            eigen_vermogen_eind=Decimal("5"),
        )
        services.jaarcijfers_vastleggen(
            samenwerkingsverband=verband, jaar=2024, baten=Decimal("12")
        )
        cijfers = Jaarcijfers.objects.get()
        assert (cijfers.lasten, cijfers.baten, cijfers.eigen_vermogen_eind) == (
            Decimal("10.00"),
            Decimal("12.00"),
            Decimal("5.00"),
        )
        assert cijfers.resultaat is None  # onbekend stays onbekend


class TestSamenwerkingsverband:
    def test_nesting_may_not_form_a_cycle(self):
        a = f.SamenwerkingsverbandFactory()
        b = f.SamenwerkingsverbandFactory(bovenliggend=a)
        a.bovenliggend = b
        fouten = fout(services.samenwerkingsverband_opslaan, samenwerkingsverband=a)
        assert "dat zou een kring opleveren" in fouten["bovenliggend"][0]


class TestDatabaseregels:
    """A constraint the database still refuses (a concurrent write passed the checks) is
    found by its name and reported as full_clean() would: its own message on its field."""

    def _fout(self, model, maak) -> dict:
        with pytest.raises(ValidationError) as info, transaction.atomic(), databaseregels(model):
            maak()
        return info.value.message_dict

    def test_a_check_constraint(self):
        verband = f.SamenwerkingsverbandFactory()
        rij = Deelname(samenwerkingsverband=verband, gemeente=f.GemeenteFactory())
        rij.verdeelsleutel = Decimal("150")
        assert self._fout(Deelname, lambda: Deelname.objects.bulk_create([rij])) == {
            "verdeelsleutel": ["Verdeelsleutel: moet tussen 0 en 100 procent liggen."]
        }

    def test_a_partial_unique_constraint(self):
        bestaand = f.DeelnameFactory()
        tweede = Deelname(
            samenwerkingsverband=bestaand.samenwerkingsverband, gemeente=bestaand.gemeente
        )
        assert self._fout(Deelname, lambda: Deelname.objects.bulk_create([tweede])) == {
            "__all__": [
                "Gemeente: deze gemeente heeft al een lopende deelname in dit samenwerkingsverband."
            ]
        }

    def test_a_unique_field(self):
        f.SamenwerkingsverbandFactory(cbs_gr_code="GR0001")
        dubbel = Samenwerkingsverband(
            naam="Dubbel", vorm=Vorm.OPENBAAR_LICHAAM, cbs_gr_code="GR0001"
        )
        fouten = self._fout(
            Samenwerkingsverband, lambda: Samenwerkingsverband.objects.bulk_create([dubbel])
        )
        assert fouten == {
            "cbs_gr_code": ["Er bestaat al een Samenwerkingsverband met eenzelfde CBS GR-code."]
        }

    def test_other_database_errors_are_not_hidden(self):
        with pytest.raises(IntegrityError), transaction.atomic(), databaseregels(Deelname):
            Deelname.objects.bulk_create([Deelname(gemeente=f.GemeenteFactory())])  # no verband

    @pytest.mark.parametrize(
        ("melding", "verwacht"),
        [
            (
                "CHECK constraint failed: deelname_verdeelsleutel_bereik",
                {"verdeelsleutel": ["Verdeelsleutel: moet tussen 0 en 100 procent liggen."]},
            ),
            (
                "UNIQUE constraint failed: samenwerking_deelname.samenwerkingsverband_id, "
                "samenwerking_deelname.gemeente_id",
                {
                    "__all__": [
                        "Gemeente: deze gemeente heeft al een lopende deelname in dit "
                        "samenwerkingsverband."
                    ]
                },
            ),
        ],
    )
    def test_on_sqlite_the_name_or_columns_in_the_message(self, melding, verwacht):
        """SQLite has no diagnostics: its message names the check or the columns."""
        with pytest.raises(ValidationError) as info, databaseregels(Deelname):
            raise IntegrityError(melding)
        assert info.value.message_dict == verwacht
