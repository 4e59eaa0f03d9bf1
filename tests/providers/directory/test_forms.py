"""Ordering providers by the form of help a person needs, and saying when in person is far."""

import pytest

from bot.directory.forms import FAR_KM, SHOWN, arrange, forms_of, nearest_face_to_face_km
from bot.directory.search import Origin, ProviderHit, SearchResult

ORIGIN = Origin(kind="municipality", municipality_code="148", municipality_name="Inari")


def hit(id, forms, channel_type="ServiceLocation", distance_km=None, name=None):
    return ProviderHit(
        id=id,
        source="curated",
        is_sample=False,
        channel_type=channel_type,
        name=name or f"paikka {id}",
        summary=None,
        street_address=None,
        postal_code=None,
        post_office=None,
        municipality_code=None,
        municipality_name=None,
        distance_km=distance_km,
        forms=list(forms),
        need_levels=["light_support"],
        fits_need_level=True,
        languages=["fi"],
        phone=None,
        phone_charge_type=None,
        web=None,
        email=None,
        hours_known=False,
        open_now=None,
        closes_at=None,
        next_opening=None,
        accessibility=None,
    )


def result(providers, national=(), need_level="light_support"):
    return SearchResult(
        scope="nearby",
        origin=ORIGIN,
        topic="banking",
        need_level=need_level,
        providers=list(providers),
        national=list(national),
    )


def ids(hits):
    return [h.id for h in hits]


LIBRARY = hit(1, ["in_person"], distance_km=3.0)
COURSE = hit(2, ["course"], distance_km=8.0)
CHAT = hit(3, ["remote"], channel_type="EChannel")
PHONE_LINE = hit(4, [], channel_type="Phone")
HOME = hit(5, ["home_visit"], distance_km=6.0)
FAR_LIBRARY = hit(11, ["in_person"], distance_km=120.0)
FAR_COURSE = hit(12, ["course"], distance_km=180.0)
NATIONAL_PHONE = hit(21, ["phone"], channel_type="Phone")
NATIONAL_CHAT = hit(22, ["remote"], channel_type="EChannel")


def test_forms_of_adds_phone_to_a_phone_channel():
    assert forms_of(PHONE_LINE) == {"phone"}
    assert forms_of(hit(6, ["remote"], channel_type="Phone")) == {"remote", "phone"}
    assert PHONE_LINE.forms == []  # the hit itself is not changed


def test_forms_of_a_place_is_its_forms():
    assert forms_of(hit(7, ["in_person", "home_visit"])) == {"in_person", "home_visit"}
    assert forms_of(CHAT) == {"remote"}


def test_nearest_face_to_face_counts_in_person_and_courses_only():
    hits = [hit(8, ["remote"], distance_km=1.0), COURSE, LIBRARY, HOME, PHONE_LINE]
    assert nearest_face_to_face_km(hits) == 3.0
    assert nearest_face_to_face_km([FAR_COURSE, FAR_LIBRARY]) == 120.0


@pytest.mark.parametrize(
    "hits",
    [[], [CHAT, PHONE_LINE, HOME], [hit(9, ["in_person"], distance_km=None)]],
)
def test_no_face_to_face_distance(hits):
    assert nearest_face_to_face_km(hits) is None


@pytest.mark.parametrize("need_level", [None, "self_service", "light_support", "non_digital"])
def test_without_a_wish_and_near_help_nothing_changes(need_level):
    found = result([LIBRARY, CHAT, HOME], [NATIONAL_PHONE], need_level)
    assert arrange(found, None, need_level) == (found, None)


def test_the_wished_form_comes_first():
    found = result([LIBRARY, COURSE, PHONE_LINE], [NATIONAL_CHAT])
    arranged, far_km = arrange(found, "phone", "light_support")
    assert ids(arranged.providers) == [4, 1, 2]
    assert far_km is None
    assert ids(arranged.national) == [22]


def test_nearest_first_within_the_same_form():
    found = result([CHAT, HOME, LIBRARY, hit(13, ["in_person"], distance_km=9.0)])
    arranged, _ = arrange(found, "in_person", "light_support")
    assert ids(arranged.providers) == [1, 13, 3]


def test_at_most_three_are_shown():
    many = [hit(30 + i, ["in_person"], distance_km=float(i)) for i in range(5)]
    arranged, _ = arrange(result([CHAT, *many]), "remote", "light_support")
    assert len(arranged.providers) == SHOWN
    assert ids(arranged.providers) == [3, 30, 31]


def test_a_national_channel_is_brought_in_when_no_local_one_has_the_form():
    found = result([LIBRARY, COURSE], [NATIONAL_CHAT, NATIONAL_PHONE])
    arranged, far_km = arrange(found, "phone", "light_support")
    assert ids(arranged.providers) == [21, 1, 2]
    assert ids(arranged.national) == [22]  # not shown twice
    assert far_km is None


def test_national_channels_are_not_brought_in_when_a_local_one_fits():
    found = result([LIBRARY, PHONE_LINE], [NATIONAL_PHONE])
    arranged, _ = arrange(found, "phone", "light_support")
    assert ids(arranged.providers) == [4, 1]
    assert ids(arranged.national) == [21]


def test_a_wish_for_paper_is_served_by_phone_then_in_person():
    found = result([CHAT, LIBRARY, PHONE_LINE])
    arranged, _ = arrange(found, "paper", "non_digital")
    assert ids(arranged.providers) == [4, 1, 3]


def test_a_wish_for_remote_help_falls_back_on_phone():
    found = result([LIBRARY, PHONE_LINE, CHAT])
    arranged, _ = arrange(found, "remote", "light_support")
    assert ids(arranged.providers) == [3, 4, 1]


@pytest.mark.parametrize("need_level", ["demanding_support", "non_digital"])
def test_far_in_person_help_puts_phone_and_home_visits_first_for_high_need(need_level):
    found = result([FAR_LIBRARY, FAR_COURSE], [NATIONAL_CHAT, NATIONAL_PHONE], need_level)
    arranged, far_km = arrange(found, None, need_level)
    assert ids(arranged.providers) == [21, 11, 12]
    assert ids(arranged.national) == [22]
    assert far_km == 120.0


def test_far_home_visit_comes_after_a_phone_line():
    far_home = hit(14, ["home_visit"], distance_km=90.0)
    found = result([FAR_LIBRARY, far_home], [NATIONAL_PHONE], "non_digital")
    arranged, far_km = arrange(found, None, "non_digital")
    assert ids(arranged.providers) == [21, 14, 11]
    assert far_km == 120.0


def test_someone_who_asked_for_in_person_help_gets_it_first_and_hears_the_distance():
    found = result([FAR_LIBRARY, hit(15, ["phone"], channel_type="Phone")], [NATIONAL_PHONE])
    arranged, far_km = arrange(found, "in_person", "non_digital")
    assert ids(arranged.providers)[0] == 11
    assert 21 not in ids(arranged.providers)  # no phone line pulled in against the wish
    assert far_km == 120.0


def test_a_wish_with_far_help_brings_in_national_channels_that_fit():
    found = result([FAR_LIBRARY, PHONE_LINE], [NATIONAL_CHAT, NATIONAL_PHONE])
    arranged, far_km = arrange(found, "remote", "light_support")
    assert ids(arranged.providers) == [22, 4, 21]
    assert far_km == 120.0


def test_exactly_the_far_limit_is_not_far():
    at_limit = hit(16, ["in_person"], distance_km=FAR_KM)
    found = result([at_limit], [NATIONAL_PHONE], "non_digital")
    assert arrange(found, None, "non_digital") == (found, None)


def test_arranging_keeps_the_rest_of_the_result():
    found = result([LIBRARY, PHONE_LINE], [NATIONAL_CHAT])
    arranged, _ = arrange(found, "phone", "light_support")
    assert (arranged.scope, arranged.origin, arranged.topic, arranged.need_level) == (
        "nearby",
        ORIGIN,
        "banking",
        "light_support",
    )
    assert ids(found.providers) == [1, 4]  # the original is not changed
