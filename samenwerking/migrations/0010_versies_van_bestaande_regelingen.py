"""Every arrangement that an earlier import brought in from the national register gets its
one known version, so that the next import recognises it by the version's systeemId."""

from django.db import migrations


def versies_aanmaken(apps, schema_editor):
    Samenwerkingsverband = apps.get_model("samenwerking", "Samenwerkingsverband")
    Regelingversie = apps.get_model("samenwerking", "Regelingversie")
    bestaand = set(Regelingversie.objects.values_list("roo_systeem_id", flat=True))
    Regelingversie.objects.bulk_create(
        Regelingversie(
            samenwerkingsverband=verband,
            roo_systeem_id=verband.roo_systeem_id,
            titel=verband.naam,
            ingangsdatum=verband.ingangsdatum,
            einddatum=verband.einddatum,
        )
        for verband in Samenwerkingsverband.objects.filter(roo_systeem_id__isnull=False)
        if verband.roo_systeem_id not in bestaand
    )


def versies_verwijderen(apps, schema_editor):
    Samenwerkingsverband = apps.get_model("samenwerking", "Samenwerkingsverband")
    Regelingversie = apps.get_model("samenwerking", "Regelingversie")
    for verband in Samenwerkingsverband.objects.filter(roo_systeem_id__isnull=False):
        Regelingversie.objects.filter(
            samenwerkingsverband=verband, roo_systeem_id=verband.roo_systeem_id
        ).delete()


class Migration(migrations.Migration):
    dependencies = [("samenwerking", "0009_historische_vermeldingen")]

    operations = [migrations.RunPython(versies_aanmaken, versies_verwijderen)]
