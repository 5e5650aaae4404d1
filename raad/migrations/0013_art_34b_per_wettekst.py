"""Give the two rules of Wgr art. 34b the begrotingsjaren in which they apply.

Article 34b came into the Wgr on 1 January 2015. Before that there was no statutory date for the
kaders or the voorlopige jaarrekening, yet regioreg listed "kaders vóór 31 januari" for every
year back to 1900. Now:

- the kaders before 31 January of the year before the budget year (the Wgr as amended on
  1 July 2022) apply from begrotingsjaar 2024, the first whose kaders were due after that date;
- begrotingsjaren 2016-2023 keep the text of 2015-2022: kaders before 15 April of the year
  before the budget year, as a rule of its own;
- the voorlopige jaarrekening (before 15 April of the next year) applies from the jaarrekening
  over 2014, the first sent after 1 January 2015.

An afwijkende termijn recorded on the kaders rule for 2016-2023 moves to the 2015-2022 rule, so
that it keeps showing. Reversible: the reverse puts both rules back to every year.
"""

from django.db import migrations

PC_VORMEN = ["BVO", "GO", "OL"]

KADERS_2015 = {
    "code": "kaders-15-april",
    "volgorde": 10,
    "omschrijving": "Algemene financiële en beleidsmatige kaders naar de raden",
    "artikel": "Wgr art. 34b (tekst 2015–2022)",
    "toelichting": (
        "Van 1 januari 2015 tot de Wgr-wijziging van 1 juli 2022 zond het dagelijks bestuur de "
        "kaders vóór 15 april van het jaar vóór het begrotingsjaar aan de raden (tegelijk met de "
        "voorlopige jaarrekening). Vóór 2015 gaf de wet geen datum. De datum is niet "
        "gecontroleerd in de toen geldende tekst."
    ),
    "berekening": "vaste_datum",
    "vaststelling": "",
    "weken": None,
    "maand": 4,
    "dag": 15,
    "jaar_verschuiving": -1,
    "vanaf_jaar": 2016,
    "tot_jaar": 2023,
}

VANAF = {"kaders": 2024, "voorlopige-jaarrekening": 2014}


def jaren_geven(apps, schema_editor):
    Termijnregel = apps.get_model("raad", "Termijnregel")
    Termijnafwijking = apps.get_model("raad", "Termijnafwijking")
    oud, _ = Termijnregel.objects.update_or_create(
        code=KADERS_2015["code"], defaults={"vormen": PC_VORMEN, **KADERS_2015}
    )
    for code, jaar in VANAF.items():
        Termijnregel.objects.filter(code=code, vanaf_jaar__isnull=True).update(vanaf_jaar=jaar)
    Termijnafwijking.objects.filter(
        regel__code="kaders", jaar__gte=KADERS_2015["vanaf_jaar"], jaar__lte=KADERS_2015["tot_jaar"]
    ).update(regel=oud)


def jaren_terugzetten(apps, schema_editor):
    Termijnregel = apps.get_model("raad", "Termijnregel")
    Termijnafwijking = apps.get_model("raad", "Termijnafwijking")
    kaders = Termijnregel.objects.filter(code="kaders").first()
    if kaders is not None:
        Termijnafwijking.objects.filter(regel__code=KADERS_2015["code"]).update(regel=kaders)
    Termijnregel.objects.filter(code=KADERS_2015["code"]).delete()
    for code, jaar in VANAF.items():
        Termijnregel.objects.filter(code=code, vanaf_jaar=jaar).update(vanaf_jaar=None)


class Migration(migrations.Migration):
    dependencies = [("raad", "0012_verband_zonder_eigen_index")]

    operations = [migrations.RunPython(jaren_geven, jaren_terugzetten)]
