"""Deterministic, clearly synthetic national-scale data on top of the real gemeenten.

For demos and benchmarks only: about 1,800 arrangements, each current gemeente in 25–45 of
them, boards with seats, ten years of bijdragen (begroot and gerealiseerd) and jaarcijfers.
Every row carries `bron = "synthetisch …"`. Never loaded by `make run`.

Rows are written with bulk_create, not through the services (the one exception: generated
test data, 200,000 rows in seconds, without history): the generator builds only valid rows (no
overlapping periods, seats inside their deelname), and the database constraints still check
them. The register still gets a new version (`registerversie`).
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from .constants import (
    BRON_SYNTHETISCH,
    WGR_VORMEN,
    BijdrageSoort,
    DeelnameRol,
    Functie,
    JaarcijfersSoort,
    OrgaanSoort,
    Vorm,
    ZetelRol,
)
from .models import (
    Bestuursorgaan,
    Bijdrage,
    Deelname,
    Domein,
    Gemeente,
    Inwonertal,
    Jaarcijfers,
    Persoon,
    Samenwerkingsverband,
    Zetel,
)
from .registerversie import register_gewijzigd
from .slugs import slugs_toekennen

BRON = BRON_SYNTHETISCH + " (genereer_schaaldata, seed {seed})"
AANTAL_VERBANDEN = 1800
LANDELIJK = 40
JAREN = 10
BATCH = 5000

# Realistic mix of forms (weights) and the domains each usually serves.
VORMEN = [
    (Vorm.OPENBAAR_LICHAAM, 34),
    (Vorm.GEMEENSCHAPPELIJK_ORGAAN, 7),
    (Vorm.BEDRIJFSVOERINGSORGANISATIE, 9),
    (Vorm.CENTRUMGEMEENTE, 18),
    (Vorm.REGELING_ZONDER_MEER, 14),
    (Vorm.CONVENANT, 4),
    (Vorm.STICHTING, 6),
    (Vorm.VERENIGING, 2),
    (Vorm.VENNOOTSCHAP, 5),
    (Vorm.COOPERATIE, 1),
]
ONDERWERPEN = [
    ("Veiligheidsregio", "veiligheid"),
    ("GGD", "gezondheid"),
    ("Omgevingsdienst", "milieu"),
    ("Afvalschap", "afval"),
    ("Belastingsamenwerking", "belastingen"),
    ("Werkbedrijf", "werk"),
    ("Jeugdhulpregio", "jeugd"),
    ("Recreatieschap", "recreatie"),
    ("Regionaal Archief", "archief"),
    ("ICT-samenwerking", "bedrijfsvoering"),
    ("Leerplichtbureau", "onderwijs"),
    ("Doelgroepenvervoer", "verkeer"),
    ("Economic Board", "economie"),
    ("Rekenkamer", "rekenkamer"),
    ("Wmo-inkoop", "sociaal"),
    ("Waterketen", "water"),
    ("Woningmarktregio", "ruimte"),
    ("Cultuurfonds", "cultuur"),
]
WINDSTREKEN = ["Noord", "Zuid", "Oost", "West", "Midden", "Kust", "Rivierenland", "Heuvelland"]


@dataclass
class Verslag:
    verbanden: int = 0
    deelnames: int = 0
    zetels: int = 0
    bijdragen: int = 0
    jaarcijfers: int = 0
    personen: int = 0


def _gewogen(rng: random.Random, keuzes):
    waarden, gewichten = zip(*keuzes, strict=True)
    return rng.choices(waarden, weights=gewichten, k=1)[0]


@transaction.atomic
def schaaldata_genereren(
    *, seed: int = 1, laatste_jaar: int | None = None, jaren: int = JAREN
) -> Verslag:
    """Generate the data set for `seed` with `jaren` years of money up to `laatste_jaar`.
    Refuses to run on a database that already has synthetic data."""
    bron = BRON.format(seed=seed)
    if Samenwerkingsverband.objects.filter(bron__startswith="synthetisch").exists():
        raise ValueError(
            "Er staan al synthetische gegevens in deze database; gebruik een lege database."
        )
    rng = random.Random(seed)
    laatste_jaar = laatste_jaar or timezone.localdate().year
    jaren = list(range(laatste_jaar - jaren + 1, laatste_jaar + 1))
    vandaag = datetime.date(laatste_jaar, 1, 1)
    gemeenten = list(
        Gemeente.objects.actief_op(vandaag).select_related("provincie").order_by("cbs_code")
    )
    domeinen = {d.code: d for d in Domein.objects.all()}
    # Inwoners on 1 January of each year, so that the comparisons per inwoner have figures
    # (their own random stream: the rest of the data set stays what it was for this seed).
    # A real figure already loaded (the national register) is kept.
    rng_inwoners = random.Random(f"inwoners-{seed}")
    Inwonertal.objects.bulk_create(
        [
            Inwonertal(gemeente=g, jaar=jaar, aantal=basis + 150 * (jaar - jaren[0]), bron=bron)
            for g in gemeenten
            for basis in [rng_inwoners.randint(5_000, 250_000)]
            for jaar in jaren
        ],
        batch_size=BATCH,
        ignore_conflicts=True,
    )
    per_provincie: dict[str, list[Gemeente]] = {}
    for g in gemeenten:
        per_provincie.setdefault(g.provincie.code, []).append(g)

    # 1. Arrangements: a national pool and a pool per provincie, sized to its gemeenten.
    regionaal = AANTAL_VERBANDEN - LANDELIJK
    pools: dict[str | None, list[Samenwerkingsverband]] = {None: []}
    verbanden: list[Samenwerkingsverband] = []
    for code, leden in sorted(per_provincie.items()):
        aantal = max(60, round(regionaal * len(leden) / len(gemeenten)))
        pools[code] = []
        for i in range(aantal):
            verbanden.append(_verband(rng, bron, leden[0].provincie.naam, i, code))
            pools[code].append(verbanden[-1])
    for i in range(LANDELIJK):
        verbanden.append(_verband(rng, bron, "Nederland", i, None))
        pools[None].append(verbanden[-1])
    # 2. Each gemeente joins 25–45 arrangements: mostly of its provincie, some national.
    leden_van: dict[int, list[Gemeente]] = {id(v): [] for v in verbanden}
    for g in gemeenten:
        eigen, landelijk = pools[g.provincie.code], pools[None]
        aantal = rng.randint(25, 45)
        n_landelijk = min(len(landelijk), rng.randint(2, 6))
        keuze = rng.sample(eigen, min(len(eigen), aantal - n_landelijk))
        keuze += rng.sample(landelijk, n_landelijk)
        for v in keuze:
            leden_van[id(v)].append(g)
    for v in verbanden:
        if v.vorm == Vorm.CENTRUMGEMEENTE:
            if leden_van[id(v)]:
                v.centrumgemeente = leden_van[id(v)][0]
            else:
                v.vorm = Vorm.REGELING_ZONDER_MEER
    slugs_toekennen(verbanden)
    Samenwerkingsverband.objects.bulk_create(verbanden, batch_size=BATCH)
    verband_domeinen = Samenwerkingsverband.domeinen.through
    verband_domeinen.objects.bulk_create(
        [
            verband_domeinen(samenwerkingsverband=v, domein=domeinen[v._domein])
            for v in verbanden
            if v._domein in domeinen
        ],
        batch_size=BATCH,
    )
    deelnames: list[Deelname] = []
    for v in verbanden:
        leden = leden_van[id(v)]
        sleutels = [Decimal(rng.randint(1, 100)) for _ in leden]
        totaal = sum(sleutels) or Decimal(1)
        for i, (g, sleutel) in enumerate(zip(leden, sleutels, strict=True)):
            deelnames.append(
                Deelname(
                    samenwerkingsverband=v,
                    gemeente=g,
                    toetredingsdatum=v.ingangsdatum,
                    rol=DeelnameRol.CENTRUMGEMEENTE
                    if v.vorm == Vorm.CENTRUMGEMEENTE and i == 0
                    else DeelnameRol.DEELNEMER,
                    verdeelsleutel=(sleutel * 100 / totaal).quantize(Decimal("0.0001")),
                    stemmen=int(sleutel)
                    if v.vorm in {Vorm.VENNOOTSCHAP, Vorm.COOPERATIE}
                    else None,
                    bron=bron,
                )
            )
    Deelname.objects.bulk_create(deelnames, batch_size=BATCH)

    # 3. Boards: every gemeente has a burgemeester and four wethouders who hold its seats.
    personen = {
        g.pk: [
            Persoon(naam=f"{voorletter}. {achternaam} ({g.naam})", partij="")
            for voorletter, achternaam in zip("ABCDE", _achternamen(rng), strict=True)
        ]
        for g in gemeenten
    }
    Persoon.objects.bulk_create([p for ps in personen.values() for p in ps], batch_size=BATCH)
    organen, zetels = [], []
    per_verband: dict[int, list[Deelname]] = {}
    for d in deelnames:
        per_verband.setdefault(d.samenwerkingsverband_id, []).append(d)
    for v in verbanden:
        if v.vorm in {Vorm.REGELING_ZONDER_MEER, Vorm.CONVENANT, Vorm.CENTRUMGEMEENTE}:
            continue
        soorten = (
            [OrgaanSoort.BESTUUR]
            if v.vorm == Vorm.BEDRIJFSVOERINGSORGANISATIE
            else [OrgaanSoort.AANDEELHOUDERSVERGADERING]
            if v.vorm in {Vorm.VENNOOTSCHAP, Vorm.COOPERATIE}
            else [OrgaanSoort.ALGEMEEN_BESTUUR, OrgaanSoort.DAGELIJKS_BESTUUR]
        )
        for soort in soorten:
            orgaan = Bestuursorgaan(samenwerkingsverband=v, soort=soort)
            organen.append(orgaan)
            leden = per_verband.get(v.pk, [])
            if soort == OrgaanSoort.DAGELIJKS_BESTUUR:
                leden = leden[: rng.randint(3, 5)]
            for i, d in enumerate(leden):
                burgemeester = soort == OrgaanSoort.ALGEMEEN_BESTUUR and v._domein == "veiligheid"
                persoon = personen[d.gemeente_id][0 if burgemeester else rng.randint(1, 4)]
                zetels.append(
                    Zetel(
                        bestuursorgaan=orgaan,
                        deelname=d,
                        persoon=persoon,
                        functie=Functie.BURGEMEESTER if burgemeester else Functie.WETHOUDER,
                        rol=ZetelRol.VOORZITTER if i == 0 else ZetelRol.LID,
                        stemmen=1,
                        begindatum=datetime.date(laatste_jaar - 4, 5, 1),
                    )
                )
    Bestuursorgaan.objects.bulk_create(organen, batch_size=BATCH)
    for z in zetels:
        z.bestuursorgaan_id = z.bestuursorgaan.pk
    Zetel.objects.bulk_create(zetels, batch_size=BATCH)

    # 4. Money: ten years of bijdragen and jaarcijfers, growing about 3% a year.
    bijdragen, cijfers = [], []
    for v in verbanden:
        if v.vorm in {Vorm.REGELING_ZONDER_MEER, Vorm.CONVENANT}:
            continue
        omvang = Decimal(rng.randint(200, 40000)) * 1000
        for j, jaar in enumerate(jaren):
            begroot_totaal = omvang * Decimal("1.03") ** j
            # Omgevingsdiensten and GGD's split their bijdrage in basis- and plustaken.
            onderdelen = (
                [("basistaken", Decimal("0.8")), ("plustaken", Decimal("0.2"))]
                if v._domein in {"milieu", "gezondheid"}
                else [("", Decimal(1))]
            )
            for d in per_verband.get(v.pk, []):
                deel = begroot_totaal * d.verdeelsleutel / 100
                for onderdeel, aandeel in onderdelen:
                    begroot = (deel * aandeel).quantize(Decimal("0.01"))
                    bedragen = {BijdrageSoort.BEGROOT: begroot}
                    if jaar < laatste_jaar:
                        afwijking = Decimal(rng.randint(-40, 60)) / 1000
                        gerealiseerd = (begroot * (1 + afwijking)).quantize(Decimal("0.01"))
                        bedragen[BijdrageSoort.GEREALISEERD] = gerealiseerd
                    bijdragen += [
                        Bijdrage(
                            deelname=d, jaar=jaar, soort=soort, onderdeel=onderdeel, bedrag=bedrag
                        )
                        for soort, bedrag in bedragen.items()
                    ]
            if v.vorm in WGR_VORMEN or v.vorm in {Vorm.STICHTING, Vorm.VENNOOTSCHAP}:
                eigen = (omvang * Decimal(rng.randint(2, 25)) / 100).quantize(Decimal("1"))
                for soort in (JaarcijfersSoort.BEGROTING, JaarcijfersSoort.JAARREKENING):
                    if soort == JaarcijfersSoort.JAARREKENING and jaar == laatste_jaar:
                        continue
                    lasten = (begroot_totaal * Decimal("1.1")).quantize(Decimal("1"))
                    resultaat = Decimal(rng.randint(-300, 400)) * 1000
                    cijfers.append(
                        Jaarcijfers(
                            samenwerkingsverband=v,
                            jaar=jaar,
                            soort=soort,
                            lasten=lasten,
                            baten=lasten + resultaat,
                            resultaat=resultaat,
                            eigen_vermogen_begin=eigen,
                            eigen_vermogen_eind=eigen + resultaat,
                            vreemd_vermogen_begin=eigen * 2,
                            vreemd_vermogen_eind=eigen * 2,
                            risicos="Synthetisch voorbeeld: loon- en prijsstijgingen.",
                            bron=bron,
                        )
                    )
        if len(bijdragen) > 50_000:
            Bijdrage.objects.bulk_create(bijdragen, batch_size=BATCH)
            bijdragen = []
    Bijdrage.objects.bulk_create(bijdragen, batch_size=BATCH)
    Jaarcijfers.objects.bulk_create(cijfers, batch_size=BATCH)
    register_gewijzigd()  # cached pages of a running server show the new data
    return Verslag(
        verbanden=len(verbanden),
        deelnames=len(deelnames),
        zetels=len(zetels),
        bijdragen=Bijdrage.objects.filter(deelname__bron=bron).count(),
        jaarcijfers=len(cijfers),
        personen=sum(len(ps) for ps in personen.values()),
    )


def _verband(rng, bron, gebied: str, i: int, provincie: str | None) -> Samenwerkingsverband:
    onderwerp, domein = ONDERWERPEN[i % len(ONDERWERPEN)]
    vorm = _gewogen(rng, VORMEN)
    if vorm in {Vorm.STICHTING, Vorm.VERENIGING, Vorm.VENNOOTSCHAP, Vorm.COOPERATIE}:
        prefix = {
            "STICHTING": "Stichting",
            "VERENIGING": "Vereniging",
            "VENNOOTSCHAP": "NV",
            "COOPERATIE": "Coöperatie",
        }[vorm]
        onderwerp = f"{prefix} {onderwerp}"
    streek = WINDSTREKEN[(i // len(ONDERWERPEN)) % len(WINDSTREKEN)]
    volgnummer = i // (len(ONDERWERPEN) * len(WINDSTREKEN))
    naam = f"{onderwerp} {gebied}-{streek}" + (f" {volgnummer + 1}" if volgnummer else "")
    verband = Samenwerkingsverband(
        naam=naam,
        afkorting="".join(w[0] for w in naam.split() if w[0].isalpha()).upper()[:8],
        vorm=vorm,
        doel=f"{onderwerp} voor de gemeenten in {gebied} ({streek.lower()}).",
        verplicht=domein in {"veiligheid", "gezondheid", "milieu"} and vorm in WGR_VORMEN,
        verplicht_grondslag="",
        vestigingsplaats=gebied if provincie is None else f"{gebied}stad",
        ingangsdatum=datetime.date(rng.randint(1995, 2015), 1, 1),
        evaluatie_interval_jaren=rng.choice([None, 4, 5]),
        bron=bron,
    )
    verband._domein = domein
    return verband


def _achternamen(rng) -> list[str]:
    stam = [
        "de Vries",
        "Jansen",
        "Bakker",
        "Visser",
        "Smit",
        "Meijer",
        "de Boer",
        "Mulder",
        "de Groot",
        "Bos",
        "Vos",
        "Peters",
        "Hendriks",
        "van Leeuwen",
        "Dekker",
        "Brouwer",
    ]
    return rng.sample(stam, 5)
