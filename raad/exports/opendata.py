"""The two JSON documents, as open data: the verbonden-partijen list
(docs/verbonden-partijen.schema.json) and the art. 27 register
(docs/register-art27.schema.json). Keys are camelCase and fixed: they never depend on the
language of the labels. Amounts are decimal strings ("1234.56"); unknown is null, never 0."""

import datetime
import json
from decimal import Decimal

from django.utils import timezone

from samenwerking.financien import bedrag_json, verdeelsleutel_json
from samenwerking.models import Gemeente, Samenwerkingsverband

from ..selectors import VerbondenPartijenLijst


def als_json(document: dict) -> bytes:
    return json.dumps(document, ensure_ascii=False, indent=2).encode()


def _procent(waarde: Decimal | None) -> str | None:
    """A percentage as a decimal string with only the decimals it has ("12.5", "100")."""
    return None if waarde is None else f"{waarde.normalize():f}"


def _uitgebreid(p) -> dict:
    """What the extended column set adds per partij (schema: $defs/uitgebreid)."""
    d = p.deelname
    return {
        "programma": d.programma or None,
        "eigenaarsrol": d.eigenaarsrol or None,
        "opdrachtgeversrol": d.opdrachtgeversrol or None,
        "financieelBelang": p.financieel_belang,
        "aandeelTekort": _procent(d.aandeel_tekort),
        "aandeelEigenVermogen": _procent(d.aandeel_eigen_vermogen),
        "aandeelEigenVermogenBedrag": bedrag_json(p.aandeel_eigen_vermogen_bedrag),
        "aandelen": {"aantal": d.aandelen_aantal, "percentage": _procent(d.aandelen_percentage)},
        "meerjarenraming": [
            {"jaar": jaar, "geraamdeBijdrage": bedrag_json(bedrag)}
            for jaar, bedrag in p.meerjarenraming
        ],
        "solvabiliteitBegin": _procent(p.solvabiliteit_begin),
        "solvabiliteitEind": _procent(p.solvabiliteit_eind),
    }


def _gemeente(gemeente: Gemeente) -> dict:
    return {"cbsCode": gemeente.cbs_code, "naam": gemeente.naam}


def verbonden_partijen_json(lijst: VerbondenPartijenLijst) -> dict:
    """The list as open data; the shape is docs/verbonden-partijen.schema.json."""

    def partij(p) -> dict:
        cijfers = p.cijfers
        uit = {
            "samenwerkingsverband": str(p.verband.uuid),
            "naam": p.verband.naam,
            "rechtsvorm": p.verband.get_vorm_display(),
            "vormCode": p.verband.vorm,
            "vestigingsplaats": p.verband.vestigingsplaats or None,
            "openbaarBelang": p.verband.doel or None,
            "deelnemendePartijen": p.deelnemers,
            "deelnameVia": p.deelname.deelnemende_bestuursorganen_labels,
            "bestuurlijkBelang": [
                {
                    "persoon": z.persoon.naam,
                    "functie": z.get_functie_display(),
                    "rol": z.get_rol_display(),
                    "orgaan": str(z.bestuursorgaan),
                }
                for z in p.zetels
            ],
            "stemmen": p.deelname.stemmen,
            "financieelBelang": {
                "bijdrageBegroot": bedrag_json(p.deelname.bijdrage_begroot),
                "bijdrageGerealiseerd": bedrag_json(p.deelname.bijdrage_gerealiseerd),
                "verdeelsleutel": verdeelsleutel_json(p.deelname.verdeelsleutel),
                "aansprakelijk": p.deelname.aansprakelijk,
            },
            "eigenVermogenBegin": bedrag_json(cijfers and cijfers.eigen_vermogen_begin),
            "eigenVermogenEind": bedrag_json(cijfers and cijfers.eigen_vermogen_eind),
            "vreemdVermogenBegin": bedrag_json(cijfers and cijfers.vreemd_vermogen_begin),
            "vreemdVermogenEind": bedrag_json(cijfers and cijfers.vreemd_vermogen_eind),
            "resultaat": bedrag_json(cijfers and cijfers.resultaat),
            "risicos": (cijfers and cijfers.risicos) or None,
            "ontwikkelingen": (cijfers and cijfers.ontwikkelingen) or None,
            "bron": p.bron or None,
            "reden": p.deelname.bbv_redenen,
        }
        if lijst.uitgebreid:
            uit["uitgebreid"] = _uitgebreid(p)
        return uit

    def sommen(c) -> dict:
        """The sums of the known bijdragen and how many are unknown (not in the sums), as the
        page and the XLSX overview say them."""
        return {
            "bijdrageBegroot": bedrag_json(c.bijdrage_begroot),
            "bijdrageGerealiseerd": bedrag_json(c.bijdrage_gerealiseerd),
            "aantalBegrootOnbekend": c.zonder_begroot,
            "aantalGerealiseerdOnbekend": c.zonder_gerealiseerd,
        }

    def categorie(c) -> dict:
        return {
            "code": c.code,
            "naam": str(c.label),
            **sommen(c),
            "partijen": [partij(p) for p in c.partijen],
        }

    return {
        "gemeente": _gemeente(lijst.gemeente),
        "jaar": lijst.jaar,
        "modus": lijst.modus,
        "kolommen": lijst.kolommen,
        "gemaaktOp": timezone.localdate().isoformat(),
        "categorieen": [categorie(c) for c in lijst.categorieen],
        "totaal": {"aantal": len(lijst.partijen), **sommen(lijst.totaal)},
        "overigeSamenwerkingsverbanden": categorie(lijst.overige),
    }


def register_json(
    gemeente: Gemeente, regelingen: list[Samenwerkingsverband], *, peildatum: datetime.date
) -> dict:
    """The art. 27 register (rows from `samenwerking.selectors.art27_register`) as open data;
    the shape is docs/register-art27.schema.json. Per regeling the items of Wgr art. 27 lid 1:
    deelnemers, the statutory provisions governing the powers, the powers transferred, address
    and seat, and the body set up (openbaar lichaam, bedrijfsvoeringsorganisatie or
    gemeenschappelijk orgaan; null when none)."""

    def regeling(r: Samenwerkingsverband) -> dict:
        return {
            "samenwerkingsverband": str(r.uuid),
            "naam": r.naam,
            "rechtsvorm": r.get_vorm_display(),
            "vormCode": r.vorm,
            "deelnemers": [
                {
                    "naam": str(d.deelnemer),
                    "cbsCode": d.gemeente.cbs_code if d.gemeente else None,
                }
                for d in r.deelnemers_op_peildatum
            ],
            "wettelijkeVoorschriften": [
                {"opschrift": w.opschrift, "url": w.url or None}
                for w in r.wettelijke_grondslagen.all()
            ],
            "overgedragenBevoegdheden": [
                {
                    "artikel": b.artikel or None,
                    "omschrijving": b.omschrijving,
                    "verkrijging": b.verkrijging or None,
                }
                for b in r.bevoegdheden.all()
            ],
            "adres": r.adres or None,
            "postcode": r.postcode or None,
            "vestigingsplaats": r.vestigingsplaats or None,
            "ingesteldeRechtsvorm": r.ingestelde_rechtsvorm,
        }

    return {
        "gemeente": _gemeente(gemeente),
        "peildatum": peildatum.isoformat(),
        "gemaaktOp": timezone.localdate().isoformat(),
        "regelingen": [regeling(r) for r in regelingen],
    }
