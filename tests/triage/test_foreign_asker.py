"""Who is asking, for Swedish and English messages (bot.triage.foreign_asker)."""

import pytest

from bot.triage.foreign_asker import is_advisor, weigh_foreign_asker


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "Jag jobbar på servicepunkten i Närpes, här sitter en äldre herre"),
        ("sv", "Biblioteket i Lovisa här. En kund undrar hur man beställer skattekort"),
        ("sv", "jag e församlingsdiakon i Larsmo och en man här har klickat på en länk"),
        ("sv", "vi har en kursdeltagare som fastnar med mobilcertifikatet"),
        ("en", "hello, im an integration coordinator in Vantaa and a family needs help"),
        ("en", "I run a seniors computer club, one members email got hacked"),
        ("en", "at the library with an elderly gentleman who wants online banking"),
        ("en", "Working at the service point today, my client has no bank codes"),
    ],
)
def test_staff_introducing_themselves_are_advisors(language, text):
    assert is_advisor(text, language)
    assert weigh_foreign_asker(None, "self", text, language) == "advisor"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "I work at Nokia and need help with my bank app"),
        ("en", "my daughter works at the library and said i should ask here"),
        ("sv", "min son jobbar på banken men han har ingen tid"),
    ],
)
def test_a_job_or_a_relatives_job_is_not_a_helper_role(language, text):
    assert not is_advisor(text, language)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "ja ska söka bostadsbidrag från kela men fattar int var man laddar upp bilagorna"),
        ("en", "will someone come to my home and fix my printer?"),
    ],
)
def test_a_first_person_message_naming_nobody_else_is_the_writers_own(language, text):
    assert weigh_foreign_asker(None, "relative", text, language) == "self"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "min mamma kan int använda nätbanken"),
        ("en", "my dad forgets the steps every time he pays a bill"),
    ],
)
def test_a_relatives_need_stays_a_relatives(language, text):
    assert weigh_foreign_asker(None, "relative", text, language) == "relative"


@pytest.mark.parametrize(
    ("language", "text", "asker"),
    [
        ("sv", "hon bor i Helsingfors", "relative"),
        ("sv", "han har ingen dator å ingen smarttelefon", "relative"),
        ("sv", "ja har aldrig använt nätbank", "self"),
        ("sv", "nej int Vasa, ja bor i Korsholm", "self"),
        ("en", "she lives in Jakobstad", "relative"),
        ("en", "im in espoo", "self"),
        ("en", "thanks", None),
    ],
)
def test_a_short_first_answer_says_it_by_its_subject(language, text, asker):
    assert weigh_foreign_asker(None, None, text, language) == asker


def test_a_known_asker_is_kept_and_finnish_is_left_to_the_finnish_rules():
    assert weigh_foreign_asker("relative", None, "she has no computer", "en") is None
    assert weigh_foreign_asker("relative", "self", "han har ingen dator", "sv") == "self"
    assert weigh_foreign_asker(None, "self", "olen kirjastossa töissä", "fi") == "self"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "Min svärmor på Kimitoön har ingen dator och kan int använda en heller"),
        ("sv", "min mormor har alzheimer och nu vill nån myndighet att hon identifierar sig"),
        ("sv", "Vi köpte en surfplatta till farfar. han har aldrig haft nån dator"),
        ("sv", "kan ni hjälpa min man att få igång zoom?"),
        ("en", "my uncle has a memory illness and keeps giving his card number away"),
        ("en", "my mom is 87 and cant manage anything with phones"),
        ("en", "can you help my dad with the netbank"),
        ("sv", "hur kan ja få sköta min mans skatteärenden? han har haft en stroke"),
        ("en", "how can i handle my dad's bills, he had a stroke"),
        ("en", "my dad got a weird call yesterday, a man said his computer has a virus"),
    ],
)
def test_a_close_persons_stated_need_is_a_relatives_whatever_the_guess(language, text):
    assert weigh_foreign_asker(None, "self", text, language) == "relative"
    assert weigh_foreign_asker(None, None, text, language) == "relative"


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "dottern brukar hjälpa men hon e på semester, ja vet int hur man gör"),
        ("sv", "min dotter köpte en ipad åt mej, har aldrig använt nåt sånt"),
        ("sv", "han har inte tid att hjälpa mej, ja kan int logga in"),
        ("en", "got a whatsapp from 'my son' asking for money. my son says its not him"),
        ("en", "my daughter set it up but she is not here now and i dont know how"),
        ("en", "my son got me a new phone and i dont know how to use it"),
    ],
)
def test_a_close_person_mentioned_in_passing_leaves_the_writers_own_need(language, text):
    assert weigh_foreign_asker(None, "self", text, language) == "self"
