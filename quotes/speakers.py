"""Speaker resolution within one document: from a speaker mention to the person it denotes.

``resolve_speakers`` fills ``speaker_id`` on every quote with the canonical name of its speaker:
the fullest name the article gives ("Wladimir Putin" for "Putin", "er" or "Russlands Präsident"),
or, for a speaker the article never names, the fullest description of it ("Ein hochrangiger
Regierungsvertreter"). Organisations and media stay as they are ("Reuters", "Regierung in Seoul").

It works on text and spans only (regular expressions and small word lists, no parser), so every
extractor shares it and it costs little next to extraction. What it handles:

- names: the fullest form in the article that contains the mention ("Jong-chon" → "Pak Jong-chon");
- descriptions and roles: tied to a name by a title before the name ("Russlands Präsident Putin")
  or an apposition ("Der Sprecher …, Matthew Miller," / "Jake Sullivan, der Nationale …,");
- pronouns (er, sie, es, der, diese, demnach …): the nearest earlier speaker or person that agrees
  in gender and number, earlier speakers preferred (they are the subjects of their sentences);
- quotes without a speaker (free indirect continuations): the speaker of the quote before.

Each resolution appends a readable line to the quote's ``trace``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from .types import Document, Quote

MENTION_KINDS: tuple[str, ...] = ("name", "partial_name", "pronoun", "description", "none")

# Pronoun → (gender, number) it asks of its antecedent; None accepts any.
PRONOUNS: dict[str, tuple[str | None, str | None]] = {
    "er": ("m", "sg"), "ihm": ("m", "sg"), "ihn": ("m", "sg"), "der": ("m", "sg"), "dieser": ("m", "sg"),
    "jener": ("m", "sg"), "derselbe": ("m", "sg"),
    "sie": (None, None), "die": (None, None), "diese": (None, None), "ihr": (None, None), "jene": (None, None),
    "es": ("n", "sg"), "dies": (None, None), "das": ("n", "sg"), "dieses": ("n", "sg"), "diesem": (None, "sg"),
    "eigenen angaben": (None, None), "eigenen angaben zufolge": (None, None), "nach eigenen angaben": (None, None),
    "ich": (None, "sg"), "wir": (None, "pl"), "man": (None, None),
    "demnach": (None, None), "dort": (None, None), "dieser zufolge": (None, None), "diesem zufolge": ("m", "sg"),
    "ihr zufolge": (None, None), "ihm zufolge": ("m", "sg"), "ihnen zufolge": (None, "pl"),
    "beide": (None, "pl"), "beiden": (None, "pl"),
}

DETERMINERS = frozenset(
    "der die das des dem den ein eine einer einem einen eines dieser diese dieses diesem diesen "
    "jeder jede jedes seine seiner seinem seinen ihre ihrer ihrem ihren unser unsere kein keine "
    "im am vom zum zur beim ins mehrere einige viele alle beide zwei drei vier".split()
)
INDEFINITE = frozenset("ein eine einer einem einen eines mehrere einige viele zwei drei vier".split())
# Capitalised words that are never part of a name (sentence-initial function words, months, days).
FUNCTION_WORDS = frozenset(
    w.lower() for w in (
        "Der Die Das Des Dem Den Ein Eine Einer Einem Einen Eines Er Sie Es Wir Ich Ihr Ihm Ihn Man "
        "Dies Diese Dieser Dieses Diesem Jener Laut Nach Bei In Im Am An Auf Aus Mit Von Vom Zu Zum Zur "
        "Für Über Unter Vor Seit Gegen Ohne Um Durch Auch Doch Aber Und Oder Denn So Wie Als Wenn Dass "
        "Da Daher Deshalb Demnach Zudem Außerdem Zuvor Dann Nun Jetzt Heute Gestern Morgen Bereits Noch "
        "Schon Nicht Kein Keine Alle Viele Mehrere Einige Beide Sein Seine Seiner Ihre Ihrer Unser Unsere "
        "Was Wer Wo Warum Weil Ob Obwohl Damit Dabei Darüber Hierzu Gleichzeitig Allerdings Jedoch "
        "Trotzdem Dennoch Inzwischen Mittlerweile Zunächst Später Erst Nur Sogar Hinter Neben Zwischen "
        "Während Bis Ab Per Pro Sowohl Weder Entweder Statt Trotz Wegen Hier Dort Darauf Danach Insgesamt "
        "Laut Zufolge Gemäß Angesichts Anlässlich Innerhalb Außerhalb Seitens Dazu Ebenso Ebenfalls "
        "Januar Februar März April Mai Juni Juli August September Oktober November Dezember "
        "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Sonnabend "
        "Herr Herrn Frau Dr Prof Sankt St Mr Mrs Ms Sir"
    ).split()
)
TITLES = {"herr": "m", "herrn": "m", "frau": "f", "mr": "m", "mrs": "f", "ms": "f", "sir": "m"}
# Heads of role nouns; a token is a role when it ends with one (compounds: "Regierungssprecher").
ROLE_HEADS = tuple(
    "präsident minister sprecher kanzler chef vorsitzend direktor leiter sekretär botschafter "
    "bürgermeister abgeordnet anwalt anwält richter experte expert analyst kandidat führer berater "
    "beauftragt premier gouverneur senator bischof papst könig prinz general oberst kommandeur "
    "professor pfarrer manager reporter korrespondent autor schriftsteller physiker forscher "
    "wissenschaftler arzt ärzt vertreter mitglied mitarbeiter aktivist zeuge diplomat offizier "
    "polizist ermittler beamt funktionär politiker gründer inhaber eigentümer besitzer trainer "
    "spieler sänger künstler regisseur journalist kommentator historiker ökonom soziologe staatschef "
    "regierungschef machthaber diktator herrscher stellvertreter koordinator rektor dekan landrat "
    "vize sprecherin häftling opfer kläger angeklagt verteidiger ankläger staatsanwalt "
    "ombudsmann kommissar senior vorstand aufsichtsrat geschäftsführer bewohner augenzeuge "
    "beobachter kritiker befürworter gegner demonstrant mutter vater sohn tochter bruder schwester "
    "ehefrau ehemann witwe frau mann polizeichef insider quelle rechtler redakteur moderator partner".split()
)
# Heads that introduce the name of an organisation or medium: "Tageszeitung Haaretz".
ORG_HEADS = tuple(
    "zeitung zeitschrift magazin sender agentur organisation partei verband gewerkschaft "
    "konzern unternehmen firma website portal institut behörde bewegung".split()
)
# Source nouns that wrap the real speaker: "Angaben der Polizei", "Polizeiangaben", "Medienberichten".
SOURCE_NOUNS = ("angaben", "aussagen", "aussage", "informationen", "berichten", "berichte", "bericht", "meldungen", "schätzungen", "erkenntnissen")
_WRAPPER = re.compile(
    r"^(?:(?:laut|nach|so|zufolge|gemäß|wie|auch)\s+)*"
    r"(?:(?:den\s+|der\s+|eigenen\s+|ersten\s+|offiziellen\s+|übereinstimmenden\s+|jüngsten\s+)*"
    r"(?:Angaben|Aussagen|Aussage|Informationen|Berichten|Berichte|Bericht|Meldungen|Schätzungen|Erkenntnissen|Auskunft|Worten"
    r"|Darstellung|Einschätzung|Auffassung|Ansicht|Sicht|Willen|Stellungnahme|Mitteilung|Pressemitteilung|Presseerklärung"
    r"|Erklärung|Vorschlag|Entscheidung|Verdacht)"
    r"(?:\s+(?:von|des|der|eines|einer|dem|vom|aus))\s+"
    r"|(?:in|im|bei|von|aus|auf)\s+(?:der|dem|den|des|einer|einem|seiner|ihrer)\s+(?=\S))?",
    re.IGNORECASE,
)
_COMMON_SUFFIXES = ("ung", "heit", "keit", "schaft", "ion", "ismus", "nahme", "ität", "tät", "ium", "ment", "nis", "ungen", "ei", "ie")
_FEMININE_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "ion", "tät", "ei", "ie", "ik", "ur")
_WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d[\w\-]*")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"“”»«'’)]*\s+(?=[„\"»«‚(]?[A-ZÄÖÜ0-9])|\n+")
_PARTICLES = frozenset("von van de di da del al el bin ibn zu ter ten le la du dos y der den".split())


@lru_cache(maxsize=1)
def first_names() -> dict[str, str | None]:
    """First name → the gender it usually marks ("m", "f"), None where both occur."""
    out: dict[str, str | None] = {}
    path = Path(__file__).parent / "data" / "first_names.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        gender, *names = line.split()
        for name in names:
            out[name] = gender if out.get(name, gender) == gender else None
    return out


def _stem(word: str) -> str:
    """A crude German stem for comparing inflected nouns and adjectives ("Präsidenten" ~ "Präsident")."""
    w = word.lower()
    for suffix in ("s", "n", "e"):
        if len(w) > 4 and w.endswith(suffix):
            w = w[: -len(suffix)]
    if len(w) > 5 and w.endswith("er") and w[-3] in "dt" and not w.endswith("ster"):
        w = w[:-2]
    return w


_ROLE_END = re.compile("(?:" + "|".join(sorted(ROLE_HEADS, key=len, reverse=True)) + ")(?:in|innen)?$")
_ORG_END = re.compile("(?:" + "|".join(sorted(ORG_HEADS, key=len, reverse=True)) + ")$")


@lru_cache(maxsize=65536)
def _is_role(token: str) -> bool:
    """A role noun ("Präsident", "Regierungssprecherin", "Ministers") or an organisation head."""
    w = token.lower().rsplit("-", 1)[-1]
    return any(_ROLE_END.search(f) for f in (w, w[:-1], w[:-2], _stem(w))) or _is_org_head(token)


@lru_cache(maxsize=65536)
def _is_org_head(token: str) -> bool:
    w = token.lower().rsplit("-", 1)[-1]
    return any(_ORG_END.search(f) for f in (w, w[:-1], w[:-2]))


def _is_acronym(token: str) -> bool:
    """"SPD", "BGH", "GdP": an abbreviation, not a hyphenated compound like "VW-Chef"."""
    if "-" in token or len(token) < 2:
        return False
    return token.isupper() or (len(token) <= 5 and sum(c.isupper() for c in token) >= 2)


_ADJECTIVE = re.compile(r"(isch|sch|lich|ig|al|ell|iv|bar|sam|haft|los|end|st|ner|ier|är)(e|en|er|es|em)$")


def speaker_key(name: str | None) -> str:
    """A comparison key for speaker ids: case, leading articles and inflection endings ignored.

    >>> speaker_key("der Staatsanwaltschaft Krefeld") == speaker_key("Staatsanwaltschaft Krefeld")
    True
    """
    if not name:
        return ""
    words = [w for w in _WORD.findall(name.replace("’", "'"))]
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(_key_stem(w.rstrip("'")) for w in words)


def _key_stem(word: str) -> str:
    w = word.lower()
    for _ in range(2):
        for suffix in ("ern", "em", "en", "er", "es", "e", "n", "s"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3:
                w = w[: -len(suffix)]
                break
    return w


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Name:
    """A name found in the text: its tokens, where it is, and whether it names a person."""

    tokens: tuple[str, ...]
    start: int
    end: int
    person: bool
    gender: str | None

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


@dataclass(frozen=True)
class Tie:
    """A description tied to a name by the article: a title before it, or an apposition."""

    head: str
    modifiers: frozenset
    name: str
    start: int
    evidence: str


@dataclass(frozen=True)
class Referent:
    """An earlier speaker or person a pronoun may point to."""

    id: str
    start: int
    gender: str | None
    number: str | None
    speaker: bool
    description: bool = False


@dataclass(frozen=True)
class Resolution:
    """The outcome for one speaker mention: the id, the kind of mention and why."""

    speaker_id: str | None
    kind: str
    reason: str
    gender: str | None = None
    number: str | None = None


class DocumentContext:
    """What resolution needs to know about one text: tokens, sentences, names and their ties."""

    def __init__(self, text: str):
        self.text = text
        self.tokens = [Token(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        self.token_starts = [t.start for t in self.tokens]
        self.sentence_starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text)]
        self.names: list[Name] = []
        self.ties: list[Tie] = []
        self._by_token: dict[str, list[Name]] | None = None
        self._find_names()
        self._find_ties()
        self.aliases = self._find_aliases()
        self.roles = self._find_role_mentions()

    # -- positions -----------------------------------------------------------------------------
    def sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_starts, pos) - 1

    def token_index(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.token_starts, pos)

    def _gap(self, a: Token, b: Token) -> str:
        return self.text[a.end:b.start]

    # -- names -----------------------------------------------------------------------------------
    def _token_class(self, i: int) -> str:
        """name | role | func | common | lower for token i, looking at its left neighbour."""
        tok = self.tokens[i].text
        if not tok[0].isupper():
            return "lower"
        low = tok.lower()
        if low in FUNCTION_WORDS:
            return "func"
        if _is_acronym(tok):
            return "name"
        if tok in first_names():
            return "name"
        if _is_role(tok):
            return "role"
        if low.endswith(_COMMON_SUFFIXES) or low.rsplit("-", 1)[-1].endswith(SOURCE_NOUNS):
            return "common"
        return "name"

    def _after_article(self, i: int) -> bool:
        """Whether token i follows an article or an adjective: "die Polizei", "französischen Geheimdienstes"."""
        if i == 0:
            return False
        prev = self.tokens[i - 1]
        if self._gap(prev, self.tokens[i]).strip() or not prev.text.islower():
            return False
        return prev.text in DETERMINERS or bool(_ADJECTIVE.search(prev.text))

    def _find_names(self) -> None:
        toks = self.tokens
        classes = [self._token_class(i) for i in range(len(toks))]
        self.classes = classes
        i, n = 0, len(toks)
        while i < n:
            if classes[i] not in ("name", "role", "common"):
                i += 1
                continue
            # a run of capitalised tokens joined by single spaces (and name particles after a first name)
            j = i
            while j + 1 < n:
                gap = self._gap(toks[j], toks[j + 1])
                if gap == " " and classes[j + 1] in ("name", "role", "common"):
                    j += 1
                    continue
                if gap == " " and toks[j + 1].text in _PARTICLES and toks[j].text in first_names():
                    k = j + 1
                    while k < n and toks[k].text in _PARTICLES and self._gap(toks[k - 1], toks[k]) == " ":
                        k += 1
                    if k < n and classes[k] == "name" and self._gap(toks[k - 1], toks[k]) == " ":
                        j = k
                        continue
                break
            self._add_run(i, j)
            i = j + 1

    def _add_run(self, i: int, j: int) -> None:
        """Keep the name part of run i..j: the tokens after its last role or common noun."""
        toks, classes = self.tokens, self.classes
        if i == j and self._after_article(i) and not (_is_acronym(toks[i].text) or toks[i].text in first_names()):
            return  # a single noun after an article is a common noun: "die Polizei"
        k = i
        for m in range(i, j + 1):
            if classes[m] == "role":
                k = m + 1
        if k > j:
            return
        parts = tuple(t.text for t in toks[k : j + 1])
        if all(classes[m] != "name" for m in range(k, j + 1)):
            return
        gender = first_names().get(parts[0]) if parts[0] in first_names() else None
        titled = (k > i and not _is_org_head(toks[k - 1].text)) or (k > 0 and toks[k - 1].text.lower() in TITLES)
        if k > 0 and toks[k - 1].text.lower() in TITLES:
            gender = gender or TITLES[toks[k - 1].text.lower()]
        if k > i and gender is None:
            role = toks[k - 1].text.lower()
            if role.endswith(("in", "innen")) and _is_role(role[:-2] if role.endswith("in") else role[:-5]):
                gender = "f"
        person = parts[0] in first_names() or titled or (
            len(parts) >= 2 and k == i and not self._after_article(i) and all(classes[m] == "name" and not _is_acronym(toks[m].text) for m in range(k, j + 1))
        )
        self.names.append(Name(parts, toks[k].start, toks[j].end, person, gender))

    def fullest(self, parts: Sequence[str], before: int | None = None) -> tuple[str, Name | None]:
        """The fullest name in the text that contains ``parts`` (a genitive "Putins" matches "Putin")."""
        parts = tuple(parts)
        if not parts:
            return "", None

        def contains(name: Name) -> bool:
            toks = name.tokens
            for s in range(len(toks) - len(parts) + 1):
                if all(a == b or (b.endswith("s") and a == b[:-1]) for a, b in zip(toks[s:], parts)):
                    return True
            return False

        if self._by_token is None:
            self._by_token = {}
            for nm in self.names:
                for t in set(nm.tokens):
                    self._by_token.setdefault(t, []).append(nm)
        pool = self._by_token.get(parts[0], []) + (self._by_token.get(parts[0][:-1], []) if parts[0].endswith("s") else [])
        found = [nm for nm in pool if len(nm.tokens) >= len(parts) and contains(nm)]
        if not found:
            return " ".join(parts), None
        longest = max(len(nm.tokens) for nm in found)
        best = [nm for nm in found if len(nm.tokens) == longest]
        if len({nm.text for nm in best}) > 1:
            # Two different full names share the part: take the nearest mention before.
            earlier = [nm for nm in best if before is not None and nm.start < before]
            chosen = max(earlier, key=lambda nm: nm.start) if earlier else best[0]
        else:
            chosen = best[0]
        # Keep a gender the text gives for any mention of the same name.
        gender = chosen.gender or next((nm.gender for nm in found if nm.gender and contains(nm)), None)
        return chosen.text, Name(chosen.tokens, chosen.start, chosen.end, chosen.person or len(found) > 1, gender)

    # -- ties between descriptions and names ---------------------------------------------------
    def _find_ties(self) -> None:
        text = self.text
        for name in self.names:
            canonical, _ = self.fullest(name.tokens, name.start)
            k = self.token_index(name.start)
            # Title before the name, in the same run: "Russlands Präsident Putin".
            m = k - 1
            while m >= 0 and self.classes[m] in ("role", "common", "name") and self._gap(self.tokens[m], self.tokens[m + 1]) == " " and self.classes[m] != "name":
                m -= 1
            if m + 1 < k:
                np_start = self._np_start(m + 1)
                desc = text[np_start : self.tokens[k - 1].end]
                self._add_tie(desc, canonical, np_start, f"title before name: '{desc} {name.text}'")
            # Apposition before: "Der Sprecher des Außenministeriums, Matthew Miller, sagte".
            if name.person and k > 0 and text[max(0, name.start - 2) : name.start] == ", ":
                if text[name.end : name.end + 1] in (",", "(") or text[name.end : name.end + 2] == " (":
                    sent_start = self.sentence_starts[self.sentence_of(name.start)]
                    seg_start = max(text.rfind(",", sent_start, name.start - 2) + 1, sent_start)
                    desc = text[seg_start : name.start - 2].strip()
                    words = desc.split()
                    if _is_np(desc) and (1 <= len(words) <= 12 and words[0].lower() in DETERMINERS or (len(words) in (1, 2) and _is_role(words[-1]))):
                        self._add_tie(desc, canonical, seg_start, f"apposition: '{desc}, {name.text}'")
            # Apposition after: "Jake Sullivan, der Nationale Sicherheitsberater …, betonte".
            if name.person and text[name.end : name.end + 2] == ", ":
                rest = text[name.end + 2 : name.end + 160]
                stop = re.search(r"[,;:.!?()„“\"»«]|\s[–-]\s", rest)
                desc = rest[: stop.start()] if stop else rest
                words = desc.split()
                if stop and stop.group() == "," and 2 <= len(words) <= 14 and words[0].lower() in DETERMINERS and _is_np(desc):
                    self._add_tie(desc, canonical, name.end + 2, f"apposition: '{name.text}, {desc}'")

    def _find_aliases(self) -> dict[str, str]:
        """Abbreviations the text spells out: "Bundesgerichtshof (BGH)" → {"BGH": "Bundesgerichtshof"}."""
        out: dict[str, str] = {}
        for m in re.finditer(r"\((?:kurz:\s*)?[„\"»]?([A-ZÄÖÜ][\w&]{1,7})[“\"«]?\)", self.text):
            acronym = m.group(1)
            if not _is_acronym(acronym):
                continue
            before = self.text[max(0, m.start() - 120) : m.start()].rstrip()
            quoted = re.search(r"[„\"»]([^„“\"»«]{3,80})[“\"«]$", before)
            if quoted:
                out[acronym] = quoted.group(1)
                continue
            words = before.split()
            letters = [c.lower() for c in acronym if c.isupper()]
            for n in range(1, min(8, len(words)) + 1):
                cand = words[-n:]
                if cand[0][:1].islower():
                    continue
                initials = [p[0].lower() for w in cand if w[:1].isupper() for p in w.split("-") if p]
                if initials == letters or (n == 1 and _letters_in(letters, cand[0].lower())):
                    out[acronym] = " ".join(cand)
                    break
        return out

    def _find_role_mentions(self) -> list[Referent]:
        """Unnamed people described by a role noun ("eine Armeesprecherin"): antecedents for pronouns."""
        out = []
        for k, cls in enumerate(self.classes):
            if cls != "role" or (k + 1 < len(self.tokens) and self.classes[k + 1] == "name" and self._gap(self.tokens[k], self.tokens[k + 1]) == " "):
                continue
            start = self._np_start(k)
            desc = self.text[start : self.tokens[k].end]
            gender, number = _grammar(desc)
            out.append(Referent(_canonical_description(desc), start, gender, number, False))
        return out

    def _np_start(self, k: int) -> int:
        """Start of the noun phrase whose noun is token k: back over adjectives and a determiner."""
        m = k - 1
        while m >= 0 and self.tokens[m].text.islower() and self._gap(self.tokens[m], self.tokens[m + 1]).strip() == "":
            if self.tokens[m].text in DETERMINERS:
                return self.tokens[m].start
            if self.tokens[m].text[-1] not in "enrsm" or m < k - 3:
                break
            m -= 1
        if k > 0 and self.tokens[k - 1].text.lower() in DETERMINERS and self._gap(self.tokens[k - 1], self.tokens[k]) == " ":
            return self.tokens[k - 1].start
        return self.tokens[k].start

    def _add_tie(self, desc: str, name: str, start: int, evidence: str) -> None:
        head, modifiers = describe(desc)
        if head:
            self.ties.append(Tie(head, modifiers, name, start, evidence))


def _letters_in(letters: Sequence[str], word: str) -> bool:
    """Whether the letters occur in order in the word, the first at its start ("bgh" in "bundesgerichtshof")."""
    if not letters or not word.startswith(letters[0]):
        return False
    pos = 0
    for c in letters:
        pos = word.find(c, pos)
        if pos < 0:
            return False
        pos += 1
    return True


_ATTACHING = frozenset("von vom des der dem den in im aus bei für gegen mit zu zum zur".split())
_PREPOSITIONS = frozenset("von vom des der im in am an aus bei für gegen mit nach über unter zu zum zur auf und".split())


def _is_np(desc: str) -> bool:
    """Whether a stretch of text reads as a noun phrase: no verbs, only articles, prepositions,
    adjectives and capitalised words ("der Nationale Sicherheitsberater im Kabinett …")."""
    for w in _WORD.findall(desc):
        low = w.lower()
        if w[0].isupper() or low in DETERMINERS or low in _PREPOSITIONS or _ADJECTIVE.search(low) or low in ("höchsten", "früheren", "ehemaligen", "neuen", "obersten"):
            continue
        return False
    return True


def _canonical_description(desc: str) -> str:
    """A description as a speaker id: without a leading definite article, capitalised."""
    words = desc.split()
    if words and words[0].lower() in DETERMINERS - INDEFINITE:
        words = words[1:]
    out = " ".join(words)
    return out[:1].upper() + out[1:]


def describe(desc: str) -> tuple[str, frozenset]:
    """The head noun (stemmed) and the modifier stems of a description.

    >>> describe("der russische Präsident")[0], sorted(describe("Russlands Präsident")[1])
    ('präsident', ['russ'])
    """
    words = _WORD.findall(desc)
    caps = [w for w in words if w[0].isupper() and w.lower() not in FUNCTION_WORDS]
    roles = [w for w in caps if _is_role(w)]
    head_word = roles[0] if roles else (caps[0] if caps else "")
    if not head_word:
        return "", frozenset()
    parts = head_word.split("-")
    head = _stem(parts[-1])
    mods = set()
    for w in words:
        if w is head_word or w.lower() in DETERMINERS or w.lower() in FUNCTION_WORDS or len(w) < 2:
            continue
        for piece in w.split("-"):
            if len(piece) >= 2:
                mods.add(piece.lower()[:4])
    for piece in parts[:-1]:
        mods.add(piece.lower()[:4])
    return head, frozenset(mods)


def _heads_match(a: str, b: str) -> bool:
    return a == b or a.endswith(b) or b.endswith(a)


def _grammar(desc: str) -> tuple[str | None, str | None]:
    """Gender and number a description shows: its article, a feminine role ending, a plural."""
    words = desc.split()
    if not words:
        return None, None
    first = words[0].lower()
    caps = [w for w in _WORD.findall(desc) if w[0].isupper() and w.lower() not in FUNCTION_WORDS]
    head = next((w for w in caps if _is_role(w)), caps[0] if caps else "")
    low = head.lower()
    if " und " in desc or " sowie " in desc:
        return None, "pl"
    if low.endswith("innen"):
        return "f", "pl"
    if _is_role(head) and low.endswith("in"):
        return "f", "sg"
    if low.endswith(_FEMININE_SUFFIXES) or _is_acronym(head) and first in ("die", "der"):
        return "f", "sg"
    if first in ("der", "ein", "dieser", "jener"):
        return "m", "sg"
    if first in ("das", "dieses"):
        return "n", "sg"
    if _is_role(head) and (first in ("die", "den", "diese") or first == low or first not in DETERMINERS):
        if low.endswith(("en", "er", "e", "rn")):
            return None, "pl"
    if first in ("eine", "die"):
        return "f", "sg"
    return None, None


def _agrees(want: tuple[str | None, str | None], gender: str | None, number: str | None) -> bool:
    want_gender, want_number = want
    if want_number and number and want_number != number:
        return False
    if want_gender and gender and want_gender != gender:
        # "sie"/"die" with a plural verb ask for a plural; "er" never takes a feminine referent.
        return False
    return True


class Resolver:
    """Resolves the speaker mentions of one document, in text order."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.ctx = DocumentContext(doc.text)
        self.referents: list[Referent] = []

    def mention_text(self, quote: Quote) -> tuple[str, int, int]:
        spans = sorted(quote.speaker)
        text = " ".join(s.text or self.doc.text[s.start : s.end] for s in spans)
        return text, spans[0].start, spans[-1].end

    def resolve(self, quote: Quote, previous: tuple[Quote, Resolution] | None) -> Resolution:
        if not quote.speaker:
            return self.unmentioned(quote, previous)
        mention, start, end = self.mention_text(quote)
        mention = re.sub(r"\s+", " ", mention).strip(" ,;:–-")
        low = mention.lower()
        if low in PRONOUNS:
            return self.pronoun(mention, start, end, PRONOUNS[low])
        bare = _WRAPPER.sub("", mention).strip()
        if bare.lower() in PRONOUNS:
            return self.pronoun(mention, start, end, PRONOUNS[bare.lower()])
        if not bare:
            return Resolution(_canonical_description(mention), "description", "kept as written")
        # "Sowohl Nordkorea als auch Russland", "AFP und Reuters": each part resolved, joined.
        head_segment = re.split(r",\s", bare)[0]
        parts = [p for p in re.split(r"\s+(?:und|sowie|als auch|oder)\s+", re.sub(r"^(?:Sowohl|sowohl|Weder|weder)\s+", "", head_segment)) if p]
        if len(parts) > 1:
            names = [self.one(p, start, end) for p in parts]
            if all(r.kind in ("name", "partial_name") for r in names):
                joined = ", ".join(r.speaker_id for r in names[:-1]) + " und " + names[-1].speaker_id
                return Resolution(joined, "name", "several speakers", None, "pl")
            if names[0].kind not in ("name", "partial_name"):
                return Resolution(_canonical_description(bare), "description", "several speakers, kept as written", None, "pl")
        return self.one(bare, start, end)

    def one(self, bare: str, start: int, end: int) -> Resolution:
        """Resolve a single (unwrapped) mention: a quoted name, a name, an abbreviation, a description."""
        quoted = re.search(r"[„\"»“]([^„“\"»«]{2,60})[“\"«”]", bare)
        if quoted and (quoted.start() == 0 or _is_role(bare[: quoted.start()].split()[-1]) or bare[: quoted.start()].split()[-1].lower() in DETERMINERS):
            return Resolution(quoted.group(1), "name", "the name in quotation marks", "f", "sg")
        # "Polizeiangaben", "NASA-Angaben", "israelischen Armeeangaben": the source before the noun.
        words = bare.split()
        for noun in SOURCE_NOUNS:
            last = words[-1].lower()
            if last.endswith(noun) and len(last) > len(noun) + 2:
                head = words[-1][: -len(noun)].rstrip("-")
                if head.endswith("s") and len(head) > 4 and not _is_acronym(head):
                    head = head[:-1]
                words[-1] = head[0].upper() + head[1:]
                bare = " ".join(words)
                break
        name = self.name_in(bare, start)
        if name is not None:
            if len(name) == 1 and name[0] in self.ctx.aliases:
                full = self.ctx.aliases[name[0]]
                return Resolution(full, "partial_name", f"abbreviation of {full}", *self._org_features(full))
            canonical, found = self.ctx.fullest(name, start)
            if len(canonical.split()) > len(name):
                kind, reason = "partial_name", f"fullest form in the article: {canonical}"
            else:
                kind, reason = "name", "named"
            gender = found.gender if found else None
            return Resolution(canonical, kind, reason, gender, "sg")
        return self.description(bare, start, end)

    def _org_features(self, name: str) -> tuple[str | None, str | None]:
        return _grammar("die " + name) if name.split()[0].lower().endswith(_FEMININE_SUFFIXES) else (None, "sg")

    def unmentioned(self, quote: Quote, previous: tuple[Quote, Resolution] | None) -> Resolution:
        """A quote without a speaker span: a person named in its own sentence, else the speaker of
        the quote just before it (free indirect continuation), within the same paragraph."""
        text = self.ctx.text
        first = self.ctx.sentence_of(quote.start)
        s0 = self.ctx.sentence_starts[first]
        s1 = self.ctx.sentence_starts[first + 1] if first + 1 < len(self.ctx.sentence_starts) else len(text)
        inside = [(s.start, s.end) for s in quote.content]
        for name in self.ctx.names:
            if s0 <= name.start < s1 and name.person and not any(a <= name.start < b for a, b in inside):
                canonical, found = self.ctx.fullest(name.tokens, name.start)
                return Resolution(canonical, "none", f"the person named in its sentence: {name.text}", found.gender if found else None, "sg")
        if previous is not None:
            prev_quote, prev = previous
            gap = text[prev_quote.end : quote.start]
            if prev.speaker_id and "\n" not in gap and self.ctx.sentence_of(quote.start) - self.ctx.sentence_of(prev_quote.end - 1) <= 2:
                return Resolution(prev.speaker_id, "none", f"continues the previous quote of {prev.speaker_id}", prev.gender, prev.number)
        return Resolution(None, "none", "no speaker")

    def name_in(self, mention: str, offset: int) -> tuple[str, ...] | None:
        """The name a mention gives for its speaker, if any: the head, a title's name, an apposition."""
        segments = [s.strip() for s in re.split(r",\s*|\s*\([^)]*\)\s*|\s[–-]\s", mention) if s and s.strip()]
        for n_seg, seg in enumerate(segments):
            ctx = DocumentContext(seg)
            words = ctx.tokens
            if not words:
                continue
            if n_seg > 0 and ctx.classes[0] != "name":
                continue
            starts_with_det = words[0].text.lower() in DETERMINERS
            for name in ctx.names:
                k = ctx.token_index(name.start)
                before = ctx.classes[k - 1] if k > 0 else None
                # a name inside an attachment ("Eine Agentur von Al Gore") is not the speaker
                attached = any(w.text in _ATTACHING for w in words[1:k]) or (k > 0 and words[0].text in _ATTACHING)
                title = before == "role" and ctx._gap(words[k - 1], words[k]) == " " and not attached
                head = k == 0 or (k == 1 and starts_with_det) or (not starts_with_det and not attached and all(c in ("name", "role", "common", "lower") for c in ctx.classes[:k]))
                if title or head:
                    return name.tokens
        return None

    def description(self, desc: str, start: int, end: int) -> Resolution:
        text = self.ctx.text
        # An apposition or a name right after the mention: "Der Sprecher …, Matthew Miller, sagte".
        after = text[end : end + 80]
        m = re.match(r"(?:,\s|\s)", after)
        if m:
            for name in self.ctx.names:
                if name.start == end + m.end() and name.person:
                    canonical, _ = self.ctx.fullest(name.tokens, name.start)
                    return Resolution(canonical, "description", f"apposition or title right after it: {name.text}", *self._person_features(canonical))
        head, mods = describe(desc)
        words = desc.split()
        indefinite = words[0].lower() in INDEFINITE if words else False
        gender, number = _grammar(desc)
        if head and not indefinite and number != "pl":
            best, best_score = None, None
            for tie in self.ctx.ties:
                if not _heads_match(head, tie.head):
                    continue
                overlap = len(mods & tie.modifiers)
                if mods and tie.modifiers and not overlap:
                    continue
                score = (overlap, tie.start < start, -abs(start - tie.start))
                if best_score is None or score > best_score:
                    best, best_score = tie, score
            if best is not None:
                return Resolution(best.name, "description", f"tied to the name by {best.evidence}", *self._person_features(best.name))
        if head and not indefinite:
            for r in reversed(self.referents):
                if r.start < start and r.description and _heads_match(head, describe(r.id)[0]) and mods <= describe(r.id)[1]:
                    return Resolution(r.id, "description", f"the same as the earlier speaker {r.id}", r.gender, r.number)
        return Resolution(self._canonical_description(desc), "description", "never named in the article: kept as the description", gender, number)

    def _person_features(self, canonical: str) -> tuple[str | None, str | None]:
        _, found = self.ctx.fullest(canonical.split())
        return (found.gender if found else None), "sg"

    def _canonical_description(self, desc: str) -> str:
        return _canonical_description(desc)

    def pronoun(self, mention: str, start: int, end: int, want: tuple[str | None, str | None]) -> Resolution:
        low = mention.lower()
        if low in ("sie", "die", "diese") or want == (None, None):
            want = (want[0], self._verb_number(start, end) or want[1])
            if low in ("sie", "die", "diese") and want[1] == "sg":
                want = ("f", "sg")  # singular "sie" is feminine; plural "sie" takes any gender
        sentence = self.ctx.sentence_of(start)
        candidates: list[tuple[tuple, Referent, str]] = []
        for r in self.referents:
            if r.start >= start or not _agrees(want, r.gender, r.number):
                continue
            distance = sentence - self.ctx.sentence_of(r.start)
            if not r.speaker and distance > 2:
                continue
            score = (-distance + (1.5 if r.speaker else 0.0), r.start)
            candidates.append((score, r, "previous speaker" if r.speaker else "person named before"))
        for r in self.ctx.roles:
            distance = sentence - self.ctx.sentence_of(r.start)
            if r.start >= start or distance > 1 or not _agrees(want, r.gender, r.number):
                continue
            candidates.append(((-distance - 0.5, r.start), r, "person described before"))
        for name in self.ctx.names:
            if name.start >= start or not name.person:
                continue
            distance = sentence - self.ctx.sentence_of(name.start)
            if distance > 2:
                continue
            canonical, found = self.ctx.fullest(name.tokens, name.start)
            gender = found.gender if found else name.gender
            if not _agrees(want, gender, "sg"):
                continue
            subject = name.start == self.ctx.sentence_starts[self.ctx.sentence_of(name.start)]
            score = (-distance + (0.5 if subject else 0.0), name.start)
            candidates.append((score, Referent(canonical, name.start, gender, "sg", False), "person named before"))
        if not candidates:
            return Resolution(None, "pronoun", "no earlier speaker agrees", *want)
        _, best, why = max(candidates, key=lambda c: c[0])
        features = ", ".join(x for x in (
            {"m": "masculine", "f": "feminine", "n": "neuter"}.get(best.gender or ""),
            "plural" if best.number == "pl" else None) if x)
        return Resolution(best.id, "pronoun", f"{why}{', ' + features if features else ''}", best.gender, best.number)

    def _verb_number(self, start: int, end: int) -> str | None:
        """Plural or singular from the finite verb next to "sie": "sie sagten" / "sagte sie"."""
        text = self.ctx.text
        after = re.match(r"\s+([a-zäöüß]+)", text[end : end + 30])
        before = re.search(r"([a-zäöüß]+)\s+$", text[max(0, start - 30) : start])
        for m in (after, before):
            if not m:
                continue
            w = m.group(1)
            if w in ("sind", "haben", "hätten", "seien", "waren", "wollen", "wollten", "werden", "würden", "können", "müssen", "hatten"):
                return "pl"
            if w in ("ist", "hat", "habe", "sei", "war", "will", "wolle", "wird", "werde", "kann", "könne", "muss", "hätte"):
                return "sg"
            if w.endswith(("ten", "ten")) and len(w) > 4:
                return "pl"
            if w.endswith(("te", "t")) and len(w) > 3:
                return "sg"
        return None

    def remember(self, quote: Quote, resolution: Resolution) -> None:
        if resolution.speaker_id:
            pos = min(s.start for s in quote.speaker) if quote.speaker else quote.start
            described = resolution.kind == "description" and resolution.reason.startswith("never named")
            self.referents.append(Referent(resolution.speaker_id, pos, resolution.gender, resolution.number, True, described))


def _trace(mention: str | None, r: Resolution) -> str:
    if r.kind == "none":
        return f"speaker: none in sentence → {r.speaker_id} ({r.reason})" if r.speaker_id else "speaker: none"
    if r.speaker_id is None:
        return f"speaker: {r.kind} '{mention}' → unresolved ({r.reason})"
    if r.kind == "name" and r.speaker_id == mention:
        return f"speaker: name '{mention}'"
    return f"speaker: {r.kind.replace('_', ' ')} '{mention}' → {r.speaker_id} ({r.reason})"


def resolve_speakers(doc: Document, quotes: Sequence[Quote]) -> list[Quote]:
    """Fill ``speaker_id`` on each quote from its speaker span, resolved within the document.

    Quotes come back in the order given; each resolution is appended to the quote's ``trace``.
    Quotes that already have a ``speaker_id`` keep it (and serve later pronouns).

    >>> from quotes.types import Span
    >>> t = "Wladimir Putin kam. Putin sagte: „Ja.“ Er fügte hinzu: „Gut.“"
    >>> q1 = Quote(content=(Span.of(t, 33, 38),), type="direct", speaker=(Span.of(t, 20, 25),))
    >>> q2 = Quote(content=(Span.of(t, 56, 62),), type="direct", speaker=(Span.of(t, 39, 41),))
    >>> [q.speaker_id for q in resolve_speakers(Document("d", t), [q1, q2])]
    ['Wladimir Putin', 'Wladimir Putin']
    """
    if not quotes:
        return []
    resolver = Resolver(doc)
    order = sorted(range(len(quotes)), key=lambda k: (quotes[k].start, quotes[k].end))
    out: list[Quote | None] = [None] * len(quotes)
    previous: tuple[Quote, Resolution] | None = None
    for k in order:
        q = quotes[k]
        if q.speaker_id is not None:
            r = Resolution(q.speaker_id, "given", "given", *resolver._person_features(q.speaker_id))
            out[k] = q
        else:
            r = resolver.resolve(q, previous)
            line = _trace(resolver.mention_text(q)[0] if q.speaker else None, r)
            out[k] = q.replace(speaker_id=r.speaker_id, trace=f"{q.trace}; {line}" if q.trace else line)
        resolver.remember(q, r)
        if r.speaker_id:
            previous = (q, r)
    return [q for q in out if q is not None]


def mention_kind(doc: Document, quote: Quote, speaker_id: str | None = None) -> str:
    """The kind of a quote's speaker mention: name, partial_name, pronoun, description or none.

    ``none`` means no mention in the sentences of the quote (a continuation, or no speaker).

    >>> from quotes.types import Span
    >>> t = "Wladimir Putin kam. Er sagte: „Ja.“"
    >>> q = Quote(content=(Span.of(t, 30, 35),), type="direct", speaker=(Span.of(t, 20, 22),))
    >>> mention_kind(Document("d", t), q, "Wladimir Putin")
    'pronoun'
    """
    if not quote.speaker:
        return "none"
    ctx = DocumentContext(doc.text)
    first = ctx.sentence_of(quote.start)
    last = ctx.sentence_of(max(quote.end - 1, quote.start))
    if not any(first <= ctx.sentence_of(s.start) <= last or first <= ctx.sentence_of(max(s.end - 1, s.start)) <= last for s in quote.speaker):
        return "none"
    mention = " ".join(s.text for s in quote.speaker)
    bare = _WRAPPER.sub("", mention).strip().lower()
    if bare in PRONOUNS or mention.lower() in PRONOUNS:
        return "pronoun"
    sid_words = [w for w in _WORD.findall(speaker_id or "")]
    mention_words = {_stem(w) for w in _WORD.findall(mention)}
    name_words = [w for w in sid_words if w[0].isupper() and not _is_role(w) and w.lower() not in FUNCTION_WORDS and not w.lower().endswith(_COMMON_SUFFIXES)]
    if name_words and all(_stem(w) in mention_words for w in sid_words if w[0].isupper()):
        return "name"
    if name_words and any(_stem(w) in mention_words for w in name_words):
        return "partial_name"
    return "description"
