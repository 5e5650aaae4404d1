"""Participants that are not gemeenten, found or made by name for the importers."""

import re

from . import services
from .constants import OrganisatieSoort
from .models import Organisatie, Provincie
from .normalisatie import Namenlijst, normaliseer_naam


class Organisaties:
    """The register's organisaties, findable by name (a provincie by the province it is) or by
    ROO systeemId. `zoek_of_maak` makes a missing one in memory; `opslaan` validates and saves
    the new ones. One query to start, none per lookup."""

    def __init__(self):
        self.provincies = Namenlijst(Provincie.objects.all(), naam=lambda p: p.naam)
        self._per_sleutel: dict[object, Organisatie] = {}
        self._per_systeem_id: dict[int, Organisatie] = {}
        self._te_bewaren: dict[int, Organisatie] = {}  # new or changed, by id()
        for organisatie in Organisatie.objects.all():
            self._onthoud(organisatie)

    @staticmethod
    def _sleutel(organisatie: Organisatie):
        if organisatie.soort == OrganisatieSoort.PROVINCIE:
            return ("provincie", organisatie.provincie_id)
        return normaliseer_naam(organisatie.naam)

    def _onthoud(self, organisatie: Organisatie) -> None:
        self._per_sleutel.setdefault(self._sleutel(organisatie), organisatie)
        if organisatie.roo_systeem_id:
            self._per_systeem_id[organisatie.roo_systeem_id] = organisatie

    @property
    def namen(self) -> list[str]:
        return [o.naam for o in self._per_sleutel.values()]

    def provincie(self, naam: str) -> Provincie | None:
        """`Provincie Noord Brabant`, `Fryslân`, even `Overrijssel`: one provincie or None."""
        naam = re.sub(r"(?i)^provincie\s+", "", naam.strip())
        gevonden = self.provincies.zoek(naam) or [
            p
            for dichtbij in self.provincies.dichtstbij(naam, n=1, drempel=0.8)
            for p in self.provincies.zoek(dichtbij)
        ]
        return gevonden[0] if len(gevonden) == 1 else None

    def zoek_of_maak(
        self, naam: str, soort: str, *, systeem_id: int | None = None
    ) -> Organisatie | None:
        """The organisatie called `naam` (of `soort` if it is new); None for a provincie whose
        province is not recognised."""
        if systeem_id and systeem_id in self._per_systeem_id:
            return self._per_systeem_id[systeem_id]
        provincie = None
        if soort == OrganisatieSoort.PROVINCIE:
            provincie = self.provincie(naam)
            if provincie is None:
                return None
            naam = f"Provincie {provincie.naam}"
        nieuw = Organisatie(naam=naam, soort=soort, provincie=provincie)
        organisatie = self._per_sleutel.setdefault(self._sleutel(nieuw), nieuw)
        if systeem_id and not organisatie.roo_systeem_id:
            organisatie.roo_systeem_id = systeem_id
            self._te_bewaren[id(organisatie)] = organisatie
        if organisatie.pk is None:
            self._te_bewaren[id(organisatie)] = organisatie
        self._onthoud(organisatie)
        return organisatie

    def opslaan(self) -> int:
        """Save new and changed organisaties together (services.rijen_opslaan); returns how
        many are new."""
        rijen = list(self._te_bewaren.values())
        nieuw = sum(organisatie.pk is None for organisatie in rijen)
        services.rijen_opslaan(model=Organisatie, rijen=rijen)
        self._te_bewaren.clear()
        return nieuw
