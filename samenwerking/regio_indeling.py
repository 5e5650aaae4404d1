"""Region memberships from a spreadsheet as regions publish them: one row per gemeente (name,
`GM0344`, `0344` or `344`) with the name of its region.

Reading (`lees`) finds the two columns by their headers. The plan (`plannen`) then, in a
fixed number of queries whatever the file's length:

- finds each gemeente by code or by name (`normalisatie.Namenlijst`, as the other imports);
  a gemeente that has since merged is carried to its successor along the herindelingen
  (fixtures/herindelingen.csv, loaded as reference data), with a note for the row; one that
  was divided over several gemeenten is an error that names them;
- matches each region name to a samenwerkingsverband the account may change (name or
  afkorting, tolerant of spelling, or the name without "Gemeenschappelijke regeling", the
  afkorting in brackets and the version's year); a name that fits none or several gets
  candidates to choose from and, for an account that may add arrangements, "create it"; a
  name of an arrangement the account does not maintain is named as such (another regio's);
- reports a row whose deelname already runs on the peildatum (or that the file repeats) as
  "al bekend", not as an error.

Saving (`opslaan`) writes the chosen new arrangements (`services.rij_opslaan`) and the new
deelnames (`services.rijen_opslaan`: the register's rules, the account's rights per row) in
one transaction: all or nothing.
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from regioreg.collation import sort_key
from toegang import rechten

from . import services
from .constants import Vorm
from .formats import BestandsFout as BestandsFout
from .formats import CSVNederlands, ODSNederlands, XLSXNederlands
from .models import Deelname, Gemeente, Herindeling, Samenwerkingsverband
from .normalisatie import Namenlijst, normaliseer_naam, regeling_sleutel
from .periode import geeindigd, periode_q
from .tekst import datum_tekst

NIEUW, AL_BEKEND, FOUT = "nieuw", "al bekend", "fout"
NIEUW_VERBAND = "nieuw:"  # a choice "nieuw:OL" creates the region as an openbaar lichaam

_GEMEENTE_KOPPEN = ("gemeente", "cbs", "code")
_REGIO_KOPPEN = ("regio", "samenwerkingsverband", "verband", "regeling")
_CODE = re.compile(r"(?:GM)?\s*(\d{1,4})", re.IGNORECASE)
_JAARTAL_ACHTERAAN = re.compile(r"\s(?:19|20)\d\d$")


@dataclass
class Regio:
    naam: str  # as the file spells it
    verband: Samenwerkingsverband | None = None
    kandidaten: list[Samenwerkingsverband] = field(default_factory=list)
    nieuw_vorm: str = ""  # the form of a new arrangement the user chose to create
    regels: int = 0
    # Arrangements of this name that the account does not maintain (another regio's).
    elders: list[Samenwerkingsverband] = field(default_factory=list)
    # More than one arrangement fits the name (not only looks like it): the user chooses.
    meerdere: bool = False

    @property
    def sleutel(self) -> str:
        return normaliseer_naam(self.naam)

    @property
    def elders_tekst(self) -> str:
        return " en ".join(str(v) for v in self.elders)

    @property
    def kandidaten_tekst(self) -> str:
        return " en ".join(str(v) for v in self.kandidaten)

    @property
    def opgelost(self) -> bool:
        return self.verband is not None or bool(self.nieuw_vorm)


@dataclass
class Regel:
    nummer: int  # the row's line in the file (the header is line 1)
    gemeente_tekst: str
    regio: Regio | None
    gemeente: Gemeente | None = None
    noot: str = ""
    status: str = NIEUW
    melding: str = ""


@dataclass
class Indeling:
    regels: list[Regel]
    regios: list[Regio]
    mag_verband_toevoegen: bool
    peildatum: datetime.date

    @property
    def nieuw(self) -> list[Regel]:
        return [r for r in self.regels if r.status == NIEUW]

    @property
    def al_bekend(self) -> list[Regel]:
        return [r for r in self.regels if r.status == AL_BEKEND]

    @property
    def fouten(self) -> list[Regel]:
        return [r for r in self.regels if r.status == FOUT]

    @property
    def open_regios(self) -> list[Regio]:
        return [r for r in self.regios if not r.opgelost]

    @property
    def kan_opslaan(self) -> bool:
        return not self.fouten and not self.open_regios


# --- Reading -------------------------------------------------------------------------------


def _kolom(koppen: list[str], woorden: tuple[str, ...]) -> list[int]:
    return [i for i, kop in enumerate(koppen) if any(w in kop for w in woorden)]


def lees(inhoud: bytes, bestandsnaam: str) -> list[tuple[int, str, str]]:
    """The rows of the file as (line, gemeente, region). CSV (`;` or `,`, UTF-8 or
    Windows-1252), XLSX or ODS, told apart by the file's extension."""
    formaat = {".xlsx": XLSXNederlands, ".ods": ODSNederlands}.get(
        Path(bestandsnaam).suffix.lower(), CSVNederlands
    )()
    dataset = formaat.create_dataset(inhoud)
    koppen = [normaliseer_naam(str(k or "")) for k in (dataset.headers or [])]
    regio_kolommen = _kolom(koppen, _REGIO_KOPPEN)
    gemeente_kolommen = [i for i in _kolom(koppen, _GEMEENTE_KOPPEN) if i not in regio_kolommen]
    if not gemeente_kolommen or not regio_kolommen:
        raise BestandsFout(
            _(
                "De eerste regel van het bestand moet de kolomnamen hebben: een kolom voor de "
                "gemeente (bijvoorbeeld „gemeente” of „gemeentecode”: naam, GM0344 of 0344) en "
                "een voor de regio („regio”). Gevonden: %(koppen)s."
            )
            % {"koppen": ", ".join(str(k) for k in dataset.headers or []) or _("geen")}
        )
    # A code column before a name column: the code decides, the name is the fallback.
    gemeente_kolommen.sort(key=lambda i: "code" not in koppen[i] and "cbs" not in koppen[i])
    rijen = []
    for nummer, rij in enumerate(dataset, start=2):
        waarden = ["" if w is None else str(w).strip() for w in rij]
        gemeente = next((waarden[i] for i in gemeente_kolommen if waarden[i]), "")
        regio = next((waarden[i] for i in regio_kolommen if waarden[i]), "")
        if gemeente or regio:
            rijen.append((nummer, gemeente, regio))
    if not rijen:
        raise BestandsFout(_("Het bestand heeft geen regels onder de kolomnamen."))
    return rijen


# --- Planning ------------------------------------------------------------------------------


class _Gemeenten:
    """Every gemeente and herindeling, read once (two queries)."""

    def __init__(self):
        alle = list(Gemeente.objects.all())
        self.per_code = {g.cbs_code: g for g in alle}
        self.namen = Namenlijst(alle, naam=lambda g: g.naam)
        self.opvolgers: dict[int, list[Herindeling]] = {}
        for h in Herindeling.objects.select_related("nieuwe_gemeente").order_by("datum"):
            self.opvolgers.setdefault(h.oude_gemeente_id, []).append(h)

    def vind(self, tekst: str) -> Gemeente:
        code = _CODE.fullmatch(tekst.strip())
        if code:
            gevonden = self.per_code.get(f"GM{int(code.group(1)):04d}")
            if gevonden is None:
                raise ValueError(
                    _("Gemeentecode %(code)s bestaat niet. Controleer de code of gebruik de naam.")
                    % {"code": tekst}
                )
            return gevonden
        gevonden = self.namen.zoek(tekst)
        lopend = [g for g in gevonden if g.einddatum is None]
        if len(gevonden) == 1 or len(lopend) == 1:
            return gevonden[0] if len(gevonden) == 1 else lopend[0]
        if gevonden:
            raise ValueError(
                _("„%(tekst)s” past op meer dan één gemeente: %(opties)s. Gebruik de CBS-code.")
                % {
                    "tekst": tekst,
                    "opties": ", ".join(f"{g.naam} ({g.cbs_code})" for g in gevonden),
                }
            )
        lijkt_op = self.namen.dichtstbij(tekst)
        hint = _(" Bedoelt u %(namen)s?") % {"namen": " of ".join(lijkt_op)} if lijkt_op else ""
        raise ValueError(_("Gemeente „%(tekst)s” bestaat niet.") % {"tekst": tekst} + hint)

    def opvolger(self, gemeente: Gemeente, peildatum: datetime.date) -> tuple[Gemeente, str]:
        """The gemeente that continues `gemeente` on `peildatum`, with a note when it is not
        the gemeente itself."""
        stappen = []
        while geeindigd(peildatum, gemeente.einddatum):
            herindelingen = self.opvolgers.get(gemeente.pk, [])
            nieuwe = {h.nieuwe_gemeente_id: h for h in herindelingen}
            if len(nieuwe) != 1:
                if not nieuwe:
                    raise ValueError(
                        _("%(gemeente)s is opgeheven en heeft geen opvolger in het register.")
                        % {"gemeente": f"{gemeente.naam} ({gemeente.cbs_code})"}
                    )
                raise ValueError(
                    _(
                        "%(gemeente)s is opgeheven en verdeeld over %(opvolgers)s; zet in het "
                        "bestand de gemeente die deelneemt."
                    )
                    % {
                        "gemeente": f"{gemeente.naam} ({gemeente.cbs_code})",
                        "opvolgers": " en ".join(
                            f"{h.nieuwe_gemeente.naam} ({h.nieuwe_gemeente.cbs_code})"
                            for h in nieuwe.values()
                        ),
                    }
                )
            herindeling = next(iter(nieuwe.values()))
            stappen.append(
                _("%(oud)s is per %(datum)s opgegaan in %(nieuw)s")
                % {
                    "oud": f"{gemeente.naam} ({gemeente.cbs_code})",
                    "datum": datum_tekst(herindeling.datum),
                    "nieuw": f"{herindeling.nieuwe_gemeente.naam} "
                    f"({herindeling.nieuwe_gemeente.cbs_code})",
                }
            )
            gemeente = herindeling.nieuwe_gemeente
        if not stappen:
            return gemeente, ""
        return gemeente, "; ".join(stappen) + _("; de deelname is voor de opvolger.")


class _Verbandnamen:
    """Arrangements findable by a region's name as a file writes it: by name (tolerant of
    spelling), by afkorting, or by the name without "Gemeenschappelijke regeling", the
    afkorting in brackets, small words and the version's year (`Afvalbeheer Westfriesland`
    for `Gemeenschappelijke Regeling Afvalbeheer Westfriesland 2020 (ABWF)`); a year the file
    does write must be the arrangement's. Last, by whole words: `Gelderland-Zuid` is every
    arrangement with the words "gelderland" and "zuid" in its name (`Veiligheidsregio
    Gelderland-Zuid (VRGZ)`; with `GGD Gelderland-Zuid` too, both, to choose from)."""

    def __init__(self, verbanden: list):
        self.namen = Namenlijst(verbanden, naam=lambda v: v.naam)
        self.afkortingen: dict[str, list] = {}
        self.kernen: dict[str, list] = {}
        for v in verbanden:
            if v.afkorting:
                self.afkortingen.setdefault(normaliseer_naam(v.afkorting), []).append(v)
            sleutel = regeling_sleutel(v.naam)
            for kern in {sleutel, _JAARTAL_ACHTERAAN.sub("", sleutel)} - {""}:
                self.kernen.setdefault(kern, []).append(v)
        self.woorden = [(frozenset(normaliseer_naam(v.naam).split()), v) for v in verbanden]

    def zoek(self, naam: str) -> list:
        return (
            self.namen.zoek(naam)
            or self.afkortingen.get(normaliseer_naam(naam), [])
            or self.kernen.get(regeling_sleutel(naam), [])
            or self.met_woorden(naam)
        )

    def met_woorden(self, naam: str) -> list:
        """The arrangements whose name has every word of `naam` (without small words)."""
        woorden = set(regeling_sleutel(naam).split())
        return [v for eigen, v in self.woorden if woorden and woorden <= eigen]


def _regios_koppelen(regios: list[Regio], verbanden: list, keuzes: dict[str, str], mag_nieuw):
    gezocht = _Verbandnamen(verbanden)
    namen = gezocht.namen
    per_pk = {str(v.pk): v for v in verbanden}
    for regio in regios:
        gevonden = gezocht.zoek(regio.naam)
        if len(gevonden) == 1:
            regio.verband = gevonden[0]
        else:
            lijkt_op = gevonden or [
                v
                for naam in namen.dichtstbij(regio.naam, n=5, drempel=0.5)
                for v in namen.zoek(naam)
            ]
            regio.kandidaten = lijkt_op[:5]
            regio.meerdere = len(gevonden) > 1
        keuze = keuzes.get(regio.sleutel, "")
        if keuze in per_pk:
            regio.verband = per_pk[keuze]
        elif keuze.startswith(NIEUW_VERBAND) and mag_nieuw and regio.verband is None:
            vorm = keuze.removeprefix(NIEUW_VERBAND)
            if vorm in Vorm.values:
                regio.nieuw_vorm = vorm


def plannen(
    rijen: list[tuple[int, str, str]],
    *,
    user,
    peildatum: datetime.date,
    keuzes: dict[str, str] | None = None,
) -> Indeling:
    """What importing `rijen` would do, for `user` on `peildatum`. `keuzes` maps a region
    (by its normalised name) to the pk of an arrangement or `nieuw:<vorm>`. Queries: the
    account's role, gemeenten, herindelingen, arrangements, running deelnames: five; a
    sixth (the other arrangements) when a secretariaat's region has no own arrangement."""
    gemeenten = _Gemeenten()
    verbanden = list(
        rechten.beperk(Samenwerkingsverband.objects.all(), user)
        .filter(alleen_historisch=False)
        .only("pk", "naam", "afkorting", "vorm", "uuid")
        .order_by("naam", "pk")
    )
    mag_nieuw = rechten.mag_model(user, rechten.TOEVOEGEN, Samenwerkingsverband)
    regios: dict[str, Regio] = {}
    regels = []
    for nummer, gemeente_tekst, regio_naam in rijen:
        regio = None
        if regio_naam:
            sleutel = normaliseer_naam(regio_naam)
            regio = regios.setdefault(sleutel, Regio(naam=regio_naam))
            regio.regels += 1
        regel = Regel(nummer=nummer, gemeente_tekst=gemeente_tekst, regio=regio)
        regels.append(regel)
        if not gemeente_tekst or regio is None:
            regel.status = FOUT
            regel.melding = (
                _("De gemeente ontbreekt; vul naam of CBS-code in.")
                if not gemeente_tekst
                else _("De regio ontbreekt; vul de naam van de regio in.")
            )
            continue
        try:
            regel.gemeente, regel.noot = gemeenten.opvolger(
                gemeenten.vind(gemeente_tekst), peildatum
            )
        except ValueError as fout:
            regel.status, regel.melding = FOUT, str(fout)
    _regios_koppelen(list(regios.values()), verbanden, keuzes or {}, mag_nieuw)
    open_regios = [r for r in regios.values() if r.verband is None]
    if open_regios and not rechten.is_beheerder(user):
        # A region that is another regio's arrangement: say so, rather than only offer to
        # create it again (one query, only then).
        elders = _Verbandnamen(
            list(
                Samenwerkingsverband.objects.filter(alleen_historisch=False)
                .exclude(pk__in=[v.pk for v in verbanden])
                .only("pk", "naam", "afkorting")
                .order_by("naam", "pk")
            )
        )
        for regio in open_regios:
            regio.elders = elders.zoek(regio.naam)[:3]

    gekoppeld = {r.verband.pk for r in regios.values() if r.verband is not None}
    lopend = set(
        Deelname.objects.filter(samenwerkingsverband__in=gekoppeld, gemeente__isnull=False)
        .filter(periode_q(peildatum, "toetredingsdatum", "uittredingsdatum"))
        .values_list("samenwerkingsverband_id", "gemeente_id")
    )
    gezien: dict[tuple, int] = {}
    for regel in regels:
        if regel.status == FOUT or regel.gemeente is None:
            continue
        sleutel = (regel.regio.sleutel, regel.gemeente.pk)
        if sleutel in gezien:
            regel.status = AL_BEKEND
            regel.melding = _("Staat al in het bestand (regel %(n)s).") % {"n": gezien[sleutel]}
            continue
        gezien[sleutel] = regel.nummer
        verband = regel.regio.verband
        if verband is not None and (verband.pk, regel.gemeente.pk) in lopend:
            regel.status = AL_BEKEND
            regel.melding = _("Deze deelname staat al in het register.")
        elif verband is not None and not rechten.mag(
            user, rechten.TOEVOEGEN, Deelname(samenwerkingsverband=verband, gemeente=regel.gemeente)
        ):
            regel.status = FOUT
            regel.melding = _("Uw account beheert %(verband)s niet.") % {"verband": verband.naam}
    return Indeling(
        regels=regels,
        regios=sorted(regios.values(), key=lambda r: (r.opgelost, sort_key(r.naam))),
        mag_verband_toevoegen=mag_nieuw,
        peildatum=peildatum,
    )


# --- Saving --------------------------------------------------------------------------------


def opslaan(
    indeling: Indeling,
    *,
    bestandsnaam: str,
    toetredingsdatum: datetime.date | None,
    user=None,
) -> list[Deelname]:
    """Write the plan: new arrangements first (a secretariaat's become its own, as in the
    admin), then every new deelname, in one transaction.
    A `ValidationError` (a row the register's rules refuse) names the file's line; then
    nothing is written."""
    if not indeling.kan_opslaan:
        raise ValidationError(
            _("Er is niets opgeslagen: los eerst de fouten en de regio's zonder keuze op."),
            code="niet_compleet",
        )
    with transaction.atomic():
        for regio in indeling.regios:
            if regio.verband is None and regio.nieuw_vorm:
                regio.verband = services.rij_opslaan(
                    rij=Samenwerkingsverband(
                        naam=regio.naam,
                        vorm=regio.nieuw_vorm,
                        bron=_("regio-indeling %(bestand)s") % {"bestand": bestandsnaam},
                    )
                )
                if user is not None:
                    rechten.eigen_maken(user, regio.verband)
        regels = indeling.nieuw
        rijen = [
            Deelname(
                samenwerkingsverband=regel.regio.verband,
                gemeente=regel.gemeente,
                toetredingsdatum=toetredingsdatum,
                bron=_bron(bestandsnaam, regel),
            )
            for regel in regels
        ]
        try:
            services.rijen_opslaan(
                model=Deelname,
                rijen=rijen,
                labels=[_("regel %(n)s") % {"n": r.nummer} for r in regels],
            )
        except services.Rijfouten as fouten:
            raise ValidationError(
                [
                    _("Regel %(n)s (%(gemeente)s, %(regio)s): %(fout)s")
                    % {
                        "n": regels[i].nummer,
                        "gemeente": regels[i].gemeente.naam,
                        "regio": regels[i].regio.naam,
                        "fout": " ".join(fout.messages),
                    }
                    for i, fout in sorted(fouten.per_rij.items())
                ]
            ) from None
    return rijen


def _bron(bestandsnaam: str, regel: Regel) -> str:
    tekst = _("Regio-indeling %(bestand)s, regel %(n)s") % {
        "bestand": bestandsnaam,
        "n": regel.nummer,
    }
    if regel.noot:
        tekst += f": {regel.noot}"
    veld = Deelname._meta.get_field("bron")
    return tekst if len(tekst) <= veld.max_length else tekst[: veld.max_length - 1] + "…"
