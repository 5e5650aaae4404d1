from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RaadConfig(AppConfig):
    name = "raad"
    verbose_name = _("Raad")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import services  # noqa: F401 (gives the zienswijze its rules in the services)
