"""Train a tiny Stanza German model (POS + features, lemmas, dependencies) and lay it out as
Stanza's downloader does, so ``stanza.Pipeline("de", dir=DIR, download_method=None)`` loads it.

    python eval/backbones/train_stanza.py          # writes tests/models/stanza-de-tiny

A few minutes with a GPU (Stanza's trainers use one when torch sees it), about an hour on two
busy CPU cores; fewer ``--tagger-steps``, ``--parser-steps``, ``--lemma-epochs`` make a quicker,
weaker model.

It is a test fixture first: small layers keep it a few MB, and it is trained with
Stanza's own training modules (``stanza.models.tagger``, ``.lemmatizer``, ``.parser``) on our train
split of UD German GSD + PUD (``ud.py``), dev split for model selection. Stanza wants pretrained
word vectors; we build small ones from the same train text (PPMI + SVD, no download).
Resulting license: CC BY-SA 4.0 (GSD CC BY-SA 4.0, PUD CC BY-SA 3.0).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.linalg import svds

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import ud  # noqa: E402

ROOT = HERE.parents[1]
WORK = ROOT / "build" / "backbones" / "stanza"
DEFAULT_OUT = ROOT / "tests" / "models" / "stanza-de-tiny"
PACKAGE = "ud_tiny"

# Small layers: the point is a real Stanza model that loads and runs in seconds, not accuracy.
TAGGER = ["--hidden_dim", "64", "--char_hidden_dim", "64", "--word_emb_dim", "32", "--char_emb_dim", "32",
          "--tag_emb_dim", "16", "--transformed_dim", "32", "--deep_biaff_hidden_dim", "64",
          "--composite_deep_biaff_hidden_dim", "32", "--batch_size", "100"]
PARSER = ["--hidden_dim", "96", "--char_hidden_dim", "64", "--word_emb_dim", "32", "--char_emb_dim", "32",
          "--tag_emb_dim", "16", "--transformed_dim", "32", "--deep_biaff_hidden_dim", "96",
          "--deep_biaff_output_dim", "32", "--batch_size", "2000"]
LEMMA = ["--hidden_dim", "64", "--emb_dim", "32", "--pos_dim", "32", "--batch_size", "100"]


def word_vectors(sentences, path: Path, dim: int = 32, window: int = 3, min_count: int = 2) -> None:
    """Word vectors from PPMI co-occurrence counts and a truncated SVD, in word2vec text format."""
    words = [[w.form.lower() for w in s.words] for s in sentences]
    counts = Counter(w for s in words for w in s)
    vocab = [w for w, c in counts.most_common() if c >= min_count]
    index = {w: i for i, w in enumerate(vocab)}
    rows, cols = [], []
    for s in words:
        ids = [index.get(w, -1) for w in s]
        for i, a in enumerate(ids):
            for b in ids[max(0, i - window) : i] + ids[i + 1 : i + 1 + window]:
                if a >= 0 and b >= 0:
                    rows.append(a)
                    cols.append(b)
    n = len(vocab)
    m = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n)).tocsr()
    m.sum_duplicates()
    total = m.sum()
    row_sum = np.asarray(m.sum(axis=1)).ravel()
    col_sum = np.asarray(m.sum(axis=0)).ravel() ** 0.75
    col_sum = col_sum / col_sum.sum() * total
    m = m.tocoo()
    pmi = np.log(m.data * total / (row_sum[m.row] * col_sum[m.col]))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=(n, n)).tocsr()
    u, s, _ = svds(ppmi, k=dim, random_state=0)
    vectors = u * np.sqrt(s)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-8
    with path.open("w", encoding="utf-8") as f:
        f.write(f"{n} {dim}\n")
        for w, v in zip(vocab, vectors):
            f.write(w + " " + " ".join(f"{x:.4f}" for x in v) + "\n")


def run(module: str, args: list[str]) -> None:
    cmd = [sys.executable, "-m", f"stanza.models.{module}", *args]
    print(" ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, env={**os.environ, "OMP_NUM_THREADS": "1"})


def resources() -> dict:
    """The part of Stanza's ``resources.json`` that a local German pipeline reads."""
    pretrain = [{"model": "pretrain", "package": PACKAGE}]
    return {
        "de": {
            "lang_name": "German",
            "packages": {"default": {"tokenize": PACKAGE, "pos": PACKAGE, "lemma": PACKAGE, "depparse": PACKAGE}},
            "default_processors": {"tokenize": PACKAGE, "pos": PACKAGE, "lemma": PACKAGE, "depparse": PACKAGE},
            "tokenize": {PACKAGE: {}},
            "pos": {PACKAGE: {"dependencies": pretrain}},
            "lemma": {PACKAGE: {}},
            "depparse": {PACKAGE: {"dependencies": pretrain}},
            "pretrain": {PACKAGE: {}},
        }
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT, help="model directory to write")
    ap.add_argument("--tagger-steps", type=int, default=2000)
    ap.add_argument("--parser-steps", type=int, default=1500)
    ap.add_argument("--lemma-epochs", type=int, default=10)
    ap.add_argument("--install-only", action="store_true", help="only lay out the files trained before (in build/backbones/stanza)")
    args = ap.parse_args()
    if args.install_only:
        install(args.out)
        return
    os.nice(10)
    WORK.mkdir(parents=True, exist_ok=True)
    train, dev = ud.split_sentences("train"), ud.split_sentences("dev")
    (WORK / "train.conllu").write_text(ud.to_conllu(train), encoding="utf-8")
    (WORK / "dev.conllu").write_text(ud.to_conllu(dev), encoding="utf-8")
    word_vectors(train, WORK / "vectors.txt")
    pretrain = WORK / "pretrain.pt"
    pretrain.unlink(missing_ok=True)
    from stanza.models.common.pretrain import Pretrain

    Pretrain(str(pretrain), str(WORK / "vectors.txt")).load()  # converts and saves the .pt

    common = ["--train_file", str(WORK / "train.conllu"), "--eval_file", str(WORK / "dev.conllu"),
              "--shorthand", "de_ud", "--mode", "train", "--seed", "13"]
    common_tag = [*common, "--lang", "de"]
    run("tagger", [*common_tag, *TAGGER, "--max_steps", str(args.tagger_steps), "--eval_interval", "100", "--wordvec_pretrain_file", str(pretrain),
                   "--output_file", str(WORK / "pos.pred.conllu"), "--save_dir", str(WORK), "--save_name", "pos.pt"])
    run("lemmatizer", [*common, *LEMMA, "--num_epoch", str(args.lemma_epochs),
                       "--output_file", str(WORK / "lemma.pred.conllu"), "--save_dir", str(WORK), "--save_name", "lemma.pt"])
    run("parser", [*common_tag, *PARSER, "--max_steps", str(args.parser_steps), "--eval_interval", "100", "--wordvec_pretrain_file", str(pretrain),
                   "--output_file", str(WORK / "depparse.pred.conllu"), "--save_dir", str(WORK), "--save_name", "depparse.pt"])

    install(args.out)


def half(source: Path, target: Path) -> None:
    """Copy a Stanza model file with its float weights stored as float16 (Stanza loads them back
    into float32 parameters); halves the size of the committed test model."""
    import torch

    data = torch.load(source, map_location="cpu", weights_only=False)
    data.pop("optimizer", None)
    data["model"] = {k: v.half() if torch.is_tensor(v) and v.is_floating_point() else v for k, v in data["model"].items()}
    torch.save(data, target)


def install(out: Path) -> None:
    """Lay the trained files out as Stanza's downloader does, under ``out``."""
    lang = out / "de"
    if lang.exists():
        shutil.rmtree(lang)
    for processor in ("pos", "lemma", "depparse", "pretrain"):
        (lang / processor).mkdir(parents=True, exist_ok=True)
        target = lang / processor / f"{PACKAGE}.pt"
        if processor == "pretrain":
            shutil.copy2(WORK / "pretrain.pt", target)
        else:
            half(WORK / f"{processor}.pt", target)
    (out / "resources.json").write_text(json.dumps(resources(), indent=2) + "\n")
    size = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    print(f"wrote {out} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
