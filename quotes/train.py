"""Training the model-based extractor: ``train(config)`` and the config it reads.

A config (TOML) names the training and development corpora (paths relative to the corpora folder,
or absolute), the seed and the sizes; ``quotes train CONFIG --output DIR`` writes a model folder that
``load_model(DIR)`` and ``--extractor model --model DIR`` use. The epoch with the best official Joint
F1 on the development split is kept. The same config, seed and thread count give the same model.

>>> cfg = TrainConfig(epochs=3)
>>> cfg.epochs, cfg.seed
(3, 1)
"""

from __future__ import annotations

import os
import random
import resource
import sys
import time
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Callable, Sequence

import numpy
import torch

from .errors import QuotesError
from .formats.wikinews import read_wikinews_dir
from .model.batch import make_batch
from .model.data import Example, Vocab, build_vocab, make_examples
from .model.io import save_model
from .model.linking import link_loss
from .model.net import NetConfig, QuoteNet
from .model.predict import QuoteModel
from .scoring.official import score_official
from .types import Document

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]


@dataclass(frozen=True)
class TrainConfig:
    """What ``quotes train`` does; every field can be set in the TOML config."""

    name: str = "de-news-v1"
    train: tuple[str, ...] = ("german-news-quotes-2024/data/train",)
    dev: str = "german-news-quotes-2024/data/dev"
    seed: int = 1
    epochs: int = 30
    patience: int = 8
    batch_size: int = 8
    lr: float = 2e-3
    lr_end: float | None = None
    weight_decay: float = 0.0
    clip: float = 5.0
    word_dropout: float = 0.1
    word_min_count: int = 2
    link_weight: float = 1.0
    threads: int = 1
    device: str = "cpu"
    max_docs: int | None = None
    net: dict = field(default_factory=dict)


def load_config(path: str | Path) -> TrainConfig:
    """Read a TOML training config; unknown keys are an error."""
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise QuotesError(f"training config {path}: {e}") from None
    known = {f.name for f in fields(TrainConfig)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise QuotesError(f"training config {path}: unknown keys {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    net_known = {f.name for f in fields(NetConfig)} - {"n_words", "n_chars"}
    bad = sorted(set(raw.get("net", {})) - net_known)
    if bad:
        raise QuotesError(f"training config {path}: unknown [net] keys {', '.join(bad)}; known: {', '.join(sorted(net_known))}")
    if "train" in raw:
        raw["train"] = tuple([raw["train"]] if isinstance(raw["train"], str) else raw["train"])
    return TrainConfig(**raw)


@dataclass(frozen=True)
class EpochLog:
    epoch: int
    loss: float
    message_f: float
    roles_f: float
    joint_f: float
    seconds: float


@dataclass(frozen=True)
class TrainReport:
    """What a training run did: where the model went, the kept epoch and its dev figures."""

    path: Path
    best_epoch: int
    dev: dict
    epochs: tuple[EpochLog, ...]
    seconds: float
    peak_memory_mb: float
    train_docs: int
    dev_docs: int


def resolve(path: str, corpora: str | Path | None) -> Path:
    p = Path(path)
    if not p.is_absolute():
        if corpora is None:
            corpora = os.environ.get("QUOTES_CORPORA")
        if corpora is None:
            raise QuotesError(f"corpus path {path!r} is relative: give the corpora folder (--corpora or QUOTES_CORPORA)")
        p = Path(corpora) / p
    if not p.is_dir():
        raise QuotesError(f"corpus folder {p} does not exist")
    return p


def read_corpus(path: Path, max_docs: int | None = None) -> list[Document]:
    docs = list(read_wikinews_dir(path))
    return docs[:max_docs] if max_docs else docs


def seed_everything(seed: int) -> numpy.random.Generator:
    random.seed(seed)
    torch.manual_seed(seed)
    return numpy.random.default_rng(seed)


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def batches(examples: Sequence[Example], size: int, rng: numpy.random.Generator) -> list[list[int]]:
    """Shuffled batches of documents of similar length (less padding), in shuffled order."""
    order = list(rng.permutation(len(examples)))
    pool = size * 16
    out = []
    for b in range(0, len(order), pool):
        chunk = sorted(order[b: b + pool], key=lambda k: len(examples[k].tok))
        out.extend(chunk[i: i + size] for i in range(0, len(chunk), size))
    return [out[k] for k in rng.permutation(len(out))]


def train_step(net: QuoteNet, exs: Sequence[Example], batch, link_weight: float, device: str = "cpu") -> torch.Tensor:
    states = net.encode(**batch.inputs(device))
    scores = net.tag_scores(states)
    loss = states.new_zeros(())
    for layer, gold in batch.tags.items():
        loss = loss + torch.nn.functional.cross_entropy(scores[layer].reshape(-1, scores[layer].shape[-1]), gold.reshape(-1).to(device), ignore_index=-100)
    link_total, link_count = states.new_zeros(()), 0
    for i, ex in enumerate(exs):
        n = len(ex.tok)
        if not ex.quotes or n == 0:
            continue
        quotes = [ex.mentions[q.layer][q.index] for q in ex.quotes]
        total, count = link_loss(net, states[i, :n], quotes, [q.roles for q in ex.quotes], ex.mentions, ex.tok.sentence_of)
        link_total, link_count = link_total + total, link_count + count
    if link_count:
        loss = loss + link_weight * link_total / link_count
    return loss


@dataclass
class Prepared:
    """The corpora of a run, read and turned into examples once."""

    train_docs: list[Document]
    dev_docs: list[Document]
    vocab: Vocab
    train_examples: list[Example]
    dev_examples: list[Example]


def prepare(config: TrainConfig, corpora: str | Path | None = None) -> Prepared:
    """Read the corpora of ``config`` and build the vocabulary and the examples."""
    train_docs = [d for p in config.train for d in read_corpus(resolve(p, corpora), config.max_docs)]
    dev_docs = read_corpus(resolve(config.dev, corpora), config.max_docs)
    vocab = build_vocab(train_docs, word_min_count=config.word_min_count)
    return Prepared(train_docs, dev_docs, vocab, make_examples(train_docs, vocab), make_examples(dev_docs, vocab, with_gold=False))


@dataclass(frozen=True)
class Fitted:
    model: QuoteModel
    best_epoch: int
    dev: object
    epochs: tuple[EpochLog, ...]


def fit(config: TrainConfig, data: Prepared, log: Callable[[str], None] = lambda s: print(s, file=sys.stderr)) -> Fitted:
    """Train on ``data`` as ``config`` says; the network of the epoch with the best dev Joint F1 is kept."""
    torch.set_num_threads(config.threads)
    rng = seed_everything(config.seed)
    vocab, train_exs = data.vocab, data.train_examples
    net = QuoteNet(NetConfig(n_words=len(vocab.words), n_chars=len(vocab.chars), **config.net)).to(config.device)
    meta = {"name": config.name, "config": {**asdict(config), "train": list(config.train)}}
    model = QuoteModel(net, vocab, meta)
    opt = torch.optim.Adam(net.parameters(), lr=config.lr, weight_decay=config.weight_decay)
    best, best_state, best_scores, logs, stale = -1.0, None, None, [], 0
    for epoch in range(1, config.epochs + 1):
        t0 = time.perf_counter()
        net.train()
        if config.lr_end is not None:
            # Linear decay from ``lr`` in the first epoch to ``lr_end`` in the last.
            for group in opt.param_groups:
                group["lr"] = config.lr + (config.lr_end - config.lr) * (epoch - 1) / max(config.epochs - 1, 1)
        total = 0.0
        for batch_ids in batches(train_exs, config.batch_size, rng):
            exs = [train_exs[k] for k in batch_ids]
            batch = make_batch(exs, vocab, config.word_dropout, rng)
            loss = train_step(net, exs, batch, config.link_weight, config.device)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), config.clip)
            opt.step()
            total += float(loss.detach())
        net.to("cpu")
        preds = model.predict_examples(data.dev_docs, data.dev_examples)
        scores = score_official(data.dev_docs, [d.with_quotes(q) for d, q in zip(data.dev_docs, preds)])
        net.to(config.device)
        entry = EpochLog(epoch, round(total, 3), round(scores.message.f, 4), round(scores.roles.f, 4), round(scores.joint.f, 4),
                         round(time.perf_counter() - t0, 1))
        logs.append(entry)
        log(f"epoch {epoch}: loss {entry.loss:.1f}, dev message {entry.message_f:.3f} roles {entry.roles_f:.3f} "
            f"joint {entry.joint_f:.3f} ({entry.seconds:.0f} s)")
        if scores.joint.f > best:
            best, best_scores, stale = scores.joint.f, scores, 0
            best_state = {k: v.detach().to("cpu", copy=True) for k, v in net.state_dict().items()}
        else:
            stale += 1
            if stale >= config.patience:
                log(f"no better dev Joint F1 for {config.patience} epochs: stopping")
                break
    net.to("cpu")
    if best_state is not None:
        net.load_state_dict(best_state)
    best_epoch = max(logs, key=lambda e: e.joint_f).epoch if logs else 0
    return Fitted(model, best_epoch, best_scores, tuple(logs))


def train(config: TrainConfig, output: str | Path, corpora: str | Path | None = None,
          log: Callable[[str], None] = lambda s: print(s, file=sys.stderr)) -> TrainReport:
    """Train a model as ``config`` says and write it to ``output``; the best dev epoch is kept."""
    started = time.perf_counter()
    data = prepare(config, corpora)
    log(f"train: {len(data.train_docs)} documents, dev: {len(data.dev_docs)} documents")
    fitted = fit(config, data, log)
    seconds = time.perf_counter() - started
    dev = fitted.dev.as_dict() if fitted.dev is not None else {}
    model = fitted.model
    model.meta["training"] = {
        "best_epoch": fitted.best_epoch, "dev": dev, "train_documents": len(data.train_docs),
        "dev_documents": len(data.dev_docs), "seconds": round(seconds), "peak_memory_mb": round(peak_memory_mb()),
        "threads": config.threads, "torch": torch.__version__,
    }
    path = save_model(model, output)
    return TrainReport(path, fitted.best_epoch, dev, fitted.epochs, seconds, peak_memory_mb(), len(data.train_docs), len(data.dev_docs))


def with_overrides(config: TrainConfig, **changes) -> TrainConfig:
    return replace(config, **{k: v for k, v in changes.items() if v is not None})
