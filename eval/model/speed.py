"""Inference speed of the model extractor on one core, against the spaCy blank German tokenizer.

Runs over the texts of a WikiNews split (the texts only), three times each, and prints the best
time of each: tokens per second (tokens as the blank tokenizer counts them) and how many times
slower than the tokenizer alone the extractor is, with the machine's load average.

    .venv/bin/python eval/model/speed.py                     # shipped model, dev split
    .venv/bin/python eval/model/speed.py --model /tmp/m --split train
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import spacy  # noqa: E402
import torch  # noqa: E402

from quotes.formats.wikinews import read_wikinews_dir  # noqa: E402
from quotes.registry import get_extractor  # noqa: E402
from quotes.types import Document  # noqa: E402
from machine import best_of  # noqa: E402



def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default=None, help="model folder (default: the shipped model)")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--corpus", default=None, help="german-news-quotes-2024 folder (default: $QUOTES_CORPORA/...)")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    corpus = Path(a.corpus) if a.corpus else Path(os.environ.get("QUOTES_CORPORA", ROOT.parent / "shared" / "corpora")) / "german-news-quotes-2024"
    docs = [Document(d.id, d.text) for d in read_wikinews_dir(corpus / "data" / a.split, with_quotes=False)]
    torch.set_num_threads(1)
    nlp = spacy.blank("de")
    tokens = sum(len(nlp.tokenizer(d.text)) for d in docs)
    t_tok = best_of(a.runs, lambda: [nlp.tokenizer(d.text) for d in docs])
    ext = get_extractor("model", model_path=a.model, threads=1)
    t_model = best_of(a.runs, lambda: list(ext.pipe(docs)))
    result = {
        "documents": len(docs), "tokens": tokens, "threads": torch.get_num_threads(),
        "tokenizer_seconds": round(t_tok, 3), "tokenizer_tokens_per_s": round(tokens / t_tok),
        "model_seconds": round(t_model, 3), "model_tokens_per_s": round(tokens / t_model),
        "slower_than_tokenizer": round(t_model / t_tok, 1), "load_average": [round(x, 2) for x in os.getloadavg()],
        "cpu_count": os.cpu_count(),
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
