"""speaker_id accuracy by mention kind, on the speaker-id layer of the WikiNews train and dev splits and
on the seed gold, for the gold quotes (resolution alone) and for registered extractors (matched quotes).

    .venv/bin/python eval/speakers/score.py [gold rules model ...] [--part train|tune|develop|report] [--json FILE]

Parts: ``train`` (40 train documents), ``tune`` (16 dev documents), ``develop`` (both: the data
the resolver is developed on), ``report`` (35 dev documents held out: scored once, to report).
``gold`` resolves the gold quotes' own speaker spans, so resolution is measured apart from
extraction. Extractors that are not registered are skipped with a note. Corpora come from
QUOTES_CORPORA (default ../shared/corpora).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from quotes.errors import QuotesError  # noqa: E402
from quotes.formats import read_documents  # noqa: E402
from quotes.formats.wikinews import read_wikinews_dir  # noqa: E402
from quotes.registry import get_extractor  # noqa: E402
from quotes.scoring.speaker_ids import gold_from_documents, load_speaker_id_layer, score_speaker_ids  # noqa: E402
from quotes.speakers import MENTION_KINDS, resolve_speakers  # noqa: E402

LAYERS = {
    "dev": ROOT / "annotations" / "speaker-ids" / "wikinews-dev.jsonl",
    "train": ROOT / "annotations" / "speaker-ids" / "wikinews-train.jsonl",
}
PARTS = {"train": ("train",), "tune": ("tune",), "develop": ("train", "tune"), "report": ("report",)}
SEEDS_GOLD = ROOT / "annotations" / "seeds.jsonl"


def predict(name: str, docs):
    """Quotes per document id: the gold quotes resolved afresh, or an extractor's output."""
    out = {}
    if name == "gold":
        for d in docs:
            plain = [q.replace(speaker_id=None, trace="") for q in d.quotes]
            out[d.id] = resolve_speakers(d, plain)
        return out
    ext = get_extractor(name)
    for d in docs:
        bare = d.with_quotes(())
        out[d.id] = resolve_speakers(bare, ext.extract(bare))
    return out


def table(title: str, scores) -> str:
    lines = [f"### {title}", "", "| kind | accuracy | right / matched |", "|---|---|---|"]
    for kind in (*MENTION_KINDS, "overall"):
        acc = scores.overall if kind == "overall" else scores.by_kind.get(kind)
        if acc is None or not acc.total:
            continue
        lines.append(f"| {kind} | {acc.accuracy:.1%} | {acc.correct} / {acc.total} |")
    lines.append(f"\nmatched {scores.matched} of {scores.gold_quotes} gold quotes\n")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("extractors", nargs="*", default=["gold", "rules", "model"])
    ap.add_argument("--part", default="develop", choices=list(PARTS))
    ap.add_argument("--json", help="also write the figures as JSON to this file")
    ap.add_argument("--errors", action="store_true", help="print the wrong speaker ids")
    args = ap.parse_args()
    corpora = Path(os.environ.get("QUOTES_CORPORA", ROOT.parent / "shared" / "corpora"))
    layer, layer_docs = [], []
    for split in ("train", "dev"):
        wanted = [p for p in PARTS[args.part] if (p == "train") == (split == "train")]
        if not wanted:
            continue
        docs = list(read_wikinews_dir(corpora / "german-news-quotes-2024" / "data" / split))
        gold = [g for g in load_speaker_id_layer(LAYERS[split], docs) if g.part in wanted]
        layer += gold
        layer_docs += [d for d in docs if d.id in {g.doc_id for g in gold}]
    sets = [(f"speaker-id layer ({args.part}: {len(layer_docs)} documents, {len(layer)} quotes)", layer_docs, layer)]
    if SEEDS_GOLD.exists():
        seeds = list(read_documents([SEEDS_GOLD]))
        sets.append((f"seed gold ({len(seeds)} documents)", seeds, gold_from_documents(seeds)))
    else:
        print(f"note: {SEEDS_GOLD.relative_to(ROOT)} is absent: no seed figures\n")
    report = {}
    for name in args.extractors:
        for title, docs, gold in sets:
            try:
                preds = predict(name, docs)
            except QuotesError as e:
                print(f"note: skipping {name}: {e}\n")
                break
            scores = score_speaker_ids(gold, preds)
            print(table(f"{name} — {title}", scores))
            report[f"{name} | {title}"] = scores.as_dict()
            if args.errors:
                for e in scores.errors:
                    print(f"  [{e.kind}] {e.doc_id[:40]}: gold {e.gold!r} ≠ {e.predicted!r} ({e.trace.split('; ')[-1]})")
                print()
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
