"""Of the writer's own place and the place of the person the help is for, the latter
(bot.triage.state.understood_from_entities)."""

import pytest

from bot.places import get_index
from bot.triage.state import understood_from_entities


def municipality(text):
    entities = [
        {"entity": "municipality", "value": m.municipality.name_fi, "start": m.start}
        for m in get_index().find_in_text(text)
    ]
    return understood_from_entities(entities, text).municipality


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mä asun seinäjoela mut isä asuu alavudella, sinne tarttis apua", "Alavus"),
        ("i study in helsinki so i cant help her much, she lives in Oulu", "Oulu"),
        ("he lives in Lahti, i'm in Helsinki", "Lahti"),
        ("jag bor i Helsingfors och min mamma bor i Vasa", "Vaasa"),
        # no such pair: the first place stands
        ("asun Espoossa mutta olen töissä Helsingissä", "Espoo"),
        ("bor i Vasa, jobbar i Helsingfors", "Vaasa"),
        ("ei Helsinki vaan Espoo", "Espoo"),
    ],
)
def test_the_place_of_the_person_the_help_is_for(text, expected):
    assert municipality(text) == expected
