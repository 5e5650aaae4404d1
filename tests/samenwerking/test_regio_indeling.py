"""A region's membership sheet as regions publish it, imported in the admin: 400 rows of 25
regions, gemeenten by name, `GM0344` or `0344`, some by the code of a gemeente that has
since merged (real CBS codes from fixtures/herindelingen.csv). Every row lands or is "al
bekend", merged gemeenten go to their successor with a note, the preview shows names, and
nothing is written unless everything can be."""

import csv
import re
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from samenwerking.models import Deelname, Gemeente, Samenwerkingsverband
from tests import factories as f
from tests.pagina import paginatekst
from tests.toegang import account
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db

PAGINA = "/admin/regio-indeling/"
HERINDELINGEN = Path(__file__).resolve().parents[2] / "fixtures" / "herindelingen.csv"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
PLAATSEN = [
    "Alkmaar", "Amersfoort", "Apeldoorn", "Arnhem", "Breda", "Deventer", "Dordrecht",
    "Eindhoven", "Enschede", "Groningen", "Haarlem", "Heerlen", "Helmond", "Hengelo",
    "Hoorn", "Leeuwarden", "Leiden", "Maastricht", "Nijmegen", "Roermond", "Tilburg",
    "Utrecht", "Venlo", "Zwolle", "Zeeland",
]  # fmt: skip


def _samenvoegingen() -> list[tuple[str, str]]:
    """(old code, successor code) of every gemeente that merged into exactly one successor."""
    opvolgers: dict[str, set[str]] = {}
    with HERINDELINGEN.open(encoding="utf-8") as bestand:
        for rij in csv.DictReader(bestand):
            opvolgers.setdefault(rij["oude_cbs_code"], set()).add(rij["nieuwe_cbs_code"])
    return sorted((oud, nieuw.pop()) for oud, nieuw in opvolgers.items() if len(nieuw) == 1)


def _huidig(code: str) -> Gemeente:
    """The gemeente that continues `code` today (a successor may have merged again)."""
    gemeente = Gemeente.objects.get(cbs_code=code)
    while gemeente.einddatum is not None:
        gemeente = gemeente.opvolgers.get()
    return gemeente


def _schrijf(rijen: list[tuple[str, str]]) -> bytes:
    regels = ["gemeente;regio"] + [f"{g};{r}" for g, r in rijen]
    return ("\n".join(regels) + "\n").encode("utf-8-sig")


@pytest.fixture
def regio_bestand(referentiedata):
    """25 regions of 16 gemeenten each; 24 regions exist (one spelled differently in the
    file, one named by its afkorting), one does not; 10 rows carry the code of a merged
    gemeente; 10 deelnames already exist."""
    gemeenten = list(Gemeente.objects.filter(einddatum__isnull=True).order_by("cbs_code"))
    regios = [f"Regio {p}" for p in PLAATSEN]
    verbanden = {}
    for naam in regios[:-1]:
        verbanden[naam] = f.SamenwerkingsverbandFactory(
            naam=naam, afkorting=f"R{naam[6:9].upper()}"
        )
    samenvoegingen = _samenvoegingen()
    rijen, verwacht, samengevoegd = [], [], []
    for i, regio in enumerate(regios):
        leden = gemeenten[i * 13 : i * 13 + 16]
        for j, gemeente in enumerate(leden):
            tekst = [gemeente.cbs_code, gemeente.cbs_code[2:], gemeente.naam][j % 3]
            doel = gemeente
            if j == 15 and i < 10:  # the last row of the first ten regions: a merged gemeente
                leden_codes = {g.cbs_code for g in leden}
                oud = next(
                    o
                    for o, _n in samenvoegingen
                    if _huidig(o).cbs_code not in leden_codes
                    and o not in {s for s, _r in samengevoegd}
                )
                tekst, doel = oud, _huidig(oud)
                samengevoegd.append((oud, regio))
            in_bestand = regio
            if i == 0:
                in_bestand = "  regio ALKMAAR "  # spelled differently
            elif i == 1:
                in_bestand = verbanden[regio].afkorting  # by its afkorting
            rijen.append((tekst, in_bestand))
            verwacht.append((regio, doel))
    for regio, gemeente in verwacht[16:21] + verwacht[40:45]:  # 10 already registered
        f.DeelnameFactory(samenwerkingsverband=verbanden[regio], gemeente=gemeente)
    return {
        "inhoud": _schrijf(rijen),
        "verwacht": verwacht,
        "samengevoegd": samengevoegd,
        "ontbreekt": regios[-1],
    }


def _beheer(gebruiker) -> Client:
    client = Client()
    client.force_login(gebruiker)
    return client


def _upload(client, inhoud: bytes, naam="regio-indeling.csv"):
    return client.post(PAGINA, {"bestand": SimpleUploadedFile(naam, inhoud)})


def test_region_sheet_lands_with_merged_gemeenten_carried_and_known_rows_reported(regio_bestand):
    client = _beheer(account(RolSoort.BEHEERDER))
    voor = Deelname.objects.count()
    voorbeeld = _upload(client, regio_bestand["inhoud"])
    tekst = paginatekst(voorbeeld)
    assert voorbeeld.status_code == 200
    assert (
        "regio-indeling.csv: 400 regels; 390 nieuwe deelnames, 10 al bekend, 0 met een fout."
        in tekst
    )
    assert "Er is nog niets opgeslagen." in tekst
    assert tekst.count("Deze deelname staat al in het register.") == 10
    # Names, not UUIDs; the merged gemeenten with a note naming the successor.
    regels = tekst[tekst.index('id="regels"') :]
    assert UUID.search(regels) is None
    oud, regio = regio_bestand["samengevoegd"][0]
    opgeheven = Gemeente.objects.get(cbs_code=oud)
    assert f"{opgeheven.naam} ({oud}) is per" in regels
    assert f"opgegaan in {_huidig(oud).naam}" in regels
    # The missing region: no arrangement yet; a beheerder may create it. Until then no save.
    assert f"Samenwerkingsverband voor „{regio_bestand['ontbreekt']}”" in tekst
    assert "Nieuw aanmaken: „Regio Zeeland” als openbaar lichaam" in tekst
    assert 'name="opslaan"' not in tekst

    sleutel = "regio:regio zeeland"
    gekozen = client.post(PAGINA, {sleutel: "nieuw:OL", "kiezen": "1"})
    assert 'name="opslaan"' in gekozen.content.decode()
    assert Deelname.objects.count() == voor  # still nothing written

    antwoord = client.post(PAGINA, {sleutel: "nieuw:OL", "opslaan": "1"})
    assert antwoord.status_code == 302
    meldingen = [str(m) for m in Client.get(client, antwoord["Location"]).context["messages"]]
    assert any("390 deelnames nieuw, 10 al bekend; 10 opgeheven gemeenten" in m for m in meldingen)
    assert Deelname.objects.count() == voor + 390
    zeeland = Samenwerkingsverband.objects.get(naam="Regio Zeeland")
    assert zeeland.vorm == "OL"
    vandaag = timezone.localdate()
    for regio, gemeente in regio_bestand["verwacht"]:
        assert (
            Deelname.objects.actief_op(vandaag)
            .filter(samenwerkingsverband__naam=regio, gemeente=gemeente)
            .exists()
        ), (regio, gemeente)
    for oud, regio in regio_bestand["samengevoegd"]:
        deelname = Deelname.objects.get(samenwerkingsverband__naam=regio, gemeente=_huidig(oud))
        assert f"({oud}) is per" in deelname.bron and "opgegaan in" in deelname.bron

    # The same file again: every row is already known, nothing to add.
    opnieuw = paginatekst(_upload(client, regio_bestand["inhoud"]))
    assert "400 regels; 0 nieuwe deelnames, 400 al bekend, 0 met een fout." in opnieuw


def test_a_secretariaat_imports_only_into_its_own_regions(regio_bestand):
    eigen = Samenwerkingsverband.objects.get(naam="Regio Breda")
    client = _beheer(account(RolSoort.SECRETARIAAT, verbanden=[eigen]))
    voor = Deelname.objects.count()
    tekst = paginatekst(_upload(client, regio_bestand["inhoud"]))
    # The other regio's regions are named as theirs.
    assert (
        "„Regio Tilburg” is de naam van Regio Tilburg (RTIL), dat uw account niet beheert." in tekst
    )
    # A secretariaat may add a regeling (it becomes its own), so it may create a region too.
    assert "Nieuw aanmaken" in tekst
    assert 'name="opslaan"' not in tekst
    # Saving while the regions of other secretariaten stay unresolved changes nothing.
    antwoord = client.post(PAGINA, {"regio:regio zeeland": "nieuw:OL", "opslaan": "1"})
    assert antwoord.status_code == 200
    assert "Er is niets opgeslagen" in paginatekst(antwoord)
    assert Deelname.objects.count() == voor
    assert not Samenwerkingsverband.objects.filter(naam="Regio Zeeland").exists()

    # Its own region alone lands.
    eigen_rijen = _schrijf([("GM0758", "Regio Breda"), ("Etten-Leur", "regio breda")])
    tekst = paginatekst(_upload(client, eigen_rijen))
    assert "2 regels; 2 nieuwe deelnames, 0 al bekend, 0 met een fout." in tekst
    assert client.post(PAGINA, {"opslaan": "1"}).status_code == 302
    assert set(eigen.deelnames.values_list("gemeente__naam", flat=True)) == {"Breda", "Etten-Leur"}


def test_a_misspelled_region_offers_candidates_to_choose_from(regio_bestand):
    client = _beheer(account(RolSoort.BEHEERDER))
    inhoud = _schrijf([("Breda", "Regio Bredda"), ("GM0777", "regio bredda")])
    tekst = paginatekst(_upload(client, inhoud))
    breda = Samenwerkingsverband.objects.get(naam="Regio Breda")
    assert "Samenwerkingsverband voor „Regio Bredda”" in tekst
    assert f'<option value="{breda.pk}">Regio Breda (RBRE)</option>' in tekst
    assert 'name="opslaan"' not in tekst
    antwoord = client.post(PAGINA, {"regio:regio bredda": str(breda.pk), "opslaan": "1"})
    assert antwoord.status_code == 302
    assert set(breda.deelnames.values_list("gemeente__cbs_code", flat=True)) == {
        "GM0758",
        "GM0777",
    }


def test_a_region_by_its_everyday_name_is_matched_only_when_one_arrangement_fits(
    referentiedata,
):
    """Regions write `Afvalbeheer Westfriesland` for the register's `Gemeenschappelijke
    Regeling Afvalbeheer Westfriesland 2020`: matched, as only one arrangement has that
    name. `Recreatieschap Westfriesland` fits two versions (2010 and 2020): both are offered,
    neither is chosen; a year the file writes must be the arrangement's."""
    afval = f.SamenwerkingsverbandFactory(
        naam="Gemeenschappelijke Regeling Afvalbeheer Westfriesland 2020", afkorting="ABWF"
    )
    f.SamenwerkingsverbandFactory(naam="Gemeenschappelijke Regeling WerkSaam Westfriesland")
    oud, nieuw = (
        f.SamenwerkingsverbandFactory(naam=f"GR Recreatieschap Westfriesland {jaar}")
        for jaar in (2010, 2020)
    )
    client = _beheer(account(RolSoort.BEHEERDER))
    inhoud = _schrijf(
        [
            ("Hoorn", "Afvalbeheer Westfriesland"),
            ("Enkhuizen", "Recreatieschap Westfriesland"),
            ("Medemblik", "Afvalbeheer Westfriesland 2010"),
        ]
    )
    tekst = paginatekst(_upload(client, inhoud))
    assert "Samenwerkingsverband voor „Afvalbeheer Westfriesland”" not in tekst
    assert "Samenwerkingsverband voor „Recreatieschap Westfriesland”" in tekst
    assert f'<option value="{oud.pk}">{oud}</option>' in tekst
    assert f'<option value="{nieuw.pk}">{nieuw}</option>' in tekst
    assert "Samenwerkingsverband voor „Afvalbeheer Westfriesland 2010”" in tekst
    assert 'name="opslaan"' not in tekst

    antwoord = client.post(
        PAGINA,
        {
            "regio:recreatieschap westfriesland": str(nieuw.pk),
            "regio:afvalbeheer westfriesland 2010": str(afval.pk),
            "opslaan": "1",
        },
    )
    assert antwoord.status_code == 302
    assert list(
        afval.deelnames.values_list("gemeente__naam", flat=True).order_by("gemeente__naam")
    ) == [
        "Hoorn",
        "Medemblik",
    ]
    assert list(nieuw.deelnames.values_list("gemeente__naam", flat=True)) == ["Enkhuizen"]
    assert not oud.deelnames.exists()


def test_a_region_of_another_regio_is_named_not_only_offered_to_create_again(referentiedata):
    """A secretariaat's file names another regio's arrangement: the page said only that none
    of its own arrangements has that name, and offered to create it again (a second
    arrangement of the same name in the public register). It now says whose it is."""
    eigen = f.SamenwerkingsverbandFactory(naam="GR Afvalbeheer Westfriesland 2020", afkorting="")
    ander = f.SamenwerkingsverbandFactory(
        naam="Gemeenschappelijke Regeling GGD Zaanstreek-Waterland", afkorting=""
    )
    client = _beheer(account(RolSoort.SECRETARIAAT, verbanden=[eigen]))
    inhoud = _schrijf(
        [("Hoorn", "Afvalbeheer Westfriesland"), ("Zaanstad", "GGD Zaanstreek-Waterland")]
    )
    tekst = paginatekst(_upload(client, inhoud))
    assert (
        "„GGD Zaanstreek-Waterland” is de naam van Gemeenschappelijke Regeling GGD "
        "Zaanstreek-Waterland, dat uw account niet beheert. Hoort het bij uw regio? Vraag een "
        "beheerder het aan uw account toe te voegen, en maak het niet opnieuw aan."
    ) in tekst
    assert "„Afvalbeheer Westfriesland” is de naam van" not in tekst
    assert f'<option value="{ander.pk}"' not in tekst  # still not a choice
    assert 'name="opslaan"' not in tekst


def test_bad_rows_are_named_and_nothing_is_written(regio_bestand):
    client = _beheer(account(RolSoort.BEHEERDER))
    voor = Deelname.objects.count()
    inhoud = _schrijf(
        [
            ("GM0363", "Regio Haarlem"),
            ("Atlantis", "Regio Haarlem"),
            ("GM0140", "Regio Haarlem"),  # Littenseradiel: divided over three gemeenten
            ("GM9999", "Regio Haarlem"),
        ]
    )
    tekst = paginatekst(_upload(client, inhoud))
    assert "4 regels; 1 nieuwe deelname, 0 al bekend, 3 met een fout." in tekst
    assert "Gemeente „Atlantis” bestaat niet." in tekst
    assert "Littenseradiel (GM0140) is opgeheven en verdeeld over" in tekst
    assert "Waadhoeke (GM1949)" in tekst
    assert "Gemeentecode GM9999 bestaat niet." in tekst
    assert 'name="opslaan"' not in tekst
    antwoord = client.post(PAGINA, {"opslaan": "1"})
    assert "Er is niets opgeslagen" in paginatekst(antwoord)
    assert Deelname.objects.count() == voor


def test_a_file_without_the_columns_says_which_it_needs(referentiedata):
    client = _beheer(account(RolSoort.BEHEERDER))
    tekst = paginatekst(_upload(client, b"naam;plaats\nBreda;Breda\n"))
    assert "moet de kolomnamen hebben: een kolom voor de gemeente" in tekst
    assert "Gevonden: naam, plaats." in tekst


def test_an_upload_without_a_file_says_so_at_the_field(regio_bestand):
    """Sent without a file, the upload form was taken for the choices form: with no file in
    the session a message about the session, with one the old file's preview again."""
    client = _beheer(account(RolSoort.BEHEERDER))
    voor = Deelname.objects.count()
    for _keer in range(2):  # without, then with an earlier file in the session
        antwoord = client.post(PAGINA, {"toetredingsdatum": "", "inlezen": "Voorbeeld bekijken"})
        assert antwoord.status_code == 200
        assert antwoord.context["form"].errors == {"bestand": ["Kies een bestand om in te lezen."]}
        tekst = paginatekst(antwoord)
        assert '<a href="#id_bestand">Bestand</a>: Kies een bestand om in te lezen.' in tekst
        assert "Ander bestand inlezen" not in tekst  # no preview of an old file
        _upload(client, regio_bestand["inhoud"])
    assert Deelname.objects.count() == voor


def test_griffie_may_not_import_region_sheets(referentiedata):
    griffie = account(RolSoort.GRIFFIE, gemeente=Gemeente.objects.get(cbs_code="GM0479"))
    assert _beheer(griffie).get(PAGINA).status_code == 403


def test_a_region_a_secretariaat_creates_becomes_its_own(regio_bestand):
    eigen = Samenwerkingsverband.objects.get(naam="Regio Breda")
    gebruiker = account(RolSoort.SECRETARIAAT, verbanden=[eigen])
    client = _beheer(gebruiker)
    tekst = paginatekst(_upload(client, _schrijf([("GM0758", "Regio Nieuwland")])))
    assert "Nieuw aanmaken" in tekst
    antwoord = client.post(PAGINA, {"regio:regio nieuwland": "nieuw:OL", "opslaan": "1"})
    assert antwoord.status_code == 302
    nieuw = Samenwerkingsverband.objects.get(naam="Regio Nieuwland")
    assert list(nieuw.deelnames.values_list("gemeente__cbs_code", flat=True)) == ["GM0758"]
    assert gebruiker.rol.samenwerkingsverbanden.filter(pk=nieuw.pk).exists()


def test_a_region_by_whole_words_of_the_name_is_matched_or_offered_with_the_others(
    referentiedata,
):
    """`Gelderland-Zuid` is the only arrangement with those whole words that a secretariaat of
    the veiligheidsregio maintains: matched. A beheerder maintains the GGD Gelderland-Zuid too:
    both are named and offered, neither chosen, and the choice lands."""
    vrgz = f.SamenwerkingsverbandFactory(
        naam="Veiligheidsregio Gelderland-Zuid (VRGZ)", afkorting="VRGZ"
    )
    ggd = f.SamenwerkingsverbandFactory(naam="GGD Gelderland-Zuid", afkorting="GGDGZ")
    f.SamenwerkingsverbandFactory(naam="Regio Rivierenland Zuid")  # not every word
    inhoud = _schrijf([("Nijmegen", "Gelderland-Zuid")])

    secretariaat = _beheer(account(RolSoort.SECRETARIAAT, verbanden=[vrgz]))
    tekst = paginatekst(_upload(secretariaat, inhoud))
    assert "Samenwerkingsverband voor „Gelderland-Zuid”" not in tekst
    assert "Veiligheidsregio Gelderland-Zuid (VRGZ)" in tekst
    assert 'name="opslaan"' in tekst

    beheerder = _beheer(account(RolSoort.BEHEERDER))
    tekst = paginatekst(_upload(beheerder, inhoud))
    assert "Samenwerkingsverband voor „Gelderland-Zuid”" in tekst
    assert (
        f"„Gelderland-Zuid” past op meer dan één samenwerkingsverband: {ggd} en {vrgz}. "
        "Kies hierboven het juiste."
    ) in tekst
    assert f'<option value="{vrgz.pk}">' in tekst
    assert f'<option value="{ggd.pk}">' in tekst
    assert 'name="opslaan"' not in tekst
    antwoord = beheerder.post(PAGINA, {"regio:gelderland zuid": str(ggd.pk), "opslaan": "1"})
    assert antwoord.status_code == 302
    assert list(ggd.deelnames.values_list("gemeente__naam", flat=True)) == ["Nijmegen"]
    assert not vrgz.deelnames.exists()
