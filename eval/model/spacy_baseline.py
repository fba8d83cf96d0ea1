"""A spaCy-trained baseline for the model-based extractor, measured on german-news-quotes-2024.

One command converts the train split into spaCy ``Doc``s on the corpus' own tokens, trains a small
spaCy pipeline (efficiency CNN tok2vec, no pretrained vectors), selects the epoch on dev, turns the
predicted entities into quotes, scores dev with the official and the strict metric, times inference
against the spaCy blank German tokenizer, prints JSON and writes ``eval/model/spacy_baseline.md``.

The pipeline: ``tok2vec`` (``spacy.MultiHashEmbed.v2`` over NORM/PREFIX/SUFFIX/SHAPE +
``spacy.MaxoutWindowEncoder.v2``, width 96, depth 4) shared by two ``ner`` components:

- ``content``: top-level quote contents, one entity per content span, labelled ``QUOTE_<label>``
  with the WikiNews label (Direct, Indirect, FreeIndirect, IndirectFreeIndirect, Reported);
- ``roles``: the speaker, cue and addressee spans of those quotes (``SPEAKER``, ``CUE``, ``ADDRESSEE``).

Two ``ner``s because roles and contents may overlap and one ``ner`` cannot hold overlapping
entities. Sentence starts are left unset, so entities may cross sentences (spaCy's E024).

Each content entity becomes a quote (type from its label); its speaker, cue and addressee are the
nearest mention of that label in the quote's sentences or the sentence before (corpus sentences),
outside the content; ``speaker_id`` comes from ``quotes.speakers.resolve_speakers``. Two more
readings of the same predictions: one adds a frame from speaker to cue where both lie in one
sentence (the official Roles figure averages over a frame cell, which the headline reading leaves
empty), one links the nearest mention anywhere in the article.

    nice -n 10 .venv/bin/python eval/model/spacy_baseline.py                 # the report
    .venv/bin/python eval/model/spacy_baseline.py --limit 20 --max-epochs 1 --report /tmp/x.md   # a quick check
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"  # one thread, set before numpy is imported

import argparse  # noqa: E402
import json  # noqa: E402
import random  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Callable, Sequence  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE.parent))

import spacy  # noqa: E402
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402
from spacy.tokens import Span as SpacySpan  # noqa: E402
from spacy.training import Example  # noqa: E402
from spacy.training.batchers import minibatch_by_words  # noqa: E402
from thinc.api import compounding  # noqa: E402

from machine import best_of, load_average, machine_info  # noqa: E402
from model.score import label_token_f1  # noqa: E402
from quotes.formats.wikinews import TYPE_FROM_LABEL, read_wikinews_dir  # noqa: E402
from quotes.scoring.official import score_official  # noqa: E402
from quotes.scoring.prf import PRFScore  # noqa: E402
from quotes.scoring.strict import score_strict  # noqa: E402
from quotes.scoring.tokens import TokenMap  # noqa: E402
from quotes.speakers import resolve_speakers  # noqa: E402
from quotes.types import Document, Quote, Span  # noqa: E402

LABELS = ("Direct", "Indirect", "FreeIndirect", "IndirectFreeIndirect", "Reported")
CONTENT_LABELS = tuple(f"QUOTE_{label}" for label in LABELS)
ROLE_LABELS = {"speaker": "SPEAKER", "cue": "CUE", "addressee": "ADDRESSEE"}
REPORT = HERE / "spacy_baseline.md"
COMMAND = "nice -n 10 .venv/bin/python eval/model/spacy_baseline.py"

WIDTH = 96
TOK2VEC = {
    "@architectures": "spacy.Tok2Vec.v2",
    "embed": {
        "@architectures": "spacy.MultiHashEmbed.v2", "width": WIDTH,
        "attrs": ["NORM", "PREFIX", "SUFFIX", "SHAPE"], "rows": [5000, 1000, 2500, 2500],
        "include_static_vectors": False,
    },
    "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": WIDTH, "depth": 4, "window_size": 1, "maxout_pieces": 3},
}
NER = {
    "@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
    "hidden_width": 64, "maxout_pieces": 2, "use_upper": True, "nO": None,
    "tok2vec": {"@architectures": "spacy.Tok2VecListener.v1", "width": WIDTH, "upstream": "tok2vec"},
}
DROPOUT = 0.1
READINGS = {  # how entities become quotes; "dev" is the headline
    "dev": "nearest speaker, cue, addressee (same or previous sentence)",
    "dev_with_frame": "… and a frame from speaker to cue",
    "dev_any_sentence": "nearest speaker, cue, addressee anywhere in the article",
}


@Language.component("quote_content_spans")
def quote_content_spans(doc: Doc) -> Doc:
    """Move the content entities to ``doc.spans["content"]`` and leave the entities unset for ``roles``."""
    doc.spans["content"] = list(doc.ents)
    doc.set_ents([], default="missing")  # "outside" would block every entity of the next ner
    return doc


def build_pipeline(seed: int) -> Language:
    spacy.util.fix_random_seed(seed)
    nlp = spacy.blank("de")
    nlp.add_pipe("tok2vec", config={"model": TOK2VEC})
    content = nlp.add_pipe("ner", name="content", config={"model": NER})
    nlp.add_pipe("quote_content_spans")
    roles = nlp.add_pipe("ner", name="roles", config={"model": NER})
    for label in CONTENT_LABELS:
        content.add_label(label)
    for label in ROLE_LABELS.values():
        roles.add_label(label)
    return nlp


# -- corpus → spaCy -----------------------------------------------------------------------------

def token_doc(vocab, doc: Document) -> Doc:
    """A spaCy Doc on the document's own tokens (never re-tokenized); token i is ``doc.tokens[i]``."""
    tokens = doc.tokens or ()
    words = [doc.text[s:e] for s, e in tokens]
    bad = next((i for i, w in enumerate(words) if not w.strip()), None)
    if bad is not None:
        raise ValueError(f"document {doc.id!r}: token {bad} at {tokens[bad]} is empty or whitespace")
    if not words:
        raise ValueError(f"document {doc.id!r}: no corpus tokens")
    spaces = [a[1] < b[0] for a, b in zip(tokens, tokens[1:])] + [False]
    return Doc(vocab, words=words, spaces=spaces)


def non_overlapping(spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Longest first, then leftmost; a span overlapping one already kept is dropped.

    >>> non_overlapping([(0, 3, "A"), (2, 4, "B"), (5, 6, "C")])
    [(0, 3, 'A'), (5, 6, 'C')]
    """
    kept: list[tuple[int, int, str]] = []
    for s, e, label in sorted(set(spans), key=lambda x: (x[0] - x[1], x[0], x[2])):
        if all(e <= ks or ke <= s for ks, ke, _ in kept):
            kept.append((s, e, label))
    return sorted(kept)


def gold_layers(doc: Document) -> tuple[list, list]:
    """Token-range entities of the top-level quotes: contents by WikiNews label, and their roles."""
    tmap = TokenMap(doc.tokens)
    content, roles = [], []
    for q in doc.quotes:
        if q.nested:
            continue
        label = q.label if q.label in LABELS else "Reported"
        content += [(s, e, f"QUOTE_{label}") for s, e in tmap.runs(q.content)]
        for role, name in ROLE_LABELS.items():
            roles += [(s, e, name) for s, e in tmap.runs(q.role(role))]
    return non_overlapping(content), non_overlapping(roles)


@dataclass(frozen=True)
class TrainingDoc:
    """One article for training: the content example and the roles example share one predicted Doc."""

    content: Example
    roles: Example
    words: int


def training_docs(nlp: Language, docs: Sequence[Document]) -> list[TrainingDoc]:
    out = []
    for d in docs:
        predicted = token_doc(nlp.vocab, d)
        content, roles = gold_layers(d)
        layers = []
        for ents in (content, roles):
            ref = token_doc(nlp.vocab, d)
            ref.set_ents([SpacySpan(ref, s, e, label=label) for s, e, label in ents], default="outside")
            layers.append(Example(predicted, ref))
        out.append(TrainingDoc(layers[0], layers[1], len(predicted)))
    return out


def update(nlp: Language, batch: Sequence[TrainingDoc], sgd, losses: dict) -> None:
    """One step on both layers.

    ``nlp.update`` cannot give the two ``ner``s different gold, so the components are updated
    one by one: the tok2vec only backpropagates when its last listener hands back its gradient,
    so the listeners are called in the tok2vec's own listener order.
    """
    tok2vec = nlp.get_pipe("tok2vec")
    examples = {"content": [b.content for b in batch], "roles": [b.roles for b in batch]}
    tok2vec.update(examples["content"], drop=DROPOUT, losses=losses)
    for name in tok2vec.listening_components:
        nlp.get_pipe(name).update(examples[name], drop=DROPOUT, losses=losses)
    for name in ("tok2vec", *tok2vec.listening_components):
        nlp.get_pipe(name).finish_update(sgd)


# -- spaCy → quotes -----------------------------------------------------------------------------

def sentence_index(doc: Document) -> list[int]:
    """The corpus sentence of each token (one sentence when the corpus gives none)."""
    n = len(doc.tokens or ())
    of = [0] * n
    for k, (b, e) in enumerate(doc.meta.get("sentences") or []):
        for i in range(b, min(e, n)):
            of[i] = k
    return of


def nearest(mentions: Sequence[tuple[int, int]], start: int, end: int, sent: Sequence[int],
            window: bool = True) -> tuple[int, int] | None:
    """The mention closest to token range ``[start, end)``, outside it, in its sentences or the one
    before (anywhere in the document when ``window`` is false).

    >>> nearest([(0, 1), (9, 10)], 3, 8, [0] * 10)
    (9, 10)
    >>> nearest([(0, 1)], 3, 8, [0, 1, 2, 2, 2, 2, 2, 2, 2, 2]), nearest([(0, 1)], 3, 8, [0, 1, 2, 2, 2, 2, 2, 2, 2, 2], window=False)
    (None, (0, 1))
    """
    lo, hi = sent[start] - 1, sent[end - 1]
    best, best_distance = None, None
    for s, e in mentions:
        if start <= s and e <= end or window and not lo <= sent[s] <= hi:
            continue
        distance = max(start - e, s - end, 0)
        if best_distance is None or distance < best_distance:
            best, best_distance = (s, e), distance
    return best


def to_quotes(doc: Document, sdoc: Doc, with_frame: bool = False, window: bool = True) -> list[Quote]:
    """Quotes from the predicted entities of one article (token i of ``sdoc`` is ``doc.tokens[i]``)."""
    tokens, sent = doc.tokens, sentence_index(doc)

    def span(s: int, e: int) -> Span:
        return Span.of(doc.text, tokens[s][0], tokens[e - 1][1])

    mentions = {role: [(m.start, m.end) for m in sdoc.ents if m.label_ == name] for role, name in ROLE_LABELS.items()}
    quotes = []
    for ent in sdoc.spans["content"]:
        label = ent.label_.removeprefix("QUOTE_")
        linked = {role: nearest(ms, ent.start, ent.end, sent, window) for role, ms in mentions.items()}
        roles = {role: (span(*m),) if m else () for role, m in linked.items()}
        speaker, cue = linked["speaker"], linked["cue"]
        if with_frame and speaker and cue and sent[speaker[0]] == sent[cue[0]]:
            s, e = min(speaker[0], cue[0]), max(speaker[1], cue[1])
            if e <= ent.start or ent.end <= s:
                roles["frame"] = (span(s, e),)
        quotes.append(Quote(content=(span(ent.start, ent.end),), type=TYPE_FROM_LABEL[label], label=label,
                            trace=f"spacy-baseline: {ent.label_}", **roles))
    return quotes


def predict(nlp: Language, docs: Sequence[Document], *, with_frame: bool = False, window: bool = True,
            speakers: bool = True) -> list[Document]:
    """Each article with its predicted quotes (``speaker_id`` resolved unless ``speakers`` is false)."""
    out = []
    for d, sdoc in zip(docs, nlp.pipe(token_doc(nlp.vocab, d) for d in docs)):
        quotes = to_quotes(d, sdoc, with_frame, window)
        out.append(d.with_quotes(resolve_speakers(d, quotes) if speakers else quotes))
    return out


# -- training -----------------------------------------------------------------------------------

def train(nlp: Language, train_docs: list[TrainingDoc], dev: list[Document], *, seed: int, max_epochs: int,
          max_minutes: float, log: Callable[[str], None]) -> dict:
    """Train until ``max_epochs`` or ``max_minutes`` (updates and dev scoring) and keep the epoch with the best dev Joint F1."""
    rng = random.Random(seed)
    plain = [Example(t.content.predicted, t.content.predicted) for t in train_docs[:20]]
    sgd = nlp.initialize(lambda: plain)
    budget, trained, start = max_minutes * 60, 0.0, time.perf_counter()
    epochs, best, best_bytes, stopped_by = [], None, None, "max-epochs"
    for epoch in range(1, max_epochs + 1):
        order = list(train_docs)
        rng.shuffle(order)
        losses: dict = {}
        t0 = time.perf_counter()
        out_of_time = False
        for batch in minibatch_by_words(order, size=compounding(100.0, 1000.0, 1.001), tolerance=0.2,
                                        discard_oversize=False, get_length=lambda t: t.words):
            update(nlp, batch, sgd, losses)
            if time.perf_counter() - start > budget:
                out_of_time = True
                break
        trained += time.perf_counter() - t0
        joint = score_official(dev, predict(nlp, dev, speakers=False)).joint.f
        row = {"epoch": epoch, "joint_f": round(float(joint), 4), "train_minutes": round(trained / 60, 2),
               "loss": {k: round(float(v), 1) for k, v in losses.items()}, "complete": not out_of_time}
        epochs.append(row)
        log(json.dumps(row))
        if best is None or joint > best["joint_f"]:
            best, best_bytes = row, nlp.to_bytes()
        if out_of_time:
            stopped_by = "max-minutes"
            break
    nlp.from_bytes(best_bytes)
    return {"epochs": epochs, "best_epoch": best["epoch"], "stopped_by": stopped_by, "train_minutes": round(trained / 60, 2),
            "selection_minutes": round((time.perf_counter() - start - trained) / 60, 2)}


# -- measuring ----------------------------------------------------------------------------------


def speed(nlp: Language, docs: Sequence[Document], runs: int = 3) -> dict:
    """Inference on one thread against the blank German tokenizer over the same texts, best of ``runs``."""
    blank = spacy.blank("de")
    texts = [d.text for d in docs]
    tokens = sum(len(blank.tokenizer(t)) for t in texts)
    plain = [d.with_quotes(()) for d in docs]
    t_tok = best_of(runs, lambda: [blank.tokenizer(t) for t in texts])
    t_pipe = best_of(runs, lambda: list(nlp.pipe([token_doc(nlp.vocab, d) for d in plain])))
    t_all = best_of(runs, lambda: predict(nlp, plain))
    return {
        "documents": len(docs), "tokens": tokens, "corpus_tokens": sum(len(d.tokens) for d in docs), "runs": runs,
        "tokenizer_seconds": round(t_tok, 3), "tokenizer_tokens_per_s": round(tokens / t_tok),
        "pipeline_seconds": round(t_pipe, 3), "pipeline_tokens_per_s": round(tokens / t_pipe),
        "extract_seconds": round(t_all, 3), "extract_tokens_per_s": round(tokens / t_all),
        "extract_slower_than_tokenizer": round(t_all / t_tok, 1),
    }


def mention_figures(nlp: Language, docs: Sequence[Document]) -> dict:
    """The entities before linking, per label: exact token ranges against the gold layers (``gold_layers``)."""
    counts: dict[str, PRFScore] = {}
    for d, sdoc in zip(docs, nlp.pipe(token_doc(nlp.vocab, d) for d in docs)):
        content, roles = gold_layers(d)
        gold = set(content) | set(roles)
        pred = {(e.start, e.end, e.label_) for e in (*sdoc.spans["content"], *sdoc.ents)}
        for label in (*CONTENT_LABELS, *ROLE_LABELS.values()):
            g, p = {x for x in gold if x[2] == label}, {x for x in pred if x[2] == label}
            counts[label] = counts.get(label, PRFScore()) + PRFScore(len(g & p), len(p - g), len(g - p))
    return {label: c.as_dict() for label, c in counts.items()}


def figures(golds: Sequence[Document], preds: Sequence[Document]) -> dict:
    official = score_official(golds, preds).report()
    strict = score_strict(golds, preds).report()
    return {
        "official": {g: official["macro"][g] for g in ("message", "roles", "joint", "form")},
        "official_per_role": {r: v["macro"] for r, v in official["per_role"].items()},
        "official_pairs": {k: official[k] for k in ("gold_quotes", "pred_quotes", "pairs", "zero_overlap_pairs")},
        "strict": {"content": strict["content"], "roles": {r: v["overlap"] for r, v in strict["roles"].items()},
                   "speaker": strict["speaker"], "end_to_end": strict["end_to_end"], "by_type": strict["by_type"]},
        "label_token_f1": label_token_f1(golds, preds),
    }


# -- report -------------------------------------------------------------------------------------

def _f(x: float) -> str:
    return f"{x:.3f}"


def markdown(result: dict, command: str) -> str:
    m, tr, sp = result["machine"], result["training"], result["speed"]
    head = result["dev"]
    lines = [
        "# A spaCy-trained baseline for the model-based extractor",
        "",
        "A spaCy pipeline trained on the train split of `german-news-quotes-2024` and scored on its dev",
        "split, to set the shipped model against the natural first candidate. How it is built: see the",
        "docstring of `eval/model/spacy_baseline.py` (two `ner`s on one efficiency CNN tok2vec: quote",
        "contents by WikiNews label; speaker, cue and addressee; nearest mention linked; no frame).",
        "",
        "```",
        command,
        "```",
        "",
        f"- date: {m['date']}; commit `{m['commit']}`",
        f"- machine: {m['machine']}; Python {m['python']}, spaCy {result['spacy']}; one thread, nice 10",
        f"- load average (1 min): {m['load_average']} at start, {m['load_average_end']} at end",
        f"- training: {tr['documents']} train documents ({tr['words']:,} tokens), seed {result['settings']['seed']},",
        f"  caps {result['settings']['max_epochs']} epochs / {result['settings']['max_minutes']} minutes; ran {len(tr['epochs'])} epochs"
        f" (stopped by {tr['stopped_by']}): {tr['train_minutes']} minutes of updates, {tr['selection_minutes']} of dev scoring,"
        f" {tr['total_minutes']} in all with the conversion;",
        f"  best dev Joint F1 at epoch {tr['best_epoch']} (the epoch is selected on dev, so dev is not held out here)",
        f"- dev: {head['official_pairs']['gold_quotes']} gold quotes (nested included, as the official scorer counts),"
        f" {head['official_pairs']['pred_quotes']} predicted",
        "",
        "What this recipe leaves out, by construction: nested quotes (only top-level contents are",
        "entities; nested gold quotes count as missed), discontinuous quotes (each content span becomes",
        "its own quote), `mixed` (an Indirect entity is always `indirect`) and the medium (always Speech).",
        "",
        "## Official metric (macro, as the scorer reports it)",
        "",
        "| reading | Message P / R / F | Roles P / R / F | Joint P / R / F | Form F |",
        "|---|---|---|---|---|",
    ]
    for key, name in READINGS.items():
        o = result[key]["official"]
        lines.append(f"| {name} | " + " | ".join(
            f"{_f(o[g]['p'])} / {_f(o[g]['r'])} / **{_f(o[g]['f'])}**" for g in ("message", "roles", "joint")) + f" | {_f(o['form']['f'])} |")
    lines += ["", "Cells (pair × role) behind each macro figure, and token counts (first reading):", "",
              "| group | cells P | cells R | TP | FP | FN |", "|---|---|---|---|---|---|"]
    for g in ("message", "roles", "joint"):
        o = head["official"][g]
        lines.append(f"| {g} | {o['cells_p']} | {o['cells_r']} | {o['tp']} | {o['fp']} | {o['fn']} |")
    lines += ["", "Per role (macro): " + ", ".join(
        f"{r} {_f(v['f'])}" for r, v in head["official_per_role"].items()) + ".", "",
        "## Strict metric (first reading)", "",
        "| figure | P | R | F | TP | FP | FN |", "|---|---|---|---|---|---|---|"]
    s = head["strict"]
    rows = [(f"content {lv}", s["content"][lv]) for lv in ("exact", "overlap", "any")]
    rows += [(f"{r} (overlap)", s["roles"][r]) for r in ("speaker", "cue", "addressee", "frame")]
    rows += [("end to end (content and speaker)", s["end_to_end"])]
    for name, v in rows:
        lines.append(f"| {name} | {_f(v['p'])} | {_f(v['r'])} | {_f(v['f'])} | {v['tp']} | {v['fp']} | {v['fn']} |")
    sa, si = s["speaker"]["span"], s["speaker"]["id"]
    lines += ["", f"Speaker accuracy over matched quotes: span {_f(sa['accuracy'])} ({sa['correct']}/{sa['total']}),"
              + (f" speaker_id {_f(si['accuracy'])} ({si['correct']}/{si['total']})." if si["total"]
                 else " speaker_id: not scored (the corpus has no gold speaker ids)."), "",
              "## Token F1 of the content per WikiNews label", "",
              "| label | F1 | TP | FP | FN |", "|---|---|---|---|---|"]
    for label, v in head["label_token_f1"].items():
        lines.append(f"| {label} | {_f(v['f'])} | {v['tp']} | {v['fp']} | {v['fn']} |")
    lines += ["", "## Entities before linking (exact token ranges against the training layers, dev)", "",
              "| label | P | R | F | TP | FP | FN |", "|---|---|---|---|---|---|---|"]
    for label, v in result["dev_mentions"].items():
        lines.append(f"| {label} | {_f(v['p'])} | {_f(v['r'])} | {_f(v['f'])} | {v['tp']} | {v['fp']} | {v['fn']} |")
    lines += ["", "## Speed (dev texts, one thread, best of 3)", "",
              f"- spaCy blank German tokenizer alone: {sp['tokenizer_tokens_per_s']:,} tokens/s ({sp['tokens']:,} tokens as it counts them)",
              f"- spaCy pipeline on the corpus tokens: {sp['pipeline_tokens_per_s']:,} tokens/s",
              f"- extraction end to end (Docs on corpus tokens, pipeline, linking, speaker resolution):"
              f" {sp['extract_tokens_per_s']:,} tokens/s, {sp['extract_slower_than_tokenizer']}× the tokenizer's time",
              "", "## Dev Joint F1 per epoch", "", "| epoch | Joint F1 | minutes of updates | loss content | loss roles |",
              "|---|---|---|---|---|"]
    for row in tr["epochs"]:
        lines.append(f"| {row['epoch']}{'' if row['complete'] else ' (partial)'} | {_f(row['joint_f'])} | {row['train_minutes']}"
                     f" | {row['loss'].get('content', 0)} | {row['loss'].get('roles', 0)} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default=None, help="german-news-quotes-2024 folder (default: $QUOTES_CORPORA/german-news-quotes-2024)")
    ap.add_argument("--max-minutes", type=float, default=15.0, help="cap on the minutes of training (updates and dev scoring)")
    ap.add_argument("--max-epochs", type=int, default=12)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--output", default=None, help="folder to save the selected pipeline to (default: not saved)")
    ap.add_argument("--report", default=str(REPORT), help="Markdown report to write")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N documents of each split (a quick check)")
    a = ap.parse_args()
    os.nice(max(0, 10 - os.nice(0)))
    info = machine_info()
    corpus = Path(a.corpus) if a.corpus else Path(os.environ.get("QUOTES_CORPORA", ROOT.parent / "shared" / "corpora")) / "german-news-quotes-2024"
    train_split = list(read_wikinews_dir(corpus / "data" / "train"))[: a.limit]
    dev = list(read_wikinews_dir(corpus / "data" / "dev"))[: a.limit]
    t0 = time.perf_counter()
    nlp = build_pipeline(a.seed)
    train_docs = training_docs(nlp, train_split)
    log = lambda line: print(line, file=sys.stderr, flush=True)  # noqa: E731
    training = train(nlp, train_docs, dev, seed=a.seed, max_epochs=a.max_epochs, max_minutes=a.max_minutes, log=log)
    training.update(documents=len(train_docs), words=sum(t.words for t in train_docs),
                    total_minutes=round((time.perf_counter() - t0) / 60, 2))
    if a.output:
        nlp.to_disk(a.output)
    plain = [d.with_quotes(()) for d in dev]
    result = {
        "settings": {"seed": a.seed, "max_epochs": a.max_epochs, "max_minutes": a.max_minutes, "limit": a.limit,
                     "corpus": str(corpus)},
        "spacy": spacy.__version__,
        "training": training,
        "dev": figures(dev, predict(nlp, plain)),
        "dev_with_frame": figures(dev, predict(nlp, plain, with_frame=True)),
        "dev_any_sentence": figures(dev, predict(nlp, plain, window=False)),
        "dev_mentions": mention_figures(nlp, dev),
        "speed": speed(nlp, dev),
        "machine": {**info, "load_average_end": load_average()},
    }
    print(json.dumps(result, indent=1))
    command = COMMAND + "".join(f" --{k.replace('_', '-')} {v}" for k, v in vars(a).items()
                                if k in ("max_minutes", "max_epochs", "seed", "limit") and v != ap.get_default(k))
    Path(a.report).write_text(markdown(result, command), encoding="utf-8")


if __name__ == "__main__":
    main()
