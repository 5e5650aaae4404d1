"""Every integrity rule of the register rejects bad rows with a Dutch message naming the field,
both in validation (`full_clean`, what forms and imports see) and, where the database can
express it, in the database itself."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from samenwerking.constants import OrganisatieSoort, Vorm
from samenwerking.models import Gemeente, Herindeling, Organisatie, Provincie
from tests import factories as f

pytestmark = pytest.mark.django_db

D = datetime.date


def fouten(obj) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as info:
        obj.full_clean()
    return info.value.message_dict


def assert_db_weigert(obj):
    with pytest.raises(IntegrityError), transaction.atomic():
        obj.save()


def test_cbs_code_must_be_gm_and_four_digits():
    gemeente = Gemeente(cbs_code="GM363", naam="Amsterdam", provincie=f.ProvincieFactory())
    assert fouten(gemeente)["cbs_code"] == [
        "CBS-code: gebruik GM gevolgd door vier cijfers, bijvoorbeeld GM0363."
    ]
    assert_db_weigert(gemeente)


def test_provincie_code_must_be_pv_and_two_digits():
    provincie = Provincie(code="NH", naam="Noord-Holland")
    assert "PV gevolgd door twee cijfers" in fouten(provincie)["code"][0]
    assert_db_weigert(provincie)


@pytest.mark.parametrize(
    ("maak", "veld", "bericht"),
    [
        (
            lambda: f.GemeenteFactory.build(
                provincie=f.ProvincieFactory(), begindatum=D(2020, 1, 1), einddatum=D(2019, 1, 1)
            ),
            "einddatum",
            "Einddatum: mag niet vóór de begindatum liggen.",
        ),
        (
            lambda: f.SamenwerkingsverbandFactory.build(
                ingangsdatum=D(2020, 1, 1), einddatum=D(2019, 12, 31)
            ),
            "einddatum",
            "Datum uitwerkingtreding: mag niet vóór de datum inwerkingtreding liggen.",
        ),
        (
            lambda: f.DeelnameFactory.build(
                samenwerkingsverband=f.SamenwerkingsverbandFactory(),
                gemeente=f.GemeenteFactory(),
                toetredingsdatum=D(2020, 1, 1),
                uittredingsdatum=D(2019, 1, 1),
            ),
            "uittredingsdatum",
            "Uittredingsdatum: mag niet vóór de toetredingsdatum liggen.",
        ),
        (
            lambda: f.ZetelFactory.build(
                deelname=None,
                bestuursorgaan=f.BestuursorgaanFactory(),
                persoon=f.PersoonFactory(),
                begindatum=D(2024, 1, 1),
                einddatum=D(2023, 1, 1),
            ),
            "einddatum",
            "Einddatum: mag niet vóór de begindatum liggen.",
        ),
    ],
    ids=["gemeente", "samenwerkingsverband", "deelname", "zetel"],
)
def test_end_date_may_not_lie_before_start_date(maak, veld, bericht):
    obj = maak()
    assert fouten(obj)[veld] == [bericht]
    assert_db_weigert(obj)


def test_deelname_needs_exactly_one_of_gemeente_and_organisatie():
    verband = f.SamenwerkingsverbandFactory()
    beide = f.DeelnameFactory.build(
        samenwerkingsverband=verband,
        gemeente=f.GemeenteFactory(),
        organisatie=f.OrganisatieFactory(),
    )
    geen = f.DeelnameFactory.build(samenwerkingsverband=verband, gemeente=None, organisatie=None)
    bericht = (
        "Deelnemer: kies een gemeente óf een organisatie, niet allebei en niet geen van beide."
    )
    assert fouten(beide)["gemeente"] == [bericht]
    assert fouten(geen)["gemeente"] == [bericht]
    assert_db_weigert(beide)
    assert_db_weigert(geen)


@pytest.mark.parametrize(
    ("veld", "naam"),
    [
        ("verdeelsleutel", "Verdeelsleutel"),
        ("aandelen_percentage", "Aandelenbelang"),
        ("aandeel_tekort", "Aandeel in een tekort"),
        ("aandeel_eigen_vermogen", "Aandeel in het eigen vermogen"),
    ],
)
@pytest.mark.parametrize("waarde", [Decimal("120"), Decimal("-0.5")])
def test_every_share_of_a_deelname_is_a_percentage(veld, naam, waarde):
    deelname = f.DeelnameFactory.build(
        samenwerkingsverband=f.SamenwerkingsverbandFactory(vorm=Vorm.VENNOOTSCHAP),
        gemeente=f.GemeenteFactory(),
        **{veld: waarde},
    )
    assert fouten(deelname) == {veld: [f"{naam}: moet tussen 0 en 100 procent liggen."]}
    assert_db_weigert(deelname)
    for grens in (Decimal("0"), Decimal("100")):
        setattr(deelname, veld, grens)
        deelname.full_clean()


def test_the_database_refuses_two_running_deelnames_of_one_gemeente():
    bestaand = f.DeelnameFactory(toetredingsdatum=None)
    dubbel = f.DeelnameFactory.build(
        samenwerkingsverband=bestaand.samenwerkingsverband,
        gemeente=bestaand.gemeente,
        toetredingsdatum=D(2024, 1, 1),
    )
    assert "heeft al een lopende deelname" in " ".join(fouten(dubbel)["__all__"])
    assert_db_weigert(dubbel)


def test_cc_arrangement_names_its_centrumgemeente():
    zonder = f.SamenwerkingsverbandFactory.build(vorm=Vorm.CENTRUMGEMEENTE, centrumgemeente=None)
    bericht = (
        "Centrumgemeente: verplicht bij een centrumgemeenteconstructie en alleen dan in te vullen."
    )
    assert fouten(zonder)["centrumgemeente"] == [bericht]
    assert_db_weigert(zonder)
    ol_met_centrum = f.SamenwerkingsverbandFactory.build(
        vorm=Vorm.OPENBAAR_LICHAAM, centrumgemeente=f.GemeenteFactory()
    )
    assert fouten(ol_met_centrum)["centrumgemeente"] == [bericht]
    met = f.SamenwerkingsverbandFactory.build(
        vorm=Vorm.CENTRUMGEMEENTE, centrumgemeente=f.GemeenteFactory()
    )
    met.full_clean()


def test_cbs_gr_code_format():
    verband = f.SamenwerkingsverbandFactory.build(cbs_gr_code="GR12")
    assert "GR gevolgd door vier cijfers" in fouten(verband)["cbs_gr_code"][0]
    assert_db_weigert(verband)


def test_adviescommissie_only_for_openbaar_lichaam():
    verband = f.SamenwerkingsverbandFactory.build(
        vorm=Vorm.BEDRIJFSVOERINGSORGANISATIE, wgr2022_adviescommissie=True
    )
    assert "alleen bij een openbaar lichaam" in fouten(verband)["wgr2022_adviescommissie"][0]


def test_motieven_only_from_the_list():
    verband = f.SamenwerkingsverbandFactory.build(motieven=["kosten", "gezelligheid"])
    assert "Onbekende waarde(n): gezelligheid" in fouten(verband)["motieven"][0]


def test_zetel_belongs_to_a_deelname_of_the_same_arrangement():
    deelname = f.DeelnameFactory()
    ander_orgaan = f.BestuursorgaanFactory()  # of another arrangement
    zetel = f.ZetelFactory.build(
        deelname=deelname, bestuursorgaan=ander_orgaan, persoon=f.PersoonFactory()
    )
    assert fouten(zetel)["deelname"] == [
        "Namens deelname: moet een deelname zijn van hetzelfde samenwerkingsverband als het "
        "bestuursorgaan."
    ]


def test_one_bijdrage_per_deelname_year_kind_and_onderdeel():
    bestaand = f.BijdrageFactory(onderdeel="basistaken")
    dubbel = f.BijdrageFactory.build(
        deelname=bestaand.deelname, jaar=bestaand.jaar, soort=bestaand.soort, onderdeel="basistaken"
    )
    assert "bestaat al een bijdrage met dit jaar" in " ".join(fouten(dubbel)["__all__"])
    assert_db_weigert(dubbel)
    ander_onderdeel = f.BijdrageFactory.build(
        deelname=bestaand.deelname, jaar=bestaand.jaar, soort=bestaand.soort, onderdeel="plustaken"
    )
    ander_onderdeel.full_clean()


def test_bijdrage_year_in_range():
    bijdrage = f.BijdrageFactory.build(deelname=f.DeelnameFactory(), jaar=1800)
    assert fouten(bijdrage)["jaar"]
    bijdrage.jaar = 2500
    assert fouten(bijdrage)["jaar"]


def test_one_jaarcijfers_per_arrangement_year_and_kind():
    bestaand = f.JaarcijfersFactory()
    dubbel = f.JaarcijfersFactory.build(
        samenwerkingsverband=bestaand.samenwerkingsverband, jaar=bestaand.jaar, soort=bestaand.soort
    )
    assert "bestaan al cijfers van deze soort" in " ".join(fouten(dubbel)["__all__"])
    assert_db_weigert(dubbel)


def test_jaarcijfers_source_document_of_the_same_arrangement():
    document = f.DocumentFactory()
    cijfers = f.JaarcijfersFactory.build(
        samenwerkingsverband=f.SamenwerkingsverbandFactory(), bron_document=document
    )
    assert "hetzelfde samenwerkingsverband" in fouten(cijfers)["bron_document"][0]


def test_herindeling_needs_two_different_gemeenten_once():
    gemeente = f.GemeenteFactory()
    herindeling = Herindeling(
        datum=D(2022, 1, 1), oude_gemeente=gemeente, nieuwe_gemeente=gemeente, soort="toevoeging"
    )
    assert "moet een andere gemeente zijn" in fouten(herindeling)["nieuwe_gemeente"][0]
    assert_db_weigert(herindeling)
    bestaand = f.HerindelingFactory()
    dubbel = Herindeling(
        datum=D(2023, 1, 1),
        oude_gemeente=bestaand.oude_gemeente,
        nieuwe_gemeente=bestaand.nieuwe_gemeente,
        soort="toevoeging",
    )
    assert "bestaat al" in " ".join(fouten(dubbel)["__all__"])


def test_inwonertal_once_per_gemeente_and_year():
    bestaand = f.InwonertalFactory()
    dubbel = f.InwonertalFactory.build(gemeente=bestaand.gemeente, jaar=bestaand.jaar)
    assert "al een inwonertal" in " ".join(fouten(dubbel)["__all__"])


def test_organisatie_of_kind_provincie_names_its_provincie():
    zonder = Organisatie(naam="Provincie Noord-Holland", soort=OrganisatieSoort.PROVINCIE)
    assert "Provincie: vul deze in" in fouten(zonder)["provincie"][0]
    assert_db_weigert(zonder)
    waterschap = Organisatie(
        naam="HHNK", soort=OrganisatieSoort.WATERSCHAP, provincie=f.ProvincieFactory()
    )
    assert fouten(waterschap)["provincie"]
