"""Hedges (doubt, distance, vagueness) and boosters (certainty), cue by cue.

The cue lexicon is a data file, ``analysis/resources/wordlists/hedges.tsv``: every form of
every entry with its kind (hedge or booster), its category and, where a form is
ambiguous, the context rule that must accept a hit. All forms are matched in one
pass by one trie-shaped regular expression
(:func:`analysis.resources.lists.compile_phrase_pattern`), longest form first.

Context rules (:data:`analysis.hedging.senses.CONTEXT_RULES`), each tested in
``tests/hedging/test_cues.py``:

- ``month_may``: "May" is the modal only in lower case, or opening a sentence
  and not followed by a number; "in May", "May 12" and "Theresa May" are not cues.
- ``noun_might``: "might" after a determiner, possessive or adjective of power
  ("military might", "with all his might") or before "of" is the noun.
- ``before_number``: "about", "around", "some", "nearly", "almost", "up to",
  "more than"… are approximators only before a quantity ("about 90 minutes",
  "about an hour", "about half"); "talked about the war" is not a cue.
- ``would_sense``: "would" after a reporting, hoping or expecting verb in the
  same clause ("said he would meet", "hoping he would come"), or in a predicate
  coordinated after one ("said she has signed … and would plead"), is the future
  of reported speech or thought, not doubt; "which/that/who would have" and
  "would never have" + a participle ("a bill which would have reopened the
  government") are a counterfactual past.
- ``epistemic_must``: "must" is a booster only as a conclusion ("must have
  known", "there must be a reason"), not as an obligation ("we must act",
  "must be decided by the states").
- ``epistemic_appear``: "appear" counts before "to", "that", "as if", "likely"…
  ("appear to be facing"), not as "appeared on television".
- ``predicative``: "clear", "certain", "sure"… are boosters only when they say
  something is certain ("it is clear", "made clear", "clear that"), not in
  "a clear sign" or "certain nations", nor in "make sure" and "made certain"
  (to ensure). "For sure" is a booster phrase of its own.
- ``epistemic_assume``: "assume" is not an epistemic verb before an office,
  power or duty ("assume the majority", "assume the chairmanship", "assume
  control of the House", "assume responsibility").
- ``epistemic_believe``: "believe in" (faith in, support for: "we believe in
  freedom of assembly") is not a cue, "believe in my heart" is; "believe me"
  (an emphatic), "hard to believe" (disbelief), and "believe him", "her",
  "them" (to trust) are not cues. "Cannot believe" and a "believe" with
  nothing after it ("who the people believe.") stay cues: taking them out cost
  SFU's recall and the hedging model's F1.
- ``epistemic_think``: "thought" is not a cue as a noun ("the first
  thought", "given any thought", "the thought of"), nor in "thought out"
  ("a poorly thought out plan"). "Think of" and "think about" stay cues:
  SFU's annotators mark them as speculation, and they often are ("I can't
  think of a reason").
- ``verb_suspect``: "suspect(s)" is the verb only after a subject pronoun, an
  auxiliary, an adverb or a plural subject that reports suspicion ("I suspect",
  "police suspect"), or before "that"; "a suspect", "the usual suspects",
  "terrorist suspects" are nouns. "suspected" always counts.
- ``factive_sense``: "confirm" is not a booster when a nominee is confirmed
  ("was confirmed Tuesday as secretary of state", "newly confirmed Secretary",
  "the Senate voted to confirm him"); "know" is not one before a person ("I do
  not know him", "he knows Christie well": acquaintance, not knowledge), nor in
  "you know," (a discourse marker).

"will" is deliberately not a cue: in news it is the plain future (a test holds
this). Every booster preceded by a negation within three words of its sentence
("not clear", "neither confirm nor deny") becomes a hedge of category
``negated_booster``. Cues inside quoted speech are kept, with voice ``quoted``.
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
from analysis.hedging.senses import CONTEXT_RULES, is_negated
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

KINDS = ("hedge", "booster")
HEDGE_CATEGORIES = (
    "modal",
    "epistemic_verb",
    "epistemic_adverb_adjective",
    "approximator",
    "attribution_shield",
    "conditional",
    "negated_booster",
)
BOOSTER_CATEGORIES = ("certainty_adverb", "certainty_adjective", "factive_verb", "modal_booster")
CATEGORIES = HEDGE_CATEGORIES + BOOSTER_CATEGORIES
NEGATED = "negated_booster"
HEDGE_COLUMNS = [
    "article_id",
    "sentence_id",
    "start",
    "end",
    "cue",
    "entry",
    "category",
    "kind",
    "voice",
]


@dataclass(frozen=True)
class CueEntry:
    """One lexicon entry: what a matched form counts as."""

    entry: str
    kind: str
    category: str
    rule: str | None


@dataclass(frozen=True)
class CueLexicon:
    """Every form of the lexicon, its entry, and the one pattern that finds them all."""

    forms: dict[str, CueEntry]
    pattern: re.Pattern


@dataclass(frozen=True)
class Cue:
    """A cue found in a text: ``text[start:end]`` is the form as written."""

    start: int
    end: int
    text: str
    entry: str
    kind: str
    category: str


# ---------------------------------------------------------------- the lexicon


def read_cue_lexicon(path: Path | None = None) -> CueLexicon:
    """The cue lexicon from a tab-separated file (default
    ``analysis/resources/wordlists/hedges.tsv``).

    Columns ``entry``, ``kind``, ``category``, ``forms`` (``|``-separated, with
    ``{a,b}`` alternatives) and ``rule`` (a name in :data:`CONTEXT_RULES` or ``-``).
    Raises InputProblem naming the file and line of every malformed row and of
    every form given to two entries.
    """
    path = path or config.wordlist_path("hedges.tsv")
    forms: dict[str, CueEntry] = {}
    where: dict[str, int] = {}
    records, problems = read_tsv_records(path, ["entry", "kind", "category", "forms", "rule"])
    for number, line, fields in records:
        if len(fields) != 5 or not all(fields):
            problems.append(
                f"{path}, line {number}: expected 5 tab-separated fields, got {len(fields)}: "
                f"{line!r}"
            )
            continue
        entry, kind, category, form_field, rule = fields
        allowed = HEDGE_CATEGORIES if kind == "hedge" else BOOSTER_CATEGORIES
        if kind not in KINDS:
            problems.append(
                f"{path}, line {number}: kind {kind!r} is not one of {', '.join(KINDS)}"
            )
        elif category not in allowed or category == NEGATED:
            problems.append(
                f"{path}, line {number}: category {category!r} is not a {kind} category"
            )
        elif rule != "-" and rule not in CONTEXT_RULES:
            problems.append(
                f"{path}, line {number}: rule {rule!r} is not one of {', '.join(CONTEXT_RULES)}"
            )
        else:
            collect_forms(
                forms,
                where,
                CueEntry(entry, kind, category, None if rule == "-" else rule),
                form_field,
                path,
                number,
                problems,
            )
    if problems:
        raise InputProblem(problems)
    return CueLexicon(forms, compile_phrase_pattern(set(forms)))


@lru_cache(maxsize=4)
def load_cue_lexicon(path: str | None = None) -> CueLexicon:
    """:func:`read_cue_lexicon`, read once per path."""
    return read_cue_lexicon(Path(path) if path else None)


def find_cues(
    text: str, start: int = 0, end: int | None = None, lexicon: CueLexicon | None = None
) -> list[Cue]:
    """Every hedge and booster in ``text[start:end]`` (one sentence), context rules applied."""
    lexicon = lexicon or load_cue_lexicon()
    end = len(text) if end is None else end
    cues = []
    for match in lexicon.pattern.finditer(text, start, end):
        entry = lexicon.forms[normalise_phrase(match.group())]
        if entry.rule is not None and not CONTEXT_RULES[entry.rule](
            text, match.start(), match.end(), start, end
        ):
            continue
        kind, category = entry.kind, entry.category
        if kind == "booster" and is_negated(text, match.start(), start):
            kind, category = "hedge", NEGATED
        cues.append(Cue(match.start(), match.end(), match.group(), entry.entry, kind, category))
    return cues


# ---------------------------------------------------------------- tables


def find_hedges(
    sentences: pd.DataFrame,
    articles: pd.DataFrame,
    voice: pd.DataFrame,
    lexicon: CueLexicon | None = None,
) -> pd.DataFrame:
    """Every hedge and booster of every sentence.

    Parameters
    ----------
    sentences : DataFrame with ``article_id``, ``sentence_id``, ``start``, ``end``.
    articles : DataFrame with ``article_id`` and ``clean_text``.
    voice : voice ranges (``article_id``, ``start``, ``end``, ``voice``).
    lexicon : the cue lexicon; the kit's (:func:`load_cue_lexicon`) when None.

    Returns
    -------
    A new DataFrame, one row per cue:

    - ``article_id``, ``sentence_id``: the sentence that holds it
    - ``start``, ``end``: its offsets in the clean text
    - ``cue``: as written
    - ``entry``, ``category``: its lexicon entry and category
    - ``kind``: ``hedge`` or ``booster``
    - ``voice``: the voice of its first character (authorial or quoted)
    """
    texts = dict(zip(articles["article_id"], articles["clean_text"]))
    index = index_voice_ranges(voice)
    rows = []
    for article_id, sentence_id, start, end in iter_columns(
        sentences, "article_id", "sentence_id", "start", "end"
    ):
        ranges = index.get(article_id, ([], [], []))
        for cue in find_cues(texts[article_id], start, end, lexicon):
            rows.append(
                (
                    article_id,
                    sentence_id,
                    cue.start,
                    cue.end,
                    cue.text,
                    cue.entry,
                    cue.category,
                    cue.kind,
                    voice_at(ranges, cue.start),
                )
            )
    return pd.DataFrame(rows, columns=HEDGE_COLUMNS)


def count_sentence_cues(words: pd.DataFrame, hedges: pd.DataFrame) -> pd.DataFrame:
    """Authorial words and authorial cues of every sentence, by category and kind; ``words``: the
    words of every sentence in each voice
    (:func:`analysis.text.quotes.count_sentence_voice_words`).

    Returns
    -------
    A new DataFrame, one row per sentence, counting cues in the author's voice only:

    - ``article_id``, ``sentence_id``: the sentence
    - ``authorial_words``: its words in the author's voice
    - one count column per category of :data:`CATEGORIES` (``modal`` … ``negated_booster``)
    - ``hedge``, ``booster``: the cues of each kind
    """
    return count_authorial_hits(words, hedges, [("category", CATEGORIES), ("kind", KINDS)])


def _hedging_measures() -> list[tuple[dict[str, str], str]]:
    """Each kind's total, then each category, as ``(labels, count column)``."""
    kinds = [({"kind": kind, "category": "all"}, kind) for kind in KINDS]
    return kinds + [
        ({"kind": "hedge" if c in HEDGE_CATEGORIES else "booster", "category": c}, c)
        for c in CATEGORIES
    ]


def summarise_hedging(
    counts: pd.DataFrame,
    articles: pd.DataFrame,
    by: str = "outlet",
    seed: int = DEFAULT_SEED,
    sums: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Cues per 1,000 authorial words by group and category, with intervals.

    Parameters
    ----------
    counts : :func:`count_sentence_cues`.
    articles : DataFrame with ``article_id`` and the ``by`` column.
    by : ``outlet`` or ``article_id``.
    sums : :func:`analysis.stats.rates.sum_rates_by_article` of ``counts``; with it,
        ``counts`` needs only the rows of small groups
        (:func:`analysis.stats.rates.summarise_rates`).

    Returns
    -------
    A new DataFrame, one row per group and measure (each kind, then each category):

    - ``by``: the group (the column named by ``by``)
    - ``kind``, ``category``: the measure (``category`` "all" for a kind's total)
    - ``articles``: the group's articles
    - ``sentences``: its sentences with authorial words
    - ``authorial_words``: its words in the author's voice
    - ``cues``: its authorial cues of the measure
    - ``per_1000``: cues per 1,000 authorial words (the ratio of sums)
    - ``per_1000_low``, ``per_1000_high``: its 95% interval (percentile bootstrap, seeded, over the
      group's articles when it has at least :data:`~analysis.stats.resampling.MIN_ARTICLES`, else
      over its sentences; the normal approximation past
      :data:`~analysis.stats.uncertainty.RESAMPLE_LIMIT` units)
    - ``interval_unit``: what the interval resampled, "article" or "sentence"
    """
    return summarise_rates(
        counts, articles, _hedging_measures(), by=by, count_name="cues", seed=seed, sums=sums
    )


def compare_hedging(
    counts: pd.DataFrame,
    articles: pd.DataFrame,
    by: str = "outlet",
    seed: int = DEFAULT_SEED,
    sums: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Hedges and boosters per 1,000 authorial words compared between groups, articles as the unit.

    :func:`analysis.stats.rates.compare_rates`: articles (or, with an ``event``
    column, shared events) are the unit (:mod:`analysis.stats.design`); p-values are
    Holm-adjusted within each kind. ``sums`` as in :func:`summarise_hedging`.

    Returns
    -------
    A new DataFrame, one row per kind and pair of groups:

    - ``kind``: ``hedge`` or ``booster``
    - ``first``, ``second`` … ``verdict``: the comparison of the pair
      (:data:`analysis.stats.design.COMPARISON_COLUMNS`; ``difference`` is the rate of ``first``
      minus the rate of ``second``, per 1,000 authorial words)
    """
    measures = [({"kind": kind}, kind) for kind in KINDS]
    return compare_rates(counts, articles, measures, by=by, seed=seed, sums=sums)


UNCERTAIN_CATEGORIES = tuple(c for c in HEDGE_CATEGORIES if c != "conditional")
"""Hedge categories that make a sentence uncertain for the rule classifier.

Conditionals are left out: the CoNLL-2010 guidelines do not count a condition
as uncertainty, and on the wikiweasel training split sentences with "if" are
mostly certain.
"""


def label_uncertain(
    texts: list[str],
    categories: tuple[str, ...] = UNCERTAIN_CATEGORIES,
    lexicon: CueLexicon | None = None,
) -> np.ndarray:
    """1 for every text with at least one hedge of ``categories``, else 0 (the rule classifier)."""
    wanted = set(categories)
    return np.array(
        [
            int(
                any(
                    c.kind == "hedge" and c.category in wanted
                    for c in find_cues(t, lexicon=lexicon)
                )
            )
            for t in texts
        ],
        dtype=int,
    )
