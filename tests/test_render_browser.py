"""The report in a real headless Chromium: the page loads, its script runs, every quote is
highlighted in the rendered DOM, and a screenshot of the whole page comes out."""

from __future__ import annotations

import struct

import lxml.html
import pytest
from quote_samples import sample_documents

from quotes.render import dump_dom, find_chromium, render_html, screenshot
from quotes.types import Document

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(find_chromium() is None, reason="Chromium is not installed (Debian: apt-get install chromium; .ci/run installs it where it can)"),
]


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    docs = sample_documents()
    # A gold version with one quote missing, so the comparison view is exercised too.
    gold = {d.id: d for d in docs}
    predicted = [docs[0].with_quotes(docs[0].quotes[:-1]), docs[1]]
    path = tmp_path_factory.mktemp("render") / "report.html"
    # The pointer over the direct quote nested in the mixed one, as the browser would report it.
    hover = '<script>document.getElementById("d0-q1").dispatchEvent(new MouseEvent("mouseover", {bubbles: true, clientX: 40, clientY: 40}));</script>'
    path.write_text(render_html(predicted, gold, title="Browser test").replace("</body>", hover + "</body>"), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def dom(page):
    """The page's DOM after Chromium loaded it and ran its scripts."""
    # lxml's parser would turn \r\n into \n: keep the browser's \r as a reference.
    return lxml.html.fromstring(dump_dom(page).replace("\r", "&#13;"))


def test_render_in_chromium_highlights_every_quote_and_keeps_the_text(dom):
    root = dom
    assert root.xpath('//div[@id="tip"]'), "the page's script did not run"
    gold_col, pred_col = root.xpath('//article[@id="d0"]//div[@class="col"]')
    doc = sample_documents()[0]
    for column, quotes in ((gold_col, doc.quotes), (pred_col, doc.quotes[:-1])):
        assert column.xpath('.//div[@class="text"]')[0].text_content() == doc.text
        assert len(column.xpath(".//mark[@data-t]")) == len(quotes)
        for mark, quote in zip(sorted(column.xpath(".//mark[@data-t]"), key=lambda m: m.get("id")), quotes):
            assert mark.text_content().startswith(quote.content[0].text[:5])
    (missed,) = gold_col.xpath('.//mark[contains(@class, "miss")]')
    assert missed.text_content() == "<unklar>"


def _png_size(path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_render_screenshot_in_chromium_covers_the_whole_page(tmp_path):
    short, long = tmp_path / "short.html", tmp_path / "long.html"
    short.write_text(render_html([Document("a", "Kurz.")]), encoding="utf-8")
    long.write_text(render_html([Document(str(k), sample_documents()[0].text, sample_documents()[0].quotes) for k in range(12)]), encoding="utf-8")
    shots = [screenshot(p, tmp_path / f"{p.stem}.png", width=800) for p in (short, long)]
    (w1, h1), (w2, h2) = (_png_size(s) for s in shots)
    assert w1 == w2 == 800
    assert h2 > h1 + 500  # measured, not the window's default height
    assert shots[1].stat().st_size > 20_000  # a blank page compresses to a few kB


def test_render_hover_in_chromium_shows_both_nested_quotes_and_lights_their_parts(dom):
    root = dom
    (tip,) = root.xpath('//div[@id="tip"]')
    assert tip.get("hidden") is None
    boxes = tip.xpath('./div[@class="quote"]')
    fields = [dict(zip(box.xpath(".//dt/text()"), box.xpath(".//dd/text()"))) for box in boxes]
    assert [f["type"] for f in fields] == ["direct", "mixed"]  # the inner quote first, then the one around it
    assert fields[0]["speaker_id"] == "Friedrich Merz" and fields[0]["confidence"] == "0.61" and fields[0]["trace"] == "rules: nested marks"
    assert fields[1]["trace"] == 'rules: Konjunktiv "sei"\n\t<b>&amp;</b>'  # as text, not markup
    lit = root.xpath('//*[contains(concat(" ", @class, " "), " lit ")]')
    assert {e.text_content() for e in lit} >= {"Merz", "teilte", "mit", "„sehr ernst“"}
