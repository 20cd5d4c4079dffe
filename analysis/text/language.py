"""Flag text that is probably not English.

The kit's word lists and models are English. Rather than guess a language, it
measures how much of a text is made of English closed-class words (articles,
pronouns, prepositions, auxiliaries: ``wordlists/english_function_words.txt``),
which make up roughly 40-55 % of the running words of any English prose, and
flags a text whose share is far below that.
"""

from __future__ import annotations

from analysis.resources.lists import read_wordlist
from analysis.text.segment import find_words

MIN_WORDS = 40
"""Texts shorter than this are not judged: a headline or caption says too little."""

MIN_ENGLISH_SHARE = 0.20
"""Below this share of English function words a text is flagged as probably not English."""


def measure_english_share(text: str) -> tuple[int, float]:
    """The number of words in ``text`` and the share that are English function words."""
    function_words = frozenset(read_wordlist("english_function_words.txt"))
    words = [w.lower() for _, _, w in find_words(text)]
    if not words:
        return 0, 0.0
    hits = sum(1 for w in words if w in function_words)
    return len(words), hits / len(words)


def flag_language(text: str) -> str:
    """An empty string for English (or too-short) text, else a flag saying why."""
    n_words, share = measure_english_share(text)
    if n_words < MIN_WORDS or share >= MIN_ENGLISH_SHARE:
        return ""
    return (
        f"probably not English: {share:.0%} of {n_words} words are English function words "
        f"(English prose has about 40-55 %, the flag is raised below {MIN_ENGLISH_SHARE:.0%})"
    )
