"""deelnames_van_gemeente: the right rows and money for a peildatum and jaar, in a fixed
number of queries; and the tolerant gemeente search."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from samenwerking import services
from samenwerking.constants import BijdrageSoort, OrgaanSoort, Vorm
from samenwerking.models import Gemeente
from samenwerking.selectors import (
    deelnames_van_gemeente,
    gemeenten_zoeken,
    kostentotalen,
    met_inwonertal,
)
from tests import factories as f

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def gemeente(referentiedata):
    return Gemeente.objects.get(cbs_code="GM0479")  # Zaanstad


def test_only_deelnames_running_on_the_peildatum(gemeente):
    lopend = f.DeelnameFactory(gemeente=gemeente, toetredingsdatum=D(2015, 1, 1))
    f.DeelnameFactory(
        gemeente=gemeente, toetredingsdatum=D(2010, 1, 1), uittredingsdatum=D(2020, 1, 1)
    )
    later = f.DeelnameFactory(gemeente=gemeente, toetredingsdatum=D(2026, 1, 1))
    f.DeelnameFactory()  # another gemeente

    def op(peildatum):
        return [rij.uuid for rij in deelnames_van_gemeente(gemeente, peildatum=peildatum)]

    assert op(D(2025, 6, 1)) == [lopend.uuid]
    assert set(op(D(2026, 1, 1))) == {lopend.uuid, later.uuid}
    # The day of leaving is the first day without the deelname.
    assert len(deelnames_van_gemeente(gemeente, peildatum=D(2019, 12, 31))) == 2
    assert len(deelnames_van_gemeente(gemeente, peildatum=D(2020, 1, 1))) == 1


def test_bijdrage_of_the_year_begroot_and_gerealiseerd(gemeente):
    deelname = f.DeelnameFactory(gemeente=gemeente)
    for onderdeel, bedrag in [("basistaken", "700.00"), ("plustaken", "300.50")]:
        f.BijdrageFactory(deelname=deelname, jaar=2024, onderdeel=onderdeel, bedrag=Decimal(bedrag))
    f.BijdrageFactory(
        deelname=deelname, jaar=2024, soort=BijdrageSoort.GEREALISEERD, bedrag=Decimal("950")
    )
    f.BijdrageFactory(deelname=deelname, jaar=2025, bedrag=Decimal("1100"))

    [rij] = deelnames_van_gemeente(gemeente, peildatum=D(2025, 3, 1), jaar=2024)
    assert rij.bijdrage_begroot == Decimal("1000.50")
    assert rij.bijdrage_gerealiseerd == Decimal("950.00")
    assert [(b.onderdeel, b.bedrag) for b in rij.bijdragen_in_jaar if b.soort == "begroot"] == [
        ("basistaken", Decimal("700.00")),
        ("plustaken", Decimal("300.50")),
    ]

    [rij] = deelnames_van_gemeente(gemeente, peildatum=D(2025, 3, 1))  # jaar = 2025
    assert rij.bijdrage_begroot == Decimal("1100.00")
    assert rij.bijdrage_gerealiseerd is None  # onbekend, not 0


def test_bijdrage_of_the_year_before(gemeente):
    deelname = f.DeelnameFactory(gemeente=gemeente)
    for onderdeel, bedrag in [("basistaken", "700.00"), ("plustaken", "300.50")]:
        f.BijdrageFactory(deelname=deelname, jaar=2024, onderdeel=onderdeel, bedrag=Decimal(bedrag))
    f.BijdrageFactory(deelname=deelname, jaar=2023, bedrag=Decimal("5"))  # two years before
    f.BijdrageFactory(deelname=deelname, jaar=2025, bedrag=Decimal("1100"))
    f.BijdrageFactory(deelname=f.DeelnameFactory(), jaar=2024, bedrag=Decimal("9"))  # another

    [rij] = deelnames_van_gemeente(gemeente, peildatum=D(2025, 3, 1))  # jaar = 2025
    assert rij.bijdrage_begroot_vorig_jaar == Decimal("1000.50")
    assert rij.bijdrage_gerealiseerd_vorig_jaar is None  # onbekend, not 0
    assert [b.jaar for b in rij.bijdragen_in_jaar] == [2025]
    [rij] = deelnames_van_gemeente(gemeente, peildatum=D(2025, 3, 1), jaar=2024)
    assert rij.bijdrage_begroot_vorig_jaar == Decimal("5.00")


def test_representatives_on_the_peildatum(gemeente):
    deelname = f.DeelnameFactory(gemeente=gemeente)
    zittend = f.ZetelFactory(deelname=deelname, persoon__naam="J. Jansen", begindatum=D(2022, 1, 1))
    f.ZetelFactory(
        deelname=deelname,
        bestuursorgaan=zittend.bestuursorgaan,
        persoon__naam="O. Oud",
        begindatum=D(2018, 1, 1),
        einddatum=D(2022, 1, 1),
    )
    [rij] = deelnames_van_gemeente(gemeente, peildatum=D(2024, 1, 1))
    assert [z.persoon.naam for z in rij.vertegenwoordigers] == ["J. Jansen"]
    [rij] = deelnames_van_gemeente(gemeente, peildatum=D(2021, 1, 1))
    assert [z.persoon.naam for z in rij.vertegenwoordigers] == ["O. Oud"]


def test_verbonden_partij_needs_bestuurlijk_and_financieel_belang(gemeente):
    """Outside the Wgr (a stichting) the recorded seats and money decide."""

    def stichting(**kwargs):
        return f.DeelnameFactory(
            gemeente=gemeente, samenwerkingsverband__vorm=Vorm.STICHTING, **kwargs
        )

    beide = stichting()
    f.ZetelFactory(deelname=beide)
    f.BijdrageFactory(deelname=beide, jaar=2025)
    alleen_geld = stichting()
    f.BijdrageFactory(deelname=alleen_geld, jaar=2025)
    stem_en_garantie = stichting(stemmen=3, aansprakelijk=True)
    geen = stichting()

    rijen = {d.pk: d for d in deelnames_van_gemeente(gemeente, peildatum=D(2025, 6, 1))}
    assert rijen[beide.pk].verbonden_partij is True
    assert rijen[alleen_geld.pk].verbonden_partij is False
    assert rijen[alleen_geld.pk].financieel_belang is True
    assert rijen[alleen_geld.pk].bestuurlijk_belang is False
    # A seat that is not recorded is unknown, not "none".
    assert rijen[alleen_geld.pk].bbv_redenen == (
        "bestuurlijk belang: onbekend: geen zetel of stemrecht vastgelegd; financieel belang: "
        "bijdrage 2025"
    )
    assert rijen[stem_en_garantie.pk].verbonden_partij is True
    assert rijen[geen.pk].verbonden_partij is False


def test_the_reasons_name_each_seats_organ_by_its_name_else_its_kind(gemeente):
    """One answer names each organ once (its name, else its kind): two arrangements with an
    unnamed algemeen bestuur, one with two named organs of the same kind."""
    D2 = OrgaanSoort.DAGELIJKS_BESTUUR

    def stichting_met_zetels(*organen):
        deelname = f.DeelnameFactory(gemeente=gemeente, samenwerkingsverband__vorm=Vorm.STICHTING)
        for soort, naam in organen:
            f.ZetelFactory(
                deelname=deelname, bestuursorgaan__soort=soort, bestuursorgaan__naam=naam
            )
        f.BijdrageFactory(deelname=deelname, jaar=2025)
        return deelname

    eerste = stichting_met_zetels((OrgaanSoort.ALGEMEEN_BESTUUR, ""))
    tweede = stichting_met_zetels((OrgaanSoort.ALGEMEEN_BESTUUR, ""), (D2, ""))
    benoemd = stichting_met_zetels((D2, "Kerngroep Oost"), (D2, "Kerngroep West"))

    rijen = {d.pk: d for d in deelnames_van_gemeente(gemeente, peildatum=D(2025, 6, 1))}
    assert rijen[eerste.pk].bbv_redenen == (
        "bestuurlijk belang: zetel in algemeen bestuur; financieel belang: bijdrage 2025"
    )
    assert rijen[tweede.pk].bbv_redenen.startswith(
        "bestuurlijk belang: zetel in algemeen bestuur, dagelijks bestuur;"
    )
    assert rijen[benoemd.pk].bbv_redenen.startswith(
        "bestuurlijk belang: zetel in kerngroep oost, kerngroep west;"
    )


def test_a_bijdrage_of_nothing_is_no_financieel_belang(gemeente):
    """BBV art. 1 lid 1 sub d: only an amount counts; € 0 is none. A liability or the form
    still gives the belang, and the reason names what decided it."""

    def stichting(**kwargs):
        deelname = f.DeelnameFactory(
            gemeente=gemeente, samenwerkingsverband__vorm=Vorm.STICHTING, **kwargs
        )
        f.ZetelFactory(deelname=deelname)
        f.BijdrageFactory(deelname=deelname, jaar=2025, bedrag=Decimal("0.00"))
        return deelname

    nul = stichting()
    nul_en_garantie = stichting(aansprakelijk=True)
    ol = f.DeelnameFactory(gemeente=gemeente, samenwerkingsverband__vorm=Vorm.OPENBAAR_LICHAAM)
    f.BijdrageFactory(deelname=ol, jaar=2025, bedrag=Decimal("0.00"))

    rijen = {d.pk: d for d in deelnames_van_gemeente(gemeente, peildatum=D(2025, 6, 1))}
    assert (rijen[nul.pk].financieel_belang, rijen[nul.pk].verbonden_partij) == (False, False)
    assert rijen[nul.pk].bbv_redenen.endswith(
        "financieel belang: bijdrage 2025 is € 0 of minder en er is geen aansprakelijkheid "
        "vastgelegd"
    )
    assert rijen[nul_en_garantie.pk].verbonden_partij is True
    assert rijen[nul_en_garantie.pk].bbv_redenen.endswith("financieel belang: aansprakelijk")
    assert rijen[ol.pk].verbonden_partij is True
    assert rijen[ol.pk].bbv_redenen.endswith(
        "financieel belang: de deelnemers dragen de kosten en staan garant (openbaar lichaam)"
    )


def test_openbaar_lichaam_and_bvo_are_verbonden_partij_by_their_form(gemeente):
    ol = f.DeelnameFactory(gemeente=gemeente, samenwerkingsverband__vorm=Vorm.OPENBAAR_LICHAAM)
    bvo = f.DeelnameFactory(
        gemeente=gemeente, samenwerkingsverband__vorm=Vorm.BEDRIJFSVOERINGSORGANISATIE
    )
    anders = f.DeelnameFactory(
        gemeente=gemeente,
        samenwerkingsverband__vorm=Vorm.OPENBAAR_LICHAAM,
        financieel_belang_vastgelegd=False,
        belang_toelichting="De kosten draagt de provincie.",
    )
    rijen = {d.pk: d for d in deelnames_van_gemeente(gemeente, peildatum=D(2025, 6, 1))}
    assert (rijen[ol.pk].verbonden_partij, rijen[bvo.pk].verbonden_partij) == (True, True)
    assert rijen[ol.pk].bbv_redenen == (
        "bestuurlijk belang: de deelnemers wijzen het bestuur aan (openbaar lichaam); "
        "financieel belang: de deelnemers dragen de kosten en staan garant (openbaar lichaam)"
    )
    assert rijen[anders.pk].verbonden_partij is False
    assert rijen[anders.pk].bbv_redenen.endswith(
        "financieel belang: vastgelegd: De kosten draagt de provincie."
    )


def test_forms_without_legal_personality_are_no_verbonden_partij_unless_recorded(gemeente):
    rzm = f.DeelnameFactory(gemeente=gemeente, samenwerkingsverband__vorm=Vorm.REGELING_ZONDER_MEER)
    f.ZetelFactory(deelname=rzm)
    f.BijdrageFactory(deelname=rzm, jaar=2025)
    go = f.DeelnameFactory(
        gemeente=gemeente, samenwerkingsverband__vorm=Vorm.GEMEENSCHAPPELIJK_ORGAAN
    )
    vastgelegd = f.DeelnameFactory(
        gemeente=gemeente,
        samenwerkingsverband__vorm=Vorm.GEMEENSCHAPPELIJK_ORGAAN,
        bestuurlijk_belang_vastgelegd=True,
        financieel_belang_vastgelegd=True,
        belang_toelichting="Het orgaan beheert een eigen fonds waarvoor de gemeente garant staat.",
    )
    rijen = {d.pk: d for d in deelnames_van_gemeente(gemeente, peildatum=D(2025, 6, 1))}
    assert (rijen[rzm.pk].verbonden_partij, rijen[go.pk].verbonden_partij) == (False, False)
    assert rijen[rzm.pk].bbv_redenen == (
        "Regeling zonder meer: geen eigen rechtspersoon, daarom standaard geen verbonden partij "
        "(een secretariaat kan de belangen met een reden vastleggen)"
    )
    assert rijen[vastgelegd.pk].verbonden_partij is True
    assert "vastgelegd: Het orgaan beheert een eigen fonds" in rijen[vastgelegd.pk].bbv_redenen


def test_recording_a_belang_needs_a_reason(gemeente):
    deelname = f.DeelnameFactory(gemeente=gemeente)
    deelname.bestuurlijk_belang_vastgelegd = False
    with pytest.raises(ValidationError) as info:
        services.deelname_opslaan(deelname=deelname)
    assert info.value.message_dict["belang_toelichting"] == [
        "Reden: geef een reden als u het bestuurlijk of financieel belang zelf vastlegt."
    ]


def test_totals_and_per_inwoner(gemeente):
    for bedrag in ("1000", "2500"):
        f.BijdrageFactory(deelname=f.DeelnameFactory(gemeente=gemeente), bedrag=Decimal(bedrag))
    f.DeelnameFactory(gemeente=gemeente)  # no bijdrage: not counted as 0, just absent
    rijen = list(deelnames_van_gemeente(gemeente, peildatum=D(2025, 6, 1)))

    totalen = kostentotalen(gemeente, rijen, jaar=2025)
    assert totalen.begroot == Decimal("3500.00")
    assert totalen.gerealiseerd is None
    assert totalen.begroot_per_inwoner is None  # no Inwonertal known

    f.InwonertalFactory(gemeente=gemeente, jaar=2025, aantal=1000)
    totalen = kostentotalen(gemeente, rijen, jaar=2025)
    assert totalen.begroot_per_inwoner == Decimal("3.50")


def test_kostentotalen_compares_the_begroot_of_two_years_over_the_same_deelnames(gemeente):
    beide = f.DeelnameFactory(gemeente=gemeente)
    f.BijdrageFactory(deelname=beide, jaar=2025, bedrag=Decimal("1100"))
    f.BijdrageFactory(deelname=beide, jaar=2024, bedrag=Decimal("1000"))
    nieuw = f.DeelnameFactory(gemeente=gemeente)
    f.BijdrageFactory(deelname=nieuw, jaar=2025, bedrag=Decimal("500"))
    oud = f.DeelnameFactory(gemeente=gemeente)
    f.BijdrageFactory(deelname=oud, jaar=2024, bedrag=Decimal("300"))
    rijen = deelnames_van_gemeente(gemeente, peildatum=D(2025, 6, 1))

    totalen = kostentotalen(gemeente, rijen, jaar=2025)
    assert totalen.begroot == Decimal("1600.00")
    assert (totalen.begroot_vergelijkbaar, totalen.begroot_vorig_jaar_vergelijkbaar) == (
        Decimal("1100.00"),
        Decimal("1000.00"),
    )
    assert totalen.niet_vergelijkbaar == 2


def test_without_vorig_jaar_only_the_year_is_read_and_nothing_is_compared(gemeente):
    """The core API endpoint shows one year: it reads no bijdragen of the year before, and
    its totals are those of the year, the same as with the year before."""
    deelname = f.DeelnameFactory(gemeente=gemeente)
    f.BijdrageFactory(deelname=deelname, jaar=2025, bedrag=Decimal("1100"))
    f.BijdrageFactory(deelname=deelname, jaar=2024, bedrag=Decimal("1000"))
    f.BijdrageFactory(
        deelname=deelname, jaar=2024, soort=BijdrageSoort.GEREALISEERD, bedrag=Decimal("990")
    )

    [rij] = deelnames_van_gemeente(gemeente, peildatum=D(2025, 6, 1), vorig_jaar=False)
    assert [(b.jaar, b.bedrag) for b in rij.gelezen_bijdragen] == [(2025, Decimal("1100.00"))]
    assert rij.bijdrage_begroot == Decimal("1100.00")
    assert not hasattr(rij, "bijdrage_begroot_vorig_jaar")  # not read, so not "onbekend"
    totalen = kostentotalen(gemeente, [rij], jaar=2025, vorig_jaar=False)
    assert (totalen.begroot, totalen.begroot_vergelijkbaar, totalen.niet_vergelijkbaar) == (
        Decimal("1100.00"),
        None,
        0,
    )

    [beide] = deelnames_van_gemeente(gemeente, peildatum=D(2025, 6, 1))
    assert beide.bijdrage_begroot_vorig_jaar == Decimal("1000.00")
    met_vorig = kostentotalen(gemeente, [beide], jaar=2025)
    assert met_vorig.begroot_vorig_jaar_vergelijkbaar == Decimal("1000.00")
    assert (met_vorig.begroot, met_vorig.gerealiseerd) == (totalen.begroot, totalen.gerealiseerd)


def test_domeinen_by_name_one_row_per_deelname(gemeente):
    met = f.DeelnameFactory(gemeente=gemeente, samenwerkingsverband__naam="A")
    met.samenwerkingsverband.domeinen.add(
        f.DomeinFactory(naam="Zorg (test)"), f.DomeinFactory(naam="Afval (test)")
    )
    f.DeelnameFactory(gemeente=gemeente, samenwerkingsverband__naam="B")
    f.DeelnameFactory(samenwerkingsverband=met.samenwerkingsverband)  # another gemeente

    rijen = deelnames_van_gemeente(gemeente, peildatum=D(2025, 6, 1))
    assert [
        (r.samenwerkingsverband.naam, [str(d) for d in r.samenwerkingsverband.gelezen_domeinen])
        for r in rijen
    ] == [("A", ["Afval (test)", "Zorg (test)"]), ("B", [])]


def test_kostentotalen_with_the_inwonertal_read_along_or_by_itself(
    gemeente, django_assert_num_queries
):
    f.InwonertalFactory(gemeente=gemeente, jaar=2025, aantal=160_000, bron="CBS")
    f.InwonertalFactory(gemeente=gemeente, jaar=2024, aantal=159_000)
    f.InwonertalFactory(jaar=2025, aantal=1)  # another gemeente
    met = met_inwonertal(Gemeente.objects.all(), jaar=2025).get(pk=gemeente.pk)
    with django_assert_num_queries(0):
        gelezen = kostentotalen(met, [], jaar=2025)
    assert gelezen == kostentotalen(gemeente, [], jaar=2025)
    assert (gelezen.inwoners, gelezen.inwoners_bron) == (160_000, "CBS")
    # Another year than the one read along: read by itself.
    assert kostentotalen(met, [], jaar=2024).inwoners == 159_000
    zonder = met_inwonertal(Gemeente.objects.all(), jaar=2023).get(pk=gemeente.pk)
    assert kostentotalen(zonder, [], jaar=2023).inwoners is None


def _vul(gemeente, aantal: int):
    for _ in range(aantal):
        deelname = f.DeelnameFactory(gemeente=gemeente)
        deelname.samenwerkingsverband.domeinen.add(f.DomeinFactory())
        f.ZetelFactory(deelname=deelname)
        f.BijdrageFactory(deelname=deelname, jaar=2025)
        f.BijdrageFactory(deelname=deelname, jaar=2025, soort=BijdrageSoort.GEREALISEERD)


@pytest.mark.parametrize("aantal", [1, 30])
def test_fixed_number_of_queries(gemeente, aantal, django_assert_num_queries):
    _vul(gemeente, aantal)
    # 1 deelnames with arrangement and the sums of bijdragen, 2 domeinen, 3 seats with persons
    # and organs, 4 bijdragen of the year.
    with django_assert_num_queries(4):
        rijen = list(deelnames_van_gemeente(gemeente, peildatum=D(2025, 6, 1), jaar=2025))
        for rij in rijen:
            [d.code for d in rij.samenwerkingsverband.gelezen_domeinen]
            [(z.persoon.naam, str(z.bestuursorgaan)) for z in rij.vertegenwoordigers]
            [b.get_soort_display() for b in rij.bijdragen_in_jaar]
    assert len(rijen) == aantal
    assert all(len(rij.samenwerkingsverband.gelezen_domeinen) == 1 for rij in rijen)
    assert all(rij.verbonden_partij for rij in rijen)


@pytest.mark.parametrize(
    ("zoekterm", "eerste"),
    [
        ("Den Haag", "'s-Gravenhage"),
        ("s-gravenhage", "'s-Gravenhage"),
        ("den bosch", "'s-Hertogenbosch"),
        ("Bergen (NH)", "Bergen (NH.)"),
        ("Bergen (L.)", "Bergen (L.)"),
        ("sudwest fryslan", "Súdwest-Fryslân"),
        ("Gemeente Zaanstad", "Zaanstad"),
        ("GM0363", "Amsterdam"),
        ("363", "Amsterdam"),
        ("weesp", "Weesp"),
    ],
)
def test_search_is_tolerant_of_spelling(referentiedata, zoekterm, eerste):
    assert gemeenten_zoeken(zoekterm, peildatum=D(2025, 6, 1))[0].naam == eerste


def test_search_puts_current_gemeenten_before_disappeared_ones(referentiedata):
    # "ha" matches current gemeenten (Haarlem) and disappeared ones (Haren, merged in 2019).
    gevonden = gemeenten_zoeken("ha", peildatum=D(2025, 6, 1))
    actief = [g.is_actief_op(D(2025, 6, 1)) for g in gevonden]
    assert True in actief and False in actief
    assert actief == sorted(actief, reverse=True)
