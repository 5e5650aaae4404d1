"""Who may change what, per role and per surface (admin, API, pages, spreadsheet import):
the same answers everywhere, because every surface asks toegang.rechten."""

import pytest
from django.contrib.auth import get_user_model
from django.forms import modelform_factory
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from raad.models import Zienswijze
from samenwerking import resources
from samenwerking.formats import CSVNederlands
from samenwerking.models import Deelname, Gemeente, Samenwerkingsverband
from tests import factories as f
from tests.api.hulp import ongeldig, probleem
from tests.raad.factories import ZienswijzeFactory
from tests.toegang import account, api_client
from toegang import rechten
from toegang.admin import _met_rechten
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db


@pytest.fixture
def regio(referentiedata):
    """Two arrangements of two regio's, each with a deelname of a gemeente and a zienswijze
    of that gemeente; a secretariaat of the first, a griffie of Zaanstad, a beheerder."""
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    purmerend = Gemeente.objects.get(cbs_code="GM0439")
    eigen = f.SamenwerkingsverbandFactory(naam="Veiligheidsregio Zaanstreek-Waterland")
    ander = f.SamenwerkingsverbandFactory(naam="Omgevingsdienst Elders")
    for verband, gemeente in ((eigen, zaanstad), (ander, purmerend)):
        f.DeelnameFactory(samenwerkingsverband=verband, gemeente=gemeente)
    return {
        "eigen": eigen,
        "ander": ander,
        "zaanstad": zaanstad,
        "purmerend": purmerend,
        "zienswijze_zaanstad": ZienswijzeFactory(
            gemeente=zaanstad, zienswijzeverzoek__samenwerkingsverband=eigen
        ),
        "zienswijze_purmerend": ZienswijzeFactory(
            gemeente=purmerend, zienswijzeverzoek__samenwerkingsverband=ander
        ),
        "secretariaat": account(RolSoort.SECRETARIAAT, verbanden=[eigen]),
        "griffie": account(RolSoort.GRIFFIE, gemeente=zaanstad),
        "beheerder": account(RolSoort.BEHEERDER),
    }


def _admin(gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker)
    return client


def _wijzig_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def _lijst(client, model) -> list:
    antwoord = client.get(
        reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
    )
    assert antwoord.status_code == 200
    return list(antwoord.context["cl"].result_list)


# --- Admin -------------------------------------------------------------------------------------


def test_admin_secretariaat_sees_and_edits_only_its_own_arrangements(regio):
    client = _admin(regio["secretariaat"])
    assert _lijst(client, Samenwerkingsverband) == [regio["eigen"]]
    eigen = client.get(_wijzig_url(regio["eigen"]))
    assert eigen.status_code == 200 and eigen.context["has_change_permission"]
    # Another regio's arrangement is not there to edit: the 403 page names it.
    geweigerd = client.get(_wijzig_url(regio["ander"]))
    assert geweigerd.status_code == 403
    assert (
        f"Samenwerkingsverband „{regio['ander']}” hoort niet bij wat uw account beheert."
    ) in geweigerd.content.decode()
    naam = regio["ander"].naam
    client.post(_wijzig_url(regio["ander"]), {"naam": "Gekaapt"})
    assert Samenwerkingsverband.objects.get(pk=regio["ander"].pk).naam == naam
    # It may add an arrangement (which becomes its own); deleting one, and accounts, are for a
    # beheerder.
    assert client.get(reverse("admin:samenwerking_samenwerkingsverband_add")).status_code == 200
    verwijder = reverse("admin:samenwerking_samenwerkingsverband_delete", args=[regio["eigen"].pk])
    assert client.get(verwijder).status_code == 403
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403
    # Its rows: only those of its own arrangement.
    assert {d.samenwerkingsverband for d in _lijst(client, Deelname)} == {regio["eigen"]}


def test_admin_search_on_an_abbreviation_finds_the_names_spelled_out_within_ones_own(regio):
    """GGD finds "Gemeentelijke Gezondheidsdienst …" in the admin as on the public search; a
    secretariaat still finds only its own arrangements, the beheerder every one."""
    eigen_ggd = f.SamenwerkingsverbandFactory(naam="Gemeentelijke Gezondheidsdienst Zaanstreek")
    f.DeelnameFactory(samenwerkingsverband=eigen_ggd, gemeente=regio["zaanstad"])
    regio["secretariaat"].rol.samenwerkingsverbanden.add(eigen_ggd)
    ander_ggd = f.SamenwerkingsverbandFactory(naam="Gemeentelijke Gezondheidsdienst Elders")
    f.SamenwerkingsverbandFactory(naam="GGD Drenthe")
    f.SamenwerkingsverbandFactory(naam="Dienst Gezondheid & Jeugd Zuid-Holland Zuid")
    f.SamenwerkingsverbandFactory(naam="Veiligheidsregio Drenthe")
    lijst = reverse("admin:samenwerking_samenwerkingsverband_changelist")
    gevonden = _admin(regio["secretariaat"]).get(lijst, {"q": "ggd"})
    assert gevonden.status_code == 200
    assert list(gevonden.context["cl"].result_list) == [eigen_ggd]
    gevonden = _admin(regio["beheerder"]).get(lijst, {"q": "GGD"})
    assert {v.naam for v in gevonden.context["cl"].result_list} == {
        eigen_ggd.naam,
        ander_ggd.naam,
        "GGD Drenthe",
        "Dienst Gezondheid & Jeugd Zuid-Holland Zuid",
    }
    assert "4 resultaten" in gevonden.content.decode()


def test_admin_secretariaat_cannot_attach_a_row_to_another_regio(regio):
    client = _admin(regio["secretariaat"])
    antwoord = client.post(
        reverse("admin:samenwerking_deelname_add"),
        {
            "samenwerkingsverband": regio["ander"].pk,
            "organisatie": f.OrganisatieFactory().pk,
            "rol": "deelnemer",
            "bijdragen-TOTAL_FORMS": 0,
            "bijdragen-INITIAL_FORMS": 0,
            "zetels-TOTAL_FORMS": 0,
            "zetels-INITIAL_FORMS": 0,
        },
    )
    assert antwoord.status_code == 200
    assert "samenwerkingsverband" in antwoord.context["adminform"].form.errors
    assert not Deelname.objects.filter(organisatie__isnull=False).exists()


def test_an_unchanged_add_form_is_checked_too(regio):
    """An add form posted exactly as the page offered it (its initial values from the
    address, as the admin fills them) is still a new row: the role must be allowed to add it.
    The admin's narrowed choices refuse a forged arrangement too; the form's own check must
    not lean on that (`RechtenForm` skipped it when nothing had changed)."""
    gemeente = Gemeente.objects.get(cbs_code="GM0415")
    waarden = {"samenwerkingsverband": regio["ander"].pk, "gemeente": gemeente.pk}
    antwoord = _admin(regio["secretariaat"]).post(
        reverse("admin:samenwerking_deelname_add")
        + f"?samenwerkingsverband={regio['ander'].pk}&gemeente={gemeente.pk}",
        {
            **waarden,
            "rol": "deelnemer",
            **{f"{r}-{n}_FORMS": 0 for r in ("bijdragen", "zetels") for n in ("TOTAL", "INITIAL")},
        },
    )
    assert antwoord.status_code == 200
    assert not Deelname.objects.filter(gemeente=gemeente).exists()

    formulier = _met_rechten(
        modelform_factory(Deelname, fields=["samenwerkingsverband", "gemeente"]),
        regio["secretariaat"],
    )(data=waarden, initial=waarden)
    assert not formulier.has_changed()
    assert not formulier.is_valid()
    assert formulier.non_field_errors() == [
        f"Uw account mag deelname „{Deelname(**{f'{k}_id': v for k, v in waarden.items()})}” "
        "niet toevoegen: alleen rijen van de eigen samenwerkingsverbanden. Er is niets "
        "opgeslagen."
    ]


def test_admin_secretariaat_reads_reference_data_without_changing_it(regio):
    client = _admin(regio["secretariaat"])
    pagina = client.get(_wijzig_url(regio["zaanstad"]))
    assert pagina.status_code == 200
    assert not pagina.context["has_change_permission"]
    assert "Zaanstad" in pagina.content.decode()
    # A post is refused, and the row stays as stored.
    assert client.post(_wijzig_url(regio["zaanstad"]), {"naam": "Gekaapt"}).status_code == 403
    assert Gemeente.objects.get(pk=regio["zaanstad"].pk).naam == "Zaanstad"


def test_admin_griffie_handles_only_its_own_zienswijzen_and_reads_the_rest(regio):
    client = _admin(regio["griffie"])
    assert _lijst(client, Zienswijze) == [regio["zienswijze_zaanstad"]]
    eigen = client.get(_wijzig_url(regio["zienswijze_zaanstad"]))
    assert eigen.status_code == 200 and eigen.context["has_change_permission"]
    andere = client.get(_wijzig_url(regio["zienswijze_purmerend"]))
    assert andere.status_code == 403
    assert "hoort bij gemeente „Purmerend”, niet bij wat uw account beheert." in (
        andere.content.decode()
    )
    verband = client.get(_wijzig_url(regio["eigen"]))
    assert verband.status_code == 200
    assert not verband.context["has_change_permission"]
    assert len(_lijst(client, Samenwerkingsverband)) == 2
    assert client.get(reverse("admin:auth_user_changelist")).status_code == 403


def test_admin_beheerder_changes_everything_and_manages_accounts(regio):
    client = _admin(regio["beheerder"])
    for obj in (regio["ander"], regio["zienswijze_purmerend"], regio["zaanstad"]):
        pagina = client.get(_wijzig_url(obj))
        assert pagina.status_code == 200 and pagina.context["has_change_permission"]
    accounts = _lijst(client, get_user_model())
    assert {regio[r] for r in ("secretariaat", "griffie", "beheerder")} <= set(accounts)
    account_pagina = client.get(_wijzig_url(regio["secretariaat"]))
    assert account_pagina.status_code == 200
    assert account_pagina.context["has_change_permission"]
    assert regio["secretariaat"].username in account_pagina.content.decode()


def test_an_account_page_offers_the_role_not_rights_that_do_nothing(regio):
    """The role decides (toegang.backends.RolBackend ignores groups and per-account rights):
    the account page offered both as if they counted."""
    client = _admin(regio["beheerder"])
    tekst = client.get(_wijzig_url(regio["secretariaat"])).content.decode()
    assert "Wat het account mag, bepaalt de rol onderaan" in tekst
    assert 'name="rol-0-soort"' in tekst
    assert "Gebruikersrechten" not in tekst and 'name="user_permissions"' not in tekst
    assert 'name="groups"' not in tekst
    assert client.get("/admin/auth/group/").status_code == 404


def test_admin_anonymous_is_sent_to_the_login(regio):
    antwoord = Client().get(_wijzig_url(regio["eigen"]))
    assert antwoord.status_code == 302
    assert "/admin/login/" in antwoord["Location"]


def test_admin_autocomplete_offers_a_secretariaat_only_its_own_arrangements(regio):
    client = _admin(regio["secretariaat"])
    antwoord = client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "samenwerking",
            "model_name": "deelname",
            "field_name": "samenwerkingsverband",
            "term": "",
        },
    )
    assert [r["text"] for r in antwoord.json()["results"]] == [str(regio["eigen"])]


# --- API ---------------------------------------------------------------------------------------


def _patch(client, pad: str, body: dict):
    versie = client.get(pad)["ETag"]
    return client.patch(pad, body, format="json", HTTP_IF_MATCH=versie)


def test_api_secretariaat_edits_its_own_arrangement_and_gets_403_for_another(regio):
    client = api_client(regio["secretariaat"])
    eigen = f"/api/v1/samenwerkingsverbanden/{regio['eigen'].uuid}"
    antwoord = _patch(client, eigen, {"afkorting": "VRZW"})
    assert antwoord.status_code == 200
    assert antwoord.json()["afkorting"] == "VRZW"
    assert Samenwerkingsverband.objects.get(pk=regio["eigen"].pk).afkorting == "VRZW"
    ander = f"/api/v1/samenwerkingsverbanden/{regio['ander'].uuid}"
    body = probleem(_patch(client, ander, {"afkorting": "X"}), 403)
    assert "eigen samenwerkingsverbanden" in body["detail"]
    assert Samenwerkingsverband.objects.get(pk=regio["ander"].pk).afkorting != "X"


def test_api_secretariaat_adds_rows_only_to_its_own_arrangements(regio):
    client = api_client(regio["secretariaat"])
    nieuw = {"gemeente": "GM0439", "toetredingsdatum": "2024-01-01"}
    eigen = {**nieuw, "samenwerkingsverband": str(regio["eigen"].uuid)}
    antwoord = client.post("/api/v1/deelnames", eigen, format="json")
    assert antwoord.status_code == 201
    assert antwoord.json()["gemeente"] == "GM0439"
    assert regio["eigen"].deelnames.filter(gemeente=regio["purmerend"]).exists()
    ander = {**nieuw, "gemeente": "GM0479", "samenwerkingsverband": str(regio["ander"].uuid)}
    probleem(client.post("/api/v1/deelnames", ander, format="json"), 403)
    assert not regio["ander"].deelnames.filter(gemeente=regio["zaanstad"]).exists()
    # Nor move its own row to another regio's arrangement.
    deelname = regio["eigen"].deelnames.get(gemeente=regio["zaanstad"])
    pad = f"/api/v1/deelnames/{deelname.uuid}"
    probleem(_patch(client, pad, {"samenwerkingsverband": str(regio["ander"].uuid)}), 403)
    assert Deelname.objects.get(pk=deelname.pk).samenwerkingsverband == regio["eigen"]
    # A new arrangement is allowed, and becomes its own.
    antwoord = client.post(
        "/api/v1/samenwerkingsverbanden", {"naam": "X", "vorm": "OL"}, format="json"
    )
    assert antwoord.status_code == 201, antwoord.content
    nieuw = Samenwerkingsverband.objects.get(naam="X")
    assert regio["secretariaat"].rol.samenwerkingsverbanden.filter(pk=nieuw.pk).exists()


def test_api_secretariaat_cannot_nest_under_another_regios_arrangement(regio):
    """As the admin's choice and the import's column: bovenliggend is an arrangement the
    secretariaat maintains, or the one a beheerder set."""
    client = api_client(regio["secretariaat"])
    eigen = f"/api/v1/samenwerkingsverbanden/{regio['eigen'].uuid}"
    ander = str(regio["ander"].uuid)
    assert ongeldig(_patch(client, eigen, {"bovenliggend": ander})) == {
        "bovenliggend": "Kies een samenwerkingsverband dat uw account beheert. Een "
        "samenwerkingsverband van een andere regio kunt u hier niet kiezen; vraag dat zo nodig "
        "aan een beheerder."
    }
    assert Samenwerkingsverband.objects.get(pk=regio["eigen"].pk).bovenliggend is None
    nieuw = {"naam": "Onderdeel", "vorm": "OL", "bovenliggend": ander}
    probleem(client.post("/api/v1/samenwerkingsverbanden", nieuw, format="json"), 400)
    assert not Samenwerkingsverband.objects.filter(naam="Onderdeel").exists()
    # Under its own arrangement: allowed.
    onder_eigen = {**nieuw, "bovenliggend": str(regio["eigen"].uuid)}
    antwoord = client.post("/api/v1/samenwerkingsverbanden", onder_eigen, format="json")
    assert antwoord.status_code == 201, antwoord.content
    assert Samenwerkingsverband.objects.get(naam="Onderdeel").bovenliggend == regio["eigen"]
    # A nesting a beheerder set stays when the secretariaat changes something else.
    Samenwerkingsverband.objects.filter(pk=regio["eigen"].pk).update(bovenliggend=regio["ander"])
    antwoord = _patch(client, eigen, {"afkorting": "VRZW", "bovenliggend": ander})
    assert antwoord.status_code == 200, antwoord.content
    opgeslagen = Samenwerkingsverband.objects.get(pk=regio["eigen"].pk)
    assert (opgeslagen.afkorting, opgeslagen.bovenliggend) == ("VRZW", regio["ander"])


def test_api_griffie_handles_its_own_zienswijzen_only(regio):
    client = api_client(regio["griffie"])
    eigen = f"/api/v1/zienswijzen/{regio['zienswijze_zaanstad'].uuid}"
    antwoord = _patch(client, eigen, {"status": "geen_zienswijze"})
    assert antwoord.status_code == 200, antwoord.content
    assert antwoord.json()["status"] == "geen_zienswijze"
    assert Zienswijze.objects.get(pk=regio["zienswijze_zaanstad"].pk).status == "geen_zienswijze"
    ander = f"/api/v1/zienswijzen/{regio['zienswijze_purmerend'].uuid}"
    probleem(_patch(client, ander, {"status": "geen_zienswijze"}), 403)
    assert Zienswijze.objects.get(pk=regio["zienswijze_purmerend"].pk).status == (
        regio["zienswijze_purmerend"].status
    )
    verband = f"/api/v1/samenwerkingsverbanden/{regio['eigen'].uuid}"
    probleem(_patch(client, verband, {"afkorting": "X"}), 403)
    assert Samenwerkingsverband.objects.get(pk=regio["eigen"].pk).afkorting != "X"


def test_api_beheerder_changes_any_arrangement(regio):
    client = api_client(regio["beheerder"])
    pad = f"/api/v1/samenwerkingsverbanden/{regio['ander'].uuid}"
    antwoord = _patch(client, pad, {"afkorting": "OD"})
    assert antwoord.status_code == 200
    assert antwoord.json()["afkorting"] == "OD"
    assert Samenwerkingsverband.objects.get(pk=regio["ander"].pk).afkorting == "OD"


def test_api_anonymous_reads_but_cannot_write(regio):
    api = APIClient()
    pad = f"/api/v1/samenwerkingsverbanden/{regio['eigen'].uuid}"
    gelezen = api.get(pad)
    assert gelezen.status_code == 200
    assert gelezen.json()["naam"] == "Veiligheidsregio Zaanstreek-Waterland"
    probleem(api.patch(pad, {"afkorting": "X"}, format="json"), 401)
    assert Samenwerkingsverband.objects.get(pk=regio["eigen"].pk).afkorting != "X"


# --- Pages -------------------------------------------------------------------------------------


def _pagina(gebruiker, url: str) -> str:
    client = Client()
    if gebruiker is not None:
        client.force_login(gebruiker)
    return client.get(url).content.decode()


@pytest.mark.parametrize(
    ("rol", "eigen", "ander"),
    [
        (None, False, False),
        ("griffie", False, False),
        ("secretariaat", True, False),
        ("beheerder", True, True),
    ],
)
def test_pages_show_an_edit_link_only_where_the_role_may_edit(regio, rol, eigen, ander):
    gebruiker = regio[rol] if rol else None
    for verband, verwacht in ((regio["eigen"], eigen), (regio["ander"], ander)):
        tekst = _pagina(gebruiker, f"/samenwerkingsverbanden/{verband.slug}/")
        assert ("Bewerk in beheer" in tekst) is verwacht, verband
        assert "Laatst gewijzigd" in tekst


@pytest.mark.parametrize(
    ("rol", "zaanstad", "purmerend"),
    [
        (None, False, False),
        ("griffie", True, False),
        ("secretariaat", False, False),
        ("beheerder", True, True),
    ],
)
def test_zienswijzen_page_links_to_the_admin_for_the_griffie_of_that_gemeente(
    regio, rol, zaanstad, purmerend
):
    gebruiker = regio[rol] if rol else None
    for code, verwacht in (("GM0479", zaanstad), ("GM0439", purmerend)):
        tekst = _pagina(gebruiker, f"/gemeenten/{code}/zienswijzen/")
        assert ("Zienswijzen van deze gemeente beheren" in tekst) is verwacht, code


# --- Spreadsheet import ------------------------------------------------------------------------


def test_import_refuses_rows_of_another_regio_for_a_secretariaat(regio):
    tekst = (
        "samenwerkingsverband;gemeente;toetredingsdatum\n"
        f"{regio['eigen'].uuid};GM0439;2024-01-01\n"
        f"{regio['ander'].uuid};GM0479;2024-01-01\n"
    )
    dataset = CSVNederlands().create_dataset(tekst.encode())
    resultaat = resources.DeelnameResource().import_data(
        dataset, dry_run=True, user=regio["secretariaat"]
    )
    fouten = {r.number: r.error.messages for r in resultaat.invalid_rows}
    assert list(fouten) == [2]
    assert "eigen samenwerkingsverbanden" in fouten[2][0]
    beheerder = resources.DeelnameResource().import_data(
        dataset, dry_run=True, user=regio["beheerder"]
    )
    assert not beheerder.invalid_rows and not beheerder.has_errors()
    assert [r.import_type for r in beheerder.rows] == ["new", "new"]
    # The rows were only checked (dry run): nothing stored.
    assert not regio["eigen"].deelnames.filter(gemeente=regio["purmerend"]).exists()
    assert not regio["ander"].deelnames.filter(gemeente=regio["zaanstad"]).exists()


def test_the_refused_choice_names_a_de_word_in_good_dutch():
    assert rechten.niet_beheerd(Deelname) == (
        "Kies een deelname bij een samenwerkingsverband dat uw account beheert. Een deelname "
        "van een andere regio kunt u hier niet kiezen; vraag dat zo nodig aan een beheerder."
    )
