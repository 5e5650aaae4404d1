"""Links both ways between the public site and the admin.

`publieke_url(obj)`: the public page of a row, for "Bekijk op de site" on every admin change
page (an arrangement and a gemeente have their own page; a row that hangs off an arrangement
is shown on the arrangement's page; a zienswijze on its gemeente's zienswijzen page, a
kader on its gemeente's page).
`beheer_url(user, obj)`: the admin change page of a row, only for an account that may change
it (toegang.rechten), for "Bewerk in beheer" on the public pages. Those pages are cached only
for visitors without a session (regioreg.paginacache), so the link never reaches anyone else.
Both live in the project package: they know the URLs of both apps.
"""

from django.urls import reverse

from raad.adressen import verband_adres
from toegang import rechten


def publieke_url(obj) -> str | None:
    label = obj._meta.label_lower
    if label == "samenwerking.gemeente":
        return reverse("raad:gemeente", args=[obj.cbs_code])
    if label == "raad.zienswijze":
        return reverse("raad:zienswijzen", args=[obj.gemeente.cbs_code])
    if label == "raad.kader":  # the raad's kaders are on its gemeente's page
        return reverse("raad:gemeente", args=[obj.gemeente.cbs_code]) + "#kaders"
    if label == "raad.raadsvergadering":
        return reverse("raad:kalender", args=[obj.gemeente.cbs_code])
    if label == "raad.zienswijzeverzoek" and obj.pk is not None:
        return reverse("raad:zienswijzeverzoek", args=[obj.uuid])
    verband = rechten.verband_van(obj)
    if verband is None or verband.pk is None:
        return None
    return verband_adres(verband)


def beheer_url(user, obj) -> str | None:
    if not rechten.mag_wijzigen(user, obj):
        return None
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
