"""Hand checks of hits: a seeded sample of a measure's hits in BASIL development articles, judged
by a person.

A check answers "what share of the hits are false?" for news the word lists
were not written against. :func:`sample_hits` draws the hits (every hedge and
booster, every loaded term of the lexicon layer, or every stance, of all BASIL
development articles read as a corpus without resources), the same ones for the
same seed; a person judges each, and the verdicts are kept as data
(``data/raw/gold/handchecks/<measure>-<date>-<ordinal>.tsv``: the article,
offsets, the hit as written, ``verdict`` true or false and a ``reason``; no
other text of the article). :func:`summarise_check` reads a check back,
confirming each hit is still where the file says; ``validate hedging``,
``validate loaded`` and ``validate sources`` (stances) print it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from analysis import config
from analysis.errors import InputProblem
from analysis.resources.datasets import locate_dataset
from analysis.resources.lists import read_tsv_records
from analysis.resources.news_sets import basil_article_text, read_basil
from analysis.stats.uncertainty import wilson_interval

HANDCHECK_DIR = config.GOLD_DIR / "handchecks"
COLUMNS = ["article_id", "start", "end", "hit", "verdict", "reason"]
MEASURES = ("hedging", "loaded", "stances")
SAMPLE_SEED = 28
TARGET_RIGHT_SHARE = 0.9
"""The issue's target: at most 10% of a check's hits false."""


def basil_texts(data_home: str | Path | None) -> dict[str, str]:
    """Every BASIL development article as the kit reads it, by article id; empty without basil in
    the data home."""
    folder = locate_dataset("basil", data_home)
    return (
        {a["article"]: basil_article_text(a) for a in read_basil(folder, with_spans=False)}
        if folder is not None
        else {}
    )


def find_hits(measure: str, texts: dict[str, str]) -> pd.DataFrame:
    """Every hit of ``measure`` in the texts.

    ``hedging``: hedges and boosters; ``loaded``: loaded terms of the general lexicon (``naming``
    members left out, as they are not counted as loaded); ``stances``: the stances of
    :func:`analysis.sources.attribution.find_attributions_and_stances` read with the general
    lexicons, each by the words read as its source (the hit), with its class, cue, speaker and
    content in ``label`` (a verdict judges the whole attribution: a stance of that speaker with
    that content). Sentences are those of the kit's segmentation.

    Returns
    -------
    A new DataFrame, one row per hit, in article and offset order:

    - ``article_id``: the text
    - ``start``, ``end``: the hit's offsets in it
    - ``hit``: the words hit, as written
    - ``label``: the hit's kind or category (for a stance: its class, cue, speaker and content)
    """
    from analysis.hedging.cues import find_cues
    from analysis.loaded.terms import NAMING, find_loaded_terms
    from analysis.text.segment import split_sentences

    if measure not in MEASURES:
        raise ValueError(f"measure must be one of {', '.join(MEASURES)}, not {measure!r}")
    if measure == "stances":
        return _find_stance_hits(texts)
    rows = []
    for article_id in sorted(texts):
        text = texts[article_id]
        for lo, hi in split_sentences(text):
            if measure == "hedging":
                rows += [
                    (article_id, c.start, c.end, c.text, f"{c.kind}: {c.category}")
                    for c in find_cues(text, lo, hi)
                ]
            else:
                rows += [
                    (article_id, t.start, t.end, t.text, t.category)
                    for t in find_loaded_terms(text, lo, hi, vader=False)
                    if t.category != NAMING
                ]
    return pd.DataFrame(rows, columns=["article_id", "start", "end", "hit", "label"])


def _find_stance_hits(texts: dict[str, str]) -> pd.DataFrame:
    from analysis.sources.attribution import find_attributions_and_stances
    from analysis.sources.lexicons import default_lexicons
    from analysis.text.quotes import find_quotations
    from analysis.text.segment import split_paragraphs, split_sentences

    rows = []
    for article_id in sorted(texts):
        text = texts[article_id]
        _, stances = find_attributions_and_stances(
            text,
            split_sentences(text),
            split_paragraphs(text),
            find_quotations(text),
            default_lexicons(),
        )
        rows += [
            (
                article_id,
                a.speaker_start,
                a.speaker_end,
                a.speaker_text,
                f"{a.cue_class}: {a.cue} · {a.speaker} ({a.speaker_rule}) · "
                f"{text[a.start : a.end]}",
            )
            for a in stances
        ]
    return pd.DataFrame(rows, columns=["article_id", "start", "end", "hit", "label"])


def sample_hits(
    measure: str, texts: dict[str, str], n: int = 50, seed: int = SAMPLE_SEED
) -> pd.DataFrame:
    """``n`` hits of :func:`find_hits` drawn without replacement (seeded), in article and offset
    order.

    Returns
    -------
    A new DataFrame with the columns of :func:`find_hits`, ``n`` rows at most:

    - ``article_id``, ``start``, ``end``, ``hit``, ``label``: as in :func:`find_hits`
    """
    hits = find_hits(measure, texts)
    chosen = np.random.default_rng(seed).choice(len(hits), size=min(n, len(hits)), replace=False)
    return hits.iloc[np.sort(chosen)].reset_index(drop=True)


def read_check(path: Path) -> pd.DataFrame:
    """A hand check's verdicts (:data:`COLUMNS`); InputProblem names the file and line of every
    malformed row.

    Returns
    -------
    A new DataFrame, one row per verdict: ``line`` then :data:`COLUMNS`.

    - ``line``: the verdict's line in the file
    - ``article_id``, ``start``, ``end``, ``hit``: the hit judged, as :func:`sample_hits` drew it
    - ``verdict``: ``true`` (the hit is what the measure says) or ``false``
    - ``reason``: why, in the checker's words
    """
    rows = []
    records, problems = read_tsv_records(path, COLUMNS)
    for number, line, fields in records:
        if (
            len(fields) != len(COLUMNS)
            or not fields[1].isdigit()
            or not fields[2].isdigit()
            or fields[4] not in ("true", "false")
        ):
            problems.append(
                f"{path}, line {number}: expected {', '.join(COLUMNS)} (offsets as digits, "
                f"verdict true or false): {line!r}"
            )
            continue
        rows.append(
            {
                "line": number,
                "article_id": fields[0],
                "start": int(fields[1]),
                "end": int(fields[2]),
                "hit": fields[3],
                "verdict": fields[4],
                "reason": fields[5],
            }
        )
    if problems:
        raise InputProblem(problems)
    return pd.DataFrame(rows, columns=["line", *COLUMNS])


def summarise_check(path: Path, texts: dict[str, str], measure: str | None = None) -> dict:
    """How many hits of a check are false, after confirming each hit is where the file says
    (InputProblem if not).

    Returns ``check`` (the file name), ``hits``, ``false``, ``false_share`` with its 95% Wilson
    interval (``false_share_low``, ``false_share_high``), ``right_share``, ``reasons`` (the false
    hits' reasons with their counts, most frequent first) and, given ``measure``,
    ``false_no_longer_found``: false hits the current rules no longer find (rules changed after the
    check; the check's figure is not re-estimated by this: a new sample is).
    """
    check = read_check(path)
    problems = [
        f"{path}, line {row.line}: {row.hit!r} is not at {row.start}-{row.end} of {row.article_id}"
        for row in check.itertuples()
        if texts.get(row.article_id, "")[row.start : row.end] != row.hit
    ]
    if problems:
        raise InputProblem(problems)
    false = check[check["verdict"] == "false"]
    reasons = false["reason"].value_counts()
    if measure is not None:
        current = find_hits(measure, {a: texts[a] for a in set(check["article_id"])})
        now = set(zip(current["article_id"], current["start"], current["end"]))
        still = [(r.article_id, r.start, r.end) in now for r in false.itertuples()]
    else:
        still = [True] * len(false)
    share = len(false) / len(check) if len(check) else float("nan")
    low, high = wilson_interval(len(false), len(check))
    return {
        "check": path.name,
        "hits": len(check),
        "false": len(false),
        "false_share": share,
        "false_share_low": low,
        "false_share_high": high,
        "right_share": (len(check) - len(false)) / len(check) if len(check) else float("nan"),
        "reasons": [f"{reason} ({count})" for reason, count in reasons.items()],
        "false_no_longer_found": len(still) - sum(still),
    }


ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
)
"""The last word of a check's file name (``<measure>-<date>-<ordinal>.tsv``): checks of one date
are in this order."""


def check_order(path: Path) -> tuple[str, int, str]:
    """The sort key of a check file: its date, then its ordinal (:data:`ORDINALS`; other names
    after them), then its name."""
    date, _, word = path.stem.partition("-")[2].rpartition("-")
    return (date, ORDINALS.index(word) if word in ORDINALS else len(ORDINALS), path.name)


def report_checks(
    measure: str, data_home: str | Path | None, folder: Path = HANDCHECK_DIR
) -> list[dict]:
    """:func:`summarise_check` of every check of ``measure`` in ``folder`` (``<measure>-*.tsv``),
    in :func:`check_order`, given basil in the data home."""
    paths = sorted(folder.glob(f"{measure}-*.tsv"), key=check_order) if folder.is_dir() else []
    texts = basil_texts(data_home) if paths else {}
    return (
        [
            {"dataset": "handcheck", "check_of": measure, **summarise_check(path, texts, measure)}
            for path in paths
        ]
        if texts
        else []
    )
