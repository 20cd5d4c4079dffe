"""The biased-wording sentence classifier (analysis.loaded.model)."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.loaded.model import (
    RECIPE,
    LoadedModel,
    build_loaded_model,
    describe_loaded,
    fit_loaded_model,
    make_documents,
)


@pytest.mark.parametrize(
    ("text", "document"),
    [
        ("The plan passed.", ""),
        ("The illegal aliens crossed.", "cat_dysphemism ent_illegal_alien anyloaded"),
        (
            "The radical regime slammed the deal.",
            "cat_pejorative_label cat_pejorative_label cat_loaded_attribution "
            "ent_zealot ent_regime ent_slam anyloaded",
        ),
    ],
)
def test_the_loaded_document_names_each_hit_and_flags_a_loaded_word(text, document):
    assert describe_loaded(text) == document


@pytest.mark.parametrize(
    ("text", "document"),
    [
        # a naming choice (the neutral form of a contested term) is a hit, not loaded wording
        ("The estate tax was cut.", "cat_naming ent_estate_tax"),
        ("The death tax was cut.", "cat_dysphemism ent_death_tax anyloaded"),
    ],
)
def test_a_naming_choice_is_a_hit_but_not_flagged_as_loaded(text, document):
    assert describe_loaded(text) == document


def test_the_model_reads_the_words_and_the_loaded_hits():
    documents = make_documents(["A shameful plan.", "A plan."])
    assert set(documents) == {"word", "loaded"} and documents["loaded"][1] == ""
    assert RECIPE["average"] == "macro"


def test_a_fitted_model_chooses_its_threshold_by_macro_f1_and_round_trips(tmp_path):
    texts = [
        f"The shameful radical plan {i}." if i % 2 else f"The plan {i} passed." for i in range(30)
    ]
    model = fit_loaded_model(texts, np.array([i % 2 for i in range(30)]))
    assert model.provenance["biased"] == 15 and "cross_validated_macro_f1" in model.provenance
    assert list(model.predict(["A shameful radical idea.", "The idea passed."])) == [1, 0]
    assert LoadedModel.local_path().name == "loaded_babe.json"
    assert LoadedModel.load(model.write(tmp_path / "m.json")).to_json() == model.to_json()


def test_without_babe_the_build_says_how_to_get_it(tmp_path):
    with pytest.raises(FileNotFoundError, match="python -m analysis fetch babe"):
        build_loaded_model(tmp_path)
