import axes.apps
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ToegangConfig(AppConfig):
    default = True  # AxesConfig below is this module's other AppConfig
    name = "toegang"
    verbose_name = _("Toegang")
    default_auto_field = "django.db.models.BigAutoField"


class AxesConfig(axes.apps.AppConfig):
    """django-axes under a Dutch name in the admin (its models' names come from our locale)."""

    verbose_name = _("Inlogblokkade")
