"""Mine the cue lexicon of the rules extractor from the TRAIN split of german-news-quotes-2024.

For every top-level gold quote with a cue, the cue's head is lemmatised (separable particles
joined: "teilte … mit" → mitteilen); its frequency as a cue is set against its frequency as a
word in the whole split, which gives a rough precision. The script writes a draft TSV; the
reviewed lexicon is ``quotes/data/cues.tsv`` (decisions in its ``keep``, ``takes`` and ``note``
columns). ``--merge`` carries those decisions over into a fresh mining run: mined rows get new
counts and keep their review, new lemmas come in with ``keep = review``, and rows added by hand
stay as they are.

    .venv/bin/python eval/rules/mine_cues.py ../shared/corpora/german-news-quotes-2024/data/train \
        --output /tmp/cues-draft.tsv [--min-count 2] [--merge quotes/data/cues.tsv]

Only lemmas and counts are written, never corpus text.
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from quotes.formats.wikinews import read_wikinews_dir, spans_to_token_ids  # noqa: E402
from quotes.nlp import german  # noqa: E402

# Particles that separate from their verb ("teilte … mit") and pronominal adverbs around them.
PARTICLES = frozenset(
    "ab an auf aus bei bekannt dar ein fest fort her heraus hervor hin hinzu klar los mit nach vor weg weiter zu zurück zusammen".split()
)
FUNCTION = german.AUXILIARIES | german.DETERMINERS | german.PERSONAL_PRONOUNS | frozenset(
    "sich es als davon darauf daran dazu damit darüber dafür dagegen darum nicht auch so wie".split()
)
PREPOSITION_CUES = frozenset("laut nach zufolge gemäß so wie demnach danach wonach".split())


def cue_head(words: list[str]) -> tuple[str, str] | None:
    """(lemma, kind) of a cue given its words; kind is verb, prep or noun."""
    low = [w.lower() for w in words]
    if len(low) == 1 and low[0] in PREPOSITION_CUES:
        return low[0], "prep"
    content = [w for w in words if w.lower() not in FUNCTION and w.lower() not in PARTICLES and w.isalpha()]
    verbs = [w for w in content if w.islower()]
    if verbs:
        head = german.lemma(verbs[-1])
        particle = next((w.lower() for w in reversed(words) if w.lower() in PARTICLES and w.islower() and w not in verbs), None)
        if particle and not head.startswith(particle):
            head = particle + head
        return head, "verb"
    if content:
        return german.lemma(content[-1]), "noun"
    if len(low) == 1 and low[0] in german.AUXILIARIES | {"ist", "sind"}:
        return german.lemma(low[0]), "verb"
    return None


def mine(folder: Path) -> list[dict]:
    as_cue: collections.Counter = collections.Counter()
    kinds: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    labels: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    zu_content: collections.Counter = collections.Counter()
    in_text: collections.Counter = collections.Counter()
    in_reported: collections.Counter = collections.Counter()
    for doc in read_wikinews_dir(folder):
        tokens = doc.tokens or ()
        words = [doc.text[s:e] for s, e in tokens]
        for w in words:
            if w.isalpha():
                in_text[german.lemma(w)] += 1
        for q in doc.quotes:
            if q.nested:
                continue
            if q.label == "Reported":
                for i in spans_to_token_ids(q.content, tokens):
                    if words[i].islower() and words[i].isalpha():
                        in_reported[german.lemma(words[i])] += 1
            if not q.cue:
                continue
            ids = spans_to_token_ids(q.cue, tokens)
            head = cue_head([words[i] for i in ids])
            if head is None:
                continue
            lemma, kind = head
            as_cue[lemma] += 1
            kinds[lemma][kind] += 1
            labels[lemma][q.label] += 1
            content = spans_to_token_ids(q.content, tokens)
            if len(content) >= 2 and words[content[-2]].lower() == "zu":
                zu_content[lemma] += 1
    rows = []
    for lemma, n in as_cue.most_common():
        # Separable verbs are counted in the text by their base verb, so their ratio is a lower bound.
        base = in_text[lemma] or in_text[lemma.split(" ")[-1]]
        rows.append({
            "lemma": lemma,
            "kind": kinds[lemma].most_common(1)[0][0],
            "as_cue": n,
            "in_text": base,
            "ratio": f"{n / base:.2f}" if base else "",
            "zu": zu_content[lemma],
            "in_reported": in_reported[lemma],
            "labels": " ".join(f"{k}:{v}" for k, v in labels[lemma].most_common()),
        })
    return rows


REVIEW = ("keep", "takes", "note")


def merge(mined: list[dict], reviewed_path: Path) -> tuple[list[str], list[dict]]:
    """Mined rows with the review columns of an existing lexicon; returns (header comments, rows)."""
    lines = reviewed_path.read_text(encoding="utf-8").splitlines(keepends=True)
    comments = [line for line in lines if line.startswith("#")]
    reviewed = {r["lemma"]: r for r in csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t")}
    rows = []
    for row in mined:
        old = reviewed.pop(row["lemma"], None)
        rows.append({**row, **({k: old[k] for k in REVIEW} if old else {"keep": "review", "takes": "", "note": "new in this mining run"})})
    for old in reviewed.values():  # rows added by hand, or no longer mined: kept as reviewed
        rows.append(old)
    return comments, rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, help="the train split folder of german-news-quotes-2024")
    ap.add_argument("--output", "-o", default="-", help="TSV to write (- for standard output)")
    ap.add_argument("--min-count", type=int, default=2, help="drop lemmas seen fewer times as a cue")
    ap.add_argument("--merge", type=Path, help="a reviewed lexicon whose keep/takes/note columns are carried over")
    args = ap.parse_args(argv)
    rows = [r for r in mine(args.folder) if r["as_cue"] >= args.min_count]
    comments: list[str] = []
    fields = ["lemma", "kind", "as_cue", "in_text", "ratio", "zu", "in_reported", "labels"]
    if args.merge:
        comments, rows = merge(rows, args.merge)
        fields = ["lemma", "kind", "as_cue", "in_text", "ratio", *REVIEW]
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", newline="")
    out.writelines(comments)
    writer = csv.DictWriter(out, fieldnames=fields, delimiter="\t", lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    if out is not sys.stdout:
        out.close()
        print(f"{len(rows)} cue lemmas written to {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
