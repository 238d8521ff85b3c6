"""Country names in English and French (and ISO codes) to ISO 3166-1 alpha-2, with regions.

Names come from pycountry (English) and its French translations, plus the short forms press
releases use. A name no table knows is matched fuzzily (OCR slips such as "ltaly").
"""

from __future__ import annotations

import gettext
import unicodedata
from functools import cache, lru_cache

import pycountry
from rapidfuzz import fuzz, process

from medgraph.schema import EU_COUNTRIES, SUBREGIONS, region_of

MAGHREB, MASHREQ, EU_MEDITERRANEAN, EU_NORTH, OTHER = SUBREGIONS
SUBREGION_OF = {  # country code -> subregion; an EU country not listed is EU-North, any other Other
    **dict.fromkeys(["MA", "DZ", "TN", "LY", "MR"], MAGHREB),
    **dict.fromkeys(["EG", "LB", "PS", "JO", "SY", "IQ"], MASHREQ),
    **dict.fromkeys(["ES", "FR", "IT", "GR", "CY", "MT", "HR", "SI", "PT"], EU_MEDITERRANEAN),
}
SHORT_NAMES = {"palestine": "PS", "uk": "GB", "russia": "RU", "turkey": "TR", "republic of congo": "CG",
               "congo": "CG", "syria": "SY", "iran": "IR", "south korea": "KR", "usa": "US"}
FUZZY_THRESHOLD = 80  # one wrong letter in a five-letter name ("ltaly")
ASCII_PUNCTUATION = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})


def fold(text: str) -> str:
    """Lowercase without accents or punctuation: "Égypte" -> "egypte"."""
    if text.isascii():  # the same, some five times faster (a million-row spreadsheet folds many names)
        return " ".join(text.lower().translate(ASCII_PUNCTUATION).split())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return " ".join("".join(c if c.isalnum() else " " for c in text).split())


@cache
def country_names() -> dict[str, str]:
    """Every known spelling (folded) -> alpha-2 code."""
    french = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"])
    names: dict[str, str] = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            name = getattr(country, attr, None)
            if name:
                names[fold(name)] = country.alpha_2
                names[fold(french.gettext(name))] = country.alpha_2
        names[country.alpha_2.lower()] = country.alpha_2
    for short, code in SHORT_NAMES.items():
        names[short] = code
    names.update({"egypte": "EG", "algerie": "DZ", "jordanie": "JO", "liban": "LB", "maroc": "MA",
                  "tunisie": "TN", "belgique": "BE", "espagne": "ES", "italie": "IT", "grece": "GR"})
    return names


@lru_cache(maxsize=4096)  # a spreadsheet writes the same few countries on every row
def country_code(name: str) -> str | None:
    """ISO alpha-2 code of a country named in English or French, as a code, or misspelt.

    >>> country_code("Egypte"), country_code("Lebanon"), country_code("ltaly"), country_code("MA")
    ('EG', 'LB', 'IT', 'MA')
    >>> country_code("Atlantis") is None
    True
    """
    if not name or not name.strip():
        return None
    if len(name) == 2 and name.isupper() and pycountry.countries.get(alpha_2=name):
        return name
    key = fold(name)
    names = country_names()
    if key in names:
        return names[key]
    match = process.extractOne(key, names.keys(), scorer=fuzz.ratio, score_cutoff=FUZZY_THRESHOLD)
    return names[match[0]] if match else None


def country_name(code: str) -> str:
    """English short name of an alpha-2 code: "PS" -> "Palestine"."""
    country = pycountry.countries.get(alpha_2=code)
    return getattr(country, "common_name", None) or country.name.split(",")[0]


def region(code: str | None) -> str:
    """ "South-Med", "EU" or "Other" (the schema's rule, `medgraph.schema.region_of`).

    >>> region("TN"), region("ES"), region("GB")
    ('South-Med', 'EU', 'Other')
    """
    return region_of(code)


def subregion(code: str | None) -> str:
    """Maghreb, Mashreq, EU-Mediterranean, EU-North or Other.

    >>> subregion("TN"), subregion("LB"), subregion("IT"), subregion("DE"), subregion("US")
    ('Maghreb', 'Mashreq', 'EU-Mediterranean', 'EU-North', 'Other')
    """
    if code in SUBREGION_OF:
        return SUBREGION_OF[code]
    return EU_NORTH if code in EU_COUNTRIES else OTHER
