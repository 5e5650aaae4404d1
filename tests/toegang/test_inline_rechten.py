"""A secretariaat that tampers with the hidden ids of inline rows cannot touch another regio's
rows: every inline checks each posted row against the row as stored, and a
refused row stops the whole submission with a Dutch message that names it."""

import html

import pytest
from django.forms.models import model_to_dict
from django.test import Client
from django.urls import reverse

from raad.models import Zienswijze
from samenwerking import models
from tests import factories as f
from tests.raad.factories import ZienswijzeFactory
from tests.toegang import account
from tests.toegang.formulier import formulier_gegevens
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db


def _verband_met_alles(naam: str) -> dict:
    """An arrangement with one row of every kind that hangs off it."""
    verband = f.SamenwerkingsverbandFactory(naam=naam)
    deelname = f.DeelnameFactory(samenwerkingsverband=verband)
    orgaan = f.BestuursorgaanFactory(samenwerkingsverband=verband)
    zienswijze = ZienswijzeFactory(
        zienswijzeverzoek__samenwerkingsverband=verband, gemeente=deelname.gemeente
    )
    return {
        "verband": verband,
        "deelname": deelname,
        "orgaan": orgaan,
        "zienswijzeverzoek": zienswijze.zienswijzeverzoek,
        models.Deelname: deelname,
        models.Bijdrage: f.BijdrageFactory(deelname=deelname),
        models.Bestuursorgaan: orgaan,
        models.Zetel: f.ZetelFactory(deelname=deelname, bestuursorgaan=orgaan),
        models.Jaarcijfers: f.JaarcijfersFactory(samenwerkingsverband=verband),
        models.Document: f.DocumentFactory(samenwerkingsverband=verband, titel=f"Stukken {naam}"),
        models.WettelijkeGrondslag: f.WettelijkeGrondslagFactory(samenwerkingsverband=verband),
        models.Bevoegdheid: f.BevoegdheidFactory(samenwerkingsverband=verband),
        Zienswijze: zienswijze,
    }


@pytest.fixture
def regio(referentiedata):
    eigen = _verband_met_alles("Veiligheidsregio Eigen")
    ander = _verband_met_alles("Omgevingsdienst Ander")
    return {
        "eigen": eigen,
        "ander": ander,
        "secretariaat": account(RolSoort.SECRETARIAAT, verbanden=[eigen["verband"]]),
        "beheerder": account(RolSoort.BEHEERDER),
    }


def _wijzig_url(obj) -> str:
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def _opgeslagen(obj) -> dict:
    """The row as stored, every field."""
    return model_to_dict(type(obj).objects.get(pk=obj.pk))


# (the page of the eigen arrangement's row, the inline's form prefix, the model of its rows)
INLINES = [
    ("verband", "documenten-0", models.Document),
    ("verband", "wettelijke_grondslagen-0", models.WettelijkeGrondslag),
    ("verband", "bevoegdheden-0", models.Bevoegdheid),
    ("deelname", "bijdragen-0", models.Bijdrage),
    ("deelname", "zetels-0", models.Zetel),
    ("orgaan", "zetels-0", models.Zetel),
    ("zienswijzeverzoek", "zienswijzen-0", Zienswijze),
]


@pytest.mark.parametrize("verwijderen", [False, True], ids=["wijzigen", "verwijderen"])
@pytest.mark.parametrize("rol", ["secretariaat", "beheerder"])
@pytest.mark.parametrize(
    ("pagina", "prefix", "model"), INLINES, ids=[f"{i[0]}:{i[1]}" for i in INLINES]
)
def test_a_tampered_inline_id_of_another_arrangement_is_refused(
    regio, pagina, prefix, model, rol, verwijderen
):
    client = Client()
    client.force_login(regio[rol])
    ouder = regio["eigen"][pagina]
    vreemd = regio["ander"][model]
    ervoor = _opgeslagen(vreemd)
    ouder_ervoor = _opgeslagen(ouder)

    gegevens = formulier_gegevens(client.get(_wijzig_url(ouder)))
    if f"{prefix}-id" in gegevens:
        assert gegevens[f"{prefix}-id"] == [str(regio["eigen"][model].pk)]
    else:
        # A secretariaat does not handle zienswijzen: the page lists none to edit. A forged
        # post can still claim one.
        assert (rol, model) == ("secretariaat", Zienswijze)
        groep = prefix.rsplit("-", 1)[0]
        gegevens[f"{groep}-TOTAL_FORMS"] = gegevens[f"{groep}-INITIAL_FORMS"] = ["1"]
    gegevens[f"{prefix}-id"] = [str(vreemd.pk)]
    if verwijderen:
        gegevens[f"{prefix}-DELETE"] = ["on"]
    # Something else in the same submission, which must not be saved either.
    for veld in ("naam", "onderwerp", "verdeelsleutel"):
        if veld in gegevens:
            gegevens[veld] = ["7" if veld == "verdeelsleutel" else "Gewijzigd"]
    antwoord = client.post(_wijzig_url(ouder), gegevens)

    assert antwoord.status_code == 200
    tekst = antwoord.content.decode()
    assert "hoort niet bij" in tekst, tekst[:2000]
    assert str(vreemd) in tekst
    assert _opgeslagen(vreemd) == ervoor
    assert _opgeslagen(ouder) == ouder_ervoor
    # The history books nothing on the tampering account.
    assert not type(vreemd).history.filter(history_user=regio[rol]).exists()


def test_an_untampered_submission_still_saves(regio):
    """The check refuses only what is not this arrangement's: the page as shown saves."""
    client = Client()
    client.force_login(regio["secretariaat"])
    verband = regio["eigen"]["verband"]
    gegevens = formulier_gegevens(client.get(_wijzig_url(verband)))
    gegevens["documenten-0-titel"] = ["Begroting 2027"]
    gegevens["bevoegdheden-0-DELETE"] = ["on"]
    antwoord = client.post(_wijzig_url(verband), gegevens)
    assert antwoord.status_code == 302, antwoord.content.decode()[:3000]
    assert regio["eigen"][models.Document].__class__.objects.get(
        pk=regio["eigen"][models.Document].pk
    ).titel == ("Begroting 2027")
    assert not models.Bevoegdheid.objects.filter(pk=regio["eigen"][models.Bevoegdheid].pk).exists()


def test_an_extra_row_with_the_id_of_another_arrangements_row_is_refused(regio):
    """A new (extra) row that carries an id would overwrite that row when saved."""
    client = Client()
    client.force_login(regio["secretariaat"])
    verband = regio["eigen"]["verband"]
    vreemd = regio["ander"][models.Document]
    ervoor = _opgeslagen(vreemd)
    gegevens = formulier_gegevens(client.get(_wijzig_url(verband)))
    gegevens.update(
        {
            "documenten-TOTAL_FORMS": ["2"],
            "documenten-1-id": [str(vreemd.pk)],
            "documenten-1-samenwerkingsverband": [str(verband.pk)],
            "documenten-1-titel": ["Overgenomen"],
            "documenten-1-soort": [vreemd.soort],
            "documenten-1-url": ["https://example.org/x.pdf"],
        }
    )
    antwoord = client.post(_wijzig_url(verband), gegevens)
    assert antwoord.status_code == 200
    assert "hoort niet bij" in antwoord.content.decode()
    assert _opgeslagen(vreemd) == ervoor
    assert models.Document.objects.filter(samenwerkingsverband=verband).count() == 1


def test_a_secretariaat_cannot_nest_its_arrangement_under_one_it_does_not_manage(regio):
    client = Client()
    client.force_login(regio["secretariaat"])
    verband = regio["eigen"]["verband"]
    gegevens = formulier_gegevens(client.get(_wijzig_url(verband)))
    gegevens["bovenliggend"] = [str(regio["ander"]["verband"].pk)]
    antwoord = client.post(_wijzig_url(verband), gegevens)
    assert antwoord.status_code == 200
    assert "bovenliggend" in antwoord.context["adminform"].form.errors
    assert "beheert" in antwoord.content.decode()
    verband.refresh_from_db()
    assert verband.bovenliggend is None


def test_a_secretariaat_keeps_a_parent_it_does_not_manage_when_saving(regio):
    """Nesting set by a beheerder stays; saving the arrangement does not trip over it."""
    verband = regio["eigen"]["verband"]
    models.Samenwerkingsverband.objects.filter(pk=verband.pk).update(
        bovenliggend=regio["ander"]["verband"]
    )
    client = Client()
    client.force_login(regio["secretariaat"])
    gegevens = formulier_gegevens(client.get(_wijzig_url(verband)))
    gegevens["afkorting"] = ["VRE"]
    antwoord = client.post(_wijzig_url(verband), gegevens)
    assert antwoord.status_code == 302, antwoord.content.decode()[:3000]
    verband.refresh_from_db()
    assert verband.afkorting == "VRE" and verband.bovenliggend == regio["ander"]["verband"]


def test_bulk_delete_of_rows_of_another_regio_is_refused(regio):
    client = Client()
    client.force_login(regio["secretariaat"])
    vreemd = regio["ander"][models.Document]
    eigen = regio["eigen"][models.Document]
    antwoord = client.post(
        reverse("admin:samenwerking_document_changelist"),
        {"action": "delete_selected", "_selected_action": [vreemd.pk, eigen.pk], "post": "yes"},
    )
    assert antwoord.status_code == 302
    assert models.Document.objects.filter(pk=vreemd.pk).exists()
    assert not models.Document.objects.filter(pk=eigen.pk).exists()


def test_bulk_delete_checks_every_row_as_stored(regio, rf):
    """Even a queryset that reached the action unnarrowed deletes nothing of another regio."""
    from django.contrib import admin
    from django.core.exceptions import PermissionDenied

    verzoek = rf.post("/")
    verzoek.user = regio["secretariaat"]
    rijen = models.Document.objects.filter(
        pk__in=[regio["ander"][models.Document].pk, regio["eigen"][models.Document].pk]
    )
    with pytest.raises(PermissionDenied):
        admin.site._registry[models.Document].delete_queryset(verzoek, rijen)
    assert rijen.count() == 2


def test_a_form_refuses_a_row_that_would_belong_to_another_regio(regio):
    """The admin's forms check the row as it would be stored, whatever choices they offer."""
    from django.forms import modelform_factory

    from toegang.admin import _met_rechten

    formulier = _met_rechten(
        modelform_factory(models.Document, fields="__all__"), regio["secretariaat"]
    )
    eigen = regio["eigen"][models.Document]
    gegevens = {**model_to_dict(eigen), "samenwerkingsverband": regio["ander"]["verband"].pk}
    gegevens = {k: v for k, v in gegevens.items() if v is not None}
    fouten = formulier(gegevens, instance=eigen).errors["__all__"]
    assert fouten == [
        f"Uw account mag document „{eigen.titel}” niet wijzigen: alleen rijen van de eigen "
        "samenwerkingsverbanden. Er is niets opgeslagen."
    ]


def _geschiedenis_urls(obj) -> tuple[str, str]:
    """The history list of a row and the page of its first version (which also reverts)."""
    naam = f"admin:{obj._meta.app_label}_{obj._meta.model_name}"
    versie = obj.history.earliest("history_date")
    return (
        reverse(f"{naam}_history", args=[obj.pk]),
        reverse(f"{naam}_simple_history", args=[obj.pk, versie.history_id]),
    )


RIJEN = [models.Deelname, models.Bijdrage, models.Zetel, models.Document, models.Jaarcijfers]


@pytest.mark.parametrize("model", RIJEN, ids=[m.__name__ for m in RIJEN])
def test_the_history_of_another_regios_row_is_refused(regio, model):
    """django-simple-history reads the row unnarrowed and checks its old version: without
    the check on the row as stored, a secretariaat read another regio's history (with the
    accounts that changed it) and, posting the version's form with its own arrangement,
    moved the row into it."""
    client = Client()
    client.force_login(regio["secretariaat"])
    vreemd = regio["ander"][model]
    ervoor = _opgeslagen(vreemd)
    lijst, versie = _geschiedenis_urls(vreemd)
    assert client.get(lijst).status_code == 403
    assert client.get(versie).status_code == 403
    eigen = regio["eigen"][model]
    gegevens = formulier_gegevens(client.get(_geschiedenis_urls(eigen)[1]))
    assert client.post(versie, gegevens).status_code == 403
    assert _opgeslagen(vreemd) == ervoor
    assert not model.history.filter(history_user=regio["secretariaat"]).exists()
    # The own row's history is there, as is a beheerder's view of any row.
    pagina = client.get(_geschiedenis_urls(eigen)[0])
    assert pagina.status_code == 200 and str(eigen) in pagina.content.decode()
    beheer = Client()
    beheer.force_login(regio["beheerder"])
    assert beheer.get(lijst).status_code == 200


def test_the_history_of_a_removed_row_is_there_for_its_own_regio_only(regio):
    client = Client()
    client.force_login(regio["secretariaat"])
    urls = {}
    for kant in ("eigen", "ander"):
        document = regio[kant][models.Document]
        urls[kant] = _geschiedenis_urls(document)[0]
        document.delete()
    pagina = client.get(urls["eigen"])
    assert pagina.status_code == 200 and "Stukken Veiligheidsregio Eigen" in pagina.content.decode()
    assert client.get(urls["ander"]).status_code == 403
    assert client.get(urls["ander"].replace("/history/", "x/history/")).status_code == 404


def test_reverting_to_a_version_of_another_regio_is_refused(regio):
    """A beheerder moved a document from the other regio to this one; reverting to its first
    version unchanged would put it back there without any form check."""
    document = regio["ander"][models.Document]
    document.samenwerkingsverband = regio["eigen"]["verband"]
    document.save()
    ervoor = _opgeslagen(document)
    client = Client()
    client.force_login(regio["secretariaat"])
    lijst, oud = _geschiedenis_urls(document)
    gegevens = formulier_gegevens(client.get(oud))
    assert gegevens["samenwerkingsverband"] == [str(regio["ander"]["verband"].pk)]
    assert client.post(oud, gegevens).status_code == 403
    assert _opgeslagen(document) == ervoor
    # Its own history stays readable.
    assert client.get(lijst).status_code == 200


# --- One refusal for "not yours": the 403 page that names the row ------------------------------

ANDERMANS = [
    "verband",
    models.Deelname,
    models.Bijdrage,
    models.Bestuursorgaan,
    models.Zetel,
    models.Jaarcijfers,
    models.Document,
    models.WettelijkeGrondslag,
    models.Bevoegdheid,
]


def _toegangen(obj) -> list[tuple[str, str]]:
    """Every admin address of one row, with the method a user or a forged form uses."""
    naam = f"admin:{obj._meta.app_label}_{obj._meta.model_name}"
    lijst, versie = _geschiedenis_urls(obj)
    adressen = [
        ("get", _wijzig_url(obj)),
        ("post", _wijzig_url(obj)),
        ("get", reverse(f"{naam}_delete", args=[obj.pk])),
        ("post", reverse(f"{naam}_delete", args=[obj.pk])),
        ("get", lijst),
        ("get", versie),
        ("post", versie),
    ]
    if isinstance(obj, models.Samenwerkingsverband):
        for tab in ("deelnemers", "bijdragen", "besturen", "jaarcijfers"):
            adres = reverse(f"admin:samenwerking_samenwerkingsverband_{tab}", args=[obj.pk])
            adressen += [("get", adres), ("post", adres)]
    return adressen


@pytest.mark.parametrize("soort", ANDERMANS, ids=[getattr(m, "__name__", m) for m in ANDERMANS])
def test_every_page_of_another_regios_row_is_refused_alike(regio, soort):
    """Change page, delete page, history, a version, and the workplace's tabs of another
    regio's row: one answer, the Dutch 403 page that names the row, what it belongs to and
    leads back; nothing is stored, whatever is posted."""
    vreemd = regio["ander"][soort]
    verband = regio["ander"]["verband"]
    if vreemd == verband:
        zin = f"Samenwerkingsverband „{verband}” hoort niet bij wat uw account beheert."
    else:
        zin = (
            f"{str(vreemd._meta.verbose_name).capitalize()} „{vreemd}” hoort bij "
            f"samenwerkingsverband „{verband}”, niet bij wat uw account beheert."
        )
    ervoor = _opgeslagen(vreemd)
    client = Client()
    client.force_login(regio["secretariaat"])
    for methode, adres in _toegangen(vreemd):
        antwoord = getattr(client, methode)(adres, {"post": "yes", "naam": "Gekaapt"})
        tekst = html.unescape(" ".join(antwoord.content.decode().split()))
        assert antwoord.status_code == 403, (methode, adres)
        assert zin in tekst, (methode, adres)
        assert "In het beheer kunt u deze rij niet openen, wijzigen of verwijderen" in tekst
        assert "Veiligheidsregio Eigen" in tekst  # what the account may change
        assert 'href="/admin/">Terug naar het beheer</a>' in antwoord.content.decode()
    assert _opgeslagen(vreemd) == ervoor
    # A row that does not exist is not refused but missing, as Django has it.
    onbekend = _wijzig_url(vreemd).replace(f"/{vreemd.pk}/", "/999999/")
    assert client.get(onbekend, follow=True).redirect_chain[-1][0] == "/admin/"
