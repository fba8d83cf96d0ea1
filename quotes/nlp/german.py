"""German word lists and light morphology: lemmas and Konjunktiv I/II, without a tagger.

Everything here works on single word forms and is cached, so it is cheap on the hot path.
Lemmas come from simplemma's dictionary; the mood of a verb form is derived from its lemma
(``gebe`` ← ``geben``: Konjunktiv I) plus closed lists for the irregular forms.
"""

from __future__ import annotations

from functools import lru_cache

import simplemma

# Closed classes. Lower case.
ARTICLES = frozenset("der die das des dem den ein eine einer eines einem einen".split())
DETERMINERS = ARTICLES | frozenset(
    """dieser diese dieses diesem diesen jener jene jenes jenem jenen jeder jede jedes jedem jeden
    kein keine keiner keines keinem keinen mein meine meiner meines meinem meinen sein seine seiner
    seines seinem seinen ihr ihre ihrer ihres ihrem ihren unser unsere unserer unseres unserem
    unseren euer eure dessen deren welcher welche welches welchem welchen alle aller allen beide
    beider beiden mehrere mehrerer mehreren einige einiger einigen viele vieler vielen manche
    mancher manchen zahlreiche zahlreicher zahlreichen verschiedene verschiedener verschiedenen
    andere anderer anderen weitere weiterer weiteren""".split()
)
PERSONAL_PRONOUNS = frozenset("er sie es ich wir ihr man du".split())
RELATIVE_PRONOUNS = frozenset("der die das dem den dessen deren denen welcher welche welches welchem welchen".split())
PREPOSITIONS = frozenset(
    """ab an am ans auf aufs aus außer bei beim bis durch für fürs gegen gegenüber hinter im in ins
    mit nach neben ohne seit trotz über um unter vom von vor während wegen zu zum zur zwischen
    innerhalb außerhalb anlässlich angesichts aufgrund bezüglich infolge jenseits laut mittels
    oberhalb unterhalb samt seitens statt anstatt entlang dank gemäß""".split()
)
# Subordinating conjunctions and question words that open a clause.
SUBORDINATORS = frozenset(
    """dass daß ob weil da obwohl obgleich wenn falls sofern sobald solange bevor nachdem während
    seit seitdem damit sodass indem wie als wo wohin woher wann warum weshalb weswegen wieso wer
    was wen wem wessen inwiefern inwieweit wonach womit wodurch wofür worauf""".split()
)
COMPLEMENTIZERS = frozenset("dass daß ob".split())
WH_WORDS = frozenset("wie wer was wen wem wessen wann warum weshalb weswegen wieso wo wohin woher inwiefern inwieweit welche welcher welches".split())
COORDINATORS = frozenset("und oder aber sondern denn doch sowie".split())
# Adverbs that commonly stand between a cue verb and its subject or around a cue.
ADVERBS = frozenset(
    """weiter weiterhin außerdem zudem auch ferner dazu darüber daraufhin dann nun jetzt heute
    gestern vorgestern morgen bereits schon inzwischen mittlerweile zuvor zuletzt später damals
    erneut nochmals noch jedoch allerdings aber indes indessen hingegen dagegen zugleich ebenfalls
    gleichzeitig schließlich abschließend erst kürzlich jüngst bislang bisher zunächst anschließend
    ausdrücklich deutlich offen öffentlich klar nachdrücklich mehrfach wiederholt offenbar
    offensichtlich angeblich demnach demzufolge deshalb daher somit also ebenso so nicht nur
    vielmehr sogar lediglich selbst wörtlich sinngemäß""".split()
)
AUXILIARIES = frozenset(
    """hat haben hatte hatten habe hätte hätten ist sind war waren sei seien wäre wären wird werden
    wurde wurden werde würde würden kann können konnte konnten könne könnte könnten muss müssen
    musste mussten müsse müsste müssten soll sollen sollte sollten solle will wollen wollte
    wollten wolle darf dürfen durfte durften dürfe dürfte dürften mag möge möchte möchten""".split()
)
# Konjunktiv forms that the lemma rule cannot see (irregular, or identical stems).
KONJUNKTIV_I = frozenset("sei seiest seist seien seiet habest habe werde könne müsse solle wolle dürfe möge wisse tue".split())
KONJUNKTIV_II = frozenset(
    """wäre wären wärst wäret hätte hätten hättest würde würden würdest könnte könnten müsste
    müssten müßte müßten dürfte dürften möchte möchten ginge stünde stünden stände ständen
    bräuchte bräuchten wüsste wüssten""".split()
)
# Pronouns that make a 1st or 2nd person subject: "habe ich" is indicative, not Konjunktiv.
FIRST_PERSON = frozenset("ich du".split())
UMLAUTS = str.maketrans("äöü", "aou")
# Participles that the dictionary lemmatises as adjectives ("hat entschieden").
LEMMA_FIXES = {"entschieden": "entscheiden"}


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary lemma of a word form, lower case.

    >>> lemma("sagte"), lemma("hätten"), lemma("Angaben")
    ('sagen', 'haben', 'angabe')
    """
    if word in LEMMA_FIXES:
        return LEMMA_FIXES[word]
    try:
        return simplemma.lemmatize(word, lang="de").lower()
    except Exception:  # noqa: BLE001 - an odd form (control characters) has no lemma, not an error
        return word.lower()


@lru_cache(maxsize=200_000)
def is_noun(word: str) -> bool:
    """True when the dictionary lemma of a word is capitalised (a noun), or the word is unknown
    (most likely a name). A sentence-initial "Unterdessen" is no noun.

    >>> is_noun("Unterdessen"), is_noun("Polizei"), is_noun("Sullivan")
    (False, True, True)
    """
    try:
        raw = simplemma.lemmatize(word, lang="de")
    except Exception:  # noqa: BLE001 - see lemma()
        return True
    return raw[:1].isupper() or not simplemma.is_known(word, lang="de")


@lru_cache(maxsize=200_000)
def is_verb_form(word: str) -> bool:
    """A lower-case word whose lemma is a verb (ends in -n and is lower case): "sagte",
    "unterzeichnet", "hatte". Adjectives whose lemma ends in -en ("offen") slip through.

    >>> is_verb_form("unterzeichnet"), is_verb_form("hatte"), is_verb_form("militärischen"), is_verb_form("Firma")
    (True, True, False, False)
    """
    if not word.isalpha() or not word.islower():
        return False
    if word in AUXILIARIES:
        return True
    try:
        raw = simplemma.lemmatize(word, lang="de")
    except Exception:  # noqa: BLE001 - see lemma()
        return False
    return raw.islower() and raw.endswith("n") and len(raw) > 3 and not word.endswith(("ische", "ischen", "ischer", "isches", "ischem"))


@lru_cache(maxsize=200_000)
def mood(word: str) -> str | None:
    """``"I"`` or ``"II"`` for a finite Konjunktiv verb form, else None. Lower-case forms only:
    a capitalised ``Rede`` is a noun. 1st-person readings (``ich gebe``) are the caller's concern.

    >>> mood("gebe"), mood("seien"), mood("hätten"), mood("gäbe"), mood("gibt"), mood("Rede")
    ('I', 'I', 'II', 'II', None, None)
    """
    if not word or not word.islower() or not word.isalpha():
        return None
    if word in KONJUNKTIV_I:
        return "I"
    if word in KONJUNKTIV_II:
        return "II"
    if word[-1] != "e" and not word.endswith("en"):
        return None
    lem = lemma(word)
    if lem == word or len(lem) < 4 or not lem.endswith("n"):
        return None
    if word.endswith("e"):
        # geben → gebe, ändern → ändere; but not past tense "sagte" (lemma sagen).
        if lem.endswith("en") and word == lem[:-1]:
            return "I"
        if lem.endswith(("ern", "eln")) and word == lem[:-1] + "e":
            return "I"
        # Umlauted strong stems: geben → gäbe, kommen → käme, liegen → läge.
        if _umlauted_past(word, lem):
            return "II"
        return None
    if word.endswith("en") and _umlauted_past(word[:-1], lem):
        return "II"
    return None


def _umlauted_past(form: str, lem: str) -> bool:
    """``gäbe`` from ``geben``: the form has an umlaut the lemma lacks, ending in -e."""
    return form.endswith("e") and any(c in form for c in "äöü") and not any(c in lem for c in "äöü") and form.translate(UMLAUTS) != lem[:-1]


def is_capitalized(word: str) -> bool:
    return bool(word) and word[0].isupper()
