"""The hybrid extractor: the model's contents with the rules' attribution, and rules-only quotes."""

from __future__ import annotations

import pytest

from quotes.extractors.hybrid import ADD_TYPES, HybridExtractor, combine, shared_chars
from quotes.registry import extractor_names, get_extractor
from quotes.types import Document, Quote, Span


def _span(text: str, part: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Span.of(text, start, start + len(part))


def _quote(text: str, content: str, qtype: str = "direct", speaker: str | None = None, cue: str | None = None,
           trace: str = "", nested: bool = False) -> Quote:
    return Quote(
        content=(_span(text, content),), type=qtype, trace=trace, nested=nested,
        speaker=(_span(text, speaker),) if speaker else (), cue=(_span(text, cue),) if cue else (),
    )


T1 = "„Die Brücke bleibt gesperrt“, sagte Bürgermeisterin Anna Krüger am Montag."
T2 = "Die Stadtwerke erhöhen die Preise. Das sei nicht zu vermeiden, teilte der Versorger mit."
T3 = "„Wir warten ab“, sagte Trainer Jens Vogel. Der Verein prüfe rechtliche Schritte, hieß es."


@pytest.mark.parametrize("text, model, rules, expected", [
    # both find the quote: the rules' speaker and cue replace the model's
    (T1, [_quote(T1, "„Die Brücke bleibt gesperrt“", speaker="Anna Krüger")],
     [_quote(T1, "Die Brücke bleibt gesperrt", speaker="Bürgermeisterin Anna Krüger", cue="sagte")],
     [("„Die Brücke bleibt gesperrt“", "Bürgermeisterin Anna Krüger", "sagte")]),
    # the rules' quote has a cue and no speaker: the rules' cue, the model's speaker
    (T2, [_quote(T2, "Das sei nicht zu vermeiden", "indirect", speaker="der Versorger", cue="teilte")],
     [_quote(T2, "Das sei nicht zu vermeiden", "indirect", cue="mit")],
     [("Das sei nicht zu vermeiden", "der Versorger", "mit")]),
    # the rules' quote shares less than half of the shorter content: the model's roles stay
    (T2, [_quote(T2, "Die Stadtwerke erhöhen die Preise. Das sei nicht zu vermeiden", "indirect", speaker="der Versorger")],
     [_quote(T2, "Das sei", "indirect", speaker="Stadtwerke")],
     [("Die Stadtwerke erhöhen die Preise. Das sei nicht zu vermeiden", "der Versorger", None)]),
    # a quote only the rules find is added, with its roles
    (T3, [_quote(T3, "„Wir warten ab“", speaker="Jens Vogel")],
     [_quote(T3, "„Wir warten ab“", speaker="Trainer Jens Vogel", cue="sagte"),
      _quote(T3, "Der Verein prüfe rechtliche Schritte", "indirect", cue="hieß es")],
     [("„Wir warten ab“", "Trainer Jens Vogel", "sagte"), ("Der Verein prüfe rechtliche Schritte", None, "hieß es")]),
    # a quote only the model finds is kept as it is
    (T3, [_quote(T3, "Der Verein prüfe rechtliche Schritte", "indirect", cue="hieß es")], [],
     [("Der Verein prüfe rechtliche Schritte", None, "hieß es")]),
    # nothing found by either: nothing
    (T3, [], [], []),
])
def test_combine_takes_model_content_and_rules_roles(text, model, rules, expected):
    got = combine(model, rules, add_types={"direct", "indirect"})
    assert [(q.content_text, q.speaker_text, q.cue_text) for q in got] == expected


@pytest.mark.parametrize("content, qtype, kept", [
    ("Der Verein prüfe rechtliche Schritte", "indirect", True),
    ("„Wir warten ab“", "direct", False),  # a direct quote the model misses is mostly a false one
])
def test_combine_adds_rules_only_quotes_except_direct_ones(content, qtype, kept):
    rules = [_quote(T3, content, qtype)]
    got = combine([], rules)
    assert [q.content_text for q in got] == ([content] if kept else [])
    assert all(q.trace.startswith("hybrid.v1: content and roles from the rules") for q in got)


def test_combine_matches_nested_quotes_with_nested_quotes_only():
    text = "Sie sei „zutiefst enttäuscht“ über das Urteil, sagte die Klägerin."
    model = [_quote(text, "„zutiefst enttäuscht“", nested=True)]
    rules = [_quote(text, "Sie sei „zutiefst enttäuscht“ über das Urteil", "indirect", speaker="die Klägerin", cue="sagte")]
    got = combine(model, rules, add_types=())
    assert [(q.content_text, q.speaker_text, q.nested) for q in got] == [("„zutiefst enttäuscht“", None, True)]


def test_combine_trace_names_both_sources_and_drops_their_speaker_lines():
    model = [_quote(T1, "„Die Brücke bleibt gesperrt“", speaker="Anna Krüger", trace="de-news-v1: Direct quote; speaker: name 'Anna Krüger'")]
    rules = [_quote(T1, "Die Brücke bleibt gesperrt", speaker="Bürgermeisterin Anna Krüger", trace="rules.v1 direct: marks; speaker: name 'X'")]
    (q,) = combine(model, rules)
    assert q.trace.startswith("hybrid.v1: content from the model, speaker from the rules")
    assert "[de-news-v1: Direct quote]" in q.trace and "[rules.v1 direct: marks]" in q.trace
    assert "speaker:" not in q.trace and q.speaker_id is None


@pytest.mark.parametrize("a, b, shared", [
    ((0, 10), (5, 20), 5),
    ((0, 10), (10, 20), 0),
    ((3, 4), (0, 50), 1),
])
def test_shared_chars_counts_the_common_characters(a, b, shared):
    assert shared_chars(Quote((Span(*a),), "direct"), Quote((Span(*b),), "direct")) == shared


def test_registry_builds_hybrid_by_plain_and_versioned_name():
    assert "hybrid.v1" in extractor_names()
    assert get_extractor("hybrid").name == "hybrid"
    assert isinstance(get_extractor("hybrid.v1"), HybridExtractor)
    assert ADD_TYPES == {"indirect", "mixed", "free_indirect", "reported"}


@pytest.fixture(scope="module")
def hybrid():
    return get_extractor("hybrid")


@pytest.mark.parametrize("text", ["", "   \n ", "Der Zug fuhr pünktlich ab."])
def test_hybrid_text_without_quotes_gives_no_quotes(hybrid, text):
    assert hybrid.extract(Document("d", text)) == []


def test_hybrid_takes_rules_speaker_and_resolves_speaker_id(hybrid):
    (q,) = hybrid.extract(Document("d", T1))
    assert (q.type, q.speaker_text, q.cue_text, q.speaker_id) == ("direct", "Bürgermeisterin Anna Krüger", "sagte", "Anna Krüger")
    assert "from the model" in q.trace and "rules.v1" in q.trace and "de-news-v1" in q.trace and "speaker:" in q.trace


def test_hybrid_pipe_gives_what_extract_gives(hybrid):
    docs = [Document(str(i), t) for i, t in enumerate([T1, "", T2, T3] * 5)]
    assert list(hybrid.pipe(docs, batch_size=3)) == [hybrid.extract(d) for d in docs]
