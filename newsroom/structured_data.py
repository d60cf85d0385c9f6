"""schema.org JSON-LD for news and events, rendered by `{% json_ld %}` (home.templatetags.seo_tags)."""

from django.utils import timezone


def _image_url(page, request):
    image = page.get_social_image()
    if image is None:
        return None
    return request.build_absolute_uri(image.get_rendition("fill-1200x630").url)


def _publisher(request, site_name):
    return {"@type": "Organization", "name": site_name, "url": request.build_absolute_uri("/")}


def news_article(page, request, site_name, tags):
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": page.title,
        "datePublished": page.date.isoformat(),
        "url": page.get_full_url(request),
        "mainEntityOfPage": page.get_full_url(request),
        "publisher": _publisher(request, site_name),
        "author": _publisher(request, site_name),
        "inLanguage": "de",
    }
    if page.last_published_at:
        data["dateModified"] = timezone.localtime(page.last_published_at).isoformat()
    if page.get_meta_description():
        data["description"] = page.get_meta_description()
    if tags:
        data["keywords"] = ", ".join(tag.name for tag in tags)
    image = _image_url(page, request)
    if image:
        data["image"] = [image]
    return data


def event(page, request, site_name):
    place = {"@type": "Place", "name": page.venue or page.city or "Ort wird bekannt gegeben"}
    address = {
        "@type": "PostalAddress",
        "streetAddress": page.street_address,
        "postalCode": page.postal_code,
        "addressLocality": page.city,
        "addressCountry": "DE",
    }
    if any((page.street_address, page.postal_code, page.city)):
        place["address"] = {key: value for key, value in address.items() if value}
    if page.latitude is not None:
        place["geo"] = {"@type": "GeoCoordinates", "latitude": page.latitude, "longitude": page.longitude}
    start, end = timezone.localtime(page.start), timezone.localtime(page.effective_end)
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": page.title,
        "startDate": start.date().isoformat() if page.all_day else start.isoformat(),
        "endDate": end.date().isoformat() if page.all_day else end.isoformat(),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place,
        "url": page.get_full_url(request),
        "inLanguage": "de",
    }
    if page.get_meta_description():
        data["description"] = page.get_meta_description()
    if page.organiser:
        data["organizer"] = {"@type": "Organization", "name": page.organiser}
    image = _image_url(page, request)
    if image:
        data["image"] = [image]
    return data
