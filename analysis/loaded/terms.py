"""Loaded terms: word choice that judges, inflames, glorifies, softens or takes a side.

Two layers, always reported apart:

- ``lexicon``: the kit's categorised lexicon of loaded language for political
  and international news (``analysis/resources/wordlists/loaded_terms.tsv``, origins in
  its README): pejorative and glorifying labels, emotive intensifiers,
  euphemisms and dysphemisms, partisan catchphrases, loaded attribution verbs
  and scare markers, none tied to one event; with the corpus's own naming sets
  (its ``naming_sets.tsv``, :mod:`analysis.resources.corpus_lists`: for the default corpus
  "war", "invasion", "conflict"; "annexation", "occupation"). Members of a set
  of alternative names are kept with category ``naming`` so the choice among
  them can be compared, but they are not loaded by themselves and do not count
  in the loaded rates. ``exception`` phrases ("Patriot
  missile", "claimed responsibility", "sanctions regime") are matched only so
  that the loaded form inside them is not.
- ``vader``: generic strongly valenced words, those with a VADER valence of at
  least :data:`STRONG_VALENCE` in absolute value (−4..+4 scale), where no lexicon
  form covers them; category ``strong_negative`` or ``strong_positive``. A word
  inside a name is not counted (:func:`in_proper_name`: "Intelligence
  Committee", "Liberty University", "Freedom Caucus"), except in a sentence
  written in title case, as headlines are (:func:`is_title_case`), where every
  word is capitalised.

All lexicon forms are matched in one pass (longest first, whole words, case
ignored). Every hit keeps its offsets and the voice of its first character, so
loaded words in quoted speech are told apart from the author's.

A term in quotation marks right after "the term", "the phrase", "the word"
("the term “deep state” refers to …") is mentioned, not used, and is not a hit.

Blind spots: no sense disambiguation beyond the exception phrases ("radical"
surgery, a "brutal" winter); negation is ignored ("not a dictator" is a hit);
irony and loaded framing without loaded words are not seen; the lexicon is
written for English political news and its sets for the kit's topics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import config
from analysis.errors import InputProblem
from analysis.resources.corpus_lists import resource_path
from analysis.resources.lists import (
    collect_forms,
    compile_phrase_pattern,
    normalise_phrase,
    read_tsv_records,
)
from analysis.resources.rows import iter_columns
from analysis.stats.rates import compare_rates, count_authorial_hits, summarise_rates
from analysis.stats.uncertainty import DEFAULT_SEED
from analysis.text.quotes import index_voice_ranges, voice_at
from analysis.text.segment import LETTER_WORD_RE
from analysis.text.vader import vader_lexicon

LOADED_CATEGORIES = (
    "pejorative_label",
    "glorifying_label",
    "emotive_intensifier",
    "euphemism",
    "dysphemism",
    "partisan_catchphrase",
    "loaded_attribution",
    "scare_marker",
)
NAMING = "naming"
EXCEPTION = "exception"
LEXICON_CATEGORIES = LOADED_CATEGORIES + (NAMING,)
VADER_CATEGORIES = ("strong_negative", "strong_positive")
LAYERS = ("lexicon", "vader")
STRONG_VALENCE = 2.0
"""Smallest absolute VADER valence of a strongly valenced word (half the scale's maximum)."""

SCORE_THRESHOLD = 1
"""Loaded lexicon hits from which the lexicon score calls a sentence biased.

Chosen by :func:`analysis.evaluation.loaded.choose_score_threshold` on the
development split of ``babe`` (macro F1, lowest on ties); a test re-chooses it
from the data home and fails if it moved.
"""

LOADED_COLUMNS = [
    "article_id",
    "sentence_id",
    "start",
    "end",
    "term",
    "entry",
    "category",
    "set",
    "layer",
    "voice",
]


@dataclass(frozen=True)
class LoadedEntry:
    """One lexicon entry: what a matched form counts as."""

    entry: str
    category: str
    set: str


@dataclass(frozen=True)
class LoadedLexicon:
    forms: dict[str, LoadedEntry]
    pattern: re.Pattern


@dataclass(frozen=True)
class LoadedTerm:
    """A hit: ``text[start:end]`` is the term as written."""

    start: int
    end: int
    text: str
    entry: str
    category: str
    set: str
    layer: str


def read_loaded_lexicon(path: Path | None = None, naming: Path | None = None) -> LoadedLexicon:
    """The loaded-terms lexicon from a tab-separated file (default
    ``analysis/resources/wordlists/loaded_terms.tsv``).

    Columns ``entry``, ``category``, ``set`` (``-`` for none) and ``forms``
    (``|``-separated, with ``{a,b}`` alternatives). ``naming``: a corpus's
    ``naming_sets.tsv`` of the same columns, read after it: its rows add the
    corpus's sets of names and replace the general rows of the forms they list
    (the general "surrender" is a dysphemism; the default corpus puts it in its
    ``settlement`` set). Raises InputProblem naming the file and line of every
    malformed row and of every form given twice in one file.
    """
    forms: dict[str, LoadedEntry] = {}
    problems: list[str] = []
    for source in [path or config.wordlist_path("loaded_terms.tsv")] + (
        [naming] if naming is not None else []
    ):
        these: dict[str, LoadedEntry] = {}
        where: dict[str, int] = {}
        records, trouble = read_tsv_records(source, ["entry", "category", "set", "forms"])
        problems += trouble
        for number, line, fields in records:
            if len(fields) != 4 or not all(fields):
                problems.append(
                    f"{source}, line {number}: expected 4 tab-separated fields, got "
                    f"{len(fields)}: {line!r}"
                )
                continue
            entry, category, term_set, form_field = fields
            if category not in LEXICON_CATEGORIES + (EXCEPTION,):
                problems.append(
                    f"{source}, line {number}: category {category!r} is not one of "
                    f"{', '.join(LEXICON_CATEGORIES + (EXCEPTION,))}"
                )
                continue
            collect_forms(
                these,
                where,
                LoadedEntry(entry, category, term_set),
                form_field,
                source,
                number,
                problems,
            )
        forms.update(these)
    if problems:
        raise InputProblem(problems)
    return LoadedLexicon(forms, compile_phrase_pattern(set(forms)))


@lru_cache(maxsize=8)
def load_loaded_lexicon(path: str | None = None, naming: str | None = None) -> LoadedLexicon:
    """:func:`read_loaded_lexicon`, read once per pair of paths."""
    return read_loaded_lexicon(Path(path) if path else None, Path(naming) if naming else None)


def load_corpus_lexicon(corpus: str | Path | None) -> LoadedLexicon:
    """The kit's general lexicon with the corpus's ``naming_sets.tsv`` where it has one."""
    naming = resource_path(corpus, "naming_sets.tsv")
    return load_loaded_lexicon(None, str(naming) if naming is not None else None)


@lru_cache(maxsize=4)
def strong_vader_words(threshold: float = STRONG_VALENCE) -> dict[str, float]:
    """VADER's single words (letters, inner apostrophes or hyphens) with ``|valence| >=
    threshold``."""
    return {
        w: v
        for w, v in vader_lexicon().items()
        if abs(v) >= threshold and LETTER_WORD_RE.fullmatch(w)
    }


_TITLE_WORD = re.compile(r"[A-Z][a-z][\w’'-]*")
_JOINERS = r"(?:(?:of|for|on|the|and|de|del|la) )*"


def in_proper_name(text: str, start: int, end: int, lo: int = 0) -> bool:
    """Whether the word ``text[start:end]`` is part of a name of two title-case words or more.

    The word is in title case ("Intelligence", not "INTELLIGENCE") and the word
    right before or after it in its sentence (``lo`` is the sentence's start) is
    too, or is joined to one by "of", "for", "the"… ("Department of Justice",
    "Liberty University", "Freedom Caucus"). A word opening its sentence
    needs the word after it.
    """
    if not _TITLE_WORD.fullmatch(text[start:end]):
        return False
    after = re.match(rf" ({_JOINERS})([\w’'-]+)", text[end : end + 60])
    if after is not None and _TITLE_WORD.fullmatch(after.group(2)):
        return True
    before = re.search(rf"([\w’'-]+) ({_JOINERS})$", text[max(lo, start - 60) : start])
    if before is None or not _TITLE_WORD.fullmatch(before.group(1)):
        return False
    first = start - len(before.group(0))
    return bool(
        text[lo:first].strip()
    )  # a title-case word that opens the sentence is not a name by itself


_MENTIONED = re.compile(
    r"\b(?:term|phrase|word|words|label|slogan|expression)\s*[“\"‘']$", re.IGNORECASE
)
"""A term in quotation marks right after "the term", "the phrase", "the word"…: mentioned, not used
("the term “deep state”")."""


def is_title_case(text: str, start: int, end: int, share: float = 0.75) -> bool:
    """Whether ``text[start:end]`` is written in title case, as headlines are ("AOC Ignores Murder
    Increase"): at least ``share`` of its words of three letters or more begin with a capital (four
    such words at least)."""
    words = [w for w in LETTER_WORD_RE.findall(text, start, end) if len(w) >= 3]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= share * len(words)


def _normalise_word(word: str) -> str:
    """:func:`normalise_phrase` of one word of :data:`LETTER_WORD_RE` (no white space): its lower
    case when ASCII (no curly apostrophe to straighten)."""
    return word.lower() if word.isascii() else normalise_phrase(word)


def find_loaded_terms(
    text: str,
    start: int = 0,
    end: int | None = None,
    lexicon: LoadedLexicon | None = None,
    vader: bool = True,
) -> list[LoadedTerm]:
    """Every loaded term of ``text[start:end]``: lexicon hits, then VADER-layer hits outside them,
    by offset."""
    lexicon = lexicon or load_loaded_lexicon()
    end = len(text) if end is None else end
    terms, covered = [], []
    for match in lexicon.pattern.finditer(text, start, end):
        entry = lexicon.forms[normalise_phrase(match.group())]
        covered.append((match.start(), match.end()))
        if entry.category != EXCEPTION and not _MENTIONED.search(
            text, max(start, match.start() - 20), match.start()
        ):
            terms.append(
                LoadedTerm(
                    match.start(),
                    match.end(),
                    match.group(),
                    entry.entry,
                    entry.category,
                    entry.set,
                    "lexicon",
                )
            )
    strong = strong_vader_words() if vader else {}
    if vader and any(
        _normalise_word(word) in strong for word in LETTER_WORD_RE.findall(text, start, end)
    ):  # most sentences hold no strong word: the words are found again only when one does
        headline = is_title_case(text, start, end)
        spans = iter(covered)
        span = next(spans, None)
        for match in LETTER_WORD_RE.finditer(text, start, end):
            while span is not None and span[1] <= match.start():
                span = next(spans, None)
            if span is not None and span[0] < match.end():
                continue
            word = _normalise_word(match.group())
            if word in strong and (
                headline or not in_proper_name(text, match.start(), match.end(), start)
            ):
                category = VADER_CATEGORIES[int(strong[word] > 0)]
                terms.append(
                    LoadedTerm(
                        match.start(), match.end(), match.group(), word, category, "-", "vader"
                    )
                )
        terms.sort(key=lambda t: t.start)
    return terms


def count_loaded(terms: list[LoadedTerm], layers: tuple[str, ...] = ("lexicon",)) -> int:
    """Loaded hits of the given layers; ``naming`` members are not loaded and do not count."""
    return sum(1 for t in terms if t.layer in layers and t.category != NAMING)


def score_loaded(
    texts, layers: tuple[str, ...] = ("lexicon",), lexicon: LoadedLexicon | None = None
) -> np.ndarray:
    """The score of each text: its :func:`count_loaded` hits in ``layers`` (the lexicon score by
    default)."""
    return np.array(
        [count_loaded(find_loaded_terms(t, lexicon=lexicon), layers) for t in texts], dtype=int
    )


def label_loaded(
    texts, threshold: int = SCORE_THRESHOLD, lexicon: LoadedLexicon | None = None
) -> np.ndarray:
    """1 (biased) for every text whose lexicon score reaches ``threshold``, else 0."""
    return (score_loaded(texts, lexicon=lexicon) >= threshold).astype(int)


# ---------------------------------------------------------------- tables


def find_loaded(
    sentences: pd.DataFrame,
    articles: pd.DataFrame,
    voice: pd.DataFrame,
    lexicon: LoadedLexicon | None = None,
) -> pd.DataFrame:
    """Every loaded term of every sentence.

    Parameters
    ----------
    sentences : DataFrame with ``article_id``, ``sentence_id``, ``start``, ``end``.
    articles : DataFrame with ``article_id`` and ``clean_text``.
    voice : voice ranges (``article_id``, ``start``, ``end``, ``voice``).
    lexicon : the lexicon; the kit's (:func:`load_loaded_lexicon`) when None.

    Returns
    -------
    A new DataFrame of :data:`LOADED_COLUMNS`, one row per hit:

    - ``article_id``, ``sentence_id``: the sentence that holds it
    - ``start``, ``end``: its offsets in the clean text
    - ``term``: as written
    - ``entry``: the lexicon entry, or the VADER word
    - ``category``: the lexicon or VADER category
    - ``set``: its naming set (``-`` for none)
    - ``layer``: ``lexicon`` or ``vader``
    - ``voice``: the voice of its first character
    """
    texts = dict(zip(articles["article_id"], articles["clean_text"]))
    index = index_voice_ranges(voice)
    rows = []
    for article_id, sentence_id, start, end in iter_columns(
        sentences, "article_id", "sentence_id", "start", "end"
    ):
        ranges = index.get(article_id, ([], [], []))
        for t in find_loaded_terms(texts[article_id], start, end, lexicon):
            rows.append(
                (
                    article_id,
                    sentence_id,
                    t.start,
                    t.end,
                    t.text,
                    t.entry,
                    t.category,
                    t.set,
                    t.layer,
                    voice_at(ranges, t.start),
                )
            )
    return pd.DataFrame(rows, columns=LOADED_COLUMNS)


def count_sentence_loaded(words: pd.DataFrame, loaded: pd.DataFrame) -> pd.DataFrame:
    """Authorial words and authorial loaded terms of every sentence; ``words``: the words of every
    sentence in each voice (:func:`analysis.text.quotes.count_sentence_voice_words`).

    Returns
    -------
    A new DataFrame, one row per sentence, counting terms in the author's voice only:

    - ``article_id``, ``sentence_id``: the sentence
    - ``authorial_words``: its words in the author's voice
    - one count column per category: the lexicon's categories, ``naming`` and the VADER categories
    - ``lexicon``: the lexicon's loaded hits (``naming`` left out)
    - ``vader``: the VADER layer's hits
    """
    hits = loaded.assign(tally=np.where(loaded["category"] == NAMING, NAMING, loaded["layer"]))
    return count_authorial_hits(
        words, hits, [("category", LEXICON_CATEGORIES + VADER_CATEGORIES), ("tally", LAYERS)]
    )


def _loaded_measures() -> list[tuple[dict[str, str], str]]:
    """Each layer's total, then each category, as ``(labels, count column)``."""
    totals = [({"layer": layer, "category": "all"}, layer) for layer in LAYERS]
    lexicon = [({"layer": "lexicon", "category": c}, c) for c in LEXICON_CATEGORIES]
    return totals + lexicon + [({"layer": "vader", "category": c}, c) for c in VADER_CATEGORIES]


def summarise_loaded(
    counts: pd.DataFrame,
    articles: pd.DataFrame,
    by: str = "outlet",
    seed: int = DEFAULT_SEED,
    sums: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Loaded terms per 1,000 authorial words by group, layer and category, with intervals.

    Parameters
    ----------
    counts : :func:`count_sentence_loaded`.
    articles : DataFrame with ``article_id`` and the ``by`` column.
    by : ``outlet`` or ``article_id``.
    sums : :func:`analysis.stats.rates.sum_rates_by_article` of ``counts``; with it,
        ``counts`` needs only the rows of small groups
        (:func:`analysis.stats.rates.summarise_rates`).

    Returns
    -------
    A new DataFrame, one row per group and measure:

    - ``by``: the group (the column named by ``by``)
    - ``layer``, ``category``: the measure (``category`` "all" for a layer's loaded total;
      ``naming`` is a row of its own and not in the total)
    - ``articles``: the group's articles
    - ``sentences``: its sentences with authorial words
    - ``authorial_words``: its words in the author's voice
    - ``terms``: its authorial terms of the measure
    - ``per_1000``: terms per 1,000 authorial words (the ratio of sums)
    - ``per_1000_low``, ``per_1000_high``: its 95% interval (as in
      :func:`analysis.stats.rates.summarise_rates`)
    - ``interval_unit``: what the interval resampled, "article" or "sentence"
    """
    return summarise_rates(
        counts, articles, _loaded_measures(), by=by, count_name="terms", seed=seed, sums=sums
    )


def compare_loaded(
    counts: pd.DataFrame,
    articles: pd.DataFrame,
    by: str = "outlet",
    seed: int = DEFAULT_SEED,
    sums: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Loaded terms per 1,000 authorial words compared between groups, per layer, articles as the
    unit.

    Returns
    -------
    A new DataFrame, one row per layer and pair of groups (p-values Holm-adjusted within a layer;
    ``sums`` as in :func:`summarise_loaded`):

    - ``layer``: ``lexicon`` or ``vader``
    - ``first``, ``second`` … ``verdict``: the comparison of the pair
      (:data:`analysis.stats.design.COMPARISON_COLUMNS`; ``difference`` per 1,000 authorial words)
    """
    return compare_rates(
        counts,
        articles,
        [({"layer": layer}, layer) for layer in LAYERS],
        by=by,
        seed=seed,
        sums=sums,
    )
