"""The rules extractor on each backbone, on the WikiNews dev split: official and strict figures,
speed against the spaCy tokenizer alone, paired bootstrap intervals against the built-in backbone.

    python eval/backbones/compare.py                    # writes eval/backbones/compare.md
    python eval/backbones/compare.py --limit 20         # a quick look on the first 20 documents
    python eval/backbones/compare.py --backbone spacy:de_core_news_lg   # add a backbone
    python eval/backbones/compare.py --parser-ablation  # which parts of the parse help the rules

A thin wrapper over ``quotes compare`` (``quotes.compare.compare_paths``) with the variants
``rules:backbone=SPEC``; the same table comes from
``quotes compare GOLD -x rules:backbone=builtin -x rules:backbone=builtin-parser ...``.
If the rules extractor does not take a ``backbone`` setting, the script says so and stops.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

from quotes.compare import Variant, compare_paths, stderr_progress, to_json, to_markdown  # noqa: E402
from quotes.errors import QuotesError  # noqa: E402
from quotes.registry import get_extractor  # noqa: E402

STANZA_TEST_MODEL = ROOT / "tests" / "models" / "stanza-de-tiny"
DEFAULT_BACKBONES = ("builtin", "builtin-parser", f"stanza:{STANZA_TEST_MODEL}")


def rules_take_a_backbone() -> bool:
    try:
        get_extractor("rules", backbone="builtin")
    except (QuotesError, TypeError):
        return False
    return True


# The rules on the built-in parser with one use of the parse switched off (or, for the first,
# with the parser's lemmas and moods in place of the rules' own lists, as before), each compared
# with the rules on the full parser backbone.
ABLATION = (
    ("parser lemmas + moods", {"backbone_lemmas": True, "backbone_mood": "replace"}),
    ("parser Mood as extra signal", {"backbone_mood": "extra"}),
    ("− parse speaker", {"parse_speaker": False}),
    ("− parse content", {"parse_content": False}),
    ("− parse speaker, − parse content", {"parse_speaker": False, "parse_content": False}),
    ("− context speaker", {"context_speaker": "off"}),
)
PARSER = "rules on builtin-parser"


def parser_ablation() -> list[Variant]:
    """``builtin``, ``builtin-parser`` and the parser variants of ``ABLATION``."""
    variants = [Variant(label="rules on builtin", extractor="rules", settings={"backbone": "builtin"}),
                Variant(label=PARSER, extractor="rules", settings={"backbone": "builtin-parser"})]
    for label, settings in ABLATION:
        variants.append(Variant(label=f"{PARSER}, {label}", extractor="rules", settings={"backbone": "builtin-parser", **settings}, against=PARSER))
    return variants


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--backbone", action="append", help="backbone spec (repeatable); default: builtin, builtin-parser, the test Stanza model")
    ap.add_argument("--gold", type=Path, default=None, help="gold folder (default: $QUOTES_CORPORA/german-news-quotes-2024/data/dev)")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--samples", type=int, default=1000)
    ap.add_argument("--parser-ablation", action="store_true", help="builtin, builtin-parser and the parser without some of its layers")
    ap.add_argument("--output", type=Path, default=None, help="default: compare.md, or ablation.md with --parser-ablation")
    ap.add_argument("--torch-threads", type=int, default=1,
                    help="torch threads for Stanza (default 1: on a busy 2-core machine 2 threads ran it 17x slower)")
    args = ap.parse_args()
    import torch

    torch.set_num_threads(args.torch_threads)
    if not rules_take_a_backbone():
        sys.exit("the rules extractor is not registered or takes no `backbone` setting yet: nothing to compare")
    corpora = Path(os.environ.get("QUOTES_CORPORA") or ROOT.parent / "shared" / "corpora")
    gold = args.gold or corpora / "german-news-quotes-2024" / "data" / "dev"
    specs = args.backbone or list(DEFAULT_BACKBONES)
    args.output = args.output or HERE / ("ablation.md" if args.parser_ablation else "compare.md")
    variants = [Variant(label=f"rules on {spec.replace(str(ROOT) + '/', '')}", extractor="rules", settings={"backbone": spec}) for spec in specs]
    if args.parser_ablation:
        variants = parser_ablation()
    result = compare_paths(gold, variants, None, args.limit, samples=args.samples, progress=stderr_progress)
    load = os.getloadavg()
    flags = (f" --limit {args.limit}" if args.limit else "") + (" --parser-ablation" if args.parser_ablation else "")
    note = (f"Written by `python eval/backbones/compare.py{flags}`. "
            f"Machine: {os.cpu_count()} cores, shared; load average at the end {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}; "
            f"torch threads: {args.torch_threads}. "
            + ("Each parser variant switches one use of the parse off (settings of `rules`, see "
               "`quotes/extractors/rules/core.py` `Settings`) and is compared with the rules on the full parser backbone; "
               "`parser lemmas + moods` is how the rules used the parser before: its lemmas and moods in place of their own lists.\n\n"
               if args.parser_ablation else
               "The Stanza model is the tiny test model (`tests/models/stanza-de-tiny`), not Stanza's own German models.\n\n"))
    title = "Which uses of the parse help the rules" if args.parser_ablation else "The rules on each backbone"
    text = f"# {title}\n\n" + note + to_markdown(result)
    args.output.write_text(text, encoding="utf-8")
    args.output.with_suffix(".json").write_text(json.dumps(to_json(result), ensure_ascii=False, indent=1), encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
