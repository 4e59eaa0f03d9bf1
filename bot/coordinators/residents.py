"""Simulated residents: who writes to the assistant, about what, and how they answer.

WHY: the coordinators' report needs a realistic store to be demonstrated and timed on, and the
only honest way to fill one is to let people talk to the real assistant. A resident here is a
seeded plan (place, topic, level, who is asking, the form of help wished for, how the
conversation ends) and a writer of plain, varied Finnish that answers whatever the assistant
asked last (the `awaiting` slot). Nothing here decides what the assistant understood: the report
counts what the assistant itself stored.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

TOPIC_WEIGHTS: Dict[str, float] = {
    "banking": 0.2,
    "suomifi_messages": 0.1,
    "identification": 0.15,
    "authorizations": 0.07,
    "e_services": 0.16,
    "device": 0.14,
    "communication": 0.1,
    "security": 0.08,
}
LEVEL_WEIGHTS: Dict[str, float] = {
    "self_service": 0.15,
    "light_support": 0.35,
    "demanding_support": 0.35,
    "non_digital": 0.15,
}
ASKER_WEIGHTS: Dict[str, float] = {"self": 0.55, "relative": 0.35, "advisor": 0.1}
#: How a conversation ends, from the resident's side.
ENDING_WEIGHTS: Dict[str, float] = {
    "thanks": 0.45,  # reads the help, thanks and says goodbye
    "silent": 0.2,  # reads the help and leaves without a word
    "more": 0.1,  # asks "kerro lisää", then thanks
    "human": 0.07,  # asks for a person
    "abandon": 0.12,  # leaves before the triage is complete
    "off_topic": 0.06,  # asks something the assistant is not for
}

# What the trouble is, as an infinitive phrase that fits "en osaa ...", "äiti ei osaa ...".
PROBLEMS: Dict[str, Tuple[str, ...]] = {
    "banking": (
        "käyttää verkkopankkia",
        "maksaa laskuja netissä",
        "kirjautua nettipankkiin",
        "tehdä e-laskusopimusta",
        "maksaa laskua mobiilisovelluksella",
    ),
    "suomifi_messages": (
        "lukea Suomi.fi-viestejä",
        "ottaa Suomi.fi-viestejä käyttöön",
        "avata viestiä joka tuli Suomi.fi:hin",
    ),
    "identification": (
        "tunnistautua pankkitunnuksilla",
        "käyttää tunnuslukusovellusta",
        "ottaa mobiilivarmennetta käyttöön",
        "kirjautua vahvalla tunnistautumisella",
    ),
    "authorizations": (
        "tehdä valtuutusta Suomi.fi:ssä",
        "hoitaa asioita toisen puolesta valtuutuksella",
        "antaa puolisolle valtuutta asioida puolestani",
    ),
    "e_services": (
        "hakea asumistukea Kelan verkkopalvelussa",
        "katsoa reseptejä OmaKannasta",
        "tehdä veroilmoitusta OmaVerossa",
        "varata aikaa terveysasemalle netissä",
        "täyttää sähköistä hakemusta",
    ),
    "device": (
        "käyttää älypuhelinta",
        "päivittää tablettia",
        "asentaa sovelluksia puhelimeen",
        "yhdistää tietokonetta nettiin",
        "käyttää uutta kannettavaa",
    ),
    "communication": (
        "lähettää sähköpostia",
        "käyttää WhatsAppia",
        "soittaa videopuhelua lapsenlapsille",
        "liittää kuvaa sähköpostiin",
    ),
    "security": (
        "tunnistaa huijausviestejä",
        "tietää onko tekstiviesti huijaus",
        "suojata tiliä huijareilta",
    ),
}
URGENT_STORIES: Tuple[str, ...] = (
    "joku soitti pankista ja pyysi tunnuslukuja",
    "annoin pankkitunnukset tekstiviestin linkin kautta",
    "tililtä on lähtenyt rahaa, enkä ole itse maksanut mitään",
    "sain viestin ja syötin sinne korttini tiedot",
)
KIN: Tuple[str, ...] = (
    "äitini",
    "isäni",
    "mummoni",
    "ukkini",
    "mun äiti",
    "anoppini",
    "appiukkoni",
    "isoäitini",
)
ADVISOR_OPENINGS: Tuple[str, ...] = (
    "työskentelen kirjastossa ja asiakas ei osaa {p}",
    "olen kotihoidossa töissä, asiakkaani ei osaa {p}",
    "asiakas on tässä vieressä, hän ei osaa {p}",
    "neuvontapisteessä on asiakas, joka ei osaa {p}",
)
SELF_OPENINGS: Tuple[str, ...] = (
    "en osaa {p}",
    "mä en osaa {p}",
    "hei, en osaa {p}",
    "tarvitsisin apua, en osaa {p}",
    "en oikein osaa {p}",
    "moi. en osaa {p} ja pitäis",
)
RELATIVE_OPENINGS: Tuple[str, ...] = (
    "{kin} ei osaa {p}",
    "hei, {kin} ei osaa {p}",
    "{kin} tarvitsee apua, hän ei osaa {p}",
    "miten saisin apua {kin_gen} puolesta, hän ei osaa {p}",
)
LEVEL_CUES: Dict[str, Tuple[str, ...]] = {
    "self_service": (
        "riittää kun saan ohjeet, kokeilen itse",
        "osaan kyllä perusasiat, tarvitsen vain ohjeen",
    ),
    "light_support": (
        "käytän jo vähän, mutta tarvitsen apua alkuun",
        "osaan jonkin verran mutta jumitan aina",
    ),
    "demanding_support": (
        "en ole ikinä käyttänyt, tarvitsen opastusta",
        "ihan alusta asti pitäisi opettaa",
    ),
    "non_digital": (
        "en pysty käyttämään laitteita ollenkaan, näkö on huono",
        "ei pysty käyttämään tietokonetta eikä puhelinta",
    ),
}
LEVEL_ANSWERS: Dict[str, Tuple[str, ...]] = {
    "self_service": ("1", "taso 1", "tarvitsen vain ohjeen", "osaan kyllä, ohje riittää"),
    "light_support": ("2", "taso 2", "vähän apua", "käytän jo mutta tarvitsen tukea"),
    "demanding_support": ("3", "en oo ikinä käyttäny", "tarvitsen paljon apua", "taso 3"),
    "non_digital": ("4", "en pysty käyttämään laitteita", "ei onnistu ollenkaan", "taso 4"),
}
TOPIC_ANSWERS: Dict[str, Tuple[str, ...]] = {
    "banking": ("verkkopankki", "pankkiasiat ja laskut"),
    "suomifi_messages": ("suomi.fi viestit", "Suomi.fi-viestit"),
    "identification": ("pankkitunnukset", "tunnistautuminen"),
    "authorizations": ("valtuutus", "asiointi toisen puolesta"),
    "e_services": ("kela", "omakanta", "verottajan sivut"),
    "device": ("puhelin", "tabletti", "tietokone"),
    "communication": ("sähköposti", "whatsapp"),
    "security": ("huijaukset", "tietoturva"),
}
FORM_WISHES: Dict[str, Tuple[str, ...]] = {
    "phone": ("puhelimessa olisi paras", "voisko joku neuvoa puhelimessa"),
    "in_person": ("haluaisin apua kasvokkain", "mieluiten paikan päällä"),
    "home_visit": ("voisiko joku tulla kotiin", "kotikäynti olisi paras"),
    "remote": ("etänä käy hyvin", "videopuhelulla käy"),
}
#: Inessive forms of common places, so a resident can write "asun Oulussa"; others use the
#: base name the way people also do ("kunta Hailuoto", "Hailuoto").
INESSIVE: Dict[str, str] = {
    "Helsinki": "Helsingissä",
    "Espoo": "Espoossa",
    "Tampere": "Tampereella",
    "Vantaa": "Vantaalla",
    "Oulu": "Oulussa",
    "Turku": "Turussa",
    "Jyväskylä": "Jyväskylässä",
    "Kuopio": "Kuopiossa",
    "Lahti": "Lahdessa",
    "Pori": "Porissa",
    "Joensuu": "Joensuussa",
    "Lappeenranta": "Lappeenrannassa",
    "Hämeenlinna": "Hämeenlinnassa",
    "Vaasa": "Vaasassa",
    "Seinäjoki": "Seinäjoella",
    "Rovaniemi": "Rovaniemellä",
    "Mikkeli": "Mikkelissä",
    "Kotka": "Kotkassa",
    "Salo": "Salossa",
    "Porvoo": "Porvoossa",
    "Kouvola": "Kouvolassa",
    "Hailuoto": "Hailuodossa",
    "Kajaani": "Kajaanissa",
    "Kokkola": "Kokkolassa",
}
PLACE_ANSWERS_BASE: Tuple[str, ...] = ("{name}", "kunta on {name}", "{name} on kotikunta")
PLACE_ANSWERS_INESSIVE: Tuple[str, ...] = ("asun {ine}", "{ine}", "hän asuu {ine}")
FAREWELLS: Tuple[str, ...] = (
    "kiitos, moikka",
    "kiitti!",
    "kiitos paljon avusta",
    "selvä, kiitos",
    "ok kiitos hei hei",
)
HUMAN_REQUESTS: Tuple[str, ...] = (
    "voinko puhua ihmisen kanssa",
    "haluan jutella oikean ihmisen kanssa",
    "onko teillä puhelinnumeroa johon voi soittaa ja puhua ihmiselle",
)
OFF_TOPIC: Tuple[str, ...] = (
    "mikä on huomenna sää",
    "tilaa minulle taksi",
    "paljonko kello on",
    "kerro vitsi",
)
MORE: Tuple[str, ...] = ("kerro lisää", "mitä muuta", "kerro lisää rajoista")


def weighted(rng: random.Random, weights: Dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


@dataclass(frozen=True)
class Town:
    """A municipality a resident may live in, with how many live there (its weight)."""

    name: str
    population: int
    postal_codes: Tuple[str, ...] = ()


@dataclass
class Resident:
    """One person's plan for a conversation, and their voice."""

    rng: random.Random
    town: Town
    topic: str
    level: str
    asker: str
    ending: str
    form: Optional[str]
    urgent: bool
    says_place_first: bool
    says_level_first: bool
    turns: int = 0

    def opening(self) -> str:
        """The first message: who, what, and sometimes how much help and where."""
        pick = self.rng.choice
        problem = pick(PROBLEMS[self.topic])
        if self.ending == "off_topic" and self.rng.random() < 0.6:
            return pick(OFF_TOPIC)
        if self.urgent:
            text = pick(URGENT_STORIES)
            text = f"{pick(KIN)} kertoi että {text}" if self.asker == "relative" else text
        elif self.asker == "relative":
            kin = pick(KIN)
            text = pick(RELATIVE_OPENINGS).format(kin=kin, kin_gen=_genitive(kin), p=problem)
        elif self.asker == "advisor":
            text = pick(ADVISOR_OPENINGS).format(p=problem)
        else:
            text = pick(SELF_OPENINGS).format(p=problem)
        parts = [text]
        if self.says_level_first:
            parts.append(pick(LEVEL_CUES[self.level]))
        if self.says_place_first:
            parts.append(self.place_answer())
        if self.form and self.rng.random() < 0.5:
            parts.append(pick(FORM_WISHES[self.form]))
        return _casual(self.rng, ", ".join(parts))

    def place_answer(self) -> str:
        town = self.town
        roll = self.rng.random()
        if town.postal_codes and roll < 0.15:
            return f"postinumero {self.rng.choice(town.postal_codes)}"
        if town.name in INESSIVE and roll < 0.7:
            return self.rng.choice(PLACE_ANSWERS_INESSIVE).format(ine=INESSIVE[town.name])
        return self.rng.choice(PLACE_ANSWERS_BASE).format(name=town.name)

    def reply(self, awaiting: Optional[str], responses: Sequence[Optional[str]]) -> Optional[str]:
        """The next message after the assistant's reply, or None when the resident leaves."""
        self.turns += 1
        pick = self.rng.choice
        if self.turns > 6:
            return None
        if self.ending == "abandon" and (self.turns >= 2 or self.rng.random() < 0.5):
            return None
        if self.ending == "off_topic" and self.turns == 1:
            return pick(OFF_TOPIC) if self.rng.random() < 0.5 else None
        if self.ending == "human" and self.turns == 1:
            return pick(HUMAN_REQUESTS)
        if awaiting == "topic":
            return pick(TOPIC_ANSWERS[self.topic])
        if awaiting == "need_level":
            answer = pick(LEVEL_ANSWERS[self.level])
            if self.form and self.rng.random() < 0.3:
                answer = f"{answer}, {pick(FORM_WISHES[self.form])}"
            return answer
        if awaiting == "place":
            return self.place_answer()
        helped = any(name and name.startswith("utter_providers") for name in responses)
        if "utter_not_understood" in responses and not helped:
            return pick(TOPIC_ANSWERS[self.topic]) if self.turns < 3 else None
        if self.ending == "more" and helped:
            self.ending = "thanks"
            return pick(MORE)
        if self.ending in {"thanks", "human"}:
            self.ending = "gone"  # one goodbye, then the window is closed
            return pick(FAREWELLS)
        return None


def _genitive(kin: str) -> str:
    """'äitini' -> 'äitini' (the possessive form is the same); 'mun äiti' -> 'mun äidin'."""
    return "mun äidin" if kin == "mun äiti" else kin


def _casual(rng: random.Random, text: str) -> str:
    """People type in many ways: some capitalise and end with a full stop, most do not."""
    roll = rng.random()
    if roll < 0.3:
        return text[0].upper() + text[1:] + "."
    if roll < 0.4:
        return text + "?"
    return text


def make_resident(rng: random.Random, towns: Sequence[Town], weights: List[float]) -> Resident:
    """A resident drawn by population (where), and by the weights above (what and how)."""
    topic = weighted(rng, TOPIC_WEIGHTS)
    ending = weighted(rng, ENDING_WEIGHTS)
    form = rng.choice(list(FORM_WISHES)) if rng.random() < 0.3 else None
    return Resident(
        rng=rng,
        town=rng.choices(towns, weights=weights)[0],
        topic=topic,
        level=weighted(rng, LEVEL_WEIGHTS),
        asker=weighted(rng, ASKER_WEIGHTS),
        ending=ending,
        form=form,
        urgent=topic == "security" and rng.random() < 0.4,
        says_place_first=rng.random() < 0.35,
        says_level_first=rng.random() < 0.4,
    )
