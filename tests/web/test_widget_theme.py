"""The embedding site's settings as the chat page may apply them (bot.web.widget_theme).

Anybody can link to the chat page with parameters of their own, so each setting is either the
operator's plausible value or nothing: no phone numbers in the name, no colour that fails WCAG
AA with white text or on the bot's bubble, no image from a site that may not embed the chat, no
municipality that does not exist.
"""

from __future__ import annotations

import logging
import re

import pytest

from bot.web.channel import STATIC_DIR
from bot.web.widget_theme import (
    BOT_BUBBLE,
    MAX_NAME_CHARS,
    checked_color,
    checked_language,
    checked_logo,
    checked_name,
    contrast,
    known_municipality,
    widget_theme,
)

HAILUOTO_SITE = "https://www.hailuoto.fi"


@pytest.mark.parametrize(
    "raw, shown",
    [
        ("Hailuodon kunta", "Hailuodon kunta"),
        ("  Pedersören   kunta ", "Pedersören kunta"),
        ("Anára gielda", "Anára gielda"),
        ("Kaarinan kaupunki (digituki)", "Kaarinan kaupunki (digituki)"),
        ("Lohjan kaupunki – digituki", "Lohjan kaupunki – digituki"),
    ],
)
def test_a_municipality_name_is_shown_as_written(raw: str, shown: str) -> None:
    assert checked_name(raw) == shown


@pytest.mark.parametrize(
    "raw",
    [
        "Soita heti 0800 123 456",  # a stranger's phone number in the municipality's page
        "Pankki https://huijaus.example/kirjaudu",
        "<b>Hailuodon kunta</b>",
        "Hailuodon kunta\u202e",
        "x" * (MAX_NAME_CHARS + 1),
        "",
        None,
    ],
)
def test_a_name_that_could_carry_a_number_an_address_or_markup_is_left_out(raw) -> None:
    assert checked_name(raw) is None


def test_contrast_follows_the_wcag_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#00528a", "#00528a") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_a_dark_enough_colour_is_used_in_lower_case() -> None:
    assert checked_color("#00528A") == "#00528a"
    assert checked_color("#1a1a1a") == "#1a1a1a"


@pytest.mark.parametrize(
    "raw",
    [
        "#3399ff",  # 2.9:1 with white text
        "#0072c6",  # 5.0:1 with white but 4.48:1 on the bot's bubble, where links are
        "#ffd700",
    ],
)
def test_a_colour_that_fails_wcag_aa_falls_back_to_the_default_and_is_logged(raw, caplog):
    with caplog.at_level(logging.INFO, logger="bot.web.widget_theme"):
        assert checked_color(raw) is None
    assert raw in caplog.text and "4.5:1" in caplog.text


@pytest.mark.parametrize(
    "raw", ["red", "#fff", "00528a", "#00528a; background: url(//x)", "#00528g", "", None]
)
def test_only_rrggbb_is_taken_as_a_colour(raw) -> None:
    assert checked_color(raw) is None


def test_the_bubble_colour_checked_is_the_one_the_page_uses() -> None:
    css = (STATIC_DIR / "chat.css").read_text(encoding="utf-8")
    assert re.search(r"--bot:\s*([#0-9a-fA-F]+)", css).group(1).lower() == BOT_BUBBLE
    script = (STATIC_DIR / "widget.js").read_text(encoding="utf-8")
    assert f'"{BOT_BUBBLE}"' in script  # the launcher checks the colour by the same rule


@pytest.mark.parametrize(
    "raw",
    [
        "/webhooks/webchat/esimerkkila-logo.svg",
        f"{HAILUOTO_SITE}/logo.svg",
        "https://WWW.hailuoto.fi/kuvat/vaakuna.png?v=2",
    ],
)
def test_a_logo_on_the_assistant_or_on_a_listed_site_is_shown(raw: str) -> None:
    assert checked_logo(raw, [HAILUOTO_SITE]) == raw


@pytest.mark.parametrize(
    "raw",
    [
        "https://huijaus.example/logo.png",  # a site that may not embed the chat
        "https://www.hailuoto.fi.huijaus.example/logo.svg",
        "http://www.hailuoto.fi/logo.svg",
        "//huijaus.example/logo.png",
        "https://kayttaja:salasana@www.hailuoto.fi/logo.svg",
        "javascript:alert(1)",
        "data:image/svg+xml,<svg/>",
        '/logo.svg" onerror="alert(1)',
        "/logo with spaces.svg",
        "/" + "a" * 600,
        "",
        None,
    ],
)
def test_any_other_logo_is_left_out(raw) -> None:
    assert checked_logo(raw, [HAILUOTO_SITE]) is None


@pytest.mark.parametrize(
    "raw, name",
    [
        ("Hailuoto", "Hailuoto"),
        ("hailuoto", "Hailuoto"),
        ("Helsingfors", "Helsinki"),
        ("072", "Hailuoto"),
        ("Pedersöre", "Pedersören kunta"),  # its official Finnish name
    ],
)
def test_a_known_municipality_is_given_back_by_its_finnish_name(raw: str, name: str) -> None:
    assert known_municipality(raw) == name


@pytest.mark.parametrize("raw", ["Esimerkkilä", "Tukholma", "999"])
def test_an_unknown_municipality_is_not_used(raw: str) -> None:
    assert known_municipality(raw) is None


@pytest.mark.parametrize(
    ("raw", "language"),
    [("fi", "fi"), ("sv", "sv"), ("en", "en"), ("sv-FI", "sv"), ("EN", "en")]
    + [(raw, "fi") for raw in ("", None, "de", "fi-FI; drop table", "sv" * 20)],
)
def test_the_language_is_one_of_the_three_else_finnish(raw, language) -> None:
    assert checked_language(raw) == language


def test_the_whole_theme_from_a_query_as_sanic_parses_it() -> None:
    query = {
        "name": ["Hailuodon kunta"],
        "color": ["#00528a"],
        "logo": [f"{HAILUOTO_SITE}/logo.svg"],
        "municipality": ["Hailuoto"],
        "language": ["sv"],
        "extra": ["ignored"],
    }
    theme = widget_theme(
        query,
        [HAILUOTO_SITE],
        municipality_name=lambda _: "Hailuoto",
        name_in_language=lambda name, language: {("Hailuoto", "sv"): "Karlö"}[name, language],
    )
    assert theme == {
        "name": "Hailuodon kunta",
        "color": "#00528a",
        "logo": f"{HAILUOTO_SITE}/logo.svg",
        "municipality": "Hailuoto",
        "municipality_shown": "Karlö",
        "language": "sv",
    }


def test_an_empty_query_changes_nothing() -> None:
    assert widget_theme({}) == {
        "name": None,
        "color": None,
        "logo": None,
        "municipality": None,
        "municipality_shown": None,
        "language": "fi",
    }


def test_an_overlong_municipality_is_not_looked_up() -> None:
    asked = []
    theme = widget_theme({"municipality": "Hailuoto" * 10}, municipality_name=asked.append)
    assert theme["municipality"] is None and asked == []
