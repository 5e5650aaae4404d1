"""The API-Version header on every response of the API (API Design Rules)."""

from django.conf import settings
from django.utils.deprecation import MiddlewareMixin

# The URL namespaces of the API: the register's (samenwerking.api) and the council's (raad.api).
API_NAMESPACES = {"api", "raad-api"}


class ApiVersionMiddleware(MiddlewareMixin):
    def process_response(self, request, response):
        match = request.resolver_match
        if match is not None and API_NAMESPACES & set(match.namespaces):
            response["API-Version"] = settings.API_VERSION
        return response
