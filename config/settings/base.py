"""Settings shared by every environment; everything site-specific comes from the environment."""

import datetime
import importlib.util
import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

from operations.origins import origin_of

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "newsroom",
    "profiles",
    "search",
    "operations",
    "csp",
    "axes",
    "editorial",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "wagtail_headless_preview",
    "wagtail",
    "wagtailgeowidget",
    "rest_framework",
    "corsheaders",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything that can answer early (page cache), so API answers always carry the CORS headers.
    "corsheaders.middleware.CorsMiddleware",
    # Outermost after static files: a cache hit skips sessions, auth and the view entirely.
    "home.page_cache.PageCacheMiddleware",
    # Past the page cache: hits need no site; everything after it (redirects, Wagtail's serve) reuses it.
    "home.shared_lookups.SiteLookupMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "operations.csp.SiteCSPMiddleware",
    # Last, as django-axes asks: it turns a lockout signalled during login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "home.context_processors.site_context",
            ],
        },
    },
]

# SQLite in the project directory is the zero-setup default; DATABASE_URL switches to PostgreSQL.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# Statements the site runs on every page view are prepared once per PostgreSQL session
# (home.prepared_statements); off behind a pooler in transaction mode, which mixes sessions.
DATABASE_PREPARED_STATEMENTS = env_bool("DATABASE_PREPARED_STATEMENTS", True)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "de"
LANGUAGES = [("de", "Deutsch")]
TIME_ZONE = "Europe/Berlin"
USE_I18N = True
USE_TZ = True
WAGTAIL_I18N_ENABLED = False
WAGTAILADMIN_PERMITTED_LANGUAGES = [("de", "Deutsch")]
WAGTAIL_CONTENT_LANGUAGES = [("de", "Deutsch")]

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Leaflet ships in django-leaflet; only its static files are used (the app itself needs GDAL).
LEAFLET_STATIC = Path(importlib.util.find_spec("leaflet").submodule_search_locations[0]) / "static"
STATICFILES_DIRS = [BASE_DIR / "static", LEAFLET_STATIC]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Complex profile pages exceed Django's default of 1000 form fields in the editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000


def _shared_cache_from_env():
    url = os.environ.get("CACHE_URL") or os.environ.get("REDIS_URL")
    if url:
        # Django's backend, with one Redis client per pool instead of one per operation (home/redis_cache.py).
        return {"BACKEND": "home.redis_cache.RedisCache", "LOCATION": url, "KEY_PREFIX": "staedtenetz"}
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}


# `default` stays in process memory: Wagtail reads it many times per request (site root paths),
# and a network round trip each time cost more than the lookup saved. What several processes must
# share (the page cache and its invalidation) lives in `shared`, in Redis when REDIS_URL is set.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
    "shared": _shared_cache_from_env(),
}
PAGE_CACHE_ALIAS = "shared"
# Full-page cache for anonymous visitors (home/page_cache.py); several processes need REDIS_URL.
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Each process also keeps up to this many bytes of recent cache entries in its own memory.
PAGE_CACHE_LOCAL_BYTES = int(os.environ.get("PAGE_CACHE_LOCAL_BYTES", str(32 * 1024 * 1024)))
# A CDN or Varnish in front is purged on publish (home/frontend_cache.py): FRONTEND_CACHE_URL for
# Varnish/any HTTP PURGE cache, or CLOUDFLARE_API_TOKEN + CLOUDFLARE_ZONE_ID.
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE["varnish"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_URL"],
    }
if os.environ.get("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": os.environ["CLOUDFLARE_API_TOKEN"],
        "ZONEID": os.environ.get("CLOUDFLARE_ZONE_ID", ""),
    }


def _email_from_env():
    """EMAIL_URL like smtp://user:pass@host:587?tls=1; falls back to plain SMTP settings."""
    from urllib.parse import parse_qs, unquote, urlparse

    url = os.environ.get("EMAIL_URL")
    if not url:
        return {
            "EMAIL_HOST": os.environ.get("EMAIL_HOST", "localhost"),
            "EMAIL_PORT": int(os.environ.get("EMAIL_PORT", "25")),
            "EMAIL_HOST_USER": os.environ.get("EMAIL_HOST_USER", ""),
            "EMAIL_HOST_PASSWORD": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "EMAIL_USE_TLS": env_bool("EMAIL_USE_TLS"),
        }
    parsed = urlparse(url)
    query = parse_qs(parsed.query)
    return {
        "EMAIL_HOST": parsed.hostname or "localhost",
        "EMAIL_PORT": parsed.port or 25,
        "EMAIL_HOST_USER": unquote(parsed.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parsed.password or ""),
        "EMAIL_USE_TLS": query.get("tls", ["0"])[0] in {"1", "true"},
    }


globals().update(_email_from_env())
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "redaktion@staedtenetz-soziale-stadt.nrw")

WAGTAIL_SITE_NAME = "Städtenetz Soziale Stadt NRW"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": "german",
    }
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp", "csv", "txt", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = int(os.environ.get("DOCUMENT_MAX_UPLOAD_MB", "20")) * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("IMAGE_MAX_UPLOAD_MB", "10")) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("IMAGE_MAX_PIXELS", "40000000"))
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILAPI_LIMIT_MAX = 100
# Preview of drafts in an external front end (home/preview.py); off while HEADLESS_PREVIEW_URL is unset.
HEADLESS_PREVIEW_URL = os.environ.get("HEADLESS_PREVIEW_URL", "")
HEADLESS_PREVIEW_MAX_AGE = int(os.environ.get("HEADLESS_PREVIEW_MAX_AGE", "3600"))
WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {"default": HEADLESS_PREVIEW_URL or "http://localhost:3000/"}}
WAGTAILAPI_SEARCH_ENABLED = True
# Rich text in API responses as front-end HTML (real link URLs); ?rich_text_format=db_html gives the stored form.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
# Browsers may call the read API from these origins (e.g. a municipality's own website); nothing else gets CORS.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/api/.*$"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
# Workflow notifications (submitted / approved / rejected) go out from this address.
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = os.environ.get("WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", DEFAULT_FROM_EMAIL)
WAGTAIL_DATE_FORMAT = "%d.%m.%Y"
WAGTAIL_DATETIME_FORMAT = "%d.%m.%Y %H:%M"
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# The map in the admin (wagtail-geo-widget) and on the public site; centre of NRW.
GEO_WIDGET_DEFAULT_LOCATION = {"lat": 51.47, "lng": 7.55}
GEO_WIDGET_ZOOM = 8
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get(
    "MAP_TILE_ATTRIBUTION",
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-Mitwirkende',
)
GEO_WIDGET_LEAFLET_TILE_LAYER = MAP_TILE_URL
GEO_WIDGET_LEAFLET_TILE_LAYER_OPTIONS = {"attribution": MAP_TILE_ATTRIBUTION}

TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# --- Security and operations (see README "Security and operations") ---
AUTHENTICATION_BACKENDS = [
    # First: refuses any login while the client is locked out, before a password is even checked.
    "operations.auth.LoginRateLimitBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "30")))
# Lock a user name at the attacking address, and an address that tries many names; never a user name
# everywhere, so nobody can lock an editor out from elsewhere.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "operations.auth.lockout_response"
AXES_COOLOFF_MESSAGE = "Zu viele fehlgeschlagene Anmeldeversuche. Bitte versuchen Sie es später erneut."
AXES_PERMALOCK_MESSAGE = "Zu viele fehlgeschlagene Anmeldeversuche. Bitte wenden Sie sich an die Geschäftsstelle."
# Behind N trusted reverse proxies the client address is the N-th from the right in X-Forwarded-For.
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0")) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if AXES_IPWARE_PROXY_COUNT else ["REMOTE_ADDR"]
)

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views override this to SAMEORIGIN themselves.
SESSION_COOKIE_HTTPONLY = True
# The admin takes the CSRF token from the page (wagtailConfig), never from the cookie.
CSRF_COOKIE_HTTPONLY = True

MAP_TILE_ORIGIN = origin_of(MAP_TILE_URL)
# Video hosts whose players an editor may embed (loaded only after the visitor's consent).
EMBED_FRAME_ORIGINS = env_list(
    "EMBED_FRAME_ORIGINS", "https://www.youtube-nocookie.com,https://www.youtube.com,https://player.vimeo.com"
)
_IMG_SRC = [SELF, "data:"] + ([MAP_TILE_ORIGIN] if MAP_TILE_ORIGIN else [])
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": _IMG_SRC,
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *EMBED_FRAME_ORIGINS],
        "media-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail admin (and its live preview, which frames our own pages) needs inline scripts and styles;
# the geo widget asks Nominatim for addresses from the browser.
ADMIN_CSP_PATH_PREFIXES = ["/admin/", "/django-admin/"]
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": _IMG_SRC + ["blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF, "https://nominatim.openstreetmap.org"],
        # The admin frames the external front end when an editor previews there (HEADLESS_PREVIEW_URL).
        "frame-src": [SELF, *EMBED_FRAME_ORIGINS, *([origin_of(HEADLESS_PREVIEW_URL)] if HEADLESS_PREVIEW_URL else [])],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
}

# Upload rules: no SVG (it can carry scripts); every new image is decoded once on upload.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "operations.uploads.CheckedImageForm"
# Documents go through Wagtail's view, so collection privacy is checked and only PDFs open in the browser.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True

# No Gravatar in the admin: it would send a hash of every editor's e-mail address to a third party
# (and the admin CSP does not allow it).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

HEALTH_CHECK_DATABASE = os.environ.get("HEALTH_CHECK_DATABASE", "default")
BACKUP_DIR = Path(os.environ.get("BACKUP_DIR", BASE_DIR / "backups"))
