"""Server-rendered bar charts (SVG): no JavaScript, no CDN. Every chart on a page is shown
next to a table with the same figures."""

import textwrap
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe

from raad.templatetags.regioreg import euro

LABELBREEDTE = 210
WAARDEBREEDTE = 110
STAAFHOOGTE = 14
STAAFRUIMTE = 3
GROEPRUIMTE = 12
MARGE = 8
# A label is written in full, in lines of at most LABELTEKENS characters (the width of
# LABELBREEDTE at the chart's font size), REGELHOOGTE apart.
LABELTEKENS = 30
REGELHOOGTE = 14


@dataclass(frozen=True)
class _Regel:
    """Something drawn at height y, with its text on the bar's baseline."""

    y: float

    @property
    def tekst_y(self) -> float:
        return self.y + STAAFHOOGTE - 3


@dataclass(frozen=True)
class Staaf(_Regel):
    x: float
    breedte: float
    reeks: int
    waarde: Decimal
    tekst_x: float


@dataclass(frozen=True)
class Categorie(_Regel):
    label: str
    hoogte: float
    regels: tuple[str, ...]


@dataclass(frozen=True)
class Staafgrafiek:
    breedte: int
    hoogte: float
    nul_x: float
    label_x: float
    reeksen: list[str]
    categorieen: list[Categorie]
    staven: list[Staaf]
    opmaak: Callable[[Decimal], str] = euro

    @property
    def hoogte_svg(self) -> str:
        return f"{self.hoogte:.0f}"

    def svg_inhoud(self) -> SafeString:
        """The chart's labels, zero line and bars as SVG elements. Written here rather than in
        the template: per bar, the template's variables and filters made a chart of 45 members
        cost 10 ms. Every text is escaped; the numbers are ours."""
        delen = [
            f'<text x="{self.label_x}" y="{c.tekst_y:.1f}" text-anchor="end" class="as">'
            + "".join(
                f'<tspan x="{self.label_x}" y="{c.tekst_y + i * REGELHOOGTE:.1f}">'
                f"{escape(regel)}</tspan>"
                if i
                else escape(regel)
                for i, regel in enumerate(c.regels)
            )
            + "</text>"
            for c in self.categorieen
        ]
        delen.append(
            f'<line x1="{self.nul_x:.1f}" x2="{self.nul_x:.1f}" y1="0" y2="{self.hoogte:.0f}" '
            'class="nullijn"/>'
        )
        for s in self.staven:
            # euro and euro_cent write a figure as safe text already: escaped only if not.
            bedrag = conditional_escape(self.opmaak(s.waarde))
            delen.append(
                f'<rect x="{s.x:.1f}" y="{s.y:.1f}" width="{s.breedte:.1f}" '
                f'height="{STAAFHOOGTE}" class="reeks-{s.reeks}"><title>{bedrag}</title></rect>'
                f'<text x="{s.tekst_x:.1f}" y="{s.tekst_y:.1f}" class="waarde">{bedrag}</text>'
            )
        return mark_safe("\n".join(delen))  # every text escaped above


def _regels(label: str, tekens: int = LABELTEKENS) -> tuple[str, ...]:
    """The whole label (NFC) in lines of at most `tekens` characters, broken between words:
    names that share their start ("Veiligheidsregio Noord-…") stay apart, never cut off."""
    label = unicodedata.normalize("NFC", label)
    if len(label) <= tekens:  # most labels: one line, without textwrap's cost
        return (label,)
    return tuple(textwrap.wrap(label, tekens)) or ("",)


def staafgrafiek(
    categorieen: list[str],
    reeksen: list[tuple[str, list[Decimal | None]]],
    *,
    breedte: int = 720,
    opmaak: Callable[[Decimal], str] = euro,
) -> Staafgrafiek | None:
    """Horizontal grouped bars: one group per category, one bar per series. Unknown values
    (None) get no bar. `opmaak` writes a bar's value (default whole euros; `euro_cent` for
    amounts per inwoner). Returns None when there is nothing to draw."""
    waarden = [w for _naam, reeks in reeksen for w in reeks if w is not None]
    if not categorieen or not waarden:
        return None
    laagste = min([Decimal(0), *waarden])
    hoogste = max([Decimal(0), *waarden])
    bereik = (hoogste - laagste) or Decimal(1)
    tekenbreedte = breedte - LABELBREEDTE - WAARDEBREEDTE - 2 * MARGE

    def x(waarde: Decimal) -> float:
        return LABELBREEDTE + MARGE + float((waarde - laagste) / bereik) * tekenbreedte

    nul_x = x(Decimal(0))
    groephoogte = len(reeksen) * (STAAFHOOGTE + STAAFRUIMTE)
    staven, cats = [], []
    y = MARGE
    for i, label in enumerate(categorieen):
        regels = _regels(label)
        # A label of more lines than the group has bars makes its group taller.
        hoogte = max(groephoogte, STAAFHOOGTE + (len(regels) - 1) * REGELHOOGTE)
        cats.append(Categorie(label=label, y=y, hoogte=hoogte, regels=regels))
        for r, (_naam, reeks) in enumerate(reeksen):
            waarde = reeks[i]
            if waarde is not None:
                eind = x(waarde)
                staven.append(
                    Staaf(
                        x=min(nul_x, eind),
                        y=y + r * (STAAFHOOGTE + STAAFRUIMTE),
                        breedte=max(abs(eind - nul_x), 1.0),
                        reeks=r,
                        waarde=waarde,
                        tekst_x=max(nul_x, eind) + 4,
                    )
                )
        y += hoogte + GROEPRUIMTE
    return Staafgrafiek(
        breedte=breedte,
        hoogte=y + MARGE,
        nul_x=nul_x,
        label_x=LABELBREEDTE - MARGE,
        reeksen=[naam for naam, _reeks in reeksen],
        categorieen=cats,
        staven=staven,
        opmaak=opmaak,
    )
