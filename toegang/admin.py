"""Accounts with their role and API token, and the mixin that makes every register admin ask
`toegang.rechten` about the row at hand (Django's own checks ignore the row)."""

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from rest_framework.authtoken import admin as authtoken_admin
from rest_framework.authtoken.models import TokenProxy

from samenwerking.models import Samenwerkingsverband

from . import rechten
from .models import Rol, RolSoort, Token


class RechtenForm(forms.BaseForm):
    """Mixed into every admin form (main and inline). The row as it would be stored must be
    the role's to add or change (toegang.rechten), or the form gets a message naming it.
    A choice of an arrangement-bound row (narrowed to the role's own rows by
    `_Rechten.formfield_for_foreignkey`) may keep the value the row has as stored, even when
    the role does not maintain that row (nesting set by a beheerder), but cannot be changed to
    another row the role does not maintain."""

    gebruiker = None  # set per request by the admin's get_form / get_formset

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for naam, veld in self.fields.items():
            keuzes = getattr(veld, "queryset", None)
            if keuzes is None or keuzes.model._meta.label_lower not in rechten.VERBAND_PAD:
                continue
            if isinstance(veld, forms.ModelChoiceField) and not isinstance(
                veld, forms.ModelMultipleChoiceField
            ):
                huidig = self.instance.pk and getattr(self.instance, f"{naam}_id", None)
                if huidig:
                    veld.queryset = keuzes | keuzes.model._default_manager.filter(pk=huidig)
                veld.error_messages["invalid_choice"] = rechten.niet_beheerd(keuzes.model)

    def _post_clean(self):
        super()._post_clean()
        if self.gebruiker is None or self._errors:
            return
        if self.instance.pk and not self.has_changed():
            return  # a stored row left as it is (an unchanged add form is still checked)
        actie = rechten.WIJZIGEN if self.instance.pk else rechten.TOEVOEGEN
        if not rechten.mag(self.gebruiker, actie, self.instance):
            self.add_error(None, _geweigerd(self.instance, actie))


def _met_rechten(form, gebruiker):
    return type(form.__name__, (RechtenForm, form), {"gebruiker": gebruiker})


class EigenRijenFormSet:
    """Mixed into every inline formset of the admin. Each posted row is checked against the
    row as stored, not against the hidden id alone: it must be a row of the parent being
    edited (an inline must never reach a row of another arrangement, whatever id is posted),
    and the role must be allowed to change or delete it as stored (toegang.rechten; the row
    as it would be stored is `RechtenForm`'s check). A refused row stops the whole submission
    with a message that names it, so nothing of it is saved."""

    gebruiker = None  # set per request by RechtenInlineMixin.get_formset

    def clean(self):
        super().clean()
        fouten = [fout for form in self.forms if (fout := self._rij_fout(form))]
        if fouten:
            raise ValidationError(fouten)

    def _opgeslagen_rijen(self) -> dict:
        if not hasattr(self, "_opgeslagen"):
            sleutels = set()
            for form in self.forms:
                try:
                    sleutels.add(self._pk_field.to_python(self._geposte_sleutel(form)))
                except ValidationError:
                    continue
            sleutels.discard(None)
            self._opgeslagen = self.model._default_manager.in_bulk(sleutels)
        return self._opgeslagen

    def _geposte_sleutel(self, form) -> str:
        return (form.data.get(form.add_prefix(self._pk_field.name)) or "").strip()

    def _rij_fout(self, form) -> ValidationError | None:
        verwijderen = self.can_delete and self._should_delete_form(form)
        geplaatst = self._geposte_sleutel(form)
        if geplaatst:
            try:
                opgeslagen = self._opgeslagen_rijen().get(self._pk_field.to_python(geplaatst))
            except ValidationError:
                opgeslagen = None
            if opgeslagen is None:
                return ValidationError(
                    gettext(
                        "Rij %(nummer)s: %(model)s met id %(id)s bestaat niet (meer). Open de "
                        "pagina opnieuw; er is niets opgeslagen."
                    )
                    % {
                        "nummer": self.forms.index(form) + 1,
                        "model": self.model._meta.verbose_name,
                        "id": geplaatst,
                    },
                    code="rij_onbekend",
                )
            ouder = getattr(opgeslagen, self.fk.attname)
            eigen = getattr(self.instance, self.fk.remote_field.field_name, None)
            if eigen is None or ouder != eigen:
                return ValidationError(
                    gettext(
                        "%(model)s „%(rij)s” hoort niet bij wat u op deze pagina bewerkt, maar "
                        "bij %(andere)s. Een rij van elders kan hier niet worden gewijzigd of "
                        "verwijderd; er is niets opgeslagen."
                    )
                    % {
                        "model": _hoofdletter(self.model._meta.verbose_name),
                        "rij": opgeslagen,
                        "andere": _waar(getattr(opgeslagen, self.fk.name)),
                    },
                    code="rij_van_ander",
                )
            actie = rechten.VERWIJDEREN if verwijderen else rechten.WIJZIGEN
            if (verwijderen or form.has_changed()) and not rechten.mag(
                self.gebruiker, actie, opgeslagen
            ):
                return _geweigerd(opgeslagen, actie)
        return None


def _waar(ouder) -> str:
    """A parent row named so that a reader knows which arrangement it is in."""
    verband = rechten.verband_van(ouder)
    if verband is None or verband == ouder or str(verband) in str(ouder):
        return str(ouder)
    return f"{ouder} ({verband})"


def _hoofdletter(tekst) -> str:
    tekst = str(tekst)
    return tekst[:1].upper() + tekst[1:]


def _geweigerd(obj, actie) -> ValidationError:
    werkwoord = rechten.WERKWOORDEN[actie]
    return ValidationError(
        gettext(
            "Uw account mag %(model)s „%(rij)s” niet %(werkwoord)s: alleen rijen van de eigen "
            "samenwerkingsverbanden. Er is niets opgeslagen."
        )
        % {"model": obj._meta.verbose_name, "rij": obj, "werkwoord": werkwoord},
        code="geen_recht",
    )


class _Rechten:
    """Lists and pages show only the rows the role maintains (for arrangement- and
    gemeente-bound models); choices of related arrangement-bound rows are narrowed the same
    way, so that a hand-made POST cannot attach a row to another regio's arrangement (a row
    keeps the choice it has as stored: `RechtenForm`)."""

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


def _andermans(obj) -> PermissionDenied:
    """The refusal of a row that exists but is not the role's (another regio's arrangement or
    a row under it, another gemeente's kader): the 403 page names it and what it belongs to."""
    eigenaar = rechten.verband_van(obj) or getattr(obj, "gemeente", None) or obj
    rij = {"model": _hoofdletter(obj._meta.verbose_name), "rij": obj}
    if eigenaar == obj:
        zin = gettext("%(model)s „%(rij)s” hoort niet bij wat uw account beheert.") % rij
    else:
        zin = gettext(
            "%(model)s „%(rij)s” hoort bij %(soort)s „%(eigenaar)s”, niet bij wat uw account "
            "beheert."
        ) % {**rij, "soort": eigenaar._meta.verbose_name, "eigenaar": eigenaar}
    return PermissionDenied(
        zin
        + " "
        + gettext(
            "In het beheer kunt u deze rij niet openen, wijzigen of verwijderen; lezen kan "
            "iedereen op de openbare pagina's van het register."
        )
    )


class RechtenAdminMixin(_Rechten):
    """For a ModelAdmin of a register model: each row is changeable or deletable only when
    `rechten` allows it for that row (Django's own checks ignore the row)."""

    def get_object(self, request, object_id, from_field=None):
        """The row of a page (change, delete, history, the workplace's tabs) from the rows the
        role sees (`get_queryset`). A row that exists but is not the role's is refused here,
        once for every page: the 403 page says which row and why. A row that does not exist
        is Django's None ("bestaat niet")."""
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            veld = self.opts.pk if from_field is None else self.opts.get_field(from_field)
            try:
                andermans = self.model._default_manager.filter(
                    **{veld.name: veld.to_python(object_id)}
                ).first()
            except (ValueError, ValidationError):
                andermans = None
            if andermans is not None:
                raise _andermans(andermans)
        return obj

    def _mag(self, request, actie, obj):
        if obj is None:
            return rechten.mag_model(request.user, actie, self.model)
        return rechten.mag(request.user, actie, obj)

    def has_add_permission(self, request):
        return self._mag(request, rechten.TOEVOEGEN, None)

    def get_form(self, request, obj=None, change=False, **kwargs):
        return _met_rechten(super().get_form(request, obj, change, **kwargs), request.user)

    def delete_queryset(self, request, queryset):
        """Bulk delete: every row as stored must be the role's to delete."""
        if any(not rechten.mag(request.user, rechten.VERWIJDEREN, obj) for obj in queryset):
            raise PermissionDenied
        super().delete_queryset(request, queryset)

    def history_view(self, request, object_id, extra_context=None):
        self._eigen_geschiedenis(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._eigen_geschiedenis(request, object_id)
        if request.method == "POST":
            # Reverting stores the old version even when no field is changed (the form then
            # checks nothing): that version must be the role's too.
            versie = self._historie().filter(history_id=version_id).first()
            if versie is None or not rechten.mag(request.user, rechten.WIJZIGEN, versie.instance):
                raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def _historie(self):
        return getattr(self.model, self.model._meta.simple_history_manager_attribute)

    def _eigen_geschiedenis(self, request, object_id) -> None:
        """The history of a row (django-simple-history's list, and its page of one version,
        which also reverts to it) only for a row the role sees as stored (`get_object`: the
        403 page otherwise): simple-history itself looks at the old version, not at the row as
        it is now. Of a removed row, the last recorded version must be the role's to change."""
        if self.get_object(request, unquote(object_id)) is not None:
            return
        try:
            laatste = (
                self._historie()
                .filter(**{self.opts.pk.attname: unquote(object_id)})
                .order_by("-history_date")
                .first()
            )
        except (ValueError, ValidationError):
            laatste = None  # not a key of this model
        if laatste is None:
            raise Http404
        if not rechten.mag(request.user, rechten.WIJZIGEN, laatste.instance):
            raise _andermans(laatste.instance)


class RechtenInlineMixin(_Rechten):
    """For an inline: its rows follow the parent row (`obj`). They may be added, changed or
    deleted when the role may do so for the inline's model and may change the parent."""

    def _mag(self, request, actie, obj):
        if not rechten.mag_model(request.user, actie, self.model):
            return False
        return obj is None or actie == rechten.LEZEN or rechten.mag_wijzigen(request.user, obj)

    def has_add_permission(self, request, obj=None):
        return self._mag(request, rechten.TOEVOEGEN, obj)

    def get_formset(self, request, obj=None, **kwargs):
        basis = kwargs.get("formset", self.formset)
        kwargs["formset"] = type(
            basis.__name__, (EigenRijenFormSet, basis), {"gebruiker": request.user}
        )
        kwargs["form"] = _met_rechten(kwargs.get("form", self.form), request.user)
        return super().get_formset(request, obj, **kwargs)


class RolInline(admin.StackedInline):
    model = Rol
    can_delete = True
    extra = 0
    max_num = 1
    autocomplete_fields = ["gemeente", "samenwerkingsverbanden"]
    verbose_name_plural = _("rol in regioreg")
    # An account has one role: its heading says which, or "nieuw", not "#1".
    template = "admin/toegang/rol_inline.html"


User = get_user_model()
admin.site.unregister(User)
# Permissions come from the role (backends.RolBackend ignores groups and per-account rights):
# no groups, and no checklist of rights on an account that would do nothing.
admin.site.unregister(Group)


@admin.register(User)
class GebruikerAdmin(UserAdmin):
    """Accounts: only a beheerder (superuser or role beheerder) sees and changes them."""

    inlines = [RolInline]
    fieldsets = [
        (None, {"fields": ["username", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name", "email"]}),
        (
            _("Permissions"),
            {
                "fields": ["is_active", "is_staff", "is_superuser"],
                "description": _(
                    "Wat het account mag, bepaalt de rol onderaan (griffie, regiosecretariaat "
                    "of beheerder); een supergebruiker is beheerder."
                ),
            },
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    list_display = ["username", "email", "is_active", "is_staff", "rol_soort", "last_login"]
    list_select_related = ["rol__gemeente"]
    list_filter = ["is_active", "is_staff", "rol__soort"]

    def get_queryset(self, request):
        # The regelingen of each secretariaat for the column "rol", one query for the page.
        regelingen = Samenwerkingsverband.objects.only("naam").order_by("naam")
        return (
            super()
            .get_queryset(request)
            .prefetch_related(Prefetch("rol__samenwerkingsverbanden", queryset=regelingen))
        )

    def save_related(self, request, form, formsets, change):
        """An account with a role works in the admin, so it gets staff status."""
        super().save_related(request, form, formsets, change)
        gebruiker = form.instance
        if Rol.objects.filter(gebruiker=gebruiker).exists() and not gebruiker.is_staff:
            gebruiker.is_staff = True
            gebruiker.save(update_fields=["is_staff"])

    @admin.display(description=_("rol"), ordering="rol__soort")
    def rol_soort(self, obj):
        """What the account may change: whose griffie, which regelingen' secretariaat."""
        rol = getattr(obj, "rol", None)
        if rol is None:
            return gettext("beheerder (supergebruiker)") if obj.is_superuser else "—"
        if rol.soort == RolSoort.GRIFFIE:
            return gettext("griffie van %(gemeente)s") % {"gemeente": rol.gemeente.naam}
        if rol.soort != RolSoort.SECRETARIAAT:
            return rol.get_soort_display()
        namen = [v.naam for v in rol.samenwerkingsverbanden.all()]
        if not namen:
            return gettext("regiosecretariaat, nog zonder regelingen")
        if len(namen) == 1:
            return gettext("regiosecretariaat van %(regeling)s") % {"regeling": namen[0]}
        return gettext("regiosecretariaat van %(regeling)s en %(n)d andere") % {
            "regeling": namen[0],
            "n": len(namen) - 1,
        }


# DRF's own list shows every key in full; ours shows the whole key once, when it is made.
admin.site.unregister(TokenProxy)


class TokenForm(forms.ModelForm):
    """Offers only accounts without a token; one posted anyway (an old page) is refused by
    `clean_user` with what to do."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self._zonder_token()

    def full_clean(self):
        super().full_clean()
        self._zonder_token()  # the form shown again offers only accounts without one

    def _zonder_token(self):
        if "user" in self.fields:
            veld = self.fields["user"]
            veld.queryset = veld.queryset.exclude(pk__in=Token.objects.values("user"))

    def clean_user(self):
        gebruiker = self.cleaned_data["user"]
        if Token.objects.filter(user=gebruiker).exists():
            raise ValidationError(
                gettext(
                    "%(gebruiker)s heeft al een token. Wilt u een nieuw, verwijder dan eerst "
                    "het oude in de lijst (software die het oude gebruikt, werkt daarna niet "
                    "meer)."
                )
                % {"gebruiker": gebruiker},
                code="heeft_token",
            )
        return gebruiker


@admin.register(Token)
class TokenAdmin(authtoken_admin.TokenAdmin):
    """API tokens (beheerders only: `toegang` is not a register app). The whole key is shown
    once, on the page that answers the add form, as DRF's documentation advises; after that only
    its first characters (`Token.__str__`). A token is not moved to another account: delete
    it and make a new one."""

    form = TokenForm
    list_display = ["user", "begin", "created"]
    list_select_related = ["user"]

    @admin.display(description=_("token (begin)"))
    def begin(self, obj):
        return obj.begin

    def has_change_permission(self, request, obj=None):
        return False

    def response_add(self, request, obj, post_url_continue=None):
        """The whole key on this answer only: not in a message (Django keeps those in a
        cookie or the session until they are shown), nor in a log or history row."""
        return TemplateResponse(
            request,
            "admin/toegang/token/aangemaakt.html",
            {
                **self.admin_site.each_context(request),
                "opts": self.opts,
                "title": gettext("Token aangemaakt"),
                "token": obj,
            },
        )
