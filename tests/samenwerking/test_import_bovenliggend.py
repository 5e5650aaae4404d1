"""A spreadsheet of samenwerkingsverbanden whose `bovenliggend` names a new arrangement of the
same file (before or after it): imported in one go; a cycle within the file, a parent row
that is wrong and a parent the account does not maintain are refused by row, and nothing is
saved."""

import re
import uuid

import pytest
import tablib

from samenwerking import resources
from samenwerking.models import Samenwerkingsverband
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

KOP = ["uuid", "naam", "vorm", "ingangsdatum", "bovenliggend"]
MODEL = "samenwerkingsverband"


def _importeer(rijen, **kwargs):
    dataset = tablib.Dataset(headers=KOP)
    for rij in rijen:
        dataset.append(rij)
    return resources.SamenwerkingsverbandResource().import_data(dataset, **kwargs)


def _fouten(resultaat) -> dict[int, dict[str, list[str]]]:
    return {r.number: r.error.message_dict for r in resultaat.invalid_rows}


@pytest.mark.parametrize("ouder_eerst", [True, False], ids=["ouder-eerst", "kind-eerst"])
def test_a_row_may_name_a_new_arrangement_of_the_same_file_as_parent(ouder_eerst):
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    moeder = [a, "Moeder", "Openbaar lichaam", "2020-01-01", ""]
    dochter = [b, "Dochter", "Openbaar lichaam", "2020-01-01", a]

    resultaat = _importeer([moeder, dochter] if ouder_eerst else [dochter, moeder])

    assert not resultaat.has_validation_errors() and not resultaat.has_errors()
    assert resultaat.totals["new"] == 2
    opgeslagen = Samenwerkingsverband.objects.get(uuid=b)
    assert opgeslagen.bovenliggend == Samenwerkingsverband.objects.get(uuid=a)
    # The history of the child records its parent, as for any import.
    assert [(h.history_type, h.bovenliggend_id) for h in opgeslagen.history.all()] == [
        ("+", opgeslagen.bovenliggend_id)
    ]
    assert Samenwerkingsverband.objects.get(uuid=a).history.get().history_type == "+"


def test_a_stored_row_may_be_moved_under_a_new_arrangement_of_the_file():
    bestaand = f.SamenwerkingsverbandFactory(naam="Oud verband")
    nieuw = str(uuid.uuid4())
    resultaat = _importeer(
        [
            [str(bestaand.uuid), "Oud verband", "Openbaar lichaam", "2020-01-01", nieuw],
            [nieuw, "Nieuwe koepel", "Openbaar lichaam", "2020-01-01", ""],
        ]
    )
    assert not resultaat.has_validation_errors(), _fouten(resultaat)
    bestaand.refresh_from_db()
    assert bestaand.bovenliggend.naam == "Nieuwe koepel"
    assert bestaand.history.first().bovenliggend_id == bestaand.bovenliggend_id


def test_an_unknown_parent_keeps_its_message():
    onbekend = str(uuid.uuid4())
    resultaat = _importeer(
        [[str(uuid.uuid4()), "Dochter", "Openbaar lichaam", "2020-01-01", onbekend]]
    )
    assert _fouten(resultaat) == {
        1: {"bovenliggend": [f"samenwerkingsverband '{onbekend}' bestaat niet in het register."]}
    }
    assert not Samenwerkingsverband.objects.exists()


def test_a_cycle_within_the_file_names_its_rows_and_nothing_is_saved():
    a, b, c = (str(uuid.uuid4()) for _ in range(3))
    resultaat = _importeer(
        [
            [c, "Los", "Openbaar lichaam", "2020-01-01", ""],
            [a, "Eerste", "Openbaar lichaam", "2020-01-01", b],
            [b, "Tweede", "Openbaar lichaam", "2020-01-01", a],
        ]
    )
    melding = (
        "Regel 2 en regel 3 vallen via bovenliggend (indirect) onder elkaar; dat zou een "
        "kring opleveren. Maak bovenliggend in een van deze regels leeg of kies een ander "
        "verband."
    )
    assert _fouten(resultaat) == {2: {"bovenliggend": [melding]}, 3: {"bovenliggend": [melding]}}
    assert not Samenwerkingsverband.objects.exists()


def test_a_new_row_that_is_its_own_parent_is_refused_as_a_stored_one_is():
    a = str(uuid.uuid4())
    resultaat = _importeer([[a, "Zelf", "Openbaar lichaam", "2020-01-01", a]])
    bestaand = f.SamenwerkingsverbandFactory()
    opgeslagen = _importeer(
        [[str(bestaand.uuid), bestaand.naam, "Openbaar lichaam", "2020-01-01", bestaand.uuid]]
    )
    melding = ["Bovenliggend samenwerkingsverband: kan niet het verband zelf zijn."]
    assert _fouten(resultaat) == {1: {"bovenliggend": melding}}
    assert _fouten(opgeslagen) == {1: {"bovenliggend": melding}}
    assert list(Samenwerkingsverband.objects.all()) == [bestaand]


def test_a_row_under_a_wrong_row_of_the_file_is_reported_too():
    a, b, c = (str(uuid.uuid4()) for _ in range(3))
    resultaat = _importeer(
        [
            [a, "Moeder", "geen vorm", "2020-01-01", ""],
            [b, "Dochter", "Openbaar lichaam", "2020-01-01", a],
            [c, "Kleindochter", "Openbaar lichaam", "2020-01-01", b],
        ]
    )
    fouten = _fouten(resultaat)
    assert set(fouten) == {1, 2, 3}
    assert fouten[2] == {
        "bovenliggend": [
            "regel 1, het nieuwe samenwerkingsverband dat u hier noemt, heeft een fout; "
            "verbeter eerst regel 1."
        ]
    }
    assert fouten[3]["bovenliggend"][0].startswith("regel 2, het nieuwe samenwerkingsverband")
    assert not Samenwerkingsverband.objects.exists()


def test_skipping_wrong_rows_skips_the_rows_under_them():
    a, b, c = (str(uuid.uuid4()) for _ in range(3))
    resultaat = _importeer(
        [
            [a, "Moeder", "geen vorm", "2020-01-01", ""],
            [b, "Dochter", "Openbaar lichaam", "2020-01-01", a],
            [c, "Los", "Openbaar lichaam", "2020-01-01", ""],
        ],
        foute_regels_overslaan=True,
    )
    assert [n for n, _tekst in resultaat.overgeslagen_regels] == [1, 2]
    assert list(Samenwerkingsverband.objects.values_list("naam", flat=True)) == ["Los"]


# --- Through the admin: preview, then confirm ----------------------------------------------------


def test_admin_preview_shows_the_new_parent_and_confirm_saves_both(admin_client, referentiedata):
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    inhoud = csv_bestand(
        KOP,
        [
            [b, "Dochter", "Openbaar lichaam", "2020-01-01", a],
            [a, "Moeder", "Openbaar lichaam", "2020-01-01", ""],
        ],
    )
    voorbeeld = upload(admin_client, "samenwerkingsverband", inhoud)
    tekst = paginatekst(voorbeeld)
    assert "2 nieuw, 0 gewijzigd, 0 ongewijzigd" in tekst
    assert "bestaat niet in het register" not in tekst
    # The child's row shows its parent by name (not its uuid), as for a stored parent.
    rij = next(r for r in voorbeeld.context["result"].rows if r.instance.naam == "Dochter")
    assert "Moeder" in "".join(map(str, rij.diff))
    assert not Samenwerkingsverband.objects.exists()  # the preview saves nothing

    antwoord = bevestig(admin_client, "samenwerkingsverband", voorbeeld)
    assert antwoord.status_code == 302
    assert meldingen(antwoord)[0].startswith("Import opgeslagen: 2 nieuw")
    assert Samenwerkingsverband.objects.get(uuid=b).bovenliggend.naam == "Moeder"


def test_admin_preview_shows_a_stored_rows_empty_parent_as_empty(admin_client, referentiedata):
    """A stored arrangement without a parent, moved under a new one of the file: the preview's
    old cell is empty and the new one names the parent. (The preview keyed the names of the
    related rows it knew by their key, and a new row's key is None, as is an empty choice: the
    old cell showed the new parent, as if nothing changed.)"""
    bestaand = f.SamenwerkingsverbandFactory(naam="Oud verband", afkorting="")
    nieuw = str(uuid.uuid4())
    inhoud = csv_bestand(
        KOP,
        [
            [bestaand.uuid, "Oud verband", "Openbaar lichaam", "2020-01-01", nieuw],
            [nieuw, "Nieuwe koepel", "Openbaar lichaam", "2020-01-01", ""],
        ],
    )
    voorbeeld = upload(admin_client, "samenwerkingsverband", inhoud)
    rij = next(r for r in voorbeeld.context["result"].rows if r.instance.pk == bestaand.pk)
    cellen = list(map(str, rij.diff))
    assert re.search(r"<ins[^>]*>Nieuwe koepel</ins>", "".join(cellen)), cellen
    assert not any(re.search(r"<(span|del)[^>]*>Nieuwe koepel<", c) for c in cellen), cellen


def test_admin_preview_refuses_a_cycle_and_offers_no_confirm(admin_client, referentiedata):
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    inhoud = csv_bestand(
        KOP,
        [
            [a, "Eerste", "Openbaar lichaam", "2020-01-01", b],
            [b, "Tweede", "Openbaar lichaam", "2020-01-01", a],
        ],
    )
    voorbeeld = upload(admin_client, "samenwerkingsverband", inhoud)
    tekst = paginatekst(voorbeeld)
    assert voorbeeld.context.get("confirm_form") is None
    assert "2 regels met fouten" in tekst
    assert "Regel 1 en regel 2 vallen via bovenliggend (indirect) onder elkaar" in tekst
    assert not Samenwerkingsverband.objects.exists()


def test_admin_preview_names_the_row_under_a_wrong_row(admin_client, referentiedata):
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    inhoud = csv_bestand(
        KOP,
        [
            [a, "", "Openbaar lichaam", "2020-01-01", ""],
            [b, "Dochter", "Openbaar lichaam", "2020-01-01", a],
        ],
    )
    voorbeeld = upload(admin_client, "samenwerkingsverband", inhoud)
    tekst = paginatekst(voorbeeld)
    assert voorbeeld.context.get("confirm_form") is None
    assert "regel 1, het nieuwe samenwerkingsverband dat u hier noemt, heeft een fout" in tekst
    assert not Samenwerkingsverband.objects.exists()


# --- A regio's secretariaat ----------------------------------------------------------------------


def test_secretariaat_may_nest_a_new_arrangement_under_a_new_one_of_its_file(regio):
    a, b = str(uuid.uuid4()), str(uuid.uuid4())
    client = client_van(regio["secretariaat"])
    inhoud = csv_bestand(
        KOP,
        [
            [a, "Moeder", "Openbaar lichaam", "2020-01-01", ""],
            [b, "Dochter", "Openbaar lichaam", "2020-01-01", a],
        ],
    )
    voorbeeld = upload(client, "samenwerkingsverband", inhoud)
    assert "2 nieuw, 0 gewijzigd, 0 ongewijzigd" in paginatekst(voorbeeld)
    assert bevestig(client, "samenwerkingsverband", voorbeeld).status_code == 302
    assert Samenwerkingsverband.objects.get(uuid=b).bovenliggend.naam == "Moeder"


def test_secretariaat_may_not_nest_under_an_arrangement_of_another_regio(regio):
    client = client_van(regio["secretariaat"])
    inhoud = csv_bestand(
        KOP,
        [[str(uuid.uuid4()), "Dochter", "Openbaar lichaam", "2020-01-01", regio["ander"].uuid]],
    )
    voorbeeld = upload(client, "samenwerkingsverband", inhoud)
    tekst = paginatekst(voorbeeld)
    assert voorbeeld.context.get("confirm_form") is None
    assert '<th scope="row">1</th>' in tekst
    assert "Kies een samenwerkingsverband dat uw account beheert" in tekst
    assert not Samenwerkingsverband.objects.filter(naam="Dochter").exists()


def test_secretariaat_keeps_a_parent_of_another_regio_that_a_beheerder_chose(regio):
    eigen = regio["eigen"]
    Samenwerkingsverband.objects.filter(pk=eigen.pk).update(bovenliggend=regio["ander"])
    client = client_van(regio["secretariaat"])
    inhoud = csv_bestand(
        KOP,
        [[eigen.uuid, "Nieuwe naam", "Openbaar lichaam", "2020-01-01", regio["ander"].uuid]],
    )
    voorbeeld = upload(client, "samenwerkingsverband", inhoud)
    assert "0 nieuw, 1 gewijzigd, 0 ongewijzigd" in paginatekst(voorbeeld)
    assert bevestig(client, "samenwerkingsverband", voorbeeld).status_code == 302
    eigen.refresh_from_db()
    assert (eigen.naam, eigen.bovenliggend) == ("Nieuwe naam", regio["ander"])


# --- A fixed number of queries -------------------------------------------------------------------


def test_nesting_within_the_file_takes_a_fixed_number_of_queries(admin_client, referentiedata):
    """Preview and confirm of `aantal` new arrangements, each under the one before it in the
    file, take as many queries for 5 rows as for 50."""
    aantallen = []
    for aantal in (5, 50):
        sleutels = [str(uuid.uuid4()) for _ in range(aantal)]
        rijen = [
            [sleutel, f"Verband {aantal}-{n}", "OL", "2020-01-01", sleutels[n - 1] if n else ""]
            for n, sleutel in enumerate(sleutels)
        ]
        inhoud = csv_bestand(KOP, rijen)
        voorbeeld_vragen, voorbeeld = tel(lambda i=inhoud: upload(admin_client, MODEL, i))
        assert voorbeeld.context.get("confirm_form") is not None
        bevestig_vragen, antwoord = tel(lambda v=voorbeeld: bevestig(admin_client, MODEL, v))
        assert antwoord.status_code == 302
        laatste = Samenwerkingsverband.objects.get(uuid=sleutels[-1])
        assert laatste.bovenliggend.uuid == uuid.UUID(sleutels[-2])
        aantallen.append((voorbeeld_vragen, bevestig_vragen))
    assert aantallen[0] == aantallen[1]


def test_a_cycle_of_three_rows_names_all_three():
    a, b, c = (str(uuid.uuid4()) for _ in range(3))
    resultaat = _importeer(
        [
            [a, "Eerste", "Openbaar lichaam", "2020-01-01", c],
            [b, "Tweede", "Openbaar lichaam", "2020-01-01", a],
            [c, "Derde", "Openbaar lichaam", "2020-01-01", b],
        ]
    )
    fouten = _fouten(resultaat)
    assert set(fouten) == {1, 2, 3}
    assert all(
        f["bovenliggend"][0].startswith("Regel 1, regel 2 en regel 3 vallen via bovenliggend")
        for f in fouten.values()
    )
    assert not Samenwerkingsverband.objects.exists()
