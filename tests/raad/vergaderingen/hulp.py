"""What the tests of the GGD's zienswijzeverzoek and meetings share (see conftest.py): the day
they run on, the gemeenten, the messages a raad gets and a way to enter raadsvergaderingen."""

import datetime

from raad import services
from raad.models import Raadsvergadering

VANDAAG = datetime.date(2025, 5, 1)
GEEN_VERGADERING = (
    "Geen raadsvergadering vóór de termijn — plan een extra vergadering of vraag uitstel."
)
SCHEMA_ONBEKEND = (
    "Vergaderschema van de raad onbekend: de griffie heeft nog geen raadsvergadering na de "
    "ontvangst van het verzoek ingevoerd."
)
CBS = {"Zaanstad": "GM0479", "Wormerland": "GM0880", "Oostzaan": "GM0431", "Purmerend": "GM0439"}


def raadsvergaderingen(gemeente, *datums):
    for datum in datums:
        services.raadsvergadering_opslaan(
            raadsvergadering=Raadsvergadering(gemeente=gemeente, datum=datum)
        )
