"""The floor of the core endpoint: the same rows with one hand-written SQL query through the
database connection (psycopg 3) and the standard json module, no ORM, no serializers.

`bench/meten.py` reports the endpoint's median divided by this one's."""

import datetime
import json

SQL = """
select v.uuid, v.naam, v.afkorting, v.vorm, v.vestigingsplaats, v.verplicht,
       d.uuid, d.toetredingsdatum, d.uittredingsdatum, d.rol, d.verdeelsleutel, d.stemmen,
       (select coalesce(json_agg(dm.code order by dm.naam), '[]')
          from samenwerking_samenwerkingsverband_domeinen vd
          join samenwerking_domein dm on dm.id = vd.domein_id
         where vd.samenwerkingsverband_id = v.id) as domeinen,
       (select coalesce(json_agg(json_build_object(
                   'uuid', z.uuid, 'persoon', p.naam, 'partij', p.partij,
                   'orgaan', o.soort, 'functie', z.functie, 'rol', z.rol,
                   'begindatum', z.begindatum, 'einddatum', z.einddatum)
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
       exists (select 1 from samenwerking_zetel z where z.deelname_id = d.id
                 and (z.begindatum is null or z.begindatum < %(eind)s)
                 and (z.einddatum is null or z.einddatum > %(begin)s))
         or coalesce(d.stemmen, 0) > 0 as bestuurlijk,
       exists (select 1 from samenwerking_bijdrage b
                where b.deelname_id = d.id and b.jaar = %(jaar)s) or d.aansprakelijk as financieel
  from samenwerking_deelname d
  join samenwerking_samenwerkingsverband v on v.id = d.samenwerkingsverband_id
 where d.gemeente_id = %(gemeente)s
   and (d.toetredingsdatum is null or d.toetredingsdatum <= %(peildatum)s)
   and (d.uittredingsdatum is null or d.uittredingsdatum > %(peildatum)s)
 order by v.naam, d.id
"""


def _som(bijdragen: list[dict], soort: str) -> str | None:
    bedragen = [float(b["bedrag"]) for b in bijdragen if b["soort"] == soort]
    return f"{sum(bedragen):.2f}" if bedragen else None


def kernvraag_vloer(connection, gemeente_id: int, peildatum: datetime.date) -> str:
    jaar = peildatum.year
    with connection.cursor() as cursor:
        cursor.execute(
            SQL,
            {
                "gemeente": gemeente_id,
                "peildatum": peildatum,
                "jaar": jaar,
                "begin": datetime.date(jaar, 1, 1),
                "eind": datetime.date(jaar + 1, 1, 1),
            },
        )
        rijen = cursor.fetchall()
    verbanden = []
    for (
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
        domeinen,
        vertegenwoordigers,
        bijdragen,
        bestuurlijk,
        financieel,
    ) in rijen:
        verbanden.append(
            {
                "samenwerkingsverband": {
                    "uuid": str(v_uuid),
                    "naam": naam,
                    "afkorting": afkorting,
                    "vorm": vorm,
                    "domeinen": domeinen,
                    "vestigingsplaats": plaats,
                    "verplicht": verplicht,
                },
                "deelname": {
                    "uuid": str(d_uuid),
                    "toetredingsdatum": toe and toe.isoformat(),
                    "uittredingsdatum": uit and uit.isoformat(),
                    "rol": rol,
                    "verdeelsleutel": None if sleutel is None else str(sleutel),
                    "stemmen": stemmen,
                },
                "verbondenPartij": bestuurlijk and financieel,
                "bestuurlijkBelang": bestuurlijk,
                "financieelBelang": financieel,
                "vertegenwoordigers": vertegenwoordigers,
                "bijdrage": {
                    "begroot": _som(bijdragen, "begroot"),
                    "gerealiseerd": _som(bijdragen, "gerealiseerd"),
                    "perOnderdeel": bijdragen,
                },
            }
        )
    return json.dumps(
        {"peildatum": peildatum.isoformat(), "jaar": jaar, "samenwerkingsverbanden": verbanden}
    )
