"""Dates as press releases write them, in English and French, with their precision.

"from 19 to 23 November 2018", "du 9 au 11 avril 2019", "28 October–1 November 2019",
"April 30 - May 2, 2019", "du mardi 9 au vendredi 12 avril", "October 2020 - July 2021",
"September 13th, 2019", "Spring 2020", "(2015)", and dates relative to the document's own
date: "last week", "la semaine dernière", "last 13 September". A date without a year takes
the year that puts it nearest the document's date ("last"/"next" decide the side).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {
    "january": 1, "janvier": 1, "jan": 1, "february": 2, "février": 2, "fevrier": 2, "feb": 2,
    "march": 3, "mars": 3, "april": 4, "avril": 4, "apr": 4, "may": 5, "mai": 5, "june": 6, "juin": 6,
    "july": 7, "juillet": 7, "august": 8, "août": 8, "aout": 8, "aug": 8, "september": 9, "septembre": 9,
    "sept": 9, "sep": 9, "october": 10, "octobre": 10, "oct": 10, "november": 11, "novembre": 11,
    "nov": 11, "december": 12, "décembre": 12, "decembre": 12, "dec": 12,
}
SEASONS = {"spring": 3, "printemps": 3, "summer": 6, "été": 6, "ete": 6, "autumn": 9, "fall": 9,
           "automne": 9, "winter": 12, "hiver": 12}
M = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
DAY = r"(\d{1,2})(?:st|nd|rd|th|er|ᵉʳ)?(?!\d)"
YEAR = r"((?:19|20)\d{2})(?!\d)"
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
TO = rf"\s*(?:-|–|—|to|until|till|au|and|et)\s*(?:le\s+)?(?:(?:{WEEKDAY}),?\s+)?"  # "du mardi 9 au vendredi 12 avril"
PATTERNS = [  # (name, regex) in the order they are tried; earlier matches mask later ones
    ("cross", rf"{DAY}\s+{M}(?:\s+{YEAR})?{TO}{DAY}\s+{M},?\s+{YEAR}"),
    ("cross_ny", rf"{DAY}\s+{M}{TO}{DAY}\s+{M}(?!,?\s+(?:19|20)\d{{2}})"),
    ("cross_us", rf"{M}\s+{DAY}{TO}{M}\s+{DAY}(?:,?\s+{YEAR})?"),
    ("range", rf"{DAY}{TO}{DAY}\s+{M}(?:,?\s+{YEAR})?"),
    ("range_us", rf"{M}\s+{DAY}\s*(?:-|–|to)\s*{DAY}(?:,?\s+{YEAR})?"),
    ("day_month", rf"{DAY}\s+(?:of\s+)?{M}(?:,?\s+{YEAR})?"),
    ("month_day", rf"{M}\s+{DAY}(?:,?\s+{YEAR})?"),
    ("months", rf"{M}(?:\s+{YEAR})?\s*(?:-|–|—|to|until|till|au|à)\s*{M}\s+{YEAR}"),
    ("month", rf"{M}\s+{YEAR}"),
    ("season", r"(" + "|".join(SEASONS) + rf")\s+(?:of\s+)?{YEAR}"),
    ("year", rf"\({YEAR}\)|\b(?:in|en|during|au cours de)\s+{YEAR}\b(?!\s*[-–/]\s*\d)"),
]
RELATIVE = [  # (regex, unit, offset)
    (r"\blast week\b|\bla semaine (?:dernière|derniere|passée|passee)\b", "week", -1),
    (r"\bthis week\b|\bcette semaine\b", "week", 0),
    (r"\bnext week\b|\bla semaine prochaine\b", "week", 1),
    (r"\byesterday\b|\bhier\b", "day", -1),
    (r"\btoday\b|\baujourd'hui\b", "day", 0),
    (r"\btomorrow\b|\bdemain\b", "day", 1),
    (r"\blast month\b|\ble mois (?:dernier|passé|passe)\b", "month", -1),
    (r"\bnext month\b|\ble mois prochain\b", "month", 1),
]
COMPILED = [(name, re.compile(rx, re.I)) for name, rx in PATTERNS]


@dataclass(frozen=True)
class DateMention:
    """A date or period found in a text: first and last day, precision, where it was written."""

    start: dt.date
    end: dt.date
    precision: str  # day | week | month | season | year
    begin: int
    stop: int


def find_dates(text: str, reference: dt.date | None = None) -> list[DateMention]:
    """Every date or period in `text`, in order.

    >>> [(str(d.start), str(d.end), d.precision) for d in find_dates("du 9 au 11 avril 2019")]
    [('2019-04-09', '2019-04-11', 'day')]
    >>> [(str(d.start), str(d.end)) for d in find_dates("(28 October–1 November 2019)")]
    [('2019-10-28', '2019-11-01')]
    >>> [(str(d.start), str(d.end)) for d in find_dates("31 May - 2 June", dt.date(2023, 7, 1))]
    [('2023-05-31', '2023-06-02')]
    >>> [(str(d.start), d.precision) for d in find_dates("last week", dt.date(2019, 6, 17))]
    [('2019-06-10', 'week')]
    """
    found, taken = [], []
    for name, pattern in COMPILED:
        for match in pattern.finditer(text):
            if any(match.start() < stop and begin < match.end() for begin, stop in taken):
                continue
            mention = to_mention(name, match, text, reference)
            if mention:
                found.append(mention)
                taken.append((match.start(), match.end()))
    found += [m for m in relative_dates(text, reference) if not any(m.begin < s and b < m.stop for b, s in taken)]
    return sorted(found, key=lambda m: m.begin)


def to_mention(name: str, match: re.Match, text: str, reference: dt.date | None) -> DateMention | None:
    g = [x for x in match.groups()]
    try:
        if name == "cross":
            d1, m1, y1, d2, m2, y2 = g
            y2 = int(y2)
            start_year = int(y1) if y1 else (y2 - 1 if month(m1) > month(m2) else y2)
            return mention(dt.date(start_year, month(m1), int(d1)), dt.date(y2, month(m2), int(d2)), "day", match)
        if name == "cross_ny":  # "31 May - 2 June": the year nearest the document's date
            d1, m1, d2, m2 = g
            return cross(month(m1), int(d1), month(m2), int(d2), None, text, match, reference)
        if name == "cross_us":  # "April 30 - May 2, 2019"
            m1, d1, m2, d2, y = g
            return cross(month(m1), int(d1), month(m2), int(d2), int(y) if y else None, text, match, reference)
        if name in ("range", "range_us"):
            d1, d2, m, y = g if name == "range" else (g[1], g[2], g[0], g[3])
            year = int(y) if y else infer_year(month(m), int(d1), text, match.start(), reference)
            return year and mention(dt.date(year, month(m), int(d1)), dt.date(year, month(m), int(d2)), "day", match)
        if name in ("day_month", "month_day"):
            d, m, y = g if name == "day_month" else (g[1], g[0], g[2])
            year = int(y) if y else infer_year(month(m), int(d), text, match.start(), reference)
            return year and mention(dt.date(year, month(m), int(d)), dt.date(year, month(m), int(d)), "day", match)
        if name == "months":  # "October 2020 - July 2021", "de mars à mai 2020"
            m1, y1, m2, y2 = month(g[0]), g[1], month(g[2]), int(g[3])
            start_year = int(y1) if y1 else (y2 - 1 if m1 > m2 else y2)
            return mention(dt.date(start_year, m1, 1), dt.date(y2, m2, calendar.monthrange(y2, m2)[1]), "month", match)
        if name == "month":
            m, y = month(g[0]), int(g[1])
            return mention(dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1]), "month", match)
        if name == "season":
            return season(SEASONS[g[0].lower()], int(g[1]), match)
        year = int(g[0] or g[1])
        return mention(dt.date(year, 1, 1), dt.date(year, 12, 31), "year", match)
    except ValueError:  # 31 June and the like: not a date
        return None


def cross(m1: int, d1: int, m2: int, d2: int, year: int | None, text: str, match: re.Match,
          reference: dt.date | None) -> DateMention | None:
    """A range across two months; the written year is the end's, a missing one the nearest the document's date."""
    if year is None:
        start_year = infer_year(m1, d1, text, match.start(), reference)
        if start_year is None:
            return None
        year = start_year + (m1 > m2)
    return mention(dt.date(year - (m1 > m2), m1, d1), dt.date(year, m2, d2), "day", match)


def month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def mention(start: dt.date, end: dt.date, precision: str, match: re.Match) -> DateMention | None:
    if end < start:
        return None
    return DateMention(start, end, precision, match.start(), match.end())


def season(first_month: int, year: int, match: re.Match) -> DateMention:
    last = dt.date(year + (first_month == 12), (first_month + 2 - 1) % 12 + 1, 1)
    end = last.replace(day=calendar.monthrange(last.year, last.month)[1])
    return DateMention(dt.date(year, first_month, 1), end, "season", match.start(), match.end())


def infer_year(month_: int, day: int, text: str, at: int, reference: dt.date | None) -> int | None:
    """The year of a day written without one: nearest the reference, on the side "last"/"next" say."""
    if reference is None:
        return None
    before = text[max(0, at - 12):at].lower()
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(dt.date(year, month_, day))
        except ValueError:
            continue
    if re.search(r"\blast\s*$|dernier\s*$", before):
        candidates = [c for c in candidates if c <= reference] or candidates
    elif re.search(r"\bnext\s*$|prochain\s*$", before):
        candidates = [c for c in candidates if c >= reference] or candidates
    return min(candidates, key=lambda c: abs((c - reference).days)).year if candidates else None


def relative_dates(text: str, reference: dt.date | None) -> list[DateMention]:
    """ "last week" and the like, resolved against the document's date (none without one)."""
    if reference is None:
        return []
    found = []
    for pattern, unit, offset in RELATIVE:
        for match in re.finditer(pattern, text, re.I):
            start, end = relative_period(reference, unit, offset)
            found.append(DateMention(start, end, unit, match.start(), match.end()))
    return found


def relative_period(reference: dt.date, unit: str, offset: int) -> tuple[dt.date, dt.date]:
    """A week is its working days, Monday to Friday, as programme events run on them.

    >>> relative_period(dt.date(2019, 6, 17), "week", -1)
    (datetime.date(2019, 6, 10), datetime.date(2019, 6, 14))
    """
    if unit == "day":
        day = reference + dt.timedelta(days=offset)
        return day, day
    if unit == "week":
        monday = reference - dt.timedelta(days=reference.weekday()) + dt.timedelta(weeks=offset)
        return monday, monday + dt.timedelta(days=4)
    year, index = divmod(reference.year * 12 + reference.month - 1 + offset, 12)
    first = dt.date(year, index + 1, 1)
    return first, first.replace(day=calendar.monthrange(year, index + 1)[1])


DATELINE_BEFORE = re.compile(
    r"(^\s*[A-ZÀ-Ý][\w'’ -]{1,40},\s*$)|((submitted|posted|published|publié|publie|updated|mis en ligne|rédigé|écrit|written)"
    r"\b.*\b(on|le)\s*(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday"
    r"|saturday|sunday),?\s*)?$)"
    r"|(^\s*date\s*:?\s*$)", re.I)


def document_date(lines: list[str] | tuple[str, ...], head: int = 12) -> tuple[dt.date, int] | None:
    """The document's own date and its line: a dateline ("Marseille, 26 November 2018",
    "Submitted … on 17 June 2019") or a line that is a date and nothing else ("Apr 11 2022",
    "October, 3, 2018", "13/11/2019") among the first `head` non-blank lines.

    >>> document_date(["PRESS RELEASE", "", "Marseille, 26 November 2018"])
    (datetime.date(2018, 11, 26), 3)
    >>> document_date(["A title", "Jul 13 2021", "Text"])
    (datetime.date(2021, 7, 13), 2)
    >>> document_date(["Un titre", "Rédigé par Jean Dupont, le Mardi 9 Mars 2021 - Lu 80 fois"])
    (datetime.date(2021, 3, 9), 2)
    """
    seen = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        seen += 1
        if seen > head:
            break
        for found in find_dates(line):
            if found.precision == "day" and found.start == found.end and DATELINE_BEFORE.search(line[:found.begin]):
                return found.start, number
        alone = date_alone(line)
        if alone:
            return alone, number
    return None


DATE_ALONE = re.compile(r"^[\w\s,./-]{6,32}$")


def date_alone(line: str) -> dt.date | None:
    """The day a line gives when it is a full date and nothing else, read by dateparser (EN/FR).

    >>> date_alone("October, 3, 2018"), date_alone("13 juillet 2021"), date_alone("In 2019 we met")
    (datetime.date(2018, 10, 3), datetime.date(2021, 7, 13), None)
    """
    text = line.strip()
    if not DATE_ALONE.match(text) or not re.search(r"(?<!\d)(?:19|20)\d{2}(?!\d)", text) or len(text.split()) > 5 \
            or not (re.search(r"\d{1,2}\D+(?:19|20)\d{2}|(?:19|20)\d{2}\D+\d{1,2}", text)):  # a day beside the year
        return None
    import dateparser  # imported on first use: 0.1 s, and only documents with such a line need it

    parsed = dateparser.parse(text, languages=["en", "fr"],
                              settings={"STRICT_PARSING": True,
                                        "REQUIRE_PARTS": ["day", "month", "year"]})  # not the schema's: dateparser's
    return parsed.date() if parsed else None


def is_dateline(text: str, found: DateMention) -> bool:
    """Whether a date in a sentence is the document's dateline, not a fact of the text."""
    return found.precision == "day" and bool(DATELINE_BEFORE.search(text[:found.begin]))
