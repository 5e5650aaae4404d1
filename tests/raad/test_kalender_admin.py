"""The admin of the raad's calendar: saving through the services, statuses as they read
today, fixed query counts, and the per-gemeente permission hook."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from raad import models
from raad.constants import ZienswijzeStatus
from samenwerking.models import Gemeente
from tests import factories as f
from tests.raad.factories import (
    BestuursvergaderingFactory,
    DoelFactory,
    EvaluatieFactory,
    IndicatorFactory,
    IndicatorwaardeFactory,
    KaderFactory,
    ZienswijzeFactory,
    ZienswijzeverzoekFactory,
)
from tests.toegang import account
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db

D = datetime.date


def _zienswijze(n=0):
    deelname = f.DeelnameFactory()
    return ZienswijzeFactory(
        gemeente=deelname.gemeente,
        zienswijzeverzoek__samenwerkingsverband=deelname.samenwerkingsverband,
    )


MAAK = {
    models.Termijnregel: None,  # seeded by the data migration
    models.Bestuursvergadering: lambda: BestuursvergaderingFactory(),
    models.Termijnafwijking: lambda: models.Termijnafwijking.objects.create(
        samenwerkingsverband=f.SamenwerkingsverbandFactory(),
        regel=models.Termijnregel.objects.first(),
        jaar=2026,
        datum=D(2025, 1, 1),
    ),
    models.Zienswijzeverzoek: lambda: _zienswijze().zienswijzeverzoek,
    models.Zienswijze: _zienswijze,
    models.Evaluatie: lambda: EvaluatieFactory(),
    models.Kader: lambda: KaderFactory(),
    models.Doel: lambda: DoelFactory(),
    models.Indicator: lambda: IndicatorFactory(),
    models.Indicatorwaarde: lambda: IndicatorwaardeFactory(),
    models.Vergadering: lambda: models.Vergadering.objects.create(
        samenwerkingsverband=f.SamenwerkingsverbandFactory(),
        soort="algemeen_bestuur",
        datum=D(2025, 7, 3),
    ),
    models.Raadsvergadering: lambda: models.Raadsvergadering.objects.create(
        gemeente=f.GemeenteFactory(), datum=D(2025, 5, 22)
    ),
}


def test_every_calendar_model_is_in_the_admin():
    from django.apps import apps
    from django.contrib import admin
    from simple_history.models import HistoricalChanges

    # The Historical… models of the audit trail are shown on each row's history page.
    modellen = {
        m for m in apps.get_app_config("raad").get_models() if not issubclass(m, HistoricalChanges)
    }
    assert modellen == set(MAAK)
    assert modellen <= set(admin.site._registry)


@pytest.mark.parametrize("model", [m for m, maak in MAAK.items() if maak], ids=str)
def test_changelist_queries_do_not_grow_with_rows(admin_client, pc_regels, model):
    url = reverse(f"admin:raad_{model._meta.model_name}_changelist")
    MAAK[model]()
    admin_client.get(url)  # warm up the session and content types
    with CaptureQueriesContext(connection) as een:
        assert admin_client.get(url).status_code == 200
    for _ in range(5):
        MAAK[model]()
    with CaptureQueriesContext(connection) as meer:
        antwoord = admin_client.get(url)
    assert len(meer) == len(een), [q["sql"] for q in meer.captured_queries]
    assert antwoord.status_code == 200
    assert antwoord.context["cl"].result_count == model.objects.count()


def test_adding_a_request_prepares_a_zienswijze_for_each_participating_raad(admin_client):
    verband = f.SamenwerkingsverbandFactory()
    deelnemers = [f.DeelnameFactory(samenwerkingsverband=verband).gemeente for _ in range(3)]
    antwoord = admin_client.post(
        reverse("admin:raad_zienswijzeverzoek_add"),
        {
            "samenwerkingsverband": verband.pk,
            "soort": "ontwerpbegroting",
            "onderwerp": "Ontwerpbegroting 2026",
            "jaar": "2026",
            "ontvangen_op": "2025-03-01",
            "uiterste_datum": "2025-05-24",
            "document_url": "",
            "zienswijzen-TOTAL_FORMS": "1",
            "zienswijzen-INITIAL_FORMS": "0",
            "zienswijzen-0-gemeente": deelnemers[0].pk,
            "zienswijzen-0-status": "geagendeerd",
            "zienswijzen-0-raadsvergadering": "2025-05-15",
        },
    )
    assert antwoord.status_code == 302, antwoord.context["errors"] if antwoord.context else ""
    verzoek = models.Zienswijzeverzoek.objects.get()
    statussen = dict(verzoek.zienswijzen.values_list("gemeente", "status"))
    assert statussen == {
        deelnemers[0].pk: ZienswijzeStatus.GEAGENDEERD,
        deelnemers[1].pk: ZienswijzeStatus.NOG_TE_AGENDEREN,
        deelnemers[2].pk: ZienswijzeStatus.NOG_TE_AGENDEREN,
    }


def test_an_inconsistent_zienswijze_is_reported_by_its_field(admin_client):
    zienswijze = _zienswijze()
    antwoord = admin_client.post(
        reverse("admin:raad_zienswijze_change", args=[zienswijze.pk]),
        {
            "zienswijzeverzoek": zienswijze.zienswijzeverzoek_id,
            "gemeente": zienswijze.gemeente_id,
            "status": "ingediend",
        },
    )
    assert antwoord.status_code == 200
    assert antwoord.context["adminform"].form.errors["raadsbesluit_datum"] == [
        "Datum raadsbesluit: vul deze in bij een ingediende zienswijze."
    ]


def test_the_list_shows_and_filters_the_status_as_it_reads_today(admin_client, op_dag):
    op_dag(D(2025, 6, 1))
    verlopen = _zienswijze()  # deadline 24 May 2025, no decision
    lopend = ZienswijzeFactory(
        gemeente=f.DeelnameFactory(
            samenwerkingsverband=verlopen.zienswijzeverzoek.samenwerkingsverband
        ).gemeente,
        zienswijzeverzoek=ZienswijzeverzoekFactory(
            samenwerkingsverband=verlopen.zienswijzeverzoek.samenwerkingsverband,
            ontvangen_op=D(2025, 5, 1),
        ),
    )
    url = reverse("admin:raad_zienswijze_changelist")
    tekst = admin_client.get(url).content.decode()
    assert "Termijn verstreken" in tekst and "Nog te agenderen" in tekst
    gefilterd = admin_client.get(url, {"actuele_status": "termijn_verstreken"})
    assert list(gefilterd.context["cl"].result_list) == [verlopen]
    assert lopend not in gefilterd.context["cl"].result_list


def test_the_permission_hook_narrows_zienswijzen_to_a_users_gemeenten(admin_client, monkeypatch):
    eigen, ander = _zienswijze(), _zienswijze()
    monkeypatch.setattr(
        "raad.rechten.beheerbare_gemeenten",
        lambda user: Gemeente.objects.filter(pk=eigen.gemeente_id),
    )
    lijst = admin_client.get(reverse("admin:raad_zienswijze_changelist"))
    assert list(lijst.context["cl"].result_list) == [eigen]
    assert (
        admin_client.get(reverse("admin:raad_zienswijze_change", args=[eigen.pk])).status_code
        == 200
    )
    # Another gemeente's zienswijze is refused (403), neither directly nor as an inline.
    assert (
        admin_client.get(reverse("admin:raad_zienswijze_change", args=[ander.pk])).status_code
        == 403
    )
    verzoek = admin_client.get(
        reverse("admin:raad_zienswijzeverzoek_change", args=[ander.zienswijzeverzoek_id])
    )
    assert verzoek.status_code == 200
    assert verzoek.context["inline_admin_formsets"][0].formset.queryset.count() == 0
    keuzes = admin_client.get(reverse("admin:raad_zienswijze_add")).context["adminform"].form
    assert list(keuzes.fields["gemeente"].queryset) == [eigen.gemeente]


def test_the_admin_shows_a_griffie_the_bestuurs_reply_but_does_not_let_it_write_it(client):
    """As in the API (raad.rechten): the reply is the regeling's side's, not the raad's; a
    forged field in the post changes nothing."""
    zienswijze = _zienswijze()
    zienswijze.status, zienswijze.raadsbesluit_datum = "ingediend", D(2025, 5, 20)
    zienswijze.reactie_bestuur = "Het bestuur neemt de zienswijze over."
    zienswijze.save()
    client.force_login(account(RolSoort.GRIFFIE, gemeente=zienswijze.gemeente))
    adres = reverse("admin:raad_zienswijze_change", args=[zienswijze.pk])
    pagina = client.get(adres)
    assert pagina.status_code == 200
    tekst = pagina.content.decode()
    assert "Het bestuur neemt de zienswijze over." in tekst
    assert 'name="reactie_bestuur" cols="40" rows="10" class="vLargeTextField" disabled' in tekst

    antwoord = client.post(
        adres,
        {
            "zienswijzeverzoek": zienswijze.zienswijzeverzoek_id,
            "gemeente": zienswijze.gemeente_id,
            "status": zienswijze.status,
            "raadsbesluit_datum": "2025-05-20",
            "samenvatting": "Akkoord.",
            "reactie_bestuur": "Vervalst.",
            "versie": pagina.context["adminform"].form["versie"].value(),
        },
    )
    assert antwoord.status_code == 302, antwoord.context["adminform"].form.errors
    zienswijze.refresh_from_db()
    assert (zienswijze.samenvatting, zienswijze.reactie_bestuur) == (
        "Akkoord.",
        "Het bestuur neemt de zienswijze over.",
    )
    # Back to "nog te agenderen" with the reply standing: refused at the status the griffie
    # changed (not at the reply it cannot touch), saying who can; not a 500.
    antwoord = client.post(
        adres,
        {
            "zienswijzeverzoek": zienswijze.zienswijzeverzoek_id,
            "gemeente": zienswijze.gemeente_id,
            "status": "nog_te_agenderen",
            "versie": client.get(adres).context["adminform"].form["versie"].value(),
        },
    )
    assert antwoord.status_code == 200
    fouten = antwoord.context["adminform"].form.errors
    assert list(fouten) == ["status"]
    assert "regiosecretariaat van " in fouten["status"][0]


def test_a_beheerder_writes_the_bestuurs_reply_in_the_admin(admin_client):
    zienswijze = _zienswijze()
    adres = reverse("admin:raad_zienswijze_change", args=[zienswijze.pk])
    tekst = admin_client.get(adres).content.decode()
    assert 'name="reactie_bestuur" cols="40" rows="10" class="vLargeTextField"' in tekst
    assert "disabled" not in tekst.split('name="reactie_bestuur"')[1].split(">")[0]


def test_moving_a_request_in_the_admin_is_checked_by_the_same_service(admin_client):
    """raad.services.verzoek_verplaatsen_controleren: a zienswijze the raad recorded something
    in, of a gemeente that does not take part in the other regeling, blocks the move."""
    zienswijze = _zienswijze()
    verzoek = zienswijze.zienswijzeverzoek
    models.Zienswijze.objects.filter(pk=zienswijze.pk).update(samenvatting="Akkoord.")
    ander = f.DeelnameFactory(samenwerkingsverband__naam="Afvalschap").samenwerkingsverband
    gegevens = {
        "samenwerkingsverband": ander.pk,
        "soort": verzoek.soort,
        "onderwerp": verzoek.onderwerp,
        "jaar": verzoek.jaar,
        "ontvangen_op": verzoek.ontvangen_op.isoformat(),
        "uiterste_datum": verzoek.uiterste_datum.isoformat(),
        "document_url": "",
        "zienswijzen-TOTAL_FORMS": "0",
        "zienswijzen-INITIAL_FORMS": "0",
    }
    adres = reverse("admin:raad_zienswijzeverzoek_change", args=[verzoek.pk])

    def versie():
        return admin_client.get(adres).context["adminform"].form["versie"].value()

    antwoord = admin_client.post(adres, {**gegevens, "versie": versie()})
    assert antwoord.status_code == 200
    [fout] = antwoord.context["adminform"].form.errors["samenwerkingsverband"]
    assert fout.startswith(
        f"Samenwerkingsverband: in de zienswijze van {zienswijze.gemeente} op dit verzoek legde "
        "de raad al iets vast"
    )
    verzoek.refresh_from_db()
    assert verzoek.samenwerkingsverband != ander
    # Untouched, it leaves, and the other regeling's deelnemer gets one.
    models.Zienswijze.objects.filter(pk=zienswijze.pk).update(samenvatting="")
    assert admin_client.post(adres, {**gegevens, "versie": versie()}).status_code == 302
    assert list(verzoek.zienswijzen.values_list("gemeente", flat=True)) == [
        ander.deelnames.get().gemeente_id
    ]


def test_a_griffie_starts_in_the_admin_with_its_gemeentes_kalender_and_zienswijzen(
    client, referentiedata
):
    """The griffie's admin start page listed only the models: the kalender and the
    zienswijzen of its own raad were three clicks away, through the public search."""
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    client.force_login(account(RolSoort.GRIFFIE, gemeente=zaanstad))
    antwoord = client.get(reverse("admin:index"))
    assert antwoord.status_code == 200
    tekst = " ".join(antwoord.content.decode().split())
    assert (
        '<h2><a class="section" href="/gemeenten/GM0479/kalender/">Kalender van Zaanstad: wat de '
        "raad wanneer moet doen</a></h2>"
    ) in tekst
    assert (
        '<h2><a class="section" href="/gemeenten/GM0479/zienswijzen/">Zienswijzen van de raad van '
        "Zaanstad</a></h2>"
    ) in tekst
    # A secretariaat and a beheerder have no gemeente of their own: no such links.
    for ander in (account(RolSoort.SECRETARIAAT), account(RolSoort.BEHEERDER)):
        client.force_login(ander)
        antwoord = client.get(reverse("admin:index"))
        assert antwoord.status_code == 200
        tekst = antwoord.content.decode()
        assert "Mijn regelingen: wat ontbreekt of eraan komt" in tekst
        assert 'id="kalender-link"' not in tekst and 'id="zienswijzen-link"' not in tekst
