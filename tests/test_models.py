"""The fact models: declared once, checked by one function, shared by the loader and the extractor."""

from __future__ import annotations

import datetime as dt

import pytest

from medgraph.loaders import models as M
from medgraph.loaders.extract import gazetteer
from medgraph.loaders.to_rows import HANDLERS
from medgraph.schema import EVENT_KINDS, ORGANISATION_KINDS


def test_every_fact_type_has_a_model_and_a_handler():
    assert set(M.FACT_TYPES) == {"event", *HANDLERS}


@pytest.mark.parametrize("mapping, model, problems", [
    ({"fact": "attendance", "event": "e", "name": "QOOT", "rol": "host", "line": 3, "__line__": 9}, M.Attendance,
     [("rol", "unknown key (did you mean role?)")]),
    ({"fact": "mentoring", "mentor": "a", "mentee": "b", "met": "forum"}, M.Mentoring,
     [("met", "unknown key (did you mean met_at?)")]),
    ({"fact": "event", "id": "e", "organisers": [{"name": "ACCIO", "rôle": "organiser"}]}, M.EventFact,
     [("organisers[0].rôle", "unknown key (did you mean role?)")]),
    ({"fact": "event", "id": "e", "organisers": "ACCIO"}, M.EventFact,
     [("organisers", "expected a list of mappings, found 'ACCIO'")]),
    ({"fact": "membership", "member": ["a", "b"], "of": "c"}, M.Membership,
     [("member", "expected one value, found ['a', 'b']")]),
    ({"id": "x", "name": "X", "aliases": ["Y"], "colour": "red"}, M.PersonEntry,
     [("colour", "unknown key (allowed: id, name, aliases)")]),
    ({"id": "t", "titel": "T", "date": None}, M.DocumentHeader, [("titel", "unknown key (did you mean title?)")]),
])
def test_unknown_keys_and_wrong_shapes_are_named_with_the_closest_key(mapping, model, problems):
    assert M.key_problems(mapping, model) == problems


def test_what_the_extractor_writes_is_what_the_loader_allows():
    fact = M.EventFact(id="forum-2019-lyon", kind="forum", start=dt.date(2019, 9, 13), end=dt.date(2019, 9, 13),
                       organisers=[M.Organiser(name="accio", role="organiser", line=7, written="ACCIO")],
                       line=3, review="proposed", confidence=0.9)

    data = M.as_data(fact)

    assert data == {"fact": "event", "id": "forum-2019-lyon", "kind": "forum", "start": dt.date(2019, 9, 13),
                    "end": dt.date(2019, 9, 13),
                    "organisers": [{"name": "accio", "role": "organiser", "line": 7, "written": "ACCIO"}],
                    "line": 3, "review": "proposed", "confidence": 0.9}
    assert M.key_problems(data, M.EventFact) == []


def test_the_extractors_word_lists_are_keyed_by_schema_kinds():
    assert set(gazetteer.EVENT_KIND_CUES) == set(EVENT_KINDS)
    assert set(gazetteer.ORG_KIND_CUES) <= set(ORGANISATION_KINDS)
    assert gazetteer.FALLBACK_ORG_KIND in ORGANISATION_KINDS
    assert gazetteer.GENERIC_KINDS == {"workshop", "training", "meeting", "matchmaking"}
