"""Score backbones on our held-out UD split, and time them on news text.

    python eval/backbones/evaluate.py                      # writes eval/backbones/heldout.md
    python eval/backbones/evaluate.py --backbone builtin-parser --backbone stanza:DIR

Accuracy: each held-out sentence (see ``ud.py``: the last 15 % of each UD file, never used in
training or model selection) is given to the backbone on its gold tokens and sentence, and the
backbone's components annotate it (the sentence splitter is skipped). Figures, with counts:
UPOS, STTS tag (GSD tokens only: PUD has no STTS), full morphological features, Mood (tokens
whose gold features have a Mood), Konjunktiv (``Mood=Sub``: precision, recall, F1), lemma, UAS
and LAS (relation with subtype; punctuation included, as in the CoNLL 2018 scorer's LAS).

Speed: the texts of the WikiNews dev split (``$QUOTES_CORPORA/german-news-quotes-2024``), run
through each backbone with ``nlp.pipe`` after a warm-up, against the spaCy blank German tokenizer
alone over the same texts in the same run; tokens are the tokenizer's, whitespace left out.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import Doc

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))
import ud  # noqa: E402

from quotes.nlp import load_backbone  # noqa: E402

DEFAULT_BACKBONES = ("builtin-parser", f"stanza:{ROOT / 'tests' / 'models' / 'stanza-de-tiny'}")
SKIP = {"quotes_sentences"}


@dataclass
class Count:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    def __str__(self) -> str:
        return f"{100 * self.right / self.total:.1f} ({self.right}/{self.total})" if self.total else "–"


def annotate_gold_tokens(nlp, sentence: ud.Sentence) -> Doc:
    """The backbone's annotation of one sentence on its gold tokens."""
    words = [w.form for w in sentence.words]
    spaces = [w.space_after for w in sentence.words]
    spaces[-1] = False
    doc = Doc(nlp.vocab, words=words, spaces=spaces, sent_starts=[True] + [False] * (len(words) - 1))
    for name, proc in nlp.pipeline:
        if name not in SKIP:
            doc = proc(doc)
    return doc


def score(spec: str, sentences: list[ud.Sentence]) -> dict[str, Count]:
    nlp = load_backbone(spec)
    c = {k: Count() for k in ("UPOS", "STTS", "features", "Mood", "lemma", "UAS", "LAS")}
    sub = {"tp": 0, "fp": 0, "fn": 0}
    for sentence in sentences:
        doc = annotate_gold_tokens(nlp, sentence)
        for tok, w in zip(doc, sentence.words):
            c["UPOS"].add(tok.pos_ == w.upos)
            if w.xpos:
                c["STTS"].add(tok.tag_ == w.xpos)
            c["features"].add(str(tok.morph) == w.feats)
            gold_mood = [f for f in w.feats.split("|") if f.startswith("Mood=")]
            pred_mood = [f"Mood={m}" for m in tok.morph.get("Mood")]
            if gold_mood:
                c["Mood"].add(pred_mood == gold_mood)
            g_sub, p_sub = "Mood=Sub" in gold_mood, "Mood=Sub" in pred_mood
            sub["tp"] += g_sub and p_sub
            sub["fp"] += p_sub and not g_sub
            sub["fn"] += g_sub and not p_sub
            c["lemma"].add(tok.lemma_ == w.lemma)
            gold_head = w.head - 1 if w.head else tok.i
            pred_dep = "root" if tok.dep_ == "ROOT" else tok.dep_
            c["UAS"].add(tok.head.i == gold_head)
            c["LAS"].add(tok.head.i == gold_head and pred_dep == w.deprel)
    p = sub["tp"] / (sub["tp"] + sub["fp"]) if sub["tp"] + sub["fp"] else 0.0
    r = sub["tp"] / (sub["tp"] + sub["fn"]) if sub["tp"] + sub["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    out = dict(c)
    out["Konjunktiv P/R/F1"] = f"{100 * p:.1f} / {100 * r:.1f} / {100 * f:.1f} (tp {sub['tp']}, fp {sub['fp']}, fn {sub['fn']})"
    return out


def news_texts(limit: int | None = None) -> list[str]:
    from quotes.formats.wikinews import read_wikinews_dir

    base = Path(os.environ.get("QUOTES_CORPORA") or ROOT.parent / "shared" / "corpora")
    docs = list(read_wikinews_dir(base / "german-news-quotes-2024" / "data" / "dev", with_quotes=False))
    return [d.text for d in docs[:limit]]


def speed(specs: list[str], texts: list[str]) -> tuple[list[tuple[str, float, float]], int]:
    """(spec, seconds, seconds of the tokenizer alone) per backbone, and the number of tokens.

    Each is timed in one pass over the texts after a warm-up on the first five; the tokenizer
    (a fresh spaCy blank German, so its cache is as cold as the backbone's) right before and right
    after each backbone, the faster of the two kept: both see the same load.
    """
    tokens = sum(1 for t in texts for tok in spacy.blank("de").tokenizer(t) if not tok.is_space)

    def time_tokenizer() -> float:
        tokenizer = spacy.blank("de").tokenizer
        for t in texts[:5]:
            tokenizer(t)
        began = time.perf_counter()
        for t in texts:
            tokenizer(t)
        return time.perf_counter() - began

    rows = []
    for spec in specs:
        nlp = load_backbone(spec)
        list(nlp.pipe(texts[:5]))  # warm-up
        base_before = time_tokenizer()
        began = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        seconds = time.perf_counter() - began
        rows.append((spec, seconds, min(base_before, time_tokenizer())))
    return rows, tokens


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--backbone", action="append", help="backbone spec (repeatable); default: builtin-parser and the test Stanza model")
    ap.add_argument("--output", type=Path, default=HERE / "heldout.md")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--torch-threads", type=int, default=1,
                    help="torch threads for Stanza (default 1: on a busy 2-core machine 2 threads ran it 17x slower)")
    args = ap.parse_args()
    import torch

    torch.set_num_threads(args.torch_threads)
    specs = args.backbone or list(DEFAULT_BACKBONES)
    heldout = ud.split_sentences("heldout")
    n_tokens = sum(len(s.words) for s in heldout)
    lines = ["# Backbones: held-out accuracy and speed", "",
             f"Written by `python eval/backbones/evaluate.py`. Held out: {len(heldout)} sentences, {n_tokens} tokens "
             "(last 15 % of UD German GSD dev, GSD test and PUD test; see `eval/backbones/ud.py`), gold tokens and sentences.", ""]
    scores = {spec: score(spec, heldout) for spec in specs}
    keys = list(next(iter(scores.values())))
    lines += ["| figure | " + " | ".join(f"`{_short(s)}`" for s in specs) + " |", "|---|" + "---|" * len(specs)]
    for k in keys:
        lines.append(f"| {k} | " + " | ".join(str(scores[s][k]) for s in specs) + " |")
    if not args.no_speed:
        texts = news_texts()
        load = os.getloadavg()
        rows, tokens = speed(["builtin", *specs], texts)
        lines += ["", f"Speed on the {len(texts)} texts of the WikiNews dev split ({tokens} tokens), one process, "
                  f"{os.cpu_count()} cores ({platform.processor() or platform.machine()}), load average before "
                  f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1/5/15 min; the machine is shared); torch threads: {args.torch_threads}.", "",
                  "| backbone | seconds | tokens/s | time vs the tokenizer alone, timed right before and after it |", "|---|---|---|---|"]
        for spec, seconds, base in rows:
            lines.append(f"| `{_short(spec)}` | {seconds:.2f} | {tokens / seconds:,.0f} | {seconds / base:.1f}× |")
        base = min(b for _, _, b in rows)
        lines.append(f"| spaCy blank German tokenizer (fastest of its runs) | {base:.2f} | {tokens / base:,.0f} | 1.0× |")
    text = "\n".join(lines) + "\n"
    args.output.write_text(text, encoding="utf-8")
    print(text)


def _short(spec: str) -> str:
    return spec.replace(str(ROOT) + "/", "")


if __name__ == "__main__":
    main()
