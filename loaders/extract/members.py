"""Memberships a sentence states: "X, a member of Y", "X est membre du Y" (known or new on
either side; a person's title "Jane Doe, Member of X" is none)."""

from __future__ import annotations

import re

from medgraph.loaders.countries import fold
from medgraph.loaders.extract.clauses import Sentence
from medgraph.loaders.extract.names import ROLE_PHRASE, ROLE_WORD, name_at, name_before
from medgraph.loaders.extract.people import is_person_name
from medgraph.loaders.extract.relations import CONFIDENCE, Known, OrgRef, new_ref, ref, try_resolve

__all__ = ["MEMBER_CUE", "memberships"]

MEMBER_CUE = r"\b(?:a\s+|an\s+|un\s+|une\s+)?(?:members?|membres?|adhérents?)\s+(?:of|de|du|des|d')\s*(?:the\s+|la\s+|l['’])?"


def memberships(known: Known, sentence: Sentence) -> list[tuple[OrgRef, OrgRef]]:
    """ "X, a member of Y", "X est membre du Y": the name before the cue and the one after it,
    known or new."""
    result = []
    for cue in re.finditer(MEMBER_CUE, sentence.text, re.I):
        if sentence.text[:cue.start()].rstrip().endswith("("):
            continue  # "(member of …)" inside a list: the list reads it
        if titled(sentence.text, cue):
            continue  # "Jane Doe, Member of X": a person's title, not a member organisation
        line = sentence.line_at(cue.start())
        member = org_before(known, sentence, re.sub(r"\s+(?:is|est|sont|are|,)?\s*$", "", sentence.text[:cue.start()]), line)
        of = org_after(known, sentence, cue.end(), line)
        if member and of and (member.id or member.written) != (of.id or of.written):
            if member.id is None and member.country is None and of.id:  # a member company is in its cluster's country
                member = OrgRef(None, member.written, known.organisations.by_id[of.id].country, member.line,
                                member.confidence, member.kind)
            result.append((member, of))
    return result


def titled(text: str, cue: re.Match) -> bool:
    """Whether a member cue is a person's title: "Jane Doe, Member of X", capitalised after a
    person's name and a comma (an organisation is written "Dar Zitouna, membre du cluster Y")."""
    before = text[:cue.start()].rstrip()
    span = name_before(text, len(before)) if before.endswith(",") else None
    return bool(span and re.match(r"\s*(?:[A-Za-z]+\s+)?[A-Z]", cue.group()) and is_person_name(text[span[0]:span[1]]))


def org_before(known: Known, sentence: Sentence, before: str, line: int) -> OrgRef | None:
    end = len(before.rstrip(" ,"))
    known_orgs = [o for o in sentence.orgs if end - 3 <= o.end <= end]
    if known_orgs:
        return ref(known_orgs[-1], line)
    span = name_before(sentence.text, end)
    written = sentence.text[span[0]:span[1]] if span else ""
    if not written or re.fullmatch(rf"(?:\w+\s+)*{ROLE_WORD}", written, re.I) \
            or re.fullmatch(ROLE_PHRASE, f"{written} member", re.I):
        return None  # "Board Member of X", "Director, Member of X": a role, not a member organisation
    return named_ref(known, written, line)


def org_after(known: Known, sentence: Sentence, start: int, line: int) -> OrgRef | None:
    rest = re.match(r"(?:the\s+|la\s+|le\s+|l['’]|(?:cluster|clusters|réseau|network|fédération|federation)\s+)*",
                    sentence.text[start:], re.I)
    at = start + rest.end()
    known_orgs = [o for o in sentence.orgs if at - 1 <= o.begin <= at + 1]
    if known_orgs:
        return ref(known_orgs[0], line)
    span = name_at(sentence.text, at)
    return named_ref(known, sentence.text[span[0]:span[1]], line) if span else None


def named_ref(known: Known, written: str, line: int) -> OrgRef | None:
    """A member or group named beside a member cue: the known one it names ("réseau Anima"), else a
    new one; an article alone ("Les membres du …") names none."""
    if fold(written) in ("les", "the", "des", "la", "le", "a", "an", "un", "une"):
        return None
    known_id = try_resolve(known, written, None)
    return OrgRef(known_id, written, None, line, CONFIDENCE["exact"]) if known_id else new_ref(written, None, line)
