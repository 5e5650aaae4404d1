"""gunicorn's settings for regioreg, from the environment like the app's own (.env.example).

gunicorn reads this file from its working directory: the container (Dockerfile, `--config`),
`make run` (scripts/run.sh, one worker) and `make bench` / `make belasting` (scripts/lib.sh)
start it in the project directory.
"""

import os

# A worker that has not answered after this many seconds is killed and its request fails.
# The slowest request is the confirmation of the largest spreadsheet import the admin accepts
# (IMPORT_MAX_BYTES, 5 MB: ~20,000 rows), which docs/performance.md measures at under 20 s on
# two shared cores; 120 s leaves room for a busier machine. gunicorn's own default is 30 s.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "120"))
# After a restart signal, running requests (an import) get this long to finish.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", "60"))
# Worker processes, each answering one request at a time: about two per core (docs/uitrol.md).
# With more than one, set REDIS_URL so that they share the cache and the API limit.
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
