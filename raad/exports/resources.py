"""The columns of the council's lists: django-import-export resources that turn rows into
tablib tables, each column headed by its Dutch title."""

import tablib
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from import_export import fields, resources, widgets

from samenwerking.models import Samenwerkingsverband
from samenwerking.tekst import opsomming

from ..selectors import OVERIGE_SAMENWERKING
from .spreadsheet import Blad


class NatieveWidget(widgets.Widget):
    """Keeps Decimals, numbers and None as they are, so that each format can write them."""

    def render(self, value, obj=None, **kwargs):
        return value


class TekstWidget(NatieveWidget):
    """A text column: an empty text says what the page says for it ("onbekend", "niet
    vastgelegd"), in every spreadsheet format. (Unknown numbers stay empty cells: see
    `spreadsheet`.) `lopend`: the register's running text (a doel), with its glued lists
    and sentences on lines of their own as the page shows them (`tekst.opsomming`)."""

    def __init__(self, leeg, *, lopend: bool = False):
        super().__init__()
        self.leeg, self.lopend = leeg, lopend

    def render(self, value, obj=None, **kwargs):
        if not value:
            return str(self.leeg)
        return opsomming(value) if self.lopend else value


ONBEKEND, NIET_VASTGELEGD = gettext_lazy("onbekend"), gettext_lazy("niet vastgelegd")


def _kolom(
    kop: str,
    attribuut: str | None = None,
    methode: str | None = None,
    *,
    leeg=None,
    lopend: bool = False,
) -> fields.Field:
    """A column; `leeg` for a text column: what it says when the text is not recorded;
    `lopend` for the register's running text (TekstWidget)."""
    widget = NatieveWidget() if leeg is None else TekstWidget(leeg, lopend=lopend)
    return fields.Field(
        column_name=kop, attribute=attribuut, dehydrate_method=methode, widget=widget
    )


class VerbondenPartijResource(resources.Resource):
    """One row per participation: the columns of the BBV art. 15 list."""

    GELD = (
        "bijdrage_begroot",
        "bijdrage_gerealiseerd",
        "eigen_vermogen_begin",
        "eigen_vermogen_eind",
        "vreemd_vermogen_begin",
        "vreemd_vermogen_eind",
        "resultaat",
    )
    PROCENT = ("verdeelsleutel",)

    categorie = _kolom(_("Categorie"), methode="dehydrate_categorie")
    naam = _kolom(_("Naam"), "verband__naam")
    rechtsvorm = _kolom(_("Rechtsvorm"), "verband__get_vorm_display")
    vestigingsplaats = _kolom(_("Vestigingsplaats"), "verband__vestigingsplaats", leeg=ONBEKEND)
    doel = _kolom(_("Openbaar belang / doel"), "verband__doel", leeg=ONBEKEND, lopend=True)
    deelnemers = _kolom(_("Deelnemende partijen"), methode="dehydrate_deelnemers")
    deelname_via = _kolom(_("Deelname via"), "deelname_via")
    bestuurlijk_belang = _kolom(_("Bestuurlijk belang"), "bestuurlijk_belang")
    bijdrage_begroot = _kolom(_("Bijdrage begroot"), "deelname__bijdrage_begroot")
    bijdrage_gerealiseerd = _kolom(_("Bijdrage gerealiseerd"), "deelname__bijdrage_gerealiseerd")
    verdeelsleutel = _kolom(_("Verdeelsleutel (%)"), "deelname__verdeelsleutel")
    eigen_vermogen_begin = _kolom(_("Eigen vermogen 1 januari"), "cijfers__eigen_vermogen_begin")
    eigen_vermogen_eind = _kolom(_("Eigen vermogen 31 december"), "cijfers__eigen_vermogen_eind")
    vreemd_vermogen_begin = _kolom(_("Vreemd vermogen 1 januari"), "cijfers__vreemd_vermogen_begin")
    vreemd_vermogen_eind = _kolom(_("Vreemd vermogen 31 december"), "cijfers__vreemd_vermogen_eind")
    resultaat = _kolom(_("Financieel resultaat"), "cijfers__resultaat")
    risicos = _kolom(_("Risico's"), "cijfers__risicos", leeg=ONBEKEND)
    ontwikkelingen = _kolom(_("Ontwikkelingen"), "cijfers__ontwikkelingen", leeg=ONBEKEND)
    bron = _kolom(_("Bron"), "bron", leeg=ONBEKEND)
    redenen = _kolom(_("Waarom (niet) verbonden partij"), "deelname__bbv_redenen")

    def dehydrate_categorie(self, partij):
        # The same name as the sheet and the overview's line of these rows.
        return (
            partij.categorie.label
            if partij.deelname.verbonden_partij
            else str(OVERIGE_SAMENWERKING)
        )

    def dehydrate_deelnemers(self, partij):
        return "; ".join(partij.deelnemers)


class VerbondenPartijUitgebreidResource(VerbondenPartijResource):
    """The BBV columns and what published lists commonly add: programma, eigenaars- and
    opdrachtgeversrol, the financieel belang as one column with its numeric parts,
    aandelenbelang, the meerjarenraming (the list's year and the three after it, headed by
    their years) and the solvabiliteit on 1 January and 31 December."""

    GELD = (
        *VerbondenPartijResource.GELD,
        "aandeel_eigen_vermogen_bedrag",
        "raming_0",
        "raming_1",
        "raming_2",
        "raming_3",
    )
    PROCENT = (
        *VerbondenPartijResource.PROCENT,
        "aandeel_tekort",
        "aandeel_eigen_vermogen",
        "aandelen_percentage",
        "solvabiliteit_begin",
        "solvabiliteit_eind",
    )
    GETAL = ("aandelen_aantal",)

    programma = _kolom(_("Programma / beleidsdoel"), "deelname__programma", leeg=ONBEKEND)
    eigenaarsrol = _kolom(_("Eigenaarsrol"), "deelname__eigenaarsrol", leeg=ONBEKEND)
    opdrachtgeversrol = _kolom(_("Opdrachtgeversrol"), "deelname__opdrachtgeversrol", leeg=ONBEKEND)
    financieel_belang = _kolom(_("Financieel belang (samengevat)"), "financieel_belang")
    aandeel_tekort = _kolom(_("Aandeel in een tekort (%)"), "deelname__aandeel_tekort")
    aandeel_eigen_vermogen = _kolom(
        _("Aandeel in het eigen vermogen (%)"), "deelname__aandeel_eigen_vermogen"
    )
    aandeel_eigen_vermogen_bedrag = _kolom(
        _("Aandeel in het eigen vermogen 31 december"), "aandeel_eigen_vermogen_bedrag"
    )
    aandelen_aantal = _kolom(_("Aantal aandelen"), "deelname__aandelen_aantal")
    aandelen_percentage = _kolom(_("Aandelenbelang (%)"), "deelname__aandelen_percentage")
    raming_0 = _kolom("raming 0", methode="dehydrate_raming_0")
    raming_1 = _kolom("raming 1", methode="dehydrate_raming_1")
    raming_2 = _kolom("raming 2", methode="dehydrate_raming_2")
    raming_3 = _kolom("raming 3", methode="dehydrate_raming_3")
    solvabiliteit_begin = _kolom(_("Solvabiliteit 1 januari (%)"), "solvabiliteit_begin")
    solvabiliteit_eind = _kolom(_("Solvabiliteit 31 december (%)"), "solvabiliteit_eind")

    def __init__(self, *, jaar: int, **kwargs):
        super().__init__(**kwargs)
        # The meerjarenraming's columns are headed by their years.
        for i in range(4):
            self.fields[f"raming_{i}"].column_name = _("Geraamde bijdrage %(jaar)s") % {
                "jaar": jaar + i
            }

    def dehydrate_raming_0(self, partij):
        return partij.meerjarenraming[0][1]

    def dehydrate_raming_1(self, partij):
        return partij.meerjarenraming[1][1]

    def dehydrate_raming_2(self, partij):
        return partij.meerjarenraming[2][1]

    def dehydrate_raming_3(self, partij):
        return partij.meerjarenraming[3][1]


class Art27Resource(resources.Resource):
    """One row per gemeenschappelijke regeling: the items of the art. 27 register; an item not
    recorded says "niet vastgelegd", as on the register page."""

    GELD = ()
    PROCENT = ()

    naam = _kolom(_("Regeling"), "naam")
    deelnemers = _kolom(_("Deelnemers"), methode="dehydrate_deelnemers")
    voorschriften = _kolom(
        _("Wettelijke voorschriften die de bevoegdheden beheersen"),
        methode="dehydrate_voorschriften",
    )
    bevoegdheden = _kolom(_("Overgedragen bevoegdheden"), methode="dehydrate_bevoegdheden")
    adres = _kolom(_("Adres"), methode="dehydrate_adres")
    vestigingsplaats = _kolom(_("Plaats van vestiging"), "vestigingsplaats", leeg=NIET_VASTGELEGD)
    rechtsvorm = _kolom(_("Ingestelde rechtsvorm"), methode="dehydrate_rechtsvorm")

    def dehydrate_deelnemers(self, verband: Samenwerkingsverband):
        return _lijst(str(d.deelnemer) for d in verband.deelnemers_op_peildatum)

    def dehydrate_voorschriften(self, verband):
        return _lijst(w.opschrift for w in verband.wettelijke_grondslagen.all())

    def dehydrate_bevoegdheden(self, verband):
        # As the page: "artikel: omschrijving (delegatie)".
        return _lijst(
            " ".join(
                filter(
                    None,
                    [
                        f"{b.artikel}: {opsomming(b.omschrijving)}"
                        if b.artikel
                        else opsomming(b.omschrijving),
                        b.verkrijging and f"({b.get_verkrijging_display().lower()})",
                    ],
                )
            )
            for b in verband.bevoegdheden.all()
        )

    def dehydrate_adres(self, verband):
        return " ".join(filter(None, [verband.adres, verband.postcode])) or str(NIET_VASTGELEGD)

    def dehydrate_rechtsvorm(self, verband):
        # The page's words (templates/raad/register.html).
        return verband.ingestelde_rechtsvorm or _(
            "geen openbaar lichaam, bedrijfsvoeringsorganisatie of gemeenschappelijk orgaan "
            "(%(vorm)s)"
        ) % {"vorm": verband.get_vorm_display().lower()}


def _lijst(teksten) -> str:
    """Items of the register in one cell; "niet vastgelegd" when there are none."""
    return "; ".join(teksten) or str(NIET_VASTGELEGD)


def blad(resource_class, rijen, *, naam: str, titel: str, **opties) -> Blad:
    """A sheet of `rijen` in the columns of `resource_class` (made with `opties`), its money,
    percentage and other number columns marked for the spreadsheet's number formats."""
    resource = resource_class(**opties)
    tabel: tablib.Dataset = resource.export(rijen)

    def koppen(namen: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(str(resource.fields[n].column_name) for n in namen)

    return Blad(
        naam=naam,
        titel=titel,
        tabel=tabel,
        geld=koppen(resource_class.GELD),
        procent=koppen(resource_class.PROCENT),
        getal=koppen(getattr(resource_class, "GETAL", ())),
    )
