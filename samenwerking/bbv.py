"""The verbonden-partij test of the BBV (Besluit begroting en verantwoording provincies en
gemeenten, art. 1): the one place where the rule and its reasons live.

A participation is a verbonden partij when the gemeente has both a bestuurlijk belang (a seat
or a vote) and a financieel belang (money at risk or liability) in a year. Pages, API, exports
and the bench's floor all take the answer and its reason from `bbv_toets`.
"""

from django.utils.translation import gettext as _

from .constants import Vorm, label

# By default (Wgr): in an openbaar lichaam or a bedrijfsvoeringsorganisatie the deelnemers
# appoint the bestuur and carry the costs, so a deelname has both belangen unless a
# secretariaat records otherwise, with a reason. A gemeenschappelijk orgaan, a
# centrumgemeenteconstructie and a regeling zonder meer have no legal personality of their
# own: by default no verbonden partij.
VERBONDEN_PARTIJ_VOLGENS_VORM = frozenset({Vorm.OPENBAAR_LICHAAM, Vorm.BEDRIJFSVOERINGSORGANISATIE})
GEEN_VERBONDEN_PARTIJ_VOLGENS_VORM = frozenset(
    {Vorm.GEMEENSCHAPPELIJK_ORGAAN, Vorm.CENTRUMGEMEENTE, Vorm.REGELING_ZONDER_MEER}
)


def bbv_toets(deelname, *, jaar: int, zetels_in_jaar: list) -> None:
    """The test for one deelname in `jaar`. The deelname must carry its arrangement and the
    year's bijdrage sums (`bijdrage_begroot`, `bijdrage_gerealiseerd`: see
    `selectors.bijdragen.bijdragesommen`); `zetels_in_jaar` are the seats held on its
    behalf on at least one day of the year. Sets on the deelname:

    - `bestuurlijk_belang`: what a secretariaat recorded (with a reason), else a seat in the
      year or a voting right through the deelname, else the form (see above);
    - `financieel_belang`: what was recorded, else a bijdrage above € 0 in the year or a
      recorded liability (aansprakelijk), else the form;
    - `verbonden_partij`: both; but never by default for the forms without legal personality;
    - `bbv_redenen`: why, in Dutch, as the list, the pages and the API show it.
    """
    verband = deelname.samenwerkingsverband
    # The form that gives both belangen by default, as the reasons name it.
    vorm = (
        label(Vorm, verband.vorm).lower() if verband.vorm in VERBONDEN_PARTIJ_VOLGENS_VORM else ""
    )
    bestuurlijk_vast = deelname.bestuurlijk_belang_vastgelegd
    financieel_vast = deelname.financieel_belang_vastgelegd
    vastgelegd = bestuurlijk_vast is not None or financieel_vast is not None
    reden = (
        _("vastgelegd: %(reden)s") % {"reden": deelname.belang_toelichting} if vastgelegd else ""
    )
    bestuurlijk, bestuurlijk_grond = (
        (bestuurlijk_vast, reden)
        if bestuurlijk_vast is not None
        else _bestuurlijk_belang(deelname, zetels_in_jaar, vorm)
    )
    financieel, financieel_grond = (
        (financieel_vast, reden)
        if financieel_vast is not None
        else _financieel_belang(deelname, jaar, vorm)
    )

    deelname.bestuurlijk_belang = bestuurlijk
    deelname.financieel_belang = financieel
    if verband.vorm in GEEN_VERBONDEN_PARTIJ_VOLGENS_VORM and not vastgelegd:
        deelname.verbonden_partij = False
        deelname.bbv_redenen = _(
            "%(vorm)s: geen eigen rechtspersoon, daarom standaard geen verbonden partij "
            "(een secretariaat kan de belangen met een reden vastleggen)"
        ) % {"vorm": label(Vorm, verband.vorm)}
    else:
        deelname.verbonden_partij = bestuurlijk and financieel
        deelname.bbv_redenen = _("bestuurlijk belang: %(b)s; financieel belang: %(f)s") % {
            "b": bestuurlijk_grond,
            "f": financieel_grond,
        }


def _bestuurlijk_belang(deelname, zetels_in_jaar: list, vorm: str) -> tuple[bool, str]:
    """A seat in the year, a voting right, or the form (`vorm`); with the ground."""
    if organen := sorted({str(z.bestuursorgaan).lower() for z in zetels_in_jaar}):
        return True, _("zetel in %(organen)s") % {"organen": ", ".join(organen)}
    if deelname.stemmen:
        return True, _("stemrecht")
    if vorm:
        return True, _("de deelnemers wijzen het bestuur aan (%(vorm)s)") % {"vorm": vorm}
    return False, _("onbekend: geen zetel of stemrecht vastgelegd")


def _financieel_belang(deelname, jaar: int, vorm: str) -> tuple[bool, str]:
    """A bijdrage above € 0 in the year, a recorded liability, or the form (`vorm`); with the
    ground. BBV art. 1 lid 1 sub d: an amount made available that is lost if the partij fails,
    or an amount the gemeente is liable for; a bijdrage of € 0 (or less) is no such amount."""
    bijdragen = [
        b for b in (deelname.bijdrage_begroot, deelname.bijdrage_gerealiseerd) if b is not None
    ]
    if any(b > 0 for b in bijdragen):
        return True, _("bijdrage %(jaar)s") % {"jaar": jaar}
    if deelname.aansprakelijk:
        return True, _("aansprakelijk")
    if vorm:
        return True, _("de deelnemers dragen de kosten en staan garant (%(vorm)s)") % {"vorm": vorm}
    if bijdragen:
        return False, _(
            "bijdrage %(jaar)s is € 0 of minder en er is geen aansprakelijkheid vastgelegd"
        ) % {"jaar": jaar}
    return False, _("geen bijdrage of aansprakelijkheid vastgelegd in %(jaar)s") % {"jaar": jaar}
