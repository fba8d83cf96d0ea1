"""Speaker resolution within one document: from a speaker mention to the person it denotes.

``resolve_speakers`` fills ``speaker_id`` on every quote with the canonical name of its speaker:
the fullest name the article gives ("Wladimir Putin" for "Putin", "er" or "Russlands Präsident"),
or, for a speaker the article never names, the fullest description of it without article
("Hochrangiger Regierungsvertreter"). Organisations and media stay as they are ("Reuters",
"Regierung in Seoul"); a country adjective standing for its country is the country
("südkoreanische" → "Südkorea", from ``data/speakers_countries.tsv``).

It works on text and spans only (regular expressions and small word lists, no parser), so every
extractor shares it and it costs little next to extraction. What it handles:

- names: the fullest form in the article that contains the mention ("Jong-chon" → "Pak Jong-chon");
- descriptions and roles: tied to a name by a title before the name ("Russlands Präsident Putin"),
  an apposition ("Der Sprecher …, Matthew Miller," / "Jake Sullivan, der Nationale …,") or a copula;
  a bare one, as in a headline, to the one name the article ties its head to ("Militärbeamter von
  Kim Jong-un" → "Pak Jong-chon, einer der höchsten Militärbeamten"); a definite one ("Der
  Ministerpräsident") else denotes the person the text is about, and a definite organisation
  ("die Zeitung", "das Gericht") the one named before ("Münstersche Zeitung", "Bundesverwaltungsgericht");
- pronouns (er, sie, es, der, diese, demnach, seiner Ansicht …): the persons, organisations and
  documents mentioned before them that agree in gender and number (first names, titles, articles,
  feminine -in, plural verbs), ranked by nearness, earlier speakers and subjects; demonstratives
  ("dieser") take the last one mentioned, relative pronouns the noun before their comma ("ein
  Antrag, in dem …"), "eigenen Angaben" the subject of its clause, a possessive with nothing
  before it the person after it ("Die seiner Ansicht nach … veranlasste Senator Dodd");
  "ich"/"wir" inside a quote is the quote's speaker, and a document that speaks in the first
  person is its author; a capitalised "Sie" inside a sentence of a direct quote is the person
  addressed; "die beiden Länder" (and a "sie" for it) the two coordinated before it ("die USA
  und die Niederlande");
- source wrappers, singular or plural ("Darstellungen des Verlages" → Verlag), a name in the
  genitive before one ("Grupps Meinung" → Wolfgang Grupp), a possessive with an adjective
  ("Seine zentrale Aussage"); a lone surname of a person named in full is a name even after a
  relative pronoun ("den Teziç an …") or before a noun ("stellte Grupp Forderungen");
- role words for the same office match ("der Ministerpräsident" for "Premierminister Thaksin
  Shinawatra"); a description naming an organisation of its own ("Der Hauptgeschäftsführer des
  BPI") is not taken for the person spoken of before;
- quotes without a speaker (free indirect continuations): the speaker of the quote before.

Cost is linear in the length of the text: names, mentions and ties are indexed once per document
(sorted offsets and bisection, dicts by token), and every look-up stays within ``WINDOW``
characters, which is longer than any news article.

Each resolution appends a readable line to the quote's ``trace``.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Sequence

from .types import Document, Quote, Span

MENTION_KINDS: tuple[str, ...] = ("name", "partial_name", "pronoun", "description", "none")

# Pronoun → (gender, number) it asks of its antecedent; None accepts any.
PRONOUNS: dict[str, tuple[str | None, str | None]] = {
    "er": ("m", "sg"), "ihm": ("m", "sg"), "ihn": ("m", "sg"), "der": ("m", "sg"), "dieser": ("m", "sg"),
    "jener": ("m", "sg"), "derselbe": ("m", "sg"),
    "sie": (None, None), "die": (None, None), "diese": (None, None), "ihr": (None, None), "jene": (None, None),
    "es": ("n", "sg"), "dies": (None, None), "das": ("n", "sg"), "dieses": ("n", "sg"), "diesem": (None, "sg"),
    "eigenen angaben": (None, None), "eigenen angaben zufolge": (None, None), "nach eigenen angaben": (None, None),
    "ich": (None, "sg"), "jch": (None, "sg"), "wir": (None, "pl"), "man": (None, None), "jhr": (None, None),
    "mir": (None, "sg"), "mich": (None, "sg"), "uns": (None, "pl"),
    "demnach": (None, None), "danach": (None, None), "dort": (None, None), "dieser zufolge": (None, None), "diesem zufolge": ("m", "sg"),
    "ihr zufolge": (None, None), "ihm zufolge": ("m", "sg"), "ihnen zufolge": (None, "pl"),
    "beide": (None, "pl"), "beiden": (None, "pl"),
}

# A name of abbreviated words: "Allg. Schweiz. Ztg.", "Nidw. Volksblatt" (the first word kept apart
# to tell it from a title: "Dr. Müller").
_ABBREVIATED_NAME = re.compile(r"([A-ZÄÖÜ][a-zäöüß]*)\.(?:\s*[A-ZÄÖÜ][a-zäöüß]*\.)*\s*[A-ZÄÖÜ][\w\-]*\.?")
# Abbreviated roles before a name: "Abg. Schneider" (Abgeordneter), "Gen. Moltke".
_ABBREVIATED_ROLES = frozenset("abg gen präs oberstlt hptm".split())
# Endings of a noun after "der" that make it a genitive (feminine or plural), not a masculine
# nominative: "der deutschfortschrittlichen Partei", "der einzelnen Curien".
_GENITIVE_AFTER_DER = ("en", "ei", "ung", "heit", "keit", "schaft", "ion", "tät", "ie", "e", "rn", "ik", "ur")
# First-person pronouns ("Jch" is the old spelling of "Ich"): inside a quote they are its speaker.
_FIRST_PERSON_WORDS = frozenset("ich jch wir mir mich uns".split())

# Relative pronouns → the genders and the number they ask of the noun they refer to.
_RELATIVE: dict[str, tuple[str | None, str | None]] = {
    "der": (None, None), "die": (None, None), "das": ("n", "sg"), "dem": ("mn", "sg"), "den": ("m", "sg"),
    "dessen": ("mn", "sg"), "deren": (None, None), "denen": (None, "pl"),
    "welcher": (None, None), "welche": (None, None), "welches": ("n", "sg"), "welchem": ("mn", "sg"),
    "wonach": (None, None),  # "eine Schätzung, wonach …": the noun before its comma
}

DETERMINERS = frozenset(
    "der die das des dem den ein eine einer einem einen eines dieser diese dieses diesem diesen "
    "jeder jede jedes seine seiner seinem seinen seines ihre ihrer ihrem ihren ihres unser unsere kein keine "
    "im am vom zum zur beim ins mehrere einige viele alle beide zwei drei vier vielen einigen mehreren allen beiden".split()
)
INDEFINITE = frozenset("ein eine einer einem einen eines mehrere einige viele zwei drei vier".split())
# Forms of address, titles of nobility and military ranks before a name, with the gender they
# show: "Herr Müller", "Graf Andrassy", "Commander Randy Henderson".
TITLES = {"herr": "m", "herrn": "m", "hr": "m", "hrn": "m", "frau": "f", "mr": "m", "mrs": "f", "ms": "f", "sir": "m", "graf": "m", "grafen": "m",
          "gräfin": "f", "fürst": "m", "fürsten": "m", "fürstin": "f", "freiherr": "m", "freiherrn": "m", "freifrau": "f",
          "baron": "m", "baronin": "f", "prinz": "m", "prinzen": "m", "prinzessin": "f", "herzog": "m", "herzogs": "m",
          "herzogin": "f", "lord": "m", "lady": "f", "marquis": "m",
          **dict.fromkeys("commander colonel captain sergeant admiral oberst oberstleutnant hauptmann leutnant kapitän generalleutnant generalmajor "
                          "pater rabbi apostel probst propst abbé".split(), "m"),
          # forms of address of other languages and of the family, before a name in stories and old texts
          **dict.fromkeys("monsieur signor signore don conte marchese vetter onkel".split(), "m"),
          **dict.fromkeys("madame mademoiselle signora donna contessa marchesa base tante".split(), "f")}
# Capitalised words that are never part of a name (sentence-initial function words, months, days,
# and the titles above).
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
        "Darunter Davon Dafür Dagegen Daraus Darin Dadurch Deswegen Demzufolge Dementsprechend Andere Anderen Anderer Anderes "
        "Einzig Lediglich Ausgerechnet Mein Meine Meinem Meinen Meiner Dein Deine Euer Eure Sr Se "
        "Dr Prof Sankt St Daß Ihnen Ist Innern Äußern Aeußern Mich Dir Dich Uns Euch"
    ).split()
) | frozenset(TITLES)
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
    "ehefrau ehemann witwe frau geschäftsmann feuerwehrmann hauptmann obmann befehlshaber anhänger polizeichef insider quelle rechtler redakteur moderator partner "
    "wissenschafter soldat major kapitän pilot täter verdächtig anführer astronom lehrer schüler "
    "student händler initiator organisator veranstalter bürger einwohner anwohner nutzer angestellt "
    "arbeiter beschäftigt teilnehmer mediziner ingenieur unternehmer minister referent "
    "franzose brite russe pole türke kurde grieche chinese amerikaner italiener spanier kanadier "
    "iraner iraker israeli palästinenser afghane syrer ukrainer japaner inder "
    "fahrer detektiv prediger aner niederländer holländer engländer ausländer träger intellektuell "
    "sieger gewinner sportler athlet verantwortlich loge kollege kollegin kaiser zar herzog "
    "dichter marschall ammann meister akademiker kardinal prälat".split()
)
# Heads that introduce the name of an organisation or medium: "Tageszeitung Haaretz".
ORG_HEADS = tuple(
    "zeitung zeitschrift magazin sender agentur organisation partei verband gewerkschaft "
    "konzern unternehmen firma website portal institut behörde bewegung hilfswerk komitee "
    "verband gericht gerichtshof ministerium amt senat fraktion regierung kommission gruppe garde "
    "team blatt netzwerk stiftung universität polizei armee dienst presse rat tribunal "
    "staatsanwaltschaft gewerkschaft verlag medienhaus koalition opposition feuerwehr bundeswehr autobauer hersteller "
    "flughafen stadt gemeinde landkreis klinik klinikum krankenhaus bank".split()
)
# Source nouns that wrap the real speaker: "Angaben der Polizei", "Polizeiangaben", "Medienberichten".
SOURCE_NOUNS = ("angaben", "aussagen", "aussage", "informationen", "worte", "worten", "berichten", "berichte", "bericht", "meldungen", "schätzungen", "erkenntnissen", "meinung")
_HYPHENED_SOURCE = re.compile(
    r"([\w.]+)-(?:Meldung|Meldungen|Schreiben|Mitteilung|Pressemitteilung|Erklärung|Interview|Homepage|Website|Webseite|Pressekonferenz"
    r"|Studie|Bericht|Berichts|Berichtes|Umfrage|Analyse|Gutachten)"
)
# Nouns of what was said or written, in lower case (the end of a compound: "Kernaussage").
_SPEECH_NOUNS = (
    "aussage", "aussagen", "angaben", "bericht", "berichts", "berichtes", "berichten", "meldung", "mitteilung", "erklärung",
    "ankündigung", "veröffentlichung", "stellungnahme", "umfrage", "pläne", "plänen", "dokument", "dokumenten", "dokumente",
    "beschuldigungen", "vorwürfen", "forderung", "forderungen", "warnung", "warnungen", "einschätzung", "schätzung",
    "schätzungen", "berechnungen", "analyse", "ergebnissen", "ergebnisse", "ergebnis", "ergebnisses", "prognose", "angebot",
    "meldungen", "mitteilungen", "erklärungen", "konferenz", "meinung", "meinungen", "interview", "rede",
    "entwurf", "entwurfs", "haftbefehl", "urteil", "urteils", "gutachten", "gutachtens", "studie", "studien", "fazit",
)
_WRAPPER = re.compile(
    r"^(?:(?:laut|nach|so|zufolge|gemäß|wie|auch|in|im|aus)\s+)*"
    r"(?:(?:den\s+|der\s+|dem\s+|die\s+|das\s+|eine\s+|ein\s+|einer\s+|einem\s+|eines\s+|eigenen\s+|eigenem\s+|eigener\s+|ersten\s+|offiziellen\s+|übereinstimmenden\s+|jüngsten\s+)*"
    # any other adjective before the source noun: "einer gemeinsamen Erklärung des …"
    r"(?:[a-zäöüß]+(?:en|em|er)\s+(?=[A-ZÄÖÜ]))?"
    # a participle with its adverbial between article and source noun: "einer am Dienstag veröffentlichten"
    r"(?:(?:am|vom|im)\s+[A-ZÄÖÜ]\w+\s+[a-zäöüß]+(?:ten|enen)\s+)?"
    r"(?:Angaben|Aussagen|Aussage|Informationen|Information|Berichten|Berichte|Bericht|Meldungen|Schätzungen|Erkenntnissen|Auskunft|Worten|Worte"
    r"|Darstellungen|Darstellung|Einschätzungen|Einschätzung|Auffassung|Ansichten|Ansicht|Sicht|Willen|Stellungnahmen|Stellungnahme"
    r"|Mitteilungen|Mitteilung|Pressemitteilung|Presseerklärung|Artikel|Ermittlungen|Meldung|Bekunden|Sichtweise"
    r"|Erklärung|Erklärungen|Äußerungen|Vorschlag|Entscheidung|Verdacht|Analyse|Schätzung|Verlautbarung|Meinung|Plan|Auswertung|Recherchen|Zahlen"
    r"|Bewertung|Bewertungen|Anweisung|Anweisungen|Fazit|Stand|Ergebnis|Ergebnissen|Ergebnisse|Untersuchungsergebnissen|Untersuchungsergebnisse"
    r"|Appell|Berechnungen|Vorhersage|Vorhersagen|Befunde|Befunden|Beschluss|Beschlusses|Vermutungen|Schreiben|Prognose|Prognosen"
    # a speech or document noun, also as the end of a compound, before its author: "Die Kernaussage
    # von Jerry Larson", "des Jahresberichts 2008 der …", "der Ankündigung des ständigen Sekretärs"
    r"|(?-i:(?:[A-ZÄÖÜ][a-zäöüß]+-?)?(?:" + "|".join(_SPEECH_NOUNS + tuple(n.capitalize() for n in _SPEECH_NOUNS)) + r")(?:\s+\d{4})?(?=\s+(?:von|vom|des|der|eines|einer|aus)\s)))"
    r"(?:\s+(?:von|des|der|eines|einer|dem|vom|aus))?\s+"
    r"|(?:in|im|bei|von|aus|auf)\s+(?:der|dem|den|des|einer|einem|seiner|ihrer)\s+(?=\S))?",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(
    r"^(?:nach\s+)?(seiner|seinen|seine|ihrer|ihren|ihre)\s+(?:eigenen\s+|[a-zäöüß]+(?:e|en|er)\s+)?"
    r"(?:Ansicht|Meinung|Auffassung|Einschätzung|Aussage|Aussagen|Angaben|Worten|Darstellung|Sicht|Überzeugung|Erinnerung|[a-zäöüß]*[Rr]eden?)(?:\s+nach)?$",
    re.IGNORECASE,
)
# A name in the genitive before a source noun: "Grupps Meinung nach", "Merkels Worten zufolge".
_GENITIVE_SOURCE = re.compile(
    r"^(?:(?:laut|nach)\s+)?([A-ZÄÖÜ][\w\-]+?)(?:s|’|')\s+(?:eigenen\s+)?"
    r"(?:Ansicht|Meinung|Auffassung|Einschätzung|Aussage|Aussagen|Angaben|Worten|Darstellung|Sicht|Überzeugung|Erinnerung|Idee|Vorschlag|Plan|Pläne|Forderung|Erklärung)"
    r"(?:\s+(?:nach|zufolge))?$"
)
# A name that is the dative object of a passive accusation: "Kony wird vorgeworfen, …".
_ACCUSED = re.compile(r"\s+(?:wird|wurde|werden|wurden)\b")
_ACCUSATION = re.compile(r"\b(?:vorgeworfen|nachgesagt|angelastet|zur Last gelegt|unterstellt)\b")
# "die beiden Länder" for two coordinated nouns before it: "die USA und die Niederlande".
_PAIR_NOUN = re.compile(r"(?:(?:[Dd]ie|[Dd]iese)\s+)?(?:[Bb]eiden|zwei)\s+[A-ZÄÖÜ]")
_PAIR = re.compile(r"\b([A-ZÄÖÜ][\w\-]*)\s+(?:und|sowie)\s+(?:(?:der|die|das|den|dem)\s+)?([A-ZÄÖÜ][\w\-]*)\b(?!\s+[A-ZÄÖÜ])")
# The polite possessive, capitalised anywhere: "durch Ihren Staatsbesuch" is no name.
_POLITE_POSSESSIVES = frozenset("ihr ihre ihren ihrem ihrer ihres".split())
# Role nouns that name the same office: "der Ministerpräsident" for "Premierminister Thaksin Shinawatra".
_ROLE_SYNONYMS = (frozenset(("ministerpräsident", "premierminister", "premier", "regierungschef")),)
# Where or how a source said it, after its name: "der Focus in seiner Onlineausgabe", "flightradar24 auf Twitter".
# When a source said it: "vom Dienstagabend", "am 12. Mai", "vom gestrigen Mittwoch", "vom späten Abend".
_WHEN = (
    r"\s+(?:vom|am)\s+(?:(?:gestrigen|heutigen|vergangenen|letzten|frühen|späten)\s+)?(?:\d{1,2}\.\s*)?"
    r"(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Sonnabend|Wochenende|Vortag|Vorabend|Morgen|Vormittag|Nachmittag|Abend|"
    r"Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)\w*(?:\s+\d{4})?$"
)
_TRAILING = re.compile(
    r"\s*\([^)]*\)$|,\s*(?:welche[rs]?|der|die|das)$"
    # when it was said: "der EU-Außenminister vom Dienstagabend", "vom 12. Mai"
    r"|" + _WHEN +
    r"|\s+(?:im\s+(?:Jahr\s+\d{4}|(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)(?:\s+\d{4})?)"
    r"|von\s+(?:heute|gestern|vorgestern)(?:\s+(?:Morgen|Vormittag|Mittag|Nachmittag|Abend|früh))?)$"
    r"|\s+(?:in|auf|im|bei|gegenüber|über)\s+(?:(?:seiner|ihrer|der|dem|einem|einer|seinem|ihrem|ihren|seinen|eine|einen|die|den|das)\s+)?(?:\w+\s+)?"
    r"(?:Online-?[Aa]usgabe|Ausgabe|Website|Webseite|Internetseite|Homepage|Twitter|Facebook|Sendung|Interview|Blog|Blogeintrag"
    r"|Pressemitteilung|Mitteilung|Erklärung|Stellungnahme|Pressekonferenz|Anfrage)\b.*$"
)
# A preposition right before a name, without an article: "Von Obama", "bei Russland Aktuell".
_LEADING_PREPOSITION = re.compile(
    r"(?:[Vv]on|[Bb]ei|[Ss]eitens)\s+(?=[A-ZÄÖÜ](?!\w*\s+(?:zufolge|nach)\b))"
    r"|(?:[Aa]uf|[Vv]on)\s+Seiten\s+(?=(?:der|des)\s)"  # "Auf Seiten der Opposition"
)
# An extended participle between article and noun: "die in Oberösterreich erscheinende „Rundschau …“".
_PARTICIPLE = re.compile(r"^((?:[Dd]er|[Dd]ie|[Dd]as|[Dd]es|[Dd]em|[Dd]en|[Ee]ine?[rsmn]?)\s+)(?:[^,]*?\s)?[a-zäöüß]+end(?:e|en|er|es|em)?\s+(?=[A-ZÄÖÜ„\"»])")
_PREPOSITIONS_ATTACHING = frozenset("von vom bei für gegen mit um als aus an auf über unter nach zu zum zur durch".split())
_COMMON_SUFFIXES = ("ung", "heit", "keit", "schaft", "ion", "ismus", "nahme", "ität", "tät", "ium", "ment", "nis", "ungen", "ei", "ie",
                    "heiten", "keiten", "schaften", "ionen", "täten", "nisse", "nahmen")
# Suffixes no given name has: "Verwaltung", "Wissenschaft", "Kommission".
_NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "sion", "ismus", "nahme", "ität", "tät", "ium", "ment", "nis", "ungen", "ei", "er", "ur", "ik")
_FEMININE_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "ion", "tät", "ei", "ie", "ik", "ur")
# A word; a web address is one word, and a name ("GGG.at", "worldreferree.com").
_DOMAIN = r"\.(?:com|de|at|ch|org|net|info|eu|co\.uk|uk|fr|it|es|nl|ru|io|tv)\b(?![\-.]\w)"
_WORD = re.compile(r"[^\W\d_][\w'’\-]*(?:" + _DOMAIN + r")?|\d[\w\-]*")
_MONTHS = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
# A sentence ends at . ! ? … before a capital or a digit, but not at the ordinal of a date ("am 21. November").
_SENTENCE_END = re.compile(r"(?<=[.!?…])(?:(?<!\d\.)|(?!\s+(?:" + _MONTHS + r")\b))[\"“”»«'’)]*\s+(?=[„\"»«‚(]?[A-ZÄÖÜ0-9])|\n+")
# Adjectives that may stand before a country adjective in a source: "offiziellen chinesischen Angaben".
_QUALIFIERS = frozenset("offiziell erst jüngst neuest staatlich amtlich".split())
_FIRST_PERSON = re.compile(r"\b(?:ich|mich|mir|mein|meine|meinen|meinem|meiner|meines)\b", re.IGNORECASE)
# A source in the sentence of a quote without a speaker span: "laut X", "nach Angaben X", "wie aus X
# verlautete", "heißt es in X" (the noun phrase X starts at group "np").
_SOURCE_PHRASE = re.compile(
    r"\b(?:(?P<lead>[Nn]ach)\s+|(?:[Ll]aut|[Gg]emäß)\s+|[Ww]ie\s+(?:aus|von)\s+|heißt\s+es\s+(?:in|im|auf|bei)\s+)(?P<np>(?=\S))"
)


def _np_extent(text: str, start: int, limit: int) -> int:
    """Where a noun phrase that starts at ``start`` ends: articles, attributive adjectives,
    capitalised words, genitives and quoted names, up to a comma, a verb or ``limit``; at most
    twelve words.

    >>> t = "Laut einer am Dienstag veröffentlichten Pressemitteilung des WFP wurden 2.000 Menschen versorgt."
    >>> t[5 : _np_extent(t, 5, len(t))]
    'einer am Dienstag veröffentlichten Pressemitteilung des WFP'
    >>> t = "Nach Angaben der Polizei habe der Mann Flugblätter verteilt."
    >>> t[5 : _np_extent(t, 5, len(t))]
    'Angaben der Polizei'
    """
    found = list(re.finditer(r"[„\"»][^„“\"»«]{1,60}[“\"«]|\S+", text[start:limit]))
    words = [m.group().rstrip(",;:.!?)") for m in found]
    small = DETERMINERS | {"am", "vom", "im", "von", "aus"}
    end = start
    for n, (m, word) in enumerate(zip(found, words)):
        low = word.lower()
        nxt = words[n + 1] if n + 1 < len(words) and word == m.group() else ""
        if word[:1] in "„\"»" or word[:1].isupper():
            ok = True
        elif low in small:
            ok = bool(nxt) and (nxt[:1].isupper() or nxt[:1] in "„\"»" or nxt.islower())
        else:
            # an attributive adjective or participle: inflected, and a noun or another one after it
            ok = re.fullmatch(r"[a-zäöüß\-]+(?:e|en|er|es|em)", word) is not None and bool(nxt) and (nxt[:1].isupper() or nxt[:1] in "„\"»" or re.fullmatch(r"[a-zäöüß\-]+(?:e|en|er|es|em)", nxt) is not None and nxt not in small)
        if not ok or n >= 12:
            break
        end = start + m.start() + len(word)
        if word != m.group():
            break  # a comma or a full stop ends it
    while True:  # not ending on an article, a preposition or an adjective
        tail = re.search(r"\s+(\S+)$", text[start:end])
        if tail and (tail.group(1).lower() in small or tail.group(1).islower()):
            end = start + tail.start()
            continue
        break
    return end


# The speaker's own words: "eigenen Angaben", "eigener Aussage", "nach eigenem Bekunden".
_OWN_SOURCE = re.compile(
    r"(?:nach\s+|laut\s+)?eigene[nmr]?\s+(?:angaben|aussagen?|bekunden|darstellung|worten|einschätzung|informationen)(?:\s+zufolge|\s+nach)?"
)
# What no speaker span is: an adverb, a conjunction or a preposition on its own ("hier", "Darüber", "aus").
_NO_SPEAKER = re.compile(
    r"[a-zäöüß]+|Darüber|Darauf|Daraufhin|Dabei|Dazu|Hier|Hierzu|Dort|Damals|Zudem|Auch|Aber|Doch|Dann|Und|Kurzzeitig|Hingegen|Jedoch|Allerdings"
    r"|Darunter|Davon|Dafür|Dagegen|Daraus|Darin|Dadurch"
)
_NAME_PARTICLE = re.compile(r"(?:al|el|ad|as|ar|asch|at|az|ibn|bin|abu|abd)-[A-ZÄÖÜ]")
# Particles of a name after a form of address, "v." the old abbreviation of "von".
_ADDRESS_PARTICLES = frozenset("von v vom zu zur van de der den".split())
_PARTICLES = frozenset("von van de di da del al el bin ibn zu ter ten le la du dos y der den".split())
# Generic nouns of organisations and media that stand as a title before their name.
_MEDIA_HEADS = ORG_HEADS + (
    "seite", "site", "angebot", "provider", "plattform", "blog", "kanal", "initiative", "verein", "bündnis", "gesellschaft",
    "versorger", "anbieter", "betreiber",
    # and trades that name a company: "der Computerbauer SNI", "der Chipproduzent Infineon"
    "bauer", "händler", "produzent", "entwickler", "zulieferer",
)
# Article, adjectives, one noun, then a name of capitalised words, capitals, web addresses or
# words with digits (and "ohne", "für", "of" … inside it): "die Hilfsorganisation Ärzte ohne Grenzen".
_NAME_WORD = r"(?:[A-ZÄÖÜ][\w'’&.\-]*|[a-z][\w\-]*" + _DOMAIN + r"|[a-z]+\d[\w]*)"
# An article that may open a mention.
_ARTICLE = r"(?:(?:[Dd]er|[Dd]ie|[Dd]as|[Dd]es|[Dd]em|[Dd]en|[Ee]ine?[mnrs]?)\s+)?"
_TITLED_NAME = re.compile(
    _ARTICLE + r"(?:[a-zäöüß]+(?:e|en|er|es|em)\s+){0,2}"
    r"([A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ]?[a-zäöüß]+)*)\s+"
    r"(" + _NAME_WORD + r"(?:\s+(?:(?:ohne|für|of|the|for|and|de|du|la|le)\s+)?" + _NAME_WORD + r"){0,5})"
)
# Nouns of time, never a name (but a surname after a given name: "Michael Ende"): "Letzte Woche", "Kevin Lynch Anfang Juni".
_TIME_NOUNS = frozenset(
    "woche wochen jahr jahre jahren jahres monat monate monaten monats tag tage tagen tages stunde stunden minute minuten "
    "anfang ende mitte abend abends nacht zeit uhr wochenende vormittag nachmittag mittag".split()
)
# Numbers and units, never a name: "8,6 Milliarden Euro".
_MEASURE_NOUNS = frozenset(
    "million millionen milliarde milliarden billion billionen euro dollar us-dollar prozent kilometer meter tonnen".split()
)
# Bodies that a place makes specific: "die Provinzregierung in Helmand", "Gesundheitsbehörden in Gaza".
_REGIONAL_BODIES = ("regierung", "verwaltung", "behörde", "behörden", "rat", "parlament")
# Article, adjectives, one noun, then a name in quotation marks that ends the mention.
_QUOTED_TAIL = re.compile(
    _ARTICLE + r"(?:[\w\-]+(?:e|en|er|es|em)\s+){0,3}"
    r"[A-ZÄÖÜ][\w\-]*\s+[„\"»]([^„“\"»«]{2,60})[“\"«]"
)
# An institution's one-word name, then where it sits: "das Bundeskriminalamt in Wiesbaden".
_PLACED_NAME = re.compile(r"(?:(?:[Dd]er|[Dd]ie|[Dd]as|[Dd]es|[Dd]em|[Dd]en)\s+)?([A-ZÄÖÜ](?:[\w\-]*[a-zäöüß])?)(\s+(?:in|im)\s+[A-ZÄÖÜ][\w\-]+)")
# Academic titles before a name: "Prof. Dr. Matthias W. Beckmann".
_ACADEMIC_TITLES = frozenset("dr prof med phil rer nat jur dipl ing mag".split())
# Particles that join a name even after a given name the list lacks: "Abdalla al Badri".
_ARABIC_PARTICLES = frozenset("al el bin ibn abu".split())
# Endings of nouns for persons, which stand before names as titles: "Herausforderer", "Menschenrechtlerin".
_PERSON_NOUN_ENDINGS = ("er", "in", "ist", "eur", "ent", "ant", "ör", "at", "oge", "ige", "te")
# How far (in characters) resolution looks for the fullest form of a name, a tie or an antecedent.
# Longer than any news article, so it matters only for long texts (a feed in one file), where it
# keeps the cost linear in the length of the text.
WINDOW = 20_000
# How long a stretch before a name may be for an apposition or a copula clause to tie it.
_CLAUSE_CHARS = 2_000
# What may stand before the subject that opens a sentence: quotation marks, an article, adjectives.
_OPENERS = re.compile(r"[ „\"»«‚']*(?:(?i:auch|aber|und|doch|denn|oder|sondern|sogar|selbst)\s+)?(?:(?i:der|die|das|den|dem|des|ein|eine|einer|einem|einen|eines)\s+[„\"»«‚']*(?:[a-zäöüß\-]+(?:e|en|er|es|em)\s+){0,3})?"
                      # a form of address or a title before the name: "Herr Tarnowski", "Graf Andrassy"
                      r"(?:(?:Herrn?|Frau|Graf|Gräfin|Fürst|Fürstin|Freiherr|Baron|Baronin|Prinz|Prinzessin|Herzog|Herzogin|Lord|Lady|Sir|Dr\.|Prof\.)\s+)*")


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


@lru_cache(maxsize=1)
def country_adjectives() -> dict[str, str]:
    """Country adjective (uninflected, lower case) → the country: "südkoreanisch" → "Südkorea"."""
    path = Path(__file__).parent / "data" / "speakers_countries.tsv"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            adjective, country = line.split("\t")
            out[adjective.strip()] = country.strip()
    return out


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    """The country names of ``country_adjectives``."""
    return frozenset(country_adjectives().values())


def _is_country(word: str) -> bool:
    """A country of ``country_adjectives``, also in the old spelling with "ß": "Rußland"."""
    return word in _countries() or word.replace("ß", "ss") in _countries()


# Countries as old texts name them, which no adjective of the country list gives.
_OLD_COUNTRIES = frozenset("Preußen Oestreich Östreich Oesterreich Baiern Sachsen Hannover Württemberg Würtemberg Baden Hessen England".split())


def _country_name(token: str) -> str | None:
    """The country a token names, also in the genitive and in old spelling: "Preußens" →
    "Preußen", "Rußland" → "Rußland"; None for any other token."""
    for form in (token, token[:-1] if token.endswith("s") else "", token[:-2] if token.endswith("es") else ""):
        if form and (_is_country(form) or form in _OLD_COUNTRIES):
            return form
    return None


def _country_genitive(token: str) -> bool:
    """A country's name in the genitive: "Guatemalas", "Nordkoreas"."""
    return token.endswith("s") and token[:-1] in _countries()


def country_of(mention: str) -> str | None:
    """The country a speaker mention names by its adjective alone ("südkoreanische"); None for
    anything else. With a source noun after it the adjective names no author: "nach israelischen
    Angaben" is a source of its own ("Israelische Angaben"), as the speaker-id layer has it.

    >>> country_of("südkoreanische"), country_of("israelischen Angaben"), country_of("die russische Regierung")
    ('Südkorea', None, None)
    """
    words = mention.split()
    if len(words) != 1 or not words[0].islower():
        return None  # a capitalised word alone may be a noun: "Deutsche"
    words = [w for w in words if w.lower() not in DETERMINERS]
    if not words or not all(w[1:].islower() or "-" in w for w in words):
        return None
    last = words[-1].lower()
    stem = re.sub(r"(?:e|en|er|es|em)$", "", last)
    if any(w.lower().rstrip("enrsm") not in _QUALIFIERS for w in words[:-1]):
        return None
    return country_adjectives().get(stem)


@lru_cache(maxsize=65536)
def _without_accents(token: str) -> str:
    """The token with its diacritics dropped, but for the German umlauts, which make another word
    ("Völker" is no "Volker"): "Štefan" → "Stefan", "Zdeněk" → "Zdenek"."""
    return "".join(c if c in "äöüÄÖÜ" else "".join(d for d in unicodedata.normalize("NFKD", c) if not unicodedata.combining(d)) for c in token)


def _is_first_name(token: str) -> bool:
    """A first name, hyphenated ones included ("Karl-Theodor", "Jean-Cyril"), also spelt with
    diacritics the list has not ("Štefan")."""
    names = first_names()
    if token in names or ("-" in token and token.split("-", 1)[0] in names and token[-1].islower()):
        return True
    if token.isascii():
        return False
    plain = _without_accents(token)
    return plain != token and plain in names


def _first_name_gender(token: str) -> str | None:
    names = first_names()
    if token in names:
        return names[token]
    if _is_first_name(token):
        return names.get(token.split("-", 1)[0], names.get(_without_accents(token)))
    return None


def _is_named_org(token: str) -> bool:
    """A compound of an abbreviation and an organisation noun: "SITE-Institut", "UN-Kinderhilfswerk"."""
    if "-" not in token:
        return False
    head, last = token.rsplit("-", 1)
    return _is_org_head(last) and _is_acronym(head)


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
def is_role(token: str) -> bool:
    """A role noun ("Präsident", "Regierungssprecherin", "Ministers") or an organisation head.

    >>> is_role("Regierungssprecherin"), is_role("Verschiebung")
    (True, False)
    """
    w = token.lower().rsplit("-", 1)[-1]
    if w.endswith(("ur", "ung", "heit", "keit")) and not w.endswith("eur"):
        return _is_org_head(token)  # an abstract noun, not a person: "Kandidatur" is no "Kandidat"
    return any(_ROLE_END.search(f) for f in (w, w[:-1], w[:-2], _stem(w))) or _is_org_head(token)


def _compound_of(word: str, heads: tuple[str, ...]) -> bool:
    """Whether lower-case ``word`` is a compound ending in one of ``heads``, at least three letters
    longer ("bundeskriminalamt" of "amt", "nachrichtenseite" of "seite"; not "amt" itself)."""
    return word.endswith(heads) and any(word.endswith(h) and len(word) >= len(h) + 3 for h in heads)  # (the first test is the fast one)


@lru_cache(maxsize=65536)
def _is_org_head(token: str) -> bool:
    w = token.lower().rsplit("-", 1)[-1]
    if "beamt" in w:
        return False  # a person: "Militärbeamter" does not end with the office "Amt"
    return any(_ORG_END.search(f) for f in (w, w[:-1], w[:-2]))


def _is_source_noun(token: str) -> bool:
    """A source noun or a compound ending in one: "Angaben", "Presseinformationen", "NASA-Angaben"."""
    return token.lower().rsplit("-", 1)[-1].endswith(SOURCE_NOUNS)


def _is_acronym(token: str) -> bool:
    """"SPD", "BGH", "GdP": an abbreviation, not a hyphenated compound like "VW-Chef"."""
    if "-" in token or len(token) < 2:
        return False
    return token.isupper() or (len(token) <= 5 and sum(c.isupper() for c in token) >= 2)


# A share of a group: "62 Prozent der Bundesbürger", "40 % aller Befragten".
_SHARE_OF = re.compile(r"\d+(?:,\d+)?\s+(?:Prozent|%)\s+(der|aller|von)\s+((?:[a-zäöüß]+e[nr]?\s+)?[A-ZÄÖÜ][\w-]+)")
# A company's name before a generic noun: "RWE-Konzern", "VW-Konzerns".
_COMPANY_COMPOUND = re.compile(r"([A-ZÄÖÜ][\w.&]*)-(?:Konzern|Konzerns|Unternehmen|Unternehmens)")
# The complement of a noun: a genitive, or a preposition with its article.
_COMPLEMENT = re.compile(r"\s+(?:der|des|eines|einer|(?:aus|an|über|in|von)\s+(?:der|dem|den|die|das))\s")
# A capital inside a word after a lower-case letter: a brand, not a common noun ("ThyssenKrupp", "YouTube").
_CAMEL = re.compile(r"^[A-ZÄÖÜ]\w*[a-zäöüß][A-ZÄÖÜ]")
_ADJECTIVE = re.compile(r"(isch|sch|lich|ig|al|ell|iv|bar|sam|haft|los|end|st|ner|ier|är)(e|en|er|es|em)$")
# Between an article and its noun any inflected lower-case word is an adjective ("der einzelnen
# Curien", "beim zahlreichen Publikum"), and so is an adverb of degree before one ("sehr bieder").
_INFLECTED = re.compile(r"(?!(?:hier|aber|oder|wieder|immer|eben|oben|unten|gestern|morgen|sonst|nie)$)[a-zäöüß]{2,}(?:e|en|er|es|em)")
_DEGREE = frozenset("sehr so ganz gar recht höchst besonders überaus allzu äußerst ziemlich".split())
# Articles fused with a preposition, which open a noun phrase as an article does.
_FUSED_ARTICLES = frozenset("beim im am vom zum zur ins aufs ans".split())
# The endings an adjective takes after a definite article.
_WEAK_ENDINGS = {
    "das": ("e",), "ins": ("e",), "aufs": ("e",), "ans": ("e",), "der": ("e", "en"), "die": ("e", "en"),
    **dict.fromkeys("den dem des beim im am vom zum zur".split(), ("en",)),
}


@lru_cache(maxsize=65536)
def speaker_key(name: str | None) -> str:
    """A comparison key for speaker ids: case, leading articles (also of each part of a
    coordination) and inflection endings ignored.

    >>> speaker_key("der Staatsanwaltschaft Krefeld") == speaker_key("Staatsanwaltschaft Krefeld")
    True
    >>> speaker_key("Syrische Regierung und die Rebellen") == speaker_key("Syrische Regierung und Rebellen")
    True
    """
    if not name:
        return ""
    words = [w for w in _WORD.findall(name.replace("’", "'"))]
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    words = _without_inner_articles(words, DETERMINERS)
    return " ".join(_key_stem(w.rstrip("'")) for w in words)


def _without_inner_articles(words: list[str], articles: frozenset[str]) -> list[str]:
    """The words without an article that opens a later part of a coordination ("… und die Rebellen")."""
    return [w for k, w in enumerate(words) if not (k > 0 and words[k - 1].lower() == "und" and w.lower() in articles)]


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
        """The tokens joined by spaces, initials with their full stop: "C.Y. Leung", "George W. Bush"."""
        out = ""
        for n, t in enumerate(self.tokens):
            initial = len(t) == 1 and (t.isupper() or t == "v")  # "v. Tilzer"
            next_initial = n + 1 < len(self.tokens) and len(self.tokens[n + 1]) == 1
            out += t + ("." if initial else "") + ("" if initial and next_initial else " ")
        return out.rstrip()


@dataclass(frozen=True)
class Tie:
    """A description tied to a name by the article: a title before it, or an apposition."""

    head: str
    modifiers: frozenset
    name: str
    start: int
    evidence: str
    plural: bool = False


@dataclass(frozen=True)
class Referent:
    """Something a pronoun may point to: an earlier speaker, or a person, organisation or document
    mentioned in the text, with the gender and number it shows and whether it opens its sentence."""

    id: str
    start: int
    gender: str | None
    number: str | None
    speaker: bool
    description: bool = False
    kind: str = "person"  # person | org | thing
    subject: bool = False
    end: int = 0


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
        self._find_names()
        # Names are found left to right and do not overlap: their starts and ends are both sorted.
        self.name_starts = [nm.start for nm in self.names]
        self.name_ends = [nm.end for nm in self.names]
        self.name_at = {nm.start: nm for nm in self.names}
        self._by_token: dict[str, list[Name]] = {}
        for nm in self.names:
            for t in dict.fromkeys(nm.tokens):
                self._by_token.setdefault(t, []).append(nm)
        self._by_token_starts = {t: [nm.start for nm in names] for t, names in self._by_token.items()}
        self._fullest_cache: dict[tuple[str, ...], tuple[str, Name | None]] = {}
        self._by_tail: dict[str, list[int]] | None = None
        self._find_ties()
        self.ties.sort(key=lambda t: t.start)  # stable: ties at one place keep the order found
        self.tie_starts = [t.start for t in self.ties]
        self.tie_at: dict[int, Tie] = {}
        for t in self.ties:
            self.tie_at.setdefault(t.start, t)
        self.aliases = self._find_aliases()
        self.mentions = sorted(self._find_mentions(), key=lambda r: r.start)
        self.mention_starts = [r.start for r in self.mentions]

    # -- positions -----------------------------------------------------------------------------
    def sentence_of(self, pos: int) -> int:
        return bisect.bisect_right(self.sentence_starts, pos) - 1

    def token_index(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return bisect.bisect_left(self.token_starts, pos)

    def _gap(self, a: Token, b: Token) -> str:
        return self.text[a.end:b.start]

    def names_between(self, start: int, end: int) -> list[Name]:
        """The names that overlap ``[start, end)``, in text order."""
        lo = bisect.bisect_right(self.name_ends, start)
        hi = bisect.bisect_left(self.name_starts, end)
        return self.names[lo:hi]

    def mentions_between(self, start: int, end: int) -> list[Referent]:
        """The mentions that start in ``[start, end)``, in text order."""
        return self.mentions[bisect.bisect_left(self.mention_starts, start) : bisect.bisect_left(self.mention_starts, end)]

    def tokens_ending(self, tail: str, start: int, end: int) -> list[int]:
        """Indices of the tokens in ``[start, end)`` whose lower-case text ends with ``tail`` (four letters)."""
        if self._by_tail is None:
            self._by_tail = {}
            for k, t in enumerate(self.tokens):
                self._by_tail.setdefault(_stem(t.text)[-4:], []).append(k)
        found = self._by_tail.get(tail, [])
        lo = bisect.bisect_left(found, self.token_index(start))
        hi = bisect.bisect_left(found, self.token_index(end))
        return found[lo:hi]

    def noun_phrase(self, k: int) -> str | None:
        """The noun phrase of noun token k as a speaker id: its adjectives, a genitive after it, a
        place after an institution ("in Kaiserslautern") or a year after a document ("2005")."""
        toks = self.tokens
        if self.name_at.get(toks[k].start) is not None or any(n.start < toks[k].start for n in self.names_between(toks[k].start, toks[k].end)):
            return None
        start, end = self._np_start(k), self._np_end(k)
        m = k
        while start == toks[m].start and m > 0 and m > k - 3 and toks[m - 1].text.islower() and _ADJECTIVE.search(toks[m - 1].text) and self._gap(toks[m - 1], toks[m]) == " ":
            m -= 1  # adjectives without an article: "zogen buddhistische Mönche"
            start = toks[m].start
        if end == toks[k].end and k + 2 < len(toks):
            nxt = toks[k + 1]
            if (self._gap(toks[k], nxt) == " " and nxt.text == "in" and toks[k].text.lower().endswith(_PLACE_INSTITUTIONS)
                    and toks[k + 2].text[:1].isupper() and self.classes[k + 2] == "name"):
                end = toks[k + 2].end
            elif self._gap(toks[k], nxt) == " " and (re.fullmatch(r"(?:19|20)\d\d", nxt.text) or (
                    toks[k].text.lower().endswith(_DOCUMENT_HEADS) and re.fullmatch(r"\d+", nxt.text))):
                end = nxt.end  # a year, or a document's number: "Verfassungsschutzbericht 2005", "UN-Resolution 1612"
        return _canonical_description(self.text[start:end])

    def ties_near(self, pos: int) -> list[Tie]:
        """The ties that start within ``WINDOW`` characters of ``pos``, in text order."""
        return self.ties[bisect.bisect_left(self.tie_starts, pos - WINDOW) : bisect.bisect_right(self.tie_starts, pos + WINDOW)]

    # -- names -----------------------------------------------------------------------------------
    def _token_class(self, i: int) -> str:
        """name | role | func | common | lower for token i, looking at its left neighbour."""
        tok = self.tokens[i].text
        if re.search(_DOMAIN + "$", tok):
            return "name"
        if not tok[0].isupper():
            if _NAME_PARTICLE.match(tok):
                return "name"  # "Ahmed al-Assadi", "Abd el-Kader", also alone: "el-Baradei"
            # a role compound with a lower-case first part: "verdi-Verhandlungsführer"
            tail = tok.rsplit("-", 1)[-1]
            return "role" if "-" in tok and tail[:1].isupper() and is_role(tail) else "lower"
        low = tok.lower()
        if low in FUNCTION_WORDS or low in _POLITE_POSSESSIVES:
            return "func"
        if _is_acronym(tok) or _is_first_name(tok) or self._is_initial(i):
            return "name"
        if is_role(tok):
            # a role word right after a first name is a surname: "Joschka Fischer", "Gerhard Richter"
            if i > 0 and _is_first_name(self.tokens[i - 1].text) and self._gap(self.tokens[i - 1], self.tokens[i]) == " ":
                return "name"
            return "name" if _is_named_org(tok) else "role"
        if low.endswith(_COMMON_SUFFIXES) or _is_source_noun(tok) or low in _TIME_NOUNS or low in _MEASURE_NOUNS:
            return "common"
        return "name"

    def _is_initial(self, i: int) -> bool:
        """A single capital followed by a full stop: the "C." of "C.Y. Leung", the "W." of "George W. Bush"."""
        t = self.tokens[i]
        return len(t.text) == 1 and self.text[t.end : t.end + 1] == "."

    def _after_article(self, i: int) -> bool:
        """Whether token i follows an article or an adjective: "die Polizei", "französischen Geheimdienstes"."""
        if i == 0:
            return False
        prev = self.tokens[i - 1]
        if self._gap(prev, self.tokens[i]).strip():
            return False
        if prev.text.lower() in DETERMINERS:
            return True
        if not prev.text.islower():
            return False
        if _ADJECTIVE.search(prev.text):
            return True
        # an inflected adjective after an article: "einem anonymen Hinweis"
        return i > 1 and prev.text.endswith(("e", "en", "er", "es", "em")) and self.tokens[i - 2].text.lower() in DETERMINERS

    def _joined(self, j: int) -> bool:
        """Whether token j+1 continues the run of token j: one space, or the full stop of an initial."""
        gap = self._gap(self.tokens[j], self.tokens[j + 1])
        return gap == " " or (gap in (".", ". ") and self._is_initial(j))

    def _find_names(self) -> None:
        toks = self.tokens
        classes = [self._token_class(i) for i in range(len(toks))]
        self.classes = classes
        i, n = 0, len(toks)
        # Surnames: capitalised tokens right after a first name ("Erdoğan Teziç", "Wolfgang Grupp"); a
        # lone surname is then a name even after a relative pronoun or before a noun ("den Teziç an …",
        # "stellte Grupp Forderungen").
        # The last token of a person name of two or more tokens found in a first pass is a surname too
        # ("Dr. Erdoğan Teziç"): the runs are found again with them (twice the work, still linear).
        self._surnames = {
            toks[m + 1].text for m in range(n - 1)
            if _is_first_name(toks[m].text) and self._gap(toks[m], toks[m + 1]) == " " and classes[m + 1] in ("name", "common", "role")
            and toks[m + 1].text[:1].isupper() and not _is_first_name(toks[m + 1].text) and toks[m + 1].text.lower() not in FUNCTION_WORDS
        }
        self._find_runs()
        found = {nm.tokens[-1] for nm in self.names if nm.person and len(nm.tokens) >= 2 and len(nm.tokens[-1]) > 2 and self._introduced(nm)}
        if found - self._surnames:
            self._surnames |= found
            self.names = []
            self._find_runs()

    def _institution_and_place(self, p: int, j: int, surnames) -> bool:
        """Whether token p is an institution's noun and tokens p+1 … j the place that names it
        ("Landgericht Bremen", "Universität Complutense Madrid"): names, no person's, no genitive."""
        toks = self.tokens
        return _genitive_stripped(toks[p].text).endswith(_PLACE_INSTITUTIONS) and not toks[j].text.endswith("s") and all(
            self.classes[m] == "name" and not (_is_acronym(toks[m].text) or _is_first_name(toks[m].text) or toks[m].text in surnames)
            for m in range(p + 1, j + 1)
        )

    def _may_be_given_name(self, m: int) -> bool:
        """What every given name the list lacks shows: a word in lower case after its capital, one
        space before the next token, and no adjective or country."""
        tok = self.tokens[m].text
        return (
            self._gap(self.tokens[m], self.tokens[m + 1]) == " " and tok[1:].islower() and not _ADJECTIVE.search(tok.lower())
            and country_of(tok) is None and tok not in _countries()
        )

    def _unknown_given_name(self, m: int) -> bool:
        """Whether token m may be a given name missing from the list: a capitalised word of the run
        that is no acronym, adjective, country, organisation or person noun ("Alpha", "Susilo")."""
        tok = self.tokens[m].text
        return (
            self.classes[m] == "name" and self._may_be_given_name(m) and "-" not in tok and not tok.endswith(_PERSON_NOUN_ENDINGS)
            and not tok.endswith("s") and not _is_named_org(tok)
        )

    def _given_name_shape(self, m: int, after_role: bool = False) -> bool:
        """Whether token m may be a given name by its shape: one capitalised word, no common-noun
        suffix, no source noun, country or adjective ("Neelie", "Montserrat"); right after a role
        noun a common noun's suffix does not count, as hardly any common noun stands there
        ("Außenminister Yohei Kono", "Finanzminister Ioannis Paleokrassas"), but for the agent
        nouns in "-er" that are titles themselves ("Vorsitzende Richter Seidling")."""
        tok = self.tokens[m].text
        low = tok.lower()
        return (
            len(tok) >= 3 and tok.isalpha() and self._may_be_given_name(m)
            and (not low.endswith(_NOUN_SUFFIXES) or after_role and not low.endswith("er")) and not _is_source_noun(tok)
        )

    def _introduced(self, name: Name) -> bool:
        """Whether a person name is introduced as one: it starts with a first name, or a title or
        role noun stands right before it ("Dr. Erdoğan Teziç", "Hochschulratspräsident Erdoğan Teziç")."""
        if _is_first_name(name.tokens[0]):
            return True
        k = self.token_index(name.start)
        if k == 0:
            return False
        before = self.tokens[k - 1].text
        return before.lower() in TITLES or before.lower() in ("dr", "prof") or is_role(before)

    def _find_runs(self) -> None:
        toks, classes = self.tokens, self.classes
        i, n = 0, len(toks)
        while i < n:
            if classes[i] not in ("name", "role", "common"):
                i += 1
                continue
            # a run of capitalised tokens joined by single spaces (and name particles after a first name)
            j = i
            while j + 1 < n:
                if (j + 2 < n and _is_first_name(toks[j + 1].text) and not _is_first_name(toks[j].text) and classes[j + 2] == "name"
                        and self._joined(j + 1) and any(_is_first_name(toks[m].text) for m in range(i, j))):
                    break  # a second person starts: "Horst Arnold25px Horst Arnold"
                if self._joined(j) and classes[j + 1] in ("name", "role", "common"):
                    j += 1
                    continue
                if self._joined(j) and (toks[j + 1].text in _PARTICLES and _is_first_name(toks[j].text) or (
                        toks[j + 1].text in _ARABIC_PARTICLES and classes[j] == "name" and not _is_acronym(toks[j].text))):
                    k = j + 1
                    while k < n and toks[k].text in _PARTICLES and self._gap(toks[k - 1], toks[k]) == " ":
                        k += 1
                    if k < n and classes[k] == "name" and not _is_acronym(toks[k].text) and self._gap(toks[k - 1], toks[k]) == " ":
                        j = k
                        continue
                break
            self._add_run(i, j)
            i = j + 1

    def _add_run(self, i: int, j: int) -> None:
        """Keep the name part of run i..j: the tokens after its last role or common noun; a person
        name starts at its first name (or initial) and ends before a common noun after it
        ("Norbert Lammert Verzögerung"); an organisation keeps the adjectives before its head
        ("Demokratische Partei Thailands")."""
        toks, classes = self.tokens, self.classes
        surnames = getattr(self, "_surnames", frozenset())
        titled_by_noun = False
        if j > i and classes[j] == "common" and _is_source_noun(toks[j].text):
            # "laut Ecuadorianischen Presseinformationen": the source noun ends no name
            j -= 1
            if i == j and _ADJECTIVE.search(toks[i].text.lower()):
                return
        if i == j and self._after_article(i) and not (_is_acronym(toks[i].text) or _is_first_name(toks[i].text) or _is_named_org(toks[i].text)):
            if toks[i].text not in surnames:
                return  # a single noun after an article is a common noun: "die Polizei"
        first = next((m for m in range(i, j + 1) if _is_first_name(toks[m].text) or (self._is_initial(m) and m < j)), None)
        if first is not None:
            k, end = first, first
            # the surname may look like a common noun ("Reinhard Jung"); particles join ("zu Guttenberg")
            while end + 1 <= j:
                if classes[end + 1] == "name" or (classes[end + 1] == "common" and _is_first_name(toks[end].text)) or self._is_initial(end):
                    end += 1
                elif toks[end + 1].text in _PARTICLES:
                    end += 1
                else:
                    break
            while end > first and toks[end].text in _PARTICLES:
                end -= 1
            # a first name that ends the run is a surname: "Saddam Hussein", "Barney Frank"
            if first == end and first > i and classes[first - 1] == "name" and not self._is_initial(first - 1):
                k = first - 1
            elif first > i and self._unknown_given_name(first - 1) and (
                    classes[first - 2] == "role" if first - 1 > i
                    else i > 0 and (self._gap(toks[i - 1], toks[i]).endswith(", ") or toks[i - 1].text in ("und", "sowie"))):
                # a given name the list lacks before one it has, in an apposition, after a role or
                # after "und": "…, Alpha Omar Konaré", "Präsident Susilo Bambang Yudhoyono", "Otto
                # Schily und Friedhelm Julius Beucher"
                k = first - 1
            j = end
        else:
            k = i
            for m in range(i, j + 1):
                if classes[m] == "role" or (m < j and _is_named_org(toks[m].text)):
                    k = m + 1
            # a person noun after an article before a given name and a surname is a title: "die
            # Kundin Lindsay Gay", "sein Kontrahent Prabowo Subanto"
            if (k == i and j - i == 2 and self._after_article(i) and toks[i].text.lower().endswith(("in", "ent", "ant", "ist"))
                    and not _is_org_head(toks[i].text) and not _compound_of(toks[i].text.lower(), _MEDIA_HEADS)
                    and classes[j] == "name" and not _is_acronym(toks[j].text) and self._given_name_shape(i + 1)):
                k = i + 1
            # an organisation keeps the adjectives before its head: "Demokratische Partei Thailands"
            if k - 2 >= i and _is_org_head(toks[k - 1].text) and classes[k - 2] == "name" and _ADJECTIVE.search(toks[k - 2].text.lower()):
                k -= 1
                while k - 1 >= i and classes[k - 1] == "name" and _ADJECTIVE.search(toks[k - 1].text.lower()):
                    k -= 1
            # an institution named by its place keeps its noun: "dem Landgericht Bremen", "Staatsanwaltschaft Krefeld"
            if i < k <= j and self._institution_and_place(k - 1, j, surnames):
                k -= 1
            # an organisation noun before an adjective and a noun names it: "Bundesverband Erneuerbare Energie"
            if i < k < j and _is_org_head(toks[k - 1].text) and classes[k] == "name" and _ADJECTIVE.search(toks[k].text.lower()):
                k -= 1
            # a compound noun of a medium or organisation before its name is a title: "die Nachrichtenseite Global Wire"
            media = _genitive_stripped(toks[k].text).lower() if k < j else ""
            if _compound_of(media, _MEDIA_HEADS) and not media.endswith(_PLACE_INSTITUTIONS) and self._after_article(k) and not (
                    _ADJECTIVE.search(toks[k + 1].text.lower())):  # "Bundesverband Erneuerbare Energie" is a name
                k += 1
            # a common noun before a name is not part of it: "Selbstverwaltung Istvan Kovacs"
            last_common = max((m for m in range(k, j + 1) if classes[m] == "common"), default=None)
            # (but an institution named by its place keeps its noun: "Polizeipräsidium Westpfalz", "Universität Complutense Madrid")
            if last_common is not None and last_common < j and all(classes[m] == "name" for m in range(last_common + 1, j + 1)) and not (
                self._institution_and_place(last_common, j, surnames)
            ):
                k = last_common + 1
            # a given name the list lacks between a title and a surname: "Wettbewerbskommissarin Neelie
            # Kroes", "die Archäologin Montserrat Sanz" (a title takes no second noun without an article)
            title = j - 2 >= i and (classes[j - 2] == "role" or (toks[j - 2].text.endswith(_PERSON_NOUN_ENDINGS) and self._after_article(j - 2)))
            if k == j and title and classes[j] == "name" and not _is_acronym(toks[j].text) and self._given_name_shape(j - 1, classes[j - 2] == "role"):
                k = j - 1
            if k > j:
                return
            # a noun before a surname the article gives with a first name is a title: "der konservative
            # Herausforderer Rajoy" after "Mariano Rajoy" (not right after a role, where a given name
            # stands: "Präsident Burhanuddin Rabbani")
            if k < j and toks[j].text in surnames and not (k > i and classes[k - 1] == "role") and all(
                toks[m].text not in surnames and not _is_first_name(toks[m].text) and not _is_acronym(toks[m].text) and not self._is_initial(m)
                and toks[m].text not in _PARTICLES and not _is_named_org(toks[m].text) and not _is_org_head(toks[m].text) and len(toks[m].text) >= 8 and toks[m].text.endswith(_PERSON_NOUN_ENDINGS)
                for m in range(k, j)
            ):
                k = j
                titled_by_noun = True
            # a known surname before common nouns ends the name: "stellte Grupp Forderungen"
            sur = next((m for m in range(k, j + 1) if toks[m].text in surnames), None)
            if sur is not None and sur < j and all(
                classes[m] == "common" or (classes[m] == "name" and toks[m].text not in surnames and not _is_acronym(toks[m].text) and not _is_first_name(toks[m].text))
                for m in range(sur + 1, j + 1)
            ):
                j = sur
        # particles between a form of address and the name belong to it: "Herr von Puttkamer", "Herrn v. Tilzer"
        p = k
        while p > 0 and toks[p - 1].text in _ADDRESS_PARTICLES and self._gap(toks[p - 1], toks[p]) in (" ", ". "):
            p -= 1
        if p < k and p > 0 and toks[p - 1].text.lower() in TITLES and self._gap(toks[p - 1], toks[p]) == " ":
            k = p
        parts = tuple(t.text for t in toks[k : j + 1])
        if all(classes[m] != "name" and toks[m].text not in surnames for m in range(k, j + 1)):
            return  # (a surname may look like a common noun: "Wirtschaftsminister Clement" after "Wolfgang Clement")
        gender = _first_name_gender(parts[0])
        titled = (k > i and (classes[k - 1] == "role" or titled_by_noun and classes[k - 1] == "name") and not _is_org_head(toks[k - 1].text)) or (
            k > 0 and toks[k - 1].text.lower() in TITLES)
        if k > 0 and toks[k - 1].text.lower() in TITLES:
            gender = gender or TITLES[toks[k - 1].text.lower()]
        if k > i and gender is None:
            role = toks[k - 1].text.lower()
            if role.endswith(("in", "innen")) and is_role(role[:-2] if role.endswith("in") else role[:-5]):
                gender = "f"
        person = first is not None or titled or all(t in surnames for t in parts) or (
            len(parts) >= 2 and k == i and not self._after_article(i) and all(classes[m] == "name" and not _is_acronym(toks[m].text) for m in range(k, j + 1))
        )
        if k < len(toks) and _is_org_head(toks[j].text):
            person = False
        self.names.append(Name(parts, toks[k].start, toks[j].end, person, gender))

    def fullest(self, parts: Sequence[str], before: int | None = None) -> tuple[str, Name | None]:
        """The fullest name in the text that contains ``parts`` (a genitive "Putins" matches "Putin"):
        within ``WINDOW`` characters of ``before`` where given, else anywhere in the text."""
        parts = tuple(parts)
        if not parts:
            return "", None
        if before is None:
            if parts not in self._fullest_cache:
                self._fullest_cache[parts] = self._fullest(parts, None)
            return self._fullest_cache[parts]
        return self._fullest(parts, before)

    def _pool(self, token: str, before: int | None) -> list[Name]:
        names = self._by_token.get(token, [])
        if before is None or not names:
            return names
        starts = self._by_token_starts[token]
        return names[bisect.bisect_left(starts, before - WINDOW) : bisect.bisect_right(starts, before + WINDOW)]

    def _fullest(self, parts: tuple[str, ...], before: int | None) -> tuple[str, Name | None]:

        def contains(name: Name) -> bool:
            toks = name.tokens
            for s in range(len(toks) - len(parts) + 1):
                if all(a == b or (b.endswith("s") and a == b[:-1]) for a, b in zip(toks[s:], parts)):
                    return True
            return False

        pool = self._pool(parts[0], before) + (self._pool(parts[0][:-1], before) if parts[0].endswith("s") else [])
        found = [nm for nm in pool if len(nm.tokens) >= len(parts) and contains(nm)]
        if before is not None and not any(nm.person for nm in found):
            # an organisation takes a longer form only from before: not "IG Metall" → "IG Metall Trier"
            found = [nm for nm in found if len(nm.tokens) == len(parts) or nm.start < before]
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

    def is_genitive(self, name: Name) -> bool:
        """A genitive name: "Anhänger Saddam Husseins" where "Saddam Hussein" occurs (not "Istvan
        Kovacs"), or a country's ("Regierung Guatemalas")."""
        last = name.tokens[-1]
        if len(name.tokens) == 1 and _country_genitive(last):
            return True
        return last.endswith("s") and len(last) > 2 and self.fullest((*name.tokens[:-1], last[:-1]))[1] is not None

    def coordinated(self, name: Name) -> list[Name]:
        """The names coordinated with ``name`` after it: "AFP und Reuters", "A, B und C"."""
        group = [name]
        last = name.end
        for k in range(bisect.bisect_left(self.name_starts, name.end), len(self.names)):  # no copy of the rest: linear time
            nm = self.names[k]
            # a party or place in brackets may follow each name: "Werner Schulz (Grüne) und Jelena Hoffmann (SPD)"
            bracket = re.match(r"\s\([^()]{1,40}\)", self.text[last : last + 44])
            if bracket and nm.start < last + bracket.end():
                continue
            if re.fullmatch(r"(?:\s\([^()]{1,40}\))?(?:,\s|\s(?:und|sowie|oder|als auch)\s)", self.text[last : nm.start]):
                group.append(nm)
                last = nm.end
            else:
                break
        while len(group) > 1 and re.sub(r"^\s\([^()]*\)", "", self.text[group[-2].end : group[-1].start]).strip() == ",":
            group.pop()
        return group

    def joined(self, group: list[Name]) -> str:
        """The fullest forms of coordinated names as one id: "Werner Schulz und Jelena Hoffmann"."""
        ids = [self.fullest(n.tokens, n.start)[0] for n in group]
        return ", ".join(ids[:-1]) + " und " + ids[-1]

    # -- ties between descriptions and names ---------------------------------------------------
    def _find_ties(self) -> None:
        text = self.text
        for name in self.names:
            canonical, _ = self.fullest(name.tokens, name.start)
            k = self.token_index(name.start)
            # Title before the name, in the same run: "Russlands Präsident Putin".
            m = k - 1
            while m >= 0 and self.classes[m] in ("role", "common", "name") and self._gap(self.tokens[m], self.tokens[m + 1]) in (" ", "  ", "\u00a0") and self.classes[m] != "name":
                m -= 1
            # an organisation noun is no title of a person: "warf die Staatsanwaltschaft Ertel … vor"
            org_before_person = name.person and k > 0 and _is_org_head(self.tokens[k - 1].text)
            # a document is no title of the word after it: "in seinem Bericht Morde an Kindern"
            document_before = k > 0 and self.tokens[k - 1].text.lower().endswith(_DOCUMENT_HEADS) and not name.person
            # (a genitive, a country's too, is no name of the title: "der höchsten Militärbeamten Nordkoreas")
            if m + 1 < k and not self.is_genitive(name) and not org_before_person and not document_before:
                np_start = self._np_start(m + 1)
                desc = text[np_start : self.tokens[k - 1].end]
                group = self.coordinated(name)
                if len(group) > 1:
                    # "Die Politiker Peter Danckert und Max Straubinger": the description names them all
                    joined = self.joined(group)
                    head, modifiers = describe(desc)
                    if head:
                        self.ties.append(Tie(head, modifiers, joined, np_start, f"title before names: '{desc} {joined}'", True))
                else:
                    self._add_tie(desc, canonical, np_start, f"title before name: '{desc} {name.text}'")
            # Copula: "Ein anderer Richter des Tribunals ist der Kurde Raed Dschuhi".
            if name.person and name.start - self.sentence_starts[self.sentence_of(name.start)] <= _CLAUSE_CHARS:
                sent_start = self.sentence_starts[self.sentence_of(name.start)]
                cop = re.search(r"\s(?:ist|war)\s+(?:(?:der|die|ein|eine)\s+)?(?:[a-zäöüß\-]+\s+){0,3}(?:[A-ZÄÖÜ][\w\-]*\s+)?$", text[sent_start : name.start])
                if cop:
                    desc = text[sent_start : sent_start + cop.start()].strip()
                    if 1 <= len(desc.split()) <= 8 and desc.split()[0].lower() in DETERMINERS and _is_np(desc):
                        self._add_tie(desc, canonical, sent_start, f"copula: '{desc} … {name.text}'")
            # Apposition before: "Der Sprecher des Außenministeriums, Matthew Miller, sagte".
            if name.person and k > 0 and text[max(0, name.start - 2) : name.start] == ", ":
                if text[name.end : name.end + 1] in (",", "(") or text[name.end : name.end + 2] == " (":
                    sent_start = max(self.sentence_starts[self.sentence_of(name.start)], name.start - _CLAUSE_CHARS)
                    seg_start = max(text.rfind(",", sent_start, name.start - 2) + 1, sent_start)
                    desc = text[seg_start : name.start - 2].strip()
                    words = desc.split()
                    if not (_is_np(desc) and words and words[0].lower() in DETERMINERS):
                        # the noun phrase may start inside the clause: "Nun hat sich der EU-Kommissar …, Ján Figeľ, geäußert"
                        for m in re.finditer(r"\b(?:der|die|das|ein|eine)\s", desc):
                            if _is_np(desc[m.start():]) and any(is_role(w) for w in desc[m.start():].split() if w[:1].isupper()):
                                seg_start += len(text[seg_start : name.start - 2]) - len(text[seg_start : name.start - 2].lstrip()) + m.start()
                                desc = desc[m.start():]
                                words = desc.split()
                                break
                    if _is_np(desc) and (1 <= len(words) <= 12 and words[0].lower() in DETERMINERS or (len(words) in (1, 2) and is_role(words[-1]))):
                        group = self.coordinated(name)
                        if len(group) > 1 and all(n.person for n in group) and _plural(desc) or (len(group) > 1 and words[0].lower() in _PLURAL_DETERMINERS):
                            # "Zwei Abgeordnete der Regierungskoalition, Werner Schulz (Grüne) und Jelena Hoffmann (SPD)"
                            head, modifiers = describe(desc)
                            if head:
                                self.ties.append(Tie(head, modifiers, self.joined(group), seg_start, f"apposition: '{desc}, {name.text} …'", True))
                        else:
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
                if initials == letters or (n == 1 and _letters_in(letters, cand[0].lower())) or _compound_initials(letters, cand):
                    out[acronym] = " ".join(cand)
                    break
            else:
                # a name in another language than its abbreviation: "Das Welternährungsprogramm der
                # Vereinten Nationen (WFP)": the noun phrase after the nearest article, if it starts
                # with the abbreviation's first letter
                for n in range(2, min(7, len(words)) + 1):
                    if words[-n].lower() in ("der", "die", "das", "den", "dem", "des"):
                        cand = words[-n + 1 :]
                        if cand[0][:1] == acronym[0] and cand[0][:1].isupper() and len(cand[0]) > 3:
                            out[acronym] = " ".join(cand)
                            break
        # an abbreviation of a name the article used before, without brackets: "Amnesty International … AI"
        # (names of two or more capitalised words and no first name, by their initials, each name
        # with its first place, in text order)
        by_word_initials: dict[str, dict[tuple[str, ...], int]] = {}
        for nm in self.names:
            if len(nm.tokens) >= 2 and all(t[:1].isupper() for t in nm.tokens) and not any(_is_first_name(t) for t in nm.tokens):
                by_word_initials.setdefault("".join(t[0].lower() for t in nm.tokens), {}).setdefault(nm.tokens, nm.start)
        for nm in self.names:
            token = nm.tokens[0]
            if len(nm.tokens) == 1 and _is_acronym(token) and token.isupper() and token not in out:
                first = next(iter(by_word_initials.get(token.lower(), {}).items()), None)
                if first is not None and first[1] < nm.start:
                    out[token] = " ".join(first[0])
        # … also with letters from inside a compound: "Europäische Zentralbank … EZB", "Internationalen Währungsfonds … IWF"
        for nm in self.names:
            token = nm.tokens[0]
            if len(nm.tokens) != 1 or not (_is_acronym(token) and token.isupper()) or token in out or len(token) > 6:
                continue
            letters = [c.lower() for c in token]
            found = set()
            for size in range(1, len(letters) - 1):
                for rest in itertools.combinations(letters[1:], size):
                    for tokens, first in by_word_initials.get(letters[0] + "".join(rest), {}).items():
                        if first < nm.start and _compound_initials(letters, tokens):
                            found.add(" ".join(tokens))
            if len(found) == 1:
                out[token] = found.pop()
        # "die „Fédération Internationale de Football Association“, kurz FIFA"
        for m in re.finditer(r"[„\"»]([A-ZÄÖÜ][^„“\"»«]{2,80})[“\"«],?\s+(?:kurz|abgekürzt)\s+([A-ZÄÖÜ][\w&]{1,7})\b", self.text):
            if _is_acronym(m.group(2)):
                out.setdefault(m.group(2), m.group(1))
        return out

    def _find_mentions(self) -> list[Referent]:
        """Persons, organisations and documents mentioned in the text, in text order: the
        antecedents a pronoun may take. Names come with the gender a first name or title shows;
        role and organisation nouns ("die Ministerin", "die Ermittler", "die Partei") with the
        gender and number their article and ending show. A role noun right before a name ("Präsident
        Putin") or before an apposition (", Matthew Miller") counts as that name."""
        out = []
        toks, classes = self.tokens, self.classes
        name_at = self.name_at
        grouped_until = 0  # the end of the last group of coordinated persons
        for k, tok in enumerate(toks):
            nm = name_at.get(tok.start)
            if nm is not None:
                canonical, found = self.fullest(nm.tokens, nm.start)
                person = nm.person or bool(found and found.person and found.tokens != nm.tokens)
                if _is_acronym(nm.tokens[-1]):
                    person = False
                if not person and len(nm.tokens) == 1 and not _is_acronym(nm.tokens[0]) and not _is_named_org(nm.tokens[0]) and not _CAMEL.search(nm.tokens[0]):
                    continue  # a lone capitalised word ("Widerspruch", "Politik") is too often a common noun
                if len(nm.tokens) == 1 and nm.tokens[0] in self.aliases:
                    canonical = self.aliases[nm.tokens[0]]
                det = toks[k - 1].text.lower() if k > 0 and self._gap(toks[k - 1], tok) == " " else None
                if person:
                    # the gender of the full name: "Ali" of "Ayaan Hirsi Ali" is no first name here
                    longer = found is not None and len(found.tokens) > len(nm.tokens)
                    gender = (found.gender if longer and found.gender else None) or nm.gender or (found.gender if found else None)
                elif det == "der" and k > 1 and toks[k - 2].text[:1].isupper() and self._gap(toks[k - 2], toks[k - 1]) == " ":
                    gender = None  # a genitive, not a masculine: "einem Sprecher der PMF"
                else:
                    gender = _ARTICLE_GENDER.get(det or "")
                # the subject may start with a title: "Air-France-Chef Jean-Cyril Spinetta weist … zurück"
                m = k
                while m > 0 and classes[m - 1] in ("role", "name") and self._gap(toks[m - 1], toks[m]) == " ":
                    m -= 1
                kind = "person" if person else ("thing" if nm.tokens[-1].lower().endswith(_DOCUMENT_HEADS) else "org")
                subject = self._is_subject(toks[m].start) or (person and self._apposition_subject(nm))
                out.append(Referent(canonical, nm.start, gender, "sg", False, False, kind, subject, nm.end))
                if person and nm.start >= grouped_until:
                    group = self.coordinated(nm)
                    if len(group) > 1 and all(n.person for n in group):
                        # the persons together, for a plural pronoun: "Werner Schulz (Grüne) und Jelena Hoffmann (SPD) … Sie"
                        out.append(Referent(self.joined(group), nm.start, None, "pl", False, False, "person", subject, group[-1].end))
                        grouped_until = group[-1].end
                continue
            low = tok.text.lower()
            is_doc = tok.text[0].isupper() and low.endswith(_DOCUMENT_HEADS) and not self.names_between(tok.start, tok.start + 1)
            if classes[k] != "role" and not is_doc:
                continue
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            after = name_at.get(nxt.start) if nxt is not None else None
            if nxt is not None and classes[k + 1] == "name" and self._gap(tok, nxt) in (" ", ", ") and not (after and self.is_genitive(after)):
                continue  # a title or an apposition: the name is the mention (not "der Arzt Lahms")
            start = self._np_start(k)
            end = self._np_end(k)
            first = self.token_index(start)
            det = toks[first].text.lower() if start < tok.start else None
            if det in _QUANTIFIERS:
                continue  # no one in particular: "Jeder Pädagoge könne …"
            if det == "der" and first > 0 and toks[first - 1].text[0].isupper() and self._gap(toks[first - 1], toks[first]) == " ":
                det = "der (genitive)"  # "die Vorwürfe der kanadischen Ermittler": plural or feminine
            gender, number = _np_features(det, tok.text)
            kind = "thing" if is_doc else ("org" if _is_org_head(tok.text) else "person")
            out.append(Referent(_canonical_description(self.text[start:end]), start, gender, number, False, True, kind, self._is_subject(start), end))
        return out

    def _is_subject(self, pos: int) -> bool:
        """Whether the noun phrase at ``pos`` is likely the subject of its sentence: it opens the
        sentence, or follows the finite verb in second place ("Im März hatte Christian Füller …",
        "Dabei sagte der Sprecher …")."""
        if self._opens_sentence(pos):
            return True
        k = self.token_index(pos)
        if k == 0 or self.text[self.tokens[k - 1].end : pos] != " ":
            return False
        verb = self.tokens[k - 1].text
        if not verb.islower() or not (verb in _SINGULAR_VERBS or verb in _PLURAL_VERBS or (verb.endswith(("te", "ten")) and len(verb) > 3)):
            return False
        s0 = self.sentence_starts[self.sentence_of(pos)]
        return k - 1 - self.token_index(s0) <= 8 and "," not in self.text[s0 : self.tokens[k - 1].start]

    def _apposition_subject(self, nm: Name) -> bool:
        """Whether a name stands in apposition to the noun phrase that opens its sentence, before the
        verb: "Der ÖAMTC-Flugbetriebsleiter, Reinhard Kraxner, spekulierte …"."""
        s0 = self.sentence_starts[self.sentence_of(nm.start)]
        head = self.text[s0 : nm.start]
        if not head.endswith(", ") or not head[:1].isupper() or "," in head[:-2]:
            return False
        words = _WORD.findall(head)
        if not 1 < len(words) <= 12 or words[0].lower() not in DETERMINERS:
            return False
        if any(w.islower() and not (w in DETERMINERS or w in _PREPOSITIONS or _INFLECTED.fullmatch(w)) for w in words):
            return False
        return re.match(r"(?: \([^()]{1,30}\))?, [a-zäöü]{3,}\b", self.text[nm.end :]) is not None

    def _opens_sentence(self, pos: int) -> bool:
        s0 = self.sentence_starts[self.sentence_of(pos)]
        return _OPENERS.match(self.text, s0).end() >= pos

    def _np_end(self, k: int) -> int:
        """End of the noun phrase whose noun is token k, with a genitive after it ("Wissenschafter der
        Aga Khan University", "Sprecher des Ministeriums")."""
        toks = self.tokens
        end = toks[k].end
        m = k + 1
        if m + 1 < len(toks) and toks[m].text == "für" and _is_org_head(toks[k].text) and self._gap(toks[k], toks[m]) == " ":
            # an institution's name: "das Bundesamt für Verfassungsschutz", "Zentrum für Luft- und Raumfahrt"
            tail = re.match(r" für (?:[A-ZÄÖÜ][\w\-]*(?:,? | und |- und ))*[A-ZÄÖÜ][\w\-]*", self.text[toks[k].end : toks[k].end + 100])
            if tail:
                return toks[k].end + tail.end()
        if m < len(toks) and toks[m].text in ("der", "des", "eines", "einer") and self._gap(toks[k], toks[m]) == " ":
            m += 1
            while m < len(toks) and self._gap(toks[m - 1], toks[m]) == " " and (toks[m].text.islower() and _INFLECTED.fullmatch(toks[m].text)):
                m += 1
            last = None
            while m < len(toks) and self._gap(toks[m - 1], toks[m]) in (" ", "/") and toks[m].text[0].isupper() and self.classes[m] != "func":
                if last is not None and self._gap(toks[last], toks[m]) == " " and not toks[last].text.endswith("-") and not any(n.start <= toks[last].start and toks[m].end <= n.end for n in self.names_between(toks[last].start, toks[m].end)):
                    break  # a capitalised word after the genitive's noun, outside its name: "den Text der Petition Reihe für Reihe"
                last = m
                m += 1
            if last is not None:
                end = toks[last].end
        return end

    def _np_start(self, k: int) -> int:
        """Start of the noun phrase whose noun is token k: back over adjectives and a determiner."""
        m = k - 1
        while m >= 0 and (self.tokens[m].text.islower() or self.tokens[m].text.lower() in DETERMINERS) and self._gap(self.tokens[m], self.tokens[m + 1]).strip() == "":
            if self.tokens[m].text.lower() in DETERMINERS:
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


def _compound_initials(letters: Sequence[str], tokens: Sequence[str]) -> bool:
    """Whether an abbreviation spells a name with letters from inside its compounds: every word
    gives its initial, in order, and the letters left start later parts of a word ("ezb" for
    "Europäische Zentralbank", "iwf" for "Internationaler Währungsfonds").

    >>> _compound_initials(list("ezb"), ("Europäische", "Zentralbank")), _compound_initials(list("ez"), ("Europäische", "Zentralbank"))
    (True, False)
    """
    k = 0
    for i, t in enumerate(tokens):
        w = t.lower()
        if k >= len(letters) or w[0] != letters[k]:
            return False
        k += 1
        nxt = tokens[i + 1][0].lower() if i + 1 < len(tokens) else None
        pos = 1
        while k < len(letters) and letters[k] != nxt:
            found = w.find(letters[k], pos)
            if found < 3:
                return False  # not in the word, or too near its start to begin a part of it
            pos = found + 1
            k += 1
    return k == len(letters) and len(letters) > len(tokens)


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
        if w[0].isupper() or low in DETERMINERS or low in _PREPOSITIONS or _ADJECTIVE.search(low) or low in ("höchsten", "früheren", "ehemaligen", "neuen", "obersten", "anderer", "andere", "anderen", "weiterer", "weitere", "weiteren"):
            continue
        return False
    return True


# Words of a fronted phrase that are no finite verb: "Trotz gesunkener Zahlen gegenüber dem Vorjahr"
# (the prepositions that neither DETERMINERS nor _PREPOSITIONS hold).
_FRONTED_WORDS = frozenset("trotz wegen seit vor neben während ohne gegenüber bis zwischen hinter innerhalb außerhalb "
                           "laut dank infolge angesichts um durch ans aufs".split())
_NOMINATIVE_ARTICLES = frozenset("der die das ein eine".split())
# Words between a finite verb and its subject: "hält sich Gall zurück", "nahm jetzt auch der …".
_AFTER_VERB = frozenset("sich jetzt nun auch bereits erneut dabei damit daher deshalb zudem außerdem inzwischen "
                        "unterdessen indes nochmals ebenfalls allerdings aber jedoch".split())
# Words that open a noun phrase about other members of a kind: "mehrere Parteien", "den anderen Kardinälen".
_NOT_THE_SAME = ("mehrere", "einige", "viele", "wenige", "andere", "weitere", "alle", "beide", "zwei", "drei", "vier", "manche", "zahlreiche")


def _one_agent(r: Referent) -> bool:
    """Whether a mention is one person or organisation that may have spoken (not "mehrere Parteien")."""
    return r.kind in ("person", "org") and r.number == "sg" and not r.id.lower().startswith(_NOT_THE_SAME)


# Determiners of a noun phrase that names no one in particular, so no pronoun can point at it.
_QUANTIFIERS = frozenset("jeder jede jedes jedem jeden kein keine keiner keinem keinen".split())
# Generic nouns for an organisation the article has named: "das Unternehmen" for "Tesla Motors".
_GENERIC_ORGS = frozenset(
    "unternehmen konzern firma hersteller organisation verband partei verlag gruppe bündnis sender "
    "netzwerk institut stiftung gewerkschaft verein club behörde agentur".split()
)


def _abbreviated_name(mention: str) -> str | None:
    """The mention where it is a name of abbreviated words ("Köln. Ztg.", "„Nidw. Volksblatt“"),
    not a title or an abbreviated role before a name ("Dr. Müller", "Abg. Schneider").

    >>> _abbreviated_name("„Allg. Schweiz. Ztg.“"), _abbreviated_name("Abg. Schneider")
    ('Allg. Schweiz. Ztg.', None)
    """
    m = _ABBREVIATED_NAME.fullmatch(mention.strip(" „“\"»«"))
    if m is None or m.group(1).lower() in _ACADEMIC_TITLES | _ABBREVIATED_ROLES or m.group(1).lower() in TITLES:
        return None
    return m.group(0)


def _genitive_stripped(noun: str) -> str:
    """A noun in lower case without a genitive "-s"/"-es" ("Berichts" ~ "Bericht"), its number kept."""
    w = noun.lower()
    for ending in ("es", "s"):
        if len(w) - len(ending) >= 4 and w.endswith(ending) and not w.endswith(("ss", "us", "is")):
            return w[: -len(ending)]
    return w


_DEFINITE = frozenset("der die das den dem des diese dieser dieses diesen diesem".split())
_LEADING = (DETERMINERS - INDEFINITE) | frozenset("ein eine einer einem einen eines".split())


# Mending an extractor's speaker span: words that trail it, pronouns that end a span over a clause,
# source nouns given without their source, and the source after one.
_TRAILING_WORD = re.compile(r"\s+(?:und|oder|aber|hingegen|jedoch|dagegen|allerdings|zudem|außerdem|indes|nun|auch|dort|selbst)$")
_BARE_SOURCES = frozenset(
    "angaben aussage aussagen ansicht auffassung einschätzung einschätzungen meinung schätzung schätzungen "
    "berichten berichte bericht informationen darstellung feststellung sicht".split()
)
_SOURCE_AFTER = re.compile(
    r"\s+(?:(?:der|des|eines|einer|von|vom|von der|von den)\s+(?:[a-zäöüß]+(?:e|en|er|es)\s+){0,2}|(?:[a-zäöüß]+er\s+){1,2})?"
    r"[A-ZÄÖÜ][\w\-]*(?:\s+(?:[A-ZÄÖÜ][\w\-]*|der|des|für|von)(?=\s|[,.;:!?]|$))*"
)
# Institutions named by the place they serve: "Landgericht Bremen", "Staatsanwaltschaft Krefeld".
_PLACE_INSTITUTIONS = (
    "gericht", "gerichtshof", "staatsanwaltschaft", "polizei", "präsidium", "direktion", "inspektion", "landratsamt", "bezirksamt", "stadtverwaltung",
    "universität", "hochschule", "flughafen", "stadt", "gemeinde", "landkreis", "klinik", "klinikum", "krankenhaus",
)
_ANAPHORIC = ("entsprechend", "besagt", "genannt", "erwähnt", "vorliegend", "betreffend", "jeweilig", "selbig", "dortig", "hiesig", "zuständig")


def _canonical_description(desc: str) -> str:
    """A description as a speaker id: without a leading article, capitalised.

    >>> _canonical_description("Ein hochrangiger Regierungsvertreter")
    'Hochrangiger Regierungsvertreter'
    """
    both = re.fullmatch(r"(?i:sowohl)\s+(.+?)\s+als auch\s+(.+)", desc.strip())
    if both:
        # "Sowohl die palästinensische Autonomiebehörde als auch das israelische Militär"
        return _canonical_description(both.group(1)) + " und " + _canonical_description(both.group(2))
    words = desc.split()
    if words and words[0].lower() in DETERMINERS - INDEFINITE:
        words = words[1:]
    elif len(words) > 1 and words[0].lower() in _LEADING and words[1].lower() not in _LEADING:
        words = words[1:]  # not the pronoun of "Einer der Feuerwehrmänner"
    # an adjective that only points back is no part of the description: "einen entsprechenden Gesetzentwurf"
    while len(words) > 1 and words[0].lower().startswith(_ANAPHORIC) and words[1][:1].isupper():
        words = words[1:]
    # no article inside a coordination either: "Airbus-Gesamtbetriebsrates und IG Metall Küste"
    words = _without_inner_articles(words, DETERMINERS - INDEFINITE)
    out = " ".join(words)
    return out[:1].upper() + out[1:]


@lru_cache(maxsize=65536)
def describe(desc: str) -> tuple[str, frozenset]:
    """The head noun (stemmed) and the modifier stems of a description.

    >>> describe("der russische Präsident")[0], sorted(describe("Russlands Präsident")[1])
    ('präsident', ['russ'])
    """
    words = _WORD.findall(desc)
    caps = [w for w in words if w[0].isupper() and w.lower() not in FUNCTION_WORDS]
    roles = [w for w in caps if is_role(w)]
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


# How much each property of a candidate antecedent counts for a pronoun (``Resolver.pronoun``):
# set by hand; weights fitted to the speaker-id layer did no better on held-out text
# (eval/speakers/fit_pronoun_weights.py).
PRONOUN_WEIGHTS = {
    "distance": -1.0,  # per sentence back
    "earlier speaker": 1.5,
    "mentioned speaker": 0.8,  # a later mention of an earlier speaker counts as much as a subject
    "subject": 0.8,
    "person for a personal pronoun": 0.5,
    "gender agrees": 0.3,
    "number agrees": 0.3,
    "thing for another pronoun": 0.8,
    "document for demnach": 1.0,
    "subject continued": 1.0,  # "Er"/"Sie" opening a sentence continues the subject of the one before
    "paragraph between": -1.0,
    "genitive": -0.5,  # "nach der Förderung der Armee": the complement of another noun
}


def _heads_match(a: str, b: str) -> bool:
    """Whether two head stems match, one a compound of the other ("regierungssprech" ~ "sprech"),
    not merely ending alike ("gericht" ≁ "richt")."""
    short, long = sorted((a, b), key=len)
    return bool(short) and long.endswith(short) and (len(long) == len(short) or len(long) - len(short) >= 3)


def _same_office(a: str, b: str) -> bool:
    """Whether two head stems name the same office by different words ("ministerpräsident" ~
    "premierminister"), or are the same head (``_heads_match``)."""
    if _heads_match(a, b):
        return True
    # the stems of feminine forms end in "-i" or "-inn" ("premierministeri" of "Premierministerin")
    forms = lambda h: {h, h.removesuffix("i"), h.removesuffix("inn"), h.removesuffix("in")}  # noqa: E731
    return any(forms(a) & group and forms(b) & group for group in _ROLE_SYNONYMS)


def _grammar(desc: str) -> tuple[str | None, str | None]:
    """Gender and number a description shows: its article, a feminine role ending, a plural."""
    words = desc.split()
    if not words:
        return None, None
    first = words[0].lower()
    caps = [w for w in _WORD.findall(desc) if w[0].isupper() and w.lower() not in FUNCTION_WORDS]
    head = next((w for w in caps if is_role(w)), caps[0] if caps else "")
    low = head.lower()
    if " und " in desc or " sowie " in desc:
        return None, "pl"
    if low.endswith("innen"):
        return "f", "pl"
    if is_role(head) and low.endswith("in"):
        return "f", "sg"
    if low.endswith(_FEMININE_SUFFIXES) or _is_acronym(head) and first in ("die", "der"):
        return "f", "sg"
    if first in ("der", "ein", "dieser", "jener"):
        return "m", "sg"
    if low.endswith("er") and low[:-2].endswith(_ADJECTIVAL_HEADS) and first not in DETERMINERS:
        return "m", "sg"  # an adjectival noun without article: "Militärbeamter", "Abgeordneter"
    if first in ("das", "dieses"):
        return "n", "sg"
    if first == "den" and is_role(head) and low.endswith(("er", "el")) and len(words) == 2:
        return "m", "sg"  # an accusative: the dative plural would end in "-n" ("zitiert Welt-Online den Minister")
    if is_role(head) and (first in ("die", "den", "diese") or first == low or first not in DETERMINERS):
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


# Personal pronouns that cannot stand for a noun of their own clause (no comma, colon, bracket or
# quote mark between them), and what separates clauses.
_CLAUSE_BOUND = frozenset("er ihm ihn sie".split())
_CLAUSE_BREAK = re.compile(r"[,;:()\[\]–—„“”\"»«\n]|\s(?:aber|dass|weil|als|wenn|nachdem|da)\s")
_DEMONSTRATIVES = frozenset("der dieser diese dieses jener jene derselbe".split())
# Person nouns that are feminine without the ending -in: "ihre Tochter", "eine Frau".
_FEMININE_PERSONS = ("tochter", "mutter", "schwester", "frau", "witwe", "nichte", "großmutter", "oma")
# Role nouns declined like adjectives: "ein Beamter", "die Beamten", "der Abgeordnete".
_ADJECTIVAL_HEADS = ("beamt", "abgeordnet", "vorsitzend", "angeklagt", "angestellt", "beauftragt", "beschäftigt", "verdächtig")
# Role nouns that usually bring in someone new, not the person named before: "ein/der Sprecher".
_NEW_PERSON_HEADS = ("sprecher", "sprecherin", "vertreter", "vertreterin", "mitarbeiter", "zeuge", "augenzeuge", "experte", "expertin")
_PLURAL_VERBS = frozenset(
    "sind haben hätten seien waren wollen wollten werden würden wurden können konnten müssen mussten hatten "
    "sollen sollten gaben sahen hielten nahmen gingen kamen riefen beschlossen sprachen schrieben traten".split()
)
_SINGULAR_VERBS = frozenset(
    "ist hat habe sei war will wolle wird werde wurde kann könne konnte muss musste hätte soll solle sollte "
    "gab sah hielt nahm ging kam rief beschloss sprach schrieb trat".split()
)
# Words ending in -en that are no finite verb after "sie": "sie einen Brief", "dass sie morgen …".
_NOT_VERBS = frozenset(
    "einen keinen jeden diesen jenen seinen ihren unseren allen vielen wenigen beiden denen eben oben unten "
    "morgen gestern trotzdem zunächst zwischen neben gegen wegen außen innen offen".split()
)
_PLURAL_DETERMINERS = frozenset("einige viele mehrere alle beide beiden zwei drei vier vielen einigen mehreren allen".split())
_ARTICLE_GENDER = {"der": "m", "die": "f", "das": "n", "ein": None, "eine": "f", "dem": None, "den": "m", "des": None}
# Grammatical gender of organisation heads that do not show it by their ending.
_ORG_GENDER = {
    "verband": "m", "konzern": "m", "sender": "m", "senat": "m", "rat": "m", "dienst": "m", "verlag": "m",
    "gerichtshof": "m", "bund": "m", "ministerium": "n", "amt": "n", "gericht": "n", "institut": "n",
    "unternehmen": "n", "komitee": "n", "team": "n", "blatt": "n", "netzwerk": "n", "hilfswerk": "n",
    "magazin": "n", "portal": "n", "medienhaus": "n", "tribunal": "n", "partei": "f", "polizei": "f",
    "armee": "f", "behörde": "f", "firma": "f", "presse": "f", "gruppe": "f", "garde": "f", "agentur": "f",
    "zeitschrift": "f", "website": "f", "universität": "f",
}
# Documents that speak: "Laut dem Bericht", "In dem Antrag heißt es", "diesem (Geheimdokument) zufolge".
_DOCUMENT_HEADS = (
    "bericht", "dokument", "studie", "antrag", "gesetz", "gesetzentwurf", "schreiben", "brief", "papier",
    "resolution", "urteil", "mitteilung", "erklärung", "meldung", "analyse", "umfrage", "gutachten", "act",
)


# Determiners of a noun phrase that may be a subject, and the pronouns that point at a document.
_NOMINATIVE_DETERMINERS = frozenset("der die das ein eine dieser diese dieses beide beiden einige viele mehrere alle zwei drei vier".split())
# Determiners of a masculine or neuter singular noun in another case than the nominative.
_OBLIQUE_SINGULAR = frozenset("eines einem des dem".split())
_DOCUMENT_PRONOUNS = frozenset("demnach danach".split())
_SEPARABLE_PARTICLES = frozenset("zurück ab an auf aus bei ein fest vor zu hin her nach".split())
# Further documents that "demnach" may point at when no other antecedent agrees.
_MORE_DOCUMENT_HEADS = ("ergebnis", "lebenslauf", "entwurf", "statistik", "prognose", "bilanz", "protokoll", "vertrag", "auswertung")


def _noun_features(det: str, noun: str) -> tuple[str | None, str | None]:
    """Gender and number of "article + noun" for a noun of no word list: "der Mann" (m, sg), "das
    Gutachten" (n, sg), "die Verteidigung" / "die Firma" (f, sg), "die Brandstifter" / "die
    Firmen" (pl), "die beiden Länder" (pl).

    >>> _noun_features("die", "Brandstifter"), _noun_features("die", "Verteidigung"), _noun_features("der", "Mann")
    ((None, 'pl'), ('f', 'sg'), ('m', 'sg'))
    """
    low = noun.lower().rsplit("-", 1)[-1]
    if det in _PLURAL_DETERMINERS:
        return None, "pl"
    if det in ("der", "ein", "dieser"):
        return "m", "sg"
    if det in ("das", "dieses"):
        return "n", "sg"
    if det == "eine":
        return "f", "sg"
    if low.endswith(_FEMININE_SUFFIXES) or low.endswith(("e", "a")) or not low.endswith(("en", "er", "n", "s", "el")):
        return "f", "sg"
    return None, "pl"


def _plural(desc: str) -> bool:
    """Whether a description is plural: a plural determiner, or an organisation noun in the plural."""
    words = _WORD.findall(desc)
    if any(w.lower() in _PLURAL_DETERMINERS for w in words):
        return True
    caps = [w for w in words if w[0].isupper() and (is_role(w) or w.lower().endswith(_DOCUMENT_HEADS))]
    if not caps:
        return False
    low = caps[0].lower()
    return low.endswith("en") and (low[:-2].endswith(_FEMININE_SUFFIXES) or low[:-1].endswith(_FEMININE_SUFFIXES)) or low.endswith("innen")


def _np_features(det: str | None, head: str) -> tuple[str | None, str | None]:
    """Gender and number of a noun phrase from its article and its noun: "die Ministerin" (f, sg),
    "die Ermittler" (pl), "der Sprecher" (m, sg), "die Partei" (f, sg), "das Ministerium" (n, sg).

    >>> _np_features("die", "Ermittler"), _np_features("eine", "Armeesprecherin")
    ((None, 'pl'), ('f', 'sg'))
    """
    low = head.lower().rsplit("-", 1)[-1]
    if low.endswith("innen"):
        return "f", "pl"
    if _is_org_head(head) or low.endswith(_DOCUMENT_HEADS):
        gender = next((g for h, g in _ORG_GENDER.items() if low.endswith(h)), None)
        if gender is None and low.endswith(_FEMININE_SUFFIXES):
            gender = "f"
        if gender is None:
            gender = _ARTICLE_GENDER.get(det or "")
        plural = det in ("die", "den") and gender != "f" and low.endswith(("en", "e", "er"))
        return gender, "pl" if plural else "sg"
    if low.endswith("in") and is_role(low[:-2]):
        return "f", "sg"
    if low.endswith(_FEMININE_PERSONS) and det not in ("die", "den", "der (genitive)") and det not in _PLURAL_DETERMINERS:
        return "f", "sg"
    if det in ("die", "diese", "den", "der (genitive)") or det in _PLURAL_DETERMINERS:
        return None, "pl"
    if det is None and low.endswith(("er", "en", "e", "ten")):
        return None, "pl"
    return "m", "sg"


class Resolver:
    """Resolves the speaker mentions of one document, in text order."""

    def __init__(self, doc: Document):
        text = _old_print(doc.text)
        self.doc = doc if text == doc.text else replace(doc, text=text)
        self.ctx = DocumentContext(self.doc.text)
        self.referents: list[Referent] = []  # earlier speakers, in the order resolved
        self._referent_starts: list[int] = []  # their starts, sorted
        self._referent_order: list[int] = []  # their indices, in the order of those starts
        self._speaker_keys: set[str] = set()
        self.done: list[tuple[Quote, Resolution]] = []  # in text order of the quotes
        self._done_starts: list[int] = []
        self._mention_ends: dict[int, int] = {}  # where the speaker mention of a referent starting there ends
        self._in_source_phrase = False  # resolving the source phrase of a quote without a speaker span
        self.last_candidates: list[tuple[dict[str, float], Referent]] = []  # of the last pronoun resolved

    def referents_between(self, start: int, end: int) -> list[Referent]:
        """The earlier speakers whose mention starts in ``[start, end)``, in the order resolved."""
        lo = bisect.bisect_left(self._referent_starts, start)
        hi = bisect.bisect_left(self._referent_starts, end)
        return [self.referents[k] for k in sorted(self._referent_order[lo:hi])]

    def _candidates(self, start: int, sentences: int) -> list[Referent]:
        """Earlier speakers, then mentions, that start before ``start`` and at most ``sentences``
        sentences (and ``WINDOW`` characters) back."""
        first = self.ctx.sentence_starts[max(0, self.ctx.sentence_of(start) - sentences)]
        lo = max(first, start - WINDOW)
        return [*self.referents_between(lo, start), *self.ctx.mentions_between(lo, start)]

    def _several(self, quote: Quote, previous: tuple[Quote, Resolution] | None) -> Resolution | None:
        """A speaker in separate spans, as corpora mark coordinated speakers ("zwischen Amalasunta
        und Justinian", "von England und Frankreich und … von Deutschland"): each span resolved on
        its own, the different ones joined ("England, Frankreich und Deutschland")."""
        spans = sorted(quote.speaker)
        text = self.ctx.text
        if not all(_COORDINATION.search(text[a.end : b.start]) and self.ctx.sentence_of(a.start) == self.ctx.sentence_of(b.start)
                   for a, b in zip(spans, spans[1:])):
            return None  # pieces of one noun phrase ("Bericht … der 3. Section"), or far apart
        ids: dict[str, str] = {}
        for span in spans:
            r = self.resolve(replace(quote, speaker=(span,)), previous)
            if r.speaker_id is not None:
                ids.setdefault(speaker_key(r.speaker_id), r.speaker_id)
        self._current = quote
        if len(ids) < 2:
            return None
        names = list(ids.values())
        return Resolution(", ".join(names[:-1]) + " und " + names[-1], "name", "several speakers, each resolved", None, "pl")

    def mention_text(self, quote: Quote) -> tuple[str, int, int]:
        spans = sorted(quote.speaker)
        text = " ".join(s.text or self.doc.text[s.start : s.end] for s in spans)
        return text, spans[0].start, spans[-1].end

    def resolve(self, quote: Quote, previous: tuple[Quote, Resolution] | None) -> Resolution:
        self._current = quote
        if not quote.speaker:
            return self.unmentioned(quote, previous)
        if len(quote.speaker) > 1:
            several = self._several(quote, previous)
            if several is not None:
                return several
        mention, start, end = self.mention_text(quote)
        if len(quote.speaker) == 1:
            start, end = self._repair(start, end)
            lead = _LEADING_PREPOSITION.match(self.doc.text, start, end)
            if lead:
                # "Von Obama liegt … vor", "hieß es bei Russland Aktuell": the name after the preposition
                start = lead.end()
            mention = self.doc.text[start:end]
        mention = re.sub(r"\s+", " ", mention).strip(" ,;:–-")
        low = mention.lower()
        if _OWN_SOURCE.fullmatch(low):
            low = "eigenen angaben"  # "eigener Aussage", "nach eigenem Bekunden": the subject's own words
            mention = "eigenen Angaben"
        if (len(quote.speaker) == 1 and _NO_SPEAKER.fullmatch(mention) and low not in PRONOUNS and low not in _RELATIVE
                and not _ADJECTIVE.search(low) and country_of(mention) is None):
            # an extractor's span on an adverb or a conjunction ("hier", "Darüber"): as if there were none
            return self.unmentioned(quote, previous)
        after_comma = re.search(r",\s*(?:([a-zäöüß]+)\s+)?$", self.ctx.text[max(0, start - 30) : start]) if low in _RELATIVE else None
        if after_comma:
            resolution = self.relative(start, _RELATIVE[low], after_comma.group(1))
            if resolution is None:
                resolution = self._relative_noun(start, _RELATIVE[low])
            if resolution is None and low == "wonach":
                # no noun before its comma: "gab die Erlaubnis, den Bären einzufangen, wonach …" is
                # told as if it had no speaker span
                resolution = self._noun_before_comma(start) or self.unmentioned(quote, previous)
            if resolution is None and low == "denen":
                resolution = self._plural_source_before_comma(start)
            if resolution is not None:
                return resolution
        if low in PRONOUNS:
            return self.pronoun(mention, start, end, PRONOUNS[low])
        possessive = _POSSESSIVE.match(mention)
        if possessive:
            # "seiner Ansicht", "Ihre Meinung": the owner is the speaker
            want = ("m", "sg") if possessive.group(1).lower().startswith("sein") else (None, None)
            return self.pronoun(mention, start, end, want)
        genitive = _GENITIVE_SOURCE.match(mention)
        if genitive:
            # "Grupps Meinung": the name in the genitive, in its fullest form
            canonical, found = self.ctx.fullest((genitive.group(1),), start)
            if found is not None:
                return Resolution(canonical, "partial_name", f"the name in the genitive before a source noun: {genitive.group(1)}", found.gender, "sg")
        mention = re.sub(_WHEN, "", mention)  # before the wrapper, which would take "vom": "Ersten Angaben vom gestrigen Mittwoch"
        wrapper = _WRAPPER.match(mention)
        rest = mention[wrapper.end() :]
        if (re.search(r"\b(?:der|des) $", mention[: wrapper.end()]) and re.match(r"(?:in|im|am|an|auf|aus|bei|mit|nach|von|vom|zu|zum|zur|über|unter|für)\s", rest)) or (
                re.search(r"[A-Za-zäöüß]{4} $", mention[: wrapper.end()]) and re.match(r"(?:\d|(?:auf|bei|mit|zu|zum|zur|über|unter|für|und|sowie)\s)", rest)):
            # no author after the source noun: "Eine Analyse der in der Woche … veröffentlichten
            # Umfragen", "der Meldung auf der firmeneigenen Seite", "dem Artikel 65 des Grundgesetzes"
            wrapper = re.match("", mention)
        bare = _TRAILING.sub("", mention[wrapper.end():]).strip(" ,")
        # an abbreviation in brackets inside the source: "des Bundeskriminalamtes (BKA) in Wiesbaden"
        bare = re.sub(r"\s*\([A-ZÄÖÜ][\w&]{1,7}\)(?=\s)", "", bare)
        if bare.lower() in PRONOUNS:
            return self.pronoun(mention, start, end, PRONOUNS[bare.lower()])
        if not bare:
            return Resolution(_canonical_description(mention), "description", "kept as written")
        first = min(s.start for s in quote.speaker)
        if len(quote.speaker) == 1:
            first = start + _WRAPPER.match(self.doc.text[start:end]).end()
        resolution = self.one(bare, first, end, quote)
        if resolution.speaker_id and resolution.kind == "description" and self._kind_of(resolution.speaker_id) == "thing":
            if any(_FIRST_PERSON.search(s.text or self.doc.text[s.start : s.end]) for s in quote.content):
                return self._author(min(quote.start, start), end) or resolution
        return resolution

    def _repair(self, start: int, end: int) -> tuple[int, int]:
        """Mend a single speaker span (an extractor's slips): keep its last sentence and its last clause ("…, und das
        UN-Kinderhilfswerk UNICEF"), drop a trailing conjunction or adverb ("Die Kanadier
        hingegen"), take the pronoun of a span that runs over a clause ("Der Mann hinterließ einen
        Zettel, in dem er", "Er hatte im Wahlkampf"), give a bare source noun its source ("Nach
        Einschätzung politischer Beobachter", "nach seiner Ansicht"), drop a web address after it
        or a conjunction before it ("Obwohl Steinbrück"), and complete a span cut off after an
        article or a first name ("Angaben des Sprechers des", "… Energie Günther")."""
        text, ctx = self.doc.text, self.ctx
        cut = re.search(r".*\b[a-zäöüß]{3,}[.!?]\s+(?=[A-ZÄÖÜ])", text[start:end])
        if cut:
            start += cut.end()
        k = bisect.bisect_right(ctx.sentence_starts, end - 1) - 1
        # (a name of abbreviated words is one name, not two sentences: "Köln. Ztg.")
        one_name = _abbreviated_name(re.sub(r"^(?:[Dd]ie|[Dd]er|[Dd]as|[Dd]en|[Dd]em|[Dd]es)\s+", "", text[start:end].strip(" „“\"»«")))
        if not one_name and ctx.sentence_starts[k] > start and re.search(r"(?:\b[^\W\d]{3,}|\b\d+)[.!?][\"“”»«')]*\s+$", text[start : ctx.sentence_starts[k]]):
            start = ctx.sentence_starts[k]  # not after an abbreviation: "University of St. Andrews"
        clause = None
        for clause in re.finditer(r",\s+(?:und|aber|doch|sondern|oder)\s+", text[start:end]):
            pass
        if clause is not None:
            start += clause.end()
        while True:
            tail = _TRAILING_WORD.search(text, start, end)
            if tail is None or tail.start() <= start:
                break
            end = tail.start()
        # a relative clause or a list of members after the noun: "einer Meldung der dpa, die von der
        # Basler Zeitung verbreitet wurde", "Die Initiatoren der Aktionswoche, unter ihnen …"
        rel = re.search(r",\s+(?:(?:der|die|das|dem|den|denen|dessen|deren|welche[rsmn]?)\s(?:[^,]*\s)?[a-zäöüß]+|(?:unter\s+ihnen|darunter)\s.*)$", text[start:end])
        if rel and re.search(r"[A-Za-zÄÖÜäöüß]{2}", text[start : start + rel.start()]):
            end = start + rel.start()
        url = re.search(r"\s+(?:https?:|www\.)", text[start:end])
        if url:
            end = start + url.start()
        opener = re.match(r"(?:Obwohl|Als|Weil|Während|Nachdem|Wenn|Doch|Aber|Zudem|Dabei|Dann)\s+(?=\S)", text[start:end])
        if opener:
            start += opener.end()
        # a span cut off inside its noun phrase: "Angaben des Sprechers des" (bayerischen
        # Umweltministeriums), "Angela Merkel sowie CSU-Vorsitzender Edmund" (Stoiber)
        words = list(_WORD.finditer(text, start, end))
        last = words[-1].group() if len(words) >= 2 else ""
        if _is_first_name(last):
            nxt = re.match(r"\s[A-ZÄÖÜ][\w\-]*", text[end : end + 40])
            if nxt and nxt.group().strip().lower() not in FUNCTION_WORDS:
                end += nxt.end()
        elif last in _ATTACHING and text[words[-1].end() : end].strip() == "":
            rest = re.match(r"(?:\s+(?:[a-zäöüß]+(?:e|en|er|es|em)\s+){0,2}[A-ZÄÖÜ][\w\-]*){1,3}", text[end : end + 120])
            if rest:
                end += rest.end()
        words = list(_WORD.finditer(text, start, end))
        last = words[-1].group().lower() if words else ""
        if len(words) >= 4 and (last in ("er", "sie") or (last in ("der", "die") and text[words[-2].end() : words[-1].start()].startswith(","))):
            return words[-1].start(), words[-1].end()
        if len(words) >= 3 and words[0].group() in ("Er", "Sie") and words[1].group().islower():
            return words[0].start(), words[0].end()
        # a bare source noun: the source is the genitive after it, or the possessive before it
        bare = [w.group() for w in words if w.group().lower() not in DETERMINERS and w.group().lower() not in ("nach", "laut", "gemäß")]
        possessive = any(w.group().lower().startswith(("sein", "ihr")) for w in words)
        if len(bare) == 1 and bare[0].lower() in _BARE_SOURCES and not possessive:
            before = re.search(r"\b(seine[rmns]?|ihre[rmns]?)\s+(?:[a-zäöüß]+\s+)?$", text[max(0, start - 30) : start])
            if before:
                return start - len(before.group()), end
            after = _SOURCE_AFTER.match(text, end)
            if after:
                return start, after.end()
        return start, end

    def _author(self, start: int, end: int) -> Resolution | None:
        """Who wrote a document that speaks in the first person ("„… bin ich … zu bitten“, heißt es
        in einer Erklärung"): the person most salient before the quote, as for a pronoun."""
        r = self.pronoun("ihr", start, end, (None, "sg"))
        if r.speaker_id is None or self._kind_of(r.speaker_id) != "person":
            return None
        return Resolution(r.speaker_id, "description", f"the author of a statement in the first person: {r.reason}", r.gender, r.number)

    def one(self, bare: str, start: int, end: int, quote: Quote | None = None) -> Resolution:
        """Resolve a single (unwrapped) mention: a name (or several), a quoted name, an abbreviation,
        a description. ``start``/``end`` delimit the mention in the text."""
        country = country_of(bare)
        if country is not None:
            return Resolution(country, "description", f"the country of the adjective: {country}", "n", "sg")
        shortened = _abbreviated_name(bare)
        if shortened is not None:
            # a name of abbreviated words, as old newspapers cite each other: "Köln. Ztg.", "Mähr. Statthalterei"
            return Resolution(shortened, "name", "a name of abbreviated words", None, "sg")
        tail = _QUOTED_TAIL.fullmatch(self.ctx.text[start:end].strip())
        if tail:
            # a noun, then the name in quotation marks: "die US-amerikanische Musikzeitschrift „Billboard“"
            return Resolution(tail.group(1), "name", "the name in quotation marks", "f", "sg")
        heads = self.head_names(start, end, quote)
        named = re.search(r"[„\"»“]([A-ZÄÖÜ][^„“\"»«]{1,60})[“\"«”]", self.ctx.text[start:end])
        if heads and named and named.group(1).count(" ") >= 1 and all(
            start + named.start(1) <= n.start and n.end <= start + named.end(1) for n in heads
        ) and re.fullmatch(r"(?:(?:der|die|das|den|dem|des)\s+)?", self.ctx.text[start : start + named.start()], re.IGNORECASE):
            # a name of several words in quotation marks right after the article: "Die „Kampagne für ein Freies Tibet“"
            return Resolution(named.group(1), "name", "the name in quotation marks", "f", "sg")
        if heads:
            rest = self.ctx.text[heads[-1].end : end]
            if not re.match(r"\s*(?:und|sowie|oder)\s", rest):
                resolved = [self._name_resolution(n) for n in heads]
                if len(resolved) == 1:
                    return resolved[0]
                joined = ", ".join(r.speaker_id for r in resolved[:-1]) + " und " + resolved[-1].speaker_id
                return Resolution(joined, "name", "several speakers", None, "pl")
            return Resolution(_canonical_description(bare), "description", "several speakers, kept as written", None, "pl")
        bare = _PARTICIPLE.sub(r"\1", bare)
        bare = re.sub(r"''([^']{2,60}?)''", r"„\1“", bare)  # the wiki's quote marks: "die Tageszeitung ''La Nacion''"
        placed = _PLACED_NAME.fullmatch(bare)
        noun = _genitive_stripped(placed.group(1)) if placed else ""
        if placed and not noun.endswith(_PLACE_INSTITUTIONS + _REGIONAL_BODIES) and _compound_of(noun, ORG_HEADS):
            # an institution with a name of its own drops where it sits, and a genitive ending: "das
            # Bundeskriminalamt in Wiesbaden", "des Kraftfahrt-Bundesamtes in Flensburg"; one named by
            # its place keeps it ("Staatsanwaltschaft in Kaiserslautern")
            bare = bare[: placed.start(1) + len(noun)]
        quoted = re.search(r"[„\"»“]([^„“\"»«]{2,60})[“\"«”]", bare)
        before = bare[: quoted.start()].split()[-1] if quoted and quoted.start() > 0 else ""
        if quoted and (quoted.start() == 0 or is_role(before) or before.lower() in DETERMINERS or (
                # a generic noun right before the name that ends the mention: "die Internet-Nachrichtensite „Golem“"
                before[:1].isupper() and not bare[quoted.end() :].strip())):
            return Resolution(quoted.group(1), "name", "the name in quotation marks", "f", "sg")
        # "Polizeiangaben", "NASA-Angaben", "israelischen Armeeangaben": the source before the noun;
        # after a hyphen also other documents: "einer dpa-Meldung", "dem LSVD-Schreiben".
        words = bare.split()
        last = words[-1] if words else ""
        hyphened = _HYPHENED_SOURCE.fullmatch(last)
        noun = next((n for n in SOURCE_NOUNS if last.lower().endswith(n) and len(last) > len(n) + 2), None)
        if hyphened and len(hyphened.group(1)) > 1 and not hyphened.group(1).endswith(SOURCE_NOUNS):
            head = hyphened.group(1)  # after a hyphen also other documents: "einer dpa-Meldung"
        else:
            head = last[: -len(noun)].rstrip("-") if noun else None
        if head is not None:
            if head.endswith("s") and len(head) > 4 and not _is_acronym(head):
                head = head[:-1]
            if head in self.ctx.aliases:
                full = self.ctx.aliases[head]
                return Resolution(full, "partial_name", f"abbreviation of {full}", *self._org_features(full))
            words[-1] = head[0].upper() + head[1:]
            bare = " ".join(words)
        titled = _TITLED_NAME.fullmatch(bare)
        if titled and titled.group(1).lower().endswith(_MEDIA_HEADS) and not titled.group(1).lower().endswith(_PLACE_INSTITUTIONS) and (
                country_of(titled.group(2)) is None and titled.group(2) not in _countries() and not _country_genitive(titled.group(2))):
            # a generic noun before the name of an organisation or medium is a title: "die
            # Nachrichtenseite Business Insider", "der Website worldreferree.com", "das
            # Nachrichtenmagazin DER SPIEGEL" (an institution keeps its place: "Stadt Nürnberg")
            return Resolution(titled.group(2), "name", f"the name after a generic noun: {titled.group(1)}", *self._org_features(titled.group(2)))
        return self.description(bare, start, end)

    def _name_resolution(self, name: Name) -> Resolution:
        token = name.tokens[0]
        if len(name.tokens) == 1 and token not in self.ctx.aliases and token.endswith("s") and token[:-1] in self.ctx.aliases:
            token = token[:-1]  # the genitive of an abbreviation: "Angaben des ZDFs"
        if len(name.tokens) == 1 and token in self.ctx.aliases:
            full = self.ctx.aliases[token]
            return Resolution(full, "partial_name", f"abbreviation of {full}", *self._org_features(full))
        spelled = next((full for full in self.ctx.aliases.values() if len(full) > len(name.text) and self.ctx.text.startswith(full, name.start)), None)
        if spelled is not None and not name.person:
            # the name goes on past a lower-case word, as its abbreviation shows: "Deutsche
            # Schutzvereinigung für Wertpapierbesitz (DSW)"
            return Resolution(spelled, "name", f"the name its abbreviation spells out: {spelled}", *self._org_features(spelled))
        company = _COMPANY_COMPOUND.fullmatch(name.tokens[0]) if len(name.tokens) == 1 else None
        if company and any(n.tokens == (company.group(1),) for n in self.ctx._by_token.get(company.group(1), ())):
            # "Der RWE-Konzern" is RWE, where the article also names it alone (not "ein IT-Konzern")
            return Resolution(company.group(1), "name", f"the company before its generic noun: {company.group(1)}", "n", "sg")
        country = _country_name(token) if len(name.tokens) == 1 else None
        if country is not None:
            # a country has no fuller form: not "Dänemark Verträge", "Ehre Preußens" around it
            return Resolution(country, "name", "a country", "n", "sg")
        canonical, found = self.ctx.fullest(name.tokens, name.start)
        if len(canonical.split()) > len(name.tokens):
            kind, reason = "partial_name", f"fullest form in the article: {canonical}"
        else:
            kind, reason = "name", "named"
        gender = found.gender if found else name.gender
        return Resolution(canonical, kind, reason, gender, "sg")

    def head_names(self, start: int, end: int, quote: Quote | None = None) -> list[Name]:
        """The names a mention gives for its speaker: the head ("die Bangkok Post"), the name after a
        title ("Der Vorsitzende der Selbstverwaltung Istvan Kovacs") or in an apposition ("Der
        Direktor des Hilfswerks, Anthony Lake"), with the names coordinated with it ("AFP und
        Reuters"). Names attached by a preposition or a genitive ("Ein Sprecher von Tesla",
        "Russlands Präsident") are not the speaker."""
        ctx, text = self.ctx, self.ctx.text
        # several spans are kept apart; a single one is taken as mended (``_repair``): [start, end)
        spans = sorted(quote.speaker) if quote is not None and len(quote.speaker) > 1 else [Span(start, end)]
        names = []
        attribute = _PARTICIPLE.match(text[start:end])
        for n in ctx.names_between(start, end):
            if attribute and n.end <= start + attribute.end():
                continue  # a name inside an attribute: "die zur Stanford University gehörende Hoover Institution"
            if n.start < start:  # the span starts inside a name: keep the part in it
                toks = [t for t in ctx.tokens[ctx.token_index(start) : ctx.token_index(n.end)]]
                if not toks:
                    continue
                n = Name(tuple(t.text for t in toks), toks[0].start, n.end, n.person, None)
            if any(s.start <= n.start and n.end <= s.end for s in spans) and not self._common_noun(n, start):
                names.append(n)
        # coordinated names: "AFP und Reuters", "Transparency International, Campact und LobbyControl"
        groups: list[list[Name]] = []
        for n in names:
            gap = text[groups[-1][-1].end : n.start] if groups else ""
            # a title may stand before the second name: "Angela Merkel sowie CSU-Vorsitzender Edmund Stoiber"
            titled = re.fullmatch(r"\s(?:und|sowie)\s+(?:(?:der|die|den|dem)\s+)?([A-ZÄÖÜ][\w\-]*)\s", gap)
            if groups and (re.fullmatch(r",\s|\s(?:und|sowie|oder|als auch|bzw\.)\s", gap) or (titled and is_role(titled.group(1)) and n.person and groups[-1][-1].person)):
                groups[-1].append(n)
            else:
                groups.append([n])
        coordinated: list[list[Name]] = []
        for g in groups:
            gaps = [text[a.end : b.start] for a, b in zip(g, g[1:])]
            if gaps and gaps[-1].strip() != ",":
                coordinated.append(g)
            else:
                coordinated += [[n] for n in g]
        best: list[Name] = []
        best_score = 0.0
        for g in coordinated:
            score = self._head_score(g[0], start, end)
            if score == 3 and not g[0].person:
                # a place or organisation after a comma is an attachment ("…, Schottland"); after a title it is the name
                score = 1 if self.ctx.text[start : g[0].start].rstrip().endswith(",") else 2.5
            if score > best_score or (score == best_score == 3):
                best, best_score = g, score
        return best

    def _common_noun(self, name: Name, start: int) -> bool:
        """Whether a lone capitalised word after a determiner is a common noun, not a name: one
        that no other name of the article holds ("Angaben seines Vermögensverwalters",
        "informierter Kreise"; not "die Hamas" where the article also has "der Hamas-Führer")."""
        word = name.tokens[0]
        if name.person or len(name.tokens) > 1 or _is_acronym(word) or _is_named_org(word) or _CAMEL.search(word) or "-" in word or word in _countries():
            return False
        before = self.ctx.text[max(start, name.start - 40) : name.start].split()
        if not before:
            # a noun with its complement opens the mention: "Gutachter der Deutschen Gesellschaft …",
            # "Vertraute der Insassen", "Dokumenten aus der Birthler-Behörde"
            if not _COMPLEMENT.match(self.ctx.text, name.end) or _is_org_head(word):
                return False
        elif not (before[-1].lower() in DETERMINERS or (before[-1].islower() and before[-1].endswith(("e", "en", "er", "es", "em")))):
            return False
        return all(n.tokens == name.tokens for n in self.ctx._by_token.get(word, ()))

    def _head_score(self, name: Name, start: int, end: int) -> int:
        """3: after a title or in an apposition; 2: the head of the mention; 0: attached or a modifier."""
        ctx, text, toks = self.ctx, self.ctx.text, self.ctx.tokens
        k = ctx.token_index(name.start)
        after = k + len(name.tokens)
        # academic titles belong to the name: "Klinikdirektor Prof. Dr. Matthias W. Beckmann", "Dr. Dittrich"
        lead = name.start
        while k > 0 and toks[k - 1].start >= start and toks[k - 1].text.lower() in _ACADEMIC_TITLES and text[toks[k - 1].end : lead] in (". ", "."):
            k -= 1
            lead = toks[k].start
        if lead != name.start:
            name = Name(name.tokens, lead, name.end, name.person, name.gender)
        # a genitive before a role or an adjective: "Russlands Präsident", "Berlins früherer Bürgermeister"
        if name.tokens[-1].endswith("s") and after < len(toks) and toks[after].start < end and text[name.end : toks[after].start] == " ":
            if ctx.classes[after] == "role" or (toks[after].text.islower() and _ADJECTIVE.search(toks[after].text)):
                return 0
        before = text[start : name.start]
        if not before.strip() and name.person and text[name.end : name.end + 1] == "," and name.end < end:
            return 4  # a name with its apposition after it: "Jeb Bush, der frühere Gouverneur … Georg W. Bush"
        if not before.strip() or before.strip().lower() in ("sowohl", "weder", "entweder"):
            return 2
        if before.strip().lower() in _PARTICLES and name.person and before.strip().lower() in ctx.fullest(name.tokens)[0].lower().split():
            return 2  # the name's own particle, capitalised at the start of a sentence: "Zu Guttenberg"
        titled = k > 0 and toks[k - 1].start >= start and toks[k - 1].text.lower() in TITLES and text[toks[k - 1].end : name.start] in (" ", ". ")
        # an apposition, also one that starts with a title: "…, Matthew Miller", "… – Rainer Wittner",
        # "…, der Energieversorger TEPCO", "…, Commander Randy Henderson"
        apposition = text[start : toks[k - 1].start] if titled else before
        if apposition.rstrip().endswith((",", " –", " -")) or re.search(r",\s+(?:der|die|das)(?:\s+[\w\-]+){0,3}\s*$", apposition):
            return 3
        if titled and all(w.text.lower() in DETERMINERS for w in toks[ctx.token_index(start) : k - 1]):
            return 3  # "Frau Hinz", "Herr Müller": a form of address before the name
        if k > 0 and toks[k - 1].start >= start:
            words = toks[ctx.token_index(start) : k]
            prev = toks[k - 1]
            if (prev.text[0].isupper() or ctx.classes[k - 1] == "role") and text[prev.end : name.start] == " " and not ctx.is_genitive(name) and (
                ctx.classes[k - 1] in ("role", "name") or (ctx.classes[k - 1] == "common" and name.person)
            ):
                # a title right before the name; a preposition before the title attaches it
                m = k - 1
                while m > 0 and toks[m - 1].start >= start and (toks[m - 1].text[0].isupper() or _ADJECTIVE.search(toks[m - 1].text)) and text[toks[m - 1].end : toks[m].start] == " ":
                    m -= 1
                opener = toks[m - 1].text.lower() if m > 0 and toks[m - 1].start >= start else None
                if opener in _PREPOSITIONS_ATTACHING:
                    # a role's own complement before a person's name: "Der EU-Kommissar für Energie Günther Oettinger"
                    role_before = m > 1 and toks[m - 2].start >= start and ctx.classes[m - 2] == "role"
                    return 3 if role_before and name.person and _is_first_name(name.tokens[0]) else 0
                if name.person or all(w.text.lower() not in _ATTACHING for w in words[1:]):
                    return 3
                return 0
            if all(w.text.lower() in DETERMINERS or (w.text.islower() and w.text.lower() not in _ATTACHING and w.text.lower() not in _PREPOSITIONS) for w in words):
                return 2
            if name.person and words[0].text.lower() in DETERMINERS and prev.text.islower() and prev.text.endswith(("e", "en")) and text[prev.end : name.start] == " ":
                return 2  # the noun of the description is the name itself: "die in New York City geborene Lopez"
        return 0

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
        opener = re.match(r"[ „\"»«‚']*(Demnach|Danach)\b", text[s0:s1])
        if opener and not any(a <= s0 + opener.start(1) < b for a, b in inside):
            # "Demnach habe …" with no speaker span: the document or statement before it
            p = s0 + opener.start(1)
            r = self.pronoun(opener.group(1), p, p + len(opener.group(1)), PRONOUNS[opener.group(1).lower()])
            if r.speaker_id is not None:
                return Resolution(r.speaker_id, "none", f"'{opener.group(1)}' opens its sentence: {r.reason}", r.gender, r.number)
        for name in self.ctx.names_between(s0, s1):
            if s0 <= name.start < s1 and name.person and not any(a <= name.start < b for a, b in inside) and not self.ctx.is_genitive(name):
                if _ACCUSED.match(text, name.end) and _ACCUSATION.search(text, name.end, s1):
                    continue  # "Kony wird vorgeworfen, …": the one accused, not the speaker
                canonical, found = self.ctx.fullest(name.tokens, name.start)
                return Resolution(canonical, "none", f"the person named in its sentence: {name.text}", found.gender if found else None, "sg")
        source = self._source_phrase(s0, s1, inside, previous)
        if source is not None:
            return source
        # a direct fragment inside a sentence: "Der Bundespräsident konstatierte eine „Kluft …“"
        subject = self._sentence_subject(s0, s1, inside) if quote.type in ("direct", "mixed") else None
        if subject is not None:
            return Resolution(subject.speaker_id, "none", f"the subject of its sentence: {subject.reason}", subject.gender, subject.number)
        before = self._subject_before(quote, first) if quote.type in ("free_indirect", "direct") else None
        if before is not None:
            return before
        if previous is not None:
            prev_quote, prev = previous
            gap = text[prev_quote.end : quote.start]
            if prev.speaker_id and "\n" not in gap and self.ctx.sentence_of(quote.start) - self.ctx.sentence_of(prev_quote.end - 1) <= 2:
                return Resolution(prev.speaker_id, "none", f"continues the previous quote of {prev.speaker_id}", prev.gender, prev.number)
        return Resolution(None, "none", "no speaker")

    def _source_phrase(self, s0: int, s1: int, inside: list[tuple[int, int]], previous: tuple[Quote, Resolution] | None) -> Resolution | None:
        """The source a quote without a speaker span names in its own sentence, outside the quote:
        "Laut einer … Pressemitteilung des WFP", "Nach Angaben der Polizei", "Wie aus
        Unternehmenskreisen verlautete", "heißt es auf der Webseite des Preises"."""
        if self._in_source_phrase:
            return None  # the phrase itself resolved to no speaker: do not look for it again
        text = self.ctx.text
        for m in _SOURCE_PHRASE.finditer(text, s0, s1):
            if any(a <= m.start() < b for a, b in inside):
                continue
            start = m.start("np")
            end = _np_extent(text, start, s1)
            if end <= start:
                continue
            words = _WORD.findall(text[start:end])
            if not words:
                continue
            if m.group("lead") and not (_is_source_noun(words[0]) if words[0][:1].isupper() else len(words) > 1 and _is_source_noun(words[1])):
                continue  # "nach" + no source noun: "Nach dem Spiel", not "Nach Angaben der Polizei"
            spoken = Quote(content=(Span(s0, s0),), type="indirect", speaker=(Span(start, end),))
            self._in_source_phrase = True
            try:
                r = self.resolve(spoken, previous)
            finally:
                self._in_source_phrase = False
            if r.speaker_id is not None:
                return Resolution(r.speaker_id, "none", f"the source named in its sentence: {r.reason}", r.gender, r.number)
        return None

    def _subject_before(self, quote: Quote, sentence: int) -> Resolution | None:
        """A quote that makes up its sentence, after a sentence of the same paragraph with no quote
        whose subject is a person or an organisation, continues that subject: "Hubert Primus … wies
        den Vorwurf zurück. In Zeiten knapper Kassen sei die Studie richtig." """
        ctx, text = self.ctx, self.ctx.text
        s0 = ctx.sentence_starts[sentence]
        if sentence == 0 or text[s0 : quote.start].strip(" „\"»«‚'") or not self._ends_sentence(quote):
            return None
        p0 = ctx.sentence_starts[sentence - 1]
        if "\n" in text[p0:s0].rstrip() or any(p0 <= a < s0 for a, _ in self._quoted_spans()):
            return None
        if bisect.bisect_left(self._done_starts, s0) > bisect.bisect_left(self._done_starts, p0):
            return None  # the sentence before has a quote: the quote continues that one
        for k in range(ctx.token_index(p0), min(ctx.token_index(s0), ctx.token_index(p0) + 3)):
            tok = ctx.tokens[k]
            if tok.text in ("Er", "er") and ctx._is_subject(tok.start):
                r = self.pronoun(tok.text, tok.start, tok.end, PRONOUNS["er"])
                return self._named_subject(r.speaker_id, r.reason)
        for r in ctx.mentions_between(p0, s0):
            if r.subject and _one_agent(r):
                return self._named_subject(self._from_referent(r, "the subject of the sentence before").speaker_id, r.id, r.kind == "org")
        r = self._subject_after_fronted(p0, s0)
        if r is not None:
            found = self._from_referent(r, "the subject of the sentence before").speaker_id
            if not r.description or found != r.id:  # a description the article ties to no name is too weak here
                return self._named_subject(found, r.id, r.kind == "org")
        return None

    def _subject_after_fronted(self, p0: int, s0: int) -> Referent | None:
        """The subject right after the finite verb of the sentence ``[p0, s0)`` when a long phrase
        without a comma comes first: "Trotz gesunkener Zahlen getöteter Journalisten gibt ROG keine
        Entwarnung", "Mit Kritik an … hält sich Gall zurück". The verb is the first lower-case word
        that is no article, preposition or adjective before a noun."""
        ctx = self.ctx
        toks = ctx.tokens
        k0, k1 = ctx.token_index(p0), ctx.token_index(s0)
        verb = None
        for k in range(k0 + 1, k1 - 1):
            t = toks[k].text
            if ctx.text[toks[k - 1].end : toks[k].start] != " ":
                return None  # a comma, a quote mark or a bracket before the verb: no simple fronted phrase
            low = t.lower()
            if not t.islower() or low in DETERMINERS or low in _PREPOSITIONS or low in _FRONTED_WORDS:
                continue
            if _INFLECTED.fullmatch(t) and not toks[k + 1].text.islower():
                continue  # an adjective before its noun: "an öffentlichen Plätzen"
            verb = k
            break
        if verb is None or verb - k0 < 3:
            return None  # a short fronted phrase is the subject test's own case
        k = verb + 1
        while k < k1 and toks[k].text in _AFTER_VERB and k - verb <= 3:
            k += 1
        if k >= k1 or ctx.text[toks[k - 1].end : toks[k].start] != " ":
            return None
        low = toks[k].text.lower()
        if toks[k].text.islower() and low not in _NOMINATIVE_ARTICLES:
            return None  # no subject here: "neben Rettungsdienst …", "des Nahen Ostens"
        for r in ctx.mentions_between(toks[k].start, toks[k].end + 1 if toks[k].text[:1].isupper() else toks[min(k + 1, k1 - 1)].end):
            if _one_agent(r):
                return r
        return None

    def _named_subject(self, speaker_id: str | None, why: str, org: bool = False) -> Resolution | None:
        """The subject of the sentence before as the speaker, where it is named or an organisation:
        a bare description of a person ("die Haushaltspolitikerin") is too weak a reason to pass
        over a quote's own context."""
        if speaker_id is None or not org and self.ctx.fullest(speaker_id.split())[1] is None:
            return None
        return Resolution(speaker_id, "none", f"continues the subject of the sentence before: {why}", *self._person_features(speaker_id))

    def _ends_sentence(self, quote: Quote) -> bool:
        """Whether a quote runs to the end of its sentence (give or take a closing mark)."""
        sentence = self.ctx.sentence_of(quote.start)
        nxt = self.ctx.sentence_starts[sentence + 1] if sentence + 1 < len(self.ctx.sentence_starts) else len(self.ctx.text)
        return not self.ctx.text[quote.end : nxt].strip(" .!?…“”\"»«'’)\n")

    def _sentence_subject(self, s0: int, s1: int, inside: list[tuple[int, int]]) -> Resolution | None:
        """The speaker a quote without a speaker span has in the subject of its own sentence, outside
        the quote: "Ursprünglich wollte er „ein Konzept vorlegen“", "Der Bundespräsident konstatierte
        eine wachsende „Kluft zwischen Arm und Reich“"."""
        quoted = inside + self._quoted_spans()
        outside = lambda pos: not any(a <= pos < b for a, b in quoted)  # noqa: E731
        for k in range(self.ctx.token_index(s0), self.ctx.token_index(s1)):
            tok = self.ctx.tokens[k]
            if tok.text in ("er", "Er") and outside(tok.start) and (tok.text == "er" or tok.start == s0 or self.ctx._opens_sentence(tok.start)):
                r = self.pronoun(tok.text, tok.start, tok.end, PRONOUNS["er"])
                return r if r.speaker_id is not None else None
        for r in self.ctx.mentions_between(s0, s1):
            if r.subject and r.kind in ("person", "org") and outside(r.start) and (r.description or r.kind == "org") and (r.number == "sg" or r.description and r.kind == "person"):
                resolved = self._from_referent(r, "the subject of its sentence")
                return resolved if resolved.speaker_id is not None else None
        return None

    def description(self, desc: str, start: int, end: int) -> Resolution:
        text = self.ctx.text
        # An apposition or a name right after the mention: "Der Sprecher …, Matthew Miller, sagte".
        after = text[end : end + 80]
        m = re.match(r"(?:,\s|\s)", after)
        if m and self.ctx.name_at.get(end + m.end()) is None:
            # past what the noun governs: "Die Haushaltspolitikerin von Bündnis 90/Die Grünen, Anja Hajduk"
            m = re.match(r"\s(?:von|vom|des|der|für|im|in|bei|beim)\s[^,.;:!?„“()]{1,50},\s", after) or m
        if m:
            name = self.ctx.name_at.get(end + m.end())
            if name is not None and name.person:
                canonical, _ = self.ctx.fullest(name.tokens, name.start)
                return Resolution(canonical, "description", f"apposition or title right after it: {name.text}", *self._person_features(canonical))
        head, mods = describe(desc)
        words = desc.split()
        indefinite = words[0].lower() in INDEFINITE if words else False
        gender, number = _grammar(desc)
        if _plural(desc):
            number = "pl"
        if head and not indefinite:
            best, best_score = None, None
            same_head: list[Tie] = []
            for tie in self.ctx.ties_near(start):
                if not _same_office(head, tie.head) or tie.plural != (number == "pl"):
                    continue
                same_head.append(tie)
                overlap = len(mods & tie.modifiers)
                if mods and tie.modifiers and not overlap:
                    continue
                score = (overlap, tie.start < start, -abs(start - tie.start))
                if best_score is None or score > best_score:
                    best, best_score = tie, score
            if best is None and words and words[0].lower() not in DETERMINERS and len({t.name for t in same_head}) == 1:
                # A bare description, as in a headline ("Militärbeamter von Kim Jong-un warnt"), whose
                # head the article ties to one name only ("Pak Jong-chon, einer der höchsten Militärbeamten").
                best = same_head[0]
            if best is not None:
                return Resolution(best.name, "description", f"tied to the name by {best.evidence}", *self._person_features(best.name))
        if head and not indefinite:
            for r in reversed(self.referents_between(start - WINDOW, start)):
                if r.start < start and r.description and _heads_match(head, describe(r.id)[0]) and mods <= describe(r.id)[1]:
                    return Resolution(r.id, "description", f"the same as the earlier speaker {r.id}", r.gender, r.number)
                r_end = self._mention_ends.get(r.start, r.end) if r.speaker else r.end
                titled = _TITLED_NAME.search(self.ctx.text, r.start, r_end) if r.start < start and not r.description and not mods else None
                if titled and titled.end() == r_end and _heads_match(head, _stem(titled.group(1))) and (number is None or r.number in (None, number)):
                    # "die Hilfsorganisation" after "der Hilfsorganisation Ärzte ohne Grenzen"
                    return Resolution(r.id, "description", f"the earlier speaker named after this noun: {r.id}", r.gender, r.number)
        share = re.fullmatch(r"(\d+(?:,\d+)?)\s+(?:Prozent|%)", desc.strip())
        if share:
            group = self._share_group(start)
            if group is not None:
                return Resolution(f"{share.group(1)} Prozent {group}", "description", f"the group of an earlier share: {group}", None, "pl")
        age = re.fullmatch(r"(?:der|die|des|dem|den)\s+(\d{1,3})-Jährige[nr]?", desc.strip(), re.IGNORECASE)
        if age:
            found = self._by_age(age.group(1), start)
            if found is not None:
                return Resolution(found, "description", f"the one the article gives the age {age.group(1)}: {found}", gender, "sg")
        # "der Franzose", "Der Ministerpräsident", "der 54-Jährige": the person the text is about
        # (also after a source noun that took the article: "Meinung des SPD-Politikers")
        genitive = len(words) == 1 and self._word_before(start) in ("des", "der") and words[0].endswith("s")
        if head and words and (words[0].lower() in ("der", "die") or genitive) and number != "pl" and not head.endswith(_NEW_PERSON_HEADS):
            head_word = next((w for w in _WORD.findall(desc) if w[0].isupper() and is_role(w)), "")
            # not where it names an organisation of its own: "Der Hauptgeschäftsführer des BPI" is
            # someone else than the speaker before
            own_org = any(
                not n.person and (_is_acronym(n.tokens[-1]) or _is_org_head(n.tokens[-1]) or _is_named_org(n.tokens[-1]))
                for n in self.ctx.names_between(start, end)
            )
            if head_word and not own_org and not _is_org_head(head_word) and not head_word.lower().endswith(_DOCUMENT_HEADS):
                g = "f" if head_word.lower().endswith("in") and is_role(head_word.lower()[:-2]) else "m"
                # not a person the description itself names: "Der behandelnde Arzt Lahms" is not Lahm
                named = {speaker_key(self.ctx.fullest((*n.tokens[:-1], n.tokens[-1].removesuffix("s")))[0]) for n in self.ctx.names_between(start, end)}
                named |= {speaker_key(self.ctx.fullest(n.tokens)[0]) for n in self.ctx.names_between(start, end)}
                person = self._salient_person(start, g, named)
                if person is not None:
                    return Resolution(person.id, "description", f"the {'previous speaker' if person.speaker else 'person'} it describes: {person.id}", person.gender, "sg")
        # "die Zeitung" after "Münstersche Zeitung", "das Gericht" after "Bundesverwaltungsgericht"
        # a bare organisation noun after an article or a source preposition: "laut Gericht", "des Gerichts"
        bare_org = len(words) == 1 and _is_org_head(words[0]) and self._word_before(start).lower() in ("der", "die", "das", "dem", "den", "des", "laut", "so", "nach")
        if head and words and (words[0].lower() in ("der", "die", "das", "dem", "den", "des") or bare_org) and number != "pl":
            head_word = next((w for w in _WORD.findall(desc) if w[0].isupper() and _is_org_head(w)), "")
            if head_word and len(_WORD.findall(desc)) == (1 if bare_org else 2):
                org = self._named_org(start, _stem(head_word))
                if org is not None:
                    return Resolution(org, "description", f"the organisation named before: {org}", gender, number)
        org = self._salient_org(desc, start) if head else None
        if org is not None:
            return Resolution(org.id, "description", f"the organisation it describes: {org.id}", org.gender, "sg")
        fuller = self._fuller_description(desc, start) if head else None
        if fuller is not None:
            return Resolution(fuller, "description", f"the fuller description before it: {fuller}", gender, number)
        if _PAIR_NOUN.match(desc):
            pair = self._persons_pair_before(start) or self._pair_before(start)
            if pair is not None:
                return Resolution(pair, "description", f"the two coordinated before it: {pair}", None, "pl")
        if re.search(r"\b[Kk]ein(?:e[mnrs]?)?\s+(?:[a-zäöüß]+\s+){0,3}$", text[max(0, start - 60) : start]) and len(desc.split()) == 1:
            # "fühlt sich kein heutiger Mensch …": no one
            return Resolution(None, "description", "no one: 'kein' before the noun", gender, number)
        whole = self._whole_noun_phrase(desc, start, end)
        if whole is not None:
            return Resolution(whole, "description", "never named in the article: the noun phrase around the span", gender, number)
        kept = self._canonical_description(desc)
        if not kept:
            return Resolution(None, "description", "no noun to keep", gender, number)  # a determiner alone: "Seine"
        return Resolution(kept, "description", "never named in the article: kept as the description", gender, number)

    def _whole_noun_phrase(self, desc: str, start: int, end: int) -> str | None:
        """For a span on a bare noun, as some corpora mark speakers ("Journale", "Präsidium"), the
        noun phrase around it: the adjectives before it ("oppositionelle Journale") and a genitive
        after it ("Präsidium des deutschen Bundes", "Wortführer der deutschfortschrittlichen
        Partei"); after "der" only a genitive whose noun cannot be a masculine nominative ("Nach
        der Verfassung der Parlamentspräsident …" is no "Verfassung der Parlamentspräsident")."""
        if len(_WORD.findall(desc)) != 1 or not desc[:1].isupper():
            return None
        ctx, toks = self.ctx, self.ctx.tokens
        k = ctx.token_index(start)
        if k >= len(toks) or toks[k].start != start or toks[k].end != end:
            return None
        m = k
        while m > 0 and toks[m - 1].text.islower() and _ADJECTIVE.search(toks[m - 1].text) and ctx._gap(toks[m - 1], toks[m]) == " ":
            m -= 1
        # any inflected word, and a place adjective right before the noun ("Das Mainzer
        # Polizeigericht"), where an article closes them on the left
        a = k - 1 if k > 0 and re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+er", toks[k - 1].text) and ctx._gap(toks[k - 1], toks[k]) == " " else k
        while a > 0 and ctx._gap(toks[a - 1], toks[a]) == " " and (
                _INFLECTED.fullmatch(toks[a - 1].text) or (toks[a - 1].text in _DEGREE and a < k)) and toks[a - 1].text.lower() not in DETERMINERS:
            a -= 1
        det = toks[a - 1].text.lower() if a > 0 and ctx._gap(toks[a - 1], toks[a]) == " " else ""
        endings = _WEAK_ENDINGS.get(det, ("e", "en", "er", "es", "em"))
        if a < m and (det in DETERMINERS or det in _FUSED_ARTICLES) and all(
                t.text in _DEGREE or t.text[0].isupper() or t.text.endswith(endings) and not (t.text.endswith("en") and "en" not in endings)
                for t in toks[a:m]):  # (a place adjective does not inflect: "Das Mainzer Polizeigericht")
            m = a  # (the endings agree with the article: "Das berichten Medien" is no noun phrase)
        last = ctx._np_end(k)
        if last > end:
            article = toks[k + 1].text
            noun = toks[ctx.token_index(last) - 1].text  # the genitive's last word
            if not (article in ("des", "eines") or (article in ("der", "einer") and noun.lower().endswith(_GENITIVE_AFTER_DER))):
                last = end
        return _canonical_description(ctx.text[toks[m].start : last]) if m < k or last > end else None

    def _by_age(self, age: str, pos: int) -> str | None:
        """Whom "der 81-Jährige" means: the nearest one before ``pos`` given that age, by an
        adjective ("Der 81-jährige Max Kunz", "Ein 81-jähriger Besitzer eines Hauses": the name, or
        else the noun phrase) or in brackets after a name ("Max Kunz (81)")."""
        ctx, lo = self.ctx, max(0, pos - WINDOW)
        for m in reversed(list(re.finditer(rf"\b{age}-jährige[nrms]?\s+|(?<=\S)\s*\(\s*{age}\s*\)", ctx.text[lo:pos]))):
            at = lo + m.start()
            if m.group().lstrip().startswith("("):
                before = [n for n in ctx.names_between(at - 80, at + 1) if n.person and n.end == at]
                if before:
                    return ctx.fullest(before[-1].tokens, before[-1].start)[0]
                continue
            k = ctx.token_index(lo + m.end())
            for n in range(k, min(k + 3, len(ctx.tokens))):
                name = ctx.name_at.get(ctx.tokens[n].start)
                if name is not None and name.person:
                    return ctx.fullest(name.tokens, name.start)[0]
                if not ctx.tokens[n].text[:1].isupper():
                    break
            if k < len(ctx.tokens) and ctx.tokens[k].text[:1].isupper():
                phrase = ctx.noun_phrase(k)
                if phrase:
                    return phrase
        return None

    def _share_group(self, pos: int) -> str | None:
        """The group of the nearest share before ``pos`` in its sentence or the two before: "62
        Prozent der Bundesbürger …, 37 Prozent sind …" → "der Bundesbürger"."""
        ctx = self.ctx
        s0 = ctx.sentence_starts[max(0, ctx.sentence_of(pos) - 2)]
        found = list(_SHARE_OF.finditer(ctx.text, s0, pos))
        return f"{found[-1].group(1)} {found[-1].group(2)}" if found else None

    def _persons_pair_before(self, pos: int) -> str | None:
        """The last two persons coordinated in the two sentences before ``pos`` ("Jennifer Lopez
        und Shakira"), for "die beiden Sängerinnen"."""
        ctx = self.ctx
        s0 = ctx.sentence_starts[max(0, ctx.sentence_of(pos) - 2)]
        for name in reversed(ctx.names_between(s0, pos)):
            group = ctx.coordinated(name) if name.person else []
            if len(group) == 2 and group[-1].end <= pos and all(n.person for n in group):
                return ctx.joined(group)
        return None

    def _salient_org(self, desc: str, start: int) -> Referent | None:
        """The named organisation a generic definite description ("das Unternehmen", "die Partei",
        "der Verband") most likely denotes: an earlier speaker or a subject in the last two sentences
        whose name is no person and no country."""
        words = _WORD.findall(desc)
        if len(words) != 2 or words[0].lower() not in _DEFINITE or _genitive_stripped(words[1]) not in _GENERIC_ORGS:
            return None
        sentence = self.ctx.sentence_of(start)
        best, best_score = None, None
        for r in self._candidates(start, 2):
            if r.start >= start or r.description or r.id in _countries() or country_of(r.id):
                continue
            # an earlier speaker counts as a person where its name occurs twice: ask its mentions
            mentions = self.ctx._by_token.get(r.id.split()[0], []) if r.id else []
            if r.kind != "org" and not (r.speaker and mentions and not any(n.person for n in mentions)):
                continue
            if not (r.speaker or r.subject):
                continue
            distance = sentence - self.ctx.sentence_of(r.start)
            score = (-distance + (1.0 if r.speaker else 0.0) + (0.5 if r.subject else 0.0), r.start)
            if best_score is None or score > best_score:
                best, best_score = r, score
        return best

    def _word_before(self, pos: int) -> str:
        """The word that ends right before ``pos``, with only spaces between ("" if none): the
        article a source noun left behind ("Angaben des Berichts"), or "laut" in "laut Gericht"."""
        m = re.search(r"(\w+)\s+$", self.ctx.text[max(0, pos - 30) : pos])
        return m.group(1) if m else ""

    def _fuller_description(self, desc: str, start: int) -> str | None:
        """For a short definite description ("die Mönche", "der Bericht", "die Staatsanwaltschaft"),
        the fuller noun phrase with the same head the article used before it ("buddhistische
        Mönche", "Verfassungsschutzbericht 2005", "Staatsanwaltschaft in Kaiserslautern"): the
        nearest earlier one that says more."""
        words = _WORD.findall(desc)
        article = self._word_before(start)
        if len(words) == 1 and article.lower() in _DEFINITE:
            words = [article, *words]  # the article a source noun left behind: "Angaben des Berichts"
        if not 2 <= len(words) <= 3 or words[0].lower() not in _DEFINITE or not words[-1][:1].isupper():
            return None
        if len(words) == 3 and not (words[1].islower() and _ADJECTIVE.search(words[1])):
            return None
        noun = _genitive_stripped(words[-1])
        if len(noun) < 4:
            return None
        ctx, mine = self.ctx, _canonical_description(desc)
        for k in reversed(ctx.tokens_ending(_stem(noun)[-4:], start - WINDOW, start)):
            tok = ctx.tokens[k]
            other = _genitive_stripped(tok.text)
            # the same noun in the same number, or a compound of it ("Verfassungsschutzbericht" for
            # "Bericht"), not a part of it; "Studien" is no fuller "Studie"
            if not tok.text[:1].isupper() or not (other == noun or (other.endswith(noun) and len(other) - len(noun) >= 3)):
                continue
            phrase = ctx.noun_phrase(k)
            if phrase is None or phrase.split()[0].lower().startswith(_NOT_THE_SAME):
                continue
            if len(_WORD.findall(phrase)) > len(_WORD.findall(mine)) or other != noun:
                return phrase
        return None

    def _named_org(self, start: int, head: str) -> str | None:
        """The nearest organisation before ``start`` whose name ends with ``head``: a name
        ("Münstersche Zeitung") or a compound ("das Bundesverwaltungsgericht" for "das Gericht")."""
        lo = start - WINDOW
        names = [(n.start, n) for n in self.ctx.names_between(lo, start) if not n.person and n.end <= start]
        nouns = [(r.start, r) for r in self.ctx.mentions_between(lo, start) if r.description and r.kind == "org" and r.end <= start]
        for _, x in sorted(names + nouns, key=lambda p: p[0], reverse=True):
            if isinstance(x, Name):
                if _heads_match(head, _stem(x.tokens[-1])):
                    return self.ctx.fullest(x.tokens, x.start)[0]
                first = _genitive_stripped(x.tokens[0])
                # (a place seldom ends in -e, a noun after the institution often does: not "Bundesverfassungsgericht Klage")
                police = head == "polizei" and first.lower().startswith("polizei")  # "die Polizei" for "Polizeipräsidium Westpfalz"
                if len(x.tokens) > 1 and first.endswith(_PLACE_INSTITUTIONS) and (_heads_match(head, _stem(first)) or police) and not x.tokens[-1].endswith("e"):
                    # an institution named by its place: "das Gericht" for "des Landgerichts Mannheim"
                    return " ".join((x.tokens[0][:len(first)], *x.tokens[1:]))
            else:
                last = _WORD.findall(x.id)[-1]
                if len(_WORD.findall(x.id)) == 1 and len(last) > len(head) + 2 and _heads_match(head, _stem(last)):
                    for ending in ("es", "s"):  # the genitive "des Bundesverwaltungsgerichts"
                        if last.endswith(ending) and last[: -len(ending)].lower().endswith(head):
                            return last[: -len(ending)]
                    return x.id
        return None

    def _salient_person(self, start: int, gender: str, exclude: set[str] = frozenset()) -> Referent | None:
        """The named person a definite description before ``start`` most likely denotes: an earlier
        speaker or a subject in the last two sentences, of the gender the description shows."""
        sentence = self.ctx.sentence_of(start)
        best, best_score = None, None
        for r in self._candidates(start, 4):
            if r.start >= start or r.kind != "person" or r.description or (r.gender and r.gender != gender):
                continue
            if speaker_key(r.id) in exclude or (r.speaker and self._kind_of(r.id) != "person"):
                continue
            distance = sentence - self.ctx.sentence_of(r.start)
            if distance > (4 if r.speaker else 2) or (not r.speaker and not r.subject and distance > 0):
                continue
            score = (-distance + (1.0 if r.speaker else 0.0) + (0.5 if r.subject else 0.0), r.start)
            if best_score is None or score > best_score:
                best, best_score = r, score
        return best

    def _person_features(self, canonical: str) -> tuple[str | None, str | None]:
        _, found = self.ctx.fullest(canonical.split())
        return (found.gender if found else None), "sg"

    def _canonical_description(self, desc: str) -> str:
        return _canonical_description(desc)

    def pronoun(self, mention: str, start: int, end: int, want: tuple[str | None, str | None], depth: int = 0) -> Resolution:
        """The antecedent of a pronoun: the persons, organisations and documents mentioned before it
        (earlier speakers among them) that agree in gender and number, ranked by salience: an
        earlier speaker, the subject that opens a sentence, a person for "er"/"sie", nearness;
        rarely more than three sentences back or across a paragraph."""
        low = mention.lower()
        if low == "man":
            circle = self._circle_of_man(start, end)
            if circle is not None:
                return Resolution(circle, "pronoun", f"'man' in a country: {circle}", "n", "sg")
            return Resolution(None, "pronoun", "generic 'man'")
        enclosing = self._enclosing_speaker(start) if low in _FIRST_PERSON_WORDS else None
        if enclosing is not None:
            return Resolution(enclosing.speaker_id, "pronoun", "the speaker of the quote it stands in", enclosing.gender, enclosing.number)
        if low in _FIRST_PERSON_WORDS or low == "jhr":
            # outside any quote it is the writer's own voice, or the readers addressed: no one the text names
            return Resolution(None, "pronoun", "the writer's own voice or the readers addressed")
        if "eigenen" in low:
            subject = self._subject_of_clause(start, end)
            if subject is not None:
                return subject
        # a capitalised "Sie" inside a sentence of a direct quote is the polite form: the person
        # addressed, not the quote's speaker ("… durch Ihren Staatsbesuch, bei dem Sie …")
        addressed = None
        if mention == "Sie" and not self.ctx._opens_sentence(start):
            enclosing_quote = self._enclosing_speaker(start)
            if enclosing_quote is not None and enclosing_quote.speaker_id:
                addressed = speaker_key(enclosing_quote.speaker_id)
                addressed_by = enclosing_quote.speaker_id
                want = (None, None)
        if low in ("sie", "die", "diese") and addressed is None:
            want = (want[0], self._verb_number(start, end) or want[1])
            if low in ("sie", "die", "diese") and want[1] == "sg":
                want = ("f", "sg")  # singular "sie" is feminine; plural "sie" takes any gender
        personal = low in ("er", "ihm", "ihn", "sie") or low.startswith(("sein", "ihr"))
        sentence = self.ctx.sentence_of(start)
        # "Er"/"Sie" opening a sentence usually continues the subject of the sentence before
        continues = low in ("er", "sie") and self.ctx._opens_sentence(start)
        document = low in ("demnach", "danach", "dieser zufolge", "diesem zufolge")
        candidates: list[tuple[tuple, Referent, str]] = []
        considered: list[tuple[dict[str, float], Referent]] = []
        if depth == 0:
            self.last_candidates = considered  # what was weighed, for eval/speakers/fit_pronoun_weights.py
        speakers = self._speaker_keys
        quoted = [(a, b) for a, b in self._quoted_spans() if not a <= start < b]
        for r in self._candidates(start, 3):
            if r.start >= start or not _agrees(want, r.gender, r.number):
                continue
            if low in _CLAUSE_BOUND and self.ctx.sentence_of(r.start) == sentence and not _CLAUSE_BREAK.search(self.ctx.text, r.end, start):
                continue  # a personal pronoun is not its own clause's noun: "mit Michael Collins lenkte er"
            if not r.speaker and any(a <= r.start < b for a, b in quoted):
                continue  # a noun inside another direct quote is no antecedent outside it
            if addressed is not None and (r.kind != "person" or speaker_key(r.id) == addressed):
                continue
            distance = sentence - self.ctx.sentence_of(r.start)
            if distance > (3 if r.speaker else 2):
                continue
            if r.kind == "thing" and (personal or want[0] == "m"):
                continue
            # "er" and singular "sie" take persons, or what shows the gender asked for
            if want[1] != "pl" and want[0] in ("m", "f") and r.kind != "person" and r.gender != want[0]:
                continue
            if want[1] == "pl" and r.number == "sg":
                continue
            broken = "\n" in self.ctx.text[r.start : start]
            features = {
                "distance": distance,
                "earlier speaker": float(r.speaker),
                "mentioned speaker": float(not r.speaker and speaker_key(r.id) in speakers),
                "subject": float(r.subject),
                "person for a personal pronoun": float(personal and r.kind == "person"),
                "gender agrees": float(bool(want[0]) and r.gender == want[0]),
                "number agrees": float(bool(want[1]) and r.number == want[1]),
                "thing for another pronoun": float(not personal and r.kind == "thing"),
                "document for demnach": float(document and r.kind == "thing"),
                "subject continued": float(continues and r.subject and distance == 1 and not broken),
                "paragraph between": float(broken),
                "genitive": float(self._genitive_at(r.start)),
            }
            score = sum(PRONOUN_WEIGHTS[f] * v for f, v in features.items())
            considered.append((features, r))
            why = "previous speaker" if r.speaker else ("subject before" if r.subject else "mentioned before")
            if addressed is not None:
                why = f"addressed in the quote of {addressed_by}, {why}"
            candidates.append(((score, r.start), r, why))
        if not candidates and low.startswith(("sein", "ihr")):
            return self._cataphora(start, end, want)
        if not candidates and low in ("er", "sie", "die", "der", "diese", "dieser") + tuple(_DOCUMENT_PRONOUNS):
            fallback = self._noun_phrase_antecedent(start, want, document)
            if fallback is not None:
                return fallback
        if not candidates:
            chained = self._chain(low, start, want, depth)
            if chained is not None:
                return chained[1]
            return Resolution(None, "pronoun", "no earlier speaker agrees", *want)
        if low in _DEMONSTRATIVES:
            # "Dieser", "der": the last one mentioned, not the most salient ("… durch seinen Fahrer
            # Adriano De Souza belastet. Dieser behaupte …")
            best = max((c[1] for c in candidates), key=lambda r: r.start)
            return self._from_referent(best, "mentioned last")
        (best_score, _), best, why = max(candidates, key=lambda c: c[0])
        if document and best.kind != "thing":
            # "gab die Wahlkommission ein vorläufiges Ergebnis bekannt. Demnach …": the document, not who gave it
            fallback = self._noun_phrase_antecedent(start, want, document)
            if fallback is not None:
                return fallback
        chained = self._chain(low, start, want, depth)
        if chained is not None and chained[0] >= best_score:
            return chained[1]
        return self._from_referent(best, why)

    def _genitive_at(self, pos: int) -> bool:
        """Whether the noun phrase at ``pos`` is a genitive after a noun: "der Förderung der
        Armee", "die Rede des Kanzlers"."""
        ctx, toks = self.ctx, self.ctx.tokens
        k = ctx.token_index(pos)
        if k < len(toks) and toks[k].text.lower() not in ("der", "des"):
            k -= 1  # a name: its article is the token before
        if k < 1 or k >= len(toks) or toks[k].text.lower() not in ("der", "des"):
            return False
        before = toks[k - 1]
        return before.text[:1].isupper() and before.text.lower() not in FUNCTION_WORDS and ctx._gap(before, toks[k]) == " "

    def _circle_of_man(self, start: int, end: int) -> str | None:
        """The country "in" names next to "man", in its clause: "urteilt man doch auch in England"
        (not a common noun: "in guter Gesellschaft", "in Zweifel")."""
        text = self.ctx.text
        s0 = self.ctx.sentence_starts[self.ctx.sentence_of(start)]
        before = _MAN_CIRCLE_BEFORE.search(text[max(s0, start - 80) : start])
        after = _MAN_CIRCLE_AFTER.match(text, end, min(len(text), end + 60))
        m = after or before
        if m is None:
            return None
        noun = m.group("noun")
        return noun if m.group("np") == noun and _is_country(noun) else None

    def _chain(self, low: str, start: int, want: tuple[str | None, str | None], depth: int) -> tuple[float, Resolution] | None:
        """A chain of pronouns: the same pronoun as the subject of this sentence or the one before
        ("er": or the two before, over a sentence without it), outside quotes ("Er war es, der … . Nach einem Flug mit seinen Kollegen … lenkte er …"),
        stands for the same one, resolved in turn (at most three links back); with the score it
        competes with: that of an earlier speaker, the subject continued."""
        if depth >= 3 or not (low == "er" or (low == "sie" and want == ("f", "sg"))):
            return None
        ctx = self.ctx
        sentence = ctx.sentence_of(start)
        lo = max(ctx.sentence_starts[max(0, sentence - (2 if low == "er" else 1))], start - WINDOW)
        quoted = self._quoted_spans()
        for k in range(ctx.token_index(start) - 1, ctx.token_index(lo) - 1, -1):
            tok = ctx.tokens[k]
            if tok.text.lower() != low or any(a <= tok.start < b for a, b in quoted):
                continue
            if low == "sie" and not ctx._is_subject(tok.start):
                continue  # "er" is always a subject; "sie" may be an object
            if low == "sie" and self._verb_number(tok.start, tok.end) == "pl":
                continue
            r = self.pronoun(tok.text, tok.start, tok.end, want, depth + 1)
            if r.speaker_id is None:
                return None
            distance = sentence - ctx.sentence_of(tok.start)
            broken = "\n" in ctx.text[tok.start : start]
            score = -distance + 1.5 + 0.8 + 0.5 + 0.6 - (1.0 if broken else 0.0)
            return score, Resolution(r.speaker_id, "pronoun", f"the same as the '{tok.text}' before it: {r.reason}", r.gender, r.number)
        return None

    def _noun_phrase_antecedent(self, start: int, want: tuple[str | None, str | None], document: bool) -> Resolution | None:
        """Where no person, organisation or document of the word lists agrees: the noun phrase
        with an article in this sentence or the two before whose article and ending agree ("Die
        Brandstifter … Sie schrieben", "Die Verteidigung … Sie argumentiert"), the subject first,
        then the nearest; for "demnach" only a noun phrase that opens its sentence."""
        ctx, text, toks = self.ctx, self.ctx.text, self.ctx.tokens
        sentence = ctx.sentence_of(start)
        lo = max(ctx.sentence_starts[max(0, sentence - 2)], start - WINDOW)
        best, best_score = None, None
        quoted = self._quoted_spans()
        for k in range(ctx.token_index(lo), ctx.token_index(start)):
            tok = toks[k]
            if not tok.text[0].isupper() or ctx.classes[k] in ("func", "lower") or k == 0:
                continue
            if k + 1 < len(toks) and toks[k + 1].text[0].isupper() and ctx._gap(tok, toks[k + 1]) == " ":
                continue  # not the last word of a run: "Die SPD Berlin"
            np_start = ctx._np_start(k)
            det = toks[ctx.token_index(np_start)].text.lower()
            if np_start == tok.start or det not in _NOMINATIVE_DETERMINERS:
                continue
            first = ctx.token_index(np_start)
            if first > 0 and (toks[first - 1].text.lower() in _PREPOSITIONS or (det in ("der", "des") and toks[first - 1].text[0].isupper() and ctx._gap(toks[first - 1], toks[first]) == " ")):
                continue  # after a preposition or a noun: no subject ("mit der Polizei", "Anhänger der Partei")
            if any(a <= tok.start < b for a, b in quoted):
                continue  # a noun inside a direct quote is no antecedent outside it
            gender, number = _noun_features(det, tok.text)
            if not _agrees(want, gender, number) or (want[1] == "pl" and number != "pl"):
                continue
            subject = ctx._is_subject(np_start)
            distance = sentence - ctx.sentence_of(tok.start)
            if document and not ((subject or distance == 1) and tok.text.lower().endswith(_DOCUMENT_HEADS + _MORE_DOCUMENT_HEADS)):
                continue  # a document that is the subject, or any document of the sentence just before
            # the subject that opens its sentence before one after the verb ("Die beiden Länder sind die wichtigsten …")
            opens = subject and ctx._opens_sentence(np_start)
            score = (-distance + (0.8 if subject else 0.0) + (0.1 if opens else 0.0) - (1.0 if "\n" in text[tok.start : start] else 0.0), tok.start)
            if best_score is None or score > best_score:
                best, best_score = (np_start, ctx._np_end(k), gender, number, subject), score
        if best is None:
            return None
        np_start, np_end, gender, number, subject = best
        pair = self._pair_before(np_start) if _PAIR_NOUN.match(text, np_start) else None
        if pair is not None:
            return Resolution(pair, "pronoun", f"the two coordinated before '{text[np_start:np_end]}'", None, "pl")
        return Resolution(_canonical_description(text[np_start:np_end]), "pronoun", f"{'subject before' if subject else 'noun phrase before'}, agreeing by its article", gender, number)

    def _pair_before(self, pos: int) -> str | None:
        """The two coordinated nouns of the sentence before ``pos`` that "die beiden Länder" stands
        for ("… verstimmte die USA und die Niederlande. Die beiden Länder …" → "USA und Niederlande")."""
        ctx = self.ctx
        sentence = ctx.sentence_of(pos)
        if sentence == 0:
            return None
        s0, s1 = ctx.sentence_starts[sentence - 1], ctx.sentence_starts[sentence]
        found = None
        for m in _PAIR.finditer(ctx.text, s0, s1):
            a, b = m.group(1), m.group(2)
            if a.lower() not in FUNCTION_WORDS and b.lower() not in FUNCTION_WORDS and a.lower() not in DETERMINERS:
                # each in its fullest form: "Jennifer Lopez und Shakira" for "Lopez und Shakira"
                found = f"{ctx.fullest((a,), m.start(1))[0]} und {ctx.fullest((b,), m.start(2))[0]}"
        return found

    def _direct_quotes(self) -> list[Quote]:
        """The direct quotes resolved so far and the one being resolved, the last ``WINDOW`` characters."""
        current = getattr(self, "_current", None)
        out = [q for q, _ in self.done[bisect.bisect_left(self._done_starts, (current.start if current else 0) - WINDOW) :] if q.type == "direct"]
        return out + ([current] if current is not None and current.type == "direct" else [])

    def _quoted_spans(self) -> list[tuple[int, int]]:
        """The content spans of those direct quotes."""
        return [(a.start, a.end) for q in self._direct_quotes() for a in q.content]

    def _subject_of_clause(self, start: int, end: int) -> Resolution | None:
        """The subject that "eigenen Angaben" refers to: the one that opens its sentence ("Die
        Feuerwehr hat nach eigenen Angaben …"), or, where it opens the sentence itself, the one after
        the verb ("Nach eigenen Angaben hat das Unternehmen …", "… wurde sie gegründet")."""
        text = self.ctx.text
        sentence = self.ctx.sentence_of(start)
        s0 = self.ctx.sentence_starts[sentence]
        if not (start - s0 <= 12 and text[s0:start].strip(" „\"»").lower() in ("", "nach")):
            for r in self.ctx.mentions_between(max(s0, start - WINDOW), start):
                if r.subject and self.ctx.sentence_of(r.start) == sentence:
                    # a coordinated subject: "Die Mutter und ihr Lebensgefährte haben nach eigenen Angaben"
                    both = re.match(r"\s+und\s+(?:der|die|das|ihr|ihre|sein|seine)\s+[A-ZÄÖÜ][\w\-]*", text[r.end : start])
                    if r.description and both:
                        desc = _canonical_description(text[r.start : r.end + both.end()])
                        return Resolution(desc, "pronoun", "the coordinated subject of its clause", None, "pl")
                    return self._from_referent(r, "the subject of its clause")
            return None
        after = re.match(r"\s+(?:zufolge\s+)?[a-zäöüß]+\s+(?:(er|sie|es)\b)?", text[end : end + 60])
        if after is None:
            return None
        if after.group(1):
            p = end + after.start(1)
            return self.pronoun(after.group(1), p, p + len(after.group(1)), PRONOUNS[after.group(1)])
        for r in self.ctx.mentions_between(end + after.end(), end + after.end() + 40):
            if _OPENERS.match(text, end + after.end()).end() >= r.start:
                return self._from_referent(r, "the subject of its clause")
        return None

    def _cataphora(self, start: int, end: int, want: tuple[str | None, str | None]) -> Resolution:
        """A possessive with nothing before it to refer to points forward, to the first person after
        it in its sentence that agrees: "Die seiner Ansicht nach fragwürdige Rolle der Fed
        veranlasste Senator Christopher Dodd, …"."""
        sentence = self.ctx.sentence_of(start)
        s1 = self.ctx.sentence_starts[sentence + 1] if sentence + 1 < len(self.ctx.sentence_starts) else len(self.ctx.text)
        for r in self.ctx.mentions_between(end, min(s1, end + WINDOW)):
            if _agrees(want, r.gender, r.number) and r.kind == "person":
                return self._from_referent(r, "named after it in its sentence")
        return Resolution(None, "pronoun", "no earlier speaker agrees", *want)

    def _after_role(self, pos: int) -> bool:
        """Whether a role noun stands right before ``pos``: "der Führer Irans"."""
        k = self.ctx.token_index(pos)
        return k > 0 and self.ctx.classes[k - 1] == "role" and self.ctx.tokens[k - 1].end == pos - 1

    def _from_referent(self, best: Referent, why: str) -> Resolution:
        """The resolution of a pronoun to ``best``: its id, or for a description the name tied to it."""
        speaker_id = best.id
        if best.description and not best.speaker:
            tie = self.ctx.tie_at.get(best.start)
            if tie is not None:
                speaker_id = tie.name
            else:
                speaker_id = self.description(self.ctx.text[best.start : best.end], best.start, best.end).speaker_id or best.id
        features = ", ".join(x for x in (
            {"m": "masculine", "f": "feminine", "n": "neuter"}.get(best.gender or ""),
            "plural" if best.number == "pl" else None) if x)
        return Resolution(speaker_id, "pronoun", f"{why}{', ' + features if features else ''}", best.gender, best.number)

    def relative(self, start: int, want: tuple[str | None, str | None], preposition: str | None) -> Resolution | None:
        """A relative pronoun: the noun phrase that ends at its comma ("der Sprecher, der …"), or
        after "in"/"laut"/"nach" the nearest document before it ("einen Antrag im Bundestag
        eingebracht, in dem …"); None where neither agrees with it."""
        text = self.ctx.text
        s0 = self.ctx.sentence_starts[self.ctx.sentence_of(start)]
        comma = text.rfind(",", max(s0, start - 40), start)
        genders, number = want
        for r in reversed(self.ctx.mentions_between(max(s0, comma - 300), comma)):
            if r.end > comma or (number and r.number and r.number != number) or (genders and r.gender and r.gender not in genders):
                continue
            if text[r.start - 1 : r.start] == "(" and text[r.end : r.end + 1] == ")":
                continue  # a party or abbreviation in brackets after the noun: "Heribert Rech (CDU), wonach …"
            if preposition in ("in", "laut", "nach", "gemäß") and r.kind == "thing":
                return self._from_referent(r, "the document the relative clause refers to")
            genitive = not r.description and text[r.start : r.end].endswith("s") and self._after_role(r.start)
            if not re.sub(r"\s*\([^()]{1,40}\)", "", text[r.end : comma]).strip("“”\"«»)") and not genitive:
                return self._from_referent(r, "the noun the relative clause refers to")
        return None

    def _relative_noun(self, start: int, want: tuple[str | None, str | None]) -> Resolution | None:
        """A relative pronoun whose noun is of no word list: the noun phrase that ends at its comma
        ("eine gegenläufige Argumentation, die davon ausgeht"), where its article agrees."""
        ctx, text, toks = self.ctx, self.ctx.text, self.ctx.tokens
        k, comma = self._noun_token_before_comma(start)
        if comma < 0 or k < 1 or toks[k].end != comma or not toks[k].text[0].isupper() or ctx.classes[k] in ("func", "name"):
            return None
        if ctx.names_between(toks[k].start, toks[k].end):
            return None
        np_start = ctx._np_start(k)
        det = toks[ctx.token_index(np_start)].text.lower()
        if np_start == toks[k].start:
            return None
        if det in _OBLIQUE_SINGULAR:
            # the noun's case is its own clause's: "die Aussage eines thailändischen Jungen, der angab, …"
            det = "das" if text[start : start + 3].lower() == "das" else "der"
        if det not in _NOMINATIVE_DETERMINERS:
            return None
        genders, number = want
        gender, num = _noun_features(det, toks[k].text)
        if (number and num != number) or (genders and gender not in genders) or (text[start:start + 3].lower() == "der" and gender != "m"):
            return None
        return Resolution(_canonical_description(text[np_start : toks[k].end]), "pronoun", "the noun the relative clause refers to", gender, num)

    def _noun_token_before_comma(self, start: int) -> tuple[int, int]:
        """The token before the comma that precedes ``start`` (within 40 characters), past a verb
        particle after a noun ("kehrten zur ursprünglichen Version zurück, wonach …"), and where
        that token ends; the comma is -1 where there is none."""
        ctx, toks = self.ctx, self.ctx.tokens
        comma = ctx.text.rfind(",", max(0, start - 40), start)
        k = ctx.token_index(comma) - 1
        if 1 < k and toks[k].end == comma and toks[k].text in _SEPARABLE_PARTICLES and toks[k - 1].text[:1].isupper():
            k -= 1
            comma = toks[k].end
        return k, comma

    def _plural_source_before_comma(self, start: int) -> Resolution | None:
        """The plural noun phrase before the comma of "nach denen" / "denen zufolge", with what
        follows its noun up to the comma: "verwies auf Studien der Berliner Charité, nach denen …"
        → "Studien der Berliner Charité"."""
        ctx, toks = self.ctx, self.ctx.tokens
        k, comma = self._noun_token_before_comma(start)
        if comma < 0 or k < 1 or toks[k].end != comma:
            return None
        links = ("der", "des", "im", "in", "aus", "von", "vom")
        for m in range(k, max(0, k - 5), -1):
            tok = toks[m]
            if (tok.text[:1].isupper() and ctx.classes[m] != "func" and tok.text.endswith(("en", "ne", "te", "ge", "er"))
                    and not any(n.person or len(n.tokens) > 1 for n in ctx.names_between(tok.start, tok.end))
                    and (m == k or toks[m + 1].text.lower() in links)):
                return Resolution(_canonical_description(ctx.text[ctx._np_start(m) : comma]), "pronoun", "the plural noun the relative clause refers to", None, "pl")
            if tok.text.islower() and tok.text not in links:
                break
        return None

    def _noun_before_comma(self, start: int) -> Resolution | None:
        """The noun phrase before the comma of "wonach", whatever its case: "kehrten zur
        ursprünglichen Version zurück, wonach …" → "Ursprüngliche Version"."""
        ctx, toks = self.ctx, self.ctx.tokens
        k, comma = self._noun_token_before_comma(start)
        if comma < 0 or k < 0:
            return None
        if not toks[k].text[:1].isupper():
            # a report the clause before denies or confirms: "konnte Medienberichte nicht bestätigen, wonach …"
            m = next((m for m in range(k, max(-1, k - 4), -1) if not toks[m].text.islower()), -1)
            if m < 0 or not _is_source_noun(toks[m].text):
                return None
            k = m
        name = next((n for n in ctx.names_between(toks[k].start, toks[k].end)), None)
        if name is not None:
            return Resolution(ctx.fullest(name.tokens, name.start)[0], "pronoun", "the name before 'wonach'", name.gender, "sg")
        phrase = ctx.noun_phrase(k)
        return Resolution(phrase, "pronoun", "the noun before 'wonach'") if phrase else None

    def _enclosing_speaker(self, pos: int) -> Resolution | None:
        """The resolution of the quote whose content contains ``pos``: "ich" inside a quote."""
        for k in range(bisect.bisect_right(self._done_starts, pos) - 1, -1, -1):
            quote, r = self.done[k]
            if quote.start < pos - WINDOW:
                break
            if r.speaker_id and any(s.start <= pos < s.end for s in quote.content):
                return r
        return None

    def _verb_number(self, start: int, end: int) -> str | None:
        """Plural or singular from the finite verb next to "sie": "sie sagten" / "sagte sie"."""
        text = self.ctx.text
        after = re.match(r"\s+([a-zäöüß]+)", text[end : end + 30])
        before = re.search(r"([a-zäöüß]+)\s+$", text[max(0, start - 30) : start])
        for m in (after, before):
            if not m:
                continue
            w = m.group(1)
            if w in _PLURAL_VERBS:
                return "pl"
            if w in _SINGULAR_VERBS:
                return "sg"
            if w.endswith(("ten", "ten")) and len(w) > 4:
                return "pl"
            if w.endswith(("te", "t")) and len(w) > 3:
                return "sg"
            # a present plural right after it: "Sie gehen davon aus", "sie trauen der Regierung nicht"
            if m is after and w.endswith(("en", "rn")) and len(w) > 3 and w not in _NOT_VERBS and not (w.startswith("ge") and len(w) >= 7):
                return "pl"
            # the finite verb after a sentence-opening "Sie" that does not end in -n is singular: "Sie schlug vor"
            if m is after and not w.endswith("n") and len(w) >= 3 and self.ctx._opens_sentence(start):
                return "sg"
        return None

    def remember(self, quote: Quote, resolution: Resolution) -> None:
        self.done.append((quote, resolution))
        self._done_starts.append(quote.start)
        if resolution.speaker_id:
            pos = min(s.start for s in quote.speaker) if quote.speaker else quote.start
            described = resolution.kind == "description" and resolution.reason.startswith("never named")
            kind = self._kind_of(resolution.speaker_id)
            self.referents.append(Referent(resolution.speaker_id, pos, resolution.gender, resolution.number, True, described, kind, self.ctx._opens_sentence(pos), pos))
            self._mention_ends[pos] = max(s.end for s in quote.speaker) if quote.speaker else pos
            at = bisect.bisect_right(self._referent_starts, pos)
            self._referent_starts.insert(at, pos)
            self._referent_order.insert(at, len(self.referents) - 1)
            self._speaker_keys.add(speaker_key(resolution.speaker_id))

    def _kind_of(self, speaker_id: str) -> str:
        """person, org or thing, for a resolved speaker id."""
        words = speaker_id.split()
        _, found = self.ctx.fullest(words)
        if found is not None:
            # a name repeated in the text counts as a person's (see ``fullest``), but not one that
            # ends in an institution's noun and has no first name: "Deutsche Bischofskonferenz"
            last = words[-1].lower()
            institution = not _is_first_name(words[0]) and (_is_org_head(last) or last.endswith(_FEMININE_SUFFIXES + ("enz",)))
            return "person" if found.person and not institution else "org"
        head = describe(speaker_id)[0]
        if not head:
            return "org"
        if head.endswith(_DOCUMENT_HEADS):
            return "thing"
        return "org" if _is_org_head(head) or not is_role(head) else "person"


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
    out: list[Quote | None] = [None] * len(quotes)
    for k, r in resolve_in_order(resolver, quotes):
        q = quotes[k]
        if q.speaker_id is not None:
            out[k] = q
        else:
            line = _trace(resolver.mention_text(q)[0] if q.speaker else None, r)
            out[k] = q.replace(speaker_id=r.speaker_id, trace=f"{q.trace}; {line}" if q.trace else line)
    # A quote left without any speaker takes the speaker of another quote whose span lies in its
    # sentence ("Laut dem Direktor B.N. Suresh …", with the quote before it in that sentence).
    by_sentence: dict[int, str] = {}
    for o in out:
        if o is not None and o.speaker and o.speaker_id:
            sentences = {resolver.ctx.sentence_of(s.start) for s in o.speaker}
            if len(sentences) == 1:
                by_sentence.setdefault(sentences.pop(), o.speaker_id)
    for k, q in enumerate(out):
        found = by_sentence.get(resolver.ctx.sentence_of(q.start)) if q is not None and not q.speaker and q.speaker_id is None else None
        if found is not None:
            line = f"speaker: none in sentence → {found} (the speaker of another quote in its sentence)"
            out[k] = q.replace(speaker_id=found, trace=f"{q.trace}; {line}" if q.trace else line)
    return [q for q in out if q is not None]


def resolve_in_order(resolver: Resolver, quotes: Sequence[Quote]) -> Iterator[tuple[int, Resolution]]:
    """(index, resolution) of each quote in text order, each resolved with those before it known
    (a given ``speaker_id`` is kept); while a pair is looked at, ``resolver.last_candidates`` holds
    what the quote's pronoun weighed."""
    previous: tuple[Quote, Resolution] | None = None
    for k in sorted(range(len(quotes)), key=lambda k: (quotes[k].start, quotes[k].end)):
        q = quotes[k]
        resolver.last_candidates = []
        if q.speaker_id is not None:
            r = Resolution(q.speaker_id, "given", "given", *resolver._person_features(q.speaker_id))
        else:
            r = resolver.resolve(q, previous)
        yield k, r
        resolver.remember(q, r)
        if r.speaker_id:
            previous = (q, r)


# Old print, as OCR gives it: "=" for the hyphen ("Kanitz =Berg", "Social= Demokraten") and "J"
# for a capital "I" before a consonant ("Jch", "Jnnern").
_OLD_HYPHEN = re.compile(r"(?<=[A-Za-zäöüß])( ?)=( ?)([A-ZÄÖÜa-zäöüß][\w.]*)")
_OLD_I = re.compile(r"\bJ(?=[bcdfghklmnpqrstvwxzß])")


def _old_print(text: str) -> str:
    """The text with old print's hyphens and capital I's written as today, every offset kept:
    a hyphen closes up to the word after it and the spaces it dropped follow that word.

    >>> _old_print("Herr Kanitz =Berg sagt: Jch weiß es.")
    'Herr Kanitz-Berg  sagt: Ich weiß es.'
    """
    def hyphen(m: re.Match) -> str:
        pad = " " * (len(m.group(1)) + len(m.group(2)))
        if m.group(3) in ("und", "u.", "oder", "bis"):
            return "-" + pad + m.group(3)  # an elided compound: "Handels = und Gewerbekammer"
        return "-" + m.group(3) + pad

    return _OLD_I.sub("I", _OLD_HYPHEN.sub(hyphen, text))


# "in"/"im" and a noun phrase right before "man" (at most two words between) or after it (at most
# three words between), in one clause.
_CIRCLE_NP = r"(?P<np>(?:[a-zäöüß]+(?:e|en|er|es|em)\s+){0,2}(?P<noun>[A-ZÄÖÜ][\w\-]*[a-zäöüß]))"
_MAN_CIRCLE_BEFORE = re.compile(r"\b(?:[Ii]n|[Ii]m)\s+" + _CIRCLE_NP + r"(?:\s+[\w]+){0,2}\s+$")
_MAN_CIRCLE_AFTER = re.compile(r"(?:\s+[a-zäöüß]+){0,3}\s+(?:in|im)\s+" + _CIRCLE_NP + r"\b")
# What joins two speakers: "und", "sowie", "oder", "noch", "mit", a comma.
_COORDINATION = re.compile(r",|\b(?:und|sowie|oder|noch|mit|u\.)(?!\w)")


@lru_cache(maxsize=4)
def _context(text: str) -> DocumentContext:
    """The context of a text, kept for the next few calls: scoring asks for every quote of a document."""
    return DocumentContext(text)


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
    ctx = _context(doc.text)
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
    name_words = [w for w in sid_words if w[0].isupper() and not is_role(w) and w.lower() not in FUNCTION_WORDS and not w.lower().endswith(_COMMON_SUFFIXES)]
    if name_words and all(_stem(w) in mention_words for w in sid_words if w[0].isupper()):
        return "name"
    if name_words and any(_stem(w) in mention_words for w in name_words):
        return "partial_name"
    return "description"
