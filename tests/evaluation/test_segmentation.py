from __future__ import annotations

import zipfile

from analysis.evaluation.segmentation import (
    align_gold_starts,
    evaluate_golden_rules,
    evaluate_wsj,
    prepare_wsj,
    score_boundaries,
)
from analysis.resources.readers import read_golden_rules, read_treebank


def test_golden_rules_read_from_pysbd_source(tmp_path):
    (tmp_path / "english_golden_rules.py").write_text(
        '# -*- coding: utf-8 -*-\nGOLDEN_EN_RULES = [\n    ("Hi there. Bye.", ["Hi there.", '
        '"Bye."]),\n'
        '    # a comment\n    ("Mr. Smith left.", ["Mr. Smith left."]),\n]\n',
        encoding="utf-8",
    )
    cases = read_golden_rules(tmp_path)
    assert [c["sentences"] for c in cases] == [["Hi there.", "Bye."], ["Mr. Smith left."]]
    assert evaluate_golden_rules(cases) == {
        "cases": 2,
        "passed": 2,
        "pass_rate": 1.0,
        "failed_ids": [],
    }


def test_golden_rules_report_failures():
    cases = [{"id": 7, "text": "A cat. The dog.", "sentences": ["A cat. The dog."]}]
    assert evaluate_golden_rules(cases)["failed_ids"] == [7]


def test_treebank_alignment_and_scores(tmp_path):
    raw = (
        ".START \n\nMr. Vinken is chairman of Elsevier N.V., the Dutch group.\nHe said, \"It's "
        'fine."\n\nIt works in the U.S.\n'
    )
    mrg = (
        "( (S (NP (NNP Mr.) (NNP Vinken)) (VP (VBZ is) (NP (NN chairman) (PP (IN of) (NP (NNP "
        "Elsevier) (NNP N.V.)))) "
        "(, ,) (NP (DT the) (JJ Dutch) (NN group))) (. .)) )\n"
        "( (S (NP (PRP He)) (VP (VBD said) (, ,) (`` ``) (S (NP (PRP It)) (VP (VBZ 's) (ADJP (JJ "
        "fine)))) (. .) ('' ''))) )\n"
        "( (S (NP-SBJ (-NONE- *)) (NP (PRP It)) (VP (VBZ works) (PP (IN in) (NP (DT the) (NNP "
        "U.S.)))) (. .)) )\n"
    )
    with zipfile.ZipFile(tmp_path / "treebank.zip", "w") as archive:
        archive.writestr("treebank/raw/wsj_0001", raw)
        archive.writestr("treebank/combined/wsj_0001.mrg", mrg)
    docs = read_treebank(tmp_path)
    assert docs[0]["sentences"][1] == ["He", "said", ",", '"', "It", "'s", "fine", ".", '"']
    prepared = prepare_wsj(docs)
    text, gold = prepared[0]
    assert sorted(text[g : g + 5] for g in gold) == ["He sa", "It wo"]
    scores = evaluate_wsj(prepared)
    assert scores["all_boundaries"]["f1"] == 1.0
    assert scores["within_paragraphs"]["gold"] == 1


def test_alignment_passes_over_tokens_the_text_lacks():
    text = "It is in the U.S. Then it left."
    assert align_gold_starts(
        text, [["It", "is", "in", "the", "U.S.", "."], ["Then", "it", "left", "."]]
    ) == [0, 18]


def test_score_boundaries():
    assert score_boundaries({1, 2, 3, 4}, {2, 3, 5}) == {
        "gold": 4,
        "predicted": 3,
        "correct": 2,
        "precision": 0.6667,
        "recall": 0.5,
        "f1": 0.5714,
    }
