"""Train variants of a config side by side and print their best dev figures.

Each variant is a JSON object of config overrides (``{"lr": 0.005, "net": {"hidden": 96}}``); every
variant runs with each seed, in its own process. Data come from ``prepare.py``.

    .venv/bin/python eval/model/sweep.py eval/model/config.toml .sweep/data.pkl OUT.jsonl \\
        --seeds 1,2 --jobs 4 --variant '{}' --variant '{"lr": 0.005}'
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import pickle
import time
from dataclasses import replace

from quotes.train import fit, load_config


def run_one(args) -> dict:
    config_path, data_path, overrides, seed = args
    import torch

    torch.set_num_threads(1)
    config = load_config(config_path)
    net = {**config.net, **overrides.get("net", {})}
    config = replace(config, **{**{k: v for k, v in overrides.items() if k != "net"}, "net": net, "seed": seed})
    with open(data_path, "rb") as f:
        data = pickle.load(f)
    t0 = time.perf_counter()
    logs = []
    fitted = fit(config, data, log=logs.append)
    dev = fitted.dev
    return {
        "variant": overrides, "seed": seed, "best_epoch": fitted.best_epoch, "seconds": round(time.perf_counter() - t0),
        "message": round(dev.message.f, 4), "roles": round(dev.roles.f, 4), "joint": round(dev.joint.f, 4),
        "per_role": {r: round(v["macro"]["f"], 4) for r, v in dev.per_role.items()},
        "epochs": [(e.epoch, e.message_f, e.joint_f) for e in fitted.epochs],
    }


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("config")
    ap.add_argument("data")
    ap.add_argument("out")
    ap.add_argument("--variant", action="append", default=[])
    ap.add_argument("--seeds", default="1")
    ap.add_argument("--jobs", type=int, default=1)
    a = ap.parse_args()
    variants = [json.loads(v) for v in (a.variant or ["{}"])]
    jobs = [(a.config, a.data, v, int(s)) for v in variants for s in a.seeds.split(",")]
    with multiprocessing.get_context("spawn").Pool(a.jobs) as pool, open(a.out, "a", encoding="utf-8") as out:
        for r in pool.imap_unordered(run_one, jobs):
            out.write(json.dumps(r) + "\n")
            out.flush()
            print(f"{json.dumps(r['variant'])} seed {r['seed']}: message {r['message']:.3f} roles {r['roles']:.3f} "
                  f"joint {r['joint']:.3f} (epoch {r['best_epoch']}, {r['seconds']} s) {r['per_role']}", flush=True)


if __name__ == "__main__":
    main()
