/*
 * Maps of the public site (profile index, municipality, district profile, event venue).
 *
 * Privacy: nothing is requested from the tile server until the visitor clicks "Karte laden".
 * The choice is stored in localStorage (key below) so later visits load the map directly;
 * "Karte nicht mehr automatisch laden" removes it again.
 *
 * Stable DOM hooks (the browser tests rely on them; keep them when changing the markup):
 *   #map                               map container; hidden until consent.
 *       data-map-data="map-data"       id of the json_script element holding a GeoJSON FeatureCollection
 *                                      (properties: title, url, status, status_label, municipality, period).
 *       data-tile-url, data-tile-attribution   tile server (settings MAP_TILE_URL / MAP_TILE_ATTRIBUTION).
 *       data-map-url="/api/v2/…"       instead of data-map-data on large networks: the GeoJSON is fetched from the
 *                                      API once the map is shown (properties as the API gives them:
 *                                      municipality {title}, period {display}, no status_label).
 *   script#map-data                    the embedded GeoJSON (no request for the data, none per marker).
 *   [data-map-consent]                 placeholder shown before consent.
 *   [data-map-consent-button]          the button, text exactly "Karte laden".
 *   [data-map-revoke]                  withdraws the stored consent.
 *   a[data-status-filter="alle|laufend|abgeschlossen"]  filter links; plain links to ?status=… that work
 *                                      without JS; with JS they filter markers and list in place and update the URL.
 *   li[data-status="laufend|abgeschlossen"]  list items below the map (get the `hidden` attribute when filtered out).
 *   [data-area-group]                  one municipality's group of list items (hidden when it has none left).
 *   li[data-municipality-counts]       large networks list municipalities instead of areas: data-laufend and
 *                                      data-abgeschlossen hold their counts; hidden when the filtered count is 0.
 *       a                              link to the municipality's page; the filter is passed on as ?status=….
 *   [data-visible-count]               text "n Gebiete", updated on filtering.
 *   Markers: L.marker with L.divIcon, CSS classes "map-marker marker-<status>" (marker-laufend,
 *   marker-abgeschlossen; marker-ort for an event venue); the popup links to the profile.
 */
(function () {
    "use strict";

    var CONSENT_KEY = "staedtenetz-karte-zustimmung";
    var NRW_CENTER = [51.47, 7.55];

    function hasConsent() {
        try {
            return window.localStorage.getItem(CONSENT_KEY) === "ja";
        } catch (error) {
            return false;
        }
    }

    function storeConsent(value) {
        try {
            if (value) {
                window.localStorage.setItem(CONSENT_KEY, "ja");
            } else {
                window.localStorage.removeItem(CONSENT_KEY);
            }
        } catch (error) {
            /* Storage blocked (private mode): the consent then holds for this page view only. */
        }
    }

    function readData(container) {
        var element = document.getElementById(container.getAttribute("data-map-data") || "map-data");
        if (!element) {
            return { type: "FeatureCollection", features: [] };
        }
        try {
            return JSON.parse(element.textContent) || { type: "FeatureCollection", features: [] };
        } catch (error) {
            return { type: "FeatureCollection", features: [] };
        }
    }

    var STATUS_LABELS = { laufend: "laufend", abgeschlossen: "abgeschlossen" };

    /* The API's GeoJSON nests municipality and period; the embedded data has them as text. */
    function normalise(data) {
        (data.features || []).forEach(function (feature) {
            var properties = feature.properties || {};
            if (properties.municipality && typeof properties.municipality === "object") {
                properties.municipality = properties.municipality.title;
            }
            if (properties.period && typeof properties.period === "object") {
                properties.period = properties.period.display;
            }
            if (!properties.status_label && STATUS_LABELS[properties.status]) {
                properties.status_label = STATUS_LABELS[properties.status];
            }
        });
        return data;
    }

    function loadData(container, callback) {
        var url = container.getAttribute("data-map-url");
        if (!url) {
            callback(readData(container));
            return;
        }
        window
            .fetch(url, { headers: { Accept: "application/geo+json" } })
            .then(function (response) {
                if (!response.ok) {
                    throw new Error("HTTP " + response.status);
                }
                return response.json();
            })
            .then(function (data) {
                callback(normalise(data || {}));
            })
            .catch(function () {
                callback({ type: "FeatureCollection", features: [] });
            });
    }

    function currentStatus() {
        var value = new URLSearchParams(window.location.search).get("status");
        return value === "laufend" || value === "abgeschlossen" ? value : "alle";
    }

    function popupContent(properties) {
        var wrapper = document.createElement("div");
        var title = document.createElement(properties.url ? "a" : "strong");
        title.textContent = properties.title;
        if (properties.url) {
            title.href = properties.url;
        }
        wrapper.appendChild(title);
        var details = [properties.municipality, properties.status_label, properties.period].filter(Boolean);
        if (details.length) {
            var meta = document.createElement("div");
            meta.className = "map-popup__meta";
            meta.textContent = details.join(" · ");
            wrapper.appendChild(meta);
        }
        return wrapper;
    }

    /* Markers by status, so filtering can add and remove them. */
    var markerEntries = [];
    var leafletMap = null;

    function createMap(container) {
        // Shown at once, so focus can move there while a large network's data is still on its way.
        container.hidden = false;
        loadData(container, function (data) {
            drawMap(container, data);
        });
    }

    function drawMap(container, data) {
        var small = container.getAttribute("data-map-size") === "small";
        container.hidden = false;
        leafletMap = L.map(container, { scrollWheelZoom: false });
        L.tileLayer(container.getAttribute("data-tile-url"), {
            attribution: container.getAttribute("data-tile-attribution") || "",
            maxZoom: 18
        }).addTo(leafletMap);

        var bounds = [];
        (data.features || []).forEach(function (feature) {
            if (!feature.geometry || !feature.geometry.coordinates) {
                return;
            }
            var properties = feature.properties || {};
            var position = [feature.geometry.coordinates[1], feature.geometry.coordinates[0]];
            var label = properties.title + (properties.status_label ? " (" + properties.status_label + ")" : "");
            var marker = L.marker(position, {
                icon: L.divIcon({
                    className: "map-marker marker-" + (properties.status || "ort"),
                    iconSize: [18, 18],
                    iconAnchor: [9, 9],
                    popupAnchor: [0, -10]
                }),
                title: label,
                alt: label,
                keyboard: true
            });
            marker.bindPopup(popupContent(properties));
            marker.on("add", function () {
                var element = marker.getElement();
                if (element) {
                    element.setAttribute("aria-label", label);
                }
            });
            markerEntries.push({ marker: marker, status: properties.status });
            bounds.push(position);
        });

        if (bounds.length === 1) {
            leafletMap.setView(bounds[0], small ? 14 : 12);
        } else if (bounds.length > 1) {
            leafletMap.fitBounds(bounds, { padding: [30, 30], maxZoom: 13 });
        } else {
            leafletMap.setView(NRW_CENTER, 8);
        }
        applyMarkerFilter(currentStatus());
    }

    function applyMarkerFilter(status) {
        if (!leafletMap) {
            return;
        }
        markerEntries.forEach(function (entry) {
            var visible = status === "alle" || entry.status === status || entry.status === "ort";
            if (visible && !leafletMap.hasLayer(entry.marker)) {
                entry.marker.addTo(leafletMap);
            } else if (!visible && leafletMap.hasLayer(entry.marker)) {
                leafletMap.removeLayer(entry.marker);
            }
        });
    }

    function applyListFilter(status) {
        var visibleCount = 0;
        document.querySelectorAll("li[data-status]").forEach(function (item) {
            var visible = status === "alle" || item.getAttribute("data-status") === status;
            item.hidden = !visible;
            if (visible) {
                visibleCount += 1;
            }
        });
        document.querySelectorAll("li[data-municipality-counts]").forEach(function (item) {
            var count =
                status === "alle"
                    ? Number(item.getAttribute("data-laufend")) + Number(item.getAttribute("data-abgeschlossen"))
                    : Number(item.getAttribute("data-" + status));
            item.hidden = !count;
            visibleCount += count;
            var link = item.querySelector("a");
            if (link) {
                var base = link.getAttribute("href").split("?")[0];
                link.setAttribute("href", status === "alle" ? base : base + "?status=" + status);
            }
        });
        document.querySelectorAll("[data-area-group]").forEach(function (group) {
            group.hidden = !group.querySelector("li[data-status]:not([hidden])");
        });
        var counter = document.querySelector("[data-visible-count]");
        if (counter) {
            counter.textContent = visibleCount + (visibleCount === 1 ? " Gebiet" : " Gebiete");
        }
        document.querySelectorAll("a[data-status-filter]").forEach(function (link) {
            if (link.getAttribute("data-status-filter") === status) {
                link.setAttribute("aria-current", "true");
            } else {
                link.removeAttribute("aria-current");
            }
        });
    }

    function setupFilter() {
        document.querySelectorAll("a[data-status-filter]").forEach(function (link) {
            link.addEventListener("click", function (event) {
                event.preventDefault();
                var status = link.getAttribute("data-status-filter");
                var url = new URL(window.location.href);
                if (status === "alle") {
                    url.searchParams.delete("status");
                } else {
                    url.searchParams.set("status", status);
                }
                window.history.replaceState(null, "", url.toString());
                applyListFilter(status);
                applyMarkerFilter(status);
            });
        });
        if (document.querySelector("a[data-status-filter]")) {
            applyListFilter(currentStatus());
        }
    }

    function setupConsent(container) {
        var wrapper = container.closest("[data-map-wrapper]") || document;
        var placeholder = wrapper.querySelector("[data-map-consent]");
        var button = wrapper.querySelector("[data-map-consent-button]");
        var revokeWrapper = wrapper.querySelector("[data-map-revoke-wrapper]");
        var revoke = wrapper.querySelector("[data-map-revoke]");

        function show() {
            if (placeholder) {
                placeholder.hidden = true;
            }
            if (revokeWrapper) {
                revokeWrapper.hidden = false;
            }
            createMap(container);
        }

        if (button) {
            button.addEventListener("click", function () {
                storeConsent(true);
                show();
                container.focus({ preventScroll: true });
            });
        }
        if (revoke) {
            revoke.addEventListener("click", function () {
                storeConsent(false);
                revoke.textContent = "Gespeichert: Die Karte wird beim nächsten Besuch nicht automatisch geladen.";
                revoke.disabled = true;
            });
        }
        if (hasConsent()) {
            show();
        }
    }

    function init() {
        setupFilter();
        var container = document.getElementById("map");
        if (container && window.L) {
            container.setAttribute("tabindex", "-1");
            setupConsent(container);
        }
    }

    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", init);
    } else {
        init();
    }
})();
