"""Speaker resolution within a document, and the speaker_id metric."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotes.formats import read_documents
from quotes.scoring.speaker_ids import (
    GoldSpeaker,
    gold_from_documents,
    load_speaker_id_layer,
    match_quotes,
    score_speaker_ids,
)
from quotes.errors import FormatError
from quotes.speakers import mention_kind, resolve_speakers, speaker_key
from quotes.types import Document, Quote, Span

ROOT = Path(__file__).resolve().parent.parent
LAYER = ROOT / "annotations" / "speaker-ids" / "wikinews-dev.jsonl"
TRAIN_LAYER = ROOT / "annotations" / "speaker-ids" / "wikinews-train.jsonl"
SEEDS_GOLD = ROOT / "annotations" / "seeds.jsonl"


def quote_at(text: str, content: str, speaker: str | None = None, occurrence: int = 0, qtype: str = "indirect") -> Quote:
    """A quote whose content and speaker are the given substrings (speaker: its n-th occurrence)."""
    cs = text.index(content)
    spk = ()
    if speaker is not None:
        pos = -1
        for _ in range(occurrence + 1):
            pos = text.index(speaker, pos + 1)
        spk = (Span.of(text, pos, pos + len(speaker)),)
    return Quote(content=(Span.of(text, cs, cs + len(content)),), type=qtype, speaker=spk)


def resolve_last(text: str, quotes: list[Quote]) -> Quote:
    return resolve_speakers(Document("d", text), quotes)[-1]


# (text, [(content, speaker mention, occurrence)], expected speaker_id of the last quote)
WORKED = [
    pytest.param(
        "Wladimir Putin besuchte Hanoi. Putin sagte, er liefere Waffen. Er fügte hinzu, es sei ernst.",
        [("er liefere Waffen", "Putin", 1), ("es sei ernst", "Er", 0)],
        "Wladimir Putin", id="pronoun_er_to_previous_male_speaker"),
    pytest.param(
        "Angela Merkel traf Olaf Scholz. Merkel sagte, man arbeite zusammen. Scholz sagte, es gebe Streit. Sie betonte, das sei falsch.",
        [("man arbeite zusammen", "Merkel", 1), ("es gebe Streit", "Scholz", 1), ("das sei falsch", "Sie", 0)],
        "Angela Merkel", id="pronoun_sie_skips_a_male_speaker"),
    pytest.param(
        "Der Sprecher des US-Außenministeriums, Matthew Miller, sagte, jedes Land entscheide selbst. Die Drohung sei ernst, so der Sprecher des Außenministeriums.",
        [("jedes Land entscheide selbst", "Der Sprecher des US-Außenministeriums", 0), ("Die Drohung sei ernst", "der Sprecher des Außenministeriums", 0)],
        "Matthew Miller", id="description_tied_by_apposition"),
    pytest.param(
        "Russlands Präsident Putin kam nach Hanoi. Russlands Präsident sagte, Waffen seien möglich.",
        [("Waffen seien möglich", "Russlands Präsident", 1)],
        "Putin", id="description_tied_by_title_before_name"),
    pytest.param(
        "Der russische Präsident Wladimir Putin reiste. Der russische Präsident warnte, das sei ein Fehler.",
        [("das sei ein Fehler", "Der russische Präsident", 1)],
        "Wladimir Putin", id="adjective_description_tied_by_title"),
    pytest.param(
        "Pak Jong-chon, einer der höchsten Militärbeamten Nordkoreas, sprach. Es drohe Krieg, wie Jong-chon ausführte.",
        [("Es drohe Krieg", "Jong-chon", 0)],
        "Pak Jong-chon", id="partial_name_to_fullest_form"),
    pytest.param(
        "Laut Reuters enthält der Vertrag eine Klausel.",
        [("enthält der Vertrag eine Klausel", "Reuters", 0)],
        "Reuters", id="medium_kept_as_named"),
    pytest.param(
        "Die Regierung in Seoul hatte erklärt, sie sei besorgt.",
        [("sie sei besorgt", "Die Regierung in Seoul", 0)],
        "Regierung in Seoul", id="organisation_description_kept"),
    pytest.param(
        "Ein hochrangiger Regierungsvertreter erklärte, Seoul überdenke seine Linie.",
        [("Seoul überdenke seine Linie", "Ein hochrangiger Regierungsvertreter", 0)],
        "Hochrangiger Regierungsvertreter", id="unnamed_speaker_keeps_description_without_article"),
    pytest.param(
        "Die Staatsanwaltschaft erklärte, der Mann sei geflohen. Er sei bewaffnet.",
        [("der Mann sei geflohen", "Die Staatsanwaltschaft", 0), ("Er sei bewaffnet.", None, 0)],
        "Staatsanwaltschaft", id="free_indirect_inherits_previous_speaker"),
    pytest.param(
        "Das Bundesamt sagte, alles sei gut. Angaben von AFP und Reuters zufolge sei nichts gut.",
        [("sei nichts gut", "Angaben von AFP und Reuters", 0)],
        "AFP und Reuters", id="coordinated_media_joined"),
    pytest.param(
        "Der Bundesgerichtshof (BGH) entschied. Der BGH begründete, das Lied sei strafbar.",
        [("das Lied sei strafbar", "Der BGH", 0)],
        "Bundesgerichtshof", id="abbreviation_to_spelled_out_name"),
]


# Pronouns and descriptions: antecedents among all persons, organisations and documents before them.
WORKED_ANTECEDENTS = [
    pytest.param(
        "Von der Bundeskanzlerin liegt eine Stellungnahme vor. Sie sagte, der Preis sei ein Ansporn.",
        [("der Preis sei ein Ansporn", "Sie", 0)],
        "Bundeskanzlerin", id="sie_to_feminine_role_noun_never_a_speaker"),
    pytest.param(
        "Wladimir Putin reiste nach Hanoi. Dem „Figaro“ zufolge sei das ein Erfolg. Er sagte, Europa brauche Russland.",
        [("sei das ein Erfolg", "Dem „Figaro“", 0), ("Europa brauche Russland", "Er", 0)],
        "Wladimir Putin", id="er_skips_a_medium_that_spoke_last"),
    pytest.param(
        "Wissenschaftler der Universität Wien haben Daten ausgewertet. Sie gehen davon aus, dass die Zahl steigt.",
        [("dass die Zahl steigt", "Sie", 0)],
        "Wissenschaftler der Universität Wien", id="plural_sie_to_plural_subject"),
    pytest.param(
        "Ein anderer Richter ist der Kurde Raed Dschuhi. Er sagte, das Gericht sei legitim.",
        [("das Gericht sei legitim", "Er", 0)],
        "Raed Dschuhi", id="er_to_subject_tied_to_a_name_by_copula"),
    pytest.param(
        "Air-France-Chef Jean-Cyril Spinetta weist die Vorwürfe der Ermittler zurück. Seiner Meinung nach hätte die Aufsicht abraten müssen.",
        [("hätte die Aufsicht abraten müssen", "Seiner Meinung", 0)],
        "Jean-Cyril Spinetta", id="possessive_wrapper_to_titled_subject"),
    pytest.param(
        "Anna Berg sagte: „Ich bin sicher, dass es klappt.“",
        [("„Ich bin sicher, dass es klappt.“", "Anna Berg", 0), ("dass es klappt", "Ich", 0)],
        "Anna Berg", id="ich_inside_a_quote_is_its_speaker"),
    pytest.param(
        "Man geht davon aus, dass der Stern jung ist.",
        [("dass der Stern jung ist", "Man", 0)],
        None, id="generic_man_has_no_speaker"),
    pytest.param(
        "Spaniens Regierungschef José Zapatero sagte, Deutschland habe versagt. Der Ministerpräsident forderte, die Bauern zu entschädigen.",
        [("Deutschland habe versagt", "Spaniens Regierungschef José Zapatero", 0), ("die Bauern zu entschädigen", "Der Ministerpräsident", 0)],
        "José Zapatero", id="definite_description_to_previous_speaker"),
    pytest.param(
        "Die Politiker Peter Danckert und Max Straubinger klagen. Nach Meinung der beiden Politiker würde das Gesetz schaden.",
        [("würde das Gesetz schaden", "Meinung der beiden Politiker", 0)],
        "Peter Danckert und Max Straubinger", id="plural_description_to_coordinated_names"),
]

# Names inside longer mentions: which one is the speaker.
WORKED_NAMES = [
    pytest.param(
        "Der Vorsitzende der Selbstverwaltung Istvan Kovacs sagte, der Schutz dürfe nicht mit Waffen erfolgen.",
        [("der Schutz dürfe nicht mit Waffen erfolgen", "Der Vorsitzende der Selbstverwaltung Istvan Kovacs", 0)],
        "Istvan Kovacs", id="name_after_a_title_with_genitive"),
    pytest.param(
        "Jane Greaves von der University of St. Andrews, Schottland, erklärte, der Planet sei jung.",
        [("der Planet sei jung", "Jane Greaves von der University of St. Andrews, Schottland", 0)],
        "Jane Greaves", id="person_head_not_the_place_after_a_comma"),
    pytest.param(
        "Ein Sprecher von Tesla sagte, man zahle fair.",
        [("man zahle fair", "Ein Sprecher von Tesla", 0)],
        "Sprecher von Tesla", id="name_attached_by_preposition_is_not_the_speaker"),
    pytest.param(
        "Die IG Metall forderte, der Lohn steige. Patrick Georg von der IG Metall Trier sagte, es werde gestreikt.",
        [("der Lohn steige", "Die IG Metall", 0)],
        "IG Metall", id="organisation_takes_no_longer_form_from_later"),
    pytest.param(
        "Hongkongs Chief Executive C.Y. Leung sagte, es sei keine Revolution.",
        [("es sei keine Revolution", "Hongkongs Chief Executive C.Y. Leung", 0)],
        "C.Y. Leung", id="name_with_initials"),
    pytest.param(
        "Karl-Theodor zu Guttenberg, Obmann der Fraktion, sprach. Das sei verlogen, so Guttenberg.",
        [("Das sei verlogen", "Guttenberg", 1)],
        "Karl-Theodor zu Guttenberg", id="partial_name_with_particle_and_hyphenated_first_name"),
    pytest.param(
        "Die Organisationen Transparency International, Campact und LobbyControl kritisieren, die Klage verzögere alles.",
        [("die Klage verzögere alles", "Die Organisationen Transparency International, Campact und LobbyControl", 0)],
        "Transparency International, Campact und LobbyControl", id="coordinated_names_after_a_plural_title"),
    pytest.param(
        "Laut der Zeitung Focus in seiner Onlineausgabe sei der Planet ein Brauner Zwerg.",
        [("sei der Planet ein Brauner Zwerg", "der Zeitung Focus in seiner Onlineausgabe", 0)],
        "Focus", id="where_a_medium_said_it_is_dropped"),
]


# Headlines, country adjectives, relative and demonstrative pronouns, reflexives, cataphora.
WORKED_MORE = [
    pytest.param(
        "Drohung: Militärbeamter von Kim Jong-un warnt vor Krieg\n\nPak Jong-chon, einer der höchsten Militärbeamten Nordkoreas, sprach. Es drohe Krieg, sagte er.",
        [("warnt vor Krieg", "Militärbeamter von Kim Jong-un", 0)],
        "Pak Jong-chon", id="bare_headline_description_tied_to_later_apposition"),
    pytest.param(
        "Hintergrund ist die südkoreanische Ankündigung, Waffen an die Ukraine zu liefern.",
        [("Waffen an die Ukraine zu liefern", "südkoreanische", 0)],
        "Südkorea", id="country_adjective_is_the_country"),
    pytest.param(
        "Israelischen Angaben zufolge seien drei Raketen abgefangen worden.",
        [("seien drei Raketen abgefangen worden", "Israelischen Angaben", 0)],
        # the layer's convention (annotations/speaker-ids/README.md): no author, a source of its own
        "Israelischen Angaben", id="country_adjective_with_source_noun_is_a_source_of_its_own"),
    pytest.param(
        "Die Partei hatte einen Antrag im Bundestag eingebracht, in dem eine friedliche Lösung gefordert wird.",
        [("eine friedliche Lösung", "dem", 0)],
        "Antrag", id="relative_pronoun_after_in_takes_the_document"),
    pytest.param(
        "Die seiner Ansicht nach fragwürdige Rolle der Notenbank veranlasste Senator Christopher Dodd, ein Gesetz vorzulegen.",
        [("fragwürdige Rolle der Notenbank", "seiner Ansicht", 0)],
        "Christopher Dodd", id="possessive_with_nothing_before_points_forward"),
    pytest.param(
        "Die „Roma-Garde“ ist eine Vereinigung der Roma. Sie wirbt um Mitglieder und Spenden. Nach eigenen Angaben wurde sie als Gegenpol gegründet.",
        [("wurde sie als Gegenpol gegründet", "eigenen Angaben", 0)],
        "Roma-Garde", id="eigenen_angaben_takes_the_subject_after_the_verb"),
    pytest.param(
        "Polizeisprecher Max Weber sagte, die Lage sei ruhig. Die Feuerwehr hat nach eigenen Angaben die Halle abgesucht.",
        [("die Lage sei ruhig", "Polizeisprecher Max Weber", 0), ("die Halle abgesucht", "eigenen Angaben", 0)],
        "Feuerwehr", id="eigenen_angaben_takes_the_subject_that_opens_the_sentence"),
    pytest.param(
        "Staatsanwalt Max Weber sagte, der Fall sei klar. Er verwies auf den Zeugen Peter Klein. Dieser behauptete, er habe alles gesehen.",
        [("der Fall sei klar", "Staatsanwalt Max Weber", 0), ("er habe alles gesehen", "Dieser", 0)],
        "Peter Klein", id="demonstrative_takes_the_last_one_mentioned"),
    pytest.param(
        "Das Bundesverwaltungsgericht entschied am Montag. Das Gericht erklärte, der Soldat habe recht.",
        [("der Soldat habe recht", "Das Gericht", 0)],
        "Bundesverwaltungsgericht", id="definite_organisation_to_the_one_named_before"),
    pytest.param(
        "Bischof Gerhard Wagner bat den Papst um Rücknahme. „Ich bitte um Rücknahme meiner Ernennung“, heißt es in einer Erklärung.",
        [("„Ich bitte um Rücknahme meiner Ernennung“", "in einer Erklärung", 0)],
        "Gerhard Wagner", id="document_in_the_first_person_is_its_author"),
    pytest.param(
        "Die Ministerin Anna Berg sagte, alles sei gut. Die Ermittler widersprachen. Sie gehen davon aus, dass der Täter floh.",
        [("alles sei gut", "Die Ministerin Anna Berg", 0), ("dass der Täter floh", "Sie", 0)],
        "Ermittler", id="sie_with_present_plural_verb_takes_a_plural"),
    pytest.param(
        "Anna Ali kam nach Berlin. Es regnete. Es war kalt. Dort traf Ali den Minister Jan Berg. Sie sagte, alles sei gut.",
        [("alles sei gut", "Sie", 0)],
        "Anna Ali", id="partial_name_takes_the_gender_of_the_full_name"),
]


@pytest.mark.parametrize("text, quotes, expected", WORKED + WORKED_ANTECEDENTS + WORKED_NAMES + WORKED_MORE)
def test_resolution_worked_examples(text, quotes, expected):
    qs = [quote_at(text, c, s, n) for c, s, n in quotes]
    assert resolve_last(text, qs).speaker_id == expected


def test_description_does_not_denote_the_person_it_names():
    text = "Philipp Lahm verletzte sich. Der behandelnde Arzt Lahms sagte, er könne bald spielen."
    q = quote_at(text, "er könne bald spielen", "Der behandelnde Arzt Lahms")
    assert speaker_key(resolve_last(text, [q]).speaker_id) == speaker_key("behandelnde Arzt Lahms")


def test_long_text_resolves_like_its_articles():
    # Far more text than the look-back window: each copy of the article resolves as it does alone.
    article = (
        "Der Sprecher des Ministeriums, Matthew Miller, sagte, jedes Land entscheide selbst. "
        "Die Drohung sei ernst, so der Sprecher. Er fügte hinzu, man sei besorgt. "
        "Eine Sprecherin der Polizei erklärte, es gebe keine Spuren."
    )
    spans = [("jedes Land entscheide selbst", "Der Sprecher des Ministeriums, Matthew Miller"), ("Die Drohung sei ernst", "der Sprecher"),
             ("man sei besorgt", "Er"), ("es gebe keine Spuren", "Eine Sprecherin der Polizei")]
    alone = [q.speaker_id for q in resolve_speakers(Document("a", article), [quote_at(article, c, s) for c, s in spans])]
    copies = 120
    text = "\n\n".join([article] * copies)
    quotes = []
    for k in range(copies):
        offset = k * (len(article) + 2)
        quotes += [q.replace(content=tuple(Span.of(text, x.start + offset, x.end + offset) for x in q.content),
                             speaker=tuple(Span.of(text, x.start + offset, x.end + offset) for x in q.speaker))
                   for q in (quote_at(article, c, s) for c, s in spans)]
    assert len(text) > 20_000
    ids = [q.speaker_id for q in resolve_speakers(Document("long", text), quotes)]
    assert alone == ["Matthew Miller", "Matthew Miller", "Matthew Miller", "Sprecherin der Polizei"]
    assert ids == alone * copies


def test_resolution_appends_a_readable_trace():
    text = "Wladimir Putin kam. Putin sagte, er liefere. Er fügte hinzu, es sei ernst."
    q1 = quote_at(text, "er liefere", "Putin", 1).replace(trace="rules: cue sagen")
    q2 = quote_at(text, "es sei ernst", "Er")
    out = resolve_speakers(Document("d", text), [q1, q2])
    assert out[0].trace.startswith("rules: cue sagen; speaker: partial name 'Putin' → Wladimir Putin")
    assert out[1].trace.startswith("speaker: pronoun 'Er' → Wladimir Putin (previous speaker")


def test_resolution_keeps_order_and_given_ids():
    text = "Miller sagte, a sei b. Putin sagte, c sei d."
    q1 = quote_at(text, "c sei d", "Putin")
    q2 = quote_at(text, "a sei b", "Miller").replace(speaker_id="Matthew Miller")
    out = resolve_speakers(Document("d", text), [q1, q2])
    assert [q.speaker_id for q in out] == ["Putin", "Matthew Miller"]
    assert out[1] is q2


def test_resolution_of_no_quotes_is_empty():
    assert resolve_speakers(Document("d", "Nichts."), []) == []


def test_sie_with_plural_verb_prefers_plural_speaker():
    text = "Die Ermittler sagten, es gebe Spuren. Die Ministerin Anna Berg sagte, alles sei klar. Sie sagten, der Täter sei gefasst."
    qs = [quote_at(text, "es gebe Spuren", "Die Ermittler"), quote_at(text, "alles sei klar", "Die Ministerin Anna Berg"), quote_at(text, "der Täter sei gefasst", "Sie")]
    assert resolve_last(text, qs).speaker_id == "Ermittler"


@pytest.mark.parametrize("a, b, same", [
    ("der Staatsanwaltschaft Krefeld", "Staatsanwaltschaft Krefeld", True),
    ("Ein hochrangiger Regierungsvertreter", "hochrangiger Regierungsvertreter", True),
    ("Roten Kreuzes", "Rotes Kreuz", True),
    ("Wladimir Putin", "Putin", False),
    ("Bill Clinton", "Hillary Clinton", False),
    ("Syrische Regierung und die Rebellen", "Syrische Regierung und Rebellen", True),
    ("Regierung und Rebellen", "Regierung", False),
])
def test_speaker_key_ignores_articles_case_and_inflection(a, b, same):
    assert (speaker_key(a) == speaker_key(b)) is same


@pytest.mark.parametrize("speaker, sid, kind", [
    ("Wladimir Putin", "Wladimir Putin", "name"),
    ("Putin", "Wladimir Putin", "partial_name"),
    ("Er", "Wladimir Putin", "pronoun"),
    ("Russlands Präsident", "Wladimir Putin", "description"),
])
def test_mention_kind_from_gold_span(speaker, sid, kind):
    text = f"{speaker} sagte, das sei gut."
    q = quote_at(text, "das sei gut", speaker)
    assert mention_kind(Document("d", text), q, sid) == kind


def test_mention_kind_none_when_speaker_is_in_another_sentence():
    text = "Putin sprach lange. Das sei gut."
    q = quote_at(text, "Das sei gut.", "Putin")
    assert mention_kind(Document("d", text), q, "Putin") == "none"


def test_match_quotes_pairs_only_overlapping_quotes():
    g = [Quote((Span(0, 10),), "direct"), Quote((Span(20, 30),), "direct")]
    p = [Quote((Span(25, 40),), "direct"), Quote((Span(0, 4),), "direct"), Quote((Span(50, 60),), "direct")]
    assert sorted(match_quotes(g, p)) == [(0, 1), (1, 0)]


def test_speaker_id_accuracy_by_kind_hand_counted():
    # 3 gold quotes: 2 matched (one right, one wrong), 1 unmatched; accuracy is over matched quotes.
    gold = [
        GoldSpeaker("d", Quote((Span(0, 10),), "direct"), "Wladimir Putin", "pronoun"),
        GoldSpeaker("d", Quote((Span(20, 30),), "direct"), "Matthew Miller", "description"),
        GoldSpeaker("d", Quote((Span(40, 50),), "direct"), "Reuters", "name"),
    ]
    pred = {"d": [
        Quote((Span(0, 8),), "direct", speaker_id="Wladimir Putin"),
        Quote((Span(22, 30),), "direct", speaker_id="Sprecher"),
    ]}
    s = score_speaker_ids(gold, pred)
    assert (s.overall.correct, s.overall.total, s.matched, s.gold_quotes) == (1, 2, 2, 3)
    assert s.by_kind["pronoun"].accuracy == 1.0 and s.by_kind["description"].accuracy == 0.0
    assert s.by_kind["name"].total == 0
    assert [e.gold for e in s.errors] == ["Matthew Miller"]


def test_layer_lines_point_at_existing_quotes(wikinews_dev):
    docs = list(read_documents([wikinews_dev]))
    gold = load_speaker_id_layer(LAYER, docs)
    assert len({g.doc_id for g in gold}) >= 40
    assert {g.kind for g in gold} == {"name", "partial_name", "pronoun", "description", "none"}


def test_layer_rejects_offsets_that_differ_from_the_corpus(tmp_path):
    text = "Er sagte, es sei gut."
    doc = Document("d1", text, (quote_at(text, "es sei gut", "Er"),))
    bad = tmp_path / "layer.jsonl"
    bad.write_text('{"document": "d1", "annotation": 0, "content": [[0, 3]], "speaker_id": "X", "kind": "pronoun"}\n')
    with pytest.raises(FormatError, match="document d1.*differ"):
        load_speaker_id_layer(bad, [doc])


def layer_scores(layer, docs, part):
    gold = load_speaker_id_layer(layer, docs, part=part)
    wanted = {g.doc_id for g in gold}
    preds = {d.id: resolve_speakers(d, [q.replace(speaker_id=None) for q in d.quotes]) for d in docs if d.id in wanted}
    return score_speaker_ids(gold, preds)


@pytest.mark.slow
def test_resolution_on_held_out_part_of_layer_does_not_regress(wikinews_dev):
    # Floors a little under the figures measured after development (86.0% overall, 65.0% of 20
    # pronouns, see eval/speakers/README.md); the pronoun target (75%) is not reached on this part.
    s = layer_scores(LAYER, list(read_documents([wikinews_dev])), "report")
    assert s.overall.accuracy >= 0.84
    assert s.by_kind["pronoun"].accuracy >= 0.60


@pytest.mark.slow
def test_resolution_on_development_parts_does_not_regress(wikinews_dev, wikinews_train):
    # Floors a little under the figures measured on train + tune (88.2% overall, 90.7% of 54 pronouns).
    train = layer_scores(TRAIN_LAYER, list(read_documents([wikinews_train])), "train")
    tune = layer_scores(LAYER, list(read_documents([wikinews_dev])), "tune")
    overall = train.overall + tune.overall
    pronouns = train.by_kind["pronoun"] + tune.by_kind["pronoun"]
    assert overall.accuracy >= 0.86
    assert pronouns.accuracy >= 0.85


@pytest.mark.slow
def test_train_layer_points_at_train_quotes_and_shares_no_document_with_dev(wikinews_train):
    names = {json.loads(line)["document"] for line in TRAIN_LAYER.read_text(encoding="utf-8").splitlines() if line.strip()}
    docs = [d for d in read_documents([wikinews_train]) if d.id in names]
    gold = load_speaker_id_layer(TRAIN_LAYER, docs)
    assert len({g.doc_id for g in gold}) == len(names) >= 40
    # report3 to report15: train documents held out from a round of development (the resolver is rule-based, never trained)
    assert {g.part for g in gold} == {
        "train", "train2", "report3", "report4", "report5", "report6", "report7", "report8", "report9", "report10", "report11", "report13",
        "report14", "report15",
    }
    parts = {}
    for g in gold:
        parts.setdefault(g.doc_id, set()).add(g.part)
    assert all(len(p) == 1 for p in parts.values())  # no document in two parts
    dev_names = {json.loads(line)["document"] for line in LAYER.read_text(encoding="utf-8").splitlines() if line.strip()}
    assert not names & dev_names


def seed_gold_resolved():
    if not SEEDS_GOLD.exists():
        pytest.skip(f"{SEEDS_GOLD} is absent")
    docs = list(read_documents([SEEDS_GOLD]))
    return docs, [d.with_quotes(resolve_speakers(d, [q.replace(speaker_id=None, trace="") for q in d.quotes])) for d in docs]


def test_seed_gold_speakers_resolved_to_their_ids():
    gold_docs, resolved = seed_gold_resolved()
    preds = {d.id: d.quotes for d in resolved}
    s = score_speaker_ids(gold_from_documents(gold_docs), preds)
    assert s.overall.accuracy >= 0.97


def test_seed_gold_lists_putin_and_miller_with_all_their_statements():
    from quotes.people import collect_people

    gold_docs, resolved = seed_gold_resolved()
    people = {p.name: p for p in collect_people(resolved)}
    for name in ("Wladimir Putin", "Matthew Miller"):
        wanted = {(d.id, q.start, q.end) for d in gold_docs for q in d.quotes if q.speaker_id == name}
        got = {(s.doc_id, s.start, s.end) for s in people[name].statements}
        assert got == wanted, name


def _random_quotes(rng, text: str) -> list[Quote]:
    quotes = []
    for _ in range(rng.randint(0, 6)):
        if len(text) < 2:
            break
        a = rng.randrange(0, len(text) - 1)
        b = rng.randrange(a + 1, len(text) + 1)
        speaker = ()
        if rng.random() < 0.7:
            c = rng.randrange(0, len(text) - 1)
            speaker = (Span.of(text, c, rng.randrange(c + 1, min(len(text), c + 40) + 1)),)
        quotes.append(Quote(content=(Span.of(text, a, b),), type=rng.choice(["direct", "indirect", "free_indirect", "mixed", "reported"]), speaker=speaker))
    return sorted(quotes, key=lambda q: q.start)


def test_resolution_never_fails_on_word_salad_with_random_spans():
    # words the resolver reacts to, in random order, with random quote and speaker spans: every
    # quote comes back, with an id or None (once: endless recursion through a source phrase whose
    # noun phrase counted as no speaker; an empty noun phrase after "nach")
    import random

    rng = random.Random(7)
    words = (
        "der die das Er sie Laut nach Angaben des Gerichts „ “ , . Die Polizei sagte Zu Guttenberg (DSW) für Darüber hier "
        "Meldung von Xinhua eigener Aussage Demnach Landgericht Mannheim AI Amnesty International Horst Arnold http://x.y "
        "vom Dienstagabend : ; 2005 Bericht er ihm dieser eigenen Angaben man wir Wie aus verlautete heißt es in Obwohl "
        "Werner Schulz (Grüne) und Jelena Hoffmann sowie CSU-Vorsitzender Das Unternehmen Jeder Universität kurz FIFA"
    ).split()
    for _ in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 60)))
        quotes = _random_quotes(rng, text)
        out = resolve_speakers(Document("d", text), quotes)
        assert [q.content for q in out] == [q.content for q in quotes]
        assert all(q.speaker_id is None or isinstance(q.speaker_id, str) for q in out)
