from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from samenwerking.constants import BijdrageSoort, Karakter, Vorm
from samenwerking.peilmoment import DatumVeld, JaarVeld, datum_fouten, jaar_fouten, peilmoment
from samenwerking.tekst import keuzefout

from .constants import ZienswijzeStatus
from .parameters import KOLOMMEN_STANDAARD, MODUS_STANDAARD, Formaat, Kolommen, Modus


def keuzeveld(label, choices, fout, **kwargs) -> forms.ChoiceField:
    """An optional choice; a value that is not offered is refused with `fout`, which names the
    field and what to choose."""
    return forms.ChoiceField(
        label=label,
        choices=choices,
        required=False,
        error_messages={"invalid_choice": fout},
        **kwargs,
    )


def keuze_uit(label, keuzes, **kwargs) -> forms.ChoiceField:
    """`keuzeveld` offering one of the `keuzes` (TextChoices); a value not offered is refused
    naming the field and every value, e.g. "Formaat: kies html, xlsx, csv, ods of json."."""
    return keuzeveld(label, keuzes.choices, keuzefout(label, keuzes.values), **kwargs)


def paginajaar(label, **kwargs) -> JaarVeld:
    """An optional year field whose refusal names it as the page shows it (`label`)."""
    return JaarVeld(label=label, required=False, error_messages=jaar_fouten(label), **kwargs)


class PeildatumForm(forms.Form):
    """The moment a page without money looks at: a peildatum for who is in."""

    peildatum = DatumVeld(
        label=_("Peildatum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages=datum_fouten(_("Peildatum")),
        help_text=_("Welke deelnames lopen op deze dag. Leeg: vandaag."),
    )


class PeilForm(PeildatumForm):
    """The moment a page looks at: a peildatum for who is in, a jaar for the money."""

    jaar = JaarVeld(
        label=_("Jaar"),
        required=False,
        help_text=_("Van welk jaar de bijdragen. Leeg: het jaar van de peildatum."),
    )


def geldige_waarden(form: forms.Form) -> dict:
    """The form's valid values, also when another field is refused: on every page a bad value
    of one parameter keeps the others the visitor chose."""
    form.is_valid()
    return getattr(form, "cleaned_data", {})


class JaarForm(forms.Form):
    """Only the year (pages that compare money of one year)."""

    jaar = paginajaar(_("Jaar"), help_text=_("Leeg: dit jaar."))

    def _geldig(self) -> dict:
        """The valid parameters, also when another one is refused (as raad.views._peilmoment):
        a bad soort keeps the chosen jaar."""
        return geldige_waarden(self)

    def gekozen_jaar(self) -> int:
        """The asked year, else (also on bad input, which the form then reports) this year."""
        return peilmoment(jaar=self._geldig().get("jaar"))[1]


class OverDeJarenForm(JaarForm):
    """The last year of the ten and which bijdragen: begroot or gerealiseerd."""

    jaar = paginajaar(_("Tot en met jaar"), help_text=_("Leeg: dit jaar."))
    soort = keuze_uit(_("Bijdragen"), BijdrageSoort, initial=BijdrageSoort.BEGROOT)

    def gekozen_soort(self) -> str:
        return self._geldig().get("soort") or BijdrageSoort.BEGROOT


INDELINGEN = [("vorm", _("per vorm")), ("domein", _("per domein")), ("motief", _("per motief"))]

ONBEKEND = "onbekend"
KARAKTERKEUZES = [
    ("", _("alle")),
    (Karakter.BELEIDSBEPALEND, _("beleidsbepalend (ook beide)")),
    (Karakter.UITVOEREND, _("uitvoerend (ook beide)")),
    (Karakter.BEIDE, _("uitvoerend en beleidsbepalend")),
    (ONBEKEND, _("niet vastgelegd")),
]


VERBONDEN_KEUZES = [("", _("alle")), ("ja", _("ja")), ("nee", _("nee"))]
SORTERINGEN = [
    (f"{richting}{kolom}", f"{richting}{kolom}")
    for kolom in ("naam", "vorm", "bijdrage")
    for richting in ("", "-")
]


def karakter_past(karakter: str, keuze: str) -> bool:
    """Does an arrangement of `karakter` belong to the filter `keuze`? Uitvoerend and
    beleidsbepalend include the arrangements that are both."""
    if not keuze:
        return True
    if keuze == ONBEKEND:
        return not karakter
    if keuze == Karakter.BEIDE:
        return karakter == Karakter.BEIDE
    return karakter in (keuze, Karakter.BEIDE)


class GemeenteForm(PeilForm):
    """The gemeente page: the moment, and which arrangements by karakter."""

    karakter = keuzeveld(
        _("Karakter"),
        KARAKTERKEUZES,
        _("Karakter: kies alle, beleidsbepalend, uitvoerend, beide of onbekend."),
        help_text=_("Alleen de verbanden die beleid bepalen, of die uitvoeren. Leeg: alle."),
    )
    # The list's filters, grouping and order (raad.gemeentelijst). The domains offered are
    # those of the gemeente's rows; the view checks a chosen one against them.
    domein = forms.SlugField(
        label=_("Domein"),
        required=False,
        max_length=50,
        help_text=_("Alleen de verbanden in dit beleidsterrein. Leeg: alle."),
        error_messages={"invalid": _("Domein: kies een domein uit de lijst.")},
    )
    vorm = keuzeveld(
        _("Vorm"),
        [("", _("alle")), *Vorm.choices],
        _("Vorm: kies een vorm uit de lijst."),
        help_text=_("Alleen de verbanden met deze vorm. Leeg: alle."),
    )
    verbonden_partij = keuzeveld(
        _("Verbonden partij"),
        VERBONDEN_KEUZES,
        _("Verbonden partij: kies alle, ja of nee."),
        help_text=_("Verbonden partij in het gekozen jaar (BBV art. 1). Leeg: alle."),
    )
    indeling = keuzeveld(
        _("Groepeer"), INDELINGEN, _("Groepeer: kies per vorm, per domein of per motief.")
    )
    sorteer = keuzeveld(
        _("Sorteer"),
        SORTERINGEN,
        _("Sorteer: kies naam, vorm of bijdrage (met - ervoor: aflopend)."),
    )


ZOEKLABEL = _("Zoek een gemeente of samenwerkingsverband")


class ZoekForm(forms.Form):
    q = forms.CharField(
        label=ZOEKLABEL,
        max_length=100,
        required=False,
        error_messages={
            # Named as the page labels the field (templates/raad/_zoekform.html).
            "max_length": format_lazy(
                _(
                    "{veld}: gebruik hoogstens %(limit_value)d tekens (nu %(show_value)d). Zoek "
                    "op een deel van de naam, de afkorting of de CBS-code."
                ),
                veld=ZOEKLABEL,
            ),
            "null_characters_not_allowed": format_lazy(
                _("{veld}: de zoekterm bevat een onzichtbaar nulteken. Typ hem opnieuw."),
                veld=ZOEKLABEL,
            ),
        },
        help_text=_(
            "Naam, afkorting of CBS-code, bijvoorbeeld Den Haag, Súdwest-Fryslân, GM0363 of GGD "
            "Utrecht."
        ),
    )
    pagina = forms.IntegerField(
        label=_("Pagina"),
        required=False,
        min_value=1,
        max_value=100000,
        error_messages={
            "invalid": _("Pagina: vul een paginanummer in, bijvoorbeeld 2."),
            "min_value": _("Pagina: vul een paginanummer vanaf 1 in."),
            "max_value": _("Pagina: zo veel pagina's zijn er niet."),
        },
    )


def _formaat() -> forms.ChoiceField:
    # Named as the pages show it; the API's and the command's parameter is "formaat".
    return keuze_uit(_("Bestandsformaat"), Formaat, initial=Formaat.HTML)


class RegisterForm(PeildatumForm):
    """The art. 27 register: on a peildatum, as a page or a file."""

    formaat = _formaat()


class ExportForm(forms.Form):
    """Year, mode and file format of the verbonden-partijen list; each field's label is the
    one the page shows, so its refusal names it so."""

    jaar = paginajaar(_("Jaar van de lijst"), help_text=_("Leeg: dit jaar."))
    modus = keuze_uit(
        _("Lijst voor"),
        Modus,
        initial=MODUS_STANDAARD,
        help_text=_(
            "Begroting: cijfers uit de begroting van het verband; jaarrekening: de "
            "gerealiseerde cijfers."
        ),
    )
    kolommen = keuze_uit(
        _("Kolommen"),
        Kolommen,
        initial=KOLOMMEN_STANDAARD,
        help_text=_(
            "BBV-minimum: wat BBV art. 15 vraagt; uitgebreid: ook programma, eigenaars- en "
            "opdrachtgeversrol, aandelenbelang, meerjarenraming en solvabiliteit."
        ),
    )
    formaat = _formaat()

    def __init__(self, *args, **kwargs):
        # Its fields' ids differ from those of the page's own form (gemeente page: id_jaar).
        super().__init__(*args, auto_id="id_export_%s", **kwargs)

    @property
    def eerste_fout(self) -> str | None:
        """The first refused field, which gets the focus."""
        return next(iter(self.errors), None)


class VerbandFilterForm(forms.Form):
    """The calendar and the zienswijzen of one arrangement; empty: all."""

    verband = forms.UUIDField(
        label=_("Samenwerkingsverband"),
        required=False,
        error_messages={"invalid": _("Samenwerkingsverband: kies er een uit de lijst.")},
    )


class ZienswijzenFilterForm(VerbandFilterForm):
    status = keuzeveld(
        _("Status"),
        [("", _("Alle statussen")), *ZienswijzeStatus.choices],
        _("Status: kies er een uit de lijst."),
    )
