"""The regelingen of the national register brought in and kept in step: one
Samenwerkingsverband per chain of versions, its fields, versions, lists (domeinen, wettelijke
grondslagen, bevoegdheden, instellingsbesluiten) and deelnames. Per regeling a plan of writes
is worked out first and applied in one savepoint, so that a regeling that cannot land is
reported with its line and reason while the rest lands."""

import datetime
import re
from operator import attrgetter
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from .. import services
from ..constants import BRON_ROO, DocumentSoort, Vorm
from ..models import (
    Bevoegdheid,
    Deelname,
    Document,
    Domein,
    Organisatie,
    Regelingversie,
    Samenwerkingsverband,
    WettelijkeGrondslag,
)
from ..normalisatie import wettelijke_grondslag
from ..periode import geeindigd
from ..registerstand import lijst_bijwerken, waarden_toepassen
from ..roo import Adres, Deelnemer, Regeling, Verwijzing
from ..roo import Organisatie as RooOrganisatie
from ..tekst import datum_tekst
from .context import Importcontext, geldige_url
from .deelnames import deelnames_plannen, deelnames_schrijven
from .organisaties import RooOrganisaties
from .perioden import GewensteDeelname, gewenste_deelnames
from .plan import Plan
from .verslag import Wijzigingssoort, conflict_tekst, verschil_tekst


def _ketens(regelingen: list[Regeling]) -> list[list[Regeling]]:
    """Versions grouped into regelingen through previousVersion/nextVersion, oldest first."""
    ouder: dict[int, int] = {}

    def wortel(x: int) -> int:
        while ouder.get(x, x) != x:
            ouder[x] = ouder.get(ouder[x], ouder[x])
            x = ouder[x]
        return x

    def verbind(a: int, b: int) -> None:
        ra, rb = wortel(a), wortel(b)
        if ra != rb:
            ouder[rb] = ra

    for r in regelingen:
        ouder.setdefault(r.systeem_id, r.systeem_id)
        for ander in (r.vorige, r.volgende):
            if ander:
                ouder.setdefault(ander, ander)
                verbind(r.systeem_id, ander)
    groepen: dict[int, list[Regeling]] = {}
    for r in regelingen:
        groepen.setdefault(wortel(r.systeem_id), []).append(r)
    return [
        sorted(
            groep,
            key=lambda r: (
                r.ingangsdatum or datetime.date.min,
                r.einddatum or datetime.date.max,
                r.systeem_id,
            ),
        )
        for groep in groepen.values()
    ]


def _besluittitel(url: str) -> str:
    delen = urlsplit(url)
    stukken = [p for p in delen.path.split("/") if p]
    naam = stukken[-1] if stukken else delen.netloc
    naam = re.sub(r"\.(html?|pdf|xml)$", "", naam, flags=re.IGNORECASE)
    return f"Instellingsbesluit {naam}"[:300]


class Regelingen:
    """The import of the regelingen of one export."""

    def __init__(self, ctx: Importcontext):
        self.ctx = ctx

    def bijwerken(self) -> None:
        """Every regeling of the export: versions that cannot land are reported, the rest
        grouped into chains, their organisaties made, then each chain planned and written."""
        gezien: set[int] = set()
        geldig = []
        for regeling in self.ctx.export.regelingen:
            self.ctx.verslag.versies_gelezen += 1
            if regeling.systeem_id in gezien:
                regeling.fouten.append(
                    f"systeemId {regeling.systeem_id} staat al eerder in het bestand"
                )
            if regeling.fouten:
                self.ctx.niet_ingelezen(regeling, regeling.fouten)
                continue
            gezien.add(regeling.systeem_id)
            geldig.append(regeling)
        ketens = _ketens(geldig)
        self.organisaties = RooOrganisaties(self.ctx.verslag)
        lichamen = {}
        for keten in ketens:
            lichamen[id(keten)] = self._lichaam(keten)
            for versie in keten:
                for deelnemer in versie.deelnemers:
                    self._deelnemer_voorbereiden(deelnemer)
        self.organisaties.opslaan()
        self._bestaande_lezen(ketens)
        in_export = set()
        for keten in ketens:
            verband = self._verband_voor(keten)
            if verband is not None:
                in_export.add(verband.pk)
            self._keten(keten, verband, lichamen[id(keten)])
        self.organisaties.opslaan()  # bodies whose details changed
        weg = [
            v
            for v in self.verbanden_met_versies
            if v.pk not in in_export and not geeindigd(self.ctx.stand, v.einddatum)
        ]
        if weg:
            self.ctx.verslag.aandachtspunten.append(
                f"{len(weg)} lopende regeling(en) uit een eerdere import staan niet in deze "
                f"export (bijvoorbeeld {', '.join(str(v) for v in weg[:3])}); ongewijzigd "
                "gelaten. Lees de hele export in om ze bij te werken."
            )
        for code, namen in sorted(self.ctx.onbekende_gemeenten.items()):
            self.ctx.verslag.meldingen.append(
                f"Deelnemer {code} ({', '.join(sorted(namen))}) is een gemeente die niet in de "
                "referentiegegevens staat (opgeheven vóór 2016); in de versies waarin zij "
                "voorkomt is haar deelname niet opgenomen."
            )

    def _lichaam(self, keten: list[Regeling]) -> tuple[Organisatie | None, RooOrganisatie | None]:
        """The executing body of the regeling: its regionaal samenwerkingsorgaan, else the
        organisation that says it belongs to one of the versions."""
        huidig = keten[-1]
        verwijzing: Verwijzing | None = huidig.uitvoerder
        roo = None
        if verwijzing is not None and verwijzing.systeem_id:
            roo = self.ctx.roo_organisaties.get(verwijzing.systeem_id)
        if verwijzing is None:
            roo = next(
                (
                    self.ctx.lichaam_van[v.systeem_id]
                    for v in reversed(keten)
                    if v.systeem_id in self.ctx.lichaam_van
                ),
                None,
            )
            if roo is not None:
                verwijzing = Verwijzing(roo.naam, roo.systeem_id, roo.tooi)
        if verwijzing is None or (verwijzing.tooi and verwijzing.tooi.soort == "gemeente"):
            return None, None
        naam = (roo.naam if roo else "") or verwijzing.naam
        if not naam:
            return None, None
        organisatie = self.organisaties.zoek_of_maak(
            naam, verwijzing.systeem_id, verwijzing.tooi, lichaam=True
        )
        self.organisaties.gegevens_bijwerken(organisatie, roo, naam)
        return organisatie, roo

    def _deelnemer_voorbereiden(self, d: Deelnemer) -> None:
        """Makes the Organisatie of a participant that is not a Dutch gemeente."""
        if self.ctx.gemeente_van(d, melden=False) is not None or self.ctx.is_gemeente(d):
            return
        self.organisaties.zoek_of_maak(d.naam, d.systeem_id, d.tooi)

    def _deelnemer_van(self, d: Deelnemer):
        gemeente = self.ctx.gemeente_van(d)
        if gemeente is not None:
            return gemeente
        if self.ctx.is_gemeente(d):
            if d.tooi is None:
                self.ctx.onbekende_gemeenten.setdefault(f"systeemId {d.systeem_id}", set()).add(
                    d.naam
                )
            return None
        return self.organisaties.zoek_of_maak(d.naam, d.systeem_id, d.tooi)

    def _bestaande_lezen(self, ketens: list[list[Regeling]]) -> None:
        """What the register already holds of these regelingen, in a few queries."""
        ids = {r.systeem_id for keten in ketens for r in keten}
        self.versie_naar_verband = dict(
            Regelingversie.objects.values_list("roo_systeem_id", "samenwerkingsverband_id")
        )
        verband_ids = set(self.versie_naar_verband.values()) | set(
            Samenwerkingsverband.objects.filter(roo_systeem_id__in=ids).values_list("pk", flat=True)
        )
        self.verbanden = {v.pk: v for v in Samenwerkingsverband.objects.filter(pk__in=verband_ids)}
        self.verbanden_met_versies = [
            self.verbanden[pk]
            for pk in set(self.versie_naar_verband.values())
            if pk in self.verbanden
        ]
        self.per_roo_id = {v.roo_systeem_id: v for v in self.verbanden.values() if v.roo_systeem_id}
        self.versies: dict[int, Regelingversie] = {
            v.roo_systeem_id: v
            for v in Regelingversie.objects.filter(samenwerkingsverband__in=verband_ids)
        }

        def per_verband(qs):
            groepen: dict[int, list] = {}
            for rij in qs:
                groepen.setdefault(rij.samenwerkingsverband_id, []).append(rij)
            return groepen

        self.deelnames = per_verband(
            Deelname.objects.filter(samenwerkingsverband__in=verband_ids).order_by("pk")
        )
        self.grondslagen = per_verband(
            WettelijkeGrondslag.objects.filter(samenwerkingsverband__in=verband_ids).order_by("pk")
        )
        self.bevoegdheden = per_verband(
            Bevoegdheid.objects.filter(samenwerkingsverband__in=verband_ids).order_by("pk")
        )
        self.documenten = per_verband(
            Document.objects.filter(samenwerkingsverband__in=verband_ids).order_by("pk")
        )
        self.domeinen = {d.pk: d for d in Domein.objects.all()}
        self.domein_per_naam = {d.naam: d for d in self.domeinen.values()}
        self.domein_per_begrip = {d.tooi_begrip: d for d in self.domeinen.values() if d.tooi_begrip}
        self.domeinen_van: dict[int, list[Domein]] = {}
        koppeling = Samenwerkingsverband.domeinen.through
        for verband_id, domein_id in koppeling.objects.filter(
            samenwerkingsverband__in=verband_ids
        ).values_list("samenwerkingsverband_id", "domein_id"):
            self.domeinen_van.setdefault(verband_id, []).append(self.domeinen[domein_id])

    def _verband_voor(self, keten: list[Regeling]) -> Samenwerkingsverband | None:
        kandidaten = []
        for r in reversed(keten):
            pk = self.versie_naar_verband.get(r.systeem_id)
            verband = self.verbanden.get(pk) if pk else self.per_roo_id.get(r.systeem_id)
            if verband is not None and verband not in kandidaten:
                kandidaten.append(verband)
        if len(kandidaten) > 1:
            self.ctx.verslag.aandachtspunten.append(
                f"{keten[-1].titel}: de versies staan in regioreg bij {len(kandidaten)} "
                f"samenwerkingsverbanden ({', '.join(str(v) for v in kandidaten)}); de versies "
                f"gaan naar {kandidaten[0]}. Voeg de andere in het beheer samen."
            )
        return kandidaten[0] if kandidaten else None

    def _verbandwaarden(self, keten, organisatie, roo, deelnames) -> dict:
        huidig = keten[-1]
        adres = huidig.adres
        if not (adres.adres or adres.plaats) and roo is not None:
            adres = roo.adres
        adres = adres or Adres()
        waarden = {
            "naam": huidig.titel[:250],
            "citeertitel": huidig.citeertitel[:500],
            "afkorting": (roo.afkorting if roo else "")[:50],
            "vorm": huidig.vorm,
            "bevoegdheidsverkrijgingen": huidig.verkrijgingen,
            "doel": huidig.doel,
            "adres": adres.adres,
            "postcode": adres.postcode,
            "vestigingsplaats": adres.plaats,
            "website": geldige_url(huidig.website or (roo.website if roo else "")),
            "ingangsdatum": min((v.ingangsdatum for v in keten if v.ingangsdatum), default=None),
            "einddatum": huidig.einddatum,
            "bronhouder": (huidig.bronhouder.naam if huidig.bronhouder else "")[:250],
            "archiefzorgdrager": (
                huidig.archiefzorgdrager.naam if huidig.archiefzorgdrager else ""
            )[:250],
            "uitvoerende_organisatie_id": organisatie.pk if organisatie else None,
            "centrumgemeente_id": None,
        }
        if huidig.vorm == Vorm.CENTRUMGEMEENTE:
            waarden["centrumgemeente_id"] = self._centrumgemeente(huidig, deelnames)
        # The register has no field for it either: a kind the law requires (veiligheidsregio,
        # omgevingsdienst, GGD: normalisatie.SOORTEN). Only said when so; another row keeps
        # what the beheer set.
        if grondslag := wettelijke_grondslag(waarden["naam"], waarden["afkorting"]):
            waarden |= {"verplicht": True, "verplicht_grondslag": grondslag}
        return waarden

    def _centrumgemeente(self, regeling: Regeling, deelnames: list[GewensteDeelname]) -> int:
        """The register has no field for it: the bronhouder when it is a participating
        gemeente (by its TOOI code)."""
        deelnemers = {d.gemeente.pk for d in deelnames if d.gemeente}
        tooi = regeling.bronhouder.tooi if regeling.bronhouder else None
        if tooi is not None and tooi.soort == "gemeente":
            gemeente = self.ctx.per_code.get(tooi.code)
            if gemeente is not None and gemeente.pk in deelnemers:
                return gemeente.pk
        raise ValidationError(
            "centrumconstructie zonder herkenbare centrumgemeente: het register noemt geen "
            "deelnemende gemeente als bronhouder."
        )

    def _keten(self, keten: list[Regeling], verband, lichaam) -> None:
        huidig = keten[-1]
        opmerkingen: list[str] = [o for v in keten for o in v.opmerkingen]
        deelnames = gewenste_deelnames(keten, self._deelnemer_van, self.ctx.opvolgers, opmerkingen)
        nieuw = verband is None
        naam = huidig.titel[:250]
        try:
            plan = Plan(nieuw=nieuw)
            if nieuw:
                verband = Samenwerkingsverband(bron=self.ctx.bron)
            waarden = self._verbandwaarden(keten, lichaam[0], lichaam[1], deelnames)
            self._plan_verband(plan, verband, waarden, huidig)
            self._plan_versies(plan, verband, keten)
            self._plan_lijsten(plan, verband, huidig)
            deelnames_plannen(
                plan,
                verband,
                deelnames,
                self.deelnames.get(verband.pk, []) if verband.pk else [],
                stand=self.ctx.stand,
                bron=self.ctx.bron,
                naam=naam,
                sid=huidig.systeem_id,
            )
            if plan.schrijven:
                with transaction.atomic():
                    self._schrijven(plan, verband)
        except ValidationError as fout:
            self.ctx.niet_ingelezen(huidig, [f"regel {huidig.regel}: {m}" for m in fout.messages])
            return
        self.ctx.verslag.meldingen += opmerkingen
        self._tellen(plan, keten, verband, deelnames, naam)

    def _tellen(self, plan: Plan, keten, verband, deelnames, naam) -> None:
        huidig = keten[-1]
        if huidig.loopt_op(self.ctx.stand):
            self.ctx.verslag.regelingen_lopend += 1
        wezenlijk = [w for w in plan.wijzigingen if w.soort != Wijzigingssoort.CONFLICT]
        if plan.nieuw:
            self.ctx.verslag.regelingen_nieuw += 1
            self.ctx.verslag.wijzig(
                Wijzigingssoort.NIEUW,
                naam,
                huidig.systeem_id,
                f"nieuwe regeling ({verband.get_vorm_display().lower()}) met "
                f"{len(plan.deelnames_nieuw)} deelname(s) en {len(keten)} versie(s)",
            )
            self.ctx.verslag.wijzigingen += [
                w for w in plan.wijzigingen if w.soort == Wijzigingssoort.CONFLICT
            ]
        else:
            if wezenlijk:
                self.ctx.verslag.regelingen_gewijzigd += 1
            else:
                self.ctx.verslag.regelingen_ongewijzigd += 1
                if plan.schrijven:
                    self.ctx.verslag.overige_wijzigingen += 1
            self.ctx.verslag.wijzigingen += plan.wijzigingen
        self.ctx.verslag.versies_nieuw += len(plan.versies_nieuw)
        self.ctx.verslag.deelnames_nieuw += len(plan.deelnames_nieuw)
        self.ctx.verslag.deelnames_gewijzigd += len(plan.deelnames_gewijzigd)
        self.ctx.verslag.deelnames_beeindigd += len(plan.deelnames_einde)
        # The participation figure: gemeente rows of the versions running on the export's
        # date that land as a running (or future) deelname of a current gemeente.
        for versie in keten:
            if not versie.loopt_op(self.ctx.stand):
                continue
            for d in versie.deelnemers:
                if d.tooi is None or d.tooi.soort != "gemeente":
                    continue
                self.ctx.verslag.gemeenterijen_lopend += 1
                gemeente = self.ctx.gemeente_van(d, melden=False)
                if gemeente is None:
                    continue
                huidige = {g.pk for g in self.ctx.huidige(gemeente)}
                if any(
                    g.gemeente
                    and g.gemeente.pk in huidige
                    and not geeindigd(self.ctx.stand, g.uittredingsdatum)
                    for g in deelnames
                ):
                    self.ctx.verslag.gemeenterijen_geland += 1

    def _plan_verband(self, plan: Plan, verband, waarden: dict, huidig: Regeling) -> None:
        uitkomst = waarden_toepassen(verband, waarden, nieuw=plan.nieuw)
        if verband.roo_systeem_id != huidig.systeem_id and (
            self.per_roo_id.get(huidig.systeem_id) in (None, verband)
        ):
            verband.roo_systeem_id = huidig.systeem_id
            plan.verband_opslaan = True
        if uitkomst.gewijzigd:
            verband.bron = self.ctx.bron
        plan.verband_opslaan |= uitkomst.opslaan or plan.nieuw
        naam, sid = verband.naam, huidig.systeem_id
        for verschil in uitkomst.gewijzigd:
            if verschil.veld == "einddatum" and verschil.oud is None:
                plan.wijzig(
                    Wijzigingssoort.BEEINDIGD,
                    naam,
                    sid,
                    f"regeling beëindigd per {datum_tekst(verband.einddatum)}",
                )
            else:
                plan.wijzig(Wijzigingssoort.GEWIJZIGD, naam, sid, verschil_tekst(verschil))
        for conflict in uitkomst.conflicten:
            plan.wijzig(Wijzigingssoort.CONFLICT, naam, sid, conflict_tekst(conflict))

    def _plan_versies(self, plan: Plan, verband, keten: list[Regeling]) -> None:
        for r in keten:
            waarden = {
                "titel": r.titel[:500],
                "citeertitel": r.citeertitel[:500],
                "ingangsdatum": r.ingangsdatum,
                "einddatum": r.einddatum,
                "datum_mutatie": r.datum_mutatie,
                "datum_ter_verificatie": r.datum_ter_verificatie,
            }
            versie = self.versies.get(r.systeem_id)
            if versie is None:
                versie = Regelingversie(roo_systeem_id=r.systeem_id, **waarden)
                self.versies[r.systeem_id] = versie
                plan.versies_nieuw.append(versie)
                if not plan.nieuw:
                    plan.wijzig(
                        Wijzigingssoort.GEWIJZIGD,
                        verband.naam,
                        keten[-1].systeem_id,
                        f"versie {r.systeem_id} erbij (in werking {datum_tekst(r.ingangsdatum)}"
                        + (f" tot {datum_tekst(r.einddatum)})" if r.einddatum else ")"),
                    )
                continue
            gewijzigd = [k for k, w in waarden.items() if getattr(versie, k) != w]
            if gewijzigd or versie.samenwerkingsverband_id != verband.pk:
                for k in gewijzigd:
                    setattr(versie, k, waarden[k])
                plan.versies_gewijzigd.append(versie)

    def _plan_lijsten(self, plan: Plan, verband, huidig: Regeling) -> None:
        pk = verband.pk
        stand = dict(verband.roo_stand or {})
        naam, sid = verband.naam, huidig.systeem_id

        # Beleidsterreinen as domeinen; each found first (renamed if the thesaurus renamed
        # it), so that the lists below compare the names they have now.
        gewenst = {
            n[:100]: self._domein(n[:100], geldige_url(b)) for n, b in huidig.beleidsterreinen
        }
        namen = list(gewenst)
        huidige = self.domeinen_van.get(pk, []) if pk else []
        lijst = lijst_bijwerken(huidige, lambda d: d.naam, namen, stand.get("domeinen"))
        if lijst:
            plan.domeinen = [d for d in huidige if d not in lijst.eraf]
            plan.domeinen += [gewenst[n] for n in lijst.erbij]
        self._lijstwijziging(plan, naam, sid, "beleidsterreinen", lijst)
        stand["domeinen"] = namen

        for model, velden, huidige, gewenst, sleutel in (
            (
                WettelijkeGrondslag,
                ("opschrift", "url"),
                self.grondslagen.get(pk, []) if pk else [],
                [[o[:250], geldige_url(u)] for o, u in huidig.grondslagen],
                "wettelijke_grondslagen",
            ),
            (
                Bevoegdheid,
                ("artikel", "omschrijving"),
                self.bevoegdheden.get(pk, []) if pk else [],
                [[k[:250], i or k] for k, i in huidig.bevoegdheden],
                "bevoegdheden",
            ),
        ):
            # The arrangement's rows (grondslagen, bevoegdheden) as the register lists them.
            lijst = lijst_bijwerken(huidige, attrgetter(*velden), gewenst, stand.get(sleutel))
            plan.rijen_nieuw += [model(**dict(zip(velden, w, strict=True))) for w in lijst.erbij]
            plan.rijen_weg += lijst.eraf
            self._lijstwijziging(plan, naam, sid, sleutel.replace("_", " "), lijst)
            stand[sleutel] = gewenst

        besluiten = []
        for url in huidig.instellingsbesluiten:
            geldig = geldige_url(url)
            if geldig and geldig not in besluiten:
                besluiten.append(geldig)
            elif not geldig:
                self.ctx.verslag.meldingen.append(
                    f"regel {huidig.regel}: instellingsbesluit {url[:80]!r} is geen bruikbare "
                    "URL (of langer dan 500 tekens); niet overgenomen."
                )
        documenten = [d for d in (self.documenten.get(pk, []) if pk else []) if d.url]
        lijst = lijst_bijwerken(
            documenten, lambda d: d.url, besluiten, stand.get("instellingsbesluiten")
        )
        lijst.eraf = [d for d in lijst.eraf if d.bron.startswith(BRON_ROO)]
        plan.rijen_nieuw += [
            Document(titel=_besluittitel(u), soort=DocumentSoort.BESLUIT, url=u, bron=self.ctx.bron)
            for u in lijst.erbij
        ]
        plan.rijen_weg += lijst.eraf
        self._lijstwijziging(plan, naam, sid, "instellingsbesluiten", lijst)
        stand["instellingsbesluiten"] = besluiten

        if stand != (verband.roo_stand or {}):
            verband.roo_stand = stand
            plan.verband_opslaan = True

    def _lijstwijziging(self, plan: Plan, naam, sid, wat: str, lijst) -> None:
        if plan.nieuw or not lijst:
            return
        delen = []
        if lijst.erbij:
            delen.append(f"{len(lijst.erbij)} erbij")
        if lijst.eraf:
            delen.append(f"{len(lijst.eraf)} vervallen")
        plan.wijzig(Wijzigingssoort.GEWIJZIGD, naam, sid, f"{wat}: {', '.join(delen)}")

    def _domein(self, naam: str, begrip: str) -> Domein:
        """The domein of a beleidsterrein: by its name (taking the TOOI-begrip if it has none
        and no other domein has it), else by its begrip (the thesaurus renamed it: the domein
        takes the new name), else a new one."""
        domein = self.domein_per_naam.get(naam)
        if domein is None and begrip in self.domein_per_begrip:
            domein = self.domein_per_begrip[begrip]
            del self.domein_per_naam[domein.naam]
            domein.naam = naam
        elif domein is None:
            code = slugify(naam)[:50] or "domein"
            codes = {d.code for d in self.domeinen.values()}
            teller = 2
            while code in codes:
                code = f"{slugify(naam)[:45]}-{teller}"
                teller += 1
            domein = Domein(code=code, naam=naam)
            self.ctx.verslag.domeinen_nieuw += 1
        elif domein.tooi_begrip or not begrip or begrip in self.domein_per_begrip:
            return domein
        if domein.pk:
            self.ctx.verslag.domeinen_gewijzigd += 1
        domein.tooi_begrip = domein.tooi_begrip or begrip
        services.rij_opslaan(rij=domein)
        self.domeinen[domein.pk] = self.domein_per_naam[naam] = domein
        if begrip:
            self.domein_per_begrip[begrip] = domein
        return domein

    def _schrijven(self, plan: Plan, verband) -> None:
        if plan.verband_opslaan or plan.domeinen is not None:
            domeinen = {"domeinen": plan.domeinen} if plan.domeinen is not None else None
            services.rij_opslaan(rij=verband, veel_op_veel=domeinen)
            self.verbanden[verband.pk] = verband
        for versie in plan.versies_nieuw + plan.versies_gewijzigd:
            versie.samenwerkingsverband = verband
        services.rijen_opslaan(
            model=Regelingversie,
            rijen=[*plan.versies_gewijzigd, *plan.versies_nieuw],
            velden=[
                "samenwerkingsverband",
                *Regelingversie.ROO_VELDEN,
            ],
        )
        services.rijen_verwijderen(rijen=plan.rijen_weg)
        per_model: dict[type, list] = {}
        for rij in plan.rijen_nieuw:
            rij.samenwerkingsverband = verband
            per_model.setdefault(type(rij), []).append(rij)
        for model, rijen in per_model.items():
            services.rijen_opslaan(model=model, rijen=rijen)
        deelnames_schrijven(plan, verband)
