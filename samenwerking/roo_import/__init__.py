"""The national register brought into regioreg and kept in step with it.

The register (Register van Overheidsorganisaties, Wgr art. 136) is the source for what it
holds. An import of its export (`samenwerking.roo` reads the files):

- recognises everything by identifier, never by name: a gemeente by its TOOI code
  (`…/gemeente/gm0344` → GM0344) or by the register's systeemId of the gemeente, a regeling
  by the systeemIds of its versions, any other body by its systeemId. A gemeente that has
  since merged is carried to its successor(s) through the herindelingen. A participant that
  is not a Dutch gemeente becomes or reuses an Organisatie;
- makes one Samenwerkingsverband per regeling with its versions (`Regelingversie`), and from
  the newest version: citeertitel, vorm, doel, bevoegdheidsverkrijging, bevoegdheden,
  wettelijke grondslagen, instellingsbesluiten (documents), beleidsterreinen (domeinen),
  bronhouder, archiefzorgdrager and the executing body (an Organisatie with address and
  contact); per deelnemer the toetredingsdatum, verdeelsleutel and the bestuursorganen
  through which it takes part (`perioden.py` works out the periods);
- loads each gemeente's aantalInwoners as its Inwonertal of the export's year;
- keeps in step (`registerstand.py`): a second run with the same files changes nothing; a
  newer export changes what the register changed and reports it per regeling (nieuw,
  gewijzigd, beëindigd); what people entered (bijdragen, zetels, jaarcijfers, documents,
  kaders, rows the register never listed) is never deleted or overwritten, and a field the
  register fed that was since edited by hand is reported as a conflict and kept;
- never stops on the data: a regeling that truly cannot land is reported with its line and
  reason, the rest lands. Every change is in the history with the import as its reason.

The parts: `context` (what they share), `gemeenten` (systeemIds and inwoners), `regelingen`
(one arrangement per chain of versions, per regeling a `plan` applied in one savepoint),
`perioden` and `deelnames` (who takes part when), `organisaties`, `verslag` (the report).
"""

from django.db import transaction

from .. import services
from ..geschiedenis import reden, wijzigingsreden
from ..historisch import historische_vermeldingen_bijwerken
from ..models import Bronimport
from ..roo import RooExport, bestanden_lezen
from .context import Importcontext
from .gemeenten import gemeenten_bijwerken
from .regelingen import Regelingen
from .verslag import (
    NietIngelezen,
    RooVerslag,
    Wijziging,
    Wijzigingssoort,
    verslagregels,
)

__all__ = [
    "NietIngelezen",
    "RooVerslag",
    "Wijziging",
    "Wijzigingssoort",
    "roo_bestanden_importeren",
    "roo_importeren",
    "verslagregels",
]

REDEN = "manage.py importeer_roo"
BRON_REGELINGEN = "ROO"
BRON_GEMEENTEN = "ROO-gemeenten"


def roo_importeren(*, export: RooExport, proef: bool = False) -> RooVerslag:
    """Bring `export` into the register; with `proef` (dry run) nothing stays written."""
    verslag = RooVerslag(stand=export.stand, bestanden=export.bestanden, proef=proef)
    verslag.meldingen = list(export.meldingen)
    with wijzigingsreden(reden() or REDEN), transaction.atomic():
        ctx = Importcontext(export, verslag)
        if any(o.is_gemeente for o in export.organisaties):
            gemeenten_bijwerken(ctx)
        if export.heeft_regelingen:
            Regelingen(ctx).bijwerken()
            verslag.historisch = historische_vermeldingen_bijwerken(peildatum=ctx.stand)
        _vastleggen(ctx)
        if proef:
            transaction.set_rollback(True)
    return verslag


def roo_bestanden_importeren(*, paden, schema=None, proef: bool = False) -> RooVerslag:
    return roo_importeren(export=bestanden_lezen(list(paden), schema=schema), proef=proef)


def _vastleggen(ctx: Importcontext) -> None:
    """Record the import (source, export date, summary) when it is a new export."""
    if ctx.verslag.proef or ctx.export.stand is None:
        return
    bron = BRON_REGELINGEN if ctx.export.heeft_regelingen else BRON_GEMEENTEN
    if Bronimport.objects.filter(bron=bron, stand=ctx.export.stand).exists():
        return
    services.rij_opslaan(
        rij=Bronimport(
            bron=bron,
            stand=ctx.export.stand,
            bestanden="\n".join(ctx.export.bestanden),
            samenvatting="\n".join(verslagregels(ctx.verslag)[:50]),
        )
    )
