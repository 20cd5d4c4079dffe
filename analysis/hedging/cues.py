"""Hedges (doubt, distance, vagueness) and boosters (certainty), cue by cue.

The cue lexicon is a data file, ``analysis/resources/wordlists/hedges.tsv``: every form of
every entry with its kind (hedge or booster), its category and, where a form is
ambiguous, the context rule that must accept a hit. All forms are matched in one
pass by one trie-shaped regular expression
(:func:`analysis.resources.lists.compile_phrase_pattern`), longest form first.

Context rules (:data:`CONTEXT_RULES`), each tested in ``tests/hedging/test_cues.py``:

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
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from analysis import config
from analysis.errors import InputProblem
from analysis.resources.lists import collect_forms, compile_phrase_pattern, normalise_phrase, read_tsv_records, read_wordlist
from analysis.stats.frames import add_article_column
from analysis.stats.rates import compare_rates, count_authorial_hits, summarise_rates
from analysis.stats.uncertainty import DEFAULT_SEED
from analysis.text.amounts import find_figures
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
HEDGE_COLUMNS = ["article_id", "sentence_id", "start", "end", "cue", "entry", "category", "kind", "voice"]


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


# ---------------------------------------------------------------- context rules

_WORD_RE = re.compile(r"[$€£]?[^\W_]+(?:[.,’'-][^\W_]+)*%?")
_WINDOW = 120
_CLAUSE_MARKS = (",", ";", ":", "—", "–", "(", ")")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred hundreds thousand thousands million millions billion billions trillion dozen dozens half "
    "several".split()
)
_UNIT_AFTER_ARTICLE = frozenset(
    "dozen third quarter half hour minute week month year day decade hundred thousand million billion mile percent".split()
)
_MIGHT_NOUN_BEFORE = frozenset(
    "the his her its their our my your all military economic naval industrial full sheer russian american western "
    "chinese nuclear financial".split()
)
_APPEAR_NEXT = frozenset("to that as likely unlikely set poised ready headed close".split())
_PREDICATIVE_BEFORE = frozenset(
    "is are was were be been being am seems seemed seem became become becomes remains remained made make makes "
    "making it quite absolutely very not entirely fully it's that's he's she's i'm we're they're you're".split()
)
_NEGATIONS = frozenset("not never no nor neither hardly cannot without".split())
_ENSURE_BEFORE = frozenset("make makes made making".split())
_OFFICE_NOUNS = frozenset(
    "majority minority office offices title titles chairmanship chairmanships presidency speakership governorship leadership "
    "control command power powers responsibility responsibilities duty duties role roles post posts position positions "
    "helm mantle throne reins seat job debt debts risk risks liability liabilities ownership custody authority".split()
)
_SKIPPED_BEFORE_NOUN = frozenset("the a an his her their its our my your full sole greater more new interim temporary".split())
_SUSPECT_SUBJECTS = frozenset(
    "i we you they he she who which also do does did don't doesn't didn't may might could would will still "
    "police officials investigators authorities prosecutors detectives experts analysts scientists researchers "
    "critics many some others people".split()
)
_BE_FORMS = frozenset("is are was were be been being newly unanimously narrowly quickly finally".split())
_NOMINATION = re.compile(r"\b(?:senate|senators?|nominee|nominees|nomination|nominated|confirmation)\b", re.IGNORECASE)
_OBJECT_PRONOUNS = frozenset("him her them me us each".split())
_DISBELIEF_BEFORE = frozenset("hard difficult impossible".split())
_MODAL_ADVERBS = frozenset("not n't never also surely certainly probably still only already all".split())
_IRREGULAR_PARTICIPLES = frozenset(
    "been done gone made known seen said told thought brought bought won lost left put set run become come got "
    "felt heard held kept led meant met paid sent spent stood understood found built caught taught fought sold "
    "let cut hit hurt shut struck begun sung swum drunk sunk read".split()
)
_THOUGHT_NOUN_BEFORE = frozenset(
    "the a an first second final last any some much no little considerable careful serious more of "
    "his her my our their its this that your".split()
)



def _words_before(text: str, lo: int, pos: int, n: int) -> list[str]:
    """The last ``n`` words before ``pos`` in the same clause (after the last , ; : dash or bracket)."""
    window = max(lo, pos - _WINDOW)
    clause = max(text.rfind(mark, window, pos) for mark in _CLAUSE_MARKS) + 1
    return [normalise_phrase(w) for w in _WORD_RE.findall(text, max(window, clause), pos)][-n:]


def _words_after(text: str, pos: int, hi: int, n: int) -> list[str]:
    return [normalise_phrase(w) for w in _WORD_RE.findall(text, pos, min(hi, pos + _WINDOW))][:n]


def _is_quantity(words: list[str]) -> bool:
    if not words:
        return False
    first = words[0].lstrip("$€£")
    if first[:1].isdigit() or first in _NUMBER_WORDS:
        return True
    return first in ("a", "an") and len(words) > 1 and words[1].rstrip("s") in _UNIT_AFTER_ARTICLE


def _opens_sentence(text: str, lo: int, pos: int) -> bool:
    return not any(ch.isalnum() for ch in text[lo:pos])


def keep_modal_may(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``month_may``: "may" in lower case, or sentence-initial "May" not before a number."""
    written = text[start:end]
    if written == "may":
        return True
    if written.isupper() or _opens_sentence(text, lo, start):
        return not _is_quantity(_words_after(text, end, hi, 2))
    return False


def keep_modal_might(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``noun_might``: not after a determiner or adjective of power, not before "of"."""
    before = _words_before(text, lo, start, 1)
    after = _words_after(text, end, hi, 1)
    return not ((before and before[0] in _MIGHT_NOUN_BEFORE) or after == ["of"])


def keep_before_number(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``before_number``: an approximator only when a quantity follows."""
    return _is_quantity(_words_after(text, end, hi, 2))


@lru_cache(maxsize=1)
def _reporting_verbs() -> frozenset[str]:
    return frozenset(read_wordlist("speech_verbs.txt")) | frozenset(read_wordlist("reporting_verbs.txt"))


def _sentence_words_before(text: str, lo: int, pos: int) -> list[str]:
    """Every word of the sentence before ``pos``, across clause marks."""
    return [normalise_phrase(w) for w in _WORD_RE.findall(text, max(lo, pos - 4 * _WINDOW), pos)]


def _is_participle(word: str) -> bool:
    return word.endswith(("ed", "en")) or word in _IRREGULAR_PARTICIPLES


def keep_would_sense(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``would_sense``: not the future of reported speech or thought, not a counterfactual past.

    Reported future: a reporting verb among the eight words before ("said he would meet", "hoping he would
    come"), or a coordinated predicate ("said she has signed … and would plead") with a reporting verb anywhere
    before it in the sentence. Counterfactual past: "would have" + a participle after "which", "that" or "who" ("a bill
    which would have reopened the government"), and "would never have" + a participle ("I would never have wanted"):
    what did not happen, not doubt. "Would have been" stays a cue: it often weighs a claim not yet established
    ("he had spoken to Putin, which would have been their first call since 2022"). Other counterfactuals stay cues: SFU's annotators mark "would have" as
    speculation, and the rule is kept to the forms that are plainly past and unreal.
    """
    if any(w in _reporting_verbs() for w in _words_before(text, lo, start, 8)):
        return False
    if _words_before(text, lo, start, 1) in (["and"], ["but"]) and any(w in _reporting_verbs() for w in _sentence_words_before(text, lo, start)):
        return False
    after = _words_after(text, end, hi, 4)
    perfect = [w for w in after if w not in _MODAL_ADVERBS]
    counterfactual = len(perfect) >= 2 and perfect[0] in ("have", "'ve") and perfect[1] != "been" and _is_participle(perfect[1])
    before = _words_before(text, lo, start, 2)
    relative = before[-1:] in (["which"], ["who"]) or (len(before) == 2 and before[1] == "that")  # not "That would have …"
    return not (counterfactual and (relative or after[:1] == ["never"]))


def keep_epistemic_must(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``epistemic_must``: "must" is a booster only as a conclusion, not as an obligation.

    It counts before "have" + a participle ("he must have known") and before "be" not followed by a participle
    ("there must be a reason", "they must be joking"); "we must make America great", "every bill must cite its
    source", "the issue must be decided by the states" are duties, not certainty.
    """
    after = [w for w in _words_after(text, end, hi, 4) if w not in _MODAL_ADVERBS]
    if len(after) < 2:
        return False
    if after[0] in ("have", "'ve"):
        return _is_participle(after[1])
    return after[0] == "be" and not _is_participle(after[1])


def keep_epistemic_appear(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``epistemic_appear``: before "to", "that", "as", "likely"… only."""
    after = _words_after(text, end, hi, 1)
    return bool(after) and after[0] in _APPEAR_NEXT


def keep_predicative(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``predicative``: right after a form of "be", "made", "it", "quite"…, or before "that"; never "make sure"."""
    before = _words_before(text, lo, start, 1)
    if before and before[0] in _ENSURE_BEFORE and normalise_phrase(text[start:end]) in ("sure", "certain"):
        return False  # "make sure they don't", "made certain that": to ensure, not certainty
    return (bool(before) and before[0] in _PREDICATIVE_BEFORE) or _words_after(text, end, hi, 1) == ["that"]


def keep_epistemic_assume(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``epistemic_assume``: not before an office, power or duty ("assume the chairmanship", "assume control")."""
    after = [w for w in _words_after(text, end, hi, 4) if w not in _SKIPPED_BEFORE_NOUN]
    return not (after and after[0] in _OFFICE_NOUNS)


def keep_epistemic_believe(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``epistemic_believe``: not "believe in" (except "believe in my heart"), "believe me", "hard to believe",
    nor "believe him/her/them" (to trust)."""
    after = _words_after(text, end, hi, 3)
    if after[:1] == ["in"] and after[2:3] != ["heart"]:
        return False  # "we believe in freedom of assembly"
    if after[:1] in (["me"], ["us"], ["him"], ["her"], ["them"]):
        return False  # "believe me, it worked": an emphatic; "voters believe him": trust
    before = _words_before(text, lo, start, 2)
    return not (len(before) == 2 and before[1] == "to" and before[0] in _DISBELIEF_BEFORE)


def keep_epistemic_think(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``epistemic_think``: not the noun "thought", not "thought out" (see the module docstring)."""
    if normalise_phrase(text[start:end]) != "thought":
        return True
    before = _words_before(text, lo, start, 1)
    if before and before[0] in _THOUGHT_NOUN_BEFORE:
        return False  # "my first thought", "given any thought", "the thought of"
    return _words_after(text, end, hi, 1) != ["out"]


def keep_verb_suspect(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``verb_suspect``: "suspect(s)" after a subject pronoun, auxiliary, adverb or reporting subject, or before "that"; "suspected" always."""
    if normalise_phrase(text[start:end]) not in ("suspect", "suspects"):
        return True
    if _words_after(text, end, hi, 1) == ["that"]:
        return True
    before = _words_before(text, lo, start, 1)
    return bool(before) and (before[0] in _SUSPECT_SUBJECTS or before[0].endswith("ly"))


def keep_factive_sense(text: str, start: int, end: int, lo: int, hi: int) -> bool:
    """Rule ``factive_sense``: not a nominee's confirmation, not "know" a person (see the module docstring)."""
    form = normalise_phrase(text[start:end])
    after = _words_after(text, end, hi, 1)
    if form.startswith("confirm"):
        if after == ["that"]:
            return True
        if after == ["as"]:
            return False  # "confirmed as the new secretary"
        before = _words_before(text, lo, start, 6)
        passive = bool(before) and before[-1] in _BE_FORMS
        by_senate = "senate" in before or (len(before) >= 2 and before[-2:] == ["nominated", "and"])
        return not ((passive or by_senate or before[-2:] == ["vote", "to"]) and _NOMINATION.search(text, lo, hi))
    if form in ("know", "knows", "knew"):
        written = _WORD_RE.search(text, end, min(hi, end + _WINDOW))
        if after and after[0] in _OBJECT_PRONOUNS:
            return False  # "I do not know him", "they know each other"
        if _words_before(text, lo, start, 1) == ["you"] and text[end : end + 1] in (",", "…") and form == "know":
            return False  # "You know, I look forward …": a discourse marker
        if written is not None and written.group()[:1].isupper() and not text[end : written.start()].strip() and after[0] not in ("i",):
            return False  # "he knows Christie well"
    return True


def is_negated(text: str, start: int, lo: int) -> bool:
    """A negation ("not", "n't", "never", "no", "neither"…) among the three words before ``start``."""
    return any(w in _NEGATIONS or w.endswith("n't") for w in _words_before(text, lo, start, 3))


CONTEXT_RULES: dict[str, Callable[[str, int, int, int, int], bool]] = {
    "month_may": keep_modal_may,
    "noun_might": keep_modal_might,
    "before_number": keep_before_number,
    "would_sense": keep_would_sense,
    "epistemic_must": keep_epistemic_must,
    "epistemic_appear": keep_epistemic_appear,
    "predicative": keep_predicative,
    "epistemic_assume": keep_epistemic_assume,
    "epistemic_believe": keep_epistemic_believe,
    "epistemic_think": keep_epistemic_think,
    "verb_suspect": keep_verb_suspect,
    "factive_sense": keep_factive_sense,
}
"""Rule name (the lexicon's ``rule`` column) → test of ``(text, start, end, sentence_start, sentence_end)``."""


# ---------------------------------------------------------------- the lexicon


def read_cue_lexicon(path: Path | None = None) -> CueLexicon:
    """The cue lexicon from a tab-separated file (default ``analysis/resources/wordlists/hedges.tsv``).

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
            problems.append(f"{path}, line {number}: expected 5 tab-separated fields, got {len(fields)}: {line!r}")
            continue
        entry, kind, category, form_field, rule = fields
        allowed = HEDGE_CATEGORIES if kind == "hedge" else BOOSTER_CATEGORIES
        if kind not in KINDS:
            problems.append(f"{path}, line {number}: kind {kind!r} is not one of {', '.join(KINDS)}")
        elif category not in allowed or category == NEGATED:
            problems.append(f"{path}, line {number}: category {category!r} is not a {kind} category")
        elif rule != "-" and rule not in CONTEXT_RULES:
            problems.append(f"{path}, line {number}: rule {rule!r} is not one of {', '.join(CONTEXT_RULES)}")
        else:
            collect_forms(forms, where, CueEntry(entry, kind, category, None if rule == "-" else rule), form_field, path, number, problems)
    if problems:
        raise InputProblem(problems)
    return CueLexicon(forms, compile_phrase_pattern(set(forms)))


@lru_cache(maxsize=4)
def load_cue_lexicon(path: str | None = None) -> CueLexicon:
    """:func:`read_cue_lexicon`, read once per path."""
    return read_cue_lexicon(Path(path) if path else None)


def find_cues(text: str, start: int = 0, end: int | None = None, lexicon: CueLexicon | None = None) -> list[Cue]:
    """Every hedge and booster in ``text[start:end]`` (one sentence), context rules applied."""
    lexicon = lexicon or load_cue_lexicon()
    end = len(text) if end is None else end
    cues = []
    for match in lexicon.pattern.finditer(text, start, end):
        entry = lexicon.forms[normalise_phrase(match.group())]
        if entry.rule is not None and not CONTEXT_RULES[entry.rule](text, match.start(), match.end(), start, end):
            continue
        kind, category = entry.kind, entry.category
        if kind == "booster" and is_negated(text, match.start(), start):
            kind, category = "hedge", NEGATED
        cues.append(Cue(match.start(), match.end(), match.group(), entry.entry, kind, category))
    return cues


# ---------------------------------------------------------------- tables


def find_hedges(sentences: pd.DataFrame, articles: pd.DataFrame, voice: pd.DataFrame, lexicon: CueLexicon | None = None) -> pd.DataFrame:
    """Every hedge and booster of every sentence.

    Parameters
    ----------
    sentences : DataFrame with ``article_id``, ``sentence_id``, ``start``, ``end``.
    articles : DataFrame with ``article_id`` and ``clean_text``.
    voice : voice ranges (``article_id``, ``start``, ``end``, ``voice``).
    lexicon : the cue lexicon; the kit's (:func:`load_cue_lexicon`) when None.

    Returns
    -------
    One row per cue: ``article_id``, ``sentence_id``, ``start``, ``end`` (offsets
    in the clean text), ``cue`` (as written), ``entry``, ``category``, ``kind``
    (hedge or booster) and ``voice`` (of the cue's first character).
    """
    texts = dict(zip(articles["article_id"], articles["clean_text"]))
    index = index_voice_ranges(voice)
    rows = []
    for article_id, sentence_id, start, end in zip(sentences["article_id"], sentences["sentence_id"], sentences["start"], sentences["end"]):
        ranges = index.get(article_id, ([], [], []))
        for cue in find_cues(texts[article_id], start, end, lexicon):
            rows.append((article_id, sentence_id, cue.start, cue.end, cue.text, cue.entry, cue.category, cue.kind, voice_at(ranges, cue.start)))
    return pd.DataFrame(rows, columns=HEDGE_COLUMNS)


def count_sentence_cues(sentences: pd.DataFrame, articles: pd.DataFrame, voice: pd.DataFrame, hedges: pd.DataFrame) -> pd.DataFrame:
    """Authorial words and authorial cues of every sentence, by category and kind.

    Returns
    -------
    A new DataFrame, one row per sentence: ``article_id``, ``sentence_id``,
    ``authorial_words``, then one count column per category of :data:`CATEGORIES`
    and per kind (``hedge``, ``booster``), counting cues in authorial voice only.
    """
    return count_authorial_hits(sentences, articles, voice, hedges, [("category", CATEGORIES), ("kind", KINDS)])


def _hedging_measures() -> list[tuple[dict[str, str], str]]:
    """Each kind's total, then each category, as ``(labels, count column)``."""
    kinds = [({"kind": kind, "category": "all"}, kind) for kind in KINDS]
    return kinds + [({"kind": "hedge" if c in HEDGE_CATEGORIES else "booster", "category": c}, c) for c in CATEGORIES]


def summarise_hedging(
    counts: pd.DataFrame, articles: pd.DataFrame, by: str = "outlet", seed: int = DEFAULT_SEED, sums: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Cues per 1,000 authorial words by group and category, with intervals.

    Parameters
    ----------
    counts : :func:`count_sentence_cues`.
    articles : DataFrame with ``article_id`` and the ``by`` column.
    by : ``outlet`` or ``article_id``.
    sums : :func:`analysis.stats.rates.sum_rates_by_article` of ``counts``; with it,
        ``counts`` needs only the rows of small groups (:func:`analysis.stats.rates.summarise_rates`).

    Returns
    -------
    One row per group and measure (each kind, then each category): ``by``,
    ``kind``, ``category`` ("all" for a kind's total), ``articles``,
    ``sentences`` (with authorial words), ``authorial_words``, ``cues``,
    ``per_1000``, ``per_1000_low``, ``per_1000_high`` (95% percentile bootstrap
    over sentences of the ratio of sums, seeded; its normal approximation past
    :data:`analysis.stats.uncertainty.RESAMPLE_LIMIT` sentences).
    """
    return summarise_rates(counts, articles, _hedging_measures(), by=by, count_name="cues", seed=seed, sums=sums)


def compare_hedging(
    counts: pd.DataFrame, articles: pd.DataFrame, by: str = "outlet", seed: int = DEFAULT_SEED, sums: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Hedges and boosters per 1,000 authorial words compared between groups, articles as the unit.

    :func:`analysis.stats.rates.compare_rates`: articles (or, with an ``event``
    column, shared events) are the unit (:mod:`analysis.stats.design`); p-values are
    Holm-adjusted within each kind. ``sums`` as in :func:`summarise_hedging`.

    Returns
    -------
    One row per kind and pair of groups: ``kind``, then
    :data:`analysis.stats.rates.TEST_COLUMNS` (``difference``: the rate of first
    minus the rate of second, per 1,000 words).
    """
    measures = [({"kind": kind}, kind) for kind in KINDS]
    return compare_rates(counts, articles, measures, by=by, seed=seed, sums=sums)


UNCERTAIN_CATEGORIES = tuple(c for c in HEDGE_CATEGORIES if c != "conditional")
"""Hedge categories that make a sentence uncertain for the rule classifier.

Conditionals are left out: the CoNLL-2010 guidelines do not count a condition
as uncertainty, and on the wikiweasel training split sentences with "if" are
mostly certain.
"""


def label_uncertain(texts: list[str], categories: tuple[str, ...] = UNCERTAIN_CATEGORIES, lexicon: CueLexicon | None = None) -> np.ndarray:
    """1 for every text with at least one hedge of ``categories``, else 0 (the rule classifier)."""
    wanted = set(categories)
    return np.array([int(any(c.kind == "hedge" and c.category in wanted for c in find_cues(t, lexicon=lexicon))) for t in texts], dtype=int)


FIGURE_COLUMNS = [
    "article_id",
    "sentence_id",
    "start",
    "end",
    "figure",
    "value",
    "unit",
    "phrase",
    "approximators",
    "other_hedges",
    "voice",
]


def find_hedged_figures(sentences: pd.DataFrame, articles: pd.DataFrame, hedges: pd.DataFrame, voice: pd.DataFrame) -> pd.DataFrame:
    """Every figure (:func:`analysis.text.amounts.find_figures`) and the hedges that carry it.

    An approximator carries a figure when only spaces separate them ("about 90
    minutes"), or a chain of approximators does ("an estimated several hundred
    thousand"), or it overlaps the figure's first word. The sentence's other
    hedges are listed beside it.

    Returns
    -------
    One row per figure: ``article_id``, ``sentence_id``, ``start``, ``end``,
    ``figure`` (as written), ``value`` (NaN for a quantity in words that names no
    number), ``unit``, ``phrase`` (approximators, figure and unit as written),
    ``approximators`` and ``other_hedges`` (cue texts joined by "; ", empty when
    none) and ``voice``.
    """
    texts = dict(zip(articles["article_id"], articles["clean_text"]))
    index = index_voice_ranges(voice)
    cue_spans: dict[tuple[str, int], list[tuple[int, int, str, str]]] = {}
    only = hedges[hedges["kind"] == "hedge"]
    for article_id, sentence_id, *span in zip(only["article_id"], only["sentence_id"], only["start"], only["end"], only["cue"], only["category"]):
        cue_spans.setdefault((article_id, sentence_id), []).append(tuple(span))
    rows = []
    for article_id, sentence_id, start, end in zip(sentences["article_id"], sentences["sentence_id"], sentences["start"], sentences["end"]):
        text = texts[article_id]
        spans = cue_spans.get((article_id, sentence_id), [])
        for figure in find_figures(text, start, end):
            carried, position = [], figure.start
            for cue_start, cue_end, cue_text, category in sorted(spans, reverse=True):
                touching = cue_end <= position and not text[cue_end:position].strip()
                overlapping = cue_start <= figure.start < cue_end
                if category == "approximator" and (touching or overlapping):
                    carried.insert(0, (cue_start, cue_text))
                    position = min(position, cue_start)
            others = [c for s, e, c, _ in spans if (s, c) not in carried]
            rows.append(
                (
                    article_id,
                    sentence_id,
                    figure.start,
                    figure.end,
                    figure.text,
                    figure.value,
                    figure.unit,
                    " ".join(text[position : figure.unit_end].split()),
                    "; ".join(c for _, c in carried),
                    "; ".join(others),
                    voice_at(index.get(article_id, ([], [], [])), figure.start),
                )
            )
    return pd.DataFrame(rows, columns=FIGURE_COLUMNS)


def line_up_figures(figures: pd.DataFrame, articles: pd.DataFrame, by: str = "outlet", min_groups: int = 2) -> pd.DataFrame:
    """The same figure as each group gives it, side by side.

    Figures with the same value and unit are one claim; claims given by at least
    ``min_groups`` groups are kept.

    Returns
    -------
    One row per claim and group that gives it: ``value``, ``unit``, ``by``,
    ``phrases`` (every wording in that group, joined by " | "),
    ``approximated`` (any wording carries an approximator), ``voice`` (the
    voices of the wordings, joined), ``groups`` (how many groups give the claim).
    """
    data = add_article_column(figures[figures["value"].notna()], articles, by)
    rows = []
    for (value, unit), frame in data.groupby(["value", "unit"], sort=True):
        if frame[by].nunique() < min_groups:
            continue
        for group, part in frame.groupby(by, sort=True):
            rows.append(
                {
                    "value": value,
                    "unit": unit,
                    by: group,
                    "phrases": " | ".join(dict.fromkeys(part["phrase"])),
                    "approximated": bool((part["approximators"] != "").any()),
                    "voice": ", ".join(sorted(set(part["voice"]))),
                    "groups": frame[by].nunique(),
                }
            )
    return pd.DataFrame(rows, columns=["value", "unit", by, "phrases", "approximated", "voice", "groups"])
