"""Make docs/render-seeds.png: the two seed articles rendered by ``quotes render``.

    .venv/bin/python docs/make_screenshot.py                       # the rules extractor's quotes
    .venv/bin/python docs/make_screenshot.py --extractor quote-marks
    .venv/bin/python docs/make_screenshot.py --gold --output /tmp/against-gold.png

What it renders: the seed texts (``../shared/seeds/*.txt``) run through the extractor (default
``rules``); with ``--gold``, beside the seed gold (``annotations/seeds.jsonl``), misses and false
alarms outlined. Where the extractor is not registered it renders the seed gold instead. It
prints what it rendered; the page itself goes to ``--html`` when given (the seed texts are not
ours to commit as pages).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quotes.registry import extractor_names  # noqa: E402
from quotes.render import render_paths, screenshot  # noqa: E402

SEEDS = ROOT.parent / "shared" / "seeds"
GOLD = ROOT / "annotations" / "seeds.jsonl"
PNG = ROOT / "docs" / "render-seeds.png"


def _registered(name: str) -> bool:
    return any(n == name or n.startswith(name + ".v") for n in extractor_names())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--extractor", default="rules", help="extractor to run on the seed texts (default: rules)")
    parser.add_argument("--gold", action="store_true", help="show the seed gold beside the predictions")
    parser.add_argument("--seeds", type=Path, default=SEEDS, help="folder of the seed .txt files")
    parser.add_argument("--output", type=Path, default=PNG, help="the PNG to write")
    parser.add_argument("--html", type=Path, default=None, help="also keep the HTML page here")
    parser.add_argument("--width", type=int, default=None, help="window width in pixels (default 1200, 1700 side by side)")
    args = parser.parse_args()

    gold = [GOLD] if GOLD.exists() and args.gold else []
    if _registered(args.extractor):
        inputs, extractor = sorted(args.seeds.glob("*.txt")), args.extractor
        what = f"the seed texts extracted by {args.extractor}" + (f", beside the gold in {GOLD.relative_to(ROOT)}" if gold else "")
    elif GOLD.exists():
        inputs, extractor, gold = [GOLD], None, []
        what = f"the seed gold {GOLD.relative_to(ROOT)} ({args.extractor} is not registered)"
    else:
        print(f"error: neither the extractor {args.extractor!r} nor {GOLD} exists", file=sys.stderr)
        return 1
    if not inputs:
        print(f"error: no seed texts in {args.seeds}", file=sys.stderr)
        return 1
    width = args.width or (1700 if gold else 1200)
    with tempfile.TemporaryDirectory() as tmp:
        page = args.html or Path(tmp) / "render-seeds.html"
        report = render_paths(inputs, page, gold=gold, extractor=extractor, title="Quotes in the seed articles", progress=False)
        for failure in report.failures:
            print(f"error: {failure}", file=sys.stderr)
        png = screenshot(page, args.output, width=width)
    print(f"rendered {what}: {report.documents} documents, {report.quotes} quotes → {png.relative_to(ROOT) if png.is_relative_to(ROOT) else png}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
