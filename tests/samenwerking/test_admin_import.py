"""Spreadsheet import in the admin as a secretary uses it (upload, preview, confirm) and as a
hostile one would: messages in Dutch that say what to do, rows of another regio refused by
row, duplicate rows named, all or nothing, and a fixed number of queries however long the
file is."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import Workbook

from samenwerking import resources
from samenwerking.formats import FORMATEN, CSVNederlands
from samenwerking.models import (
    Bijdrage,
    Deelname,
    Gemeente,
    Jaarcijfers,
    Samenwerkingsverband,
    Zetel,
)
from tests import factories as f
from tests.toegang import account
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db

D = datetime.date
FORMAAT = {f().get_title(): str(i) for i, f in enumerate(FORMATEN)}
ENGELS = (
    "Import finished",
    "encountered while trying",
    "No valid data",
    "Confirm import",
    "Some rows failed",
    "Line number",
    "This importer",
    "Submit",
    "Traceback",
)


def _upload(client, model: str, inhoud: bytes, formaat: str = "csv", **extra):
    naam = {"csv": "bestand.csv", "xlsx": "bestand.xlsx", "ods": "b.ods", "json": "b.json"}
    return client.post(
        reverse(f"admin:samenwerking_{model}_import"),
        {
            "resource": "0",
            "format": FORMAAT[formaat],
            "import_file": SimpleUploadedFile(naam[formaat], inhoud),
            **extra,
        },
    )


def _bevestig(client, model: str, voorbeeld, **anders):
    gegevens = {**voorbeeld.context["confirm_form"].initial, **anders}
    return client.post(reverse(f"admin:samenwerking_{model}_process_import"), gegevens)


def _tekst(antwoord) -> str:
    return " ".join(antwoord.content.decode().split())


def _csv(kop: list[str], rijen: list[list]) -> bytes:
    regels = [";".join(kop)] + [";".join("" if w is None else str(w) for w in r) for r in rijen]
    return ("\n".join(regels) + "\n").encode("utf-8")


def _meldingen(antwoord) -> list[str]:
    return [str(m) for m in antwoord.wsgi_request._messages]


def _client(gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker)
    return client


@pytest.fixture
def regio(referentiedata):
    """Two arrangements of two regio's, each with deelnames, an organ with a seat, money and
    figures; a secretariaat of the first and a beheerder."""
    zaanstad = Gemeente.objects.get(cbs_code="GM0479")
    purmerend = Gemeente.objects.get(cbs_code="GM0439")
    eigen = f.SamenwerkingsverbandFactory(naam="Veiligheidsregio Zaanstreek-Waterland")
    ander = f.SamenwerkingsverbandFactory(naam="Omgevingsdienst Elders")
    for verband in (eigen, ander):
        for gemeente in (zaanstad, purmerend):
            deelname = f.DeelnameFactory(
                samenwerkingsverband=verband, gemeente=gemeente, toetredingsdatum=D(2015, 1, 1)
            )
            f.BijdrageFactory(deelname=deelname, jaar=2024, bedrag=Decimal("1000.00"))
        f.ZetelFactory(deelname=deelname, begindatum=D(2022, 1, 1))
        f.JaarcijfersFactory(samenwerkingsverband=verband, jaar=2024)
    return {
        "eigen": eigen,
        "ander": ander,
        "secretariaat": account(RolSoort.SECRETARIAAT, verbanden=[eigen]),
        "beheerder": account(RolSoort.BEHEERDER),
    }


# --- Messages ------------------------------------------------------------------------------------


def test_preview_and_confirm_speak_dutch_and_say_what_to_do(admin_client, regio):
    verband = regio["eigen"]
    inhoud = _csv(
        ["samenwerkingsverband", "gemeente", "toetredingsdatum"],
        [[verband.uuid, "Oostzaan", "2025-01-01"]],
    )
    voorbeeld = _upload(admin_client, "deelname", inhoud)
    tekst = _tekst(voorbeeld)
    assert voorbeeld.status_code == 200
    assert "Er is nog niets opgeslagen." in tekst
    assert "Voorbeeld" in tekst and "1 nieuw, 0 gewijzigd, 0 ongewijzigd" in tekst
    assert 'value="Import bevestigen"' in tekst
    assert not any(woord in tekst for woord in ENGELS)
    antwoord = _bevestig(admin_client, "deelname", voorbeeld)
    assert antwoord.status_code == 302
    assert _meldingen(antwoord) == [
        "Import opgeslagen: 1 nieuw, 0 gewijzigd, 0 ongewijzigd (deelnames). De wijzigingen "
        "staan in de lijst hieronder en per regel onder Geschiedenis."
    ]
    assert Deelname.objects.filter(gemeente__naam="Oostzaan").count() == 1
    assert LogEntry.objects.get().change_message == "Toegevoegd via import"


def test_import_page_itself_is_dutch(admin_client, regio):
    antwoord = admin_client.get(reverse("admin:samenwerking_deelname_import"))
    tekst = _tekst(antwoord)
    assert antwoord.status_code == 200
    assert "Deze import leest de kolommen" in tekst and 'value="Voorbeeld bekijken"' in tekst
    assert '<label for="id_import_file">Bestand:</label>' in tekst
    assert not any(woord in tekst for woord in ENGELS)


def test_row_errors_say_nothing_was_saved_and_what_to_do(admin_client, regio):
    inhoud = _csv(
        ["samenwerkingsverband", "gemeente", "toetredingsdatum"],
        [[regio["eigen"].uuid, "Oostzaan", "2025-01-01"], [regio["eigen"].uuid, "Atlantis", ""]],
    )
    antwoord = _upload(admin_client, "deelname", inhoud)
    tekst = _tekst(antwoord)
    assert antwoord.context.get("confirm_form") is None
    assert "1 regel met fouten" in tekst
    assert "Er is niets opgeslagen. Verbeter deze regels in het bestand" in tekst
    assert '<th scope="row">2</th>' in tekst
    assert "gemeente: gemeente &#x27;Atlantis&#x27; bestaat niet in het register." in tekst
    assert not any(woord in tekst for woord in ENGELS)
    assert not Deelname.objects.filter(gemeente__naam="Oostzaan").exists()


@pytest.mark.parametrize(
    ("inhoud", "formaat", "melding"),
    [
        (
            "samenwerkingsverband;gemeente\nx;Zaanstad\n".encode("utf-16"),
            "csv",
            "Het bestand is opgeslagen als UTF-16 (&#x27;Unicode-tekst&#x27;). Sla het op als "
            "&#x27;CSV UTF-8 (door komma&#x27;s gescheiden)&#x27; en lees het opnieuw in.",
        ),
        (
            b"PK\x03\x04 dit is geen werkmap",
            "xlsx",
            "Het bestand is geen geldig Excel-bestand (.xlsx). Sla het in Excel op als "
            "&#x27;Excel-werkmap (*.xlsx)&#x27;",
        ),
        (
            b"PK\x03\x04 een werkmap",
            "csv",
            "Dit is een spreadsheet (Excel of LibreOffice), geen CSV. Kies bij Formaat xlsx",
        ),
        (b"samenwerkingsverband;gemeente\n;\n", "csv", "Het bestand bevat geen regels"),
        (b'[{"kapot', "json", "Het bestand is geen geldige JSON-lijst van regels"),
        (b"", "csv", "Het bestand is leeg. Kies het goede bestand, of sla het opnieuw op."),
    ],
    ids=["utf16", "kapotte-xlsx", "xlsx-als-csv", "alleen-kop", "kapotte-json", "leeg"],
)
def test_an_unreadable_file_gets_a_dutch_message(admin_client, regio, inhoud, formaat, melding):
    antwoord = _upload(admin_client, "deelname", inhoud, formaat)
    tekst = _tekst(antwoord)
    assert antwoord.status_code == 200
    assert melding in tekst
    assert "encountered" not in tekst and "BadZipFile" not in tekst
    assert antwoord.context.get("confirm_form") is None


def test_an_xlsx_with_empty_rows_below_imports(admin_client, regio):
    boek = Workbook()
    blad = boek.active
    blad.append(["samenwerkingsverband", "gemeente", "toetredingsdatum"])
    blad.append([str(regio["eigen"].uuid), "GM0431", D(2025, 1, 1)])
    blad.append([None, None, None])  # Excel keeps formatted empty rows
    bestand = io.BytesIO()
    boek.save(bestand)
    voorbeeld = _upload(admin_client, "deelname", bestand.getvalue(), "xlsx")
    assert "1 nieuw, 0 gewijzigd" in _tekst(voorbeeld)
    assert _bevestig(admin_client, "deelname", voorbeeld).status_code == 302
    assert Deelname.objects.filter(gemeente__cbs_code="GM0431").count() == 1


def test_a_long_file_previews_its_first_rows_and_the_totals(admin_client, regio):
    verband = regio["eigen"]
    gemeenten = Gemeente.objects.exclude(deelnames__samenwerkingsverband=verband)
    rijen = [[verband.uuid, g.cbs_code, "2025-01-01"] for g in gemeenten.order_by("cbs_code")]
    inhoud = _csv(["samenwerkingsverband", "gemeente", "toetredingsdatum"], rijen[:150])
    tekst = _tekst(_upload(admin_client, "deelname", inhoud))
    assert "150 nieuw, 0 gewijzigd, 0 ongewijzigd" in tekst
    assert "Hieronder de eerste 100 van 150 regels." in tekst
    assert tekst.count('<tr class="new">') == 100


def test_refusal_at_confirmation_saves_nothing_and_says_so(admin_client, regio):
    """The register changed between preview and confirmation: the confirmation checks again."""
    verband = regio["eigen"]
    inhoud = _csv(
        ["samenwerkingsverband", "gemeente", "toetredingsdatum"],
        [[verband.uuid, "Oostzaan", "2025-01-01"], [verband.uuid, "Wormerland", "2025-01-01"]],
    )
    voorbeeld = _upload(admin_client, "deelname", inhoud)
    assert voorbeeld.context["confirm_form"] is not None
    f.DeelnameFactory(samenwerkingsverband=verband, gemeente=Gemeente.objects.get(naam="Oostzaan"))
    antwoord = _bevestig(admin_client, "deelname", voorbeeld)
    assert antwoord["Location"] == reverse("admin:samenwerking_deelname_import")
    [melding] = _meldingen(antwoord)
    assert melding.startswith("Er is niets opgeslagen: regel 1: ")
    assert "Gemeente: deze gemeente heeft al een lopende deelname" in melding
    assert melding.endswith("Verbeter het bestand en lees het opnieuw in.")
    assert not Deelname.objects.filter(gemeente__naam="Wormerland").exists()
    assert not LogEntry.objects.exists()


# --- Duplicate rows ------------------------------------------------------------------------------


def test_the_same_uuid_twice_names_both_rows_and_saves_nothing(admin_client, regio):
    dataset = resources.DeelnameResource().export(
        queryset=Deelname.objects.filter(samenwerkingsverband=regio["eigen"]).order_by("pk")
    )
    rijen = [list(r) for r in dataset]
    bron = dataset.headers.index("bron")
    rijen[0][bron], rijen[1][bron] = "eerste", "tweede"
    rijen.append(list(rijen[0]))
    rijen[2][bron] = "derde"
    inhoud = _csv(dataset.headers, rijen)
    antwoord = _upload(admin_client, "deelname", inhoud)
    tekst = _tekst(antwoord)
    assert "2 regels met fouten" in tekst
    assert "Regel 1 en regel 3 gaan over dezelfde deelname; laat één van beide staan." in tekst
    assert "Regel 3 en regel 1 gaan over dezelfde deelname; laat één van beide staan." in tekst
    assert antwoord.context.get("confirm_form") is None
    assert not Deelname.objects.filter(bron__in=["eerste", "tweede", "derde"]).exists()


def test_the_same_bijdrage_twice_names_both_rows(admin_client, regio):
    kop = ["samenwerkingsverband", "gemeente", "jaar", "soort", "onderdeel", "bedrag"]
    verband = regio["eigen"].uuid
    inhoud = _csv(
        kop,
        [
            [verband, "Zaanstad", 2025, "begroot", "", "10"],
            [verband, "Purmerend", 2025, "begroot", "", "20"],
            [verband, "GM0479", 2025, "Begroot", "", "30"],
        ],
    )
    tekst = _tekst(_upload(admin_client, "bijdrage", inhoud))
    assert "Regel 1 en regel 3 gaan over dezelfde bijdrage; laat één van beide staan." in tekst
    assert "Regel 3 en regel 1 gaan over dezelfde bijdrage" in tekst
    assert not Bijdrage.objects.filter(jaar=2025).exists()


def test_the_same_new_deelname_twice_names_both_rows(admin_client, regio):
    verband = regio["eigen"].uuid
    inhoud = _csv(
        ["samenwerkingsverband", "gemeente", "toetredingsdatum"],
        [[verband, "Oostzaan", "2025-01-01"], [verband, "oostzaan", "2025-01-01"]],
    )
    tekst = _tekst(_upload(admin_client, "deelname", inhoud))
    assert "2 regels met fouten" in tekst
    melding = (
        "Gemeente: deze gemeente heeft al een lopende deelname in dit samenwerkingsverband. "
        "(ook in regel {})"
    )
    assert melding.format(2) in tekst and melding.format(1) in tekst
    assert not Deelname.objects.filter(gemeente__naam="Oostzaan").exists()


# --- Rows of another regio (a hostile secretariaat) ----------------------------------------------


def _export_als_rijen(resource_class, queryset) -> tuple[list, list]:
    dataset = resource_class().export(queryset=queryset)
    return list(dataset.headers), [list(r) for r in dataset]


def _met_verandering(kop, rij, kolom, waarde):
    rij = list(rij)
    rij[kop.index(kolom)] = waarde
    return rij


VIJANDIG = {
    # model: (resource, queryset of a regio's rows, a column to change, a new value)
    "samenwerkingsverband": (
        resources.SamenwerkingsverbandResource,
        lambda v: Samenwerkingsverband.objects.filter(pk=v.pk),
        "vestigingsplaats",
        "Gekaapt",
    ),
    "deelname": (
        resources.DeelnameResource,
        lambda v: Deelname.objects.filter(samenwerkingsverband=v).order_by("pk")[:1],
        "bron",
        "Gekaapt",
    ),
    "bijdrage": (
        resources.BijdrageResource,
        lambda v: Bijdrage.objects.filter(deelname__samenwerkingsverband=v).order_by("pk")[:1],
        "bedrag",
        "1",
    ),
    "zetel": (
        resources.ZetelResource,
        lambda v: Zetel.objects.filter(bestuursorgaan__samenwerkingsverband=v),
        "functie",
        "extern",
    ),
    "jaarcijfers": (
        resources.JaarcijfersResource,
        lambda v: Jaarcijfers.objects.filter(samenwerkingsverband=v),
        "lasten",
        "1",
    ),
}


@pytest.mark.parametrize("veranderd", [True, False], ids=["gewijzigd", "ongewijzigd"])
@pytest.mark.parametrize("model", sorted(VIJANDIG))
def test_a_row_of_another_regio_is_refused_by_row_and_nothing_is_saved(regio, model, veranderd):
    resource_class, rijen_van, kolom, waarde = VIJANDIG[model]
    kop, eigen = _export_als_rijen(resource_class, rijen_van(regio["eigen"]))
    _kop, ander = _export_als_rijen(resource_class, rijen_van(regio["ander"]))
    rij_ander = _met_verandering(kop, ander[0], kolom, waarde) if veranderd else ander[0]
    inhoud = _csv(kop, [_met_verandering(kop, eigen[0], kolom, waarde), rij_ander])
    voor = sorted(map(str, resource_class().export().dict))

    antwoord = _upload(_client(regio["secretariaat"]), model, inhoud)
    tekst = _tekst(antwoord)
    assert antwoord.status_code == 200
    assert antwoord.context.get("confirm_form") is None
    assert "1 regel met fouten" in tekst
    assert '<th scope="row">2</th>' in tekst
    assert (
        "uw account mag deze regel niet wijzigen: alleen regels van de eigen "
        "samenwerkingsverbanden. Haal de regel uit het bestand of vraag een beheerder." in tekst
    )
    assert sorted(map(str, resource_class().export().dict)) == voor  # the own row neither


@pytest.mark.parametrize("model", ["deelname", "bijdrage", "jaarcijfers"])
def test_a_new_row_in_another_regio_is_refused(regio, model):
    ander = regio["ander"]
    kop, inhoud = {
        "deelname": (
            ["samenwerkingsverband", "gemeente", "toetredingsdatum"],
            [[ander.uuid, "Oostzaan", "2025-01-01"]],
        ),
        "bijdrage": (
            ["samenwerkingsverband", "gemeente", "jaar", "soort", "bedrag"],
            [[ander.uuid, "Zaanstad", 2025, "begroot", "5"]],
        ),
        "jaarcijfers": (
            ["samenwerkingsverband", "jaar", "soort"],
            [[ander.uuid, 2025, "begroting"]],
        ),
    }[model]
    antwoord = _upload(_client(regio["secretariaat"]), model, _csv(kop, inhoud))
    tekst = _tekst(antwoord)
    assert "uw account mag deze regel niet toevoegen: alleen regels van de eigen" in tekst
    assert '<th scope="row">1</th>' in tekst
    assert antwoord.context.get("confirm_form") is None


def test_secretariaat_imports_its_own_rows_and_the_history_names_it(regio):
    secretariaat = regio["secretariaat"]
    client = _client(secretariaat)
    kop, eigen = _export_als_rijen(
        resources.DeelnameResource,
        Deelname.objects.filter(samenwerkingsverband=regio["eigen"]).order_by("pk"),
    )
    rijen = [_met_verandering(kop, rij, "bron", "Gemeenteblad 2025") for rij in eigen]
    nieuw = dict.fromkeys(kop, "") | {
        "samenwerkingsverband": str(regio["eigen"].uuid),
        "gemeente": "Oostzaan",
        "toetredingsdatum": "2025-01-01",
    }
    rijen.append([nieuw[k] for k in kop])
    voorbeeld = _upload(client, "deelname", _csv(kop, rijen))
    assert "1 nieuw, 2 gewijzigd, 0 ongewijzigd" in _tekst(voorbeeld)
    assert _bevestig(client, "deelname", voorbeeld).status_code == 302
    gewijzigd = Deelname.objects.filter(bron="Gemeenteblad 2025")
    assert gewijzigd.count() == 2
    for deelname in [*gewijzigd, Deelname.objects.get(gemeente__naam="Oostzaan")]:
        laatste = deelname.history.first()
        assert laatste.history_user == secretariaat
        assert laatste.history_type == ("+" if deelname.gemeente.naam == "Oostzaan" else "~")
        assert laatste.bron == deelname.bron


# --- A fixed number of queries -------------------------------------------------------------------


def _deelnames_bestand(verband, aantal: int) -> bytes:
    """`aantal` rows: half the stored deelnames of `verband` changed, half new ones."""
    kop, rijen = _export_als_rijen(
        resources.DeelnameResource,
        Deelname.objects.filter(samenwerkingsverband=verband).order_by("pk")[: aantal // 2],
    )
    rijen = [_met_verandering(kop, rij, "bron", "gewijzigd") for rij in rijen]
    bezet = set(verband.deelnames.values_list("gemeente_id", flat=True))
    vrij = Gemeente.objects.exclude(pk__in=bezet).order_by("cbs_code")
    for gemeente in vrij[: aantal - len(rijen)]:
        nieuw = dict.fromkeys(kop, "") | {
            "samenwerkingsverband": str(verband.uuid),
            "gemeente": gemeente.cbs_code,
            "toetredingsdatum": "2025-01-01",
        }
        rijen.append([nieuw[k] for k in kop])
    return _csv(kop, rijen)


def _verband_met_deelnames(aantal: int) -> Samenwerkingsverband:
    verband = f.SamenwerkingsverbandFactory()
    for gemeente in Gemeente.objects.order_by("-cbs_code")[:aantal]:
        f.DeelnameFactory(samenwerkingsverband=verband, gemeente=gemeente)
    return verband


def _tel(doe) -> tuple[int, object]:
    ContentType.objects.clear_cache()  # every count includes reading the content type
    with CaptureQueriesContext(connection) as vragen:
        uitkomst = doe()
    return len(vragen), uitkomst


# Preview: session and user, the import's savepoints (6), the role of the account, the
# arrangements of the samenwerkingsverband column, all gemeenten (by code or name); the stored
# deelnames the file names with their arrangement and gemeente (prefetched; organisatie only
# when a row has one); then the check of all rows together: uuids, one running deelname per
# gemeente (the unique constraint), the stored deelnames of the arrangements (overlap); and
# the session that keeps the upload's name.
VOORBEELD_VRAGEN = 23
# Confirm: the same reads, the content type and the admin log (2 inserts: new, changed), the
# lock on the arrangements, the update of the changed rows, the new rows' ids and insert,
# their history (2 inserts, copied from the stored rows), the session; more savepoints (a
# constraint the database refuses is found by its name, without a savepoint of its own).
BEVESTIG_VRAGEN = 33


@pytest.mark.parametrize("aantal", [6, 50])
def test_deelnames_preview_and_confirm_take_a_fixed_number_of_queries(
    admin_client, referentiedata, django_assert_num_queries, aantal
):
    verband = _verband_met_deelnames(aantal)
    inhoud = _deelnames_bestand(verband, aantal)
    ContentType.objects.clear_cache()
    with django_assert_num_queries(VOORBEELD_VRAGEN):
        voorbeeld = _upload(admin_client, "deelname", inhoud)
    assert f"{aantal // 2} nieuw, {aantal // 2} gewijzigd, 0 ongewijzigd" in _tekst(voorbeeld)
    with django_assert_num_queries(BEVESTIG_VRAGEN):
        antwoord = _bevestig(admin_client, "deelname", voorbeeld)
    assert antwoord.status_code == 302
    assert verband.deelnames.filter(bron="gewijzigd").count() == aantal // 2
    assert verband.deelnames.count() == aantal + aantal // 2


def _bestanden(regio, aantal: int) -> dict[str, tuple[str, bytes]]:
    """Per importable model a file of `aantal` rows (changed stored rows and new ones)."""
    verbanden = [f.SamenwerkingsverbandFactory() for _ in range(aantal)]
    gemeenten = list(Gemeente.objects.order_by("cbs_code")[:aantal])
    deelnames = [
        f.DeelnameFactory(samenwerkingsverband=verbanden[0], gemeente=g) for g in gemeenten
    ]
    orgaan = f.BestuursorgaanFactory(samenwerkingsverband=verbanden[0])
    for verband in verbanden[::2]:  # stored figures with a source document (clean() reads it)
        f.JaarcijfersFactory(
            samenwerkingsverband=verband,
            jaar=2025,
            soort="begroting",
            bron_document=f.DocumentFactory(samenwerkingsverband=verband),
        )
    uuid = verbanden[0].uuid
    bestanden = {
        "samenwerkingsverband": _csv(
            ["uuid", "naam", "vorm", "domeinen", "motieven"],
            [[v.uuid, f"Regeling {n} nieuw", "GO", "", "kosten"] for n, v in enumerate(verbanden)]
            + [["", f"Nieuwe regeling {n}", "OL", "", ""] for n in range(aantal)],
        ),
        "bijdrage": _csv(
            ["samenwerkingsverband", "gemeente", "jaar", "soort", "bedrag"],
            [[uuid, g.cbs_code, 2025, "begroot", n] for n, g in enumerate(gemeenten)],
        ),
        "zetel": _csv(
            ["bestuursorgaan", "deelname", "persoon", "functie", "begindatum"],
            [
                [orgaan.uuid, d.uuid, f"Nieuw Persoon {n}", "wethouder", ""]
                for n, d in enumerate(deelnames)
            ],
        ),
        "jaarcijfers": _csv(
            ["samenwerkingsverband", "jaar", "soort", "lasten"],
            [[v.uuid, 2025, "begroting", "1.000,00"] for v in verbanden],
        ),
        "gemeente": _csv(
            ["cbs_code", "naam", "provincie"],
            [[g.cbs_code, f"{g.naam} (test)", g.provincie.code] for g in gemeenten],
        ),
    }
    return bestanden


@pytest.mark.parametrize(
    "model", ["samenwerkingsverband", "bijdrage", "zetel", "jaarcijfers", "gemeente"]
)
def test_other_imports_take_a_fixed_number_of_queries(admin_client, regio, model):
    aantallen = []
    for aantal in (5, 50):
        inhoud = _bestanden(regio, aantal)[model]
        voorbeeld_vragen, voorbeeld = _tel(lambda i=inhoud: _upload(admin_client, model, i))
        assert voorbeeld.context.get("confirm_form") is not None, _tekst(voorbeeld)[-3000:]
        bevestig_vragen, antwoord = _tel(lambda v=voorbeeld: _bevestig(admin_client, model, v))
        assert antwoord.status_code == 302
        assert _meldingen(antwoord)[0].startswith("Import opgeslagen:")
        aantallen.append((voorbeeld_vragen, bevestig_vragen))
    assert aantallen[0] == aantallen[1]


def test_csv_from_dutch_excel_round_trips_through_the_admin(admin_client, regio):
    """An admin export (semicolons, BOM) imports back unchanged."""
    beheer = admin.site._registry[Deelname]
    resource = beheer.get_export_resource_classes(None)[0]
    export = CSVNederlands().export_data(resource().export()).encode("utf-8")
    tekst = _tekst(_upload(admin_client, "deelname", export))
    assert "0 nieuw, 0 gewijzigd, 4 ongewijzigd" in tekst


def test_an_arrangements_lists_and_domeinen_are_updated(admin_client, regio):
    """The changed columns of an arrangement (a list, a many-to-many, a yes/no) are written."""
    verband = regio["eigen"]
    verband.domeinen.add(f.DomeinFactory(code="test-afval"))
    f.DomeinFactory(code="test-veiligheid")
    inhoud = _csv(
        ["uuid", "naam", "vorm", "domeinen", "motieven", "verplicht"],
        [[verband.uuid, verband.naam, "GO", "test-veiligheid", "kosten,kwaliteit", "ja"]],
    )
    voorbeeld = _upload(admin_client, "samenwerkingsverband", inhoud)
    assert "0 nieuw, 1 gewijzigd" in _tekst(voorbeeld)
    assert _bevestig(admin_client, "samenwerkingsverband", voorbeeld).status_code == 302
    verband.refresh_from_db()
    assert (verband.vorm, verband.motieven, verband.verplicht) == (
        "GO",
        ["kosten", "kwaliteit"],
        True,
    )
    assert list(verband.domeinen.values_list("code", flat=True)) == ["test-veiligheid"]
    assert verband.history.first().history_type == "~"


SQLITE_IMPORT = """
import json, tablib
from samenwerking.models import Deelname, Domein, Gemeente, Samenwerkingsverband
from samenwerking.resources import DeelnameResource, SamenwerkingsverbandResource
verband = Samenwerkingsverband.objects.create(naam="Op SQLite", vorm="OL")
Domein.objects.create(code="test-sqlite", naam="Test SQLite")
zaanstad = Gemeente.objects.get(naam="Zaanstad")
Deelname.objects.create(samenwerkingsverband=verband, gemeente=zaanstad)
export = DeelnameResource().export()
rijen = [list(r) for r in export]
rijen[0][export.headers.index("bron")] = "gewijzigd"
deelnames = tablib.Dataset(*rijen, headers=export.headers)
nieuw = dict.fromkeys(export.headers, "") | {
    "samenwerkingsverband": str(verband.uuid), "gemeente": "Oostzaan",
    "toetredingsdatum": "2025-01-01", "verdeelsleutel": "12,5", "bron": "nieuw",
}
deelnames.append([nieuw[k] for k in export.headers])
uit = {"deelnames": DeelnameResource().import_data(deelnames).totals}
export = SamenwerkingsverbandResource().export()
rij = list(export[0])
rij[export.headers.index("domeinen")] = "test-sqlite"
rij[export.headers.index("motieven")] = "kosten"
verbanden = tablib.Dataset(rij, headers=export.headers)
uit["verbanden"] = SamenwerkingsverbandResource().import_data(verbanden).totals
verband.refresh_from_db()
uit["opgeslagen"] = sorted(
    Deelname.objects.values_list("gemeente__naam", "bron", "verdeelsleutel")
)
uit["geschiedenis"] = sorted(Deelname.history.values_list("history_type", "bron"))
uit["verband"] = [list(verband.domeinen.values_list("code", flat=True)), verband.motieven]
print(json.dumps(uit, default=str))
"""


def test_an_import_on_sqlite_writes_rows_history_and_domeinen(tmp_path):
    """`make run` uses SQLite: the bulk writes have a path of their own there."""
    import json
    import os
    import subprocess
    import sys
    from pathlib import Path

    project = Path(__file__).resolve().parents[2]
    omgeving = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG"}}
    omgeving.update(DEBUG="true", DATABASE_URL=f"sqlite:///{tmp_path / 'import.sqlite3'}")
    for opdracht in (["migrate", "--no-input", "-v0"], ["laad_referentiedata"]):
        subprocess.run(
            [sys.executable, "manage.py", *opdracht],
            cwd=project,
            env=omgeving,
            check=True,
            capture_output=True,
        )
    uit = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", SQLITE_IMPORT],
        cwd=project,
        env=omgeving,
        capture_output=True,
        text=True,
    )
    assert uit.returncode == 0, uit.stderr
    resultaat = json.loads(uit.stdout.strip().splitlines()[-1])
    assert (resultaat["deelnames"]["new"], resultaat["deelnames"]["update"]) == (1, 1)
    assert resultaat["verbanden"]["update"] == 1
    assert resultaat["opgeslagen"] == [
        ["Oostzaan", "nieuw", "12.5000"],
        ["Zaanstad", "gewijzigd", None],
    ]
    assert resultaat["geschiedenis"] == [["+", ""], ["+", "nieuw"], ["~", "gewijzigd"]]
    assert resultaat["verband"] == [["test-sqlite"], ["kosten"]]


def test_preview_shows_names_not_uuids_and_dutch_amounts(admin_client, regio):
    """The preview is for a person: the arrangement and the deelname by name, amounts as
    € 1.234,56; the file itself may carry uuids and plain numbers."""
    verband = regio["eigen"]
    inhoud = _csv(
        ["samenwerkingsverband", "gemeente", "jaar", "soort", "onderdeel", "bedrag"],
        [
            [verband.uuid, "Zaanstad", 2026, "begroot", "", "123456,78"],
            [verband.uuid, "GM0439", 2024, "begroot", "", "1234.5"],  # was 1000,00
        ],
    )
    voorbeeld = _upload(admin_client, "bijdrage", inhoud)
    tekst = _tekst(voorbeeld)
    assert voorbeeld.status_code == 200
    tabel = tekst[tekst.index('class="import-preview"') :]
    assert str(verband.uuid) not in tabel
    assert "Zaanstad in Veiligheidsregio Zaanstreek-Waterland" in tabel
    assert "€ 123.456,78" in tabel
    assert "123456.78" not in tabel
    # The changed row shows old → new as a character diff: read each side on its own.
    gewijzigd = tabel[tabel.index('<tr class="update">') :].split("</tr>")[0]
    oud = re.sub(r"<[^>]+>", "", re.sub(r"<ins[^>]*>.*?</ins>", "", gewijzigd))
    nieuw = re.sub(r"<[^>]+>", "", re.sub(r"<del[^>]*>.*?</del>", "", gewijzigd))
    assert "Purmerend in Veiligheidsregio Zaanstreek-Waterland" in nieuw
    assert "€ 1.000,00" in oud and "€ 1.234,50" in nieuw
