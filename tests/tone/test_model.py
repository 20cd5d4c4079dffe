from __future__ import annotations

import numpy as np
import pytest

from analysis.tone.cues import NEGATION_FEATURES
from analysis.tone.model import (
    DENSE_FEATURES,
    NEWSMTSC_AUXILIARY,
    PATTERN_FEATURES,
    RECIPE,
    ToneModel,
    build_tone_model,
    compute_dense_features,
    fit_tone_model,
    group_by_editorial,
    load_tone_model,
    name_dense_features,
    rate_newsmtsc_sentences,
    read_auxiliary_rows,
    tone_model_path,
)
from tests.refits import assert_refit_matches

POSITIVE = [
    "a wonderful, generous agreement",
    "a great success for peace",
    "they praised the excellent talks",
    "a happy and hopeful day",
]
NAMES = ["Smith", "Obama", "Merkel", "Bush", "Xi", "Clinton", "Macron"]
NEGATIVE = [
    "a cruel, disastrous failure",
    "a terrible war of attrition",
    "they condemned the brutal attack",
    "a sad and hopeless day",
]


def _fit():
    texts = [f"{t} number {i}" for i in range(6) for t in POSITIVE + NEGATIVE]
    ratings = np.array([2.0 if t.split(" number")[0] in POSITIVE else -2.0 for t in texts])
    return fit_tone_model(
        texts,
        ratings,
        ids=[str(i) for i in range(len(texts))],
        provenance={"dataset": "synthetic"},
    )


def test_a_fitted_model_orders_new_sentences_by_tone():
    model = _fit()
    good, bad = model.predict(
        ["A wonderful and excellent success.", "A brutal, disastrous attack."]
    )
    assert good > 0 > bad
    assert -1 <= bad and good <= 1


def test_the_json_form_is_deterministic_and_predicts_the_same():
    model = _fit()
    text = model.to_json()
    assert text == _fit().to_json()
    again = ToneModel.from_json(text)
    sentences = ["A hopeful agreement.", "A cruel war.", "Nothing to see."]
    assert np.allclose(again.predict(sentences), model.predict(sentences), atol=1e-4)
    assert again.training_ids == model.training_ids and again.provenance["dataset"] == "synthetic"


def test_predict_optional_leaves_missing_parts_empty():
    scores = _fit().predict_optional([None, "a great success"])
    assert np.isnan(scores[0]) and scores[1] > 0


def test_predict_optional_scores_repeated_texts_as_each_alone():
    model = _fit()
    texts = ["a great success", None, "a total failure", "a great success", "a total failure"]
    expected = [model.predict([t])[0] if t is not None else np.nan for t in texts]
    np.testing.assert_array_equal(model.predict_optional(texts), expected)


@pytest.mark.parametrize(
    ("change", "left_out"),
    [
        ({}, ()),
        ({"pattern": False}, PATTERN_FEATURES),
        ({"negation": False}, NEGATION_FEATURES),
        ({"pattern": False, "negation": False}, PATTERN_FEATURES + NEGATION_FEATURES),
    ],
)
def test_a_recipe_names_its_dense_features_and_computes_them(change, left_out):
    recipe = {**RECIPE, **change}
    names = name_dense_features(recipe)
    assert names == tuple(n for n in DENSE_FEATURES if n not in left_out)
    features = compute_dense_features(["It is not good.", "A terrible day."], recipe)
    whole = compute_dense_features(["It is not good.", "A terrible day."])
    assert features.shape == (2, len(names))
    np.testing.assert_array_equal(
        features, whole[:, [DENSE_FEATURES.index(n) for n in names]]
    )  # the same numbers, whichever are left out


def test_a_model_fitted_before_the_negation_features_reads_without_them():
    assert name_dense_features({"dense_scale": 3.0}) == tuple(
        n for n in DENSE_FEATURES if n not in NEGATION_FEATURES
    )


@pytest.mark.parametrize("mask", [False, True])
def test_a_model_masking_names_reads_no_tone_from_whom_a_sentence_names(mask):
    # every sentence naming "Smith" is rated negative, every one naming "Jones" positive
    texts = [f"{t}, said Smith {i}" for i in range(6) for t in NEGATIVE] + [
        f"{t}, said Jones {i}" for i in range(6) for t in POSITIVE
    ]
    ratings = np.array([-2.0] * 24 + [2.0] * 24)
    model = fit_tone_model(texts, ratings, recipe={**RECIPE, "mask_names": mask})
    smith, jones = (  # each named inside a sentence and at its start
        model.predict([f"A meeting was held, said {n}.", f"{n} said a meeting was held."])
        for n in ("Smith", "Jones")
    )
    assert ("smith" in model.vocabularies["word"]) is not mask
    if mask:
        np.testing.assert_array_equal(smith, jones)  # the same scores whoever is named
        assert "_name_" in model.vocabularies["word"]
    else:
        assert smith[0] < jones[0] and smith[1] < jones[1]  # Smith reads negative, Jones positive


NEWSMTSC_ROWS = [
    {"sentence": "A.", "targets": [{"polarity": "positive"}, {"polarity": "negative"}]},
    {"sentence": "B.", "targets": [{"polarity": "negative"}]},
    {"sentence": "A.", "targets": [{"polarity": "positive"}]},  # the same sentence again
    {"sentence": "C.", "targets": [{"polarity": "neutral"}, {"polarity": "positive"}]},
    {"sentence": "D.", "targets": []},
]


def test_newsmtsc_sentences_are_rated_by_the_mean_of_all_their_targets():
    texts, ratings = rate_newsmtsc_sentences(NEWSMTSC_ROWS, 1.5)
    assert texts == ["A.", "B.", "C."]
    np.testing.assert_allclose(ratings, [1.5 / 3, -1.5, 0.75])


def test_auxiliary_rows_weigh_in_the_fit_with_the_recipes_weight():
    texts = [f"{t} number {i}" for i in range(6) for t in POSITIVE + NEGATIVE]
    ratings = np.array([2.0 if t.split(" number")[0] in POSITIVE else -2.0 for t in texts])
    auxiliary = (["a splendid triumph"] * 20, np.full(20, 4.0))
    plain = fit_tone_model(texts, ratings)
    light = fit_tone_model(texts, ratings, auxiliary=auxiliary)
    heavy = fit_tone_model(
        texts, ratings, auxiliary=auxiliary, recipe={**RECIPE, "auxiliary": {"weight": 1.0}}
    )
    scores = [m.predict(["a splendid triumph"])[0] for m in (plain, light, heavy)]
    assert scores[0] < scores[1] < scores[2]
    assert (
        "splendid" in light.vocabularies["word"] and "splendid" not in plain.vocabularies["word"]
    )
    assert light.provenance["rows"] == len(texts)  # the rated rows; the auxiliary ones apart


def test_auxiliary_rows_are_none_without_their_data_set(tmp_path):
    assert read_auxiliary_rows({**RECIPE, "auxiliary": NEWSMTSC_AUXILIARY}, tmp_path) is None
    assert read_auxiliary_rows({**RECIPE, "auxiliary": None}, tmp_path) is None


def test_dense_features_have_the_documented_columns():
    features = compute_dense_features(["A great day.", "A terrible day."])
    assert features.shape == (2, len(DENSE_FEATURES))
    compound, positive_tanh, negative_tanh = (
        DENSE_FEATURES.index(n)
        for n in ("vader_compound", "lexicon_positive_tanh", "lexicon_negative_tanh")
    )
    assert features[0, compound] > 0 > features[1, compound]
    assert features[0, positive_tanh] > 0 and features[1, negative_tanh] < 0


def test_the_committed_model_records_its_provenance():
    model = load_tone_model()
    assert model.provenance["dataset"] == "vader_nyt"
    assert model.provenance["rows"] == len(model.training_ids) > 1000
    assert model.provenance["cross_validated_pearson_r"] > 0.59
    assert "grouped by editorial" in model.provenance["folds"]
    assert model.recipe["negation"] and model.recipe["mask_names"]
    assert model.provenance["auxiliary"]["dataset"] == "newsmtsc"
    assert model.provenance["auxiliary"]["sentences"] > 1000
    named = model.predict([f"The talks with {n} went well, said Ms. {n}." for n in NAMES])
    assert len(set(named)) == 1  # whoever is named, the same tone
    good, bad = model.predict(
        ["This is a wonderful, generous agreement.", "This is a cruel, disastrous failure."]
    )
    assert good > bad


def test_make_models_refits_the_committed_model(data_home):
    if not (data_home / "vader_nyt").is_dir() or not (data_home / "newsmtsc").is_dir():
        pytest.skip("vader_nyt or newsmtsc is not in the data home")
    from analysis.resources.readers import read_vader_nyt

    committed = load_tone_model()
    if [r["id"] for r in read_vader_nyt(data_home / "vader_nyt")] != committed.training_ids:
        pytest.skip(
            "the data home's vader_nyt rows are not the ones the committed model was fitted on"
        )
    refitted = build_tone_model(data_home)
    assert refitted.training_ids == committed.training_ids
    assert_refit_matches(refitted.to_json(), tone_model_path().read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("ids", "groups"),
    [(["12_3", "12_4", "7_1"], ["12", "12", "7"]), (["x", "1_2_3"], ["x", "1"])],
)
def test_group_by_editorial(ids, groups):
    assert group_by_editorial(ids) == groups


def test_grouped_folds_keep_each_editorial_on_one_side(monkeypatch):
    import analysis.tone.model as tone_model

    seen = []

    def record(texts, ratings, ids=None, provenance=None, auxiliary=None, recipe=None):
        assert auxiliary == (["an auxiliary sentence"], [1.0])  # on every training side
        seen.append(set(texts))
        return tone_model.ToneModel({}, {}, np.zeros(0), 0.0)

    monkeypatch.setattr(tone_model, "fit_tone_model", record)
    monkeypatch.setattr(tone_model.ToneModel, "predict", lambda self, texts: np.zeros(len(texts)))
    texts = [f"editorial {e} sentence {k}" for e in range(10) for k in range(3)]
    groups = group_by_editorial([f"{e}_{k}" for e in range(10) for k in range(3)])
    tone_model.cross_validate_tone_model(
        texts, np.zeros(len(texts)), groups, auxiliary=(["an auxiliary sentence"], [1.0])
    )
    assert len(seen) == 5
    for train in seen:
        editorials = {t.split()[1] for t in train}
        assert all({f"editorial {e} sentence {k}" for k in range(3)} <= train for e in editorials)
        assert len(editorials) == 8  # two of ten editorials held out, whole


def test_vader_reads_the_texts_it_is_given_and_the_rest_the_masked_ones():
    from analysis.text.vader import score_vader_parts

    masked, written = ["_name_ was a great help."], ["HOPE was a great help."]
    features = compute_dense_features(masked, RECIPE, written)
    np.testing.assert_array_equal(features[:, :4], score_vader_parts(written))
    # the compound's signed square (column 4) is VADER's too; the lexicon features read the masked
    np.testing.assert_array_equal(features[:, 5:], compute_dense_features(masked, RECIPE)[:, 5:])
    assert not np.array_equal(features[:, :4], score_vader_parts(masked))
