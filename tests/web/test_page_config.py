"""The chat page's config (bot.web.page_config): the server's sentences in every language.

The page shows its own words in the page's language (chat.js); the sentences that are the
bot's words (too long, the national contacts) come from the domain, in Finnish, Swedish and
English, and the Finnish ones stay where older pages read them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.domain_files import DomainFilesError, language_text, load_responses, response_texts
from bot.guard.limits import TOO_LONG_RESPONSE, message_too_long_text
from bot.web.page_config import (
    CONTACTS_RESPONSE,
    national_contacts,
    national_contacts_texts,
    page_config,
    too_long_texts,
)
from bot.web.settings import HttpSettings

LANGUAGES = {"fi", "sv", "en"}
ADDRESS = "www.kansalaisneuvonta.fi"


@pytest.fixture(scope="module")
def config():
    return page_config(HttpSettings(max_message_chars=750))


def test_the_finnish_texts_stay_where_they_were(config) -> None:
    assert config["too_long_text"] == message_too_long_text(750)
    assert config["national_contacts"] == national_contacts()
    assert config["too_long_texts"]["fi"] == config["too_long_text"]
    assert config["national_contacts_texts"]["fi"] == config["national_contacts"]


def test_the_too_long_text_comes_in_every_language_with_the_limit(config) -> None:
    texts = config["too_long_texts"]
    assert set(texts) == LANGUAGES
    for language, text in texts.items():
        assert "750" in text and "{limit}" not in text, language
    assert len(set(texts.values())) == 3  # three different sentences, not one copied


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_too_long_text_is_the_domains_variation_in_that_language(language) -> None:
    variations = load_responses()[TOO_LONG_RESPONSE]
    domain = str(language_text(variations, language)).strip().replace("{limit}", "1000")
    assert too_long_texts(1000)[language] == domain


def test_the_national_contacts_come_in_every_language_without_the_apology(config) -> None:
    texts = config["national_contacts_texts"]
    assert set(texts) == LANGUAGES
    for language, text in texts.items():
        assert ADDRESS in text, language
    # Only the sentence with the address: not "I could not find a suitable place".
    apologies = {
        language: str(language_text(load_responses()[CONTACTS_RESPONSE], language)).split(".")[0]
        for language in LANGUAGES
    }
    for language, text in texts.items():
        assert apologies[language] not in text, language


def test_the_config_is_plain_json_values(config) -> None:
    for key in ("too_long_texts", "national_contacts_texts"):
        assert all(isinstance(text, str) and text for text in config[key].values()), key


DOMAIN = """\
responses:
  utter_message_too_long:
    - text: "Liian pitkä, enintään {limit} merkkiä."
    - condition:
        - type: slot
          name: language
          value: sv
      text: "För långt, högst {limit} tecken."
%(english)s
  utter_human_none:
    - text: "Ei löytynyt. Neuvonta: www.example.fi"
    - condition:
        - type: slot
          name: language
          value: sv
      text: "Hittade inget. Rådgivning: www.example.fi"
    - condition:
        - type: slot
          name: language
          value: en
      text: "Found nothing. Advice: www.example.fi"
"""
ENGLISH = """\
    - condition:
        - type: slot
          name: language
          value: en
      text: "Too long, at most {limit} characters."
"""


def _domain(tmp_path: Path, english: str) -> Path:
    (tmp_path / "guard.yml").write_text(DOMAIN % {"english": english}, encoding="utf-8")
    return tmp_path


def test_each_language_is_read_from_its_own_variation(tmp_path) -> None:
    domain = _domain(tmp_path, ENGLISH)
    assert too_long_texts(20, domain) == {
        "fi": "Liian pitkä, enintään 20 merkkiä.",
        "sv": "För långt, högst 20 tecken.",
        "en": "Too long, at most 20 characters.",
    }
    assert national_contacts_texts(domain) == {
        "fi": "Neuvonta: www.example.fi",
        "sv": "Rådgivning: www.example.fi",
        "en": "Advice: www.example.fi",
    }


def test_a_missing_language_stops_the_config_instead_of_showing_finnish(tmp_path) -> None:
    domain = _domain(tmp_path, "")
    with pytest.raises(DomainFilesError, match="'en'"):
        page_config(HttpSettings(), domain)


def test_a_missing_response_is_named(tmp_path) -> None:
    with pytest.raises(DomainFilesError, match="utter_nothing"):
        response_texts("utter_nothing", _domain(tmp_path, ENGLISH))
