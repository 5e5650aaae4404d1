"""Accounts with their role and API token, and the mixin that makes every register admin ask
`toegang.rechten` about the row at hand (Django's own checks ignore the row)."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from . import rechten
from .models import Rol


class _Rechten:
    """Lists and pages show only the rows the role maintains (for arrangement- and
    gemeente-bound models); choices of related arrangement-bound rows are narrowed the same
    way, so that a hand-made POST cannot attach a row to another regio's arrangement."""

    def get_queryset(self, request):
        return rechten.beperk(super().get_queryset(request), request.user)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        doel = db_field.remote_field.model
        if "queryset" not in kwargs and doel._meta.label_lower in rechten.VERBAND_PAD:
            kwargs["queryset"] = rechten.beperk(doel._default_manager.all(), request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def has_view_permission(self, request, obj=None):
        return self._mag(request, rechten.LEZEN, obj)

    def has_change_permission(self, request, obj=None):
        return self._mag(request, rechten.WIJZIGEN, obj)

    def has_delete_permission(self, request, obj=None):
        return self._mag(request, rechten.VERWIJDEREN, obj)


class RechtenAdminMixin(_Rechten):
    """For a ModelAdmin of a register model: each row is changeable or deletable only when
    `rechten` allows it for that row (Django's own checks ignore the row)."""

    def _mag(self, request, actie, obj):
        if obj is None:
            return rechten.mag_model(request.user, actie, self.model)
        return rechten.mag(request.user, actie, obj)

    def has_add_permission(self, request):
        return self._mag(request, rechten.TOEVOEGEN, None)

    def save_form(self, request, form, change):
        # The row as it will be stored (after the form filled it in) must be the role's too.
        obj = super().save_form(request, form, change)
        if not rechten.mag(request.user, rechten.WIJZIGEN if change else rechten.TOEVOEGEN, obj):
            raise PermissionDenied
        return obj


class RechtenInlineMixin(_Rechten):
    """For an inline: its rows follow the parent row (`obj`). They may be added, changed or
    deleted when the role may do so for the inline's model and may change the parent."""

    def _mag(self, request, actie, obj):
        if not rechten.mag_model(request.user, actie, self.model):
            return False
        return obj is None or actie == rechten.LEZEN or rechten.mag_wijzigen(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return self._mag(request, rechten.TOEVOEGEN, obj)


class RolInline(admin.StackedInline):
    model = Rol
    can_delete = True
    extra = 0
    max_num = 1
    autocomplete_fields = ["gemeente", "samenwerkingsverbanden"]
    verbose_name_plural = _("rol in regioreg")


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class GebruikerAdmin(UserAdmin):
    """Accounts: only a beheerder (superuser or role beheerder) sees and changes them."""

    inlines = [RolInline]
    list_display = ["username", "email", "is_active", "is_staff", "rol_soort", "last_login"]
    list_select_related = ["rol"]
    list_filter = ["is_active", "is_staff", "rol__soort"]

    def save_related(self, request, form, formsets, change):
        """An account with a role works in the admin, so it gets staff status."""
        super().save_related(request, form, formsets, change)
        gebruiker = form.instance
        if Rol.objects.filter(gebruiker=gebruiker).exists() and not gebruiker.is_staff:
            gebruiker.is_staff = True
            gebruiker.save(update_fields=["is_staff"])

    @admin.display(description=_("rol"), ordering="rol__soort")
    def rol_soort(self, obj):
        gevonden = getattr(obj, "rol", None)
        return gevonden.get_soort_display() if gevonden else "—"
