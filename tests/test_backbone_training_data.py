"""The UD training data of the backbones (``eval/backbones/ud.py``): multiword tokens merged into
surface tokens, heads renumbered, our own split by position, spaCy and CoNLL-U conversion."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import spacy

UD_PY = Path(__file__).resolve().parent.parent / "eval" / "backbones" / "ud.py"
spec = importlib.util.spec_from_file_location("backbone_ud", UD_PY)
ud = importlib.util.module_from_spec(spec)
sys.modules.setdefault("backbone_ud", ud)
spec.loader.exec_module(ud)

# "Er ging zum Haus." with "zum" = "zu" + "dem"; SpaceAfter=No before the full stop.
CONLLU = """# sent_id = s1
# text = Er ging zum Haus.
1\tEr\ter\tPRON\tPPER\tCase=Nom\t2\tnsubj\t_\t_
2\tging\tgehen\tVERB\tVVFIN\tMood=Ind\t0\troot\t_\t_
3-4\tzum\t_\t_\t_\t_\t_\t_\t_\t_
3\tzu\tzu\tADP\tAPPR\t_\t5\tcase\t_\t_
4\tdem\tder\tDET\tART\tCase=Dat|Definite=Def\t5\tdet\t_\t_
5\tHaus\tHaus\tNOUN\tNN\tCase=Dat\t2\tobl\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t$.\t_\t2\tpunct\t_\t_

"""


def test_multiword_token_becomes_one_surface_token():
    (s,) = ud.parse_conllu(CONLLU)
    assert [w.form for w in s.words] == ["Er", "ging", "zum", "Haus", "."]
    zum = s.words[2]
    assert (zum.upos, zum.xpos, zum.deprel, zum.lemma, zum.feats) == ("ADP", "APPRART", "case", "zu", "Case=Dat|Definite=Def")


def test_heads_are_renumbered_to_surface_tokens():
    (s,) = ud.parse_conllu(CONLLU)
    assert [w.head for w in s.words] == [2, 0, 4, 2, 2]
    assert s.text == "Er ging zum Haus."


def test_non_stts_xpos_is_dropped():
    (s,) = ud.parse_conllu(CONLLU, stts=False)
    assert {w.xpos for w in s.words} == {""}
    assert "\t_\tCase=Nom\t" in ud.to_conllu([s])


def test_conllu_round_trip_keeps_the_annotation():
    (s,) = ud.parse_conllu(CONLLU)
    assert ud.parse_conllu(ud.to_conllu([s])) == [s]


def test_spacy_docs_carry_gold_trees_with_root_label():
    sents = ud.parse_conllu(CONLLU) * 3
    (doc,) = ud.to_docs(sents, spacy.blank("de").vocab, per_doc=10)
    assert len(list(doc.sents)) == 3
    assert [t.dep_ for t in doc[:5]] == ["nsubj", "ROOT", "case", "obl", "punct"]
    assert doc[2].head.text == "Haus" and doc[2].tag_ == "APPRART"


@pytest.mark.parametrize("split, expected", [("train", list(range(0, 15))), ("dev", [15, 16]), ("heldout", [17, 18, 19])])
def test_split_is_by_position_in_each_file(tmp_path, split, expected):
    block = CONLLU.strip()
    for name in ud.FILES:
        text = "\n\n".join(block.replace("s1", f"{name}-{i}") for i in range(20)) + "\n\n"
        (tmp_path / name).write_text(text, encoding="utf-8")
    ids = [s.id for s in ud.split_sentences(split, root=tmp_path)]
    assert ids == [f"{name}-{i}" for name in ud.FILES for i in expected]


def test_splits_do_not_overlap_and_cover_everything():
    fractions = sorted(ud.SPLITS.values())
    assert fractions[0][0] == 0.0 and fractions[-1][1] == 1.0
    assert all(a[1] == b[0] for a, b in zip(fractions, fractions[1:]))
