"""The raad's calendar in the API: P&C termijnen, zienswijzeverzoeken and zienswijzen (read
for everyone, written by staff through the services, zienswijzen per gemeente)."""

import datetime

import pytest

from raad import services
from raad.models import Zienswijze
from samenwerking.constants import Vorm
from samenwerking.models import Gemeente
from tests import factories as f
from tests.raad.factories import (
    BestuursvergaderingFactory,
    ZienswijzeFactory,
    ZienswijzeverzoekFactory,
)
from tests.toegang import account, api_client
from toegang.models import RolSoort

from .hulp import ongeldig, probleem

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("referentiedata")]

D = datetime.date


@pytest.fixture
def vandaag(monkeypatch):
    """The API's today: 1 June 2025."""
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: D(2025, 6, 1))
    return D(2025, 6, 1)


@pytest.fixture
def ggd(zaanstad):
    verband = f.DeelnameFactory(
        gemeente=zaanstad, samenwerkingsverband__naam="GGD Zaanstreek-Waterland"
    ).samenwerkingsverband
    f.DeelnameFactory(
        samenwerkingsverband=verband, gemeente=Gemeente.objects.get(cbs_code="GM0439")
    )
    return verband


# --- Termijnen -------------------------------------------------------------------------------


def test_termijnen_of_a_regeling_and_year(api, ggd):
    BestuursvergaderingFactory(samenwerkingsverband=ggd, jaar=2026, datum=D(2025, 7, 3))
    antwoord = api.get("/api/v1/termijnen", {"samenwerkingsverband": str(ggd.uuid), "jaar": 2026})
    assert antwoord.status_code == 200
    body = antwoord.json()
    assert body["count"] == 5
    rijen = {r["regel"]: r for r in body["results"]}
    assert rijen["ontwerpbegroting"] == {
        "uid": f"{ggd.uuid}-ontwerpbegroting-2026@regioreg",
        "samenwerkingsverband": str(ggd.uuid),
        "samenwerkingsverbandNaam": "GGD Zaanstreek-Waterland",
        "regel": "ontwerpbegroting",
        "omschrijving": "Ontwerpbegroting naar de raden",
        "artikel": "Wgr art. 35 lid 1 en 3",
        "jaar": 2026,
        "datum": "2025-04-10",
        "afgeleid": False,
        "afwijkend": False,
        "uitleg": "12 weken vóór de vaststelling op 3 juli 2025.",
        "dagnotitie": "",  # a Thursday
    }
    assert rijen["jaarrekening-gs"]["afgeleid"] is True
    assert [r["datum"] for r in body["results"]] == sorted(r["datum"] for r in body["results"])


def test_termijnen_of_a_gemeente_leave_out_other_and_budgetless_regelingen(api, zaanstad, ggd):
    f.DeelnameFactory(samenwerkingsverband__naam="Elders")
    f.DeelnameFactory(gemeente=zaanstad, samenwerkingsverband__vorm=Vorm.REGELING_ZONDER_MEER)
    body = api.get("/api/v1/termijnen", {"gemeente": "GM0479", "jaar": 2026}).json()
    assert {r["samenwerkingsverbandNaam"] for r in body["results"]} == {ggd.naam}


def test_termijnen_parameters_are_checked(api):
    assert ongeldig(api.get("/api/v1/termijnen", {"jaar": "volgend"})) == {
        "jaar": "Jaar: vul een jaartal in, bijvoorbeeld 2025."
    }
    assert ongeldig(api.get("/api/v1/termijnen", {"gemeente": "GM9999"})) == {
        "gemeente": "Geen gemeente met CBS-code GM9999."
    }
    assert ongeldig(api.get("/api/v1/termijnen", {"gemeentee": "GM0479"})) == {
        "gemeentee": "Onbekende parameter. Toegestaan: gemeente, jaar, page, pageSize, "
        "samenwerkingsverband."
    }
    assert api.get("/api/v1/termijnen", {"page": 1, "pageSize": 5}).status_code == 200
    # A CBS code in any case, as in the addresses.
    assert api.get("/api/v1/termijnen", {"gemeente": "gm0479"}).status_code == 200
    probleem(api.get("/api/v1/termijnen/iets"), 404)


@pytest.mark.parametrize("aantal", [1, 30])
def test_termijnen_query_count(api, zaanstad, aantal, django_assert_num_queries):
    for _ in range(aantal):
        verband = f.DeelnameFactory(gemeente=zaanstad).samenwerkingsverband
        BestuursvergaderingFactory(samenwerkingsverband=verband, jaar=2026)
    # 1 the gemeente parameter, 2 regelingen, 3 P&C rules, 4 board meetings, 5 overrides.
    with django_assert_num_queries(5):
        antwoord = api.get(
            "/api/v1/termijnen", {"gemeente": "GM0479", "jaar": 2026, "pageSize": 500}
        )
    assert antwoord.json()["count"] == 5 * aantal


# --- Zienswijzen -----------------------------------------------------------------------------


def test_zienswijzen_with_their_status_as_it_reads_today(api, zaanstad, ggd, vandaag):
    verlopen = ZienswijzeFactory(
        gemeente=zaanstad, zienswijzeverzoek__samenwerkingsverband=ggd
    )  # deadline 24 May 2025
    lopend = ZienswijzeFactory(
        gemeente=zaanstad,
        zienswijzeverzoek__samenwerkingsverband=ggd,
        zienswijzeverzoek__ontvangen_op=D(2025, 5, 1),
    )
    rij = api.get(f"/api/v1/zienswijzen/{verlopen.uuid}").json()
    assert rij["status"] == "nog_te_agenderen"
    assert rij["actueleStatus"] == "termijn_verstreken"
    assert rij["actueleStatusLabel"] == "Termijn verstreken"
    assert rij["uitersteDatum"] == "2025-05-24"
    assert rij["gemeente"] == "GM0479"
    assert rij["zienswijzeverzoek"] == str(verlopen.zienswijzeverzoek.uuid)
    gefilterd = api.get(
        "/api/v1/zienswijzen", {"gemeente": "GM0479", "status": "termijn_verstreken"}
    )
    assert [r["uuid"] for r in gefilterd.json()["results"]] == [str(verlopen.uuid)]
    lijst = api.get("/api/v1/zienswijzen", {"status": "nog_te_agenderen"}).json()
    assert [r["uuid"] for r in lijst["results"]] == [str(lopend.uuid)]
    assert ongeldig(api.get("/api/v1/zienswijzen", {"status": "vergeten"}))["status"]


@pytest.mark.parametrize(
    ("pad", "ordering"),
    [
        ("zienswijzeverzoeken", "uitersteDatum"),
        ("zienswijzeverzoeken", "uiterste_datum"),  # the name before camelCase, still taken
        ("zienswijzeverzoeken", "ontvangenOp"),
        ("zienswijzen", "uitersteDatum"),
        ("zienswijzen", "uiterste_datum"),
    ],
)
def test_calendar_lists_order_by_camel_case_names(api, zaanstad, ggd, pad, ordering):
    oud = ZienswijzeFactory(gemeente=zaanstad, zienswijzeverzoek__samenwerkingsverband=ggd)
    nieuw = ZienswijzeFactory(
        gemeente=zaanstad,
        zienswijzeverzoek__samenwerkingsverband=ggd,
        zienswijzeverzoek__ontvangen_op=D(2025, 5, 1),
    )
    antwoord = api.get(f"/api/v1/{pad}", {"ordering": ordering})
    assert antwoord.status_code == 200, antwoord.content
    # Oldest first, against the default order (newest deadline first).
    rijen = (
        [oud, nieuw] if pad == "zienswijzen" else [oud.zienswijzeverzoek, nieuw.zienswijzeverzoek]
    )
    assert [r["uuid"] for r in antwoord.json()["results"]] == [str(rij.uuid) for rij in rijen]


@pytest.mark.parametrize(
    ("pad", "waarden"),
    [
        ("zienswijzeverzoeken", "uitersteDatum, -uitersteDatum, ontvangenOp of -ontvangenOp"),
        ("zienswijzen", "uitersteDatum, -uitersteDatum, gemeente of -gemeente"),
    ],
)
def test_a_wrong_ordering_of_the_calendar_lists_names_the_camel_case_values(api, pad, waarden):
    assert ongeldig(api.get(f"/api/v1/{pad}", {"ordering": "datum"})) == {
        "ordering": f"Ordering: kies {waarden}."
    }


@pytest.mark.parametrize("aantal", [1, 30])
def test_zienswijzen_query_count(api, zaanstad, aantal, django_assert_num_queries):
    for _ in range(aantal):
        deelname = f.DeelnameFactory(gemeente=zaanstad)
        ZienswijzeFactory(
            gemeente=zaanstad, zienswijzeverzoek__samenwerkingsverband=deelname.samenwerkingsverband
        )
    # 1 the gemeente filter, 2 count, 3 zienswijzen with gemeente, request and arrangement.
    with django_assert_num_queries(3):
        antwoord = api.get("/api/v1/zienswijzen", {"gemeente": "GM0479"})
    assert antwoord.json()["count"] == aantal


def test_a_request_registered_by_staff_prepares_every_raads_zienswijze(api, beheerder, ggd):
    body = {
        "samenwerkingsverband": str(ggd.uuid),
        "soort": "ontwerpbegroting",
        "onderwerp": "Ontwerpbegroting 2026",
        "jaar": 2026,
        "ontvangenOp": "2025-03-01",
        "uitersteDatum": "2025-05-01",
    }
    probleem(api.post("/api/v1/zienswijzeverzoeken", body, format="json"), 401)
    antwoord = beheerder.post("/api/v1/zienswijzeverzoeken", body, format="json")
    assert antwoord.status_code == 201, antwoord.content
    assert antwoord.json()["korterDanWettelijk"] is True  # less than 12 weeks
    assert antwoord.json()["soortLabel"] == "Ontwerpbegroting"
    gemeenten = api.get("/api/v1/zienswijzen", {"samenwerkingsverband": str(ggd.uuid)}).json()
    assert sorted(r["gemeente"] for r in gemeenten["results"]) == ["GM0439", "GM0479"]
    fout = beheerder.post(
        "/api/v1/zienswijzeverzoeken", {**body, "uitersteDatum": "2025-02-01"}, format="json"
    )
    assert ongeldig(fout) == {
        "uitersteDatum": "Uiterste datum: mag niet vóór de datum van ontvangst liggen."
    }


def test_staff_record_what_the_raad_did_through_the_services(beheerder, zaanstad, ggd, vandaag):
    zienswijze = ZienswijzeFactory(gemeente=zaanstad, zienswijzeverzoek__samenwerkingsverband=ggd)
    adres = f"/api/v1/zienswijzen/{zienswijze.uuid}"
    versie = {"HTTP_IF_MATCH": beheerder.get(adres)["ETag"]}
    assert ongeldig(beheerder.patch(adres, {"status": "ingediend"}, format="json", **versie)) == {
        "raadsbesluitDatum": "Datum raadsbesluit: vul deze in bij een ingediende zienswijze."
    }
    assert "status" in ongeldig(
        beheerder.patch(adres, {"status": "termijn_verstreken"}, format="json", **versie)
    )
    antwoord = beheerder.patch(
        adres,
        {"status": "ingediend", "raadsbesluitDatum": "2025-05-20", "samenvatting": "Akkoord."},
        format="json",
        **versie,
    )
    assert antwoord.status_code == 200, antwoord.content
    assert antwoord.json()["actueleStatus"] == "ingediend"
    zienswijze.refresh_from_db()
    assert zienswijze.raadsbesluit_datum == D(2025, 5, 20)


def test_the_permission_hook_guards_another_gemeentes_zienswijzen(
    beheerder, zaanstad, ggd, monkeypatch
):
    purmerend = Gemeente.objects.get(cbs_code="GM0439")
    verzoek = ZienswijzeverzoekFactory(samenwerkingsverband=ggd)
    eigen = ZienswijzeFactory(zienswijzeverzoek=verzoek, gemeente=zaanstad)
    ander = ZienswijzeFactory(zienswijzeverzoek=verzoek, gemeente=purmerend)
    monkeypatch.setattr(
        "raad.rechten.beheerbare_gemeenten", lambda user: Gemeente.objects.filter(pk=zaanstad.pk)
    )
    wijziging = {"status": "geen_zienswijze"}
    eigen_adres, ander_adres = (f"/api/v1/zienswijzen/{z.uuid}" for z in (eigen, ander))
    eigen_versie = beheerder.get(eigen_adres)["ETag"]
    antwoord = beheerder.patch(eigen_adres, wijziging, format="json", HTTP_IF_MATCH=eigen_versie)
    assert antwoord.status_code == 200
    assert antwoord.json()["status"] == "geen_zienswijze"
    assert Zienswijze.objects.get(pk=eigen.pk).status == "geen_zienswijze"
    ander_versie = beheerder.get(ander_adres)["ETag"]
    probleem(
        beheerder.patch(ander_adres, wijziging, format="json", HTTP_IF_MATCH=ander_versie), 403
    )
    assert Zienswijze.objects.get(pk=ander.pk).status == "nog_te_agenderen"


def _ingediend(gemeente, verband, **velden):
    """A zienswijze the raad of `gemeente` submitted on 20 May 2025."""
    return ZienswijzeFactory(
        gemeente=gemeente,
        zienswijzeverzoek__samenwerkingsverband=verband,
        status="ingediend",
        raadsbesluit_datum=D(2025, 5, 20),
        **velden,
    )


def test_the_bestuurs_reply_is_written_by_the_regelings_side_not_by_the_raad(zaanstad, ggd):
    """DESIGN: the reply belongs to the regeling's bestuur (its secretariaat), not the raad."""
    zienswijze = _ingediend(zaanstad, ggd)
    adres = f"/api/v1/zienswijzen/{zienswijze.uuid}"
    griffie = api_client(account(RolSoort.GRIFFIE, gemeente=zaanstad))
    secretariaat = api_client(account(RolSoort.SECRETARIAAT, verbanden=[ggd]))
    ander = api_client(account(RolSoort.SECRETARIAAT, verbanden=[f.SamenwerkingsverbandFactory()]))

    reactie = {"reactieBestuur": "Het bestuur stemt in."}
    assert ongeldig(griffie.patch(adres, reactie, format="json", HTTP_IF_MATCH="*")) == {
        "reactieBestuur": "De reactie van het bestuur legt het bestuur van de regeling vast (het "
        "regiosecretariaat of een beheerder), niet de raad. Laat dit veld weg of stuur het zoals "
        "het is."
    }
    probleem(ander.patch(adres, reactie, format="json", HTTP_IF_MATCH="*"), 403)
    zienswijze.refresh_from_db()
    assert zienswijze.reactie_bestuur == ""

    antwoord = secretariaat.patch(adres, reactie, format="json", HTTP_IF_MATCH="*")
    assert antwoord.status_code == 200, antwoord.content
    assert antwoord.json()["reactieBestuur"] == "Het bestuur stemt in."
    zienswijze.refresh_from_db()
    assert zienswijze.reactie_bestuur == "Het bestuur stemt in."
    # The raad's own fields stay the griffie's; the object as read may be sent back.
    samenvatting = {"samenvatting": "Akkoord."}
    body = probleem(secretariaat.patch(adres, samenvatting, format="json", HTTP_IF_MATCH="*"), 403)
    assert body["detail"] == (
        "Van een zienswijze legt het bestuur van de regeling alleen de reactie van het bestuur "
        "vast (reactieBestuur); samenvatting legt de griffie van de gemeente vast."
    )
    gelezen = griffie.get(adres).json()
    antwoord = griffie.put(adres, {**gelezen, **samenvatting}, format="json", HTTP_IF_MATCH="*")
    assert antwoord.status_code == 200, antwoord.content
    zienswijze.refresh_from_db()
    assert (zienswijze.samenvatting, zienswijze.reactie_bestuur) == (
        "Akkoord.",
        "Het bestuur stemt in.",
    )


def test_a_griffie_cannot_create_a_zienswijze_with_the_bestuurs_reply(zaanstad, ggd):
    verzoek = ZienswijzeverzoekFactory(samenwerkingsverband=ggd)
    griffie = api_client(account(RolSoort.GRIFFIE, gemeente=zaanstad))
    gepost = {
        "zienswijzeverzoek": str(verzoek.uuid),
        "gemeente": "GM0479",
        "status": "ingediend",
        "raadsbesluitDatum": "2025-05-20",
        "reactieBestuur": "Het bestuur stemt in.",
    }
    assert list(ongeldig(griffie.post("/api/v1/zienswijzen", gepost, format="json"))) == [
        "reactieBestuur"
    ]
    assert not Zienswijze.objects.filter(zienswijzeverzoek=verzoek).exists()


def test_options_on_a_zienswijze_lists_as_writable_only_what_the_caller_may_write(
    beheerder, zaanstad, ggd
):
    zienswijze = ZienswijzeFactory(gemeente=zaanstad, zienswijzeverzoek__samenwerkingsverband=ggd)
    adres = f"/api/v1/zienswijzen/{zienswijze.uuid}"
    griffie = api_client(account(RolSoort.GRIFFIE, gemeente=zaanstad))
    secretariaat = api_client(account(RolSoort.SECRETARIAAT, verbanden=[ggd]))

    def schrijfbaar(client, methode="PUT", pad=adres) -> set[str]:
        velden = client.options(pad).json()["actions"][methode]
        return {naam for naam, info in velden.items() if not info["read_only"]}

    raad = {
        "zienswijzeverzoek",
        "gemeente",
        "status",
        "raadsvergadering",
        "raadsbesluitDatum",
        "samenvatting",
        "documentUrl",
    }
    assert schrijfbaar(secretariaat) == schrijfbaar(secretariaat, "PATCH") == {"reactieBestuur"}
    assert schrijfbaar(griffie) == schrijfbaar(griffie, "PATCH") == raad
    assert schrijfbaar(beheerder) == raad | {"reactieBestuur"}
    # A new zienswijze: the griffie gives the raad's fields, never the reply.
    assert schrijfbaar(griffie, "POST", "/api/v1/zienswijzen") == raad
    assert schrijfbaar(beheerder, "POST", "/api/v1/zienswijzen") == raad | {"reactieBestuur"}


def test_moving_a_request_brings_its_zienswijzen_in_line(beheerder, zaanstad, ggd):
    """Another regeling: the untouched zienswijzen of gemeenten that do not take part there
    leave, its deelnemers get one; a zienswijze in which a raad recorded something blocks
    the move, naming the gemeente, and nothing changes."""
    purmerend = Gemeente.objects.get(cbs_code="GM0439")
    verzoek = ZienswijzeverzoekFactory(samenwerkingsverband=ggd)
    zaanstads = ZienswijzeFactory(zienswijzeverzoek=verzoek, gemeente=zaanstad)
    ZienswijzeFactory(zienswijzeverzoek=verzoek, gemeente=purmerend)
    ander = f.DeelnameFactory(
        samenwerkingsverband__naam="Afvalschap",
        samenwerkingsverband__afkorting="",
        gemeente=Gemeente.objects.get(cbs_code="GM0344"),
    ).samenwerkingsverband
    f.DeelnameFactory(samenwerkingsverband=ander, gemeente=zaanstad)
    adres = f"/api/v1/zienswijzeverzoeken/{verzoek.uuid}"
    zienswijzen = {"zienswijzeverzoek": str(verzoek.uuid)}

    def gemeenten() -> dict[str, str]:
        rijen = beheerder.get("/api/v1/zienswijzen", zienswijzen).json()["results"]
        return {r["gemeente"]: r["status"] for r in rijen}

    # Purmerend's raad put it on the agenda: the move is refused, naming Purmerend.
    Zienswijze.objects.filter(gemeente=purmerend).update(
        status="geagendeerd", raadsvergadering=D(2025, 4, 1)
    )
    verhuizing = {"samenwerkingsverband": str(ander.uuid)}
    assert ongeldig(beheerder.patch(adres, verhuizing, format="json", HTTP_IF_MATCH="*")) == {
        "samenwerkingsverband": "Samenwerkingsverband: in de zienswijze van Purmerend op dit "
        "verzoek legde de raad al iets vast, maar die gemeente nam op 1 maart 2025 niet deel "
        "aan Afvalschap. Laat het verzoek staan, of registreer een nieuw verzoek voor die "
        "regeling of datum."
    }
    assert gemeenten() == {"GM0439": "geagendeerd", "GM0479": "nog_te_agenderen"}
    verzoek.refresh_from_db()
    assert verzoek.samenwerkingsverband == ggd

    # Untouched, Purmerend's leaves; Zaanstad's stays as it was, Utrecht gets one.
    Zienswijze.objects.filter(gemeente=purmerend).update(
        status="nog_te_agenderen", raadsvergadering=None
    )
    antwoord = beheerder.patch(adres, verhuizing, format="json", HTTP_IF_MATCH="*")
    assert antwoord.status_code == 200, antwoord.content
    assert gemeenten() == {"GM0344": "nog_te_agenderen", "GM0479": "nog_te_agenderen"}
    assert Zienswijze.objects.get(gemeente=zaanstad).pk == zaanstads.pk


def test_moving_a_request_to_another_date_keeps_who_took_part_then(beheerder, zaanstad, ggd):
    """A date of receipt before Purmerend joined: its untouched zienswijze leaves."""
    Gemeente.objects.get(cbs_code="GM0439").deelnames.update(toetredingsdatum=D(2025, 1, 1))
    verzoek = ZienswijzeverzoekFactory(samenwerkingsverband=ggd)
    services.zienswijzen_klaarzetten(zienswijzeverzoek=verzoek)
    adres = f"/api/v1/zienswijzeverzoeken/{verzoek.uuid}"
    nieuw = {"ontvangenOp": "2024-12-01", "uitersteDatum": "2025-03-01"}
    antwoord = beheerder.patch(adres, nieuw, format="json", HTTP_IF_MATCH="*")
    assert antwoord.status_code == 200, antwoord.content
    assert list(verzoek.zienswijzen.values_list("gemeente__cbs_code", flat=True)) == ["GM0479"]


def test_a_griffie_cannot_move_an_answered_zienswijze_back_and_is_told_who_can(zaanstad, ggd):
    """The refusal is at status (not its read-only twin statusLabel) and says who acts."""
    zienswijze = _ingediend(zaanstad, ggd, reactie_bestuur="Het bestuur stemt in.")
    adres = f"/api/v1/zienswijzen/{zienswijze.uuid}"
    griffie = api_client(account(RolSoort.GRIFFIE, gemeente=zaanstad))
    terug = {"status": "geagendeerd", "raadsvergadering": "2025-06-10"}
    assert ongeldig(griffie.patch(adres, terug, format="json", HTTP_IF_MATCH="*")) == {
        "status": "Status: het bestuur heeft al gereageerd op deze ingediende zienswijze, dus "
        "die blijft ingediend. Moet de reactie weg, dan haalt het regiosecretariaat van "
        f"{ggd} of een beheerder haar weg; daarna kan de status terug."
    }
    zienswijze.refresh_from_db()
    assert zienswijze.status == "ingediend"
    # As the message says: the secretariaat takes the reply away, then the griffie can.
    secretariaat = api_client(account(RolSoort.SECRETARIAAT, verbanden=[ggd]))
    leeg = secretariaat.patch(adres, {"reactieBestuur": ""}, format="json", HTTP_IF_MATCH="*")
    assert leeg.status_code == 200, leeg.content
    antwoord = griffie.patch(adres, terug, format="json", HTTP_IF_MATCH="*")
    assert antwoord.status_code == 200, antwoord.content
    assert antwoord.json()["status"] == "geagendeerd"


def test_a_reply_on_a_zienswijze_not_submitted_says_the_griffie_submits_it(zaanstad, ggd):
    zienswijze = ZienswijzeFactory(gemeente=zaanstad, zienswijzeverzoek__samenwerkingsverband=ggd)
    secretariaat = api_client(account(RolSoort.SECRETARIAAT, verbanden=[ggd]))
    antwoord = secretariaat.patch(
        f"/api/v1/zienswijzen/{zienswijze.uuid}",
        {"reactieBestuur": "Dank."},
        format="json",
        HTTP_IF_MATCH="*",
    )
    assert ongeldig(antwoord) == {
        "reactieBestuur": "Reactie van het bestuur: kan alleen op een ingediende zienswijze. De "
        "griffie van Zaanstad zet de status op „ingediend” (met de datum van het raadsbesluit); "
        "laat de reactie tot dan leeg."
    }
    zienswijze.refresh_from_db()
    assert zienswijze.reactie_bestuur == ""


def test_a_second_zienswijze_of_a_gemeente_is_refused_at_the_gemeente(beheerder, zaanstad, ggd):
    verzoek = ZienswijzeverzoekFactory(samenwerkingsverband=ggd)
    ZienswijzeFactory(zienswijzeverzoek=verzoek, gemeente=zaanstad)
    tweede = {"zienswijzeverzoek": str(verzoek.uuid), "gemeente": "GM0479"}
    assert ongeldig(beheerder.post("/api/v1/zienswijzen", tweede, format="json")) == {
        "gemeente": "Voor deze gemeente is bij dit zienswijzeverzoek al een zienswijze vastgelegd."
    }
    assert verzoek.zienswijzen.count() == 1
