"""The admin's spreadsheet import against a hostile secretariaat (rows of another regio are
refused by row, nothing saved) and its fixed number of queries, whatever the file's length."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from samenwerking import resources
from samenwerking.models import (
    Bijdrage,
    Deelname,
    Gemeente,
    Jaarcijfers,
    Samenwerkingsverband,
    Zetel,
)
from tests import factories as f
from tests.pagina import paginatekst
from tests.samenwerking.importhulp import (
    bevestig,
    client_van,
    csv_bestand,
    meldingen,
    tel,
    upload,
)

pytestmark = pytest.mark.django_db
D = datetime.date


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
    inhoud = csv_bestand(kop, [_met_verandering(kop, eigen[0], kolom, waarde), rij_ander])
    voor = sorted(map(str, resource_class().export().dict))

    antwoord = upload(client_van(regio["secretariaat"]), model, inhoud)
    tekst = paginatekst(antwoord)
    assert antwoord.status_code == 200
    assert antwoord.context.get("confirm_form") is None
    assert "1 regel met fouten" in tekst
    assert '<th scope="row">2</th>' in tekst
    assert (
        "uw account mag deze regel niet wijzigen: alleen regels van de eigen "
        "samenwerkingsverbanden. Haal de regel uit het bestand of vraag een beheerder." in tekst
    )
    assert sorted(map(str, resource_class().export().dict)) == voor  # the own row neither


def test_an_own_row_with_an_empty_arrangement_cell_names_that_cell(regio):
    """An own deelname whose samenwerkingsverband cell is left empty cannot be stored: the
    preview says the column is empty, not that the row is another regio's."""
    kop, eigen = _export_als_rijen(
        resources.DeelnameResource, Deelname.objects.filter(samenwerkingsverband=regio["eigen"])
    )
    rij = _met_verandering(kop, eigen[0], "samenwerkingsverband", "")
    antwoord = upload(client_van(regio["secretariaat"]), "deelname", csv_bestand(kop, [rij]))
    tekst = paginatekst(antwoord)
    assert antwoord.context.get("confirm_form") is None
    assert "samenwerkingsverband: Dit veld mag niet leeg zijn." in tekst
    assert "uw account mag deze regel niet" not in tekst


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
    antwoord = upload(client_van(regio["secretariaat"]), model, csv_bestand(kop, inhoud))
    tekst = paginatekst(antwoord)
    assert "uw account mag deze regel niet toevoegen: alleen regels van de eigen" in tekst
    assert '<th scope="row">1</th>' in tekst
    assert antwoord.context.get("confirm_form") is None


def test_secretariaat_imports_its_own_rows_and_the_history_names_it(regio):
    secretariaat = regio["secretariaat"]
    client = client_van(secretariaat)
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
    voorbeeld = upload(client, "deelname", csv_bestand(kop, rijen))
    assert "1 nieuw, 2 gewijzigd, 0 ongewijzigd" in paginatekst(voorbeeld)
    assert bevestig(client, "deelname", voorbeeld).status_code == 302
    gewijzigd = Deelname.objects.filter(bron="Gemeenteblad 2025")
    assert gewijzigd.count() == 2
    for deelname in [*gewijzigd, Deelname.objects.get(gemeente__naam="Oostzaan")]:
        laatste = deelname.history.first()
        assert laatste.history_user == secretariaat
        assert laatste.history_type == ("+" if deelname.gemeente.naam == "Oostzaan" else "~")
        assert laatste.bron == deelname.bron


def test_a_secretariaat_maintains_the_arrangements_it_imports(regio):
    """As when it adds one in the admin or the API: a new arrangement of its file is its own,
    so that it can change it and import its deelnames next."""
    secretariaat = regio["secretariaat"]
    client = client_van(secretariaat)
    kop = ["uuid", "naam", "vorm", "ingangsdatum"]
    bestand = csv_bestand(
        kop, [["", "Regionaal Archief Zaanstreek", "Openbaar lichaam", "2025-01-01"]]
    )
    voorbeeld = upload(client, "samenwerkingsverband", bestand)
    assert "1 nieuw" in paginatekst(voorbeeld)
    assert bevestig(client, "samenwerkingsverband", voorbeeld).status_code == 302
    nieuw = Samenwerkingsverband.objects.get(naam="Regionaal Archief Zaanstreek")
    assert set(secretariaat.rol.samenwerkingsverbanden.all()) == {regio["eigen"], nieuw}
    wijzig = reverse("admin:samenwerking_samenwerkingsverband_change", args=[nieuw.pk])
    assert client_van(secretariaat).get(wijzig).status_code == 200
    deelnemers = csv_bestand(
        ["samenwerkingsverband", "gemeente", "toetredingsdatum"],
        [[str(nieuw.uuid), "Zaanstad", "2025-01-01"], [str(nieuw.uuid), "Oostzaan", "2025-01-01"]],
    )
    voorbeeld = upload(client, "deelname", deelnemers)
    assert "2 nieuw" in paginatekst(voorbeeld), paginatekst(voorbeeld)
    assert bevestig(client, "deelname", voorbeeld).status_code == 302
    assert sorted(nieuw.deelnames.values_list("gemeente__naam", flat=True)) == [
        "Oostzaan",
        "Zaanstad",
    ]


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
    return csv_bestand(kop, rijen)


def _verband_met_deelnames(aantal: int) -> Samenwerkingsverband:
    verband = f.SamenwerkingsverbandFactory()
    for gemeente in Gemeente.objects.order_by("-cbs_code")[:aantal]:
        f.DeelnameFactory(samenwerkingsverband=verband, gemeente=gemeente)
    return verband


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
        voorbeeld = upload(admin_client, "deelname", inhoud)
    assert f"{aantal // 2} nieuw, {aantal // 2} gewijzigd, 0 ongewijzigd" in paginatekst(voorbeeld)
    with django_assert_num_queries(BEVESTIG_VRAGEN):
        antwoord = bevestig(admin_client, "deelname", voorbeeld)
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
        "samenwerkingsverband": csv_bestand(
            ["uuid", "naam", "vorm", "domeinen", "motieven"],
            [[v.uuid, f"Regeling {n} nieuw", "GO", "", "kosten"] for n, v in enumerate(verbanden)]
            + [["", f"Nieuwe regeling {n}", "OL", "", ""] for n in range(aantal)],
        ),
        "bijdrage": csv_bestand(
            ["samenwerkingsverband", "gemeente", "jaar", "soort", "bedrag"],
            [[uuid, g.cbs_code, 2025, "begroot", n] for n, g in enumerate(gemeenten)],
        ),
        "zetel": csv_bestand(
            ["bestuursorgaan", "deelname", "persoon", "functie", "begindatum"],
            [
                [orgaan.uuid, d.uuid, f"Nieuw Persoon {n}", "wethouder", ""]
                for n, d in enumerate(deelnames)
            ],
        ),
        "jaarcijfers": csv_bestand(
            ["samenwerkingsverband", "jaar", "soort", "lasten"],
            [[v.uuid, 2025, "begroting", "1.000,00"] for v in verbanden],
        ),
        "gemeente": csv_bestand(
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
        voorbeeld_vragen, voorbeeld = tel(lambda i=inhoud: upload(admin_client, model, i))
        assert voorbeeld.context.get("confirm_form") is not None, paginatekst(voorbeeld)[-3000:]
        bevestig_vragen, antwoord = tel(lambda v=voorbeeld: bevestig(admin_client, model, v))
        assert antwoord.status_code == 302
        assert meldingen(antwoord)[0].startswith("Import opgeslagen:")
        aantallen.append((voorbeeld_vragen, bevestig_vragen))
    assert aantallen[0] == aantallen[1]
