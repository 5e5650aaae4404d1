"""The register's version: what the page cache (regioreg.paginacache) keys its answers on.

One row holds a token that every write through the services replaces (`register_gewijzigd`:
the services call it wherever they write, single rows, bulk writes and deletions alike). The
new token is written when the transaction commits, so a reader never sees a version whose
data is not there yet, a rolled-back write changes nothing, and concurrent writers do not wait
for each other on this row. Data changed outside the services (SQL by hand) is not noticed;
cached answers then expire after PAGINA_CACHE_SECONDEN.
"""

import uuid

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Registerversie(models.Model):
    """One row: the version of everything pages and the API show (see the module doc)."""

    versie = models.UUIDField(_("versie"), default=uuid.uuid4)
    gewijzigd_op = models.DateTimeField(_("gewijzigd op"), default=timezone.now)

    class Meta:
        verbose_name = _("versie van het register")
        verbose_name_plural = _("versie van het register")

    def __str__(self):
        return str(self.versie)


def register_versie() -> str:
    """The current version (one query by primary key); empty before the first write."""
    versie = Registerversie.objects.filter(pk=1).values_list("versie", flat=True).first()
    return str(versie or "")


def register_gewijzigd() -> None:
    """The register changes in this transaction: give it a new version when it commits.

    Once per transaction: a second call finds the first one waiting (Django keeps the pending
    callbacks of the transaction, and drops those of a savepoint that is rolled back, so a
    write after a refused one in a savepoint still gets its version)."""
    verbinding = transaction.get_connection()
    if verbinding.in_atomic_block and any(
        functie is _nieuwe_versie for _sids, functie, _robuust in verbinding.run_on_commit
    ):
        return
    transaction.on_commit(_nieuwe_versie, robust=True)


def _nieuwe_versie() -> None:
    """A new token for the version row (made when missing: a fresh or restored database)."""
    waarden = {"versie": uuid.uuid4(), "gewijzigd_op": timezone.now()}
    if not Registerversie.objects.filter(pk=1).update(**waarden):
        Registerversie.objects.update_or_create(pk=1, defaults=waarden)
