"""Answers to "Hur mycket hjälp behöver du?" / "How much help do you need?" as people type them."""

import pytest

from bot.triage.answers import explicit_level, need_level_answer, says_cannot, story_level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("1", "self_service"),
        ("nivå 2", "light_support"),
        ("nivå två", "light_support"),
        ("Nivån 3", "demanding_support"),
        ("trean", "demanding_support"),
        ("fyra", "non_digital"),
        ("2 tror jag", "light_support"),
        ("den andra", "light_support"),
        ("taso 2", "light_support"),  # a Finnish level still counts
    ],
)
def test_swedish_level_numbers(text, level):
    assert need_level_answer(text, "sv") == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("1", "self_service"),
        ("level 2", "light_support"),
        ("level two", "light_support"),
        ("three", "demanding_support"),
        ("the second one", "light_support"),
        ("3 i think", "demanding_support"),
        ("4.", "non_digital"),
    ],
)
def test_english_level_numbers(text, level):
    assert need_level_answer(text, "en") == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("ja klarar mig själv om ja får en länk", "self_service"),
        ("en länk räcker", "self_service"),
        ("skicka bara länken", "self_service"),
        ("lite hjälp", "light_support"),
        ("jag behöver lite stöd", "light_support"),
        ("jag använder nätbanken men behöver hjälp ibland", "light_support"),
        ("behöver inte så mycket hjälp", "light_support"),
        ("jag använder den varje dag", "light_support"),
        ("ja har aldrig använt nätbank", "demanding_support"),
        ("jag har aldrig använt dator", "demanding_support"),
        ("mycket hjälp", "demanding_support"),
        ("från början", "demanding_support"),
        ("steg för steg", "demanding_support"),
        ("jag kan inte alls", "demanding_support"),
        ("hon använder inte dator", "demanding_support"),
        ("jag vet inte hur man gör", "demanding_support"),
        ("mamma har ingen dator och minnet sviktar", "non_digital"),
        ("hon är dement", "non_digital"),
        ("pappa ser dåligt och har ingen smarttelefon", "non_digital"),
        ("hon har bara en gammal nokia", "non_digital"),
        ("hon orkar inte längre", "non_digital"),
    ],
)
def test_swedish_everyday_phrasings(text, level):
    assert need_level_answer(text, "sv") == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("just send me the instructions", "self_service"),
        ("a link is enough", "self_service"),
        ("i can do it myself", "self_service"),
        ("a little help", "light_support"),
        ("i dont need much help", "light_support"),
        ("i use it but need someone to show me", "light_support"),
        ("i use it every day", "light_support"),
        ("never used it", "demanding_support"),
        ("i have never used a computer", "demanding_support"),
        ("a lot of help", "demanding_support"),
        ("from scratch", "demanding_support"),
        ("i dont know how at all", "demanding_support"),
        ("i don't use it", "demanding_support"),
        ("she has no computer and dementia", "non_digital"),
        ("he cant see well", "non_digital"),
        ("she is unable to use a computer", "non_digital"),
        ("only an old nokia", "non_digital"),
        ("my dad doesnt have a smartphone", "non_digital"),
    ],
)
def test_english_everyday_phrasings(text, level):
    assert need_level_answer(text, "en") == level


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "jag vet inte"),
        ("sv", "jag är inte säker"),
        ("sv", "tack"),
        ("sv", "ja"),
        ("sv", "helsingfors"),
        ("sv", "kan du svara på svenska?"),
        ("sv", "jag kan använda telefonen bra"),  # a passing word, not a need
        ("sv", "jag har fått ett meddelande men kan inte öppna det"),  # a thing that fails
        ("sv", "min telefon är ny och jag förstår inte hur appen fungerar"),
        ("en", "i dont know"),
        ("en", "not sure"),
        ("en", "thanks"),
        ("en", "no"),
        ("en", "helsinki"),
        ("en", "i can use my phone fine"),
        ("en", "2 or 3"),
        ("en", "a link is not enough"),
        ("sv", ""),
        ("en", ""),
    ],
)
def test_messages_that_state_no_level(language, text):
    assert need_level_answer(text, language) is None


def test_a_long_story_is_left_to_the_classifier():
    text = (
        "my mother is 85 and we have always gone to the shop and the pharmacy together and "
        "now she would like to learn something new but i have no idea where to start with her "
        "and who could teach her"
    )
    assert need_level_answer(text, "en") is None


@pytest.mark.parametrize(
    ("language", "text", "level"),
    [
        ("en", "i think level 2 fits", "light_support"),
        ("sv", "jag tror nivå 3 passar", "demanding_support"),
        ("en", "battery level 4%", None),
        ("en", "i use it", None),
        ("sv", "taso 2", "light_support"),
    ],
)
def test_an_explicit_level_anywhere(language, text, level):
    assert explicit_level(text, language) == level


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [
        ("sv", "pappa använder omakanta men hittar inte labbsvaren", "light_support"),
        ("sv", "mamma använder fpa:s e-tjänst men behöver hjälp med bilagan", "light_support"),
        ("sv", "kunden använder inte digitala tjänster alls", "demanding_support"),
        ("sv", "jag har aldrig använt omakanta", "demanding_support"),
        ("sv", "mamma kan inte använda nätbanken", None),  # 2 or 3: whether she uses it decides
        ("sv", "jag använder whatsapp", None),
        ("en", "dad uses omakanta but cant find the lab results", "light_support"),
        ("en", "mum uses the kela service but needs help with the attachment", "light_support"),
        ("en", "the client doesnt use digital services at all", "demanding_support"),
        ("en", "i have never used omakanta", "demanding_support"),
        ("en", "mum cant use online banking", None),
        ("en", "i use whatsapp", None),
        # something used that stopped working: uses it, needs a hand (level 2)
        ("sv", "mobilcertifikatet slutade funka när ja bytte operatör", "light_support"),
        ("sv", "skrivarn säger offline, brukar nog fungera", "light_support"),
        ("sv", "ja har glömt lösenordet till min gmail", "light_support"),
        ("sv", "har aldrig använt nätbanken och nu funkar int koderna längre", "demanding_support"),
        ("en", "my laptop wont connect to wifi after the windows update", "light_support"),
        ("en", "forgot my password for omavero", "light_support"),
        ("en", "i can login but i dont understand the form", "light_support"),
        ("en", "the bank app doesnt work", None),  # nothing says it ever did
        ("sv", "hon ringer och tar bilder varje dag men hittar int whatsapp", "light_support"),
        ("en", "popups on her laptop. she uses the laptop daily for email", "light_support"),
        ("en", "how do i make a video call? i send messages fine", "light_support"),
        (
            "en",
            "the app stopped working when i changed phone, now i cant approve anything",
            "light_support",
        ),
        ("en", "my code card ran out of numbers, what now", "light_support"),
        ("sv", "jag fick en ny telefon och nu funkar inte mobilcertifikatet", "light_support"),
        ("sv", "kodkortet tog slut och jag måste logga in idag", "light_support"),
    ],
)
def test_story_level_reads_only_the_auta_phrasings(language, text, expected):
    assert story_level(text, language) == expected


@pytest.mark.parametrize(
    ("language", "text", "cannot"),
    [
        ("sv", "jag kan inte använda suomi.fi-meddelanden", True),
        ("sv", "mamma kommer inte in och lär sig inte heller", True),
        ("sv", "jag förstår ingenting av koderna", True),
        ("sv", "jag kan själv, behöver bara länken", False),
        ("sv", "jag behöver ingen hjälp, länken räcker", False),
        ("sv", "jag kan inte hitta länken", False),
        ("en", "i dont know how to use suomi.fi messages", True),
        ("en", "mum cant get in and wont learn", True),
        ("en", "i dont understand these codes at all", True),
        ("en", "i can do it myself, i just need the link", False),
        ("en", "i dont need help, the link is enough", False),
        ("en", "i cant find the link", False),
    ],
)
def test_a_negated_ability_is_read_as_cannot(language, text, cannot):
    assert says_cannot(text, language) is cannot


@pytest.mark.parametrize(
    "text", ["2", "taso 3", "en oo ikinä käyttäny", "vähän apua", "en pysty", "ja", "no"]
)
def test_finnish_answers_read_the_same_as_before(text):
    assert need_level_answer(text) == need_level_answer(text, "fi")
    assert need_level_answer(text) == need_level_answer(text, None)
