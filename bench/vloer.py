"""The floor of the core endpoint: the same JSON document, made from one hand-written SQL
query through the database connection (psycopg 3) and the standard json module, with no ORM,
no serializers and no Django request handling.

It writes exactly what `GET /api/v1/gemeenten/{cbs}/samenwerkingsverbanden` answers (URLs,
labels and totals included; tests/test_bench_vloer.py checks that the two are equal), so that
`bench/meten.py`'s ratio endpoint/floor compares the same work. PostgreSQL only. The
verbonden-partij test is the register's own (`samenwerking.bbv.bbv_toets`, given plain
objects) and so are the labels (`samenwerking.api.kernvraag.KernvraagLabels`), so that the
floor says exactly what the endpoint says.
"""

import datetime
import json
from decimal import Decimal
from types import SimpleNamespace

from samenwerking.api.kernvraag import KernvraagLabels
from samenwerking.bbv import bbv_toets
from samenwerking.constants import BijdrageSoort

SQL = """
select g.cbs_code, g.naam,
       (select i.aantal from samenwerking_inwonertal i
         where i.gemeente_id = g.id and i.jaar = %(jaar)s) as inwoners,
       v.uuid, v.naam, v.afkorting, v.vorm, v.vestigingsplaats, v.verplicht,
       d.uuid, d.toetredingsdatum, d.uittredingsdatum, d.rol, d.verdeelsleutel::text, d.stemmen,
       d.deelnemende_bestuursorganen, d.aansprakelijk, d.bestuurlijk_belang_vastgelegd,
       d.financieel_belang_vastgelegd, d.belang_toelichting,
       (select coalesce(json_agg(dm.code order by dm.naam), '[]')
          from samenwerking_samenwerkingsverband_domeinen vd
          join samenwerking_domein dm on dm.id = vd.domein_id
         where vd.samenwerkingsverband_id = v.id) as domeinen,
       (select coalesce(json_agg(json_build_object(
                   'uuid', z.uuid, 'functie', z.functie, 'rol', z.rol,
                   'begindatum', z.begindatum, 'einddatum', z.einddatum,
                   'persoon_uuid', p.uuid, 'persoon', p.naam, 'partij', p.partij,
                   'orgaan_uuid', o.uuid, 'soort', o.soort, 'orgaan', o.naam)
                 order by o.soort, z.rol, p.naam), '[]')
          from samenwerking_zetel z
          join samenwerking_persoon p on p.id = z.persoon_id
          join samenwerking_bestuursorgaan o on o.id = z.bestuursorgaan_id
         where z.deelname_id = d.id
           and (z.begindatum is null or z.begindatum <= %(peildatum)s)
           and (z.einddatum is null or z.einddatum > %(peildatum)s)) as vertegenwoordigers,
       (select coalesce(json_agg(json_build_object(
                   'uuid', b.uuid, 'soort', b.soort, 'onderdeel', b.onderdeel,
                   'bedrag', b.bedrag::text) order by b.soort, b.onderdeel), '[]')
          from samenwerking_bijdrage b
         where b.deelname_id = d.id and b.jaar = %(jaar)s) as bijdragen,
       (select coalesce(json_agg(json_build_object(
                   'soort', o.soort, 'orgaan', o.naam,
                   'begindatum', z.begindatum, 'einddatum', z.einddatum)), '[]')
          from samenwerking_zetel z
          join samenwerking_bestuursorgaan o on o.id = z.bestuursorgaan_id
         where z.deelname_id = d.id
           and (z.begindatum is null or z.begindatum < %(eind)s)
           and (z.einddatum is null or z.einddatum > %(begin)s)) as zetels_in_jaar
  from samenwerking_gemeente g
  left join (samenwerking_deelname d
             join samenwerking_samenwerkingsverband v
               on v.id = d.samenwerkingsverband_id and not v.alleen_historisch)
    on d.gemeente_id = g.id
   and (d.toetredingsdatum is null or d.toetredingsdatum <= %(peildatum)s)
   and (d.uittredingsdatum is null or d.uittredingsdatum > %(peildatum)s)
 where g.cbs_code = %(cbs_code)s
 order by v.naam, d.id
"""

CENT = Decimal("0.01")
BEGROOT, GEREALISEERD = BijdrageSoort.BEGROOT, BijdrageSoort.GEREALISEERD


def _som(bedragen: list[Decimal]) -> Decimal | None:
    return sum(bedragen, Decimal(0)) if bedragen else None


def _tekst(bedrag: Decimal | None) -> str | None:
    return None if bedrag is None else str(bedrag.quantize(CENT))


def _datum(tekst: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(tekst) if tekst else None


def _toets(vorm, stemmen, aansprakelijk, bestuurlijk, financieel, toelichting, organen, sommen):
    """A row for the BBV test as plain object; `bbv_toets` sets its answer on it."""
    return SimpleNamespace(
        samenwerkingsverband=SimpleNamespace(vorm=vorm),
        stemmen=stemmen,
        aansprakelijk=aansprakelijk,
        bestuurlijk_belang_vastgelegd=bestuurlijk,
        financieel_belang_vastgelegd=financieel,
        belang_toelichting=toelichting,
        bijdrage_begroot=sommen[0],
        bijdrage_gerealiseerd=sommen[1],
        zetels_in_jaar=[
            SimpleNamespace(bestuursorgaan=SimpleNamespace(naam=naam, soort=soort))
            for naam, soort in organen
        ],
    )


def kernvraag_vloer(connection, cbs_code: str, peildatum: datetime.date, basis: str) -> str | None:
    """The core answer for the gemeente `cbs_code` as JSON text; `basis` is the API's root
    URL ("http://localhost/api/v1/"). None for an unknown gemeente."""
    jaar = peildatum.year
    with connection.cursor() as cursor:
        cursor.execute(
            SQL,
            {
                "cbs_code": cbs_code,
                "peildatum": peildatum,
                "jaar": jaar,
                "begin": datetime.date(jaar, 1, 1),
                "eind": datetime.date(jaar + 1, 1, 1),
            },
        )
        rijen = cursor.fetchall()
    if not rijen:
        return None
    labels = KernvraagLabels()
    verbanden, toetsen, totaal_begroot, totaal_gerealiseerd = [], [], [], []
    onbekend = [0, 0]
    for (
        _cbs,
        _naam,
        _inwoners,
        v_uuid,
        naam,
        afkorting,
        vorm,
        plaats,
        verplicht,
        d_uuid,
        toe,
        uit,
        rol,
        sleutel,
        stemmen,
        organen,
        aansprakelijk,
        bestuurlijk_vast,
        financieel_vast,
        toelichting,
        domeinen,
        zetels,
        bijdragen,
        zetels_in_jaar,
    ) in rijen:
        if d_uuid is None:  # the gemeente has no deelname on the peildatum
            continue
        if isinstance(organen, str):  # Django reads jsonb columns as text
            organen = json.loads(organen)
        begroot = _som([Decimal(b["bedrag"]) for b in bijdragen if b["soort"] == BEGROOT])
        gerealiseerd = _som([Decimal(b["bedrag"]) for b in bijdragen if b["soort"] == GEREALISEERD])
        toetsen.append(
            _toets(
                vorm,
                stemmen,
                aansprakelijk,
                bestuurlijk_vast,
                financieel_vast,
                toelichting,
                [(z["orgaan"], z["soort"]) for z in zetels_in_jaar],
                (begroot, gerealiseerd),
            )
        )
        totaal_begroot += [begroot] if begroot is not None else []
        totaal_gerealiseerd += [gerealiseerd] if gerealiseerd is not None else []
        onbekend[0] += begroot is None
        onbekend[1] += gerealiseerd is None
        verbanden.append(
            {
                "samenwerkingsverband": {
                    "uuid": str(v_uuid),
                    "url": f"{basis}samenwerkingsverbanden/{v_uuid}",
                    "naam": naam,
                    "afkorting": afkorting,
                    "vorm": vorm,
                    "vormLabel": labels.vorm[vorm],
                    "domeinen": domeinen,
                    "vestigingsplaats": plaats,
                    "verplicht": verplicht,
                },
                "deelname": {
                    "uuid": str(d_uuid),
                    "url": f"{basis}deelnames/{d_uuid}",
                    "toetredingsdatum": toe and toe.isoformat(),
                    "uittredingsdatum": uit and uit.isoformat(),
                    "rol": rol,
                    "rolLabel": labels.deelnamerol[rol],
                    "verdeelsleutel": sleutel,
                    "stemmen": stemmen,
                    "deelnemendeBestuursorganen": organen,
                },
                # the BBV test's answer, filled in below for all rows at once
                "verbondenPartij": None,
                "bestuurlijkBelang": None,
                "financieelBelang": None,
                "verbondenPartijReden": None,
                "vertegenwoordigers": [
                    {
                        "uuid": z["uuid"],
                        "url": f"{basis}zetels/{z['uuid']}",
                        "persoon": {
                            "uuid": z["persoon_uuid"],
                            "url": f"{basis}personen/{z['persoon_uuid']}",
                            "naam": z["persoon"],
                            "partij": z["partij"],
                        },
                        "bestuursorgaan": {
                            "uuid": z["orgaan_uuid"],
                            "url": f"{basis}bestuursorganen/{z['orgaan_uuid']}",
                            "soort": z["soort"],
                            "soortLabel": labels.orgaansoort[z["soort"]],
                            "naam": z["orgaan"],
                        },
                        "functie": z["functie"],
                        "functieLabel": labels.functie[z["functie"]],
                        "rol": z["rol"],
                        "rolLabel": labels.zetelrol[z["rol"]],
                        "begindatum": z["begindatum"],
                        "einddatum": z["einddatum"],
                    }
                    for z in zetels
                ],
                "bijdrage": {
                    "begroot": _tekst(begroot),
                    "gerealiseerd": _tekst(gerealiseerd),
                    "perOnderdeel": [
                        {
                            "uuid": b["uuid"],
                            "url": f"{basis}bijdragen/{b['uuid']}",
                            "soort": b["soort"],
                            "soortLabel": labels.bijdragesoort[b["soort"]],
                            "onderdeel": b["onderdeel"],
                            "bedrag": b["bedrag"],
                        }
                        for b in bijdragen
                    ],
                },
            }
        )
    bbv_toets(toetsen, jaar=jaar)
    for verband, toets in zip(verbanden, toetsen, strict=True):
        verband["verbondenPartij"] = toets.verbonden_partij
        verband["bestuurlijkBelang"] = toets.bestuurlijk_belang
        verband["financieelBelang"] = toets.financieel_belang
        verband["verbondenPartijReden"] = toets.bbv_redenen
    cbs, gemeentenaam, inwoners = rijen[0][:3]
    begroot, gerealiseerd = _som(totaal_begroot), _som(totaal_gerealiseerd)

    def per_inwoner(bedrag):
        return None if bedrag is None or not inwoners else _tekst(bedrag / inwoners)

    return json.dumps(
        {
            "gemeente": {"cbsCode": cbs, "url": f"{basis}gemeenten/{cbs}", "naam": gemeentenaam},
            "peildatum": peildatum.isoformat(),
            "jaar": jaar,
            "samenwerkingsverbanden": verbanden,
            "totalen": {
                "begroot": _tekst(begroot),
                "gerealiseerd": _tekst(gerealiseerd),
                "aantalBegrootOnbekend": onbekend[0],
                "aantalGerealiseerdOnbekend": onbekend[1],
                "inwoners": inwoners,
                "perInwoner": {
                    "begroot": per_inwoner(begroot),
                    "gerealiseerd": per_inwoner(gerealiseerd),
                },
            },
        }
    )
