"""Django's permission checks (`user.has_perm`) answered from the role, with or without a row.

Replaces ModelBackend's group and user permissions: in regioreg a role decides, not a
checklist of permissions per account. Logging in with a password works as in ModelBackend.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.backends import ModelBackend

from . import rechten


class RolBackend(ModelBackend):
    def has_perm(self, user_obj, perm, obj=None):
        app_label, _punt, codename = perm.partition(".")
        actie, _streep, model_naam = codename.partition("_")
        if actie not in rechten.ACTIES:
            return rechten.is_beheerder(user_obj)
        try:
            model = apps.get_model(app_label, model_naam)
        except LookupError:
            return False
        if obj is None:
            return rechten.mag_model(user_obj, actie, model)
        return rechten.mag(user_obj, actie, obj)

    def has_module_perms(self, user_obj, app_label):
        return rechten.is_beheerder(user_obj) or (
            rechten.rol(user_obj) is not None and app_label in settings.REGISTER_APPS
        )

    def get_all_permissions(self, user_obj, obj=None):
        return set()

    def get_user_permissions(self, user_obj, obj=None):
        return set()

    def get_group_permissions(self, user_obj, obj=None):
        return set()
