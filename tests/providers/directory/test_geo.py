"""Coordinate conversion against known points, distances against an independent geodesic."""

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyproj import Geod

from bot.directory.geo import bounding_box, etrs_to_wgs84, haversine_km, in_finland, wgs84_to_etrs

GEOD = Geod(ellps="WGS84")


def test_helsinki_cathedral():
    """Helsinki cathedral, 60°10'15" N 24°57'10" E, is at N 6 672.2 km, E 386.4 km in
    ETRS-TM35FIN. (The rounded "E 385.9 km" sometimes quoted is ~0.5 km west of it.)"""
    lat, lon = etrs_to_wgs84(6672197.0, 386412.0)
    assert lat == pytest.approx(60.170833, abs=1e-4)
    assert lon == pytest.approx(24.952778, abs=1e-4)
    rough_lat, rough_lon = etrs_to_wgs84(6672000.0, 385900.0)
    assert haversine_km(rough_lat, rough_lon, lat, lon) < 0.6


def test_central_meridian_point():
    """On TM35FIN's central meridian (27° E) the easting is exactly the false easting 500 km."""
    northing, easting = wgs84_to_etrs(62.0, 27.0)
    assert easting == pytest.approx(500000.0, abs=0.01)
    lat, lon = etrs_to_wgs84(northing, easting)
    assert (lat, lon) == (pytest.approx(62.0, abs=1e-9), pytest.approx(27.0, abs=1e-9))


@given(st.floats(59.8, 70.0), st.floats(20.0, 31.5))
def test_round_trip(lat, lon):
    back = etrs_to_wgs84(*wgs84_to_etrs(lat, lon))
    assert back == (pytest.approx(lat, abs=1e-7), pytest.approx(lon, abs=1e-7))


@pytest.mark.parametrize(
    "a, b",
    [
        ((60.1699, 24.9384), (61.4978, 23.7610)),  # Helsinki - Tampere
        ((60.1699, 24.9384), (65.0121, 25.4651)),  # Helsinki - Oulu
        ((65.0121, 25.4651), (65.0086, 24.7111)),  # Oulu - Hailuoto
        ((68.6586, 27.5395), (60.4518, 22.2666)),  # Ivalo - Turku
    ],
)
def test_haversine_agrees_with_the_ellipsoid(a, b):
    _, _, metres = GEOD.inv(a[1], a[0], b[1], b[0])
    assert haversine_km(*a, *b) == pytest.approx(metres / 1000, rel=0.005)


def test_haversine_zero_and_symmetry():
    assert haversine_km(60.0, 25.0, 60.0, 25.0) == 0.0
    assert haversine_km(60, 25, 61, 26) == haversine_km(61, 26, 60, 25)


@given(
    st.floats(59.8, 70.0),
    st.floats(20.0, 31.5),
    st.floats(1.0, 400.0),
    st.floats(0.0, 360.0),
    st.floats(0.0, 1.0),
)
def test_bounding_box_contains_the_circle(lat, lon, radius, bearing, fraction):
    """Every point within the radius lies inside the prefilter box (nothing is lost)."""
    end_lon, end_lat, _ = GEOD.fwd(lon, lat, bearing, radius * 1000 * fraction * 0.995)
    min_lat, max_lat, min_lon, max_lon = bounding_box(lat, lon, radius)
    assert min_lat <= end_lat <= max_lat
    assert min_lon <= end_lon <= max_lon


def test_box_is_wider_in_the_north():
    south = bounding_box(60.0, 25.0, 50)
    north = bounding_box(69.0, 27.0, 50)
    assert (north[3] - north[2]) > (south[3] - south[2])
    assert math.isclose(north[1] - north[0], south[1] - south[0])


def test_in_finland():
    assert in_finland(60.17, 24.95) and in_finland(69.9, 27.0)
    assert not in_finland(24.95, 60.17)  # swapped
