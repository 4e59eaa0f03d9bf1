"""Base forms chosen by hand for frequent word forms that Voikko finds ambiguous.

WHY: Voikko returns every grammatical reading ("tuen" = I support / of support, "asun" = I live /
of a costume) without telling which is likely. For chat about digital support one reading is far
more frequent, and a stable choice keeps NLU features consistent. Only forms seen in help
requests belong here; everything else falls back to the generic ranking in
:meth:`bot.language.voikko.FinnishAnalyzer.best_analysis`. Keys are lower case.
"""

from __future__ import annotations

from typing import Dict

PREFERRED_BASES: Dict[str, str] = {
    "tuen": "tuki",  # "digituen", "tuen saaminen": the noun, not "I support"
    "tukea": "tuki",  # "tarvitsen tukea": partitive of the noun
    "viestit": "viesti",  # "Suomi.fi-viestit": plural noun, not past of "viestiä"
    "asun": "asua",  # "asun Oulussa": I live, not genitive of "asu" (costume)
    "osaan": "osata",  # "en osaa / osaan": I can
    "alan": "alkaa",
    "maksaa": "maksaa",  # to pay, not partitive of "maksa" (liver)
    "ollut": "olla",  # participle of "olla"; Voikko offers only adjective readings
    "olin": "olla",
    "tulen": "tulla",
    "tuli": "tulla",
    "teen": "tehdä",
    "lähetin": "lähettää",  # "lähetin viestin": I sent, not "transmitter"
    "vaihdoin": "vaihtaa",
    "palaan": "palata",
    "hain": "hakea",
    "soita": "soittaa",  # "soita minulle": call, not partitive plural of "suo" (swamp)
    "laita": "laittaa",  # "laita viesti": put/send, not "laita" (edge)
}
