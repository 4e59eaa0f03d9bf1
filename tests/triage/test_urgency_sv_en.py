"""Urgent situations in Swedish and English conversations: the same three situations, the same
line between a story of what happened and a worry about what might."""

import pytest

from bot.triage.urgency import CALLER_ASKING, GAVE_SECRETS, MONEY_GONE, urgent_situation


def sv(text, scam_context=False):
    return urgent_situation(text, scam_context, language="sv")


def en(text, scam_context=False):
    return urgent_situation(text, scam_context, language="en")


@pytest.mark.parametrize(
    "text",
    [
        "jag gav mina bankkoder till en som ringde och sa att han var från banken",
        "mamma klickade på en länk i ett sms och skrev in sina bankkoder",
        "ja ha gett mina koder åt en som ringde",
        "pappa har skrivit in kortnumret på nån sida",
        "mormor har lämnat ut sin pinkod åt nån i telefon",
        "hej, min pappa (82) har i morse gett sina nätbankskoder till en man som påstod sig "
        "vara från nordea, vad ska vi göra",
        "jag råkade skriva in mitt kortnummer på en falsk posti-sida",
        "mamma läste upp koderna för honom i telefon",
        "jag loggade in med mina bankkoder via länken i mejlet",
        "jag gav kortet åt nån som ringde",
        "jag tryckte på länken i sms:et och fyllde i mina uppgifter",
        "jag har godkänt inloggningen i bankens app fast jag inte loggade in själv",
    ],
)
def test_swedish_secrets_given_or_typed(text):
    assert sv(text) == GAVE_SECRETS


@pytest.mark.parametrize(
    "text",
    [
        "i gave my bank codes to a man who called from 'nordea'",
        "my dad clicked a link in a text message and typed his card number",
        "mum has given her online banking codes to someone on the phone",
        "i accidentally typed my card details into a fake posti page",
        "my grandma read out her codes to a man on the phone",
        "i logged in with my bank codes through the link in the email",
        "i clicked the link and entered my details",
        "i put my card number into a page that looked like posti",
        "i approved the login in my banking app by mistake",
        "i think i might have given my codes to a scammer",
        "no, i gave them my codes already",
    ],
)
def test_english_secrets_given_or_typed(text):
    assert en(text) == GAVE_SECRETS


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "nån har tagit över mitt facebook konto"),
        ("sv", "min e-post har blivit hackad"),
        ("sv", "pappas whatsapp är kapat och de ber hans vänner om pengar"),
        ("sv", "min mammas facebook har blivit kapad och nån skickar meddelanden i hennes namn"),
        ("en", "my facebook was hacked"),
        ("en", "someone hijacked my dads email and changed the password"),
        ("en", "my mum's whatsapp got hacked and they're asking her friends for money"),
    ],
)
def test_an_account_taken_over(language, text):
    assert urgent_situation(text, language=language) == GAVE_SECRETS


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "är mitt konto kapat?"),
        ("sv", "hur skyddar jag mitt konto så att det inte blir kapat"),
        ("en", "is my account hacked?"),
        ("en", "how do i stop my account from being hacked"),
        ("en", "im afraid someone may hack my email"),
        ("en", "my account was not hacked but i get strange messages"),
    ],
)
def test_a_takeover_feared_or_denied_is_not_urgent(language, text):
    assert urgent_situation(text, language=language) is None


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "han sa åt mig att installera anydesk och nu är det på datorn"),
        ("sv", "jag installerade teamviewer när microsoft ringde"),
        ("en", "the guy told me to install anydesk and its on my computer now"),
        ("en", "i installed teamviewer when microsoft called"),
    ],
)
def test_a_remote_control_program_installed(language, text):
    assert urgent_situation(text, language=language) == GAVE_SECRETS


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "hur laddar jag ner teamviewer så att min son kan hjälpa"),
        ("en", "how do i download teamviewer so my son can help"),
    ],
)
def test_asking_how_to_install_one_is_not_urgent(language, text):
    assert urgent_situation(text, language=language) is None


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "pengarna har försvunnit från kontot"),
        ("sv", "det saknas 2000 euro på kontot"),
        ("sv", "någon har tagit 500 euro från mitt konto"),
        ("sv", "mamma blev lurad och pengarna är borta"),
        ("sv", "det har gått pengar från kontot som jag inte känner igen"),
        ("sv", "hjälp! det har försvunnit 1500 euro från mitt konto i natt"),
        ("sv", "kontot är tömt"),
        ("sv", "nån har länsat pappas konto"),
        ("en", "money is gone from my account"),
        ("en", "500 euros was taken from my account"),
        ("en", "someone has stolen money from my account"),
        ("en", "there are 300 euros missing from my account"),
        ("en", "i was scammed and the money went from my account"),
        ("en", "i lost 800 euros to a fake seller"),
        ("en", "my account has been emptied"),
    ],
)
def test_money_gone(language, text):
    assert urgent_situation(text, language=language) == MONEY_GONE


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "pengarna är kvar men plånboken försvann"),
        ("sv", "det tog lång tid innan pengarna kom"),
        ("sv", "jag tog ut pengar från kontot igår"),
        ("en", "the money is safe but my wallet is gone"),
        ("en", "it took a long time before the money came"),
        ("en", "i transferred money to my savings account"),
        ("en", "i lost access to my account"),
        ("en", "no money was taken from my account"),
    ],
)
def test_money_and_no_loss(language, text):
    assert urgent_situation(text, language=language) is None


def test_money_paid_is_money_gone_only_in_a_scam_conversation():
    assert sv("pappa hann betala 800 euro till dem", scam_context=True) == MONEY_GONE
    assert sv("pappa ska betala 800 euro till dem", scam_context=True) is None
    assert en("dad managed to pay them 800 euros", scam_context=True) == MONEY_GONE
    assert en("dad already paid 800 euros to them", scam_context=True) == MONEY_GONE
    assert en("dad already paid the 80 euro bill") is None


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "nån ringer hela tiden och frågar efter min pinkod"),
        ("sv", "en man ringde och ville ha mina bankkoder"),
        ("sv", "det är nån i telefon just nu som vill ha koderna"),
        ("sv", "det ringer nån som säger sig vara från polisen och vill ha mina bankkoder"),
        ("en", "someone is on the phone now asking for my codes"),
        ("en", "a man keeps calling and asking for my pin"),
        ("en", "someone called from the bank and wanted my codes"),
        ("en", "right now a man is calling and asking for my pin, what do i do"),
    ],
)
def test_a_caller_asking_for_codes(language, text):
    assert urgent_situation(text, language=language) == CALLER_ASKING


@pytest.mark.parametrize(
    ("language", "text"),
    [
        # negated stories
        ("sv", "jag har aldrig gett mina koder till någon"),
        ("sv", "jag gav inte koderna"),
        ("en", "i never gave my codes to anyone"),
        ("en", "i didnt give them my codes"),
        # worries about what might happen
        ("sv", "vad händer om jag ger mina bankkoder"),
        ("sv", "ifall jag skulle skriva in kortnumret där, vad händer då"),
        ("sv", "ska jag ge mina koder om banken ringer"),
        ("en", "what if i gave my codes"),
        ("en", "if i type my card number there will it be safe"),
        ("en", "should i give my codes if the bank calls"),
        # the person's own call, a question how
        ("sv", "jag ringde banken och frågade om mina koder"),
        ("sv", "kan jag ringa banken och fråga om koderna"),
        ("sv", "mamma ringde mig och frågade hur bankkoderna fungerar"),
        ("sv", "banken ringer aldrig och ber om koder, eller hur"),
        ("en", "i called the bank and asked about my codes"),
        ("en", "can i call the bank and ask about my codes"),
        ("en", "mum called me and asked how bank codes work"),
        ("en", "the bank never calls and asks for codes, right"),
        # ordinary problems with codes, cards and calls
        ("sv", "jag behöver hjälp med mina bankkoder"),
        ("sv", "jag har glömt min pinkod"),
        ("sv", "jag fick ett sms som ber om mina koder"),
        ("sv", "jag skrev in fel kod tre gånger och nu är den låst"),
        ("sv", "mamma tappade sitt bankkort"),
        ("sv", "jag la kortet i plånboken"),
        ("en", "i put the card in my wallet"),
        ("sv", "nån har tagit över ansvaret för mammas räkningar"),
        ("en", "i need help with my bank codes"),
        ("en", "where do i put my card number"),
        ("en", "i got a text that asks for my codes"),
        ("en", "i typed the wrong code three times and now its locked"),
        ("en", "i entered my codes in the online bank and cant find the e-invoice"),
        ("en", "he said he was from the bank but i hung up"),
        ("en", "mum lost her bank card"),
        ("sv", ""),
        ("en", ""),
    ],
)
def test_not_urgent(language, text):
    assert urgent_situation(text, language=language) is None


def test_giving_secrets_comes_before_money_gone():
    assert en("i gave my codes and now money is gone from my account") == GAVE_SECRETS
    assert sv("jag gav koderna och nu har pengar försvunnit från kontot") == GAVE_SECRETS


@pytest.mark.parametrize(
    "text",
    [
        "annoin pankkitunnukset puhelimessa jollekin miehelle",
        "tililtä hävis rahat",
        "joku soittaa ja kysyy tunnuslukuja",
        "en antanut tunnuksia",
        "onko mun whatsapp kaapattu?",
    ],
)
def test_finnish_is_read_the_same_in_every_conversation(text):
    assert urgent_situation(text) == urgent_situation(text, language="fi")
    assert urgent_situation(text) == urgent_situation(text, language=None)
    assert urgent_situation(text) == urgent_situation(text, language="sv")


def test_a_finnish_conversation_does_not_read_the_swedish_cues():
    assert urgent_situation("jag gav mina bankkoder till en som ringde", language="fi") is None


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("sv", "kan ja int ba använda hans bankkoder, han har ju gett dom åt mig"),
        ("sv", "hon gav mig sina koder på en lapp"),
        ("en", "dad gave me his bank codes, can i use them"),
        ("en", "my wife gave her pin to me when she went to hospital"),
    ],
)
def test_codes_given_to_the_writer_are_no_scam_in_progress(language, text):
    assert urgent_situation(text, False, language=language) is None


def test_codes_the_writer_gave_away_still_are():
    assert sv("jag gav honom koderna") == GAVE_SECRETS
    assert en("i gave my codes to a man on the phone") == GAVE_SECRETS
