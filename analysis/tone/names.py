"""Names hidden from the tone model, so that a sentence does not read positive or negative for
whom it names.

A model fitted on rated sentences learns a weight for every frequent word, and names are
frequent in news: fitted on NYT editorials and NewsMTSC's political news, "trump" became the
model's most negative word (issue 32). The tone of a sentence should come from what it says,
not from who is in it, least of all in a kit that compares tone toward actors.

:func:`mask_names` replaces, before the model's word, n-gram and lexicon features are computed
(at fit and at scoring alike; VADER's scores read the text as written),

- every word written with a capital where no sentence begins ("said Mr. Smith", "the Senate",
  "in Paris"): a name, a title or an institution;
- every @handle;
- a capitalised word where a sentence may begin (the text's start, after ``. ! ? : ;``, a dash
  or a line break, with any quotation marks or brackets between) and a word in capitals ("NATO",
  "SAYS"), unless the word is known: written in lower case in enough of the texts the model was
  fitted on (its word vocabulary, see :func:`find_lowercase_words`). "The", "But" and "Despite"
  are kept; "Smith" and "Paris" at a sentence's start are hidden.

with :data:`NAME_PLACEHOLDER`, one word no lexicon knows: the model still sees that a name stood
there. The target-tone model (:mod:`analysis.tone.targets`) hides the names around a mention the
same way, word by word (``begins`` false for every word but the sentence's first).

Blind spots: a name written in lower case (a handle without its @, "obama" in a tweet) is kept; a
capitalised common word inside a sentence ("the Right", a headline in title case) is hidden with
the names; a word known in lower case that is also a name ("Rich", "Hope", "Bush" if the training
texts wrote "bush") is kept at a sentence's start.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable

NAME_PLACEHOLDER = "_name_"
"""What a hidden name becomes: a word for the TF-IDF blocks, in no lexicon."""

_WORD = r"(?P<word>@\w+|\b[A-Z][A-Za-z]*[a-z][A-Za-z]*\b|\b[A-Z]{2,}\b)"
_NAME = {
    True: re.compile(r"""(?P<start>(?:^|[.!?:;\n—–-])[\s"'“”‘’(\[]*)?""" + _WORD),
    False: re.compile(r"""(?P<start>[.!?:;\n—–-][\s"'“”‘’(\[]*)?""" + _WORD),
}
"""A capitalised word, a word in capitals or an @handle, with what stands before it when a
sentence may begin there; keyed by whether a sentence may begin at the text's start."""


def mask_names(text: str, known: Collection[str], begins: bool = True) -> str:
    """``text`` with its names replaced by :data:`NAME_PLACEHOLDER` (see the module docstring):
    every capitalised word inside a sentence and every @handle; a capitalised word where a
    sentence may begin, and a word in capitals, unless its lower-case form is in ``known``.
    ``begins``: whether a sentence may begin at the text's start (false for a piece cut from
    inside a sentence)."""

    def replace(match: re.Match) -> str:
        word = match.group("word")
        may_begin = match.group("start") is not None or word.isupper()
        if word[0] != "@" and may_begin and word.lower() in known:
            return match.group(0)
        return (match.group("start") or "") + NAME_PLACEHOLDER

    return _NAME[begins].sub(replace, text)


def find_lowercase_words(
    texts: Iterable[str], fit_words: Callable[[list[str]], Iterable[str]]
) -> frozenset[str]:
    """The words ``fit_words`` keeps from ``texts`` with every capitalised word, word in
    capitals and @handle hidden: the words written in lower case, as often as ``fit_words``
    asks (the tone model passes its word vocabulary's fit, with its minimum document
    frequency). Masking with them (:func:`mask_names`) leaves exactly these words and the
    placeholder to the word vocabulary, so a fitted model's vocabulary is its known set."""
    return frozenset(fit_words([mask_names(t, ()) for t in texts])) - {NAME_PLACEHOLDER}
