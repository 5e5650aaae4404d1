"""Readable addresses of arrangements: a slug from the name, unique in the register
(`veiligheidsregio-utrecht`, a second one with the same name `veiligheidsregio-utrecht-2`).
Given once, when a row is first written through the services (`services.regels`), and then
kept, so that a link stays valid when the name changes."""

from django.db.models import Q
from django.utils.text import slugify

LENGTE = 100  # of the stem; a suffix (-2, -3, …) fits in the field's 120


def stam(naam: str) -> str:
    """The slug of a name without suffix: lower case, ASCII, hyphens; never empty."""
    return slugify(naam)[:LENGTE].strip("-") or "samenwerkingsverband"


def vrije_slug(naam: str, bezet: set[str]) -> str:
    """The stem of `naam`, or with the lowest suffix from 2 that is not in `bezet`."""
    basis = stam(naam)
    slug, teller = basis, 2
    while slug in bezet:
        slug, teller = f"{basis}-{teller}", teller + 1
    return slug


def bezette_slugs(model, stammen: set[str]) -> set[str]:
    """The slugs in the register that a stem in `stammen` could collide with. One query; for
    many stems (an import) every slug, rather than a condition too long for SQLite."""
    rijen = model._base_manager.exclude(slug=None)
    if len(stammen) <= 50:
        voorwaarde = Q()
        for basis in stammen:
            voorwaarde |= Q(slug=basis) | Q(slug__startswith=f"{basis}-")
        rijen = rijen.filter(voorwaarde)
    return set(rijen.values_list("slug", flat=True))


def slugs_toekennen(rijen: list) -> None:
    """Give each row without a slug one from its name, unique among the stored rows and the
    rows written together (in their order). At most one query; none when every row has one."""
    zonder = [rij for rij in rijen if not rij.slug]
    if not zonder:
        return
    bezet = bezette_slugs(type(zonder[0]), {stam(rij.naam) for rij in zonder})
    bezet |= {rij.slug for rij in rijen if rij.slug}
    for rij in zonder:
        rij.slug = vrije_slug(rij.naam, bezet)
        bezet.add(rij.slug)
