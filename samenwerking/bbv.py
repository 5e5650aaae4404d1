"""The verbonden-partij test of the BBV (Besluit begroting en verantwoording provincies en
gemeenten, art. 1): the one place where the rule and its reasons live.

A participation is a verbonden partij when the gemeente has both a bestuurlijk belang (a seat
or a vote) and a financieel belang (money at risk or liability) in a year. Pages, API, exports
and the bench's floor all take the answer and its reason from `bbv_toets`.
"""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from .constants import Vorm, label
from .models import Bestuursorgaan

# By default (Wgr): in an openbaar lichaam or a bedrijfsvoeringsorganisatie the deelnemers
# appoint the bestuur and carry the costs, so a deelname has both belangen unless a
# secretariaat records otherwise, with a reason. A gemeenschappelijk orgaan, a
# centrumgemeenteconstructie and a regeling zonder meer have no legal personality of their
# own: by default no verbonden partij.
VERBONDEN_PARTIJ_VOLGENS_VORM = frozenset({Vorm.OPENBAAR_LICHAAM, Vorm.BEDRIJFSVOERINGSORGANISATIE})
GEEN_VERBONDEN_PARTIJ_VOLGENS_VORM = frozenset(
    {Vorm.GEMEENSCHAPPELIJK_ORGAAN, Vorm.CENTRUMGEMEENTE, Vorm.REGELING_ZONDER_MEER}
)


def bbv_toets(deelnames: Iterable, *, jaar: int) -> None:
    """The test for each of `deelnames` in `jaar`, in one call: the fixed phrases and form
    names are translated once for all rows, not once per row. Each deelname must carry its
    arrangement, the year's bijdrage sums (`bijdrage_begroot`, `bijdrage_gerealiseerd`: see
    `selectors.bijdragen.bijdragesommen`) and `zetels_in_jaar`, the seats held on its behalf
    on at least one day of the year (each with its `bestuursorgaan`'s naam and soort). Sets
    on each deelname:

    - `bestuurlijk_belang`: what a secretariaat recorded (with a reason), else a seat in the
      year or a voting right through the deelname, else the form (see above);
    - `financieel_belang`: what was recorded, else a bijdrage above € 0 in the year or a
      recorded liability (aansprakelijk), else the form;
    - `verbonden_partij`: both; but never by default for the forms without legal personality;
    - `bbv_redenen`: why, in Dutch, as the list, the pages and the API show it.
    """
    zinnen = _Zinnen(jaar)
    for deelname in deelnames:
        _toets(deelname, zinnen)


class _Zinnen:
    """The reasons' phrases of one answer, translated once; those that name the year or a
    form already filled in."""

    def __init__(self, jaar: int):
        self.vastgelegd = _("vastgelegd: %(reden)s")
        self.zetel = _("zetel in %(organen)s")
        self.stemrecht = _("stemrecht")
        self.bestuurlijk_onbekend = _("onbekend: geen zetel of stemrecht vastgelegd")
        self.bijdrage = _("bijdrage %(jaar)s") % {"jaar": jaar}
        self.aansprakelijk = _("aansprakelijk")
        self.bijdrage_nul = _(
            "bijdrage %(jaar)s is € 0 of minder en er is geen aansprakelijkheid vastgelegd"
        ) % {"jaar": jaar}
        self.geen_bijdrage = _("geen bijdrage of aansprakelijkheid vastgelegd in %(jaar)s") % {
            "jaar": jaar
        }
        self.beide = _("bestuurlijk belang: %(b)s; financieel belang: %(f)s")
        # The grounds by form: the deelnemers appoint the bestuur and carry the costs (per form
        # that gives both belangen), or no legal personality (per form without).
        bestuur = _("de deelnemers wijzen het bestuur aan (%(vorm)s)")
        kosten = _("de deelnemers dragen de kosten en staan garant (%(vorm)s)")
        self.bestuur_volgens_vorm, self.kosten_volgens_vorm = {}, {}
        for vorm in VERBONDEN_PARTIJ_VOLGENS_VORM:
            naam = label(Vorm, vorm).lower()
            self.bestuur_volgens_vorm[vorm] = bestuur % {"vorm": naam}
            self.kosten_volgens_vorm[vorm] = kosten % {"vorm": naam}
        geen = _(
            "%(vorm)s: geen eigen rechtspersoon, daarom standaard geen verbonden partij "
            "(een secretariaat kan de belangen met een reden vastleggen)"
        )
        self.geen_rechtspersoon = {
            vorm: geen % {"vorm": label(Vorm, vorm)} for vorm in GEEN_VERBONDEN_PARTIJ_VOLGENS_VORM
        }
        self._organen: dict[tuple[str, str], str] = {}

    def orgaan(self, orgaan) -> str:
        """The organ of a seat as the reasons name it, in lower case: each (naam, soort) named
        once per answer."""
        sleutel = (orgaan.naam, orgaan.soort)
        if sleutel not in self._organen:
            self._organen[sleutel] = Bestuursorgaan.benaming(*sleutel).lower()
        return self._organen[sleutel]


def _toets(deelname, zinnen: _Zinnen) -> None:
    vorm = deelname.samenwerkingsverband.vorm
    bestuurlijk_vast = deelname.bestuurlijk_belang_vastgelegd
    financieel_vast = deelname.financieel_belang_vastgelegd
    vastgelegd = bestuurlijk_vast is not None or financieel_vast is not None
    reden = zinnen.vastgelegd % {"reden": deelname.belang_toelichting} if vastgelegd else ""
    bestuurlijk, bestuurlijk_grond = (
        (bestuurlijk_vast, reden)
        if bestuurlijk_vast is not None
        else _bestuurlijk_belang(deelname, vorm, zinnen)
    )
    financieel, financieel_grond = (
        (financieel_vast, reden)
        if financieel_vast is not None
        else _financieel_belang(deelname, vorm, zinnen)
    )

    deelname.bestuurlijk_belang = bestuurlijk
    deelname.financieel_belang = financieel
    if vorm in GEEN_VERBONDEN_PARTIJ_VOLGENS_VORM and not vastgelegd:
        deelname.verbonden_partij = False
        deelname.bbv_redenen = zinnen.geen_rechtspersoon[vorm]
    else:
        deelname.verbonden_partij = bestuurlijk and financieel
        deelname.bbv_redenen = zinnen.beide % {"b": bestuurlijk_grond, "f": financieel_grond}


def _bestuurlijk_belang(deelname, vorm: str, zinnen: _Zinnen) -> tuple[bool, str]:
    """A seat in the year, a voting right, or the form; with the ground."""
    if organen := sorted({zinnen.orgaan(z.bestuursorgaan) for z in deelname.zetels_in_jaar}):
        return True, zinnen.zetel % {"organen": ", ".join(organen)}
    if deelname.stemmen:
        return True, zinnen.stemrecht
    if vorm in zinnen.bestuur_volgens_vorm:
        return True, zinnen.bestuur_volgens_vorm[vorm]
    return False, zinnen.bestuurlijk_onbekend


def _financieel_belang(deelname, vorm: str, zinnen: _Zinnen) -> tuple[bool, str]:
    """A bijdrage above € 0 in the year, a recorded liability, or the form; with the ground.
    BBV art. 1 lid 1 sub d: an amount made available that is lost if the partij fails, or an
    amount the gemeente is liable for; a bijdrage of € 0 (or less) is no such amount."""
    bijdragen = [
        b for b in (deelname.bijdrage_begroot, deelname.bijdrage_gerealiseerd) if b is not None
    ]
    if any(b > 0 for b in bijdragen):
        return True, zinnen.bijdrage
    if deelname.aansprakelijk:
        return True, zinnen.aansprakelijk
    if vorm in zinnen.kosten_volgens_vorm:
        return True, zinnen.kosten_volgens_vorm[vorm]
    if bijdragen:
        return False, zinnen.bijdrage_nul
    return False, zinnen.geen_bijdrage
