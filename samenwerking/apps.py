from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


class SamenwerkingConfig(AppConfig):
    name = "samenwerking"
    verbose_name = _("Register van samenwerkingsverbanden")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from regioreg.collation import register_on_sqlite

        from . import geschiedenis  # noqa: F401 (connects the change-reason receiver)

        # Before the first connection: the name columns' collation (regioreg/collation.py).
        connection_created.connect(register_on_sqlite, dispatch_uid="regioreg_collation")
