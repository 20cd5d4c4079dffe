"""Words of a sentence as the attribution rules read them: tokens, their bare forms and the closed
word classes.

Shared by :mod:`analysis.sources.attribution` (attributions of words) and
:mod:`analysis.sources.stances` (the rules that tell a stance from a verb that holds
none). No rule lives here: only the words and word classes the rules read.
"""

from __future__ import annotations

import re

WORD = re.compile(r"[^\W_][\w’'.&-]*")
CLAUSE_MARKS = ',;:—–()“”"«»'
"""Marks that end a clause: a source phrase is read back to the last of them."""
AUXILIARIES = frozenset(
    "has have had was were is are be been being would will could can may might did does do also "
    "later earlier then again since "
    "once previously repeatedly recently further still already never not just even first last "
    "quickly publicly privately "
    "separately reportedly".split()
)
"""Auxiliaries and adverbs that may stand between a source and its cue ("has since said", "later
told")."""
PERSON_PRONOUNS = frozenset("he she him her".split())
SENTENCE_OPENERS = frozenset(
    "when but and as after before while if in on at last earlier later the a an back meanwhile "
    "however since throughout despite also "
    "still yet then now today yesterday this that these those it there here with for from by to "
    "of under over during monday tuesday wednesday thursday friday saturday sunday "
    "january february march april may june july august september october november december".split()
)
"""Words that open a sentence in capitals without being a name ("However", "Monday")."""
VERB_OR_PREPOSITION = frozenset(
    "began went made took came gave told said wrote spoke met ran won lost held left kept got saw "
    "became "
    "by about in on at for with to from of into over after before during".split()
)

PRONOUNS = PERSON_PRONOUNS | frozenset("they it we i you".split())


def words_between(text: str, start: int, end: int) -> list[re.Match]:
    """The words of ``text[start:end]`` (letters or digits, with inner apostrophes, periods,
    ampersands and hyphens)."""
    return list(WORD.finditer(text, start, end))


def bare_word(word: str) -> str:
    """A word as compared with the word lists: lower case, no final period, straight apostrophe."""
    return word.lower().rstrip(".").replace("’", "'")


ADVERBS = frozenset(
    "often also still never always sometimes widely frequently repeatedly once again even just "
    "already".split()
)


def is_adverb(word: str) -> bool:
    """An adverb that may stand between a subject and its verb ("also", "repeatedly", a word in
    -ly)."""
    return word in ADVERBS or (word.endswith("ly") and len(word) > 4)


TAG = re.compile(
    r"\(?(?:[DRI]|Dem|Rep|Ind)[-–][A-Z][A-Za-z.]*\.?\)?|\d{1,3}|\d+ years? old", re.IGNORECASE
)
"""Words that stand beside a name but never name a speaker: a party-and-state tag ("D-Conn.",
"R-TX"), an age."""


def is_tag(phrase: str) -> bool:
    """Whether a phrase is a party-and-state tag or an age ("D-Conn.", "(R-TX)", "68"): it never
    names a speaker."""
    return bool(TAG.fullmatch(phrase.strip().strip(",")))
