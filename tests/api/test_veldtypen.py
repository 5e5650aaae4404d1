"""Every value in an API body as the document types it, checked by one field class per type
(api.base.STRENGE_VELDEN): a whole number is a JSON integer, yes or no is true or false, a
decimal number a JSON number or a string of the digits 0-9 with a point. What DRF would also
read ("3", "3.0", "yes", 1, "1_0", " 12.5 ") is a Dutch 400 naming the field, and nothing is
stored. Years: test_jaarvelden.py; amounts: test_bedragen.py."""

from decimal import Decimal

import pytest

from samenwerking.models import Document
from tests import factories as f
from tests.raad.factories import ZienswijzeFactory

from .hulp import ongeldig

pytestmark = pytest.mark.django_db


@pytest.fixture
def deelname():
    return f.DeelnameFactory(stemmen=1, verdeelsleutel=Decimal("10"), aansprakelijk=False)


def _patch(client, deelname, gegevens):
    adres = f"/api/v1/deelnames/{deelname.uuid}"
    return client.patch(adres, gegevens, format="json", HTTP_IF_MATCH="*")


@pytest.mark.parametrize("stemmen", ["3", "3.0", 3.0, False])
def test_every_integer_field_refuses_what_is_not_a_json_integer(beheerder, deelname, stemmen):
    """One check for every whole number in a body, not only years: stemmen of a deelname."""
    antwoord = _patch(beheerder, deelname, {"stemmen": stemmen})
    assert ongeldig(antwoord) == {
        "stemmen": "Stemmen: geef een geheel getal, zonder aanhalingstekens en zonder decimalen: "
        '3, niet "3" of 3.0.'
    }
    deelname.refresh_from_db()
    assert deelname.stemmen == 1
    geldig = _patch(beheerder, deelname, {"stemmen": 4})
    assert geldig.status_code == 200 and geldig.json()["stemmen"] == 4


@pytest.mark.parametrize(
    ("veld", "waarde", "reden"),
    [
        ("stemmen", 9_999_999_999, "Stemmen: hoogstens 32767."),  # SQLite took it
        ("stemmen", 32_768, "Stemmen: hoogstens 32767."),
        ("stemmen", -1, "Stemmen: minstens 0."),
        ("aandelenAantal", 2**63, "Aantal aandelen: hoogstens 9223372036854775807."),
        (  # a big integer is as strict as any other
            "aandelenAantal",
            "3",
            "Aantal aandelen: geef een geheel getal, zonder aanhalingstekens en zonder "
            'decimalen: 3, niet "3" of 3.0.',
        ),
    ],
)
def test_a_whole_number_stays_within_what_postgresql_stores(
    beheerder, deelname, veld, waarde, reden
):
    """PostgreSQL's range of the field's type, on every backend, named in the refusal."""
    assert ongeldig(_patch(beheerder, deelname, {veld: waarde})) == {veld: reden}
    deelname.refresh_from_db()
    assert deelname.stemmen == 1
    hoogste = _patch(beheerder, deelname, {"stemmen": 32_767})
    assert hoogste.status_code == 200 and hoogste.json()["stemmen"] == 32_767


@pytest.mark.parametrize("waarde", ["ja", "yes", "true", "1", 1, 0])
def test_yes_or_no_is_true_or_false_only(beheerder, deelname, waarde):
    """DRF took "yes", "1", 1 and refused "ja" in English ("Must be a valid boolean.")."""
    assert ongeldig(_patch(beheerder, deelname, {"aansprakelijk": waarde})) == {
        "aansprakelijk": "Aansprakelijk: geef true of false, zonder aanhalingstekens."
    }
    deelname.refresh_from_db()
    assert deelname.aansprakelijk is False
    assert _patch(beheerder, deelname, {"aansprakelijk": True}).json()["aansprakelijk"] is True


@pytest.mark.parametrize("waarde", ["1_2.5", " 12.5 ", "1e1", "\u0661\u0662", "12,5"])
def test_a_decimal_number_is_written_as_the_document_says(beheerder, deelname, waarde):
    """As amounts already were: Python's Decimal reads "1_2.5" and Arabic-Indic digits too."""
    assert ongeldig(_patch(beheerder, deelname, {"verdeelsleutel": waarde})) == {
        "verdeelsleutel": "Verdeelsleutel (%): geef een getal met een punt voor de decimalen, "
        'zonder spaties of duizendtallen, bijvoorbeeld "12.5" (niet "12,5").'
    }
    deelname.refresh_from_db()
    assert deelname.verdeelsleutel == Decimal("10")
    for geldig in ("12.5", 12.5):
        assert _patch(beheerder, deelname, {"verdeelsleutel": geldig}).json()["verdeelsleutel"] == (
            "12.5000"
        )


@pytest.mark.parametrize(
    ("waarde", "reden"),
    [
        ("12.50000", "Verdeelsleutel (%): hoogstens 4 cijfers na de punt."),
        ("1234.5", "Verdeelsleutel (%): hoogstens 3 cijfers voor de punt."),
        (1e-10, "Verdeelsleutel (%): hoogstens 7 cijfers in totaal."),
    ],
)
def test_too_many_digits_are_named_with_a_point(beheerder, deelname, waarde, reden):
    """DRF's own text said "cijfers achter de komma", where the API wants a point."""
    assert ongeldig(_patch(beheerder, deelname, {"verdeelsleutel": waarde})) == {
        "verdeelsleutel": reden
    }


@pytest.mark.parametrize(
    "waarde", ["zomaar tekst", "www.ggd.nl", "javascript:alert(1)", "ftp://ggd.nl/a", 12]
)
def test_a_link_is_a_web_address(beheerder, waarde):
    verband = f.SamenwerkingsverbandFactory(website="")
    adres = f"/api/v1/samenwerkingsverbanden/{verband.uuid}"
    antwoord = beheerder.patch(adres, {"website": waarde}, format="json", HTTP_IF_MATCH="*")
    assert ongeldig(antwoord) == {
        "website": "Website: geef een webadres dat begint met https:// of http://, zonder "
        "spaties, bijvoorbeeld https://www.example.nl/stukken/begroting-2026.pdf."
    }
    verband.refresh_from_db()
    assert verband.website == ""
    goed = {"website": "https://www.ggd.nl/"}
    antwoord = beheerder.patch(adres, goed, format="json", HTTP_IF_MATCH="*")
    assert antwoord.status_code == 200 and antwoord.json()["website"] == "https://www.ggd.nl/"


GEEN_LINK = (
    "geef een webadres dat begint met https:// of http://, zonder spaties, bijvoorbeeld "
    "https://www.example.nl/stukken/begroting-2026.pdf."
)


@pytest.mark.parametrize("waarde", ["ftp://ggd.nl/begroting.pdf", "ftps://ggd.nl/a"])
def test_the_api_refuses_an_ftp_link_of_a_document(beheerder, waarde):
    """The document's link was declared as DRF's own URLField, which takes ftp://."""
    verband = f.SamenwerkingsverbandFactory()
    body = {
        "samenwerkingsverband": str(verband.uuid),
        "titel": "Begroting 2026",
        "soort": Document._meta.get_field("soort").choices[0][0],
        "documentUrl": waarde,
    }
    antwoord = beheerder.post("/api/v1/documenten", body, format="json")
    assert ongeldig(antwoord) == {"documentUrl": "Adres van het document: " + GEEN_LINK}
    assert not Document.objects.filter(titel="Begroting 2026").exists()


def test_the_api_refuses_an_ftp_link_of_a_zienswijze(beheerder):
    zienswijze = ZienswijzeFactory(document_url="")
    adres = f"/api/v1/zienswijzen/{zienswijze.uuid}"
    antwoord = beheerder.patch(
        adres, {"documentUrl": "ftp://raad.example.nl/z.pdf"}, format="json", HTTP_IF_MATCH="*"
    )
    assert ongeldig(antwoord) == {"documentUrl": "Document: " + GEEN_LINK}
    zienswijze.refresh_from_db()
    assert zienswijze.document_url == ""


def test_drfs_general_messages_name_the_field(beheerder, deelname):
    """Required, null, blank and too long: each says which field, as every other refusal; a
    relation also says what to give (test_lege_relatie.py)."""
    verband = f.SamenwerkingsverbandFactory()
    assert ongeldig(beheerder.post("/api/v1/deelnames", {}, format="json")) == {
        "samenwerkingsverband": "Samenwerkingsverband: verplicht; geef de uuid van een "
        "samenwerkingsverband, bijvoorbeeld 0f8fad5b-d9cb-469f-a165-70867728950e."
    }
    adres = f"/api/v1/samenwerkingsverbanden/{verband.uuid}"
    fouten = ongeldig(
        beheerder.patch(
            adres,
            {"naam": "", "afkorting": "A" * 51, "vorm": None},
            format="json",
            HTTP_IF_MATCH="*",
        )
    )
    assert fouten == {
        "naam": "Naam: mag niet leeg zijn; geef een waarde.",
        "afkorting": "Afkorting: hoogstens 50 tekens.",
        "vorm": "Vorm: mag niet null zijn; geef een waarde.",
    }


def test_a_key_that_is_no_uuid_names_the_field(beheerder, deelname):
    """Django said "'abc' is geen geldige UUID." without the field."""
    antwoord = _patch(beheerder, deelname, {"samenwerkingsverband": "abc"})
    assert ongeldig(antwoord) == {
        "samenwerkingsverband": "Samenwerkingsverband: abc is geen uuid. Geef de uuid zoals de "
        "API die geeft, bijvoorbeeld 0f8fad5b-d9cb-469f-a165-70867728950e."
    }
    onbekend = "0f8fad5b-d9cb-469f-a165-70867728950e"
    assert ongeldig(_patch(beheerder, deelname, {"samenwerkingsverband": onbekend})) == {
        "samenwerkingsverband": f"Geen samenwerkingsverband met uuid {onbekend}."
    }
