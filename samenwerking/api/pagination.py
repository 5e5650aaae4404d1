"""Page-number pagination with a Dutch description and strict page parameters."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination

from samenwerking.peilmoment import alleen_cijfers


class Paginering(PageNumberPagination):
    """DRF's page numbers (also `page=last`), with strict parameters: a page or page size that
    is not a whole number from 1 (or a page size over the maximum) is a 400 naming it; a
    page past the last says how many there are, from the paginator's one count."""

    page_size = 50
    page_size_query_param = "pageSize"
    max_page_size = 500
    page_query_description = _("Paginanummer, vanaf 1; of last voor de laatste pagina.")
    page_size_query_description = _("Aantal resultaten per pagina (standaard 50, hoogstens 500).")

    def paginate_queryset(self, queryset, request, view=None):
        fouten = {}
        for naam in (self.page_query_param, self.page_size_query_param):
            waarde = request.query_params.get(naam, "1")
            if naam == self.page_query_param and waarde in self.last_page_strings:
                continue
            if not alleen_cijfers(waarde) or int(waarde) < 1:
                fouten[naam] = [
                    _("Gebruik een geheel getal vanaf 1, of last voor de laatste pagina.")
                    if naam == self.page_query_param
                    else _("Gebruik een geheel getal vanaf 1.")
                ]
            elif naam == self.page_size_query_param and int(waarde) > self.max_page_size:
                fouten[naam] = [
                    _("Hoogstens %(n)d resultaten per pagina; vraag de volgende pagina met page.")
                    % {"n": self.max_page_size}
                ]
        if fouten:
            raise ValidationError(fouten)
        try:
            return super().paginate_queryset(queryset, request, view)
        except NotFound:
            # DRF says only "Ongeldige pagina.".
            raise NotFound(
                ngettext(
                    "Pagina %(pagina)s bestaat niet: er is %(n)d pagina met pageSize %(grootte)d.",
                    "Pagina %(pagina)s bestaat niet: er zijn %(n)d pagina's met pageSize "
                    "%(grootte)d.",
                    self.django_paginator.num_pages,
                )
                % {
                    "pagina": request.query_params[self.page_query_param],
                    "n": self.django_paginator.num_pages,
                    "grootte": self.django_paginator.per_page,
                }
            ) from None

    def get_page_number(self, request, paginator):
        self.django_paginator = paginator  # DRF's hook that sees it: counted once, for the 404 too
        return super().get_page_number(request, paginator)

    def get_schema_operation_parameters(self, view):
        """Both parameters start at 1 in the document too (page=0 is a 400), page may also be
        `last`, and pageSize goes up to max_page_size (pageSize=501 is a 400)."""
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"]["maximum"] = self.max_page_size
            else:  # or `last`, as DRF reads it
                parameter["schema"] = {
                    "oneOf": [
                        parameter["schema"],
                        {"type": "string", "enum": list(self.last_page_strings)},
                    ]
                }
        return parameters

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["count", "results"],
            "properties": {
                "count": {
                    "type": "integer",
                    "description": _("Aantal resultaten op alle pagina's samen."),
                    "example": 123,
                },
                "next": {
                    "type": "string",
                    "nullable": True,
                    "format": "uri",
                    "description": _("Adres van de volgende pagina; null op de laatste."),
                    "example": "https://regioreg.example.nl/api/v1/gemeenten?page=3",
                },
                "previous": {
                    "type": "string",
                    "nullable": True,
                    "format": "uri",
                    "description": _("Adres van de vorige pagina; null op de eerste."),
                    "example": "https://regioreg.example.nl/api/v1/gemeenten?page=1",
                },
                "results": {**schema, "description": _("De resultaten op deze pagina.")},
            },
        }
