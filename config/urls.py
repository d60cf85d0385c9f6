from django.conf import settings
from django.urls import include, path, re_path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from config.api import api_router
from config.integration_api import integration_api_urls
from config.openapi import openapi_view
from home import views as home_views
from home.sitemaps import PublicPagesSitemap
from operations.health import health
from profiles.geojson import profiles_geojson
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("suche/", search_views.search, name="search"),
    # <str:…>, not <slug:…>: taggit keeps umlauts in slugs ("lokale-ökonomie"), which the slug converter refuses.
    path("themen/<str:slug>/", home_views.topic, name="topic"),
    path("health/", health, name="health"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": PublicPagesSitemap}}, name="sitemap"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
]

# The public read API (config/api.py); must come before Wagtail's catch-all page route.
urlpatterns += [
    path("api/v2/profiles.geojson", profiles_geojson, name="profiles_geojson"),
    path("api/v2/openapi.json", openapi_view, name="openapi"),
    path("api/v2/", api_router.urls),
    path("api/v3/", integration_api_urls()),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page pattern only matches paths ending in "/"; this lets the RoutablePageMixin route
# ProfileIndexPage.export_csv answer at /stadtteilprofile/export.csv (open-data download).
urlpatterns += [re_path(r"^((?:[\w\-]+/)+export\.csv)$", wagtail_views.serve, name="page_export_csv")]

urlpatterns += [path("", include(wagtail_urls))]
