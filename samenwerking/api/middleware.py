"""The API-Version header on every response of the API (API Design Rules)."""

from django.conf import settings
from django.utils.deprecation import MiddlewareMixin


class ApiVersionMiddleware(MiddlewareMixin):
    def process_response(self, request, response):
        match = request.resolver_match
        if match is not None and "api" in match.namespaces:  # regioreg.urls: the API's namespace
            response["API-Version"] = settings.API_VERSION
        return response
