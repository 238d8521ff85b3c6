"""Short forms of registry names the registry does not list: acronyms in other capitals
("MASCiR"), initials ("INSME"), names with words cut short ("Anima Invest"). The NameFinder
takes one as the entry it abbreviates only when exactly one entry fits."""

from __future__ import annotations

import re

from medgraph.loaders.countries import country_code, fold
from medgraph.loaders.extract.vocabulary import LINK_WORDS

__all__ = ["ACRONYM_WORD", "abbreviates", "initials", "loosely_abbreviates", "shortens", "without_place"]


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
    letters = initials(name)
    if len(words) < 3:
        return False
    if letters == key:
        return True
    return len(key) >= 5 and key[0] == letters[0] and key[-1] == letters[-1] and subsequence(key, letters)


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


def without_place(short: str, name: str, country: str | None) -> bool:
    """Whether `short` is the name without the people's or country's word it opens with, that
    word naming the entry's own country ("Numeric Cluster" for "Moroccan Numeric Cluster", MA).

    >>> name = "Moroccan Numeric Cluster"
    >>> without_place("Numeric Cluster", name, "MA"), without_place("Numeric Cluster", name, "TN")
    (True, False)
    """
    written, full = [fold(w) for w in short.split()], [fold(w) for w in re.findall(r"[^\W_]+", name)]
    dropped = full[:len(full) - len(written)]
    if len(written) < 2 or not dropped or full[len(dropped):] != written or not short[:1].isupper():
        return False
    return country is not None and all(country_code(w) == country for w in dropped if w not in LINK_WORDS)


def initials(name: str) -> str:
    """The first letters of a name's words, its link words left out ("Moroccan Denim Cluster": "mdc")."""
    return "".join(w[0].lower() for w in re.findall(r"[^\W\d_]+", name) if w.lower() not in LINK_WORDS)


def loosely_abbreviates(short: str, name: str) -> bool:
    """Whether an acronym may stand for a name with one word more or less than its letters: the
    same first and last letter, one in the other ("MDFC" and "Moroccan Denim Cluster"). Too
    loose to merge on: a reason to propose an alias for review.

    >>> loosely_abbreviates("MDFC", "Moroccan Denim Cluster"), loosely_abbreviates("MDFC", "Marine Data Cluster")
    (True, True)
    >>> loosely_abbreviates("MDFC", "Moroccan Denim and Fashion Cluster Association")
    False
    """
    key, letters = short.lower(), initials(name)
    if len(letters) < 2 or abs(len(key) - len(letters)) > 1 or key[0] != letters[0] or key[-1] != letters[-1]:
        return False
    return subsequence(letters, key) or subsequence(key, letters)
