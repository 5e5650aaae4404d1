"""Vocabularies of the raad's calendar, with the legal source where there is one."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from samenwerking.constants import INGESTELDE_VORMEN

# The P&C rules of the Wgr apply to the forms that set up a body with its own budget
# (openbaar lichaam, bedrijfsvoeringsorganisatie, gemeenschappelijk orgaan); not to a
# centrumgemeenteconstructie, a regeling zonder meer or anything outside the Wgr.
PC_VORMEN = INGESTELDE_VORMEN


class Berekening(models.TextChoices):
    """How a Termijnregel derives its date. The calendar date of a rule is always the date the
    law says "vóór" (before); the deadline shown is the day before it, the last day on time."""

    VASTE_DATUM = "vaste_datum", _("Vaste datum (vóór dag en maand)")
    WEKEN_VOOR_VASTSTELLING = "weken_voor_vaststelling", _("Aantal weken vóór de vaststelling")
    WEKEN_NA_VASTSTELLING = (
        "weken_na_vaststelling",
        _("Aantal weken na de vaststelling, uiterlijk vóór dag en maand"),
    )


class Vaststelling(models.TextChoices):
    """What the board adopts at the meeting a rule counts from (Wgr art. 34 lid 1 and 3)."""

    BEGROTING = "begroting", _("Vaststelling van de begroting")
    JAARREKENING = "jaarrekening", _("Vaststelling van de jaarrekening")


class ZienswijzeSoort(models.TextChoices):
    ONTWERPBEGROTING = "ontwerpbegroting", _("Ontwerpbegroting")
    BEGROTINGSWIJZIGING = "begrotingswijziging", _("Begrotingswijziging")
    KADERS = "kaders", _("Algemene financiële en beleidsmatige kaders")
    ONTWERPREGELING = "ontwerpregeling", _("Ontwerp van de regeling of van een wijziging")
    OVERIG_BESLUIT = "overig_besluit", _("Ander ontwerpbesluit van het bestuur")


# The statutory minimum term for a zienswijze, in weeks: art. 35 lid 3 (ontwerpbegroting, 12
# weeks since 1 July 2022) and art. 1 lid 3 (ontwerp of wijziging van de regeling, 8 weeks).
# Other kinds follow the regeling's own rules (Wgr 2022: zienswijze op ontwerpbesluiten).
WETTELIJKE_TERMIJN_WEKEN = {
    ZienswijzeSoort.ONTWERPBEGROTING: 12,
    ZienswijzeSoort.ONTWERPREGELING: 8,
}
# Older law, as the termijnregels have it (raad/migrations/0002_termijnregels): the
# ontwerpbegroting went to the raden six weeks ahead up to begrotingsjaar 2015 and eight weeks
# for 2016-2023 (tot en met jaar, weken); an ontwerp of the regeling had no statutory term
# before the Wgr-wijziging of 1 July 2022.
ONTWERPBEGROTING_WEKEN_TOT_EN_MET = ((2015, 6), (2023, 8))


class ZienswijzeStatus(models.TextChoices):
    """Where one raad stands with one request. TERMIJN_VERSTREKEN is never stored: it is read
    from the deadline on the day asked (see Zienswijze.objects.met_actuele_status)."""

    NOG_TE_AGENDEREN = "nog_te_agenderen", _("Nog te agenderen")
    GEAGENDEERD = "geagendeerd", _("Geagendeerd")
    INGEDIEND = "ingediend", _("Ingediend")
    GEEN_ZIENSWIJZE = "geen_zienswijze", _("Geen zienswijze")
    TERMIJN_VERSTREKEN = "termijn_verstreken", _("Termijn verstreken")


# Statuses in which the raad has not decided yet: past the deadline they read as verstreken.
OPEN_STATUSSEN = (ZienswijzeStatus.NOG_TE_AGENDEREN, ZienswijzeStatus.GEAGENDEERD)

# The statuses a griffie can record, and where each may go next.
VASTLEGBARE_STATUSSEN = [s for s in ZienswijzeStatus if s != ZienswijzeStatus.TERMIJN_VERSTREKEN]
STATUSOVERGANGEN = {
    ZienswijzeStatus.NOG_TE_AGENDEREN: {
        ZienswijzeStatus.GEAGENDEERD,
        ZienswijzeStatus.INGEDIEND,
        ZienswijzeStatus.GEEN_ZIENSWIJZE,
    },
    ZienswijzeStatus.GEAGENDEERD: {
        ZienswijzeStatus.NOG_TE_AGENDEREN,  # taken off the agenda
        ZienswijzeStatus.INGEDIEND,
        ZienswijzeStatus.GEEN_ZIENSWIJZE,
    },
    ZienswijzeStatus.INGEDIEND: set(),
    ZienswijzeStatus.GEEN_ZIENSWIJZE: set(),
}


class VergaderingSoort(models.TextChoices):
    """Meetings of a regeling that the raden want in their calendar: its boards (Wgr art. 12,
    14) and the meetings it holds for the raden themselves."""

    ALGEMEEN_BESTUUR = "algemeen_bestuur", _("Vergadering algemeen bestuur")
    DAGELIJKS_BESTUUR = "dagelijks_bestuur", _("Vergadering dagelijks bestuur")
    RAADSAVOND = "raadsavond", _("Regionale raadsavond")
    VERANTWOORDING = "verantwoording", _("Verantwoordingsbijeenkomst voor de raden")
