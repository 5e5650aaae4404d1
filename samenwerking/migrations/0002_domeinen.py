"""Seed the policy fields (domeinen) an arrangement can be filed under."""

from django.db import migrations

DOMEINEN = [
    ("afval", "Afval en grondstoffen"),
    ("archief", "Archief"),
    ("bedrijfsvoering", "Bedrijfsvoering (ICT, inkoop, personeel)"),
    ("belastingen", "Belastingen en WOZ"),
    ("cultuur", "Cultuur en erfgoed"),
    ("economie", "Economie en werkgelegenheid"),
    ("gezondheid", "Publieke gezondheid"),
    ("jeugd", "Jeugd"),
    ("milieu", "Milieu, vergunningen en handhaving"),
    ("onderwijs", "Onderwijs en leerplicht"),
    ("recreatie", "Recreatie, natuur en landschap"),
    ("rekenkamer", "Rekenkamer"),
    ("ruimte", "Ruimtelijke ordening en wonen"),
    ("sociaal", "Sociaal domein (Wmo)"),
    ("veiligheid", "Veiligheid en brandweer"),
    ("verkeer", "Verkeer en vervoer"),
    ("water", "Water en riolering"),
    ("werk", "Werk en inkomen"),
]


def voeg_toe(apps, schema_editor):
    Domein = apps.get_model("samenwerking", "Domein")
    for code, naam in DOMEINEN:
        Domein.objects.get_or_create(code=code, defaults={"naam": naam})


def verwijder(apps, schema_editor):
    Domein = apps.get_model("samenwerking", "Domein")
    Domein.objects.filter(
        code__in=[code for code, _ in DOMEINEN], samenwerkingsverbanden=None
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("samenwerking", "0001_register")]

    operations = [migrations.RunPython(voeg_toe, verwijder)]
