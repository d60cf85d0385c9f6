from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# Development only: a fixed key keeps sessions across restarts; production refuses to start without one.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-staedtenetz"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
DEMO_USERS_ALLOWED = True
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Pages change on every save while developing; switch the page cache on with PAGE_CACHE=1 to try it.
PAGE_CACHE = env_bool("PAGE_CACHE", False)
