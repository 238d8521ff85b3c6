"""Short forms of registry names the registry does not list: acronyms in other capitals
("MASCiR"), initials ("INSME"), names with words cut short ("Anima Invest"). The NameFinder
takes one as the entry it abbreviates only when exactly one entry fits."""

from __future__ import annotations

import re

__all__ = ["ACRONYM_WORD", "abbreviates", "shortens"]

LINK_WORDS = {"of", "and", "for", "de", "du", "des", "d", "l", "la", "le", "et", "per", "the", "di", "del", "y", "a", "al"}

ACRONYM_WORD = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){3})[A-Z][A-Za-z]{2,7}$")  # three capitals or more, one word
KIND_WORDS = {"foundation", "fondation", "cluster", "network", "association", "group", "centre", "center", "agency"}


def abbreviates(short: str, name: str) -> bool:
    """Whether `short` is the name's core word in other capitals, its initials, or (five letters
    or more) its initials with some left out, first and last kept.

    >>> abbreviates("MASCiR", "MAScIR Foundation"), abbreviates("INSME", "International Network for Small and Medium Sized Enterprises")
    (True, True)
    >>> abbreviates("MDFC", "Moroccan Denim Cluster"), abbreviates("CTI", "Centre Technique Industriel")
    (False, True)
    """
    words = [w for w in re.findall(r"[^\W\d_]+", name) if w.lower() not in LINK_WORDS]
    core = [w for w in words if w.lower() not in KIND_WORDS]
    key = short.lower()
    if len(core) == 1 and core[0].lower() == key:
        return True
    initials = "".join(w[0].lower() for w in words)
    if len(words) < 3:
        return False
    if initials == key:
        return True
    return len(key) >= 5 and key[0] == initials[0] and key[-1] == initials[-1] and subsequence(key, initials)


def shortens(short: str, name: str) -> bool:
    """Whether each word of `short` starts a word of `name`, in order, the first words equal
    ("Anima Invest" for "ANIMA Investment Network").

    >>> shortens("Anima Invest", "ANIMA Investment Network"), shortens("Anima Cluster", "ANIMA Investment Network")
    (True, False)
    >>> shortens("European Cluster", "European Cluster Collaboration Platform")  # nothing cut: a phrase, not a short form
    False
    """
    written = short.split()
    words, full = [w.lower() for w in written], [w.lower() for w in re.findall(r"[^\W_]+", name)]
    if len(words) < 2 or not full or words[0] != full[0] or not all(w[:1].isupper() for w in written):
        return False
    rest, cut = iter(full[1:]), False
    for word in words[1:]:
        match = next((f for f in rest if f.startswith(word)), None)
        if match is None or len(word) < 4:
            return False
        cut = cut or match != word
    return cut  # at least one word cut short: "Invest" for "Investment"


def subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(c in letters for c in short)
