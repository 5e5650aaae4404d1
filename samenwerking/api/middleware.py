"""The API-Version header on every response of the API (API Design Rules)."""

from django.conf import settings


class ApiVersionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = request.resolver_match
        if match is not None and "api" in match.namespaces:
            response["API-Version"] = settings.API_VERSION
        return response
