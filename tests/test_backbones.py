"""Backbones: loading by spec, clear errors for missing models, the built-in parser, the spaCy
directory and Stanza directory paths end to end, and the ``download-models`` command.

The spaCy-directory and Stanza-directory tests run with the network shut: the ``no_network``
fixture makes every socket connection and name lookup in this process fail, so a model load that
tried to download would fail the test. (They also pass under ``unshare -rn``, a network-less
namespace: ``unshare -rn .venv/bin/python -m pytest tests/test_backbones.py -m "slow or not slow"``.)
"""

from __future__ import annotations

import shutil
import socket
import subprocess
from pathlib import Path

import pytest
import spacy
from typer.testing import CliRunner

from quotes.cli import app
from quotes.errors import ModelError, QuotesError
from quotes.nlp import annotations, load_backbone, parser
from quotes.nlp.builtin import make_builtin
from quotes.download import plan_downloads
from quotes.nlp.syntax import content_of, is_subjunctive, speech_frame, subject_of
from quotes.registry import get_extractor
from quotes.types import Document

ROOT = Path(__file__).resolve().parent.parent
STANZA_DIR = ROOT / "tests" / "models" / "stanza-de-tiny"
TEXT = "Der Minister sagte am Montag, er sei nicht zufrieden.\n\n„Das ist gut“, sagte Merkel. Sie habe  zum Schluss gelacht."


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise OSError("network access attempted while loading a local model")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_no_network_fixture_refuses_connections(no_network):
    with pytest.raises(OSError, match="network access"):
        socket.create_connection(("127.0.0.1", 9))


# --- specs and errors -----------------------------------------------------------------------


def test_builtin_backbone_has_tokens_and_sentences_only():
    nlp = load_backbone("builtin")
    assert nlp is make_builtin()
    assert annotations(nlp).dep is False and annotations(nlp).morph is False


def test_a_loaded_pipeline_passes_through_load_backbone():
    nlp = spacy.blank("de")
    assert load_backbone(nlp) is nlp


@pytest.mark.parametrize(
    "spec, error, message",
    [
        ("spacy:de_no_such_pipeline", ModelError, "quotes download-models spacy de_no_such_pipeline"),
        ("spacy:/no/such/pipeline", ModelError, "no spaCy pipeline in /no/such/pipeline"),
        ("spacy", ModelError, "needs a pipeline name or directory"),
        ("stanza:/no/such/dir", ModelError, "quotes download-models stanza --dir /no/such/dir"),
        ("stanza", ModelError, "needs a model directory"),
        ("builtin:parser", ModelError, "'builtin-parser'"),
        ("no-such-backbone", QuotesError, "unknown backbone 'no-such-backbone'"),
    ],
)
def test_backbone_spec_errors_say_what_to_do(spec, error, message):
    with pytest.raises(error) as info:
        load_backbone(spec)
    assert message in str(info.value)


def test_missing_builtin_parser_says_how_to_get_it(monkeypatch, tmp_path):
    monkeypatch.setattr(parser, "MODEL_DIR", tmp_path / "absent")
    parser.make_builtin_parser.cache_clear()
    try:
        with pytest.raises(ModelError, match="train_parser.py"):
            parser.make_builtin_parser()
    finally:
        parser.make_builtin_parser.cache_clear()


def test_stanza_directory_without_german_models_is_refused(tmp_path):
    (tmp_path / "resources.json").write_text("{}")
    with pytest.raises(ModelError, match="no Stanza German models"):
        load_backbone(f"stanza:{tmp_path}")


# --- the built-in parser ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def parsed():
    return load_backbone("builtin-parser")(TEXT)


def test_builtin_parser_fills_every_layer():
    a = annotations(load_backbone("builtin-parser"))
    assert (a.lemma, a.pos, a.tag, a.morph, a.dep) == (True, True, True, True, True)


def test_builtin_parser_keeps_text_and_quote_aware_sentences(parsed):
    assert parsed.text == TEXT
    assert [s.text for s in parsed.sents] == [s.text for s in make_builtin()(TEXT).sents]


@pytest.mark.parametrize(
    "word, pos, tag, lemma",
    [("sagte", "VERB", "VVFIN", "sagen"), ("Minister", "NOUN", "NN", "Minister"), ("zum", "ADP", "APPRART", "zu")],
)
def test_builtin_parser_tags_and_lemmas(parsed, word, pos, tag, lemma):
    tok = next(t for t in parsed if t.text == word)
    assert (tok.pos_, tok.tag_, tok.lemma_) == (pos, tag, lemma)


def test_builtin_parser_marks_konjunktiv(parsed):
    sei = next(t for t in parsed if t.text == "sei")
    sagte = next(t for t in parsed if t.text == "sagte")
    assert "Sub" in sei.morph.get("Mood")
    assert "Ind" in sagte.morph.get("Mood")


def test_builtin_parser_gives_speech_frame_of_preposed_cue(parsed):
    frame = speech_frame(next(t for t in parsed if t.text == "sagte"))
    assert frame.subject.text == "Der Minister"
    assert [s.text for s in frame.content] == ["er sei nicht zufrieden"]
    assert TEXT[frame.subject.start : frame.subject.end] == "Der Minister"


# --- reading a speech frame off a parse (UD and TIGER relations) -------------------------------


def _doc(words, heads, deps, spaces=None, morphs=None):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    spaces = spaces or [not (i + 1 < len(words) and words[i + 1] in ",.") for i in range(len(words))]
    return Doc(Vocab(), words=words, spaces=spaces, heads=heads, deps=deps, morphs=morphs)


@pytest.mark.parametrize(
    "words, heads, deps, verb, subject, content",
    [
        # UD, preposed cue with a complement clause.
        ("Der Minister sagte , er komme .".split(), [1, 2, 2, 5, 5, 2, 2],
         ["det", "nsubj", "ROOT", "punct", "nsubj", "ccomp", "punct"], 2, "Der Minister", ["er komme"]),
        # UD, postposed cue: the cue clause is parataxis of what was said.
        ("Das sei gut , sagte er .".split(), [1, 1, 1, 4, 1, 4, 1],
         ["nsubj", "ROOT", "xcomp", "punct", "parataxis", "nsubj", "punct"], 4, "er", ["Das sei gut"]),
        # UD, inserted cue: what was said is cut in two.
        ("Das , sagte er , sei gut .".split(), [5, 2, 5, 2, 2, 5, 5, 5],
         ["nsubj", "punct", "parataxis", "nsubj", "punct", "ROOT", "xcomp", "punct"], 2, "er", ["Das", "sei gut"]),
        # TIGER (de_core_news_*): participle under the auxiliary, complement as oc.
        ("Er hat gesagt , dass es regnet .".split(), [1, 1, 1, 6, 6, 6, 2, 1],
         ["sb", "ROOT", "oc", "punct", "cp", "sb", "oc", "punct"], 2, "Er", ["dass es regnet"]),
        # No complement: a speech verb used on its own.
        ("Er lachte .".split(), [1, 1, 1], ["nsubj", "ROOT", "punct"], 1, "Er", []),
    ],
)
def test_speech_frame_from_parse(words, heads, deps, verb, subject, content):
    doc = _doc(words, heads, deps)
    frame = speech_frame(doc[verb])
    assert frame.subject.text == subject
    assert [s.text for s in frame.content] == content
    for span in frame.content:
        assert doc.text[span.start : span.end] == span.text


def test_no_subject_without_one_in_the_parse():
    doc = _doc("Gesagt , getan .".split(), [0, 2, 0, 0], ["ROOT", "punct", "conj", "punct"])
    assert subject_of(doc[0]) is None
    assert content_of(doc[0]) == ()


def test_konjunktiv_on_the_auxiliary_counts():
    doc = _doc("er habe gelogen".split(), [2, 2, 2], ["nsubj", "aux", "ROOT"],
               morphs=["", "Mood=Sub|VerbForm=Fin", "VerbForm=Part"])
    assert is_subjunctive(doc[2]) and not is_subjunctive(doc[0])


# --- spaCy pipeline directory, no network ------------------------------------------------------


def test_spacy_directory_backbone_loads_offline(tmp_path, no_network):
    target = tmp_path / "my_pipeline"
    shutil.copytree(parser.MODEL_DIR, target)
    nlp = load_backbone(f"spacy:{target}")
    doc = nlp(TEXT)
    assert doc.text == TEXT
    assert annotations(nlp).dep and doc.has_annotation("DEP")
    assert [s.text for s in doc.sents] == [s.text for s in make_builtin()(TEXT).sents]


def test_spacy_directory_without_parser_has_no_dependencies(tmp_path, no_network):
    blank = spacy.blank("de")
    blank.add_pipe("sentencizer")
    blank.to_disk(tmp_path / "blank")
    nlp = load_backbone(f"spacy:{tmp_path / 'blank'}")
    assert nlp.pipe_names[0] == "quotes_sentences"
    assert annotations(nlp).dep is False


def test_rules_run_end_to_end_on_a_spacy_directory(tmp_path, no_network):
    target = tmp_path / "pipeline"
    shutil.copytree(parser.MODEL_DIR, target)
    rules = get_extractor("rules", backbone=f"spacy:{target}")
    quotes = rules.extract(Document("d1", TEXT))
    assert any("Das ist gut" in q.content_text for q in quotes)
    for q in quotes:
        for span in q.content + q.speaker + q.cue:
            assert TEXT[span.start : span.end] == span.text


# --- Stanza model directory, no network -------------------------------------------------------


@pytest.fixture(scope="module")
def one_torch_thread():
    # Stanza's small matrices run many times slower with two torch threads on a busy 2-core machine.
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture(scope="module")
def stanza_nlp(one_torch_thread):
    return load_backbone(f"stanza:{STANZA_DIR}")


@pytest.mark.slow
def test_stanza_directory_backbone_annotates_builtin_tokens(stanza_nlp, no_network):
    doc = stanza_nlp(TEXT)
    builtin = make_builtin()(TEXT)
    assert doc.text == TEXT
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in builtin]
    assert [s.text for s in doc.sents] == [s.text for s in builtin.sents]
    assert doc.has_annotation("DEP") and doc.has_annotation("POS") and doc.has_annotation("LEMMA")
    assert all(t.pos_ == "SPACE" for t in doc if t.is_space)
    assert all(t.pos_ != "SPACE" for t in doc if not t.is_space)
    sagte = [t for t in doc if t.text == "sagte"]
    assert {t.lemma_ for t in sagte} == {"sagen"}


@pytest.mark.slow
def test_stanza_backbone_pipes_several_documents_in_order(stanza_nlp, no_network):
    texts = ["Er sagte nichts.", "", "„Ja“, sagte sie. Dann ging sie.\n"]
    docs = list(stanza_nlp.pipe(texts, batch_size=2))
    assert [d.text for d in docs] == texts


@pytest.mark.slow
def test_rules_run_end_to_end_on_a_stanza_directory(one_torch_thread, no_network):
    rules = get_extractor("rules", backbone=f"stanza:{STANZA_DIR}")
    quotes = rules.extract(Document("d1", TEXT))
    assert any("Das ist gut" in q.content_text for q in quotes)


@pytest.mark.slow
def test_stanza_directory_with_a_missing_model_file_says_how_to_install(tmp_path, one_torch_thread, no_network):
    broken = tmp_path / "stanza"
    shutil.copytree(STANZA_DIR, broken)
    shutil.rmtree(broken / "de" / "depparse")
    with pytest.raises(ModelError, match="quotes download-models stanza --dir"):
        load_backbone(f"stanza:{broken}")


# --- quotes download-models ---------------------------------------------------------------------


def test_download_plan_for_spacy_runs_spacy_download():
    (d,) = plan_downloads("spacy", ["de_core_news_md"])
    assert d.argv[1:] == ("-m", "spacy", "download", "de_core_news_md")
    assert d.spec == "spacy:de_core_news_md"


def test_download_plan_for_stanza_fetches_into_the_directory(tmp_path):
    (d,) = plan_downloads("stanza", directory=tmp_path / "st")
    assert d.argv[1] == "-c"
    assert f'model_dir="{tmp_path / "st"}"' in d.argv[2] and 'processors="tokenize,pos,lemma,depparse"' in d.argv[2]
    assert d.spec == f"stanza:{tmp_path / 'st'}"


def test_download_models_dry_run_prints_commands():
    result = CliRunner().invoke(app, ["download-models", "spacy", "--dry-run"])
    assert result.exit_code == 0
    assert "-m spacy download de_core_news_lg" in result.output


@pytest.mark.parametrize("returncode, exit_code, says", [(0, 0, "backbone: spacy:de_core_news_sm"), (1, 1, "failed (exit status 1)")])
def test_download_models_runs_each_command_and_reports(monkeypatch, returncode, exit_code, says):
    calls = []

    def fake_run(argv, *args, **kwargs):
        calls.append(argv)
        return subprocess.CompletedProcess(argv, returncode)

    monkeypatch.setattr(subprocess, "run", fake_run)
    result = CliRunner().invoke(app, ["download-models", "spacy", "de_core_news_sm"])
    assert result.exit_code == exit_code
    assert says in result.output
    assert [c[1:] for c in calls] == [["-m", "spacy", "download", "de_core_news_sm"]]


@pytest.mark.parametrize("args", [["download-models", "stanza", "de"], ["download-models", "spacy", "--dir", "x"], ["download-models", "hub"]])
def test_download_models_rejects_bad_arguments(args):
    assert CliRunner().invoke(app, args).exit_code == 2
