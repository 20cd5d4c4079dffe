"""Human coding: export a stratified sample of sentences, read the coded sheets back, score
agreement.

The workflow of a content analysis check:

1. :func:`sample_for_coding` draws sentences stratified by outlet and voice and
   returns a *sheet* (item id and text only, shuffled, so coders see neither the
   outlet nor the kit's answer) and a *key* (where each item comes from and
   the kit's codes).
2. :func:`write_coding_files` writes both with instructions; coders fill in the
   sheet, one copy each (``<coder>.csv``).
3. :func:`read_coded_sheets` reads the copies back and checks every cell.
4. :func:`score_agreement` reports Krippendorff's alpha (the ``krippendorff``
   package) between the coders, between the coders and each kit method, and
   per coder against the kit, with a bootstrap interval over items.
"""

from __future__ import annotations

from pathlib import Path

import krippendorff
import numpy as np
import pandas as pd

from analysis.engine.tables import write_table
from analysis.errors import InputProblem
from analysis.stats.uncertainty import DEFAULT_SEED
from analysis.tone.score import THRESHOLDS, classify_tone

CODES: dict[str, dict[str, int]] = {
    "tone": {"negative": -1, "neutral": 0, "positive": 1},
    "hedged": {"no": 0, "yes": 1},
    "loaded": {"no": 0, "yes": 1},
}
"""What a coder may write in each column, and the number each code stands for."""
LEVELS = {"tone": "ordinal", "hedged": "nominal", "loaded": "nominal"}
"""Krippendorff's level of measurement per coded column."""
KIT_METHODS = {"tone": ("vader", "model"), "hedged": ("rules",), "loaded": ("lexicon",)}
"""The kit's codes per column; the key holds them as ``kit_<column>_<method>``."""
SHEET_COLUMNS = ["item_id", "text", *CODES, "note"]
INSTRUCTIONS = """# Coding sheet

Fill in one copy of `sheet.csv` per coder and save it as `<your name>.csv` in the
folder the kit reads coded sheets from (`python -m analysis` and notebook 07 name it).
Code each sentence on its own, without looking the article up, and leave a cell
empty when you cannot decide (an empty cell is "not coded", never a code).

| column | codes | code it as |
|---|---|---|
| `tone` | negative, neutral, positive | the tone of the sentence as written, including its quotations |
| `hedged` | yes, no | yes when the sentence marks uncertainty: may, reportedly, about, suggests, it is unclear… |
| `loaded` | yes, no | yes when a word is emotive, pejorative or partisan beyond what the fact needs |
| `note` | free text | anything that made the choice hard |

Do not edit `item_id` or `text`. `key.csv` holds where each sentence comes from and
the kit's codes: keep it away from coders until they are done.
"""  # noqa: E501 (a Markdown table: a row is one line)


def sample_for_coding(
    tables: dict[str, pd.DataFrame], per_stratum: int = 6, seed: int = DEFAULT_SEED
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A stratified sample of sentences: up to ``per_stratum`` per outlet and voice.

    Parameters
    ----------
    tables : the run's tables (``articles``, ``sentences``, ``hedges``, ``loaded_terms``).
    per_stratum : sentences drawn per outlet × voice (authorial, mixed, quoted);
        a stratum with fewer gives all it has.
    seed : the random seed; the same seed gives the same sample.

    Returns
    -------
    ``(sheet, key)``, two new DataFrames. ``sheet`` has :data:`SHEET_COLUMNS`, rows shuffled:

    - ``item_id``: the sentence's number in the sample
    - ``text``: the sentence
    - ``tone``, ``hedged``, ``loaded``: empty, for the coder
    - ``note``: empty, for the coder's remarks

    ``key`` has one row per item:

    - ``item_id``: as in ``sheet``
    - ``article_id``, ``sentence_id``, ``outlet``, ``voice``: where the sentence comes from
    - ``stratum_sentences``: the sentences of its stratum, to weight by
    - ``kit_<column>_<method>``: the kit's code of the sentence (:data:`KIT_METHODS`)
    """
    rng = np.random.default_rng(seed)
    outlets = tables["articles"].set_index("article_id")["outlet"]
    sentences = tables["sentences"].assign(outlet=lambda d: d["article_id"].map(outlets))
    drawn = []
    for (outlet, voice), group in sentences.groupby(["outlet", "voice"], sort=True):
        picks = rng.choice(len(group), size=min(per_stratum, len(group)), replace=False)
        drawn.append(group.iloc[np.sort(picks)].assign(stratum_sentences=len(group)))
    sample = (
        pd.concat(drawn, ignore_index=True)
        if drawn
        else sentences.iloc[0:0].assign(stratum_sentences=0)
    )
    sample = sample.iloc[rng.permutation(len(sample))].reset_index(drop=True)
    sample["item_id"] = [f"s{i:04d}" for i in range(1, len(sample) + 1)]
    key = sample[
        ["item_id", "article_id", "sentence_id", "outlet", "voice", "stratum_sentences"]
    ].copy()
    key["kit_tone_vader"] = classify_tone(sample["tone_vader"].to_numpy(), THRESHOLDS["vader"])
    key["kit_tone_model"] = classify_tone(sample["tone_model"].to_numpy(), THRESHOLDS["model"])
    key["kit_hedged_rules"] = _flag_sentences(sample, tables["hedges"].query("kind == 'hedge'"))
    key["kit_loaded_lexicon"] = _flag_sentences(
        sample, tables["loaded_terms"].query("layer == 'lexicon'")
    )
    sheet = sample[["item_id", "text"]].copy()
    for column in [*CODES, "note"]:
        sheet[column] = ""
    return sheet[SHEET_COLUMNS], key


def _flag_sentences(sample: pd.DataFrame, hits: pd.DataFrame) -> list[str]:
    found = set(zip(hits["article_id"], hits["sentence_id"]))
    return [
        "yes" if (a, s) in found else "no"
        for a, s in zip(sample["article_id"], sample["sentence_id"])
    ]


def write_coding_files(
    sheet: pd.DataFrame, key: pd.DataFrame, folder: str | Path
) -> dict[str, Path]:
    """Write ``sheet.csv``, ``key.csv`` and ``INSTRUCTIONS.md`` into ``folder``; return their
    paths."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths = {
        "sheet": write_table(sheet, folder / "sheet.csv"),
        "key": write_table(key, folder / "key.csv"),
    }
    paths["instructions"] = folder / "INSTRUCTIONS.md"
    paths["instructions"].write_text(INSTRUCTIONS, encoding="utf-8")
    return paths


def read_coded_sheets(paths: list[str | Path], key: pd.DataFrame) -> pd.DataFrame:
    """Read coded copies of the sheet, one per coder (the coder is the file's stem).

    Every problem is collected and raised together as
    :class:`analysis.errors.InputProblem`, each naming the file, the row (as
    in a spreadsheet, the header being row 1) and the problem: a missing
    column, an item id not in the key or given twice, a code not allowed.

    Returns
    -------
    A new long DataFrame, one row per coded cell (empty cells, not coded, left out):

    - ``coder``: the file's stem
    - ``item_id``: the item coded
    - ``column``: ``tone``, ``hedged`` or ``loaded``
    - ``code``: as written, lower case
    - ``value``: the number the code stands for (:data:`CODES`)
    """
    problems, rows = [], []
    known = set(key["item_id"])
    for path in map(Path, paths):
        try:
            frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
        except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as error:
            problems.append(f"{path}: cannot be read as a UTF-8 CSV ({error})")
            continue
        missing = [c for c in ("item_id", *CODES) if c not in frame.columns]
        if missing:
            problems.append(
                f"{path}: missing column(s) {', '.join(missing)}; expected "
                f"{', '.join(SHEET_COLUMNS)}"
            )
            continue
        seen: set[str] = set()
        for number, record in enumerate(frame.to_dict("records"), start=2):
            item = record["item_id"].strip()
            if item not in known:
                problems.append(f"{path}, row {number}: item_id {item!r} is not in the key")
                continue
            if item in seen:
                problems.append(f"{path}, row {number}: item_id {item!r} appears twice")
                continue
            seen.add(item)
            for column, allowed in CODES.items():
                code = record[column].strip().lower()
                if not code:
                    continue
                if code not in allowed:
                    problems.append(
                        f"{path}, row {number}, column {column}: {record[column]!r} is not one of "
                        f"{', '.join(allowed)}"
                    )
                    continue
                rows.append((path.stem, item, column, code, allowed[code]))
    if problems:
        raise InputProblem(problems)
    return pd.DataFrame(rows, columns=["coder", "item_id", "column", "code", "value"])


def compute_alpha(matrix: np.ndarray, level: str) -> float:
    """Krippendorff's alpha of a coders × items matrix (NaN = not coded); NaN when undefined.

    Alpha is undefined when fewer than two values can be paired or all paired
    values are the same (no variation to agree on).
    """
    pairable = np.sum(~np.isnan(matrix), axis=0) >= 2
    values = matrix[:, pairable]
    values = values[~np.isnan(values)]
    if pairable.sum() < 1 or len(np.unique(values)) < 2:
        return float("nan")
    return float(
        krippendorff.alpha(reliability_data=matrix[:, pairable], level_of_measurement=level)
    )


def bootstrap_alpha(
    matrix: np.ndarray, level: str, resamples: int = 1000, seed: int = DEFAULT_SEED
) -> tuple[float, float]:
    """95% percentile interval of alpha over items resampled with replacement (NaN when
    undefined)."""
    rng = np.random.default_rng(seed)
    n = matrix.shape[1]
    if n < 2:
        return (float("nan"), float("nan"))
    stats = np.array(
        [compute_alpha(matrix[:, rng.integers(0, n, n)], level) for _ in range(resamples)]
    )
    stats = stats[~np.isnan(stats)]
    if len(stats) < resamples / 2:
        return (float("nan"), float("nan"))
    low, high = np.percentile(stats, [2.5, 97.5])
    return (float(low), float(high))


def score_agreement(
    coded: pd.DataFrame, key: pd.DataFrame, resamples: int = 1000, seed: int = DEFAULT_SEED
) -> pd.DataFrame:
    """Krippendorff's alpha per coded column: between coders, coders with the kit, each coder with
    the kit.

    Parameters
    ----------
    coded : :func:`read_coded_sheets`.
    key : the key of :func:`sample_for_coding`.

    Returns
    -------
    A new DataFrame, one row per coded column and comparison:

    - ``column``: the coded column
    - ``level``: its level of measurement (:data:`LEVELS`)
    - ``comparison``: "coders", "coders and kit (<method>)" or "<coder> and kit (<method>)"
    - ``coders``: the people in the comparison
    - ``items``: items two of its coders coded
    - ``alpha``, ``alpha_low``, ``alpha_high``: Krippendorff's alpha and its 95% bootstrap interval
      over items
    """
    rows = []
    for column, level in LEVELS.items():
        part = coded[coded["column"] == column]
        wide = part.pivot(index="coder", columns="item_id", values="value").reindex(
            columns=key["item_id"]
        )
        people = list(wide.index)
        comparisons = []
        if len(people) >= 2:
            comparisons.append(("coders", wide.to_numpy(dtype=float), len(people)))
        for method in KIT_METHODS[column]:
            kit = (
                key.set_index("item_id")[f"kit_{column}_{method}"]
                .map(CODES[column])
                .reindex(wide.columns)
                .to_numpy(dtype=float)
            )
            if people:
                comparisons.append(
                    (
                        f"coders and kit ({method})",
                        np.vstack([wide.to_numpy(dtype=float), kit]),
                        len(people),
                    )
                )
            for person in people:
                comparisons.append(
                    (
                        f"{person} and kit ({method})",
                        np.vstack([wide.loc[[person]].to_numpy(dtype=float), kit]),
                        1,
                    )
                )
        for name, matrix, coders in comparisons:
            items = int((np.sum(~np.isnan(matrix), axis=0) >= 2).sum())
            low, high = bootstrap_alpha(matrix, level, resamples, seed)
            rows.append(
                (column, level, name, coders, items, compute_alpha(matrix, level), low, high)
            )
    return pd.DataFrame(
        rows,
        columns=[
            "column",
            "level",
            "comparison",
            "coders",
            "items",
            "alpha",
            "alpha_low",
            "alpha_high",
        ],
    )
