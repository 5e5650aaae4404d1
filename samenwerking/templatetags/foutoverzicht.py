"""The summary of a refused form at the top of the page: every refused field by its label, as
a link to the field, with what is wrong; an inline row by its number ("Deelname 3: Bijdrage
begroot: …"). Used by every admin change form (templates/admin/change_form.html) and by the
workplace's forms."""

from dataclasses import dataclass

from django import forms, template
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.text import capfirst

register = template.Library()


@dataclass
class Fout:
    plaats: str  # "Naam", "Deelname 3: Bijdrage begroot"
    doel: str  # the id of the field (or row) the link leads to
    tekst: str


def _veld_doel(form, naam: str) -> str:
    veld = form.fields.get(naam)
    if veld is None or isinstance(veld.widget, forms.HiddenInput):
        return _eerste_veld(form)
    veld = form[naam]
    # A list of checkboxes: its first box (the list itself has no label of its own).
    keuzes = veld.subwidgets if not veld.id_for_label else []
    return veld.id_for_label or (keuzes and keuzes[0].id_for_label) or veld.auto_id


def _eerste_veld(form) -> str:
    for veld in form.visible_fields():
        return veld.id_for_label or veld.auto_id
    return ""


def _zonder_label(tekst: str, label: str) -> str:
    """A message that names its field itself ("Jaar: moet tussen …") without the name, which
    the summary's link already says."""
    voorvoegsel = f"{label}: "
    return tekst[len(voorvoegsel) :] if tekst.lower().startswith(voorvoegsel.lower()) else tekst


def _fouten_van_form(form, voor: str = "", *, algemeen: bool = False) -> list[Fout]:
    fouten = []
    for naam, lijst in form.errors.items():
        if naam == NON_FIELD_ERRORS:
            # A row's are named with the row; the admin form's own stand right above the
            # summary (Django's non_field_errors), another form's in it (`algemeen`).
            if voor:
                plaats = voor.rstrip(": ")
                fouten += [Fout(plaats, _eerste_veld(form), t) for t in lijst]
            elif algemeen:
                fouten += [Fout("", "", t) for t in lijst]
            continue
        veld = form.fields.get(naam)
        label = capfirst(veld.label) if veld is not None and veld.label else capfirst(naam)
        doel = _veld_doel(form, naam)
        fouten += [Fout(f"{voor}{label}", doel, _zonder_label(t, label)) for t in lijst]
    return fouten


def _fouten_van_formset(formset, voor: str = "") -> list[Fout]:
    opts = formset.model._meta
    fouten = [
        Fout(f"{voor}{capfirst(opts.verbose_name_plural)}", f"{formset.prefix}-group", t)
        for t in formset.non_form_errors()
    ]
    enkel = formset.max_num == 1  # one row at most (an account's role): no number
    for i, form in enumerate(formset.forms, start=1):
        if form.errors:
            rij = capfirst(opts.verbose_name) if enkel else f"{capfirst(opts.verbose_name)} {i}"
            fouten += _fouten_van_form(form, f"{voor}{rij}: ")
    return fouten


@register.inclusion_tag("admin/_foutoverzicht.html")
def foutoverzicht(form, formsets=()):
    """`form`: a form or the admin's AdminForm; `formsets`: the admin's inline formsets (or
    plain formsets)."""
    admin = hasattr(form, "form")  # Django shows an AdminForm's non-field errors itself
    form = getattr(form, "form", form)
    fouten = (
        _fouten_van_form(form, algemeen=not admin) if form is not None and form.is_bound else []
    )
    for formset in formsets or ():
        formset = getattr(formset, "formset", formset)
        if formset.is_bound:
            fouten += _fouten_van_formset(formset)
    return {"fouten": fouten}
