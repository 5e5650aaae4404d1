"""Fixed vocabularies of the register, with the legal source of each where there is one."""

from django.db import models
from django.utils.translation import gettext_lazy as _


def label(keuzes: type[models.Choices], waarde) -> str:
    """The Dutch text of `waarde` in `keuzes` (the value itself if it is none of them), as
    get_FOO_display() gives it but translating only that text: Django's translates every
    choice on each call."""
    try:
        return str(keuzes(waarde).label)
    except ValueError:
        return str(waarde)


class Labels(dict):
    """`label` of each value of `keuzes` asked for (`labels[waarde]`), translated the first
    time: for a list that uses few of a vocabulary's values in many rows."""

    def __init__(self, keuzes: type[models.Choices]):
        super().__init__()
        self.keuzes = keuzes

    def __missing__(self, waarde) -> str:
        tekst = self[waarde] = label(self.keuzes, waarde)
        return tekst


# A gemeente's CBS code: GM and four digits (GM0363). The database check, the import and the
# ?gemeente= of the pages all hold a code to this one pattern.
CBS_CODE_PATROON = r"GM[0-9]{4}"


class Vorm(models.TextChoices):
    """Samenwerkingsvorm. The five Wgr forms use the national register's own codes."""

    OPENBAAR_LICHAAM = "OL", _("Openbaar lichaam")
    GEMEENSCHAPPELIJK_ORGAAN = "GO", _("Gemeenschappelijk orgaan")
    BEDRIJFSVOERINGSORGANISATIE = "BVO", _("Bedrijfsvoeringsorganisatie")
    CENTRUMGEMEENTE = "CC", _("Centrumgemeenteconstructie")
    REGELING_ZONDER_MEER = "RZM", _("Regeling zonder meer")
    CONVENANT = "CONVENANT", _("Convenant (bestuursovereenkomst)")
    STICHTING = "STICHTING", _("Stichting")
    VERENIGING = "VERENIGING", _("Vereniging")
    VENNOOTSCHAP = "VENNOOTSCHAP", _("Vennootschap (NV/BV)")
    COOPERATIE = "COOPERATIE", _("Coöperatie")
    NETWERK = "NETWERK", _("Informeel netwerk")


WGR_VORMEN = frozenset(
    {
        Vorm.OPENBAAR_LICHAAM,
        Vorm.GEMEENSCHAPPELIJK_ORGAAN,
        Vorm.BEDRIJFSVOERINGSORGANISATIE,
        Vorm.CENTRUMGEMEENTE,
        Vorm.REGELING_ZONDER_MEER,
    }
)

# The Wgr forms that set up a body of their own (art. 8 lid 1–3); the art. 27 register names it.
INGESTELDE_VORMEN = frozenset(
    {Vorm.OPENBAAR_LICHAAM, Vorm.BEDRIJFSVOERINGSORGANISATIE, Vorm.GEMEENSCHAPPELIJK_ORGAAN}
)

# What each form means, shown to griffiers and raadsleden next to the form.
VORM_TOELICHTING = {
    Vorm.OPENBAAR_LICHAAM: _(
        "Zelfstandige rechtspersoon met een algemeen bestuur, een dagelijks bestuur en een "
        "voorzitter (Wgr art. 8 lid 1). Kan eigen personeel, begroting en bevoegdheden hebben."
    ),
    Vorm.GEMEENSCHAPPELIJK_ORGAAN: _(
        "Een orgaan zonder rechtspersoonlijkheid dat namens de deelnemers taken uitvoert "
        "(Wgr art. 8 lid 2); lichter dan een openbaar lichaam."
    ),
    Vorm.BEDRIJFSVOERINGSORGANISATIE: _(
        "Rechtspersoon met een enkelvoudig bestuur voor uitvoerende en ondersteunende taken, "
        "zoals ICT, belastingen of inkoop (Wgr art. 8 lid 3); alleen tussen colleges."
    ),
    Vorm.CENTRUMGEMEENTE: _(
        "Eén gemeente voert taken uit voor de andere deelnemers, die haar daarvoor mandaat of "
        "delegatie geven; er ontstaat geen nieuwe organisatie (Wgr art. 8 lid 4)."
    ),
    Vorm.REGELING_ZONDER_MEER: _(
        "Een gemeenschappelijke regeling zonder eigen orgaan of rechtspersoon: afspraken tussen "
        "de deelnemers (Wgr art. 1 lid 1). Meestal geen verbonden partij."
    ),
    Vorm.CONVENANT: _(
        "Een bestuursovereenkomst of intentieverklaring buiten de Wgr; geen eigen bestuur of "
        "rechtspersoon."
    ),
    Vorm.STICHTING: _("Privaatrechtelijke rechtspersoon zonder leden (BW Boek 2, titel 6)."),
    Vorm.VERENIGING: _("Privaatrechtelijke rechtspersoon met leden (BW Boek 2, titel 2)."),
    Vorm.VENNOOTSCHAP: _(
        "Naamloze of besloten vennootschap waarin de gemeente aandelen houdt "
        "(BW Boek 2, titels 4 en 5)."
    ),
    Vorm.COOPERATIE: _("Vereniging met een bedrijf ten behoeve van haar leden (BW 2:53)."),
    Vorm.NETWERK: _("Informeel overleg of netwerk zonder juridische basis."),
}


class BbvCategorie(models.TextChoices):
    """The four groups of the verbonden-partijen list (BBV art. 15)."""

    GEMEENSCHAPPELIJKE_REGELING = "gemeenschappelijke_regeling", _("Gemeenschappelijke regelingen")
    VENNOOTSCHAP_COOPERATIE = "vennootschap_cooperatie", _("Vennootschappen en coöperaties")
    STICHTING_VERENIGING = "stichting_vereniging", _("Stichtingen en verenigingen")
    OVERIG = "overig", _("Overige verbonden partijen")


def bbv_categorie(vorm: str) -> BbvCategorie:
    if vorm in WGR_VORMEN:
        return BbvCategorie.GEMEENSCHAPPELIJKE_REGELING
    if vorm in {Vorm.VENNOOTSCHAP, Vorm.COOPERATIE}:
        return BbvCategorie.VENNOOTSCHAP_COOPERATIE
    if vorm in {Vorm.STICHTING, Vorm.VERENIGING}:
        return BbvCategorie.STICHTING_VERENIGING
    return BbvCategorie.OVERIG


class Motief(models.TextChoices):
    KWETSBAARHEID = "kwetsbaarheid", _("Kwetsbaarheid verminderen")
    KWALITEIT = "kwaliteit", _("Kwaliteit verbeteren")
    KOSTEN = "kosten", _("Kosten besparen")
    BESTUURSKRACHT = "bestuurskracht", _("Bestuurskracht vergroten")
    KENNISDELING = "kennisdeling", _("Kennis delen")


class Karakter(models.TextChoices):
    """What a regeling does for its deelnemers: carry out tasks they decided themselves, or
    make policy of its own; where it makes policy, the raad's kaders in advance matter most."""

    UITVOEREND = "uitvoerend", _("Uitvoerend")
    BELEIDSBEPALEND = "beleidsbepalend", _("Beleidsbepalend")
    BEIDE = "beide", _("Uitvoerend en beleidsbepalend")


class Bevoegdheidsverkrijging(models.TextChoices):
    """How the arrangement obtained its powers; the national register's list."""

    ATTRIBUTIE = "attributie", _("Attributie")
    DELEGATIE = "delegatie", _("Delegatie")
    MANDAAT = "mandaat", _("Mandaat")
    ZONDER_MANDAAT = "zonder_mandaat", _("Zonder mandaat")


class OrganisatieSoort(models.TextChoices):
    PROVINCIE = "provincie", _("Provincie")
    WATERSCHAP = "waterschap", _("Waterschap")
    RIJK = "rijk", _("Rijk")
    OPENBAAR_LICHAAM = "openbaar_lichaam", _("Ander openbaar lichaam")
    OVERIG_PUBLIEK = "overig_publiek", _("Andere publieke organisatie")
    BUITENLANDS = "buitenlands", _("Buitenlandse overheid")
    PRIVAAT = "privaat", _("Private partij")


class DeelnameRol(models.TextChoices):
    DEELNEMER = "deelnemer", _("Deelnemer")
    CENTRUMGEMEENTE = "centrumgemeente", _("Centrumgemeente")
    VESTIGINGSGEMEENTE = "vestigingsgemeente", _("Vestigingsgemeente")


class DeelnemendOrgaan(models.TextChoices):
    """The participant's own bestuursorgaan through which it takes part in a regeling (the
    national register's `bestuursorganen` per deelnemer). For a gemeente it decides whose
    regeling it is (Wgr art. 1): a regeling of the raad, of the college or of the burgemeester
    (or of more than one), and so what the raad can steer."""

    RAAD = "raad", _("Gemeenteraad")
    COLLEGE = "college", _("College van burgemeester en wethouders")
    BURGEMEESTER = "burgemeester", _("Burgemeester")
    PROVINCIALE_STATEN = "provinciale_staten", _("Provinciale staten")
    GEDEPUTEERDE_STATEN = "gedeputeerde_staten", _("Gedeputeerde staten")
    COMMISSARIS = "commissaris", _("Commissaris van de Koning")
    ALGEMEEN_BESTUUR = "algemeen_bestuur", _("Algemeen bestuur")
    DAGELIJKS_BESTUUR = "dagelijks_bestuur", _("Dagelijks bestuur")
    DIJKGRAAF = "dijkgraaf", _("Dijkgraaf")
    MINISTER = "minister", _("Minister")
    STAATSSECRETARIS = "staatssecretaris", _("Staatssecretaris")


class OrgaanSoort(models.TextChoices):
    ALGEMEEN_BESTUUR = "algemeen_bestuur", _("Algemeen bestuur")
    DAGELIJKS_BESTUUR = "dagelijks_bestuur", _("Dagelijks bestuur")
    VOORZITTER = "voorzitter", _("Voorzitter")
    BESTUUR = "bestuur", _("Bestuur (enkelvoudig)")
    BESTUURSCOMMISSIE = "bestuurscommissie", _("Bestuurscommissie")
    ADVIESCOMMISSIE = "adviescommissie", _("Gemeenschappelijke adviescommissie")
    STUURGROEP = "stuurgroep", _("Stuurgroep")
    AANDEELHOUDERSVERGADERING = "ava", _("Algemene vergadering van aandeelhouders")
    RAAD_VAN_TOEZICHT = "raad_van_toezicht", _("Raad van toezicht / commissarissen")
    OVERIG = "overig", _("Overig orgaan")


class Functie(models.TextChoices):
    """The capacity in which a person holds a seat."""

    BURGEMEESTER = "burgemeester", _("Burgemeester")
    WETHOUDER = "wethouder", _("Wethouder")
    RAADSLID = "raadslid", _("Raadslid")
    GEDEPUTEERDE = "gedeputeerde", _("Gedeputeerde")
    AMBTENAAR = "ambtenaar", _("Ambtenaar")
    EXTERN = "extern", _("Extern lid")


class ZetelRol(models.TextChoices):
    VOORZITTER = "voorzitter", _("Voorzitter")
    VICEVOORZITTER = "vicevoorzitter", _("Vicevoorzitter")
    LID = "lid", _("Lid")
    PLAATSVERVANGER = "plaatsvervanger", _("Plaatsvervangend lid")


class BijdrageSoort(models.TextChoices):
    BEGROOT = "begroot", _("Begroot")
    GEREALISEERD = "gerealiseerd", _("Gerealiseerd")


class JaarcijfersSoort(models.TextChoices):
    BEGROTING = "begroting", _("Begroting")
    JAARREKENING = "jaarrekening", _("Jaarrekening")


class DocumentSoort(models.TextChoices):
    REGELING = "regeling", _("Tekst van de regeling")
    BEGROTING = "begroting", _("Begroting")
    BEGROTINGSWIJZIGING = "begrotingswijziging", _("Begrotingswijziging")
    JAARREKENING = "jaarrekening", _("Jaarrekening")
    KADERNOTA = "kadernota", _("Kadernota")
    EVALUATIE = "evaluatie", _("Evaluatie")
    BESLUIT = "besluit", _("Besluit")
    OVERIG = "overig", _("Overig document")


class HerindelingSoort(models.TextChoices):
    SAMENVOEGING = "samenvoeging", _("Samenvoeging tot een nieuwe gemeente")
    TOEVOEGING = "toevoeging", _("Toevoeging aan een bestaande gemeente")
    OPHEFFING_EN_VERDELING = "opheffing_en_verdeling", _("Opheffing en verdeling")


# What importers write in the `bron` of the rows they create, and how readers see it.
BRON_OPENGR = "OpenGR 2016"
BRON_ROO = "ROO-export"
BRON_SYNTHETISCH = "synthetisch"  # the demo's invented data (schaaldata, `make demo`)
BRON_OMSCHRIJVINGEN = {
    BRON_OPENGR: _("OpenGR (Open State Foundation), stand maart 2016"),
    BRON_ROO: _("landelijk register (Register van Overheidsorganisaties)"),
}
