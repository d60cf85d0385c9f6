"""The API's JSON renderer writes exactly what DRF's JSONRenderer writes (config/api_json.py)."""

import datetime
import decimal
import uuid
from collections import OrderedDict

import pytest
from django.utils.translation import gettext_lazy
from rest_framework.renderers import JSONRenderer

from config.api_json import APIJSONRenderer
from tests import factories
from tests.api_content import build_content

CONTEXT = {"indent": 4}

EDGE_CASES = [
    {},
    [],
    "",
    None,
    0,
    -0.0,
    {"a": {}, "b": [], "c": [[]], "d": [{}], "e": ({},)},
    {"nested": {"deeper": {"deepest": [1, [2, [3, {"x": None}]]]}}},
    {"text": 'Zitat "innen" \\ Tab\t Zeile\n \r \b \f \x00 \x1f \x7f Ümlaut ß 🏠 \u2028 \u2029 </script>'},
    {"numbers": [1, -1, 10**30, 0.1, 1e-7, 1e22, 1.5e300, 7.0, -0.0, 51.5135, 2.675, True, False]},
    {3: "int key", 2.5: "float key", True: "bool key", False: "bool key", None: "none key", "s": "str key"},
    OrderedDict([("z", 1), ("a", 2)]),
    {"tuple": (1, "zwei", (3.0,)), "lazy": gettext_lazy("Suche")},
    {
        "when": datetime.datetime(2026, 11, 25, 1, 45, 39, 430555, tzinfo=datetime.UTC),
        "day": datetime.date(2026, 11, 25),
        "time": datetime.time(12, 30),
        "span": datetime.timedelta(days=1, seconds=5),
        "amount": decimal.Decimal("1450.00"),
        "uuid": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "bytes": b"roh",
        "set_like": frozenset(),
    },
]


@pytest.mark.parametrize("data", EDGE_CASES, ids=range(len(EDGE_CASES)))
@pytest.mark.parametrize("media_type", [None, "application/json; indent=2", "application/json"])
def test_same_bytes_as_drf(data, media_type):
    context = {} if media_type == "application/json" else CONTEXT
    expected = JSONRenderer().render(data, media_type, context)
    assert APIJSONRenderer().render(data, media_type, context) == expected


def test_out_of_range_floats_are_refused_like_drf():
    for value in [float("nan"), float("inf"), -float("inf")]:
        for data in [{"x": value}, {value: 1}]:
            with pytest.raises(ValueError):
                JSONRenderer().render(data, None, CONTEXT)
            with pytest.raises(ValueError):
                APIJSONRenderer().render(data, None, CONTEXT)


def test_unsupported_keys_are_refused_like_drf():
    with pytest.raises(TypeError):
        JSONRenderer().render({(1, 2): "x"}, None, CONTEXT)
    with pytest.raises(TypeError):
        APIJSONRenderer().render({(1, 2): "x"}, None, CONTEXT)


def test_served_responses_are_what_drf_would_render(client, site_tree):
    build_content(site_tree, count=3)
    factories.DistrictProfilePageFactory(parent=site_tree["municipality"], title='Süd "Mitte"\\\u2028')
    urls = [
        "/api/v2/pages/",
        "/api/v2/pages/?fields=*&limit=50",
        "/api/v2/pages/?type=profiles.DistrictProfilePage&fields=*",
        "/api/v2/pages/?type=newsroom.EventPage&fields=*",
        f"/api/v2/pages/{site_tree['profile'].pk}/",
        f"/api/v2/pages/{site_tree['home'].pk}/",
        "/api/v2/pages/?type=nothing.Here",
        "/api/v2/pages/999999/",
        "/api/v2/images/?fields=*",
        "/api/v2/documents/?fields=*",
    ]
    for url in urls:
        response = client.get(url)
        assert response["Content-Type"] == "application/json", url
        assert response.content == JSONRenderer().render(response.data, "application/json", CONTEXT), url
