"""Precision and recall of `medgraph extract`, per fact type, on labelled documents.

The evaluation set (benchmarks/extraction_set/NN-*.txt|md|html, each with its
NN-*.expected.yaml in the data/ format; the rules were developed against it), a held-out set
written after the rules were frozen (benchmarks/extraction_holdout/), when the seed texts are
at hand the five source documents against their curated facts (data/documents/*.yaml), and when
the real pages are at hand (../shared/realdocs) their labels in benchmarks/realdocs/, by split
(benchmarks/realdocs/split.yaml). Both sides are reduced to the same comparable items, names
resolved with the registry as `medgraph load` resolves them (extraction_scoring.py):

- mentions: the registry ids a document names (any fact); new organisations: names the
  registry does not know (normalised) with their country;
- events: a proposed event matches a true one of the same kind whose dates overlap (or, both
  undated, the same country); dates: a matched event with the same start, end and precision;
- attendances: (event, organisation id or new name), the event mapped through that matching
  (organisations only: a person's attendance is not scored);
  memberships: (member, of); mentoring: (mentor, mentee); agreements: the set of parties;
- and, beyond the issue's eight types: event places (country of a matched event), event status
  (held/planned) and organisers ((event, organisation), roles not compared).

The real documents are read as `medgraph extract` reads them (events the data defines linked by
id) and add the rows of issue 18: document date, known organisations (the mentions), events
counting the known events a page mentions, linked events, event dates exact (start and end),
people and people's work.

    python benchmarks/extraction.py                       # every set at hand
    python benchmarks/extraction.py --no-seeds --errors 5 # the invented sets only
    python benchmarks/extraction.py --realdocs ../shared/realdocs --errors 10
    python benchmarks/extraction.py --fresh /work/freshdocs --split fresh --thresholds  # the fresh set only
    python benchmarks/extraction.py --fresh /work/freshdocs2 --split fresh  # the second fresh set

`--fresh DIR` adds a third split of real documents, a fresh unseen set (its texts are kept
outside the repository) labelled in benchmarks/<name of DIR>/ when that folder holds labels
(freshdocs, freshdocs2), else in benchmarks/freshdocs/; printed beside the development and
held-out splits with the same rows, as "fresh" (benchmarks/freshdocs/) or "fresh (<name>)";
its errors are never listed.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from extraction_scoring import REAL_TYPES, Score, errors, label_aliases, score_date, score_document, table, to_items  # noqa: E402

from medgraph.loaders.extract.proposal import to_data  # noqa: E402
from medgraph.loaders.extract.run import extract_source, read_known  # noqa: E402
from medgraph.loaders.extract.source import read_source  # noqa: E402
from medgraph.loaders.readers.yaml_reader import parse_yaml, read_document  # noqa: E402

REALDOCS = ROOT.parent / "shared" / "realdocs"
LABELS = ROOT / "benchmarks" / "realdocs"
FRESH_LABELS = ROOT / "benchmarks" / "freshdocs"


def proposed_items(known, text: Path):
    return to_items(known, to_data(extract_source(read_source(text), known))["facts"])


def evaluation_set(known, folder: Path) -> tuple[Score, int]:
    score, count = Score(), 0
    for expected in sorted(folder.glob("*.expected.yaml")):
        stem = expected.name.replace(".expected.yaml", "")
        text = next(p for p in expected.parent.glob(f"{stem}.*") if p != expected)
        truth = parse_yaml(expected.read_text(encoding="utf-8"), str(expected)).get("facts") or []
        score_document(text.stem, proposed_items(known, text), to_items(known, truth), score)
        count += 1
    return score, count


def source_documents(known, seeds: Path, data: Path) -> tuple[Score, int]:
    score, count = Score(), 0
    for path in sorted((data / "documents").glob("*.yaml")):
        document = read_document(path)
        text = seeds / str(document.meta.get("file"))
        if text.is_file():
            score_document(document.id, proposed_items(known, text), to_items(known, document.facts), score)
            count += 1
    return score, count


def real_documents(folder: Path, labels: Path, registry: Path, documents: Path,
                   min_confidence: float = 0.0) -> dict[str, tuple[Score, list]]:
    """Each labelled real document read as `medgraph extract` reads it (events the data defines
    linked by id, facts below `min_confidence` dropped) and scored, by split:
    {"development": (score, names), "held-out": (...)}."""
    held_out = set(parse_yaml((labels / "split.yaml").read_text(encoding="utf-8"), "split.yaml")["held_out"])
    return labelled_documents(folder, labels, registry, documents, min_confidence,
                              ("development", "held-out"), lambda name: "held-out" if name in held_out else "development")


def fresh_documents(folder: Path, registry: Path, documents: Path, min_confidence: float = 0.0,
                    labels: Path = FRESH_LABELS) -> dict[str, tuple[Score, list]]:
    """A fresh unseen set (benchmarks/freshdocs/, issue 18's fifth pass; benchmarks/freshdocs2/, its
    sixth), scored as one split: {"fresh": (score, names)}. Its errors are never listed: it stays unseen."""
    return labelled_documents(folder, labels, registry, documents, min_confidence, ("fresh",), lambda name: "fresh")


def fresh_labels(texts: Path) -> Path:
    """The labels of the fresh set whose texts are in `texts`: benchmarks/<name of the folder>/ when
    it holds labels, else benchmarks/freshdocs/."""
    named = ROOT / "benchmarks" / texts.resolve().name
    return named if any(named.glob("*.expected.yaml")) else FRESH_LABELS


def fresh_split(labels: Path) -> str:
    """The split's printed name: "fresh" for benchmarks/freshdocs/, else "fresh (<name>)"."""
    return "fresh" if labels == FRESH_LABELS else f"fresh ({labels.name})"


def labelled_documents(folder: Path, labels: Path, registry: Path, documents: Path, min_confidence: float,
                       split_names: tuple[str, ...], split_of) -> dict[str, tuple[Score, list]]:
    """The labels in `labels` whose texts are in `folder`, each scored into the split `split_of(file
    name)` (one of `split_names`); a name ends with "(text changed)" when the text's sha256 is not
    its label's."""
    known = read_known(registry, documents)
    known_events = {e["id"]: e for e in known.events}
    splits = {name: (Score(), []) for name in split_names}
    for expected in sorted(labels.glob("*.expected.yaml")):
        label = parse_yaml(expected.read_text(encoding="utf-8"), str(expected))
        text = folder / str(label["document"]["file"])
        if not text.is_file():
            continue
        score, names = splits[split_of(text.name)]
        names.append(text.name if sha256(text) == label["document"]["sha256"] else f"{text.name} (text changed)")
        truth = label.get("facts") or []
        aliases = label_aliases(truth)
        data = to_data(extract_source(read_source(text), known), min_confidence, known.events)
        score_document(text.stem, to_items(known, data["facts"], aliases, known_events),
                       to_items(known, truth, aliases, known_events), score, REAL_TYPES)
        score_date(text.stem, data["document"]["date"], label["document"].get("date"), score)
    return splits


THRESHOLDS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9)
CURVE_TYPES = ("known organisations", "new organisations", "events", "linked events", "attendances",
               "event dates exact", "organisers", "people")


def threshold_table(score_at) -> str:
    """Precision / recall at each --min-confidence threshold, `score_at(threshold)` giving one split's
    score: what a stricter run trades."""
    header = "| min confidence | " + " | ".join(CURVE_TYPES) + " |"
    lines = [header, "|---" * (len(CURVE_TYPES) + 1) + "|"]
    for threshold in THRESHOLDS:
        score = score_at(threshold)
        lines.append(f"| {threshold:.1f} | " + " | ".join(pr(score, kind) for kind in CURVE_TYPES) + " |")
    return "\n".join(lines)


def pr(score: Score, kind: str) -> str:
    tp, fp, fn = score.tp[kind], len(score.fp[kind]), len(score.fn[kind])
    precision = f"{tp / (tp + fp):.2f}" if tp + fp else "–"
    recall = f"{tp / (tp + fn):.2f}" if tp + fn else "–"
    return f"{precision} / {recall}"


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def report(title: str, where, score: Score, count: int, shown: int, types=None) -> None:
    print(f"== {title}: {count} documents ({where})")
    print(table(score, types) if types else table(score))
    if shown:
        print(errors(score, shown, types) if types else errors(score, shown))
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", type=Path, default=ROOT / "benchmarks" / "extraction_set")
    parser.add_argument("--holdout", default=str(ROOT / "benchmarks" / "extraction_holdout"),
                        help="documents written after the rules were frozen (none: --holdout '')")
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    parser.add_argument("--realdocs", type=Path, default=REALDOCS,
                        help=f"the real documents labelled in {LABELS.relative_to(ROOT)} (default: {REALDOCS}, "
                             "skipped when absent)")
    parser.add_argument("--data", type=Path, default=ROOT / "data")
    parser.add_argument("--no-seeds", action="store_true", help="the invented sets only (no seeds, no real documents)")
    parser.add_argument("--thresholds", action="store_true",
                        help="precision / recall of the real documents' development split (and of the fresh set "
                             "with --fresh) at each --min-confidence "
                             f"threshold ({', '.join(map(str, THRESHOLDS))})")
    parser.add_argument("--fresh", type=Path, default=None,
                        help="the texts of a fresh unseen set, labelled in benchmarks/<name of the folder> if "
                             f"it holds labels, else in {FRESH_LABELS.relative_to(ROOT)} "
                             "(no default: scored only when given; its errors are never listed)")
    parser.add_argument("--split", choices=("development", "held-out", "fresh"), default=None,
                        help="print the real documents of this split only")
    parser.add_argument("--errors", type=int, default=0,
                        help="show up to N errors of each kind (of the real documents: the development split only)")
    args = parser.parse_args(argv)
    if args.fresh and not args.fresh.is_dir():
        parser.error(f"--fresh: {args.fresh} is not a folder")
    if args.split == "fresh" and not args.fresh:
        parser.error("--split fresh: give the fresh set's texts with --fresh DIR")
    known = read_known(args.data / "registry.yaml")
    runs = [("evaluation set", args.set, lambda: evaluation_set(known, args.set))]
    if args.holdout and Path(args.holdout).is_dir():
        runs.append(("held-out set", args.holdout, lambda: evaluation_set(known, Path(args.holdout))))
    if not args.no_seeds:
        runs.append(("source documents", args.seeds, lambda: source_documents(known, args.seeds, args.data)))
    for title, where, run in runs:
        score, count = run()
        report(title, where, score, count, args.errors)
    if args.no_seeds:
        return 0
    registry, documents = args.data / "registry.yaml", args.data / "documents"
    real = args.split != "fresh" and args.realdocs.is_dir()
    fresh = args.fresh and args.split in (None, "fresh")
    if args.split != "fresh" and not real:
        print(f"(real documents: {args.realdocs} is absent; not scored)")
    if real:
        for split, (score, names) in real_documents(args.realdocs, LABELS, registry, documents).items():
            if not args.split or split == args.split:
                report_split(split, args.realdocs, score, names, args.errors if split == "development" else 0)
    labels = fresh_labels(args.fresh) if fresh else None
    if fresh:
        report_split(fresh_split(labels), args.fresh, *fresh_documents(args.fresh, registry, documents,
                                                                        labels=labels)["fresh"], 0)
    if args.thresholds and real:
        print("== real documents, development split, by --min-confidence (precision / recall)")
        print(threshold_table(lambda threshold: real_documents(
            args.realdocs, LABELS, registry, documents, threshold)["development"][0]))
    if args.thresholds and fresh:
        print(("\n" if real else "") + f"== real documents, {fresh_split(labels)} split, by --min-confidence "
              "(precision / recall)")
        print(threshold_table(lambda threshold: fresh_documents(args.fresh, registry, documents, threshold,
                                                                labels)["fresh"][0]))
    return 0


def report_split(split: str, where: Path, score: Score, names: list[str], shown: int) -> None:
    report(f"real documents, {split} split", where, score, len(names), shown, REAL_TYPES)
    changed = [n for n in names if n.endswith("(text changed)")]
    if changed:
        print("texts that differ from their labels' sha256: " + ", ".join(changed) + "\n")


if __name__ == "__main__":
    sys.exit(main())
