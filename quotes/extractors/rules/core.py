"""The rules, applied sentence by sentence over a :class:`TokenView`.

A *unit* is a sentence of the backbone, merged with its neighbours where a quote runs over
several sentences. In each unit, in this order:

1. cues are found: speech verbs of the lexicon (with their separable particle and auxiliary),
   ``laut``/``gemäß``/``zufolge``/``nach Angaben``, a postposed ``so``, ``demnach``, ``wonach``,
   and nouns such as ``Ankündigung`` or ``Forderung``;
2. each cue is matched to its content, postposed cues first: a postposed frame (``…, sagte X.``,
   ``…, so X.``), a ``wie``-clause, a preposed frame (``X sagte, dass …``, ``X sagte: „…“``, a
   Konjunktiv clause, a zu-infinitive), or a source phrase (``laut X``, ``X zufolge``);
3. a quote after a colon is a direct quote of the colon's frame;
4. a unit with no quote yet and a Konjunktiv verb continues the previous quote (free indirect),
   ``soll … haben`` marks reported rumour, and a reporting verb without a clause makes reported
   speech;
5. quote marks left over become direct quotes when they read as statements (not scare quotes);
   quote marks inside indirect content become nested direct quotes (a mixed quote).

Everything is linear in the length of the text: scans stop at clause boundaries and at
``MAX_SCAN`` tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...nlp import german
from . import phrases
from .lexicon import Cue, Lexicon, is_source_noun
from .quotemarks import QuoteSpan, pair_quotes
from .view import TokenView

Range = tuple[int, int]
MAX_SCAN = 80
BOUNDARY = frozenset({",", ";", ":", "(", ")", "–", "—", "-", "--"})
SENT_END = frozenset({".", "!", "?", "…", "...", "?!", "!?"})
CLOSED_CLASS = (
    german.DETERMINERS | german.PREPOSITIONS | german.SUBORDINATORS | german.COORDINATORS
    | german.PERSONAL_PRONOUNS | german.AUXILIARIES | german.ADVERBS
)
# Verbs whose clause after a comma is reported even without dass or Konjunktiv ("Er sagte, das ist …").
PLAIN_CLAUSE_CUES = frozenset("sagen erklären betonen mitteilen schreiben meinen glauben hoffen befürchten bekanntgeben angeben".split())
ZU_INFINITIVE = re.compile(r"^(?:ab|an|auf|aus|bei|ein|fest|fort|her|hin|mit|nach|vor|weg|weiter|zurück|zusammen|durch|um|über|unter|wieder)zu[a-zäöüß]{3,}$")
# Konjunktiv II forms that are mostly conditional, not reported ("das könnte …").
WEAK_KONJUNKTIV = frozenset("könnte könnten möchte möchten dürfte dürften sollte sollten".split())
HYPOTHETICAL = frozenset("wenn falls ob als sofern".split())
REFLEXIVE_CUES = frozenset("äußern".split())
FREE_INDIRECT = "free indirect: Konjunktiv without a cue"
CONDITIONAL_V1 = frozenset("sollte sollten würde würden hätte hätten wäre wären".split())
# Relative pronouns that are the subject of a cue in a relative clause ("ein Prediger, der … aufforderte").
RELATIVE_SUBJECTS = frozenset("der die welcher welche".split())
# lassen with a cue's infinitive: "ließ ein Sprecher verlauten".
LASSEN = frozenset("lässt ließ ließen lassen ließe".split())
# "wissen wollen" asks ("„Wo ist meine Stimme?“, wollen die Demonstranten wissen") or claims
# ("Der NDR will wissen, dass …"): a cue though neither word is one alone.
WANT_TO_KNOW = frozenset("will wollte wollen wollten möchte möchten".split())
WISSEN_WOLLEN = Cue("wissen wollen", frozenset({"clause", "direct"}))
# Cues with no subject of their own, and the prepositions before the source they name instead.
SUBJECTLESS_CUES = frozenset(("heißen", "verlauten"))
SOURCE_PREPOSITIONS = frozenset("in im bei beim aus auf".split())
ANAPHORIC = "indirect: the sentence before, taken up by 'Dies'"
WERDEN = frozenset("wird werden wurde wurden worden werde würde würden".split())


@dataclass
class Settings:
    """Switches of the rules, so that variants can be compared."""

    free_indirect: bool = True
    free_indirect_window: int = 1
    speaker_window: int = 1
    reported: bool = True
    rumour: bool = True
    plain_clauses: bool = True
    nested: bool = True
    min_direct_tokens: int = 5
    merge_free_indirect: bool = True
    # On a backbone with a tagger and a parser (ignored on the built-in one):
    backbone_lemmas: bool = False  # the backbone's lemmas instead of the rules' own
    backbone_mood: str = "off"  # off | extra (Mood=Sub where the lists say nothing) | replace
    parse_speaker: bool = True  # the cue verb's subject in the parse as its speaker
    parse_content: bool = True  # the cue verb's clausal complement in the parse as content
    context_speaker: str = "cue"  # off | cue | any: a continuation with no speaker takes the subject of the sentence before


@dataclass
class Found:
    """A quote found by the rules, as token ranges of the view."""

    content: list
    type: str
    rule: str
    confidence: float
    speaker: list = field(default_factory=list)
    cue: list = field(default_factory=list)
    addressee: list = field(default_factory=list)
    frame: list = field(default_factory=list)
    label: str | None = None
    nested: bool = False
    unit: int = 0
    detail: str = ""


@dataclass
class CueHit:
    """A cue in a unit: its tokens, its head word, its finite verb and its lexicon entry."""

    kind: str  # verb | laut | zufolge | nach | so | demnach | wonach
    tokens: list
    head: int
    finite: int
    entry: Cue | None = None

    @property
    def first(self) -> int:
        return min(self.tokens)

    @property
    def last(self) -> int:
        return max(self.tokens)

    @property
    def text_lemma(self) -> str:
        return self.entry.lemma if self.entry else self.kind


def _ranges(tokens: list[int]) -> list[Range]:
    out: list[Range] = []
    for t in sorted(set(tokens)):
        if out and out[-1][1] == t:
            out[-1] = (out[-1][0], t + 1)
        else:
            out.append((t, t + 1))
    return out


class Analysis:
    """The rules over one document's view; ``run()`` returns the found quotes."""

    def __init__(self, view: TokenView, lexicon: Lexicon, settings: Settings | None = None) -> None:
        self.v = view
        self.lex = lexicon
        self.s = settings or Settings()
        self.quotes: list[QuoteSpan] = pair_quotes(view)
        self.quote_at = [-1] * view.n
        for k, q in enumerate(self.quotes):
            for i in range(q.begin, q.end):
                self.quote_at[i] = k
        self.units = self._merge_units()
        # A sentence start outside a quote: frames and contents do not reach across it.
        self.hard_start = [False] * view.n
        for b, _ in view.units:
            if b > 0 and not (self.quote_at[b] != -1 and self.quote_at[b] == self.quote_at[b - 1]):
                self.hard_start[b] = True
        self.used = [False] * view.n
        self.found: list[Found] = []
        self.direct_done: set[int] = set()

    # -- structure -------------------------------------------------------------------------

    def _merge_units(self) -> list[Range]:
        """Sentences, merged where a quote runs over a sentence boundary."""
        units: list[Range] = []
        for b, e in self.v.units:
            if units and b > 0 and self.quote_at[b] != -1 and self.quote_at[b] == self.quote_at[b - 1]:
                units[-1] = (units[-1][0], e)
            else:
                units.append((b, e))
        return units

    def core_end(self, ub: int, ue: int) -> int:
        """The end of the unit without its closing punctuation."""
        e = ue
        while e > ub and self.v.words[e - 1] in SENT_END and self.quote_at[e - 1] == -1:
            e -= 1
        return e

    def clause_start(self, i: int, lo: int) -> int:
        v, k = self.v, i
        stop = max(lo, i - MAX_SCAN)
        while k > stop:
            if v.words[k - 1] == ")":
                opened = self._bracket_open(k - 1, stop)
                if opened is None:
                    break
                k = opened  # a short bracket is no clause boundary: "Christian Wulff (CDU) hat … betont"
                continue
            if v.words[k - 1] in BOUNDARY:
                break
            if self.quote_at[k - 1] != -1:
                q = self.quotes[self.quote_at[k - 1]]
                if q.end != k or q.begin < stop or phrases.quoted_name(v, q.begin, q.end) != q.end:
                    break
                k = q.begin  # a name in quote marks: "Wie die „Aktion Deutschland hilft“ mitteilte"
                continue
            k -= 1
        return k

    def _bracket_open(self, close: int, stop: int) -> int | None:
        """The "(" of the bracket that ``close`` ends, within four tokens and with no boundary between."""
        v = self.v
        for k in range(close - 1, max(stop, close - 5) - 1, -1):
            if v.words[k] == "(":
                return k
            if v.words[k] in BOUNDARY:
                return None
        return None

    def clause_end(self, i: int, hi: int) -> int:
        v, k = self.v, i
        stop = min(hi, i + MAX_SCAN)
        while k < stop and v.words[k] not in BOUNDARY and self.quote_at[k] == -1:
            k += 1
        return k

    def free_range(self, b: int, e: int) -> bool:
        return not any(self.used[b:e])

    def mark(self, ranges) -> None:
        for b, e in ranges:
            for i in range(b, e):
                self.used[i] = True

    # -- cues ------------------------------------------------------------------------------

    def find_cues(self, ub: int, ce: int) -> list[CueHit]:
        v = self.v
        hits: list[CueHit] = []
        for i in range(ub, ce):
            if self.quote_at[i] != -1:
                continue
            w, lw = v.words[i], v.lower[i]
            if lw in ("laut", "gemäß") and i + 1 < ce:
                hits.append(CueHit("laut", [i], i, i))
            elif lw == "zufolge" and i > ub:
                hits.append(CueHit("zufolge", [i], i, i))
            elif lw == "nach" and self._source_noun_after(i, ce):
                hits.append(CueHit("nach", [i], i, i))
            elif (lw == "so" and i > ub and (v.words[i - 1] in (",", "–") or self._quote_closes(i - 1, (".", "!", "?"))) and i + 1 < ce
                    and phrases.noun_phrase(v, i + 1, ce) is not None):
                hits.append(CueHit("so", [i], i, i))
            elif lw == "demnach" and (i == ub or v.words[i - 1] in BOUNDARY):
                hits.append(CueHit("demnach", [i], i, i))
            elif lw == "wonach":
                hits.append(CueHit("wonach", [i], i, i))
            elif w.isalpha() and (w.islower() or i == ub) and lw not in CLOSED_CLASS:
                hit = self._verb_cue(i, ub, ce)
                if hit is not None:
                    hits.append(hit)
            elif w[:1].isupper() and i + 1 < ce and self.lex.nouns and v.lemma(i) in self.lex.nouns:
                hits.append(CueHit("noun", [i], i, i, self.lex.nouns[v.lemma(i)]))
        return hits

    def _source_noun_after(self, i: int, ce: int) -> bool:
        v = self.v
        for k in range(i + 1, min(ce, i + 5)):
            lk = v.lower[k]
            if v.is_cap(k):
                return is_source_noun(lk)
            if not (lk in german.DETERMINERS or lk in phrases.GENITIVE_STARTS or phrases._is_adjective_like(v, k)):
                return False
        return False

    def _verb_cue(self, i: int, ub: int, ce: int) -> CueHit | None:
        v, lex = self.v, self.lex
        lemma = v.lemma(i)
        entry = None
        tokens = [i]
        clause_e = self.clause_end(i, ce)
        last = clause_e - 1
        for cand in lex.separable_of(lemma):
            if last > i and v.lower[last] == cand.particle:
                entry = cand
                tokens.append(last)
                break
        if entry is None:
            entry = lex.verb(lemma)
        if entry is None and v.lower[i] == "wissen" and i > ub:
            # "„…?“, wollte der Mann wissen": the finite modal is the cue's verb
            want = next((k for k in range(i - 1, max(ub, i - 12) - 1, -1) if v.lower[k] in WANT_TO_KNOW or v.words[k] in BOUNDARY), None)
            if want is not None and v.lower[want] in WANT_TO_KNOW:
                return CueHit("verb", [want, i], i, want, WISSEN_WOLLEN)
        if entry is None:
            return None
        lw = v.lower[i]
        # An attributive participle ("die genannten Zahlen") is no cue.
        if i > ub and v.lower[i - 1] in german.DETERMINERS | german.PREPOSITIONS and lw.endswith(("e", "en", "er", "es", "em")) and i + 1 < v.n and v.is_cap(i + 1):
            return None
        if entry.lemma in REFLEXIVE_CUES and i + 1 < ce and v.lower[i + 1] == "sich":
            tokens.append(i + 1)
        if entry.lemma == "heißen":
            if i > ub and v.lower[i - 1] == "es":
                tokens.append(i - 1)
            elif i + 1 < ce and v.lower[i + 1] == "es":
                tokens.append(i + 1)
            else:
                return None
        finite = i
        looks_finite = _looks_finite(v, i, lemma)
        # "hatte die Bischofskonferenz beschlossen, …": a clause-final form in -en after an
        # auxiliary is a participle, though it looks like a past plural.
        clause_final = lw.endswith("en") and (i + 1 >= ce or v.words[i + 1] in BOUNDARY)
        cs = self.clause_start(i, ub) if clause_final or not looks_finite else i  # only where an auxiliary is looked for
        participle = clause_final and any(v.lower[k] in german.AUXILIARIES for k in range(cs, i))
        if not participle and self._participle_after_apposition(i, ub):
            participle, cs = True, ub
        if participle or not looks_finite:
            aux = next((k for k in range(i - 1, cs - 1, -1) if v.lower[k] in german.AUXILIARIES), None)
            if aux is None and lw == lemma:
                # "ließ ein Sprecher verlauten": lassen with the cue's infinitive
                aux = next((k for k in range(i - 1, cs - 1, -1) if v.lower[k] in LASSEN), None)
            if aux is None and i + 1 < ce and v.lower[i + 1] in german.AUXILIARIES:
                aux = i + 1
            if aux is not None:
                tokens.append(aux)
                finite = aux
        return CueHit("verb", tokens, i, finite, entry)

    def _participle_after_apposition(self, i: int, ub: int) -> bool:
        """Whether the form at ``i`` is the participle of an auxiliary in second place, after a
        comma apposition to the subject: "Vor kurzem hatte ein Talibanführer, Baitullah Mehsud,
        erklärt, …" ("erklärt" also reads as a present tense)."""
        v = self.v
        if not v.lower[i].endswith("t") or i < ub + 4 or v.words[i - 1] != ",":
            return False
        opened = next((k for k in range(i - 2, ub - 1, -1) if v.words[k] == ","), None)
        if opened is None or phrases.noun_phrase(v, opened + 1, i - 1) != i - 1 or not v.is_cap(opened + 1):
            return False
        aux = next((k for k in range(ub, min(opened, ub + 5)) if v.lower[k] in ("hat", "hatte", "haben", "hatten")), None)
        return aux is not None and not any(phrases.lower_verb(v, k) for k in range(aux + 1, opened))

    # -- patterns --------------------------------------------------------------------------

    def run(self) -> list[Found]:
        last: Found | None = None
        last_unit = -10
        self.speaker_source: Found | None = None  # the latest quote with a speaker
        for u, (ub, ue) in enumerate(self.units):
            if self.speaker_source is not None and u - self.speaker_source.unit > self.s.speaker_window:
                self.speaker_source = None
            before = len(self.found)
            ce = self.core_end(ub, ue)
            if ce - ub > 0:
                cues = self.find_cues(ub, ce)
                # Postposed cues first ("…, so Putin weiter."): they claim the clause before them,
                # which a cue inside it ("erwäge Russland, … auszubauen") must not take.
                order = sorted(cues, key=lambda c: (not self._postposed_shape(c, ub), c.kind != "verb", c.head))
                for hit in order:
                    if self.used[hit.head]:
                        continue
                    self.apply_cue(hit, u, ub, ue, ce, cues)
                self.direct_quotes(u, ub, ue, ce, cues)
                if len(self.found) == before:
                    self.continuation(u, ub, ue, ce, last if u - last_unit <= self.s.free_indirect_window else None)
                self.uncued_quotes(u, ub, ue, ce, last if u - last_unit <= 2 else None)
            new = self.found[before:]
            if new:
                last = new[-1]
                last_unit = u
                with_speaker = [f for f in new if f.speaker]
                if with_speaker:
                    self.speaker_source = with_speaker[-1]
        if self.s.nested:
            self.add_nested()
        return self.found

    def _postposed_shape(self, hit: CueHit, ub: int) -> bool:
        """``…, so X`` or ``…, sagte X``: a cue that opens a clause after a comma or a quote."""
        v = self.v
        if hit.kind == "so":
            return True
        if hit.kind != "verb" or hit.finite <= ub:
            return False
        return v.words[hit.finite - 1] == "," or self._quote_ends_in_comma(hit.finite - 1)

    def lo_of(self, ub: int, i: int) -> int:
        """Where a frame or content may start before token ``i``: after anything already used,
        a sentence start or a colon (a headline "X: Nordkorea droht …")."""
        k = i
        while k > ub and not self.used[k - 1] and not self.hard_start[k] and i - k < MAX_SCAN:
            if self.v.words[k - 1] in (":", ";") and self.quote_at[k - 1] == -1 and k < i:
                break  # (a semicolon ends a clause as a full stop does: "…; Die Nachrichtenseite berichtete, …")
            k -= 1
        return k

    def hi_of(self, i: int, ce: int) -> int:
        k = i
        while k < ce and not self.used[k] and not (k > i and self.hard_start[k]) and k - i < 4 * MAX_SCAN:
            if self.v.words[k] == ":" and k + 1 < ce and self.quote_at[k + 1] != -1 and self.quote_at[k] == -1:
                break  # "… zu liefern: „…“": the direct quote after the colon is a quote of its own
            k += 1
        return k

    def apply_cue(self, hit: CueHit, u: int, ub: int, ue: int, ce: int, cues: list[CueHit]) -> None:
        v = self.v
        if hit.kind in ("laut", "nach"):
            return self.source_phrase(hit, u, ub, ue, ce)
        if hit.kind == "zufolge":
            return self.zufolge(hit, u, ub, ce)
        if hit.kind == "so":
            return self.postposed(hit, u, ub, ce, hit.head)
        if hit.kind == "demnach":
            return self.adverb_cue(hit, u, ub, ce)
        if hit.kind == "wonach":
            return self.wonach(hit, u, ub, ce)
        if hit.kind == "noun":
            return self.noun_cue(hit, u, ub, ce)
        if v.lower[ub] in ("dies", "das") and hit.finite == ub + 1 and u > 0 and self.clause_end(hit.last, ce) == ce:
            return self.anaphoric(hit, u, ub, ce)
        lo = self.lo_of(ub, hit.first)
        cs = self.clause_start(hit.first, lo)
        cend = self.clause_end(hit.last, ce)
        if v.lower[cs] != "wie" and hit.finite == hit.last and cend == hit.last + 1:
            wie = self._wie_start(cs, lo)
            cs = cs if wie is None else wie
        if v.lower[cs] == "wie" and hit.finite >= cs:
            return self.wie_clause(hit, u, ub, ce, cs, cend, lo)
        if v.lower[cs] in german.SUBORDINATORS and hit.first > cs:
            return  # "…, dass das Gericht das Verfahren für unzulässig erklären sollte": not a report
        if hit.finite == cs and hit.finite != hit.head and v.lower[hit.finite] in CONDITIONAL_V1:
            return  # "…, sollte sich diese entscheiden, …": a condition
        if hit.finite == cs and cs > ub and (v.words[cs - 1] == "," or self._quote_ends_in_comma(cs - 1)):
            if self.postposed(hit, u, ub, ce, cs):
                return
        if cend < ce:
            self.preposed(hit, u, ub, ce, lo, self._past_apposition(hit, cend, ce))

    def _past_apposition(self, hit: CueHit, cend: int, ce: int) -> int:
        """Past a name in apposition to the subject after the verb, up to the comma that opens what
        was said: "sagte der Sprecher der Behörde, Hans Müller, es gebe …"; else ``cend``."""
        v = self.v
        if hit.kind != "verb" or hit.last != hit.finite:
            return cend
        comma = cend
        if v.words[cend] == "(":  # "der Direktor der Internationalen Atomenergie-Organisation (IAEO), …"
            close = next((k for k in range(cend + 1, min(ce, cend + 7)) if v.words[k] == ")"), None)
            comma = close + 1 if close is not None and close + 1 < ce else cend
        if v.words[comma] != ",":
            return cend
        j = phrases.skip_adverbs(v, hit.finite + 1, comma)
        if j >= comma or phrases.noun_phrase(v, j, comma) != comma or v.lower[j] in german.PERSONAL_PRONOUNS:
            return cend
        k = comma + 1
        end = phrases.noun_phrase(v, k, ce)
        if end is None or end >= ce or v.words[end] != "," or not v.is_cap(k) or v.lower[k] in german.PERSONAL_PRONOUNS:
            return cend
        return end

    def anaphoric(self, hit: CueHit, u: int, ub: int, ce: int) -> None:
        """``Dies teilte ein Sprecher mit.``: the sentence before is what was said, with the
        pronoun that points back at it (as the corpus marks it); a quote found there without a
        speaker takes this one's roles."""
        v = self.v
        speaker = phrases.subject_after(v, hit.finite + 1, ce)
        if speaker is None or speaker[0] in hit.tokens or any(self.used[speaker[0]:speaker[1]]):
            return
        pb, pe = self.units[u - 1]
        content = [(pb, ub + 1)]
        inside = [f for f in self.found if f.unit == u - 1 and not f.nested and all(pb <= b and e <= pe for b, e in f.content)]
        if any(f.speaker for f in inside) or len(inside) > 1 or not inside and any(self.used[pb:pe]):
            return
        cue, frame = self._cue_ranges(hit), [(ub + 1, ce)]
        if inside:
            # the sentence before was taken as speech of its own (free indirect, reported): now its speaker is known
            f = inside[0]
            f.content, f.type, f.speaker, f.cue, f.frame = content, self._content_type(content), [speaker], cue, frame
            f.rule, f.label, f.detail = ANAPHORIC, None, hit.text_lemma
            self.mark([(ub, ce)])
            return
        self.emit(Found(content=content, type=self._content_type(content), rule=ANAPHORIC, confidence=0.7, speaker=[speaker],
                        cue=cue, frame=frame, unit=u, detail=hit.text_lemma))

    def _wie_start(self, cs: int, lo: int) -> int | None:
        """The "wie" of a verb-final clause whose subject has appositions:
        "Wie der Vorsitzende Richter, Ottmar Breidling, ausführte"."""
        v, k = self.v, cs
        for _ in range(3):
            if k - 1 <= lo or v.words[k - 1] != ",":
                return None
            start = self.clause_start(k - 1, lo)
            if v.lower[start] == "wie":
                return start
            if not self._subject_field(start, k - 1):
                return None
            k = start
        return None

    def _quote_ends_in_comma(self, i: int) -> bool:
        """Token ``i`` closes a quote whose last word is , ! or ? („Ja,“ sagte er)."""
        return self._quote_closes(i, (",", "!", "?"))

    def _quote_closes(self, i: int, marks: tuple[str, ...]) -> bool:
        """Token ``i`` closes a quote whose last word is one of ``marks`` ("„… zu lästig.“ so …")."""
        k = self.quote_at[i]
        if k == -1 or self.quotes[k].end != i + 1 or not self.quotes[k].closed:
            return False
        return self.v.words[i - 1] in marks

    def _passive(self, hit: CueHit) -> bool:
        """A werden-passive of the cue ("wird vorgeworfen", "wurde bekannt gegeben", "war
        vorgeworfen worden")."""
        v = self.v
        if _looks_finite(v, hit.head, v.lemma(hit.head)):
            return False
        return any(v.lower[t] in WERDEN for t in hit.tokens if t != hit.head) or hit.head + 1 < v.n and v.lower[hit.head + 1] == "worden"

    def _agent(self, hit: CueHit, lo: int) -> list[Range]:
        """The agent of a passive cue, its speaker: "wurden von Bundesverkehrsminister Manfred
        Stolpe als unrealistisch bezeichnet", "Von Seiten der Delegation war … vorgeworfen worden"."""
        v = self.v
        for k in range(max(lo, hit.head - MAX_SCAN), hit.head):
            if v.lower[k] not in ("von", "vom") or self.quote_at[k] != -1:
                continue
            b = k + 2 if k + 2 < hit.head and v.lower[k + 1] == "seiten" else k + 1
            end = phrases.noun_phrase(v, b, hit.head)
            if end is not None and end > b and v.lower[b] not in phrases.NOT_SUBJECT_START | german.PERSONAL_PRONOUNS:
                return [(b, end)]
        return []

    def _source_in_field(self, hit: CueHit, lo: int) -> list[Range]:
        """The source a cue with no subject names in front of it: "In dem Antrag heißt es",
        "Bei der Agentur RIA hieß es", "Aus EU-Kreisen verlautete", "Im Bericht der FIFA-Beauftragten
        war festgestellt worden"; or after it: "heißt es in einer Mitteilung der Polizei"."""
        v = self.v
        b = phrases.skip_adverbs(v, lo, hit.finite)
        if v.lower[b] in SOURCE_PREPOSITIONS and b + 1 < hit.finite:
            end = phrases.noun_phrase(v, b + 1, hit.finite)
            if end is not None and (end == hit.finite or v.words[end] == ","):
                return [(b + 1, end)]
        after = max(hit.tokens) + 1
        if hit.entry is not None and hit.entry.lemma == "heißen" and after + 1 < v.n and (v.lower[after] in SOURCE_PREPOSITIONS or v.lower[after] in ("von", "vom")):
            end = phrases.noun_phrase(v, after + 1, min(v.n, after + 1 + phrases.MAX_NP))
            if end is not None:
                return [(after + 1, end)]
        return []

    def _speaker_preposed(self, hit: CueHit, lo: int, cend: int) -> list[Range]:
        v = self.v
        if hit.entry is not None and hit.entry.lemma in SUBJECTLESS_CUES:
            return self._source_in_field(hit, lo)
        if self._passive(hit):
            return self._agent(hit, lo) or self._source_in_field(hit, lo)
        after = hit.finite + 1
        if after < cend and v.lower[after] in phrases.NOMINATIVE_PRONOUNS:
            return [(after, after + 1)]
        cs = self.clause_start(hit.first, lo)
        if (cs > lo and v.words[cs - 1] == "," and v.lower[cs] in RELATIVE_SUBJECTS and hit.finite == hit.last
                and not (cs + 1 < cend and v.is_cap(cs + 1))):  # an article is no relative pronoun: "Abassi, der Generalsekretär …"
            # "ein Prediger, der alle aufforderte, …": the relative pronoun, resolved to its noun later
            return [(cs, cs + 1)]
        if hit.finite - 1 > lo and v.lower[hit.finite - 1] == "und":
            # "Der Sicherheitsrat rief … auf und beschloss, …": the subject of the first of the two verbs
            first = next((k for k in range(lo + 1, hit.finite - 1) if phrases.lower_verb(v, k)), None)
            shared = phrases.subject_before(v, lo, first) if first is not None else None
            if shared:
                return [shared]
        if hit.finite - 1 > lo and hit.finite == cs and v.words[hit.finite - 1] == ",":
            # "Die Vereinten Nationen bestätigten den Vorfall, teilten jedoch mit, …": the same subject
            shared = self._shared_subject(lo, hit.finite - 1)
            if shared:
                return [shared]
        before = phrases.subject_before(v, lo, hit.finite)
        if before and cs > lo and any(phrases.lower_verb(v, k) for k in range(*before)):
            # the field runs over a clause of its own: "Die Gründung … wird … gesehen, die Organisation fordert"
            before = phrases.subject_before(v, cs, hit.finite) or before
        if before and not phrases.fronted_object(v, *before):
            return [phrases.subject_after_abstract(v, before, after, cend) or before]
        if hit.finite < hit.head and self._participle_after_apposition(hit.head, lo):
            # the subject with its apposition, between the auxiliary and the participle
            whole = phrases.strip_range(v, phrases.skip_adverbs(v, after, hit.head - 1), hit.head - 1)
            if whole:
                return [whole]
        sub = phrases.subject_after(v, after, cend, apposition_to=cend)
        if sub:
            return [sub]
        parsed = self._parse_subject(hit, lo, cend)
        return [parsed] if parsed else []

    def _shared_subject(self, lo: int, comma: int) -> Range | None:
        """The subject of a main clause in ``[lo, comma)`` that a verb after the comma shares: a
        noun phrase opening the clause right before its verb ("Die Vereinten Nationen bestätigten
        den Vorfall")."""
        v = self.v
        end = phrases.noun_phrase(v, lo, comma)
        if end is None or end >= comma or not phrases.lower_verb(v, end) or v.lower[lo] in phrases.NOT_SUBJECT_START:
            return None
        if phrases.fronted_object(v, lo, end) or any(v.words[k] in (",", ":", "(") for k in range(lo, comma)):
            return None  # one clause, no apposition or inserted phrase: "A wies X zurück, die Sprecherin …, B, erklärte"
        return (lo, end)

    def _parse_subject(self, hit: CueHit, lo: int, hi: int) -> Range | None:
        """The cue verb's subject in the parse, within ``[lo, hi)`` and apart from the cue.

        Only a fallback for the shape rules: on a verb-second clause with a fronted object or
        adverbial ("Besorgt äußerte sich Kofi Annan …") a small parser often takes the fronted
        phrase for the subject, where the shape rules are right; where they find nothing (a
        relative pronoun, "man", "davon ausgehen, dass"), the parse is mostly right."""
        if not self.s.parse_speaker or not self.v.has_dependencies():
            return None
        for verb in dict.fromkeys((hit.head, hit.finite)):
            sub = phrases.subject_from_parse(self.v, verb)
            if sub is None:
                continue
            b, e = sub
            if b < lo or e > hi or any(b <= t < e for t in hit.tokens) or any(self.used[b:e]):
                return None
            return phrases.strip_range(self.v, b, e)
        return None

    def _addressee(self, hit: CueHit, b: int, e: int, speaker: list[Range]) -> list[Range]:
        skip = speaker[0] if speaker else None
        if not speaker and hit.entry is not None and hit.entry.lemma in phrases.ADDRESSEE_VERBS and self._passive(hit):
            # "Der Ministerin wird vorgeworfen, …": the fronted dative is the addressee.
            field = phrases.subject_before(self.v, b, hit.finite)
            if field:
                return [field]
        found = phrases.addressee_in(self.v, b, e, skip)
        if found is None and hit.entry is not None and hit.entry.lemma in phrases.ADDRESSEE_VERBS and speaker and speaker[0][1] <= hit.finite:
            # "X warf der Regierung vor, …": the object after the verb.
            obj = phrases.noun_phrase(self.v, hit.finite + 1, e)
            if obj is not None and obj <= e:
                found = (hit.finite + 1, obj)
        return [found] if found else []

    def _attributive(self, b: int) -> bool:
        """A clause at ``b`` that is a relative or adverbial clause, not what was said: a small
        parser often takes "…, in dem …"/"…, weil …"/"…, wie …" for the cue verb's complement.
        ("…, das …" stays: as often a demonstrative opening what was said as a relative pronoun.)"""
        v = self.v
        first = v.lower[b]
        if first.startswith("welch") or first in german.SUBORDINATORS and first not in german.COMPLEMENTIZERS and first != "wonach":
            return True
        return first in german.PREPOSITIONS and b + 1 < v.n and v.lower[b + 1] in german.RELATIVE_PRONOUNS

    def _content_type(self, ranges: list[Range]) -> str:
        for b, e in ranges:
            if any(self.quote_at[i] != -1 for i in range(b, e)):
                return "mixed"
        return "indirect"

    def _quote_exactly(self, b: int, e: int) -> int | None:
        """The quote span that ``[b, e)`` is, give or take punctuation, or None."""
        v = self.v
        while e > b and v.words[e - 1] in SENT_END | {",", ":"} and self.quote_at[e - 1] == -1:
            e -= 1
        if e <= b:
            return None
        k = self.quote_at[b]
        if k != -1 and self.quotes[k].begin == b and self.quotes[k].end == e:
            return k
        return None

    def emit(self, found: Found) -> None:
        found.content = [r for r in found.content if r[1] > r[0]]
        if not found.content:
            return
        self.found.append(found)
        self.mark(found.content)
        self.mark(found.frame)
        self.mark(found.speaker)
        for b, e in found.content:
            for k in {self.quote_at[i] for i in range(b, e)} - {-1}:
                if found.type == "direct":
                    self.direct_done.add(k)

    def _cue_ranges(self, hit: CueHit) -> list[Range]:
        return _ranges(hit.tokens)

    def preposed(self, hit: CueHit, u: int, ub: int, ce: int, lo: int, cend: int) -> None:
        """``X sagte, dass …`` / ``X sagte: „…“`` / ``X kündigte an, … zu tun``."""
        v = self.v
        punct = v.words[cend] if cend < ce else ""
        comp = cend + 1 if punct in (",", ":") else cend
        if comp >= ce and not (comp < v.n and self.quote_at[comp] != -1):
            return
        hi = self.hi_of(comp, ce)
        takes = hit.entry.takes if hit.entry else frozenset()
        quote_k = self.quote_at[comp] if comp < v.n else -1
        rule = None
        if quote_k != -1 and self.quotes[quote_k].begin == comp:
            q = self.quotes[quote_k]
            if punct in (",", ":") or "direct" in takes or "reported" in takes or q.inner >= self.s.min_direct_tokens:
                return self.direct_with_frame(quote_k, hit, u, lo, comp, rule=f"direct: {'colon' if punct == ':' else 'frame'} before the quote")
            return
        if punct not in (",", ":"):
            return
        lw = v.lower[comp]
        conf = 0.8
        if punct == ":":
            rule, conf = "indirect: clause after a colon", 0.6
        elif lw in german.COMPLEMENTIZERS:
            rule, conf = f"indirect: '{lw}'-clause", 0.85
        elif lw in german.WH_WORDS and "clause" in takes and lw != "wie":
            rule, conf = "indirect: question clause", 0.6
        elif "clause" in takes and self._konjunktiv_main_clause(comp, hi):
            rule = "indirect: Konjunktiv clause"
        elif "zu" in takes and self._zu_infinitive(comp, hi):
            rule, conf = "indirect: zu-infinitive", 0.7
        elif self.s.plain_clauses and hit.entry is not None and hit.entry.lemma in PLAIN_CLAUSE_CUES and self._main_clause(comp, hi):
            rule, conf = "indirect: clause after a speech verb", 0.55
        content = [(comp, hi)]
        if rule is None:
            parsed = phrases.content_from_parse(v, hit.head) if self.s.parse_content else None
            if not parsed or parsed[0][0] < comp or not self.free_range(parsed[0][0], parsed[-1][1]) or self._attributive(parsed[0][0]):
                return
            rule, conf, content = "indirect: clausal complement in the parse", 0.6, parsed
        if self._quote_exactly(comp, hi) is not None:
            return self.direct_with_frame(self.quote_at[comp], hit, u, lo, comp, rule="direct: frame before the quote")
        speaker = self._speaker_preposed(hit, lo, cend)
        frame = [(lo, comp)]
        self.emit(Found(
            content=content, type=self._content_type(content), rule=rule, confidence=conf, speaker=speaker,
            cue=self._cue_ranges(hit), addressee=self._addressee(hit, lo, comp, speaker), frame=frame, unit=u,
            detail=hit.text_lemma,
        ))

    def direct_with_frame(self, k: int, hit: CueHit | None, u: int, lo: int, comp: int, rule: str) -> None:
        if k in self.direct_done:
            return
        q = self.quotes[k]
        speaker = self._speaker_preposed(hit, lo, comp - 1 if comp > lo else comp) if hit else []
        if hit is None:
            speaker = self._speaker_without_cue(lo, comp - 1 if comp > lo else comp)
        self.emit(Found(
            content=[(q.begin, q.end)], type="direct", rule=rule, confidence=0.9 if hit else 0.7, speaker=speaker,
            cue=self._cue_ranges(hit) if hit else [], addressee=self._addressee(hit, lo, comp, speaker) if hit else [],
            frame=[(lo, comp)], unit=u, detail=hit.text_lemma if hit else "",
        ))

    def _speaker_without_cue(self, lo: int, end: int) -> list[Range]:
        """The speaker of a frame with no known cue ("Der Bundestrainer zeigte sich zufrieden:",
        "Merkel:"): the subject of its first verb, or the frame itself when it is a name."""
        v = self.v
        if end - lo <= 6 and phrases.noun_phrase(v, lo, end) == end:
            return [(lo, end)]
        finite = next((k for k in range(lo, end) if phrases.lower_verb(v, k)), None)
        if finite is None:
            return []
        sub = phrases.verb_second_subject(v, lo, finite, end) or phrases.subject_after(v, finite + 1, end)
        if sub and phrases.abstract_phrase(v, *sub) and not self._source_head(sub):
            return []  # no one speaks: "Seine Zuversicht gründet sich auf …: „…“"
        return [sub] if sub else []

    def _source_head(self, r: Range) -> bool:
        """Whether a phrase's noun is a source or a cue noun ("Die Erklärung", "Nach Angaben")."""
        k = phrases.head_noun(self.v, *r)
        if k is None:
            return False
        lk = self.v.lower[k]
        return is_source_noun(lk) or self.v.lemma(k) in self.lex.nouns

    def postposed(self, hit: CueHit, u: int, ub: int, ce: int, cs: int) -> bool:
        """``…, sagte X.`` / ``„…“, so X.``: the content is before the cue clause."""
        v = self.v
        comma = cs - 1 if v.words[cs - 1] == "," or hit.kind == "so" and v.words[cs - 1] == "–" else cs
        lo = self.lo_of(ub, comma)
        before = self.quote_at[comma - 1] if comma > 0 else -1
        if before != -1 and self.quotes[before].end == comma and ub <= self.quotes[before].begin < lo and self.free_range(self.quotes[before].begin, lo):
            lo = self.quotes[before].begin  # a quote longer than the scan: „… (a hundred words) …“, sagte X
        if comma - lo < 2:
            return False
        if (hit.kind == "verb" and hit.finite != hit.head and hit.entry is not WISSEN_WOLLEN
                and v.lower[hit.finite] not in ("hat", "hatte", "haben", "hatten", "habe", "ist", "war", *LASSEN)):
            return False  # "…, sollte sich diese entscheiden, …" is a condition, not a report
        if hit.entry is WISSEN_WOLLEN and self._quote_exactly(lo, comma) is None:
            return False  # only a quoted question: "Sie sollte, wollte sie das wissen, fragen" is a condition
        inserted = self._inserted_so_end(hit, ce) if hit.kind == "so" else None
        if (not any(self.quote_at[j] == -1 and german.is_verb_form(v.words[j]) for j in range(lo, comma)) and self._quote_exactly(lo, comma) is None
                and inserted is None):
            return False  # "Bei einer Pressekonferenz in Hanoi, kündigte …": no clause before the comma (but "Die Lage, so Obama, sei ernst")
        if hit.kind == "verb" and self._subject_field(lo, comma):
            return False  # "Hans-Jürgen Papier, Präsident des Gerichts, sagte, …": a subject, not content
        cend = self.clause_end(hit.last + 1, ce) if hit.kind == "so" else self.clause_end(hit.last, ce)
        # The frame runs to the end of the sentence when only an apposition follows.
        sub = phrases.subject_after(v, hit.finite + 1, ce, apposition_to=ce)
        if hit.entry is not None and hit.entry.lemma == "heißen":
            source = self._source_in_field(hit, hit.finite)  # "…, heißt es in einer Mitteilung der Polizei"
            sub = source[0] if source else None
        if sub is None and hit.kind == "verb" and hit.entry is not None and hit.entry.lemma != "heißen":
            sub = self._parse_subject(hit, hit.finite + 1, ce)
        if sub is None and hit.kind == "verb" and hit.finite == cs and not self._passive(hit) and self._shared_subject(lo, comma) is not None:
            return False  # a second verb of the clause before: "Die UN bestätigten den Vorfall, teilten jedoch mit, …"
        frame_end = cend
        if sub and sub[1] > cend:
            frame_end = sub[1]
        if inserted is not None:
            frame_end, after = inserted, (inserted + 1, ce)
        elif frame_end < ce and v.words[frame_end] == "," and frame_end + 1 < ce:
            after = (frame_end + 1, ce)
        else:
            after = None
        content = [(lo, comma)]
        k = self._quote_exactly(lo, comma)
        rule = f"{'direct' if k is not None else 'indirect'}: postposed {'so' if hit.kind == 'so' else 'cue'}"
        if k is not None:
            if k in self.direct_done:
                return False
            qtype = "direct"
            content = [(self.quotes[k].begin, self.quotes[k].end)]
        else:
            if after:
                content.append(after)
            qtype = self._content_type(content)
        frame = [(comma, frame_end)]
        speaker = [sub] if sub else []
        if after is not None and k is None:
            frame = [(comma, frame_end + 1)]
        self.emit(Found(
            content=content, type=qtype, rule=rule, confidence=0.85, speaker=speaker, cue=self._cue_ranges(hit),
            addressee=self._addressee(hit, hit.finite + 1, frame_end, speaker), frame=frame, unit=u, detail=hit.text_lemma,
        ))
        return True

    def _inserted_so_end(self, hit: CueHit, ce: int) -> int | None:
        """The comma or dash that closes an inserted "so X" with the sentence going on after it
        ("Die Lage, so Obama weiter, sei ernst", "… – so der Vorwurf –, …"), or None."""
        v = self.v
        end = phrases.noun_phrase(v, hit.head + 1, ce)
        if end is None:
            return None
        while end < ce and v.lower[end] in german.ADVERBS:
            end += 1  # "so Obama weiter"
        if end < ce and v.words[end] == "–" and end + 1 < ce and v.words[end + 1] == ",":
            end += 1
        if end + 2 < ce and v.words[end] in (",", "–") and v.words[hit.head - 1] in (",", "–"):
            return end
        return None

    def wie_clause(self, hit: CueHit, u: int, ub: int, ce: int, cs: int, cend: int, lo: int) -> None:
        """``…, wie X berichtete.`` / ``Wie X mitteilte, …``."""
        v = self.v
        start = phrases.skip_adverbs(v, cs + 1, hit.first)
        sub = phrases.noun_phrase(v, start, hit.first)
        speaker = [(start, sub)] if sub else []
        if sub is not None and sub < hit.first and v.words[sub] == ",":
            whole = phrases.strip_range(v, start, hit.first)
            if whole and self._subject_field(*whole):
                speaker = [whole]
        if cs > lo and v.words[cs - 1] == ",":
            content = [(lo, cs - 1)]
            fb = cs - 1
            if cend < ce and v.words[cend] == ",":
                content.append((cend + 1, self.hi_of(cend + 1, ce)))
                fe = cend + 1
            else:
                fe = cend
            rule = "indirect: postposed wie-clause"
        elif cs == lo and cend < ce and v.words[cend] == ",":
            content = [(cend + 1, self.hi_of(cend + 1, ce))]
            fb, fe = cs, cend + 1
            rule = "indirect: preposed wie-clause"
        else:
            return
        if sum(e - b for b, e in content) < 2:
            return
        k = self._quote_exactly(*content[0]) if len(content) == 1 else None
        qtype = "direct" if k is not None else self._content_type(content)
        self.emit(Found(
            content=content, type=qtype, rule=rule.replace("indirect", qtype), confidence=0.8, speaker=speaker,
            cue=self._cue_ranges(hit), frame=[(fb, fe)], unit=u, detail=hit.text_lemma,
        ))

    def source_phrase(self, hit: CueHit, u: int, ub: int, ue: int, ce: int) -> None:
        """``laut X`` / ``gemäß X`` / ``nach Angaben X``: the rest of the sentence is the content."""
        v = self.v
        i = hit.head
        end = phrases.noun_phrase(v, i + 1, ce, one_noun=hit.kind == "nach")
        if end is None:
            return
        if hit.kind == "nach" and "eigenen" in v.lower[i + 1:end]:
            return self.own_account(hit, u, ub, ue, ce, end)
        self._around(hit, u, ub, ce, (i, end), [(i + 1, end)], f"indirect: '{v.lower[i]} X'")

    def own_account(self, hit: CueHit, u: int, ub: int, ue: int, ce: int, end: int) -> None:
        """``X hält nach eigenen Angaben … für möglich``: the sentence reports X's view."""
        v = self.v
        lo = self.lo_of(ub, hit.head)
        finite = next((k for k in range(lo, hit.head) if german.is_verb_form(v.words[k])), None)
        speaker = phrases.subject_before(v, lo, finite) if finite is not None else None
        if speaker is None:
            return
        self.emit(Found(
            content=[(lo, ue)], type="reported", rule="reported: 'nach eigenen Angaben'", confidence=0.6, speaker=[speaker],
            cue=[(hit.head, end)], unit=u, label="Reported", detail="nach",
        ))

    def zufolge(self, hit: CueHit, u: int, ub: int, ce: int) -> None:
        v = self.v
        i = hit.head
        lo = self.lo_of(ub, i)
        cs = self.clause_start(i, lo)
        s = i
        while s > cs and (v.is_cap(s - 1) or v.lower[s - 1] in german.DETERMINERS or phrases._is_adjective_like(v, s - 1) or v.lower[s - 1] in ("von", "vom")):
            s -= 1
        if s == i:
            return
        self._around(hit, u, ub, ce, (s, i + 1), [(s, i)], "indirect: 'X zufolge'")

    def _around(self, hit: CueHit, u: int, ub: int, ce: int, frame: Range, speaker: list[Range], rule: str) -> None:
        v = self.v
        lo = self.lo_of(ub, frame[0])
        hi = self.hi_of(frame[1], ce)
        left = (lo, frame[0])
        right = (frame[1], hi)
        while left[1] > left[0] and v.words[left[1] - 1] == ",":
            left = (left[0], left[1] - 1)
        while right[0] < right[1] and v.words[right[0]] == ",":
            right = (right[0] + 1, right[1])
        content = [r for r in (left, right) if r[1] - r[0] > 0]
        if sum(e - b for b, e in content) < 3:
            return
        k = self._quote_exactly(*content[0]) if len(content) == 1 else None
        qtype = "direct" if k is not None else self._content_type(content)
        self.emit(Found(
            content=content, type=qtype, rule=rule, confidence=0.8, speaker=speaker, cue=self._cue_ranges(hit),
            frame=[frame], unit=u, detail=hit.kind,
        ))

    def adverb_cue(self, hit: CueHit, u: int, ub: int, ce: int) -> None:
        i = hit.head
        hi = self.hi_of(i + 1, ce)
        if hi - (i + 1) < 3:
            return
        self.emit(Found(
            content=[(i + 1, hi)], type=self._content_type([(i + 1, hi)]), rule="indirect: 'demnach'", confidence=0.6,
            # "Demnach" stands for the source of the sentence before and is, as the corpus has it, the speaker span
            speaker=[(i, i + 1)], cue=[(i, i + 1)], frame=[(i, i + 1)], unit=u, detail="demnach",
        ))

    def noun_cue(self, hit: CueHit, u: int, ub: int, ce: int) -> None:
        """``die südkoreanische Ankündigung, … nachzudenken``, ``die Forderung der Gewerkschaft, dass …``."""
        v = self.v
        i = hit.head
        end = phrases.noun_phrase(v, i, ce) or i + 1
        if end >= ce or v.words[end] != ",":
            return
        comp = end + 1
        hi = self.hi_of(comp, ce)
        takes = hit.entry.takes
        if v.lower[comp] in german.COMPLEMENTIZERS:
            rule = f"indirect: '{v.lower[comp]}'-clause after a noun"
        elif "zu" in takes and self._zu_infinitive(comp, hi) and self.clause_end(comp, hi) == hi:
            rule = "indirect: zu-infinitive after a noun"
        elif self._konjunktiv_main_clause(comp, hi):
            rule = "indirect: Konjunktiv clause after a noun"
        else:
            return
        speaker = [(i + 1, end)] if end > i + 1 else []
        if not speaker and i > ub and v.lower[i - 1].endswith(("ische", "ischen")):
            speaker = [(i - 1, i)]  # "die südkoreanische Ankündigung"
        lo = self.lo_of(ub, i)
        self.emit(Found(
            content=[(comp, hi)], type=self._content_type([(comp, hi)]), rule=rule, confidence=0.5, speaker=speaker,
            cue=[(i, i + 1)], frame=[(lo, comp)], unit=u, detail=hit.entry.lemma,
        ))

    def wonach(self, hit: CueHit, u: int, ub: int, ce: int) -> None:
        v = self.v
        i = hit.head
        end = self.clause_end(i + 1, ce)
        if end - (i + 1) < 2:
            return
        lo = self.lo_of(ub, i)
        speaker = [(i, i + 1)]  # "wonach" itself, resolved to the noun before its comma
        if i - 1 > lo and v.words[i - 1] == ",":
            # the noun phrase that ends at the comma: "eine Schätzung, wonach …"
            b = next((b for b in range(lo, i - 1) if (v.lower[b] in german.DETERMINERS or v.is_cap(b)) and phrases.noun_phrase(v, b, i - 1) == i - 1), None)
            if b is not None:
                speaker = [(b, i - 1)]
        self.emit(Found(
            content=[(i + 1, end)], type=self._content_type([(i + 1, end)]), rule="indirect: 'wonach'", confidence=0.6,
            cue=[(i, i + 1)], frame=[(lo, i + 1)], speaker=speaker, unit=u, detail="wonach",
        ))

    # -- clause tests ----------------------------------------------------------------------

    def _subject_field(self, b: int, e: int) -> bool:
        """``[b, e)`` reads as a subject with appositions and relative clauses, not as a clause:
        "Hans-Jürgen Papier, Präsident des Gerichts", "Putin, der am Mittwoch … unterzeichnet hatte"."""
        v = self.v
        if phrases.noun_phrase(v, b, e) is None:
            return False
        segment_start = b
        for k in range(b, e + 1):
            if k < e and (v.words[k] != "," or self.quote_at[k] != -1):
                continue
            first = v.lower[segment_start] if segment_start < e else ""
            relative = first in german.RELATIVE_PRONOUNS or (
                first in german.PREPOSITIONS and segment_start + 1 < e and v.lower[segment_start + 1] in german.RELATIVE_PRONOUNS)
            if not (relative and segment_start > b):
                if any(self.quote_at[j] == -1 and german.is_verb_form(v.words[j]) for j in range(segment_start, k)):
                    return False
            segment_start = k + 1
        return True

    def _finite_konjunktiv(self, b: int, e: int, moods: tuple = ("I", "II")) -> int | None:
        """The first finite Konjunktiv verb in ``[b, e)`` outside quotes (of the given moods)."""
        v = self.v
        for k in range(b, min(e, b + MAX_SCAN)):
            if self.quote_at[k] != -1:
                continue
            m = v.mood(k)
            if m is None or m not in moods:
                continue
            if k > 0 and v.lower[k - 1] in german.FIRST_PERSON or k + 1 < v.n and v.lower[k + 1] in german.FIRST_PERSON:
                continue
            if m == "II" and v.lower[k] in WEAK_KONJUNKTIV:
                continue
            if k + 1 < e and v.is_cap(k + 1) and k > b and (v.lower[k - 1] in german.DETERMINERS or phrases._is_adjective_like(v, k - 1)):
                continue  # an adjective: "ihre warme weiche Stimme"
            return k
        return None

    def _main_clause_konjunktiv(self, b: int, e: int, moods: tuple) -> int | None:
        """A Konjunktiv verb of a main clause in ``[b, e)``, not of a "da …"/"wenn …"/relative clause."""
        v = self.v
        k = b
        while k < e:
            k = self._finite_konjunktiv(k, e, moods)
            if k is None:
                return None
            start = self.clause_start(k, b)
            first = v.lower[start]
            if not (first in german.SUBORDINATORS or first in german.RELATIVE_PRONOUNS and start > b
                    or any(v.lower[j] in HYPOTHETICAL for j in range(start, k))):
                return k
            k += 1
        return None

    def _weak_past_plural(self, b: int, e: int) -> int | None:
        """A plural of a weak verb in -ten ("arbeiteten") as the first verb of the sentence: right
        after a quote it is read as Konjunktiv II standing in for the plural Konjunktiv I."""
        v = self.v
        for k in range(b, min(e, b + 12)):
            w = v.lower[k]
            if self.quote_at[k] != -1 or not v.words[k].islower():
                continue
            if german.is_verb_form(w):
                lem = v.lemma(k)
                if w.endswith("ten") and lem.endswith("en") and w in (lem[:-2] + "ten", lem[:-2] + "eten"):
                    return k
                return None
        return None

    def _konjunktiv_main_clause(self, b: int, e: int) -> bool:
        """A clause with a Konjunktiv verb near its start: "es gehe um …", "der Pilot trage …"."""
        if self.v.lower[b] in german.SUBORDINATORS:
            return False  # "…, da solche Handlungen … verstoßen würden": a reason, not what was said
        end = self.clause_end(b, e)
        k = self._finite_konjunktiv(b, min(end, b + 8))
        if k is None:
            k = self._konjunktiv_after_inserted_clause(b, end, e)
        if k is None:
            return False
        return not any(self.v.lower[j] in HYPOTHETICAL for j in range(b, k))

    def _konjunktiv_after_inserted_clause(self, b: int, end: int, e: int) -> int | None:
        """The Konjunktiv verb right after a clause set in commas into the first phrase: a relative
        clause ("Giuliana Sgrena, die … befunden hatte, habe …") or a zu-infinitive ("über den
        Versuch, die Veröffentlichung zu verhindern, sei er …")."""
        v = self.v
        if end + 2 >= e or v.words[end] != "," or any(phrases.lower_verb(v, k) for k in range(b, end)):
            return None
        close = self.clause_end(end + 1, e)
        if close + 1 >= e or v.words[close] != ",":
            return None
        relative = v.lower[end + 1] in german.RELATIVE_PRONOUNS
        if not (relative or close - 2 > end and (v.lower[close - 2] == "zu" or ZU_INFINITIVE.match(v.lower[close - 1]))):
            return None
        return self._finite_konjunktiv(close + 1, close + 2)

    def _zu_infinitive(self, b: int, e: int) -> bool:
        """A zu-infinitive in the first clauses after ``b``: "… zu liefern", "… anzugreifen"."""
        v = self.v
        for k in range(b, min(e, b + 30)):
            if self.quote_at[k] != -1:
                continue
            lw = v.lower[k]
            if ZU_INFINITIVE.match(lw) and lw.endswith(("en", "ern", "eln")):
                return True
            if lw == "zu" and k + 1 < e and v.words[k + 1].islower() and v.lower[k + 1].endswith(("en", "ern", "eln", "n")) and not v.lower[k + 1] in german.DETERMINERS:
                return True
        return False

    def _main_clause(self, b: int, e: int) -> bool:
        v = self.v
        lw = v.lower[b]
        if lw in german.SUBORDINATORS or lw in german.COORDINATORS or lw in german.RELATIVE_PRONOUNS and not (b + 1 < e and v.is_cap(b + 1)):
            return False
        end = self.clause_end(b, e)
        # A clause has a verb; "sagte Jon Bon Jovi, Gründer der Band: …" has an apposition.
        return end - b >= 3 and any(german.is_verb_form(w) for w in v.words[b:end])

    # -- quotes without a cue --------------------------------------------------------------

    def direct_quotes(self, u: int, ub: int, ue: int, ce: int, cues: list[CueHit]) -> None:
        """Quotes after a colon: ``X sagte in Vietnam: „…“``, ``Merkel: „…“``."""
        v = self.v
        for k in sorted({self.quote_at[i] for i in range(ub, ue)} - {-1}):
            q = self.quotes[k]
            if k in self.direct_done or self.used[q.begin] or q.begin < ub:
                continue
            lo = self.lo_of(ub, q.begin)
            if q.begin > lo and v.words[q.begin - 1] == ":":
                governing = [c for c in cues if c.kind == "verb" and lo <= c.first < q.begin and not self.used[c.head]]
                self.direct_with_frame(k, governing[-1] if governing else None, u, lo, q.begin, rule="direct: colon before the quote")

    def uncued_quotes(self, u: int, ub: int, ue: int, ce: int, last: Found | None) -> None:
        """Quote marks with no cue that read as statements (not scare quotes): direct quotes, with
        the speaker of the quote just before when they stand alone, or a name right before them."""
        v = self.v
        for k in sorted({self.quote_at[i] for i in range(ub, ue)} - {-1}):
            q = self.quotes[k]
            if k in self.direct_done or self.used[q.begin] or q.begin < ub:
                continue
            if q.inner < self.s.min_direct_tokens and not self._statement(q):
                continue
            lo = self.lo_of(ub, q.begin)
            alone = lo == q.begin and self.hi_of(q.end, ce) == q.end
            speaker: list[Range] = []
            rule = "direct: quote marks"
            if alone and last is not None and last.speaker:
                speaker = list(last.speaker)
                rule = "direct: quote marks, speaker of the previous quote"
            else:
                name = q.begin
                while name > lo and v.is_cap(name - 1) and german.is_noun(v.words[name - 1]) and q.begin - name < 6:
                    name -= 1
                if name < q.begin and name > lo and v.is_cap(name - 1) and v.lower[name - 1].endswith(("er", "e", "es", "en")):
                    name -= 1  # a capitalised adjective: "Russischer Präsident Putin"
                if name < q.begin:
                    # A headline: Russischer Präsident Putin "Waffenlieferungen sind möglich".
                    speaker = [(name, q.begin)]
                    rule = "direct: name before the quote"
            self.emit(Found(content=[(q.begin, q.end)], type="direct", rule=rule, confidence=0.6, speaker=speaker, unit=u))

    def _statement(self, q: QuoteSpan) -> bool:
        v = self.v
        inner_end = q.end - 1 if q.closed else q.end
        return q.inner >= 3 and any(v.words[i] in SENT_END for i in range(q.begin + 1, inner_end))

    def continuation(self, u: int, ub: int, ue: int, ce: int, last: Found | None) -> None:
        """Units with no cue: free indirect speech, ``soll``-rumours, reported speech."""
        v = self.v
        if ce - ub < 3 or any(self.used[ub:ue]):
            return
        ends_sentence = ce < ue or self.quote_at[ue - 1] != -1
        if self.s.free_indirect and ends_sentence:
            # Without a quote just before, Konjunktiv II is mostly conditional, not reported.
            k = self._main_clause_konjunktiv(ub, ce, ("I", "II") if last is not None else ("I",))
            if k is None and last is not None and last.unit == u - 1:
                k = self._weak_past_plural(ub, ce)
            if k is not None:
                speaker = self._inherited_speaker(last, u)
                prev = self.found[-1] if self.found else None
                if (self.s.merge_free_indirect and prev is not None and prev is last and prev.rule == FREE_INDIRECT
                        and prev.unit == u - 1):
                    prev.content = [(prev.content[0][0], ue)]
                    prev.unit = u
                    self.mark(prev.content)
                    return
                self.emit(Found(
                    content=[(ub, ue)], type="free_indirect", rule=FREE_INDIRECT,
                    confidence=0.6 if last is not None else 0.4, speaker=speaker, unit=u, detail=v.words[k],
                    label="IndirectFreeIndirect",
                ))
                return
        if self.s.rumour and (self._rumour(ub, ce) or last is not None and self._rumour(ub, ce, perfect=False)):
            speaker = self._inherited_speaker(last, u)
            self.emit(Found(
                content=[(ub, ue)], type="free_indirect", rule="free indirect: 'soll … haben'", confidence=0.5,
                speaker=speaker, unit=u, label="FreeIndirect",
            ))
            return
        if self.s.reported:
            self.reported(u, ub, ue, ce)

    def _inherited_speaker(self, last: Found | None, u: int) -> list[Range]:
        """The speaker a continuation inherits: that of the quote just before, or of the latest
        quote that had one (within ``speaker_window`` sentences)."""
        if last is not None and last.speaker:
            return list(last.speaker)
        if self.speaker_source is not None:
            return list(self.speaker_source.speaker)
        sub = self._context_speaker(u) if self.s.context_speaker != "off" else None
        return [sub] if sub else []

    def _context_speaker(self, u: int) -> Range | None:
        """The subject of the sentence before unit ``u`` ("Primus wies den Vorwurf zurück. In
        Zeiten knapper Kassen sei die Studie richtig."), with ``context_speaker="cue"`` only when
        that sentence has a verb of the lexicon. Read off the parse where there is one."""
        if u == 0:
            return None
        v = self.v
        b, e = self.units[u - 1]
        e = self.core_end(b, min(e, b + MAX_SCAN))
        finite = next((k for k in range(b, min(e, b + 12)) if self.quote_at[k] == -1 and v.words[k].islower()
                       and german.is_verb_form(v.words[k])), None)
        if finite is None:
            return None
        if self.s.context_speaker == "cue":
            hit = self._verb_cue(finite, b, e) if v.lower[finite] not in CLOSED_CLASS or v.lower[finite] in german.AUXILIARIES else None
            if hit is None:
                # "hat … zurückgewiesen": the cue is the participle after the auxiliary
                hit = next((h for k in range(finite + 1, e) if v.words[k].isalpha() and v.words[k].islower() and v.lower[k] not in CLOSED_CLASS
                            and self.quote_at[k] == -1 for h in [self._verb_cue(k, b, e)] if h is not None and h.finite == finite), None)
            if hit is None:
                return None
            if self._passive(hit):
                agent = self._agent(hit, b)
                return agent[0] if agent and not any(self.used[agent[0][0]:agent[0][1]]) else None
        if self.s.parse_speaker and v.has_dependencies():
            doc = v.doc
            root = next((k for k in range(b, e) if doc[v.doc_index[k]].head.i == v.doc_index[k]), None)
            sub = phrases.subject_from_parse(v, root) if root is not None else None
        else:
            sub = phrases.verb_second_subject(v, b, finite, e)
        if sub is None or sub[0] < b or sub[1] > e or any(self.used[sub[0]:sub[1]]):
            return None
        return phrases.strip_range(v, *sub)

    def _rumour(self, b: int, e: int, perfect: bool = True) -> bool:
        """``soll … getötet haben``: sollen with a perfect infinitive (any infinitive with
        ``perfect=False``), in a main clause."""
        v = self.v
        for k in range(b, min(e, b + MAX_SCAN)):
            if v.lower[k] in ("soll", "sollen") and self.quote_at[k] == -1:
                if v.lower[self.clause_start(k, b)] in german.SUBORDINATORS:
                    continue
                if not perfect:
                    return True
                end = self.clause_end(k, e)
                tail = v.lower[max(k + 1, end - 3):end]
                if tail and tail[-1] in ("haben", "sein") and len(tail) >= 2 and (tail[-2].startswith("ge") or tail[-2].endswith(("t", "en")) or tail[-2] == "worden"):
                    return True
        return False

    def reported(self, u: int, ub: int, ue: int, ce: int) -> None:
        """A reporting verb with its subject and no clause: ``Die Opposition forderte den Rücktritt.``"""
        v = self.v
        for i in range(ub, min(ce, ub + 12)):
            if self.quote_at[i] != -1 or not v.words[i].islower() or v.lower[i] in CLOSED_CLASS:
                continue
            lemma = v.lemma(i)
            entry = self.lex.verb(lemma)
            if entry is None or "reported" not in entry.takes:
                continue
            if not _looks_finite(v, i, lemma):
                aux = next((k for k in range(i - 1, ub - 1, -1) if v.lower[k] in german.AUXILIARIES), None)
                if aux is None and v.lower[i] == lemma:
                    aux = i  # a plural present ("bestreiten"), not an infinitive
                if aux is None or v.lower[aux] in WERDEN or i + 1 < ce and v.lower[i + 1] in WERDEN:
                    return  # none, or a passive: "wurde … kritisiert" names no speaker as subject
                i = aux
            sub = phrases.verb_second_subject(v, ub, i, ce)
            if sub is None:
                return
            self.emit(Found(
                content=[(ub, ue)], type="reported", rule="reported: reporting verb without a clause", confidence=0.4,
                speaker=[sub], unit=u, detail=entry.lemma, label="Reported",
            ))
            return

    def add_nested(self) -> None:
        """Quote marks inside indirect, free indirect and reported content: nested direct quotes."""
        extra = []
        for f in self.found:
            if f.type == "direct":
                continue
            ks = sorted({self.quote_at[i] for b, e in f.content for i in range(b, e)} - {-1})
            for k in ks:
                q = self.quotes[k]
                if not any(b <= q.begin and q.end <= e for b, e in f.content):
                    continue
                extra.append(Found(
                    content=[(q.begin, q.end)], type="direct", rule=f"direct: quoted words inside {f.type.replace('_', ' ')} speech",
                    confidence=0.5, speaker=list(f.speaker), cue=list(f.cue), addressee=list(f.addressee), frame=list(f.frame),
                    nested=True, unit=f.unit, label="Direct",
                ))
                if f.type == "indirect":
                    f.type = "mixed"
        self.found.extend(extra)


def _looks_finite(view: TokenView, i: int, lemma: str) -> bool:
    """False for an infinitive or a participle ("sagen", "gesagt", "angekündigt"), and for a
    form that may be a participle ("erklärt"): those look for an auxiliary.

    >>> from quotes.nlp.builtin import make_builtin
    >>> v = TokenView(make_builtin()("sagte gesagt mitgeteilt erklärt"))
    >>> [_looks_finite(v, i, v.lemma(i)) for i in range(4)]
    [True, False, False, False]
    """
    w = view.lower[i]
    if w == lemma or w.startswith("ge") and not lemma.startswith("ge"):
        return False
    if "ge" in w[1:] and not "ge" in lemma[1:]:
        return False
    return not (w.endswith("t") and not w.endswith("te"))
