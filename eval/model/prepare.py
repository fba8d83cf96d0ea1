"""Read the corpora of a training config once and save the examples, for sweeps (``sweep.py``).

    QUOTES_CORPORA=../shared/corpora .venv/bin/python eval/model/prepare.py eval/model/config.toml .sweep/data.pkl
"""

from __future__ import annotations

import pickle
import sys
import time

from quotes.train import load_config, prepare


def main(config_path: str, out: str) -> None:
    t0 = time.perf_counter()
    data = prepare(load_config(config_path))
    with open(out, "wb") as f:
        pickle.dump(data, f)
    print(f"{len(data.train_docs)} train, {len(data.dev_docs)} dev documents, {len(data.vocab.words)} words; "
          f"{time.perf_counter() - t0:.0f} s -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:3])
