from django.urls import include, path

from .hello import hello

urlpatterns = [path("bench/hello/", hello), path("", include("config.urls"))]
