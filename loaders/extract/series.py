"""Events the data already holds that a page names without dating them one by one.

Two ways a page speaks of known events of a series:

- by edition: "the 1st edition", "la sixième édition" of the page's kind of event is the known
  event of that kind family whose own name gives the same edition, held by the page's date;
- by country: a sentence that places events of a kind in two or more countries over a span of
  years ("four tours … between 2018 and 2020 … in Catalonia (Spain), Wallonia (Belgium) …")
  names, in each country, the one known event of that family held there in those years.

A link needs exactly one fitting known event; otherwise nothing is proposed.
"""

from __future__ import annotations

import datetime as dt
import re

from medgraph.loaders.countries import fold
from medgraph.loaders.extract.clauses import Sentence
from medgraph.loaders.extract.gazetteer import PRIORITY
from medgraph.loaders.extract.linking import family
from medgraph.loaders.extract.places import REGION_KEYS

__all__ = ["edition", "known_in_series"]

ORDINAL_WORDS = {"first": 1, "premier": 1, "premiere": 1, "second": 2, "seconde": 2, "deuxieme": 2, "third": 3,
                 "troisieme": 3, "fourth": 4, "quatrieme": 4, "fifth": 5, "cinquieme": 5, "sixth": 6, "sixieme": 6,
                 "seventh": 7, "septieme": 7, "eighth": 8, "huitieme": 8, "ninth": 9, "neuvieme": 9, "tenth": 10,
                 "dixieme": 10}
EDITION = re.compile(r"\b(?:(\d{1,2})\s*(?:st|nd|rd|th|e|eme|ere|er|re)|(" + "|".join(ORDINAL_WORDS) + r"))\s+edition\b")
YEAR = re.compile(r"(?<![\d/-])((?:19|20)\d{2})(?![\d/-])")


def edition(text: str) -> int | None:
    """The edition an ordinal names, in English or French.

    >>> edition("Following the 1st edition in Casablanca"), edition("la sixième édition des Tech Days")
    (1, 6)
    >>> edition("Atlas Forum (2nd edition)"), edition("the second day")
    (2, None)
    """
    match = EDITION.search(fold(text))
    if not match:
        return None
    return int(match.group(1)) if match.group(1) else ORDINAL_WORDS[match.group(2)]


def known_in_series(sentences: list[Sentence], page_kind: str | None, known_events: list[dict],
                    reference: dt.date | None) -> list[tuple[str, int]]:
    """(known event id, line) for each known event the sentences name by edition or by country."""
    found = []
    for index, sentence in enumerate(sentences):
        kind = sentence_kind(sentence) or page_kind
        if kind is None:
            continue
        fits = [k for k in known_events if k["kind"] in family(kind)]
        found += by_edition(sentence, fits, reference)
        before = sentences[index - 1].text if index else ""
        found += by_country(sentence, fits, before)
    return found


def sentence_kind(sentence: Sentence) -> str | None:
    kinds = sorted({k.kind for k in sentence.kinds}, key=PRIORITY.get)
    return kinds[0] if kinds else None


def by_edition(sentence: Sentence, fits: list[dict], reference: dt.date | None) -> list[tuple[str, int]]:
    number = edition(sentence.text)
    if number is None:
        return []
    same = [k for k in fits if edition(k.get("name") or "") == number
            and (reference is None or k["start"] is None or k["start"] <= reference)]
    return [(same[0]["id"], sentence.line_at(0))] if len(same) == 1 else []


def by_country(sentence: Sentence, fits: list[dict], before: str) -> list[tuple[str, int]]:
    countries = countries_in(sentence)
    years = sorted(int(y) for y in YEAR.findall(sentence.text) or YEAR.findall(before))
    if len(countries) < 2 or not years:
        return []
    found = []
    for country in countries:
        held = [k for k in fits if k["country"] == country and k["start"] and years[0] <= k["start"].year <= years[-1]]
        if len(held) == 1:
            found.append((held[0]["id"], sentence.line_at(0)))
    return found


def countries_in(sentence: Sentence) -> list[str]:
    """The countries a sentence names, directly, through a city, or through a region."""
    codes = [p.country for p in sentence.places]
    folded = fold(sentence.text)
    codes += [code for key, code in REGION_KEYS.items() if re.search(rf"\b{re.escape(key)}\b", folded)]
    return list(dict.fromkeys(codes))
