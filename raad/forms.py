from django import forms
from django.utils.translation import gettext_lazy as _

from samenwerking.peilmoment import DatumVeld, JaarVeld

from .constants import ZienswijzeStatus


class PeildatumForm(forms.Form):
    """The moment a page without money looks at: a peildatum for who is in."""

    peildatum = DatumVeld(
        label=_("Peildatum"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "invalid": _("Peildatum: vul een geldige datum in (JJJJ-MM-DD)."),
            "buiten_bereik": _("Peildatum: kies een datum van 1900-01-01 tot en met 2100-12-31."),
        },
        help_text=_("Welke deelnames lopen op deze dag. Leeg: vandaag."),
    )


class PeilForm(PeildatumForm):
    """The moment a page looks at: a peildatum for who is in, a jaar for the money."""

    jaar = JaarVeld(
        label=_("Jaar"),
        required=False,
        help_text=_("Van welk jaar de bijdragen. Leeg: het jaar van de peildatum."),
    )


INDELINGEN = [("vorm", _("per vorm")), ("domein", _("per domein"))]


class ZoekForm(forms.Form):
    q = forms.CharField(
        label=_("Zoek een gemeente of samenwerkingsverband"),
        max_length=100,
        required=False,
        help_text=_(
            "Naam, afkorting of CBS-code, bijvoorbeeld Den Haag, Súdwest-Fryslân, GM0363 of GGD."
        ),
    )


MODI = [("begroting", _("Begroting")), ("jaarrekening", _("Jaarrekening"))]
FORMATEN = [
    ("html", _("Webpagina (afdrukbaar, ook als pdf)")),
    ("xlsx", _("Excel (XLSX)")),
    ("csv", _("CSV voor Excel (puntkomma)")),
    ("ods", _("OpenDocument (ODS)")),
    ("json", _("JSON (open data)")),
]


class ExportForm(forms.Form):
    """Year, mode and file format of an exported list."""

    jaar = JaarVeld(label=_("Jaar"), required=False, help_text=_("Leeg: dit jaar."))
    modus = forms.ChoiceField(
        label=_("Voor"),
        choices=MODI,
        required=False,
        error_messages={"invalid_choice": _("Voor: kies begroting of jaarrekening.")},
        help_text=_(
            "Begroting: cijfers uit de begroting van het verband; jaarrekening: de "
            "gerealiseerde cijfers."
        ),
    )
    formaat = forms.ChoiceField(
        label=_("Formaat"),
        choices=FORMATEN,
        required=False,
        error_messages={
            "invalid_choice": _("Formaat: kies html, xlsx, csv, ods of json."),
        },
    )


class VerbandFilterForm(forms.Form):
    """The calendar and the zienswijzen of one arrangement; empty: all."""

    verband = forms.UUIDField(
        label=_("Samenwerkingsverband"),
        required=False,
        error_messages={"invalid": _("Samenwerkingsverband: kies er een uit de lijst.")},
    )


class ZienswijzenFilterForm(VerbandFilterForm):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle statussen")), *ZienswijzeStatus.choices],
        error_messages={"invalid_choice": _("Status: kies er een uit de lijst.")},
    )
