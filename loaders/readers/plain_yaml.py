"""The registry's usual shape read without PyYAML's node tree: some ten times faster.

A registry of a hundred thousand organisations takes PyYAML about fourteen seconds (most of
it building and constructing a node per key and value); a spreadsheet of a million rows is read
in less. `read_plain` reads the shape registries are written in, and nothing else: top-level
sections (`organisations:`) holding lists of mappings, each item either one flow mapping on one
line (`- {id: x, name: "Y", aliases: [A, B]}`) or a block mapping of `key: value` lines; values
plain, quoted without escapes, or flow lists of those; comments on lines of their own. Each
value is typed by PyYAML's own resolver and constructor (dates, numbers, booleans, null). On
anything else it answers None, and PyYAML reads the file (`yaml_reader.parse_yaml`): the same
values, line tags (`LINE`) and errors either way.

>>> read_plain("organisations:\\n  - {id: qoot, aliases: [Qoot, 'Q O'], since: 2019-04-10}\\n")
{'organisations': [{'id': 'qoot', 'aliases': ['Qoot', 'Q O'], 'since': datetime.date(2019, 4, 10), '__line__': 2}], '__line__': 1}
>>> read_plain("organisations:\\n  - {id: qoot, name: *alias}\\n") is None
True
"""

from __future__ import annotations

import re

import yaml

from medgraph.loaders.models import LINE

__all__ = ["read_plain"]

SECTION = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*):(?: (\[\]))?$")
KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
STR = "tag:yaml.org,2002:str"
#: Characters a plain value may not start with, and text it may not hold (YAML gives them meaning).
NOT_FIRST = set("&*!|>%@`?:,[]{}#'\"-") | {" "}
NOT_INSIDE = (": ", " #", "\t", "\\")
FLOW_END = ",]}"


class NotPlain(Exception):
    """The text is not of the shape read here."""


class Typing(yaml.SafeLoader):
    """PyYAML's resolver and constructor, for one scalar at a time."""

    def __init__(self):
        yaml.SafeLoader.__init__(self, "")


def read_plain(text: str) -> dict | None:
    """The registry text as PyYAML reads it (with LINE tags), or None when it is not of the
    shape this reads."""
    try:
        return Reading(Typing()).read(text)
    except NotPlain:
        return None


class Reading:
    def __init__(self, typing: Typing):
        self.typing = typing
        self.number = 0  # the line being read
        self.keys: set[str] = set()  # the keys found to be plain text
        #: The first characters of the values PyYAML may read as other than text (true, 12, 2019-04-10).
        self.typed_first = set(typing.yaml_implicit_resolvers) if None not in typing.yaml_implicit_resolvers else None

    def read(self, text: str) -> dict:
        if any(c in text for c in "\ufeff\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"):
            raise NotPlain  # a line break or mark str.splitlines and YAML count differently
        data: dict = {}
        section, block, block_indent, item_indent = None, None, -1, -1
        for self.number, line in enumerate(text.splitlines(), start=1):
            content = line.lstrip(" ")
            if not content or content.startswith("#"):
                continue
            indent, line = len(line) - len(content), line.rstrip(" ")
            data.setdefault(LINE, self.number)
            if indent == 0 and not content.startswith("- "):
                found = SECTION.match(line)
                if not found:
                    raise NotPlain
                self.key(found.group(1), data)
                section, block, item_indent = found.group(1), None, -1
                data[section] = [] if found.group(2) else None
            elif section is not None and content.startswith("- ") and item_indent in (-1, indent):
                if data[section] is None:
                    data[section] = []
                elif item_indent == -1:
                    raise NotPlain  # `section: []` followed by items
                item_indent, entry = indent, content[2:].rstrip(" ")
                if entry.startswith("{"):
                    item, end = self.flow(entry, 0)
                    if end != len(entry) or not isinstance(item, dict):
                        raise NotPlain
                    block = None
                else:
                    block, block_indent = {LINE: self.number}, indent + 2
                    self.key_value(entry, block)
                    item = block
                data[section].append(item)
            elif block is not None and indent == block_indent:
                self.key_value(line[indent:], block)
            else:
                raise NotPlain
        if LINE not in data:
            raise NotPlain
        for items in data.values():
            for item in items if isinstance(items, list) else ():
                item[LINE] = item.pop(LINE)  # last, as PyYAML's mappings have it
        data[LINE] = data.pop(LINE)
        return data

    def key_value(self, text: str, mapping: dict) -> None:
        key, colon, value = text.partition(": ")
        if not colon:
            raise NotPlain
        self.key(key, mapping)
        if value.startswith("["):
            mapping[key], end = self.flow(value, 0)
            if end != len(value):
                raise NotPlain
        else:
            mapping[key] = self.scalar(value, block=True)

    def flow(self, text: str, at: int) -> tuple[object, int]:
        """The flow list, flow mapping or scalar starting at `at`, and where it ends."""
        if text[at] not in "[{":
            end = at
            if text[at] in "\"'":
                end = text.index(text[at], at + 1) + 1 if text[at] in text[at + 1:] else len(text)
            while end < len(text) and text[end] not in FLOW_END:
                end += 1
            return self.scalar(text[at:end].strip(" "), block=False), end
        closing, collection = ("]", []) if text[at] == "[" else ("}", {})
        at = skip(text, at + 1)
        while at < len(text) and text[at] != closing:
            if closing == "}":
                colon = text.find(": ", at)
                key = text[at:colon]
                if colon < 0:
                    raise NotPlain
                self.key(key, collection)
                value, at = self.flow(text, skip(text, colon + 2))
                collection[key] = value
            else:
                value, at = self.flow(text, at)
                collection.append(value)
            at = skip(text, at)
            if at < len(text) and text[at] == ",":
                at = skip(text, at + 1)
            elif at >= len(text) or text[at] != closing:
                raise NotPlain
        if at >= len(text):
            raise NotPlain
        if closing == "}":
            collection[LINE] = self.number
        return collection, skip(text, at + 1)

    def key(self, key: str, mapping: dict) -> None:
        """A key PyYAML reads as this text ("no" is False to it), and new in its mapping."""
        if key in mapping:
            raise NotPlain
        if key not in self.keys:
            if not KEY.match(key) or self.typing.resolve(yaml.ScalarNode, key, (True, False)) != STR:
                raise NotPlain
            self.keys.add(key)

    def scalar(self, text: str, block: bool) -> object:
        """A quoted value (no escapes) as its text; a plain one typed as PyYAML types it."""
        if not text:
            raise NotPlain
        if text[0] == text[-1] == '"' and len(text) > 1 and '"' not in text[1:-1] and "\\" not in text:
            return text[1:-1]
        if text[0] == text[-1] == "'" and len(text) > 1 and "'" not in text[1:-1].replace("''", ""):
            return text[1:-1].replace("''", "'")
        if text[0] in NOT_FIRST or any(s in text for s in NOT_INSIDE) or text.endswith(":") or text.endswith(" ") \
                or (not block and (":" in text or "#" in text or "'" in text or '"' in text)):
            raise NotPlain
        return self.typed(text)

    def typed(self, text: str) -> object:
        if self.typed_first is not None and text[0] not in self.typed_first:
            return text
        tag = self.typing.resolve(yaml.ScalarNode, text, (True, False))
        if tag == STR:
            return text
        try:
            return self.typing.construct_object(yaml.ScalarNode(tag, text))
        except (ValueError, yaml.YAMLError):
            raise NotPlain from None  # PyYAML says what is wrong with it


def skip(text: str, at: int) -> int:
    while at < len(text) and text[at] == " ":
        at += 1
    return at
