"""Everything one regeling's import will write, worked out before anything is written."""

from dataclasses import dataclass, field

from .verslag import Wijzigingen


@dataclass
class Plan(Wijzigingen):
    """Everything to write for one regeling."""

    nieuw: bool
    verband_opslaan: bool = False
    versies_nieuw: list = field(default_factory=list)
    versies_gewijzigd: list = field(default_factory=list)
    domeinen: list | None = None  # the arrangement's domeinen when they change
    rijen_nieuw: list = field(default_factory=list)  # grondslagen, bevoegdheden, documents
    rijen_weg: list = field(default_factory=list)
    deelnames_nieuw: list = field(default_factory=list)
    deelnames_gewijzigd: list = field(default_factory=list)
    deelnames_stand: list = field(default_factory=list)  # only roo_stand changed
    deelnames_einde: list = field(default_factory=list)  # (deelname, datum)

    @property
    def schrijven(self) -> bool:
        return bool(
            self.verband_opslaan
            or self.versies_nieuw
            or self.versies_gewijzigd
            or self.domeinen is not None
            or self.rijen_nieuw
            or self.rijen_weg
            or self.deelnames_nieuw
            or self.deelnames_gewijzigd
            or self.deelnames_stand
            or self.deelnames_einde
        )
