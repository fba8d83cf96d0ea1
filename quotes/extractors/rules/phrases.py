"""Noun phrases, speakers and addressees from word shapes (German capitalises nouns).

These are the places where a dependency parse helps most: ``subject_from_parse`` and
``content_from_parse`` read a speech verb's subject and clausal complement off the parse when the
backbone provides one (``Doc.has_annotation("DEP")``, see :mod:`quotes.nlp.syntax`); the shape
rules below are the fallback and the default on the built-in backbone.
"""

from __future__ import annotations

import bisect
import re

from ...nlp import german
from ...speakers import is_role
from .view import TokenView

Range = tuple[int, int]
MAX_NP = 25
# Words that begin a phrase which is not the subject: fronted adverbials ("Am Montag sagte er").
NOT_SUBJECT_START = german.PREPOSITIONS | german.SUBORDINATORS | german.ADVERBS | frozenset(
    """dabei dazu daraufhin damit darin danach davor dagegen darüber daher deshalb deswegen trotzdem
    dennoch zwar einerseits andererseits insgesamt jedenfalls hier dort da bis nur ebenfalls
    anfang ende mitte montag dienstag mittwoch donnerstag freitag samstag sonntag""".split()
)
# An adjective or participle without ending, used as an adverb: never a subject on its own.
UNINFLECTED_ADVERB = re.compile(r"(?:.{3,}(?:end|lich|isch|bar|sam|haft|weise|mäßig)|.{7,}ig)$")
CONJUNCTIONS = frozenset("und aber doch denn oder sondern".split())
# Nouns of institutions whose name goes on with "für …".
FUER_NOUNS = (
    "amt", "ministerium", "institut", "gesellschaft", "zentrum", "verband", "komitee", "stiftung", "kommission", "rat",
    "bund", "agentur", "behörde", "büro", "organisation", "ausschuss", "vereinigung", "forum", "gericht", "beauftragte", "beauftragter",
    # and offices whose portfolio goes on with "für …": "der EU-Kommissar für Erweiterung"
    "kommissar", "kommissarin", "minister", "ministerin", "staatssekretär", "staatssekretärin", "senator", "senatorin",
)
# Particles inside a person's name that are no German words: "Thomas de Maizière", "Ali al Badri".
NAME_PARTICLES = frozenset("de van al el bin ibn da di del du dos".split())
FOCUS_PARTICLES = frozenset("auch nur selbst sogar gerade ebenfalls besonders insbesondere zumindest allein".split())
# Nouns of the press and the public: a dative phrase with one of these after a speech verb is
# the addressee ("sagte Miller der Zeitung"), not a genitive of the speaker.
MEDIA_NOUNS = frozenset(
    """zeitung zeitungen nachrichtenagentur agentur presse sender fernsehsender radiosender
    journalisten journalistinnen reportern reporter zeitschrift magazin nachrichtenmagazin blatt
    wochenzeitung tageszeitung sonntagszeitung fernsehen rundfunk medien öffentlichkeit
    medienvertretern pressevertretern abgeordneten""".split()
)
# Nouns of a source that a genitive names: "Angaben", "Berichten", "Einschätzung".
SOURCE_HEADS = ("angaben", "berichten", "berichte", "bericht", "schätzungen", "schätzung", "einschätzung", "aussagen", "informationen",
                "meldungen", "ansicht", "meinung", "darstellung", "erkenntnissen", "worten")
NUMBER_WORDS = frozenset("zwei drei vier fünf sechs sieben acht neun zehn elf zwölf zwanzig hundert tausend".split())
NOMINATIVE_PRONOUNS = frozenset("er ich wir man".split())
DEMONSTRATIVES = frozenset("dieser diese jener jene letzterer letztere ersterer erstere".split())
# Determiners of no nominative: a phrase they open is an object (or a dative plural).
OBJECT_DETERMINERS = frozenset("dem den einem einen diesem diesen jedem jeden keinem keinen seinem seinen ihrem ihren unserem unseren".split())
GENITIVE_STARTS = frozenset("des der eines einer einiger mehrerer vieler zahlreicher aller beider dieser dieses jener seiner seines ihrer ihres deren dessen".split())
ADDRESSEE_VERBS = frozenset("vorwerfen beschuldigen auffordern bitten warnen appellieren".split())
# Quote marks that open and close a name, the wiki's '' among them: "„BBC News“", "''La Nacion''".
OPENING_QUOTES = frozenset(("„", '"', "»", "''"))
CLOSING_QUOTES = frozenset(("“", '"', "«", "”", "''"))
# Lower-case words a name in quote marks may have: "„Rundschau am Sonntag“".
NAME_LINKS = frozenset("am an der die das des von vom für zur zum und of the for and de la le".split())
# Nouns of these endings name a thing or an act, not who speaks.
ABSTRACT_SUFFIXES = ("ung", "ungen", "heit", "keit", "nahme", "nis", "ismus", "sicht", "tion", "sion")
# Bodies with those endings, which do speak: "Die Redaktion schrieb dazu: …".
BODIES = ("delegation", "redaktion", "verwaltung", "führung", "vereinigung", "leitung", "direktion", "administration", "union")
# Bodies a place makes specific, also inside a genitive: "Angaben der Gesundheitsbehörden in Gaza".
REGIONAL_BODIES = ("behörde", "behörden", "regierung", "polizei", "opposition", "streitkräfte", "ministerium")
# A web address standing for its site: "t-online.de", "heise.de".
DOMAIN = re.compile(r"[a-z0-9][\w-]*\.(?:de|com|at|ch|org|net|info|eu)")
# Feminine media nouns: after "der" they are a dative or genitive, never the subject.
FEMININE_MEDIA = ("zeitung", "agentur", "zeitschrift", "presse", "öffentlichkeit")


def _is_adjective_like(v: TokenView, i: int) -> bool:
    w = v.words[i]
    if not w.replace("-", "").isalpha() or not w.islower():
        return bool(w[:1].isdigit() and "-" in w)  # "53-jährige"
    lw = v.lower[i]
    if lw in german.PREPOSITIONS or lw in german.AUXILIARIES or lw in german.SUBORDINATORS or lw in german.COORDINATORS:
        return False
    return lw.endswith(("e", "en", "er", "es", "em")) or lw in ("so", "genannten", "sogenannten")


def _nounish(v: TokenView, i: int) -> bool:
    """Capitalised, a compound whose last part is ("dpa-Meldung"), or a web address ("t-online.de")."""
    w = v.words[i]
    return w[:1].isupper() or ("-" in w and w.rsplit("-", 1)[1][:1].isupper()) or bool(DOMAIN.fullmatch(w))


def _participle_attribute(v: TokenView, j: int, limit: int) -> int:
    """Past an attribute that opens with a preposition or "sich" and ends in an adjective or
    participle before the noun: "die [in New York City geborene] Lopez"; ``j`` where there is none."""
    if j >= limit or v.lower[j] not in german.PREPOSITIONS and v.lower[j] != "sich":
        return j
    for k in range(j + 1, min(limit - 1, j + 10)):
        w = v.words[k]
        if not w.isalnum() and w not in ("-", "."):
            return j  # a comma, a quote mark, a bracket: no attribute
        if w.islower() and _is_adjective_like(v, k) and v.is_cap(k + 1) and k > j + 1:
            return k
    return j


def quoted_name(v: TokenView, j: int, limit: int) -> int | None:
    """The end of a short name in quote marks at ``j`` ("„BBC News“"), or None: at most five words,
    the first capitalised, no sentence punctuation, and no word in lower case but "am", "für", …;
    after a determiner one more ("die „Aktion Deutschland hilft“"), as a short quote has them
    ("„Das Alter drückt“, sagte er")."""
    if j + 1 >= limit or v.words[j] not in OPENING_QUOTES or not v.is_cap(j + 1):
        return None
    if re.fullmatch(r"\w[\w.]*[“”\"«»]-\w\S*", v.words[j + 1]):
        return j + 2  # a compound the tokenizer kept whole: „Bild“-Zeitung
    if j + 2 >= limit:
        return None
    close = next((k for k in range(j + 1, min(limit, j + 7)) if v.words[k] in CLOSING_QUOTES), None)
    if close is None or close == j + 1:
        return None
    inner = v.words[j + 1 : close]
    after_determiner = j > 0 and (v.lower[j - 1] in german.DETERMINERS or _is_adjective_like(v, j - 1))
    if any(w in ".,;:!?…" for w in inner) or sum(w.islower() and w not in NAME_LINKS for w in inner) > after_determiner:
        return None
    return close + 1


def _count_before_noun(v: TokenView, j: int, limit: int) -> bool:
    """A number that counts the noun after it ("laut Gefängnisdirektion 502 Menschen"), not part of a
    name ("Bayer 04 Leverkusen")."""
    w = v.words[j]
    return j + 1 < limit and v.is_cap(j + 1) and (len(w) > 2 or not w.isdigit())


def _lower_name(v: TokenView, j: int) -> bool:
    """A word in lower case after a determiner that is no adjective, verb or function word and that
    the dictionary takes for a noun or does not know: a name ("die taz")."""
    w = v.words[j]
    if not w.islower() or not w.isalnum() or _is_adjective_like(v, j) or german.is_verb_form(w):
        return False
    lw = v.lower[j]
    if lw in german.PREPOSITIONS or lw in german.ADVERBS or lw in german.PERSONAL_PRONOUNS or lw in german.DETERMINERS:
        return False
    return german.is_noun(w)


def noun_phrase(v: TokenView, i: int, limit: int, extend: bool = True, one_noun: bool = False) -> int | None:
    """The end (exclusive) of a noun phrase starting at token ``i``, or None when none starts there.

    A phrase is a pronoun, or determiners and adjectives before capitalised words, extended by
    genitives ("des Ministeriums"), "von X", a short parenthesis ("(CDU)") and "und X".

    >>> from quotes.nlp.builtin import make_builtin
    >>> v = TokenView(make_builtin()("sagte der Sprecher des US-Außenministeriums, Matthew Miller."))
    >>> v.words[1:noun_phrase(v, 1, v.n)]
    ['der', 'Sprecher', 'des', 'US-Außenministeriums']
    """
    limit = min(limit, v.n, i + MAX_NP)
    if i >= limit:
        return None
    lw = v.lower[i]
    if lw in german.PERSONAL_PRONOUNS and lw != "es" and not (lw == "ihr" and i + 1 < limit and v.is_cap(i + 1)):
        return i + 1
    if lw in DEMONSTRATIVES and not (i + 1 < limit and (v.is_cap(i + 1) or _is_adjective_like(v, i + 1))):
        return i + 1  # "Dieser behauptete, …", "so schrieb diese"
    j = i
    if lw in german.DETERMINERS:
        j += 1
    elif lw in ("einer", "eine", "einige", "viele") and j + 1 < limit and v.lower[j + 1] in ("der", "des"):
        j += 1
    if j > i:
        if j + 1 < limit and (v.words[j].isdigit() or v.lower[j] in NUMBER_WORDS) and (v.is_cap(j + 1) or _is_adjective_like(v, j + 1)):
            j += 1  # a number after the article: "der 13 beteiligten Feuerwehrmänner", "die drei Minister"
            if v.is_cap(j) and j + 2 < limit and v.words[j + 1].islower() and _is_adjective_like(v, j + 1) and v.is_cap(j + 2):
                j += 2  # a measure before its adjective: "der 330 Seiten starke Bericht"
        j = _participle_attribute(v, j, limit)
    while j < limit and _is_adjective_like(v, j) and j + 1 < limit and (v.is_cap(j + 1) or _is_adjective_like(v, j + 1) or v.words[j + 1] == ","):
        if v.words[j + 1] == ",":
            break
        j += 1
    head = j
    quoted = quoted_name(v, j, limit)
    if quoted is not None:
        j = quoted  # „BBC News“, die „Aktion Deutschland hilft“
    elif j > i and j < limit and _lower_name(v, j):
        j += 1  # "die taz", "der flightradar24"
    while j < limit and (
        _nounish(v, j) or v.words[j][:1].isdigit() and j > head and not _count_before_noun(v, j, limit)
        or v.lower[j] in NAME_PARTICLES and j > head and j + 1 < limit and v.is_cap(j + 1)  # "Thomas de Maizière"
    ) and v.words[j] not in "„“\"»«":
        if v.lower[j] in german.PERSONAL_PRONOUNS or v.lower[j] in NOT_SUBJECT_START and j == i:
            break
        if one_noun and j > head and not v.words[j].endswith("s"):
            break  # "nach eigenen Angaben Waffenlieferungen": one noun, or a genitive name ("Angaben Putins")
        j += 1
    if j == head:
        # "einer der Verletzten": a pronoun-like determiner with a genitive.
        if head > i and v.lower[i] in ("einer", "eine", "einige", "viele") and j < limit and v.lower[j] in ("der", "des"):
            end = noun_phrase(v, j, limit, extend=False)
            return end
        return None
    if not extend:
        return j
    while j < limit:
        lw = v.lower[j]
        if lw in GENITIVE_STARTS and j + 1 < limit:
            end = noun_phrase(v, j, limit, extend=False)
            if end is None or (v.lower[end - 1] in MEDIA_NOUNS and lw == "der"):
                break
            j = end
        elif (j > head and v.lower[j - 1].endswith(SOURCE_HEADS) and lw.endswith("er") and v.words[j].islower() and _is_adjective_like(v, j)
              and lw not in german.ADVERBS and j + 1 < limit and v.is_cap(j + 1)):
            # a genitive plural without article after a source noun: "Angaben libanesischer Sicherheitskreise"
            end = noun_phrase(v, j, limit, extend=False)
            if end is None:
                break
            j = end
        elif lw in ("von", "vom") and j + 1 < limit and (v.is_cap(j + 1) or v.lower[j + 1] in german.DETERMINERS or quoted_name(v, j + 1, limit)):
            end = noun_phrase(v, j + 1, limit, extend=False)
            if end is None:
                break
            j = end
        elif lw == "(":
            close = next((k for k in range(j + 1, min(limit, j + 7)) if v.words[k] == ")"), None)
            if close is None:
                break
            j = close + 1
        elif lw == "und" and j + 1 < limit and (v.is_cap(j + 1) or v.lower[j + 1] in german.DETERMINERS) and v.lower[j + 1] not in NOT_SUBJECT_START:
            end = noun_phrase(v, j + 1, limit, extend=False)
            if end is None:
                break
            j = end
        elif v.words[j] in OPENING_QUOTES and j + 1 < limit:
            close = next((k for k in range(j + 1, min(limit, j + 11)) if v.words[k] in CLOSING_QUOTES), None)
            if close is None:
                break
            j = close + 1
        elif lw == "für" and j > head and v.lower[j - 1].endswith(FUER_NOUNS) and j + 1 < limit:
            # an institution's name: "die Gesellschaft für bedrohte Völker", "das Bundesamt für Verfassungsschutz"
            k = j + 1
            while k < limit and k - j <= 6 and (v.is_cap(k) or (_is_adjective_like(v, k) and k + 1 < limit and v.is_cap(k + 1))
                                                 or (v.lower[k] == "und" and k + 1 < limit and k > j + 1
                                                     and (v.is_cap(k + 1) or _is_adjective_like(v, k + 1) and k + 2 < limit and v.is_cap(k + 2)))):
                k += 1
            if k == j + 1 or not v.is_cap(k - 1):
                break
            j = k
        elif (lw in ("in", "aus") and (v.lower[i] in german.DETERMINERS or v.lower[j - 1].endswith(REGIONAL_BODIES)) and j + 1 < limit and v.is_cap(j + 1)
                and v.lower[j + 1] not in german.DETERMINERS and v.lower[j + 1] not in german.PERSONAL_PRONOUNS
                and not (j + 2 < limit and v.is_cap(j + 2))):
            j += 2  # the place of an institution or a spokesman: "die Regierung in Lomé", "ein IWF-Sprecher aus Washington"
        else:
            break
    return j


def without_relative_clause(v: TokenView, b: int, e: int) -> int:
    """The end of ``[b, e)`` before a relative clause ("Putin, der am Mittwoch … unterzeichnet hatte")."""
    for k in range(b + 1, e - 1):
        if v.words[k] != ",":
            continue
        first = v.lower[k + 1]
        if first in german.RELATIVE_PRONOUNS or first in german.PREPOSITIONS and k + 2 < e and v.lower[k + 2] in german.RELATIVE_PRONOUNS:
            end = next((j for j in range(k + 1, e) if v.words[j] == ","), e)
            if any(german.is_verb_form(v.words[j]) for j in range(k + 1, end)):
                return k
    return e


def strip_range(v: TokenView, b: int, e: int) -> Range | None:
    """Drop punctuation and conjunctions at the edges of ``[b, e)``."""
    while b < e and (v.lower[b] in CONJUNCTIONS or v.words[b] in ",;:–-—"):
        b += 1
    while e > b and v.words[e - 1] in ",;:–-—(":
        e -= 1
    return (b, e) if e > b else None


def skip_adverbs(v: TokenView, i: int, limit: int) -> int:
    """The first token at or after ``i`` that is not an adverb or a short time phrase ("am Montag")."""
    while i < limit:
        lw = v.lower[i]
        if lw in german.ADVERBS and lw not in ("so",) or lw == "sich":
            i += 1
        elif lw in ("am", "im") and i + 1 < limit and v.is_cap(i + 1) and v.lower[i + 1] in NOT_SUBJECT_START | {"abend", "morgen", "nachmittag", "vormittag", "wochenende"}:
            i += 2
        else:
            break
    return i


def lower_verb(v: TokenView, k: int) -> bool:
    """Token k is a verb form in lower case ("sagte", "hat"): a clause's verb, not a noun, and
    not a possessive the dictionary also reads as a verb ("seiner")."""
    return v.words[k].islower() and (v.lower[k] not in german.DETERMINERS or v.lower[k] == "sein") and german.is_verb_form(v.words[k])


def fronted_object(v: TokenView, b: int, e: int) -> bool:
    """A fronted phrase that is an object, not the subject: the addressee ("Dem Sender sagte er",
    "Der englischsprachigen Zeitung Jakarta Post sagte Filep Karma": a feminine medium after
    "der") or what the speech is about ("Den Unmut der CDU brachte … zum Ausdruck": no nominative
    opens with "den" or "einen")."""
    first = v.lower[b]
    if first in OBJECT_DETERMINERS:
        return True
    head = next((k for k in range(b + 1, e) if v.is_cap(k)), None)
    return first == "der" and head is not None and v.lower[head].endswith(FEMININE_MEDIA)


def head_noun(v: TokenView, b: int, e: int) -> int | None:
    """The first capitalised word of a phrase past its article and an adjective that opens it ("Jegliche")."""
    for k in range(b, e):
        if not v.is_cap(k) or v.lower[k] in german.DETERMINERS or v.lower[k] in german.PERSONAL_PRONOUNS:
            continue
        if k == b and k + 1 < e and v.is_cap(k + 1) and v.lower[k].endswith(("e", "en", "er", "es", "em")):
            continue
        return k
    return None


def abstract_phrase(v: TokenView, b: int, e: int) -> bool:
    """A phrase whose noun is an abstract one, no speaker: "Eine Verschiebung des Wahltermins",
    "Jegliche Mitverantwortung"."""
    k = head_noun(v, b, e)
    return k is not None and v.lower[k].endswith(ABSTRACT_SUFFIXES) and not v.lower[k].endswith(BODIES) and not is_role(v.words[k])


def _names_someone(v: TokenView, b: int, e: int) -> bool:
    """A phrase that names a person or body: a role noun ("der SPD-Vorsitzende Franz Müntefering")
    or, with no article, a name ("Conze")."""
    k = head_noun(v, b, e)
    if k is None or v.lower[k].endswith(ABSTRACT_SUFFIXES):
        return False
    return is_role(v.words[k]) or v.lower[b] not in german.DETERMINERS


def subject_after_abstract(v: TokenView, field: Range, i: int, limit: int) -> Range | None:
    """The subject after the verb at ``i - 1`` where the fronted ``field`` is an object that its
    article does not show, an abstract noun before a person ("Eine Verschiebung des Wahltermins
    bezeichnete Conze als fatal"); else None."""
    if not abstract_phrase(v, *field):
        return None
    sub = subject_after(v, i, limit)
    return sub if sub and _names_someone(v, *sub) else None


def subject_after(v: TokenView, i: int, limit: int, apposition_to: int | None = None) -> Range | None:
    """The subject that follows a verb at ``i - 1`` ("sagte der Sprecher …"); with
    ``apposition_to``, a comma apposition that runs up to that token is included."""
    j = skip_adverbs(v, i, limit)
    end = noun_phrase(v, j, limit)
    if end is None:
        return None
    if apposition_to is not None and end < limit and v.words[end] == "," and end + 1 < apposition_to:
        k = end + 1
        if v.lower[k] not in german.RELATIVE_PRONOUNS or v.lower[k] in german.ARTICLES and noun_phrase(v, k, apposition_to) == apposition_to:
            app = noun_phrase(v, k, apposition_to)
            if app is not None and (app == apposition_to or v.words[app] in ","):
                end = app
    return (j, end)


def subject_before(v: TokenView, clause_start: int, finite: int) -> Range | None:
    """The subject in front of a verb-second verb: the whole pre-verbal field when it is a noun
    phrase with its appositions ("Jake Sullivan, der Nationale Sicherheitsberater …, betonte"),
    else None (a fronted adverbial, "Am Montag sagte …", "Unterdessen haben …")."""
    span = strip_range(v, clause_start, finite)
    if span is None:
        return None
    b, e = span
    if v.lower[b] in FOCUS_PARTICLES and e - b > 1:
        b += 1  # "Auch Winfried Hassemer glaubt"
    lw = v.lower[b]
    if lw in NOT_SUBJECT_START or lw in german.WH_WORDS or lw in german.COMPLEMENTIZERS:
        return None
    if e - b == 1 and lw not in german.PERSONAL_PRONOUNS and lw not in DEMONSTRATIVES and not german.is_noun(v.words[b]):
        return None
    if UNINFLECTED_ADVERB.search(lw) and (e - b == 1 or v.lower[b + 1] in german.PREPOSITIONS):
        # an adverb capitalised at the start of the sentence, alone or with its object:
        # "Relativierend fügte Gall hinzu", "Passend zu den Gefahren des Eises warnte …"
        return None
    if e - b > MAX_NP:
        end = noun_phrase(v, b, e)
        return (b, end) if end is not None else None
    end = noun_phrase(v, b, e)
    if end is None:
        return None
    while e - 1 >= end and e - 1 > b and v.lower[e - 1] in german.ADVERBS:
        e -= 1  # "Die Kanadier hingegen sagen"
    trimmed = strip_range(v, b, e)
    return (b, without_relative_clause(v, b, trimmed[1])) if trimmed else None


def verb_second_subject(v: TokenView, lo: int, finite: int, end: int) -> Range | None:
    """The subject of a verb-second clause: a nominative pronoun right after the verb ("Die Tat
    bezeichnete er als sinnlos"), else the fronted phrase, else, where that is an object
    ("Den Unmut … brachte die Sprecherin … zum Ausdruck"), the phrase after the verb."""
    if finite + 1 < end and v.lower[finite + 1] in NOMINATIVE_PRONOUNS:
        return (finite + 1, finite + 2)
    before = subject_before(v, lo, finite)
    if before is None:
        return None
    if not fronted_object(v, *before):
        return subject_after_abstract(v, before, finite + 1, end) or before
    return subject_after(v, finite + 1, end)


def subject_from_parse(v: TokenView, verb: int) -> Range | None:
    """The subject subtree of a speech verb from a dependency parse, when the backbone has one."""
    if not v.has_dependencies():
        return None
    from ...nlp.syntax import subject_of

    subject = subject_of(v.doc[v.doc_index[verb]])
    if subject is None:
        return None
    sub = list(subject.subtree)
    return _view_range(v, sub[0].i, sub[-1].i + 1)


def content_from_parse(v: TokenView, verb: int) -> list[Range] | None:
    """The clausal complement of a speech verb from a dependency parse, as view token ranges."""
    if not v.has_dependencies():
        return None
    from ...nlp.syntax import content_of

    out = []
    for span in content_of(v.doc[v.doc_index[verb]]):
        b = bisect.bisect_left(v.starts, span.start)
        e = bisect.bisect_left(v.starts, span.end)
        if e > b:
            out.append((b, e))
    return out or None


def _view_range(v: TokenView, doc_b: int, doc_e: int) -> Range | None:
    b = bisect.bisect_left(v.doc_index, doc_b)
    e = bisect.bisect_left(v.doc_index, doc_e)
    return (b, e) if e > b else None


def addressee_in(v: TokenView, b: int, e: int, skip: Range | None = None) -> Range | None:
    """An addressee inside a frame ``[b, e)``: "gegenüber X", "vor Journalisten", or a dative
    phrase of the press ("der Zeitung", "dem Sender CNN")."""
    i = b
    while i < e:
        if skip and skip[0] <= i < skip[1]:
            i = skip[1]
            continue
        lw = v.lower[i]
        if lw == "gegenüber" and i + 1 < e:
            end = noun_phrase(v, i + 1, e, extend=False)
            if end:
                return (i + 1, end)
        if lw == "vor" and i + 1 < e and v.lower[i + 1] in ("journalisten", "reportern", "journalistinnen", "pressevertretern", "medienvertretern"):
            return (i + 1, i + 2)
        if lw in ("der", "dem", "den") and i + 1 < e:
            end = noun_phrase(v, i, e, extend=False)
            if end and any(v.lower[k] in MEDIA_NOUNS for k in range(i, end)):
                # Include the name that follows ("der Nachrichtenagentur Reuters").
                return (i, end)
        i += 1
    return None
