"""The cue lexicon: speech verbs and source prepositions, read from ``quotes/data/cues.tsv``.

The TSV is mined from the train split of german-news-quotes-2024 (``eval/rules/mine_cues.py``)
and reviewed by hand: only rows with ``keep = yes`` are used. ``takes`` says what a cue may
introduce: ``clause`` (dass/ob/Konjunktiv clause), ``zu`` (zu-infinitive), ``reported``
(reported speech without a clause), ``direct`` (direct quotes only), ``prep`` (a source
preposition such as ``laut``).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

CUES_TSV = Path(__file__).resolve().parents[2] / "data" / "cues.tsv"

# Separable particles, longest first so that "hinzufügen" splits as hinzu + fügen.
PARTICLES = tuple(sorted(
    "ab an auf aus bei bekannt dar ein fest fort her heraus hervor hin hinzu klar los mit nach vor weg weiter zu zurück zusammen".split(),
    key=len, reverse=True,
))
# Nouns after "nach" that make it a source preposition ("nach Angaben der Polizei").
SOURCE_NOUNS = frozenset(
    """angaben angabe ansicht meinung auffassung einschätzung einschätzungen informationen information
    aussage aussagen worten darstellung erkenntnissen erkenntnis schätzungen schätzung berichten bericht
    überzeugung mitteilung recherchen umfrage umfragen studie auskunft ermittlungen erkenntnissen
    einschätzung berechnungen prognosen zählung""".split()
)
SOURCE_SUFFIXES = (
    "angaben", "angabe", "bericht", "berichten", "berichts", "meldung", "meldungen", "informationen", "aussage", "aussagen",
    "schätzung", "schätzungen", "erkenntnissen", "meinung", "ansicht", "auffassung", "recherchen", "umfrage", "worten",
    "planungen", "prognose", "prognosen", "darstellung", "einschätzung", "überzeugung", "mitteilung", "zählung",
)



def is_source_noun(lower: str) -> bool:
    """Whether a lower-case noun names a source ("angaben", "polizeiangaben", "mitteilung")."""
    return lower in SOURCE_NOUNS or lower.endswith(SOURCE_SUFFIXES)


@dataclass(frozen=True)
class Cue:
    """A lexicon entry: the lemma, what it takes, and its separable particle if it has one."""

    lemma: str
    takes: frozenset
    particle: str = ""
    base: str = ""


@dataclass(frozen=True)
class Lexicon:
    """Verb cues by lemma, by separable base ("teilen" → mitteilen), source prepositions, and
    nouns that introduce a clause ("die Ankündigung, … zu tun")."""

    verbs: dict
    separable: dict
    preps: frozenset
    nouns: dict = None

    def verb(self, lemma: str) -> Cue | None:
        return self.verbs.get(lemma)

    def separable_of(self, base: str) -> tuple:
        """The cues whose verb stem is ``base`` once its particle is split off."""
        return self.separable.get(base, ())


NOT_SEPARABLE = frozenset({"antworten"})


def _split_particle(lemma: str) -> tuple[str, str]:
    if lemma in NOT_SEPARABLE:
        return "", lemma
    for p in PARTICLES:
        if lemma.startswith(p) and len(lemma) - len(p) >= 4:
            return p, lemma[len(p):]
    return "", lemma


@lru_cache(maxsize=4)
def load_lexicon(path: str | Path = CUES_TSV) -> Lexicon:
    """Read the reviewed lexicon (rows with keep = yes).

    >>> lex = load_lexicon()
    >>> lex.verb("sagen").takes >= {"clause"}, [c.lemma for c in lex.separable_of("teilen")]
    (True, ['mitteilen'])
    """
    verbs: dict[str, Cue] = {}
    separable: dict[str, list[Cue]] = {}
    preps = set()
    nouns: dict[str, Cue] = {}
    with open(path, encoding="utf-8") as fh:
        rows = csv.DictReader((line for line in fh if not line.startswith("#")), delimiter="\t")
        for row in rows:
            if row["keep"].strip() != "yes":
                continue
            lemma = row["lemma"].strip()
            takes = frozenset(t.strip() for t in row["takes"].split(",") if t.strip())
            if "prep" in takes:
                preps.add(lemma)
                continue
            if row["kind"].strip() == "noun":
                nouns[lemma] = Cue(lemma, takes)
                continue
            particle, base = _split_particle(lemma)
            cue = Cue(lemma, takes, particle, base if particle else "")
            verbs[lemma] = cue
            if particle:
                separable.setdefault(base, []).append(cue)
    return Lexicon(verbs, {k: tuple(v) for k, v in separable.items()}, frozenset(preps), nouns)
