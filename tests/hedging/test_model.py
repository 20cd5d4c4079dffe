"""The sentence classifier of uncertainty (analysis.hedging.model)."""

from __future__ import annotations

import numpy as np
import pytest

from analysis import config
from analysis.hedging.model import (
    RECIPE,
    HedgeModel,
    build_hedge_model,
    describe_cues,
    fit_hedge_model,
    make_documents,
)


@pytest.mark.parametrize(
    ("text", "document"),
    [
        ("It is raining.", ""),
        (
            "It may rain, reportedly.",
            "cat_modal cat_attribution_shield ent_may ent_reportedly anyhedge",
        ),
        # a booster is a cue, but not a hedge: no "anyhedge"
        ("Officials clearly said so.", "cat_certainty_adverb ent_clearly"),
    ],
)
def test_the_cue_document_names_each_cue_and_flags_a_hedge(text, document):
    assert describe_cues(text) == document


def test_the_model_reads_the_words_and_the_cues():
    documents = make_documents(["It may rain.", "It rains."])
    assert set(documents) == {"word", "cue"} == set(RECIPE) & {"word", "cue"}
    assert documents["word"] == ["It may rain.", "It rains."]
    assert documents["cue"][1] == ""


def test_a_fitted_model_names_its_class_and_file_and_round_trips(tmp_path):
    texts = [
        f"Prices may rise in town {i}." if i % 2 else f"Prices rose in town {i}."
        for i in range(30)
    ]
    model = fit_hedge_model(texts, np.array([i % 2 for i in range(30)]))
    assert model.provenance["uncertain"] == 15
    assert RECIPE["thresholds"][0] <= model.threshold <= RECIPE["thresholds"][1]
    assert list(model.predict(["Prices might rise.", "Prices rose."])) == [1, 0]
    assert HedgeModel.local_path().name == "hedging_wikiweasel.json"
    assert HedgeModel.load(model.write(tmp_path / "m.json")).to_json() == model.to_json()


def test_without_wikiweasel_the_build_says_how_to_get_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="python -m analysis fetch wikiweasel"):
        build_hedge_model(tmp_path)
    assert config.data_home(tmp_path) == tmp_path
