"""The context rules of hedge and booster cues, called on a hit in its sentence, and negation."""

from __future__ import annotations

import pytest

from analysis.hedging.senses import CONTEXT_RULES, is_negated


def judge(rule: str, sentence: str, form: str) -> bool:
    start = sentence.index(form)
    return CONTEXT_RULES[rule](sentence, start, start + len(form), 0, len(sentence))


@pytest.mark.parametrize(
    ("rule", "sentence", "form", "kept"),
    [
        ("month_may", "Putin may agree.", "may", True),
        ("month_may", "The talks began in May.", "May", False),
        ("month_may", "May God help us.", "May", True),
        ("month_may", "May 12 was the day.", "May", False),
        ("noun_might", "It might rain.", "might", True),
        ("noun_might", "They fought with all their might.", "might", False),
        ("before_number", "They spoke for about 90 minutes.", "about", True),
        ("before_number", "They talked about the war.", "about", False),
        ("would_sense", "He said he would meet Putin.", "would", False),
        ("would_sense", "A deal would end the war.", "would", True),
    ],
)
def test_a_context_rule_keeps_a_cue_only_in_its_sense(rule, sentence, form, kept):
    assert judge(rule, sentence, form) is kept


def test_every_rule_of_the_lexicon_is_a_function_of_the_hit_and_its_sentence():
    assert all(callable(rule) for rule in CONTEXT_RULES.values()) and len(CONTEXT_RULES) >= 12


@pytest.mark.parametrize(
    ("sentence", "cue", "negated"),
    [
        ("It is not clear what he meant.", "clear", True),
        ("It isn't certain.", "certain", True),
        ("It is certain.", "certain", False),
        ("He never doubted it.", "doubted", True),
    ],
)
def test_negation_among_the_three_words_before(sentence, cue, negated):
    assert is_negated(sentence, sentence.index(cue), 0) is negated
