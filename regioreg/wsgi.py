import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "regioreg.settings")

application = get_wsgi_application()

# What a worker has loaded by now (Django, the apps, their models and settings: about 170,000
# objects) lives as long as the worker. Frozen, it is left out of the garbage collector's full
# collections, which the ~400 objects of a core answer set off every few dozen requests; the
# garbage of start-up is collected first. docs/performance.md, "Geheugenbeheer", has the figures.
gc.collect()
gc.freeze()
