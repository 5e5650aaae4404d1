import gc
import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regioreg.settings")

application = get_wsgi_application()
# The URL patterns and with them every view, the admin and the API: loaded now, not by the
# worker's first request (which took two seconds longer).
import_module(settings.ROOT_URLCONF)

# What a worker has loaded by now (Django, the apps, their models, views and settings: about
# 160,000 objects) lives as long as the worker. Frozen, it is left out of the garbage
# collector's full collections, which the ~400 objects of a core answer set off every few dozen
# requests; the garbage of start-up is collected first. docs/performance.md, "Geheugenbeheer",
# has the figures.
gc.collect()
gc.freeze()
