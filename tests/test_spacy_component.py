"""The spaCy component: ``nlp.add_pipe("quotes")`` on a plain ``spacy.blank("de")``."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import entry_points

import pytest
import spacy
from quote_samples import sample_documents

from quotes import spacy_component
from quotes.extractors.base import BaseExtractor
from quotes.registry import extractor_names


class Fixed(BaseExtractor):
    """Returns the sample quotes for the sample text, and fails on a text containing FEHLER."""

    name = "fixed"

    def extract(self, doc):
        if "FEHLER" in doc.text:
            raise ValueError("cannot read this one")
        sample = sample_documents()[0]
        return list(sample.quotes) if doc.text == sample.text else []


@pytest.fixture
def nlp(monkeypatch):
    monkeypatch.setattr(spacy_component, "get_extractor", lambda name, **settings: Fixed())
    nlp = spacy.blank("de")
    nlp.add_pipe("quotes", config={"extractor": "fixed"})
    return nlp


def test_spacy_component_sets_quotes_with_exact_offsets(nlp):
    sample = sample_documents()[0]
    doc = nlp(sample.text)
    assert doc._.quotes == sample.quotes
    assert [q.content_text for q in doc._.quotes][:2] == ["die Lage sei „sehr ernst“ & <unklar>", "„sehr ernst“"]


def test_spacy_component_sets_span_groups_per_role(nlp):
    doc = nlp(sample_documents()[0].text)
    content = [(s.text, s.label_, s.id_) for s in doc.spans["quote_content"]]
    assert ("die Lage sei „sehr ernst“ & <unklar>", "mixed", "quote-0") in content
    # The discontinuous quote: two spans with the same id.
    assert [t for t, _, i in content if i == "quote-2"] == ["„Wir kommen“", "„morgen 🙂.“"]
    assert {(s.text, s.label_, s.kb_id_) for s in doc.spans["quote_speaker"]} >= {("Merz", "speaker", "Friedrich Merz"), ("Reuters", "speaker", "Reuters")}
    assert [s.text for s in doc.spans["quote_cue"] if s.id_ == "quote-0"] == ["teilte", "mit"]
    assert [s.text for s in doc.spans["quote_addressee"]] == ["den Grünen"]


def test_spacy_component_snaps_spans_to_tokens_but_keeps_exact_offsets(monkeypatch):
    from quotes.types import Quote, Span

    text = "Er sagte:„Ja“."
    inner = Quote(content=(Span.of(text, 10, 12),), type="direct")  # "Ja" inside the token „Ja“.
    monkeypatch.setattr(spacy_component, "get_extractor", lambda name, **settings: type("E", (Fixed,), {"extract": lambda self, d: [inner]})())
    nlp = spacy.blank("de")
    nlp.add_pipe("quotes", config={"extractor": "any"})
    doc = nlp(text)
    assert doc._.quotes[0].content_text == "Ja"
    span = doc.spans["quote_content"][0]
    assert span.start_char <= 10 and span.end_char >= 12


def test_spacy_component_pipe_matches_call_and_a_failing_doc_reaches_the_error_handler(nlp):
    texts = [sample_documents()[0].text, "FEHLER hier", "Nichts."]
    seen = []
    nlp.set_error_handler(lambda name, component, docs, e: seen.append((name, docs[0].text, str(e))))
    docs = list(nlp.pipe(texts, batch_size=3))
    assert [len(d._.quotes) for d in docs] == [5, 0, 0]
    assert seen == [("quotes", "FEHLER hier", "cannot read this one")]


def test_spacy_component_error_raises_by_default(nlp):
    with pytest.raises(ValueError, match="cannot read this one"):
        nlp("FEHLER")


def test_spacy_component_saves_and_loads_with_its_config(tmp_path, nlp):
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == ["quotes"]
    assert loaded.get_pipe_meta("quotes").factory == "quotes"
    assert loaded.config["components"]["quotes"]["extractor"] == "fixed"
    assert len(loaded(sample_documents()[0].text)._.quotes) == 5


def test_spacy_component_is_declared_as_a_spacy_factories_entry_point():
    (ep,) = [ep for ep in entry_points(group="spacy_factories") if ep.name == "quotes"]
    assert ep.load() is spacy_component.make_quotes_component


@pytest.mark.slow
def test_spacy_finds_the_component_without_importing_quotes():
    code = (
        "import sys, spacy\n"
        "assert 'quotes' not in sys.modules\n"
        "nlp = spacy.blank('de')\n"
        "nlp.add_pipe('quotes', config={'extractor': 'quote-marks'})\n"
        "print([q.content_text for q in nlp('Sie sagte: »Wir kommen.«')._.quotes])\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "['»Wir kommen.«']"


@pytest.mark.skipif("rules" not in {n.split(".v")[0] for n in extractor_names()}, reason="the rules extractor is not registered yet")
def test_spacy_component_runs_the_rules_extractor_on_blank_german():
    nlp = spacy.blank("de")
    nlp.add_pipe("quotes", config={"extractor": "rules"})
    doc = nlp("Der Kanzler sagte: „Wir schaffen das.“")
    assert any("Wir schaffen das." in q.content_text for q in doc._.quotes)
    assert any("Wir schaffen das." in s.text for s in doc.spans["quote_content"])
