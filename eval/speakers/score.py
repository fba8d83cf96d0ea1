"""speaker_id accuracy by mention kind, on the speaker-id layer of the WikiNews train and dev splits and
on the seed gold, for the gold quotes (resolution alone) and for registered extractors (matched quotes).

    .venv/bin/python eval/speakers/score.py [gold rules model ...] [--part PART ...] [--json FILE]

Parts: ``train`` (40 train documents), ``train2`` (35 more train documents, chosen for their
pronoun speakers), ``tune`` (16 dev documents), ``report3`` to ``report11`` and ``report13`` to ``report15`` (30, 31,
22, 25, 40, 40, 40, 30, 40, 42, 12 and 131 train documents: each held out in one round of
development and developed on in the next; ``report14`` holds the 12 train documents with more than
15 quotes, ``report15`` the rest), ``develop`` (all fifteen: the data the resolver is developed
on), ``report`` (35 dev documents) and ``report2`` (31 more dev documents, chosen for their pronoun
speakers), together ``report12``: held out once, but scored several times since, so no longer
clean; ``report16`` (the 36 dev documents left), held out in the fourteenth round.
``all-reports`` is every report part, for the record. ``rw-pronouns`` (164 quotes of 24 historical
newspaper samples of Corpus REDEWIEDERGABE whose speaker span is a third-person pronoun) measures
pronouns on text from outside WikiNews; it was held out in the eighth round and developed on in the
ninth, where ``rw-pronouns2`` (the next 60 samples of the same ranking) was held out; it is
development data from the tenth round on. ``rw-pronouns3`` (every sample left, 61) was held out in
the eleventh and is development data from the twelfth on. ``rw-news`` (every quote of 50 more
newspaper samples of REDEWIEDERGABE, annotated after the fourteenth round, with no WikiNews
document left) was held out after the fourteenth round and developed on in the fifteenth, where
``rw-news2`` (the next 50 samples) was held out; developed on in the sixteenth, where ``rw-news3``
(every newspaper sample left, 43) was held out. ``rw-grenz`` (every quote of 30 samples of the
periodical "Die Grenzboten", annotated after the sixteenth round) was held out after the sixteenth
round and developed on in the seventeenth, where ``rw-grenz2`` (its next 30 samples, annotated
before anything was run on them) was held out; developed on in the eighteenth, where
``rw-grenz3`` (the 30 samples after those) was held out. ``rw-grenz4`` (the next 30, annotated
after the eighteenth round) was scored once with that round's code and developed on in the
nineteenth, where ``rw-grenz5`` (every sample left, 17) was held out; developed on in the
twentieth, where ``ud`` (``ud-pud`` and ``ud-gsd``: single sentences of modern German from two
Universal Dependencies treebanks, whose quotes the layer carries itself) was held out; developed on
in the twenty-first, after which ``rw-fiction`` (every quote of 20 stories that the historical
newspapers and "Die Grenzboten" printed) was held out; developed on in the twenty-second, after
which ``rw-fiction2`` (every such story left, 32) is ``held-out``: the last part whose figures
were not seen while developing.
Held-out parts are scored once, to report.
``--part`` may be given several times: each extractor runs once over the documents of all the
parts, and each part gets its own tables. ``gold`` resolves the gold quotes' own speaker spans, so
resolution is measured apart from extraction. Extractors that are not registered are skipped with
a note. Corpora come from QUOTES_CORPORA (default ../shared/corpora).
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
from quotes.formats.redewiedergabe import read_redewiedergabe  # noqa: E402
from quotes.formats.wikinews import read_wikinews_dir  # noqa: E402
from quotes.registry import get_extractor  # noqa: E402
from quotes.scoring.speaker_ids import gold_from_documents, load_quote_layer, load_speaker_id_layer, score_speaker_ids  # noqa: E402
from quotes.speakers import MENTION_KINDS, resolve_speakers  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import choose_ud  # noqa: E402

LAYERS = {
    "dev": ROOT / "annotations" / "speaker-ids" / "wikinews-dev.jsonl",
    "train": ROOT / "annotations" / "speaker-ids" / "wikinews-train.jsonl",
    "redewiedergabe": ROOT / "annotations" / "speaker-ids" / "redewiedergabe.jsonl",
    "ud": ROOT / "annotations" / "speaker-ids" / "ud.jsonl",
}
PARTS = {
    "train": ("train",), "train2": ("train2",), "tune": ("tune",), "develop": ("train", "train2", "tune", "report3", "report4", "report5", "report6", "report7", "report8", "report9", "report10", "report11", "report13", "report14", "report15"),
    "report": ("report",), "report2": ("report2",), "report12": ("report", "report2"),
    "report3": ("report3",), "report4": ("report4",), "report5": ("report5",), "report6": ("report6",), "report7": ("report7",), "report8": ("report8",), "report9": ("report9",), "report10": ("report10",), "report11": ("report11",), "report13": ("report13",), "report14": ("report14",), "report15": ("report15",), "report16": ("report16",), "held-out": ("rw-fiction2",),
    "all-reports": ("report", "report2", "report3", "report4", "report5", "report6", "report7", "report8", "report9", "report10", "report11", "report13", "report14", "report15", "report16"),
    "rw-pronouns": ("rw-pronouns",), "rw-pronouns2": ("rw-pronouns2",), "rw-pronouns3": ("rw-pronouns3",), "rw-news": ("rw-news",), "rw-news2": ("rw-news2",), "rw-news3": ("rw-news3",), "rw-grenz": ("rw-grenz",), "rw-grenz2": ("rw-grenz2",), "rw-grenz3": ("rw-grenz3",), "rw-grenz4": ("rw-grenz4",), "rw-grenz5": ("rw-grenz5",), "rw-fiction": ("rw-fiction",), "rw-fiction2": ("rw-fiction2",),
    "ud-pud": ("ud-pud",), "ud-gsd": ("ud-gsd",), "ud": ("ud-pud", "ud-gsd"),
}
# The corpus split (and layer file) of each part: report3 to report6 are made of train documents.
SPLIT_OF = {"train": "train", "train2": "train", "report3": "train", "report4": "train", "report5": "train", "report6": "train", "report7": "train", "report8": "train", "report9": "train", "report10": "train", "report11": "train", "report13": "train", "report14": "train", "report15": "train", "rw-pronouns": "redewiedergabe", "rw-pronouns2": "redewiedergabe", "rw-pronouns3": "redewiedergabe", "rw-news": "redewiedergabe", "rw-news2": "redewiedergabe", "rw-news3": "redewiedergabe", "rw-grenz": "redewiedergabe", "rw-grenz2": "redewiedergabe", "rw-grenz3": "redewiedergabe", "rw-grenz4": "redewiedergabe", "rw-grenz5": "redewiedergabe", "rw-fiction": "redewiedergabe", "rw-fiction2": "redewiedergabe", "tune": "dev", "report": "dev", "report2": "dev", "report16": "dev", "ud-pud": "ud", "ud-gsd": "ud"}
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


def layer_part(part: str, corpora: Path, cache: dict) -> tuple[list, list]:
    """The documents and the gold speakers of one part of the layer (corpus splits read once, via ``cache``)."""
    docs_out, gold_out = [], []
    for split in ("train", "dev", "redewiedergabe", "ud"):
        wanted = [p for p in PARTS[part] if SPLIT_OF[p] == split]
        if not wanted:
            continue
        if split not in cache:
            if split == "ud":
                texts = {s.id: s.text for name in choose_ud.FILES for s in choose_ud.chosen(name, corpora / "ud-german")}
                cache[split] = load_quote_layer(LAYERS[split], texts)
            else:
                if split == "redewiedergabe":
                    docs = list(read_redewiedergabe(corpora / "redewiedergabe-main" / "data" / "main" / "tsv"))
                else:
                    docs = list(read_wikinews_dir(corpora / "german-news-quotes-2024" / "data" / split))
                cache[split] = (docs, load_speaker_id_layer(LAYERS[split], docs))
        docs, layer = cache[split]
        gold = [g for g in layer if g.part in wanted]
        gold_out += gold
        docs_out += [d for d in docs if d.id in {g.doc_id for g in gold}]
    return docs_out, gold_out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("extractors", nargs="*", default=["gold", "rules", "model"])
    ap.add_argument("--part", action="append", choices=list(PARTS), help="layer part (default develop); may be repeated")
    ap.add_argument("--json", help="also write the figures as JSON to this file")
    ap.add_argument("--errors", action="store_true", help="print the wrong speaker ids")
    args = ap.parse_args()
    corpora = Path(os.environ.get("QUOTES_CORPORA", ROOT.parent / "shared" / "corpora"))
    cache: dict = {}
    sets = []
    for part in args.part or ["develop"]:
        docs, gold = layer_part(part, corpora, cache)
        sets.append((f"speaker-id layer ({part}: {len(docs)} documents, {len(gold)} quotes)", docs, gold))
    if SEEDS_GOLD.exists():
        seeds = list(read_documents([SEEDS_GOLD]))
        sets.append((f"seed gold ({len(seeds)} documents)", seeds, gold_from_documents(seeds)))
    else:
        print(f"note: {SEEDS_GOLD.relative_to(ROOT)} is absent: no seed figures\n")
    # Each document once, even where parts share it (all-reports = report + report2 + report3).
    all_docs = list({d.id: d for _, docs, _ in sets for d in docs}.values())
    report = {}
    for name in args.extractors:
        try:
            preds = predict(name, all_docs)
        except QuotesError as e:
            print(f"note: skipping {name}: {e}\n")
            continue
        for title, docs, gold in sets:
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
