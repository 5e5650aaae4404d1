"""Council-facing pages: thin shells around the samenwerking selectors."""

import datetime
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from samenwerking.geschiedenis import laatst_gewijzigd_in_regioreg
from samenwerking.models import Gemeente, Samenwerkingsverband
from samenwerking.peilmoment import peilmoment
from samenwerking.selectors import (
    art27_register,
    bladeren,
    bron_omschrijving,
    deelnames_per_groep,
    deelnames_van_gemeente,
    gemeenten_bedoeld,
    gemeenten_zoeken,
    herkomst_van_het_register,
    kosten_per_deelnemer,
    kostentotalen,
    landelijke_cijfers,
    met_hoofdthemas,
    met_inwonertal,
    partners_van_gemeente,
    per_inwoner_naast_anderen,
    registerstand,
    samenwerkingsverband_overzicht,
    samenwerkingsverbanden_zoeken,
    spreiding,
    zoekhulp,
)
from samenwerking.tekst import datum_tekst
from toegang import rechten

from . import exports, gemeentelijst, grafieken
from . import rechten as raad_rechten
from .adressen import gemeente_adressen, terug_naar_gemeente, verband_adressen
from .constants import PC_VORMEN
from .forms import (
    INDELINGEN,
    ExportForm,
    GemeenteForm,
    PeildatumForm,
    PeilForm,
    RegisterForm,
    ZoekForm,
    geldige_waarden,
)
from .kalender import besluitmomenten_van_raad, neemt_deel_op, verbandkalender
from .parameters import (
    BESTANDSFORMATEN,
    MEDIATYPEN,
    Formaat,
    kolommen_parameter,
    lijst_parameters,
)
from .selectors import verbonden_partijen
from .sturing_selectors import kaders_van_gemeente, met_kadervlag, sturing_van_verband
from .templatetags.regioreg import euro_cent
from .termijnen import pc_termijnen
from .vergelijking import begroting_en_rekening

ZOEKRESULTATEN_PER_PAGINA = 20


def _peilmoment(request, formulier=PeilForm) -> tuple[PeilForm, datetime.date, int, int]:
    """Peildatum and jaar from the query string; on bad input the form carries the errors and
    that parameter falls back to today or its year (status 400); the others still count. A
    page that shows no money asks only for the peildatum (PeildatumForm): a jaar it would not
    show cannot make it a 400."""
    form = formulier(request.GET or None)
    # Each valid parameter counts even when another one is refused: a bad jaar keeps the
    # peildatum and the filters the visitor chose.
    gegevens = geldige_waarden(form)
    peildatum, jaar = peilmoment(gegevens.get("peildatum"), gegevens.get("jaar"))
    return form, peildatum, jaar, 400 if form.errors else 200


def _gemeente(
    cbs_code: str, *, inwonertal_van: int | None = None, kadervlag: bool = False
) -> Gemeente:
    """The gemeente with its provincie; with `inwonertal_van` (a year) also its inwonertal of
    that year, so that `kostentotalen` needs no query of its own; with `kadervlag` whether
    it has kaders, so that `kaders_van_gemeente` needs none when it has not."""
    gemeenten = Gemeente.objects.select_related("provincie")
    if inwonertal_van is not None:
        gemeenten = met_inwonertal(gemeenten, jaar=inwonertal_van)
    if kadervlag:
        gemeenten = met_kadervlag(gemeenten)
    try:
        return gemeenten.get(cbs_code=cbs_code)
    except Gemeente.DoesNotExist:
        raise Http404(
            _("Er is geen gemeente met CBS-code %(code)s.") % {"code": cbs_code}
        ) from None


def _opvolgers(gemeente: Gemeente) -> list[Gemeente]:
    return list(gemeente.opvolgers.order_by("naam")) if gemeente.einddatum else []


def _overzicht(uuid=None, *, slug=None, peildatum: datetime.date, jaar: int):
    try:
        return samenwerkingsverband_overzicht(uuid, slug=slug, peildatum=peildatum, jaar=jaar)
    except Samenwerkingsverband.DoesNotExist:
        if slug:
            raise Http404(
                _("Er is geen samenwerkingsverband met het adres %(slug)s. Zoek het op naam.")
                % {"slug": slug}
            ) from None
        raise Http404(
            _("Er is geen samenwerkingsverband met kenmerk %(uuid)s.") % {"uuid": uuid}
        ) from None


def _zoekadres(zoekterm: str, pagina: int) -> str:
    """The start page's address of one page of the search results."""
    return f"?{urlencode({'q': zoekterm, 'pagina': pagina})}"


def start(request):
    """Search a gemeente or an arrangement; national figures of the register."""
    vandaag = timezone.localdate()
    form = ZoekForm(request.GET or None)
    gegevens = geldige_waarden(form)
    zoekterm = (gegevens.get("q") or "").strip()
    gemeenten = gemeenten_zoeken(zoekterm, peildatum=vandaag) if zoekterm else []
    verbanden = samenwerkingsverbanden_zoeken(zoekterm, peildatum=vandaag) if zoekterm else []
    if len(gemeenten) == 1 and not verbanden and gemeenten[0].is_actief_op(vandaag):
        return redirect("raad:gemeente", cbs_code=gemeenten[0].cbs_code)
    # One list, gemeenten first, in pages of ZOEKRESULTATEN_PER_PAGINA.
    paginator = Paginator(
        [*(("gemeente", g) for g in gemeenten), *(("verband", v) for v in verbanden)],
        ZOEKRESULTATEN_PER_PAGINA,
    )
    nummer = gegevens.get("pagina") or 1
    if nummer > paginator.num_pages:
        form.add_error(
            "pagina",
            ngettext(
                "Pagina: er is maar %(n)s pagina. Getoond: de laatste.",
                "Pagina: er zijn maar %(n)s pagina's. Getoond: de laatste.",
                paginator.num_pages,
            )
            % {"n": paginator.num_pages},
        )
    pagina = paginator.get_page(nummer)
    # Nothing found: the gemeenten a typing error away, else the term with its words put right
    # or its words one by one (`zoekhulp`).
    niets = bool(zoekterm) and not paginator.count
    bedoeld = gemeenten_bedoeld(zoekterm) if niets else []
    context = {
        "form": form,
        "zoekterm": zoekterm,
        "gemeenten": gemeenten,
        "verbanden": verbanden,
        "pagina": pagina,
        "pagina_gemeenten": [g for soort, g in pagina if soort == "gemeente"],
        "pagina_verbanden": [v for soort, v in pagina if soort == "verband"],
        "bedoeld": bedoeld,
        "zoekhulp": zoekhulp(zoekterm, peildatum=vandaag) if niets and not bedoeld else None,
        "vorige": _zoekadres(zoekterm, pagina.number - 1),
        "volgende": _zoekadres(zoekterm, pagina.number + 1),
        "paginas": [
            (n, _zoekadres(zoekterm, n) if isinstance(n, int) else None)
            for n in paginator.get_elided_page_range(pagina.number, on_each_side=2, on_ends=1)
        ],
        "cijfers": landelijke_cijfers(peildatum=vandaag),
        "herkomst": herkomst_van_het_register(),
        "stand": registerstand(),
        "vandaag": vandaag,
    }
    return render(request, "raad/start.html", context, status=400 if form.errors else 200)


def _domeinen_per_hoofdthema(domeinen) -> list:
    """A verband's domeinen per hoofdthema (bladeren.per_hoofdthema), each hoofdthema the
    register has a link to its page, also when the verband is filed only under its
    subthema's (one query then)."""
    domeinen = list(domeinen)
    bij_naam = met_hoofdthemas(domeinen)
    return [
        (naam, bij_naam.get(naam), subthemas)
        for naam, _hoofd, subthemas in bladeren.per_hoofdthema(domeinen)
    ]


def _met_domeinadres(groepen: list, adressen: dict[str, str]) -> list:
    """`groepen` with the address of each one a domein's name (`adres`), for its link."""
    return [{**groep, "adres": adressen.get(groep["naam"], "")} for groep in groepen]


def gemeente_overzicht(request, cbs_code: str):
    """Every arrangement a gemeente is in on a peildatum, with representatives and costs;
    filtered, sorted and grouped with subtotals as the visitor chose (raad.gemeentelijst)."""
    form, peildatum, jaar, _status = _peilmoment(request, GemeenteForm)
    gemeente = _gemeente(cbs_code, inwonertal_van=jaar, kadervlag=True)
    gegevens = geldige_waarden(form)
    alle = deelnames_van_gemeente(gemeente, peildatum=peildatum, jaar=jaar)
    gelezen = [d for rij in alle for d in rij.samenwerkingsverband.gelezen_domeinen]
    domeinen = gemeentelijst.domeinkeuzes(met_hoofdthemas(gelezen).values())
    if gegevens.get("domein") and gegevens["domein"] not in domeinen:
        form.add_error(
            "domein",
            _("Domein: %(gemeente)s heeft op deze peildatum geen verband in „%(domein)s”.")
            % {"gemeente": gemeente.naam, "domein": gegevens["domein"]},
        )
    keuzes = gemeentelijst.Lijstkeuzes(
        peildatum=peildatum,
        jaar=jaar,
        indeling=gegevens.get("indeling") or "vorm",
        karakter=gegevens.get("karakter", ""),
        domein=gegevens.get("domein", ""),
        vorm=gegevens.get("vorm", ""),
        verbonden_partij=gegevens.get("verbonden_partij", ""),
        sorteer=gegevens.get("sorteer") or "naam",
    )
    deelnames = gemeentelijst.gesorteerd(
        [d for d in alle if gemeentelijst.past(d, keuzes, domeinen.get(keuzes.domein))],
        keuzes.sorteer,
    )
    verbanden = list(
        {d.samenwerkingsverband_id: d.samenwerkingsverband for d in deelnames}.values()
    )
    # Both tables link each arrangement with this gemeente, peildatum and jaar: the link is
    # made once per arrangement here, not once per table row in the template (reverse()
    # and the date filter were a tenth of the page's rendering).
    peilquery = urlencode({"peildatum": peildatum.isoformat(), "jaar": jaar})
    adressen = verband_adressen(verbanden, gemeente=gemeente)
    for verband in verbanden:
        verband.link_vanaf_gemeente = f"{adressen[verband.pk]}&{peilquery}"
    # What each row shows in words (labels, links, representatives), once per page.
    gemeentelijst.rijweergaven(deelnames, gemeente=gemeente, peilquery=peilquery)
    naast = per_inwoner_naast_anderen(gemeente.pk, [v.pk for v in verbanden], jaar=jaar)
    # A group per domein (hoofdthema) links the page that compares its regelingen.
    vergelijk = {
        keuze.domein.naam: f"{reverse('raad:domein', args=[code])}?jaar={jaar}"
        for code, keuze in domeinen.items()
    }
    cijfers_naast = [naast.get(v.pk) for v in verbanden]
    context = {
        "naast_anderen": gemeentelijst.naast_anderen(verbanden, naast),
        "grafiek_naast_anderen": grafieken.staafgrafiek(
            [v.naam for v in verbanden],
            [
                (gemeente.naam, [n.eigen_per_inwoner if n else None for n in cijfers_naast]),
                (
                    _("Mediaan van de andere gemeenten"),
                    [n.anderen.mediaan if n else None for n in cijfers_naast],
                ),
            ],
            opmaak=euro_cent,
        ),
        "gemeente": gemeente,
        "form": form,
        "peildatum": peildatum,
        "jaar": jaar,
        "peilquery": peilquery,
        "keuzes": keuzes,
        "indeling": keuzes.indeling,
        "indelingen": [(code, label, keuzes.adres(indeling=code)) for code, label in INDELINGEN],
        "karakter": keuzes.karakter,
        "domeinkeuzes": [(code, keuze.label) for code, keuze in domeinen.items()],
        "filters": gemeentelijst.filteromschrijving(keuzes, domeinen),
        "alle_filters_weg": keuzes.adres(karakter="", domein="", vorm="", verbonden_partij=""),
        "sorteerkoppen": gemeentelijst.sorteerkoppen(keuzes),
        "sortering": gemeentelijst.sorteeromschrijving(keuzes.sorteer),
        "aantal_alle": len(alle),
        "deelnames": deelnames,
        "groepen": _met_domeinadres(
            gemeentelijst.groepen(deelnames, keuzes.indeling),
            vergelijk if keuzes.indeling == "domein" else {},
        ),
        "analyse": [
            (_("Per motief"), deelnames_per_groep(deelnames, per="motief"), _("Motief")),
            (
                _("Per domein"),
                _met_domeinadres(deelnames_per_groep(deelnames, per="domein"), vergelijk),
                _("Domein"),
            ),
        ],
        "totalen": kostentotalen(gemeente, alle, jaar=jaar),
        "opvolgers": _opvolgers(gemeente),
        "exportform": ExportForm(),
        "kaders_per_verband": kaders_van_gemeente(gemeente),
        # The griffie of this gemeente (or a beheerder) gets links to enter its kaders; a
        # visitor without an account is none (not asked: the question costs a query build).
        "mag_kaders_beheren": request.user.is_authenticated
        and raad_rechten.mag_gemeente_beheren(request.user, gemeente),
    }
    status = 400 if form.errors else 200
    return render(request, "raad/gemeente.html", context, status=status)


def gemeente_vertegenwoordigers(request, cbs_code: str):
    """Who represents the gemeente on a peildatum: each person with all their seats across
    the regelingen (bestuursorgaan, rol, since when)."""
    gemeente = _gemeente(cbs_code)
    form, peildatum, _jaar, status = _peilmoment(request, PeildatumForm)
    deelnames = deelnames_van_gemeente(gemeente, peildatum=peildatum)
    personen = gemeentelijst.vertegenwoordigers(deelnames)
    context = {
        "gemeente": gemeente,
        "form": form,
        "peildatum": peildatum,
        "personen": personen,
        "aantal_zetels": sum(len(p.zetels) for p in personen),
        "zonder_vertegenwoordiger": [d for d in deelnames if not d.vertegenwoordigers],
        "opvolgers": _opvolgers(gemeente),
    }
    return render(request, "raad/vertegenwoordigers.html", context, status=status)


def _download(inhoud: bytes, formaat: str, naam: str) -> HttpResponse:
    antwoord = HttpResponse(inhoud, content_type=MEDIATYPEN[formaat])
    antwoord["Content-Disposition"] = f'attachment; filename="{naam}.{formaat}"'
    return antwoord


def gemeente_register(request, cbs_code: str):
    """The art. 27 register of a gemeente: exactly the legal items per regeling; as a page
    or, with ?formaat=, as a file."""
    gemeente = _gemeente(cbs_code)
    form, peildatum, _jaar, status = _peilmoment(request, RegisterForm)
    regelingen = list(art27_register(gemeente, peildatum=peildatum))
    formaat = form.cleaned_data["formaat"] if status == 200 and form.is_bound else None
    if formaat and formaat != Formaat.HTML:
        inhoud = exports.register_bestand(gemeente, regelingen, formaat, peildatum=peildatum)
        return _download(inhoud, formaat, f"register-art27-{gemeente.cbs_code}-{peildatum}")
    context = {
        "gemeente": gemeente,
        "form": form,
        "peildatum": peildatum,
        "regelingen": regelingen,
        "opvolgers": _opvolgers(gemeente),
        "formaten": BESTANDSFORMATEN,
    }
    return render(request, "raad/register.html", context, status=status)


def gemeente_verbonden_partijen(request, cbs_code: str):
    """The yearly verbonden-partijen list (BBV art. 15): printable page or file."""
    gemeente = _gemeente(cbs_code)
    form = ExportForm(request.GET or None)
    # Each valid parameter counts even when another one is refused, as on every page: a bad
    # formaat keeps the jaar the visitor chose.
    gegevens = geldige_waarden(form)
    jaar, modus = lijst_parameters(gegevens)
    # A file only for a request without errors: a refused jaar never downloads another year.
    formaat = Formaat.HTML if form.errors else gegevens.get("formaat") or Formaat.HTML
    kolommen = kolommen_parameter(gegevens)
    lijst = verbonden_partijen(gemeente, jaar=jaar, modus=modus, kolommen=kolommen)
    if formaat != Formaat.HTML:
        inhoud = exports.verbonden_partijen_bestand(lijst, formaat)
        return _download(inhoud, formaat, lijst.bestandsnaam)
    context = {
        "gemeente": gemeente,
        "form": form,
        "exportform": form,
        "lijst": lijst,
        "jaar": jaar,
        "modus": modus,
        "kolommen": kolommen,
        "opvolgers": _opvolgers(gemeente),
    }
    return render(
        request, "raad/verbonden_partijen.html", context, status=400 if form.errors else 200
    )


def gemeente_partners(request, cbs_code: str):
    """The gemeenten this gemeente shares most arrangements with, and in which."""
    gemeente = _gemeente(cbs_code)
    form, peildatum, _jaar, status = _peilmoment(request, PeildatumForm)
    eigen = gemeente.deelnames.actief_op(peildatum).count()
    context = {
        "gemeente": gemeente,
        "form": form,
        "peildatum": peildatum,
        "aantal_eigen": eigen,
        "partners": partners_van_gemeente(gemeente, peildatum=peildatum),
        "opvolgers": _opvolgers(gemeente),
    }
    return render(request, "raad/partners.html", context, status=status)


def oplegger(request, cbs_code: str, uuid):
    """One A4 page about one arrangement for one gemeente: what it is, who represents the
    gemeente, what it costs this year and last year, its equity and risks."""
    gemeente = _gemeente(cbs_code)
    form, peildatum, jaar, status = _peilmoment(request)
    overzicht = _overzicht(uuid, peildatum=peildatum, jaar=jaar)
    eigen = [d for d in overzicht.deelnames if d.gemeente_id == gemeente.pk]
    if not eigen:
        raise Http404(
            _("%(gemeente)s neemt niet deel aan %(verband)s.")
            % {"gemeente": gemeente.naam, "verband": overzicht.verband.naam}
        )
    vertegenwoordigers = [
        (orgaan, zetel)
        for orgaan in overzicht.organen
        for zetel in orgaan.zetels_op_peildatum
        if zetel.deelname and zetel.deelname.gemeente_id == gemeente.pk
    ]
    kalender = verbandkalender(overzicht.verband, jaar=jaar, vandaag=peildatum)
    context = {
        "gemeente": gemeente,
        "o": overzicht,
        "verband": overzicht.verband,
        "form": form,
        "peildatum": peildatum,
        "jaar": jaar,
        "deelname": max(eigen, key=lambda d: d.toetredingsdatum or datetime.date.min),
        "vertegenwoordigers": vertegenwoordigers,
        # The arrangement's figures of the year whose bijdrage is shown (its jaarrekening
        # before its begroting), else of the latest year before it; never a later year's.
        "cijfers": next((c for c in reversed(overzicht.jaarcijfers) if c.jaar <= jaar), None),
        "neemt_deel": neemt_deel_op(peildatum, overzicht.verband, eigen),
        "heeft_pc_cyclus": overzicht.verband.vorm in PC_VORMEN,
        # The next moments the raad can act on: P&C termijnen of the budget years running now,
        # from last year's (its jaarrekening is due this year) on, while the gemeente takes
        # part (as in its calendar).
        "komende_termijnen": [
            t
            for t in pc_termijnen(
                [overzicht.verband], range(peildatum.year - 1, peildatum.year + 3)
            )
            if t.datum >= peildatum and neemt_deel_op(t.datum, overzicht.verband, eigen)
        ][:5],
        "kalender": kalender,
        # The coming meetings of the regeling and when this raad must decide on its open
        # zienswijzen (one query).
        "komende_vergaderingen": [v for v in kalender.vergaderingen if v.datum >= peildatum],
        "besluitmomenten": besluitmomenten_van_raad(gemeente, overzicht.verband, vandaag=peildatum),
        "sturing": sturing_van_verband(overzicht.verband, overzicht.jaarcijfers, gemeente=gemeente),
    }
    return render(request, "raad/oplegger.html", context, status=status)


def samenwerkingsverband_op_kenmerk(request, uuid):
    """The arrangement's permanent UUID address: a permanent redirect to its readable
    address (with the same query string); a row without one is shown here."""
    slug = Samenwerkingsverband.objects.filter(uuid=uuid).values_list("slug", flat=True).first()
    if slug:
        adres = reverse("raad:samenwerkingsverband_adres", args=[slug])
        query = request.META.get("QUERY_STRING", "")
        return HttpResponsePermanentRedirect(f"{adres}?{query}" if query else adres)
    return samenwerkingsverband_detail(request, uuid=uuid)


def _tabeltekst(overzicht) -> None:
    """The period of each deelname and the start of each seat as the tables show them
    (`periode`, `sinds`): each date written once per page, however many rows share it
    (most members joined on the same day; the date filter per row was the costliest cell).
    Likewise the translated choice labels of each row (`rol_tekst`, `organen_tekst`,
    `functie_tekst`, the jaarcijfers' `kop`): each distinct value translated once, not once
    per cell."""
    teksten: dict[datetime.date, str] = {}
    labels: dict[tuple, str] = {}

    def eenmaal(sleutel: tuple, maak) -> str:
        if sleutel not in labels:
            labels[sleutel] = maak()
        return labels[sleutel]

    def datum(d: datetime.date | None, zonder: str) -> str:
        if d is None:
            return zonder
        if d not in teksten:
            teksten[d] = datum_tekst(d)
        return teksten[d]

    onbekend, heden = _("onbekend"), _("heden")
    for deelname in overzicht.deelnames:
        begin = datum(deelname.toetredingsdatum, onbekend)
        deelname.periode = f"{begin} – {datum(deelname.uittredingsdatum, heden)}"
        deelname.rol_tekst = eenmaal(("deelname", deelname.rol), deelname.get_rol_display)
        deelname.organen_tekst = eenmaal(
            ("organen", *deelname.deelnemende_bestuursorganen),
            lambda d=deelname: ", ".join(d.deelnemende_bestuursorganen_labels) or onbekend,
        )
    for orgaan in overzicht.organen:
        for zetel in orgaan.zetels_op_peildatum:
            zetel.sinds = datum(zetel.begindatum, onbekend)
            zetel.functie_tekst = eenmaal(("functie", zetel.functie), zetel.get_functie_display)
            zetel.rol_tekst = eenmaal(("zetel", zetel.rol), zetel.get_rol_display)
    # The heading of each year's figures ("2025 begroting"), in the table, its notes and the
    # chart.
    for cijfers in overzicht.jaarcijfers:
        soort = eenmaal(("jaarcijfers", cijfers.soort), cijfers.get_soort_display)
        cijfers.kop = f"{cijfers.jaar} {soort.lower()}"


def samenwerkingsverband_detail(request, slug=None, *, uuid=None):
    """One arrangement: what it is, who is in it, who sits where, money, documents. With
    ?gemeente= (the CBS code of one of its deelnemers, also a former one) the breadcrumb
    leads back to that gemeente's page."""
    form, peildatum, jaar, status = _peilmoment(request)
    overzicht = _overzicht(uuid, slug=slug, peildatum=peildatum, jaar=jaar)
    herkomstgemeente = terug_naar_gemeente(request, overzicht.deelnames)
    # The deelnemers with a known bijdrage in the year; a real € 0 is known and drawn.
    deelnemers_in_jaar = [
        d
        for d in overzicht.deelnames
        if d.bijdrage_begroot is not None or d.bijdrage_gerealiseerd is not None
    ]
    per_inwoner = kosten_per_deelnemer([overzicht.verband.pk], jaar=jaar).get(
        overzicht.verband.pk, []
    )
    _tabeltekst(overzicht)
    # Both tables link each gemeente: its address made here, not per row in the template
    # (reverse() per row was a tenth of the page's rendering), and reversed once for all.
    gemeente_adres = gemeente_adressen(
        {d.gemeente.cbs_code for d in overzicht.deelnames if d.gemeente}
        | {r.cbs_code for r in per_inwoner}
    )
    for deelname in overzicht.deelnames:
        if deelname.gemeente:
            deelname.gemeente_adres = gemeente_adres[deelname.gemeente.cbs_code]
    naast_elkaar = begroting_en_rekening(overzicht.jaarcijfers)
    context = {
        "begroting_en_rekening": naast_elkaar,
        "grafiek_resultaat": grafieken.staafgrafiek(
            [str(r.jaar) for r in naast_elkaar],
            [
                (_("Resultaat begroting"), [r.begroting_resultaat for r in naast_elkaar]),
                (_("Resultaat jaarrekening"), [r.rekening_resultaat for r in naast_elkaar]),
            ],
        ),
        "per_inwoner": [(r, f"{gemeente_adres[r.cbs_code]}?jaar={jaar}") for r in per_inwoner],
        "spreiding_begroot": spreiding(r.begroot_per_inwoner for r in per_inwoner),
        "spreiding_gerealiseerd": spreiding(r.gerealiseerd_per_inwoner for r in per_inwoner),
        "grafiek_per_inwoner": grafieken.staafgrafiek(
            [r.naam for r in per_inwoner],
            [
                (_("Begroot per inwoner"), [r.begroot_per_inwoner for r in per_inwoner]),
                (_("Gerealiseerd per inwoner"), [r.gerealiseerd_per_inwoner for r in per_inwoner]),
            ],
            opmaak=euro_cent,
        ),
        "o": overzicht,
        "verband": overzicht.verband,
        "domeinen": _domeinen_per_hoofdthema(overzicht.verband.domeinen.all()),
        "form": form,
        "peildatum": peildatum,
        "jaar": jaar,
        "herkomstgemeente": herkomstgemeente,
        "laatst_gewijzigd": laatst_gewijzigd_in_regioreg(overzicht.verband),
        "herkomst": bron_omschrijving(overzicht.verband.bron),
        "stand": registerstand() if overzicht.versies else None,
        "mag_bewerken": rechten.mag_wijzigen(request.user, overzicht.verband),
        "kalender": verbandkalender(overzicht.verband, jaar=jaar, vandaag=peildatum),
        "sturing": sturing_van_verband(overzicht.verband, overzicht.jaarcijfers),
        "grafiek_per_jaar": grafieken.staafgrafiek(
            [str(j) for j, _b, _g in overzicht.bijdragen_per_jaar],
            [
                (_("Begroot"), [b for _j, b, _g in overzicht.bijdragen_per_jaar]),
                (_("Gerealiseerd"), [g for _j, _b, g in overzicht.bijdragen_per_jaar]),
            ],
        ),
        "grafiek_per_deelnemer": grafieken.staafgrafiek(
            [str(d.deelnemer) for d in deelnemers_in_jaar],
            [
                (_("Begroot"), [d.bijdrage_begroot for d in deelnemers_in_jaar]),
                (_("Gerealiseerd"), [d.bijdrage_gerealiseerd for d in deelnemers_in_jaar]),
            ],
        ),
        "grafiek_vermogen": grafieken.staafgrafiek(
            [c.kop for c in overzicht.jaarcijfers],
            [
                (
                    _("Eigen vermogen 31 december"),
                    [c.eigen_vermogen_eind for c in overzicht.jaarcijfers],
                ),
                (
                    _("Vreemd vermogen 31 december"),
                    [c.vreemd_vermogen_eind for c in overzicht.jaarcijfers],
                ),
            ],
        ),
    }
    return render(request, "raad/samenwerkingsverband.html", context, status=status)


def niet_gevonden(request, exception):
    """404 with a search box; says what was not found when the view told us (in Dutch)."""
    melding = exception.args[0] if exception and exception.args else None
    context = {"melding": melding if isinstance(melding, str) else None, "form": ZoekForm()}
    return render(request, "404.html", context, status=404)
