"""The Content-Security-Policy header on every response (settings.CONTENT_SECURITY_POLICY).

The pages, the admin (with import-export) and the API documentation (drawn
on the server, samenwerking/api/naslag.py) load scripts and styles only from files on this
site, without exception; tests/test_csp.py checks in a real browser that no page breaks the
policy.
"""

from django.conf import settings
from django.utils.deprecation import MiddlewareMixin


class ContentSecurityPolicyMiddleware(MiddlewareMixin):
    def process_response(self, request, response):
        beleid = settings.CONTENT_SECURITY_POLICY
        if beleid and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = beleid
        return response
