"""The admin for regio secretaries: every page loads, lists cost a fixed number of queries,
and saving goes through the services' rules."""

import datetime
from decimal import Decimal
from html import escape

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from lxml import html
from simple_history.models import HistoricalChanges

from samenwerking import models
from samenwerking.adminbasis import RegisterInline, ServiceModelForm, ServiceWrites
from samenwerking.constants import Vorm
from tests import factories as f
from tests.pagina import paginatekst
from tests.toegang import account
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db

D = datetime.date

# Rows only an import writes (the national register's versions, the record of imports).
ALLEEN_LEZEN = {models.Regelingversie, models.Bronimport}
GEREGISTREERD = sorted(admin.site._registry, key=lambda m: m._meta.label)
REGISTER_MODELLEN = [m for m in GEREGISTREERD if m._meta.app_label == "samenwerking"]

MAAK = {
    models.Provincie: lambda n: f.ProvincieFactory(code=f"PV{40 + n}", naam=f"Provincie {n}"),
    models.Gemeente: lambda n: f.GemeenteFactory(),
    models.Herindeling: lambda n: f.HerindelingFactory(),
    models.Inwonertal: lambda n: f.InwonertalFactory(),
    models.Organisatie: lambda n: f.OrganisatieFactory(),
    models.Domein: lambda n: f.DomeinFactory(),
    models.Persoon: lambda n: f.PersoonFactory(),
    models.Samenwerkingsverband: lambda n: f.DeelnameFactory().samenwerkingsverband,
    models.Deelname: lambda n: f.DeelnameFactory(),
    models.Bestuursorgaan: lambda n: f.BestuursorgaanFactory(),
    models.Zetel: lambda n: f.ZetelFactory(),
    models.Bijdrage: lambda n: f.BijdrageFactory(),
    models.Jaarcijfers: lambda n: f.JaarcijfersFactory(),
    models.Document: lambda n: f.DocumentFactory(),
    models.WettelijkeGrondslag: lambda n: f.WettelijkeGrondslagFactory(),
    models.Bevoegdheid: lambda n: f.BevoegdheidFactory(),
    models.Regelingversie: lambda n: f.RegelingversieFactory(),
    models.Bronimport: lambda n: models.Bronimport.objects.create(
        bron="ROO", stand=datetime.datetime(2026, 5, 19 - n % 10, tzinfo=datetime.UTC)
    ),
}


def test_every_register_model_is_in_the_admin():
    from django.apps import apps

    # The Historical… models of the audit trail are shown on each row's history page; the
    # page cache's version row is no register data.
    modellen = {
        m
        for m in apps.get_app_config("samenwerking").get_models()
        if not issubclass(m, HistoricalChanges) and m is not models.Registerversie
    }
    assert modellen == set(REGISTER_MODELLEN)
    assert set(MAAK) == set(REGISTER_MODELLEN)


def _inlines(klasse):
    for inline in getattr(klasse, "inlines", []):
        yield inline
        yield from _inlines(inline)


@pytest.mark.parametrize(
    "model",
    [m for m in GEREGISTREERD if m._meta.app_label in ("samenwerking", "raad")],
    ids=lambda m: m._meta.label,
)
def test_every_register_admin_and_inline_writes_through_the_services(model):
    """No admin saves around the services: its rows, its inline rows and its deletions go
    through services.rij_opslaan / rij_verwijderen (ServiceWrites), and its forms check the
    rules across rows of their model (ServiceModelForm, RegisterInline)."""
    beheer = admin.site._registry[model]
    assert isinstance(beheer, ServiceWrites)
    assert issubclass(beheer.form, ServiceModelForm) or model in ALLEEN_LEZEN
    for inline in _inlines(type(beheer)):
        assert issubclass(inline, RegisterInline), inline
        assert issubclass(inline.form, ServiceModelForm), inline


@pytest.mark.parametrize("model", GEREGISTREERD, ids=lambda m: m._meta.label)
def test_changelist_and_add_page_load_for_a_superuser(admin_client, model):
    if model in MAAK:
        MAAK[model](0)
    info = (model._meta.app_label, model._meta.model_name)
    lijst = admin_client.get(reverse("admin:{}_{}_changelist".format(*info)))
    assert lijst.status_code == 200
    assert lijst.context["cl"].result_count == model.objects.count()
    assert f"<h1>Selecteer {model._meta.verbose_name}" in lijst.content.decode()
    if model._meta.app_label == "axes" or model in ALLEEN_LEZEN:
        return  # logs and what only an import writes: listed, never added by hand
    toevoegen = admin_client.get(reverse("admin:{}_{}_add".format(*info)))
    assert toevoegen.status_code == 200
    # A Dutch title puts the model's name first, with a capital.
    titel = f"{capfirst(model._meta.verbose_name)} toevoegen"
    assert f"<h1>{titel}</h1>" in toevoegen.content.decode()
    assert f"<title>{titel} | " in toevoegen.content.decode()
    # The breadcrumb ends in the same words, the list it belongs to a link before them.
    kruimels = html.fromstring(toevoegen.content).xpath("//div[@class='breadcrumbs']")[0]
    tekst = " ".join(kruimels.text_content().split())
    assert tekst.endswith(f"› {capfirst(model._meta.verbose_name_plural)} › {titel}"), tekst
    lijst_url = reverse("admin:{}_{}_changelist".format(*info))
    assert kruimels.xpath("a/@href")[-1] == lijst_url


@pytest.mark.parametrize("model", REGISTER_MODELLEN, ids=lambda m: m._meta.label)
def test_changelist_queries_do_not_grow_with_rows(admin_client, model):
    url = reverse(f"admin:samenwerking_{model._meta.model_name}_changelist")
    MAAK[model](1)
    admin_client.get(url)  # warm up the session and content types
    with CaptureQueriesContext(connection) as een:
        assert admin_client.get(url).status_code == 200
    for n in range(2, 7):
        MAAK[model](n)
    with CaptureQueriesContext(connection) as meer:
        antwoord = admin_client.get(url)
    assert len(meer) == len(een), [q["sql"] for q in meer.captured_queries]
    assert antwoord.status_code == 200
    assert antwoord.context["cl"].result_count == model.objects.count()


def test_change_page_of_an_arrangement_is_compact_with_tabs_to_its_rows(admin_client):
    zetel = f.ZetelFactory()
    f.BijdrageFactory(deelname=zetel.deelname)
    f.JaarcijfersFactory(samenwerkingsverband=zetel.deelname.samenwerkingsverband)
    verband = zetel.deelname.samenwerkingsverband
    url = reverse("admin:samenwerking_samenwerkingsverband_change", args=[verband.pk])
    pagina = admin_client.get(url)
    assert pagina.status_code == 200
    inhoud = pagina.content.decode()
    # The rows live on pages of their own, linked from tabs; not as nested forms here.
    for naam in ("deelnemers", "bijdragen", "besturen", "jaarcijfers"):
        tab = reverse(f"admin:samenwerking_samenwerkingsverband_{naam}", args=[verband.pk])
        assert f'href="{tab}"' in inhoud
    assert "deelnames-TOTAL_FORMS" not in inhoud
    assert "bestuursorganen-TOTAL_FORMS" not in inhoud


def _deelname_formulier(verband, gemeente, **velden):
    data = {
        "samenwerkingsverband": verband.pk,
        "gemeente": gemeente.pk,
        "organisatie": "",
        "rol": "deelnemer",
        "toetredingsdatum": "",
        "uittredingsdatum": "",
        "verdeelsleutel": "",
        "stemmen": "",
        "aansprakelijkheid_toelichting": "",
        "bron": "",
        "bijdragen-TOTAL_FORMS": "0",
        "bijdragen-INITIAL_FORMS": "0",
        "zetels-TOTAL_FORMS": "0",
        "zetels-INITIAL_FORMS": "0",
    }
    data.update(velden)
    return data


def test_admin_shows_the_overlap_rule_next_to_the_field(admin_client):
    bestaand = f.DeelnameFactory(toetredingsdatum=D(2015, 1, 1), uittredingsdatum=D(2022, 1, 1))
    antwoord = admin_client.post(
        reverse("admin:samenwerking_deelname_add"),
        _deelname_formulier(
            bestaand.samenwerkingsverband, bestaand.gemeente, toetredingsdatum="2020-01-01"
        ),
    )
    assert antwoord.status_code == 200  # the form again, with the error
    fouten = antwoord.context["adminform"].form.errors
    assert "neemt in deze periode al deel" in fouten["toetredingsdatum"][0]
    assert models.Deelname.objects.count() == 1


# Two bijdragen of a deelname that starts in 2024: the second, of 2023, is refused.
BIJDRAGEN_2024_EN_2023 = {
    "bijdragen-TOTAL_FORMS": "2",
    "bijdragen-0-jaar": "2024",
    "bijdragen-0-soort": "begroot",
    "bijdragen-0-onderdeel": "",
    "bijdragen-0-bedrag": "1234.56",
    "bijdragen-1-jaar": "2023",
    "bijdragen-1-soort": "begroot",
    "bijdragen-1-onderdeel": "",
    "bijdragen-1-bedrag": "99",
}


def test_admin_saves_a_deelname_with_a_bijdrage_through_the_services(admin_client):
    verband = f.SamenwerkingsverbandFactory()
    gemeente = f.GemeenteFactory()
    antwoord = admin_client.post(
        reverse("admin:samenwerking_deelname_add"),
        _deelname_formulier(
            verband, gemeente, toetredingsdatum="2024-01-01", **BIJDRAGEN_2024_EN_2023
        ),
    )
    # 2023 lies before the toetreding: the service's rule shows as an inline error.
    assert antwoord.status_code == 200
    inline_fouten = antwoord.context["inline_admin_formsets"][0].formset.errors
    assert "nam in 2023 niet deel" in inline_fouten[1]["jaar"][0]
    assert not models.Deelname.objects.exists()


def test_adding_a_running_deelnemer_again_is_refused_with_its_name(admin_client):
    verband = f.SamenwerkingsverbandFactory(vorm=Vorm.GEMEENSCHAPPELIJK_ORGAAN)
    bestaand = f.DeelnameFactory(samenwerkingsverband=verband, toetredingsdatum=D(2020, 1, 1))
    nieuw = f.GemeenteFactory()
    url = reverse("admin:samenwerking_samenwerkingsverband_deelnemers", args=[verband.pk])
    antwoord = admin_client.post(
        url, {"gemeenten": [bestaand.gemeente.pk, nieuw.pk], "toetredingsdatum": "2021-01-01"}
    )
    # It is not offered (see test_werkplek); posted anyway, the field names it.
    assert antwoord.status_code == 200
    fouten = antwoord.context["form"].errors["gemeenten"]
    assert fouten[0].startswith(f"{bestaand.gemeente.naam}: ")
    assert "neemt al deel aan dit samenwerkingsverband zonder einddatum" in fouten[0]
    assert escape(fouten[0]) in antwoord.content.decode()
    # All or nothing: the other gemeente was not added either.
    assert list(models.Deelname.objects.all()) == [bestaand]


def test_amounts_in_the_lists_read_as_amounts(admin_client):
    """A list shows an amount as the pages do, with the thousands dot (it said 1234567,00),
    still sortable by it; an unknown one is the list's empty mark, never € 0."""
    f.BijdrageFactory(bedrag=Decimal("1234567.00"))
    f.JaarcijfersFactory(lasten=Decimal("-2500.5"), baten=None)
    lijst = admin_client.get(reverse("admin:samenwerking_bijdrage_changelist"))
    tekst = lijst.content.decode()
    assert '<td class="field-bedrag">€ 1.234.567,00</td>' in tekst
    assert "1234567,00" not in tekst
    assert 'class="sortable column-bedrag"' in tekst  # the header sorts by the amount
    tekst = admin_client.get(reverse("admin:samenwerking_jaarcijfers_changelist")).content
    tekst = tekst.decode()
    assert '<td class="field-lasten">− € 2.500,50</td>' in tekst
    assert '<td class="field-baten">-</td>' in tekst


def test_actief_op_filter_with_any_date(admin_client):
    oud = f.DeelnameFactory(toetredingsdatum=D(2000, 1, 1), uittredingsdatum=D(2010, 1, 1))
    nieuw = f.DeelnameFactory(toetredingsdatum=D(2015, 1, 1))
    url = reverse("admin:samenwerking_deelname_changelist")
    lijst = admin_client.get(url, {"actief_op": "2005-06-01"}).context["cl"].result_list
    assert list(lijst) == [oud]
    lijst = admin_client.get(url, {"actief_op": "2020-06-01"}).context["cl"].result_list
    assert list(lijst) == [nieuw]
    # A wrong date is refused the admin way (redirect with ?e=1), not a crash.
    assert admin_client.get(url, {"actief_op": "morgen"}).status_code == 302


def test_lists_count_what_runs_today_by_the_half_open_period(admin_client):
    """`gemeenten nu` and `deelnemers nu` count the rows whose [begin, eind) holds today: a
    gemeente that starts later (a merger still to come) or ended today does not count."""
    vandaag = timezone.localdate()
    provincie = f.ProvincieFactory(code="PV77", naam="Provincie Telling")
    f.GemeenteFactory(provincie=provincie, naam="Bestaat")
    f.GemeenteFactory(provincie=provincie, naam="Komt nog", begindatum=vandaag + D.resolution)
    f.GemeenteFactory(provincie=provincie, naam="Vandaag op", einddatum=vandaag)
    lijst = admin_client.get(reverse("admin:samenwerking_provincie_changelist"), {"q": "PV77"})
    assert [p._aantal for p in lijst.context["cl"].result_list] == [1]
    assert '<td class="field-aantal_gemeenten">1</td>' in lijst.content.decode()

    lopend = f.DeelnameFactory(toetredingsdatum=vandaag)
    verband = lopend.samenwerkingsverband
    f.DeelnameFactory(samenwerkingsverband=verband, toetredingsdatum=vandaag + D.resolution)
    f.DeelnameFactory(samenwerkingsverband=verband, uittredingsdatum=vandaag)
    lijst = admin_client.get(reverse("admin:samenwerking_samenwerkingsverband_changelist"))
    assert [v._deelnemers for v in lijst.context["cl"].result_list] == [1]


def _importeer(admin_client, model_naam: str, inhoud: str, bestandsnaam: str = "bijdragen.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bestand = SimpleUploadedFile(bestandsnaam, inhoud.encode("utf-8-sig"), "text/csv")
    return admin_client.post(
        reverse(f"admin:samenwerking_{model_naam}_import"),
        {"resource": "0", "format": "0", "import_file": bestand},
    )


def test_import_shows_a_preview_with_row_errors_and_offers_no_confirm(admin_client):
    deelname = f.DeelnameFactory(toetredingsdatum=D(2020, 1, 1))
    verband = deelname.samenwerkingsverband.uuid
    cbs = deelname.gemeente.cbs_code
    # Dutch Excel CSV: semicolons.
    inhoud = (
        "samenwerkingsverband;gemeente;jaar;soort;onderdeel;bedrag\n"
        f"{verband};{cbs};2025;begroot;;1.000,00\n"
        f"{verband};{cbs};2019;begroot;;500\n"
    )
    antwoord = _importeer(admin_client, "bijdrage", inhoud)
    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "heeft geen deelname in samenwerkingsverband" in tekst
    assert "in 2019; vul de kolom deelname (uuid) in." in tekst
    assert antwoord.context.get("confirm_form") is None
    assert not models.Bijdrage.objects.exists()


def test_import_preview_then_confirm_saves_every_row(admin_client):
    deelname = f.DeelnameFactory(toetredingsdatum=D(2020, 1, 1))
    inhoud = (
        "samenwerkingsverband,gemeente,jaar,soort,onderdeel,bedrag\n"
        f"{deelname.samenwerkingsverband.uuid},{deelname.gemeente.cbs_code},2025,begroot,,1000\n"
        f"{deelname.samenwerkingsverband.uuid},{deelname.gemeente.cbs_code},2024,"
        "gerealiseerd,,950.5\n"
    )
    voorbeeld = _importeer(admin_client, "bijdrage", inhoud)
    assert voorbeeld.status_code == 200
    assert not models.Bijdrage.objects.exists()  # the preview writes nothing
    bevestig = voorbeeld.context["confirm_form"]
    antwoord = admin_client.post(
        reverse("admin:samenwerking_bijdrage_process_import"), bevestig.initial
    )
    assert antwoord.status_code == 302
    assert sorted(models.Bijdrage.objects.values_list("jaar", "bedrag")) == [
        (2024, Decimal("950.50")),
        (2025, Decimal("1000.00")),
    ]


def test_the_domein_filter_offers_only_the_domeinen_of_the_listed_regelingen(client):
    """Some ninety domeinen (the national register's beleidsterreinen beside regioreg's own
    list) made the filter a long list, mostly of domeinen no regeling of the secretary has."""
    eigen = f.SamenwerkingsverbandFactory(naam="GGD Eigen")
    eigen.domeinen.add(f.DomeinFactory(code="gezondheidsrisicos", naam="Gezondheidsrisico's"))
    f.SamenwerkingsverbandFactory(naam="Ander").domeinen.add(
        f.DomeinFactory(code="water-test", naam="Waterbeheer")
    )
    f.DomeinFactory(code="leeg", naam="Zonder regelingen")
    url = reverse("admin:samenwerking_samenwerkingsverband_changelist")

    client.force_login(account(RolSoort.SECRETARIAAT, verbanden=[eigen]))
    tekst = client.get(url).content.decode()
    assert ">Gezondheidsrisico&#x27;s</a>" in tekst
    assert "Waterbeheer" not in tekst
    assert "Zonder regelingen" not in tekst

    client.force_login(account(RolSoort.BEHEERDER))
    tekst = client.get(url).content.decode()
    assert ">Gezondheidsrisico&#x27;s</a>" in tekst and ">Waterbeheer</a>" in tekst
    assert "Zonder regelingen" not in tekst


def test_a_regeling_with_deelnames_is_not_deleted_and_the_page_says_what_to_do(admin_client):
    """Django's Dutch said only that "gerelateerde objecten" would have to go; the page says
    what to do: delete those rows first, or keep everything and record the end."""
    deelname = f.DeelnameFactory(samenwerkingsverband__naam="GGD Kennemerland")
    verband = deelname.samenwerkingsverband
    adres = reverse("admin:samenwerking_samenwerkingsverband_delete", args=[verband.pk])
    for antwoord in (admin_client.get(adres), admin_client.post(adres, {"post": "yes"})):
        assert antwoord.status_code == 200
        tekst = paginatekst(antwoord)
        assert (
            f"Zolang de rijen hieronder ernaar verwijzen, kan samenwerkingsverband „{verband}” "
            "niet worden verwijderd. Verwijder die rijen eerst, of laat alles staan en leg met "
            "een einddatum vast wanneer het eindigde"
        ) in tekst
        assert escape(str(deelname)) in tekst
    # The same for the list's action on several at once.
    lijst = reverse("admin:samenwerking_samenwerkingsverband_changelist")
    antwoord = admin_client.post(
        lijst, {"action": "delete_selected", "_selected_action": [verband.pk]}
    )
    assert antwoord.status_code == 200
    tekst = paginatekst(antwoord)
    assert (
        "Zolang de rijen hieronder naar de gekozen rijen (samenwerkingsverband) verwijzen, "
        "wordt er niets verwijderd. Verwijder die rijen eerst"
    ) in tekst
    assert models.Samenwerkingsverband.objects.filter(pk=verband.pk).exists()
    assert models.Deelname.objects.filter(pk=deelname.pk).exists()
