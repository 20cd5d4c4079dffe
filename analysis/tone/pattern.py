"""Pattern's polarity and subjectivity of a sentence (De Smedt & Daelemans 2012), the numbers
``textblob`` gives, computed faster.

The tone model reads two features of the Pattern lexicon that ships inside ``textblob``
(``en-sentiment.xml``): the mean polarity and the mean subjectivity of the lexicon words of a
text, after Pattern's rules (an adverb such as "very" multiplies the next word's scores, a
negation before a word turns its polarity into −0.5 times it, "!" strengthens the word before
it, emoticons count as words). ``textblob`` computes them through general machinery: a tokenizer
that also finds sentences, and a lexicon that checks on every lookup whether it has been loaded.
Here the same rules run on plain dictionaries built once from ``textblob``'s own lexicon:

- :func:`split_like_pattern`: the tokens ``textblob``'s tokenizer gives a sentence (contractions
  and quotation marks split off, leading and trailing punctuation split, a final period kept on
  an abbreviation); for a text where its sentence-level rules could matter (a paragraph break,
  an emoticon written with spaces, "( ! )"), ``textblob``'s tokenizer itself;
- :func:`assess_pattern`: Pattern's reading of those tokens, word by word.

The numbers are the same as ``textblob``'s, float for float: ``tests/tone/test_pattern.py``
compares them on tricky strings and, with the gold data home, on every sentence of ``vader_nyt``
and NewsMTSC ``train``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from textblob import _text as pattern_text


@dataclass(frozen=True)
class PatternLexicon:
    """Pattern's English sentiment lexicon, as ``textblob`` loads it, in plain containers."""

    scores: dict[str, tuple[float, float, float]]
    """Each word's polarity, subjectivity and intensity, averaged over its senses and tags (what
    ``textblob`` reads for an untagged word)."""
    modifiers: frozenset[str]
    """Words with an adverb sense: they multiply the scores of the word after them."""
    negations: frozenset[str]
    emoticons: tuple[tuple[float, frozenset[str]], ...]
    """Each emoticon family's polarity and its emoticons, lower case, in ``textblob``'s order."""


@lru_cache(maxsize=1)
def load_pattern_lexicon() -> PatternLexicon:
    """The lexicon of ``textblob.en.sentiment``, loaded once."""
    from textblob.en import sentiment

    len(sentiment)  # loads the XML file and adds the adverbs textblob derives from adjectives
    entries = dict(dict.items(sentiment))
    return PatternLexicon(
        scores={word: tuple(tags[None]) for word, tags in entries.items()},
        modifiers=frozenset(
            word for word, tags in entries.items() if any(t in tags for t in sentiment.modifiers)
        ),
        negations=frozenset(sentiment.negations),
        emoticons=tuple(
            (polarity, frozenset(e.lower() for e in faces))
            for (_, polarity), faces in pattern_text.EMOTICONS.items()
        ),
    )


_CONTRACTIONS = tuple(pattern_text.replacements.items())
_QUOTES = ("“", "”", "‘", "’", "'", '"')
_INNER = tuple(pattern_text.PUNCTUATION.replace(".", ""))
"""Punctuation split off either end of a token (periods are handled apart)."""
_LEADING = frozenset(_INNER)
_TRAILING = frozenset(_INNER + (".",))


def _split_token(token: str, tokens: list[str]) -> None:
    """Append ``token`` to ``tokens`` with its leading and trailing punctuation split off, as
    ``textblob``'s tokenizer does (a period stays on an abbreviation)."""
    contractions = pattern_text.replacements
    while token[:1] in _LEADING and token not in contractions:
        tokens.append(token[0])
        token = token[1:]
    tail: list[str] = []
    while token[-1:] in _TRAILING and token not in contractions:
        if token[-1] in _LEADING:
            tail.append(token[-1])
            token = token[:-1]
        if token.endswith("..."):
            tail.append("...")
            token = token[:-3].rstrip(".")
        if token.endswith("."):
            if (
                token in pattern_text.ABBREVIATIONS
                or pattern_text.RE_ABBR1.match(token)
                or pattern_text.RE_ABBR2.match(token)
                or pattern_text.RE_ABBR3.match(token)
            ):
                break
            tail.append(".")
            token = token[:-1]
    if token:
        tokens.append(token)
    tokens.extend(reversed(tail))


def split_like_pattern(text: str) -> list[str]:
    """The tokens of ``text`` as ``textblob``'s sentiment reads them (its tokenizer's sentences
    joined and split at spaces)."""
    if "\n" in text:  # a paragraph break makes a sentence of its own: textblob's own rules
        return " ".join(pattern_text.find_tokens(text)).split()
    for old, new in _CONTRACTIONS:
        text = text.replace(old, new)
    for mark in _QUOTES:
        text = text.replace(mark, f" {mark} ")
    tokens: list[str] = []
    for token in text.split():
        if token[:1] in _LEADING or token[-1:] in _TRAILING:
            _split_token(token, tokens)
        else:
            tokens.append(token)
    joined = " ".join(tokens)
    if pattern_text.RE_SARCASM.search(joined) or pattern_text.RE_EMOTICONS.search(joined):
        # "( ! )" and emoticons written with spaces are joined sentence by sentence
        return " ".join(pattern_text.find_tokens(text)).split()
    return tokens


def assess_pattern(words: list[str], lexicon: PatternLexicon) -> tuple[float, float]:
    """Pattern's mean polarity and subjectivity of ``words`` (lower case), by its rules for
    untagged words: a known word counts with its scores; after a modifier the modifier's
    intensity multiplies them; after a negation (kept across words of one letter) the
    intensity is inverted and the polarity will be −0.5 times its value; "!" multiplies the
    last polarity by 1.25; "(!)" counts as irony; emoticons count as words."""
    scores, modifiers, negations = lexicon.scores, lexicon.modifiers, lexicon.negations
    found: list[list[float]] = []  # polarity, subjectivity, intensity, negated (−1) or not (1)
    modifier: str | None = None
    negation: str | None = None
    for word in words:
        known = scores.get(word)
        if known is not None:
            polarity, subjectivity, intensity = known
            if modifier is None:
                found.append([polarity, subjectivity, intensity, 1])
            else:
                last = found[-1]
                last[0] = max(-1.0, min(polarity * last[2], +1.0))
                last[1] = max(-1.0, min(subjectivity * last[2], +1.0))
                last[2] = intensity
            if negation is not None:
                found[-1][2] = 1.0 / found[-1][2]
                found[-1][3] = -1
            modifier = word if word in modifiers else None
            negation = word if word in negations else None
            continue
        if word in negations:
            negation = word
        elif negation and len(word.strip("'")) > 1:
            negation = None
        if negation is not None and modifier is not None and modifier.endswith("ly"):
            found[-1][3] = -1
            negation = None
        elif modifier and len(word) > 2:
            modifier = None
        if word == "!" and found:
            found[-1][0] = max(-1.0, min(found[-1][0] * 1.25, +1.0))
        if word == "(!)":
            found.append([0.0, 1.0, 1.0, 1])
        if not word.isalpha() and len(word) <= 5 and word not in pattern_text.PUNCTUATION:
            for polarity, faces in lexicon.emoticons:
                if word in faces:
                    found.append([polarity, 1.0, 1.0, 1])
                    break
    if not found:
        return 0.0, 0.0
    polarity_sum = subjectivity_sum = 0
    for polarity, subjectivity, _, negated in found:
        polarity_sum += polarity * -0.5 if negated < 0 else polarity
        subjectivity_sum += subjectivity
    return polarity_sum / float(len(found)), subjectivity_sum / float(len(found))


def score_pattern_sentiment(text: str) -> tuple[float, float]:
    """Pattern's polarity (−1..1) and subjectivity (0..1) of ``text``, as
    ``textblob.en.sentiment(text)`` gives them."""
    return assess_pattern(
        [token.lower() for token in split_like_pattern(text)], load_pattern_lexicon()
    )
