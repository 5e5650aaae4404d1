"""What every part of one import of the national register shares: the export, the report,
the export's date and the reference gemeenten with their successors."""

from django.core.exceptions import ValidationError
from django.utils import timezone

from ..constants import BRON_ROO
from ..models import Gemeente, Herindeling
from ..models.basis import link_validator
from ..normalisatie import normaliseer_naam
from ..roo import Deelnemer, Regeling, RooExport
from .verslag import NietIngelezen, RooVerslag

# The register stores only what its link fields take (http and https).
_url = link_validator("url")


def geldige_url(url: str, max_lengte: int = 500) -> str:
    """`url` if it is a URL regioreg can store, else "" (the caller notes what was left out)."""
    url = (url or "").strip()
    if not url or len(url) > max_lengte:
        return ""
    try:
        _url(url)
    except ValidationError:
        return ""
    return url


class Importcontext:
    """The export, its report and date (the `stand`: the day the export was made, also the
    `bron` of what it writes), the reference gemeenten by CBS code and systeemId with their
    successors, and the export's own organisaties by systeemId."""

    def __init__(self, export: RooExport, verslag: RooVerslag):
        self.export = export
        self.verslag = verslag
        self.stand = export.standdatum or timezone.localdate()
        self.bron = f"{BRON_ROO} {self.stand.isoformat()}"
        self.gemeenten = list(Gemeente.objects.all())
        self.per_code = {g.cbs_code: g for g in self.gemeenten}
        self.gemeente_per_systeem_id = {
            g.roo_systeem_id: g for g in self.gemeenten if g.roo_systeem_id
        }
        self.opvolgers: dict[int, list[Gemeente]] = {}
        per_pk = {g.pk: g for g in self.gemeenten}
        for oud, nieuw in Herindeling.objects.order_by("nieuwe_gemeente__naam").values_list(
            "oude_gemeente_id", "nieuwe_gemeente_id"
        ):
            self.opvolgers.setdefault(oud, []).append(per_pk[nieuw])
        self.roo_organisaties = {o.systeem_id: o for o in export.organisaties if o.systeem_id}
        self.lichaam_van = {o.hoort_bij: o for o in export.organisaties if o.hoort_bij}
        self.onbekende_gemeenten: dict[str, set] = {}

    def gemeente_van(self, d: Deelnemer, *, melden: bool = True) -> Gemeente | None:
        """The reference gemeente of a participant, by TOOI code or systeemId; with `melden`
        an unknown TOOI code (a gemeente dissolved before 2016) is noted for the report."""
        gemeente = None
        if d.tooi is not None and d.tooi.soort == "gemeente":
            gemeente = self.per_code.get(d.tooi.code)
            if gemeente is None and melden:
                self.onbekende_gemeenten.setdefault(d.tooi.code, set()).add(d.naam)
        if gemeente is None and d.systeem_id:
            gemeente = self.gemeente_per_systeem_id.get(d.systeem_id)
        return gemeente

    def is_gemeente(self, d: Deelnemer) -> bool:
        """A Dutch gemeente, even when regioreg cannot say which one."""
        if d.tooi is not None:
            return d.tooi.soort == "gemeente"
        record = self.roo_organisaties.get(d.systeem_id)
        if record is not None and record.is_gemeente:
            return True
        naam = normaliseer_naam(d.naam)
        return d.naam.lower().startswith("gemeente ") and any(
            normaliseer_naam(g.naam) == naam for g in self.gemeenten
        )

    def huidige(self, gemeente: Gemeente) -> list[Gemeente]:
        """Where `gemeente` ended up on the export's date, through the herindelingen."""
        if gemeente.is_actief_op(self.stand) or gemeente.pk not in self.opvolgers:
            return [gemeente] if gemeente.is_actief_op(self.stand) else []
        return [h for o in self.opvolgers[gemeente.pk] for h in self.huidige(o)]

    def niet_ingelezen(self, regeling: Regeling, redenen: list[str]) -> None:
        self.verslag.niet_ingelezen.append(
            NietIngelezen(regeling.regel, regeling.systeem_id, regeling.titel, list(redenen))
        )
