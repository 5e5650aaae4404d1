"""The calendar of a gemeente as an iCalendar feed (RFC 5545) that Outlook, Google Calendar
and Apple Calendar can subscribe to.

Every entry is an all-day event on the last day on which something is on time. Its UID comes
from the regeling, the rule and the year (or the zienswijze), never from the date, so an entry
whose date moves is updated in the subscriber's calendar instead of duplicated.
"""

import datetime

from django.utils.translation import gettext as _
from icalendar import Calendar, Event, vDuration, vText

from .kalender import Kalender, Kalenderpunt

PRODID = "-//regioreg//Kalender van de raad//NL"
VERVERSEN = datetime.timedelta(hours=12)
CATEGORIE = {
    "termijn": "P&C-termijn",
    "zienswijze": "Zienswijze",
    "raadsbesluit": "Zienswijze",
    "evaluatie": "Evaluatie",
    "vergadering": "Vergadering",
    "raadsvergadering": "Raadsvergadering",
}


def _event(punt: Kalenderpunt, *, gegenereerd: datetime.datetime, url: str) -> Event:
    """`url`: the arrangement's page, or the calendar page for the raad's own meetings."""
    verband = punt.verband
    regels = [punt.uitleg] if punt.uitleg else []
    if punt.dagnotitie:
        regels.append(punt.dagnotitie)
    if punt.status:
        regels.append(_("Status: %(status)s.") % {"status": punt.status})
    if punt.artikel:
        regels.append(_("Bron: %(artikel)s.") % {"artikel": punt.artikel})
    regels += [f"{label}: {adres}" for label, adres in punt.links]
    regels.append(f"{verband.naam}: {url}" if verband else url)
    event = Event()
    event.add("uid", punt.uid)
    event.add("dtstamp", gegenereerd)
    event.add("dtstart", punt.datum)
    event.add("dtend", punt.datum + datetime.timedelta(days=1))
    event.add(
        "summary",
        f"{punt.titel} – {verband.afkorting or verband.naam}" if verband else punt.titel,
    )
    event.add("description", "\n".join(regels))
    event.add("url", url)
    event.add("categories", [CATEGORIE[punt.soort]])
    # A deadline does not make anyone busy; a meeting does.
    vergadering = punt.soort in ("vergadering", "raadsvergadering")
    event.add("transp", "OPAQUE" if vergadering else "TRANSPARENT")
    event.add("status", "TENTATIVE" if punt.afgeleid else "CONFIRMED")
    return event


def kalender_ics(
    kalender: Kalender,
    *,
    gegenereerd: datetime.datetime,
    basis_url: str,
    verband_url,
    verband=None,
) -> bytes:
    """The feed as bytes. `gegenereerd` is the DTSTAMP of every event (UTC); `basis_url` is the
    calendar page; `verband_url(verband)` gives the absolute address of an arrangement's page,
    linked from each event. `verband`: the one arrangement the feed is of, named in the
    calendar's name so that it stands apart from the whole calendar in an agenda."""
    gegenereerd = gegenereerd.astimezone(datetime.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    naam = _("regioreg: kalender van de raad van %(gemeente)s") % {
        "gemeente": kalender.gemeente.naam
    }
    if verband is not None:
        naam += f" – {verband.afkorting or verband.naam}"
    # As text (RFC 5545 3.3.11: `,` `;` `\\` escaped): icalendar writes these names and the
    # description verbatim otherwise, and a "," in an arrangement's name split the value.
    cal.add("name", vText(naam))
    cal.add("x-wr-calname", vText(naam))
    cal.add(
        "x-wr-caldesc",
        vText(
            _("P&C-termijnen, zienswijzen, evaluaties en vergaderingen voor de raad; zie %(url)s")
            % {"url": basis_url}
        ),
    )
    cal.add("refresh-interval", vDuration(VERVERSEN), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", vDuration(VERVERSEN))
    for punt in kalender.punten:
        url = verband_url(punt.verband) if punt.verband else basis_url
        cal.add_component(_event(punt, gegenereerd=gegenereerd, url=url))
    return cal.to_ical()
