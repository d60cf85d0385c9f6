"""Public views that are no Wagtail pages."""

from django.http import Http404
from django.shortcuts import render
from taggit.models import Tag
from wagtail.models import Site

from .topics import grouped_by_kind, tagged_pages, with_kind


def topic(request, slug):
    """`/themen/<slug>/`: every live, public news item, event and district profile with this topic tag."""
    tag = Tag.objects.filter(slug=slug).first()
    if tag is None:
        raise Http404("Dieses Thema gibt es nicht.")
    site = Site.find_for_request(request)
    home = site.root_page if site else None
    pages = with_kind(tagged_pages([tag.pk], home=home))
    groups = grouped_by_kind(pages)
    return render(
        request,
        "home/topic.html",
        {
            "tag": tag,
            "groups": groups,
            "total": len(pages),
            "meta_title": f"Thema: {tag.name}",
            "meta_description": f"Meldungen, Veranstaltungen und Stadtteilprofile zum Thema „{tag.name}“.",
        },
    )
