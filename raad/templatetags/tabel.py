"""One markup for a data table on the public pages: a keyboard-scrollable region (WCAG 1.4.10
reflow, 2.1.1 keyboard), the table with its caption, a header row of column headers and the
body. A page gives only what differs: the caption, the region's label, the columns and the rows.

    {% load tabel %}
    {% tabel bijschrift=titel label=_("Tabel, horizontaal te scrollen") klasse="cijfers" %}
      {% kolom _("Gemeente") %}
      {% kolom _("Inwoners") getal %}
      {% for r in rijen %}<tr>…</tr>{% endfor %}
    {% endtabel %}

`kolom` stands only directly inside `tabel`; `getal` right-aligns the column (class "getal").
With `rijgroepen` the rows bring their own `<tbody>` per group (a person with several seats).
With `leeg=_("Er zijn geen … vastgelegd.")` a body without rows (nothing but white space)
shows that line as a paragraph instead of the table: a table with only a header row says
nothing to anyone, least of all to a screen reader.

A list of items follows the same rule with `lijst`: the items as `<ul>` (with `klasse=`), and
without items the `leeg=` line as a paragraph, or nothing at all (an empty list is never shown).

    {% lijst klasse="documenten" leeg=_("Er zijn geen documenten vastgelegd.") %}
      {% for d in documenten %}<li>…</li>{% endfor %}
    {% endlijst %}
"""

from django import template
from django.template.base import FilterExpression, Node, NodeList
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

register = template.Library()

_TABEL_OPTIES = {"bijschrift", "label", "klasse", "id", "leeg"}
_LIJST_OPTIES = {"klasse", "leeg"}


def _zonder_rijen(waarden: dict) -> str:
    """What stands instead of a table or list without rows: the `leeg=` line, else nothing."""
    return format_html("<p>{}</p>", waarden["leeg"]) if "leeg" in waarden else ""


def _attribuut(naam: str, waarde) -> str:
    """` naam="waarde"` for an option that was given (and is not empty), else nothing."""
    return format_html(' {}="{}"', naam, waarde) if waarde else ""


def _opties(parser, bits: list[str], bekend: set[str]) -> dict[str, FilterExpression]:
    opties = {}
    for bit in bits[1:]:
        naam, is_, waarde = bit.partition("=")
        if not is_ or naam not in bekend:
            raise template.TemplateSyntaxError(
                f"{bits[0]}: onbekende optie {bit!r}; bekend zijn {sorted(bekend)}"
            )
        opties[naam] = parser.compile_filter(waarde)
    return opties


class KolomNode(Node):
    def __init__(self, kop: FilterExpression, getal: bool):
        self.kop = kop
        self.getal = getal

    def render(self, context) -> str:
        # Rendered by TabelNode as part of the header row; nothing where it stands.
        return ""

    def kopcel(self, context) -> tuple[str, str]:
        klasse = mark_safe(' class="getal"') if self.getal else ""
        return klasse, self.kop.resolve(context)


class TabelNode(Node):
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist: NodeList, opties: dict[str, FilterExpression], rijgroepen: bool):
        self.nodelist = nodelist
        self.opties = opties
        self.rijgroepen = rijgroepen

    def render(self, context) -> str:
        waarden = {naam: expr.resolve(context) for naam, expr in self.opties.items()}
        rijen = self.nodelist.render(context)
        if "leeg" in waarden and not rijen.strip():
            return _zonder_rijen(waarden)
        kolommen = [node for node in self.nodelist if isinstance(node, KolomNode)]
        kopcellen = format_html_join(
            "", '<th scope="col"{}>{}</th>', (k.kopcel(context) for k in kolommen)
        )
        attributen = format_html(
            "{}{}", _attribuut("class", waarden.get("klasse")), _attribuut("id", waarden.get("id"))
        )
        if not self.rijgroepen:
            rijen = format_html("<tbody>{}</tbody>", rijen)
        return format_html(
            '<div class="tabelrol" tabindex="0" role="region" aria-label="{}">\n'
            "<table{}>\n<caption>{}</caption>\n<thead><tr>{}</tr></thead>\n{}\n</table>\n</div>",
            waarden["label"],
            attributen,
            waarden["bijschrift"],
            kopcellen,
            rijen,
        )


@register.tag
def tabel(parser, token):
    bits = token.split_contents()
    rijgroepen = "rijgroepen" in bits[1:]
    opties = _opties(parser, [b for b in bits if b != "rijgroepen"], _TABEL_OPTIES)
    for verplicht in ("bijschrift", "label"):
        if verplicht not in opties:
            raise template.TemplateSyntaxError(f"{bits[0]}: {verplicht}= ontbreekt")
    nodelist = parser.parse(("endtabel",))
    parser.delete_first_token()
    return TabelNode(nodelist, opties, rijgroepen)


@register.tag
def kolom(parser, token):
    bits = token.split_contents()
    if len(bits) not in (2, 3) or bits[2:] not in ([], ["getal"]):
        raise template.TemplateSyntaxError(f'{bits[0]} neemt een kop en eventueel "getal"')
    return KolomNode(parser.compile_filter(bits[1]), getal=bits[2:] == ["getal"])


class LijstNode(Node):
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist: NodeList, opties: dict[str, FilterExpression]):
        self.nodelist = nodelist
        self.opties = opties

    def render(self, context) -> str:
        waarden = {naam: expr.resolve(context) for naam, expr in self.opties.items()}
        items = self.nodelist.render(context)
        if not items.strip():
            return _zonder_rijen(waarden)
        return format_html("<ul{}>{}</ul>", _attribuut("class", waarden.get("klasse")), items)


@register.tag
def lijst(parser, token):
    opties = _opties(parser, token.split_contents(), _LIJST_OPTIES)
    nodelist = parser.parse(("endlijst",))
    parser.delete_first_token()
    return LijstNode(nodelist, opties)
