"""The Content-Security-Policy header on every response (settings.CONTENT_SECURITY_POLICY).

The pages, the admin (with nested_admin and import-export) and the API documentation (drawn
on the server, samenwerking/api/naslag.py) load scripts and styles only from files on this
site, without exception; tests/test_csp.py checks in a real browser that no page breaks the
policy.
"""

from django.conf import settings


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        beleid = settings.CONTENT_SECURITY_POLICY
        if beleid and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = beleid
        return response
