"""Origins for CSP sources; plain Python because the settings import it before Django is set up."""

from urllib.parse import urlsplit


def origin_of(url_template):
    """The origin (scheme://host[:port]) of a tile URL template like https://{s}.tile.example.org/{z}/{x}/{y}.png.

    A placeholder in the host name (Leaflet's `{s}` sub-domains) becomes a wildcard sub-domain.
    Returns None for a relative URL (tiles served from our own origin need no extra source).
    """
    parts = urlsplit(url_template)
    if not parts.scheme or not parts.netloc:
        return None
    labels = parts.netloc.split(".")
    if "{" in labels[0]:
        labels[0] = "*"
    return f"{parts.scheme}://{'.'.join(labels)}"
