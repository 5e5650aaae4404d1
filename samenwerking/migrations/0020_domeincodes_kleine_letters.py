"""Domein codes in lower case, as Domein.clean now keeps them on every surface. Only a code
typed in the admin could hold a capital; one whose lower-case form is taken already stays as
it is (two domeinen to merge by hand, not here)."""

from django.db import migrations


def kleine_letters(apps, schema_editor):
    Domein = apps.get_model("samenwerking", "Domein")
    codes = set(Domein.objects.values_list("code", flat=True))
    for domein in Domein.objects.all():
        klein = domein.code.lower()
        if klein != domein.code and klein not in codes:
            codes.discard(domein.code)
            codes.add(klein)
            domein.code = klein
            domein.save(update_fields=["code"])


class Migration(migrations.Migration):
    dependencies = [("samenwerking", "0019_verband_zonder_eigen_index")]

    operations = [migrations.RunPython(kleine_letters, migrations.RunPython.noop)]
