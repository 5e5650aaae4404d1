"""API tokens in the admin as a beheerder uses them: the whole key once, on the answer to the
add form (never in a message); after that only its first characters (list, page, log, delete
page), and a token is never moved to another account. Other roles do not see tokens at all."""

import pytest
from django.contrib.admin.models import LogEntry
from rest_framework.authtoken.models import Token

from samenwerking.models import Gemeente
from tests.pagina import paginatekst
from tests.toegang import account, beheerder_account
from toegang.models import RolSoort

pytestmark = pytest.mark.django_db

LIJST = "/admin/toegang/token/"


def test_the_whole_key_is_shown_once_when_the_token_is_made(client):
    beheerder = beheerder_account()
    secretaris = account(RolSoort.SECRETARIAAT, naam="secretaris-vrzw")
    client.force_login(beheerder)

    gemaakt = client.post(f"{LIJST}add/", {"user": secretaris.pk})
    sleutel = Token.objects.get(user=secretaris).key
    tekst = paginatekst(gemaakt)
    # On the answer to the add form itself, not through a redirect and a message.
    assert gemaakt.status_code == 200
    assert "Het token van secretaris-vrzw is aangemaakt. Dit is de hele sleutel:" in tekst
    assert f'<code id="sleutel">{sleutel}</code>' in tekst
    assert "Bewaar deze sleutel nu, hij wordt niet meer getoond." in tekst
    assert f"alleen het begin ({sleutel[:6]}…)" in tekst
    assert "no-store" in gemaakt["Cache-Control"]
    # Kept nowhere: no message (Django keeps those in a cookie or the session until shown),
    # no session value, no log row.
    assert not list(gemaakt.wsgi_request._messages)
    assert all(sleutel not in morsel.value for morsel in client.cookies.values())
    assert sleutel not in str(dict(client.session))

    lijst = paginatekst(client.get(LIJST))
    assert f"{sleutel[:6]}…" in lijst and "secretaris-vrzw" in lijst
    assert sleutel not in lijst
    bekijken = client.get(f"{LIJST}{secretaris.pk}/change/")
    assert bekijken.status_code == 200
    assert "token van secretaris-vrzw" in paginatekst(bekijken) and sleutel not in paginatekst(
        bekijken
    )
    assert sleutel not in paginatekst(client.get("/admin/"))  # the recent actions
    assert sleutel not in paginatekst(client.get(f"{LIJST}{secretaris.pk}/delete/"))
    assert [(e.object_repr, e.change_message) for e in LogEntry.objects.all()] == [
        (f"token van secretaris-vrzw ({sleutel[:6]}…)", '[{"added": {}}]')
    ]


def test_a_second_token_for_an_account_says_what_to_do_and_keeps_the_first(client):
    beheerder = beheerder_account()
    secretaris = account(RolSoort.SECRETARIAAT, naam="secretaris-vrzw")
    eerste = Token.objects.create(user=secretaris)
    client.force_login(beheerder)

    antwoord = client.post(f"{LIJST}add/", {"user": secretaris.pk})
    assert antwoord.status_code == 200
    assert (
        "secretaris-vrzw heeft al een token. Wilt u een nieuw, verwijder dan eerst het oude"
    ) in paginatekst(antwoord)
    assert list(Token.objects.values_list("key", flat=True)) == [eerste.key]


def test_the_add_form_offers_only_accounts_without_a_token(client):
    beheerder = beheerder_account()
    met = account(RolSoort.SECRETARIAAT, naam="secretaris-met-token")
    zonder = account(RolSoort.SECRETARIAAT, naam="secretaris-zonder-token")
    Token.objects.create(user=met)
    client.force_login(beheerder)
    for pagina in (client.get(f"{LIJST}add/"), client.post(f"{LIJST}add/", {"user": met.pk})):
        tekst = paginatekst(pagina)
        assert f'<option value="{zonder.pk}">secretaris-zonder-token</option>' in tekst
        assert "secretaris-met-token</option>" not in tekst


def test_a_token_is_not_moved_to_another_account(client):
    beheerder = beheerder_account()
    secretaris = account(RolSoort.SECRETARIAAT, naam="secretaris-vrzw")
    ander = account(RolSoort.SECRETARIAAT, naam="secretaris-elders")
    token = Token.objects.create(user=secretaris)
    client.force_login(beheerder)

    antwoord = client.post(f"{LIJST}{secretaris.pk}/change/", {"user": ander.pk})
    assert antwoord.status_code == 403
    assert Token.objects.get(key=token.key).user == secretaris


def test_a_token_is_deleted_in_the_admin_by_its_account(client):
    beheerder = beheerder_account()
    secretaris = account(RolSoort.SECRETARIAAT, naam="secretaris-vrzw")
    token = Token.objects.create(user=secretaris)
    client.force_login(beheerder)

    antwoord = client.post(f"{LIJST}{secretaris.pk}/delete/", {"post": "yes"}, follow=True)
    assert f"token van secretaris-vrzw ({token.key[:6]}…)" in paginatekst(antwoord)
    assert token.key not in paginatekst(antwoord)
    assert not Token.objects.exists()


@pytest.mark.parametrize("soort", [RolSoort.SECRETARIAAT, RolSoort.GRIFFIE])
def test_other_roles_see_no_tokens(client, referentiedata, soort):
    gemeente = Gemeente.objects.get(cbs_code="GM0479") if soort == RolSoort.GRIFFIE else None
    gebruiker = account(soort, gemeente=gemeente)
    Token.objects.create(user=beheerder_account())
    client.force_login(gebruiker)
    assert client.get(LIJST).status_code == 403
    assert client.post(f"{LIJST}add/", {"user": gebruiker.pk}).status_code == 403
    assert Token.objects.count() == 1
