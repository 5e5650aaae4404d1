"""What the gemeente page's rows show in words, prepared once per page
(raad.gemeentelijst.rijweergaven) and the arrangements' addresses made for the whole list at
once (raad.adressen.verband_adressen): the same as per row."""

import datetime
import unicodedata

import pytest
from django.urls import reverse

from raad.adressen import gemeente_adressen, oplegger_adressen, verband_adres, verband_adressen
from raad.grafieken import _regels
from raad.templatetags.regioreg import afbreekbaar
from samenwerking.constants import (
    DeelnameRol,
    DeelnemendOrgaan,
    Functie,
    Karakter,
    OrgaanSoort,
    Vorm,
    ZetelRol,
)
from samenwerking.models import Gemeente
from tests import factories as f
from tests.pagina import paginatekst

pytestmark = pytest.mark.django_db

PEIL = {"peildatum": "2025-06-01", "jaar": "2025"}


def test_addresses_for_a_list_are_those_of_verband_adres(referentiedata):
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    met_slug = f.SamenwerkingsverbandFactory(naam="Veiligheidsregio Zaanstreek-Waterland")
    met_slug.slug = "veiligheidsregio-zaanstreek-waterland"
    met_slug.save(update_fields=["slug"])
    zonder_slug = f.SamenwerkingsverbandFactory(naam="GGD Zaanstreek-Waterland")
    zonder_slug.slug = ""
    zonder_slug.save(update_fields=["slug"])
    verbanden = [met_slug, zonder_slug]

    for gemeente in (zaanstad, None):
        adressen = verband_adressen(verbanden, gemeente=gemeente)
        assert adressen == {v.pk: verband_adres(v, gemeente=gemeente) for v in verbanden}
    assert verband_adressen(verbanden, gemeente=zaanstad) == {
        met_slug.pk: "/samenwerkingsverbanden/veiligheidsregio-zaanstreek-waterland/"
        "?gemeente=GM0479",
        zonder_slug.pk: f"/samenwerkingsverbanden/{zonder_slug.uuid}/?gemeente=GM0479",
    }


def test_oplegger_addresses_for_a_list_are_those_reverse_gives(referentiedata):
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    verbanden = [f.SamenwerkingsverbandFactory(), f.SamenwerkingsverbandFactory()]
    assert oplegger_adressen(verbanden, gemeente=zaanstad) == {
        v.pk: reverse("raad:oplegger", args=["GM0479", v.uuid]) for v in verbanden
    }
    assert oplegger_adressen(verbanden[:1], gemeente=zaanstad)[verbanden[0].pk] == (
        f"/gemeenten/GM0479/samenwerkingsverbanden/{verbanden[0].uuid}/oplegger/"
    )


def test_gemeente_addresses_for_a_list_are_those_reverse_gives():
    codes = ["GM0479", "GM0363", "GM1900"]
    assert gemeente_adressen(codes) == {c: reverse("raad:gemeente", args=[c]) for c in codes}
    assert gemeente_adressen(["GM0479"]) == {"GM0479": "/gemeenten/GM0479/"}


def test_a_row_shows_its_labels_organs_and_seats_in_words(client, referentiedata):
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    deelname = f.DeelnameFactory(
        gemeente=zaanstad,
        samenwerkingsverband__naam="Recreatieschap Twiske-Waterland",
        samenwerkingsverband__vorm=Vorm.BEDRIJFSVOERINGSORGANISATIE,
        samenwerkingsverband__karakter=Karakter.BEIDE,
        rol=DeelnameRol.CENTRUMGEMEENTE,
        deelnemende_bestuursorganen=[DeelnemendOrgaan.RAAD, DeelnemendOrgaan.COLLEGE],
        toetredingsdatum=datetime.date(2020, 1, 1),
    )
    verband = deelname.samenwerkingsverband
    f.ZetelFactory(
        deelname=deelname,
        persoon__naam="A. de Boer",
        functie=Functie.BURGEMEESTER,
        rol=ZetelRol.VOORZITTER,
        bestuursorgaan__soort=OrgaanSoort.DAGELIJKS_BESTUUR,
    )
    f.ZetelFactory(
        deelname=deelname,
        persoon__naam="B. Cohen",
        functie=Functie.RAADSLID,
        rol=ZetelRol.PLAATSVERVANGER,
        bestuursorgaan__soort=OrgaanSoort.BESTUURSCOMMISSIE,
        bestuursorgaan__naam="Commissie Recreatie & Groen",
    )
    # A second arrangement without any of these: onbekend where nothing is recorded.
    f.DeelnameFactory(gemeente=zaanstad, samenwerkingsverband__naam="Zonder Alles")

    antwoord = client.get("/gemeenten/GM0479/", PEIL)

    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord).split('id="analyse"')[0]
    rij = tekst[tekst.index(">Recreatieschap Twiske-Waterland</a>") :].split("</tr>")[0]
    assert '<span class="label label-karakter">uitvoerend en beleidsbepalend</span>' in rij
    # Grouped per vorm (the default) the vorm is the group's caption, not a column of its own.
    assert "<td>Bedrijfsvoeringsorganisatie</td>" not in rij
    assert (
        '<caption>Bedrijfsvoeringsorganisatie <span class="bijschrift">(1)</span></caption>'
    ) in tekst
    oplegger = f"/gemeenten/GM0479/samenwerkingsverbanden/{verband.uuid}/oplegger/"
    assert (
        f'<td>Centrumgemeente<br><a class="bijschrift" href="{oplegger}'
        '?peildatum=2025-06-01&amp;jaar=2025">oplegger'
    ) in rij
    assert "<td>Gemeenteraad, College van burgemeester en wethouders</td>" in rij
    assert (
        '<li>A. de Boer <span class="bijschrift">(burgemeester, voorzitter dagelijks bestuur)'
        "</span></li>"
    ) in rij
    assert (
        '<li>B. Cohen <span class="bijschrift">(raadslid, plaatsvervangend lid commissie '
        "recreatie &amp; groen)</span></li>"
    ) in rij
    leeg = tekst[tekst.index(">Zonder Alles</a>") :].split("</tr>")[0]
    assert "label-karakter" not in leeg
    assert "<td>onbekend</td>" in leeg
    assert '<td><span class="onbekend">onbekend</span></td>' in leeg


@pytest.mark.parametrize(
    "naam",
    [
        "GGD Zaanstreek-Waterland",
        "a" * 30,
        "a" * 31,
        "Veiligheidsregio Noord-Holland-Noord",
        "Veiligheidsregio Noord-Holland-Zuid",
        "Cafe\u0301 " * 6,  # 30 characters once composed (NFC)
        "Cafe\u0301 " * 7,
    ],
)
def test_a_chart_label_is_written_in_full_in_lines_of_30(naam):
    # Cut at 30 characters, "Veiligheidsregio Noord-Holland-Noord" and "-Zuid" looked alike.
    regels = _regels(naam)
    assert all(len(regel) <= 30 for regel in regels)
    samen = "".join(regels).replace(" ", "")
    assert samen == unicodedata.normalize("NFC", naam).replace(" ", "")
    assert _regels("") == ("",)


@pytest.mark.django_db(False)
@pytest.mark.parametrize(
    ("tekst", "afgebroken"),
    [
        ("Bedrijfsvoeringsorganisatie", "Bedrijfsvoerings|organisatie"),
        ("Samenwerkingsovereenkomst", "Samenwerkings|overeenkomst"),
        ("GR vuilverbrandingsinstallatie Alkmaar", "GR vuilverbrandings|installatie Alkmaar"),
        ("Afhankelijkheidsrelaties", "Afhankelijkheids|relaties"),
        ("Vertegenwoordigers", "Vertegen|woordigers"),
        # "samen" and "schap" take the s: belasting + samenwerking, werkvoorziening + schap.
        ("Belastingsamenwerking", "Belasting|samenwerking"),
        ("Werkvoorzieningschap", "Werkvoorziening|schap"),
        ("Schadevergoedingsschap", "Schadevergoedings|schap"),
        # Not before an e (an adjective, not a joint), nor in a short word or a plain name.
        ("Groningsestraat", "Groningsestraat"),
        ("Kings Road", "Kings Road"),
        ("Gemeenschappelijke regeling", "Gemeenschappelijke regeling"),
        # Escaped first: a name's own markup stays text.
        ("Samenwerkingsverband <b>", "Samenwerkings|verband &lt;b&gt;"),
    ],
)
def test_long_words_in_the_list_may_break_at_their_joints(tekst, afgebroken):
    """A break opportunity where a long compound may break (Chromium on Linux hyphenates no
    Dutch): one such word kept the gemeente page's list wider than a laptop."""
    assert afbreekbaar(tekst) == afgebroken.replace("|", "<wbr>")
