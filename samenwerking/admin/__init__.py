"""Admin for regio secretaries: every register model, saved through the services.

The base of every admin and inline (rights, history, writes through the services, forms
checked by the rules across rows of their model, concurrent edits) is `adminbasis`; spreadsheet
import and export is `adminimport`. Here: `filters`, `referentie` (gemeenten, organisaties,
personen, …), `verband` (the arrangement with its inlines) and `rijen` (the rows of an
arrangement on their own pages).
"""

from ..adminbasis import RegisterAdmin, RegisterInline, ServiceModelForm
from . import referentie, rijen, verband  # noqa: F401 (registers the admins)

__all__ = ["RegisterAdmin", "RegisterInline", "ServiceModelForm"]
