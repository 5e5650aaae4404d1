"""The 500 page. Django calls the handler without a request context; 500.html extends the
site's own base.html (its links are plain `{% url %}`s and `{% static %}` files, which need no
request) and gets the one setting it shows, the contact address. Nothing here asks the
database, which may be what failed."""

from django.conf import settings
from django.http import HttpResponseServerError
from django.template import loader

# When even the site's template cannot be drawn (a broken URLconf, a missing static file).
NOODPAGINA = (
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Er ging iets mis · '
    "regioreg</title></head><body><h1>Er ging iets mis</h1><p>Er is op de server een fout "
    'opgetreden. Probeer het over een paar minuten opnieuw of ga naar <a href="/">de '
    "startpagina</a>.</p></body></html>"
)


def serverfout(request, template_name="500.html"):
    try:
        html = loader.get_template(template_name).render({"contact_email": settings.CONTACT_EMAIL})
    except Exception:  # the error page must never fail itself
        html = NOODPAGINA
    return HttpResponseServerError(html)
