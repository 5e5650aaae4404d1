"""The GGD and its raden that the tests of vergaderingen (issue 18, item 3) and of one
zienswijzeverzoek with every raad (item 4) share.

A GGD (openbaar lichaam) with four gemeenten since 2020 and a fifth that joined after the
request arrived. The request for the ontwerpbegroting 2026 arrived on 1 March 2025; its
deadline is 24 May 2025 (12 weeks: 1 March + 84 days). The griffies' meeting calendars, and
the decision date each raad gets, by hand:

- Zaanstad: 20 February (before the request: does not count), 17 April, 22 May, 29 May
  (after the deadline) → 22 May; it submitted its zienswijze (raadsbesluit 22 May).
- Wormerland: 24 May (the deadline itself: on time) and 5 June → 24 May; geagendeerd.
- Oostzaan: 20 February and 12 June, nothing in between → "geen raadsvergadering vóór de
  termijn — plan een extra vergadering of vraag uitstel".
- Purmerend: nothing entered → the calendar is unknown, said as such.

Today is 1 May 2025 unless a test says otherwise."""

import datetime

import pytest

from raad import services
from raad.constants import ZienswijzeStatus
from samenwerking.models import Gemeente
from tests import factories as f
from tests.raad.factories import ZienswijzeverzoekFactory
from tests.raad.vergaderingen.hulp import CBS, VANDAAG
from tests.raad.vergaderingen.hulp import raadsvergaderingen as _raadsvergaderingen

D = datetime.date


@pytest.fixture
def regio(referentiedata, op_dag):
    op_dag(VANDAAG)
    gemeenten = {naam: Gemeente.objects.get(cbs_code=code) for naam, code in CBS.items()}
    ggd = f.SamenwerkingsverbandFactory(
        naam="GGD Zaanstreek-Waterland", afkorting="GGD ZW", ingangsdatum=D(2010, 1, 1)
    )
    for gemeente in gemeenten.values():
        f.DeelnameFactory(
            samenwerkingsverband=ggd, gemeente=gemeente, toetredingsdatum=D(2020, 1, 1)
        )
    later = Gemeente.objects.get(cbs_code="GM0852")  # Waterland, joined after the request
    f.DeelnameFactory(samenwerkingsverband=ggd, gemeente=later, toetredingsdatum=D(2025, 4, 1))
    verzoek = ZienswijzeverzoekFactory(
        samenwerkingsverband=ggd,
        onderwerp="Ontwerpbegroting 2026",
        ontvangen_op=D(2025, 3, 1),
        uiterste_datum=D(2025, 5, 24),
    )
    services.zienswijzen_klaarzetten(zienswijzeverzoek=verzoek)
    _raadsvergaderingen(
        gemeenten["Zaanstad"], D(2025, 2, 20), D(2025, 4, 17), D(2025, 5, 22), D(2025, 5, 29)
    )
    _raadsvergaderingen(gemeenten["Wormerland"], D(2025, 5, 24), D(2025, 6, 5))
    _raadsvergaderingen(gemeenten["Oostzaan"], D(2025, 2, 20), D(2025, 6, 12))
    zienswijzen = {z.gemeente.naam: z for z in verzoek.zienswijzen.select_related("gemeente")}
    services.zienswijze_status_wijzigen(
        zienswijze=zienswijzen["Zaanstad"],
        status=ZienswijzeStatus.INGEDIEND,
        raadsbesluit_datum=D(2025, 5, 22),
        samenvatting="De raad vraagt de GGD de jeugdgezondheidszorg niet te verschralen.",
    )
    services.reactie_bestuur_vastleggen(
        zienswijze=zienswijzen["Zaanstad"],
        reactie="Het bestuur houdt de jeugdgezondheidszorg op peil.",
    )
    services.zienswijze_status_wijzigen(
        zienswijze=zienswijzen["Wormerland"],
        status=ZienswijzeStatus.GEAGENDEERD,
        raadsvergadering=D(2025, 5, 24),
    )
    return {"ggd": ggd, "verzoek": verzoek, **gemeenten}
