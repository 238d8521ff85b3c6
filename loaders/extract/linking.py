"""An event a document speaks of that the data already holds: which one, if exactly one fits.

A proposed event is a known one when their kinds are of one family (a cluster matchmaking held
as TechDays; a benchmarking visit or a study tour), their dates overlap or lie a few days apart,
and their places agree (same city, or same country, or the text gives none). An undated event
is a known one of its family in the same city or country held shortly before the document's
date (a release reporting it); on a page with no date, the one known event of its family held
in the same city. A known event whose name carries a word of its own ("LOGISMED
2019", "le forum FILEX") is mentioned wherever the text writes that word in a year the event
fits, in any language.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

from medgraph.loaders.countries import country_names, fold
from medgraph.loaders.extract.gazetteer import CITIES, KIND_PATTERNS
from medgraph.schema import EVENT_KIND_FAMILIES, EVENT_KINDS

__all__ = ["KIND_FAMILIES", "family", "link_event", "named_events", "distinctive_words", "near"]

#: Event kinds that one event may be written as; a kind not listed is its own family.
KIND_FAMILIES = [frozenset(family) for family in EVENT_KIND_FAMILIES]
NEAR_DAYS = 3  # dates this far apart are the same event written loosely ("9-12 April" for 9-11)
REPORTED_WITHIN = 45  # an undated event reported by a document dated this many days after it
GENERIC_NAME_WORDS = {"the", "next", "society", "edition", "international", "event", "cluster", "clusters",
                      "and", "of", "with", "in", "at", "for", "de", "la", "le", "du", "des", "et", "st", "nd",
                      "rd", "th", "er", "eme", "1st", "2nd", "3rd", "visit", "visits", "training", "tour"}
REGION_WORDS = {"mediterranean", "mediterranee", "europe", "european", "africa", "african", "south", "north", "east",
                "west", "arab", "maghreb", "middle"}
CITY_WORDS = {fold(city) for city in CITIES}


def family(kind: str | None) -> frozenset:
    """The kinds an event of this kind may be recorded as.

    >>> sorted(family("matchmaking"))
    ['matchmaking', 'techdays']
    """
    assert kind is None or kind in EVENT_KINDS, kind
    return next((f for f in KIND_FAMILIES if kind in f), frozenset({kind}))


def link_event(event, known_events: list[dict], reference: dt.date | None = None) -> str | None:
    """The id of the known event this proposed one is, if exactly one fits."""
    kinds = family(event.kind)
    fits = [k for k in known_events if k["kind"] in kinds and same_place(event, k)]
    if event.start:
        fits = [k for k in fits if k["start"] and near(event.start, event.end, k["start"], k["end"])]
    elif reference:
        fits = [k for k in fits if k["start"] and (event.city or event.country)
                and 0 <= (reference - k["end"]).days <= REPORTED_WITHIN]
    elif event.city:  # an undated page: the one known event of the family held in that city
        fits = [k for k in fits if k.get("city") and fold(k["city"]) == fold(event.city)]
    else:
        return None
    return fits[0]["id"] if len(fits) == 1 else None


def near(start: dt.date, end: dt.date, known_start: dt.date, known_end: dt.date) -> bool:
    gap = dt.timedelta(days=NEAR_DAYS)
    return start <= known_end + gap and known_start <= end + gap


def same_place(event, known: dict) -> bool:
    """Same city when both give one, else same country when both give one; a side without a place fits."""
    if event.city and known.get("city"):
        return fold(event.city) == fold(known["city"])
    return not event.country or not known["country"] or event.country == known["country"]


@lru_cache(maxsize=4096)
def distinctive_words(name: str | None) -> frozenset[str]:
    """The words of a known event's name that name no kind, place, number or common word.

    >>> sorted(distinctive_words("FILEX France Forum (1st edition)")), distinctive_words("Benchmarking Visit, Barcelona")
    (['filex'], frozenset())
    >>> distinctive_words("Workshop: inter-cluster cooperation across the Mediterranean")
    frozenset()
    """
    if not name:
        return frozenset()
    masked = name
    for _, pattern in KIND_PATTERNS:
        masked = pattern.sub(" ", masked)
    words = [fold(w) for w in re.findall(r"[^\W\d_]{4,}", masked) if w[:1].isupper()]  # proper names only
    return frozenset(w for w in words if w not in GENERIC_NAME_WORDS and w not in REGION_WORDS
                     and w not in country_names() and w not in CITY_WORDS)


def named_events(text: str, known_events: list[dict], reference: dt.date | None) -> list[tuple[str, int]]:
    """(known event id, offset) for each known event whose own word the text writes, with a
    year beside it (or the document's year) that fits the event's dates; on an undated page, the
    word in capitals without a year ("le forum FILEX") is enough.

    >>> known = [{"id": "fx-2019", "name": "FILEX Forum", "start": dt.date(2019, 9, 13), "end": dt.date(2019, 9, 13)}]
    >>> named_events("au forum FILEX 2019 à Paris", known, None), named_events("FILEX 2017", known, None)
    ([('fx-2019', 9)], [])
    >>> named_events("le forum FILEX", known, None), named_events("le forum Filex", known, None)
    ([('fx-2019', 9)], [])
    """
    found, folded = [], fold(text)
    for known in known_events:
        for word in distinctive_words(known.get("name")):
            if word not in folded:
                continue
            match = re.search(rf"\b{re.escape(word)}\b", folded)
            if match and (year_fits(folded[match.end():match.end() + 8], known, reference) or reference is None
                          and re.search(rf"\b{word.upper()}\b(?!\s*\d)", text)):  # "FILEX", on an undated page
                found.append((known["id"], match.start()))
                break
    return found


def year_fits(after: str, known: dict, reference: dt.date | None) -> bool:
    year = re.match(r"\W*((?:19|20)\d{2})\b", after)
    written = int(year.group(1)) if year else (reference.year if reference else None)
    if written is None or not known.get("start"):
        return written is not None or not known.get("start")
    return known["start"].year <= written <= known["end"].year or (not year and written == known["end"].year + 1)

