from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToegangConfig(AppConfig):
    name = "toegang"
    verbose_name = _("Toegang")
    default_auto_field = "django.db.models.BigAutoField"
