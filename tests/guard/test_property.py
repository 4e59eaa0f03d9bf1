"""Property-based tests: no generated value survives, no everyday value is touched.

Strategies generate VALID values (checked with python-stdnum, independently of the guard's
scanners): identity codes with every century sign and temporary individual numbers, card
numbers with Visa / Mastercard / American Express prefixes, IBANs of every country in stdnum's
registry, old Finnish account numbers. Each is written in the ways people type (spaces, dots,
dashes, no-break and zero-width spaces, line breaks, glued to a cue word, lower case, inside a
Finnish, Swedish or English sentence, split over two messages). The sentences contain no digits
of their own, so the check is simple and strict: after redaction, not one digit is left.

The number of examples each property ran is printed at the end of the module's tests.
"""

import datetime
import json
import re
from collections import Counter
from typing import Any, Callable, Dict, Iterator, List, Tuple

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rasa.shared.core.events import ActionExecuted, BotUttered, SlotSet, UserUttered
from stdnum import iban as stdnum_iban
from stdnum import luhn
from stdnum.fi import hetu as stdnum_hetu

from bot.guard import PersonalDataGuard, redact_text
from bot.guard.accounts import IBAN_COUNTRIES
from bot.guard.normalize import scan_view
from bot.guard.tracker_store import redact_event_dicts

RAN: Counter = Counter()
PROPERTY_SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module", autouse=True)
def report_example_counts(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    line = "hypothesis examples run: " + ", ".join(f"{k}={v}" for k, v in sorted(RAN.items()))
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    with capture.global_and_fixture_disabled():
        print(f"\n{line}")


def digits_left(text: str) -> str:
    """Every digit still in ``text``, separators and look-alikes normalised away."""
    return re.sub(r"[^0-9]", "", scan_view(text).text)


# ------------------------------------------------------------------ valid values

CENTURIES = {"+": 1800, **dict.fromkeys("-YXWVU", 1900), **dict.fromkeys("ABCDEF", 2000)}
CHECK_CHARS = "0123456789ABCDEFHJKLMNPRSTUVWXY"


@st.composite
def identity_codes(draw: st.DrawFn) -> Tuple[str, str, str, str]:
    """(date part DDMMYY, century sign, individual number, check character)."""
    sign = draw(st.sampled_from(sorted(CENTURIES)))
    century = CENTURIES[sign]
    day = draw(st.dates(datetime.date(century, 1, 1), datetime.date(century + 99, 12, 31)))
    individual = f"{draw(st.one_of(st.integers(2, 899), st.integers(900, 999))):03d}"
    date_part = day.strftime("%d%m") + f"{day.year % 100:02d}"
    check = CHECK_CHARS[int(date_part + individual) % 31]
    assert stdnum_hetu.is_valid(date_part + sign + individual + check, allow_temporary=True)
    return date_part, sign, individual, check


CARD_LAYOUTS = [  # (prefixes, length)
    (["4"], 13),
    (["4"], 16),
    (["4"], 19),
    (["51", "52", "53", "54", "55", "2221", "2500", "2720"], 16),
    (["34", "37"], 15),
]


@st.composite
def card_numbers(draw: st.DrawFn) -> str:
    prefixes, length = draw(st.sampled_from(CARD_LAYOUTS))
    prefix = draw(st.sampled_from(prefixes))
    body = prefix + draw(st.text("0123456789", min_size=length - len(prefix) - 1,
                                 max_size=length - len(prefix) - 1))  # fmt: skip
    number = body + luhn.calc_check_digit(body)
    assert luhn.is_valid(number) and len(number) == length
    return number


_FILL = {"n": "0123456789", "a": "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "c": "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"}  # fmt: skip


@st.composite
def ibans(draw: st.DrawFn) -> str:
    country = draw(st.sampled_from(sorted(IBAN_COUNTRIES)))
    bban = "".join(
        draw(st.text(_FILL[kind], min_size=int(count), max_size=int(count)))
        for count, kind in re.findall(r"(\d+)!([nac])", IBAN_COUNTRIES[country].bban)
    )
    number = country + stdnum_iban.calc_check_digits(country + "00" + bban) + bban
    assert stdnum_iban.is_valid(number, check_country=False)
    return number


@st.composite
def domestic_accounts(draw: st.DrawFn) -> Tuple[str, str]:
    """An old Finnish account number as (six digits, 2-8 digits), check digit by Luhn."""
    head = draw(st.sampled_from("12345678")) + draw(st.text("0123456789", min_size=5, max_size=5))
    tail_length = draw(st.integers(2, 8))
    tail_body = draw(st.text("0123456789", min_size=tail_length - 1, max_size=tail_length - 1))
    zeros = "0" * (14 - 6 - tail_length)
    if head[0] in "45":  # zeros after the seventh digit (Finance Finland's rule)
        machine = head + tail_body[:1] + zeros + tail_body[1:]
    else:
        machine = head + zeros + tail_body
    check = luhn.calc_check_digit(machine)
    assert luhn.is_valid(machine + check)
    return head, tail_body + check


# ------------------------------------------------------------------ spellings

INVISIBLE = ["\u200b", "\u200c", "\u2060", "\ufeff", "\u00ad"]
SPACES = [" ", "\u00a0", "\u202f", "\u2009"]


@st.composite
def with_invisible(draw: st.DrawFn, text: str) -> str:
    """``text`` with zero-width characters at a few random places, or unchanged."""
    for _ in range(draw(st.integers(0, 2))):
        position = draw(st.integers(0, len(text)))
        text = text[:position] + draw(st.sampled_from(INVISIBLE)) + text[position:]
    return text


@st.composite
def identity_code_spellings(draw: st.DrawFn) -> str:
    date_part, sign, individual, check = draw(identity_codes())
    space = draw(st.sampled_from(SPACES))
    dash = draw(st.sampled_from(["-", "\u2013", "\u2212"])) if sign == "-" else sign
    day, month, year = date_part[:2], date_part[2:4], date_part[4:]
    forms = [
        f"{date_part}{dash}{individual}{check}",
        f"{date_part}{space}{dash}{space}{individual}{check}",
        f"{date_part}{space}{individual}{check}",  # the sign left out
        f"{date_part}\n{individual}{check}",
        f"{day}.{month}.{year}{dash}{individual}{check}",
        f"{date_part}{dash}{individual}{space}{check}",
    ]
    if check.isalpha():
        forms.append(f"{date_part}{individual}{check}")  # nothing between
    code = draw(st.sampled_from(forms))
    if draw(st.booleans()):
        code = code.lower()
    return draw(with_invisible(code))


@st.composite
def card_spellings(draw: st.DrawFn) -> str:
    number = draw(card_numbers())
    separator = draw(st.sampled_from([" ", "-", ".", "/", "\n", "\u00a0", "\u2013"]))
    if len(number) == 15 and draw(st.booleans()):
        groups = [number[:4], number[4:10], number[10:]]  # American Express 4-6-5
    else:
        groups = [number[i : i + 4] for i in range(0, len(number), 4)]
    written = draw(st.sampled_from([number, separator.join(groups)]))
    details = draw(
        st.sampled_from(
            [
                "",
                " 12/27 123",
                " exp 12/27 cvc 123",
                ", voimassa 01/2029, turvakoodi 4321",
                " cvv: 987 valid thru 3/28",
                " giltig t.o.m. 11/26 säkerhetskod 555",
                "\n12/27\n123",
            ]
        )
    )
    return draw(with_invisible(written)) + details


@st.composite
def iban_spellings(draw: st.DrawFn) -> str:
    number = draw(ibans())
    groups = [number[i : i + 4] for i in range(0, len(number), 4)]
    separator = draw(st.sampled_from([" ", "-", "\u00a0"]))
    spaced = separator.join(groups)
    if len(groups) > 2 and draw(st.booleans()):
        cut = draw(st.integers(1, len(groups) - 1))
        spaced = (
            " ".join(groups[:cut])
            + draw(st.sampled_from(["\n", "\r\n", " \n"]))
            + " ".join(groups[cut:])
        )
    written = draw(st.sampled_from([number, spaced]))
    if draw(st.booleans()):
        written = written.lower()
    return draw(with_invisible(written))


@st.composite
def domestic_spellings(draw: st.DrawFn) -> str:
    head, tail = draw(domestic_accounts())
    dash = draw(st.sampled_from(["-", " - ", "\u2013", "\u00a0-\u00a0"]))
    return f"{head}{dash}{tail}"


# Sentences with no digits of their own; "{}" is the value. Glued forms have no space.
SENTENCES = {
    "identity": [
        "mun hetu on {}", "henkilötunnus: {}", "hetu:{}", "hetuni{}", "äidin hetu {} kiitos",
        "mitt personnummer är {}", "my personal identity code is {}", "{}", "tässä {}.",
        "Hei, voitteko tarkistaa {} onko oikein?",
    ],
    "card": [
        "kortti {}", "kortin numero on {}", "korttinumero:{}", "kortti{}", "maksoin kortilla {}",
        "mitt kortnummer är {}", "my card is {} thanks", "{}", "{}, auttakaa",
    ],
    "iban": [
        "tilinumero {}", "tilinumero{}", "tili:{}", "maksa tilille {} kiitos", "{}",
        "mitt kontonummer är {}", "please pay to {} today",
    ],
    "domestic": [
        "tilinumero {}", "Nordea {}", "OP {} kiitos", "vanha tilinumeroni on {}", "{}",
        "mitt gamla konto {}", "my old account number is {}",
    ],
}  # fmt: skip
SPELLINGS: Dict[str, Callable[[], st.SearchStrategy[str]]] = {
    "identity": identity_code_spellings,
    "card": card_spellings,
    "iban": iban_spellings,
    "domestic": domestic_spellings,
}


@st.composite
def sentences_with_a_value(draw: st.DrawFn) -> Tuple[str, str]:
    kind = draw(st.sampled_from(sorted(SPELLINGS)))
    value = draw(SPELLINGS[kind]())
    return kind, draw(st.sampled_from(SENTENCES[kind])).format(value)


@settings(max_examples=1600, **PROPERTY_SETTINGS)
@given(sentences_with_a_value())
@example(("card", "kortti 3701-120657-00002"))  # found by Hypothesis: not an old account number
def test_no_generated_value_survives_in_a_sentence(case: Tuple[str, str]) -> None:
    kind, text = case
    RAN[f"values_{kind}"] += 1
    redacted = redact_text(text)
    assert digits_left(redacted) == "", f"{kind}: {text!r} -> {redacted!r}"
    guarded = PersonalDataGuard().screen("property", text).text
    assert digits_left(guarded) == "", f"{kind}: {text!r} -> {guarded!r}"


# ------------------------------------------------------------------ split over two messages


@st.composite
def split_identity_codes(draw: st.DrawFn) -> Tuple[str, str]:
    date_part, sign, individual, check = draw(identity_codes())
    cue = draw(
        st.sampled_from(["mun hetu on ", "henkilötunnus ", "hetu: ", "min personnummer är "])
    )
    sign_first = draw(st.booleans())
    first = cue + date_part + (sign if sign_first else "")
    rest = individual + draw(st.sampled_from(["", " "])) + check
    second = rest if sign_first else sign + draw(st.sampled_from(["", " "])) + rest
    if draw(st.booleans()):
        second = second.lower()
    return first, second + draw(st.sampled_from(["", " kiitos", "."]))


@st.composite
def split_card_numbers(draw: st.DrawFn) -> Tuple[str, str]:
    number = draw(card_numbers())
    cue = draw(st.sampled_from(["kortin numero on ", "kortti ", "card number ", "kortnummer "]))
    if draw(st.booleans()):  # in groups of four, split after a group
        groups = [number[i : i + 4] for i in range(0, len(number), 4)]
        cut = draw(st.integers(1, min(3, len(groups) - 1)))
        first, second = " ".join(groups[:cut]), " ".join(groups[cut:])
    else:  # one run, split anywhere that leaves 6-15 digits first
        cut = draw(st.integers(6, min(15, len(number) - 1)))
        first, second = number[:cut], number[cut:]
    details = draw(st.sampled_from(["", " 12/27", " 12/27 123", " exp 12/27 cvc 123"]))
    return cue + first, second + details


@settings(max_examples=1200, **PROPERTY_SETTINGS)
@given(st.one_of(split_identity_codes(), split_card_numbers()))
# Found by Hypothesis: the first half passes Luhn on its own; "009" is digits, not a code.
@example(("kortin numero on 46064001134446", "00"))
@example(("kortin numero on 2221000000000", "009 12/27 123"))
@example(("henkilötunnus 010100E", "002H"))  # "010100E" is no sum of euros
def test_a_value_split_over_two_messages_does_not_survive(messages: Tuple[str, str]) -> None:
    RAN["split_messages"] += 1
    guard = PersonalDataGuard()
    screened = [guard.screen("split", message).text for message in messages]
    # After its cue the first half is a secret of its own; the second half completes it.
    assert [digits_left(text) for text in screened] == ["", ""], (messages, screened)


# ------------------------------------------------------------------ everyday values are kept


@st.composite
def postal_codes(draw: st.DrawFn) -> str:
    return draw(st.text("0123456789", min_size=5, max_size=5))


@st.composite
def phone_numbers(draw: st.DrawFn) -> str:
    mobile = draw(st.sampled_from(["040", "041", "044", "045", "046", "050"]))
    number = draw(st.text("0123456789", min_size=7, max_size=7))
    area = draw(st.sampled_from(["09", "02", "03", "08", "013", "017"]))
    landline = draw(st.text("0123456789", min_size=5, max_size=7))
    return draw(
        st.sampled_from(
            [
                f"{mobile} {number[:3]} {number[3:]}",
                f"{mobile}{number}",
                f"{mobile}-{number}",
                f"+358 {mobile[1:]} {number}",
                f"+358{mobile[1:]}{number}",
                f"{area}-{landline[:3]} {landline[3:]}",
                f"{area} {landline}",
            ]
        )
    )


@st.composite
def dates(draw: st.DrawFn) -> str:
    day = draw(st.dates(datetime.date(1920, 1, 1), datetime.date(2099, 12, 31)))
    return draw(
        st.sampled_from(
            [
                f"{day.day}.{day.month}.{day.year}",
                f"{day.day:02d}.{day.month:02d}.{day.year}",
                f"{day.day}.{day.month}.",
                day.isoformat(),
                f"{day.month}/{day.year % 100:02d}",
            ]
        )
    )


@st.composite
def times(draw: st.DrawFn) -> str:
    return f"klo {draw(st.integers(0, 23))}.{draw(st.integers(0, 59)):02d}"


@st.composite
def amounts(draw: st.DrawFn) -> str:
    euros = draw(st.integers(1, 999_999))
    grouped = f"{euros:,}".replace(",", " ")
    cents = draw(st.integers(0, 99))
    return draw(
        st.sampled_from(
            [f"{euros} €", f"{euros}€", f"{grouped} euroa", f"{euros},{cents:02d} e", f"€ {euros}"]
        )
    )


@st.composite
def years(draw: st.DrawFn) -> str:
    return str(draw(st.integers(1900, 2099)))


EVERYDAY = {
    "postal_code": (postal_codes, ["asun {} Oulussa", "postinumero {}", "{} Helsinki"]),
    "phone": (phone_numbers, ["soita {}", "numeroni on {}", "ring mig på {}", "call me at {}"]),
    "date": (dates, ["aika {}", "syntynyt {}", "tapaaminen {} kirjastossa", "on {} please"]),
    "time": (times, ["tulen {}", "aukeaa {}"]),
    "amount": (amounts, ["maksoin {}", "hinta oli {}", "det kostade {}", "it cost {}"]),
    "year": (years, ["vuonna {}", "syntynyt {}", "since {}", "sedan {}"]),
}


@st.composite
def sentences_with_everyday_values(draw: st.DrawFn) -> Tuple[str, str]:
    kinds = draw(st.lists(st.sampled_from(sorted(EVERYDAY)), min_size=1, max_size=3))
    parts = []
    for kind in kinds:
        strategy, templates = EVERYDAY[kind]
        parts.append(draw(st.sampled_from(templates)).format(draw(strategy())))
    return "+".join(kinds), draw(st.sampled_from([", ", " ja ", ". "])).join(parts)


@settings(max_examples=1200, **PROPERTY_SETTINGS)
@given(sentences_with_everyday_values())
def test_everyday_values_in_sentences_are_never_redacted(case: Tuple[str, str]) -> None:
    kinds, text = case
    RAN["everyday_sentences"] += 1
    assert redact_text(text) == text, kinds
    guard = PersonalDataGuard()
    guard.screen("everyday", "unohdin tunnusluvun")  # even right after talk about codes
    assert guard.screen("everyday", text).text == text, kinds


@settings(max_examples=800, **PROPERTY_SETTINGS)
@given(st.sampled_from(["postal_code", "phone", "date", "time", "amount"]).flatmap(
    lambda kind: EVERYDAY[kind][0]()))  # fmt: skip
@example("01.01.2000")  # found by Hypothesis: a date, not the time "01.01" and a rest
def test_an_everyday_value_alone_after_code_talk_is_kept(value: str) -> None:
    RAN["everyday_alone"] += 1
    guard = PersonalDataGuard()
    guard.screen("alone", "mikä pin-koodi pitää laittaa?")
    assert guard.screen("alone", value).text == value


# ------------------------------------------------------------------ the store path keeps nothing


@st.composite
def conversations(draw: st.DrawFn) -> List[str]:
    """User messages: values in sentences, split values, a bare code after code talk, chat."""
    messages: List[str] = []
    for _ in range(draw(st.integers(1, 4))):
        shape = draw(st.sampled_from(["value", "split", "bare", "chat"]))
        if shape == "value":
            messages.append(draw(sentences_with_a_value())[1])
        elif shape == "split":
            messages.extend(draw(st.one_of(split_identity_codes(), split_card_numbers())))
        elif shape == "bare":
            messages.append(draw(st.sampled_from(["mikä pin pitäis olla?", "my password is?"])))
            # Four or six digits: five are a postal code (bot.guard.everyday's decision).
            length = draw(st.sampled_from([4, 6]))
            messages.append(draw(st.text("0123456789", min_size=length, max_size=length)))
        else:
            messages.append(draw(st.sampled_from(["hei", "kiitos", "asun oulussa"])))
    return messages


def _events(messages: List[str]) -> List[Dict[str, Any]]:
    events: List[Any] = [ActionExecuted("action_listen")]
    for text in messages:
        events.append(
            UserUttered(
                text,
                intent={"name": "inform", "confidence": 0.9},
                entities=[{"entity": "note", "value": text, "start": 0, "end": len(text)}],
                metadata={"raw": text},
            )
        )
        events.append(SlotSet("note", text))
        events.append(BotUttered("Älä kerro tunnuslukuja kenellekään."))
        events.append(ActionExecuted("action_listen"))
    return [event.as_dict() for event in events]


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@settings(max_examples=600, **PROPERTY_SETTINGS)
@given(conversations())
# Found by Hypothesis: a bare code copied into a slot, and a card in two spellings.
@example(["mikä pin pitäis olla?", "0000"])
@example(["kortti 4000000000006", "4000 0000 0000 6"])
def test_the_store_path_keeps_no_value(messages: List[str]) -> None:
    RAN["store_conversations"] += 1
    redacted = redact_event_dicts(_events(messages))
    leftover = [s for s in _strings(redacted) if digits_left(s)]
    assert leftover == [], json.dumps(messages, ensure_ascii=False)
