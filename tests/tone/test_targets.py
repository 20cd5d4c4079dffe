"""Tone toward a target (analysis.tone.targets): the context read around a mention, the features,
the model's JSON form, and the committed model refitted byte for byte."""

from __future__ import annotations

import numpy as np
import pytest

from analysis.tone.targets import (
    CLASSES,
    DENSE_FEATURES,
    RECIPE,
    TargetToneModel,
    attribution_cue_words,
    build_target_model,
    compute_target_features,
    cross_validate_target_model,
    describe_target,
    fit_target_model,
    list_targets,
    load_target_model,
    make_target_documents,
    target_model_path,
)
from tests.refits import assert_refit_matches


def _mention(sentence: str, mention: str):
    start = sentence.index(mention)
    return describe_target(sentence, start, start + len(mention))


@pytest.mark.parametrize(
    ("sentence", "mention", "left", "right", "clause", "quoted"),
    [
        (
            "Critics slammed Smith, but Jones praised the plan.",
            "Jones",
            ("Critics", "slammed", "Smith", "but"),
            ("praised", "the", "plan"),
            "praised the plan.",
            False,
        ),
        # the clause runs from the last break before the mention to the first after it
        (
            "Critics slammed Smith, but Jones praised the plan.",
            "Smith",
            ("Critics", "slammed"),
            ("but", "Jones", "praised", "the", "plan"),
            "Critics slammed",
            False,
        ),
        (
            '"Lee is a fraud," Park said.',
            "Lee",
            (),
            ("is", "a", "fraud", "Park", "said"),
            '" is a fraud',
            True,
        ),
    ],
)
def test_the_context_of_a_mention(sentence, mention, left, right, clause, quoted):
    context = _mention(sentence, mention)
    assert (context.left, context.right, " ".join(context.clause.split()), context.quoted) == (
        left,
        right,
        clause,
        quoted,
    )


def test_the_window_is_tagged_by_side_and_the_mention_is_left_out():
    context = _mention("Critics slammed Smith, but Jones praised the plan.", "Jones")
    documents = make_target_documents([context], window=2)
    assert documents["window"] == ["l_smith l_but r_praised r_the"]
    assert "Jones" not in documents["clause"][0]


@pytest.mark.parametrize(
    ("sentence", "mention", "window"),
    [
        (
            "Critics slammed Smith, but Jones praised the plan.",
            "Jones",
            "l_slammed l__name_ l_but r_praised r_the r_plan",
        ),
        ("Smith and Jones met.", "Jones", "l__name_ l_and r_met"),  # the first word: not known
        ("The aide of Jones spoke.", "Jones", "l_the l_aide l_of r_spoke"),  # known: kept
        ("A plan, Jones SAID, failed.", "Jones", "l_a l_plan r_said r_failed"),
    ],
)
def test_the_window_hides_names_with_a_known_set(sentence, mention, window):
    documents = make_target_documents([_mention(sentence, mention)], 3, {"the", "said"})
    assert documents["window"] == [window]
    assert "Smith" not in documents["clause"][0]


def test_the_dense_features_have_the_documented_columns():
    contexts = [
        _mention("A cruel storm hit Smith on Monday.", "Smith"),
        _mention("Smith did not fail, Jones said.", "Jones"),
    ]
    features = compute_target_features(contexts, 6, attribution_cue_words())
    assert features.shape == (2, len(DENSE_FEATURES))
    named = dict(zip(DENSE_FEATURES, features[0]))
    assert named["vader_left"] < 0 and named["negative_left"] < 0  # "cruel"
    assert named["opens_sentence"] == 0.0 and named["beside_attribution_verb"] == 0.0
    assert named["quoted"] == 0.0 and named["sentence_has_quotation"] == 0.0
    named = dict(zip(DENSE_FEATURES, features[1]))
    assert named["negation_near"] == 1.0 and named["beside_attribution_verb"] == 1.0


SENTENCES = [
    ("{} was praised for a wonderful, generous plan.", "positive"),
    ("{} was condemned for a cruel, disastrous failure.", "negative"),
    ("{} met the delegation on Tuesday.", "neutral"),
]
NAMES = ["Ann Lee", "Bo Park", "Cy Diaz", "Di Khan", "Ed Roy", "Flo Sims", "Gus Tan", "Hal Ode"]


def _training():
    rows = []
    for k, name in enumerate(NAMES):
        for template, label in SENTENCES:
            sentence = template.format(name)
            rows.append(
                {
                    "sentence": sentence,
                    "gid": f"set_{k}_{k}_1",
                    "targets": [{"from": 0, "to": len(name), "polarity": label}],
                }
            )
    return list_targets(rows)


def test_a_fitted_model_reads_the_context_and_survives_json():
    contexts, labels, groups = _training()
    assert len(set(groups)) == len(NAMES)
    model = fit_target_model(contexts, labels, {"dataset": "made up"})
    new = [
        _mention("Zed Quin was praised for a generous plan.", "Zed Quin"),
        _mention("Zed Quin was condemned for a disastrous failure.", "Zed Quin"),
    ]
    assert list(model.predict(new)) == ["positive", "negative"]
    assert np.allclose(model.predict_proba(new).sum(axis=1), 1.0)
    score = model.score(new)
    assert score[0] > 0 > score[1] and np.all(np.abs(score) <= 1)
    again = TargetToneModel.from_json(model.to_json())
    assert again.to_json() == model.to_json()
    assert (
        model.provenance["targets"] == len(contexts) and model.provenance["dataset"] == "made up"
    )
    assert len(model.predict_proba([])) == 0


def test_cross_validation_keeps_an_article_on_one_side():
    contexts, labels, groups = _training()
    predicted = cross_validate_target_model(contexts, labels, groups)
    assert set(predicted) <= set(CLASSES) and len(predicted) == len(contexts)


def test_the_committed_model_records_its_provenance():
    model = load_target_model()
    assert model.provenance["dataset"] == "newsmtsc" and model.provenance["split"] == "train"
    assert model.provenance["cross_validated_macro_f1"] > 0.6
    assert model.recipe == RECIPE
    praised, condemned = model.score(
        [
            _mention("Voters praised Ann Lee for her honest, brave work.", "Ann Lee"),
            _mention("Voters condemned Ann Lee for her corrupt, shameful work.", "Ann Lee"),
        ]
    )
    assert praised > condemned
    named = model.score(
        [_mention(f"{n} attacked Ann Lee again.", "Ann Lee") for n in ("Smith", "Obama", "Xi")]
    )
    assert len(set(named)) == 1  # whoever else is named, the same tone toward the target
    assert "the" in model.known_words and "_name_" not in model.known_words


def test_make_models_refits_the_committed_target_model(data_home):
    if not (data_home / "newsmtsc" / "train.jsonl").is_file():
        pytest.skip("newsmtsc is not in the data home")
    committed = load_target_model()
    refitted = build_target_model(data_home)
    if refitted.training_hashes != committed.training_hashes:
        pytest.skip("the data home's newsmtsc train rows are not the ones the model was fitted on")
    assert_refit_matches(refitted.to_json(), target_model_path().read_text(encoding="utf-8"))
