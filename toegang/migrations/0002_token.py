"""The admin's view of API tokens (toegang.Token, a proxy: no table of its own). The admin's
log kept the whole key of every token added or deleted through DRF's own token admin; it now
keeps what Token.__str__ says (the account and the key's first characters)."""

from django.db import migrations

TOKEN_MODELLEN = [("authtoken", "token"), ("authtoken", "tokenproxy"), ("toegang", "token")]


def sleutels_uit_het_log(apps, schema_editor):
    LogEntry = apps.get_model("admin", "LogEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Token = apps.get_model("authtoken", "Token")
    soorten = [
        soort.pk
        for app_label, model in TOKEN_MODELLEN
        for soort in ContentType.objects.filter(app_label=app_label, model=model)
    ]
    gebruikers = dict(Token.objects.values_list("key", "user__username"))
    for regel in LogEntry.objects.filter(content_type_id__in=soorten):
        sleutel = regel.object_repr
        if len(sleutel) == 40 and " " not in sleutel:
            gebruiker = gebruikers.get(sleutel, "?")
            regel.object_repr = f"token van {gebruiker} ({sleutel[:6]}…)"
            regel.save(update_fields=["object_repr"])


class Migration(migrations.Migration):
    dependencies = [
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("authtoken", "0004_alter_tokenproxy_options"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("toegang", "0001_rollen"),
    ]

    operations = [
        migrations.CreateModel(
            name="Token",
            fields=[],
            options={
                "verbose_name": "token",
                "verbose_name_plural": "tokens",
                "proxy": True,
                "indexes": [],
                "constraints": [],
            },
            bases=("authtoken.tokenproxy",),
        ),
        migrations.RunPython(sleutels_uit_het_log, migrations.RunPython.noop),
    ]
