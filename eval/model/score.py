"""Score a model (or any extractor) on a split of german-news-quotes-2024.

Prints JSON: the official figures (macro as the scorer reports them, and micro), per role, the
strict metric's headline figures, and token F1 of the content per WikiNews quote label.

    .venv/bin/python eval/model/score.py                        # shipped model on dev
    .venv/bin/python eval/model/score.py --model /tmp/m --split dev
    .venv/bin/python eval/model/score.py --extractor rules
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from quotes.formats.wikinews import read_wikinews_dir  # noqa: E402
from quotes.registry import get_extractor  # noqa: E402
from quotes.scoring.official import score_official, wikinews_label  # noqa: E402
from quotes.scoring.strict import score_strict  # noqa: E402
from quotes.scoring.tokens import TokenMap  # noqa: E402

LABELS = ("Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported")


def label_token_f1(golds, preds) -> dict:
    """Per WikiNews label: token F1 of the content tokens of gold vs predicted quotes of that label."""
    c: Counter = Counter()
    for g, p in zip(golds, preds):
        tmap = TokenMap(g.tokens)
        for label in LABELS:
            gt = set().union(*[tmap.ids(q.content) for q in g.quotes if wikinews_label(q) == label])
            pt = set().union(*[tmap.ids(q.content) for q in p.quotes if wikinews_label(q) == label])
            c[f"{label}.tp"] += len(gt & pt)
            c[f"{label}.fp"] += len(pt - gt)
            c[f"{label}.fn"] += len(gt - pt)
    out = {}
    for label in LABELS:
        tp, fp, fn = c[f"{label}.tp"], c[f"{label}.fp"], c[f"{label}.fn"]
        out[label] = {"f": round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0, "tp": tp, "fp": fp, "fn": fn}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None, help="model folder (default: the shipped model)")
    ap.add_argument("--extractor", default="model")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--corpus", default=None)
    a = ap.parse_args()
    corpus = Path(a.corpus) if a.corpus else Path(os.environ.get("QUOTES_CORPORA", ROOT.parent / "shared" / "corpora")) / "german-news-quotes-2024"
    golds = list(read_wikinews_dir(corpus / "data" / a.split))
    settings = {"model_path": a.model} if a.model else {}
    ext = get_extractor(a.extractor, **settings)
    preds = [g.with_quotes(q) for g, q in zip(golds, ext.pipe([g.with_quotes(()) for g in golds]))]
    official = score_official(golds, preds)
    strict = score_strict(golds, preds)
    print(json.dumps({
        "extractor": ext.name, "split": a.split, "documents": len(golds),
        "official": official.as_dict(), "official_micro": official.micro_dict(),
        "per_role": {r: v["macro"] for r, v in official.per_role.items()},
        "strict": {"content": strict.content, "end_to_end": strict.end_to_end,
                   "roles_overlap": {r: v["overlap"] for r, v in strict.roles.items()},
                   "by_type": strict.by_type},
        "label_token_f1": label_token_f1(golds, preds),
        "quotes": {"gold": official.gold_quotes, "pred": official.pred_quotes},
    }, indent=1))


if __name__ == "__main__":
    main()
