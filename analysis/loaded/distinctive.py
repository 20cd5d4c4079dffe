"""Distinctive vocabulary: the words that set one outlet's own voice apart from the others.

The reference method is the log-odds ratio with an informative Dirichlet prior
(Monroe, Colaresi & Quinn 2008, "Fightin' Words", section 3.5): for outlet i
against all other outlets pooled (j), with prior pseudo-counts a_w summing to a0,

    delta_w = log((y_iw + a_w) / (n_i + a0 - y_iw - a_w))
              - log((y_jw + a_w) / (n_j + a0 - y_jw - a_w))
    var_w   ~ 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w     = delta_w / sqrt(var_w)

The prior is the corpus's own pooled counts (a0 = the corpus's words) unless a
background frequency list is given (:func:`read_background`), scaled to the
same a0; words the background lacks get :data:`PRIOR_FLOOR`. Only authorial
words count (quoted speech is the speaker's wording), lower-cased, without the
function words of ``wordlists/english_function_words.txt``.

A permutation check relabels the outlet's sentences against the rest (keeping
their number) and recomputes z: ``p_permutation`` is the share of relabellings
whose z is at least the observed one (one-sided, (k + 1) / (R + 1)). With one
article per outlet this tests sentences, not outlets: it says whether a word is
spread over the article's sentences or bunched in one or two. It needs every
sentence's words, so it is run on corpora of at most :data:`PERMUTATION_LIMIT`
sentences; on larger ones ``p_permutation`` is empty and z, already a test
statistic, stands alone.

Everything else is computed from the groups' word counts (:func:`count_terms`),
which add up chunk by chunk: the stream engine never holds the corpus's words.

Beside it, TF-IDF keyness from scikit-learn: one document per outlet, sublinear
term frequency, smoothed idf, L2-normalised rows.
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer

from analysis.errors import InputProblem
from analysis.resources.lists import read_wordlist
from analysis.resources.rows import iter_columns
from analysis.stats.frames import add_article_column
from analysis.stats.uncertainty import DEFAULT_SEED
from analysis.text.quotes import index_voice_ranges, voice_at, voice_of_span
from analysis.text.segment import LETTER_WORD_RE

TOP_TERMS = 30
PRIOR_FLOOR = 0.01
PERMUTATIONS = 999
PERMUTATION_LIMIT = 20_000
"""Largest corpus (sentences) whose sentences are relabelled for ``p_permutation``."""
DISTINCTIVE_COLUMNS = [
    "outlet",
    "term",
    "count",
    "count_rest",
    "log_odds",
    "z",
    "p_permutation",
    "tfidf",
]
TERM_COUNT_COLUMNS = ["outlet", "term", "count"]


def collect_authorial_words(
    sentences: pd.DataFrame, articles: pd.DataFrame, voice: pd.DataFrame
) -> pd.DataFrame:
    """The authorial words of every sentence as one lower-cased, space-joined string.

    Returns
    -------
    A new DataFrame, one row per sentence:

    - ``article_id``, ``sentence_id``: the sentence
    - ``words``: its authorial words, lower case and space-joined, function words left out ("" when
      it has no authorial content word)
    """
    stop = {w.lower() for w in read_wordlist("english_function_words.txt")}
    texts = dict(zip(articles["article_id"], articles["clean_text"]))
    index = index_voice_ranges(voice)
    rows = []
    for article_id, sentence_id, start, end in iter_columns(
        sentences, "article_id", "sentence_id", "start", "end"
    ):
        ranges = index.get(article_id, ([], [], []))
        whole = voice_of_span(ranges, start, end)
        if whole is None:
            words = [
                word
                for match in LETTER_WORD_RE.finditer(texts[article_id], start, end)
                if (word := match.group().lower().replace("’", "'")) not in stop
                and voice_at(ranges, match.start()) == "authorial"
            ]
        elif whole == "authorial":
            found = (
                w.lower().replace("’", "'")
                for w in LETTER_WORD_RE.findall(texts[article_id], start, end)
            )
            words = [word for word in found if word not in stop]
        else:
            words = []
        rows.append((article_id, sentence_id, " ".join(words)))
    return pd.DataFrame(rows, columns=["article_id", "sentence_id", "words"])


def read_background(path: str | Path) -> pd.Series:
    """A background frequency list: CSV with columns ``term`` and ``count`` (counts ≥ 0).

    Raises InputProblem naming the file and row of every malformed line.
    """
    path = Path(path)
    if not path.is_file():
        raise InputProblem([f"{path}: no such background list"])
    counts, problems = {}, []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames is None or not {"term", "count"} <= set(reader.fieldnames):
            raise InputProblem(
                [
                    f"{path}: a background list needs the columns term and count, found "
                    f"{reader.fieldnames}"
                ]
            )
        for number, record in enumerate(reader, 2):
            term = (record["term"] or "").strip().lower()
            try:
                count = float(record["count"])
            except (TypeError, ValueError):
                count = -1.0
            if not term or not count >= 0:
                problems.append(
                    f"{path}, row {number}: expected a term and a count of at least 0, got "
                    f"{record['term']!r}, {record['count']!r}"
                )
                continue
            counts[term] = counts.get(term, 0.0) + count
    if problems:
        raise InputProblem(problems)
    if not counts or sum(counts.values()) <= 0:
        raise InputProblem([f"{path}: the background list has no counts"])
    return pd.Series(counts, dtype=float)


def log_odds_z(
    counts_i: np.ndarray, counts_j: np.ndarray, prior: np.ndarray, n_i, n_j, a0: float
) -> tuple[np.ndarray, np.ndarray]:
    """Monroe et al.'s log-odds ratio with informative Dirichlet prior and its z-score, word by
    word.

    ``counts_i``, ``counts_j``: the words' counts in the group and in the rest
    (2-D for one row per relabelling, with ``n_i``, ``n_j`` as columns);
    ``n_i``, ``n_j``: all words of each side; ``prior``: the words' pseudo-counts,
    ``a0`` the pseudo-counts of the whole vocabulary. Where a word is the whole
    vocabulary of a side (no other word, no other pseudo-count), its odds are
    undefined and so are its log-odds and z: NaN.
    """
    rest_i, rest_j = n_i + a0 - counts_i - prior, n_j + a0 - counts_j - prior
    defined = (rest_i > 0) & (rest_j > 0)
    shape = np.broadcast_shapes(np.shape(rest_i), np.shape(rest_j))
    odds_i = np.divide(counts_i + prior, rest_i, out=np.full(shape, np.nan), where=defined)
    odds_j = np.divide(counts_j + prior, rest_j, out=np.full(shape, np.nan), where=defined)
    delta = np.log(odds_i) - np.log(odds_j)
    return delta, delta / np.sqrt(1.0 / (counts_i + prior) + 1.0 / (counts_j + prior))


def count_terms(words: pd.DataFrame, articles: pd.DataFrame, by: str = "outlet") -> pd.DataFrame:
    """Each group's authorial word counts: the partial aggregate the distinctive vocabulary is
    computed from.

    Parameters
    ----------
    words : :func:`collect_authorial_words`.
    articles : DataFrame with ``article_id`` and the ``by`` column.

    Returns
    -------
    A new DataFrame, sorted by group and term (counts of two parts of a corpus add up,
    :func:`add_term_counts`):

    - ``outlet``: the group
    - ``term``: the word
    - ``count``: its authorial occurrences in the group
    """
    data = add_article_column(words, articles, by)
    data = data[(data["words"] != "") & data[by].notna()]
    if data.empty:
        return pd.DataFrame(
            {
                "outlet": pd.Series(dtype=object),
                "term": pd.Series(dtype=object),
                "count": pd.Series(dtype="int64"),
            }
        )
    counter = CountVectorizer(analyzer=str.split, lowercase=False)
    matrix = counter.fit_transform(data["words"]).tocsr()
    vocabulary = counter.get_feature_names_out()
    labels = data[by].to_numpy()
    parts = []
    for group in sorted(set(labels)):
        counts = np.asarray(matrix[np.flatnonzero(labels == group)].sum(axis=0)).ravel()
        used = np.flatnonzero(counts)
        parts.append(
            pd.DataFrame(
                {"outlet": group, "term": vocabulary[used], "count": counts[used].astype("int64")}
            )
        )
    return pd.concat(parts, ignore_index=True)


def add_term_counts(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """Several :func:`count_terms` tables added up, sorted by group and term.

    Returns
    -------
    A new DataFrame with the columns of :func:`count_terms`, sorted by group and term:

    - ``outlet``, ``term``: the group and the word
    - ``count``: the sum of its counts
    """
    frame = pd.concat(parts, ignore_index=True)
    return frame.groupby(["outlet", "term"], sort=True, as_index=False)["count"].sum()


def find_distinctive_terms(
    words: pd.DataFrame | None,
    articles: pd.DataFrame,
    by: str = "outlet",
    background: pd.Series | None = None,
    top: int = TOP_TERMS,
    permutations: int = PERMUTATIONS,
    seed: int = DEFAULT_SEED,
    counts: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The ``top`` words of highest z for each group against all others, with checks.

    Parameters
    ----------
    words : :func:`collect_authorial_words` of the whole corpus, for the
        permutation check; None leaves ``p_permutation`` empty (a corpus of
        more than :data:`PERMUTATION_LIMIT` sentences, see :func:`needs_words`).
    articles : DataFrame with ``article_id`` and the ``by`` column.
    background : term → count to build the prior from; the corpus's own pooled
        counts when None.
    counts : :func:`count_terms` of the corpus (added up over its parts);
        computed from ``words`` when None.

    Returns
    -------
    A new DataFrame, one row per group and word (at most ``top`` per group, words the group uses, z
    descending; empty with fewer than two groups):

    - ``outlet``: the group
    - ``term``: the word
    - ``count``, ``count_rest``: its authorial occurrences in the group and in all the others
    - ``log_odds``: the log-odds ratio with an informative Dirichlet prior (Monroe et al. 2008)
    - ``z``: that log-odds ratio over its standard deviation
    - ``p_permutation``: the share of article relabellings with a z at least as high (empty without
      ``words``)
    - ``tfidf``: the word's TF-IDF weight in the group's text
    """
    if counts is None:
        if words is None:
            raise ValueError("find_distinctive_terms needs the words or their counts")
        counts = count_terms(words, articles, by)
    groups = sorted(counts["outlet"].unique())
    if len(groups) < 2:
        return pd.DataFrame(columns=DISTINCTIVE_COLUMNS)
    vocabulary = np.array(sorted(counts["term"].unique()), dtype=object)
    column = pd.Index(vocabulary).get_indexer(counts["term"])
    row = pd.Index(groups).get_indexer(counts["outlet"])
    group_counts = sp.csr_matrix(
        (counts["count"].to_numpy(dtype=float), (row, column)),
        shape=(len(groups), len(vocabulary)),
    ).toarray()
    totals = group_counts.sum(axis=0)
    prior = _prior(vocabulary, totals, background)
    tfidf = (
        TfidfTransformer(sublinear_tf=True).fit_transform(sp.csr_matrix(group_counts)).toarray()
    )
    relabel = _sentence_matrix(words, articles, by, vocabulary) if words is not None else None
    rng = np.random.default_rng(seed)
    out = []
    for k, group in enumerate(groups):
        mine = group_counts[k]
        delta, z = log_odds_z(
            mine, totals - mine, prior, mine.sum(), totals.sum() - mine.sum(), prior.sum()
        )
        chosen = [w for w in np.lexsort((vocabulary, -z)) if mine[w] > 0][:top]
        p_values = [float("nan")] * len(chosen)
        if relabel is not None:
            matrix, labels = relabel
            exceed = _permutation_exceedances(
                matrix, int((labels == group).sum()), totals, prior, z, chosen, permutations, rng
            )
            p_values = [(e + 1) / (permutations + 1) for e in exceed]
        for rank, w in enumerate(chosen):
            out.append(
                {
                    "outlet": group,
                    "term": vocabulary[w],
                    "count": int(mine[w]),
                    "count_rest": int(totals[w] - mine[w]),
                    "log_odds": float(delta[w]),
                    "z": float(z[w]),
                    "p_permutation": p_values[rank],
                    "tfidf": float(tfidf[k, w]),
                }
            )
    return pd.DataFrame(out, columns=DISTINCTIVE_COLUMNS)


def needs_words(sentences: int) -> bool:
    """Whether a corpus of ``sentences`` sentences gets the permutation check (it then needs every
    sentence's words)."""
    return sentences <= PERMUTATION_LIMIT


def _sentence_matrix(words: pd.DataFrame, articles: pd.DataFrame, by: str, vocabulary: np.ndarray):
    """The sentences' word counts over ``vocabulary`` (sentences with words only) and their
    groups."""
    data = add_article_column(words, articles, by)
    data = data[data["words"] != ""]
    counter = CountVectorizer(analyzer=str.split, lowercase=False, vocabulary=list(vocabulary))
    return counter.transform(data["words"]).tocsr(), data[by].to_numpy()


def _prior(vocabulary: np.ndarray, totals: np.ndarray, background: pd.Series | None) -> np.ndarray:
    if background is None:
        return totals.copy()
    shares = background.reindex(vocabulary).fillna(0.0).to_numpy(dtype=float) / float(
        background.sum()
    )
    return np.maximum(shares * totals.sum(), PRIOR_FLOOR)


def _permutation_exceedances(
    matrix, size: int, totals, prior, observed, chosen, permutations: int, rng, batch: int = 100
) -> np.ndarray:
    """How many relabellings give each chosen word a z at least its observed one."""
    chosen = np.asarray(chosen, dtype=int)
    exceed = np.zeros(len(chosen), dtype=int)
    if not len(chosen):
        return exceed
    sub = matrix[:, chosen].toarray().astype(float)
    n_sentences = matrix.shape[0]
    n_total = totals.sum()
    prior_all, a0 = prior[chosen], prior.sum()
    lengths = np.asarray(matrix.sum(axis=1)).ravel().astype(float)
    done = 0
    while done < permutations:
        step = min(batch, permutations - done)
        masks = np.zeros((step, n_sentences))
        for row in range(step):
            masks[row, rng.choice(n_sentences, size, replace=False)] = 1.0
        counts_i = masks @ sub
        n_i = masks @ lengths
        _, z = log_odds_z(
            counts_i,
            totals[chosen] - counts_i,
            prior_all,
            n_i[:, None],
            n_total - n_i[:, None],
            a0,
        )
        exceed += (z >= observed[chosen] - 1e-12).sum(axis=0)
        done += step
    return exceed
