"""How one provider's message is said: its name, then one domain response per line it has.

WHY this exists: Rasa 3.6's templates fill `{variables}` but cannot leave a line out, and a
provider has an address, a phone, hours... or not. So the action sends the response
`utter_provider` with the provider's data (`name`, `lines`: one response name and its values per
line, `card`: the card's data), and the response generator says it: utter_provider's text, then
each line's response, one per line, with Rasa's own variation selection (bot/directory/nlg.py).
An NLG server gets the same response name and values. The CLI and the tests say plans with the
same functions over the domain files (`present.render_plan`), so every text is a domain
response.

Three variables name labels instead of carrying text: `forms` (form keys, said as the
utter_label_form_* texts joined with commas), `weekday` (0 = Monday, said as
utter_label_weekday_*) and `languages` (language codes, said as utter_label_language_* joined
as a list: "suomeksi ja ruotsiksi", "finska och svenska", "Finnish, Swedish and English", the
last pair joined by utter_label_and). Every label is a response, so it has a variation per
language (slot `language`) like any other text.
"""

from __future__ import annotations

from typing import Any, Callable, Dict, List, Mapping, Optional

#: The provider message's response; its text is the first line (the name).
PROVIDER = "utter_provider"
#: Variables whose values are label keys, and the responses that say the labels.
FORM_LABEL = "utter_label_form_{}"
WEEKDAY_LABEL = "utter_label_weekday_{}"
LANGUAGE_LABEL = "utter_label_language_{}"
#: The word that joins the last two items of a list: "ja", "och", "and".
AND_LABEL = "utter_label_and"

#: Says one domain response with values: (response name, values) -> its text.
Say = Callable[[str, Mapping[str, Any]], str]


def form_labels(say: Say, forms: Any) -> List[str]:
    """The Finnish labels of form keys: "kotikäynti", "puhelinneuvonta"."""
    return [say(FORM_LABEL.format(form), {}) for form in forms]


def language_labels(say: Say, languages: Any) -> str:
    """Language codes as a list in words: "suomeksi ja ruotsiksi", "Finnish and Swedish"."""
    labels = [say(LANGUAGE_LABEL.format(code), {}) for code in languages]
    if len(labels) < 2:
        return "".join(labels)
    return f"{', '.join(labels[:-1])} {say(AND_LABEL, {})} {labels[-1]}"


def with_labels(say: Say, values: Mapping[str, Any]) -> Dict[str, Any]:
    """`values` with `forms`, `weekday` and `languages` said as their labels."""
    said = dict(values)
    if isinstance(said.get("forms"), (list, tuple)):
        said["forms"] = ", ".join(form_labels(say, said["forms"]))
    if isinstance(said.get("weekday"), int):
        said["weekday"] = say(WEEKDAY_LABEL.format(said["weekday"]), {})
    if isinstance(said.get("languages"), (list, tuple)):
        said["languages"] = language_labels(say, said["languages"])
    return said


def line_text(say: Say, line: Mapping[str, Any]) -> str:
    """One line of a provider: its response with its values."""
    return say(str(line["response"]), with_labels(say, line.get("values") or {}))


def provider_text(say: Say, values: Mapping[str, Any]) -> str:
    """The provider's message: the name (utter_provider), then its lines."""
    lines = [line_text(say, line) for line in values.get("lines") or ()]
    return "\n".join([say(PROVIDER, {"name": values.get("name", "")}), *lines])


def lines_of_kind(values: Mapping[str, Any], kind: str) -> List[Mapping[str, Any]]:
    return [line for line in values.get("lines") or () if line.get("kind") == kind]


def first_line_text(say: Say, values: Mapping[str, Any], kind: str) -> Optional[str]:
    found = lines_of_kind(values, kind)
    return line_text(say, found[0]) if found else None
