"""Training: a tiny run end to end, loaded through the same loader, reproducible with its seed."""

from __future__ import annotations

import json

import pytest
import torch
from typer.testing import CliRunner

from quotes.cli import app
from quotes.errors import QuotesError
from quotes.formats.wikinews import write_wikinews
from quotes.model.io import load_model
from quotes.registry import get_extractor
from quotes.train import TrainConfig, load_config, train
from quotes.types import Document, Quote

SENTENCES = [
    ("„Wir kommen morgen“, sagte {name}.", "„Wir kommen morgen“", "direct", "sagte"),
    ("{name} erklärte, die Lage sei ernst.", "die Lage sei ernst", "indirect", "erklärte"),
    ("Laut {name} habe es keine Verletzten gegeben.", "habe es keine Verletzten gegeben", "indirect", "Laut"),
]
NAMES = ["Anna Berg", "der Sprecher", "Minister Otto", "die Polizei"]


def tiny_document(k: int) -> Document:
    """A document of three sentences with gold quotes, speakers and cues."""
    text, quotes = "", []
    for j, (pattern, content, qtype, cue) in enumerate(SENTENCES):
        name = NAMES[(k + j) % len(NAMES)]
        sentence = pattern.format(name=name)
        base = len(text)
        c = base + sentence.index(content)
        s = base + sentence.index(name)
        u = base + sentence.index(cue)
        text += sentence + " "
        quotes.append(Quote(content=(Document("x", text).span(c, c + len(content)),), type=qtype,
                            speaker=(Document("x", text).span(s, s + len(name)),), cue=(Document("x", text).span(u, u + len(cue)),)))
    return Document(f"doc{k}", text.strip(), tuple(quotes))


@pytest.fixture
def tiny_corpus(tmp_path):
    for split, ids in (("train", range(6)), ("dev", range(6, 8))):
        for k in ids:
            write_wikinews(tiny_document(k), tmp_path / split)
    return tmp_path


def tiny_config(**changes) -> TrainConfig:
    return TrainConfig(name="tiny", train=("train",), dev="dev", epochs=1, batch_size=2, word_min_count=1,
                       net={"word_dim": 16, "char_filters": 8, "hidden": 16, "layers": 1, "span_dim": 16}, **changes)


def test_train_one_epoch_writes_a_model_that_loads_and_extracts(tiny_corpus, tmp_path):
    report = train(tiny_config(), tmp_path / "model", corpora=tiny_corpus, log=lambda s: None)
    assert report.train_docs == 6 and report.dev_docs == 2 and report.best_epoch == 1
    assert {"message", "roles", "joint"} <= set(report.dev)
    model = load_model(report.path)
    assert model.meta["training"]["train_documents"] == 6
    ext = get_extractor("model", model_path=str(report.path))
    quotes = ext.extract(tiny_document(9))
    assert isinstance(quotes, list)


def test_train_same_seed_gives_the_same_weights(tiny_corpus, tmp_path):
    a = train(tiny_config(seed=3), tmp_path / "a", corpora=tiny_corpus, log=lambda s: None)
    b = train(tiny_config(seed=3), tmp_path / "b", corpora=tiny_corpus, log=lambda s: None)
    c = train(tiny_config(seed=4), tmp_path / "c", corpora=tiny_corpus, log=lambda s: None)
    wa, wb, wc = (torch.load(r.path / "weights.pt", weights_only=True) for r in (a, b, c))
    assert all(torch.equal(wa[k], wb[k]) for k in wa)
    assert not all(torch.equal(wa[k], wc[k]) for k in wa)


def test_cli_train_prints_the_summary(tiny_corpus, tmp_path):
    config = tmp_path / "tiny.toml"
    config.write_text('name = "tiny"\ntrain = ["train"]\ndev = "dev"\nepochs = 1\nbatch_size = 2\n'
                      '[net]\nword_dim = 16\nchar_filters = 8\nhidden = 16\nlayers = 1\nspan_dim = 16\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["train", str(config), "--output", str(tmp_path / "m"), "--corpora", str(tiny_corpus)])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout.strip().splitlines()[-1])
    assert summary["train_documents"] == 6 and summary["best_epoch"] == 1
    assert (tmp_path / "m" / "weights.pt").is_file()


def test_load_config_rejects_unknown_keys(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text("epochs = 2\nlearning_rate = 0.1\n", encoding="utf-8")
    with pytest.raises(QuotesError, match="unknown keys learning_rate"):
        load_config(path)


def test_load_config_of_the_shipped_model_reads():
    from conftest import ROOT

    config = load_config(ROOT / "eval" / "model" / "config.toml")
    assert config.name == "de-news-v1" and config.train


def test_train_missing_corpus_folder_is_a_clear_error(tmp_path):
    with pytest.raises(QuotesError, match="corpus folder .*absent does not exist"):
        train(TrainConfig(train=("absent",), dev="absent"), tmp_path / "m", corpora=tmp_path, log=lambda s: None)


@pytest.mark.slow
def test_train_on_a_few_corpus_documents(wikinews_train, tmp_path):
    corpora = wikinews_train.parent.parent.parent
    config = TrainConfig(name="few", epochs=1, max_docs=8, net={"hidden": 32, "layers": 1})
    report = train(config, tmp_path / "m", corpora=corpora, log=lambda s: None)
    assert report.train_docs == 8 and report.dev_docs == 8
    assert load_model(report.path).predict([Document("d", "Er sagte nichts.")]) is not None
