"""The HTML report: every quote marked (nested and crossing ones too), all text escaped, speakers
coloured and indexed, gold compared, any input format accepted."""

from __future__ import annotations

import json
import re

import lxml.html
import pytest
from quote_samples import sample_documents
from typer.testing import CliRunner

from quotes import render
from quotes.cli import app
from quotes.formats.brat import write_brat
from quotes.formats.csv import write_csv
from quotes.formats.jsonl import write_jsonl
from quotes.formats.xmi import write_xmi
from quotes.render import pair_quotes, render_html, render_paths
from quotes.types import Document, Quote, Span

TEXT = "Anna sagte: „Wir kommen morgen, ganz sicher.“ Dann ging sie nach Hause, sagte Ben."


def q(start, end, type="direct", speaker_id=None, **roles):
    spans = {role: tuple(Span.of(TEXT, s, e) for s, e in value) for role, value in roles.items()}
    return Quote(content=(Span.of(TEXT, start, end),), type=type, speaker_id=speaker_id, **spans)


def parse(page: str):
    return lxml.html.fromstring(page)


def with_qid(root, qid: str, tag: str = "*"):
    return root.xpath(f'//{tag}[contains(concat(" ", @data-q, " "), " {qid} ")]')


def hover_data(root) -> dict:
    return json.loads(root.xpath('//script[@id="quote-data"]')[0].text)


CASES = {
    "nested": [q(12, 45, "indirect"), q(17, 30)],
    "crossing": [q(12, 40), q(24, 60, "indirect")],
    "identical": [q(12, 45), q(12, 45, "mixed")],
    "adjacent": [q(12, 24), q(24, 45)],
    "role crossing content": [q(5, 30, speaker=[(0, 10)], cue=[(25, 40)])],
    "role inside content": [q(0, 45, "reported", speaker=[(0, 4)], cue=[(5, 10)])],
    "discontinuous": [Quote(content=(Span.of(TEXT, 12, 24), Span.of(TEXT, 31, 45)), type="direct", cue=(Span.of(TEXT, 5, 10),))],
    "shared speaker": [q(12, 45, speaker=[(0, 4)]), q(46, 70, "indirect", speaker=[(0, 4)])],
}


@pytest.mark.parametrize("quotes", CASES.values(), ids=CASES.keys())
def test_render_marks_every_quote_once_whatever_the_overlap(quotes):
    doc = Document("d", TEXT, tuple(quotes))
    root = parse(render_html([doc]))
    assert root.xpath('//div[@class="text"]')[0].text_content() == TEXT  # nothing lost, nothing added
    for k, quote in enumerate(quotes):
        qid = f"d0-q{k}"
        marks = with_qid(root, qid, "mark")
        assert "".join(m.text_content() for m in marks) == "".join(s.text for s in quote.content)
        (anchor,) = root.xpath(f'//*[@id="{qid}"]')
        assert anchor is marks[0] and anchor.get("data-t") == render.TYPE_BADGE[quote.type]
        speakers = with_qid(root, qid, "span[contains(@class, 'speaker')]")
        assert "".join(s.text_content() for s in speakers) == "".join(s.text for s in quote.speaker)
        cues = with_qid(root, qid, "span[contains(@class, 'cue')]")
        assert "".join(c.text_content() for c in cues) == "".join(s.text for s in quote.cue)


def test_render_nests_a_direct_quote_inside_its_indirect_quote():
    root = parse(render_html([Document("d", TEXT, tuple(CASES["nested"]))]))
    (inner,) = root.xpath('//mark[@id="d0-q0"]//mark[@id="d0-q1"]')
    assert "n1" in inner.get("class").split()


def test_render_escapes_text_ids_and_hover_data():
    text = 'Er schrieb: „</script><script>alert(1)</script> & <b>fett</b>“ "onmouseover="x'
    quote = Quote(content=(Span.of(text, 11, 62),), type="direct", speaker=(Span.of(text, 0, 2),),
                  speaker_id='<img src=x onerror="alert(1)">', trace="</script><!-- & -->")
    page = render_html([Document('<i>"id"</i>', text, (quote,))], title="<Titel>")
    root = parse(page)
    assert len(root.xpath("//script")) == 2 and not root.xpath("//img | //b | //i")
    assert root.xpath('//div[@class="text"]')[0].text_content() == text
    assert root.xpath("//title")[0].text == "<Titel>"
    assert root.xpath("//article/h2")[0].text_content() == '<i>"id"</i>'
    data = hover_data(root)["d0-q0"]
    assert (data["speaker_id"], data["trace"]) == ('<img src=x onerror="alert(1)">', "</script><!-- & -->")


def test_render_has_no_network_assets():
    page = render_html(sample_documents())
    root = parse(page)
    assert not root.xpath("//*[@src] | //link")
    assert all(a.get("href").startswith("#") for a in root.xpath("//a"))
    assert not re.search(r"url\(|@import|https?://", page)


def test_render_hover_data_has_type_speaker_confidence_and_trace():
    root = parse(render_html(sample_documents()))
    data = hover_data(root)
    assert set(data) == {f"d0-q{k}" for k in range(5)}
    assert {k: data["d0-q0"][k] for k in ("type", "speaker_id", "speaker", "cue", "confidence", "trace")} == {
        "type": "mixed", "speaker_id": "Friedrich Merz", "speaker": "Merz", "cue": "teilte … mit",
        "confidence": "0.87", "trace": 'rules: Konjunktiv "sei"\n\t<b>&amp;</b>',
    }


def _colour(element) -> str:
    return next(c for c in element.get("class").split() if re.fullmatch(r"s\d+|su", c))


def test_render_gives_each_resolved_speaker_one_colour_across_documents():
    a = Document("a", TEXT, (q(12, 45, speaker_id="Anna Berger"), q(46, 70, speaker_id="Ben Ott")))
    b = Document("b", TEXT, (q(12, 45, speaker_id="Anna Berger"), q(46, 70)))
    root = parse(render_html([a, b]))
    colours = {qid: _colour(root.xpath(f'//*[@id="{qid}"]')[0]) for qid in ("d0-q0", "d0-q1", "d1-q0", "d1-q1")}
    assert colours["d0-q0"] == colours["d1-q0"] != colours["d0-q1"]
    assert colours["d1-q1"] == "su"  # not resolved: grey


def test_render_speaker_index_links_to_each_statement():
    root = parse(render_html(sample_documents()))
    entries = {li.xpath(".//span[@class='who']")[0].text_content(): li for li in root.xpath('//*[@id="speakers"]/ul/li')}
    assert list(entries) == ["Friedrich Merz", "Reuters", "speaker not resolved"]
    merz = [a.get("href") for a in entries["Friedrich Merz"].xpath(".//span[@class='links']/a")]
    assert merz == ["#d0-q0", "#d0-q1", "#d0-q2"]
    for href in merz:
        assert root.xpath(f'//*[@id="{href[1:]}"]')


def test_pair_quotes_pairs_one_to_one_by_content_overlap():
    gold = [q(0, 10), q(10, 20)]
    predicted = [q(5, 15), q(0, 8)]
    pairing = pair_quotes(gold, predicted)
    # q(0, 8) goes with gold 0 (F1 16/18); q(5, 15) with gold 1 (F1 10/20)
    assert dict(pairing.pairs) == {0: 1, 1: 0}
    assert pairing.overlap[1] == pytest.approx(16 / 18) and pairing.overlap[0] == pytest.approx(0.5)


def test_render_against_gold_shows_misses_false_alarms_and_partial_matches_side_by_side():
    gold = Document("d", TEXT, (q(12, 22), q(46, 59), q(60, 70)))
    predicted = Document("d", TEXT, (q(14, 22, "indirect"), q(60, 70), q(72, 81)))
    root = parse(render_html([predicted], {"d": gold}))
    gold_col, pred_col = root.xpath('//div[@class="cols"]/div[@class="col"]')
    assert len(gold_col.xpath(".//mark[@data-t]")) == 3 and len(pred_col.xpath(".//mark[@data-t]")) == 3

    def classes(qid):
        return set(root.xpath(f'//*[@id="{qid}"]')[0].get("class").split())

    assert "partial" in classes("d0-g0") and "partial" in classes("d0-q0")
    assert "miss" in classes("d0-g1")
    assert not classes("d0-g2") & {"miss", "partial"} and not classes("d0-q1") & {"fa", "partial"}
    assert "fa" in classes("d0-q2")
    data = hover_data(root)
    # F1 of characters: 2 * 8 / (10 + 8) = 0.89
    assert data["d0-q0"]["status"] == "partial match (overlap 0.89)"
    assert data["d0-q0"]["note"] == "type: gold direct, predicted indirect"
    assert data["d0-g1"]["status"].startswith("missed") and data["d0-q2"]["status"].startswith("false alarm")
    assert "1 matched, 1 partly matched, 1 missed, 1 false alarms" in root.xpath('//p[@class="summary"]')[0].text_content()


@pytest.mark.parametrize("writer, target", [(write_jsonl, "docs.jsonl"), (write_brat, "brat"), (write_csv, "docs.csv"), (write_xmi, "xmi")])
def test_render_paths_reads_predictions_in_any_interchange_format(tmp_path, writer, target):
    writer(sample_documents(), tmp_path / target)
    report = render_paths([tmp_path / target], tmp_path / "page.html", progress=False)
    assert (report.documents, report.quotes, report.failures) == (2, 5, [])
    expected = hover_data(parse(render_html(sample_documents())))
    assert hover_data(parse((tmp_path / "page.html").read_text(encoding="utf-8"))) == expected


def test_render_paths_extracts_raw_text_and_shows_predictions_as_they_are(tmp_path, monkeypatch):
    monkeypatch.setattr(render, "DEFAULT_EXTRACTOR", "quote-marks")
    (tmp_path / "raw.txt").write_text("Sie sagte: »Wir kommen.«", encoding="utf-8")
    write_jsonl(sample_documents()[:1], tmp_path / "pred.jsonl")
    render_paths([tmp_path / "pred.jsonl", tmp_path / "raw.txt"], tmp_path / "page.html", progress=False)
    data = hover_data(parse((tmp_path / "page.html").read_text(encoding="utf-8")))
    assert data["d0-q0"]["type"] == "mixed"  # the prediction, not re-extracted
    assert data["d1-q0"]["trace"] == "quote-marks: paired marks"  # the raw text, extracted


def test_render_paths_with_an_extractor_reextracts_every_input(tmp_path):
    write_jsonl(sample_documents()[:1], tmp_path / "pred.jsonl")
    render_paths([tmp_path / "pred.jsonl"], tmp_path / "page.html", extractor="quote-marks", progress=False)
    data = hover_data(parse((tmp_path / "page.html").read_text(encoding="utf-8")))
    assert {d["trace"] for d in data.values()} == {"quote-marks: paired marks"}


def test_render_paths_lists_bad_documents_and_renders_the_others(tmp_path):
    good, other = sample_documents()
    lines = [json.dumps({"id": "kaputt", "text": "Ja.", "quotes": [{"type": "direct", "content": [{"start": 0, "end": 9, "text": "Ja."}]}]})]
    (tmp_path / "pred.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    write_jsonl([good, other], tmp_path / "more.jsonl")
    write_jsonl([Document("leer", "Ein anderer Text.")], tmp_path / "gold.jsonl")
    report = render_paths([tmp_path / "pred.jsonl", tmp_path / "more.jsonl", tmp_path / "nirgends.jsonl"], tmp_path / "page.html",
                          gold=[tmp_path / "gold.jsonl"], progress=False)
    assert report.documents == 1
    reasons = " | ".join(str(f) for f in report.failures)
    assert "document kaputt" in reasons and "nirgends.jsonl: no such file" in reasons and "gold text differs" in reasons
    root = parse((tmp_path / "page.html").read_text(encoding="utf-8"))
    assert [h.text_content() for h in root.xpath("//article/h2")] == ["artikel-1"]
    assert len(root.xpath('//section[@class="failures"]//li')) == 3


def test_render_cli_writes_the_page_and_fails_on_a_missing_input(tmp_path):
    write_jsonl(sample_documents(), tmp_path / "pred.jsonl")
    runner = CliRunner()
    ok = runner.invoke(app, ["render", str(tmp_path / "pred.jsonl"), "-o", str(tmp_path / "a.html"), "--gold", str(tmp_path / "pred.jsonl"), "-q"])
    assert ok.exit_code == 0, ok.output
    assert 'class="cols"' in (tmp_path / "a.html").read_text(encoding="utf-8")
    bad = runner.invoke(app, ["render", str(tmp_path / "pred.jsonl"), str(tmp_path / "nope.txt"), "-o", str(tmp_path / "b.html"), "-q"])
    assert bad.exit_code == 1 and "nope.txt: no such file or folder" in bad.output
    assert (tmp_path / "b.html").exists()
