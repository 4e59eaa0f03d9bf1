"""Settings of the HTTP boundary: documented defaults, bad values stop the start-up."""

import logging

import pytest

from bot.web.settings import (
    DEFAULT_MAX_MESSAGE_CHARS,
    DEFAULT_MAX_REQUEST_BYTES,
    HttpSettings,
    SettingsError,
    api_access,
    warn_if_exposed,
)

TOKEN = "a-token-of-enough-length"


def test_defaults_without_environment() -> None:
    settings = HttpSettings.from_environment({})
    assert settings.max_message_chars == DEFAULT_MAX_MESSAGE_CHARS == 1000
    assert settings.max_request_bytes == DEFAULT_MAX_REQUEST_BYTES == 32 * 1024
    assert settings.public is False and settings.session_secret is None
    assert settings.chat_idle_minutes == 15


def test_values_from_the_environment() -> None:
    settings = HttpSettings.from_environment(
        {
            "DIGITUKI_MAX_MESSAGE_CHARS": "500",
            "DIGITUKI_MAX_REQUEST_BYTES": "16384",
            "DIGITUKI_PUBLIC": "1",
            "DIGITUKI_SESSION_SECRET": "s" * 40,
            "DIGITUKI_CHAT_IDLE_MINUTES": "5",
        }
    )
    assert settings.chat_idle_minutes == 5
    assert (settings.max_message_chars, settings.max_request_bytes) == (500, 16384)
    assert settings.public and settings.session_secret == "s" * 40


@pytest.mark.parametrize(
    "environ, named",
    [
        ({"DIGITUKI_MAX_MESSAGE_CHARS": "paljon"}, "DIGITUKI_MAX_MESSAGE_CHARS"),
        ({"DIGITUKI_MAX_MESSAGE_CHARS": "0"}, "DIGITUKI_MAX_MESSAGE_CHARS"),
        ({"DIGITUKI_MAX_REQUEST_BYTES": "2048"}, "DIGITUKI_MAX_REQUEST_BYTES"),
        ({"DIGITUKI_PUBLIC": "maybe"}, "DIGITUKI_PUBLIC"),
        ({"DIGITUKI_SESSION_SECRET": "short"}, "DIGITUKI_SESSION_SECRET"),
        ({"DIGITUKI_CHAT_IDLE_MINUTES": "0"}, "DIGITUKI_CHAT_IDLE_MINUTES"),
        ({"DIGITUKI_CHAT_IDLE_MINUTES": "1441"}, "DIGITUKI_CHAT_IDLE_MINUTES"),
        ({"DIGITUKI_CHAT_IDLE_MINUTES": "15 min"}, "DIGITUKI_CHAT_IDLE_MINUTES"),
    ],
)
def test_a_bad_value_names_its_variable(environ, named) -> None:
    with pytest.raises(SettingsError, match=named):
        HttpSettings.from_environment(environ)


def test_the_api_is_refused_without_a_credential() -> None:
    with pytest.raises(SettingsError, match="--enable-api needs a credential"):
        api_access(True, environ={})
    assert api_access(False, environ={}).auth_token is None


def test_the_token_comes_from_the_command_line_then_the_environment() -> None:
    assert api_access(True, TOKEN, environ={}).auth_token == TOKEN
    env = {"RASA_AUTH_TOKEN": "r" * 20, "DIGITUKI_API_TOKEN": "d" * 20}
    assert api_access(True, environ=env).auth_token == "d" * 20
    assert api_access(True, environ={"RASA_AUTH_TOKEN": "r" * 20}).auth_token == "r" * 20
    assert api_access(True, jwt_secret="jwt-key", environ={}).jwt_secret == "jwt-key"
    with pytest.raises(SettingsError, match="at least 16"):
        api_access(True, "short", environ={})


def test_cors_origins_are_listed_explicitly_and_never_a_wildcard() -> None:
    assert api_access(False, environ={}).cors_origins == ()
    env = {"DIGITUKI_CORS_ORIGINS": "https://www.kunta.fi, http://localhost:8080/"}
    assert api_access(False, environ=env).cors_origins == (
        "https://www.kunta.fi",
        "http://localhost:8080",
    )
    cli = api_access(False, cors_origins=["https://a.fi"], environ=env)
    assert cli.cors_origins == ("https://a.fi",)
    for bad in ("*", "www.kunta.fi", "https://*.kunta.fi"):
        with pytest.raises(SettingsError):
            api_access(False, cors_origins=[bad], environ={})


def test_a_public_address_without_the_public_setting_is_warned_about(caplog) -> None:
    with caplog.at_level(logging.WARNING, logger="bot.web.settings"):
        for host in ("127.0.0.1", "::1", "localhost"):
            warn_if_exposed(host, HttpSettings())
        warn_if_exposed("0.0.0.0", HttpSettings(public=True))
        assert caplog.text == ""
        warn_if_exposed("0.0.0.0", HttpSettings())
    assert "DIGITUKI_PUBLIC=1" in caplog.text
