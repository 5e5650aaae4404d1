"""Rules across rows of the meetings (registered with the register's services in
raad.services, so admin, API and imports check them alike):

- a meeting lies within the period of what it belongs to, as stored: a regeling's meeting
  (`Vergadering`, `Bestuursvergadering`) within the regeling's [ingangsdatum, einddatum), a
  raadsvergadering within its gemeente's [begindatum, einddatum) (samenwerking.periode);
- one board meeting is one row. A regeling's algemeen bestuur that adopts its begroting or
  jaarrekening meets once: the `Bestuursvergadering` (vaststellingsvergadering) is that
  meeting, and the calendars show it as a meeting of the algemeen bestuur
  (`als_vergadering`). A `Vergadering` of the algemeen bestuur on the same day of the same
  regeling is the same meeting entered twice, and refused either way round, naming the
  other entry.

Each rule reads the stored rows in a fixed number of queries, however many rows.
"""

from django.core.exceptions import ValidationError
from django.db.models import CharField, Exists, F, Min, OuterRef, QuerySet, Value
from django.utils.translation import gettext as _

from samenwerking.models import Gemeente, Samenwerkingsverband
from samenwerking.periode import loopt_op
from samenwerking.services.regels import periode_tekst
from samenwerking.tekst import datum_tekst

from .constants import VergaderingSoort
from .models import Bestuursvergadering, Raadsvergadering, Vergadering


def _buiten_periode(model, datum, wat, begin, eind) -> ValidationError:
    return ValidationError(
        {
            "datum": ValidationError(
                _(
                    "%(veld)s: %(datum)s ligt buiten de looptijd van %(wat)s (%(periode)s). "
                    "Kies een datum binnen die periode, of controleer de looptijd."
                )
                % {
                    "veld": str(model._meta.get_field("datum").verbose_name).capitalize(),
                    "datum": datum_tekst(datum),
                    "wat": wat,
                    "periode": periode_tekst(begin, eind),
                },
                code="datum_buiten_looptijd",
            )
        }
    )


def _perioden_van_verbanden(rijen, goed) -> dict[int, tuple]:
    """The regelingen of the rows as stored: pk → (regeling, ingangsdatum, einddatum). One
    query."""
    ids = {rijen[i].samenwerkingsverband_id for i in goed} - {None}
    if not ids:
        return {}
    return {
        verband.pk: (verband, verband.ingangsdatum, verband.einddatum)
        for verband in Samenwerkingsverband.objects.filter(pk__in=ids).only(
            "naam", "afkorting", "ingangsdatum", "einddatum"
        )
    }


def _periode_fout(rij, perioden) -> ValidationError | None:
    if not (rij.samenwerkingsverband_id in perioden and rij.datum):
        return None
    verband, begin, eind = perioden[rij.samenwerkingsverband_id]
    if loopt_op(rij.datum, begin, eind):
        return None
    return _buiten_periode(type(rij), rij.datum, verband, begin, eind)


def vergaderingen_controleren(rijen: list[Vergadering], labels, goed) -> dict:
    """Within the regeling's period; an algemeen bestuur not already entered as the
    vaststellingsvergadering of that day. Two queries."""
    perioden = _perioden_van_verbanden(rijen, goed)
    ab = [
        i
        for i in goed
        if rijen[i].soort == VergaderingSoort.ALGEMEEN_BESTUUR
        and rijen[i].samenwerkingsverband_id
        and rijen[i].datum
    ]
    vaststellingen: dict[tuple, list[Bestuursvergadering]] = {}
    if ab:
        for v in Bestuursvergadering.objects.filter(
            samenwerkingsverband__in={rijen[i].samenwerkingsverband_id for i in ab},
            datum__in={rijen[i].datum for i in ab},
        ).order_by("jaar", "vaststelling"):
            vaststellingen.setdefault((v.samenwerkingsverband_id, v.datum), []).append(v)
    fouten = {}
    for i in goed:
        vergadering = rijen[i]
        fout = _periode_fout(vergadering, perioden)
        if fout is None and i in ab:
            andere = vaststellingen.get((vergadering.samenwerkingsverband_id, vergadering.datum))
            if andere:
                fout = ValidationError(
                    {
                        "datum": ValidationError(
                            _(
                                "Datum: op %(datum)s is deze vergadering van het algemeen "
                                "bestuur al vastgelegd als vaststellingsvergadering (%(andere)s); "
                                "de kalender toont die als vergadering van het algemeen bestuur. "
                                "Leg dezelfde vergadering niet twee keer vast."
                            )
                            % {
                                "datum": datum_tekst(vergadering.datum),
                                "andere": "; ".join(str(v) for v in andere),
                            },
                            code="dubbele_vergadering",
                        )
                    }
                )
        if fout is not None:
            fouten[i] = fout
    return fouten


def bestuursvergaderingen_controleren(rijen: list[Bestuursvergadering], labels, goed) -> dict:
    """Within the regeling's period; not a day on which the algemeen bestuur's meeting is
    already entered as a `Vergadering`. Two queries."""
    perioden = _perioden_van_verbanden(rijen, goed)
    te_zoeken = [i for i in goed if rijen[i].samenwerkingsverband_id and rijen[i].datum]
    vergaderingen = {}
    if te_zoeken:
        vergaderingen = {
            (v.samenwerkingsverband_id, v.datum): v
            for v in Vergadering.objects.filter(
                soort=VergaderingSoort.ALGEMEEN_BESTUUR,
                samenwerkingsverband__in={rijen[i].samenwerkingsverband_id for i in te_zoeken},
                datum__in={rijen[i].datum for i in te_zoeken},
            )
        }
    fouten = {}
    for i in goed:
        vaststelling = rijen[i]
        fout = _periode_fout(vaststelling, perioden)
        andere = vergaderingen.get((vaststelling.samenwerkingsverband_id, vaststelling.datum))
        if fout is None and andere is not None:
            fout = ValidationError(
                {
                    "datum": ValidationError(
                        _(
                            "Datum vergadering: op %(datum)s staat deze vergadering van het "
                            "algemeen bestuur al in de kalender (%(andere)s). Verwijder die "
                            "vergadering eerst: de vaststellingsvergadering komt ervoor in de "
                            "plaats en staat zelf in de kalender."
                        )
                        % {
                            "datum": datum_tekst(vaststelling.datum),
                            "andere": f"{andere}, {andere.omschrijving}"
                            if andere.omschrijving
                            else str(andere),
                        },
                        code="dubbele_vergadering",
                    )
                }
            )
        if fout is not None:
            fouten[i] = fout
    return fouten


def raadsvergaderingen_controleren(rijen: list[Raadsvergadering], labels, goed) -> dict:
    """Within the period in which the gemeente exists (before its herindeling). One query."""
    ids = {rijen[i].gemeente_id for i in goed} - {None}
    gemeenten = (
        {
            g.pk: g
            for g in Gemeente.objects.filter(pk__in=ids).only("naam", "begindatum", "einddatum")
        }
        if ids
        else {}
    )
    fouten = {}
    for i in goed:
        vergadering = rijen[i]
        gemeente = gemeenten.get(vergadering.gemeente_id)
        if gemeente is None or not vergadering.datum:
            continue
        if not loopt_op(vergadering.datum, gemeente.begindatum, gemeente.einddatum):
            fouten[i] = _buiten_periode(
                Raadsvergadering,
                vergadering.datum,
                _("gemeente %(naam)s") % {"naam": gemeente.naam},
                gemeente.begindatum,
                gemeente.einddatum,
            )
    return fouten


def als_vergaderingen(vaststellingen) -> list[Vergadering]:
    """Vaststellingsvergaderingen as the meetings of the algemeen bestuur that they are, for
    the calendars and the API (not saved): one meeting per regeling and day, naming what it
    adopts. Each keeps its rows in `vaststellingen` (adoption order), the first one's uuid,
    the earliest creation and the latest change. The rows need their samenwerkingsverband
    selected."""
    per_dag: dict[tuple, list[Bestuursvergadering]] = {}
    for v in sorted(vaststellingen, key=lambda v: (v.datum, v.vaststelling, v.jaar)):
        per_dag.setdefault((v.samenwerkingsverband_id, v.datum), []).append(v)
    vergaderingen = []
    for rijen in per_dag.values():
        vergadering = Vergadering(
            uuid=rijen[0].uuid,
            samenwerkingsverband=rijen[0].samenwerkingsverband,
            soort=VergaderingSoort.ALGEMEEN_BESTUUR,
            datum=rijen[0].datum,
            omschrijving="; ".join(f"{v.get_vaststelling_display()} {v.jaar}" for v in rijen),
            created_at=min(v.created_at for v in rijen),
            updated_at=max(v.updated_at for v in rijen),
        )
        vergadering.vaststellingen = rijen
        vergaderingen.append(vergadering)
    return vergaderingen


def vergaderingen_met_vaststellingen(vergaderingen, vaststellingen) -> list[Vergadering]:
    """The meetings of regelingen as the calendars and the API show them: the `Vergadering`
    rows and the vaststellingsvergaderingen as meetings of the algemeen bestuur
    (`als_vergaderingen`), one board meeting one entry. A `Vergadering` of the algemeen bestuur
    on the day of a vaststellingsvergadering of the same regeling (only in rows stored before
    the rule above refused it, or written outside regioreg) is that meeting: it gives way to
    the vaststellingsvergadering, which takes over its agenda and besluitenlijst. Unordered;
    the rows need their samenwerkingsverband selected. No queries of its own."""
    vaststellingsdagen = {
        (v.samenwerkingsverband_id, v.datum): v for v in als_vergaderingen(vaststellingen)
    }
    uitkomst = []
    for vergadering in vergaderingen:
        plaats = (
            vaststellingsdagen.get((vergadering.samenwerkingsverband_id, vergadering.datum))
            if vergadering.soort == VergaderingSoort.ALGEMEEN_BESTUUR
            else None
        )
        if plaats is None:
            uitkomst.append(vergadering)
            continue
        plaats.agenda_url = plaats.agenda_url or vergadering.agenda_url
        plaats.besluiten_url = plaats.besluiten_url or vergadering.besluiten_url
    return [*uitkomst, *vaststellingsdagen.values()]


# What a meeting in the ordered list is stored as (`vergaderingen_als_rijen`'s `bron`).
VERGADERING = "vergadering"
VASTSTELLINGSVERGADERING = "vaststellingsvergadering"
# Both, as the API's enum of a meeting's `bron` (VergaderingBronEnum in the OpenAPI document).
BRONNEN = (VERGADERING, VASTSTELLINGSVERGADERING)
# The columns of `vergaderingen_als_rijen`, in this order on every side of its UNION.
RIJKOLOMMEN = ("bron", "nr", "verband", "dag", "naam", "aangemaakt")


def vergaderingen_als_rijen(
    vergaderingen: QuerySet, vaststellingen: QuerySet, kolommen=RIJKOLOMMEN
) -> list[QuerySet]:
    """The meetings `vergaderingen_met_vaststellingen` gives for these rows, as rows the
    database can order, count and page: `.values()` querysets with these of the columns
    (`RIJKOLOMMEN`) in this order, whose `UNION ALL` has one row per meeting:

    - `bron`: `VERGADERING` or `VASTSTELLINGSVERGADERING`;
    - `nr`: the `Vergadering`'s pk, or the lowest pk of the day's vaststellingen;
    - `verband` (the samenwerkingsverband's pk), `dag`, `naam` (the samenwerkingsverband's);
    - `aangemaakt`: when it was created (for a vaststellingsvergadering its earliest row).

    The same rule as `vergaderingen_met_vaststellingen` (which makes the meetings of a
    page's rows): a `Vergadering` of the algemeen bestuur on the day of one of these
    vaststellingen of its regeling gives way to it, and the vaststellingen of one regeling
    and day are one meeting. Each part can be read in date order from an index
    (`vergadering_datum_idx`, `bestuursverg_datum_verband_idx`)."""
    vaststellingsdag = vaststellingen.filter(
        samenwerkingsverband=OuterRef("samenwerkingsverband"), datum=OuterRef("datum")
    )
    uitdrukkingen = {
        "bron": Value(VERGADERING, output_field=CharField()),
        "nr": F("pk"),
        "verband": F("samenwerkingsverband_id"),
        "dag": F("datum"),
        "naam": F("samenwerkingsverband__naam"),
        "aangemaakt": F("created_at"),
    }
    eigen = [
        rijen.order_by().values(**{k: uitdrukkingen[k] for k in kolommen})
        for rijen in (
            vergaderingen.exclude(soort=VergaderingSoort.ALGEMEEN_BESTUUR),
            # NOT EXISTS: an anti-join, not a subquery per row.
            vergaderingen.filter(soort=VergaderingSoort.ALGEMEEN_BESTUUR).filter(
                ~Exists(vaststellingsdag)
            ),
        )
    ]
    per_dag = {
        "bron": Value(VASTSTELLINGSVERGADERING, output_field=CharField()),
        "nr": Min("pk"),
        "naam": Min("samenwerkingsverband__naam"),
        "aangemaakt": Min("created_at"),
    }
    vastgesteld = (
        vaststellingen.order_by()
        # Grouped by day first, so that the groups come in date order.
        .values(dag=F("datum"), verband=F("samenwerkingsverband_id"))
        .annotate(**{k: per_dag[k] for k in kolommen if k in per_dag})
        .values(*kolommen)
    )
    return [*eigen, vastgesteld]
