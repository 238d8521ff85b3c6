"""A source document as lines of plain text, whatever its markup; its paragraphs and sentences.

Line numbers are those of the original file, so a fact's `line` points at the file a reviewer
opens: markup is removed line by line, never by reflowing the text.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from medgraph.errors import DataError

HTML_START = re.compile(r"^\s*(<!doctype html|<html|<body|<p[ >]|<div[ >]|<h[1-6][ >])", re.I)
BLOCK_TAGS = {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "table",
              "section", "article", "header", "footer", "title", "blockquote"}
STOPWORDS = {
    "en": {"the", "and", "of", "to", "in", "with", "for", "is", "was", "were", "on", "from", "by", "their", "this"},
    "fr": {"le", "la", "les", "et", "des", "du", "une", "un", "pour", "dans", "avec", "est", "sur", "par", "aux"},
}


class ExtractError(DataError):
    """A document that cannot be read as text: binary, not UTF-8, empty."""


@dataclass(frozen=True)
class Source:
    """A document's plain-text lines (1-based by position), its hash and where blocks break."""

    path: str
    lines: tuple[str, ...]
    sha256: str
    breaks: frozenset[int] = frozenset()  # lines where HTML starts a new block
    bullets: frozenset[int] = frozenset()  # lines where a list item starts (HTML <li>)

    @property
    def name(self) -> str:
        return Path(self.path).name


@dataclass(frozen=True)
class Span:
    """A stretch of running text (a paragraph or a sentence) that knows its source lines."""

    text: str
    starts: tuple[tuple[int, int], ...]  # (offset in text, line number), ascending
    cuts: tuple[int, ...] = ()  # offsets where a list item starts: a sentence ends there

    def line_at(self, offset: int) -> int:
        """The source line of the character at `offset`."""
        line = self.starts[0][1]
        for start, number in self.starts:
            if start > offset:
                break
            line = number
        return line

    @property
    def line(self) -> int:
        return self.starts[0][1]


# --- reading ---------------------------------------------------------------------------------


def read_source(path: Path) -> Source:
    """Read a text, Markdown or HTML file; raise ExtractError when it is not readable text."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ExtractError(f"{path}: cannot read: {error.strerror}") from None
    return parse_source(data, str(path))


def parse_source(data: bytes, path: str) -> Source:
    """Bytes -> Source.

    >>> parse_source(b"<p>Hello <b>world</b></p>\\n<p>Bye</p>", "a.html").lines
    ('Hello world', 'Bye')
    """
    text = decode(data, path)
    if HTML_START.match(text) or path.lower().endswith((".html", ".htm")):
        lines, breaks, bullets = strip_html(text)
    else:
        lines, breaks = [strip_markdown(line) for line in text.splitlines()], frozenset()
        bullets = frozenset(n for n, line in enumerate(lines, start=1) if BULLET.match(line.strip()))
    return Source(path, tuple(lines), hashlib.sha256(data).hexdigest(), breaks, bullets)


def decode(data: bytes, path: str) -> str:
    if not data.strip():
        raise ExtractError(f"{path}:1: empty file")
    if b"\x00" in data[:4096]:
        raise ExtractError(f"{path}:1: binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ExtractError(f"{path}:{line}: not UTF-8 text (byte {error.start}); save it as UTF-8") from None
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    if controls > len(text) // 100:
        raise ExtractError(f"{path}:1: binary file, not text ({controls} control characters)")
    return text


MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")


def strip_markdown(line: str) -> str:
    """One Markdown line as plain text: links, emphasis, headings, bullets and superscripts.

    >>> strip_markdown("## la 1^{ère} édition de [Logismed](#), **salon**")
    'la 1ère édition de Logismed, salon'
    """
    line = MD_LINK.sub(r"\1", line)
    line = re.sub(r"<(https?://[^>]+)>", r"\1", line)
    line = re.sub(r"\^\{([^}]*)\}", r"\1", line)
    line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
    line = re.sub(r"^(\s*)[-+*](?=\s)", r"\1•", line)
    line = re.sub(r"(\*\*|__)(.+?)\1", r"\2", line)
    line = re.sub(r"(?<![\w*])[*_]([^*_]+)[*_](?![\w*])", r"\1", line)
    return line


class _Text(HTMLParser):
    """Collects the text of each source line; notes lines where a block element starts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks: dict[int, list[str]] = {}
        self.breaks: set[int] = set()
        self.bullets: set[int] = set()
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        elif tag in BLOCK_TAGS:
            (self.bullets if tag == "li" else self.breaks).add(self.getpos()[0])
            self.chunks.setdefault(self.getpos()[0], []).append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK_TAGS:
            self.chunks.setdefault(self.getpos()[0], []).append(" ")

    def handle_data(self, data):
        if self.skip:
            return
        line = self.getpos()[0]
        for i, part in enumerate(data.split("\n")):
            self.chunks.setdefault(line + i, []).append(part)


def strip_html(text: str) -> tuple[list[str], frozenset[int], frozenset[int]]:
    """The text of every line of an HTML document, tags removed, line count kept."""
    parser = _Text()
    parser.feed(text)
    parser.close()
    count = len(text.splitlines())
    lines = [" ".join("".join(parser.chunks.get(n, [])).split()) for n in range(1, count + 1)]
    return lines, frozenset(parser.breaks), frozenset(parser.bullets - parser.breaks)


# --- language ------------------------------------------------------------------------------


def detect_language(lines: tuple[str, ...] | list[str]) -> str:
    """ "en" or "fr", whichever language's common words the text uses more.

    >>> detect_language(["Les clusters du Maroc et de la Tunisie participent aux rencontres"])
    'fr'
    """
    words = re.findall(r"[a-zàâçéèêëîïôûùüÿœ]+", " ".join(lines).lower())
    counts = {lang: sum(w in stop for w in words) for lang, stop in STOPWORDS.items()}
    return "fr" if counts["fr"] > counts["en"] else "en"


# --- paragraphs and sentences --------------------------------------------------------------


def paragraphs(source: Source) -> list[Span]:
    """Runs of non-blank lines joined into one text (a line ending in '-' joins without space);
    a list item's line starts a new sentence, not a new paragraph."""
    result, text, starts, cuts = [], "", [], []
    for number, line in enumerate(source.lines, start=1):
        line = line.strip()
        if (not line or number in source.breaks) and text:
            result.append(Span(text, tuple(starts), tuple(cuts)))
            text, starts, cuts = "", [], []
        if not line:
            continue
        if text and not text.endswith("-"):
            text += " "
        if number in source.bullets and text:
            cuts.append(len(text))
        starts.append((len(text), number))
        text += line
    if text:
        result.append(Span(text, tuple(starts), tuple(cuts)))
    return result


#: A sentence ends after a word, a number or an acronym ("… hosted by MASCIR. The …"), not an initial ("J. Doe").
SENTENCE_END = re.compile(r"(?:(?<=[a-zà-ÿ0-9)»”\"][.!?])|(?<=[A-ZÀ-Ý]{2}[.!?]))\s+(?=[A-ZÀ-Ý0-9«“\"(#])")
BULLET = re.compile(r"^(?:[•·*▪◦‣–-]\s|\d{1,2}[/.)]\s)")


def sentences(paragraph: Span) -> list[Span]:
    """The sentences of a paragraph, each knowing its lines.

    >>> [s.text for s in sentences(Span("One visit. Two forums! Hosted by ESITH. Three.", ((0, 1),)))]
    ['One visit.', 'Two forums!', 'Hosted by ESITH.', 'Three.']
    """
    result, start = [], 0
    ends = sorted([(m.start(), m.end()) for m in SENTENCE_END.finditer(paragraph.text)] + [(c, c) for c in paragraph.cuts])
    for end, next_start in ends:
        if end > start:
            result.append(sub_span(paragraph, start, end))
            start = next_start
    result.append(sub_span(paragraph, start, len(paragraph.text)))
    return [s for s in result if s.text.strip()]


def sub_span(span: Span, start: int, end: int) -> Span:
    """The part [start, end) of a span, with its own line starts."""
    starts = [(0, span.line_at(start))] + [(o - start, n) for o, n in span.starts if start < o < end]
    return Span(span.text[start:end], tuple(starts))
