"""The rules extractor on worked examples: one sentence or two per behaviour, each read by hand."""

from __future__ import annotations

import pytest

from quotes.registry import get_extractor
from quotes.speakers import resolve_speakers
from quotes.types import Document


@pytest.fixture(scope="module")
def rules():
    return get_extractor("rules")


def extract(rules, text):
    return rules.extract(Document("t", text))


def only(quotes, nested=False):
    top = [q for q in quotes if q.nested == nested]
    assert len(top) == 1, [(q.type, q.content_text) for q in quotes]
    return top[0]


def spans(spans_):
    return " … ".join(s.text for s in spans_)


# text, type, content, speaker, cue, frame
CASES = [
    pytest.param(
        "Bürgermeisterin Anna Berger sagte am Montag: „Diese Linie verbindet alle Stadtteile.“",
        "direct", "„Diese Linie verbindet alle Stadtteile.“", "Bürgermeisterin Anna Berger", "sagte",
        "Bürgermeisterin Anna Berger sagte am Montag:", id="direct-colon-introduction",
    ),
    pytest.param(
        "„Jeder soll seine Fragen stellen können“, sagte Weber.",
        "direct", "„Jeder soll seine Fragen stellen können“", "Weber", "sagte", ", sagte Weber", id="direct-postposed-cue",
    ),
    pytest.param(
        "„Das ist gut. Wir machen weiter.“, sagte sie.",
        "direct", "„Das ist gut. Wir machen weiter.“", "sie", "sagte", ", sagte sie", id="direct-over-two-sentences",
    ),
    pytest.param(
        "Die Bürgermeisterin spricht von einer „Jahrhundertchance“.",
        "direct", "„Jahrhundertchance“", "Die Bürgermeisterin", "spricht", "Die Bürgermeisterin spricht von einer",
        id="scare-quote-governed-by-a-cue",
    ),
    pytest.param(
        "Der Minister erklärte, dass die Lage ernst sei.",
        "indirect", "dass die Lage ernst sei", "Der Minister", "erklärte", "Der Minister erklärte,", id="indirect-dass",
    ),
    pytest.param(
        "Die Journalisten fragten, ob die Regierung zurücktrete.",
        "indirect", "ob die Regierung zurücktrete", "Die Journalisten", "fragten", "Die Journalisten fragten,", id="indirect-ob",
    ),
    pytest.param(
        "Sullivan betonte, es gehe nicht um Grenzen.",
        "indirect", "es gehe nicht um Grenzen", "Sullivan", "betonte", "Sullivan betonte,", id="indirect-konjunktiv-without-dass",
    ),
    pytest.param(
        "Der Konzern kündigte an, 500 Stellen abzubauen.",
        "indirect", "500 Stellen abzubauen", "Der Konzern", "kündigte an", "Der Konzern kündigte an,", id="zu-infinitive-ankuendigen",
    ),
    pytest.param(
        "Russland drohte damit, Waffen an Nordkorea zu liefern.",
        "indirect", "Waffen an Nordkorea zu liefern", "Russland", "drohte", "Russland drohte damit,", id="zu-infinitive-drohen",
    ),
    pytest.param(
        "Er warnte davor, die Ukraine weiter zu unterstützen.",
        "indirect", "die Ukraine weiter zu unterstützen", "Er", "warnte", "Er warnte davor,", id="zu-infinitive-warnen",
    ),
    pytest.param(
        "Die Gewerkschaft fordert, die Löhne zu erhöhen.",
        "indirect", "die Löhne zu erhöhen", "Die Gewerkschaft", "fordert", "Die Gewerkschaft fordert,", id="zu-infinitive-fordern",
    ),
    pytest.param(
        "Der Bundeskanzler hat angekündigt, die Vertrauensfrage zu stellen.",
        "indirect", "die Vertrauensfrage zu stellen", "Der Bundeskanzler", "hat angekündigt", "Der Bundeskanzler hat angekündigt,",
        id="cue-with-auxiliary",
    ),
    pytest.param(
        "Die Deutsche Bahn teilte gestern mit, dass der Verkehr ruhe.",
        "indirect", "dass der Verkehr ruhe", "Die Deutsche Bahn", "teilte … mit", "Die Deutsche Bahn teilte gestern mit,",
        id="separable-cue-verb-organisation",
    ),
    pytest.param(
        "Die Kosten lägen bei 240 Millionen Euro, so Berger weiter.",
        "indirect", "Die Kosten lägen bei 240 Millionen Euro", "Berger", "so", ", so Berger weiter", id="postposed-so",
    ),
    pytest.param(
        "Die Drohung sei besorgniserregend, sagte Miller.",
        "indirect", "Die Drohung sei besorgniserregend", "Miller", "sagte", ", sagte Miller", id="postposed-sagte",
    ),
    pytest.param(
        "Russland soll Granaten erhalten haben, wie die Washington Post berichtete.",
        "indirect", "Russland soll Granaten erhalten haben", "die Washington Post", "berichtete",
        ", wie die Washington Post berichtete", id="postposed-wie-clause",
    ),
    pytest.param(
        "Wie der Vorsitzende Richter, Ottmar Breidling, ausführte, sei die Gefahr groß gewesen.",
        "indirect", "sei die Gefahr groß gewesen", "der Vorsitzende Richter, Ottmar Breidling", "ausführte",
        "Wie der Vorsitzende Richter, Ottmar Breidling, ausführte,", id="preposed-wie-clause-with-apposition",
    ),
    pytest.param(
        "Laut Reuters enthält die Vereinbarung eine Klausel.",
        "indirect", "enthält die Vereinbarung eine Klausel", "Reuters", "Laut", "Laut Reuters", id="laut-x",
    ),
    pytest.param(
        "Nach Angaben der Polizei wurden drei Menschen verletzt.",
        "indirect", "wurden drei Menschen verletzt", "Angaben der Polizei", "Nach", "Nach Angaben der Polizei", id="nach-angaben-von-x",
    ),
    pytest.param(
        "Die Klinik ist nach Angaben der Polizei geräumt worden.",
        "indirect", "Die Klinik ist … geräumt worden", "Angaben der Polizei", "nach", "nach Angaben der Polizei",
        id="nach-angaben-inside-the-sentence",
    ),
    pytest.param(
        "Dem Bericht zufolge stieg die Zahl der Opfer.",
        "indirect", "stieg die Zahl der Opfer", "Dem Bericht", "zufolge", "Dem Bericht zufolge", id="x-zufolge",
    ),
    pytest.param(
        "Jake Sullivan, der Nationale Sicherheitsberater, betonte, es gehe um Vernunft.",
        "indirect", "es gehe um Vernunft", "Jake Sullivan, der Nationale Sicherheitsberater", "betonte",
        "Jake Sullivan, der Nationale Sicherheitsberater, betonte,", id="speaker-with-apposition",
    ),
    pytest.param(
        "Putin, der am Mittwoch den Pakt unterzeichnet hatte, sagte in Vietnam: „Wir liefern Waffen.“",
        "direct", "„Wir liefern Waffen.“", "Putin", "sagte", "Putin, der am Mittwoch den Pakt unterzeichnet hatte, sagte in Vietnam:",
        id="speaker-without-relative-clause",
    ),
    pytest.param(
        "Am Montag sagte der Sprecher des Außenministeriums, man sei besorgt.",
        "indirect", "man sei besorgt", "der Sprecher des Außenministeriums", "sagte", "Am Montag sagte der Sprecher des Außenministeriums,",
        id="speaker-description-after-fronted-adverbial",
    ),
    pytest.param(
        "Unterdessen haben einige Abgeordnete angekündigt, sie würden klagen.",
        "indirect", "sie würden klagen", "einige Abgeordnete", "haben … angekündigt", "Unterdessen haben einige Abgeordnete angekündigt,",
        id="speaker-after-fronted-adverb",
    ),
    pytest.param(
        "Die Opposition forderte den Rücktritt des Ministers.",
        "reported", "Die Opposition forderte den Rücktritt des Ministers.", "Die Opposition", "", "", id="reported-speech",
    ),
    pytest.param(
        "Nach dem Gipfel: Nordkorea droht mit „neuem Weltkrieg“",
        "direct", "„neuem Weltkrieg“", "Nordkorea", "droht", "Nordkorea droht mit", id="headline-after-a-colon",
    ),
    pytest.param(
        'Russischer Präsident Putin "Waffenlieferungen an Nordkorea sind möglich"',
        "direct", '"Waffenlieferungen an Nordkorea sind möglich"', "Russischer Präsident Putin", "", "", id="headline-name-before-quote",
    ),
]


@pytest.mark.parametrize("text, qtype, content, speaker, cue, frame", CASES)
def test_rules_worked_examples(rules, text, qtype, content, speaker, cue, frame):
    q = only(extract(rules, text))
    assert (q.type, q.content_text, q.speaker_text or "", q.cue_text or "", spans(q.frame)) == (qtype, content, speaker, cue, frame)


# text, speaker, cue: speakers the shape rules read off the words alone
SPEAKER_CASES = [
    pytest.param("„Wann kommt der Zug?“, wollte der Mann wissen.", "der Mann", "wollte … wissen", id="wissen-wollen-after-a-question"),
    pytest.param("Der NDR will aber wissen, dass der Abgeordnete gefragt habe.", "Der NDR", "will … wissen", id="wissen-wollen-with-a-clause"),
    pytest.param(
        "„Offenbar sind Anfragen zu lästig.“ so das Fazit der Betreiber.", "das Fazit der Betreiber", "so",
        id="postposed-so-after-a-quote-ending-its-sentence",
    ),
    pytest.param("Die taz vermutet, dass der Zugriff schon heute üblich ist.", "Die taz", "vermutet", id="name-in-lower-case"),
    pytest.param(
        "„BBC News“ berichtet unter Berufung auf einen Wärter, dass die Gefangenen geflohen sind.", "„BBC News“", "berichtet",
        id="name-in-quote-marks-before-the-verb",
    ),
    pytest.param(
        "Die Republik habe kapituliert, wir nicht, zitiert „BBC News“ die Veranstalter.", "„BBC News“", "zitiert",
        id="name-in-quote-marks-after-the-verb",
    ),
    pytest.param(
        "Wie die „Aktion Deutschland hilft“ heute mitteilte, werde effektive Hilfe geleistet.", "die „Aktion Deutschland hilft“",
        "mitteilte", id="name-in-quote-marks-in-a-wie-clause",
    ),
    pytest.param(
        "„Jetzt ist es noch außergewöhnlicher“, schrieb die in New York City geborene Lopez.", "die in New York City geborene Lopez",
        "schrieb", id="participle-attribute-before-the-noun",
    ),
    pytest.param(
        "Im Juni 2011 hatte die Bischofskonferenz beschlossen, eine Studie zu erstellen.", "die Bischofskonferenz", "hatte … beschlossen",
        id="clause-final-participle-that-looks-like-a-past-plural",
    ),
    pytest.param(
        "Die Pläne wurden von Bundesverkehrsminister Manfred Stolpe als unrealistisch bezeichnet. Heutige Autos seien nicht so weit.",
        "Bundesverkehrsminister Manfred Stolpe", "", id="continuation-after-a-passive-takes-its-agent",
    ),
    pytest.param(
        "Von Seiten der Delegation war den USA vorgeworfen worden, das Dokument verwässert zu haben.", "der Delegation",
        "war … vorgeworfen", id="agent-of-a-passive-cue",
    ),
    pytest.param(
        "Die Partei hat Klage eingereicht. Dies teilte ein Sprecher der Partei mit.", "ein Sprecher der Partei", "teilte … mit",
        id="dies-takes-up-the-sentence-before",
    ),
    pytest.param("Bei der Agentur RIA hieß es, dass es zwei Detonationen gab.", "der Agentur RIA", "hieß es", id="source-in-front-of-heißt-es"),
    pytest.param("Die Lage sei ernst, heißt es in einer Mitteilung der Polizei.", "einer Mitteilung der Polizei", "heißt es", id="source-after-heißt-es"),
    pytest.param("Aus EU-Kreisen verlautete, dies sei nur Spekulation.", "EU-Kreisen", "verlautete", id="source-in-front-of-verlauten"),
    pytest.param(
        "Im Bericht der Prüfer war aber festgestellt worden, dass keines der Stadien genügte.", "Bericht der Prüfer", "war … festgestellt",
        id="source-in-front-of-an-agentless-passive",
    ),
    pytest.param(
        "„Wir helfen Griechenland“, ließ ein IWF-Sprecher kurz verlauten.", "ein IWF-Sprecher", "ließ … verlauten", id="lassen-with-the-cue",
    ),
    pytest.param("Die Kanadier hingegen sagen, die Spur führe nach Indien.", "Die Kanadier", "sagen", id="adverb-after-the-subject"),
    pytest.param(
        "Nach Berichten des schleswig-holsteinischen Sozialministeriums sei der Reaktor sicher.",
        "Berichten des schleswig-holsteinischen Sozialministeriums", "Nach", id="genitive-with-a-hyphenated-adjective",
    ),
    pytest.param("Laut Gefängnisdirektion 502 Menschen seien geflohen.", "Gefängnisdirektion", "Laut", id="a-count-starts-the-content"),
    pytest.param(
        "Laut einem Artikel von „BBC News“ seien 200 Gefangene geflohen.", "einem Artikel von „BBC News“", "Laut", id="von-a-name-in-quote-marks",
    ),
    pytest.param(
        "Der englischsprachigen Zeitung Jakarta Post sagte Filep Karma: „Ich werde im Gefängnis gehalten.“", "Filep Karma", "sagte",
        id="fronted-dative-medium-is-no-subject",
    ),
    pytest.param("Dieser behauptete, dass Ertel Dienstfahrten abgerechnet hat.", "Dieser", "behauptete", id="demonstrative-subject"),
    pytest.param("Für Shakira, so schrieb diese in einer Stellungnahme, sei es eine Ehre.", "diese", "schrieb", id="demonstrative-after-the-verb"),
    pytest.param(
        "Zugeschaltet wurde ein Prediger aus London, der alle Zuschauer aufforderte, Israel nicht zu unterstützen.", "der", "aufforderte",
        id="relative-pronoun-of-a-cue-in-a-relative-clause",
    ),
    # guards: a short quote is no name, a past plural with no auxiliary stays the finite verb
    pytest.param("„Das Alter drückt“, sagte Georg Ratzinger.", "Georg Ratzinger", "sagte", id="short-quote-is-no-name"),
    pytest.param("Die Minister beschlossen, eine Studie zu erstellen.", "Die Minister", "beschlossen", id="past-plural-without-auxiliary"),
    pytest.param("Am Montag hieß es, die Lage sei ernst.", None, "hieß es", id="heißt-es-after-a-time-is-sourceless"),
    pytest.param("Diese Regierung sagte, sie werde handeln.", "Diese Regierung", "sagte", id="demonstrative-determiner-keeps-its-noun"),
    pytest.param("Laut Bayer 04 Leverkusen sei der Vertrag verlängert.", "Bayer 04 Leverkusen", "Laut", id="a-number-inside-a-name"),
    pytest.param(
        "Der Vertreter der Bundesagentur für Arbeit, Peter Clever, sagte, der Datenschutz solle gelockert werden.",
        "Der Vertreter der Bundesagentur für Arbeit, Peter Clever", "sagte", id="medium-in-a-genitive-is-no-dative",
    ),
    pytest.param(
        "Relativierend fügte Gall hinzu: „Das Gesetz ist nicht perfekt.“", "Gall", "fügte … hinzu",
        id="adverb-at-the-start-is-no-subject",
    ),
    pytest.param(
        "Die Lage sei ruhig, teilte die Regierung in Lomé mit.", "die Regierung in Lomé", "teilte … mit", id="place-of-an-institution",
    ),
    pytest.param("Die Lage sei ruhig, sagte Merkel in Berlin.", "Merkel", "sagte", id="place-after-a-name-is-no-attribute"),
    pytest.param(
        "Die Frauen hatten angegeben, dass der Vater sie geschlagen hatte.", "Die Frauen", "hatten angegeben",
        id="auxiliary-right-before-a-participle-in-en",
    ),
    pytest.param(
        "Der Sicherheitsrat rief die Regierung zur Mäßigung auf und beschloss, den Fall weiterzuleiten.", "Der Sicherheitsrat",
        "beschloss", id="subject-shared-by-two-coordinated-verbs",
    ),
    pytest.param(
        "Vorausgegangen waren Angriffe auf die Botschaft; Die Nachrichtenseite Business Insider berichtete, dass Milizen schossen.",
        "Die Nachrichtenseite Business Insider", "berichtete", id="semicolon-ends-the-clause-before-the-subject",
    ),
    pytest.param(
        "Bundespräsident Christian Wulff (CDU) hat in einem Gespräch mit Schimon Peres (Awoda) betont, dass Deutschland helfe.",
        "Bundespräsident Christian Wulff (CDU)", "hat … betont", id="short-brackets-are-no-clause-boundary",
    ),
    pytest.param(
        "Houcine Abassi, der Generalsekretär des Verbandes (UGIT) sagte, man werde nicht zurückkehren.",
        "Houcine Abassi, der Generalsekretär des Verbandes (UGIT)", "sagte", id="article-after-a-comma-is-no-relative-pronoun",
    ),
    pytest.param(
        "Am Freitag hat der Bundesinnenminister Thomas de Maizière (CDU) bekanntgegeben, dass die Bombe eine Attrappe sei.",
        "der Bundesinnenminister Thomas de Maizière (CDU)", "hat … bekanntgegeben", id="name-particle-inside-a-name",
    ),
    pytest.param(
        "Die Kommission wird von ai positiv gesehen, die Organisation fordert aber, dass sie mehr Geld bekommt.",
        "die Organisation", "fordert", id="subject-after-a-clause-of-its-own",
    ),
    pytest.param(
        "Für das Jahr 2002 gibt es eine Schätzung, wonach 500 Kinder starben.", "eine Schätzung", "wonach", id="wonach-after-its-noun",
    ),
    pytest.param(
        "Der Minister gab eine Erklärung ab, wonach der Bär erschossen werden dürfe.", "wonach", "wonach", id="wonach-after-a-particle",
    ),
    pytest.param(
        "„" + " ".join(["Das Eis schmilzt schneller als erwartet, und die Bären finden im Sommer keine Robben mehr."] * 7) + "“, sagte der Minister.",
        "der Minister", "sagte", id="quote-longer-than-the-scan-before-a-postposed-cue",
    ),
    pytest.param(
        "Wie die Tageszeitung ''La Nacion'' berichtet, steigen die Preise.", "die Tageszeitung ''La Nacion''", "berichtet",
        id="name-in-the-wikis-quote-marks",
    ),
    pytest.param(
        "Nach Angaben der Gesellschaft für bedrohte Völker starben zehn Menschen.", "Angaben der Gesellschaft für bedrohte Völker", "Nach",
        id="institution-named-with-für",
    ),
    pytest.param(
        "Den Unmut der CDU brachte die Sprecherin der Unionsfraktion zum Ausdruck: „Es gibt keinen Grund dafür.“",
        "die Sprecherin der Unionsfraktion", "", id="fronted-object-subject-after-the-verb",
    ),
    pytest.param("Die Tat bezeichnete er als sinnlos.", "er", "", id="reported-nominative-pronoun-after-the-verb"),
    pytest.param(
        "Einer der 13 beteiligten Feuerwehrmänner sagte: „Ich habe schon viele Hausbrände gesehen.“",
        "Einer der 13 beteiligten Feuerwehrmänner", "sagte", id="number-after-the-article",
    ),
    pytest.param(
        "Der 330 Seiten starke Bericht führt aus, die Gewalt nehme zu.", "Der 330 Seiten starke Bericht", "führt aus",
        id="measure-before-the-adjective",
    ),
    pytest.param(
        "In seiner Pressemitteilung zeigte sich Hartmut Lierow erschüttert: „Die Jahre der Haft haben ihn zerrüttet.“", "Hartmut Lierow", "",
        id="possessive-is-no-verb",
    ),
    pytest.param(
        "Passend zu den Gefahren des Eises warnte die Moderatorin eines Lokalsenders: „Auf dem Eis kann es glatt sein.“",
        "die Moderatorin eines Lokalsenders", "warnte", id="fronted-adverb-with-its-object",
    ),
    pytest.param(
        "Stellvertretend für die Kommission empfahl der EU-Kommissar für Erweiterung und europäische Nachbarschaftspolitik Štefan Füle, "
        "die Gespräche zu beginnen.",
        "der EU-Kommissar für Erweiterung und europäische Nachbarschaftspolitik Štefan Füle", "empfahl", id="office-with-its-portfolio",
    ),
    pytest.param(
        "Die Vereinten Nationen bestätigten den Zwischenfall, teilten jedoch mit, es sei unklar, wer angegriffen habe.",
        "Die Vereinten Nationen", "teilten … mit", id="second-verb-after-a-comma-shares-the-subject",
    ),
    pytest.param("Demnach starben bei dem Unglück zehn Menschen.", "Demnach", "Demnach", id="demnach-is-its-own-speaker-span"),
    pytest.param(
        "Nach Angaben libanesischer Sicherheitskreise starben zehn Menschen.", "Angaben libanesischer Sicherheitskreise", "Nach",
        id="genitive-plural-without-article-after-a-source-noun",
    ),
    pytest.param(
        "Wie die „Bild“-Zeitung berichtete, leidet der Schauspieler an Alzheimer.", "die „Bild“-Zeitung", "berichtete",
        id="quoted-name-in-a-compound-the-tokenizer-keeps-whole",
    ),
    pytest.param(
        "Wie t-online.de berichtet, ist der erste Trailer veröffentlicht worden.", "t-online.de", "berichtet", id="web-address-as-source",
    ),
    pytest.param(
        "Eine Verschiebung des Wahltermins bezeichnete Conze als fatal, weil die Kongolesen seit Jahren warteten.", "Conze",
        "", id="fronted-abstract-noun-is-the-object",
    ),
    pytest.param(
        "Jegliche Mitverantwortung für die Affäre weist Hartmann von sich: „Die Verantwortung trägt der Vorsitzende.“", "Hartmann",
        "", id="fronted-abstract-noun-with-an-adjective-is-the-object",
    ),
    pytest.param(
        "Am Montag sagte der Sprecher der Behörde, Hans Müller, es gebe keine Probleme.", "der Sprecher der Behörde, Hans Müller",
        "sagte", id="name-in-apposition-after-the-verb",
    ),
    pytest.param(
        "Am Montag erklärte der Direktor der Atomenergie-Organisation (IAEO), Mohammed el-Baradei, Nordkorea besitze Atomwaffen.",
        "der Direktor der Atomenergie-Organisation (IAEO), Mohammed el-Baradei", "erklärte",
        id="name-in-apposition-after-a-parenthesis",
    ),
    pytest.param(
        "Vor kurzem hatte ein Talibanführer auf pakistanischer Seite, Baitullah Mehsud, erklärt, die Taliban würden angreifen.",
        "ein Talibanführer auf pakistanischer Seite, Baitullah Mehsud", "hatte … erklärt",
        id="participle-after-a-name-in-apposition",
    ),
    pytest.param(
        "Nach Angaben der Gesundheitsbehörden in Gaza starben zehn Menschen.", "Angaben der Gesundheitsbehörden in Gaza", "Nach",
        id="place-of-a-body-inside-a-genitive",
    ),
    pytest.param(
        "„Alle Anzeichen deuten auf einen Anschlag hin“, hieß es vom Abgeordneten des Föderationsrates.",
        "Abgeordneten des Föderationsrates", "hieß es", id="heisst-es-vom",
    ),
    pytest.param(
        "Der Doktorvater, Peter Häberle, erklärte, über den Versuch, das Gutachten zu verhindern, sei er empört.",
        "Der Doktorvater, Peter Häberle", "erklärte", id="konjunktiv-after-a-zu-infinitive-in-commas",
    ),
    pytest.param("Die Lage, so Obama weiter, sei ernst.", "Obama", "so", id="inserted-so"),
    pytest.param(
        "Der Sänger ruft in seinen Liedern dazu auf – so der Vorwurf –, Gewalt anzuwenden.", "der Vorwurf", "so",
        id="inserted-so-between-dashes",
    ),
    pytest.param(
        "Die Zeitung meldet, Giuliana Sgrena, die wochenlang in Gefangenschaft war, sei wieder frei.", "Die Zeitung", "meldet",
        id="konjunktiv-after-a-subject-with-a-relative-clause",
    ),
]


@pytest.mark.parametrize("text, speaker, cue", SPEAKER_CASES)
def test_rules_speaker_span_worked_examples(rules, text, speaker, cue):
    q = only(extract(rules, text))
    assert (q.speaker_text, q.cue_text or "") == (speaker, cue)


def test_rules_wissen_wollen_as_a_condition_is_no_cue(rules):
    quotes = extract(rules, "Sie sollte, wollte sie das wissen, fragen.")
    assert all("wissen" not in (q.cue_text or "") for q in quotes)


def test_rules_text_cut_after_an_article_keeps_its_quote(rules):
    q = only(extract(rules, "„Es regnet“, sagte das"))
    assert (q.content_text, q.speaker_text, q.cue_text) == ("„Es regnet“", None, "sagte")


def test_rules_colon_frame_with_an_abstract_subject_names_no_speaker(rules):
    text = ("In einem Interview äußerte sich Javier Solana zuversichtlich: „Ich gehe von einer Einigung aus.“ "
            "Seine Zuversicht gründet sich auf Erfahrungen mit der Türkei: „Entscheidungen sind schwierig.“")
    first, second = extract(rules, text)
    assert (first.speaker_text, second.speaker_text) == ("Javier Solana", None)
    assert [q.speaker_id for q in resolve_speakers(Document("t", text), [first, second])] == ["Javier Solana"] * 2


def test_rules_inserted_so_splits_the_content_around_it(rules):
    q = only(extract(rules, "Sein Rivale, so Obama weiter, würde Spenden erhalten."))
    assert (q.type, spans(q.content), q.speaker_text) == ("indirect", "Sein Rivale … würde Spenden erhalten", "Obama")


@pytest.mark.parametrize("text", [
    "»Wir sind bereit«, sagte Miller.",
    '"Wir sind bereit", sagte Miller.',
    "“Wir sind bereit”, sagte Miller.",
    "‚Wir sind bereit‘, sagte Miller.",
    '"Wir sind bereit“, sagte Miller.',
    "«Wir sind bereit», sagte Miller.",
])
def test_rules_direct_quote_in_every_mark_style(rules, text):
    q = only(extract(rules, text))
    assert (q.type, q.content_text, q.speaker_text) == ("direct", text.split(",")[0], "Miller")


def test_rules_quote_unclosed_at_paragraph_end_ends_there(rules):
    text = "Er sagte: „Das ist gut. Wir machen weiter.\n\nDann ging er nach Hause."
    q = only(extract(rules, text))
    assert (q.type, q.content_text, q.speaker_text) == ("direct", "„Das ist gut. Wir machen weiter.", "Er")


@pytest.mark.parametrize("text", [
    "Die sogenannte „Bazooka“ kam nicht zum Einsatz.",
    "Die Stadt baut eine neue Straßenbahn.",
    "Am Montag zeigte die Studie deutliche Effekte.",
    "Die Firma „Müller & Söhne“ wurde 1950 gegründet.",
])
def test_rules_no_quote_in_plain_narration_or_scare_quotes(rules, text):
    assert extract(rules, text) == []


def test_rules_mixed_quote_has_a_nested_direct_quote_with_the_same_roles(rules):
    quotes = extract(rules, "Sullivan betonte, es gehe um „gesunden Menschenverstand“.")
    outer, inner = only(quotes), only(quotes, nested=True)
    assert (outer.type, outer.content_text) == ("mixed", "es gehe um „gesunden Menschenverstand“")
    assert (inner.type, inner.content_text) == ("direct", "„gesunden Menschenverstand“")
    assert (inner.speaker, inner.cue, inner.frame) == (outer.speaker, outer.cue, outer.frame)


@pytest.mark.parametrize("second, label", [
    ("Man werde alles tun.", "IndirectFreeIndirect"),
    ("Der Täter soll geflohen sein.", "FreeIndirect"),
])
def test_rules_free_indirect_continuation_inherits_the_speaker_span(rules, second, label):
    first, cont = extract(rules, "Der Minister sagte, die Lage sei ernst. " + second)
    assert (cont.type, cont.label, cont.content_text, cont.cue) == ("free_indirect", label, second, ())
    assert cont.speaker == first.speaker and cont.speaker_text == "Der Minister"
    assert cont.speaker_id == first.speaker_id


def test_rules_konjunktiv_ii_alone_is_no_quote(rules):
    assert extract(rules, "Bei einem Erfolg der Klage müsste die Regierung im Amt bleiben.") == []


@pytest.mark.parametrize("text, addressee", [
    ("Miller sagte der Zeitung, man sei besorgt.", "der Zeitung"),
    ("Er sagte gegenüber dem Sender, man sei besorgt.", "dem Sender"),
    ("Er warnte die USA davor, die Ukraine zu drängen.", "die USA"),
    ("Dem Minister wird vorgeworfen, Gelder veruntreut zu haben.", "Dem Minister"),
])
def test_rules_addressee(rules, text, addressee):
    assert spans(only(extract(rules, text)).addressee) == addressee


def test_rules_passive_cue_has_no_speaker(rules):
    q = only(extract(rules, "Dem Minister wird vorgeworfen, Gelder veruntreut zu haben."))
    assert (q.speaker, q.cue_text) == ((), "wird vorgeworfen")


def test_rules_postposed_frame_wins_over_a_cue_inside_the_content(rules):
    q = only(extract(rules, "Aus diesem Grund erwäge Russland, die Zusammenarbeit auszubauen, so Putin weiter."))
    assert (q.content_text, q.speaker_text, q.cue_text) == ("Aus diesem Grund erwäge Russland, die Zusammenarbeit auszubauen", "Putin", "so")


def test_rules_every_quote_has_offsets_into_the_text_a_trace_and_a_confidence(rules):
    text = "\n\n".join(p.values[0] for p in CASES)
    quotes = extract(rules, text)
    assert len(quotes) >= len(CASES)
    for q in quotes:
        for role in ("content", "speaker", "cue", "addressee", "frame"):
            for s in q.role(role):
                assert 0 <= s.start < s.end <= len(text) and text[s.start:s.end] == s.text
        assert q.trace.startswith("rules.v1 ") and 0 < q.confidence <= 1


def test_rules_speaker_ids_resolve_pronouns_to_the_named_speaker(rules):
    quotes = extract(rules, "Der Fraktionschef Thomas Krüger kritisierte, dass die Stadt zu spät informiert habe. Er warnte, das sei gefährlich.")
    assert [q.speaker_id for q in quotes] == ["Thomas Krüger", "Thomas Krüger"]


def test_rules_settings_switch_rules_off():
    quiet = get_extractor("rules", free_indirect=False, rumour=False)
    text = "Der Minister sagte, die Lage sei ernst. Man werde alles tun."
    assert [q.type for q in quiet.extract(Document("t", text))] == ["indirect"]
    assert quiet.name != "rules"


def test_rules_unknown_setting_is_a_clear_error():
    with pytest.raises(Exception, match="unknown settings colour"):
        get_extractor("rules", colour=True)


def test_rules_registered_as_rules_v1_and_newest_rules():
    from quotes.registry import extractor_names

    assert "rules.v1" in extractor_names()
    assert get_extractor("rules").name == "rules"


def test_quotes_extract_command_runs_the_rules_extractor(tmp_path):
    import json

    from typer.testing import CliRunner

    from quotes.cli import app

    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(app, ["extract", "--example", "--extractor", "rules", "--output", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    doc = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert {q["type"] for q in doc["quotes"]} >= {"direct", "indirect", "free_indirect"}
    assert all(q["trace"].startswith("rules.v1") for q in doc["quotes"])


def test_rules_read_subject_and_complement_off_a_dependency_parse():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from quotes.extractors.rules import phrases
    from quotes.extractors.rules.view import TokenView

    words = ["Der", "Minister", "sagte", ",", "die", "Lage", "sei", "ernst", "."]
    doc = Doc(Vocab(), words=words, spaces=[1, 1, 0, 1, 1, 1, 1, 0, 0], heads=[1, 2, 2, 2, 5, 6, 2, 6, 2],
              deps=["nk", "sb", "ROOT", "punct", "nk", "sb", "oc", "pd", "punct"])
    view = TokenView(doc)
    assert phrases.subject_from_parse(view, 2) == (0, 2)
    assert phrases.content_from_parse(view, 2) == [(4, 8)]
    no_parse = TokenView(Doc(Vocab(), words=words))
    assert phrases.subject_from_parse(no_parse, 2) is None and phrases.content_from_parse(no_parse, 2) is None
