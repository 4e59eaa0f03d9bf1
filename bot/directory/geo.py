"""Coordinates: PTV's ETRS-TM35FIN (EPSG:3067) to WGS84, and great-circle distances.

PTV publishes `latitude` = northing and `longitude` = easting in metres, as strings. Everything
inside the directory is stored in WGS84 degrees so that distances from a phone's location (WGS84)
need no conversion at query time.
"""

from __future__ import annotations

import math
import threading
from typing import Tuple

from pyproj import Transformer

EARTH_RADIUS_KM = 6371.0088  # IUGG mean radius

#: Generous bounds of mainland Finland and Åland in WGS84; a converted point outside them means the
#: input was wrong (e.g. swapped northing/easting), not a provider abroad.
FINLAND_LAT = (59.3, 70.2)
FINLAND_LON = (19.0, 31.7)

_local = threading.local()


def _transformers() -> Tuple[Transformer, Transformer]:
    """Per-thread transformers: pyproj Transformer objects must not be shared across threads."""
    pair = getattr(_local, "pair", None)
    if pair is None:
        pair = (
            Transformer.from_crs("EPSG:3067", "EPSG:4326", always_xy=True),
            Transformer.from_crs("EPSG:4326", "EPSG:3067", always_xy=True),
        )
        _local.pair = pair
    return pair


def etrs_to_wgs84(northing: float, easting: float) -> Tuple[float, float]:
    """(latitude, longitude) in WGS84 degrees for an EPSG:3067 point."""
    lon, lat = _transformers()[0].transform(easting, northing)
    return lat, lon


def wgs84_to_etrs(latitude: float, longitude: float) -> Tuple[float, float]:
    """(northing, easting) in EPSG:3067 metres; used to write PTV-shaped test and sample data."""
    easting, northing = _transformers()[1].transform(longitude, latitude)
    return northing, easting


def in_finland(latitude: float, longitude: float) -> bool:
    return (
        FINLAND_LAT[0] <= latitude <= FINLAND_LAT[1]
        and FINLAND_LON[0] <= longitude <= FINLAND_LON[1]
    )


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (accurate to ~0.5 %, plenty for 'nearest first')."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlambda = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlambda / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def bounding_box(
    latitude: float, longitude: float, radius_km: float
) -> Tuple[float, float, float, float]:
    """(min_lat, max_lat, min_lon, max_lon) of a box that contains the circle of `radius_km`.

    Used as an index-friendly prefilter; the exact haversine distance decides afterwards. The
    longitude span uses the cosine of the box edge nearest the pole so the box never cuts the
    circle at high latitudes (Inari is at 69°N, where a degree of longitude is only ~40 km).
    """
    dlat = math.degrees(radius_km / EARTH_RADIUS_KM)
    min_lat, max_lat = latitude - dlat, latitude + dlat
    widest = max(abs(min_lat), abs(max_lat))
    cos_lat = math.cos(math.radians(min(widest, 89.0)))
    dlon = math.degrees(radius_km / (EARTH_RADIUS_KM * cos_lat))
    return min_lat, max_lat, longitude - dlon, longitude + dlon
