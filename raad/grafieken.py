"""Server-rendered bar charts (SVG): no JavaScript, no CDN. Every chart on a page is shown
next to a table with the same figures."""

from dataclasses import dataclass
from decimal import Decimal

LABELBREEDTE = 210
WAARDEBREEDTE = 110
STAAFHOOGTE = 14
STAAFRUIMTE = 3
GROEPRUIMTE = 12
MARGE = 8


@dataclass(frozen=True)
class Staaf:
    x: float
    y: float
    breedte: float
    reeks: int
    waarde: Decimal
    tekst_x: float

    @property
    def tekst_y(self) -> float:
        return self.y + STAAFHOOGTE - 3


@dataclass(frozen=True)
class Categorie:
    label: str
    y: float
    hoogte: float

    @property
    def tekst_y(self) -> float:
        return self.y + STAAFHOOGTE - 3


@dataclass(frozen=True)
class Staafgrafiek:
    breedte: int
    hoogte: float
    nul_x: float
    label_x: float
    reeksen: list[str]
    categorieen: list[Categorie]
    staven: list[Staaf]


def staafgrafiek(
    categorieen: list[str],
    reeksen: list[tuple[str, list[Decimal | None]]],
    *,
    breedte: int = 720,
) -> Staafgrafiek | None:
    """Horizontal grouped bars: one group per category, one bar per series. Unknown values
    (None) get no bar. Returns None when there is nothing to draw."""
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
        cats.append(Categorie(label=label, y=y, hoogte=groephoogte))
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
        y += groephoogte + GROEPRUIMTE
    return Staafgrafiek(
        breedte=breedte,
        hoogte=y + MARGE,
        nul_x=nul_x,
        label_x=LABELBREEDTE - MARGE,
        reeksen=[naam for naam, _reeks in reeksen],
        categorieen=cats,
        staven=staven,
    )
