import os

from django.core.wsgi import get_wsgi_application

from config import gc_tuning

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()
gc_tuning.tune()
