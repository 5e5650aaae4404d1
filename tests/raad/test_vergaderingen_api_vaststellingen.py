"""The meetings endpoint shows every meeting of a regeling's bestuur as the calendars do: the
vaststellingsvergaderingen are meetings of the algemeen bestuur (raad.vergaderregels), one per
regeling and day, under the same filters, in one order and one pagination with the
`Vergadering` rows; each item says what it is (`bron`, `vaststelt`).

A GGD (openbaar lichaam) with Zaanstad taking part since 2015.
"""

import datetime

import pytest
from rest_framework.test import APIClient

from raad import services
from raad.constants import Vaststelling, VergaderingSoort
from raad.kalender import kalender_van_gemeente
from raad.models import Bestuursvergadering, Vergadering
from samenwerking.models import Gemeente
from samenwerking.services import rij_opslaan
from tests import factories as f
from tests.api.hulp import probleem
from tests.toegang import beheerder_account

pytestmark = pytest.mark.django_db

D = datetime.date
AB_DAG = D(2025, 7, 3)
PAD = "/api/v1/vergaderingen"
VASTSTELLINGEN = "/api/v1/vaststellingsvergaderingen"


@pytest.fixture
def api():
    return APIClient()


def _regeling(naam="GGD Zaanstreek-Waterland"):
    verband = f.SamenwerkingsverbandFactory(naam=naam, ingangsdatum=D(2015, 1, 1))
    f.DeelnameFactory(
        samenwerkingsverband=verband,
        gemeente=Gemeente.objects.get(cbs_code="GM0479"),
        toetredingsdatum=D(2015, 1, 1),
    )
    return verband


@pytest.fixture
def ggd(referentiedata):
    return _regeling()


def _vergadering(verband, soort=VergaderingSoort.ALGEMEEN_BESTUUR, datum=AB_DAG, **velden):
    return services.vergadering_opslaan(
        vergadering=Vergadering(samenwerkingsverband=verband, soort=soort, datum=datum, **velden)
    )


def _vaststelling(verband, datum=AB_DAG, vaststelling=Vaststelling.BEGROTING, jaar=2026):
    return rij_opslaan(
        rij=Bestuursvergadering(
            samenwerkingsverband=verband, vaststelling=vaststelling, jaar=jaar, datum=datum
        )
    )


def _gewijzigd(tekst: str) -> datetime.datetime:
    return datetime.datetime.fromisoformat(tekst)


def _lijst(api, **parameters) -> list[dict]:
    antwoord = api.get(PAD, parameters)
    assert antwoord.status_code == 200, antwoord.content
    return antwoord.json()["results"]


def test_a_vaststellingsvergadering_is_listed_as_the_algemeen_bestuurs_meeting(api, ggd):
    db = _vergadering(
        ggd,
        soort=VergaderingSoort.DAGELIJKS_BESTUUR,
        datum=D(2025, 6, 12),
        omschrijving="Voorbereiding jaarstukken",
        agenda_url="https://ggd.example/db-agenda",
    )
    begroting = _vaststelling(ggd)
    jaarrekening = _vaststelling(ggd, vaststelling=Vaststelling.JAARREKENING, jaar=2024)
    resultaten = _lijst(api, samenwerkingsverband=str(ggd.uuid), ordering="datum")
    assert len(resultaten) == 2
    eerste, tweede = resultaten
    # A Vergadering row: its fields as before, and what it is.
    assert eerste == {
        "uuid": str(db.uuid),
        "url": f"http://testserver/api/v1/vergaderingen/{db.uuid}",
        "laatstGewijzigd": eerste["laatstGewijzigd"],
        "samenwerkingsverband": str(ggd.uuid),
        "soort": "dagelijks_bestuur",
        "soortLabel": "Vergadering dagelijks bestuur",
        "datum": "2025-06-12",
        "omschrijving": "Voorbereiding jaarstukken",
        "agendaUrl": "https://ggd.example/db-agenda",
        "besluitenUrl": "",
        "bron": "vergadering",
        "vaststelt": [],
    }
    assert _gewijzigd(eerste["laatstGewijzigd"]) == db.updated_at
    # The two adoptions of 3 July 2025: one meeting of the algemeen bestuur, at the address
    # of its first vaststelling.
    assert tweede == {
        "uuid": str(begroting.uuid),
        "url": f"http://testserver{VASTSTELLINGEN}/{begroting.uuid}",
        "laatstGewijzigd": tweede["laatstGewijzigd"],
        "samenwerkingsverband": str(ggd.uuid),
        "soort": "algemeen_bestuur",
        "soortLabel": "Vergadering algemeen bestuur",
        "datum": "2025-07-03",
        "omschrijving": (
            "Vaststelling van de begroting 2026; Vaststelling van de jaarrekening 2024"
        ),
        "agendaUrl": "",
        "besluitenUrl": "",
        "bron": "vaststellingsvergadering",
        "vaststelt": [
            {
                "url": f"http://testserver{VASTSTELLINGEN}/{begroting.uuid}",
                "vaststelling": "begroting",
                "vaststellingLabel": "Vaststelling van de begroting",
                "jaar": 2026,
            },
            {
                "url": f"http://testserver{VASTSTELLINGEN}/{jaarrekening.uuid}",
                "vaststelling": "jaarrekening",
                "vaststellingLabel": "Vaststelling van de jaarrekening",
                "jaar": 2024,
            },
        ],
    }
    assert _gewijzigd(tweede["laatstGewijzigd"]) == max(
        begroting.updated_at, jaarrekening.updated_at
    )


def test_the_api_lists_the_meetings_the_calendar_page_shows(api, ggd, client, op_dag):
    op_dag(D(2025, 5, 1))
    _vergadering(ggd, soort=VergaderingSoort.DAGELIJKS_BESTUUR, datum=D(2025, 6, 12))
    _vergadering(ggd, datum=D(2025, 9, 18))
    _vaststelling(ggd)
    _vaststelling(ggd, vaststelling=Vaststelling.JAARREKENING, jaar=2024)
    kalender = kalender_van_gemeente(
        Gemeente.objects.get(cbs_code="GM0479"),
        vandaag=D(2025, 5, 1),
        van=D(2025, 5, 1),
        tot=D(2025, 12, 31),
    )
    op_de_kalender = [
        (p.datum.isoformat(), p.titel, p.uitleg)
        for p in kalender.punten
        if p.soort == "vergadering"
    ]
    in_de_api = [
        (v["datum"], v["soortLabel"], v["omschrijving"])
        for v in _lijst(api, van="2025-05-01", tot="2026-01-01", ordering="datum")
    ]
    assert (
        in_de_api
        == op_de_kalender
        == [
            ("2025-06-12", "Vergadering dagelijks bestuur", ""),
            (
                "2025-07-03",
                "Vergadering algemeen bestuur",
                "Vaststelling van de begroting 2026; Vaststelling van de jaarrekening 2024",
            ),
            ("2025-09-18", "Vergadering algemeen bestuur", ""),
        ]
    )
    pagina = client.get("/gemeenten/GM0479/kalender/")
    assert pagina.status_code == 200
    assert "Vaststelling van de begroting 2026" in pagina.content.decode()


def test_the_filters_hold_for_both_kinds(api, ggd):
    ander = _regeling("Omgevingsdienst IJmond")
    _vergadering(ggd, soort=VergaderingSoort.DAGELIJKS_BESTUUR, datum=D(2025, 6, 12))
    _vergadering(ggd, datum=D(2025, 9, 18))
    _vaststelling(ggd)  # 3 July 2025
    _vaststelling(ggd, vaststelling=Vaststelling.JAARREKENING, jaar=2025, datum=D(2026, 6, 25))
    _vaststelling(ander, datum=D(2025, 7, 10))
    _vergadering(ander, soort=VergaderingSoort.RAADSAVOND, datum=D(2025, 10, 2))

    def dagen(**parameters):
        return [(v["datum"], v["bron"]) for v in _lijst(api, ordering="datum", **parameters)]

    assert dagen(samenwerkingsverband=str(ggd.uuid)) == [
        ("2025-06-12", "vergadering"),
        ("2025-07-03", "vaststellingsvergadering"),
        ("2025-09-18", "vergadering"),
        ("2026-06-25", "vaststellingsvergadering"),
    ]
    assert dagen(samenwerkingsverband=str(ander.uuid)) == [
        ("2025-07-10", "vaststellingsvergadering"),
        ("2025-10-02", "vergadering"),
    ]
    # soort: a vaststellingsvergadering is a meeting of the algemeen bestuur.
    assert dagen(soort="algemeen_bestuur") == [
        ("2025-07-03", "vaststellingsvergadering"),
        ("2025-07-10", "vaststellingsvergadering"),
        ("2025-09-18", "vergadering"),
        ("2026-06-25", "vaststellingsvergadering"),
    ]
    assert dagen(soort="dagelijks_bestuur") == [("2025-06-12", "vergadering")]
    # van and tot: [van, tot), the day tot itself not included, for both kinds.
    assert dagen(van="2025-07-03", tot="2025-09-18") == [
        ("2025-07-03", "vaststellingsvergadering"),
        ("2025-07-10", "vaststellingsvergadering"),
    ]
    assert dagen(
        samenwerkingsverband=str(ggd.uuid), van="2025-07-04", soort="algemeen_bestuur"
    ) == [
        ("2025-09-18", "vergadering"),
        ("2026-06-25", "vaststellingsvergadering"),
    ]
    # A bad filter value is still a 400 naming it.
    body = probleem(api.get(PAD, {"soort": "vaststelling"}), 400)
    assert [p["name"] for p in body["invalidParams"]] == ["soort"]


def test_a_board_meeting_entered_twice_appears_once_in_the_api_and_the_calendar(api, ggd):
    """Before the rule that refuses a second entry (raad.vergaderregels), the same meeting of
    the algemeen bestuur could be stored both as a Vergadering and as the
    vaststellingsvergadering; such rows are still in databases. Written here past the services
    to make them."""
    _vaststelling(ggd)
    dubbel = Vergadering.objects.create(
        samenwerkingsverband=ggd,
        soort=VergaderingSoort.ALGEMEEN_BESTUUR,
        datum=AB_DAG,
        agenda_url="https://ggd.example/ab-agenda",
    )
    # The dagelijks bestuur meeting that day is a meeting of its own.
    _vergadering(ggd, soort=VergaderingSoort.DAGELIJKS_BESTUUR)
    body = api.get(PAD, {"samenwerkingsverband": str(ggd.uuid)}).json()
    assert body["count"] == 2
    assert [(v["datum"], v["soort"], v["bron"], v["agendaUrl"]) for v in body["results"]] == [
        # The vaststellingsvergadering is that meeting, with the agenda entered with it.
        (
            "2025-07-03",
            "algemeen_bestuur",
            "vaststellingsvergadering",
            "https://ggd.example/ab-agenda",
        ),
        ("2025-07-03", "dagelijks_bestuur", "vergadering", ""),
    ]
    assert str(dubbel.uuid) not in {v["uuid"] for v in body["results"]}
    # The calendar shows that day's board meeting once too.
    kalender = kalender_van_gemeente(
        Gemeente.objects.get(cbs_code="GM0479"), vandaag=AB_DAG, van=AB_DAG, tot=AB_DAG
    )
    assert sorted((p.titel, p.links) for p in kalender.punten if p.soort == "vergadering") == [
        ("Vergadering algemeen bestuur", (("agenda", "https://ggd.example/ab-agenda"),)),
        ("Vergadering dagelijks bestuur", ()),
    ]


@pytest.fixture
def door_elkaar(referentiedata):
    """Three regelingen, each with meetings of both kinds on different days: 6 Vergaderingen
    and 6 days with vaststellingen (two of them with two adoptions), 12 meetings."""
    verwacht = []
    for i, naam in enumerate(["GGD", "Veiligheidsregio", "Omgevingsdienst"]):
        verband = _regeling(naam)
        v1 = _vergadering(
            verband, soort=VergaderingSoort.DAGELIJKS_BESTUUR, datum=D(2024, 3, 1 + i)
        )
        v2 = _vergadering(verband, datum=D(2025, 11, 20 + i))
        b1 = _vaststelling(verband, datum=D(2024, 7, 1 + i), jaar=2025)
        b2 = _vaststelling(verband, datum=D(2025, 7, 1 + i), jaar=2026)
        if i < 2:  # the jaarrekening adopted in the same meeting
            _vaststelling(
                verband, datum=D(2025, 7, 1 + i), vaststelling=Vaststelling.JAARREKENING, jaar=2024
            )
        verwacht += [
            (v1.datum.isoformat(), str(v1.uuid)),
            (v2.datum.isoformat(), str(v2.uuid)),
            (b1.datum.isoformat(), str(b1.uuid)),
            (b2.datum.isoformat(), str(b2.uuid)),
        ]
    return verwacht


@pytest.mark.parametrize("ordering", ["datum", "-datum", None])
def test_pages_follow_one_order_across_both_kinds(api, door_elkaar, ordering):
    parameters = {"pageSize": 5} | ({"ordering": ordering} if ordering else {})
    gezien, pagina = [], 1
    while True:
        body = api.get(PAD, parameters | {"page": pagina}).json()
        assert body["count"] == 12
        assert (body["previous"] is None) == (pagina == 1)
        gezien += [(v["datum"], v["uuid"]) for v in body["results"]]
        if body["next"] is None:
            break
        pagina += 1
    # Every meeting once, on date (no two meetings share a day here); newest first by default.
    assert len(gezien) == 12 and pagina == 3
    assert gezien == sorted(door_elkaar, reverse=ordering != "datum")
    assert probleem(api.get(PAD, parameters | {"page": 4}), 404)


@pytest.mark.parametrize("grootte", [4, 6, 12, 13])
def test_the_last_page_has_no_next_and_the_page_after_it_is_a_404(api, door_elkaar, grootte):
    laatste = -(-12 // grootte)
    body = api.get(PAD, {"pageSize": grootte, "page": laatste}).json()
    assert body["count"] == 12 and body["next"] is None
    assert len(body["results"]) == 12 - grootte * (laatste - 1)
    assert (body["previous"] is None) == (laatste == 1)
    assert probleem(api.get(PAD, {"pageSize": grootte, "page": laatste + 1}), 404)


def test_without_meetings_the_list_is_one_empty_page(api, referentiedata):
    body = api.get(PAD).json()
    assert (body["count"], body["next"], body["previous"], body["results"]) == (0, None, None, [])
    assert probleem(api.get(PAD, {"page": 2}), 404)


@pytest.mark.parametrize("aantal", [1, 15])
def test_list_query_count_does_not_grow_with_the_meetings(
    api, referentiedata, aantal, django_assert_num_queries
):
    for _ in range(aantal):
        verband = f.SamenwerkingsverbandFactory(ingangsdatum=D(2015, 1, 1))
        _vergadering(verband, soort=VergaderingSoort.DAGELIJKS_BESTUUR)
        _vergadering(verband, datum=D(2025, 9, 18))
        _vaststelling(verband)
        _vaststelling(verband, vaststelling=Vaststelling.JAARREKENING, jaar=2024)
    # 1 the page's meetings in order (one UNION ALL), 2-3 their vaststellingen and
    # Vergadering rows, each with its regeling (raad.vergaderlijst); the page is not full, so
    # it ends the list and gives the count.
    with django_assert_num_queries(3):
        antwoord = api.get(PAD, {"pageSize": 500})
    assert antwoord.json()["count"] == len(antwoord.json()["results"]) == 3 * aantal
    # With a regeling: 1 its look-up, then the same three.
    with django_assert_num_queries(4):
        antwoord = api.get(PAD, {"samenwerkingsverband": str(verband.uuid)})
    assert antwoord.json()["count"] == 3
    # A full page: 4 the count (another UNION ALL), also when it is the last one.
    with django_assert_num_queries(4):
        antwoord = api.get(PAD, {"pageSize": 3 * aantal})
    assert antwoord.json()["count"] == 3 * aantal and antwoord.json()["next"] is None


def test_a_vaststellingsvergadering_s_url_gives_its_vaststellingen(api, ggd):
    """The client follows the url of the meeting and of each vaststelling it lists."""
    begroting = _vaststelling(ggd)
    jaarrekening = _vaststelling(ggd, vaststelling=Vaststelling.JAARREKENING, jaar=2024)
    (vergadering,) = _lijst(api, samenwerkingsverband=str(ggd.uuid))
    assert vergadering["url"] == vergadering["vaststelt"][0]["url"]
    gevolgd = []
    for vaststelling in vergadering["vaststelt"]:
        antwoord = api.get(vaststelling["url"])
        assert antwoord.status_code == 200, antwoord.content
        gevolgd.append(antwoord.json())
    assert gevolgd == [
        {
            "uuid": str(rij.uuid),
            "url": f"http://testserver{VASTSTELLINGEN}/{rij.uuid}",
            "laatstGewijzigd": antwoord["laatstGewijzigd"],
            "samenwerkingsverband": str(ggd.uuid),
            "vaststelling": soort,
            "vaststellingLabel": label,
            "jaar": jaar,
            "datum": "2025-07-03",
        }
        for rij, soort, label, jaar, antwoord in zip(
            (begroting, jaarrekening),
            ("begroting", "jaarrekening"),
            ("Vaststelling van de begroting", "Vaststelling van de jaarrekening"),
            (2026, 2024),
            gevolgd,
            strict=True,
        )
    ]
    assert [_gewijzigd(v["laatstGewijzigd"]) for v in gevolgd] == [
        begroting.updated_at,
        jaarrekening.updated_at,
    ]


def test_vaststellingsvergaderingen_are_read_only_and_the_meetings_detail_stays_vergadering(
    api, ggd
):
    begroting = _vaststelling(ggd)
    body = probleem(api.get(f"{PAD}/{begroting.uuid}"), 404)
    assert body["detail"] == f"Geen vergadering met uuid {begroting.uuid}."
    api.force_login(beheerder_account())  # may write everything that can be written
    for methode in ("post", "put", "patch", "delete"):
        adres = VASTSTELLINGEN if methode == "post" else f"{VASTSTELLINGEN}/{begroting.uuid}"
        antwoord = getattr(api, methode)(adres, {}, format="json")
        assert probleem(antwoord, 405)["detail"] == (
            f'Methode "{methode.upper()}" niet toegestaan.'
        )
    assert Bestuursvergadering.objects.get().datum == AB_DAG
    assert Vergadering.objects.count() == 0


def test_vaststellingsvergaderingen_list_filters(api, ggd):
    ander = _regeling("Omgevingsdienst IJmond")
    _vaststelling(ggd)
    _vaststelling(ggd, vaststelling=Vaststelling.JAARREKENING, jaar=2025, datum=D(2026, 6, 25))
    _vaststelling(ander, datum=D(2025, 7, 10))

    def lijst(**parameters):
        antwoord = api.get(VASTSTELLINGEN, parameters | {"ordering": "datum"})
        assert antwoord.status_code == 200, antwoord.content
        return [(v["datum"], v["vaststelling"], v["jaar"]) for v in antwoord.json()["results"]]

    assert lijst() == [
        ("2025-07-03", "begroting", 2026),
        ("2025-07-10", "begroting", 2026),
        ("2026-06-25", "jaarrekening", 2025),
    ]
    assert lijst(samenwerkingsverband=str(ggd.uuid), vaststelling="jaarrekening") == [
        ("2026-06-25", "jaarrekening", 2025)
    ]
    assert lijst(jaar=2026, van="2025-07-04") == [("2025-07-10", "begroting", 2026)]
    body = probleem(api.get(VASTSTELLINGEN, {"vaststelling": "kadernota"}), 400)
    assert [p["name"] for p in body["invalidParams"]] == ["vaststelling"]


@pytest.mark.parametrize("aantal", [1, 15])
def test_vaststellingsvergaderingen_query_count_does_not_grow(
    api, referentiedata, aantal, django_assert_num_queries
):
    for _ in range(aantal):
        verband = f.SamenwerkingsverbandFactory(ingangsdatum=D(2015, 1, 1))
        _vaststelling(verband)
        _vaststelling(verband, vaststelling=Vaststelling.JAARREKENING, jaar=2024)
    # 1 the count, 2 the page's vaststellingen with their regeling.
    with django_assert_num_queries(2):
        antwoord = api.get(VASTSTELLINGEN, {"pageSize": 500})
    assert antwoord.json()["count"] == len(antwoord.json()["results"]) == 2 * aantal


def test_the_schema_says_how_to_recognise_a_vaststellingsvergadering(api):
    schema = api.get("/api/v1/openapi.json").json()
    velden = schema["components"]["schemas"]["Vergadering"]["properties"]
    bron = velden["bron"]["allOf"][0]["$ref"].rsplit("/", 1)[1]
    assert bron == "VergaderingBronEnum"  # a name that says what it is (ENUM_NAME_OVERRIDES)
    assert schema["components"]["schemas"][bron]["enum"] == [
        "vergadering",
        "vaststellingsvergadering",
    ]
    assert "nullable" not in velden["url"]
    assert "(eerste) vaststelling van die dag" in velden["url"]["description"]
    assert velden["vaststelt"]["type"] == "array"


def test_a_page_boundary_inside_a_day_loses_or_repeats_no_meeting(api, referentiedata):
    """Seven meetings on one day and one on each side of it, pages of three: the pages split
    the day; by default newest first, then on the regeling's name."""
    verwacht = []
    for naam in ["Gamma", "Alfa", "Delta", "Beta"]:
        verband = _regeling(naam)
        _vaststelling(verband)
        verwacht.append((naam, "vaststellingsvergadering"))
        if naam != "Delta":
            _vergadering(verband, soort=VergaderingSoort.DAGELIJKS_BESTUUR)
            verwacht.append((naam, "vergadering"))
    namen = {str(v.uuid): v.naam for v in type(verband).objects.all()}
    _vergadering(verband, soort=VergaderingSoort.RAADSAVOND, datum=D(2025, 7, 4))
    _vergadering(verband, soort=VergaderingSoort.RAADSAVOND, datum=D(2025, 7, 2))
    gezien = []
    for pagina in (1, 2, 3):
        body = api.get(PAD, {"pageSize": 3, "page": pagina}).json()
        assert body["count"] == 9
        gezien += [
            (v["datum"], namen[v["samenwerkingsverband"]], v["bron"]) for v in body["results"]
        ]
    assert gezien[0] == ("2025-07-04", "Beta", "vergadering")
    assert gezien[-1] == ("2025-07-02", "Beta", "vergadering")
    # Within the day: on name, then in the order of creation (the vaststelling first).
    assert [(naam, bron) for _datum, naam, bron in gezien[1:-1]] == sorted(
        verwacht, key=lambda rij: rij[0]
    )


def test_a_page_shows_only_its_own_meetings_of_the_regelingen_and_days_it_reads(
    api, referentiedata
):
    """Pages of two, on date: the second page has Alfa's meeting of 1 July and Beta's of
    2 July, so it reads the vaststellingen of both regelingen on both days; Alfa's meeting of
    2 July (created last) is still on the third page only, with the agenda of the algemeen
    bestuur's Vergadering entered for that day, which appears nowhere itself."""
    alfa, beta = _regeling("Alfa"), _regeling("Beta")
    _vergadering(beta, soort=VergaderingSoort.DAGELIJKS_BESTUUR, datum=D(2025, 6, 29))
    _vergadering(alfa, soort=VergaderingSoort.DAGELIJKS_BESTUUR, datum=D(2025, 6, 30))
    _vaststelling(alfa, datum=D(2025, 7, 1))
    _vaststelling(beta, datum=D(2025, 7, 2))
    _vaststelling(alfa, datum=D(2025, 7, 2), vaststelling=Vaststelling.JAARREKENING, jaar=2024)
    dubbel = Vergadering.objects.create(  # entered twice, before the rule refused it
        samenwerkingsverband=alfa,
        soort=VergaderingSoort.ALGEMEEN_BESTUUR,
        datum=D(2025, 7, 2),
        agenda_url="https://alfa.example/agenda",
    )
    namen = {str(alfa.uuid): "Alfa", str(beta.uuid): "Beta"}

    def pagina(nummer):
        body = api.get(PAD, {"pageSize": 2, "page": nummer, "ordering": "datum"}).json()
        assert body["count"] == 5
        assert str(dubbel.uuid) not in {v["uuid"] for v in body["results"]}
        return [
            (v["datum"], namen[v["samenwerkingsverband"]], v["bron"], v["agendaUrl"])
            for v in body["results"]
        ]

    assert pagina(1) == [
        ("2025-06-29", "Beta", "vergadering", ""),
        ("2025-06-30", "Alfa", "vergadering", ""),
    ]
    assert pagina(2) == [
        ("2025-07-01", "Alfa", "vaststellingsvergadering", ""),
        ("2025-07-02", "Beta", "vaststellingsvergadering", ""),
    ]
    assert pagina(3) == [
        ("2025-07-02", "Alfa", "vaststellingsvergadering", "https://alfa.example/agenda"),
    ]
