"""The organisaties an import of the national register needs: participants that are not a
Dutch gemeente, and the bodies that carry out the regelingen (with address and contact). Found
by systeemId (a Dutch provincie by its TOOI code), made when missing, saved in bulk."""

import re

from .. import services
from ..constants import OrganisatieSoort
from ..models import Organisatie, Provincie
from ..normalisatie import normaliseer_naam, organisatie_soort, zonder_accenten
from ..registerstand import waarden_toepassen
from ..roo import Organisatie as RooOrganisatie
from .context import geldige_url
from .verslag import VELDNAMEN, RooVerslag, waarde_tekst

# A participant without a TOOI code whose name shows a foreign government (a Dutch gemeente or
# provincie always has a TOOI code; without one, "Gemeente Beveren" is Belgian).
_BUITENLANDS = re.compile(
    r"^(gemeinde|stadt|landeshauptstadt|kreis|landkreis|samtgemeinde|bezirksregierung|"
    r"land |duitstalige|gemeente|provincie|stad |ville|commune|province|provinz)"
    r"|(zweckverband|landschaftsverband|handelskammer|rhein-kreis)"
)
_PRIVAAT = re.compile(r"\b(cooperatie|cooperatieve|stichting|vereniging|bv|nv)\b")


class RooOrganisaties:
    """The register's organisaties by systeemId, provincie and name; new and changed ones are
    saved together before the regelingen."""

    def __init__(self, verslag: RooVerslag):
        self.verslag = verslag
        self.per_systeem_id: dict[int, Organisatie] = {}
        self.per_naam: dict[str, Organisatie] = {}
        self.per_provincie: dict[int, Organisatie] = {}
        self.provincies = {p.code: p for p in Provincie.objects.all()}
        for organisatie in Organisatie.objects.all():
            self._onthoud(organisatie)
        self.nieuw: list[Organisatie] = []
        self.gewijzigd: dict[int, Organisatie] = {}

    def _onthoud(self, o: Organisatie) -> None:
        if o.roo_systeem_id:
            self.per_systeem_id[o.roo_systeem_id] = o
        self.per_naam[o.naam.lower()] = o
        if o.provincie_id:
            self.per_provincie.setdefault(o.provincie_id, o)

    def _soort(self, tooi, naam: str) -> tuple[str, Provincie | None]:
        if tooi is not None:
            if tooi.soort == "provincie":
                provincie = self.provincies.get(tooi.code)
                if provincie:
                    return OrganisatieSoort.PROVINCIE, provincie
                return OrganisatieSoort.BUITENLANDS, None
            return {
                "waterschap": OrganisatieSoort.WATERSCHAP,
                "ministerie": OrganisatieSoort.RIJK,
                "so": OrganisatieSoort.OPENBAAR_LICHAAM,
            }.get(tooi.soort, OrganisatieSoort.OVERIG_PUBLIEK), None
        tekst = normaliseer_naam(naam)
        if _PRIVAAT.search(tekst):
            return OrganisatieSoort.PRIVAAT, None
        if _BUITENLANDS.search(zonder_accenten(naam).lower().strip()):
            return OrganisatieSoort.BUITENLANDS, None
        soort = organisatie_soort(naam)
        if soort in (OrganisatieSoort.WATERSCHAP, OrganisatieSoort.RIJK):
            return soort, None
        return OrganisatieSoort.OVERIG_PUBLIEK, None

    def zoek_of_maak(self, naam: str, systeem_id: int | None, tooi, *, lichaam: bool = False):
        if systeem_id and systeem_id in self.per_systeem_id:
            return self.per_systeem_id[systeem_id]
        soort, provincie = self._soort(tooi, naam)
        if lichaam and soort == OrganisatieSoort.OVERIG_PUBLIEK:
            soort = OrganisatieSoort.OPENBAAR_LICHAAM
        bestaand = None
        if provincie is not None:
            bestaand = self.per_provincie.get(provincie.pk)
        elif naam.lower() in self.per_naam:
            kandidaat = self.per_naam[naam.lower()]
            if not kandidaat.roo_systeem_id:
                bestaand = kandidaat  # the same name, never identified: the register's now
        if bestaand is not None:
            if systeem_id and not bestaand.roo_systeem_id:
                bestaand.roo_systeem_id = systeem_id
                self._wijzig(bestaand)
            self._onthoud(bestaand)
            return bestaand
        naam = (f"Provincie {provincie.naam}" if provincie else naam)[:250] or f"ROO {systeem_id}"
        if naam.lower() in self.per_naam:
            naam = f"{naam[:230]} (ROO {systeem_id})"
        nieuw = Organisatie(naam=naam, soort=soort, provincie=provincie, roo_systeem_id=systeem_id)
        self.nieuw.append(nieuw)
        self._onthoud(nieuw)
        return nieuw

    def _wijzig(self, o: Organisatie) -> None:
        if o.pk:
            self.gewijzigd[o.pk] = o

    def gegevens_bijwerken(self, o: Organisatie, roo: RooOrganisatie | None, naam: str) -> None:
        """The executing body's name, address and contact, kept in step."""
        waarden = {"naam": naam[:250]}
        if roo is not None:
            waarden.update(
                afkorting=roo.afkorting,
                adres=roo.adres.adres,
                postcode=roo.adres.postcode,
                vestigingsplaats=roo.adres.plaats,
                telefoon=roo.telefoon,
                email=roo.email,
                website=geldige_url(roo.website),
            )
        ander = self.per_naam.get(waarden["naam"].lower())
        if ander is not None and ander is not o:
            del waarden["naam"]  # another organisation has that name
        uitkomst = waarden_toepassen(o, waarden, nieuw=o.pk is None)
        for conflict in uitkomst.conflicten:
            self.verslag.aandachtspunten.append(
                f"Organisatie {o.naam}: {VELDNAMEN.get(conflict.veld, conflict.veld)} is in "
                f"regioreg {waarde_tekst(conflict.veld, conflict.oud)}, in het register "
                f"{waarde_tekst(conflict.veld, conflict.nieuw)}; de waarde in regioreg is behouden."
            )
        if uitkomst.opslaan:
            self._wijzig(o)
        self._onthoud(o)

    def opslaan(self) -> None:
        for o in self.nieuw:
            o.roo_stand = o.roo_stand or {}
        gewijzigd = [o for o in self.gewijzigd.values() if o.pk]
        services.rijen_opslaan(
            model=Organisatie,
            rijen=[*gewijzigd, *self.nieuw],
            velden=[
                "naam",
                "afkorting",
                *Organisatie.CONTACTVELDEN,
                "roo_systeem_id",
                "roo_stand",
            ],
        )
        self.verslag.organisaties_nieuw += len(self.nieuw)
        self.verslag.organisaties_gewijzigd += len(gewijzigd)
        self.nieuw, self.gewijzigd = [], {}
