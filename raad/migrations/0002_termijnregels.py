"""Seed the P&C rules of the Wgr (as amended 1 July 2022) as data.

Each rule cites its article. Where the research behind this list is unsure (see
docs/glossary.md), the rule's toelichting says so; an administrator can correct the article
or the date in the admin without a code change. Reversible: removing the rules again.
"""

from django.db import migrations

PC_VORMEN = ["BVO", "GO", "OL"]

REGELS = [
    {
        "code": "kaders",
        "volgorde": 10,
        "omschrijving": "Algemene financiële en beleidsmatige kaders naar de raden",
        "artikel": "Wgr art. 34b",
        "toelichting": (
            "Het dagelijks bestuur zendt de kaders vóór 31 januari van het jaar vóór het "
            "begrotingsjaar aan de raden. Let op: een tabel bij het wetsvoorstel noemt 30 april; "
            "controleer de datum in de geldende tekst van artikel 34b."
        ),
        "berekening": "vaste_datum",
        "maand": 1,
        "dag": 31,
        "jaar_verschuiving": -1,
    },
    {
        "code": "ontwerpbegroting",
        "volgorde": 20,
        "omschrijving": "Ontwerpbegroting naar de raden",
        "artikel": "Wgr art. 35 lid 1 en 3",
        "toelichting": (
            "Het dagelijks bestuur zendt de ontwerpbegroting ten minste twaalf weken voordat het "
            "algemeen bestuur haar vaststelt aan de raden; de raden hebben twaalf weken voor hun "
            "zienswijze. Zonder vastgelegde vergadering telt regioreg terug vanaf de uiterste "
            "vaststellingsdatum: de dag waarop de begroting nog op tijd bij gedeputeerde staten "
            "kan zijn (vóór 15 september)."
        ),
        "berekening": "weken_voor_vaststelling",
        "vaststelling": "begroting",
        "weken": 12,
        "maand": 9,
        "dag": 15,
        "jaar_verschuiving": -1,
    },
    {
        "code": "begroting-gs",
        "volgorde": 30,
        "omschrijving": "Vastgestelde begroting naar gedeputeerde staten",
        "artikel": "Wgr art. 34 lid 2",
        "toelichting": (
            "Binnen twee weken na de vaststelling, en in ieder geval vóór 15 september van het "
            "jaar vóór het begrotingsjaar."
        ),
        "berekening": "weken_na_vaststelling",
        "vaststelling": "begroting",
        "weken": 2,
        "maand": 9,
        "dag": 15,
        "jaar_verschuiving": -1,
    },
    {
        "code": "voorlopige-jaarrekening",
        "volgorde": 40,
        "omschrijving": "Voorlopige jaarrekening naar de raden",
        "artikel": "Wgr art. 34b",
        "toelichting": (
            "Het dagelijks bestuur zendt de voorlopige jaarrekening vóór 15 april van het jaar "
            "na het begrotingsjaar aan de raden. Let op: een tabel bij het wetsvoorstel noemt "
            "30 april; controleer de datum in de geldende tekst van artikel 34b."
        ),
        "berekening": "vaste_datum",
        "maand": 4,
        "dag": 15,
        "jaar_verschuiving": 1,
    },
    {
        "code": "jaarrekening-gs",
        "volgorde": 50,
        "omschrijving": "Vastgestelde jaarrekening naar gedeputeerde staten",
        "artikel": "Wgr art. 34 lid 4",
        "toelichting": (
            "Binnen twee weken na de vaststelling, en in ieder geval vóór 15 juli van het jaar "
            "na het jaar waarop de jaarrekening betrekking heeft. Het lidnummer is nog niet "
            "gecontroleerd in de geldende tekst."
        ),
        "berekening": "weken_na_vaststelling",
        "vaststelling": "jaarrekening",
        "weken": 2,
        "maand": 7,
        "dag": 15,
        "jaar_verschuiving": 1,
    },
]


def regels_aanmaken(apps, schema_editor):
    Termijnregel = apps.get_model("raad", "Termijnregel")
    for regel in REGELS:
        Termijnregel.objects.update_or_create(
            code=regel["code"],
            defaults={"vaststelling": "", "weken": None, "vormen": PC_VORMEN, **regel},
        )


def regels_verwijderen(apps, schema_editor):
    Termijnregel = apps.get_model("raad", "Termijnregel")
    Termijnregel.objects.filter(code__in=[r["code"] for r in REGELS]).delete()


class Migration(migrations.Migration):
    dependencies = [("raad", "0001_kalender")]

    operations = [migrations.RunPython(regels_aanmaken, regels_verwijderen)]
