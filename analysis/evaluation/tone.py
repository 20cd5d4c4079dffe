"""Score sentence tone and tone toward a person against human ratings.

- **vader_nyt** (Hutto & Gilbert 2014): NYT editorial sentences with the mean
  rating of about 20 people (−4..+4). Pearson r between each method's score and
  the mean, and 3-class macro F1, where the gold class of a sentence is negative
  at a mean ≤ −0.5, positive at ≥ 0.5, neutral between (the mean rounds to a
  non-neutral point of the raters' integer scale), and the predicted class uses
  the thresholds of :data:`analysis.tone.score.THRESHOLDS`. The calibrated model was
  fitted on the development rows, so it is scored there only out of fold (the
  recipe refitted on 4/5 of those rows, predicting the other 1/5, folds grouped by
  editorial: :func:`analysis.tone.model.group_by_editorial`); rows whose ids
  the model never saw (a held-out part) are scored with the committed model.
- **newsmtsc** (Hamborg & Donnay 2021): the sentiment of a sentence toward one
  person mentioned in it (negative, neutral, positive). The kit's actor-tone
  method gives a mention the tone of the voice part it stands in (authorial or
  quoted; :func:`analysis.tone.score.extract_voice_parts`); the whole-sentence score is
  reported beside it. Macro F1 and accuracy over targets, per split file. The target-tone model
  (:mod:`analysis.tone.targets`) is scored on the same targets (:func:`score_target_model`).
- **basil** (Fan et al. 2019): the author's feeling toward each main entity of an article,
  against the kit's ``actor_tone.csv`` on the BASIL articles
  (:mod:`analysis.evaluation.actor_tone`).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable

import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, f1_score

from analysis.resources.datasets import locate_dataset
from analysis.resources.readers import read_newsmtsc, read_vader_nyt
from analysis.stats.keys import hash_text
from analysis.text.quotes import find_quotations, find_voice_ranges
from analysis.text.vader import score_vader
from analysis.tone.model import (
    SCALE,
    ToneModel,
    cross_validate_tone_model,
    group_by_editorial,
    load_tone_model,
    read_auxiliary_rows,
)
from analysis.tone.score import THRESHOLDS, classify_tone, extract_voice_parts
from analysis.tone.targets import (
    TargetToneModel,
    cross_validate_target_model,
    list_targets,
    load_target_model,
)

CLASSES = ["negative", "neutral", "positive"]
GOLD_THRESHOLD = 0.5
"""Distance of the mean human rating (−4..+4) from 0 at which a sentence is not neutral."""
TARGET_PEARSON_R = 0.60
"""The issue's target for the calibrated model on vader_nyt sentences it never saw."""
TARGET_MACRO_F1 = 0.62
"""The issue's target for the target-tone model on NewsMTSC targets it never saw."""
BASELINES = {"vader_pearson_r": 0.492, "human_pearson_r": 0.745, "newsmtsc_macro_f1": 0.825}
"""VADER and one human rater against the mean of 20 (Hutto & Gilbert 2014); the best
NewsMTSC model on its multi-target set (Hamborg & Donnay 2021)."""


def score_vader_nyt(
    rows: list[dict], model: ToneModel, auxiliary: tuple[list[str], np.ndarray] | None = None
) -> pd.DataFrame:
    """Every rated NYT sentence scored by VADER and by the tone model; ``auxiliary``: the rows
    of the model's recipe beside the NYT sentences
    (:func:`analysis.tone.model.read_auxiliary_rows`), which join every fold's training side
    when the fitted rows are scored out of fold.

    Returns
    -------
    A new DataFrame, one row per rated sentence:

    - ``id``: the sentence's id in the set
    - ``rating``: the mean human rating (−4..+4)
    - ``split``: "fitted" for rows the model was fitted on (their ``model`` score is out of fold),
      "unseen" for the others
    - ``gold``: the rating's class (negative, neutral, positive)
    - ``vader``: VADER's compound score
    - ``model``: the tone model's score
    """
    table = pd.DataFrame(rows, columns=["id", "rating", "text"])
    seen = set(model.training_ids)
    table["split"] = np.where(table["id"].isin(seen), "fitted", "unseen")
    table["gold"] = classify_tone(table["rating"].to_numpy() / SCALE, GOLD_THRESHOLD / SCALE)
    table["vader"] = score_vader(list(table["text"]))
    table["model"] = np.nan
    fitted = table["split"] == "fitted"
    if fitted.any():
        table.loc[fitted, "model"] = cross_validate_tone_model(
            list(table.loc[fitted, "text"]),
            table.loc[fitted, "rating"].to_numpy(),
            group_by_editorial(list(table.loc[fitted, "id"])),
            auxiliary=auxiliary,
            recipe=model.recipe,
        )
    if (~fitted).any():
        table.loc[~fitted, "model"] = model.predict(list(table.loc[~fitted, "text"]))
    return table.drop(columns="text")


def summarise_ratings(table: pd.DataFrame) -> dict:
    """Per split: rows, and for VADER and the model Pearson r and macro F1."""
    results = {}
    for split, frame in table.groupby("split", sort=True):
        entry = {"rows": len(frame)}
        for method in ("vader", "model"):
            predicted = classify_tone(frame[method].to_numpy(), THRESHOLDS[method])
            entry[method] = {
                "pearson_r": round(float(np.corrcoef(frame[method], frame["rating"])[0, 1]), 4)
                if len(frame) > 2
                else None,
                "macro_f1": round(
                    float(
                        f1_score(
                            frame["gold"],
                            predicted,
                            labels=CLASSES,
                            average="macro",
                            zero_division=0,
                        )
                    ),
                    4,
                ),
            }
        entry["model_scored"] = (
            "out of fold (5-fold refits of the recipe, folds grouped by editorial)"
            if split == "fitted"
            else "committed model"
        )
        results[split] = entry
    return results


def score_targets(rows: list[dict], scorer: Callable[[list], np.ndarray]) -> pd.DataFrame:
    """Every NewsMTSC target, scored by the whole sentence and by the voice part that holds it.

    Returns
    -------
    A new DataFrame, one row per target:

    - ``gold``: its polarity (negative, neutral, positive)
    - ``voice``: the voice of the mention (authorial or quoted)
    - ``sentence``: the score of the whole sentence
    - ``part``: the score of the mention's voice part
    """
    records, sentences, parts = [], [], []
    for row in rows:
        text = row["sentence"]
        ranges = find_voice_ranges(text, find_quotations(text))
        split_parts = extract_voice_parts(text, 0, len(text), ranges)
        for target in row["targets"]:
            voice = next((v for s, e, v in ranges if s <= target["from"] < e), "authorial")
            records.append({"gold": target["polarity"], "voice": voice})
            sentences.append(text)
            parts.append(split_parts[voice] or text)
    table = pd.DataFrame(records, columns=["gold", "voice"])
    unique = sorted(set(sentences) | set(parts))
    scores = dict(zip(unique, scorer(unique)))
    table["sentence"] = [scores[s] for s in sentences]
    table["part"] = [scores[p] for p in parts]
    return table


def summarise_targets(table: pd.DataFrame, threshold: float) -> dict:
    """Macro F1 and accuracy of the whole-sentence and the voice-part scores."""
    entry = {"targets": len(table), "quoted_mentions": int((table["voice"] == "quoted").sum())}
    for method in ("sentence", "part"):
        predicted = classify_tone(table[method].to_numpy(), threshold)
        entry[method] = {
            "macro_f1": round(
                float(
                    f1_score(
                        table["gold"], predicted, labels=CLASSES, average="macro", zero_division=0
                    )
                ),
                4,
            ),
            "accuracy": round(float(accuracy_score(table["gold"], predicted)), 4),
        }
    return entry


def score_target_model(rows: list[dict], model: TargetToneModel) -> dict:
    """Macro F1 and accuracy of the target-tone model on NewsMTSC rows.

    Targets in sentences the model never saw are scored by the committed model. Those in sentences
    it was fitted on are scored out of fold, the recipe refitted with folds grouped by source
    article (:func:`analysis.tone.targets.cross_validate_target_model`); when they are the model's
    whole training file, the figure recorded at fitting is reported instead of computing it again,
    and when they come from fewer articles than the recipe has folds (a sentence a test file shares
    with the training file), they are left out and counted (``left_out``): no target is scored by
    a model that saw its sentence.
    """
    contexts, labels, groups = list_targets(rows)
    seen = set(model.training_hashes)
    fitted = np.array([hash_text(c.sentence) in seen for c in contexts], dtype=bool)
    entry = {"targets": len(contexts), "fitted": int(fitted.sum()), "left_out": 0}
    if fitted.all() and len(seen) == len({c.sentence for c in contexts}):
        entry["rows_scored"] = "fitted (out of fold, grouped by article, recorded at fitting)"
        entry["macro_f1"] = model.provenance.get("cross_validated_macro_f1")
        entry["accuracy"] = None
        return entry
    predicted = np.empty(len(contexts), dtype=object)
    scored = ~fitted
    inside = np.flatnonzero(fitted)
    if len({groups[i] for i in inside}) >= model.recipe["folds"]:
        predicted[inside] = cross_validate_target_model(
            [contexts[i] for i in inside], [labels[i] for i in inside], [groups[i] for i in inside]
        )
        scored = np.ones(len(contexts), dtype=bool)
    else:
        entry["left_out"] = len(inside)
    outside = np.flatnonzero(~fitted)
    if len(outside):
        predicted[outside] = model.predict([contexts[i] for i in outside])
    entry["rows_scored"] = "fitted (out of fold) and unseen" if scored[fitted].any() else "unseen"
    gold = [labels[i] for i in np.flatnonzero(scored)]
    made = list(predicted[scored])
    entry["macro_f1"] = round(
        float(f1_score(gold, made, labels=CLASSES, average="macro", zero_division=0)), 4
    )
    entry["accuracy"] = round(float(accuracy_score(gold, made)), 4)
    return entry


def validate(data_home, report: Callable[[str], None]) -> dict:
    """Score tone on every gold set present; print lines through ``report``."""
    results: dict = {}
    model = load_tone_model()
    ratings = tone_validation_table(data_home)
    if ratings is not None:
        results["vader_nyt"] = summarise_ratings(ratings)
        for split, entry in results["vader_nyt"].items():
            report(
                f"vader_nyt [{split}, {entry['rows']} sentences]: "
                f"VADER r {entry['vader']['pearson_r']}, macro F1 {entry['vader']['macro_f1']}; "
                f"model ({entry['model_scored']}) r {entry['model']['pearson_r']}, macro F1 "
                f"{entry['model']['macro_f1']}"
            )
        ablation = ablate_tone_recipe(data_home, ratings)
        results["vader_nyt_ablation"] = [] if ablation is None else ablation.to_dict("records")
        if results["vader_nyt_ablation"]:
            report(
                "vader_nyt tone model's recipe, out of fold on its fitted rows (folds grouped by "
                "editorial): "
                + "; ".join(
                    f"{r['variant']} r {r['pearson_r']}, macro F1 {r['macro_f1']}"
                    for r in results["vader_nyt_ablation"]
                )
            )
    folder = locate_dataset("newsmtsc", data_home)
    if folder is not None:
        target_model = load_target_model()
        results["newsmtsc"] = {}
        for split, rows in read_newsmtsc(folder).items():
            entry = {}
            for name, scorer in (("vader", score_vader), ("model", model.predict)):
                entry[name] = summarise_targets(score_targets(rows, scorer), THRESHOLDS[name])
            entry["target_model"] = score_target_model(rows, target_model)
            entry["model"]["fitted_on"] = fitted_on_newsmtsc(model, split)
            results["newsmtsc"][split] = entry
            report(
                f"newsmtsc [{split}, {entry['vader']['targets']} targets, "
                f"{entry['vader']['quoted_mentions']} in quoted voice]: "
                f"macro F1 target model {entry['target_model']['macro_f1']} "
                f"({entry['target_model']['rows_scored']}"
                + (
                    f"; {entry['target_model']['left_out']} targets left out: the model was "
                    "fitted on their sentences"
                    if entry["target_model"]["left_out"]
                    else ""
                )
                + "); "
                f"VADER voice part {entry['vader']['part']['macro_f1']} (sentence "
                f"{entry['vader']['sentence']['macro_f1']}), "
                f"tone model voice part {entry['model']['part']['macro_f1']} (sentence "
                f"{entry['model']['sentence']['macro_f1']}"
                + (
                    "; the tone model was fitted on these sentences, as auxiliary rows: not an "
                    "unseen figure)"
                    if entry["model"]["fitted_on"]
                    else ")"
                )
            )
    folder = locate_dataset("basil", data_home)
    if folder is not None:
        from analysis.evaluation.actor_tone import (
            compare_within_events,
            score_basil_actor_tone,
            summarise_basil_actor_tone,
        )

        scored = score_basil_actor_tone(folder)
        entry = summarise_basil_actor_tone(scored)
        entry["within_events"] = compare_within_events(scored)
        results["basil_actor_tone"] = entry
        report(
            f"basil actor tone [{entry['pairs']} article–entity pairs, {entry['unscored']} "
            "never named in the author's voice]: Spearman rho with the author's feeling "
            + ", ".join(
                f"{m} {entry[m]['spearman_rho']} (direction balanced "
                f"{entry[m]['direction_balanced']})"
                for m in ("target", "vader", "model")
            )
        )
        within = entry["within_events"]
        report(
            f"basil actor tone within events [{within['target']['pairs']} pairs of articles "
            f"of one event read differently toward the same entity, "
            f"{within['target']['events']} events]: share in the annotators' order (chance 0.5) "
            + ", ".join(f"{m} {within[m]['in_order']}" for m in ("target", "vader", "model"))
        )
    return results


def fitted_on_newsmtsc(model: ToneModel, split: str) -> bool:
    """Whether the tone model was fitted on the sentences of NewsMTSC's ``split`` (its recipe's
    auxiliary rows)."""
    spec = model.recipe.get("auxiliary") or {}
    return spec.get("dataset") == "newsmtsc" and spec.get("split") == split


def tone_validation_table(data_home=None) -> pd.DataFrame | None:
    """:func:`score_vader_nyt` on the data home's ``vader_nyt``, or None when it is not there.

    When the committed model's recipe names auxiliary rows that are not in the data home, the
    fitted rows are scored out of fold without them, with a warning.

    Returns
    -------
    A new DataFrame, or None when the data home has no ``vader_nyt``:

    - ``id``, ``rating``, ``split``, ``gold``, ``vader``, ``model``: as in :func:`score_vader_nyt`
    """
    folder = locate_dataset("vader_nyt", data_home)
    if folder is None:
        return None
    model = load_tone_model()
    return score_vader_nyt(read_vader_nyt(folder), model, read_auxiliary(model.recipe, data_home))


def read_auxiliary(recipe: dict, data_home=None) -> tuple[list[str], np.ndarray] | None:
    """The auxiliary rows of ``recipe`` from the data home; None, with a warning naming the data
    set, when the recipe has some that the data home lacks."""
    found = read_auxiliary_rows(recipe, data_home)
    spec = recipe.get("auxiliary")
    if found is None and spec:
        warnings.warn(
            f"{spec['dataset']} ({spec['split']}) is not in the data home: the tone model's "
            "out-of-fold figures are of its recipe without those auxiliary rows",
            stacklevel=2,
        )
    return None if found is None else found[0]


ABLATIONS = {
    "recipe": {},
    "without Pattern": {"pattern": False},
    "without negation features": {"negation": False},
    "without the NewsMTSC rows": {"auxiliary": None},
    "without name masking (names learnt)": {"mask_names": False},
    "the recipe before issue 32": {"negation": False, "mask_names": False, "auxiliary": None},
}
"""The tone model's recipe and the variants :func:`ablate_tone_recipe` scores: each the recipe
with these settings changed."""


def ablate_tone_recipe(
    data_home=None, validation: pd.DataFrame | None = None
) -> pd.DataFrame | None:
    """Out-of-fold figures of the committed model's recipe and of each variant of
    :data:`ABLATIONS` on the ``vader_nyt`` rows the model was fitted on (folds grouped by
    editorial); None without ``vader_nyt`` or without as many of those rows as folds.

    What a part of the recipe earns: its Pearson r against the variant without it. What it costs
    in time is measured by ``benchmarks/tone.py``. ``validation``: the table of
    :func:`tone_validation_table`, whose out-of-fold scores are the recipe's row (computed again
    when None).

    Returns
    -------
    A new DataFrame, one row per variant:

    - ``variant``: its name in :data:`ABLATIONS`
    - ``pearson_r``, ``macro_f1``: against the mean human rating, out of fold
    """
    folder = locate_dataset("vader_nyt", data_home)
    if folder is None:
        return None
    model = load_tone_model()
    fitted = set(model.training_ids)
    rows = [r for r in read_vader_nyt(folder) if r["id"] in fitted]
    if len(rows) < model.recipe["folds"]:
        return None  # the data home holds no rows the model was fitted on: nothing to refit
    texts = [r["text"] for r in rows]
    ratings = np.array([r["rating"] for r in rows])
    gold = classify_tone(ratings / SCALE, GOLD_THRESHOLD / SCALE)
    groups = group_by_editorial([r["id"] for r in rows])
    records = []
    for name, change in ABLATIONS.items():
        recipe = {**model.recipe, **change}
        if not change and validation is not None:
            scores = validation.set_index("id").loc[[r["id"] for r in rows], "model"].to_numpy()
        else:
            auxiliary = read_auxiliary(recipe, data_home) if recipe.get("auxiliary") else None
            scores = cross_validate_tone_model(texts, ratings, groups, auxiliary, recipe)
        predicted = classify_tone(scores, THRESHOLDS["model"])
        records.append(
            {
                "variant": name,
                "pearson_r": round(float(np.corrcoef(scores, ratings)[0, 1]), 4),
                "macro_f1": round(
                    float(
                        f1_score(gold, predicted, labels=CLASSES, average="macro", zero_division=0)
                    ),
                    4,
                ),
            }
        )
    return pd.DataFrame.from_records(records)


def tone_ablation_table(results: dict) -> pd.DataFrame:
    """The ablation of ``validate tone``'s results (what :func:`validate` computed with
    :func:`ablate_tone_recipe`), empty when they hold none.

    Returns
    -------
    A new DataFrame, one row per variant of :data:`ABLATIONS`:

    - ``variant``, ``pearson_r``, ``macro_f1``: as in :func:`ablate_tone_recipe`
    - ``r_given_up``: the recipe's Pearson r less the variant's: what the parts the variant
      leaves out earn
    """
    table = pd.DataFrame(
        results.get("vader_nyt_ablation", []), columns=["variant", "pearson_r", "macro_f1"]
    )
    recipe = table.loc[table["variant"] == "recipe", "pearson_r"]
    table["r_given_up"] = (recipe.iloc[0] - table["pearson_r"]).round(4) if len(recipe) else None
    return table
