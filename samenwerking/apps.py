from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SamenwerkingConfig(AppConfig):
    name = "samenwerking"
    verbose_name = _("Register van samenwerkingsverbanden")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import geschiedenis  # noqa: F401 (connects the change-reason receiver)
