"""Validation of loaded terms against human annotation (``python -m analysis validate loaded``).

- ``babe`` (Spinde et al. 2021): sentences labelled biased or non-biased by
  experts, with the words they marked as biased. Rows are split by a hash of
  their text (:func:`analysis.resources.datasets.split_by_hash`): one in five is ``test``.
  Sentence level, macro F1 (the mean of both classes' F1, as BABE is scored):

  * the lexicon score (:func:`analysis.loaded.terms.score_loaded`): one threshold,
    chosen on the development split (:func:`choose_score_threshold`) and
    recorded as :data:`analysis.loaded.terms.SCORE_THRESHOLD`, scored on test; the
    VADER layer alone and both layers are scored the same way beside it
    (:data:`THRESHOLDS`);
  * the classifier (:mod:`analysis.loaded.model`, fitted by ``make models`` on
    the development split), scored on sentences it never saw; development
    sentences it was fitted on are scored out of fold.

  Word level: precision and recall of the words of lexicon hits against the
  annotated biased words of the same sentence.
- ``basil`` (Fan et al. 2019): token-level precision, recall and F1 of the
  tokens inside loaded-term hits against the tokens inside the lexical
  ("lex") bias spans. BASIL annotates only the spans its annotators judged
  biased toward a main entity; a loaded word elsewhere counts as a false alarm.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.loaded.model import LoadedModel
from analysis.loaded.terms import (
    NAMING,
    SCORE_THRESHOLD,
    LoadedTerm,
    count_loaded,
    find_loaded_terms,
)
from analysis.resources.datasets import locate_dataset, split_by_hash
from analysis.resources.news_sets import read_basil
from analysis.resources.readers import read_babe
from analysis.stats.classifier import predict_rows, score_f1

TARGETS = {"lexicon": 0.62, "model": 0.72}
"""The issue's targets of macro F1 on BABE sentences the kit never saw."""
BASELINE_MACRO_F1 = 0.80
"""Fine-tuned transformers on BABE (Spinde et al. 2021)."""

SCORES = {"lexicon": ("lexicon",), "vader": ("vader",), "lexicon+vader": ("lexicon", "vader")}
"""Score methods: the layers whose loaded hits each counts."""

THRESHOLDS = {"lexicon": SCORE_THRESHOLD, "vader": 1, "lexicon+vader": 2}
"""Each score method's threshold, chosen by :func:`choose_score_threshold` on the
BABE development split and recorded here; every split is scored with it, and
the threshold the development rows in the data home would choose is reported
beside it (``threshold_development``) so a drift shows."""

THRESHOLD_GRID = (1, 2, 3, 4, 5)

_WORD_RE = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def choose_score_threshold(
    scores: np.ndarray, labels: np.ndarray, grid: tuple[int, ...] = THRESHOLD_GRID
) -> int:
    """The threshold of ``grid`` with the best macro F1 of ``score >= threshold`` (lowest on
    ties)."""
    values = [score_f1(labels, (scores >= t).astype(int), "macro") for t in grid]
    return int(grid[int(np.argmax(values))])


def find_terms_once(texts) -> dict[str, list[LoadedTerm]]:
    """The loaded terms of each distinct text, found once for every score that reads them."""
    return {text: find_loaded_terms(text) for text in dict.fromkeys(texts)}


def score_babe(
    rows: list[dict], model: LoadedModel | None, terms: dict[str, list[LoadedTerm]] | None = None
) -> pd.DataFrame:
    """Every BABE sentence scored by each lexicon method of :data:`SCORES` and, when there is
    one, the model.

    ``terms``: the texts' :func:`find_terms_once`, when already found.

    Returns
    -------
    A new DataFrame, one row per sentence:

    - ``split``: ``development`` or ``test`` (:func:`analysis.resources.datasets.split_by_hash`)
    - ``label``: the experts' label (1 biased, 0 not)
    - ``lexicon``, ``vader``, ``lexicon+vader``: loaded hits each method counts (:data:`SCORES`)
    - ``model``: the model's label (−1 without a model)
    - ``model_rows``: "fitted" (scored out of fold), "unseen", or "none" without a fitted model
    """
    texts = [r["text"] for r in rows]
    terms = terms or find_terms_once(texts)
    frame = pd.DataFrame(
        {"split": [split_by_hash(t) for t in texts], "label": [r["label"] for r in rows]}
    )
    for method, layers in SCORES.items():
        frame[method] = [count_loaded(terms[t], layers) for t in texts]
    frame["model"] = -1
    frame["model_rows"] = "none"
    if model is not None and texts:
        frame["model"], frame["model_rows"] = predict_rows(model, texts, frame["label"].to_numpy())
    return frame


def _sentence_record(
    method: str,
    split: str,
    rows_scored: str,
    chosen: pd.DataFrame,
    predicted: np.ndarray,
    threshold,
    rechosen=None,
) -> dict:
    labels = chosen["label"].to_numpy()
    biased = predicted == 1
    return {
        "dataset": "babe",
        "method": method,
        "split": split,
        "rows_scored": rows_scored,
        "threshold": threshold,
        "threshold_development": rechosen,
        "sentences": len(chosen),
        "biased": int(labels.sum()),
        "macro_f1": score_f1(labels, predicted, "macro"),
        "precision_biased": float((labels[biased] == 1).mean()) if biased.any() else float("nan"),
        "recall_biased": float(biased[labels == 1].mean())
        if (labels == 1).any()
        else float("nan"),
    }


def summarise_babe(scores: pd.DataFrame, model_threshold: float | None = None) -> list[dict]:
    """Macro F1, precision and recall of the biased class per method and split.

    Each score method is applied with its recorded threshold (:data:`THRESHOLDS`);
    the threshold the development rows present would choose is given beside it
    (None without development rows). The model is reported on its unseen rows
    and, apart, on its fitted rows out of fold.
    """
    development = scores[scores["split"] == "development"]
    records = []
    for method in SCORES:
        rechosen = (
            choose_score_threshold(development[method].to_numpy(), development["label"].to_numpy())
            if len(development)
            else None
        )
        for split, chosen in scores.groupby("split", sort=True):
            predicted = (chosen[method].to_numpy() >= THRESHOLDS[method]).astype(int)
            records.append(
                _sentence_record(
                    method, split, "all", chosen, predicted, THRESHOLDS[method], rechosen
                )
            )
    for (split, rows_kind), chosen in scores[scores["model_rows"] != "none"].groupby(
        ["split", "model_rows"], sort=True
    ):
        label = "unseen" if rows_kind == "unseen" else "fitted (out of fold)"
        records.append(
            _sentence_record(
                "model", split, label, chosen, chosen["model"].to_numpy(), model_threshold
            )
        )
    return records


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORD_RE.findall(text)]


def score_babe_words(
    rows: list[dict],
    layers: tuple[str, ...] = ("lexicon",),
    terms: dict[str, list[LoadedTerm]] | None = None,
) -> dict:
    """Word-level precision and recall of loaded hits against each sentence's annotated biased
    words.

    A sentence's predicted words are the words of its loaded hits in ``layers``
    (``naming`` left out); its gold words are its ``biased_words``; both are
    lower-cased sets, compared sentence by sentence and summed.
    """
    terms = terms or find_terms_once(r["text"] for r in rows)
    predicted = gold = hits = 0
    for row in rows:
        mine = {
            w
            for t in terms[row["text"]]
            if t.layer in layers and t.category != NAMING
            for w in _words(t.text)
        }
        theirs = {w for phrase in row["biased_words"] for w in _words(phrase)}
        predicted, gold, hits = (
            predicted + len(mine),
            gold + len(theirs),
            hits + len(mine & theirs),
        )
    return {
        "dataset": "babe",
        "level": "word",
        "layers": "+".join(layers),
        "sentences": len(rows),
        "predicted_words": predicted,
        "gold_words": gold,
        "precision": hits / predicted if predicted else float("nan"),
        "recall": hits / gold if gold else float("nan"),
    }


def score_basil_tokens(
    articles: list[dict],
    layers: tuple[str, ...] = ("lexicon",),
    bias: str = "lex",
    terms: dict[str, list[LoadedTerm]] | None = None,
) -> dict:
    """Token-level precision, recall and F1 of loaded hits against BASIL's ``bias`` spans.

    Tokens are the words of every sentence; a token is gold when it overlaps a
    span of that bias type, predicted when it overlaps a loaded hit in ``layers``
    (``naming`` left out).
    """
    terms = terms or find_terms_once(s for article in articles for s in article["sentences"])
    predicted = gold = hits = sentences = 0
    for article in articles:
        spans: dict[int, list[tuple[int, int]]] = {}
        for span in article["spans"]:
            if span["bias"] == bias:
                spans.setdefault(span["sentence"], []).append((span["start"], span["end"]))
        for index, sentence in enumerate(article["sentences"]):
            sentences += 1
            marked = [
                (t.start, t.end)
                for t in terms[sentence]
                if t.layer in layers and t.category != NAMING
            ]
            for token in _WORD_RE.finditer(sentence):
                mine = any(s < token.end() and token.start() < e for s, e in marked)
                theirs = any(
                    s < token.end() and token.start() < e for s, e in spans.get(index, [])
                )
                predicted, gold, hits = predicted + mine, gold + theirs, hits + (mine and theirs)
    precision = hits / predicted if predicted else float("nan")
    recall = hits / gold if gold else float("nan")
    return {
        "dataset": "basil",
        "level": "token",
        "layers": "+".join(layers),
        "bias": bias,
        "articles": len(articles),
        "sentences": sentences,
        "predicted_tokens": predicted,
        "gold_tokens": gold,
        "precision": precision,
        "recall": recall,
        "f1": 2 * precision * recall / (precision + recall)
        if predicted and gold and hits
        else 0.0,
    }


def validate(
    data_home: str | Path | None,
    report: Callable[[str], None] = print,
    model_path: Path | None = None,
) -> list[dict]:
    """Score loaded terms against every gold set present in the data home; print a line per
    result."""
    results: list[dict] = []
    folder = locate_dataset("babe", data_home)
    if folder is not None:
        rows = read_babe(folder)
        model = LoadedModel.load(model_path)
        if model is None:
            report(
                f"babe: no fitted loaded-terms model at {model_path or LoadedModel.local_path()}; "
                "run 'make models' to score the model too"
            )
        terms = find_terms_once(r["text"] for r in rows)
        for record in summarise_babe(
            score_babe(rows, model, terms), None if model is None else model.threshold
        ):
            results.append(record)
            rechosen = (
                ""
                if record["threshold_development"] is None
                else f", development would choose {record['threshold_development']}"
            )
            report(
                f"babe {record['split']}: {record['method']} on {record['rows_scored']} rows "
                f"(threshold {record['threshold']}{rechosen}; "
                f"{record['sentences']:,} sentences, {record['biased']:,} biased): macro F1 "
                f"{record['macro_f1']:.4f}, "
                f"biased precision {record['precision_biased']:.4f}, recall "
                f"{record['recall_biased']:.4f}"
            )
        for layers in SCORES.values():
            for split in ("development", "test"):
                record = {
                    **score_babe_words(
                        [r for r in rows if split_by_hash(r["text"]) == split], layers, terms
                    ),
                    "split": split,
                }
                results.append(record)
                report(
                    f"babe {split} words ({record['layers']}): {record['predicted_words']:,} "
                    f"words marked, {record['gold_words']:,} annotated: "
                    f"precision {record['precision']:.4f}, recall {record['recall']:.4f}"
                )
    folder = locate_dataset("basil", data_home)
    if folder is not None:
        articles = read_basil(folder)
        sentence_terms = find_terms_once(s for article in articles for s in article["sentences"])
        for layers in SCORES.values():
            record = score_basil_tokens(articles, layers, terms=sentence_terms)
            results.append(record)
            report(
                f"basil tokens ({record['layers']} against lexical-bias spans; "
                f"{record['articles']} articles): {record['predicted_tokens']:,} tokens marked, "
                f"{record['gold_tokens']:,} annotated: precision {record['precision']:.4f}, "
                f"recall {record['recall']:.4f}, F1 {record['f1']:.4f}"
            )
    from analysis.evaluation.hedging import report_checks

    results += report_checks("loaded", data_home, report)
    return results


def loaded_validation_table(results: list[dict]) -> pd.DataFrame:
    """The sentence-level BABE results of :func:`validate` as a table for the validation chart.

    Returns
    -------
    A new DataFrame, one row per sentence-level BABE result:

    - ``method``, ``split``, ``rows_scored``: what was scored
    - ``threshold``: the threshold the method used
    - ``threshold_development``: the threshold the development split would choose now
    - ``sentences``, ``biased``: sentences scored, and those the experts mark biased
    - ``macro_f1``: macro F1 of biased and not biased
    - ``precision_biased``, ``recall_biased``: of the biased class
    """
    rows = [r for r in results if r.get("dataset") == "babe" and "macro_f1" in r]
    return pd.DataFrame(
        rows,
        columns=[
            "method",
            "split",
            "rows_scored",
            "threshold",
            "threshold_development",
            "sentences",
            "biased",
            "macro_f1",
            "precision_biased",
            "recall_biased",
        ],
    )
