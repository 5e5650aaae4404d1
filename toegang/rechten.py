"""Who may change what: the one permission module of regioreg.

The admin (through `toegang.backends.RolBackend` and `toegang.admin.RechtenAdminMixin`), the
API (`samenwerking.api.permissions.RegisterRechten`), the raad's zienswijzen (`raad.rechten`)
and the pages (edit links) all ask these functions; nothing else decides.

Reading the public register needs no account (Wgr art. 27 lid 3). For the admin:
- beheerder (role or superuser): everything, including accounts and tokens;
- griffie: reads the whole register; adds, changes and deletes the zienswijzen, the kaders and
  the raadsvergaderingen of its gemeente;
- secretariaat: reads the whole register; adds arrangements (a new one becomes its own:
  `eigen_maken`), changes its own arrangements and adds, changes and deletes the rows that
  hang off them (deelnames, organs, seats, money, documents, the raad's meetings and
  zienswijze requests, doelen with their indicators and values); may add a person (to seat
  them), nothing else.
Rows are tied to an arrangement or a gemeente by a lookup path, so that one path both narrows
a queryset (`beperk`) and finds the arrangement of one row (`_verband_id`).
"""

from django.conf import settings
from django.db.models import Model, QuerySet
from django.utils.translation import gettext, gettext_lazy

from .models import Rol, RolSoort

LEZEN, TOEVOEGEN, WIJZIGEN, VERWIJDEREN = "view", "add", "change", "delete"
ACTIES = (LEZEN, TOEVOEGEN, WIJZIGEN, VERWIJDEREN)
# A refused write in words: "uw account mag … niet {werkwoord}".
WERKWOORDEN = {
    TOEVOEGEN: gettext_lazy("toevoegen"),
    WIJZIGEN: gettext_lazy("wijzigen"),
    VERWIJDEREN: gettext_lazy("verwijderen"),
}

# Rows a secretariaat maintains, by model label, with the lookup path to their arrangement.
VERBAND_PAD = {
    "samenwerking.samenwerkingsverband": "",
    "samenwerking.deelname": "samenwerkingsverband",
    "samenwerking.bestuursorgaan": "samenwerkingsverband",
    "samenwerking.zetel": "bestuursorgaan__samenwerkingsverband",
    "samenwerking.bijdrage": "deelname__samenwerkingsverband",
    "samenwerking.jaarcijfers": "samenwerkingsverband",
    "samenwerking.document": "samenwerkingsverband",
    "samenwerking.wettelijkegrondslag": "samenwerkingsverband",
    "samenwerking.bevoegdheid": "samenwerkingsverband",
    "raad.bestuursvergadering": "samenwerkingsverband",
    "raad.vergadering": "samenwerkingsverband",
    "raad.termijnafwijking": "samenwerkingsverband",
    "raad.zienswijzeverzoek": "samenwerkingsverband",
    "raad.evaluatie": "samenwerkingsverband",
    "raad.doel": "samenwerkingsverband",
    "raad.indicator": "doel__samenwerkingsverband",
    "raad.indicatorwaarde": "indicator__doel__samenwerkingsverband",
}
# Rows a griffie maintains, with the lookup path to their gemeente.
GEMEENTE_PAD = {
    "raad.zienswijze": "gemeente",
    "raad.kader": "gemeente",
    "raad.raadsvergadering": "gemeente",
}
# Shared rows a secretariaat may add but not change: a person to seat in an organ.
ALLEEN_TOEVOEGEN = {"samenwerking.persoon"}


def rol(user) -> Rol | None:
    """The user's role, read once per request (cached on the user object)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return None
    if not hasattr(user, "_rol_cache"):
        user._rol_cache = (
            Rol.objects.filter(gebruiker=user).prefetch_related("samenwerkingsverbanden").first()
        )
    return user._rol_cache


def is_beheerder(user) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    gevonden = rol(user)
    return user.is_superuser or (gevonden is not None and gevonden.soort == RolSoort.BEHEERDER)


def _label(model_of_object) -> str:
    return model_of_object._meta.label_lower


def _verband_ids(gevonden: Rol) -> set[int]:
    return {verband.pk for verband in gevonden.samenwerkingsverbanden.all()}


def mag_model(user, actie: str, model) -> bool:
    """May `user` do `actie` (view, add, change, delete) on some rows of `model`?"""
    if is_beheerder(user):
        return True
    gevonden = rol(user)
    if gevonden is None:
        return False
    label = _label(model)
    if actie == LEZEN:
        return model._meta.app_label in settings.REGISTER_APPS
    if gevonden.soort == RolSoort.GRIFFIE:
        return label in GEMEENTE_PAD
    if gevonden.soort == RolSoort.SECRETARIAAT:
        if label == "samenwerking.samenwerkingsverband":
            return actie in (WIJZIGEN, TOEVOEGEN)  # only a beheerder removes arrangements
        return label in VERBAND_PAD or (actie == TOEVOEGEN and label in ALLEEN_TOEVOEGEN)
    return False


def mag(user, actie: str, obj: Model) -> bool:
    """May `user` do `actie` on this row (saved, or about to be saved)?"""
    if not mag_model(user, actie, type(obj)):
        return False
    if is_beheerder(user) or actie == LEZEN:
        return True
    gevonden = rol(user)
    label = _label(obj)
    if gevonden.soort == RolSoort.GRIFFIE:
        return _gemeente_id(obj) == gevonden.gemeente_id
    if label in ALLEEN_TOEVOEGEN:
        return True
    if label == "samenwerking.samenwerkingsverband" and actie == TOEVOEGEN and obj.pk is None:
        return True  # a new arrangement, which becomes the secretariaat's own (eigen_maken)
    return _verband_id(obj) in _verband_ids(gevonden)


def eigen_maken(user, *verbanden) -> None:
    """The arrangements a secretariaat added are its own from now on."""
    gevonden = rol(user)
    if verbanden and gevonden is not None and gevonden.soort == RolSoort.SECRETARIAAT:
        gevonden.samenwerkingsverbanden.add(*verbanden)
        del user._rol_cache  # read again, with the new arrangement


def niet_beheerd(model) -> str:
    """The message for a choice (a foreign key: the admin's choice field, an import's key
    column) of a row of `model` that the role does not maintain."""
    # "dat" agrees with samenwerkingsverband (het-woord); other rows are named by theirs.
    keuze = (
        gettext("een samenwerkingsverband dat uw account beheert")
        if _label(model) == "samenwerking.samenwerkingsverband"
        else gettext("een %(model)s bij een samenwerkingsverband dat uw account beheert")
        % {"model": model._meta.verbose_name}
    )
    return gettext(
        "Kies %(keuze)s. Een %(model)s van een andere regio kunt u hier niet kiezen; vraag "
        "dat zo nodig aan een beheerder."
    ) % {"keuze": keuze, "model": model._meta.verbose_name}


def mag_wijzigen(user, obj: Model) -> bool:
    """For pages: show an edit link for this row?"""
    return mag(user, WIJZIGEN, obj)


def _volg(obj, pad: str):
    for deel in filter(None, pad.split("__")):
        obj = getattr(obj, deel, None)
        if obj is None:
            return None
    return obj


def _verband_id(obj) -> int | None:
    pad = VERBAND_PAD[_label(obj)]
    if not pad:
        return obj.pk
    *ouders, laatste = pad.split("__")
    ouder = _volg(obj, "__".join(ouders))
    return getattr(ouder, f"{laatste}_id", None) if ouder is not None else None


def verband_van(obj):
    """The arrangement a row hangs off (None for rows not tied to one)."""
    pad = VERBAND_PAD.get(_label(obj))
    if pad is None:
        return None
    return _volg(obj, pad) if pad else obj


def _gemeente_id(obj) -> int | None:
    return getattr(obj, f"{GEMEENTE_PAD[_label(obj)]}_id", None)


def beperk(queryset: QuerySet, user) -> QuerySet:
    """`queryset` narrowed to the rows `user` maintains, for the models tied to a role's
    arrangements or gemeente; other querysets (reference data, persons) stay whole."""
    if is_beheerder(user):
        return queryset
    label = _label(queryset.model)
    gevonden = rol(user)
    if gevonden is None:
        return queryset.none() if label in VERBAND_PAD or label in GEMEENTE_PAD else queryset
    if gevonden.soort == RolSoort.SECRETARIAAT and label in VERBAND_PAD:
        pad = VERBAND_PAD[label]
        return queryset.filter(**{f"{pad + '__' if pad else ''}pk__in": _verband_ids(gevonden)})
    if label in GEMEENTE_PAD:
        if gevonden.soort != RolSoort.GRIFFIE:
            return queryset.none()
        return queryset.filter(**{f"{GEMEENTE_PAD[label]}_id": gevonden.gemeente_id})
    return queryset


def mag_kiezen(user, gekozen: Model | None, huidig_pk=None) -> bool:
    """May `user` make `gekozen` the value of a foreign key (the admin's choice, an import's
    key column, an API field)? `beperk` for one row: a secretariaat chooses only rows of its
    own arrangements. The value the row has as stored (`huidig_pk`: nesting a beheerder set)
    may stay, and a new row (pk None) is checked as a row of its own."""
    if gekozen is None or gekozen.pk in (None, huidig_pk) or is_beheerder(user):
        return True
    gevonden = rol(user)
    if gevonden is None or gevonden.soort != RolSoort.SECRETARIAAT:
        return True  # they cannot write rows that hold such a choice (mag_model)
    if _label(gekozen) not in VERBAND_PAD:
        return True
    return _verband_id(gekozen) in _verband_ids(gevonden)


def beheerbare_gemeenten_ids(user) -> set[int] | None:
    """The gemeenten whose zienswijzen `user` may handle; None means all."""
    if is_beheerder(user):
        return None
    gevonden = rol(user)
    if gevonden is None or gevonden.soort != RolSoort.GRIFFIE:
        return set()
    return {gevonden.gemeente_id}
