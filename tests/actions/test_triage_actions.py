"""action_update_triage and action_triage_next against the real domain."""

from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.triage import ActionTriageNext, ActionUpdateTriage
from tests.actions.trackers import entity, make_tracker, slot_event


async def run(action, tracker, domain):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, domain)
    return dispatcher.messages, events


async def test_update_sets_only_what_changed(domain):
    tracker = make_tracker(
        "äitini ei osaa verkkopankkia, hän asuu Oulussa",
        entities=[
            entity("topic", "banking"),
            entity("asker", "relative"),
            entity("municipality", "Oulu"),
        ],
        slots={"municipality": "Oulu"},
    )
    _, events = await run(ActionUpdateTriage(), tracker, domain)
    assert events == [SlotSet("topic", "banking"), SlotSet("asker", "relative")]


async def test_update_keeps_relative_against_a_plain_self_guess(domain):
    tracker = make_tracker(
        "entä sit se toinen juttu", entities=[entity("asker", "self")], slots={"asker": "relative"}
    )
    _, events = await run(ActionUpdateTriage(), tracker, domain)
    assert events == []


async def test_update_takes_the_service_named_when_nothing_was_guessed(domain):
    tracker = make_tracker("entä omakanta", entities=[], slots={"asker": "relative"})
    _, events = await run(ActionUpdateTriage(), tracker, domain)
    assert events == [SlotSet("topic", "e_services")]


async def test_update_keeps_a_known_topic_the_message_still_names(domain):
    tracker = make_tracker(
        "en oo ikinä käyttäny omakantaa, pankkitunnarit kyl on mut en oo kirjautunu niillä",
        entities=[entity("topic", "identification")],
        slots={"topic": "e_services", "asker": "self"},
        intent="ask_help",
    )
    _, events = await run(ActionUpdateTriage(), tracker, domain)
    assert not [e for e in events if e.get("name") == "topic"]


async def test_next_reflects_and_asks_need_level(domain):
    tracker = make_tracker(
        "en saa suomi.fi-viestejä auki",
        slots={"topic": "suomifi_messages"},
        events_after_user=[slot_event("topic", "suomifi_messages")],
    )
    messages, events = await run(ActionTriageNext(), tracker, domain)
    assert [m["response"] for m in messages] == ["utter_reflect", "utter_ask_need_level"]
    assert messages[0]["summary"] == "Aihe: Suomi.fi-viestit"
    assert events == [SlotSet("awaiting", "need_level")]


async def test_next_asks_the_place_when_in_person_help_is_needed(domain):
    slots = {"topic": "banking", "need_level": "demanding_support", "asker": "relative"}
    tracker = make_tracker(
        "isä ei ole koskaan käyttänyt verkkopankkia",
        slots=slots,
        events_after_user=[slot_event(name, value) for name, value in slots.items()],
    )
    messages, _ = await run(ActionTriageNext(), tracker, domain)
    assert [m["response"] for m in messages] == ["utter_reflect", "utter_ask_municipality"]
    assert messages[0]["summary"] == (
        "Aihe: verkkopankki ja laskut, tuen tarve: ei vielä käytä, tarvitsee opastusta (taso 3)"
    )


async def test_complete_triage_hands_over_to_providers(domain):
    slots = {"topic": "banking", "need_level": "non_digital", "municipality": "Hailuoto"}
    tracker = make_tracker(
        "Hailuodossa",
        intent="inform",
        slots=slots,
        events_after_user=[slot_event("municipality", "Hailuoto")],
    )
    messages, events = await run(ActionTriageNext(), tracker, domain)
    # Level 4: the way without the net comes once, before the providers. (A new place alone is
    # not reflected: the providers' intro names it.)
    assert [m["response"] for m in messages] == [
        "utter_non_digital_intro",
        "utter_non_digital_banking",
        "utter_non_digital_someone_else",
    ]
    assert events == [
        SlotSet("awaiting", None),
        SlotSet("non_digital_shown", True),
        SlotSet("triage_completed", "banking|non_digital|-|Hailuoto|Hailuoto/None/None/None"),
        FollowupAction("action_find_providers"),
    ]


async def test_advisor_gets_a_summary_to_copy(domain):
    slots = {
        "topic": "e_services",
        "need_level": "light_support",
        "asker": "advisor",
        "municipality": "Lahti",
    }
    tracker = make_tracker(
        "asiakas käyttää omakantaa mutta tarvitsee apua",
        slots=slots,
        events_after_user=[slot_event("need_level", "light_support")],
    )
    messages, events = await run(ActionTriageNext(), tracker, domain)
    # The summary to copy says what the reflection would: once is enough.
    assert [m["response"] for m in messages] == ["utter_advisor_summary"]
    assert "kunta: Lahti" in messages[0]["summary"]
    assert FollowupAction("action_find_providers") in events


async def test_thanks_after_completion_does_not_repeat_providers(domain):
    slots = {"topic": "banking", "need_level": "light_support"}
    done = "banking|light_support|-|-|-"
    tracker = make_tracker("kyllä", intent="affirm", slots={**slots, "triage_completed": done})
    messages, events = await run(ActionTriageNext(), tracker, domain)
    assert [m["response"] for m in messages] == ["utter_anything_else"]
    assert events == [SlotSet("awaiting", None)]


async def test_nothing_new_that_is_not_a_yes_is_not_acknowledged(domain):
    """A question or a story the assistant did not understand never gets "Hyvä."."""
    slots = {"topic": "banking", "need_level": "light_support"}
    done = "banking|light_support|-|-|-"
    tracker = make_tracker(
        "entäs se toinen juttu", intent="inform", slots={**slots, "triage_completed": done}
    )
    messages, _ = await run(ActionTriageNext(), tracker, domain)
    assert [m["response"] for m in messages] == ["utter_not_understood"]


async def test_urgent_steps_come_first_with_no_triage_question(domain):
    tracker = make_tracker(
        "painoin linkkiä ja laitoin kortin numeron",
        slots={"topic": "security", "urgent": "gave_secrets"},
        events_after_user=[slot_event("topic", "security"), slot_event("urgent", "gave_secrets")],
    )
    messages, events = await run(ActionTriageNext(), tracker, domain)
    assert [m["response"] for m in messages] == ["utter_urgent_steps", "utter_urgent_then"]
    assert messages[0]["blocking_phone"] == "020 333"
    assert messages[0]["police_report"] == "poliisi.fi"
    assert SlotSet("urgent_shown", True) in events


async def test_a_question_in_an_urgent_message_is_answered_after_the_steps(domain):
    tracker = make_tracker(
        "laitoin kortin tiedot johonkin sivulle ja nyt on veloitus. voitteko perua sen maksun?",
        slots={"topic": "security", "urgent": "gave_secrets"},
        events_after_user=[slot_event("topic", "security"), slot_event("urgent", "gave_secrets")],
    )
    messages, events = await run(ActionTriageNext(), tracker, domain)
    assert [m["response"] for m in messages] == ["utter_urgent_steps", "utter_urgent_then"]
    assert events[-1] == FollowupAction("action_answer_limit_question")


async def test_urgent_steps_are_said_once(domain):
    tracker = make_tracker(
        "annoin tunnukset taas",
        slots={"topic": "security", "urgent": "gave_secrets", "urgent_shown": True},
    )
    messages, _ = await run(ActionTriageNext(), tracker, domain)
    assert "utter_urgent_steps" not in [m["response"] for m in messages]


async def test_update_notices_an_urgent_story_and_keeps_the_scam_topic(domain):
    tracker = make_tracker(
        "äiti antoi pankkitunnukset puhelimessa jollekin miehelle",
        entities=[entity("topic", "banking"), entity("asker", "relative")],
    )
    _, events = await run(ActionUpdateTriage(), tracker, domain)
    assert SlotSet("urgent", "gave_secrets") in events
    assert SlotSet("topic", "security") in events
    later = make_tracker(
        "sillä on kyllä puhelin",
        intent="ask_help",
        entities=[entity("topic", "device")],
        slots={"topic": "security", "urgent_shown": True},
    )
    _, events = await run(ActionUpdateTriage(), later, domain)
    assert SlotSet("topic", "device") not in events


async def test_a_permission_question_is_answered_with_the_rule(domain):
    tracker = make_tracker(
        "saanko mä käyttää isän pankkitunnuksia, hän antaa luvan",
        intent="ask_help",
        slots={"topic": "banking", "asker": "relative"},
    )
    messages, events = await run(ActionTriageNext(), tracker, domain)
    assert messages == []
    assert events == [FollowupAction("action_answer_limit_question")]


async def test_a_question_about_help_is_not_a_permission_question(domain):
    tracker = make_tracker(
        "voiko kirjastossa saada apua puhelimen kanssa", slots={"topic": "device"}
    )
    _, events = await run(ActionTriageNext(), tracker, domain)
    assert FollowupAction("action_answer_limit_question") not in events


async def test_the_awaited_need_level_is_read_from_shorthand(domain):
    for text, level in [("2", "light_support"), ("taso 3", "demanding_support"),
                        ("vähän apua riittää", "light_support")]:  # fmt: skip
        tracker = make_tracker(
            text,
            intent="inform",
            entities=[entity("topic", "device")],
            slots={"topic": "e_services", "awaiting": "need_level"},
        )
        _, events = await run(ActionUpdateTriage(), tracker, domain)
        # The answer sets the level; a passing word in it does not change the topic.
        assert events == [SlotSet("need_level", level)], text


async def test_the_awaited_place_is_read_through_a_typo(domain):
    tracker = make_tracker(
        "tampre", intent="inform", slots={"topic": "banking", "awaiting": "place"}
    )
    _, events = await run(ActionUpdateTriage(), tracker, domain)
    assert events == [SlotSet("municipality", "Tampere")]


async def test_the_form_of_help_is_kept_and_a_refused_one_dropped(domain):
    tracker = make_tracker("en halua chattia, haluan mennä paikan päälle", intent="inform")
    _, events = await run(ActionUpdateTriage(), tracker, domain)
    assert SlotSet("help_form", "in_person") in events
    tracker = make_tracker("ei mitään chattia kiitos", intent="deny", slots={"help_form": "remote"})
    _, events = await run(ActionUpdateTriage(), tracker, domain)
    assert events == [SlotSet("help_form", None)]


async def test_an_in_person_wish_asks_for_the_place(domain):
    slots = {"topic": "banking", "need_level": "light_support", "help_form": "in_person"}
    tracker = make_tracker(
        "haluan mennä paikan päälle",
        intent="inform",
        slots=slots,
        events_after_user=[slot_event("help_form", "in_person")],
    )
    messages, events = await run(ActionTriageNext(), tracker, domain)
    assert [m["response"] for m in messages] == ["utter_ask_municipality"]
    assert SlotSet("awaiting", "place") in events


async def test_a_bare_no_asks_for_the_correction(domain):
    tracker = make_tracker("ei", intent="deny", slots={"topic": "banking"})
    messages, _ = await run(ActionTriageNext(), tracker, domain)
    assert [m["response"] for m in messages] == ["utter_ask_correction"]


async def test_the_awaited_place_skips_a_negated_one(domain):
    tracker = make_tracker(
        "en helsingissä vaan espoossa",
        intent="inform",
        entities=[
            {"entity": "municipality", "value": "Helsinki", "start": 3, "end": 14},
            {"entity": "municipality", "value": "Espoo", "start": 20, "end": 28},
        ],
        slots={"topic": "banking", "awaiting": "place"},
    )
    _, events = await run(ActionUpdateTriage(), tracker, domain)
    assert SlotSet("municipality", "Espoo") in events


async def test_update_drops_a_level_one_guess_the_message_contradicts(domain):
    tracker = make_tracker(
        "äiti ei ite pääse omakantaan eikä varmaan opikaan enää",
        entities=[entity("need_level", "self_service"), entity("asker", "relative")],
    )
    _, events = await run(ActionUpdateTriage(), tracker, domain)
    assert not [e for e in events if e.get("name") == "need_level"]


async def test_a_level_two_guess_gives_way_to_never_used_in_swedish_and_english(domain):
    tracker = make_tracker(
        "where can my mother get help with email? she has never used a computer and is scared",
        entities=[entity("need_level", "light_support"), entity("asker", "relative")],
        slots={"language": "en"},
    )
    _, events = await run(ActionUpdateTriage(), tracker, domain)
    assert SlotSet("need_level", "demanding_support") in events


async def test_a_level_two_guess_stands_beside_a_service_used_every_day(domain):
    tracker = make_tracker(
        "i have the bank app on my phone but never paid a bill with it, show me step by step",
        entities=[entity("need_level", "light_support")],
        slots={"language": "en"},
    )
    _, events = await run(ActionUpdateTriage(), tracker, domain)
    assert SlotSet("need_level", "light_support") in events


async def test_never_used_and_wanting_paper_is_level_four(domain):
    tracker = make_tracker(
        "isä ei oo ikinä käyttäny konetta eikä aio. se haluu kaikki paperilla",
        entities=[entity("need_level", "demanding_support"), entity("asker", "relative")],
    )
    _, events = await run(ActionUpdateTriage(), tracker, domain)
    assert SlotSet("need_level", "non_digital") in events


async def test_a_wish_for_phone_help_keeps_the_level(domain):
    """ "I manage with the phone" says how to be helped, not that the person needs no help."""
    tracker = make_tracker(
        "could someone rather call me on the phone, I manage with the phone",
        entities=[entity("need_level", "self_service")],
        slots={"language": "en", "need_level": "non_digital", "topic": "suomifi_messages"},
    )
    _, events = await run(ActionUpdateTriage(), tracker, domain)
    assert not [e for e in events if e.get("name") == "need_level"]
    assert SlotSet("help_form", "phone") in events


async def test_after_the_urgent_steps_the_place_asked_for_is_enough_for_help(domain):
    slots = {"topic": "security", "urgent_shown": True, "municipality": "Rovaniemi"}
    tracker = make_tracker(
        "pankin numero on varattu, jonotan. asun rovaniemellä",
        slots=slots,
        events_after_user=[slot_event("municipality", "Rovaniemi")],
    )
    _, events = await run(ActionTriageNext(), tracker, domain)
    assert FollowupAction("action_find_providers") in events


async def test_a_level_question_answered_with_a_place_goes_on_to_the_help(domain):
    slots = {"topic": "identification", "awaiting": "need_level", "municipality": "Vaasa"}
    tracker = make_tracker(
        "vaasassa. mieluiten asioisin kasvotusten jossain",
        intent="inform",
        slots=slots,
        events_after_user=[slot_event("municipality", "Vaasa")],
    )
    messages, events = await run(ActionTriageNext(), tracker, domain)
    assert "utter_ask_need_level" not in [m["response"] for m in messages]
    assert FollowupAction("action_find_providers") in events


async def test_a_new_place_after_help_without_the_level_looks_again_without_asking_it(domain):
    """Help was shown without the level; "ei kun ylöjärvellä se asuu" looks again at once."""
    slots = {
        "topic": "authorizations",
        "asker": "relative",
        "municipality": "Ylöjärvi",
        "triage_completed": "authorizations|-|relative|Tampere",
    }
    tracker = make_tracker(
        "ei kun anteeks, ylöjärvellä se asuu nykyään",
        intent="correct",
        slots=slots,
        events_after_user=[slot_event("municipality", "Ylöjärvi")],
    )
    messages, events = await run(ActionTriageNext(), tracker, domain)
    assert "utter_ask_need_level" not in [m["response"] for m in messages]
    assert FollowupAction("action_find_providers") in events


async def test_with_no_help_shown_yet_a_place_still_gets_the_level_question(domain):
    slots = {"topic": "authorizations", "asker": "relative", "municipality": "Ylöjärvi"}
    tracker = make_tracker(
        "ylöjärvellä se asuu",
        intent="inform",
        slots=slots,
        events_after_user=[slot_event("municipality", "Ylöjärvi")],
    )
    messages, _ = await run(ActionTriageNext(), tracker, domain)
    assert "utter_ask_need_level" in [m["response"] for m in messages]


async def test_a_level_said_after_help_shown_without_it_answers_the_passed_over_question(domain):
    slots = {"topic": "identification", "municipality": "Vantaa", "triage_completed": "x"}
    tracker = make_tracker(
        "vähän apua riittää, osaan koneella olla ihan hyvin",
        entities=[entity("need_level", "self_service")],
        slots=slots,
    )
    _, events = await run(ActionUpdateTriage(), tracker, domain)
    assert SlotSet("need_level", "light_support") in events


async def test_update_reads_the_services_named_in_the_conversations_language(domain):
    tracker = make_tracker(
        "min mobil fungerar bra men bankkoderna funkar inte",
        entities=[entity("topic", "device")],
        slots={"language": "sv"},
    )
    _, events = await run(ActionUpdateTriage(), tracker, domain)
    assert SlotSet("topic", "identification") in events
