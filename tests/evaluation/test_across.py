"""Validation of the across-outlet measures: the planted changes and the figures."""

from __future__ import annotations

import pandas as pd
import pytest

from analysis.errors import InputWarning
from analysis.evaluation.across import (
    BOILERPLATE,
    REPLACEMENT,
    TARGETS,
    plant_boilerplate,
    plant_drop,
    plant_reorder,
    plant_reword,
    run_planted,
    validate,
)
from analysis.text.quotes import find_article_quotations

TEXT = "\n".join(
    [
        "Trump and Putin spoke by phone for ninety minutes on Wednesday about ending the war in "
        "Ukraine.",
        "“We agreed to work together, very closely, including visiting each other’s Nations,” "
        "Trump wrote on his platform.",
        "The Kremlin said the two presidents had agreed to meet, possibly in Saudi Arabia, within "
        "weeks.",
        "European leaders were not consulted before the call, diplomats in Brussels said on "
        "Thursday morning.",
        "Zelenskyy said he had a meaningful conversation with Trump later that day about the next "
        "steps.",
    ]
)


def test_plants_change_what_they_say():
    assert plant_boilerplate(TEXT).startswith(BOILERPLATE[0]) and TEXT in plant_boilerplate(TEXT)
    reordered = plant_reorder(TEXT, 3)
    assert reordered != TEXT and sorted(reordered.split("\n")) == sorted(TEXT.split("\n"))
    spans, _ = find_article_quotations(pd.DataFrame({"article_id": ["a"], "clean_text": [TEXT]}))
    text, old, new = plant_reword(TEXT, spans[spans["depth"] == 1])
    assert (old, new) == ("including", REPLACEMENT) and text == TEXT.replace(
        "including", REPLACEMENT
    )


def test_plant_drop_leaves_out_a_middle_paragraph():
    paragraphs, offset = [], 0
    for k, line in enumerate(TEXT.split("\n")):
        paragraphs.append(
            {"paragraph_id": k, "start": offset, "end": offset + len(line), "kind": "body"}
        )
        offset += len(line) + 1
    sentences = pd.DataFrame({"paragraph_id": range(5), "text": TEXT.split("\n")})
    text, lost = plant_drop(TEXT, sentences, pd.DataFrame(paragraphs))
    assert lost == [TEXT.split("\n")[2]] and lost[0] not in text and len(text.split("\n")) == 4


def test_every_planted_change_is_found_on_a_small_text():
    planted = run_planted({"a": TEXT})
    assert planted["change"].tolist() == ["boilerplate", "reordered", "reworded", "dropped"]
    assert planted["found"].all()
    assert planted["false_alarms"].sum() == 0


def test_across_figures(data_home):
    with pytest.warns(
        InputWarning, match="BASIL spans"
    ):  # the reader counts the spans it cannot place
        results = validate(data_home, [].append)
    overall = [r for r in results if r["check"] == "planted" and r["change"] == "all"]
    assert {r["dataset"] for r in overall} == {"corpus", "basil"}, "the data home has no basil"
    for record in overall:
        assert record["recall"] >= TARGETS["recall"], record
        assert record["false_alarm_rate"] <= TARGETS["false_alarm_rate"], record
    (basil,) = [r for r in results if r["check"] == "informational"]
    assert basil["spans"] > 500 and 0 < basil["share_unique"] <= 1
