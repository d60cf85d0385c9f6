from django.http import HttpResponse


def hello(request):
    """The baseline: the cheapest response the same gunicorn + Django stack can give."""
    return HttpResponse("hello", content_type="text/plain")
