"""The raad's calendar: the page, the iCalendar feed, the zienswijzen of a gemeente and one
zienswijzeverzoek with every raad. Thin shells around raad.kalender and raad.vergaderingen."""

import datetime

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from regioreg.collation import sort_key
from samenwerking.periode import geeindigd
from samenwerking.tekst import datum_tekst

from . import rechten
from .adressen import verband_adres
from .constants import OPEN_STATUSSEN, ZienswijzeStatus
from .forms import VerbandFilterForm, ZienswijzenFilterForm, geldige_waarden
from .ical import kalender_ics
from .kalender import kalender_van_gemeente, zienswijzen_van_gemeente
from .models import Zienswijzeverzoek
from .vergaderingen import besluitmoment_van, raden_van_zienswijzeverzoek
from .views import _gemeente, _opvolgers

# The page looks a year back (for overdue zienswijzen) and a year ahead; the feed also keeps
# the past year and looks two years ahead, so that next year's P&C cycle is in it.
TERUG = datetime.timedelta(days=365)
VOORUIT_PAGINA = datetime.timedelta(days=365)
VOORUIT_FEED = datetime.timedelta(days=2 * 365)


def _filter(form_class, request):
    """The valid filters, also when another one is refused (as raad.views._peilmoment): a bad
    status keeps the chosen arrangement."""
    form = form_class(request.GET or None)
    return form, geldige_waarden(form)


def _verband_van_gemeente(form, waarden: dict, verbanden, fout: str) -> int:
    """Refuse a chosen arrangement that is not one of `verbanden` (a forged or stale kenmerk)
    with `fout`; the page then shows all of them. The page's status: 400 on any error."""
    gekozen = waarden.get("verband")
    if gekozen and all(v.uuid != gekozen for v in verbanden):
        form.add_error("verband", fout)  # also drops it from the form's cleaned_data
        waarden.pop("verband", None)
    return 400 if form.errors else 200


def _kalender(gemeente, form, waarden: dict, *, vooruit: datetime.timedelta):
    """The gemeente's calendar from a year back to VOORUIT ahead, for the chosen arrangement
    (one the gemeente takes part in then; any other is refused on the form), and the status."""
    vandaag = timezone.localdate()
    kalender = kalender_van_gemeente(
        gemeente,
        vandaag=vandaag,
        van=vandaag - TERUG,
        tot=vandaag + vooruit,
        verband_uuid=waarden.get("verband"),
    )
    fout = _(
        "Samenwerkingsverband: %(gemeente)s neemt in deze periode niet deel aan het gekozen "
        "verband; kies er een uit de lijst."
    ) % {"gemeente": gemeente.naam}
    return kalender, _verband_van_gemeente(form, waarden, kalender.verbanden, fout)


def _opgeheven(gemeente, vandaag: datetime.date) -> bool:
    """Has the gemeente gone up in another by `vandaag`? Then there is no raad and no calendar:
    the page and the feed point to its successors instead."""
    return geeindigd(vandaag, gemeente.einddatum)


def _adres(naam: str, gemeente, waarden: dict) -> str:
    """The address of the calendar page or feed, for the chosen arrangement if there is one:
    the page links the feed of what it shows, the feed the page of what it holds."""
    adres = reverse(naam, args=[gemeente.cbs_code])
    return f"{adres}?verband={waarden['verband']}" if waarden.get("verband") else adres


def gemeente_kalender(request, cbs_code: str):
    """Upcoming and overdue deadlines of the raad, per arrangement if asked, with the feed."""
    gemeente = _gemeente(cbs_code)
    form, waarden = _filter(VerbandFilterForm, request)
    kalender, status = _kalender(gemeente, form, waarden, vooruit=VOORUIT_PAGINA)
    feed_url = request.build_absolute_uri(_adres("raad:kalender-ics", gemeente, waarden))
    context = {
        "gemeente": gemeente,
        "form": form,
        "kalender": kalender,
        "opgeheven": _opgeheven(gemeente, kalender.vandaag),
        "gekozen_verband": str(waarden.get("verband") or ""),
        "feed_url": feed_url,
        "webcal_url": "webcal://" + feed_url.split("://", 1)[1],
        "opvolgers": _opvolgers(gemeente),
    }
    return render(request, "raad/kalender.html", context, status=status)


def gemeente_kalender_ics(request, cbs_code: str):
    """The same calendar as an iCalendar feed (text/calendar) to subscribe to."""
    gemeente = _gemeente(cbs_code)
    if _opgeheven(gemeente, timezone.localdate()):
        # No raad, no calendar: an agenda shows a failed subscription with where to go, not
        # an empty feed that looks as if nothing were due.
        tekst = _(
            "%(naam)s bestaat niet meer (opgeheven per %(datum)s) en heeft geen kalender."
        ) % {
            "naam": gemeente.naam,
            "datum": datum_tekst(gemeente.einddatum),
        }
        for opvolger in _opvolgers(gemeente):
            tekst += " " + _("Abonneer u op de kalender van %(naam)s: %(adres)s") % {
                "naam": opvolger.naam,
                "adres": request.build_absolute_uri(
                    reverse("raad:kalender-ics", args=[opvolger.cbs_code])
                ),
            }
        return HttpResponse(tekst, status=410, content_type="text/plain; charset=utf-8")
    form, waarden = _filter(VerbandFilterForm, request)
    kalender, status = _kalender(gemeente, form, waarden, vooruit=VOORUIT_FEED)
    if status != 200:  # an agenda shows a failed subscription, not a feed of something else
        fouten = " ".join(str(fout) for fouten in form.errors.values() for fout in fouten)
        return HttpResponse(fouten, status=status, content_type="text/plain; charset=utf-8")
    inhoud = kalender_ics(
        kalender,
        gegenereerd=timezone.now(),
        basis_url=request.build_absolute_uri(_adres("raad:kalender", gemeente, waarden)),
        # As the calendar page links them: with the gemeente, for the way back to its pages.
        verband_url=lambda v: request.build_absolute_uri(
            f"{verband_adres(v, gemeente=gemeente)}#kalender"
        ),
        verband=next((v for v in kalender.verbanden if v.uuid == waarden.get("verband")), None),
    )
    antwoord = HttpResponse(inhoud, content_type="text/calendar; charset=utf-8")
    antwoord["Content-Disposition"] = f'inline; filename="regioreg-{gemeente.cbs_code}.ics"'
    return antwoord


def gemeente_zienswijzen(request, cbs_code: str):
    """Every zienswijze of the raad with its status as it reads today."""
    gemeente = _gemeente(cbs_code)
    form, waarden = _filter(ZienswijzenFilterForm, request)
    vandaag = timezone.localdate()
    alle = list(zienswijzen_van_gemeente(gemeente, vandaag=vandaag))
    for zienswijze in alle:  # when the raad must decide, for a zienswijze still open
        zienswijze.besluitmoment = (
            besluitmoment_van(zienswijze) if zienswijze.actuele_status in OPEN_STATUSSEN else None
        )
    verbanden = {z.zienswijzeverzoek.samenwerkingsverband for z in alle}
    status = _verband_van_gemeente(
        form,
        waarden,
        verbanden,
        _(
            "Samenwerkingsverband: de raad van %(gemeente)s heeft geen zienswijzeverzoek van "
            "het gekozen verband; kies er een uit de lijst."
        )
        % {"gemeente": gemeente.naam},
    )
    zienswijzen = [
        z
        for z in alle
        if (
            not waarden.get("verband")
            or z.zienswijzeverzoek.samenwerkingsverband.uuid == waarden["verband"]
        )
        and (not waarden.get("status") or z.actuele_status == waarden["status"])
    ]
    context = {
        "gemeente": gemeente,
        "form": form,
        "zienswijzen": zienswijzen,
        "aantal_totaal": len(alle),
        "verbanden": sorted(verbanden, key=lambda v: sort_key(v.naam)),
        "statussen": ZienswijzeStatus.choices,
        "gekozen_verband": str(waarden.get("verband") or ""),
        "gekozen_status": waarden.get("status", ""),
        "vandaag": vandaag,
        "mag_beheren": rechten.mag_gemeente_beheren(request.user, gemeente),
        "opvolgers": _opvolgers(gemeente),
    }
    return render(request, "raad/zienswijzen.html", context, status=status)


def zienswijzeverzoek_detail(request, uuid):
    """One request to the raden: every participating raad with its status, its decision date,
    its zienswijze and the board's reaction, and the counts. Public (Wgr art. 27 lid 3)."""
    try:
        verzoek = Zienswijzeverzoek.objects.select_related("samenwerkingsverband").get(uuid=uuid)
    except Zienswijzeverzoek.DoesNotExist:
        raise Http404(
            _("Er is geen zienswijzeverzoek met kenmerk %(uuid)s.") % {"uuid": uuid}
        ) from None
    overzicht = raden_van_zienswijzeverzoek(verzoek, vandaag=timezone.localdate())
    context = {"verzoek": verzoek, "o": overzicht}
    return render(request, "raad/zienswijzeverzoek.html", context)
