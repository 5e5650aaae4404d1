"""The secretary's start page: per regeling the account may manage, what is missing or due.

Five kinds of points, each with the admin page where it is fixed:

- bijdragen of next year not entered: a deelname that runs in the coming year without a
  bijdrage for that year (several in one regeling: one point, linked to its bijdragen grid);
- zetels not recorded: a deelname that runs today, in a regeling with its own board (OL, BVO,
  GO), without a seat that runs today (several in one regeling: one point, linked to its
  besturen; a regeling without any bestuursorgaan: one point to add its board first, since a
  seat needs one);
- P&C documents due: a P&C termijn (raad.termijnen) within the coming `TERMIJN_DAGEN` days;
- evaluation overdue (raad.kalender.evaluatiestand);
- fields in conflict with the national register: a field the register feeds whose value differs
  from what the register said at the last import (`roo_stand`, samenwerking.registerstand),
  of the regeling or of one of its running deelnames;
- zienswijzen still open before their deadline, each with its raad's decision date (the last
  raadsvergadering in time, or "plan een extra vergadering of vraag uitstel":
  raad.vergaderingen).

Queries, whatever the number of regelingen: 1 the regelingen (with their last evaluation and
whether they have a bestuursorgaan),
2 their deelnames that run today or next year (with "has a bijdrage next year" and "has a
seat today"), 3-5 the P&C rules, meetings and overrides (raad.termijnen), 6 the open
zienswijzen with their raad's decision date. The account's role
is read by toegang.rechten (cached on the user).
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from samenwerking.constants import INGESTELDE_VORMEN, BijdrageSoort
from samenwerking.models import Bestuursorgaan, Bijdrage, Deelname, Samenwerkingsverband, Zetel
from samenwerking.periode import (
    geeindigd_q,
    loopt_op,
    overlapt,
    periode_overlapt_q,
    periode_q,
)
from samenwerking.periode import jaar as jaarperiode
from samenwerking.registerstand import als_json
from samenwerking.selectors import samenwerkingsverbanden_zoeken
from samenwerking.tekst import datum_tekst
from toegang import rechten

from .adressen import verband_adres
from .constants import OPEN_STATUSSEN
from .kalender import evaluatiestand
from .models import Evaluatie, Zienswijze
from .termijnen import pc_termijnen
from .vergaderingen import besluitmoment_van, zienswijzen_met_besluitdatum

TERMIJN_DAGEN = 42  # P&C termijnen within six weeks are "due"

BIJDRAGEN, ZETELS, TERMIJNEN, EVALUATIE, CONFLICTEN, ZIENSWIJZEN = (
    "bijdragen",
    "zetels",
    "termijnen",
    "evaluatie",
    "conflicten",
    "zienswijzen",
)


@dataclass(frozen=True)
class Punt:
    soort: str
    tekst: str
    url: str
    actie: str


@dataclass
class Regelingstand:
    verband: Samenwerkingsverband
    punten: list[Punt] = field(default_factory=list)

    @property
    def wijzig_url(self) -> str:
        return reverse("admin:samenwerking_samenwerkingsverband_change", args=[self.verband.pk])

    @property
    def site_url(self) -> str:
        return verband_adres(self.verband)


def _admin(naam: str, *args, **parameters) -> str:
    url = reverse(f"admin:{naam}", args=args)
    return f"{url}?{urlencode(parameters)}" if parameters else url


def _conflictvelden(obj) -> list[str]:
    """The fields of `obj` whose value differs from what the national register last said."""
    velden = {veld.attname: veld for veld in obj._meta.concrete_fields if veld.name != "roo_stand"}
    return [
        str(velden[naam].verbose_name)
        for naam, register in sorted((obj.roo_stand or {}).items())
        if naam in velden and als_json(getattr(obj, naam)) != register
    ]


def _deelnames(verbanden: list, vandaag: datetime.date, volgend_jaar: int) -> list[Deelname]:
    van, tot = jaarperiode(volgend_jaar)
    return list(
        Deelname.objects.filter(samenwerkingsverband__in=[v.pk for v in verbanden])
        .filter(
            periode_q(vandaag, "toetredingsdatum", "uittredingsdatum")
            | periode_overlapt_q(van, tot, "toetredingsdatum", "uittredingsdatum")
        )
        .annotate(
            heeft_bijdrage=Exists(
                Bijdrage.objects.filter(deelname=OuterRef("pk"), jaar=volgend_jaar)
            ),
            heeft_zetel=Exists(
                Zetel.objects.filter(deelname=OuterRef("pk")).filter(
                    periode_q(vandaag, "begindatum", "einddatum")
                )
            ),
        )
        .select_related("gemeente", "organisatie")
        .order_by("gemeente__naam", "organisatie__naam", "pk")
    )


def _genoemd(deelnames: list[Deelname]) -> str:
    """The deelnemers of a point: one by name, more counted and named ("2 deelnemers:
    Purmerend en Zaanstad")."""
    wie = get_text_list([str(d.deelnemer) for d in deelnames], _("en"))
    if len(deelnames) == 1:
        return wie
    return _("%(aantal)s deelnemers: %(wie)s") % {"aantal": len(deelnames), "wie": wie}


def _bijdragenpunt(verband_pk: int, deelnames: list[Deelname], jaar: int) -> Punt:
    """Deelnemers without a bijdrage for `jaar`. One: its add form, filled in. More: one point
    naming them all, linked to the regeling's bijdragen grid (every deelnemer and year on one
    page, saved at once)."""
    tekst = _("Geen bijdrage voor %(jaar)s van %(wie)s.") % {
        "jaar": jaar,
        "wie": _genoemd(deelnames),
    }
    if len(deelnames) == 1:
        return Punt(
            BIJDRAGEN,
            tekst,
            _admin(
                "samenwerking_bijdrage_add",
                deelname=deelnames[0].pk,
                jaar=jaar,
                soort=BijdrageSoort.BEGROOT,
            ),
            _("Bijdrage invoeren"),
        )
    return Punt(
        BIJDRAGEN,
        tekst,
        _admin("samenwerking_samenwerkingsverband_bijdragen", verband_pk),
        _("Bijdragen invoeren in het raster"),
    )


def _zetelpunt(verband, deelnames: list[Deelname]) -> Punt:
    """Running deelnemers without a seat today. A regeling without a bestuursorgaan: one point
    to add it first (a seat is a seat in a board; the seat's form would offer none). One
    deelnemer: its seat form, filled in. More: one point naming them, linked to the besturen."""
    wie = _genoemd(deelnames)
    if not verband.heeft_bestuursorgaan:
        return Punt(
            ZETELS,
            _(
                "Geen zetel vastgelegd voor %(wie)s: de regeling heeft nog geen bestuursorgaan. "
                "Voeg eerst het algemeen bestuur toe, dan de zetels."
            )
            % {"wie": wie},
            _admin("samenwerking_bestuursorgaan_add", samenwerkingsverband=verband.pk),
            _("Bestuursorgaan toevoegen"),
        )
    tekst = _("Geen zetel vastgelegd voor %(wie)s.") % {"wie": wie}
    if len(deelnames) == 1:
        return Punt(
            ZETELS,
            tekst,
            _admin("samenwerking_zetel_add", deelname=deelnames[0].pk),
            _("Zetel vastleggen"),
        )
    return Punt(
        ZETELS,
        tekst,
        _admin("samenwerking_samenwerkingsverband_besturen", verband.pk),
        _("Zetels vastleggen bij de besturen"),
    )


def eigen_regelingen(user, *, vandaag: datetime.date) -> QuerySet:
    """The regelingen `user` may change that have not ended on `vandaag` (running or still
    to come; not only historical)."""
    return (
        rechten.beperk(Samenwerkingsverband.objects.all(), user)
        .exclude(geeindigd_q(vandaag, "einddatum"))
        .filter(alleen_historisch=False)
    )


def regelingen(user, *, vandaag: datetime.date, naam: str = "", domein=None) -> QuerySet:
    """The regelingen `user` may change that have not ended on `vandaag` (`eigen_regelingen`),
    by name; `naam` narrows to what the register's search finds for it (a name or abbreviation
    that holds it, or a kind such as GGD: `samenwerkingsverbanden_zoeken`), `domein` to one
    domein."""
    verbanden = eigen_regelingen(user, vandaag=vandaag)
    if naam:
        verbanden = verbanden.filter(pk__in=[v.pk for v in samenwerkingsverbanden_zoeken(naam)])
    if domein is not None:
        verbanden = verbanden.filter(domeinen=domein)
    return verbanden.annotate(
        heeft_bestuursorgaan=Exists(
            Bestuursorgaan.objects.filter(samenwerkingsverband=OuterRef("pk"))
        ),
        laatste_evaluatie=Subquery(
            Evaluatie.objects.filter(samenwerkingsverband=OuterRef("pk"))
            .order_by("-datum")
            .values("datum")[:1]
        ),
    ).order_by("naam", "pk")


def werklijst(user, *, vandaag: datetime.date, naam: str = "", domein=None) -> list[Regelingstand]:
    """The regelingen `user` may change (running on `vandaag`), each with its points."""
    return standen_van(list(regelingen(user, vandaag=vandaag, naam=naam, domein=domein)), vandaag)


def standen_van(verbanden: list, vandaag: datetime.date) -> list[Regelingstand]:
    """`verbanden` (from `regelingen`), each with its points, in a fixed number of queries."""
    volgend_jaar = vandaag.year + 1
    if not verbanden:
        return []
    standen = {v.pk: Regelingstand(verband=v) for v in verbanden}

    for verband in verbanden:
        punten = standen[verband.pk].punten
        velden = _conflictvelden(verband)
        if velden:
            punten.append(
                Punt(
                    CONFLICTEN,
                    _("Anders dan in het landelijk register: %(velden)s.")
                    % {"velden": ", ".join(velden)},
                    _admin("samenwerking_samenwerkingsverband_change", verband.pk),
                    _("Vergelijk en herstel"),
                )
            )
        stand = evaluatiestand(verband, verband.laatste_evaluatie, vandaag=vandaag)
        if stand.te_laat:
            punten.append(
                Punt(
                    EVALUATIE,
                    _("Evaluatie te laat: uiterlijk %(datum)s (elke %(jaren)s jaar).")
                    % {
                        "datum": datum_tekst(stand.volgende),
                        "jaren": stand.interval_jaren,
                    },
                    _admin("raad_evaluatie_add", samenwerkingsverband=verband.pk),
                    _("Evaluatie vastleggen"),
                )
            )

    van, tot = jaarperiode(volgend_jaar)
    # A regeling's bijdragen point comes after its own points, before those of its deelnames.
    na_regeling = {pk: len(stand.punten) for pk, stand in standen.items()}
    zonder_bijdrage: dict[int, list[Deelname]] = {}
    zonder_zetel: dict[int, list[Deelname]] = {}
    for deelname in _deelnames(verbanden, vandaag, volgend_jaar):
        verband = standen[deelname.samenwerkingsverband_id].verband
        punten = standen[verband.pk].punten
        wie = deelname.deelnemer
        if not deelname.heeft_bijdrage and overlapt(
            deelname.toetredingsdatum, deelname.uittredingsdatum, van, tot
        ):
            zonder_bijdrage.setdefault(verband.pk, []).append(deelname)
        lopend = loopt_op(vandaag, deelname.toetredingsdatum, deelname.uittredingsdatum)
        if lopend and not deelname.heeft_zetel and verband.vorm in INGESTELDE_VORMEN:
            zonder_zetel.setdefault(verband.pk, []).append(deelname)
        velden = _conflictvelden(deelname) if lopend else []
        if velden:
            punten.append(
                Punt(
                    CONFLICTEN,
                    _("Deelname van %(wie)s anders dan in het landelijk register: %(velden)s.")
                    % {"wie": wie, "velden": ", ".join(velden)},
                    _admin("samenwerking_deelname_change", deelname.pk),
                    _("Vergelijk en herstel"),
                )
            )

    for pk, deelnames in zonder_zetel.items():
        standen[pk].punten.insert(na_regeling[pk], _zetelpunt(standen[pk].verband, deelnames))
    for pk, deelnames in zonder_bijdrage.items():
        standen[pk].punten.insert(na_regeling[pk], _bijdragenpunt(pk, deelnames, volgend_jaar))

    grens = vandaag + datetime.timedelta(days=TERMIJN_DAGEN)
    jaren = range(vandaag.year - 1, vandaag.year + 3)
    for termijn in pc_termijnen(verbanden, jaren):
        if vandaag <= termijn.datum <= grens:
            standen[termijn.verband.pk].punten.append(
                Punt(
                    TERMIJNEN,
                    _("%(omschrijving)s %(jaar)s: uiterlijk %(datum)s.")
                    % {
                        "omschrijving": termijn.regel.omschrijving,
                        "jaar": termijn.jaar,
                        "datum": datum_tekst(termijn.datum),
                    },
                    _admin(
                        "samenwerking_document_add",
                        samenwerkingsverband=termijn.verband.pk,
                        jaar=termijn.jaar,
                    ),
                    _("Document vastleggen"),
                )
            )

    for zienswijze in _open_zienswijzen(verbanden, vandaag):
        standen[zienswijze.zienswijzeverzoek.samenwerkingsverband_id].punten.append(
            Punt(
                ZIENSWIJZEN,
                _(
                    "Zienswijze op %(onderwerp)s (uiterlijk %(datum)s), %(gemeente)s: besluit "
                    "van de raad: %(besluit)s"
                )
                % {
                    "onderwerp": zienswijze.zienswijzeverzoek.onderwerp,
                    "datum": datum_tekst(zienswijze.zienswijzeverzoek.uiterste_datum),
                    "gemeente": zienswijze.gemeente.naam,
                    "besluit": besluitmoment_van(zienswijze).tekst,
                },
                reverse("raad:zienswijzeverzoek", args=[zienswijze.zienswijzeverzoek.uuid]),
                _("Alle raden bij dit verzoek"),
            )
        )
    return list(standen.values())


def _open_zienswijzen(verbanden: list, vandaag: datetime.date) -> list[Zienswijze]:
    """The open zienswijzen on these regelingen whose deadline is today or later, with their
    raad's decision date, by deadline and gemeente. One query."""
    return list(
        zienswijzen_met_besluitdatum(
            Zienswijze.objects.filter(
                zienswijzeverzoek__samenwerkingsverband__in=[v.pk for v in verbanden],
                zienswijzeverzoek__uiterste_datum__gte=vandaag,
            )
        )
        .met_actuele_status(vandaag)
        .filter(actuele_status__in=OPEN_STATUSSEN)
        .select_related("gemeente", "zienswijzeverzoek")
        .order_by(
            "zienswijzeverzoek__uiterste_datum", "zienswijzeverzoek__onderwerp", "gemeente__naam"
        )
    )
