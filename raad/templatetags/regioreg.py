import re
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from raad.adressen import verband_adres
from raad.forms import PeilForm, geldige_waarden
from regioreg.sitelinks import beheer_url
from samenwerking.tekst import euro_tekst, nederlands_getal, opsomming, procent_tekst

register = template.Library()


def _cijfertekst(tekst: str) -> SafeString:
    """A figure as the helpers of samenwerking.tekst write it: digits, the Dutch separators,
    spaces and the signs € − + % ( ), never a character HTML must escape. Made a SafeString
    directly (what mark_safe does after its checks for a lazy or callable value, neither of
    which a figure is) so that a page's hundreds of amount cells are not escaped one by one."""
    return SafeString(tekst)


# Where a long Dutch word in a table's narrow column may break (a <wbr>: no character is
# added, so a copied name and its accessible name stay as they are): at the joint of a compound
# after -ings, -heids, -schaps or -teits ("samenwerkings|verband", "vuilverbrandings|
# installatie", "afhankelijkheids|relaties"; not before an e, as in "Groningse"), before
# "samen" and "schap" that take the s ("Belasting|samenwerking", "Werkvoorziening|schap"), and
# in "Vertegen|woordigers". Browsers hyphenate Dutch only with a dictionary, and Chromium on
# Linux has none: one such word kept its column wide enough to push the last column of the
# gemeente page off a laptop's screen.
_AFBREEKPUNT = re.compile(
    r"(?i)(?<=[a-z]{3})(?:ing(?=samen|schap)|(?:ings|heids|schaps|teits)(?=[a-z]{4})(?!e|amen|chap))"
    r"|\bvertegen(?=woord)"
)


@register.filter
def afbreekbaar(tekst: str) -> SafeString:
    """`tekst`, escaped, with a <wbr> at each joint `_AFBREEKPUNT` finds."""
    return SafeString(_AFBREEKPUNT.sub(r"\g<0><wbr>", str(conditional_escape(tekst))))


@register.filter
def euro(bedrag: Decimal | None, onbekend: str | None = None) -> str:
    """€ 1.234.567 in whole euros; `onbekend` when there is no figure (never 0). An empty
    string is what a template gives for a missing object: also onbekend. A table with many
    unknown cells passes the word translated once (`|euro:onbekend`)."""
    if bedrag in (None, ""):
        return _("onbekend") if onbekend is None else onbekend
    return _cijfertekst(euro_tekst(bedrag, 0))


@register.filter
def euro_cent(bedrag: Decimal | None, onbekend: str | None = None) -> str:
    """€ 1.234.567,89; `onbekend` when there is no figure (as `euro`)."""
    if bedrag in (None, ""):
        return _("onbekend") if onbekend is None else onbekend
    return _cijfertekst(euro_tekst(bedrag, 2))


@register.filter
def getal(waarde: int | None) -> str:
    """A whole number with the Dutch thousands dot: 378.121 (inwoners, counts)."""
    return "" if waarde in (None, "") else _cijfertekst(nederlands_getal(Decimal(waarde), 0))


@register.simple_tag
def verschil(nieuw: Decimal | None, oud: Decimal | None) -> str:
    """Change against an earlier figure: `+ € 1.200 (+4,3%)`, `gelijk`, or `onbekend`. The
    amount's spaces do not break; a narrow column puts the percentage on a line of its own."""
    if nieuw is None or oud is None:
        return _("onbekend")
    delta = nieuw - oud
    if not delta.quantize(Decimal(1)):
        return _("gelijk")
    tekst = ("+ " if delta > 0 else "− ") + euro_tekst(abs(delta), 0)
    tekst = tekst.replace(" ", "\u00a0")
    if oud:
        procent = (delta / abs(oud) * 100).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
        tekst += f" ({'+' if procent > 0 else '−'}{nederlands_getal(abs(procent), 1)}%)"
    return _cijfertekst(tekst)


@register.simple_tag
def verschil_begroot(nieuw: Decimal | None, oud: Decimal | None, jaar: int) -> str:
    """The change in a begroot bijdrage from the year before `jaar` (`verschil`); when that is
    unknown, which of the two years has no begroot bijdrage."""
    if nieuw is not None and oud is not None:
        return verschil(nieuw, oud)
    if nieuw is None and oud is None:
        reden = _("geen begrote bijdrage vastgelegd voor %(vorig)s en %(jaar)s")
    elif nieuw is None:
        reden = _("geen begrote bijdrage vastgelegd voor %(jaar)s")
    else:
        reden = _("geen begrote bijdrage vastgelegd voor %(vorig)s")
    uitleg = reden % {"vorig": jaar - 1, "jaar": jaar}
    return format_html('{} <span class="bijschrift">({})</span>', _("onbekend"), uitleg)


@register.simple_tag
def uittreding_teksten() -> dict[str, str]:
    """The fixed texts of raad/_uittreding.html, translated and escaped once per page (as
    `{% translate … as t %}` does): a page sets them with `{% uittreding_teksten as ut %}`
    before it includes the partial (the gemeente page once per row)."""
    teksten = {
        "opzegtermijn": _("Opzegtermijn"),
        "kosten": _("Kosten of formule"),
        "tekst": _("Tekst van de bepaling"),
        "artikel": _("Artikel"),
        "regeling": _("tekst van de regeling"),
        "niet_vastgelegd": _("niet vastgelegd"),
        "ontbreken": _(
            "De uittredingsvoorwaarden zijn nog niet vastgelegd. Elke gemeenschappelijke "
            "regeling moet ze bevatten (Wgr art. 9 lid 1): vraag het secretariaat of lees de "
            "regeling."
        ),
    }
    return {naam: conditional_escape(tekst) for naam, tekst in teksten.items()}


@register.filter
def ja_nee_onbekend(waarde: bool | None) -> str:
    if waarde is None:
        return _("onbekend")
    return _("ja") if waarde else _("nee")


@register.filter
def procent(waarde: Decimal | None) -> str:
    """12,5% with only the decimals that are there, a negative with the minus sign (−) of every
    other number on the pages; `onbekend` without a figure."""
    return _("onbekend") if waarde in (None, "") else _cijfertekst(procent_tekst(waarde))


@register.inclusion_tag("raad/_bewerk_in_beheer.html", takes_context=True)
def bewerk_in_beheer(context, obj):
    """ "Bewerk in beheer" for an account that may change `obj`; nothing for anyone else."""
    request = context.get("request")
    return {"url": beheer_url(request.user, obj) if request is not None else None}


@register.simple_tag(takes_context=True)
def beheeradres(context, obj) -> str:
    """The admin change page of `obj` for an account that may change it, else "" (for an
    edit link of one's own wording; bewerk_in_beheer is the standard one)."""
    request = context.get("request")
    return (beheer_url(request.user, obj) or "") if request is not None and obj else ""


@register.simple_tag
def verbandadres(verband, gemeente=None) -> str:
    """The arrangement's readable address; with a gemeente, the link keeps it for the
    breadcrumb (raad.adressen)."""
    return verband_adres(verband, gemeente=gemeente or None)


@register.simple_tag(takes_context=True)
def gekozen_waarden(context) -> dict[str, str]:
    """The peildatum and jaar the visitor chose, only the valid ones in the address, as they
    are written there ({"peildatum": "2024-05-01", "jaar": "2024"}): for the hidden fields of
    a page's own form, so that a refused value is not sent again. No queries."""
    request = context.get("request")
    form = PeilForm(request.GET if request is not None else None)
    return {naam: str(waarde) for naam, waarde in geldige_waarden(form).items() if waarde}


@register.simple_tag(takes_context=True)
def gekozen_moment(context, scheiding: str = "?") -> str:
    """`gekozen_waarden` as a query string after `scheiding` ("?", or "&" after one), else
    "": the links between the pages of a gemeente carry them, so that the chosen moment
    survives navigation."""
    gekozen = gekozen_waarden(context)
    return f"{scheiding}{urlencode(gekozen)}" if gekozen else ""


# The register's running text with its glued lists on lines of their own (samenwerking.tekst).
register.filter("opsomming", opsomming)
