"""Correct the seeded P&C rules: the begroting goes to gedeputeerde staten before 1 August of
the year before the budget year (Wgr art. 34 lid 2, since 1 January 2015), not 15 September,
and the ontwerpbegroting is counted back from the latest lawful adoption, 31 July.

Earlier begrotingsjaren keep the law as it read then, as rules of their own with a range of
begrotingsjaren: before 15 July until begrotingsjaar 2015; the ontwerpbegroting 6 weeks (until
2015), 8 weeks (2016-2023) and 12 weeks (from 2024, the first ontwerpbegroting sent after the
Wgr 2022 took effect on 1 July 2022) before the adoption.

Reversible: the reverse restores the rules of 0002.
"""

from django.db import migrations

PC_VORMEN = ["BVO", "GO", "OL"]

REGELS = [
    {
        "code": "ontwerpbegroting",
        "volgorde": 20,
        "omschrijving": "Ontwerpbegroting naar de raden",
        "artikel": "Wgr art. 35 lid 1 en 3",
        "toelichting": (
            "Het dagelijks bestuur zendt de ontwerpbegroting ten minste twaalf weken voordat het "
            "algemeen bestuur haar vaststelt aan de raden; de raden hebben twaalf weken voor hun "
            "zienswijze (sinds de Wgr-wijziging van 1 juli 2022, Stb. 2022, 18; toegepast vanaf "
            "begrotingsjaar 2024). Zonder vastgelegde vergadering telt regioreg terug vanaf de "
            "uiterste vaststellingsdatum: 31 juli, zodat de begroting nog vóór 1 augustus bij "
            "gedeputeerde staten kan zijn (art. 34 lid 2)."
        ),
        "berekening": "weken_voor_vaststelling",
        "vaststelling": "begroting",
        "weken": 12,
        "maand": 8,
        "dag": 1,
        "jaar_verschuiving": -1,
        "vanaf_jaar": 2024,
        "tot_jaar": None,
    },
    {
        "code": "ontwerpbegroting-8-weken",
        "volgorde": 20,
        "omschrijving": "Ontwerpbegroting naar de raden",
        "artikel": "Wgr art. 35 lid 1 (tekst 2015–2022)",
        "toelichting": (
            "Tot de Wgr-wijziging van 1 juli 2022 zond het dagelijks bestuur de ontwerpbegroting "
            "acht weken voordat het algemeen bestuur haar vaststelde aan de raden. Uiterste "
            "vaststellingsdatum 31 juli (begroting vóór 1 augustus naar gedeputeerde staten)."
        ),
        "berekening": "weken_voor_vaststelling",
        "vaststelling": "begroting",
        "weken": 8,
        "maand": 8,
        "dag": 1,
        "jaar_verschuiving": -1,
        "vanaf_jaar": 2016,
        "tot_jaar": 2023,
    },
    {
        "code": "ontwerpbegroting-6-weken",
        "volgorde": 20,
        "omschrijving": "Ontwerpbegroting naar de raden",
        "artikel": "Wgr art. 35 lid 1 (tekst tot 2015)",
        "toelichting": (
            "Vóór 1 januari 2015 zond het dagelijks bestuur de ontwerpbegroting zes weken voordat "
            "het algemeen bestuur haar vaststelde aan de raden; de begroting moest vóór 15 juli "
            "bij gedeputeerde staten zijn. Het aantal weken is niet gecontroleerd in de toen "
            "geldende tekst."
        ),
        "berekening": "weken_voor_vaststelling",
        "vaststelling": "begroting",
        "weken": 6,
        "maand": 7,
        "dag": 15,
        "jaar_verschuiving": -1,
        "vanaf_jaar": None,
        "tot_jaar": 2015,
    },
    {
        "code": "begroting-gs",
        "volgorde": 30,
        "omschrijving": "Vastgestelde begroting naar gedeputeerde staten",
        "artikel": "Wgr art. 34 lid 2",
        "toelichting": (
            "Binnen twee weken na de vaststelling, en in ieder geval vóór 1 augustus van het "
            "jaar vóór het begrotingsjaar (sinds 1 januari 2015; daarvoor vóór 15 juli)."
        ),
        "berekening": "weken_na_vaststelling",
        "vaststelling": "begroting",
        "weken": 2,
        "maand": 8,
        "dag": 1,
        "jaar_verschuiving": -1,
        "vanaf_jaar": 2016,
        "tot_jaar": None,
    },
    {
        "code": "begroting-gs-15-juli",
        "volgorde": 30,
        "omschrijving": "Vastgestelde begroting naar gedeputeerde staten",
        "artikel": "Wgr art. 34 lid 2 (tekst tot 2015)",
        "toelichting": (
            "Tot 1 januari 2015: binnen twee weken na de vaststelling, en in ieder geval vóór "
            "15 juli van het jaar vóór het begrotingsjaar."
        ),
        "berekening": "weken_na_vaststelling",
        "vaststelling": "begroting",
        "weken": 2,
        "maand": 7,
        "dag": 15,
        "jaar_verschuiving": -1,
        "vanaf_jaar": None,
        "tot_jaar": 2015,
    },
]

# What 0002 seeded for the two rules this migration corrects.
VORIGE = {
    "ontwerpbegroting": {
        "toelichting": (
            "Het dagelijks bestuur zendt de ontwerpbegroting ten minste twaalf weken voordat het "
            "algemeen bestuur haar vaststelt aan de raden; de raden hebben twaalf weken voor hun "
            "zienswijze. Zonder vastgelegde vergadering telt regioreg terug vanaf de uiterste "
            "vaststellingsdatum: de dag waarop de begroting nog op tijd bij gedeputeerde staten "
            "kan zijn (vóór 15 september)."
        ),
        "artikel": "Wgr art. 35 lid 1 en 3",
        "maand": 9,
        "dag": 15,
    },
    "begroting-gs": {
        "toelichting": (
            "Binnen twee weken na de vaststelling, en in ieder geval vóór 15 september van het "
            "jaar vóór het begrotingsjaar."
        ),
        "artikel": "Wgr art. 34 lid 2",
        "maand": 9,
        "dag": 15,
    },
}


def regels_bijwerken(apps, schema_editor):
    Termijnregel = apps.get_model("raad", "Termijnregel")
    for regel in REGELS:
        Termijnregel.objects.update_or_create(
            code=regel["code"], defaults={"vormen": PC_VORMEN, **regel}
        )


def regels_terugzetten(apps, schema_editor):
    Termijnregel = apps.get_model("raad", "Termijnregel")
    nieuw = [r["code"] for r in REGELS if r["code"] not in VORIGE]
    Termijnregel.objects.filter(code__in=nieuw).delete()
    for code, waarden in VORIGE.items():
        Termijnregel.objects.filter(code=code).update(vanaf_jaar=None, tot_jaar=None, **waarden)


class Migration(migrations.Migration):
    dependencies = [("raad", "0004_termijnregel_jaren")]

    operations = [migrations.RunPython(regels_bijwerken, regels_terugzetten)]
