"""Every measure's headline validation figure beside its published baseline and target.

:func:`run_all` calls each measure's ``validate`` (the ones ``python -m
analysis validate`` prints); :func:`summarise_validation` picks the headline
figures from their results, one function per measure, and sets them beside the
published reference point each is judged against. Published figures are
constants with their source; every kit figure is computed on the gold data.
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from analysis.evaluation import MEASURES
from analysis.evaluation.cache import validate_cached

OVERVIEW_COLUMNS = [
    "measure",
    "dataset",
    "split",
    "method",
    "metric",
    "kit",
    "baseline",
    "baseline_source",
    "target",
]


def run_all(data_home=None, report: Callable[[str], None] = print) -> dict[str, object]:
    """Each measure's validation results, keyed by measure (see
    ``analysis.evaluation.<measure>.validate``), read back when the notebooks before have computed
    them (:func:`analysis.evaluation.cache.validate_cached`)."""
    return {m: validate_cached(m, data_home, report) for m in MEASURES}


def _segmentation(results: dict) -> list[tuple]:
    from analysis.evaluation.segmentation import BASELINES, TARGETS

    rows = []
    rules = results.get("pysbd_golden_rules_en", {}).get("all")
    if rules:
        rows.append(
            (
                "pysbd_golden_rules_en",
                "all",
                "kit",
                "share of cases passed",
                rules["pass_rate"],
                BASELINES["pysbd_pass_rate"],
                "pySBD on its own rules (Sadvilkar & Neumann 2020)",
                TARGETS["golden_rules_pass_rate"],
            )
        )
        rows.append(
            (
                "pysbd_golden_rules_en",
                "all",
                "Punkt (NLTK)",
                "share of cases passed",
                rules["baseline_punkt"]["pass_rate"],
                None,
                "",
                None,
            )
        )
    wsj = results.get("nltk_treebank_wsj_sample", {}).get("all")
    if wsj:
        rows.append(
            (
                "nltk_treebank_wsj_sample",
                "all",
                "kit",
                "boundary F1",
                wsj["all_boundaries"]["f1"],
                wsj["baseline_punkt"]["all_boundaries"]["f1"],
                "Punkt (NLTK) on the same files",
                TARGETS["wsj_f1"],
            )
        )
    return rows


def _tone(results: dict) -> list[tuple]:
    from analysis.evaluation.tone import BASELINES, TARGET_MACRO_F1, TARGET_PEARSON_R

    rows = []
    for split, entry in results.get("vader_nyt", {}).items():
        rows.append(
            (
                "vader_nyt",
                split,
                "VADER",
                "Pearson r with the human mean",
                entry["vader"]["pearson_r"],
                BASELINES["vader_pearson_r"],
                "VADER (Hutto & Gilbert 2014)",
                None,
            )
        )
        rows.append(
            (
                "vader_nyt",
                split,
                f"model ({entry['model_scored']})",
                "Pearson r with the human mean",
                entry["model"]["pearson_r"],
                BASELINES["human_pearson_r"],
                "one human rater against the mean (Hutto & Gilbert 2014)",
                TARGET_PEARSON_R,
            )
        )
    basil = results.get("basil_actor_tone")
    for measure in ("target", "vader", "model") if basil else ():
        rows.append(
            (
                "basil",
                "development",
                f"actor tone ({measure}; {basil[measure]['scored']} of {basil['pairs']} pairs)",
                "Spearman rho with the author's feeling",
                basil[measure]["spearman_rho"],
                None,
                "",
                None,
            )
        )
    within = basil.get("within_events", {}) if basil else {}
    for measure, figures in within.items():
        rows.append(
            (
                "basil",
                "development",
                f"actor tone within events ({measure}; {figures['pairs']} pairs of articles)",
                "share of pairs in the annotators' order",
                figures["in_order"],
                0.5,
                "chance",
                None,
            )
        )
    for split, entry in results.get("newsmtsc", {}).items():
        target = entry.get("target_model")
        if target is not None and target["macro_f1"] is not None:
            rows.append(
                (
                    "newsmtsc",
                    split,
                    f"target model ({target['rows_scored']})",
                    "macro F1 toward the target",
                    target["macro_f1"],
                    BASELINES["newsmtsc_macro_f1"],
                    "fine-tuned transformer (Hamborg & Donnay 2021)",
                    TARGET_MACRO_F1,
                )
            )
        for method in ("vader", "model"):
            rows.append(
                (
                    "newsmtsc",
                    split,
                    (
                        f"{method} (voice part; fitted on these sentences)"
                        if entry[method].get("fitted_on")
                        else f"{method} (voice part)"
                    ),
                    "macro F1 toward the target",
                    entry[method]["part"]["macro_f1"],
                    BASELINES["newsmtsc_macro_f1"],
                    "fine-tuned transformer (Hamborg & Donnay 2021)",
                    None,
                )
            )
    return rows


def _hedging(results: list[dict]) -> list[tuple]:
    from analysis.evaluation.hedging import BASELINE_F1, TARGET_F1

    rows = []
    for r in results:
        if r["dataset"] == "wikiweasel":
            rows.append(
                (
                    "wikiweasel",
                    r["split"],
                    f"{r['method']} ({r['rows_scored']})",
                    "F1 of the uncertain class",
                    r["f1"],
                    BASELINE_F1,
                    "CoNLL-2010 Wikipedia systems, top of 0.55-0.60",
                    TARGET_F1 if r["method"] == "model" else None,
                )
            )
        elif r["dataset"] == "handcheck":
            rows.append(_handcheck_row(r))
        else:
            rows.append(
                (
                    r["dataset"],
                    "all",
                    "rules",
                    "cue precision",
                    r["precision"],
                    None,
                    "out of domain: no baseline",
                    None,
                )
            )
    return rows


def _loaded(results: list[dict]) -> list[tuple]:
    from analysis.evaluation.loaded import BASELINE_MACRO_F1, TARGETS

    rows = []
    for r in results:
        if r["dataset"] == "babe" and r.get("level") != "word" and "macro_f1" in r:
            rows.append(
                (
                    "babe",
                    r["split"],
                    f"{r['method']} ({r['rows_scored']})",
                    "macro F1, biased or not",
                    r["macro_f1"],
                    BASELINE_MACRO_F1,
                    "fine-tuned transformers (Spinde et al. 2021)",
                    TARGETS.get(r["method"]) if r["split"] == "test" else None,
                )
            )
        elif r["dataset"] == "basil":
            rows.append(
                (
                    "basil",
                    "all",
                    r.get("layers", ""),
                    "token F1 on lexical-bias spans",
                    r["f1"],
                    None,
                    "no agreed benchmark",
                    None,
                )
            )
        elif r["dataset"] == "handcheck":
            rows.append(_handcheck_row(r))
    return rows


def _handcheck_row(r: dict) -> tuple:
    from analysis.evaluation.handcheck import TARGET_RIGHT_SHARE

    method = {"loaded": "lexicon", "hedging": "rules", "stances": "stance rules"}.get(
        r.get("check_of", ""), "rules"
    )
    return (
        "basil (hand check)",
        r["check"],
        method,
        f"share of {r['hits']} hits judged right",
        r["right_share"],
        None,
        "one person's reading of a seeded sample",
        TARGET_RIGHT_SHARE,
    )


def _sources(results: list[dict]) -> list[tuple]:
    from analysis.evaluation.sources import BASELINES, targets_for

    rows = []
    for r in results:
        if r["dataset"] == "handcheck":
            rows.append(_handcheck_row(r))
            continue
        targets = targets_for(r)
        scope = (
            "all gold attributions" if r["gold_filter"] == "none" else "speech-verb attributions"
        )
        scope += (
            ", kit's words and stances"
            if r.get("attributions") == "words_and_stances"
            else ", kit's words"
        )
        scope = scope if r["dataset"] == "polnear" else "hand-coded, every statement"
        rows.append(
            (
                r["dataset"],
                r["split"],
                "kit",
                f"quote F1 (gold covered > 30%), {scope}",
                r["quote_f1_cover30"],
                BASELINES["quote_f1_cover30"],
                "Gender Gap Tracker (Asr et al. 2021)",
                targets["quote_f1_cover30"],
            )
        )
        rows.append(
            (
                r["dataset"],
                r["split"],
                "kit",
                f"speaker accuracy, {scope}",
                r["speaker_accuracy_cover30"],
                BASELINES["speaker_accuracy"],
                "Gender Gap Tracker (Asr et al. 2021)",
                targets["speaker_accuracy_cover30"],
            )
        )
    return rows


def _across(results: list[dict]) -> list[tuple]:
    from analysis.evaluation.across import TARGETS

    rows = []
    for r in results:
        if r["check"] == "planted" and r["change"] == "all":
            rows.append(
                (
                    r["dataset"],
                    "all",
                    "kit",
                    "planted-change recall",
                    r["recall"],
                    None,
                    "planted changes: no published baseline",
                    TARGETS["recall"],
                )
            )
        elif r["check"] == "informational":
            rows.append(
                (
                    r["dataset"],
                    "all",
                    "kit",
                    "informational-bias spans in unique claims",
                    r["share_unique"],
                    r["sentences_share_unique"],
                    "base rate: all sentences in unique claims",
                    None,
                )
            )
    return rows


EXTRACTORS: dict[str, Callable] = {
    "segmentation": _segmentation,
    "tone": _tone,
    "hedging": _hedging,
    "loaded": _loaded,
    "sources": _sources,
    "across": _across,
}


def summarise_validation(results: dict[str, object]) -> pd.DataFrame:
    """One row per headline figure: the kit's value, the baseline it is read against and the
    target.

    Parameters
    ----------
    results : :func:`run_all` (a measure may be missing).

    Returns
    -------
    A new DataFrame with :data:`OVERVIEW_COLUMNS` and ``met``, one row per headline figure:

    - ``measure``, ``dataset``, ``split``, ``method``, ``metric``: what the figure is
    - ``kit``: the kit's value
    - ``baseline``, ``baseline_source``: the published or computed baseline and where it comes from
      (NaN and "" where none applies)
    - ``target``: the issue's target (NaN where none applies)
    - ``met``: "yes" or "no" for ``kit`` against ``target`` ("" without a target)
    """
    rows = []
    for measure in MEASURES:
        if results.get(measure):
            rows += [(measure, *row) for row in EXTRACTORS[measure](results[measure])]
    table = pd.DataFrame(rows, columns=OVERVIEW_COLUMNS)
    for column in ("kit", "baseline", "target"):
        table[column] = pd.to_numeric(table[column], errors="coerce").round(4)
    table["met"] = [
        ("yes" if k >= t else "no") if pd.notna(t) else ""
        for k, t in zip(table["kit"], table["target"])
    ]
    return table
