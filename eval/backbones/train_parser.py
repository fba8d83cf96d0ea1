"""Train the built-in German parser and install it into ``quotes/models/de_ud_parser``.

    python eval/backbones/train_parser.py            # about 40 minutes on 2 busy shared cores

Reads ``$QUOTES_CORPORA/ud-german`` (default ``../shared/corpora/ud-german``), converts our train and
dev splits (see ``ud.py``) to spaCy's binary format under ``build/backbones/spacy``, trains with
``parser.cfg`` (seeded: the same command gives the same model on the same machine) and copies the
best model over the shipped one, leaving its ``LICENSE.md`` in place. The held-out split is not
read here: ``evaluate.py`` scores it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import spacy
from spacy.tokens import DocBin

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import ud  # noqa: E402

ROOT = HERE.parents[1]
WORK = ROOT / "build" / "backbones" / "spacy"
TARGET = ROOT / "quotes" / "models" / "de_ud_parser"
KEEP = {"LICENSE.md", "README.md"}


def prepare() -> dict[str, Path]:
    """Write the train and dev splits as DocBins; returns their paths."""
    WORK.mkdir(parents=True, exist_ok=True)
    vocab = spacy.blank("de").vocab
    paths = {}
    for split in ("train", "dev"):
        path = WORK / f"{split}.spacy"
        DocBin(docs=ud.to_docs(ud.split_sentences(split), vocab)).to_disk(path)
        paths[split] = path
    return paths


def install(model: Path) -> None:
    """Replace the shipped model files with ``model``'s, keeping the license and readme."""
    TARGET.mkdir(parents=True, exist_ok=True)
    for entry in TARGET.iterdir():
        if entry.name not in KEEP:
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    for entry in model.iterdir():
        dest = TARGET / entry.name
        shutil.copytree(entry, dest) if entry.is_dir() else shutil.copy2(entry, dest)
    meta_path = TARGET / "meta.json"
    meta = json.loads(meta_path.read_text())
    meta.update(
        name="ud_parser",
        version="1.0.0",
        description="Small German tagger (STTS), morphologizer (UPOS, features incl. Mood), lemmatizer "
        "and dependency parser, trained on the train split of UD German GSD + PUD defined in eval/backbones/ud.py.",
        license="CC BY-SA 4.0",
        sources=[
            {"name": "UD German GSD (dev, test files)", "license": "CC BY-SA 4.0"},
            {"name": "UD German PUD (test file)", "license": "CC BY-SA 3.0"},
        ],
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n")


def main() -> None:
    os.nice(10)
    paths = prepare()
    out = WORK / "out"
    cmd = [sys.executable, "-m", "spacy", "train", str(HERE / "parser.cfg"), "--output", str(out),
           "--paths.train", str(paths["train"]), "--paths.dev", str(paths["dev"])]
    print(" ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, env={**os.environ, "OMP_NUM_THREADS": "1"})
    install(out / "model-best")
    size = sum(p.stat().st_size for p in TARGET.rglob("*") if p.is_file())
    print(f"installed {TARGET.relative_to(ROOT)} ({size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
