"""regioreg settings.

Everything that differs between machines comes from the environment (see `.env.example`).
Without any variables set, the project runs as a development server on a SQLite file in the
project directory. Production refuses to start without a SECRET_KEY.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "ja", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
# The demo database holds synthetic data (genereer_schaaldata); every page then says so.
DEMO = env_bool("REGIOREG_DEMO", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY ontbreekt. Zet SECRET_KEY in de omgeving, of DEBUG=true voor ontwikkeling."
        )
    # Development only: a fixed, clearly insecure key so sessions survive a restart.
    SECRET_KEY = "onveilig-alleen-voor-ontwikkeling"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "import_export",
    "corsheaders",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "rest_framework.authtoken",
    "simple_history",
    "toegang.apps.AxesConfig",  # django-axes, named in Dutch
    "samenwerking",
    "raad",
    "toegang",
]

# The apps whose tables are the register: read by every role in the admin (toegang.rechten),
# written out whole by `exporteer_register` (samenwerking.backup).
REGISTER_APPS = ("samenwerking", "raad")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # CORS headers on /api/ (below), also on answers from the page cache.
    "corsheaders.middleware.CorsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # ETag on every GET; a client that sends If-None-Match gets 304 without the body.
    "django.middleware.http.ConditionalGetMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "regioreg.beveiliging.ContentSecurityPolicyMiddleware",
    # Anonymous reads from the cache while the register is unchanged (regioreg/paginacache.py).
    "regioreg.paginacache.PaginaCacheMiddleware",
    # /gemeenten/gm0363/ -> 301 /gemeenten/GM0363/ (samenwerking/adressen.py).
    "samenwerking.adressen.CbsCodeMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "samenwerking.api.middleware.ApiVersionMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Logins go through django-axes (lockout after repeated failures), then the role backend:
# a role decides what an account may do (toegang.rechten), not per-user permissions.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "toegang.backends.RolBackend",
]

ROOT_URLCONF = "regioreg.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "regioreg.context_processors.regioreg",
            ],
        },
    },
]

WSGI_APPLICATION = "regioreg.wsgi.application"
ASGI_APPLICATION = "regioreg.asgi.application"

# No DATABASE_URL: a SQLite file next to manage.py, the zero-setup default for a first run.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'regioreg.sqlite3'}",
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

# SQLite: simultaneous writes wait for each other instead of failing with "database is locked".
# A transaction takes the write lock when it begins (IMMEDIATE), not when it first writes: a
# transaction that read first and then wants to write while another writes could only fail.
# A writer waits up to SQLITE_TIMEOUT seconds for the lock.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=float(os.environ.get("SQLITE_TIMEOUT", "20")),
    )

# PostgreSQL: the planner's cost of reading a random page. The server's default (4) dates from
# spinning disks; with it the planner reads whole tables to join a gemeente's 45 rows. 1.1 is
# the usual value for SSDs and data that fits in memory. Empty: keep the server's setting.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    _kosten = os.environ.get("DATABASE_RANDOM_PAGE_COST", "1.1")
    if _kosten:
        try:
            _kosten = float(_kosten)
        except ValueError:
            raise ImproperlyConfigured(
                f"DATABASE_RANDOM_PAGE_COST moet een getal zijn, niet {_kosten!r}."
            ) from None
        _opties = DATABASES["default"].setdefault("OPTIONS", {})
        _opties["options"] = f"{_opties.get('options', '')} -c random_page_cost={_kosten}".strip()

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Shown in the footer's contact section and the accessibility statement; empty: the page
# says that no address has been set.
CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "")

# NL Design System CSS from npm (package.json; `npm ci` fills node_modules/), see
# regioreg/npmbestanden.py.
NODE_MODULES = Path(os.environ.get("NODE_MODULES", BASE_DIR / "node_modules"))
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
    "regioreg.npmbestanden.NpmFinder",
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# The bijdragen grid of a large arrangement (dozens of deelnames, a row of fields for each
# year) posts more than Django's default of 1,000 fields.
DATA_UPLOAD_MAX_NUMBER_FIELDS = int(os.environ.get("DATA_UPLOAD_MAX_NUMBER_FIELDS", "20000"))

# --- Production hardening (manage.py check --deploy is clean with DEBUG=false) ---------------
# Every default is the safe one when DEBUG=false; each can be relaxed through the environment
# for a plain-http test setup or for TLS that a proxy terminates (.env.example).
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_PROXY_SSL_HEADER = (
    ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_TLS_PROXY", False) else None
)
# Off when a proxy in front already redirects http to https, or for plain-http tests.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS") or (0 if DEBUG else 31536000))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
# The preload directive only allows submitting the domain to the browsers' list; it does not.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# regioreg.beveiliging: no inline script or style, nothing from other hosts.
CONTENT_SECURITY_POLICY = os.environ.get("CONTENT_SECURITY_POLICY") or (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)

# Login lockout (django-axes): after AXES_FAILURE_LIMIT failed logins for one user name from
# one address, that combination is locked for AXES_COOLOFF_TIME hours; a beheerder can unlock
# earlier in the admin (Toegangspogingen) or with `manage.py axes_reset`.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_TIME", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The failures are counted in the database, so every worker and server counts the same ones
# (and the admin lists them); not in the cache, which may be per process or go away.
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "toegang/geblokkeerd.html"
# Not verbose: every manage.py command printed "AXES: BEGIN version …". Failures and lockouts
# are still logged (their client string then names only the lockout parameters).
AXES_VERBOSE = False
AXES_IPWARE_PROXY_COUNT = 1 if env_bool("BEHIND_TLS_PROXY", False) else None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    if env_bool("BEHIND_TLS_PROXY", False)
    else ["REMOTE_ADDR"]
)

# Spreadsheet imports in the admin: larger files are refused with a message (bytes).
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", str(5 * 1024 * 1024)))
# Where an upload waits between preview and confirmation (samenwerking.importbestanden);
# empty: <tmp>/regioreg-import. Uploads older than IMPORT_BEWAAR_MINUTEN are removed at every
# import and by `manage.py opruimen_importbestanden`; a preview that old cannot be confirmed.
IMPORT_MAP = os.environ.get("IMPORT_MAP", "")
IMPORT_BEWAAR_MINUTEN = float(os.environ.get("IMPORT_BEWAAR_MINUTEN", "120"))

# Audit trail (django-simple-history): the admin's history page shows old and new values.
SIMPLE_HISTORY_REVERT_DISABLED = True

# Answers to anonymous readers are kept this many seconds, as long as the register does not
# change (0: off).
PAGINA_CACHE_SECONDEN = int(os.environ.get("PAGINA_CACHE_SECONDEN", "300"))
# How long the register's version is trusted before it is read again (0: every request): an
# anonymous reader sees a change at most this long after it was saved.
REGISTER_VERSIE_SECONDEN = float(os.environ.get("REGISTER_VERSIE_SECONDEN", "0.5"))
# The caches: the page cache ("paginas", with the register's version) and "default" (the API
# rate limits). With REDIS_URL (redis://HOST:6379/0) one Redis holds them for every worker and
# server (regioreg.rediscache: without Redis the answers come uncached, never an error);
# without it each process keeps its own in memory, enough for one worker (`make run`).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    from redis.backoff import NoBackoff
    from redis.retry import Retry

    _redis = {
        "BACKEND": "regioreg.rediscache.VeiligeRedisCache",
        "LOCATION": REDIS_URL,
        "OPTIONS": {
            # Seconds a cache call waits for Redis before the answer is made without it.
            "socket_connect_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
            "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
            # One new connection when a kept one broke (Redis restarted), then no more.
            "retry": Retry(NoBackoff(), 1),
            "PAUZE": float(os.environ.get("REDIS_PAUZE_SECONDEN", "5")),
        },
    }
    CACHES = {
        "default": {**_redis, "KEY_PREFIX": "regioreg"},
        "paginas": {**_redis, "KEY_PREFIX": "regioreg-paginas"},
    }
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "paginas": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "paginas",
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("PAGINA_CACHE_MAX", "2000"))},
        },
    }

IMPORT_EXPORT_SKIP_ADMIN_LOG = False
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "change"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"

# REST API under /api/v1/ (samenwerking/api/, docs/api.md). Reading is public; writing needs an
# account with a role, by token (`Authorization: Token …`) or the admin session. Token comes
# first so that an anonymous write gets 401 with a WWW-Authenticate header.
API_VERSION = "1.0.0"
# Anonymous requests per address, e.g. "120/minute"; empty switches the limit off. Read per
# request (samenwerking.api.throttling), so tests can change it.
API_LIMIET_ANONIEM = os.environ.get("API_LIMIET_ANONIEM", "120/minute")
# The open register may be read from other sites' JavaScript (Wgr art. 27 lid 3: free
# inspection for everyone): the API only, reading only, never with cookies. Writing from
# another site is refused by the browser (no PATCH in the preflight's answer).
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ("ETag", "API-Version", "Content-Disposition", "Retry-After")

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["samenwerking.api.permissions.RegisterRechten"],
    "DEFAULT_THROTTLE_CLASSES": ["samenwerking.api.throttling.AnoniemeLimiet"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "samenwerking.api.pagination.Paginering",
    "DEFAULT_SCHEMA_CLASS": "samenwerking.api.schema.RegisterAutoSchema",
    "EXCEPTION_HANDLER": "samenwerking.api.exceptions.probleem_handler",
    "DEFAULT_METADATA_CLASS": "samenwerking.api.permissions.RegisterMetadata",
    # What OPTIONS says of an address, in Dutch (DRF would say "Gemeente List" and the
    # English docstring).
    "VIEW_NAME_FUNCTION": "samenwerking.api.schema.naam_van_adres",
    "VIEW_DESCRIPTION_FUNCTION": "samenwerking.api.schema.omschrijving_van_adres",
    # Whose address the anonymous limit counts: behind the TLS proxy the last X-Forwarded-For
    # entry (the one the proxy added), else the connection's own. Never the whole header, as
    # DRF does by default: a client could then send a new one with every request.
    "NUM_PROXIES": 1 if env_bool("BEHIND_TLS_PROXY", False) else 0,
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "regioreg API",
    "DESCRIPTION": (
        "Het openbare register van gemeentelijke samenwerking: in welke samenwerkingsverbanden "
        "zit een gemeente, wie vertegenwoordigt haar daar en wat kost elk verband. "
        "Handleiding met voorbeelden: [docs/api.md](/api/v1/handleiding/)."
    ),
    "VERSION": API_VERSION,
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    # Docstrings are English notes for developers; the document's texts are Dutch and explicit.
    "DISABLE_DOCSTRING_DESCRIPTIONS": True,
    "ENUM_NAME_OVERRIDES": {
        "BevoegdheidsverkrijgingenEnum": "samenwerking.constants.Bevoegdheidsverkrijging",
        "BijdrageSoortEnum": "samenwerking.constants.BijdrageSoort",
        "DeelnameRolEnum": "samenwerking.constants.DeelnameRol",
        "DeelnemendOrgaanEnum": "samenwerking.constants.DeelnemendOrgaan",
        "DocumentSoortEnum": "samenwerking.constants.DocumentSoort",
        "JaarcijfersSoortEnum": "samenwerking.constants.JaarcijfersSoort",
        "OrgaanSoortEnum": "samenwerking.constants.OrgaanSoort",
        "OrganisatieSoortEnum": "samenwerking.constants.OrganisatieSoort",
        "ZetelRolEnum": "samenwerking.constants.ZetelRol",
        "VergaderingBronEnum": "raad.vergaderregels.BRONNEN",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

# External sources. The national register's export and OpenGR are public data from elsewhere
# and never part of the repository: importers take paths, `make run` and the tests find them
# in REGIOREG_BRONNEN (a folder with roo/ and opengr/; default ../shared/data when it exists).
_standaard_bronnen = BASE_DIR.parent / "shared" / "data"
REGIOREG_BRONNEN = (
    Path(os.environ["REGIOREG_BRONNEN"])
    if os.environ.get("REGIOREG_BRONNEN")
    else (_standaard_bronnen if _standaard_bronnen.is_dir() else None)
)
# Where `importeer_roo --download` fetches the export, its schema (empty: the address the
# export's namespace names) and where it keeps them.
ROO_DOWNLOAD_URL = (
    os.environ.get("ROO_DOWNLOAD_URL") or "https://organisaties.overheid.nl/archive/exportOO.xml"
)
ROO_SCHEMA_URL = os.environ.get("ROO_SCHEMA_URL", "")
ROO_DOWNLOAD_MAP = Path(os.environ.get("ROO_DOWNLOAD_MAP") or BASE_DIR / "downloads" / "roo")
